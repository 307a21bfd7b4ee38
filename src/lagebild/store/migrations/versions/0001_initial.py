"""Initial schema: documents, record tables, full-text index.

Written out table by table (not ``metadata.create_all``), so this revision keeps
creating exactly the 0001 schema however ``schema.py`` grows later.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from lagebild.store.search import backend_for

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

RECORDS = {
    "entities": [
        sa.Column("entity_id", sa.Text, nullable=False, index=True),
        sa.Column("name", sa.Text, nullable=False),
        sa.Column("type", sa.String(16), nullable=False, index=True),
    ],
    "times": [sa.Column("value", sa.Text, index=True)],
    "claims": [sa.Column("speaker", sa.Text, index=True), sa.Column("date", sa.Text)],
    "assessments": [sa.Column("assessor", sa.Text, index=True), sa.Column("label", sa.Text)],
    "events": [sa.Column("type", sa.Text, index=True), sa.Column("date", sa.Text, index=True)],
}


def upgrade() -> None:
    op.create_table(
        "documents",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("source", sa.Text, nullable=False),
        sa.Column("title", sa.Text),
        sa.Column("author", sa.Text),
        sa.Column("url", sa.Text),
        sa.Column("language", sa.String(8), index=True),
        sa.Column("published", sa.Date, index=True),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("raw_text", sa.Text, nullable=False),
        sa.Column("removed", sa.JSON, nullable=False),
        sa.Column("offsets", sa.JSON, nullable=False),
        sa.Column("sentences", sa.JSON, nullable=False),
        sa.Column("metadata", sa.JSON, nullable=False),
        sa.Column("stages", sa.JSON, nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
    )
    for name, columns in RECORDS.items():
        op.create_table(
            name,
            sa.Column("pk", sa.Integer, primary_key=True, autoincrement=True),
            sa.Column(
                "document_id",
                sa.String(64),
                sa.ForeignKey("documents.id", ondelete="CASCADE"),
                nullable=False,
                index=True,
            ),
            sa.Column("start", sa.Integer, nullable=False),
            sa.Column("end", sa.Integer, nullable=False),
            *columns,
            sa.Column("data", sa.JSON, nullable=False),
        )
    backend_for(op.get_bind().dialect.name).install(op.get_bind())


def downgrade() -> None:
    backend_for(op.get_bind().dialect.name).uninstall(op.get_bind())
    for name in RECORDS:
        op.drop_table(name)
    op.drop_table("documents")
