"""Engines and transactions for the catalog's database: SQLite (a file under the data directory)
or the server database named by ``ASSISTANT_DATABASE_URL`` (PostgreSQL through psycopg 3).

SQLite transactions are begun explicitly (``BEGIN`` to read, ``BEGIN IMMEDIATE`` to write), so a
write never fails half-way for a lock another process took between its read and its write. A
server that cannot be reached raises ``DatabaseUnavailable``, naming the setting to check.

The tables and ``open_database`` (an engine migrated to the newest schema) are in
``database.py``, which re-exports these names; the migrations (``migrations/``) use this module.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy import event

DATABASE_SETTING = "ASSISTANT_DATABASE_URL"


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
            cursor.execute("PRAGMA busy_timeout=60000")
            _use_wal(cursor)
            cursor.execute("PRAGMA foreign_keys=ON")
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


def _use_wal(cursor: sqlite3.Cursor, attempts: int = 400) -> None:
    """Switch the file to WAL (a setting kept in the file). The switch takes a lock SQLite does
    not wait for (no busy handler), so replicas opening a new catalog at once retry briefly."""
    for attempt in range(attempts):
        try:
            if cursor.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or attempt == attempts - 1:
                raise
            time.sleep(0.025)


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
