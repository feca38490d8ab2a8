"""The catalog: the source of truth for what is indexed, in SQLite (a file under the data
directory, the default) or in the server database named by ``ASSISTANT_DATABASE_URL``.

It holds the manifest (one row per source file with its content hash), every chunk with its tokens
and its embedding, and a version number bumped by each change. Each file's update is one
transaction, so a crash leaves either the old or the new version of that file, never half of it.
Chroma and the BM25 index are derived from the catalog and can always be rebuilt from it.
Both backends run the same SQLAlchemy Core statements (tables: ``assistant/index/database.py``).
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np
import sqlalchemy as sa

from assistant.documents import Chunk
from assistant.index import database
from assistant.index.database import open_database, sqlite_url, transaction

documents_table, chunks_table, state_table = database.documents, database.chunks, database.state
sentences_table = database.sentence_vectors
_DOCUMENT_COLUMNS = (documents_table.c.doc_id, documents_table.c.source_key,
                     documents_table.c.source_path, documents_table.c.content_hash,
                     documents_table.c.origin, documents_table.c.metadata,
                     documents_table.c.n_chunks, documents_table.c.ingested_at)
# Chunks in a fixed order (the BM25 build lists them in it; reconcile compares the two lists).
_CHUNK_ORDER = (chunks_table.c.doc_id, chunks_table.c.ordinal)
_BATCH = 500  # ids per IN (...) list
# Catalog versions read once for a block of reads (``Catalog.one_version``), by catalog.
_pinned: ContextVar[dict[int, int] | None] = ContextVar("catalog_version_pinned", default=None)


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
    """Thread-safe access to the catalog database (a pool of connections; one per thread)."""

    def __init__(self, path: Path, url: str | None = None) -> None:
        """``path``: the SQLite file used when no ``url`` (a database URL) is given."""
        self.path = path
        self.url = url or sqlite_url(path)
        self.database = open_database(self.url)

    def close(self) -> None:
        self.database.dispose()

    def _read(self):
        return transaction(self.database)

    @contextmanager
    def _write(self):
        # this thread now changes the catalog: a version it read before is no longer its own
        pinned = _pinned.get()
        if pinned:
            pinned.pop(id(self), None)
        with transaction(self.database, write=True) as db:
            yield db

    # -- state -------------------------------------------------------------------------------
    def version(self) -> int:
        """The version number, bumped by every change (read once within ``one_version``)."""
        pinned = _pinned.get()
        if pinned is not None and id(self) in pinned:
            return pinned[id(self)]
        version = int(self.get_state("version", "0"))
        if pinned is not None:
            pinned[id(self)] = version
        return version

    @contextmanager
    def one_version(self) -> Iterator[None]:
        """Within the block (in this thread or task), the version is read from the database
        once and then taken as read: one answer, or one script run of the app, asks it before
        every search and several times more, and a read is a round trip. Other processes'
        changes are seen from the next block on; this thread's own writes end the pin."""
        if _pinned.get() is not None:  # an outer block already pins it
            yield
            return
        token = _pinned.set({})
        try:
            yield
        finally:
            _pinned.reset(token)

    def get_state(self, key: str, default: str | None = None) -> str | None:
        with self._read() as db:
            value = db.execute(sa.select(state_table.c.value)
                               .where(state_table.c.key == key)).scalar()
        return value if value is not None else default

    def set_state(self, key: str, value: str) -> None:
        with self._write() as db:
            done = db.execute(state_table.update().where(state_table.c.key == key)
                              .values(value=value)).rowcount
            if not done:
                db.execute(state_table.insert().values(key=key, value=value))

    # -- writes ------------------------------------------------------------------------------
    def replace_document(self, *, doc_id: str, source_key: str, source_path: str,
                         content_hash: str, origin: str, metadata: dict[str, Any], text: str,
                         chunks: Sequence[Chunk], tokens: Sequence[list[str]],
                         embeddings: np.ndarray,
                         sentence_vectors: Sequence[tuple[str, str, np.ndarray]] = ()
                         ) -> list[str]:
        """Store a document, its chunks and their sentence vectors ((chunk id, key, vector)) in
        one transaction; returns the replaced chunk ids."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        d, c = documents_table, chunks_table
        mine = sa.or_(d.c.doc_id == doc_id, d.c.source_key == source_key)
        with self._write() as db:
            old_ids = list(db.execute(sa.select(c.c.chunk_id).where(
                c.c.doc_id.in_(sa.select(d.c.doc_id).where(mine)))).scalars())
            _delete_sentence_vectors(db, old_ids)
            db.execute(c.delete().where(c.c.doc_id.in_(sa.select(d.c.doc_id).where(mine))))
            db.execute(d.delete().where(mine))
            db.execute(d.insert().values(
                doc_id=doc_id, source_key=source_key, source_path=source_path,
                content_hash=content_hash, origin=origin,
                metadata=json.dumps(metadata, ensure_ascii=False), text=text,
                n_chunks=len(chunks), ingested_at=now))
            rows = [{"chunk_id": chunk.chunk_id, "doc_id": doc_id, "ordinal": chunk.ordinal,
                     "record": json.dumps(_record_without_metadata(chunk), ensure_ascii=False),
                     "tokens": " ".join(tok),
                     "embedding": np.asarray(vec, dtype=np.float32).tobytes()}
                    for chunk, tok, vec in zip(chunks, tokens, embeddings)]
            if rows:
                db.execute(c.insert(), rows)
            _insert_sentence_vectors(db, sentence_vectors)
            _bump(db)
        new_ids = {chunk.chunk_id for chunk in chunks}
        return [i for i in old_ids if i not in new_ids]

    def remove_document(self, doc_id: str) -> list[str]:
        """Delete a document and its chunks; returns the removed chunk ids."""
        c = chunks_table
        with self._write() as db:
            ids = list(db.execute(sa.select(c.c.chunk_id).where(c.c.doc_id == doc_id)).scalars())
            _delete_sentence_vectors(db, ids)
            db.execute(c.delete().where(c.c.doc_id == doc_id))
            db.execute(documents_table.delete().where(documents_table.c.doc_id == doc_id))
            _bump(db)
        return ids

    # -- reads -------------------------------------------------------------------------------
    def documents(self, origin: str | None = None) -> list[DocumentRow]:
        query = sa.select(*_DOCUMENT_COLUMNS).order_by(documents_table.c.doc_id)
        if origin:
            query = query.where(documents_table.c.origin == origin)
        return self._document_rows(query)

    def document(self, doc_id: str) -> DocumentRow | None:
        return next(iter(self._document_rows(
            sa.select(*_DOCUMENT_COLUMNS).where(documents_table.c.doc_id == doc_id))), None)

    def document_by_source(self, source_key: str) -> DocumentRow | None:
        return next(iter(self._document_rows(
            sa.select(*_DOCUMENT_COLUMNS).where(documents_table.c.source_key == source_key))),
            None)

    def _document_rows(self, query: sa.Select) -> list[DocumentRow]:
        with self._read() as db:
            rows = db.execute(query).all()
        return [DocumentRow(r[0], r[1], r[2], r[3], r[4], json.loads(r[5]), r[6], r[7])
                for r in rows]

    def document_text(self, doc_id: str) -> str | None:
        with self._read() as db:
            return db.execute(sa.select(documents_table.c.text)
                              .where(documents_table.c.doc_id == doc_id)).scalar()

    def has_chunks(self) -> bool:
        """Whether any chunk is indexed (one cheap query; asked on every page run)."""
        with self._read() as db:
            return db.execute(sa.select(chunks_table.c.chunk_id).limit(1)).first() is not None

    def counts(self) -> tuple[int, int]:
        with self._read() as db:
            docs = db.execute(sa.select(sa.func.count()).select_from(documents_table)).scalar()
            chunks = db.execute(sa.select(sa.func.count()).select_from(chunks_table)).scalar()
        return int(docs or 0), int(chunks or 0)

    def chunk_ids(self) -> list[str]:
        with self._read() as db:
            return list(db.execute(sa.select(chunks_table.c.chunk_id)
                                   .order_by(*_CHUNK_ORDER)).scalars())

    def _rows_by_ids(self, query: sa.Select, id_column: sa.Column,
                     ids: Sequence[str]) -> list[sa.Row]:
        """Rows of ``query`` whose ``id_column`` is in ``ids``, in batches."""
        ids = list(dict.fromkeys(ids))
        rows: list[sa.Row] = []
        with self._read() as db:
            for start in range(0, len(ids), _BATCH):
                rows += db.execute(query.where(id_column.in_(ids[start:start + _BATCH]))).all()
        return rows

    def chunks(self, chunk_ids: Sequence[str]) -> dict[str, Chunk]:
        """Chunks by id (missing ids are left out), with their document's metadata attached."""
        c, d = chunks_table, documents_table
        rows = self._rows_by_ids(
            sa.select(c.c.chunk_id, c.c.doc_id, c.c.record, d.c.metadata)
            .join(d, d.c.doc_id == c.c.doc_id), c.c.chunk_id, chunk_ids)
        return {chunk_id: _chunk_from_row(doc_id, record, metadata)
                for chunk_id, doc_id, record, metadata in rows}

    def document_chunks(self, doc_id: str) -> list[Chunk]:
        c, d = chunks_table, documents_table
        with self._read() as db:
            rows = db.execute(
                sa.select(c.c.chunk_id, c.c.doc_id, c.c.record, d.c.metadata)
                .join(d, d.c.doc_id == c.c.doc_id).where(c.c.doc_id == doc_id)
                .order_by(c.c.ordinal)).all()
        return [_chunk_from_row(r[1], r[2], r[3]) for r in rows]

    def tokens(self, chunk_ids: Sequence[str]) -> dict[str, list[str]]:
        """Stored keyword tokens by chunk id (no re-tokenising at query time)."""
        c = chunks_table
        rows = self._rows_by_ids(sa.select(c.c.chunk_id, c.c.tokens), c.c.chunk_id, chunk_ids)
        return {chunk_id: tokens.split(" ") if tokens else [] for chunk_id, tokens in rows}

    def iter_tokens(self) -> Iterator[tuple[str, list[str]]]:
        c = chunks_table
        with self._read() as db:
            rows = db.execute(sa.select(c.c.chunk_id, c.c.tokens).order_by(*_CHUNK_ORDER)).all()
        for chunk_id, tokens in rows:
            yield chunk_id, tokens.split(" ") if tokens else []

    def embeddings(self, chunk_ids: Sequence[str]) -> dict[str, np.ndarray]:
        c = chunks_table
        rows = self._rows_by_ids(sa.select(c.c.chunk_id, c.c.embedding), c.c.chunk_id,
                                 chunk_ids)
        return {chunk_id: np.frombuffer(bytes(blob), dtype=np.float32)
                for chunk_id, blob in rows}

    # -- sentence vectors (assistant/index/sentence_vectors.py) ------------------------------
    def sentence_vectors(self, keys: Sequence[str]) -> dict[str, np.ndarray]:
        """Stored sentence vectors by key (missing keys left out)."""
        s = sentences_table
        rows = self._rows_by_ids(sa.select(s.c.key, s.c.vector), s.c.key,
                                 [k for k in keys if k])
        return {key: np.frombuffer(bytes(blob), dtype=np.float32) for key, blob in rows}

    def sentence_vector_count(self) -> int:
        """Sentence vectors held (the empty rows of chunks without sentences not counted)."""
        s = sentences_table
        with self._read() as db:
            return int(db.execute(sa.select(sa.func.count()).select_from(s)
                                  .where(s.c.key != "")).scalar() or 0)

    def chunks_without_sentence_vectors(self) -> list[str]:
        """Chunks whose sentences were never embedded (an index from before revision 0003)."""
        c, s = chunks_table, sentences_table
        with self._read() as db:
            return list(db.execute(
                sa.select(c.c.chunk_id).where(~sa.exists().where(s.c.owner == c.c.chunk_id))
                .order_by(*_CHUNK_ORDER)).scalars())

    def sentence_keys(self, owner: str) -> set[str]:
        """The keys stored for ``owner``."""
        s = sentences_table
        with self._read() as db:
            return set(db.execute(sa.select(s.c.key).where(s.c.owner == owner)).scalars())

    def put_sentence_vectors(self, rows: Sequence[tuple[str, str, np.ndarray]],
                             drop: tuple[str, Sequence[str]] | None = None) -> None:
        """Add new (owner, key, vector) rows and drop ``drop``'s (owner, keys), in one
        transaction (the caller adds only what ``sentence_keys`` or
        ``chunks_without_sentence_vectors`` said was missing, under the ingest lock)."""
        s = sentences_table
        with self._write() as db:
            if drop and drop[1]:
                keys = list(drop[1])
                for start in range(0, len(keys), _BATCH):
                    db.execute(s.delete().where(s.c.owner == drop[0],
                                                s.c.key.in_(keys[start:start + _BATCH])))
            _insert_sentence_vectors(db, rows)

    def remove_orphan_sentence_vectors(self, keep: str) -> int:
        """Delete sentence vectors whose owner is neither a chunk nor ``keep``; how many."""
        c, s = chunks_table, sentences_table
        with self._write() as db:
            return int(db.execute(s.delete().where(
                s.c.owner != keep, ~s.c.owner.in_(sa.select(c.c.chunk_id)))).rowcount or 0)


