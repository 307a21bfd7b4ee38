"""The store: documents and their records in any SQLAlchemy database (SQLite by default)."""

from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, select
from sqlalchemy.exc import SQLAlchemyError

from lagebild.errors import StoreError
from lagebild.records import Document
from lagebild.store.migrate import migrate
from lagebild.store.schema import RECORD_TABLES, documents
from lagebild.store.search import SearchHit, backend_for, parse_query

DB_ENV = "LAGEBILD_DB"
DEFAULT_URL = "sqlite:///lagebild.db"
MIN_PREFIX = 6
DOCUMENT_COLUMNS = (
    "id",
    "source",
    "title",
    "author",
    "url",
    "language",
    "published",
    "text",
    "raw_text",
    "removed",
    "offsets",
    "sentences",
    "metadata",
    "stages",
)


@dataclass(frozen=True)
class AddResult:
    """What ``Store.add`` did with a document."""

    document_id: str
    stored: bool
    reason: str


@dataclass(frozen=True)
class DocumentSummary:
    document_id: str
    title: str | None
    source: str
    language: str | None
    published: str | None


@dataclass(frozen=True)
class StoreStats:
    """What the store holds."""

    url: str
    schema_revision: str
    documents: int
    languages: dict[str, int] = field(default_factory=dict)
    months: dict[str, int] = field(default_factory=dict)
    records: dict[str, int] = field(default_factory=dict)
    first_published: str | None = None
    last_published: str | None = None


def resolve_url(url: str | None = None) -> str:
    """The database URL: the argument, else ``$LAGEBILD_DB``, else ``./lagebild.db``.

    A plain path is taken as a SQLite file.
    """
    chosen = url or os.environ.get(DB_ENV) or DEFAULT_URL
    return chosen if "://" in chosen else f"sqlite:///{Path(chosen)}"


class Store:
    """Documents and records; opening migrates the schema to the newest revision."""

    def __init__(self, url: str | None = None) -> None:
        self.url = resolve_url(url)
        _check_sqlite_folder(self.url)
        self.engine = _engine(self.url)
        try:
            self.revision = migrate(self.engine)
        except SQLAlchemyError as error:
            self.engine.dispose()
            raise StoreError(f"cannot open the store at {self.url}: {_reason(error)}") from error
        self._search = backend_for(self.engine.dialect.name)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    def contains(self, document_id: str) -> bool:
        with self._connect() as connection:
            found = connection.execute(select(documents.c.id).where(documents.c.id == document_id))
            return found.first() is not None

    def add(self, document: Document) -> AddResult:
        """Store a document and all its records in one transaction, once per content hash."""
        document.finalise_id()
        try:
            with self.engine.begin() as connection:
                if _exists(connection, document.id):
                    return AddResult(document.id, False, "already stored")
                _insert(connection, document)
        except SQLAlchemyError as error:
            raise StoreError(f"cannot store {document.source}: {_reason(error)}") from error
        return AddResult(document.id, True, "stored")

    def get(self, document_id: str) -> Document:
        """A stored document by id or by a unique prefix of at least six characters."""
        with self._connect() as connection:
            row = connection.execute(
                select(documents).where(documents.c.id == _full_id(connection, document_id))
            ).one()
            return _document(connection, row._mapping)

    def search(self, query: str, limit: int = 20) -> list[SearchHit]:
        """Documents matching every term of ``query``, best first."""
        terms = parse_query(query)
        with self._connect() as connection:
            return self._search.search(connection, terms, max(1, limit))

    def documents(self, limit: int = 50, offset: int = 0) -> list[DocumentSummary]:
        query = (
            select(
                documents.c.id,
                documents.c.title,
                documents.c.source,
                documents.c.language,
                documents.c.published,
            )
            .order_by(documents.c.published.desc(), documents.c.id)
            .limit(limit)
            .offset(offset)
        )
        with self._connect() as connection:
            return [
                DocumentSummary(r.id, r.title, r.source, r.language, _iso(r.published))
                for r in connection.execute(query)
            ]

    def stats(self) -> StoreStats:
        with self._connect() as connection:
            rows = connection.execute(select(documents.c.language, documents.c.published)).all()
            records = {
                name: connection.execute(select(func.count()).select_from(table)).scalar_one()
                for name, (table, _) in RECORD_TABLES.items()
            }
        dates = sorted(_iso(r.published) for r in rows if r.published)
        return StoreStats(
            url=_redact(self.url),
            schema_revision=self.revision,
            documents=len(rows),
            languages=dict(Counter(r.language or "unknown" for r in rows).most_common()),
            months=dict(sorted(Counter(d[:7] for d in dates).items())),
            records=records,
            first_published=dates[0] if dates else None,
            last_published=dates[-1] if dates else None,
        )

    def _connect(self) -> _Connection:
        return _Connection(self)


