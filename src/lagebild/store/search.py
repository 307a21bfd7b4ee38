"""Full-text search backends, one per database dialect.

SQLite gets an FTS5 index over ``documents(title, text)`` (external content,
kept in sync by triggers, ``unicode61`` tokens with diacritics folded, bm25
ranking, snippets).  Other dialects fall back to a portable ``LIKE`` scan
until their own backend (PostgreSQL ``tsvector``) is added here.

User queries never reach the engine raw: ``parse_query`` turns them into
terms (plain words, ``"quoted phrases"``, ``prefix*``) and each backend
quotes them its own way, so no input can raise a syntax error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from sqlalchemy import Connection, text

from lagebild.errors import StoreError

MAX_TERMS = 32
_TERM = re.compile(r'"([^"]*)"|(\S+)')


@dataclass(frozen=True)
class Term:
    """One search term: a word or phrase, optionally a prefix."""

    words: str
    prefix: bool = False


@dataclass(frozen=True)
class SearchHit:
    """A document that matches, with a snippet around the match."""

    document_id: str
    title: str | None
    source: str
    published: date | None
    snippet: str
    score: float


def parse_query(query: str) -> list[Term]:
    """Split a user query into terms; raise StoreError when nothing searchable is left."""
    terms = []
    for phrase, word in _TERM.findall(query):
        raw = phrase if phrase else word
        prefix = not phrase and raw.endswith("*")
        words = " ".join(re.findall(r"\w+", raw))
        if words:
            terms.append(Term(words, prefix))
    if not terms:
        raise StoreError(f"nothing to search for in {query!r}: give at least one word")
    return terms[:MAX_TERMS]


class SearchBackend(Protocol):
    def install(self, connection: Connection) -> None: ...

    def uninstall(self, connection: Connection) -> None: ...

    def search(self, connection: Connection, terms: list[Term], limit: int) -> list[SearchHit]: ...


class Fts5Backend:
    """SQLite FTS5 over title and text, synchronised by triggers."""

    STATEMENTS = (
        """CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='documents',
           content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')""",
        """CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
           INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
           END""",
        """CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
           INSERT INTO documents_fts(documents_fts, rowid, title, text)
           VALUES ('delete', old.rowid, old.title, old.text); END""",
        """CREATE TRIGGER documents_fts_update AFTER UPDATE ON documents BEGIN
           INSERT INTO documents_fts(documents_fts, rowid, title, text)
           VALUES ('delete', old.rowid, old.title, old.text);
           INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
           END""",
    )
    QUERY = """SELECT d.id, d.title, d.source, d.published,
               snippet(documents_fts, 1, '[', ']', '…', 16), bm25(documents_fts)
               FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
               WHERE documents_fts MATCH :match ORDER BY bm25(documents_fts) LIMIT :limit"""

    def install(self, connection: Connection) -> None:
        for statement in self.STATEMENTS:
            connection.execute(text(statement))

    def uninstall(self, connection: Connection) -> None:
        for name in ("insert", "delete", "update"):
            connection.execute(text(f"DROP TRIGGER IF EXISTS documents_fts_{name}"))
        connection.execute(text("DROP TABLE IF EXISTS documents_fts"))

    def search(self, connection: Connection, terms: list[Term], limit: int) -> list[SearchHit]:
        match = " ".join(_fts_term(term) for term in terms)
        rows = connection.execute(text(self.QUERY), {"match": match, "limit": limit})
        return [_hit(row[0], row[1], row[2], row[3], row[4], -float(row[5])) for row in rows]


def _fts_term(term: Term) -> str:
    quoted = '"' + term.words.replace('"', '""') + '"'
    return quoted + "*" if term.prefix else quoted


class LikeBackend:
    """Portable fallback: every term must occur in title or text (case-insensitive)."""

    def install(self, connection: Connection) -> None:
        """Nothing to install."""

    def uninstall(self, connection: Connection) -> None:
        """Nothing to remove."""

    def search(self, connection: Connection, terms: list[Term], limit: int) -> list[SearchHit]:
        conditions, params = [], {"limit": limit}
        for i, term in enumerate(terms):
            conditions.append(f"(lower(text) LIKE :t{i} OR lower(coalesce(title, '')) LIKE :t{i})")
            params[f"t{i}"] = "%" + _like_escape(term.words.lower()) + "%"  # type: ignore[assignment]
        query = f"""SELECT id, title, source, published, substr(text, 1, 200) FROM documents
                    WHERE {" AND ".join(conditions)} ORDER BY published DESC LIMIT :limit"""
        rows = connection.execute(text(query), params)
        return [_hit(row[0], row[1], row[2], row[3], row[4], 0.0) for row in rows]


def _like_escape(value: str) -> str:
    return value.replace("%", "").replace("_", "")


def _hit(
    document_id: str, title: str | None, source: str, published: object, snippet: str, score: float
) -> SearchHit:
    when = published if isinstance(published, date) else _date(published)
    return SearchHit(document_id, title, source, when, snippet or "", score)


def _date(value: object) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def backend_for(dialect: str) -> SearchBackend:
    """The search backend for a database dialect."""
    return Fts5Backend() if dialect == "sqlite" else LikeBackend()
