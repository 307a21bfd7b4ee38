"""Documents to rows and back, generically: ``model_dump`` in, ``model_validate`` out.

Field lists come from the tables and from ``Document.model_fields``, never
written out by hand here: a Document field with a column of the same name goes
there, a list of records goes to its record table, and anything else (a field
added to ``records.py`` after this schema) travels in ``documents.extra`` until
a migration gives it a column.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, select

from lagebild.records import Document
from lagebild.store.schema import RECORD_TABLES, LinkTable, RecordTable, documents

Row = dict[str, Any]

#: Document fields stored in a column of their own name.
COLUMN_FIELDS: tuple[str, ...] = tuple(
    column.name for column in documents.c if column.name in Document.model_fields
)


def extra_fields() -> tuple[str, ...]:
    """Document fields with neither a column nor a record table."""
    known = set(COLUMN_FIELDS) | set(RECORD_TABLES)
    return tuple(name for name in Document.model_fields if name not in known)


def document_row(document: Document, data: dict[str, Any]) -> Row:
    """The ``documents`` row of a document (``data`` is its JSON dump)."""
    row = {name: data[name] for name in COLUMN_FIELDS}
    row["published"] = document.published  # a date for the Date column, not its ISO string
    row["extra"] = {name: data[name] for name in extra_fields()}
    row["ingested_at"] = datetime.now(UTC)
    return row


def record_rows(document_id: str, data: dict[str, Any]) -> dict[Table, list[Row]]:
    """Every record row of a document, by table, parents before their children."""
    rows: dict[Table, list[Row]] = defaultdict(list)
    for spec in RECORD_TABLES.values():
        for seq, record in enumerate(data[spec.field]):
            _add_row(rows, spec, document_id, seq, record, {})
    return rows


def _add_row(
    rows: dict[Table, list[Row]],
    spec: RecordTable,
    document_id: str,
    seq: int,
    record: dict[str, Any],
    parent: Row,
) -> None:
    children = record.get(spec.child.field, []) if spec.child else []
    row = _row(spec, document_id, seq, record, children)
    row.update({column: parent[source] for column, source in spec.parent.items()})
    rows[spec.table].append(row)
    if spec.link:
        _add_links(rows, spec.link, document_id, seq, record)
    if spec.child:
        for child_seq, child in enumerate(children):
            _add_row(rows, spec.child, document_id, child_seq, child, row)


def _row(
    spec: RecordTable, document_id: str, seq: int, record: dict[str, Any], children: list[Any]
) -> Row:
    # Children live in their own table, so the parent's JSON leaves them out.
    data = {k: v for k, v in record.items() if not spec.child or k != spec.child.field}
    start, end = _extent(record, children)
    row: Row = {"document_id": document_id, "seq": seq, "start": start, "end": end, "data": data}
    row.update({column: record.get(source) for column, source in spec.copies.items()})
    row.update({column: derive(record) for column, derive in spec.derived.items()})
    return row


def _add_links(
    rows: dict[Table, list[Row]], link: LinkTable, document_id: str, seq: int, record: Row
) -> None:
    """One row per entity the record names, in id order; none leaves the table out (an
    insert of no rows would add an empty one)."""
    for entity_id in sorted(link.entity_ids(record)):
        rows[link.table].append(
            {"document_id": document_id, link.seq_column: seq, "entity_id": entity_id}
        )


def _extent(record: dict[str, Any], children: list[dict[str, Any]]) -> tuple[int | None, ...]:
    """A record's offsets; a record without its own (an entity) spans its children."""
    if "start" in record:
        return record["start"], record["end"]
    if not children:
        return None, None
    return min(c["start"] for c in children), max(c["end"] for c in children)


def read_document(connection: Connection, row: Any) -> Document:
    """The Document of a ``documents`` row, with all its records."""
    data: dict[str, Any] = {name: row[name] for name in COLUMN_FIELDS}
    data.update(row["extra"])
    for name, spec in RECORD_TABLES.items():
        data[name] = _read_records(connection, spec, row["id"])
    return Document.model_validate(data)


def _read_records(connection: Connection, spec: RecordTable, document_id: str) -> list[Any]:
    table = spec.table
    query = select(table.c.seq, table.c.data).where(table.c.document_id == document_id)
    records = {seq: data for seq, data in connection.execute(query.order_by(table.c.seq))}
    if spec.child:
        children = _read_children(connection, spec.child, document_id)
        for seq, record in records.items():
            record[spec.child.field] = children.get(seq, [])
    return list(records.values())


def _read_children(
    connection: Connection, spec: RecordTable, document_id: str
) -> dict[int, list[Any]]:
    """A document's child records, grouped by the ``seq`` of their parent."""
    table = spec.table
    (parent_seq,) = (c for c, source in spec.parent.items() if source == "seq")
    query = (
        select(table.c[parent_seq], table.c.data)
        .where(table.c.document_id == document_id)
        .order_by(table.c[parent_seq], table.c.seq)
    )
    grouped: dict[int, list[Any]] = defaultdict(list)
    for seq, data in connection.execute(query):
        grouped[seq].append(data)
    return grouped
