"""The ingest lock: one ingest, re-index or removal at a time among everything that shares the
catalog.

- SQLite catalog (one host): ``flock`` on ``<data_dir>/ingest.lock``; the lock dies with a killed
  process.
- Server database (replicas on several hosts, each with its own data directory): a PostgreSQL
  session-level advisory lock, held on a connection of its own for as long as the ingest runs;
  the server releases it when that connection ends, so a replica that dies frees it too.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa

from assistant.index.database import is_sqlite, unavailable

INGEST_LOCK_KEY = 0x6564_7562_0002  # "edub" + 2; the migration lock is + 1
_POLL_S = 0.2


class IngestBusy(RuntimeError):
    """Another ingest holds the lock."""


@contextmanager
def ingest_lock(data_dir: Path, database: sa.Engine, wait: bool = True,
                timeout_s: float = 600) -> Iterator[None]:
    """Hold the ingest lock for the block; ``IngestBusy`` when ``wait`` is off (or after
    ``timeout_s``) and another ingest holds it."""
    if is_sqlite(database):
        with _file_lock(Path(data_dir) / "ingest.lock", wait, timeout_s):
            yield
    else:
        with _advisory_lock(database, wait, timeout_s):
            yield


@contextmanager
def _file_lock(path: Path, wait: bool, timeout_s: float) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "a+") as handle:
        deadline = time.monotonic() + timeout_s
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not wait or time.monotonic() > deadline:
                    raise IngestBusy("another ingest is running on this data directory; "
                                     "wait for it to finish and try again") from None
                time.sleep(_POLL_S)
        try:
            handle.seek(0)
            handle.truncate()
            handle.write(str(os.getpid()))
            handle.flush()
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@contextmanager
def _advisory_lock(database: sa.Engine, wait: bool, timeout_s: float) -> Iterator[None]:
    try:
        connection = database.connect()
    except (sa.exc.OperationalError, sa.exc.InterfaceError) as exc:
        raise unavailable(database, exc) from exc
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            taken = connection.execute(sa.text("SELECT pg_try_advisory_lock(:key)"),
                                       {"key": INGEST_LOCK_KEY}).scalar()
            connection.commit()  # hold the lock, not a transaction
            if taken:
                break
            if not wait or time.monotonic() > deadline:
                raise IngestBusy("another ingest is running on a replica that shares this "
                                 "database; wait for it to finish and try again")
            time.sleep(_POLL_S)
        try:
            yield
        finally:
            try:
                connection.execute(sa.text("SELECT pg_advisory_unlock(:key)"),
                                   {"key": INGEST_LOCK_KEY})
                connection.commit()
            except sa.exc.DBAPIError:
                connection.invalidate()  # the server ends the session, and the lock with it
    except (sa.exc.OperationalError, sa.exc.InterfaceError) as exc:
        raise unavailable(database, exc) from exc
    finally:
        connection.close()
