"""Events across the store: merged across documents, filtered by type, actor, place and date.

"Every Russian strike on Kharkiv since March reported by two independent sources" is
``EventFilter(type="ASSAULT", actor="Russia", place="Kharkiv", since="2022-03",
min_sources=2)``.  Actor and place go through the knowledge base where it knows them
(any spelling, any language); unknown words match names as plain text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlparse

from sqlalchemy import ColumnElement, Connection, Label, case, func, select

from lagebild.kb import load_kb
from lagebild.kb.errors import KBError
from lagebild.link.events import merge
from lagebild.records import Event, EventReport, MergedEvent
from lagebild.store.schema import documents, events

#: A credit line naming the report a text copies or translates ("Das vollständige Update
#: gibt es direkt bei UNDERSTANDING WAR", "Source: ISW").
CREDIT = re.compile(
    r"(?:gibt es (?:\w+ ){0,2}bei|Quelle:|Source:|Originally published by|Original:)"
    r"\s*([^\n.]{2,60})",
    re.IGNORECASE,
)


#: How far from a text's end a credit line is looked for.
CREDIT_REACH = 1500


@dataclass(frozen=True)
class EventFilter:
    """Which merged events to list."""

    type: str | None = None
    actor: str | None = None
    place: str | None = None
    since: str | None = None
    until: str | None = None
    min_sources: int = 1
    min_reports: int = 1


def find_events(connection: Connection, wanted: EventFilter, limit: int) -> list[MergedEvent]:
    """Merged events matching ``wanted``, those with the most independent sources first."""
    query = select(events.c.document_id, events.c.data, _sentence()).join(
        documents, documents.c.id == events.c.document_id
    )
    if wanted.type:
        query = query.where(events.c.type == wanted.type.upper())
    if wanted.since:
        query = query.where(events.c.date >= wanted.since)
    if wanted.until:
        query = query.where(events.c.date <= wanted.until + "\uffff")
    rows = connection.execute(query).all()
    info = _documents(connection, {str(row[0]) for row in rows})
    reports = [
        info[str(document_id)].model_copy(update={"event": Event.model_validate(data)})
        for document_id, data, _ in rows
    ]
    sentences = {
        (report.document_id, report.event.start, report.event.end): sentence or ""
        for report, (_, _, sentence) in zip(reports, rows, strict=True)
    }
    actor, place = _entity(wanted.actor), _entity(wanted.place)
    found = [
        merged
        for merged in merge(reports, sentences)
        if merged.independent_sources >= wanted.min_sources
        and len({r.document_id for r in merged.reports}) >= wanted.min_reports
        and _matches(actor, merged.actor_ids, merged.actors)
        and _matches(place, [merged.place_id or ""], [merged.place or ""])
    ]
    found.sort(key=lambda m: (-m.independent_sources, -len(m.reports), m.date or "9999"))
    return found[:limit]


def _sentence() -> Label[str]:
    """The event's evidence sentence, cut from its document's text by the database."""
    length = events.c.end - events.c.start
    return func.substr(documents.c.text, events.c.start + 1, length).label("sentence")


def _documents(connection: Connection, ids: set[str]) -> dict[str, EventReport]:
    """Per document, a report template (id, title, date, origin) awaiting its event."""
    query = select(
        documents.c.id,
        documents.c.title,
        documents.c.published,
        documents.c.author,
        documents.c.url,
        documents.c.source,
        _tail(CREDIT_REACH).label("text"),
    ).where(documents.c.id.in_(sorted(ids)))
    placeholder = Event(start=0, end=0, type="")
    return {
        str(row.id): EventReport(
            document_id=row.id,
            title=row.title,
            published=row.published,
            origin=origin(row.author, row.url, row.source, row.text),
            event=placeholder,
        )
        for row in connection.execute(query)
    }


def _tail(length: int) -> ColumnElement[str]:
    """The last ``length`` characters of a document's text, cut by the database (a
    listing of events must not fetch whole documents to read their credit lines)."""
    text = documents.c.text
    start = func.length(text) - (length - 1)
    return case((func.length(text) > length, func.substr(text, start)), else_=text)


def origin(author: str | None, url: str | None, source: str, text: str) -> str:
    """Who first reported a document's content: the organisation its author line or a
    credit line names (by knowledge-base id), else its web site, else its folder."""
    for name in (author, *CREDIT.findall(text[-CREDIT_REACH:])):
        entity_id = _organisation(name)
        if entity_id:
            return entity_id
    if url:
        return urlparse(url).netloc.removeprefix("www.") or url
    return source.rsplit("/", 1)[0] if "/" in source else source


def _organisation(name: str | None) -> str | None:
    """The knowledge-base organisation a name or one of its words stands for."""
    if not name:
        return None
    for candidate in (name.strip(), *name.split()):
        entity_id = _resolve(candidate)
        if entity_id and entity_id.startswith("org"):
            return entity_id
    return None


def _resolve(text: str) -> str | None:
    try:
        return load_kb().resolve(text).id
    except (KeyError, KBError):
        return None


def _entity(text: str | None) -> tuple[str | None, str]:
    """``(entity id or None, casefolded text)`` of a filter value."""
    if not text:
        return None, ""
    return (text if "/" in text else _resolve(text)), text.casefold()


def _matches(wanted: tuple[str | None, str], ids: list[str], names: list[str]) -> bool:
    entity_id, text = wanted
    if not text:
        return True
    if entity_id is not None and entity_id in ids:
        return True
    return any(text in name.casefold() for name in names)


def rows(found: Iterable[MergedEvent]) -> list[tuple[str, str, str, str, str, str, str]]:
    """Table rows for the terminal: date, type, actors, place, modality, sources, reports."""
    return [
        (
            event.date or "?",
            event.type,
            ", ".join(event.actors[:4]),
            event.place or "",
            event.modality,
            str(event.independent_sources),
            str(len({r.document_id for r in event.reports})),
        )
        for event in found
    ]
