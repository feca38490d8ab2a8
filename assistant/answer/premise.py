"""A premise the standards contradict: a question about one standard that names an indicator
only another standard has ("优质均衡 … 综合差异系数 0.52": the 2017 quality-balance evaluation has
no composite CV; that was the 2012 basic-balance indicator). The answer corrects it in one
sentence, with the asked standard's own rule of the same group, before anything else — all read
from corpus/standards/*.yaml, for any indicator and threshold."""

from __future__ import annotations

import re
from dataclasses import dataclass

from assistant.advisor.standards import Indicator, Standard, Standards
from assistant.answer.messages import text as t

# the words a question uses for a standard (the first that matches is the one asked about)
STANDARD_NAMED = {
    "quality-balance-2017": re.compile(r"quality[- ]balance|优质均衡", re.IGNORECASE),
    "basic-balance-2012": re.compile(r"basic[- ]balance|基本均衡", re.IGNORECASE),
}


@dataclass(frozen=True)
class Premise:
    """The correction: its sentence and the document of the standard asked about."""

    text: str
    source: str


def _named(indicator: Indicator, question: str) -> bool:
    """Whether the question names the indicator: its Chinese name, or its id read as words
    ("composite cv")."""
    words = re.escape(indicator.id.replace("_", " "))
    # "cv" in an id is said in full as often ("composite coefficient of variation")
    words = re.sub(r"\bcv\b", "(cv|coefficient of variation)", words)
    return indicator.name_zh in question or \
        re.search(rf"\b{words}\b", question, re.IGNORECASE) is not None


def _figures(indicator: Indicator, language: str, unit: str = "") -> str:
    """"at most 0.50 for primary schools, at most 0.45 for junior …" / "小学不高于0.50，初中…"
    (each figure followed by ``unit`` when given: "45人")."""
    bound = {"<=": "premise_at_most", ">=": "premise_at_least"}.get(indicator.comparison)
    if bound is None:
        return ""
    parts = [t(f"premise_{level}", language, value=t(bound, language, value=_number(value) + unit))
             for level in ("primary", "junior") if (value := indicator.threshold(level)) is not None]
    return ("，" if language == "zh" else ", ").join(parts)


def _number(value: float) -> str:
    """0.45 and 0.50 as the standards print them; 85 as 85."""
    return f"{value:.2f}" if value < 1 else f"{value:g}"


def _label(indicator: Indicator, language: str) -> str:
    return indicator.name_zh if language == "zh" else indicator.name.split(" (")[0].lower()


def _title(standard: Standard, language: str) -> str:
    if language == "zh":
        title = standard.title_zh
        found = re.match(r"(.+?)（(.+)）$", title)
        return f"《{found.group(1)}》（{found.group(2)}）" if found else f"《{title}》"
    return standard.title


def corrected_premise(question: str, language: str, standards: Standards) -> Premise | None:
    """The sentence that corrects a question naming, for the standard it asks about, an
    indicator that standard does not have; None when the premise holds (or names no standard)."""
    asked = next((name for name, cue in STANDARD_NAMED.items() if cue.search(question)), None)
    if asked is None:
        return None
    own = standards.standard(asked)
    for other in standards:
        if other.standard == asked:
            continue
        for indicator in other.indicators.values():
            if indicator.id in own.indicators or not _named(indicator, question):
                continue
            # the asked standard's rule of the same kind (its CV rule for a CV)
            rule = next((i for i in own.indicators.values() if i.group == indicator.group), None)
            sentence = t("premise_no_indicator", language, standard=_title(own, language),
                         indicator=_label(indicator, language))
            if rule is not None and _figures(rule, language):
                sentence += t("premise_rule", language, indicator=_label(rule, language),
                              figures=_figures(rule, language))
            figures = _figures(indicator, language) if indicator.certainty == "verified" else ""
            sentence += t("premise_belongs_figures" if figures else "premise_belongs", language,
                          indicator=_label(indicator, language),
                          standard=_title(other, language), figures=figures)
            end = "。" if language == "zh" else "."
            return Premise(sentence.rstrip("。.;；，, ") + end, own.source_doc)
    return None


