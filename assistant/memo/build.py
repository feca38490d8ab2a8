"""Assemble a suggestion memo from a diagnosis and its measures, section by section.

Each section has its own builder, so the app can regenerate one section (``regenerate_section``)
after the user edited others. Every statement about the law, a policy or a cause quotes a passage
found in the index and carries its reference marker; every number comes from the profile, the
school data or the standards files.
"""

from __future__ import annotations

import copy
import datetime as dt
import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant import translations
from assistant.advisor.diagnosis import (
    AREA_LABELS,
    COMPARISON_SYMBOLS,
    Diagnosis,
    IndicatorStatus,
    fmt,
)
from assistant.advisor.measures import Measure, Suggestions, cite_document
from assistant.advisor.tables import gap_rows, status_rows
from assistant.documents import (
    Citation,
    mark_unconfirmed_numbers,
    unconfirmed_numbers,
)
from assistant.language import has_cjk, split_sentences
from assistant.memo.model import SECTION_IDS, Memo, MemoSection, MemoTable, References

if TYPE_CHECKING:
    from assistant.engine import Engine

log = logging.getLogger(__name__)
LANGS = ("en", "zh")
CAUSES_DOC = "ana-causes-of-imbalance"
FRAMEWORK_DOC = "ana-responsibility-framework"
CV_METHOD_DOC = "std-coefficient-of-variation-method"
SUPERVISION_DOC = "reg-education-supervision"
LAW_DOC = "law-compulsory-education"


@lru_cache(maxsize=4)
def load_template(lang: str) -> dict[str, Any]:
    """The memo's words in ``lang``: the ``memo`` part of the translation table."""
    if lang not in LANGS:
        raise ValueError(f"memo language must be one of {LANGS}, not {lang!r}")
    # a copy: builders may change what they read, the catalogue must stay as it is
    return copy.deepcopy(translations.catalogue(lang)["memo"])


@dataclass
class MemoContext:
    """Everything a section builder reads; kept on the memo so a section can be rebuilt."""

    diagnosis: Diagnosis
    suggestions: Suggestions
    engine: Engine | None
    lang: str
    text: dict[str, Any]
    references: References
    unconfirmed_numbers: frozenset[str] = frozenset()  # 文号 our sources do not confirm

    def cite(self, doc_id: str, query: str) -> Citation | None:
        """The best passage of ``doc_id`` for ``query``; Chinese memos prefer a Chinese passage."""
        if self.engine is None:
            return None
        if self.lang == "zh":
            found = cite_document(self.engine, doc_id, query, language="zh")
            if found is not None:
                return found
        return cite_document(self.engine, doc_id, query)

    def marker(self, citation: Citation) -> str:
        """The memo's marker for ``citation`` ("[3]"), adding it to the references."""
        return self.references.marker(citation, self.lang)

    def t(self, *path: str, **values: Any) -> str:
        """The memo template's text at ``path`` ("situation", "facts_intro"), filled in."""
        node: Any = self.text
        for key in path:
            node = node[key]
        return str(node).format(**values) if values else str(node)


def build_memo(diagnosis: Diagnosis, suggestions: Suggestions, engine: Engine | None,
               lang: str = "en", *, addressee: str | None = None, date: str | None = None,
               title: str | None = None, with_charts: bool = True) -> Memo:
    """A complete memo in English or Chinese, with charts as PNG when ``with_charts``."""
    text = load_template(lang)
    name = diagnosis.profile.name
    titles_zh = _titles_zh(engine)
    context = MemoContext(diagnosis, suggestions, engine, lang, text, References(titles_zh),
                          _unconfirmed_numbers(engine))
    memo = Memo(lang=lang, title=title or text["title"].format(district=name),
                addressee=addressee or text["addressee"].format(district=name),
                date=date or dt.date.today().isoformat(), author=text["from"], district=name,
                illustrative=diagnosis.profile.illustrative, sections=[],
                references=context.references, reference_heading=text["headings"]["references"],
                context=context)
    if with_charts:
        memo.charts, memo.chart_captions = _chart_images(diagnosis, lang, text)
    memo.sections = [SECTION_BUILDERS[sid](context, memo) for sid in SECTION_IDS]
    return memo


