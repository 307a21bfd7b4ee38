"""What an export holds: documents from the store (or analysed in memory) and, per
document, which of its records pass the filters.

The filters are those of ``lagebild claims`` and ``lagebild events``: a date range, an
entity the records name, an event type and document ids.  A record is kept or left out
as a whole and keeps its position in its document's list, so its id
(``<document id>/<kind>/<position>``) is the same in every export of the same store.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from lagebild.errors import LagebildError
from lagebild.kb import load_kb
from lagebild.kb.errors import KBError
from lagebild.records import Assessment, Claim, Document, Entity, Event, TimeExpression
from lagebild.store import Store
from lagebild.store.browse import document_id_for, reading
from lagebild.store.schema import documents, mentions

#: The record lists of a Document, in the order exports write them.
KINDS: tuple[str, ...] = ("entities", "times", "claims", "assessments", "events")
#: ``KINDS`` and the documents themselves: what ``--kind`` may name.
ALL_KINDS: tuple[str, ...] = ("documents", *KINDS)

_PARTIAL_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")

Record = Entity | TimeExpression | Claim | Assessment | Event


class ExportError(LagebildError):
    """An export cannot be written as asked (a format that needs a path, a bad filter)."""


@dataclass(frozen=True)
class Selection:
    """Which records to export; every field left empty selects everything.

    ``since``/``until`` are YYYY[-MM[-DD]] and apply to each record's own date (the
    event's, the statement's, the time expression's value), else to its document's date;
    ``about`` is an entity id, any spelling the knowledge base knows, or a name;
    ``event_type`` narrows events only; ``document_ids`` takes ids or unique prefixes.
    """

    since: str | None = None
    until: str | None = None
    about: str | None = None
    event_type: str | None = None
    document_ids: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name, value in (("since", self.since), ("until", self.until)):
            if value is not None and not _PARTIAL_DATE.fullmatch(value):
                raise ExportError(f"{name} {value!r} is not a date of the form YYYY[-MM[-DD]]")

    @property
    def dated(self) -> bool:
        return bool(self.since or self.until)


@dataclass(frozen=True)
class Selected:
    """A document and the positions of its records that the selection keeps."""

    document: Document
    kept: dict[str, list[int]] = field(default_factory=dict)

    def records(self, kind: str) -> list[tuple[int, Any]]:
        """``(position, record)`` of the kept records of one kind, in document order."""
        records: list[Any] = getattr(self.document, kind)
        return [(index, records[index]) for index in self.kept.get(kind, [])]

    def count(self) -> int:
        return sum(len(positions) for positions in self.kept.values())


def record_id(document_id: str, kind: str, position: int) -> str:
    """The stable id of a record: its document, its kind and its position there."""
    return f"{document_id}/{kind}/{position}"


def from_store(store: Store, selection: Selection) -> Iterator[Selected]:
    """The selected documents of a store, oldest first, one at a time (memory stays flat)."""
    for document_id in _candidate_ids(store, selection):
        chosen = select_records(store.get(document_id), selection)
        if chosen is not None:
            yield chosen


def from_documents(analysed: Iterable[Document], selection: Selection) -> Iterator[Selected]:
    """The selected parts of documents analysed in memory (never stored)."""
    for document in analysed:
        wanted = selection.document_ids
        if wanted and not any(document.id.startswith(prefix) for prefix in wanted):
            continue
        chosen = select_records(document, selection)
        if chosen is not None:
            yield chosen


def _candidate_ids(store: Store, selection: Selection) -> list[str]:
    """Document ids by publication date, narrowed in SQL by id and by entity id."""
    query = select(documents.c.id).order_by(documents.c.published.nulls_first(), documents.c.id)
    if selection.document_ids:
        ids = [document_id_for(store, wanted) for wanted in selection.document_ids]
        query = query.where(documents.c.id.in_(ids))
    wanted_id = _about(selection.about)[0]
    if wanted_id is not None:
        naming = select(mentions.c.document_id).where(mentions.c.entity_id == wanted_id)
        query = query.where(documents.c.id.in_(naming))
    with reading(store, "cannot list documents to export") as connection:
        return [str(row[0]) for row in connection.execute(query)]


def select_records(document: Document, selection: Selection) -> Selected | None:
    """The records of ``document`` that ``selection`` keeps; None when it keeps neither
    the document (by its date and the entity it names) nor any of its records."""
    about = _named(document, selection.about)
    if selection.about and not about:
        return None
    kept = {kind: _kept(document, kind, selection, about) for kind in KINDS}
    chosen = Selected(document, kept)
    own_date = document.published.isoformat() if document.published else None
    if chosen.count() or _within(own_date, selection):
        return chosen
    return None


def _kept(document: Document, kind: str, selection: Selection, about: set[str] | None) -> list[int]:
    fallback = document.published.isoformat() if document.published else None
    records: Sequence[Record] = getattr(document, kind)
    return [
        index
        for index, record in enumerate(records)
        if _within(record_date(record) or fallback, selection)
        and (about is None or about & named_ids(document, record))
        and _of_type(record, selection.event_type)
    ]


def record_date(record: Record) -> str | None:
    """The record's own date (ISO 8601 prefix), where it has one."""
    value = getattr(record, "date", None) or getattr(record, "value", None)
    if isinstance(value, str) and value[:4].isdigit():
        return value
    return None


def _within(value: str | None, selection: Selection) -> bool:
    if not selection.dated:
        return True
    if value is None:
        return False
    if selection.since and value < selection.since:
        return False
    return not (selection.until and value > selection.until + "\uffff")


def _of_type(record: Record, event_type: str | None) -> bool:
    return not (event_type and isinstance(record, Event) and record.type != event_type.upper())


def named_ids(document: Document, record: Record) -> set[str]:
    """Entity ids a record names: arguments, speakers, assessors, or mentions in its span."""
    if isinstance(record, Entity):
        return {record.id}
    if isinstance(record, Event):
        arguments = [*record.sources, *record.targets, *record.instruments]
        arguments += [record.place_argument] if record.place_argument else []
        return {argument.entity_id for argument in arguments}
    ids = {
        entity.id
        for entity in document.entities
        for mention in entity.mentions
        if record.start <= mention.start and mention.end <= record.end
    }
    if isinstance(record, Claim):
        ids |= {record.speaker_id or "", record.addressee_id or ""} - {""}
    if isinstance(record, Assessment):
        ids |= {*record.entity_ids, *([record.assessor_id] if record.assessor_id else [])}
    return ids


def _about(text: str | None) -> tuple[str | None, str]:
    """``(entity id or None, casefolded text)`` of an ``about`` filter."""
    if not text:
        return None, ""
    if "/" in text:
        return text, text.casefold()
    try:
        return load_kb().resolve(text).id, text.casefold()
    except (KeyError, KBError):
        return None, text.casefold()


def _named(document: Document, about: str | None) -> set[str] | None:
    """The document's entity ids that ``about`` means (None: no entity filter)."""
    if not about:
        return None
    wanted_id, text = _about(about)
    return {
        entity.id
        for entity in document.entities
        if entity.id == wanted_id
        or text in {name.casefold() for name in (entity.name, *entity.aliases)}
    }
