"""Sentence vectors beside their chunks: the vectors of the sentences an answer may quote (and
of the knowledge statements), computed at ingest and committed with their chunk, so that an
answer embeds nothing but its query.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sentence_vectors",
        sa.Column("owner", sa.Text, primary_key=True),   # a chunk id, or "statement"
        sa.Column("key", sa.Text, primary_key=True),     # sha1 of model and text
        sa.Column("vector", sa.LargeBinary, nullable=False),
    )
    op.create_index("sentence_vectors_key", "sentence_vectors", ["key"])


def downgrade() -> None:
    op.drop_index("sentence_vectors_key", "sentence_vectors")
    op.drop_table("sentence_vectors")
