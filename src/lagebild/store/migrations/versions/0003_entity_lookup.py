"""Entity pages from indexes: event → entity links, covering indexes on mentions and entities.

"Events of X" used to read the JSON of every event in every document mentioning X; each
event's participants, instruments and place now have a row in ``event_entities``
(filled here from the stored events).  Mentions and entity rows get covering indexes
for the per-entity counts (documents, mentions per document and per day, usual name) and
for the entity facet of a search (the entities of a list of documents).

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

#: Rows read per batch while filling the links.
BATCH = 5_000
INDEXES = {
    "ix_mentions_entity_id_document_id": ("mentions", ["entity_id", "document_id"]),
    "ix_entities_entity_id_name_document_id": ("entities", ["entity_id", "name", "document_id"]),
    "ix_entities_document_id_entity_id": ("entities", ["document_id", "entity_id"]),
}


def upgrade() -> None:
    op.create_table(
        "event_entities",
        sa.Column("pk", sa.Integer, nullable=False, autoincrement=True),
        sa.Column("document_id", sa.String(64), nullable=False),
        sa.Column("event_seq", sa.Integer, nullable=False),
        sa.Column("entity_id", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("pk", name="pk_event_entities"),
        sa.ForeignKeyConstraint(
            ["document_id", "event_seq"],
            ["events.document_id", "events.seq"],
            name="fk_event_entities_document_id_event_seq",
            ondelete="CASCADE",
        ),
        sa.UniqueConstraint(
            "document_id",
            "event_seq",
            "entity_id",
            name="uq_event_entities_document_id_event_seq_entity_id",
        ),
    )
    op.create_index("ix_event_entities_entity_id", "event_entities", ["entity_id"])
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)
    _fill()


def _fill() -> None:
    """A link row per entity each stored event names, a batch of events at a time."""
    connection = op.get_bind()
    events = sa.table(
        "events",
        sa.column("pk"),
        sa.column("document_id"),
        sa.column("seq"),
        sa.column("data", sa.JSON),
    )
    links = sa.table(
        "event_entities", sa.column("document_id"), sa.column("event_seq"), sa.column("entity_id")
    )
    last = 0
    while True:
        query = sa.select(events).where(events.c.pk > last).order_by(events.c.pk).limit(BATCH)
        rows = connection.execute(query).all()
        if not rows:
            return
        found = [link for row in rows for link in _links(row.document_id, row.seq, row.data)]
        if found:
            connection.execute(links.insert(), found)
        last = rows[-1].pk


def _links(document_id: str, seq: int, data: dict[str, Any]) -> list[dict[str, Any]]:
    named = [*data.get("sources", []), *data.get("targets", []), *data.get("instruments", [])]
    if data.get("place_argument"):
        named.append(data["place_argument"])
    return [
        {"document_id": document_id, "event_seq": seq, "entity_id": entity_id}
        for entity_id in sorted({argument["entity_id"] for argument in named})
    ]


def downgrade() -> None:
    for name, (table, _) in INDEXES.items():
        op.drop_index(name, table)
    op.drop_index("ix_event_entities_entity_id", "event_entities")
    op.drop_table("event_entities")
