"""Measures: rank the catalogue in ``corpus/measures.yaml`` by the gaps a diagnosis found, and
attach the passages that justify each one.

Score of a measure = Σ over the gaps it ``addresses`` of the diagnosis' weight for that gap
(Diagnosis.gap_weights), an indicator and the flag raised from it counting once; a gap the
measure addresses only on the side (not among its ``mainly``) counts at ``ON_THE_SIDE`` of its
weight: publishing a report helps a high CV, but it is not what lowers one. Priority: high
when the score is ≥ 3 and ≥ 0.6 × the best score for this district, medium when ≥ 1.5, low
otherwise; measures that address no diagnosed gap are not suggested.

A measure is shown only with its basis: for each ``policy_basis`` document the engine is searched
with a query built from the measure, restricted to that document, and the best passage becomes a
Citation. A measure whose policy basis yields no passage is dropped (and listed as dropped).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from assistant.advisor.diagnosis import AREA_LABELS, FLAG_LABELS, GAP_GROUP, Diagnosis
from assistant.config import DEFAULT_CORPUS_DIR
from assistant.documents import Citation
from assistant.retrieval import SearchFilters

if TYPE_CHECKING:
    from assistant.engine import Engine

PRIORITIES = ("high", "medium", "low")
HIGH_SCORE = 3.0
HIGH_SHARE_OF_TOP = 0.6
MEDIUM_SCORE = 1.5
REQUIRED_FIELDS = ("id", "name", "area", "addresses", "description", "policy_basis")


class MeasuresError(ValueError):
    """measures.yaml missing or malformed; the message names the file, the measure and the field."""


@dataclass(frozen=True)
class MeasureSpec:
    """One entry of corpus/measures.yaml."""

    id: str
    name: str
    name_zh: str
    area: str
    addresses: tuple[str, ...]
    description: str
    description_zh: str
    policy_basis: tuple[str, ...]
    precedents: tuple[str, ...] = ()
    acting_level: str = ""
    actors: tuple[str, ...] = ()
    time_frame: str = ""
    risks: str = ""
    basis_note: str = ""               # the articles or provisions relied on, in words
    # constraints an asker may state ("money is tight", "parents oppose closures"): a measure
    # that respects one is ranked up when it is stated, one that goes against it is dropped
    suits: tuple[str, ...] = ()
    unsuited: tuple[str, ...] = ()
    # the problems the measure is for (a subset of ``addresses``); empty: all it addresses
    mainly: tuple[str, ...] = ()
    # "should we close them?": the actions this measure's verdict answers, the verdict (what
    # the rules and precedents say about the action) and the documents that state it
    verdict_on: tuple[str, ...] = ()
    verdict: str = ""
    verdict_sources: tuple[str, ...] = ()
    # the settings the measure is for ("rural": village schools and teaching points); empty: any
    setting: tuple[str, ...] = ()
    translations: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def localized(self, name: str, lang: str = "en") -> str:
        """A text field in ``lang`` when the catalogue has it (``time_frame_zh``, ...)."""
        if lang == "zh" and self.translations.get(f"{name}_zh"):
            return str(self.translations[f"{name}_zh"])
        return str(getattr(self, name))

    def mainly_addresses(self, gap: str) -> bool:
        """Whether ``gap`` is one the measure is for, not one it helps with on the side."""
        return gap in self.addresses and (not self.mainly or gap in self.mainly)

    def actors_in(self, lang: str = "en") -> tuple[str, ...]:
        if lang == "zh" and self.translations.get("actors_zh"):
            return _strings(self.translations["actors_zh"])
        return self.actors

    def title(self, lang: str = "en") -> str:
        return self.name_zh if lang == "zh" and self.name_zh else self.name

    def text(self, lang: str = "en") -> str:
        return self.description_zh if lang == "zh" and self.description_zh else self.description


@dataclass
class Measure:
    """A suggested measure: what, who, why (the gaps), on what basis (citations)."""

    spec: MeasureSpec
    score: float
    priority: str                      # high | medium | low
    gaps: list[str]                    # the diagnosed ids this measure addresses
    citations: list[Citation]          # policy basis passages, one per resolvable document
    precedents: list[Citation] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.spec.id

    def title(self, lang: str = "en") -> str:
        return self.spec.title(lang)

    def to_json(self) -> dict[str, Any]:
        s = self.spec
        return {"id": s.id, "title": s.name, "title_zh": s.name_zh, "area": s.area,
                "area_label": AREA_LABELS.get(s.area, {}).get("en", s.area),
                "description": s.description, "description_zh": s.description_zh,
                "acting_level": s.acting_level, "actors": list(s.actors),
                "time_frame": s.time_frame, "risks": s.risks, "basis_note": s.basis_note,
                "priority": self.priority,
                "score": round(self.score, 3), "addresses_gaps": self.gaps,
                "citations": [c.to_json() for c in self.citations],
                "precedents": [c.to_json() for c in self.precedents]}


@dataclass
class Suggestions:
    measures: list[Measure]
    dropped: list[tuple[str, str]]     # (measure id, why it was not shown)

    def by_area(self) -> dict[str, list[Measure]]:
        grouped: dict[str, list[Measure]] = {}
        for measure in self.measures:
            grouped.setdefault(measure.spec.area, []).append(measure)
        return {area: grouped[area] for area in sorted(grouped, key=_area_order)}


def _area_order(area: str) -> int:
    order = list(AREA_LABELS)
    return order.index(area) if area in order else len(order)


# -- loading -----------------------------------------------------------------------------------

def default_measures_path() -> Path:
    return DEFAULT_CORPUS_DIR / "measures.yaml"


def load_measures(path: Path | None = None) -> list[MeasureSpec]:
    path = Path(path or default_measures_path())
    if not path.is_file():
        raise MeasuresError(f"{path}: the measures catalogue is missing")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise MeasuresError(f"{path}: not valid YAML: {exc}") from exc
    if isinstance(data, dict):  # allow a top-level "measures:" key
        data = data.get("measures")
    if not isinstance(data, list):
        raise MeasuresError(f"{path}: expected a list of measures")
    specs, seen = [], set()
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise MeasuresError(f"{path}, entry {number}: expected a mapping")
        name = item.get("id") or f"entry {number}"
        missing = [f for f in REQUIRED_FIELDS if not item.get(f)]
        if missing:
            raise MeasuresError(f"{path}, measure {name}: missing {', '.join(missing)}")
        if item["id"] in seen:
            raise MeasuresError(f"{path}, measure {name}: duplicate id")
        seen.add(item["id"])
        specs.append(MeasureSpec(
            id=str(item["id"]), name=str(item["name"]), name_zh=str(item.get("name_zh") or ""),
            area=str(item["area"]), addresses=_strings(item["addresses"]),
            description=_text(item["description"]),
            description_zh=_text(item.get("description_zh") or ""),
            policy_basis=_strings(item["policy_basis"]),
            precedents=_strings(item.get("precedents") or []),
            acting_level=_text(item.get("acting_level") or ""),
            actors=_strings(item.get("actors") or []),
            time_frame=_text(item.get("time_frame") or ""), risks=_text(item.get("risks") or ""),
            basis_note=_text(item.get("basis_note") or ""),
            suits=_strings(item.get("suits_when") or []),
            unsuited=_strings(item.get("unsuited_when") or []),
            mainly=_strings(item.get("mainly") or []),
            verdict_on=_strings(item.get("verdict_on") or []),
            verdict=_text(item.get("verdict") or ""),
            verdict_sources=_strings(item.get("verdict_sources") or []),
            setting=_strings(item.get("setting") or []),
            translations={k: (_strings(v) if k == "actors_zh" else _text(v))
                          for k, v in item.items()
                          if k.endswith("_zh") and k not in ("name_zh", "description_zh") and v}))
    return specs


def _strings(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    return tuple(str(v) for v in value or [])


_CJK = "\u3000-\u303f\u3400-\u9fff\uff00-\uffef"
_SPACE_BETWEEN_CJK = re.compile(f"(?<=[{_CJK}])\\s+(?=[{_CJK}])")


def _text(value: Any) -> str:
    """One line of text; folded YAML lines rejoin without a space between Chinese characters."""
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    return _SPACE_BETWEEN_CJK.sub("", " ".join(str(value).split()))


# -- ranking -----------------------------------------------------------------------------------

def priority_of(score: float, top: float) -> str:
    """high: a pressing gap in absolute terms and among the strongest for this district."""
    if score >= max(HIGH_SCORE, HIGH_SHARE_OF_TOP * top):
        return "high"
    return "medium" if score >= MEDIUM_SCORE else "low"


def rank_measures(diagnosis: Diagnosis,
                  specs: list[MeasureSpec]) -> list[tuple[MeasureSpec, float, list[str]]]:
    """Measures that address at least one diagnosed gap, best first: (spec, score, gaps).

    Ids that restate one gap (a flag and the indicator it was raised from) count once, at the
    larger weight, so a measure is not ranked up for naming the same gap twice."""
    return rank_by_weights(diagnosis.gap_weights(), specs)


RELEVANCE_WEIGHT = 4.0   # a measure that fits a question best counts as two named problems
RELEVANT_ALONE = 0.8     # ... and is suggested from this share of the best fit without one


CONSTRAINT_FIT = 2.0     # a measure that respects a stated constraint counts as a named problem
ON_THE_SIDE = 0.4        # the share of a gap's weight a measure gets that is not mainly for it


def rank_by_weights(weights: dict[str, float], specs: list[MeasureSpec],
                    relevance: dict[str, float] | None = None,
                    constraints: tuple[str, ...] = (), setting: str | None = None
                    ) -> list[tuple[MeasureSpec, float, list[str]]]:
    """The ranking itself, from how pressing each gap is: a diagnosis gives the weights for a
    district, a question that names problems gives them for an answer (one ranking, shared).
    ``relevance`` (measure id → how closely it matches a question, 1.0 for the closest) adds
    ``RELEVANCE_WEIGHT`` × relevance: a question's own words say which measure it asks about
    better than the few problems it names, and a measure close enough to them is suggested even
    when it addresses none of those problems. ``constraints`` (``money_tight``,
    ``keep_schools_open``) drop the measures ``unsuited_when`` one of them and rank up, by
    ``CONSTRAINT_FIT``, those ``suits_when`` one (among the measures otherwise suggested). A gap
    a measure is not ``mainly`` for counts at ``ON_THE_SIDE`` of its weight. When problems are
    named, a measure that addresses none of them comes after every one that does, however
    close its words: a measure fits the problem, not only the question's wording. ``setting``
    (``urban``, ``rural``: the asker's own): a measure for another setting (village-school
    alliances for an urban district) comes after every measure that is not."""
    relevance = relevance or {}

    def elsewhere(spec: MeasureSpec) -> bool:
        return bool(setting and spec.setting and setting not in spec.setting)
    ranked = []
    for order, spec in enumerate(specs):
        if set(spec.unsuited) & set(constraints):
            continue
        gaps = [a for a in spec.addresses if weights.get(a, 0) > 0]
        fit = relevance.get(spec.id, 0.0)
        if not gaps and fit < RELEVANT_ALONE:
            continue
        by_group: dict[str, float] = {}
        for gap in gaps:
            group = GAP_GROUP.get(gap, gap)
            weight = weights[gap] * (1.0 if spec.mainly_addresses(gap) else ON_THE_SIDE)
            by_group[group] = max(by_group.get(group, 0.0), weight)
        suited = CONSTRAINT_FIT * bool(set(spec.suits) & set(constraints))
        ranked.append((spec, sum(by_group.values()) + RELEVANCE_WEIGHT * fit + suited, gaps,
                       order))
    named = any(weight > 0 for weight in weights.values())
    ranked.sort(key=lambda item: (elsewhere(item[0]), named and not item[2], -item[1],
                                  -relevance.get(item[0].id, 0.0), -len(item[2]), item[3]))
    return [(spec, score, gaps) for spec, score, gaps, _ in ranked]


def suggest_measures(diagnosis: Diagnosis, engine: Engine, specs: list[MeasureSpec] | None = None,
                     limit: int | None = None) -> Suggestions:
    """Ranked measures with their policy-basis and precedent citations (uncited ones dropped)."""
    specs = load_measures() if specs is None else specs
    measures: list[Measure] = []
    dropped: list[tuple[str, str]] = []
    ranked = rank_measures(diagnosis, specs)
    top = ranked[0][1] if ranked else 0.0
    for spec, score, gaps in ranked:
        if limit is not None and len(measures) >= limit:
            break
        query = measure_query(spec, gaps)
        citations = [c for doc in spec.policy_basis if (c := cite_document(engine, doc, query))]
        if not citations:
            dropped.append((spec.id, "no passage of its policy basis ("
                            + ", ".join(spec.policy_basis) + ") is in the index"))
            continue
        precedents = [c for doc in spec.precedents if (c := cite_document(engine, doc, query))]
        measures.append(Measure(spec=spec, score=score, priority=priority_of(score, top), gaps=gaps,
                                citations=citations, precedents=precedents))
    return Suggestions(measures=measures, dropped=dropped)


def measure_query(spec: MeasureSpec, gaps: list[str] | None = None) -> str:
    """The search query for a measure's basis: its name, the first sentence of its description
    and the gaps in words. English, because the embedding model reads English; short, because
    embedding a long query is what makes a search slow."""
    first = spec.description.split(". ")[0]
    words = [spec.name, first[:160]]
    for gap in gaps or []:
        words.append(FLAG_LABELS.get(gap, {}).get("en", gap.replace("_", " ")))
    return " ".join(words)


def cite_document(engine: Engine, doc_id: str, query: str,
                  language: str | None = None) -> Citation | None:
    """The passage of ``doc_id`` that best matches ``query`` (in ``language`` if given), or None
    when the document is not indexed."""
    filters = SearchFilters(doc_ids=[doc_id], languages=[language] if language else [])
    hits = engine.search(query, k=1, filters=filters)
    if not hits or hits[0].chunk.doc_id != doc_id:
        return None
    return Citation.from_hit(hits[0])
