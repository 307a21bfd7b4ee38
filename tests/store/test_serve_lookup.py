"""Migration 0004's indexes answer the server's queries (SQLite's query plans say which
index each read uses), and the queries rewritten for them give the same results."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import bindparam, event, text

from lagebild.records import Claim, Document, Entity, EntityType, Geo, Mention
from lagebild.store import Store
from lagebild.store.browse import entity_profile
from lagebild.store.claims import ClaimFilter
from lagebild.store.query import parse_query
from lagebild.store.search import fts5_match

TEXT = "Lukaschenko sagte in Minsk, Drohnen seien gesehen worden."
#: Hits on a page of search results (the planner's choice depends on how many).
PAGE = 20
MINSK = Geo(lat=53.9, lon=27.57, geonames_id=625144, precision="city")


def _document(day: int | None, *, located: bool = True, seq: int = 0) -> Document:
    def entity(entity_id: str, name: str, kind: EntityType, geo: Geo | None = None) -> Entity:
        at = TEXT.index(name)
        mention = Mention(start=at, end=at + len(name), text=name)
        return Entity(id=entity_id, name=name, type=kind, mentions=[mention], geo=geo)

    text_ = f"{TEXT} ({day}, {seq})"
    claim = Claim(
        start=0,
        end=len(TEXT),
        speaker="Lukaschenko",
        speaker_id="person/luka",
        content="Drohnen seien gesehen worden",
        date=f"2024-01-{day or 1:02d}",
    )
    return Document(
        raw_text=text_,
        text=text_,
        source=f"{day}-{seq}.txt",
        published=date(2024, 1, day) if day else None,
        entities=[
            entity("person/luka", "Lukaschenko", EntityType.PERSON),
            entity("place/minsk", "Minsk", EntityType.PLACE, MINSK if located else None),
        ],
        claims=[claim],
    )


@pytest.fixture
def filled(store: Store) -> Store:
    store.add(_document(2, located=False))
    store.add(_document(3))
    store.add(_document(3, seq=1))
    store.add(_document(None))
    return store


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    with Store(f"sqlite:///{tmp_path / 'plans.db'}") as opened:
        for document in (_document(2, located=False), _document(None)):
            opened.add(document)
        for seq in range(PAGE):
            opened.add(_document(3, seq=seq))
        yield opened


def plans(store: Store, action: Callable[[], object]) -> list[str]:
    """What SQLite's planner says about each SELECT that ``action`` runs (one line each)."""
    found: list[str] = []

    def explain(connection: Any, cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            rows = cursor.execute(f"EXPLAIN QUERY PLAN {statement}", parameters).fetchall()
            found.append(" | ".join(str(row[3]) for row in rows))

    event.listen(store.engine, "before_cursor_execute", explain)
    try:
        action()
    finally:
        event.remove(store.engine, "before_cursor_execute", explain)
    return found


def test_profile_takes_the_first_coordinates_given(filled: Store) -> None:
    assert entity_profile(filled, "place/minsk").geo == MINSK


def test_profile_of_an_entity_without_coordinates_has_none(filled: Store) -> None:
    assert entity_profile(filled, "person/luka").geo is None


def test_profile_counts_mentions_per_day_with_undated_last(filled: Store) -> None:
    profile = entity_profile(filled, "person/luka")
    assert profile.by_date == {"2024-01-02": 1, "2024-01-03": 2, "undated": 1}
    assert list(profile.by_date)[-1] == "undated"


@pytest.mark.parametrize(
    ("entity_id", "index"),
    [
        ("person/luka", "SEARCH entities USING INDEX ix_entities_entity_id_located"),
        ("place/minsk", "SEARCH entities USING INDEX ix_entities_entity_id_located"),
        ("person/luka", "COVERING INDEX ix_documents_id_published_language"),
    ],
)
def test_profile_reads_from_the_serve_indexes(
    sqlite_store: Store, entity_id: str, index: str
) -> None:
    read = plans(sqlite_store, lambda: entity_profile(sqlite_store, entity_id))
    assert any(index in plan for plan in read), read


def test_claims_by_a_speaker_id_are_read_from_the_covering_index(sqlite_store: Store) -> None:
    read = plans(sqlite_store, lambda: sqlite_store.claims(ClaimFilter(speaker="person/luka"), 5))
    index = "COVERING INDEX ix_claims_speaker_id_date_document_id_seq (speaker_id=?)"
    assert any(index in plan for plan in read), read


def test_snippets_look_up_the_documents_asked_for(sqlite_store: Store) -> None:
    hits = sqlite_store.rank("Drohnen", limit=PAGE)
    read = plans(sqlite_store, lambda: sqlite_store.with_snippets("Drohnen", hits))
    assert read and read[-1].startswith("SEARCH d USING COVERING INDEX"), read


#: ``Fts5Backend.SNIPPETS`` before migration 0004's change (a plain join).
OLD_SNIPPETS = """SELECT d.id, snippet(documents_fts, -1, '[', ']', '…', 16)
    FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid
    WHERE documents_fts MATCH :match AND d.id IN :ids"""


@pytest.mark.parametrize("query", ["Drohnen", "Minsk", "Lukaschenko sagte"])
def test_snippets_are_those_of_the_plain_join(sqlite_store: Store, query: str) -> None:
    hits = sqlite_store.rank(query, limit=10)
    new = {hit.document_id: hit.snippet for hit in sqlite_store.with_snippets(query, hits)}
    old = text(OLD_SNIPPETS).bindparams(bindparam("ids", expanding=True))
    with sqlite_store.engine.connect() as connection:
        match = fts5_match(parse_query(query))
        rows = connection.execute(old, {"match": match, "ids": list(new)}).all()
    assert len(new) == len(hits) > 0
    assert new == {row[0]: row[1] for row in rows}
