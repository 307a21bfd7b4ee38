"""Records as flat rows: what JSON Lines writes one per line and Parquet one per table row.

Every row starts with ``record_type`` (documents, entities, times, claims, assessments, events),
``record_id`` and ``document_id``; the record's own fields follow exactly as the JSON
contract (``lagebild analyze --format json``) spells them, offsets included.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from lagebild.export.selection import ALL_KINDS, KINDS, ExportError, Selected, record_id
from lagebild.records import Analysis

Row = dict[str, Any]


def kinds_for(kind: str | None) -> tuple[str, ...]:
    """The record kinds to write: one (``--kind``) or all of them."""
    if kind is None:
        return ALL_KINDS
    if kind not in ALL_KINDS:
        raise ExportError(f"unknown record kind {kind!r}: choose one of {', '.join(ALL_KINDS)}")
    return (kind,)


def rows(selected: Iterable[Selected], kinds: tuple[str, ...] = ALL_KINDS) -> Iterator[Row]:
    """One row per document and per kept record, a document's rows together."""
    for chosen in selected:
        if "documents" in kinds:
            yield document_row(chosen)
        for kind in KINDS:
            if kind in kinds:
                yield from record_rows(chosen, kind)


def document_row(chosen: Selected) -> Row:
    """The document as the contract's ``document`` part (clean text and removals)."""
    view = Analysis.of(chosen.document).document.model_dump(mode="json")
    document_id = chosen.document.id
    return {
        "record_type": "documents",
        "record_id": document_id,
        "document_id": document_id,
        **view,
    }


def record_rows(chosen: Selected, kind: str) -> Iterator[Row]:
    document_id = chosen.document.id
    for position, record in chosen.records(kind):
        head = {"record_type": kind, "record_id": record_id(document_id, kind, position)}
        yield {**head, "document_id": document_id, **record.model_dump(mode="json")}
