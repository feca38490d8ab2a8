"""Alembic environment: runs on the connection ``migrations.upgrade`` passes in (no ini file)."""

from alembic import context

connection = context.config.attributes["connection"]
context.configure(connection=connection, render_as_batch=True, transaction_per_migration=False)
with context.begin_transaction():
    context.run_migrations()
