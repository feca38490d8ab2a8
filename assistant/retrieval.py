"""Hybrid retrieval: dense (Chroma) and keyword (BM25) results fused by reciprocal rank fusion.

    RRF(d) = sum over rankers r of w_r / (k + rank_r(d)),   rank starting at 1

with k = 60 by default (Cormack, Clarke & Büttcher, SIGIR 2009): a large k flattens the
difference between neighbouring ranks so that neither ranker dominates. Filters apply to both
rankers before fusion; near-duplicate chunks are collapsed after it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from assistant.documents import Hit


@dataclass
class SearchFilters:
    doc_types: Sequence[str] = ()
    levels: Sequence[str] = ()
    regions: Sequence[str] = ()
    languages: Sequence[str] = ()
    doc_ids: Sequence[str] = ()
    year_min: int | None = None
    year_max: int | None = None

    def is_empty(self) -> bool:
        return not (self.doc_types or self.levels or self.regions or self.languages
                    or self.doc_ids or self.year_min is not None or self.year_max is not None)

    def to_chroma_where(self) -> dict[str, Any] | None:
        clauses: list[dict[str, Any]] = []
        for key, values in (("doc_type", self.doc_types), ("level", self.levels),
                            ("region", self.regions), ("language", self.languages),
                            ("doc_id", self.doc_ids)):
            if values:
                clauses.append({key: {"$in": list(values)}})
        if self.year_min is not None:
            clauses.append({"year": {"$gte": int(self.year_min)}})
        if self.year_max is not None:
            clauses.append({"year": {"$lte": int(self.year_max)}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}

    def admits(self, doc_id: str, metadata: dict[str, Any]) -> bool:
        """Whether a document passes the filters other than language (the same rules as
        ``mask``: exact type, level, region and id; year from the date)."""
        for value, allowed in ((metadata.get("doc_type"), self.doc_types),
                               (metadata.get("level"), self.levels),
                               (metadata.get("region"), self.regions), (doc_id, self.doc_ids)):
            if allowed and value not in allowed:
                return False
        text = str(metadata.get("date") or "")
        year = int(text[:4]) if text[:4].isdigit() else None
        if self.year_min is not None and (year is None or year < int(self.year_min)):
            return False
        return self.year_max is None or (year is not None and year <= int(self.year_max))

    def mask(self, columns: dict[str, np.ndarray]) -> np.ndarray | None:
        """Boolean mask over chunks described by ``columns`` (arrays keyed like Chroma metadata)."""
        if self.is_empty():
            return None
        size = len(next(iter(columns.values()))) if columns else 0
        keep = np.ones(size, dtype=bool)
        for key, values in (("doc_type", self.doc_types), ("level", self.levels),
                            ("region", self.regions), ("language", self.languages),
                            ("doc_id", self.doc_ids)):
            if values:
                keep &= np.isin(columns[key], list(values))
        if self.year_min is not None:
            keep &= columns["year"] >= int(self.year_min)
        if self.year_max is not None:
            keep &= (columns["year"] <= int(self.year_max)) & (columns["year"] >= 0)
        return keep


@dataclass
class RankedList:
    name: str
    ids: list[str]
    weight: float = 1.0


def reciprocal_rank_fusion(rankings: Iterable[RankedList], k: int = 60) -> list[tuple[str, float]]:
    """Fuse ranked lists: score(d) = Σ w / (k + rank(d)). Ties keep first-seen order."""
    fused: dict[str, float] = {}
    for ranking in rankings:
        for rank, doc_id in enumerate(ranking.ids, start=1):
            fused[doc_id] = fused.get(doc_id, 0.0) + ranking.weight / (k + rank)
    return sorted(fused.items(), key=lambda item: item[1], reverse=True)


def collapse_near_duplicates(hits: list[Hit], token_sets: dict[str, set[str]],
                             threshold: float = 0.85) -> list[Hit]:
    """Drop a hit whose token set overlaps a better hit's by Jaccard ≥ ``threshold``.

    Jaccard |a ∩ b| / |a ∪ b| is at most min(|a|, |b|) / max(|a|, |b|), so a pair whose sizes
    differ by more than that is not compared (most pairs: the search's 30 candidates each
    against those kept, several times per answer); |a ∪ b| is |a| + |b| − |a ∩ b|."""
    kept: list[Hit] = []
    kept_tokens: list[set[str]] = []
    for hit in hits:
        tokens = token_sets.get(hit.chunk.chunk_id, set())
        size = len(tokens)
        duplicate = False
        for other_tokens in kept_tokens:
            other_size = len(other_tokens)
            larger = max(size, other_size)
            if threshold > 0 and larger and min(size, other_size) / larger < threshold:
                continue
            common = len(tokens & other_tokens)
            union = size + other_size - common
            if union and common / union >= threshold:
                duplicate = True
                break
        if not duplicate:
            kept.append(hit)
            kept_tokens.append(tokens)
    return kept