def regenerate_section(memo: Memo, section_id: str) -> MemoSection:
    """Rebuild one section from the diagnosis (discarding the user's edits to it only)."""
    if memo.context is None:
        raise ValueError("this memo was not built here (no context); build it again")
    if section_id not in SECTION_BUILDERS:
        raise KeyError(f"no memo section {section_id!r}; sections: {', '.join(SECTION_IDS)}")
    fresh = SECTION_BUILDERS[section_id](memo.context, memo)
    memo.sections = [fresh if s.id == section_id else s for s in memo.sections]
    return fresh


def _unconfirmed_numbers(engine: Engine | None) -> frozenset[str]:
    """Document numbers the indexed documents list as unconfirmed (front matter `unconfirmed`)."""
    if engine is None:
        return frozenset()
    return unconfirmed_numbers(row.metadata for row in engine.documents())


def _titles_zh(engine: Engine | None) -> dict[str, str]:
    if engine is None:
        return {}
    return {row.doc_id: str(row.metadata.get("title_zh") or "")
            for row in engine.documents()}


def _chart_images(diagnosis: Diagnosis, lang: str,
                  text: dict[str, Any]) -> tuple[dict[str, bytes], dict[str, str]]:
    from assistant.advisor.charts import chart_language, chart_png, diagnosis_charts

    images: dict[str, bytes] = {}
    for key, chart in diagnosis_charts(diagnosis, chart_language(lang)).items():
        try:
            images[key] = chart_png(chart)
        except Exception as exc:  # noqa: BLE001 - a chart that fails must not cost the memo
            log.warning("chart %s not rendered: %s", key, exc)
    return images, {k: text["labels"]["chart_captions"][k] for k in images}


# -- helpers -----------------------------------------------------------------------------------

MIN_SHARED_WORDS = 2  # a quote must share at least this many words with its query
_SKIP_LINE = re.compile(r"^\s*(#|\|)")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d+\.)\s+")


def excerpt(citation: Citation, query: str, max_chars: int = 280,
            exclude: set[str] | None = None) -> str:
    """The sentence of the passage that shares most words with ``query`` (skipping headings,
    table rows and sentences in ``exclude``), shortened to ``max_chars``."""
    from assistant.index.tokenizer import tokenize

    wanted = set(tokenize(query))
    best, best_score = "", -1
    for line in citation.text.splitlines():
        if _SKIP_LINE.match(line):
            continue
        line = _BULLET.sub("", line).replace("**", "")
        for start, end in split_sentences(line):
            sentence = " ".join(line[start:end].split())
            too_short = len(sentence) < (15 if has_cjk(sentence) else 40)  # headings, labels
            if too_short or (exclude and sentence in exclude):
                continue
            score = len(wanted & set(tokenize(sentence)))
            if score > best_score:
                best, best_score = sentence, score
    if best_score < MIN_SHARED_WORDS:
        return ""  # nothing in the passage speaks to the query: better no quote than a stray one
    if exclude is not None:
        exclude.add(best)
    if len(best) > max_chars:
        cut = best[:max_chars]
        cut = cut.rsplit(" ", 1)[0] if " " in cut else cut
        best = cut.rstrip(",;:，；") + "…"
    return best


def _join(items: list[str], lang: str) -> str:
    return ("、" if lang == "zh" else "; ").join(i for i in items if i)


def _sentences(items: list[str], lang: str) -> str:
    """Sentences run together: Chinese needs no space between them."""
    return ("" if lang == "zh" else " ").join(i for i in items if i)


def _in_level(ctx: MemoContext, level: str | None) -> str:
    """" (primary)" / "（小学）", or nothing for a value that covers all levels."""
    if not level or level == "all":
        return ""
    name = ctx.t("labels", "level", level)
    return f"（{name}）" if ctx.lang == "zh" else f" ({name})"


SYMBOLS = COMPARISON_SYMBOLS


def _gap_labels(ctx: MemoContext, gap_ids: list[str]) -> str:
    return _join(ctx.diagnosis.gap_labels(gap_ids, ctx.lang), ctx.lang)


def _area_label(ctx: MemoContext, area: str) -> str:
    return AREA_LABELS.get(area, {}).get(ctx.lang, area)


