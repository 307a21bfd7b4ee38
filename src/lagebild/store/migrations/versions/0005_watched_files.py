"""What `lagebild watch` has seen of each file, so a restarted watch does not read it again.

One row per file below a watched folder: the folder's resolved absolute path, the
file's path relative to it (``/``-separated), its modification time in nanoseconds
and size when last looked at, the sha256 of its bytes, what its ingest gave
(``ingested``, ``skipped`` with the reader's reason, or ``failed`` with the error)
and when its content was last ingested.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "watched_files",
        sa.Column("folder", sa.Text, nullable=False, comment="resolved absolute path"),
        sa.Column("path", sa.Text, nullable=False, comment="relative to the folder, / separated"),
        sa.Column("mtime_ns", sa.BigInteger, nullable=False),
        sa.Column("size", sa.BigInteger, nullable=False),
        sa.Column("digest", sa.String(64), nullable=False, comment="sha256 of the bytes"),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("folder", "path", name="pk_watched_files"),
    )


def downgrade() -> None:
    op.drop_table("watched_files")
