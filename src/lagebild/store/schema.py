"""The tables, in SQLAlchemy Core: portable SQL, SQLite by default, PostgreSQL later.

Records are defined once in ``records.py`` and stored whole as JSON (``data``);
the columns beside it are copies of the fields that queries filter on, so a new
record field needs no migration and a new filter column does.

Every record row carries its document, its position in the document's list
(``seq``, so a document reads back in its original order) and its offsets.
Entity rows are per document; ``entity_id`` is the stable cross-document id, so
a later catalogue of entities (one row per id) joins on it without touching
these tables.  Mentions get their own rows, so "where is X mentioned" is a
query on offsets rather than a scan of JSON.

Revision 0001 spells these tables out itself and each later revision its own
change (0002: the claim columns that speaker, stance and topic filters use; 0003: the
links from events to the entities they name, and covering indexes for entity pages; 0004:
indexes for the server's cache check, claims by a speaker and located entity rows; 0005:
what ``lagebild watch`` has seen of each file of a watched folder);
``tests/store`` checks that the migrated database and this module agree.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from dataclasses import field as default
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Date,
    DateTime,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.dialects.postgresql import JSONB

#: Named constraints, so later batch migrations on SQLite can address them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s",
    "pk": "pk_%(table_name)s",
}

#: Records as JSON; PostgreSQL's JSONB, since plain ``json`` has no equality (DISTINCT, UNION).
JSON_DATA = JSON().with_variant(JSONB(), "postgresql")

metadata = MetaData(naming_convention=NAMING)

documents = Table(
    "documents",
    metadata,
    Column("id", String(64), primary_key=True, comment="sha256 of the raw text"),
    Column("source", Text, nullable=False),
    Column("title", Text),
    Column("author", Text),
    Column("url", Text),
    Column("language", String(16), index=True),
    Column("published", Date, index=True),
    Column("text", Text, nullable=False),
    Column("raw_text", Text, nullable=False),
    Column("removed", JSON_DATA, nullable=False),
    Column("offsets", JSON_DATA, nullable=False),
    Column("sentences", JSON_DATA, nullable=False),
    Column("metadata", JSON_DATA, nullable=False),
    Column("stages", JSON_DATA, nullable=False),
    Column("extra", JSON_DATA, nullable=False, comment="Document fields without a column yet"),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
)


def _record_table(name: str, *columns: Column[object], span_required: bool = True) -> Table:
    """A table of one record kind: document, position, offsets, filter columns, JSON."""
    return Table(
        name,
        metadata,
        Column("pk", Integer, primary_key=True, autoincrement=True),
        Column(
            "document_id",
            String(64),
            ForeignKey("documents.id", ondelete="CASCADE"),
            nullable=False,
        ),
        Column("seq", Integer, nullable=False),
        Column("start", Integer, nullable=not span_required),
        Column("end", Integer, nullable=not span_required),
        *columns,
        Column("data", JSON_DATA, nullable=False),
        UniqueConstraint("document_id", "seq"),
    )


# An entity spans its mentions; one without mentions has no offsets.
entities = _record_table(
    "entities",
    Column("entity_id", Text, nullable=False, index=True),
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False, index=True),
    span_required=False,
)
times = _record_table("times", Column("value", Text, index=True))
claims = _record_table(
    "claims",
    Column("speaker", Text, index=True),
    Column("date", Text, index=True),
    Column("speaker_id", Text),
    Column("stance", String(16)),
    Column("speaker_key", Text, comment="speaker casefolded, for substring matches"),
    Column("content_key", Text, comment="content casefolded, for substring matches"),
)
assessments = _record_table(
    "assessments", Column("assessor", Text, index=True), Column("label", Text)
)
events = _record_table("events", Column("type", Text, index=True), Column("date", Text, index=True))

mentions = Table(
    "mentions",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(64), nullable=False),
    Column("entity_seq", Integer, nullable=False),
    Column("seq", Integer, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("entity_id", Text, nullable=False, index=True),
    Column("data", JSON_DATA, nullable=False),
    UniqueConstraint("document_id", "entity_seq", "seq"),
    ForeignKeyConstraint(
        ["document_id", "entity_seq"],
        ["entities.document_id", "entities.seq"],
        ondelete="CASCADE",
    ),
)


# Covering indexes for an entity's page (its documents, mentions per document and per day,
# its usual name and document count) and a search's entity facet, read from the index alone.
Index("ix_mentions_entity_id_document_id", mentions.c.entity_id, mentions.c.document_id)
Index(
    "ix_entities_entity_id_name_document_id",
    entities.c.entity_id,
    entities.c.name,
    entities.c.document_id,
)
Index("ix_entities_document_id_entity_id", entities.c.document_id, entities.c.entity_id)

# For `lagebild serve` (migration 0004): the cache check reads the newest ingest time from
# an index; a document's id, date and language (mentions per day, search facets) and a
# speaker's claims in page order are read from indexes alone.
Index("ix_documents_ingested_at", documents.c.ingested_at)
Index(
    "ix_documents_id_published_language",
    documents.c.id,
    documents.c.published,
    documents.c.language,
)
Index(
    "ix_claims_speaker_id_date_document_id_seq",
    claims.c.speaker_id,
    claims.c.date,
    claims.c.document_id,
    claims.c.seq,
)
#: Entity rows that have coordinates, per dialect; a query must state it word for word for
#: the partial index ``ix_entities_entity_id_located`` to answer it.
LOCATED: dict[str, str] = {
    "sqlite": "json_extract(data, '$.geo') IS NOT NULL",
    "postgresql": "(data ->> 'geo') IS NOT NULL",
}
Index(
    "ix_entities_entity_id_located",
    entities.c.entity_id,
    entities.c.pk,
    sqlite_where=text(LOCATED["sqlite"]),
    postgresql_where=text(LOCATED["postgresql"]),
)

#: One row per entity an event names (participant, instrument, place): "events of X" is
#: an index lookup instead of a scan of every event's JSON.
event_entities = Table(
    "event_entities",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("document_id", String(64), nullable=False),
    Column("event_seq", Integer, nullable=False),
    Column("entity_id", Text, nullable=False, index=True),
    UniqueConstraint("document_id", "event_seq", "entity_id"),
    ForeignKeyConstraint(
        ["document_id", "event_seq"],
        ["events.document_id", "events.seq"],
        ondelete="CASCADE",
    ),
)

#: What ``lagebild watch`` last saw of each file below a folder (store/watched.py).
watched_files = Table(
    "watched_files",
    metadata,
    Column("folder", Text, nullable=False, comment="resolved absolute path"),
    Column("path", Text, nullable=False, comment="relative to the folder, / separated"),
    Column("mtime_ns", BigInteger, nullable=False),
    Column("size", BigInteger, nullable=False),
    Column("digest", String(64), nullable=False, comment="sha256 of the bytes"),
    Column("outcome", String(16), nullable=False),
    Column("reason", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("folder", "path"),
)


def event_entity_ids(data: Mapping[str, Any]) -> set[str]:
    """Entity ids of an event's participants, instruments and place (its stored JSON)."""
    arguments = [*data.get("sources", []), *data.get("targets", []), *data.get("instruments", [])]
    if data.get("place_argument"):
        arguments.append(data["place_argument"])
    return {argument["entity_id"] for argument in arguments}


