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
    words = indicator.id.replace("_", " ")
    return indicator.name_zh in question or \
        re.search(rf"\b{re.escape(words)}\b", question, re.IGNORECASE) is not None


def _figures(indicator: Indicator, language: str) -> str:
    """"at most 0.50 for primary schools, at most 0.45 for junior …" / "小学不高于0.50，初中…"."""
    bound = {"<=": "premise_at_most", ">=": "premise_at_least"}.get(indicator.comparison)
    if bound is None:
        return ""
    parts = [t(f"premise_{level}", language, value=t(bound, language, value=_number(value)))
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
