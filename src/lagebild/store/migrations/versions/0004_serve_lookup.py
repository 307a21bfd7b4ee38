"""Indexes for the pages `lagebild serve` answers most: entity pages and its cache checks.

Measured on the 100,000-claim load store (bench/load.py): the server's cache check
(document count and newest ingest time) scanned the documents table, 15 ms a request;
an entity's mentions per day looked every mentioned document up in the table; "claims
by X" read every claim of the speaker's from the table to sort them; and an entity
without coordinates (every person) had the JSON of each of its rows parsed to find
none.  Now: an index on the ingest time, a covering index on a document's id,
publication date and language, a covering index on a claim's speaker id and order
(it replaces ``ix_claims_speaker_id``), and a partial index on the entity rows that
have coordinates.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

INDEXES = {
    "ix_documents_ingested_at": ("documents", ["ingested_at"]),
    "ix_documents_id_published_language": ("documents", ["id", "published", "language"]),
    "ix_claims_speaker_id_date_document_id_seq": (
        "claims",
        ["speaker_id", "date", "document_id", "seq"],
    ),
}
#: Entity rows with coordinates; queries must spell the condition exactly so to use it.
LOCATED = "ix_entities_entity_id_located"
SQLITE_LOCATED = "json_extract(data, '$.geo') IS NOT NULL"
POSTGRESQL_LOCATED = "(data ->> 'geo') IS NOT NULL"


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)
    op.create_index(
        LOCATED,
        "entities",
        ["entity_id", "pk"],
        sqlite_where=sa.text(SQLITE_LOCATED),
        postgresql_where=sa.text(POSTGRESQL_LOCATED),
    )
    op.drop_index("ix_claims_speaker_id", "claims")


def downgrade() -> None:
    op.create_index("ix_claims_speaker_id", "claims", ["speaker_id"])
    op.drop_index(LOCATED, "entities")
    for name, (table, _) in INDEXES.items():
        op.drop_index(name, table)