# a question that checks its own figure: "does it pass?", "是否达标", "够不够"
_CHECKS = re.compile(r"\b(pass(es)?|meets?|qualif\w*|enough|fail\w*|good enough|within|acceptable)\b|"
                     r"达标|合格|够不够|过关|通过|达到|符合|能不能|能否|是否|算不算", re.IGNORECASE)
# a question that names a coefficient of variation: its figure is the CV, not the indicator's own
CV_NAMED = re.compile(r"coefficient of variation|\bCVs?\b|差异系数", re.IGNORECASE)


def stated_cv(question: str, language: str, standards: Standards) -> Premise | None:
    """The verdict on a coefficient of variation the question gives as its situation ("our
    junior CV for equipment is 0.52: how do we lower it?"), against the CV rule of the standard
    it names, or of every standard (the first that has one) when it names none; None when it
    names no CV or gives no figure for it."""
    if not CV_NAMED.search(question):
        return None
    # a number of people ("per 100 pupils", "每百名学生", "40所学校") is never the CV asked about
    question = _COUNTED.sub(" ", question)
    rules = [i for standard in standards for i in standard.indicators.values() if i.group == "cv"]
    # the standard in force first (the latest year in its name), when the question names none
    rules.sort(key=lambda i: -_year(i.standard))
    return checked_figure(question, language, standards, rules, stated=True)


_COUNTED = re.compile(r"\d+\s*(pupils?|students?|children|teachers?|schools?|classes|"
                     r"名|个|所|人|位)", re.IGNORECASE)


def _year(standard: str) -> int:
    found = re.search(r"\d{4}", standard)
    return int(found.group()) if found else 0


# a figure the asker gives, with its percent sign; a year, an article or a 文号 number is none
_FIGURE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)\s*(%|％|个百分点)?(?![\d.]*\s*(?:年|号|条|款|号文))")
_YEAR = re.compile(r"^(19|20)\d\d$")
_LEVELS = {"primary": re.compile(r"\bprimary\b|小学", re.IGNORECASE),
           "junior": re.compile(r"\bjunior\b|\bmiddle school|初中", re.IGNORECASE)}


def _given_figure(question: str, indicator: Indicator, start: int = 0) -> float | None:
    """The figure the question gives for the indicator from ``start`` on: the first number that
    is not a year and not part of the indicator's own name ("per 100 pupils"); a percentage
    read on the indicator's scale (85 % is 0.85 for a share kept as a fraction)."""
    own = set(re.findall(r"\d+(?:\.\d+)?", f"{indicator.name} {indicator.name_zh}"))
    for found in _FIGURE.finditer(question, start):
        number = found.group(1)
        if _YEAR.match(number) or number in own:
            continue
        value = float(number)
        thresholds = [v for v in (indicator.primary, indicator.junior) if v is not None]
        if found.group(2) and thresholds and max(thresholds) <= 1:
            value /= 100
        return value
    return None


SCALE = 5  # a stated figure within this factor of the threshold is read on the rule's scale


def _on_scale(value: float, threshold: float | None) -> bool:
    if not threshold:
        return True
    return threshold / SCALE <= value <= threshold * SCALE


def _figures_by_level(question: str, indicator: Indicator) -> dict[str, float]:
    """The figure given for each school level the question names ("小学0.48，初中0.47": each
    the first figure after its level), or for every level the standard sets when it names none
    (the key "both" when the two thresholds are the same)."""
    named = {level: cue.search(question) for level, cue in _LEVELS.items()}
    given = {level: _given_figure(question, indicator, found.end())
             for level, found in named.items() if found}
    if any(value is not None for value in given.values()):
        # a level named before any figure ("primary and junior: 0.48") shares the next figure
        return {level: value for level, value in given.items()
                if value is not None and indicator.threshold(level) is not None}
    value = _given_figure(question, indicator)
    if value is None:
        return {}
    levels = [level for level in ("primary", "junior") if indicator.threshold(level) is not None]
    if len(levels) == 2 and indicator.primary == indicator.junior:
        levels = ["both"]
    return {level: value for level in levels}