def _threshold_markers(ctx: MemoContext, statuses: list[IndicatorStatus]) -> str:
    markers = []
    for doc_id in sorted({s.source for s in statuses}):
        names = " ".join(s.name for s in statuses if s.source == doc_id)[:300]
        citation = ctx.cite(doc_id, f"threshold {names}")
        if citation is not None:
            markers.append(ctx.marker(citation))
    return "".join(markers)


# -- sections ----------------------------------------------------------------------------------

def _summary(ctx: MemoContext, memo: Memo) -> MemoSection:
    d, lang = ctx.diagnosis, ctx.lang
    lines = []
    if d.profile.illustrative:
        lines.append(f"*{ctx.t('labels', 'illustrative')}*")
    known = [s for s in d.indicators if s.met is not None]
    if known:
        lines.append(ctx.t("summary", "resource_counts", known=len(known),
                           met=sum(1 for s in known if s.met),
                           not_met=sum(1 for s in known if not s.met)))
    else:
        lines.append(ctx.t("summary", "resource_none"))
    cvs = [s for s in d.indicators if s.cv_met is not None]
    lines.append(ctx.t("summary", "cv_counts", known=len(cvs),
                       over=sum(1 for s in cvs if not s.cv_met)) if cvs
                 else ctx.t("summary", "cv_none"))
    government = [s for s in d.government if s.met is not None]
    if government:
        lines.append(ctx.t("summary", "government_counts", known=len(government),
                           not_met=sum(1 for s in government if not s.met)))
    problems = [f.label(lang) for f in d.flags if f.severity == "problem"]
    lines.append(ctx.t("summary", "flags", flags=_join(problems, lang)) if problems
                 else ctx.t("summary", "no_flags"))
    measures = ctx.suggestions.measures
    top = [m for m in measures if m.priority == "high"][:3] or measures[:3]
    lines.append(ctx.t("summary", "measures", measures=_join([m.title(lang) for m in top], lang))
                 if top else ctx.t("summary", "no_measures"))
    judged = [s for s in d.indicators + d.government if s.met is not None or s.cv_met is not None]
    markers = _threshold_markers(ctx, judged)
    if markers:
        lines.append(ctx.t("summary", "thresholds", refs=markers))
    note = [lines.pop(0)] if d.profile.illustrative else []
    body = "\n\n".join(note + [_sentences(lines, lang)])
    return MemoSection("summary", ctx.t("headings", "summary"), body)


def _situation(ctx: MemoContext, memo: Memo) -> MemoSection:
    d, lang, p = ctx.diagnosis, ctx.lang, ctx.diagnosis.profile
    facts = []
    level = p.level or "county"
    if lang == "zh":
        level = ctx.text["situation"]["level_values"].get(level, level)
    facts.append(ctx.t("situation", "facts_intro", district=p.name, level=level,
                       province=p.province) if p.province
                 else ctx.t("situation", "facts_intro_no_province", district=p.name, level=level))
    if p.urbanisation_rate_pct is not None:
        facts.append(ctx.t("situation", "urbanisation", value=fmt(p.urbanisation_rate_pct)))
    if p.fiscal_capacity:
        value = (ctx.text["situation"]["fiscal_values"][p.fiscal_capacity] if lang == "zh"
                 else p.fiscal_capacity)
        facts.append(ctx.t("situation", "fiscal", value=value))
    s = p.schools
    if s.urban_total() is not None or s.rural_total() is not None:
        facts.append(ctx.t("situation", "schools", urban=fmt(s.urban_total()),
                           rural=fmt(s.rural_total()), small=fmt(s.small_schools),
                           boarding=fmt(s.boarding_schools)))
    if p.pupils.urban is not None and p.pupils.rural is not None:
        facts.append(ctx.t("situation", "pupils", urban=fmt(p.pupils.urban),
                           rural=fmt(p.pupils.rural)))
    facts.append(ctx.t("situation", "recognised", district=p.name,
                       years=p.years_since_basic_balance)
                 if p.years_since_basic_balance is not None
                 else ctx.t("situation", "not_recognised"))
    blocks = [_sentences(facts, lang), d.basic_balance.note[lang]]

    cols = ctx.text["table_columns"]
    resource_rows = [[r.indicator, ctx.t("labels", "level", r.level), r.value, r.requirement,
                      ctx.t("labels", "status", r.status), r.cv, r.cv_limit,
                      ctx.t("labels", "status", r.cv_status)]
                     for r in status_rows(d.indicators, lang)]
    government_rows = [[r.indicator + _in_level(ctx, r.level), r.value, r.requirement,
                        ctx.t("labels", "status", r.status)] for r in status_rows(d.government, lang)]
    tables = [MemoTable(ctx.t("situation", "resource_table"), cols["resource"], resource_rows)]
    blocks.append("[[table 1]]")
    blocks += [f"[[chart {key}]]" for key in ("indicators", "cv") if key in memo.charts]
    if any(s.value is not None for s in d.government):
        tables.append(MemoTable(ctx.t("situation", "government_table"), cols["government"],
                                government_rows))
        blocks.append("[[table 2]]")
    unverified = [s for s in d.indicators + d.government if s.certainty == "unverified"
                  and s.met is not None]
    if unverified:
        blocks.append(ctx.t("labels", "unverified",
                            names=_join([s.label(lang) for s in _unique(unverified)], lang)))

    if d.gaps:
        lines = [f"### {ctx.t('situation', 'gaps')}"]
        for gap in gap_rows(d, lang):
            lines.append("- " + ctx.t(
                "situation", "gap_line", indicator=gap.indicator, level=_in_level(ctx, gap.level),
                rural=gap.rural, urban=gap.urban, pct=gap.rural_pct,
                source=ctx.t("situation", f"source_{gap.source}")))
        if "urban_rural" in memo.charts:
            lines.append("\n[[chart urban_rural]]")
        blocks.append("\n".join(lines))
    if d.schools is not None:
        blocks.append(_schools_block(ctx))
    if p.problems:
        blocks.append(f"### {ctx.t('situation', 'problems')}\n"
                      + "\n".join(f"- {problem}" for problem in p.problems))
    return MemoSection("situation", ctx.t("headings", "situation"), "\n\n".join(blocks),
                       tables=tables, charts=list(memo.charts))


