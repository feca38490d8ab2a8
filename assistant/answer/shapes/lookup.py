"""A look-up: the fact asked for, then only support that adds a part of the question."""

from __future__ import annotations

from assistant.answer.extractive import wanted_patterns
from assistant.answer.intent import Intent
from assistant.answer.shapes.draft import LIST_RELATIVE, Composed, Draft, finish


def lookup(draft: Draft, intent: Intent) -> Composed:
    """One sentence with the fact and its source, then at most two supporting sentences."""
    found = draft.lead(draft.relevant(draft.search(limit=12)))
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
    best = max(f.score for f in found)
    rest = sorted((f for f in found[1:] if f.score >= LIST_RELATIVE * best and f is not said),
                  key=lambda f: (f.located.strength, -f.score))
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