class _Connection:
    """A connection whose database errors become StoreErrors with a readable reason."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.connection: Connection | None = None

    def __enter__(self) -> Connection:
        try:
            self.connection = self.store.engine.connect()
        except SQLAlchemyError as error:
            raise StoreError(f"cannot open {self.store.url}: {_reason(error)}") from error
        return self.connection

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, _: Any
    ) -> None:
        if self.connection is not None:
            self.connection.close()
        if isinstance(error, SQLAlchemyError):
            raise StoreError(f"database error: {_reason(error)}") from error


def _check_sqlite_folder(url: str) -> None:
    """A SQLite file in a folder that does not exist gets a message naming the folder."""
    if not url.startswith("sqlite:///") or url in ("sqlite://", "sqlite:///:memory:"):
        return
    folder = Path(url.removeprefix("sqlite:///").split("?")[0]).parent
    if not folder.is_dir():
        raise StoreError(f"cannot create the store: the folder {folder} does not exist")


def _engine(url: str) -> Engine:
    try:
        engine = create_engine(url)
    except (SQLAlchemyError, ValueError, ImportError) as error:
        raise StoreError(f"cannot use the database URL {_redact(url)}: {error}") from error
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(connection: Any, _record: Any) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def _exists(connection: Connection, document_id: str) -> bool:
    return (
        connection.execute(select(documents.c.id).where(documents.c.id == document_id)).first()
        is not None
    )


def _insert(connection: Connection, document: Document) -> None:
    data = document.model_dump(mode="json")
    row = {name: data[name] for name in DOCUMENT_COLUMNS}
    row["published"] = document.published
    row["ingested_at"] = datetime.now(UTC)
    connection.execute(documents.insert(), row)
    for name, (table, columns) in RECORD_TABLES.items():
        rows = [_record_row(document.id, record, columns) for record in data[name]]
        if rows:
            connection.execute(table.insert(), rows)


def _record_row(
    document_id: str, record: dict[str, Any], columns: tuple[str, ...]
) -> dict[str, Any]:
    start, end = _extent(record)
    row: dict[str, Any] = {"document_id": document_id, "start": start, "end": end, "data": record}
    for column in columns:
        target, _, source = column.partition(":")
        value = record.get(source or target)
        row[target] = value if value is None or isinstance(value, str | int) else str(value)
    return row


def _extent(record: dict[str, Any]) -> tuple[int, int]:
    """A record's offsets; an entity spans its mentions."""
    if "start" in record:
        return int(record["start"]), int(record["end"])
    mentions = record.get("mentions") or [{"start": 0, "end": 0}]
    return min(m["start"] for m in mentions), max(m["end"] for m in mentions)


def _full_id(connection: Connection, document_id: str) -> str:
    wanted = document_id.strip().lower()
    if len(wanted) < MIN_PREFIX:
        raise StoreError(
            f"document id {document_id!r} is too short: give at least {MIN_PREFIX} characters"
        )
    pattern = wanted.replace("%", "").replace("_", "") + "%"
    found = (
        connection.execute(select(documents.c.id).where(documents.c.id.like(pattern)).limit(2))
        .scalars()
        .all()
    )
    if not found:
        raise StoreError(f"no stored document has the id {document_id!r}")
    if len(found) > 1:
        raise StoreError(f"the id prefix {document_id!r} is ambiguous; give more characters")
    return str(found[0])


def _document(connection: Connection, row: Any) -> Document:
    data = {name: row[name] for name in DOCUMENT_COLUMNS}
    for name, (table, _) in RECORD_TABLES.items():
        query = select(table.c.data).where(table.c.document_id == row["id"]).order_by(table.c.pk)
        data[name] = list(connection.execute(query).scalars())
    return Document.model_validate(data)


def _iso(value: object) -> str:
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _redact(url: str) -> str:
    """The URL without its password, for messages and statistics."""
    return re.sub(r"://([^:/@]+):[^@/]*@", r"://\1:***@", url)


def _reason(error: BaseException) -> str:
    original = getattr(error, "orig", None)
    return str(original or error).splitlines()[0]
