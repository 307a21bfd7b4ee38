"""The store's generation (document count, newest ingest time): what the server's cache is
keyed by, so asked before every cached answer.

Through SQLAlchemy that question cost about 1 ms of Python (pool checkout, ``BEGIN``,
statement cache, rollback) around 0.01 ms of SQLite; a SQLite file store is asked on a
connection of its own instead, held for the server's life and used by one thread at a
time.  Both read two indexes (migration 0004), never the documents table.
"""

from __future__ import annotations

import sqlite3
import threading
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import make_url

from lagebild.errors import StoreError
from lagebild.store import Store
from lagebild.store.browse import reading
from lagebild.store.engine import redact
from lagebild.store.schema import documents

#: Scalar subqueries: SQLite counts rows from the b-tree and reads the newest ingest time
#: from its index (one select of both would scan the index).
SQLITE_GENERATION = """SELECT (SELECT count(*) FROM documents),
    (SELECT max(ingested_at) FROM documents)"""
_PORTABLE = select(
    select(func.count()).select_from(documents).scalar_subquery(),
    select(func.max(documents.c.ingested_at)).scalar_subquery(),
)


class GenerationProbe:
    """Asks a store for its generation: on its own connection for a SQLite file, else
    through the store's pool."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._lock = threading.Lock()
        self._connection: Any = None
        database = make_url(store.url).database
        if store.engine.dialect.name == "sqlite" and database not in (None, "", ":memory:"):
            self._connection = store.engine.raw_connection()

    def __call__(self) -> tuple[int, str]:
        """(documents, newest ingest time): changes whenever a document is stored."""
        if self._connection is None:
            with reading(self.store, "cannot read the store's state") as connection:
                count, newest = connection.execute(_PORTABLE).one()
            return int(count), str(newest)
        with self._lock:
            try:
                count, newest = self._connection.driver_connection.execute(
                    SQLITE_GENERATION
                ).fetchone()
            except sqlite3.Error as error:
                where = redact(self.store.url)
                raise StoreError(f"cannot read the store's state in {where}: {error}") from error
        return int(count), str(newest)

    def close(self) -> None:
        """Gives the connection back (before the store closes)."""
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None
