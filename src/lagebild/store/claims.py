"""Claims across the store: "everything Lukashenko said about S-400 since February".

The speaker and the topic are matched through the knowledge base where it knows them:
"Lukaschenko" finds claims whose speaker is ``person/alexander-lukashenko`` whatever
the text called him, and "S-400" finds contents that name the system in any of its
spellings ("Triumf", "SA-21").  Unknown words match as plain text, case-insensitively.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlalchemy import Connection, select

from lagebild.kb import load_kb
from lagebild.kb.errors import KBError
from lagebild.records import Claim
from lagebild.store.schema import claims, documents


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


def find_claims(connection: Connection, wanted: ClaimFilter, limit: int) -> list[ClaimHit]:
    """Claims matching ``wanted``, newest statement first."""
    query = select(claims.c.document_id, claims.c.data, documents.c.title, documents.c.published)
    query = query.join(documents, documents.c.id == claims.c.document_id)
    if wanted.since:
        query = query.where(claims.c.date >= wanted.since)
    query = query.order_by(claims.c.date.desc(), claims.c.document_id, claims.c.seq)
    speaker, topic = _matcher(wanted.speaker), _forms(wanted.about)
    hits = []
    for document_id, data, title, published in connection.execute(query):
        claim = Claim.model_validate(data)
        if _keep(claim, wanted, speaker, topic):
            hits.append(ClaimHit(document_id, title, published, claim))
            if len(hits) >= limit:
                break
    return hits


def _keep(
    claim: Claim, wanted: ClaimFilter, speaker: tuple[str | None, str] | None, topic: list[str]
) -> bool:
    if wanted.stance and claim.stance != wanted.stance:
        return False
    if speaker is not None and not _spoken_by(claim, *speaker):
        return False
    content = claim.content.casefold()
    return not topic or any(form in content for form in topic)


def _spoken_by(claim: Claim, entity_id: str | None, text: str) -> bool:
    if entity_id is not None and claim.speaker_id == entity_id:
        return True
    return text in (claim.speaker or "").casefold()


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
        forms |= {
            f.surface.casefold() for f in load_kb().surface_forms() if f.entity_id == entity_id
        }
    return sorted(f for f in forms if len(f) > 2)


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
