"""Claims across the store: "everything Lukashenko said about S-400 since February".

The speaker and the topic are matched through the knowledge base where it knows them:
"Lukaschenko" finds claims whose speaker is ``person/alexander-lukashenko`` whatever
the text called him, and "S-400" finds contents that name the system in any of its
spellings ("Triumf", "SA-21").  Unknown words match as plain text, case-insensitively.

Everything is filtered, ordered and paged in SQL (migration 0002): the speaker id is an
indexed column, and "contains" is a test on casefolded copies of speaker and content,
which SQLite answers from a trigram index; only the rows of the page asked for are read.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sqlalchemy import Column, ColumnElement, Connection, Select, column, false, or_, select, table

from lagebild.kb import KnowledgeBase, load_kb
from lagebild.kb.errors import KBError
from lagebild.records import Claim
from lagebild.store.schema import claims, documents

#: Characters the trigram index needs to look a substring up.
TRIGRAM = 3
#: The trigram index over ``claims(speaker_key, content_key)`` (migration 0002, SQLite).
CLAIMS_FTS = table("claims_fts", column("rowid"), column("claims_fts"))
#: Newest statement first (undated last), then document order.
ORDER = (claims.c.date.desc(), claims.c.document_id, claims.c.seq)


@dataclass(frozen=True)
class ClaimHit:
    """A stored claim with the document it comes from."""

    document_id: str
    title: str | None
    published: date | None
    claim: Claim


@dataclass(frozen=True)
class ClaimFilter:
    """Who, about what, since when, with which stance."""

    speaker: str | None = None
    about: str | None = None
    since: str | None = None
    stance: str | None = None


def find_claims(
    connection: Connection, wanted: ClaimFilter, limit: int, offset: int = 0
) -> list[ClaimHit]:
    """Claims matching ``wanted``, newest statement first: ``limit`` of them from ``offset``.

    Filtered, ordered and paged in SQL; only the page's rows are read and validated."""
    page = _matching(connection.dialect.name, wanted).order_by(*ORDER)
    keys = page.limit(max(0, limit)).offset(max(0, offset)).subquery()
    query = (
        select(claims.c.document_id, claims.c.data, documents.c.title, documents.c.published)
        .join(keys, keys.c.pk == claims.c.pk)
        .join(documents, documents.c.id == claims.c.document_id)
        .order_by(*ORDER)
    )
    return [
        ClaimHit(document_id, title, published, Claim.model_validate(data))
        for document_id, data, title, published in connection.execute(query)
    ]


def _matching(dialect: str, wanted: ClaimFilter) -> Select[tuple[int]]:
    """The primary keys of the claims matching ``wanted``."""
    query = select(claims.c.pk)
    if wanted.since:
        query = query.where(claims.c.date >= wanted.since)
    if wanted.stance:
        query = query.where(claims.c.stance == wanted.stance)
    speaker = _matcher(wanted.speaker)
    if speaker is not None:
        query = query.where(_spoken_by(dialect, *speaker))
    topic = _forms(wanted.about)
    if topic:
        query = query.where(_containing(dialect, claims.c.content_key, topic))
    return query


def _spoken_by(dialect: str, entity_id: str | None, text: str) -> ColumnElement[bool]:
    """The speaker is the entity, or the speaker's name contains ``text``."""
    named = _containing(dialect, claims.c.speaker_key, [text])
    return or_(claims.c.speaker_id == entity_id, named) if entity_id is not None else named


def _containing(dialect: str, column: Column[str], forms: list[str]) -> ColumnElement[bool]:
    """``column`` (a casefolded key) contains one of the casefolded ``forms``: on SQLite
    through the trigram index where every form is long enough for it, else by ``LIKE``."""
    if dialect == "sqlite" and all(len(form) >= TRIGRAM for form in forms):
        found = select(CLAIMS_FTS.c.rowid).where(
            CLAIMS_FTS.c.claims_fts.op("MATCH")(fts5_any(column.name, forms))
        )
        return claims.c.pk.in_(found)
    return or_(false(), *(column.contains(form, autoescape=True) for form in forms))


def fts5_any(column: str, forms: list[str]) -> str:
    """An FTS5 query: ``column`` contains one of ``forms`` (each a quoted phrase)."""
    phrases = " OR ".join('"' + form.replace('"', '""') + '"' for form in forms)
    return f"{column} : ({phrases})"


def _matcher(speaker: str | None) -> tuple[str | None, str] | None:
    if not speaker:
        return None
    if "/" in speaker:
        return speaker, speaker.casefold()
    return _kb_id(speaker), speaker.casefold()


def _kb_id(text: str) -> str | None:
    try:
        return load_kb().resolve(text).id
    except (KeyError, KBError):
        return None


def _forms(about: str | None) -> list[str]:
    """The topic's spellings: every knowledge-base form of the entity it names."""
    if not about:
        return []
    entity_id = about if "/" in about else _kb_id(about)
    forms = {about.casefold()}
    if entity_id:
        forms |= _kb_forms(load_kb()).get(entity_id, frozenset())
    return sorted(f for f in forms if len(f) > 2)


def load_forms() -> None:
    """Loads the knowledge base and indexes its forms now (a server does at start), so
    that the first request to filter by speaker or topic does not wait seconds for it."""
    _kb_forms(load_kb())


@lru_cache(maxsize=2)
def _kb_forms(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """Per entity id, its knowledge-base forms casefolded (indexed once per KB)."""
    forms: dict[str, set[str]] = defaultdict(set)
    for form in kb.surface_forms():
        forms[form.entity_id].add(form.surface.casefold())
    return {entity_id: frozenset(found) for entity_id, found in forms.items()}


def rows(hits: Iterable[ClaimHit]) -> list[tuple[str, str, str, str, str, str]]:
    """Table rows for the terminal: date, speaker, mode, stance, content, document."""
    return [
        (
            hit.claim.date or "?",
            hit.claim.speaker or "?",
            hit.claim.mode,
            hit.claim.stance,
            hit.claim.content[:120],
            hit.title or hit.document_id[:12],
        )
        for hit in hits
    ]
