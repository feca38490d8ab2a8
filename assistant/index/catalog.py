"""The catalog: a SQLite file that is the source of truth for what is indexed.

It holds the manifest (one row per source file with its content hash), every chunk with its tokens
and its embedding, and a version number bumped by each change. Each file's update is one
transaction, so a crash leaves either the old or the new version of that file, never half of it.
Chroma and the BM25 index are derived from the catalog and can always be rebuilt from it.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from assistant.documents import Chunk

_SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    doc_id TEXT PRIMARY KEY,
    source_key TEXT UNIQUE NOT NULL,
    source_path TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    origin TEXT NOT NULL,
    metadata TEXT NOT NULL,
    text TEXT NOT NULL,
    n_chunks INTEGER NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS chunks (
    chunk_id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(doc_id) ON DELETE CASCADE,
    ordinal INTEGER NOT NULL,
    record TEXT NOT NULL,
    tokens TEXT NOT NULL,
    embedding BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS chunks_doc ON chunks(doc_id);
CREATE TABLE IF NOT EXISTS state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass
class DocumentRow:
    doc_id: str
    source_key: str
    source_path: str
    content_hash: str
    origin: str
    metadata: dict[str, Any]
    n_chunks: int
    ingested_at: str

    @property
    def title(self) -> str:
        return str(self.metadata.get("title") or self.doc_id)


class Catalog:
    """Thread-safe access to the catalog database."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.RLock()
        self._db = sqlite3.connect(str(path), check_same_thread=False, timeout=60,
                                   isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA foreign_keys=ON")
        self._db.execute("PRAGMA busy_timeout=60000")
        self._db.executescript(_SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # -- state -------------------------------------------------------------------------------
    def version(self) -> int:
        return int(self.get_state("version", "0"))

    def get_state(self, key: str, default: str | None = None) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
        return row[0] if row else default

    def set_state(self, key: str, value: str) -> None:
        with self._lock:
            self._db.execute("INSERT OR REPLACE INTO state(key, value) VALUES (?, ?)", (key, value))

    # -- writes ------------------------------------------------------------------------------
    def replace_document(self, *, doc_id: str, source_key: str, source_path: str,
                         content_hash: str, origin: str, metadata: dict[str, Any], text: str,
                         chunks: Sequence[Chunk], tokens: Sequence[list[str]],
                         embeddings: np.ndarray) -> list[str]:
        """Store a document and its chunks in one transaction; returns the replaced chunk ids."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._lock:
            cur = self._db.cursor()
            cur.execute("BEGIN IMMEDIATE")
            try:
                old_ids = [r[0] for r in cur.execute(
                    "SELECT chunk_id FROM chunks WHERE doc_id IN (SELECT doc_id FROM documents "
                    "WHERE doc_id=? OR source_key=?)", (doc_id, source_key))]
                cur.execute("DELETE FROM documents WHERE doc_id=? OR source_key=?",
                            (doc_id, source_key))
                cur.execute(
                    "INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?)",
                    (doc_id, source_key, source_path, content_hash, origin,
                     json.dumps(metadata, ensure_ascii=False), text, len(chunks), now))
                cur.executemany(
                    "INSERT INTO chunks VALUES (?,?,?,?,?,?)",
                    [(c.chunk_id, doc_id, c.ordinal,
                      json.dumps(_record_without_metadata(c), ensure_ascii=False),
                      " ".join(tok), np.asarray(vec, dtype=np.float32).tobytes())
                     for c, tok, vec in zip(chunks, tokens, embeddings)])
                self._bump(cur)
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise
        new_ids = {c.chunk_id for c in chunks}
        return [i for i in old_ids if i not in new_ids]

    def remove_document(self, doc_id: str) -> list[str]:
        """Delete a document and its chunks; returns the removed chunk ids."""
        with self._lock:
            cur = self._db.cursor()
            cur.execute("BEGIN IMMEDIATE")
            try:
                ids = [r[0] for r in cur.execute("SELECT chunk_id FROM chunks WHERE doc_id=?",
                                                 (doc_id,))]
                cur.execute("DELETE FROM documents WHERE doc_id=?", (doc_id,))
                self._bump(cur)
                cur.execute("COMMIT")
            except BaseException:
                cur.execute("ROLLBACK")
                raise
        return ids

    @staticmethod
    def _bump(cur: sqlite3.Cursor) -> None:
        cur.execute("INSERT INTO state(key, value) VALUES ('version', '1') ON CONFLICT(key) "
                    "DO UPDATE SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT)")

    # -- reads -------------------------------------------------------------------------------
    def documents(self, origin: str | None = None) -> list[DocumentRow]:
        sql = ("SELECT doc_id, source_key, source_path, content_hash, origin, metadata, n_chunks, "
               "ingested_at FROM documents")
        args: tuple = ()
        if origin:
            sql, args = sql + " WHERE origin=?", (origin,)
        with self._lock:
            rows = self._db.execute(sql + " ORDER BY doc_id", args).fetchall()
        return [DocumentRow(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), r[6], r[7])
                for r in rows]

    def document(self, doc_id: str) -> DocumentRow | None:
        return next((d for d in self._documents_where("doc_id=?", (doc_id,))), None)

    def document_by_source(self, source_key: str) -> DocumentRow | None:
        return next((d for d in self._documents_where("source_key=?", (source_key,))), None)

    def _documents_where(self, clause: str, args: tuple) -> list[DocumentRow]:
        with self._lock:
            rows = self._db.execute(
                "SELECT doc_id, source_key, source_path, content_hash, origin, metadata, n_chunks, "
                f"ingested_at FROM documents WHERE {clause}", args).fetchall()
        return [DocumentRow(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), r[6], r[7])
                for r in rows]

    def document_text(self, doc_id: str) -> str | None:
        with self._lock:
            row = self._db.execute("SELECT text FROM documents WHERE doc_id=?", (doc_id,)).fetchone()
        return row[0] if row else None

    def counts(self) -> tuple[int, int]:
        with self._lock:
            docs = self._db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
            chunks = self._db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]
        return int(docs), int(chunks)

    def chunk_ids(self) -> list[str]:
        with self._lock:
            return [r[0] for r in self._db.execute("SELECT chunk_id FROM chunks ORDER BY rowid")]

    def _rows_by_ids(self, select: str, ids: Sequence[str]) -> list[tuple]:
        """Rows of ``select`` (ending in ``IN ({marks})``) for ``ids``, in batches SQLite accepts."""
        ids = list(ids)
        rows: list[tuple] = []
        with self._lock:
            for start in range(0, len(ids), 500):
                batch = ids[start:start + 500]
                rows += self._db.execute(select.format(marks=",".join("?" * len(batch))),
                                         batch).fetchall()
        return rows

    def chunks(self, chunk_ids: Sequence[str]) -> dict[str, Chunk]:
        """Chunks by id (missing ids are left out), with their document's metadata attached."""
        rows = self._rows_by_ids(
            "SELECT c.chunk_id, c.doc_id, c.record, d.metadata FROM chunks c JOIN documents d "
            "ON d.doc_id=c.doc_id WHERE c.chunk_id IN ({marks})", chunk_ids)
        return {chunk_id: _chunk_from_row(doc_id, record, metadata)
                for chunk_id, doc_id, record, metadata in rows}

    def document_chunks(self, doc_id: str) -> list[Chunk]:
        with self._lock:
            rows = self._db.execute(
                "SELECT c.chunk_id, c.doc_id, c.record, d.metadata FROM chunks c JOIN documents d "
                "ON d.doc_id=c.doc_id WHERE c.doc_id=? ORDER BY c.ordinal", (doc_id,)).fetchall()
        return [_chunk_from_row(r[1], r[2], r[3]) for r in rows]

    def tokens(self, chunk_ids: Sequence[str]) -> dict[str, list[str]]:
        """Stored keyword tokens by chunk id (no re-tokenising at query time)."""
        rows = self._rows_by_ids("SELECT chunk_id, tokens FROM chunks WHERE chunk_id IN ({marks})",
                                 chunk_ids)
        return {chunk_id: tokens.split(" ") if tokens else [] for chunk_id, tokens in rows}

    def iter_tokens(self) -> Iterator[tuple[str, list[str]]]:
        with self._lock:
            rows = self._db.execute("SELECT chunk_id, tokens FROM chunks ORDER BY rowid").fetchall()
        for chunk_id, tokens in rows:
            yield chunk_id, tokens.split(" ") if tokens else []

    def embeddings(self, chunk_ids: Sequence[str]) -> dict[str, np.ndarray]:
        rows = self._rows_by_ids(
            "SELECT chunk_id, embedding FROM chunks WHERE chunk_id IN ({marks})", chunk_ids)
        return {chunk_id: np.frombuffer(blob, dtype=np.float32) for chunk_id, blob in rows}


def _record_without_metadata(chunk: Chunk) -> dict[str, Any]:
    record = chunk.to_record()
    record.pop("metadata")
    return record


def _chunk_from_row(doc_id: str, record: str, metadata: str) -> Chunk:
    data = json.loads(record)
    data["metadata"] = json.loads(metadata)
    data["doc_id"] = doc_id
    return Chunk.from_record(data)
