"""Charts of a diagnosis (Altair), drawn from the diagnosis tables (``advisor/tables.py``):
indicators against thresholds, CVs against their limit, and rural against urban schools. The
app shows the charts as they are; the memo embeds them as PNG.

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

from assistant import translations
from assistant.advisor.diagnosis import Diagnosis, fmt
from assistant.advisor.tables import gap_rows, status_rows
from assistant.translations import catalogue


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
    """The charts' words in ``lang`` (``chart.*`` in the translation table)."""
    return {key: translations.t(f"chart.{key}", lang) for key in catalogue("en")["chart"]}


def _level_encodings(data: pd.DataFrame, t: dict[str, str]) -> dict[str, Any]:
    """Colour and offset by level, primary before junior."""
    order = [t[k] for k in ("primary", "junior", "both") if t[k] in set(data[t["level"]])]
    return {"yOffset": alt.YOffset(f"{t['level']}:N", sort=order),
            "color": alt.Color(f"{t['level']}:N", title=t["level"], sort=order,
                               scale=alt.Scale(domain=order))}


def indicator_chart(diagnosis: Diagnosis, lang: str = "en") -> alt.Chart | None:
    t = _t(lang)
    rows = [{t["indicator"]: r.indicator, t["level"]: t[r.level],
             "pct": 100 * r.of.value / r.of.threshold, t["value"]: f"{r.value} {r.unit}",
             t["threshold"]: fmt(r.of.threshold), t["met"]: t["yes"] if r.of.met else t["no"]}
            for r in status_rows(diagnosis.indicators, lang)
            if r.of.value is not None and r.of.threshold and r.of.comparison in (">=", ">")]
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
    rows = [{t["indicator"]: r.indicator, t["level"]: t[r.level], "cv": r.of.cv,
             "limit": r.of.cv_threshold, t["met"]: t["yes"] if r.of.cv_met else t["no"],
             t["column"]: columns.get(r.of.id, "—") if r.of.cv_source == "schools" else "—"}
            for r in status_rows(diagnosis.indicators, lang)
            if r.of.cv is not None and r.of.cv_threshold is not None]
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
    rows = [{t["indicator"]: g.indicator, t["level"]: t[g.level] if g.level else t["both"],
             "pct": g.rural_pct_value, t["urban"]: g.urban, t["rural"]: g.rural}
            for g in gap_rows(diagnosis, lang) if g.rural_pct_value is not None]
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
