"""The store: documents and their records in any SQLAlchemy database (SQLite by default)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from types import TracebackType
from typing import Any

from pydantic import ValidationError
from sqlalchemy import ColumnElement, Connection, Table, func, select
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from lagebild.errors import StoreError
from lagebild.records import AssessmentThread, Document, MergedEvent, content_hash
from lagebild.store.assessments import ThreadFilter, find_threads
from lagebild.store.claims import ClaimFilter, ClaimHit, find_claims
from lagebild.store.engine import open_engine, reason, redact, resolve_url, writer
from lagebild.store.events import EventFilter, find_events
from lagebild.store.migrate import current_revision, migrate
from lagebild.store.query import parse_query
from lagebild.store.rows import document_row, read_document, record_rows
from lagebild.store.schema import RECORD_TABLE_LIST, documents, entities, mentions
from lagebild.store.search import SearchHit, backend_for, best_hits, with_snippets
from lagebild.store.watched import WatchedFolder

MIN_PREFIX = 6
ALREADY_STORED = "already stored"
_HEX = re.compile(r"[0-9a-fA-F]+")


@dataclass(frozen=True)
class AddResult:
    """What ``Store.add`` did with a document: ``stored``, or not and why."""

    document_id: str
    stored: bool
    reason: str


@dataclass(frozen=True)
class DocumentSummary:
    """One line of ``Store.documents``."""

    document_id: str
    title: str | None
    source: str
    language: str | None
    published: date | None
    ingested_at: datetime


@dataclass(frozen=True)
class EntitySummary:
    """One entity across the store: how many documents and mentions name it."""

    entity_id: str
    name: str
    type: str
    documents: int
    mentions: int


@dataclass(frozen=True)
class StoreStats:
    """What the store holds."""

    url: str
    schema_revision: str
    documents: int
    languages: dict[str, int] = field(default_factory=dict)
    months: dict[str, int] = field(default_factory=dict)
    undated: int = 0
    records: dict[str, int] = field(default_factory=dict)
    first_published: date | None = None
    last_published: date | None = None


class Store:
    """Documents and records; opening migrates the schema to the newest revision."""

    def __init__(self, url: str | None = None) -> None:
        self.url = resolve_url(url)
        self.engine = open_engine(self.url)
        try:
            self.revision = migrate(self.engine)
        except StoreError:
            self.engine.dispose()
            raise
        except SQLAlchemyError as error:
            self.engine.dispose()
            raise StoreError(
                f"cannot open the store at {redact(self.url)}: {reason(error)}"
            ) from error
        self._writer = writer(self.engine)
        self._search = backend_for(self.engine.dialect.name)

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """Release every connection (an in-memory store is gone afterwards)."""
        self.engine.dispose()

    def schema_version(self) -> str:
        """The schema revision the database is at (the head revision once opened)."""
        with self._reading("cannot read the schema version"):
            return current_revision(self.engine) or "none"

    def contains(self, document_id: str) -> bool:
        """Whether a document with exactly this id is stored."""
        with self._reading("cannot look up a document") as connection:
            return _exists(connection, document_id)

    def add(self, document: Document) -> AddResult:
        """Store a document and all its records in one transaction, once per content hash.

        The caller's document is left as it is; an empty id becomes the content hash.
        """
        document_id = document.id or content_hash(document.raw_text)
        if not document.id:
            document = document.model_copy(update={"id": document_id})
        try:
            with self._writer.begin() as connection:
                if _exists(connection, document_id):
                    return AddResult(document_id, False, ALREADY_STORED)
                _write(connection, document)
        except IntegrityError as error:
            # Another writer stored it between our check and our insert (PostgreSQL).
            if self.contains(document_id):
                return AddResult(document_id, False, ALREADY_STORED)
            raise StoreError(f"cannot store {document.source}: {reason(error)}") from error
        except SQLAlchemyError as error:
            raise StoreError(f"cannot store {document.source}: {reason(error)}") from error
        return AddResult(document_id, True, "stored")

    def get(self, document_id: str) -> Document:
        """A stored document by id or by a unique prefix of at least six characters."""
        with self._reading("cannot read a document") as connection:
            full_id = _full_id(connection, document_id)
            row = connection.execute(select(documents).where(documents.c.id == full_id)).one()
            try:
                return read_document(connection, row._mapping)
            except ValidationError as error:
                raise StoreError(
                    f"document {full_id} does not fit this lagebild's record model: "
                    f"{error.errors()[0]['msg']}"
                ) from error

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Documents matching every term of ``query``, best first."""
        terms = parse_query(query)
        with self._reading("cannot search") as connection:
            return best_hits(self._search, connection, terms, max(1, limit))

    def rank(self, query: str, limit: int = 20) -> list[SearchHit]:
        """``search`` without snippets (fill those of the hits shown with ``with_snippets``)."""
        terms = parse_query(query)
        with self._reading("cannot search") as connection:
            return self._search.rank(connection, terms, max(1, limit))

    def with_snippets(self, query: str, hits: list[SearchHit]) -> list[SearchHit]:
        """``hits`` of ``query`` with their snippets."""
        terms = parse_query(query)
        with self._reading("cannot cut search snippets") as connection:
            return with_snippets(self._search, connection, terms, hits)

    def documents(self, limit: int = 50, offset: int = 0) -> list[DocumentSummary]:
        """Stored documents, newest publication first, undated last."""
        query = (
            select(documents.c.id, documents.c.title, documents.c.source, documents.c.language)
            .add_columns(documents.c.published, documents.c.ingested_at)
            .order_by(documents.c.published.desc().nulls_last(), documents.c.id)
            .limit(max(0, limit))
            .offset(max(0, offset))
        )
        with self._reading("cannot list documents") as connection:
            return [DocumentSummary(*row) for row in connection.execute(query)]

    def stats(self) -> StoreStats:
        """Counts by language and month, record counts, date range, schema revision."""
        with self._reading("cannot count the store") as connection:
            days = _count_by(connection, documents.c.published)
            languages = _count_by(connection, documents.c.language)
            records = {t.name: _count(connection, t) for t in RECORD_TABLE_LIST}
        dated = sorted(day for day in days if day is not None)
        months: Counter[str] = Counter()
        for day in dated:
            months[day.isoformat()[:7]] += days[day]
        return StoreStats(
            url=redact(self.url),
            schema_revision=self.revision,
            documents=sum(languages.values()),
            languages={str(k or "unknown"): v for k, v in languages.most_common()},
            months=dict(months),
            undated=days.get(None, 0),
            records=records,
            first_published=dated[0] if dated else None,
            last_published=dated[-1] if dated else None,
        )

    def entity_summary(
        self, unknown_only: bool = False, type: str | None = None, limit: int = 100
    ) -> list[EntitySummary]:
        """Entities across documents, most documents first; ``unknown_only``: not in the KB."""
        query = select(
            entities.c.entity_id,
            func.max(entities.c.name),
            func.max(entities.c.type),
            func.count(func.distinct(entities.c.document_id)),
        ).group_by(entities.c.entity_id)
        if unknown_only:
            query = query.where(entities.c.entity_id.like("unk/%"))
        if type:
            query = query.where(entities.c.type == type.upper())
        query = query.order_by(func.count(func.distinct(entities.c.document_id)).desc()).limit(
            limit
        )
        with self._reading("cannot list entities") as connection:
            rows = connection.execute(query).all()
            counts = _mention_counts(connection, [row[0] for row in rows])
        return [
            EntitySummary(row[0], row[1], row[2], row[3], counts.get(row[0], 0)) for row in rows
        ]

    def claims(self, wanted: ClaimFilter, limit: int = 100, offset: int = 0) -> list[ClaimHit]:
        """Claims across documents by speaker, topic, date and stance (see store/claims.py),
        newest first: ``limit`` of them from ``offset``."""
        with self._reading("cannot list claims") as connection:
            return find_claims(connection, wanted, limit, offset)

    def events(self, wanted: EventFilter, limit: int = 100) -> list[MergedEvent]:
        """Events merged across documents, by type, actor, place and date (store/events.py)."""
        with self._reading("cannot list events") as connection:
            return find_events(connection, wanted, limit)

    def assessments(self, wanted: ThreadFilter, limit: int = 100) -> list[AssessmentThread]:
        """Assessment threads: one assessor, one proposition, across reports (see
        store/assessments.py); most reports first."""
        with self._reading("cannot list assessment threads") as connection:
            return find_threads(connection, wanted, limit)

    def watched(self, folder: str) -> WatchedFolder:
        """What ``lagebild watch`` has seen of the files below ``folder`` (its resolved path)."""
        return WatchedFolder(self.engine, folder)

    def reindex(self) -> None:
        """Rebuild the full-text index (after restoring a SQLite dump, say)."""
        try:
            with self._writer.begin() as connection:
                self._search.rebuild(connection)
        except SQLAlchemyError as error:
            raise StoreError(f"cannot rebuild the search index: {reason(error)}") from error

    @contextmanager
    def _reading(self, action: str) -> Iterator[Connection]:
        """A connection whose database errors become StoreErrors saying what failed."""
        try:
            with self.engine.connect() as connection:
                yield connection
        except SQLAlchemyError as error:
            raise StoreError(f"{action} in {redact(self.url)}: {reason(error)}") from error


