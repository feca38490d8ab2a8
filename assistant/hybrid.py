"""The hybrid searcher: dense (Chroma) and keyword (BM25) rankings of one index, filtered, fused by
reciprocal rank fusion (``assistant.retrieval``) and near-duplicates collapsed.

    query → glossary expansion → dense ranking (filters as a Chroma ``where``)
                               → BM25 ranking  (filters as a mask over the build)
          → RRF (weights by query language) → chunks the catalog knows → collapse near-duplicates

While the Chroma server cannot be reached (``IndexStores.vector_outage``) the dense ranking is
empty and the search is keyword-only (``index/vector_guard.py``); the engine says so
(``Engine.vector_search``, ``Engine.outage``) and the shells show a notice.
"""

from __future__ import annotations

import threading

import numpy as np

from assistant.documents import Chunk, Hit
from assistant.glossary import Glossary
from assistant.index.keyword_index import KeywordBuild
from assistant.index.stores import IndexStores
from assistant.index.tokenizer import tokenize
from assistant.index.vector_store import chroma_metadata
from assistant.language import detect_language
from assistant.retrieval import (
    RankedList,
    SearchFilters,
    collapse_near_duplicates,
    reciprocal_rank_fusion,
)


class HybridSearcher:
    """Reads one index; ``search`` is the product's retrieval, ``dense_only`` and
    ``keyword_only`` its two components alone (the evaluation's baselines)."""

    def __init__(self, stores: IndexStores, glossary: Glossary) -> None:
        self.stores = stores
        self.settings = stores.settings
        self.glossary = glossary
        self._columns: tuple[KeywordBuild, dict[str, np.ndarray], dict[str, str]] | None = None
        # chunks and their keyword tokens as read from the catalog, for the current BM25 build
        # (a new build means the catalog changed): the same passages come back question after
        # question, and reading them was a sixth of a server answer's time
        self._read: tuple[KeywordBuild | None, dict[str, Chunk], dict[str, set[str]]] = (
            None, {}, {})
        self._read_lock = threading.Lock()
        self._masks: tuple[KeywordBuild | None, dict[tuple, np.ndarray | None]] = (None, {})

    def search(self, query: str, k: int = 10, filters: SearchFilters | None = None,
               candidates: int | None = None) -> list[Hit]:
        """Top ``k`` chunks for ``query`` by hybrid search, near-duplicates collapsed."""
        query = (query or "").strip()
        if not query:
            return []
        filters = filters or SearchFilters()
        self.stores.refresh_keywords()
        n = candidates or max(50, k * 5)
        expansion = self.glossary.expand(query)
        dense = self._dense(expansion.dense_query, n, filters)
        mask = None if filters.is_empty() else self._mask(filters)
        keyword = self.stores.keywords.search(tokenize(expansion.keyword_query), n, mask)
        dense_weight = (self.settings.dense_weight_zh if detect_language(query) == "zh"
                        else self.settings.dense_weight_en)
        fused = reciprocal_rank_fusion(
            [RankedList("dense", [i for i, _ in dense], dense_weight),
             RankedList("keyword", [i for i, _ in keyword])], k=self.settings.rrf_k)
        chunks = self._chunks([i for i, _ in fused[: k * 3]])
        dense_at = {cid: (rank, sim) for rank, (cid, sim) in enumerate(dense, start=1)}
        keyword_at = {cid: (rank, s) for rank, (cid, s) in enumerate(keyword, start=1)}
        hits = [Hit(chunks[cid], score,
                    dense_rank=dense_at.get(cid, (None, None))[0],
                    keyword_rank=keyword_at.get(cid, (None, None))[0],
                    dense_similarity=dense_at.get(cid, (None, None))[1],
                    keyword_score=keyword_at.get(cid, (None, None))[1])
                for cid, score in fused[: k * 3] if cid in chunks]  # orphans are invisible
        token_sets = self._token_sets([h.chunk.chunk_id for h in hits])
        return collapse_near_duplicates(hits, token_sets)[:k]

    READ_CACHE = 5000  # chunks kept (with their token sets) per BM25 build

    def _cache(self) -> tuple[dict[str, Chunk], dict[str, set[str]]]:
        """The read cache of the current BM25 build (emptied when the build changed)."""
        build = self.stores.keywords.current
        with self._read_lock:
            if self._read[0] is not build or len(self._read[1]) > self.READ_CACHE:
                self._read = (build, {}, {})
            return self._read[1], self._read[2]

    def _chunks(self, chunk_ids: list[str]) -> dict[str, Chunk]:
        """The catalog's chunks of these ids (missing ones left out), through the read cache."""
        cached, _ = self._cache()
        missing = [i for i in chunk_ids if i not in cached]
        if missing:
            cached.update(self.stores.catalog.chunks(missing))
        return {i: cached[i] for i in chunk_ids if i in cached}

    def _token_sets(self, chunk_ids: list[str]) -> dict[str, set[str]]:
        """Keyword token sets of these chunks, through the read cache."""
        _, cached = self._cache()
        missing = [i for i in chunk_ids if i not in cached]
        if missing:
            cached.update({cid: set(tokens) for cid, tokens in
                           self.stores.catalog.tokens(missing).items()})
        return {i: cached[i] for i in chunk_ids if i in cached}

    def dense_only(self, query: str, depth: int) -> list[Chunk]:
        """Chunks by cosine similarity to the raw query alone, every chunk eligible."""
        vector = self.stores.embedder.encode_query(query)
        return self._known([cid for cid, _ in self.stores.vectors.query(vector, depth)])

    def keyword_only(self, query: str, depth: int) -> list[Chunk]:
        """Chunks by BM25 on the raw query alone (no glossary expansion)."""
        self.stores.refresh_keywords()
        return self._known([cid for cid, _ in
                            self.stores.keywords.search(tokenize(query), depth)])

    def _known(self, chunk_ids: list[str]) -> list[Chunk]:
        """The chunks the catalog knows, in order (orphan vectors are invisible)."""
        known = self.stores.catalog.chunks(chunk_ids)
        return [known[i] for i in chunk_ids if i in known]

    def _dense(self, text: str, n: int, filters: SearchFilters) -> list[tuple[str, float]]:
        """Dense ranking over chunks in the model's languages; a query the model cannot read
        (Chinese with no glossary term to translate it) gets no dense ranking at all."""
        languages = [lang for lang in self.settings.embedding_languages
                     if not filters.languages or lang in filters.languages]
        if not languages or detect_language(text) not in self.settings.embedding_languages:
            return []
        where = filters.to_chroma_where()
        # a Chroma server that is down answers [] (keyword-only) and is tried again later
        return self.stores.vectors.query(self.stores.embedder.encode_query(text), n, where,
                                         languages=languages,
                                         known_languages=self._chunk_languages())

    def _mask(self, filters: SearchFilters) -> np.ndarray | None:
        """``filters`` as a mask over the BM25 build this thread searches next, kept per build
        and filters (an answer searches each of its languages, and the next answer again)."""
        build = self.stores.keywords.snapshot()
        key = (tuple(filters.doc_types), tuple(filters.levels), tuple(filters.regions),
               tuple(filters.languages), tuple(filters.doc_ids), filters.year_min,
               filters.year_max)
        with self._read_lock:
            if self._masks[0] is not build or len(self._masks[1]) > 256:
                self._masks = (build, {})
            masks = self._masks[1]
            if key in masks:
                return masks[key]
        mask = filters.mask(self._columns_of(build)[0])
        if mask is not None:
            mask.flags.writeable = False  # shared by every search with these filters
        with self._read_lock:
            if self._masks[0] is build:
                masks[key] = mask
        return mask

    def _filter_columns(self) -> dict[str, np.ndarray]:
        """Per-chunk filter fields aligned with the BM25 build this thread searches next (an
        ingest in another thread may swap the build between the mask and the search)."""
        return self._columns_of(self.stores.keywords.snapshot())[0]

    def _chunk_languages(self) -> dict[str, str]:
        """Each chunk's language as the catalog has it (the current build's chunks), so that
        the dense ranking need not fetch it from Chroma's metadata for every result."""
        return self._columns_of(self.stores.keywords.current)[1]

    def _columns_of(self, build: KeywordBuild) -> tuple[dict[str, np.ndarray], dict[str, str]]:
        """The filter columns of ``build``'s chunks and their languages by chunk id (read from
        the catalog once per build)."""
        cached = self._columns
        if cached is not None and cached[0] is build:
            return cached[1], cached[2]
        chunks = self.stores.catalog.chunks(build.ids)
        rows = [chroma_metadata(chunks[i]) if i in chunks else {} for i in build.ids]
        columns = {key: np.array([r.get(key, "" if key != "year" else -1) for r in rows],
                                 dtype=object if key != "year" else np.int64)
                   for key in ("doc_id", "doc_type", "level", "region", "language", "year")}
        languages = {i: row["language"] for i, row in zip(build.ids, rows) if row}
        self._columns = (build, columns, languages)
        return columns, languages