def _unique(statuses: list[IndicatorStatus]) -> list[IndicatorStatus]:
    seen, out = set(), []
    for s in statuses:
        if s.id not in seen:
            seen.add(s.id)
            out.append(s)
    return out


def _schools_block(ctx: MemoContext) -> str:
    analysis, lang = ctx.diagnosis.schools, ctx.lang
    assert analysis is not None
    in_scope = [r for r in analysis.results if r.in_scope]
    lines = [f"### {ctx.t('situation', 'schools_heading')}"]
    names = {s.id: s.label(lang) for s in ctx.diagnosis.indicators}
    # The file and its columns as the user named them, so the figures can be traced back.
    columns = [f"“{header}”" + (f" ({names[i]})" if lang == "en" else f"（{names[i]}）")
               for i, header in analysis.indicator_columns.items() if i in names]
    read = ctx.t("situation", "schools_read", source=Path(analysis.source).name,
                 columns=_join(columns, lang))
    skipped = sum(s.last - s.first + 1 for s in analysis.reading.skipped) \
        if analysis.reading is not None else 0
    if skipped:
        read += " " + ctx.t("situation", "schools_skipped", count=skipped) if lang == "en" \
            else ctx.t("situation", "schools_skipped", count=skipped)
    excluded = analysis.excluded
    lines.append(ctx.t("situation", "schools_scope", count=len(in_scope), excluded=len(excluded),
                       cutoff=fmt(analysis.min_pupils),
                       names=_join([s.name for s in excluded], lang))
                 if excluded else ctx.t("situation", "schools_scope_none", count=len(in_scope)))
    failing = analysis.failing_schools()
    share = fmt(100 * (analysis.min_share or 0))
    lines.append(ctx.t("situation", "failing", count=len(failing), total=len(in_scope),
                       needed=fmt(analysis.required_met), share=share)
                 if failing else ctx.t("situation", "passing", total=len(in_scope)))
    lines.insert(1, read)
    worst = [c for c in analysis.cvs if c.met is False] or sorted(
        (c for c in analysis.cvs if c.cv is not None), key=lambda c: -(c.cv or 0))[:2]
    for cv in worst:
        parts = [ctx.t("situation", "contributor", school=x.school, share=fmt(100 * x.share, 0),
                       value=fmt(x.value), mean=fmt(cv.mean)) for x in cv.contributions[:3]]
        lines.append("- " + ctx.t("situation", "contributors",
                                  indicator=names.get(cv.indicator_id, cv.indicator_id),
                                  column=analysis.indicator_columns.get(cv.indicator_id, ""),
                                  level=ctx.t("labels", "level", cv.level), cv=fmt(cv.cv, 3),
                                  limit=fmt(cv.threshold), schools=_join(parts, lang)))
    return "\n\n".join(lines[:4]) + ("\n" + "\n".join(lines[4:]) if len(lines) > 4 else "")


