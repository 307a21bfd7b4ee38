"""Storage: SQLite by default, any SQLAlchemy URL; migrations, idempotent ingest, search."""

from __future__ import annotations

from lagebild.store.migrate import head_revision
from lagebild.store.search import SearchHit, parse_query
from lagebild.store.store import (
    AddResult,
    DocumentSummary,
    Store,
    StoreStats,
    resolve_url,
)

__all__ = [
    "AddResult",
    "DocumentSummary",
    "SearchHit",
    "Store",
    "StoreStats",
    "head_revision",
    "parse_query",
    "resolve_url",
]
