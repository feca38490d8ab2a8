"""Diagnosis: where a district stands against the basic- and quality-balance standards.

Every threshold comes from ``corpus/standards/*.yaml`` (see standards.py). A value the profile or
the school file does not give is *unknown*, never guessed. Problem flags are raised only from
numbers in the profile, each with its evidence in words (English and Chinese).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from assistant import translations
from assistant.advisor.profile import DistrictProfile
from assistant.advisor.schools import SchoolAnalysis
from assistant.advisor.standards import (
    BASIC_BALANCE,
    CLASS_SIZE,
    QUALITY_BALANCE,
    SCHOOL_LEVELS,
    Indicator,
    Standards,
)

# The seven areas of government responsibility (corpus/analysis/ana-responsibility-framework.md)
# and the problems a diagnosis flags, named in each language by the translation table (``area.*``,
# ``flag.*``); areas in the order they are discussed.
AREA_LABELS: dict[str, dict[str, str]] = translations.labels("area")
FLAG_LABELS: dict[str, dict[str, str]] = translations.labels("flag")

# Which responsibility area each indicator or flag belongs to (a classification, not a threshold).
AREA_OF: dict[str, str] = {
    "qualified_teachers_per_100": "teachers", "key_teachers_per_100": "teachers",
    "pe_arts_teachers_per_100": "teachers", "building_area_per_pupil": "facilities",
    "sports_area_per_pupil": "facilities", "equipment_value_per_pupil": "facilities",
    "multimedia_classrooms_per_100": "quality-digital",
    "teacher_pay_vs_civil_servants_pct": "teachers", "rotation_rate_pct": "teachers",
    "key_teacher_share_of_rotation_pct": "teachers",
    "migrant_children_public_pct": "admission-equity",
    "large_class_share_pct": "planning", "super_large_class_share_pct": "planning",
    "large_classes": "planning", "super_large_classes": "planning",
    "teacher_pay_below_civil_servants": "teachers", "low_rotation": "teachers",
    "rural_teacher_shortage": "teachers", "small_schools_underfunded": "funding",
    "boarding_conditions": "facilities", "left_behind_children": "admission-equity",
    "migrant_children_access": "admission-equity", "low_rural_funding_share": "funding",
    "digital_gap": "quality-digital", "high_cv": "supervision-accountability",
    "schools_below_standard": "facilities", "urban_crowding": "planning",
    "rural_decline": "planning", "weak_supervision": "supervision-accountability",
    "quality_gap": "quality-digital",
}

TEACHER_INDICATORS = ("qualified_teachers_per_100", "key_teachers_per_100",
                      "pe_arts_teachers_per_100")
DIGITAL_INDICATOR = "multimedia_classrooms_per_100"

# Government-guarantee indicators the profile can answer: (standard, indicator id) -> field path.
GOVERNMENT_FIELDS: list[tuple[str, str, tuple[str, str]]] = [
    (QUALITY_BALANCE, "teacher_pay_vs_civil_servants_pct",
     ("teachers", "pay_vs_civil_servants_pct")),
    (QUALITY_BALANCE, "rotation_rate_pct", ("teachers", "rotation_rate_pct")),
    (QUALITY_BALANCE, "key_teacher_share_of_rotation_pct",
     ("teachers", "key_teacher_share_of_rotation_pct")),
    (QUALITY_BALANCE, "migrant_children_public_pct", ("equity", "migrant_in_public_schools_pct")),
    (CLASS_SIZE, "large_class_share_pct", ("class_size", "share_over_56_pct")),
    (CLASS_SIZE, "super_large_class_share_pct", ("class_size", "share_over_66_pct")),
]


# Ids that restate the same gap as a flag (for ranking measures without double counting).
GAP_GROUP: dict[str, str] = {
    "large_class_share_pct": "large_classes", "super_large_class_share_pct": "super_large_classes",
    "teacher_pay_vs_civil_servants_pct": "teacher_pay_below_civil_servants",
    "rotation_rate_pct": "low_rotation", "key_teacher_share_of_rotation_pct": "low_rotation",
    "migrant_children_public_pct": "migrant_children_access", "cv_each_indicator": "high_cv",
    "school_indicators_met": "schools_below_standard",
    "school_min_share_of_requirement": "schools_below_standard",
}


COMPARISON_SYMBOLS = {">=": "≥", "<=": "≤", ">": ">", "<": "<"}


def fmt(value: float | None, digits: int = 2) -> str:
    """A number as officials write it: thousands separators, no trailing zeros."""
    if value is None:
        return "—"
    if abs(value) >= 1000:
        return f"{value:,.0f}"
    text = f"{value:.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


@dataclass
class IndicatorStatus:
    """One indicator at one level (``all`` for a government indicator with one threshold)."""

    id: str
    level: str
    standard: str
    name: str
    name_zh: str
    unit: str
    comparison: str
    source: str
    certainty: str
    value: float | None = None
    value_source: str | None = None     # profile | schools
    threshold: float | None = None
    met: bool | None = None
    cv: float | None = None
    cv_source: str | None = None
    cv_threshold: float | None = None
    cv_met: bool | None = None

    @property
    def status(self) -> str:
        return {True: "met", False: "not_met", None: "unknown"}[self.met]

    @property
    def shortfall(self) -> float:
        """How far from the threshold, relative to it (0 when met or unknown)."""
        if self.met is not False or self.value is None or self.threshold is None:
            return 0.0
        if self.threshold == 0:
            return 1.0
        if self.comparison in (">=", ">"):
            return max(0.0, 1 - self.value / self.threshold)
        return max(0.0, self.value / self.threshold - 1)

    def label(self, lang: str = "en") -> str:
        return self.name_zh if lang == "zh" and self.name_zh else self.name

    def unit_label(self, lang: str = "en") -> str:
        """The unit in ``lang`` ("m² per pupil" is "平方米/生"; ``unit.*`` in the catalogue)."""
        return translations.label("unit", self.unit, lang)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "level": self.level, "standard": self.standard, "name": self.name,
                "name_zh": self.name_zh, "unit": self.unit, "comparison": self.comparison,
                "value": self.value, "value_source": self.value_source,
                "threshold": self.threshold, "met": self.met, "status": self.status,
                "cv": self.cv, "cv_source": self.cv_source, "cv_threshold": self.cv_threshold,
                "cv_met": self.cv_met, "source": self.source, "certainty": self.certainty}


@dataclass
class Flag:
    id: str
    severity: str                       # problem | check
    evidence: dict[str, str]            # {"en": ..., "zh": ...}
    sources: list[str] = field(default_factory=list)  # doc ids of the thresholds used

    @property
    def area(self) -> str:
        return AREA_OF.get(self.id, "supervision-accountability")

    def label(self, lang: str = "en") -> str:
        return FLAG_LABELS.get(self.id, {}).get(lang, self.id)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "severity": self.severity, "label": self.label("en"),
                "label_zh": self.label("zh"), "area": self.area, "evidence": self.evidence,
                "sources": self.sources}


@dataclass
class UrbanRuralGap:
    indicator_id: str
    level: str | None                   # None when the profile gives one value for both levels
    urban: float
    rural: float
    source: str                         # profile | schools

    @property
    def rural_pct_of_urban(self) -> float | None:
        return None if self.urban == 0 else 100.0 * self.rural / self.urban

    def to_json(self) -> dict[str, Any]:
        return {"indicator": self.indicator_id, "level": self.level, "urban": self.urban,
                "rural": self.rural, "rural_pct_of_urban": self.rural_pct_of_urban,
                "source": self.source}


@dataclass
class AreaConcern:
    area: str
    reasons: list[str]                  # indicator ids and flag ids

    def label(self, lang: str = "en") -> str:
        return AREA_LABELS.get(self.area, {}).get(lang, self.area)

    def to_json(self) -> dict[str, Any]:
        return {"area": self.area, "label": self.label("en"), "label_zh": self.label("zh"),
                "reasons": self.reasons}


@dataclass
class BasicBalance:
    recognised: bool | None
    years_since: int | None
    indicators: list[IndicatorStatus]
    note: dict[str, str]

    def to_json(self) -> dict[str, Any]:
        return {"recognised": self.recognised, "years_since": self.years_since,
                "indicators": [i.to_json() for i in self.indicators], "note": self.note}


@dataclass
class Diagnosis:
    profile: DistrictProfile
    indicators: list[IndicatorStatus]   # resource indicators, per level
    government: list[IndicatorStatus]
    basic_balance: BasicBalance
    flags: list[Flag]
    gaps: list[UrbanRuralGap]
    areas: list[AreaConcern]
    schools: SchoolAnalysis | None
    sources: list[str]                  # doc ids of the standards applied

    def gap_label(self, gap_id: str, lang: str = "en") -> str:
        """What a measure's gap id names, for a reader: a flag's label, an indicator's name, the
        flag a gap belongs to; never the raw id ("low_rotation" is "教师交流轮岗不足")."""
        if gap_id in FLAG_LABELS:
            return FLAG_LABELS[gap_id][lang]
        for status in self.indicators + self.government:
            if status.id == gap_id:
                return status.label(lang)
        if gap_id in GAP_GROUP:
            return FLAG_LABELS[GAP_GROUP[gap_id]][lang]
        return gap_id.replace("_", " ")

    def gap_labels(self, gap_ids: list[str], lang: str = "en") -> list[str]:
        """``gap_label`` of each id, each label once, in order."""
        return list(dict.fromkeys(self.gap_label(gap_id, lang) for gap_id in gap_ids))

    def flag(self, flag_id: str) -> Flag | None:
        return next((f for f in self.flags if f.id == flag_id), None)

    def indicator(self, indicator_id: str, level: str) -> IndicatorStatus | None:
        return next((i for i in self.indicators + self.government
                     if i.id == indicator_id and i.level == level), None)

    def gap_weights(self) -> dict[str, float]:
        """How pressing each indicator or flag is, for ranking measures (see measures.py).

        unmet indicator (per level):   1 + min(2, 2 · relative shortfall)
        CV over its limit (per level): 1 + min(2, 2 · (CV / limit − 1)); also summed under
                                       ``cv_each_indicator``
        failing per-school rule:       1 + 2 · share of schools failing (``school_indicators_met``)
        raised flag:                   2 for a problem, 0.5 for a point to check
        """
        weights: dict[str, float] = {}

        def add(key: str, amount: float) -> None:
            weights[key] = weights.get(key, 0.0) + amount

        for status in self.indicators + self.government:
            if status.met is False:
                add(status.id, 1 + min(2.0, 2 * status.shortfall))
            if status.cv_met is False and status.cv and status.cv_threshold:
                amount = 1 + min(2.0, 2 * (status.cv / status.cv_threshold - 1))
                add(status.id, amount)
                add("cv_each_indicator", amount)
        if self.schools is not None:
            in_scope = [r for r in self.schools.results if r.in_scope]
            failing = self.schools.failing_schools()
            if failing and in_scope:
                add("school_indicators_met", 1 + 2 * len(failing) / len(in_scope))
                add("school_min_share_of_requirement", 1 + 2 * len(failing) / len(in_scope))
        for flag in self.flags:
            add(flag.id, 2.0 if flag.severity == "problem" else 0.5)
        return weights

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "district": self.profile.name, "illustrative": self.profile.illustrative,
            "indicators": [i.to_json() for i in self.indicators],
            "government": [i.to_json() for i in self.government],
            "basic_balance": self.basic_balance.to_json(),
            "flags": [f.to_json() for f in self.flags],
            "urban_rural": [g.to_json() for g in self.gaps],
            "areas": [a.to_json() for a in self.areas],
            "standards_sources": self.sources,
        }
        if self.schools is not None:
            data["schools"] = schools_json(self.schools)
        return data


def schools_json(analysis: SchoolAnalysis, top: int = 3) -> dict[str, Any]:
    data = {
        "source": analysis.source,
        "min_pupils_in_scope": analysis.min_pupils,
        "excluded": [{"school": s.name, "row": s.row, "pupils": s.pupils}
                     for s in analysis.excluded],
        "per_school_rule": {"indicators_met_at_least": analysis.required_met,
                            "others_at_least_share": analysis.min_share},
        "schools": [{"school": r.school.name, "row": r.school.row, "level": r.school.level,
                     "location": r.school.location, "pupils": r.school.pupils,
                     "in_scope": r.in_scope, "values": r.values, "met": r.met,
                     "indicators_met": r.indicators_met, "passes_rule": r.passes_rule}
                    for r in analysis.results],
        "cv": [{"indicator": c.indicator_id, "level": c.level, "schools": c.schools,
                "column": analysis.indicator_columns.get(c.indicator_id),
                "pupils": c.pupils, "mean": c.mean, "cv": c.cv, "threshold": c.threshold,
                "met": c.met,
                "largest_contributors": [{"school": x.school, "row": x.row, "value": x.value,
                                          "deviation": x.deviation, "share": x.share}
                                         for x in c.contributions[:top]]}
               for c in analysis.cvs],
    }
    if analysis.reading is not None:
        data["read"] = analysis.reading.to_json()
    return data


# -- the diagnosis -----------------------------------------------------------------------------

def diagnose(profile: DistrictProfile, standards: Standards,
             schools: SchoolAnalysis | None = None) -> Diagnosis:
    """Compare a profile (and optionally school-level data) with the standards."""
    indicators = _resource_statuses(profile, standards, schools)
    government = _government_statuses(profile, standards)
    gaps = _urban_rural_gaps(profile, schools)
    flags = _flags(profile, standards, indicators, government, gaps, schools)
    areas = _areas(indicators, government, flags)
    sources = sorted({s.source for s in indicators + government if s.met is not None
                      or s.cv_met is not None} | {f for flag in flags for f in flag.sources})
    return Diagnosis(profile=profile, indicators=indicators, government=government,
                     basic_balance=_basic_balance(profile, standards), flags=flags, gaps=gaps,
                     areas=areas, schools=schools, sources=sources)


def _status(indicator: Indicator, level: str, value: float | None,
            value_source: str | None) -> IndicatorStatus:
    threshold_level = "primary" if level == "all" else level
    return IndicatorStatus(
        id=indicator.id, level=level, standard=indicator.standard, name=indicator.name,
        name_zh=indicator.name_zh, unit=indicator.unit, comparison=indicator.comparison,
        source=indicator.source, certainty=indicator.certainty, value=value,
        value_source=value_source if value is not None else None,
        threshold=indicator.threshold(threshold_level),
        met=indicator.meets(value, threshold_level))


def _resource_statuses(profile: DistrictProfile, standards: Standards,
                       schools: SchoolAnalysis | None) -> list[IndicatorStatus]:
    cv_rule = standards.get(QUALITY_BALANCE, "cv_each_indicator")
    statuses = []
    for level in SCHOOL_LEVELS:
        given = getattr(profile.indicators, level).known()
        given_cv = getattr(profile.cv, level)
        for indicator in standards.resource_indicators():
            # School data, when loaded, is more precise than a county figure typed in by hand.
            value, source = None, None
            if schools is not None and level in schools.pooled:
                value, source = schools.pooled[level][indicator.id], "schools"
            elif indicator.id in given:
                value, source = given[indicator.id], "profile"
            status = _status(indicator, level, value, source)
            computed = schools.cv_for(indicator.id, level) if schools is not None else None
            if computed is not None and computed.cv is not None:
                status.cv, status.cv_source = computed.cv, "schools"
            elif indicator.id in given_cv:
                status.cv, status.cv_source = given_cv[indicator.id], "profile"
            status.cv_threshold = cv_rule.threshold(level)
            status.cv_met = cv_rule.meets(status.cv, level)
            statuses.append(status)
    return statuses


def _government_statuses(profile: DistrictProfile, standards: Standards) -> list[IndicatorStatus]:
    statuses = []
    for standard, indicator_id, (part, name) in GOVERNMENT_FIELDS:
        indicator = standards.find(standard, indicator_id)
        if indicator is None:
            continue
        value = getattr(getattr(profile, part), name)
        # One figure for the district: one status when both levels share the threshold.
        levels = ["all"] if indicator.primary == indicator.junior else \
            [lvl for lvl in SCHOOL_LEVELS if indicator.threshold(lvl) is not None]
        statuses.extend(_status(indicator, lvl, value, "profile") for lvl in levels)
    return statuses


def _basic_balance(profile: DistrictProfile, standards: Standards) -> BasicBalance:
    years = profile.years_since_basic_balance
    std = standards.standards.get(BASIC_BALANCE)
    indicators = [_status(i, lvl, None, None) for i in (std.indicators.values() if std else [])
                  for lvl in SCHOOL_LEVELS if i.threshold(lvl) is not None]
    note = {
        "en": ("The 2012 composite CV averages eight indicators that differ from the seven 2017 "
               "resource indicators, so it is not computed here; the district's recognition "
               "decision states whether it was met."),
        "zh": "2012年综合差异系数由8项指标平均而得，与2017年7项资源配置指标不同，此处不作计算；"
              "是否达标以国家认定结论为准。",
    }
    return BasicBalance(recognised=None if years is None else True, years_since=years,
                        indicators=indicators, note=note)


def _urban_rural_gaps(profile: DistrictProfile,
                      schools: SchoolAnalysis | None) -> list[UrbanRuralGap]:
    gaps: list[UrbanRuralGap] = []
    if schools is not None:
        for level, places in schools.by_location.items():
            if "urban" in places and "rural" in places:
                gaps.extend(UrbanRuralGap(i, level, places["urban"][i], places["rural"][i],
                                          "schools") for i in places["urban"])
    urban, rural = profile.urban_rural.urban.known(), profile.urban_rural.rural.known()
    for indicator_id in urban:
        if indicator_id in rural:
            gaps.append(UrbanRuralGap(indicator_id, None, urban[indicator_id],
                                      rural[indicator_id], "profile"))
    return gaps


class _FlagSet:
    """Collects flags; evidence raised twice for one flag is appended to it."""

    def __init__(self) -> None:
        self.items: list[Flag] = []

    def raise_flag(self, flag_id: str, severity: str, en: str, zh: str, *sources: str) -> None:
        existing = next((f for f in self.items if f.id == flag_id), None)
        if existing is None:
            self.items.append(Flag(flag_id, severity, {"en": en, "zh": zh},
                                   [s for s in sources if s]))
            return
        existing.evidence["en"] += " " + en
        existing.evidence["zh"] += zh
        if severity == "problem":
            existing.severity = "problem"
        existing.sources.extend(s for s in sources if s and s not in existing.sources)

    def has(self, *flag_ids: str) -> bool:
        return any(f.id in flag_ids for f in self.items)


def _flags(profile: DistrictProfile, standards: Standards, indicators: list[IndicatorStatus],
           government: list[IndicatorStatus], gaps: list[UrbanRuralGap],
           schools: SchoolAnalysis | None) -> list[Flag]:
    flags = _FlagSet()
    _government_flags(government, standards, flags.raise_flag)
    _rural_gap_flags(gaps, standards, flags.raise_flag)
    _resource_flags(indicators, schools, standards, flags.raise_flag)
    _profile_flags(profile, standards, flags.raise_flag)
    if profile.years_since_basic_balance is not None and flags.has("high_cv",
                                                                   "schools_below_standard"):
        y = profile.years_since_basic_balance
        flags.raise_flag("weak_supervision", "check",
                         f"Gaps against the quality-balance standard remain {y} year(s) after "
                         "basic-balance recognition; follow-up supervision should track them.",
                         f"通过基本均衡认定{y}年后，对照优质均衡标准仍有差距，需持续督导跟踪。")
    return flags.items


def _government_flags(government: list[IndicatorStatus], standards: Standards,
                      raise_flag) -> None:
    for status in government:
        if status.met is not False:
            continue
        v, t = fmt(status.value), fmt(status.threshold)
        due = standards.find(status.standard, status.id)
        by = f" by {due.deadline[:4]}" if due and due.deadline else ""
        by_zh = f"{due.deadline[:4]}年底前" if due and due.deadline else ""
        if status.id == "large_class_share_pct":
            raise_flag("large_classes", "problem",
                       f"{v}% of classes have 56 or more pupils; the national target is at most "
                       f"{t}%{by}.", f"大班额占比{v}%，国家目标为{by_zh}不超过{t}%。",
                       status.source)
        elif status.id == "super_large_class_share_pct":
            raise_flag("super_large_classes", "problem",
                       f"{v}% of classes have 66 or more pupils; the national target is at most "
                       f"{t}%{by}.", f"超大班额占比{v}%，国家目标为{by_zh}不超过{t}%。",
                       status.source)
        elif status.id == "teacher_pay_vs_civil_servants_pct":
            raise_flag("teacher_pay_below_civil_servants", "problem",
                       f"Average teacher pay is {v}% of the local civil-servant average; the "
                       f"standard requires at least {t}%.",
                       f"教师平均工资为当地公务员平均工资的{v}%，标准要求不低于{t}%。",
                       status.source)
        elif status.id == "rotation_rate_pct":
            raise_flag("low_rotation", "problem",
                       f"{v}% of eligible teachers rotate each year; the standard is at least "
                       f"{t}%.",
                       f"每年交流轮岗教师占符合条件教师的{v}%，标准为不低于{t}%。",
                       status.source)
        elif status.id == "key_teacher_share_of_rotation_pct":
            raise_flag("low_rotation", "problem",
                       f"Key teachers are {v}% of those rotating; the standard is at least {t}%.",
                       f"骨干教师占交流轮岗教师的{v}%，标准为不低于{t}%。", status.source)
        elif status.id == "migrant_children_public_pct":
            raise_flag("migrant_children_access", "problem",
                       f"{v}% of migrant children attend public schools or government-purchased "
                       f"places; the standard is at least {t}%.",
                       f"随迁子女在公办学校和政府购买学位就读比例为{v}%，标准为不低于{t}%。",
                       status.source)


def _rural_gap_flags(gaps: list[UrbanRuralGap], standards: Standards, raise_flag) -> None:
    for gap in gaps:
        # A county-wide shortfall is already an unmet indicator; these flags need rural evidence.
        if gap.indicator_id in TEACHER_INDICATORS or gap.indicator_id == DIGITAL_INDICATOR:
            ind = standards.find(QUALITY_BALANCE, gap.indicator_id)
            if ind is None:
                continue
            # With no level given, compare with the lower of the two thresholds: a rural value
            # below it falls short at either level.
            levels = [gap.level] if gap.level else [lvl for lvl in SCHOOL_LEVELS
                                                    if ind.threshold(lvl) is not None]
            if not levels or ind.comparison not in (">=", ">"):
                continue
            level = min(levels, key=lambda lvl: ind.threshold(lvl) or 0)
            limit = ind.threshold(level)
            if ind.meets(gap.rural, level) is False:
                flag_id = ("digital_gap" if gap.indicator_id == DIGITAL_INDICATOR
                           else "rural_teacher_shortage")
                where = f" ({gap.level})" if gap.level else ""
                raise_flag(flag_id, "problem",
                           f"Rural schools{where} have {fmt(gap.rural)} {ind.unit} "
                           f"({ind.name.lower()}) against {fmt(gap.urban)} in urban schools and a "
                           f"requirement of {fmt(limit)}.",
                           f"乡村学校{_level_zh(gap.level) if gap.level else ''}{ind.name_zh}为"
                           f"{fmt(gap.rural)}，城镇学校为{fmt(gap.urban)}，标准为{fmt(limit)}。",
                           ind.source)


def _resource_flags(indicators: list[IndicatorStatus], schools: SchoolAnalysis | None,
                    standards: Standards, raise_flag) -> None:
    unmet = [s for s in indicators if s.met is False]
    for s in unmet:
        if s.id == DIGITAL_INDICATOR:
            raise_flag("digital_gap", "problem",
                       f"{s.name} ({s.level}) is {fmt(s.value)}, below the required "
                       f"{fmt(s.threshold)}.",
                       f"{s.name_zh}（{_level_zh(s.level)}）为{fmt(s.value)}，低于{fmt(s.threshold)}。",
                       s.source)
    if unmet:
        names = ", ".join(f"{s.name} ({s.level})" for s in unmet)
        names_zh = "、".join(f"{s.name_zh}（{_level_zh(s.level)}）" for s in unmet)
        raise_flag("schools_below_standard", "problem",
                   f"{len(unmet)} resource indicator value(s) below the quality-balance standard: "
                   f"{names}.", f"{len(unmet)}项资源配置指标未达到优质均衡标准：{names_zh}。",
                   *{s.source for s in unmet})
    if schools is not None:
        failing = schools.failing_schools()
        if failing:
            names = ", ".join(r.school.name for r in failing[:8])
            more = f" and {len(failing) - 8} more" if len(failing) > 8 else ""
            raise_flag("schools_below_standard", "problem",
                       f"{len(failing)} school(s) fail the per-school rule (at least "
                       f"{fmt(schools.required_met)} of {len(standards.resource_indicators())} "
                       f"indicators met, the rest at {fmt(100 * (schools.min_share or 0))}% or "
                       f"more of the requirement): {names}{more}.",
                       f"{len(failing)}所学校未达到每校标准（至少{fmt(schools.required_met)}项达标、"
                       f"其余不低于要求的{fmt(100 * (schools.min_share or 0))}%）：{names}。",
                       standards.standard(QUALITY_BALANCE).source_doc)
    over_cv = [s for s in indicators if s.cv_met is False]
    if over_cv:
        parts = ", ".join(f"{s.name} ({s.level}) {fmt(s.cv, 3)} > {fmt(s.cv_threshold)}"
                          for s in over_cv)
        parts_zh = "、".join(f"{s.name_zh}（{_level_zh(s.level)}）{fmt(s.cv, 3)}" for s in over_cv)
        raise_flag("high_cv", "problem",
                   f"{len(over_cv)} between-school CV(s) above the limit: {parts}.",
                   f"{len(over_cv)}项校际差异系数超过限值：{parts_zh}。",
                   *{s.source for s in over_cv},
                   standards.get(QUALITY_BALANCE, "cv_each_indicator").source)


def _profile_flags(profile: DistrictProfile, standards: Standards, raise_flag) -> None:
    """Flags from counts and shares in the profile that no single threshold covers."""
    schools, pupils = profile.schools, profile.pupils
    floor = standards.find(QUALITY_BALANCE, "small_school_funding_floor_pupils")
    if schools.small_schools:
        limit = f" ({fmt(floor.primary)}-pupil)" if floor and floor.primary else ""
        raise_flag("small_schools_underfunded", "check",
                   f"The district has {schools.small_schools} small rural school(s); check that "
                   f"each receives public funds at the{limit} floor for small schools.",
                   f"全县有{schools.small_schools}所乡村小规模学校，需核查是否按"
                   f"{fmt(floor.primary) if floor and floor.primary else ''}人核定公用经费。",
                   floor.source if floor else "")
    if schools.boarding_schools:
        raise_flag("boarding_conditions", "check",
                   f"The district runs {schools.boarding_schools} boarding school(s); living "
                   "conditions, staffing and care need checking.",
                   f"全县有{schools.boarding_schools}所寄宿制学校，需核查生活设施、人员配备和管理。")
    left_behind = profile.equity.left_behind_share_pct
    if left_behind:
        raise_flag("left_behind_children", "check",
                   f"{fmt(left_behind)}% of pupils are left-behind children.",
                   f"留守儿童占在校生的{fmt(left_behind)}%。")
    share, rural_share = profile.funding.rural_budget_share_pct, profile.rural_pupil_share_pct()
    if share is not None and rural_share is not None and share < rural_share:
        raise_flag("low_rural_funding_share", "problem",
                   f"Rural schools receive {fmt(share)}% of the compulsory-education budget but "
                   f"teach {fmt(rural_share, 1)}% of pupils.",
                   f"乡村学校获得义务教育经费的{fmt(share)}%，却承担{fmt(rural_share, 1)}%的学生。")
    size_max = standards.find(QUALITY_BALANCE, "school_size_max")
    urban_schools = schools.urban_total()
    large = profile.class_size.share_over_56_pct
    large_rule = standards.find(CLASS_SIZE, "large_class_share_pct")
    if large is not None and large_rule is not None and large_rule.meets(large, "primary") is False:
        raise_flag("urban_crowding", "problem",
                   f"Large classes ({fmt(large)}% of classes) point to crowded urban schools.",
                   f"大班额占比{fmt(large)}%，反映城镇学校拥挤。", large_rule.source)
    if size_max and pupils.urban and urban_schools:
        average = pupils.urban / urban_schools
        if size_max.meets(average, "primary") is False:
            raise_flag("urban_crowding", "problem",
                       f"Urban schools average {fmt(average)} pupils, above the "
                       f"{fmt(size_max.primary)}-pupil limit on school size.",
                       f"城镇学校平均规模{fmt(average)}人，超过{fmt(size_max.primary)}人的规模上限。",
                       size_max.source)
    rural_schools = schools.rural_total()
    if floor and floor.primary and pupils.rural and rural_schools:
        average = pupils.rural / rural_schools
        if average < floor.primary:
            raise_flag("rural_decline", "problem",
                       f"Rural schools average {fmt(average)} pupils, below the "
                       f"{fmt(floor.primary)} pupils that define a small school.",
                       f"乡村学校平均规模{fmt(average)}人，低于小规模学校的{fmt(floor.primary)}人标准。",
                       floor.source)


def _areas(indicators: list[IndicatorStatus], government: list[IndicatorStatus],
           flags: list[Flag]) -> list[AreaConcern]:
    reasons: dict[str, list[str]] = {}
    for status in indicators + government:
        if status.met is False or status.cv_met is False:
            area = AREA_OF.get(status.id)
            if area and status.id not in reasons.setdefault(area, []):
                reasons[area].append(status.id)
    for flag in flags:
        if flag.id not in reasons.setdefault(flag.area, []):
            reasons[flag.area].append(flag.id)
    return [AreaConcern(area, reasons[area]) for area in AREA_LABELS if reasons.get(area)]


def _level_zh(level: str | None) -> str:
    return {"primary": "小学", "junior": "初中", "all": "", None: ""}.get(level, level or "")