def checked_figure(question: str, language: str, standards: Standards,
                   indicators: list[Indicator], stated: bool = False) -> Premise | None:
    """The verdict on a figure the question checks against a threshold ("our primary CV is
    0.52 — does it pass quality balance?"): passes or fails, by how much, against which
    standard and school level — for the first of ``indicators`` (the ones the question asks
    about, best first) of the standard it names; None when it checks no figure. ``stated``:
    the question gives the figure as its situation ("our CV is 0.62 — what should we do?"),
    which is checked as well, though the question does not ask whether it passes."""
    if not stated and not _CHECKS.search(question):
        return None
    asked = next((name for name, cue in STANDARD_NAMED.items() if cue.search(question)), None)
    for indicator in indicators:
        if asked is not None and indicator.standard != asked:
            continue
        figures = _figures_by_level(question, indicator)
        # a figure far off the rule's scale counts something else ("teaching points with fewer
        # than 30 pupils" is no 30 PE teachers per 100 pupils)
        figures = {level: value for level, value in figures.items()
                   if _on_scale(value, indicator.threshold("primary" if level == "both" else level))}
        # a threshold that names a category (56 or more: a large class) is no rule a figure
        # "fails": a size is said as its category (``stated_category``)
        # ... nor is a rule on how a figure is counted ("funded as if it had 100 pupils": a
        # teaching point of 30 is what it covers, not one that fails it)
        if not figures or indicator.comparison not in ("<=", ">=", "<", ">") or \
                category(indicator, "en") or indicator.extra.get("counts_as"):
            continue
        several = len(set(figures.values())) > 1  # a figure for each level: each in its clause
        clauses = [_verdict_clause(indicator, level, value, language, several)
                   for level, value in figures.items()]
        value = next(iter(figures.values()))
        standard = standards.standard(indicator.standard)
        sentence = t("verdict_levels" if several else "verdict", language,
                     indicator=_label(indicator, language), value=_shown(value, indicator),
                     standard=_title(standard, language),
                     clauses=("；" if language == "zh" else "; ").join(clauses))
        if indicator.certainty != "verified":
            sentence += t("verdict_unverified", language)
        end = "。" if language == "zh" else "."
        return Premise(sentence.rstrip("。.;；，, ") + end, standard.source_doc)
    return None


def category(indicator: Indicator, language: str) -> str:
    """The category a value of this size or more falls into ("large class"), when the indicator's
    threshold defines one (``defines`` in the standards file); "" otherwise."""
    defines = indicator.extra.get("defines")
    if not isinstance(defines, dict):
        return ""
    return str(defines.get(language) or defines.get("en") or "")


def category_indicators(problems: tuple[str, ...], standards: Standards) -> list[Indicator]:
    """The thresholds that sort a size into named categories (``defines`` in a standards file:
    56 or more pupils = large class) for the problems a question states ("large_classes")."""
    def plain(words: str) -> str:
        return re.sub(r"[_\s-]+", " ", words.lower()).strip()
    named = {plain(re.sub(r"(?<=ss)es$|s$", "", flag)) for flag in problems}
    return [i for standard in standards for i in standard.indicators.values()
            if category(i, "en") and plain(category(i, "en")) in named]


