"""Events and claims over time: dated items in a date range, for the timeline.

An item is one stored event or claim with a date (ISO 8601, a month or finer), its
document and offsets.  Filters: the date range (YYYY[-MM[-DD]]), the event type, and an
entity (a participant, place or instrument of an event; the speaker or addressee of a
claim).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Table, func, select

from lagebild.store.browse import reading
from lagebild.store.schema import claims, documents, event_entity_ids, events
from lagebild.store.store import Store

KINDS = ("event", "claim")
MONTH_OR_FINER = re.compile(r"\d{4}-(0[1-9]|1[0-2])(-\d{2})?(T|$)")


@dataclass(frozen=True)
class TimelineQuery:
    """Which items: a date range, kinds, an event type, an entity id."""

    since: str | None = None
    until: str | None = None
    kinds: tuple[str, ...] = KINDS
    event_type: str | None = None
    entity_id: str | None = None


@dataclass(frozen=True)
class TimelineItem:
    """One dated event or claim with its evidence."""

    kind: str
    date: str
    label: str
    text: str
    modality: str
    document_id: str
    title: str | None
    published: dt.date | None
    start: int
    end: int


def timeline(store: Store, wanted: TimelineQuery, limit: int) -> list[TimelineItem]:
    """Dated items matching ``wanted``, oldest first, at most ``limit`` per kind."""
    found: list[TimelineItem] = []
    with reading(store, "cannot read the timeline") as connection:
        if "event" in wanted.kinds:
            found += _items(connection, events, wanted, limit)
        if "claim" in wanted.kinds and not wanted.event_type:
            found += _items(connection, claims, wanted, limit)
    return sorted(found, key=lambda item: (item.date, item.kind, item.document_id, item.start))


def _items(
    connection: Connection, table: Table, wanted: TimelineQuery, limit: int
) -> list[TimelineItem]:
    query = (
        select(table.c.document_id, table.c.data, documents.c.title, documents.c.published)
        .join(documents, documents.c.id == table.c.document_id)
        # ISO dates of a month or finer ("2022-03", "2022-03-14T06:00"), not "XXXX-12",
        # "FUTURE_REF" or a bare year
        .where(table.c.date >= "0000-01", table.c.date < ":", func.length(table.c.date) >= 7)
    )
    if wanted.since:
        query = query.where(table.c.date >= wanted.since)
    if wanted.until:
        query = query.where(table.c.date <= wanted.until + "\uffff")
    if wanted.event_type and table is events:
        query = query.where(events.c.type == wanted.event_type.upper())
    query = query.order_by(table.c.date, table.c.document_id, table.c.seq)
    make = _event_item if table is events else _claim_item
    found: list[TimelineItem] = []
    for document_id, data, title, published in connection.execute(query):
        if not MONTH_OR_FINER.match(str(data["date"])):
            continue  # a season, a week, a quarter: not placed on a calendar axis
        if wanted.entity_id and wanted.entity_id not in _entities(data):
            continue
        found.append(make(data, document_id, title, published))
        if len(found) >= limit:
            break
    return found


def _entities(data: dict[str, Any]) -> set[str]:
    speakers = {data.get("speaker_id") or "", data.get("addressee_id") or ""}
    return event_entity_ids(data) | speakers


def _event_item(
    data: dict[str, Any], document_id: str, title: str | None, published: dt.date | None
) -> TimelineItem:
    actors = ", ".join(data.get("actors", [])[:3])
    return TimelineItem(
        kind="event",
        date=str(data["date"]),
        label=str(data["type"]),
        text=f"{actors}: {data.get('trigger', '')}" if actors else str(data.get("trigger", "")),
        modality=str(data.get("modality", "")),
        document_id=document_id,
        title=title,
        published=published,
        start=int(data["start"]),
        end=int(data["end"]),
    )


def _claim_item(
    data: dict[str, Any], document_id: str, title: str | None, published: dt.date | None
) -> TimelineItem:
    return TimelineItem(
        kind="claim",
        date=str(data["date"]),
        label=str(data.get("speaker") or "unknown speaker"),
        text=str(data.get("content", "")),
        modality=str(data.get("stance", "")),
        document_id=document_id,
        title=title,
        published=published,
        start=int(data["start"]),
        end=int(data["end"]),
    )