def _insert_sentence_vectors(db: sa.Connection,
                             rows: Sequence[tuple[str, str, np.ndarray]]) -> None:
    unique = {(owner, key): vector for owner, key, vector in rows}  # a sentence twice in a chunk
    if unique:
        db.execute(sentences_table.insert(), [
            {"owner": owner, "key": key, "vector": np.asarray(vector, dtype=np.float32).tobytes()}
            for (owner, key), vector in unique.items()])


def _delete_sentence_vectors(db: sa.Connection, owners: Sequence[str]) -> None:
    s = sentences_table
    owners = list(owners)
    for start in range(0, len(owners), _BATCH):
        db.execute(s.delete().where(s.c.owner.in_(owners[start:start + _BATCH])))


def _bump(db: sa.Connection) -> None:
    """Add one to the catalog version (in the caller's transaction)."""
    s = state_table
    done = db.execute(s.update().where(s.c.key == "version").values(
        value=sa.cast(sa.cast(s.c.value, sa.Integer) + 1, sa.Text))).rowcount
    if not done:
        db.execute(s.insert().values(key="version", value="1"))


def _record_without_metadata(chunk: Chunk) -> dict[str, Any]:
    record = chunk.to_record()
    record.pop("metadata")
    return record


def _chunk_from_row(doc_id: str, record: str, metadata: str) -> Chunk:
    data = json.loads(record)
    data["metadata"] = json.loads(metadata)
    data["doc_id"] = doc_id
    return Chunk.from_record(data)
