"""Versioned schema of the catalog database (Alembic; revisions in ``versions/``).

``upgrade(engine)`` runs at start: a database already at the newest revision costs one query;
an empty one gets every revision; a ``catalog.sqlite`` from before the versioned schema (the
tables of revision 0001, no ``alembic_version``) is stamped 0001 first, then upgraded. Two
processes that start at once do not both migrate: on SQLite the migration holds the write lock
(``BEGIN IMMEDIATE``), on PostgreSQL a transaction-level advisory lock.

A new revision: add ``versions/NNNN_<what>.py`` with ``down_revision`` the previous one, update
the tables in ``assistant/index/database.py`` and ``HEAD`` here.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa

from assistant.index.connection import transaction

MIGRATIONS = Path(__file__).resolve().parent
HEAD = "0003"  # the newest migration; tests/deployment/test_migrations.py checks it
BASELINE = "0001"  # the schema of catalog.sqlite before versioning
_MIGRATION_LOCK = 0x6564_7562_0001  # advisory lock key ("edub" + 1), PostgreSQL only


def current_revision(connection: sa.Connection) -> str | None:
    if not sa.inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: sa.Engine, revision: str = "head") -> None:
    """Bring the database to ``revision`` (default: the newest)."""
    if revision == "head":
        with transaction(engine) as connection:
            if current_revision(connection) == HEAD:
                return
    from alembic import command
    from alembic.config import Config

    with transaction(engine, write=True) as connection:
        if connection.dialect.name == "postgresql":
            connection.execute(sa.text("SELECT pg_advisory_xact_lock(:key)"),
                               {"key": _MIGRATION_LOCK})
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS))
        config.attributes["connection"] = connection
        inspector = sa.inspect(connection)
        if not inspector.has_table("alembic_version") and inspector.has_table("documents"):
            command.stamp(config, BASELINE)  # a catalog from before the versioned schema
        command.upgrade(config, revision)
