"""Who is responsible: the lead duty, then the actor's further duties, strongest basis first."""

from __future__ import annotations

from assistant.answer.intent import Intent
from assistant.answer.messages import text as t
from assistant.answer.shapes.draft import (
    LIST_RELATIVE,
    ON_TOPIC,
    WHO_ON_TOPIC,
    Composed,
    Draft,
    finish,
)
from assistant.knowledge.index import Found


def responsible(draft: Draft, intent: Intent) -> Composed:
    """The actor's duties as a short list, strongest legal basis first."""
    actors = intent.actors or None
    found: list[Found] = []
    for area in ([intent.area, None] if intent.area else [None]):
        found = draft.relevant(draft.search(kinds=("duty",), actors=actors, area=area, limit=20))
        if len(found) >= 2:
            break
    # "who must …?" is answered by a duty even when an overview of the law scores higher
    if not draft.on_topic(found, WHO_ON_TOPIC if intent.asks_who else ON_TOPIC):
        return None
    if draft.asks_for_law():
        # "what is it legally responsible for": the actor's duties in laws and regulations, when
        # there are enough of them to answer (a law's wording shares fewer words with the
        # question than a policy's, so they are looked for further down)
        wider = draft.search(kinds=("duty",), actors=actors, limit=80)
        legal = draft.relevant([f for f in wider if f.located.doc_type in ("law", "regulation")])
        found = legal if len(legal) >= 2 else found
    found = draft.lead(found)
    lead = draft.say_all(found, 1)
    close = [f for f in found[1:8] if f.score >= LIST_RELATIVE * found[0].score]
    on_subject = [f for f in found[1:] if draft.names_topic(f)]
    if on_subject:
        # the duties about the subject asked about, then at most two of the actor's others; all
        # in order of legal strength
        others = [f for f in close if f not in on_subject][:max(0, 4 - len(on_subject))][:2]
        chosen = sorted(on_subject[:5] + others, key=lambda f: (f.located.strength, -f.score))
    else:
        chosen = sorted(close, key=lambda f: (f.located.strength, -f.score))
    items = draft.say_all(chosen, 5)
    parts = [" ".join(lead)]
    if items:
        parts.append(t("more_duties", draft.language) + "\n" + "\n".join(f"- {i}" for i in items))
    return finish(draft, parts)
