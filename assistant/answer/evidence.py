"""Is there enough evidence to answer? Signals from retrieval, and the abstention threshold.

    w(t)      = IDF of question term t (of its most common synonym)
    coverage  = Σ w(t) over terms found in the best single passage / Σ w(t)   (top passages)
    dense     = min(1, best cosine similarity of question and passage / DENSE_SCALE)
    score     = DENSE_WEIGHT · dense + (1 − DENSE_WEIGHT) · coverage
                + GLOSSARY_BONUS · [the question names a glossary term]
              = coverage + GLOSSARY_BONUS·[glossary term]      when the question has no dense
                                                              ranking (Chinese, no glossary term)
    answer when score ≥ THRESHOLD (with a dense ranking) or ≥ COVERAGE_THRESHOLD (without),
    and at least VOCABULARY_FLOOR of the question's term weight occurs somewhere in the index.
    Only a distinctive glossary term (its words weigh DISTINCTIVE_WEIGHT or more: "county" is in
    most passages, "coefficient of variation" in few) earns the bonus.
    A Chinese question's dense ranking comes only from the English names of its glossary terms,
    a weak proxy, so it may pass on either rule.

A question the corpus answers has a passage that holds most of its rare terms and reads like it;
weather, stock prices or divorce law find neither. A question most of whose weight lies in words
the corpus never uses (gaokao, Tsinghua, Henan) is about something else, however education-like
it reads. The constants were chosen by
``benchmarks/abstention_calibration.py`` on ``tests/answer/calibration.yaml``.
"""

from __future__ import annotations

from assistant.answer.terms import Term, TermStats, content_terms, matches, token_set
from assistant.answer.types import Evidence
from assistant.documents import Hit

DENSE_WEIGHT = 0.9
DENSE_SCALE = 0.6
GLOSSARY_BONUS = 0.15
THRESHOLD = 0.72
COVERAGE_THRESHOLD = 0.48
VOCABULARY_FLOOR = 0.3
DISTINCTIVE_WEIGHT = 1.0
TOP_PASSAGES = 10


def coverage(terms: list[Term], stats: TermStats, rankings: list[list[Hit]]) -> float:
    """The largest IDF-weighted share of the question's terms that one passage holds, over the
    top passages of each ranking (one ranking per passage language)."""
    total = sum(stats.weight(t) for t in terms)
    if not total:
        return 0.0
    best = 0.0
    for hits in rankings:
        for hit in hits[:TOP_PASSAGES]:
            tokens = token_set(hit.chunk.text)
            found = sum(stats.weight(t) for t in terms if matches(t, hit.chunk.text, tokens))
            best = max(best, found / total)
    return best


def vocabulary(terms: list[Term], stats: TermStats) -> float:
    """IDF-weighted share of the question's terms that occur anywhere in the index."""
    total = sum(stats.weight(t) for t in terms)
    if not total:
        return 0.0
    return sum(stats.weight(t) for t in terms if stats.known(t)) / total


def combine(best_dense: float | None, cover: float, glossary_terms: int, *,
            dense_weight: float = DENSE_WEIGHT) -> float:
    bonus = GLOSSARY_BONUS if glossary_terms else 0.0
    if best_dense is None:
        return cover + bonus
    dense = min(1.0, max(0.0, best_dense) / DENSE_SCALE)
    return dense_weight * dense + (1 - dense_weight) * cover + bonus


def decide(best_dense: float | None, cover: float, glossary_terms: int, language: str, *,
           dense_weight: float = DENSE_WEIGHT, threshold: float = THRESHOLD,
           coverage_threshold: float = COVERAGE_THRESHOLD,
           known: float = 1.0) -> tuple[float, float]:
    """(score, threshold) of the rule that applies; for a Chinese question with a dense ranking,
    of whichever of the two rules it passes more clearly. ``known`` is the question's vocabulary
    share: under VOCABULARY_FLOOR that rule decides."""
    if known < VOCABULARY_FLOOR:
        return known, VOCABULARY_FLOOR
    by_coverage = (combine(None, cover, glossary_terms), coverage_threshold)
    if best_dense is None:
        return by_coverage
    by_dense = (combine(best_dense, cover, glossary_terms, dense_weight=dense_weight), threshold)
    if language == "zh":
        return max(by_dense, by_coverage, key=lambda pair: pair[0] - pair[1])
    return by_dense


def assess(terms: list[Term], stats: TermStats, rankings: list[list[Hit]],
           glossary_terms: list[str], language: str) -> Evidence:
    """The evidence for answering from ``rankings`` (``sufficient`` tells whether to answer)."""
    dense = [h.dense_similarity for hits in rankings for h in hits
             if h.dense_similarity is not None]
    best_dense = max(dense) if dense else None
    cover = coverage(terms, stats, rankings)
    known = vocabulary(terms, stats)
    distinctive = [name for name in glossary_terms if is_distinctive(name, stats)]
    score, threshold = decide(best_dense, cover, len(distinctive), language, known=known)
    return Evidence(best_dense=best_dense, coverage=cover, vocabulary=known,
                    glossary_terms=distinctive, score=score, threshold=threshold)


def is_distinctive(name: str, stats: TermStats) -> bool:
    """Whether a glossary term's words are rare enough in the index to say the question is about
    the corpus's subject (a word in most passages says little)."""
    return sum(stats.weight(t) for t in content_terms(name)) >= DISTINCTIVE_WEIGHT
