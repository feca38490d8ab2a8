"""Sentence vectors kept on disk next to the index, so each corpus sentence is embedded once.

Embedding the candidate sentences is most of the cost of an offline answer; the same sentences
come back for many questions and across restarts. Vectors are keyed by a hash of the model and the
sentence text, so a changed sentence simply gets a new entry; ``precompute`` fills the store for
every indexed passage ahead of time (a few seconds per thousand sentences).
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from assistant.engine import Engine

_stores: dict[str, SentenceStore] = {}
_stores_lock = threading.Lock()


class SentenceStore:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, timeout=30,
                                   isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("CREATE TABLE IF NOT EXISTS vectors (key TEXT PRIMARY KEY, "
                         "vector BLOB NOT NULL)")

    @staticmethod
    def key(model: str, text: str) -> str:
        return hashlib.sha1(f"{model}\n{text}".encode()).hexdigest()

    def get(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        with self._lock:
            for start in range(0, len(keys), 500):
                batch = list(keys[start:start + 500])
                marks = ",".join("?" * len(batch))
                for key, blob in self._db.execute(
                        f"SELECT key, vector FROM vectors WHERE key IN ({marks})", batch):
                    found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put(self, items: dict[str, np.ndarray]) -> None:
        if not items:
            return
        with self._lock:
            try:
                self._db.executemany("INSERT OR REPLACE INTO vectors VALUES (?, ?)",
                                     [(k, np.asarray(v, dtype=np.float32).tobytes())
                                      for k, v in items.items()])
            except sqlite3.OperationalError:
                pass  # a read-only or busy data directory only costs speed, never an answer

    def count(self) -> int:
        with self._lock:
            return int(self._db.execute("SELECT COUNT(*) FROM vectors").fetchone()[0])


def store_for(index_dir: Path) -> SentenceStore | None:
    """The store of one index directory (one per process); None if it cannot be opened."""
    path = Path(index_dir) / "sentence-vectors.sqlite"
    with _stores_lock:
        if str(path) not in _stores:
            try:
                _stores[str(path)] = SentenceStore(path)
            except sqlite3.Error:
                return None
        return _stores[str(path)]


def precompute(engine: Engine, progress: Callable[[int, int, str], None] | None = None,
               batch: int = 256) -> int:
    """Embed every quotable English sentence of the index that the store lacks; returns how many
    were embedded."""
    from assistant.answer.passages import passage_sentences
    from assistant.answer.scoring import SENTENCE_EMBEDDINGS

    texts = list(dict.fromkeys(
        s.text for doc in engine.documents()
        for chunk in engine.document_chunks(doc.doc_id)
        for s in passage_sentences(chunk.text) if s.language == "en"))
    store = store_for(engine.settings.index_dir)
    done = 0
    for start in range(0, len(texts), batch):
        if progress:
            progress(start, len(texts), "embedding sentences")
        done += SENTENCE_EMBEDDINGS.encode(engine, texts[start:start + batch],
                                           store=store, count_new=True)
    if progress:
        progress(len(texts), len(texts), "done")
    return done
