"""Charts of a diagnosis (Altair): indicators against thresholds, CVs against their limit, and
rural against urban schools. The app shows the charts as they are; the memo embeds them as PNG.

Indicators have different units, so the first chart shows each value as a percentage of its
requirement (100% = the threshold); the tooltip keeps the value in its own unit.
"""

from __future__ import annotations

import functools
import shutil
import subprocess
from pathlib import Path
from typing import Any

import altair as alt
import pandas as pd

from assistant.advisor.diagnosis import Diagnosis, fmt

_TEXT = {
    "en": {
        "indicators": "Resource indicators as % of the requirement (100% = threshold)",
        "cv": "Between-school coefficient of variation against its limit",
        "urban_rural": "Rural schools as % of urban schools (100% = parity)",
        "indicator": "Indicator", "level": "Level", "pct": "% of requirement",
        "value": "Value", "threshold": "Threshold", "cv_axis": "CV", "limit": "Limit",
        "rural_pct": "Rural as % of urban", "urban": "Urban", "rural": "Rural",
        "primary": "Primary", "junior": "Junior", "both": "Both levels", "met": "Met",
        "yes": "yes", "no": "no", "column": "Column in your file", "from": "From {source}",
    },
    "zh": {
        "indicators": "资源配置指标达到标准的百分比（100% = 标准值）",
        "cv": "校际差异系数与限值",
        "urban_rural": "乡村学校相当于城镇学校的百分比（100% = 持平）",
        "indicator": "指标", "level": "学段", "pct": "达到标准的百分比",
        "value": "数值", "threshold": "标准值", "cv_axis": "差异系数", "limit": "限值",
        "rural_pct": "乡村相当于城镇的百分比", "urban": "城镇", "rural": "乡村",
        "primary": "小学", "junior": "初中", "both": "两个学段", "met": "达标",
        "yes": "是", "no": "否", "column": "文件中的列", "from": "数据来自 {source}",
    },
}


def chart_language(lang: str) -> str:
    """The language chart images can be drawn in: Chinese only when a CJK font is installed
    (otherwise every Chinese character would render as an empty box)."""
    return "zh" if lang == "zh" and cjk_font_available() else "en"


@functools.lru_cache(maxsize=1)
def cjk_font_available() -> bool:
    if not shutil.which("fc-list"):
        return False
    try:
        out = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True,
                             timeout=10, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return False
    return bool(out.strip())


def _t(lang: str) -> dict[str, str]:
    return _TEXT["zh" if lang == "zh" else "en"]


def _level_encodings(data: pd.DataFrame, t: dict[str, str]) -> dict[str, Any]:
    """Colour and offset by level, primary before junior."""
    order = [t[k] for k in ("primary", "junior", "both") if t[k] in set(data[t["level"]])]
    return {"yOffset": alt.YOffset(f"{t['level']}:N", sort=order),
            "color": alt.Color(f"{t['level']}:N", title=t["level"], sort=order,
                               scale=alt.Scale(domain=order))}


def indicator_chart(diagnosis: Diagnosis, lang: str = "en") -> alt.Chart | None:
    t = _t(lang)
    rows = [{t["indicator"]: s.label(lang), t["level"]: t[s.level],
             "pct": 100 * s.value / s.threshold, t["value"]: f"{fmt(s.value)} {s.unit}",
             t["threshold"]: fmt(s.threshold), t["met"]: t["yes"] if s.met else t["no"]}
            for s in diagnosis.indicators
            if s.value is not None and s.threshold and s.comparison in (">=", ">")]
    if not rows:
        return None
    data = pd.DataFrame(rows)
    bars = alt.Chart(data).mark_bar().encode(
        x=alt.X("pct:Q", title=t["pct"]),
        y=alt.Y(f"{t['indicator']}:N", title=None, sort=None, axis=alt.Axis(labelLimit=320)),
        **_level_encodings(data, t),
        tooltip=[t["indicator"], t["level"], t["value"], t["threshold"], t["met"]])
    rule = alt.Chart(pd.DataFrame({"x": [100]})).mark_rule(color="#c0392b", strokeDash=[4, 3]) \
        .encode(x="x:Q")
    return (bars + rule).properties(title=t["indicators"], width=420)


