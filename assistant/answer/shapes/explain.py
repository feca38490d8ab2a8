"""Explain / why: a thesis, then numbered causes and mechanisms."""

from __future__ import annotations

import re

from assistant.answer.intent import Intent
from assistant.answer.messages import text as t
from assistant.answer.shapes.draft import (
    LEAD_TIE,
    LIST_RELATIVE,
    Composed,
    Draft,
    finish,
    topic_first,
)
from assistant.answer.shapes.explanations import asks_how_it_works, explanation_for
from assistant.knowledge.explanations import Explanation
from assistant.knowledge.index import Found

THESIS_POOL = 6     # the most relevant findings an explain answer's thesis is chosen from
CASE_FLOOR = 0.2    # a case's statement is part of its account from this relevance
CASE_CAUSES = ("problem", "cause", "mechanism", "lessons", "context")  # a case's account of why


def explain(draft: Draft, intent: Intent) -> Composed:
    """A one-sentence thesis, then numbered causes or mechanisms, each with its source: from the
    explanation the question asks for when the corpus has one, else from the findings that fit
    the question best."""
    if intent.cases:
        # "why did District L's government fall short?": the case's own account, not the
        # corpus's general explanation of a neighbouring phenomenon
        found = draft.relevant(draft.search(sources=intent.cases, limit=30), floor=CASE_FLOOR)
        # the case's problem and its causes lead; its setting (the national wave it belongs
        # to) explains less of why this place fared as it did, so it comes last
        found = sorted((f for f in found if f.statement.aspect in CASE_CAUSES),
                       key=lambda f: (f.statement.aspect == "context", -_causal(f)))
        if len(found) >= 2:
            return _listed(draft, found)
    chosen = explanation_for(draft)
    if chosen is not None and (composed := _explained(draft, chosen)) is not None:
        return composed
    found = draft.relevant(draft.search(kinds=("finding",), limit=20))
    if len(found) < 2 or not draft.on_topic(found):
        return None
    # findings about the subject asked about come first ("why did key schools widen the gap":
    # findings that name key schools), then the rest, each group by relevance
    found = topic_first(draft, found)
    # the thesis: of the most relevant findings, one about the subject asked about that the
    # sources file as a cause or mechanism, else the one that most reads as a cause
    # (a lesson is a remedy: it answers "what to do", not "why")
    pool = [f for f in found[:THESIS_POOL] if f.statement.aspect in ("cause", "mechanism")]
    pool = [f for f in pool if f.score >= LEAD_TIE * pool[0].score] or found[:3]
    # a cause that holds more of the question ("寄宿生" and "公用经费" of "为什么要给寄宿生额外的公用
    # 经费") answers it more closely than a more relevant one about the wider subject
    holding = max((f for f in found[THESIS_POOL:12] if f.statement.aspect in ("cause", "mechanism")),
                  key=lambda f: _held_weight(draft, f), default=None)
    if holding is not None and _held_weight(draft, holding) > max(
            (_held_weight(draft, f) for f in pool), default=0.0):
        pool.append(holding)
    pool.sort(key=lambda f: (-round(_held_weight(draft, f), 1),
                             bool(draft.topic_names()) and not draft.names_topic(f),
                             bool(draft.topic_names()) and not draft.about_topic(f), -_causal(f)))
    found = pool + [f for f in found if f not in pool]
    lead = draft.say_all(found[:3], 1)
    # the numbered list holds causes and mechanisms close enough to the question to be worth a
    # line, the verified first; trends, statistics and comparisons only when the sources give
    # too few causes
    best = max(f.score for f in found)
    close = [f for f in found[1:12]
             if f.score >= LIST_RELATIVE * best or draft.names_topic(f)]
    causal = [f for f in close if f.statement.aspect in ("cause", "mechanism")]
    others = [f for f in close if f.statement.aspect in ("trend", "statistic", "comparison")]
    pool = causal if len(causal) >= 2 else causal + others
    rest = topic_first(draft, sorted(pool, key=lambda f: -_causal(f)))
    causes = draft.say_all(rest, 4)
    parts = [" ".join(lead)]
    if causes:
        parts.append(_numbered(draft, causes))
    return finish(draft, parts)


_CAUSAL_SECTION = re.compile(r"cause|why|reason|root|mechanism|成因|原因|为什么", re.IGNORECASE)


_CAUSAL_WORDS = re.compile(r"\b(because|so that|leads? to|leaving|drives?|pulls?|caus\w+|"
                           r"result\w*|means that)\b|导致|因为|因此|使得|造成|吸引|流向", re.IGNORECASE)


_OUR_READING = re.compile(r"^(in )?our (reading|mapping|analysis)|^按我们的|^我们的",
                          re.IGNORECASE)


# Wording of a remedy rather than a cause: a "why" answer puts these last, if at all.
_REMEDY = re.compile(r"\b(plan|measures?|schemes?|instruments?|tools?|should|must|support|"
                     r"programme|subsid\w+|allowance|policy answers|answers? (the|this))\b|"
                     r"措施|计划|工具|应当|须|支持|补助|对策", re.IGNORECASE)


def _causal(found: Found) -> float:
    """How well a finding serves as a cause in an explain answer: its relevance, plus a little
    for a section about causes and for causal wording; less for our own reading, for the
    wording of a remedy, or an unconfirmed fact (a reader asking "why" wants the sources'
    causes first)."""
    s = found.statement
    text = s.in_language("en")
    return (found.score + 0.1 * bool(_CAUSAL_SECTION.search(found.located.section))
            + 0.05 * bool(_CAUSAL_WORDS.search(text)) - 0.3 * bool(_OUR_READING.search(text))
            - 0.15 * bool(_REMEDY.search(text)) - 0.1 * s.unconfirmed)


def _explained(draft: Draft, explanation: Explanation) -> Composed:
    """The explanation's thesis, then its causes in the order the corpus gives them; None when
    the thesis cannot be said (filtered out, or its passage is not indexed)."""
    admitted = [_found(draft, ident) for ident in explanation.statement_ids]
    if admitted[0] is None:
        return None
    lead = draft.say(admitted[0])
    if lead is None:
        return None
    causes = [line for found in admitted[1:] if found is not None
              and (line := draft.say(found)) is not None]
    if not causes:
        return None
    return finish(draft, [lead, _numbered(draft, causes)])


def _found(draft: Draft, ident: str) -> Found | None:
    """A statement of an explanation, if the question's filters admit its document."""
    located = draft.index.by_id[ident]
    if not draft.ctx.filters.admits(located.statement.source, located.metadata):
        return None
    return Found(located, 1.0, 1.0)


def _listed(draft: Draft, found: list[Found]) -> Composed:
    """The most relevant statement, then the others as numbered causes (a case's account)."""
    lead = draft.say_all(found, 1)
    causes = draft.say_all(found[1:], 4)
    if not lead or not causes:
        return None
    return finish(draft, [" ".join(lead), _numbered(draft, causes)])


def _held_weight(draft: Draft, found: Found) -> float:
    """The weight of the question's words that a statement holds."""
    held = draft.terms_held(found)
    return sum(draft.ctx.stats.weight(term) for term in draft.ctx.terms if term.text in held)


def _numbered(draft: Draft, causes: list[str]) -> str:
    """The causes as a numbered list under "How it works:" or "The main causes …:"."""
    heading = "how_it_works" if asks_how_it_works(draft.ctx.question) else "causes"
    return t(heading, draft.language) + "\n" + "\n".join(
        f"{n}. {c}" for n, c in enumerate(causes, start=1))