def _causes(ctx: MemoContext, memo: Memo) -> MemoSection:
    d, lang = ctx.diagnosis, ctx.lang
    if not d.flags and not d.profile.problems:
        return MemoSection("causes", ctx.t("headings", "causes"), ctx.t("causes", "none"))
    blocks = []
    if d.flags:
        ordered = sorted(d.flags, key=lambda f: f.severity != "problem")
        blocks.append(f"### {ctx.t('causes', 'observed')}\n" + "\n".join(
            f"- **{f.label(lang)}**: {f.evidence[lang]}" for f in ordered))
    if d.profile.problems:
        blocks.append(f"### {ctx.t('causes', 'reported')}\n"
                      + "\n".join(f"- {p}" for p in d.profile.problems))
    lines: list[str] = []
    quoted: set[str] = set()
    for concern in d.areas:
        query = ctx.text["causes"]["queries"].get(concern.area)
        citation = ctx.cite(CAUSES_DOC, query) if query else None
        if citation is None:
            continue
        quote = excerpt(citation, query, exclude=quoted)
        if quote:
            lines.append("- " + ctx.t("causes", "literature_line",
                                      area=_area_label(ctx, concern.area), quote=quote,
                                      marker=ctx.marker(citation)))
    if lines:
        blocks.append(f"### {ctx.t('causes', 'literature')}\n" + "\n".join(lines))
    return MemoSection("causes", ctx.t("headings", "causes"), "\n\n".join(blocks))


def _responsibilities(ctx: MemoContext, memo: Memo) -> MemoSection:
    d, lang = ctx.diagnosis, ctx.lang
    blocks = [ctx.t("responsibilities", "intro", count=len(d.areas))]
    by_area = ctx.suggestions.by_area()
    used: set[str] = set()  # one summary passage may serve several areas: quote each sentence once
    for concern in d.areas:
        label = _area_label(ctx, concern.area)
        lines = [f"### {label}",
                 ctx.t("responsibilities", "area_line", reasons=_gap_labels(ctx, concern.reasons))]
        actors = _actors(by_area.get(concern.area, []), lang)
        if actors:
            lines.append(ctx.t("responsibilities", "actors", actors=_join(actors, lang)))
        query = ctx.text["responsibilities"]["queries"].get(concern.area, label)
        citation = ctx.cite(FRAMEWORK_DOC, query)
        if citation is not None and (quote := excerpt(citation, query, exclude=used)):
            lines.append(ctx.t("responsibilities", "basis", quote=quote,
                               marker=ctx.marker(citation)))
        blocks.append("\n\n".join(lines))
    return MemoSection("responsibilities", ctx.t("headings", "responsibilities"),
                       "\n\n".join(blocks))


def _actors(measures: list[Measure], lang: str) -> list[str]:
    found: list[str] = []
    for measure in measures:
        for actor in measure.spec.actors_in(lang):
            if actor not in found:
                found.append(actor)
    return found


