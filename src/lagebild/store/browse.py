"""Read-only queries for browsing the store (``lagebild serve``): pages of documents,
an entity's profile, time expressions, evidence sentences, facets of a hit list.

Every function takes an open ``Store`` and turns database errors into ``StoreError``s
that say what failed; "no such entity" is a ``NotFoundError`` with the id asked for.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Date,
    Executable,
    Integer,
    Select,
    TextClause,
    and_,
    func,
    select,
    text,
)
from sqlalchemy.exc import SQLAlchemyError

from lagebild.errors import StoreError
from lagebild.records import Event, Geo, TimeExpression
from lagebild.store.engine import reason, redact
from lagebild.store.schema import (
    LOCATED,
    documents,
    entities,
    event_entities,
    events,
    mentions,
    times,
)
from lagebild.store.store import MIN_PREFIX, DocumentSummary, Store

#: A document id is a sha256 in hex.
ID_LENGTH = 64
_HEX = re.compile(r"[0-9a-fA-F]+")


class NotFoundError(StoreError):
    """The store holds nothing under the id asked for."""


@dataclass(frozen=True)
class DocumentQuery:
    """Which documents to list: language, a source substring, a publication date range."""

    language: str | None = None
    source: str | None = None
    since: str | None = None
    until: str | None = None


@dataclass(frozen=True)
class DocumentCount:
    """A document and how often something occurs in it."""

    document_id: str
    title: str | None
    published: date | None
    count: int


@dataclass(frozen=True)
class EntityProfile:
    """One entity across the store: names, place, and where and when it is mentioned."""

    entity_id: str
    name: str
    type: str
    aliases: list[str]
    geo: Geo | None
    documents: int
    mentions: int
    by_date: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class EventHit:
    """A stored event (one trigger in one document) with its document."""

    document_id: str
    title: str | None
    published: date | None
    event: Event


@dataclass(frozen=True)
class TimeHit:
    """A stored time expression with its document."""

    document_id: str
    title: str | None
    published: date | None
    time: TimeExpression


@contextmanager
def reading(store: Store, action: str) -> Iterator[Connection]:
    """A connection whose database errors become StoreErrors saying what failed."""
    try:
        with store.engine.connect() as connection:
            yield connection
    except SQLAlchemyError as error:
        raise StoreError(f"{action} in {redact(store.url)}: {reason(error)}") from error


def list_documents(
    store: Store, wanted: DocumentQuery, limit: int, offset: int
) -> tuple[list[DocumentSummary], int]:
    """A page of documents matching ``wanted``, newest first, and how many match in all."""
    columns = (documents.c.id, documents.c.title, documents.c.source, documents.c.language)
    query = _document_filter(
        select(*columns, documents.c.published, documents.c.ingested_at), wanted
    )
    query = query.order_by(documents.c.published.desc().nulls_last(), documents.c.id)
    counting = _document_filter(select(func.count()).select_from(documents), wanted)
    with reading(store, "cannot list documents") as connection:
        rows = connection.execute(query.limit(limit).offset(offset)).all()
        total = int(connection.execute(counting).scalar_one())
    return [_summary(row) for row in rows], total


def summaries(store: Store, document_ids: list[str]) -> list[DocumentSummary]:
    """The summaries of the given documents (unknown ids left out)."""
    columns = (documents.c.id, documents.c.title, documents.c.source, documents.c.language)
    query = select(*columns, documents.c.published, documents.c.ingested_at).where(
        documents.c.id.in_(document_ids)
    )
    with reading(store, "cannot read documents") as connection:
        return [_summary(row) for row in connection.execute(query)]


def document_id_for(store: Store, wanted: str) -> str:
    """The full id of the one document whose id is ``wanted`` or starts with it (at least
    ``MIN_PREFIX`` characters); NotFoundError says why there is none."""
    if len(wanted) < MIN_PREFIX or len(wanted) > ID_LENGTH:
        raise NotFoundError(
            f"no stored document has the id {wanted[:ID_LENGTH]!r}: give the id, or a unique "
            f"prefix of at least {MIN_PREFIX} characters"
        )
    prefix = wanted.lower() if _HEX.fullmatch(wanted) else wanted
    query = select(documents.c.id).where(documents.c.id.startswith(prefix, autoescape=True))
    with reading(store, "cannot look up a document") as connection:
        found = [str(row[0]) for row in connection.execute(query.limit(2))]
    if wanted in found or prefix in found:
        return prefix
    if not found:
        raise NotFoundError(f"no stored document has the id {wanted!r}")
    if len(found) > 1:
        raise NotFoundError(f"the id prefix {wanted!r} is ambiguous; give more characters")
    return found[0]


def _summary(row: Any) -> DocumentSummary:
    """A summary row; SQLite hands back ingest times without their zone, which is UTC."""
    summary = DocumentSummary(*row)
    if summary.ingested_at.tzinfo is None:
        return replace(summary, ingested_at=summary.ingested_at.replace(tzinfo=UTC))
    return summary


def _document_filter(query: Select[Any], wanted: DocumentQuery) -> Select[Any]:
    if wanted.language:
        query = query.where(documents.c.language == wanted.language)
    if wanted.source:
        query = query.where(documents.c.source.icontains(wanted.source, autoescape=True))
    if wanted.since:
        query = query.where(documents.c.published >= _first_day(wanted.since))
    if wanted.until:
        query = query.where(documents.c.published <= _last_day(wanted.until))
    return query


def _first_day(value: str) -> date:
    """The first day of YYYY, YYYY-MM or YYYY-MM-DD."""
    parts = [int(part) for part in value.split("-")]
    return date(parts[0], *([*parts[1:], 1, 1])[:2])


def _last_day(value: str) -> date:
    """The last day of YYYY, YYYY-MM or YYYY-MM-DD."""
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 3:
        return date(*parts)
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    following = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def entity_profile(store: Store, entity_id: str) -> EntityProfile:
    """Names, aliases, coordinates and mention counts by date of one entity, counted in SQL."""
    with reading(store, "cannot read an entity") as connection:
        first = _of_entity(select(entities.c.type), entity_id).order_by(entities.c.pk)
        kind = connection.execute(first.limit(1)).scalar()
        if kind is None:
            raise NotFoundError(f"no stored document mentions an entity with the id {entity_id!r}")
        by_date = _mentions_by_date(connection, entity_id)
        return EntityProfile(
            entity_id=entity_id,
            name=_usual_name(connection, entity_id),
            type=str(kind),
            aliases=_aliases(connection, entity_id),
            geo=_geo(connection, entity_id),
            documents=int(connection.execute(_of_entity(_DOCUMENT_COUNT, entity_id)).scalar_one()),
            mentions=sum(by_date.values()),
            by_date=by_date,
        )


_DOCUMENT_COUNT = select(func.count(func.distinct(entities.c.document_id)))


def _of_entity(query: Select[Any], entity_id: str) -> Select[Any]:
    """``query`` over the entity's rows."""
    return query.where(entities.c.entity_id == entity_id)


