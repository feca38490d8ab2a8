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
from assistant.knowledge.statements import ACTORS

LIST_COVERAGE = 0.6  # a further duty holds this share of the question's words the lead holds
SHARED = 0.7  # ... and this share (by weight) of the question's words that the lead holds


def _names_an_actor(draft: Draft):
    """Whether a statement names, in the reader's language, the level of government that acts
    (县级人民政府, "county governments")."""
    names = [name.lower() for pair in ACTORS.values() for name in pair]
    names += ["各级人民政府", "县级以上", "县、乡", "省级", "县级", "government", "state council"]

    def names_actor(found: Found) -> bool:
        text = found.statement.in_language(draft.language).lower()
        return any(name in text for name in names)
    return names_actor


def _shares_lead(draft: Draft, lead: Found, other: Found) -> bool:
    """Whether ``other`` holds most (by weight) of the question's words that the lead holds."""
    weight = draft.ctx.stats.weight
    held = draft.terms_held(lead)
    terms = [term for term in draft.ctx.terms if term.text in held]
    total = sum(weight(term) for term in terms)
    if not total:
        return True
    theirs = draft.terms_held(other)
    return sum(weight(term) for term in terms if term.text in theirs) >= SHARED * total


def responsible(draft: Draft, intent: Intent) -> Composed:
    """The actor's duties as a short list, strongest legal basis first."""
    # "who is responsible for … in our county?": the county is where, not necessarily who
    actors = None if intent.asks_who else (intent.actors or None)
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
    # "which level of government …?" is answered by a duty that names one
    found = draft.lead(found, prefer=_names_an_actor(draft) if intent.asks_who else None)
    lead = draft.say_all(found, 1)
    # a further duty shares about as much of the question as the lead: one word in common
    # ("housing" in a question about schools for new housing estates) is not enough
    close = [f for f in found[1:8] if f.score >= LIST_RELATIVE * found[0].score
             and f.coverage >= LIST_COVERAGE * found[0].coverage]
    # ... and most of the lead's words of the question ("housing" of "help rural teachers with
    # housing"): a duty to train the same teachers answers another question
    close = [f for f in close if _shares_lead(draft, found[0], f)]
    # a province's own rule is no further duty of a question that does not name the province
    close = [f for f in close if not draft.elsewhere(f)]
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
