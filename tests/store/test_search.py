"""Full-text search and the query parser."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lagebild.errors import StoreError
from lagebild.records import Document
from lagebild.store import Store, parse_query
from lagebild.store.search import Term

TEXTS = {
    "de": "Lukaschenko traf Putin in Minsk. Weißrussland liefert keine Soldaten an die Ukraine.",
    "en": "Russian forces shelled Kharkiv overnight. ISW assesses the offensive will likely stall.",
    "fr": "Le président Macron a parlé à Kyiv avec Zelensky de la défense aérienne.",
}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = Store(f"sqlite:///{tmp_path_factory.mktemp('s') / 'search.db'}")
    for language, text in TEXTS.items():
        store.add(Document(source=language, title=language, raw_text=text, text=text))
    return store


@pytest.mark.parametrize(
    ("query", "sources"),
    [
        ("Lukaschenko", {"de"}),
        ("weißrussland", {"de"}),
        ("shelled kharkiv", {"en"}),
        ('"will likely stall"', {"en"}),
        ('"stall likely"', set()),
        ("Kharkiv Minsk", set()),
        ("Luka*", {"de"}),
        ("president", {"fr"}),
        ("président", {"fr"}),
        ("presid*", {"fr"}),
        ("defense aerienne", {"fr"}),
    ],
)
def test_search_matches(store: Store, query: str, sources: set[str]) -> None:
    assert {hit.source for hit in store.search(query)} == sources


def test_search_snippet_marks_the_match(store: Store) -> None:
    assert "[Kharkiv]" in store.search("Kharkiv")[0].snippet


@pytest.mark.parametrize(
    "query", ['"', "*", "NEAR(", "AND OR NOT", "a:b", "title:x", "(((", "-x", "^", "x" * 10_000]
)
def test_hostile_queries_never_raise_database_errors(store: Store, query: str) -> None:
    try:
        store.search(query)
    except StoreError as error:
        assert "nothing to search for" in str(error)


@pytest.mark.parametrize("query", ["", "   ", '""', "*** !!!"])
def test_empty_query_is_explained(query: str) -> None:
    with pytest.raises(StoreError, match="nothing to search for"):
        parse_query(query)


def test_parse_query_terms() -> None:
    assert parse_query('Putin "gemeinsamer Verteidigungsraum" Luka*') == [
        Term("Putin"),
        Term("gemeinsamer Verteidigungsraum"),
        Term("Luka", prefix=True),
    ]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=80))
def test_any_query_is_safe(store: Store, query: str) -> None:
    try:
        store.search(query)
    except StoreError as error:
        assert "nothing to search for" in str(error)


def test_large_ingest_is_fast_enough_to_test(tmp_path: Path) -> None:
    with Store(f"sqlite:///{tmp_path / 'many.db'}") as store:
        for i in range(200):
            text = f"Bericht {i}: Drohnenangriff auf Charkiw."
            store.add(Document(source=str(i), raw_text=text, text=text))
        assert len(store.search("Charkiw", limit=500)) == 200
