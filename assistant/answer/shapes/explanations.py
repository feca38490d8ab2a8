"""Which of the corpus's explanations a "why" / "how does it work" question asks for.

A question fits an explanation when the words of one of its phrases (``asks``) and the words of
the question mostly hold each other: F1 of the two IDF-weighted coverages. A word the corpus
never uses (年轻 in "留不住年轻教师") weighs little: it narrows the question, it does not change
what is asked."""

from __future__ import annotations

import threading

from assistant.answer.shapes.draft import Draft
from assistant.answer.terms import (
    Term,
    TermStats,
    content_terms,
    matches,
    token_set,
    with_known_parts,
)
from assistant.knowledge.explanations import Explanation

MATCH = 0.55          # the fit a question needs to be answered from an explanation
UNKNOWN_WEIGHT = 1.0  # the weight of a word the corpus never uses (known words weigh their IDF)
_phrase_terms: dict[tuple[str, int], list[Term]] = {}
_lock = threading.Lock()


def explanation_for(draft: Draft) -> Explanation | None:
    """The explanation the question asks for, or None when none fits well enough."""
    explanations = draft.index.explanations
    if not explanations:
        return None
    ctx = draft.ctx
    # the question with its glossary terms' names in both languages: an English phrase can fit
    # a Chinese question through them
    question = " ".join([ctx.question, *(n for e in ctx.glossary for n in (e.en, e.zh) if n)])
    terms = draft.question_terms()
    scored = [(fit(question, terms, phrase, ctx.stats), e)
              for e in explanations for phrase in e.asks]
    best, chosen = max(scored, key=lambda pair: pair[0])
    return chosen if best >= MATCH else None


def fit(question: str, terms: list[Term], phrase: str, stats: TermStats) -> float:
    """How well a phrase and a question hold each other's words (0–1)."""
    phrase_terms = _terms_of(phrase, stats)
    chinese = any(term.chinese for term in phrase_terms)
    terms = [term for term in terms if term.chinese == chinese]  # the phrase's language only
    if not terms or not phrase_terms:
        return 0.0
    recall = _covered(terms, phrase, stats)
    precision = _covered(phrase_terms, question, stats)
    return 0.0 if recall + precision == 0 else 2 * recall * precision / (recall + precision)


def _covered(terms: list[Term], text: str, stats: TermStats) -> float:
    """The weighted share of ``terms`` that ``text`` holds."""
    lowered = text.lower()
    tokens = token_set(text)
    total = held = 0.0
    for term in terms:
        weight = stats.weight(term) if stats.known(term) else UNKNOWN_WEIGHT
        total += weight
        held += weight * matches(term, lowered, tokens)
    return held / total if total else 0.0


def _terms_of(phrase: str, stats: TermStats) -> list[Term]:
    """A phrase's terms, read like a question's (kept per phrase and term statistics)."""
    key = (phrase, id(stats))
    with _lock:
        cached = _phrase_terms.get(key)
    if cached is None:
        cached = with_known_parts(content_terms(phrase), stats)
        with _lock:
            if len(_phrase_terms) > 20_000:
                _phrase_terms.clear()
            _phrase_terms[key] = cached
    return cached