@dataclass(frozen=True)
class LinkTable:
    """The entities a record names, one row each: document, ``seq_column``, ``entity_id``."""

    table: Table
    seq_column: str
    entity_ids: Callable[[Mapping[str, Any]], set[str]]


@dataclass(frozen=True)
class RecordTable:
    """How one list of records is stored: its table and the fields copied into columns.

    ``copies`` maps a column to the record field it copies; ``derived`` maps a
    column to the function computing it from the record (its JSON); ``parent``
    maps a column of a child row to the column of its parent row it repeats.
    """

    field: str
    table: Table
    copies: Mapping[str, str] = default(default_factory=dict)
    parent: Mapping[str, str] = default(default_factory=dict)
    child: RecordTable | None = None
    derived: Mapping[str, Callable[[Mapping[str, Any]], Any]] = default(default_factory=dict)
    link: LinkTable | None = None


def folded(name: str) -> Callable[[Mapping[str, Any]], str | None]:
    """A record field casefolded (None stays None): what substring filters compare."""

    def fold(record: Mapping[str, Any]) -> str | None:
        value = record.get(name)
        return None if value is None else str(value).casefold()

    return fold


MENTIONS = RecordTable("mentions", mentions, parent={"entity_seq": "seq", "entity_id": "entity_id"})

#: Document list field → how its records are stored.
RECORD_TABLES: dict[str, RecordTable] = {
    spec.field: spec
    for spec in (
        RecordTable(
            "entities",
            entities,
            {"entity_id": "id", "name": "name", "type": "type"},
            child=MENTIONS,
        ),
        RecordTable("times", times, {"value": "value"}),
        RecordTable(
            "claims",
            claims,
            {"speaker": "speaker", "date": "date", "speaker_id": "speaker_id", "stance": "stance"},
            derived={"speaker_key": folded("speaker"), "content_key": folded("content")},
        ),
        RecordTable("assessments", assessments, {"assessor": "assessor", "label": "label"}),
        RecordTable(
            "events",
            events,
            {"type": "type", "date": "date"},
            link=LinkTable(event_entities, "event_seq", event_entity_ids),
        ),
    )
}

#: Every table holding records, parents before children, for counts and deletes.
RECORD_TABLE_LIST: tuple[Table, ...] = (entities, mentions, times, claims, assessments, events)
