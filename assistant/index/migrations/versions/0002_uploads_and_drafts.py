"""Upload records (name, SHA-256, size) and memo drafts with their versions and charts, so
replicas on several hosts share them through the database.

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "uploads",
        sa.Column("name", sa.Text, primary_key=True),
        sa.Column("sha256", sa.Text, nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("stored_at", sa.Text, nullable=False),
    )
    # The row an upload locks (SELECT … FOR UPDATE) while it chooses a name and writes the file.
    state = sa.table("state", sa.column("key", sa.Text), sa.column("value", sa.Text))
    op.bulk_insert(state, [{"key": "upload-lock", "value": ""}])
    # The version row exists from the start, so concurrent first writes only ever update it.
    op.execute("INSERT INTO state (key, value) SELECT 'version', '0' "
               "WHERE NOT EXISTS (SELECT 1 FROM state WHERE key = 'version')")
    op.create_table(
        "drafts",
        sa.Column("id", sa.Text, primary_key=True),
        sa.Column("owner", sa.Text, nullable=False),
        sa.Column("created", sa.Text, nullable=False),
        sa.Column("updated", sa.Text, nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("district", sa.Text, nullable=False),
        sa.Column("lang", sa.Text, nullable=False),
        sa.Column("kind", sa.Text, nullable=False),
    )
    op.create_table(
        "draft_versions",
        sa.Column("draft_id", sa.Text, sa.ForeignKey("drafts.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("number", sa.Integer, primary_key=True),
        sa.Column("saved", sa.Text, nullable=False),
        sa.Column("note", sa.Text, nullable=False),
        sa.Column("record", sa.Text, nullable=False),
    )
    op.create_table(
        "draft_charts",
        sa.Column("draft_id", sa.Text, sa.ForeignKey("drafts.id", ondelete="CASCADE"),
                  primary_key=True),
        sa.Column("digest", sa.Text, primary_key=True),
        sa.Column("png", sa.LargeBinary, nullable=False),
    )


def downgrade() -> None:
    op.execute("DELETE FROM state WHERE key = 'upload-lock'")
    op.drop_table("draft_charts")
    op.drop_table("draft_versions")
    op.drop_table("drafts")
    op.drop_table("uploads")
