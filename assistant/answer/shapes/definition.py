"""A definition: the statement whose subject is the term, then at most two facts."""

from __future__ import annotations

import re

from assistant.answer.intent import Intent
from assistant.answer.shapes.draft import Composed, Draft, finish, topic_first
from assistant.knowledge.index import Found


def defining_statement(draft: Draft, entry) -> Found | None:
    """A definition statement whose subject is the glossary ``entry`` (it names the term at its
    start, in the reader's language or in English), the most relevant first; None if none."""
    names = [n.lower() for n in (entry.en, *entry.aliases_en, entry.zh, *entry.aliases_zh) if n]
    for found in draft.relevant(draft.search(kinds=("definition",), limit=10), floor=0.2):
        texts = [found.statement.in_language(draft.language), found.statement.text]
        # the term is the sentence's subject: "The 'three growths' are …", "“两免一补”是指…"
        heads = [re.sub(r"^(the |a |an )?[\"“'‘「《(（]*", "", text.lower()) for text in texts]
        if any(head.startswith(name) for name in names for head in heads):
            return found
    return None


def definition(draft: Draft, intent: Intent) -> Composed:
    """What the term means first (a definition that names it), then at most two facts."""
    draft.defining = True
    found = draft.relevant(draft.search(kinds=("definition", "fact"), limit=10))
    if not found:
        return None
    defining = [f for f in found if f.statement.kind == "definition"]
    if draft.topic_names():
        first = [f for f in defining if draft.names_topic(f)] + topic_first(draft, found)
    else:
        first = defining + found
    lead = draft.say_all(first, 1)
    return finish(draft, [" ".join(lead), " ".join(draft.say_all(found, 2))])