def _usual_name(connection: Connection, entity_id: str) -> str:
    """The name the entity's rows give most often (the first given among equals)."""
    count, first = func.count(), func.min(entities.c.pk)
    query = _of_entity(select(entities.c.name), entity_id).group_by(entities.c.name)
    return str(connection.execute(query.order_by(count.desc(), first).limit(1)).scalar_one())


def _aliases(connection: Connection, entity_id: str) -> list[str]:
    """Every alias any of the entity's rows gives, sorted."""
    query = _of_entity(select(entities.c.data["aliases"].as_json()).distinct(), entity_id)
    return sorted({alias for (found,) in connection.execute(query) for alias in found or []})


def _geo(connection: Connection, entity_id: str) -> Geo | None:
    """The coordinates of the first of the entity's rows that has any."""
    query = _of_entity(select(entities.c.data), entity_id).where(_located(connection))
    found = connection.execute(query.order_by(entities.c.pk).limit(1)).scalar()
    return Geo.model_validate(found["geo"]) if found else None


def _located(connection: Connection) -> ColumnElement[bool] | TextClause:
    """Entity rows with coordinates, in the words of the partial index over them (a
    portable spelling elsewhere): an entity without any, like every person, is then
    answered from the index instead of by parsing the JSON of each of its rows."""
    spelled = LOCATED.get(connection.dialect.name)
    if spelled is None:
        portable: ColumnElement[bool] = entities.c.data["geo"].as_string().is_not(None)
        return portable
    return text(spelled)


def _mentions_by_date(connection: Connection, entity_id: str) -> dict[str, int]:
    """Mentions of the entity per publication day of their document ("undated" last)."""
    query: Executable = (
        select(documents.c.published, func.count())
        .join(mentions, mentions.c.document_id == documents.c.id)
        .where(mentions.c.entity_id == entity_id)
        .group_by(documents.c.published)
    )
    if connection.dialect.name == "sqlite":
        query = SQLITE_MENTIONS_BY_DATE.bindparams(entity_id=entity_id)
    by_date: Counter[str] = Counter()
    for published, count in connection.execute(query):
        by_date[published.isoformat() if published else "undated"] += int(count)
    return dict(sorted(by_date.items()))


#: The same on SQLite, told to read dates from the index that covers them (migration
#: 0004): without statistics (no ANALYZE) SQLite prefers the primary key and reads each
#: document's row, five times slower (16 ms → 3 ms for an entity in 2,500 documents).
SQLITE_MENTIONS_BY_DATE = text(
    """SELECT d.published, count(*) FROM mentions AS m
    JOIN documents AS d INDEXED BY ix_documents_id_published_language ON d.id = m.document_id
    WHERE m.entity_id = :entity_id GROUP BY d.published"""
).columns(published=Date(), count=Integer())


