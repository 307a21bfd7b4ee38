"""Full-text search backends, one per database dialect, behind one small interface.

SQLite: FTS5 over ``documents(title, text)``, created by migration 0001 (external
content kept in sync by triggers, ``unicode61`` tokens with diacritics folded),
ranked by bm25; snippets are cut only for the hits shown (``rank``, then ``snippets``).
PostgreSQL: a generated ``tsvector`` column (migration 0001) in the document's language's
configuration (German, English, else simple) with a GIN index, ranked by ``ts_rank_cd``,
snippets by ``ts_headline``.  Other dialects: a portable ``LIKE`` scan.  Backends receive
parsed ``Term`` objects, never the user's string.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Protocol

from sqlalchemy import ColumnElement, Connection, and_, bindparam, false, or_, select, text

from lagebild.store.query import Term
from lagebild.store.schema import documents

SNIPPET_TOKENS = 16
LIKE_SNIPPET_CHARS = 80


@dataclass(frozen=True)
class SearchHit:
    """A document that matches, with a snippet around the match (matches in [brackets])."""

    document_id: str
    title: str | None
    source: str
    published: date | None
    snippet: str
    score: float


class SearchBackend(Protocol):
    """What the store needs from full-text search; the index itself comes from migrations."""

    def rank(self, connection: Connection, terms: list[Term], limit: int) -> list[SearchHit]:
        """Documents matching every term, best first (higher score is better), without
        snippets: ranking many hits is cheap, cutting a snippet from each is not."""
        ...

    def snippets(
        self, connection: Connection, terms: list[Term], document_ids: list[str]
    ) -> dict[str, str]:
        """The snippet of each of the given documents that matches (by document id)."""
        ...

    def rebuild(self, connection: Connection) -> None:
        """Rebuild the index from the documents table."""
        ...


def best_hits(
    backend: SearchBackend, connection: Connection, terms: list[Term], limit: int
) -> list[SearchHit]:
    """The best ``limit`` documents matching every term, with their snippets."""
    return with_snippets(backend, connection, terms, backend.rank(connection, terms, limit))


def with_snippets(
    backend: SearchBackend, connection: Connection, terms: list[Term], hits: list[SearchHit]
) -> list[SearchHit]:
    """``hits`` with their snippets filled in."""
    found = backend.snippets(connection, terms, [hit.document_id for hit in hits])
    return [replace(hit, snippet=found.get(hit.document_id, "")) for hit in hits]


def fts5_match(terms: list[Term]) -> str:
    """An FTS5 MATCH expression: every term, each a quoted phrase or an OR of its spellings."""
    return " AND ".join(_fts5_term(term) for term in terms)


def _fts5_term(term: Term) -> str:
    star = "*" if term.prefix else ""
    # Doubled quotes inside a string are FTS5's only escape; terms hold none, but be exact.
    phrases = ['"' + words.replace('"', '""') + '"' + star for words in term.spellings()]
    return phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")"


class Fts5Backend:
    """SQLite FTS5, bm25 ranking, snippets from the best-matching column."""

    RANK = """SELECT d.id, d.title, d.source, d.published, bm25(documents_fts)
        FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
        WHERE documents_fts MATCH :match ORDER BY bm25(documents_fts) LIMIT :limit"""
    # CROSS JOIN keeps the documents asked for as the outer loop, so the index is asked
    # about each of their rowids; a plain join matched every document first (14 ms → 0.4
    # ms for 20 hits of a word in 7,000 of 10,000 documents).
    SNIPPETS = f"""SELECT d.id,
        snippet(documents_fts, -1, '[', ']', '…', {SNIPPET_TOKENS})
        FROM documents d CROSS JOIN documents_fts ON documents_fts.rowid = d.rowid
        WHERE documents_fts MATCH :match AND d.id IN :ids"""

    def rank(self, connection: Connection, terms: list[Term], limit: int) -> list[SearchHit]:
        rows = connection.execute(text(self.RANK), {"match": fts5_match(terms), "limit": limit})
        # bm25 is lower-is-better; negated so every backend's score is higher-is-better.
        return [SearchHit(r[0], r[1], r[2], _date(r[3]), "", -float(r[4])) for r in rows]

    def snippets(
        self, connection: Connection, terms: list[Term], document_ids: list[str]
    ) -> dict[str, str]:
        return _snippets(connection, self.SNIPPETS, fts5_match(terms), document_ids)

    def rebuild(self, connection: Connection) -> None:
        # The indexes refer to rows by SQLite rowid; a dump and reload renumbers them.
        connection.execute(text("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')"))
        connection.execute(text("INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')"))


class PostgresBackend:
    """PostgreSQL full-text search over ``documents.search_vector``."""

    #: A query matches a document when it matches in any of the configurations the
    #: vectors are built with; each document's vector uses only its language's one.
    QUERY = """(to_tsquery('pg_catalog.german', lagebild_fold(:match))
        || to_tsquery('pg_catalog.english', lagebild_fold(:match))
        || to_tsquery('pg_catalog.simple', lagebild_fold(:match)))"""
    RANK = f"""SELECT id, title, source, published, ts_rank_cd(search_vector, q.query)
        FROM documents, (SELECT {QUERY} AS query) AS q
        WHERE search_vector @@ q.query ORDER BY 5 DESC, id LIMIT :limit"""
    SNIPPETS = f"""SELECT id, ts_headline(CASE language WHEN 'de' THEN 'pg_catalog.german'::regconfig
            WHEN 'en' THEN 'pg_catalog.english'::regconfig ELSE 'pg_catalog.simple'::regconfig END,
            coalesce(title || ' | ', '') || text, q.query, 'StartSel=[, StopSel=], MaxWords={SNIPPET_TOKENS}, MinWords=6')
        FROM documents, (SELECT {QUERY} AS query) AS q WHERE id IN :ids"""

    def rank(self, connection: Connection, terms: list[Term], limit: int) -> list[SearchHit]:
        rows = connection.execute(text(self.RANK), {"match": tsquery(terms), "limit": limit})
        return [SearchHit(r[0], r[1], r[2], _date(r[3]), "", float(r[4])) for r in rows]

    def snippets(
        self, connection: Connection, terms: list[Term], document_ids: list[str]
    ) -> dict[str, str]:
        return _snippets(connection, self.SNIPPETS, tsquery(terms), document_ids)

    def rebuild(self, connection: Connection) -> None:
        """Nothing to rebuild: the vectors are generated columns, kept by PostgreSQL."""


def tsquery(terms: list[Term]) -> str:
    """A ``to_tsquery`` expression: every term, each a phrase or an OR of its spellings.

    Terms hold only letters, digits and spaces (``query.py``), so quoting each word
    is exact; a prefix term's last word gets ``:*``."""
    return " & ".join(_tsquery_term(term) for term in terms)


