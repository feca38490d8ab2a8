"""Scoring candidate sentences against a question and choosing a few by maximal marginal relevance.

    relevance(s) = 0.5 · cos(q, s) + 0.5 · kw(s)   an English sentence, when the model reads q
                 = kw(s)                          otherwise (MiniLM cannot read Chinese)

Only the DENSE_CANDIDATES English sentences with the best keyword score and passage rank are
embedded (the cost of an answer is mostly embedding); the rest count cos(q, s) as 0.
    kw(s)        = Σ idf(t) over question terms t found in s  /  Σ idf(t) over all question terms
    MMR(s)       = λ · relevance(s) − (1 − λ) · max Jaccard(s, chosen)
                                                  (Carbonell & Goldstein 1998)

plus a small prior for sentences from better-ranked passages.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from assistant.answer.passages import Sentence
from assistant.answer.terms import Term, TermStats, matches, token_set

# long sentences are embedded by their opening only (cost grows with length); the same cut as at
# ingest, where the vectors are computed
from assistant.index.sentence_vectors import SENTENCE_CHARS as EMBED_CHARS

DENSE_WEIGHT = 0.5
RANK_PRIOR = 0.08      # bonus for the best-ranked passage, shrinking with rank
MMR_LAMBDA = 0.75
DENSE_CANDIDATES = 32


@dataclass
class Scored:
    sentence: Sentence
    relevance: float
    keyword: float
    dense: float | None
    tokens: set[str] = field(default_factory=set)


class SentenceEmbeddings:
    """Sentence vectors, cached by text in memory and, given a store, on disk: the same passages
    come back for related questions and after a restart."""

    def __init__(self, capacity: int = 20_000) -> None:
        self._cache: OrderedDict[tuple[str, str], np.ndarray] = OrderedDict()
        self._capacity = capacity
        self._lock = threading.Lock()

    def encode(self, embedder, texts: list[str], store=None, count_new: bool = False):
        """Vectors of ``texts`` (or, with ``count_new``, how many had to be embedded)."""
        model = str(getattr(embedder, "model_path", id(embedder)))
        keys = [(model, text[:EMBED_CHARS]) for text in texts]
        with self._lock:
            missing = list(dict.fromkeys(k for k in keys if k not in self._cache))
        stored = {}
        if missing and store is not None:
            ids = {store.key(*k): k for k in missing}
            stored = {ids[i]: v for i, v in store.get(list(ids)).items()}
        new = [k for k in missing if k not in stored]
        vectors = dict(stored)
        if new:
            vectors.update(zip(new, embedder.encode([text for _, text in new])))
            if store is not None:
                store.put({store.key(*k): vectors[k] for k in new})
        with self._lock:
            self._cache.update(vectors)
            for key in keys:
                self._cache.move_to_end(key)
            while len(self._cache) > self._capacity:
                self._cache.popitem(last=False)
            if count_new:
                return len(new)
            return np.stack([self._cache[key] for key in keys]) if keys else np.zeros((0, 1))


SENTENCE_EMBEDDINGS = SentenceEmbeddings()


def keyword_score(terms: list[Term], stats: TermStats, text: str, tokens: set[str]) -> float:
    total = sum(stats.weight(t) for t in terms)
    if not total:
        return 0.0
    return sum(stats.weight(t) for t in terms if matches(t, text, tokens)) / total


def score_sentences(sentences: list[Sentence], terms: list[Term], stats: TermStats, *,
                    query_vector: np.ndarray | None, embedder=None,
                    passage_ranks: dict[int, int] | None = None,
                    bonus: Callable[[Sentence], float] | None = None,
                    store=None) -> list[Scored]:
    """Relevance of every sentence (see the module docstring) plus ``bonus``, best first."""
    scored = []
    for sentence in sentences:
        tokens = set(token_set(sentence.text))
        scored.append(Scored(sentence, 0.0, keyword_score(terms, stats, sentence.text, tokens),
                             None, tokens))
    ranks = passage_ranks or {}

    def prior(item: Scored) -> float:
        rank = ranks.get(item.sentence.passage)
        extra = bonus(item.sentence) if bonus else 0.0
        return extra + (RANK_PRIOR / (1 + rank) if rank is not None else 0.0)

    if query_vector is not None and embedder is not None:
        english = sorted((s for s in scored if s.sentence.language == "en"),
                         key=lambda s: s.keyword + prior(s), reverse=True)
        embedded = english[:DENSE_CANDIDATES]
        if embedded:
            vectors = SENTENCE_EMBEDDINGS.encode(embedder, [s.sentence.text for s in embedded],
                                                 store=store)
            for item, similarity in zip(embedded, vectors @ query_vector):
                item.dense = float(similarity)
        for item in english[DENSE_CANDIDATES:]:
            item.dense = 0.0
    for item in scored:
        base = (DENSE_WEIGHT * item.dense + (1 - DENSE_WEIGHT) * item.keyword
                if item.dense is not None else item.keyword)
        item.relevance = base + prior(item)
    return sorted(scored, key=lambda s: s.relevance, reverse=True)


def jaccard(a: set[str], b: set[str]) -> float:
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def select_mmr(candidates: list[Scored], limit: int, *, min_share: float = 0.6,
               min_relevance: float = 0.15, per_passage: int = 2,
               duplicate: float = 0.6) -> list[Scored]:
    """Up to ``limit`` sentences by MMR among those within ``min_share`` of the best relevance;
    at most ``per_passage`` from one passage; near-duplicates (Jaccard ≥ ``duplicate``) never."""
    if not candidates:
        return []
    best = max(c.relevance for c in candidates)
    pool = [c for c in candidates if c.relevance >= max(min_relevance, min_share * best)]
    chosen: list[Scored] = []
    used: dict[int, int] = {}
    while pool and len(chosen) < limit:
        def mmr(item: Scored) -> float:
            overlap = max((jaccard(item.tokens, c.tokens) for c in chosen), default=0.0)
            return MMR_LAMBDA * item.relevance - (1 - MMR_LAMBDA) * overlap

        pick = max(pool, key=mmr)
        pool.remove(pick)
        if used.get(pick.sentence.passage, 0) >= per_passage:
            continue
        if any(jaccard(pick.tokens, c.tokens) >= duplicate for c in chosen):
            continue
        chosen.append(pick)
        used[pick.sentence.passage] = used.get(pick.sentence.passage, 0) + 1
    return chosen
