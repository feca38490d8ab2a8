"""A look-up: the fact asked for, then only support that adds a part of the question."""

from __future__ import annotations

from assistant.answer.extractive import wanted_patterns
from assistant.answer.intent import Intent
from assistant.answer.shapes.draft import LIST_RELATIVE, Composed, Draft, finish

CASE_FLOOR = 0.2  # a statement of the case the question names is said from this relevance


def lookup(draft: Draft, intent: Intent) -> Composed:
    """One sentence with the fact and its source, then at most two supporting sentences."""
    found = draft.relevant(draft.search(limit=12))
    own: list = []
    if intent.cases:
        # a question that names a case or place ("陕西省提出哪一年…") is answered from its record
        # first; the national picture only supports
        own = draft.relevant(draft.search(sources=intent.cases, limit=12), floor=CASE_FLOOR)
    found = draft.lead(own) + [f for f in found if f not in own] if own else draft.lead(found)
    if not found:
        return None
    lead, said = [], None
    for item in found[:3]:
        if (line := draft.say(item)) is not None:
            lead, said = [line], item
            break
    # support only as close to the question as a list item must be, and only what adds a part
    # of the question the lead leaves out: a neighbouring article, another law's article of the
    # same number or the same fact for another year is padding to a reader who asked for one
    best = max(f.score for f in (own or found))
    rest = sorted((f for f in found[1:] if f.score >= LIST_RELATIVE * best and f is not said),
                  key=lambda f: (f not in own, f.located.strength, -f.score))
    covered = draft.terms_held(said) if said else set()
    wanted = wanted_patterns(draft.ctx.question)
    if wanted:  # a question for a figure, a date or an article: support gives one too
        rest = [f for f in rest
                if any(p.search(f.statement.in_language(draft.language)) for p in wanted)]
    support = []
    for item in rest:
        added = draft.terms_held(item) - covered
        if added and len(support) < 2 and (line := draft.say(item)) is not None:
            support.append(line)
            covered |= added
    return finish(draft, [" ".join(lead), " ".join(support)])