def stated_category(question: str, language: str, standards: Standards,
                    indicators: list[Indicator]) -> Premise | None:
    """What a size the asker gives is under the thresholds that name categories ("classes of 60":
    a large class, 56 or more; a super-large class begins at 66), said of the standard of the
    first of ``indicators``; None when the question gives no figure or none reaches a category."""
    if not indicators:
        return None
    standard = standards.standard(indicators[0].standard)
    ranked = sorted((i for i in standard.indicators.values()
                     if category(i, language) and i.threshold("primary") is not None),
                    key=lambda i: i.threshold("primary"))
    value = _given_figure(question, indicators[0])
    if value is None or not ranked:
        return None
    reached = [i for i in ranked if value >= i.threshold("primary")]
    if not reached:
        return None
    above = next((i for i in ranked if value < i.threshold("primary")), None)
    top = reached[-1]
    beyond = t("size_beyond", language, threshold=_number(above.threshold("primary")),
               unit=_size_unit(above, language), category=category(above, language)) if above else ""
    title = standard.title_zh if language == "zh" and standard.title_zh else standard.title
    sentence = t("size_category", language, value=_number(value), unit=_size_unit(top, language),
                 category=category(top, language), threshold=_number(top.threshold("primary")),
                 standard=title, beyond=beyond)
    if any(i.certainty != "verified" for i in (top, above) if i is not None):
        sentence += t("verdict_unverified", language)
    sentence += _size_cap(standards, top, language)
    end = "。" if language == "zh" else "."
    return Premise(sentence.rstrip("。.;；，, ") + end, standard.source_doc)


def _size_unit(indicator: Indicator, language: str, spaced: bool = False) -> str:
    """What a size of a category is counted in, as it follows a figure: "人" / "pupils" (of
    "pupils per class"); with ``spaced``, an English unit after a space ("45 pupils")."""
    if language == "zh":
        return str(indicator.extra.get("defines", {}).get("unit_zh", ""))
    unit = indicator.unit.split(" per ")[0]
    return f" {unit}" if spaced else unit


def _size_cap(standards: Standards, sized: Indicator, language: str) -> str:
    """"; the quality-balance evaluation asks for at most 45 for primary schools, …": the cap a
    standard sets on the same size (pupils per class), which a class must meet, not merely stay
    out of the category — so a class of 50 is not taken as fine because it is no large class."""
    cap = next((i for st in standards for i in st.indicators.values()
                if i.unit == sized.unit and i.comparison == "<=" and not category(i, "en")),
               None)
    unit = _size_unit(sized, language, spaced=True)
    if cap is None or not _figures(cap, language, unit):
        return ""
    clause = t("size_cap", language, standard=_title(standards.standard(cap.standard), language),
               figures=_figures(cap, language, unit))
    if cap.certainty != "verified":
        clause += t("verdict_unverified", language)
    return clause


def _shown(value: float, indicator: Indicator) -> str:
    """A figure as the standards print it, with its percent sign on a percentage."""
    return _number(value) + ("%" if "%" in indicator.unit else "")


def _gap(gap: float, indicator: Indicator, language: str) -> str:
    """How far a figure is from the threshold: in percentage points for a percentage."""
    if "%" in indicator.unit:
        return t("verdict_points", language, value=_number(gap))
    return _number(gap)


def _verdict_clause(indicator: Indicator, level: str, value: float, language: str,
                    several: bool = False) -> str:
    """"for primary schools it must be at most 0.50, so it fails by 0.02" / "小学要求不高于0.50，
    未达标（超出0.02）"."""
    threshold = indicator.threshold("primary" if level == "both" else level)
    if threshold is None:
        return ""
    bound = {"<=": "premise_at_most", "<": "premise_at_most",
             ">=": "premise_at_least", ">": "premise_at_least"}[indicator.comparison]
    gap = abs(value - threshold)
    decimals = max(len(_number(v).partition(".")[2]) for v in (value, threshold))
    passes = indicator.meets(value, "primary" if level == "both" else level)
    margin = t("verdict_exact", language) if not gap else \
        t("verdict_over" if value > threshold else "verdict_under", language,
          gap=_gap(float(f"{gap:.{decimals}f}"), indicator, language))
    return t("verdict_clause_value" if several else "verdict_clause", language,
             level=t(f"verdict_{level}", language), value=_shown(value, indicator),
             rule=t(bound, language, value=_shown(threshold, indicator)), margin=margin,
             outcome=t("verdict_passes" if passes else "verdict_fails", language))