def cv_chart(diagnosis: Diagnosis, lang: str = "en") -> alt.Chart | None:
    """CVs against their limit; CVs computed from a school file carry the file's name and, in
    the tooltip, the column each comes from as the file names it."""
    t = _t(lang)
    columns = diagnosis.schools.indicator_columns if diagnosis.schools is not None else {}
    rows = [{t["indicator"]: s.label(lang), t["level"]: t[s.level], "cv": s.cv,
             "limit": s.cv_threshold, t["met"]: t["yes"] if s.cv_met else t["no"],
             t["column"]: columns.get(s.id, "—") if s.cv_source == "schools" else "—"}
            for s in diagnosis.indicators if s.cv is not None and s.cv_threshold is not None]
    if not rows:
        return None
    title: Any = t["cv"]
    if any(s.cv_source == "schools" for s in diagnosis.indicators) and diagnosis.schools:
        title = alt.TitleParams(t["cv"], subtitle=t["from"].format(
            source=Path(diagnosis.schools.source).name))
    data = pd.DataFrame(rows)
    y = alt.Y(f"{t['indicator']}:N", title=None, sort=None, axis=alt.Axis(labelLimit=320))
    levels = _level_encodings(data, t)
    base = alt.Chart(data).encode(y=y, yOffset=levels["yOffset"])
    bars = base.mark_bar().encode(
        x=alt.X("cv:Q", title=t["cv_axis"]),
        color=levels["color"],
        tooltip=[t["indicator"], t["level"], alt.Tooltip("cv:Q", format=".3f", title=t["cv_axis"]),
                 alt.Tooltip("limit:Q", title=t["limit"]), t["met"], t["column"]])
    ticks = base.mark_tick(color="#c0392b", thickness=3).encode(
        x=alt.X("limit:Q"), tooltip=[alt.Tooltip("limit:Q", title=t["limit"])])
    return (bars + ticks).properties(title=title, width=420)


def urban_rural_chart(diagnosis: Diagnosis, lang: str = "en") -> alt.Chart | None:
    t = _t(lang)
    names = {s.id: s.label(lang) for s in diagnosis.indicators}
    rows = [{t["indicator"]: names.get(g.indicator_id, g.indicator_id),
             t["level"]: t[g.level] if g.level else t["both"], "pct": g.rural_pct_of_urban,
             t["urban"]: fmt(g.urban), t["rural"]: fmt(g.rural)}
            for g in diagnosis.gaps if g.rural_pct_of_urban is not None]
    if not rows:
        return None
    data = pd.DataFrame(rows)
    bars = alt.Chart(data).mark_bar().encode(
        x=alt.X("pct:Q", title=t["rural_pct"]),
        y=alt.Y(f"{t['indicator']}:N", title=None, sort=None, axis=alt.Axis(labelLimit=320)),
        **_level_encodings(data, t),
        tooltip=[t["indicator"], t["level"], t["urban"], t["rural"],
                 alt.Tooltip("pct:Q", format=".0f", title=t["rural_pct"])])
    rule = alt.Chart(pd.DataFrame({"x": [100]})).mark_rule(color="#555", strokeDash=[4, 3]) \
        .encode(x="x:Q")
    return (bars + rule).properties(title=t["urban_rural"], width=420)


def diagnosis_charts(diagnosis: Diagnosis, lang: str = "en") -> dict[str, Any]:
    """The charts that have data, keyed ``indicators``, ``cv`` and ``urban_rural``."""
    charts = {"indicators": indicator_chart(diagnosis, lang), "cv": cv_chart(diagnosis, lang),
              "urban_rural": urban_rural_chart(diagnosis, lang)}
    return {key: chart for key, chart in charts.items() if chart is not None}


def chart_png(chart: alt.TopLevelMixin, scale: float = 2.0) -> bytes:
    """The chart as a PNG image (rendered offline by vl-convert)."""
    import vl_convert

    return vl_convert.vegalite_to_png(chart.to_json(), scale=scale)
