"""The tables, in SQLAlchemy Core: portable SQL, SQLite by default, PostgreSQL later.

Records are stored whole as JSON (``data``), defined once in ``records.py``;
the columns beside it are copies of the fields that queries filter on.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True, comment="sha256 of the raw text"),
    Column("source", Text, nullable=False),
    Column("title", Text),
    Column("author", Text),
    Column("url", Text),
    Column("language", String(8), index=True),
    Column("published", Date, index=True),
    Column("text", Text, nullable=False),
    Column("raw_text", Text, nullable=False),
    Column("removed", JSON, nullable=False),
    Column("offsets", JSON, nullable=False),
    Column("sentences", JSON, nullable=False),
    Column("metadata", JSON, nullable=False),
    Column("stages", JSON, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)


def _record_table(name: str, *columns: Column[object]) -> Table:
    """A table of one record kind: document, offsets, indexed fields, the whole record as JSON."""
    return Table(
        name,
        metadata,
        Column("pk", Integer, primary_key=True, autoincrement=True),
        Column(
            "document_id",
            String(64),
            ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
            index=True,
        ),
        Column("start", Integer, nullable=False),
        Column("end", Integer, nullable=False),
        *columns,
        Column("data", JSON, nullable=False),
    )


entities = _record_table(
    "entities",
    Column("entity_id", Text, nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False, index=True),
)
times = _record_table("times", Column("value", Text, index=True))
claims = _record_table("claims", Column("speaker", Text, index=True), Column("date", Text))
assessments = _record_table(
    "assessments", Column("assessor", Text, index=True), Column("label", Text)
)
events = _record_table("events", Column("type", Text, index=True), Column("date", Text, index=True))

#: Document field → the table holding its records, with the indexed columns' source fields.
RECORD_TABLES: dict[str, tuple[Table, tuple[str, ...]]] = {
    "entities": (entities, ("entity_id:id", "name", "type")),
    "times": (times, ("value",)),
    "claims": (claims, ("speaker", "date")),
    "assessments": (assessments, ("assessor", "label")),
    "events": (events, ("type", "date")),
}
