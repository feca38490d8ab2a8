"""The three stores of one index and the model that fills them, opened together.

The catalog (SQLite, or the server database at ``ASSISTANT_DATABASE_URL``) is the source of
truth; Chroma holds the vectors and BM25 the keyword index, both derived from it. The indexer (``assistant.ingest.indexer``) writes them, the hybrid searcher
(``assistant.hybrid``) reads them; nothing else touches them — the rest of the package goes
through ``assistant.engine.Engine``.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence

import numpy as np

from assistant.config import Settings
from assistant.index.catalog import Catalog
from assistant.index.embedder import Embedder
from assistant.index.keyword_index import KeywordIndex
from assistant.index.vector_guard import GuardedVectorStore


class IndexStores:
    """Catalog, vector store, keyword index and (loaded on first use) embedder of one index."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        settings.index_dir.mkdir(parents=True, exist_ok=True)
        self.catalog = Catalog(settings.index_dir / "catalog.sqlite", settings.database_url)
        # a Chroma server that goes away: keyword-only searches, ``outage`` says why
        self.vectors = GuardedVectorStore(collection=settings.collection,
                                          path=settings.index_dir / "chroma",
                                          host=settings.chroma_host, port=settings.chroma_port,
                                          auth_token=settings.chroma_auth_token)
        self.keywords = KeywordIndex(settings.index_dir / "bm25")
        self._embedder: Embedder | None = None
        self._refresh_lock = threading.Lock()

    @property
    def vector_outage(self) -> str | None:
        """Why the Chroma server cannot be used now (searches are keyword-only), or None."""
        return self.vectors.outage

    @property
    def embedder(self) -> Embedder:
        """The sentence-transformers model, loaded on first use (seconds, half a gigabyte)."""
        if self._embedder is None:
            from assistant.index.embedder import get_embedder

            self._embedder = get_embedder(self.settings.embedding_model_path(),
                                          self.settings.embedding_batch_size,
                                          self.settings.embedding_threads)
        return self._embedder

    @embedder.setter
    def embedder(self, embedder: Embedder) -> None:
        self._embedder = embedder

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self.embedder.encode(texts)

    def refresh_keywords(self, force: bool = False) -> bool:
        """Rebuild (or reload) BM25 when the catalog version moved; True when it was rebuilt."""
        with self._refresh_lock:
            version = self.catalog.version()
            if not force and self.keywords.version == version:
                return False
            if not force and self.keywords.load() and self.keywords.version == version:
                return False
            self.keywords.build(self.catalog.iter_tokens(), version, reuse=not force)
            return True