def _measures(ctx: MemoContext, memo: Memo) -> MemoSection:
    lang = ctx.lang
    suggestions = ctx.suggestions
    if not suggestions.measures:
        return MemoSection("measures", ctx.t("headings", "measures"), ctx.t("measures", "none"))
    blocks = [ctx.t("measures", "intro")]
    rows = []
    for area, measures in suggestions.by_area().items():
        blocks.append(f"### {_area_label(ctx, area)}")
        for m in measures:
            s = m.spec
            priority = ctx.t("labels", "priority", m.priority)
            acting = ctx.text["labels"]["acting_level"].get(s.acting_level, s.acting_level) or "—"
            time_frame = s.localized("time_frame", lang) or "—"
            rows.append([m.title(lang), _area_label(ctx, area), priority, time_frame, acting])
            markers = "".join(ctx.marker(c) for c in m.citations)
            parts = [ctx.t("measures", "line", name=m.title(lang), priority=priority,
                           time_frame=time_frame, acting_level=acting),
                     s.text(lang)]
            actors = s.actors_in(lang)
            if actors:
                parts.append(ctx.t("measures", "who", actors=_join(list(actors), lang)))
            parts.append(ctx.t("measures", "why", gaps=_gap_labels(ctx, m.gaps)))
            # a basis note names 文号 in prose; an unconfirmed one is marked as in the references
            note = mark_unconfirmed_numbers(s.localized("basis_note", lang),
                                            ctx.unconfirmed_numbers, lang)
            parts.append(ctx.t("measures", "basis", basis_note=note, markers=markers)
                         if note else ctx.t("measures", "basis_plain", markers=markers))
            if m.precedents:
                space = "" if lang == "zh" else " "
                cases = [f"{_doc_title(ctx, c)}{space}{ctx.marker(c)}" for c in m.precedents]
                parts.append(ctx.t("measures", "precedents", precedents=_join(cases, lang)))
            if s.localized("risks", lang):
                parts.append(ctx.t("measures", "risks", risks=s.localized("risks", lang)))
            blocks.append("\n\n".join(parts))
    table = MemoTable(ctx.t("headings", "measures"), ctx.text["table_columns"]["measures"], rows)
    return MemoSection("measures", ctx.t("headings", "measures"), "\n\n".join(blocks),
                       tables=[table])


def _doc_title(ctx: MemoContext, citation: Citation) -> str:
    if ctx.lang == "zh":
        title_zh = ctx.references.add(citation).title_zh
        if title_zh:
            return f"《{title_zh}》"
    return citation.title


def _implementation(ctx: MemoContext, memo: Memo) -> MemoSection:
    d, lang = ctx.diagnosis, ctx.lang
    blocks = []
    sequencing = [f"### {ctx.t('implementation', 'sequencing')}"]
    for priority, key in (("high", "first"), ("medium", "next"), ("low", "later")):
        names = [m.title(lang) for m in ctx.suggestions.measures if m.priority == priority]
        if names:
            sequencing.append("- " + ctx.t("implementation", key, names=_join(names, lang)))
    if len(sequencing) > 1:
        blocks.append("\n".join(sequencing))
    targets = [f"### {ctx.t('implementation', 'targets')}"]
    for s in d.indicators + d.government:
        if s.met is False:
            targets.append("- " + ctx.t("implementation", "target_line", indicator=s.label(lang),
                                        level=_in_level(ctx, s.level), value=fmt(s.value),
                                        comparison=SYMBOLS[s.comparison],
                                        threshold=fmt(s.threshold), unit=s.unit_label(lang)))
    if len(targets) == 1:
        targets.append(ctx.t("implementation", "no_targets"))
    blocks.append("\n".join(targets))
    monitoring = [f"### {ctx.t('implementation', 'monitoring')}"]
    method = ctx.cite(CV_METHOD_DOC, "enrolment-weighted coefficient of variation formula pooled "
                                     "mean primary junior separately")
    monitoring.append("- " + ctx.t("implementation", "monitor_cv",
                                   marker=ctx.marker(method) if method else ""))
    monitoring.append("- " + ctx.t("implementation", "monitor_schools"))
    blocks.append("\n".join(monitoring))
    supervision = [f"### {ctx.t('implementation', 'supervision')}"]
    for doc_id, key in ((SUPERVISION_DOC, "supervision_query"), (LAW_DOC, "law_query")):
        query = ctx.t("implementation", key)
        citation = ctx.cite(doc_id, query)
        if citation is not None and (quote := excerpt(citation, query)):
            supervision.append("- " + ctx.t("implementation", "supervision_quote", quote=quote,
                                            marker=ctx.marker(citation)))
    if len(supervision) > 1:
        blocks.append("\n".join(supervision))
    return MemoSection("implementation", ctx.t("headings", "implementation"), "\n\n".join(blocks))


SECTION_BUILDERS: dict[str, Callable[[MemoContext, Memo], MemoSection]] = {
    "summary": _summary,
    "situation": _situation,
    "causes": _causes,
    "responsibilities": _responsibilities,
    "measures": _measures,
    "implementation": _implementation,
}
