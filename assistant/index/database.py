"""The catalog's database: one SQLAlchemy Core layer over SQLite (the default, a file under the
data directory) or a server database named by ``ASSISTANT_DATABASE_URL`` (PostgreSQL).

The tables are declared once here; the same statements run on both backends. The schema is
versioned by Alembic (``assistant/index/migrations``): opening a database brings it to the newest
revision, so an existing ``catalog.sqlite`` from before the versioned schema (the tables of
revision 0001, without an ``alembic_version`` table) is stamped 0001 and upgraded in place.

Engines and transactions (SQLite's explicit ``BEGIN`` / ``BEGIN IMMEDIATE``, the error naming
``ASSISTANT_DATABASE_URL``) are in ``connection.py``, re-exported here.
"""

from __future__ import annotations

import threading

import sqlalchemy as sa

from assistant.index.connection import (  # re-exported: callers import them from here
    DATABASE_SETTING,
    DatabaseUnavailable,
    create_engine,
    is_sqlite,
    normalised_url,
    redacted,
    sqlite_url,
    transaction,
    unavailable,
)
from assistant.index.migrations import HEAD, upgrade

__all__ = ["DATABASE_SETTING", "HEAD", "UPLOAD_LOCK_ROW", "DatabaseUnavailable", "create_engine",
           "forget_database", "is_sqlite", "normalised_url", "open_database", "redacted",
           "sqlite_url", "transaction", "unavailable"]

UPLOAD_LOCK_ROW = "upload-lock"  # the row of ``state`` an upload locks (revision 0002 adds it)

metadata = sa.MetaData()

documents = sa.Table(
    "documents", metadata,
    sa.Column("doc_id", sa.Text, primary_key=True),
    sa.Column("source_key", sa.Text, unique=True, nullable=False),
    sa.Column("source_path", sa.Text, nullable=False),
    sa.Column("content_hash", sa.Text, nullable=False),
    sa.Column("origin", sa.Text, nullable=False),
    sa.Column("metadata", sa.Text, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("n_chunks", sa.Integer, nullable=False),
    sa.Column("ingested_at", sa.Text, nullable=False),
)

chunks = sa.Table(
    "chunks", metadata,
    sa.Column("chunk_id", sa.Text, primary_key=True),
    sa.Column("doc_id", sa.Text, sa.ForeignKey("documents.doc_id", ondelete="CASCADE"),
              nullable=False),
    sa.Column("ordinal", sa.Integer, nullable=False),
    sa.Column("record", sa.Text, nullable=False),
    sa.Column("tokens", sa.Text, nullable=False),
    sa.Column("embedding", sa.LargeBinary, nullable=False),
    sa.Index("chunks_doc", "doc_id"),
)

state = sa.Table(
    "state", metadata,
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

# Revision 0002: uploads, memo drafts.
uploads = sa.Table(
    "uploads", metadata,
    sa.Column("name", sa.Text, primary_key=True),        # file name in the upload store
    sa.Column("sha256", sa.Text, nullable=False),
    sa.Column("size", sa.BigInteger, nullable=False),
    sa.Column("stored_at", sa.Text, nullable=False),
)

drafts = sa.Table(
    "drafts", metadata,
    sa.Column("id", sa.Text, primary_key=True),
    sa.Column("owner", sa.Text, nullable=False),
    sa.Column("created", sa.Text, nullable=False),
    sa.Column("updated", sa.Text, nullable=False),
    sa.Column("version", sa.Integer, nullable=False),     # number of the newest version
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("district", sa.Text, nullable=False),
    sa.Column("lang", sa.Text, nullable=False),
    sa.Column("kind", sa.Text, nullable=False),
)

draft_versions = sa.Table(
    "draft_versions", metadata,
    sa.Column("draft_id", sa.Text, sa.ForeignKey("drafts.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("number", sa.Integer, primary_key=True),
    sa.Column("saved", sa.Text, nullable=False),
    sa.Column("note", sa.Text, nullable=False),
    sa.Column("record", sa.Text, nullable=False),          # the version as JSON (memo, charts)
)

draft_charts = sa.Table(
    "draft_charts", metadata,
    sa.Column("draft_id", sa.Text, sa.ForeignKey("drafts.id", ondelete="CASCADE"),
              primary_key=True),
    sa.Column("digest", sa.Text, primary_key=True),
    sa.Column("png", sa.LargeBinary, nullable=False),
)

# Revision 0003: the vectors of quotable sentences and of knowledge statements, written at ingest
# with their chunk (owner: the chunk id; "statement" for the statements). A chunk with no English
# sentence gets one row with the empty key, so reconcile can tell "none" from "not computed".
sentence_vectors = sa.Table(
    "sentence_vectors", metadata,
    sa.Column("owner", sa.Text, primary_key=True),
    sa.Column("key", sa.Text, primary_key=True),
    sa.Column("vector", sa.LargeBinary, nullable=False),
    sa.Index("sentence_vectors_key", "key"),
)


_databases: dict[str, sa.Engine] = {}
_databases_lock = threading.Lock()


def open_database(url: str) -> sa.Engine:
    """The process-wide engine for ``url`` (one connection pool per database), migrated to
    the newest schema."""
    parsed = normalised_url(url)
    key = parsed.render_as_string(hide_password=False)
    with _databases_lock:
        engine = _databases.get(key)
        if engine is None:
            engine = create_engine(parsed)
            try:
                upgrade(engine)
            except (sa.exc.OperationalError, sa.exc.InterfaceError) as exc:
                engine.dispose()
                if parsed.get_backend_name() == "sqlite":
                    raise
                raise unavailable(engine, exc) from exc
            _databases[key] = engine
        return engine


def forget_database(url: str) -> None:
    """Close the pool of ``url`` (tests that delete a database, a closed catalog)."""
    key = normalised_url(url).render_as_string(hide_password=False)
    with _databases_lock:
        engine = _databases.pop(key, None)
    if engine is not None:
        engine.dispose()
