"""Compare: two cases, two documents or two things, each side only from its own statements."""

from __future__ import annotations

from dataclasses import replace

from assistant.answer.intent import Intent, corpus_case_names, named_cases
from assistant.answer.messages import text as t
from assistant.answer.named_documents import named_document
from assistant.answer.shapes.case import of_another_place, other_places
from assistant.answer.shapes.compare_cases import case_sides, compare_cases
from assistant.answer.shapes.compare_documents import compare_documents
from assistant.answer.shapes.compare_topics import compare_topics
from assistant.answer.shapes.comparison import compare_from_file
from assistant.answer.shapes.draft import Composed, Draft, both_texts, finish
from assistant.answer.shapes.sides import names_side_loosely
from assistant.answer.terms import content_terms


def compare(draft: Draft, intent: Intent) -> Composed:
    """A side-by-side table whose cells come only from each side's own statements, then the key
    difference; from the corpus's comparisons file when the question asks for one of its
    comparisons (the key difference, then a column per side and a row per aspect)."""
    named = () if intent.sides is None else (intent.sides.a, intent.sides.b)
    composed = compare_from_file(draft, intent.cases, named)
    if composed is not None:
        return composed
    sides = intent.sides
    if sides is None:
        return None
    names = {}
    for corpus in draft.ctx.settings.corpus_dirs:
        names.update(corpus_case_names(corpus))
    # two or three cases, each by the name the question used for it ("Jiashan", not "Jiashan's
    # approaches to teacher rotation") and ranked by its own words; the shared words are the focus
    cases = case_sides(sides.a, sides.b, names, named_cases, _case_label)
    if cases:
        return compare_cases(draft, cases, sides.focus, names)
    documents = draft.documents()
    # a side may need the aspect's words to name its document ("the 2018 guidance" | "on small
    # and boarding schools")
    named = [named_document(side, documents) for side in (sides.a, sides.b)]
    focus = sides.focus
    if focus and named.count(None) == 1:
        n = named.index(None)
        named[n] = named_document(f"{(sides.a, sides.b)[n]} {focus}", documents)
        focus = ""  # the words were the document's name, not the aspect compared
    doc_a, doc_b = named
    if doc_a and doc_b and doc_a != doc_b:
        composed = compare_documents(draft, replace(sides, focus=focus), doc_a, doc_b,
                                      documents)
        if composed:
            return composed
    unknown = [side for side in (sides.a, sides.b) if not _named_anywhere(draft, side)]
    if len(unknown) == 1:
        return _one_side_unknown(draft, unknown[0], sides.b if unknown[0] == sides.a else sides.a)
    return compare_topics(draft, sides.a, sides.b, sides.focus)


def _named_anywhere(draft: Draft, side: str) -> bool:
    """Whether any statement names the side by the words that tell it apart."""
    return any(names_side_loosely(side, item.search_text.lower()) for item in draft.index.located)


def _one_side_unknown(draft: Draft, unknown: str, known: str) -> Composed:
    """One side our sources never name ("publicly funded normal students"): say so, and what they
    hold on the other side, rather than fill its column with statements that share a word."""
    case = _known_case(draft, known)
    if case is not None:
        return _unknown_beside_case(draft, unknown, *case)
    terms = content_terms(known)
    # what it is (the best definition on its words), then what names it
    defined = draft.relevant(draft.search(terms, kinds=("definition",), limit=3))[:1]
    found = [f for f in draft.relevant(draft.search(terms, limit=10))
             if names_side_loosely(known, both_texts(f).lower()) and f not in defined]
    said = draft.say_all(defined + found, 2)
    opening = t("compare_side_unknown", draft.language, side=unknown, other=known)
    return finish(draft, [opening, " ".join(said)] if said else [opening])


def _known_case(draft: Draft, side: str) -> tuple[str, str] | None:
    """The case a side names, and the name the side uses for it ("衡南县", not "衡南县推进均衡
    发展"): the other side is then answered from that case's own record."""
    names: dict[str, tuple[str, ...]] = {}
    for corpus in draft.ctx.settings.corpus_dirs:
        names.update(corpus_case_names(corpus))
    cases = named_cases(side, names)
    if len(cases) != 1:
        return None
    return _case_label(side, names[cases[0]]), cases[0]


def _unknown_beside_case(draft: Draft, unknown: str, label: str, case_id: str) -> Composed:
    """"海淀区和衡南县有什么不同": the sources lack 海淀区; what they hold on 衡南县, said once from
    its own record (what it did before what came of it), not padded with statements about other
    places that share the question's words."""
    names: tuple[str, ...] = ()
    for corpus in draft.ctx.settings.corpus_dirs:
        names += corpus_case_names(corpus).get(case_id, ())
    own = [n.lower() for n in names]
    elsewhere = other_places(draft, case_id, own)
    found = [f for f in draft.search(cases=(case_id,), limit=40)
             if not of_another_place(f, own, elsewhere) and f.statement.aspect in _RECORD]
    found.sort(key=lambda f: _RECORD.index(f.statement.aspect))
    said = draft.say_all(found, 2)
    opening = t("compare_side_unknown", draft.language, side=unknown, other=label)
    return finish(draft, [opening, " ".join(said)] if said else [opening])


# what a place did, then what came of it, then its setting: its own record, not lessons drawn
_RECORD = ("measures", "results", "problem", "context")


def _case_label(side: str, names: tuple[str, ...]) -> str:
    """The longest of a case's names that the side's words contain, else the side as written."""
    found = [n for n in names if n.lower() in side.lower()]
    return max(found, key=len) if found else side
