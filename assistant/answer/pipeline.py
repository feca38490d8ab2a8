"""``answer()``: a question (and the conversation so far) in, a grounded, cited answer out.

    resolve follow-up → retrieve (per passage language) → enough evidence? → route →
    compose (standards table | comparison | glossary | extractive) → markers and citations

The LLM mode (``assistant.answer.llm``) shares the retrieval and abstention
(``assistant.answer.grounding``) and falls back to this offline path, which ``answer`` hands it
as a function (``llm.Offline``), when the endpoint fails.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from assistant.answer import compare, glossary_route, parts, restated, shapes, standards_table
from assistant.answer.context import Context
from assistant.answer.extractive import compose
from assistant.answer.followup import History, resolve
from assistant.answer.grounding import Retrieval, abstain, retrieve
from assistant.answer.intent import Intent, asks_for_fact, classify, corpus_case_names
from assistant.answer.markers import by_first_use
from assistant.answer.messages import text
from assistant.answer.place_names import read_places
from assistant.answer.render import CitationList
from assistant.answer.shapes.explanations import scores as explanation_scores
from assistant.answer.statement_cite import localized
from assistant.answer.suggest import suggest
from assistant.answer.terms import token_set
from assistant.answer.types import Answer, Claim
from assistant.config import Settings, get_settings
from assistant.documents import Citation
from assistant.retrieval import SearchFilters

EXPLAINED = 0.8  # a question without a look-up cue that fits an explanation this well asks why


class QuestionError(ValueError):
    """A question that cannot be answered as asked (empty, too long); the message says why."""


def answer(question: str, history: History | None = None, filters: SearchFilters | None = None,
           *, engine=None, settings: Settings | None = None,
           use_llm: bool | None = None) -> Answer:
    """Answer ``question`` from the index. ``history`` is the conversation so far as (role, text)
    pairs, role "user" or "assistant"; ``use_llm`` None follows ``settings.llm_enabled``."""
    if engine is None:
        from assistant.engine import open_engine

        settings = settings or get_settings()
        engine = open_engine(settings)
    settings = settings or engine.settings
    question = check_question(question, settings)
    if use_llm is None:
        use_llm = settings.llm_enabled
    with engine.one_version():  # the index version is read once per answer, not per search
        if use_llm:
            from assistant.answer.llm import answer_with_llm

            return answer_with_llm(question, history, filters, engine=engine,
                                   settings=settings, offline=answer_offline)
        return answer_offline(question, history, filters, engine=engine, settings=settings)


def check_question(question: str, settings: Settings) -> str:
    """The question with whitespace collapsed; QuestionError when empty or over the limit."""
    from assistant.limits import LimitExceeded
    from assistant.limits import check_question as check

    try:
        return check(question, settings)
    except LimitExceeded as exc:
        raise QuestionError(str(exc)) from exc


def answer_offline(question: str, history: History | None = None,
                   filters: SearchFilters | None = None, *, engine, settings: Settings,
                   resolved: str | None = None, notice: str | None = None) -> Answer:
    """The extractive answer: every sentence quoted from a passage, with its marker."""
    if resolved is None:
        from assistant.answer.terms import term_stats

        resolved = resolve(question, history, term_stats(engine) if history else None)
    followed = resolved != question
    # "宝庆县" for 宝清县: answered for the case it most likely means, with a note saying so
    resolved, near = read_places(resolved, list(settings.corpus_dirs))
    notice = _join(notice, near)
    focus = read_places(question, list(settings.corpus_dirs))[0] if followed else None
    ctx = Context.build(engine, settings, resolved, filters, focus=focus)
    base = Answer(question=question, text="", language=ctx.language, notice=notice,
                  resolved_question=resolved)
    if engine.is_empty():
        base.notice = _join(notice, text("empty_index", ctx.language))
        return abstain(base, [])
    retrieval = retrieve(ctx)
    base.evidence = retrieval.evidence
    intent = understand(ctx)
    base.kind = intent.kind
    if (not retrieval.evidence.sufficient and not names_the_corpus(ctx, intent)
            and not explained_by_the_corpus(ctx)):
        return abstain(base, retrieval.hits)
    for route in routes_for(intent, retrieval):
        result = route.compose(ctx, intent, retrieval)
        if result is not None and result[2]:
            result = second_part(ctx, intent, retrieval, result)
            result = standards_table.with_verdict(ctx, result)  # a figure checked: its verdict
            body, claims = restated.once(result[0], result[2])  # each fact said once
            body, citations, claims = by_first_use(body, result[1].citations, claims)
            citations = _in_reader_language(ctx, citations, base.language)
            base.text, base.citations, base.claims = body, citations, claims
            base.route = route.name
            return base
    return abstain(base, retrieval.hits)


def second_part(ctx: Context, intent: Intent, retrieval: Retrieval, main: tuple) -> tuple:
    """A question that asks two things ("… and what is its document number?", "…？依据是哪个
    文件？", "what must the county do, and who pays?") has each part's lead in its opening: the
    answer to the whole question, then the lead of the part it leaves out, each part answered
    as a question of its own kind. A first part of another kind than the whole ("县管校聘是什么
    意思，依据是哪个文件？" reads as a look-up for the document) has its lead first."""
    asked = parts.split(ctx.question)
    if len(asked) < 2:
        return main
    first, second = asked
    if understand(Context.build(ctx.engine, ctx.settings, first, ctx.filters)).kind != intent.kind:
        led = _part(ctx, first, None, retrieval)
        if led is not None:
            main = parts.merge(main, led, first=True)
    kind = understand(Context.build(ctx.engine, ctx.settings, second, ctx.filters)).kind
    if asked := parts.definition_questions(second, ctx.engine.glossary, ctx.language,
                                              ctx.stats):
        # "…和…分别指什么？": each named term defined after the answer to the first part
        answered = [_part(ctx, question, None, retrieval, alone=True) for question in asked]
        return parts.append(main, [a for a in answered if a is not None])
    if intent.kind != "responsible" and shapes.asks_who_sanctions(second):
        # "which article forbids key schools, and who enforces it?": who orders the correction
        led = _part(ctx, second, first, retrieval, kind="responsible")
        if led is not None:
            return parts.merge(main, led)
    if intent.kind == "explain" and parts.asks_role(second):
        # "…, and what part did county finances play?": what the sources say of county finances
        # after the explanation, briefly; one honest sentence when they say nothing of it
        if parts.covered(second, main):
            return main
        if (effects := parts.effects_half(ctx, first, second, main)) is not None:
            return effects   # "…？这种体制带来了哪些问题？": the explanation of its effects
        led = _part(ctx, second, first, retrieval, kind="explain")
        found = parts.about(second, led, main, limit=1) if led is not None else []
        if found:
            return parts.append_sentences(main, found, led[1])
        return main[0] + "\n\n" + text("part_not_in_sources", ctx.language,
                                         part=second.rstrip("?？ ")), main[1], main[2]
    # a second part that asks for no figure, date or number is a question of its own only when
    # it is of another kind with a cue of its own ("who pays?"): "有哪些政策可以用？" after
    # "怎样才能留住…" (a look-up by default) is what the whole answer is already about
    # "依据是什么？" reads as a definition but defines nothing: the whole answer gives the basis
    of_its_own = kind not in (intent.kind, "lookup") and not (kind == "definition"
                                                                 and parts.short(second))
    if (leans := parts.leaning(second, first)) is not None:
        # "…, and what was it under the 2012 evaluation?": the first part asked of its subject
        led = _part(ctx, leans, None, retrieval, alone=True)
        return parts.merge(main, led) if led is not None else main
    if intent.kind == "explain" and not (parts.wants(second) or of_its_own or parts.asks_for(second)):
        # "why …, and what changed?", "…？这对县里意味着什么？": the second half answered after the
        # explanation, by the statements that answer it read with the first half's words
        return parts.second_half(ctx, first, second, main) if parts.asks_of_its_own(second) else main
    if ((parts.wants(second) or of_its_own)
            and not parts.answered(second, main[0].split("\n\n")[0])):
        led = _part(ctx, second, first, retrieval)
        if led is not None:
            # a short part, or one that asks for the basis ("what is the legal basis?"), is
            # about the first part's subject
            main = parts.merge(main, led, does=shapes.asked_action(second),
                               about=parts.distinctive(first, ctx.stats)
                               if parts.leans_on_first(second) else None)
    # how often, how it is calculated, what follows a breach, when a target was met: stated by
    # the statement that states it when the part's own answer did not bring it
    return parts.state_asked(ctx, first, second, main)


def _part(ctx: Context, part: str, other: str | None, retrieval: Retrieval,
          alone: bool = False, kind: str | None = None) -> tuple | None:
    """One part answered as a question of its own kind; a short part ("who pays?", "依据是哪个
    文件？") is read with the other part's words, which hold what it is about, unless it says
    what it is about (``alone``: "什么是两免一补？"); ``kind`` answers it as that kind (a role
    part after a why-question is explained: "what part did county finances play?")."""
    intent = understand(Context.build(ctx.engine, ctx.settings, part, ctx.filters))
    if kind is not None:
        intent = replace(intent, kind=kind)
    questions = [part] if alone or not parts.short(part) else []
    if other is not None:
        questions.append(f"{part} {other}")
    for question in questions:
        sub = Context.build(ctx.engine, ctx.settings, question, ctx.filters)
        for route in routes_for(intent, retrieval):
            if route.name == "extractive":
                break
            result = route.compose(sub, intent, retrieval)
            if result is not None and result[2]:
                return result
    return None


def _in_reader_language(ctx: Context, citations: list[Citation], language: str
                        ) -> list[Citation]:
    """Every citation titled in the reader's language (a Chinese reader sees 《title_zh》 and
    the Chinese issuer, whichever route cited the passage)."""
    if language != "zh":
        return citations
    localized_citations = []
    for citation in citations:
        row = ctx.engine.document(citation.doc_id)
        localized_citations.append(localized(citation, row.metadata, language) if row else citation)
    return localized_citations


_SCHOOLING = re.compile(r"\b(schools?|teachers?|pupils?|classrooms?|principals?)\b|学校|教师|老师|"
                        r"学生|村小|教学点|校长|课堂", re.IGNORECASE)


def names_the_corpus(ctx: Context, intent: Intent) -> bool:
    """The question names one of the corpus's cases, or a law or regulation of it: it is in
    scope even when its other words are rare (a Chinese question's frame words often are)."""
    if intent.cases:
        return True
    if intent.kind == "suggest" and intent.problems and _SCHOOLING.search(ctx.question):
        # "县里建了教育云平台，老师们基本不用，该怎么办": a school problem the measures catalogue
        # addresses, however rare the question's own words
        return True
    draft = shapes.draft_for(ctx)
    return bool(draft and draft.named_laws())


def explained_by_the_corpus(ctx: Context) -> bool:
    """The question fits one of the corpus's explanations almost in its words (EXPLAINED): it is
    in scope even when retrieval finds its wording thin ("重心为什么从盖校舍转到了教师队伍上")."""
    draft = shapes.draft_for(ctx)
    scored = explanation_scores(draft) if draft is not None else []
    return bool(scored) and max(score for score, _ in scored) >= EXPLAINED


def understand(ctx: Context) -> Intent:
    """The question's kind and subject (``assistant.answer.intent``)."""
    names: dict[str, tuple[str, ...]] = {}
    for corpus in ctx.settings.corpus_dirs:
        names.update(corpus_case_names(corpus))
    defined = glossary_route.parse(ctx) is not None
    intent = classify(ctx.question, names, has_definition=defined)
    if intent.kind == "lookup" and not asks_for_fact(ctx.question):
        # a question with no cue of its kind that the corpus explains almost in its words
        # ("城乡义务教育差距是怎么回事") is answered with the explanation
        draft = shapes.draft_for(ctx)
        scored = explanation_scores(draft) if draft is not None else []
        if scored and max(score for score, _ in scored) >= EXPLAINED:
            intent = replace(intent, kind="explain")
    return intent


Composed = tuple[str, CitationList, list[Claim]] | None


@dataclass(frozen=True)
class Route:
    """One way to answer: ``compose`` returns the body, citations and claims, or None to pass."""

    name: str
    kinds: tuple[str, ...] | None   # the kinds of question it serves; None: any
    compose: Callable[[Context, Intent, Retrieval], Composed]


def _shaped(shape: Callable) -> Callable[[Context, Intent, Retrieval], Composed]:
    def compose(ctx: Context, intent: Intent, retrieval: Retrieval) -> Composed:
        draft = shapes.draft_for(ctx)
        return None if draft is None else shape(draft, intent)
    return compose


def _compare_passages(ctx: Context, intent: Intent, retrieval: Retrieval) -> Composed:
    return None if intent.sides is None else compare.compose(ctx, intent.sides)


def _glossary(ctx: Context, intent: Intent, retrieval: Retrieval) -> Composed:
    entry = glossary_route.parse(ctx)
    if entry is None or not glossary_route.definition(entry, ctx.language):
        return None
    draft = shapes.draft_for(ctx)
    if draft is not None:
        draft.defining = True  # the answer defines the term: its definition is said as written
        # a statement that defines the term cites the document that defines it; the glossary,
        # our own list, is the fallback an official cannot put in a reference list
        lead = shapes.defining_statement(draft, entry)
        if lead is not None and (said := draft.say(lead)) is not None:
            found = _term_support(draft)
            support = draft.say_all(about_the_term(entry, [f for f in found if f is not lead
                                                           and not draft.is_said(f)]), 2)
            return shapes.finish(draft, [said, " ".join(support)])
    cites = CitationList()
    marker = cites.add(glossary_route.citation(entry, ctx.language))
    definition = glossary_route.defined(entry, ctx.language)
    claims = [Claim(definition, [marker], "quote")]
    parts = [f"{definition} [{marker}]"]
    draft = shapes.draft_for(ctx)
    if draft is not None:
        draft.defining = True
        draft.cites = cites
        draft.claims = claims
        draft.said.append(token_set(definition))  # statements restating it are not repeated
        found = _term_support(draft)
        support = draft.say_all(about_the_term(entry, [f for f in found if not draft.is_said(f)]), 2)
        if support:
            parts.append(" ".join(support))
    return "\n\n".join(parts), cites, claims


def _term_support(draft) -> list:
    """The statements that may follow a definition: the most relevant, and — a little further
    down, as it shares fewer of the question's words — one that lists the concept's parts."""
    found = draft.relevant(draft.search(kinds=("definition", "fact", "duty"), limit=8))
    parts = [f for f in draft.relevant(draft.search(kinds=("definition", "fact"), limit=30))
             if glossary_route.lists_components(f.statement) and f not in found]
    return found + parts[:1]


def about_the_term(entry, found: list) -> list:
    """The statements that name the glossary ``entry`` asked about (in either language, or in
    the subjects they are filed under), when any does: "support teaching (支教)" shares words
    with the "special-post teacher scheme" but says nothing about it."""
    names = [n.lower() for n in (entry.en, *entry.aliases_en, entry.zh, *entry.aliases_zh)
             if n and len(n) >= 2]

    def names_term(f) -> bool:
        text = f"{f.statement.text} {f.statement.text_zh} {' '.join(f.statement.subjects)}"
        return any(name in text.lower() for name in names)
    # when none names it (a term our statements call by other words), the closest still support
    naming = [f for f in found if names_term(f)] or found
    # a composite concept is defined by its parts: the statement that lists them comes first
    return sorted(naming, key=lambda f: not glossary_route.lists_components(f.statement))


def _standards(ctx: Context, intent: Intent, retrieval: Retrieval) -> Composed:
    rows = standards_table.match(ctx)
    return standards_table.compose(ctx, rows) if rows else None


def _extractive(ctx: Context, intent: Intent, retrieval: Retrieval) -> Composed:
    composition = compose(ctx, retrieval.by_language)
    return composition.text, composition.cites, composition.claims


ROUTES: tuple[Route, ...] = (
    Route("compare", ("compare",), _shaped(shapes.compare)),
    Route("compare-passages", ("compare",), _compare_passages),
    Route("suggest", ("suggest",), _shaped(suggest)),
    Route("explain", ("explain",), _shaped(shapes.explain)),
    Route("case", ("case",), _shaped(shapes.case)),
    # a threshold asked for is answered from the standards tables, whatever the wording
    Route("standards-table", ("lookup", "definition", "responsible"), _standards),
    Route("responsible", ("responsible",), _shaped(shapes.responsible)),
    Route("glossary", ("definition", "lookup"), _glossary),
    Route("definition", ("definition",), _shaped(shapes.definition)),
    Route("lookup", None, _shaped(shapes.lookup)),
    Route("extractive", None, _extractive),
)


def routes_for(intent: Intent, retrieval: Retrieval) -> list[Route]:
    """The routes that serve this kind of question, in order. A question whose best passage is
    an uploaded document (no statements describe it) is answered from that passage first."""
    routes = [r for r in ROUTES if r.kinds is None or intent.kind in r.kinds]
    if (intent.kind == "responsible" and intent.asks_who) or intent.kind == "definition":
        # "who must …?" is answered by the duty, "what is …?" by what it means; a threshold
        # table would name no one and define nothing (it may still follow)
        routes.sort(key=lambda r: r.name == "standards-table")
    hits = retrieval.hits
    if hits and not hits[0].chunk.metadata.get("doc_type"):
        routes.sort(key=lambda r: r.name != "extractive")
    return routes


def _join(*notes: str | None) -> str | None:
    kept = [n for n in notes if n]
    return " ".join(kept) if kept else None
