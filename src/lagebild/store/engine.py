"""Where the store lives and how to connect: URLs, engines, SQLite settings, readable errors."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from lagebild.errors import StoreError

DB_ENV = "LAGEBILD_DB"
DEFAULT_URL = "sqlite:///./lagebild.db"

#: Execution option naming how SQLite starts a transaction (``IMMEDIATE`` for writers).
BEGIN = "lagebild_sqlite_begin"
_BEGIN_MODES = frozenset({"DEFERRED", "IMMEDIATE"})

# WAL lets a reader (the web UI) work while an ingest writes; NORMAL sync is safe under WAL.
_PRAGMAS = ("PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL")


def resolve_url(url: str | None = None) -> str:
    """The database URL: the argument, else ``$LAGEBILD_DB``, else ``./lagebild.db``.

    A plain path (no ``scheme://``) is taken as a SQLite file.
    """
    chosen = url or os.environ.get(DB_ENV) or DEFAULT_URL
    if "://" in chosen:
        return chosen
    return f"sqlite:///{Path(chosen).expanduser()}"


def redact(url: str) -> str:
    """The URL without its password, for messages and statistics."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def reason(error: BaseException) -> str:
    """The driver's own first line, without SQLAlchemy's statement dump."""
    original = getattr(error, "orig", None)
    text = str(original or error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def open_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite gets its settings and transactional DDL."""
    try:
        database = make_url(url)
        if database.get_backend_name() == "sqlite":
            check_sqlite_path(database.database)
        engine = create_engine(database)
    except (SQLAlchemyError, ValueError, ImportError) as error:
        raise StoreError(f"cannot use the database URL {redact(url)}: {reason(error)}") from error
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


def writer(engine: Engine) -> Engine:
    """The same engine, starting write transactions by taking SQLite's write lock at once.

    A deferred transaction that reads, then writes, can fail at once with
    "database is locked" when another process wrote in between; an immediate
    one waits for the lock instead.  Other databases ignore the option.
    """
    return engine.execution_options(**{BEGIN: "IMMEDIATE"})


def check_sqlite_path(database: str | None) -> None:
    """Name the problem with a SQLite file path before SQLite says "unable to open"."""
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    path = Path(database)
    folder = path.parent
    if path.is_dir():
        raise StoreError(f"cannot open the store: {path} is a folder, not a database file")
    if not folder.exists():
        raise StoreError(f"cannot create the store: the folder {folder} does not exist")
    if not folder.is_dir():
        raise StoreError(f"cannot create the store: {folder} is not a folder")
    if not path.exists() and not os.access(folder, os.W_OK):
        raise StoreError(f"cannot create the store: the folder {folder} is not writable")


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # pysqlite's own transaction handling skips BEGIN before DDL, so a failed
    # migration could leave half a schema; we issue BEGIN ourselves instead.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    for pragma in _PRAGMAS:
        cursor.execute(pragma)
    cursor.close()


def _sqlite_begin(connection: Connection) -> None:
    mode = connection.get_execution_options().get(BEGIN, "DEFERRED")
    if mode not in _BEGIN_MODES:
        raise StoreError(f"unknown SQLite transaction mode {mode!r}")
    connection.exec_driver_sql(f"BEGIN {mode}")