def _mention_counts(connection: Connection, entity_ids: list[str]) -> dict[str, int]:
    if not entity_ids:
        return {}
    query = (
        select(mentions.c.entity_id, func.count())
        .where(mentions.c.entity_id.in_(entity_ids))
        .group_by(mentions.c.entity_id)
    )
    return {str(row[0]): int(row[1]) for row in connection.execute(query)}


def _write(connection: Connection, document: Document) -> None:
    data = document.model_dump(mode="json")
    connection.execute(documents.insert(), document_row(document, data))
    for table, rows in record_rows(document.id, data).items():
        _insert_rows(connection, table, rows)


def _insert_rows(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    connection.execute(table.insert(), rows)  # one executemany per table, not a row at a time


def _exists(connection: Connection, document_id: str) -> bool:
    query = select(documents.c.id).where(documents.c.id == document_id)
    return connection.execute(query).first() is not None


def _full_id(connection: Connection, wanted: str) -> str:
    """The id a user means: the exact id, or the one id starting with a long enough prefix."""
    wanted = wanted.strip()
    if _exists(connection, wanted):
        return wanted
    if len(wanted) < MIN_PREFIX:
        raise StoreError(
            f"document id {wanted!r} is too short: give at least {MIN_PREFIX} characters"
        )
    # Content hashes are lower-case hex; a prefix copied in capitals still finds its document.
    prefix = wanted.lower() if _HEX.fullmatch(wanted) else wanted
    query = select(documents.c.id).where(documents.c.id.startswith(prefix, autoescape=True))
    found = connection.execute(query.limit(2)).scalars().all()
    if not found:
        raise StoreError(f"no stored document has the id {wanted!r}")
    if len(found) > 1:
        raise StoreError(f"the id prefix {wanted!r} is ambiguous; give more characters")
    return str(found[0])


def _count_by(connection: Connection, column: ColumnElement[Any]) -> Counter[Any]:
    rows = connection.execute(select(column, func.count()).group_by(column))
    return Counter({value: count for value, count in rows})


def _count(connection: Connection, table: Table) -> int:
    return int(connection.execute(select(func.count()).select_from(table)).scalar_one())