def _tsquery_term(term: Term) -> str:
    star = ":*" if term.prefix else ""
    # "<1>", not "<->": the query is folded like the text, and folding turns "-" to " ".
    phrases = [
        " <1> ".join(f"'{word}'" for word in words.split()) + star for words in term.spellings()
    ]
    return "(" + " | ".join(phrases) + ")"


class LikeBackend:
    """Portable fallback: every term in title or text, case-insensitively; newest first."""

    def rank(self, connection: Connection, terms: list[Term], limit: int) -> list[SearchHit]:
        query = (
            select(documents.c.id, documents.c.title, documents.c.source, documents.c.published)
            .where(and_(*(_like(term) for term in terms)))
            .order_by(documents.c.published.desc().nulls_last(), documents.c.id)
            .limit(limit)
        )
        return [
            SearchHit(r.id, r.title, r.source, _date(r.published), "", 0.0)
            for r in connection.execute(query)
        ]

    def snippets(
        self, connection: Connection, terms: list[Term], document_ids: list[str]
    ) -> dict[str, str]:
        query = select(documents.c.id, documents.c.text).where(documents.c.id.in_(document_ids))
        return {str(r.id): _snippet(r.text, terms) for r in connection.execute(query)}

    def rebuild(self, connection: Connection) -> None:
        """Nothing to rebuild: LIKE reads the table itself."""


def _snippets(
    connection: Connection, sql: str, match: str, document_ids: list[str]
) -> dict[str, str]:
    """Run a backend's snippet query (``:match``, expanding ``:ids``) for the given documents."""
    if not document_ids:
        return {}
    query = text(sql).bindparams(bindparam("ids", expanding=True))
    rows = connection.execute(query, {"match": match, "ids": document_ids})
    return {str(row[0]): row[1] or "" for row in rows}


def _like(term: Term) -> ColumnElement[bool]:
    matches: list[ColumnElement[bool]] = [false()]
    for words in term.spellings():
        for column in (documents.c.title, documents.c.text):
            matches.append(column.icontains(words, autoescape=True))
    return or_(*matches)


def _snippet(body: str, terms: list[Term]) -> str:
    """Text around the first match of any term, the match in brackets."""
    lowered = body.lower()
    for words in (words for term in terms for words in term.spellings()):
        at = lowered.find(words)
        if at >= 0:
            start, end = max(0, at - LIKE_SNIPPET_CHARS), at + len(words) + LIKE_SNIPPET_CHARS
            match = f"[{body[at : at + len(words)]}]"
            return f"{body[start:at]}{match}{body[at + len(words) : end]}".strip()
    return body[: 2 * LIKE_SNIPPET_CHARS].strip()


def _date(value: object) -> date | None:
    if isinstance(value, date):
        return value
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def backend_for(dialect: str) -> SearchBackend:
    """The search backend for a database dialect."""
    if dialect == "sqlite":
        return Fts5Backend()
    return PostgresBackend() if dialect == "postgresql" else LikeBackend()
