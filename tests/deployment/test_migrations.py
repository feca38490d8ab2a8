"""Schema migrations (Alembic) from an empty database, from the previous schema on both
backends, and from a ``catalog.sqlite`` written before the schema was versioned."""

from __future__ import annotations

import json
import sqlite3
import threading

import numpy as np
import sqlalchemy as sa

from assistant.index import database
from assistant.index.catalog import Catalog
from assistant.index.migrations import MIGRATIONS, current_revision, upgrade

# The schema catalog.py created before this change (verbatim): existing data directories hold it.
LEGACY_SCHEMA = """
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

NEW_TABLES = {"uploads", "drafts", "draft_versions", "draft_charts"}
RECORD = {"chunk_id": "old-000", "doc_id": "old", "text": "Counties shall rotate teachers.",
          "ordinal": 0, "start": 0, "end": 31, "section": "", "article": None, "page": None,
          "language": "en"}


def tables(engine: sa.Engine) -> set[str]:
    return set(sa.inspect(engine).get_table_names())


def test_head_is_alembics_newest_revision():
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == database.HEAD


def test_an_empty_database_gets_every_table(database_url):
    engine = database.create_engine(database_url)
    upgrade(engine)
    assert {"documents", "chunks", "state", "alembic_version"} | NEW_TABLES <= tables(engine)
    with engine.connect() as connection:
        assert current_revision(connection) == database.HEAD
    # the declared tables are the migrated ones, column for column
    inspector = sa.inspect(engine)
    for table in database.metadata.sorted_tables:
        assert [c["name"] for c in inspector.get_columns(table.name)] == \
            [c.name for c in table.columns], table.name
    engine.dispose()


def test_the_previous_revision_with_data_is_upgraded_keeping_it(database_url, tmp_path):
    engine = database.create_engine(database_url)
    upgrade(engine, "0001")
    assert not NEW_TABLES & tables(engine)
    with engine.begin() as connection:
        connection.execute(database.documents.insert().values(
            doc_id="old", source_key="/old.md", source_path="/old.md", content_hash="h",
            origin="corpus", metadata=json.dumps({"title": "Old"}), text="Counties shall…",
            n_chunks=1, ingested_at="2026-01-01T00:00:00+00:00"))
        connection.execute(database.chunks.insert().values(
            chunk_id="old-000", doc_id="old", ordinal=0, record=json.dumps(RECORD),
            tokens="counties rotate teachers",
            embedding=np.ones(4, dtype=np.float32).tobytes()))
        connection.execute(database.state.insert().values(key="version", value="7"))
    engine.dispose()

    catalog = Catalog(tmp_path / "unused.sqlite", database_url)  # migrates on open
    assert NEW_TABLES <= tables(catalog.database)
    assert catalog.version() == 7 and catalog.counts() == (1, 1)
    assert catalog.chunks(["old-000"])["old-000"].metadata == {"title": "Old"}
    assert catalog.tokens(["old-000"]) == {"old-000": ["counties", "rotate", "teachers"]}
    catalog.close()


def test_a_catalog_sqlite_from_before_versioning_opens_with_its_data(tmp_path):
    path = tmp_path / "index" / "catalog.sqlite"
    path.parent.mkdir()
    with sqlite3.connect(path) as old:  # what the previous catalog.py wrote
        old.execute("PRAGMA journal_mode=WAL")
        old.executescript(LEGACY_SCHEMA)
        old.execute("INSERT INTO documents VALUES (?,?,?,?,?,?,?,?,?)",
                    ("old", "/old.md", "/old.md", "h", "corpus", '{"title": "Old"}', "text", 1,
                     "2026-01-01T00:00:00+00:00"))
        old.execute("INSERT INTO chunks VALUES (?,?,?,?,?,?)",
                    ("old-000", "old", 0, json.dumps(RECORD), "counties rotate",
                     np.ones(4, dtype=np.float32).tobytes()))
        old.execute("INSERT INTO state VALUES ('version', '12')")
    old.close()

    catalog = Catalog(path)
    assert catalog.version() == 12 and catalog.counts() == (1, 1)
    assert [d.title for d in catalog.documents()] == ["Old"]
    assert NEW_TABLES <= tables(catalog.database)
    with catalog.database.connect() as connection:
        assert current_revision(connection) == database.HEAD
    catalog.remove_document("old")  # and it writes, bumping the old version
    assert catalog.version() == 13 and catalog.counts() == (0, 0)
    catalog.close()


def test_replicas_starting_at_once_migrate_once(database_url):
    engines = [database.create_engine(database_url) for _ in range(4)]
    errors: list[BaseException] = []

    def start(engine) -> None:
        try:
            upgrade(engine)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=start, args=(engine,)) for engine in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    with engines[0].connect() as connection:
        assert current_revision(connection) == database.HEAD
    for engine in engines:
        engine.dispose()


class _LockedTwice:
    """A cursor whose first two journal-mode switches find the file locked, as a replica's do
    when another replica switches the same new file at the same moment."""

    def __init__(self) -> None:
        self.mode, self.failures, self.calls = "delete", 2, 0

    def execute(self, sql: str) -> _LockedTwice:
        self.calls += 1
        if sql == "PRAGMA journal_mode=WAL":
            if self.failures:
                self.failures -= 1
                raise sqlite3.OperationalError("database is locked")
            self.mode = "wal"
        return self

    def fetchone(self) -> tuple[str]:
        return (self.mode,)


def test_switching_a_new_sqlite_file_to_wal_retries_while_another_replica_holds_it():
    from assistant.index.connection import _use_wal

    cursor = _LockedTwice()
    _use_wal(cursor)
    assert cursor.mode == "wal" and cursor.failures == 0


def test_a_file_already_in_wal_is_not_switched_again():
    from assistant.index.connection import _use_wal

    cursor = _LockedTwice()
    cursor.mode = "wal"
    _use_wal(cursor)
    assert cursor.calls == 1 and cursor.failures == 2
