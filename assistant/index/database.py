"""The catalog's database: one SQLAlchemy Core layer over SQLite (the default, a file under the
data directory) or a server database named by ``ASSISTANT_DATABASE_URL`` (PostgreSQL).

The tables are declared once here; the same statements run on both backends. The schema is
versioned by Alembic (``assistant/index/migrations``): opening a database brings it to the newest
revision, so an existing ``catalog.sqlite`` from before the versioned schema (the tables of
revision 0001, without an ``alembic_version`` table) is stamped 0001 and upgraded in place.

SQLite transactions are begun explicitly (``BEGIN`` to read, ``BEGIN IMMEDIATE`` to write), so a
write never fails half-way for a lock another process took between its read and its write.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event

DATABASE_SETTING = "ASSISTANT_DATABASE_URL"
HEAD = "0002"  # the newest migration; tests/deployment/test_migrations.py checks it
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


class DatabaseUnavailable(RuntimeError):
    """The database cannot be reached; the message names ``ASSISTANT_DATABASE_URL``."""


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{Path(path)}"


def normalised_url(url: str) -> sa.URL:
    """``postgresql://`` and ``postgres://`` URLs use psycopg 3 (the driver we install)."""
    parsed = sa.make_url(url.replace("postgres://", "postgresql://", 1)
                         if url.startswith("postgres://") else url)
    if parsed.drivername == "postgresql":
        parsed = parsed.set(drivername="postgresql+psycopg")
    return parsed


def redacted(url: str | sa.URL) -> str:
    return (url if isinstance(url, sa.URL) else sa.make_url(url)).render_as_string(
        hide_password=True)


def is_sqlite(engine: sa.Engine) -> bool:
    return engine.dialect.name == "sqlite"


def unavailable(engine: sa.Engine, exc: BaseException) -> DatabaseUnavailable:
    reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    return DatabaseUnavailable(
        f"could not use the database at {redacted(engine.url)} ({' '.join(reason)[:200]}); "
        f"start it, or check {DATABASE_SETTING}")


def create_engine(url: str | sa.URL) -> sa.Engine:
    """An engine for ``url`` with our connection settings (not migrated; see ``open_database``)."""
    url = normalised_url(url) if isinstance(url, str) else url
    if url.get_backend_name() == "sqlite":
        if url.database and url.database != ":memory:":
            Path(url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = sa.create_engine(url, connect_args={"timeout": 60, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_connection, _record) -> None:
            # The driver's own transaction handling is off; "begin" below says BEGIN itself.
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA busy_timeout=60000")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _on_begin(connection: sa.Connection) -> None:
            write = connection.get_execution_options().get("edubalance_write")
            connection.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        return engine
    # A replica waits at most 10 s for a connection; pre-ping drops connections the server
    # closed (a restart), so the next request gets a fresh one instead of an error.
    return sa.create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10,
                            connect_args={"connect_timeout": 10})


@contextmanager
def transaction(engine: sa.Engine, *, write: bool = False) -> Iterator[sa.Connection]:
    """One transaction (committed when the block ends, rolled back on an exception). A
    server database that cannot be reached raises ``DatabaseUnavailable``."""
    try:
        with engine.connect() as connection:
            if write:
                connection.execution_options(edubalance_write=True)
            with connection.begin():
                yield connection
    except (sa.exc.OperationalError, sa.exc.InterfaceError) as exc:
        if is_sqlite(engine):
            raise
        raise unavailable(engine, exc) from exc


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
                from assistant.index.migrations import upgrade

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
