"""Storage: SQLite by default, any SQLAlchemy URL; migrations, idempotent ingest, search.

with Store() as store:                 # ./lagebild.db, or $LAGEBILD_DB, or Store(url)
    store.add(document)                # AddResult(document_id, stored, reason)
    store.search('Lukaschenko "gemeinsamer Verteidigungsraum"')
"""

from __future__ import annotations

from lagebild.store.engine import DB_ENV, DEFAULT_URL, resolve_url
from lagebild.store.migrate import current_revision, head_revision
from lagebild.store.query import Term, parse_query
from lagebild.store.search import SearchBackend, SearchHit
from lagebild.store.store import AddResult, DocumentSummary, EntitySummary, Store, StoreStats

__all__ = [
    "DB_ENV",
    "DEFAULT_URL",
    "AddResult",
    "DocumentSummary",
    "EntitySummary",
    "SearchBackend",
    "SearchHit",
    "Store",
    "StoreStats",
    "Term",
    "current_revision",
    "head_revision",
    "parse_query",
    "resolve_url",
]