def entity_documents(store: Store, entity_id: str, limit: int, offset: int) -> list[DocumentCount]:
    """The documents mentioning the entity, most mentions first (then by id): a page."""
    counted = (
        select(mentions.c.document_id, func.count().label("count"))
        .where(mentions.c.entity_id == entity_id)
        .group_by(mentions.c.document_id)
        .order_by(func.count().desc(), mentions.c.document_id)
        .limit(limit)
        .offset(offset)
        .subquery()
    )
    query = (
        select(documents.c.id, documents.c.title, documents.c.published, counted.c.count)
        .join(counted, counted.c.document_id == documents.c.id)
        .order_by(counted.c.count.desc(), documents.c.id)
    )
    with reading(store, "cannot list an entity's documents") as connection:
        return [DocumentCount(*row) for row in connection.execute(query)]


def entity_events(store: Store, entity_id: str, limit: int, offset: int = 0) -> list[EventHit]:
    """Events (per document, not merged) with the entity among participants, place or
    instruments, in documents that mention it; newest first, ``limit`` from ``offset``."""
    linked = and_(
        event_entities.c.document_id == events.c.document_id,
        event_entities.c.event_seq == events.c.seq,
    )
    mentioning = (
        select(mentions.c.pk)
        .where(mentions.c.document_id == events.c.document_id, mentions.c.entity_id == entity_id)
        .exists()
    )
    query = (
        select(events.c.document_id, events.c.data, documents.c.title, documents.c.published)
        .join(event_entities, linked)
        .join(documents, documents.c.id == events.c.document_id)
        .where(event_entities.c.entity_id == entity_id, mentioning)
        .order_by(events.c.date.desc().nulls_last(), events.c.document_id, events.c.seq)
    )
    with reading(store, "cannot list an entity's events") as connection:
        rows = connection.execute(query.limit(limit).offset(offset)).all()
    return [
        EventHit(document_id, title, published, Event.model_validate(data))
        for document_id, data, title, published in rows
    ]


def list_times(
    store: Store, since: str | None, until: str | None, limit: int, offset: int
) -> list[TimeHit]:
    """Resolved time expressions whose value lies in the range, in value order."""
    query = (
        select(times.c.document_id, times.c.data, documents.c.title, documents.c.published)
        .join(documents, documents.c.id == times.c.document_id)
        .where(times.c.value.is_not(None))
    )
    if since:
        query = query.where(times.c.value >= since)
    if until:
        query = query.where(times.c.value <= until + "\uffff")
    query = query.order_by(times.c.value, times.c.document_id, times.c.seq)
    with reading(store, "cannot list time expressions") as connection:
        rows = connection.execute(query.limit(limit).offset(offset)).all()
    return [
        TimeHit(doc, title, published, TimeExpression.model_validate(data))
        for doc, data, title, published in rows
    ]


def passages(store: Store, spans: Iterable[tuple[str, int, int]]) -> dict[tuple[str, int], str]:
    """The text of each ``(document_id, start, end)`` span, keyed by (document, start)."""
    wanted = list(spans)
    ids = sorted({document_id for document_id, _, _ in wanted})
    query = select(documents.c.id, documents.c.text).where(documents.c.id.in_(ids))
    with reading(store, "cannot read passages") as connection:
        texts = {row.id: row.text for row in connection.execute(query)}
    return {
        (document_id, start): texts.get(document_id, "")[start:end]
        for document_id, start, end in wanted
    }


def facets(store: Store, document_ids: list[str], top: int = 15) -> dict[str, dict[str, int]]:
    """Counts over a list of documents: language, month, and the entities most named."""
    info = select(documents.c.id, documents.c.language, documents.c.published).where(
        documents.c.id.in_(document_ids)
    )
    named = (
        select(entities.c.entity_id, func.count(func.distinct(entities.c.document_id)))
        .where(entities.c.document_id.in_(document_ids))
        .group_by(entities.c.entity_id)
        .order_by(func.count(func.distinct(entities.c.document_id)).desc(), entities.c.entity_id)
        .limit(top)
    )
    with reading(store, "cannot count facets") as connection:
        rows = connection.execute(info).all()
        entity_counts = {str(row[0]): int(row[1]) for row in connection.execute(named)}
    languages = Counter(row.language or "unknown" for row in rows)
    months = Counter(row.published.isoformat()[:7] if row.published else "undated" for row in rows)
    return {
        "language": dict(languages.most_common()),
        "month": dict(sorted(months.items())),
        "entity": entity_counts,
    }


def documents_with_entity(store: Store, entity_id: str, document_ids: list[str]) -> set[str]:
    """Which of ``document_ids`` mention the entity."""
    query = select(mentions.c.document_id).where(
        mentions.c.entity_id == entity_id, mentions.c.document_id.in_(document_ids)
    )
    with reading(store, "cannot filter documents by entity") as connection:
        return {str(row[0]) for row in connection.execute(query.distinct())}
