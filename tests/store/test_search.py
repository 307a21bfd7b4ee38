"""Full-text search: German and English words, umlauts and ß, phrases; no input breaks it."""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lagebild.errors import StoreError
from lagebild.records import Document
from lagebild.store import Store, Term, parse_query
from lagebild.store.query import MAX_QUERY_CHARS, MAX_TERMS
from lagebild.store.search import Fts5Backend, LikeBackend, PostgresBackend, best_hits, fts5_match

TEXTS = {
    "de": "Lukaschenko traf Putin in Minsk. Weißrussland liefert keine Soldaten an die Ukraine; "
    "die Straßenbahn in Dnipro fährt wieder.",
    "en": "Russian forces shelled Kharkiv overnight. ISW assesses the offensive will likely stall.",
    "fr": "Le président Macron a parlé à Kyiv avec Zelensky de la défense aérienne.",
    "ch": "Die Weissrussland-Frage und die Strassenbahn: Schweizer Schreibweise ohne Eszett.",
    "title": "Nothing to see in the body.",
}
TITLES = {"title": "Pokrowsk unter Beschuss"}

SAFE = StoreError  # the only exception a query may raise


@pytest.fixture(scope="module")
def store(module_url: str) -> Iterator[Store]:
    with Store(module_url) as store:
        for source, text in TEXTS.items():
            title = TITLES.get(source, source)
            store.add(Document(source=source, title=title, raw_text=text, text=text))
        yield store


@pytest.mark.parametrize(
    ("query", "sources"),
    [
        ("Lukaschenko", {"de"}),
        ("lukaschenko", {"de"}),
        ("shelled kharkiv", {"en"}),
        ("Kharkiv Minsk", set()),
        ('"will likely stall"', {"en"}),
        ('"stall likely"', set()),
        ('"traf Putin" Minsk', {"de"}),
        ("Luka*", {"de"}),
        ("fährt", {"de"}),
        ("fahrt", {"de"}),
        ("président", {"fr"}),
        ("president", {"fr"}),
        ("presid*", {"fr"}),
        ("defense aerienne", {"fr"}),
        ("Weißrussland", {"de", "ch"}),
        ("Weissrussland", {"de", "ch"}),
        ("WEISSRUSSLAND", {"de", "ch"}),
        ("Straßenbahn", {"de", "ch"}),
        ("strassenbahn", {"de", "ch"}),
        ("Eszett", {"ch"}),
        ("Pokrowsk", {"title"}),
        ("nirgendwo", set()),
    ],
)
def test_search_matches(store: Store, query: str, sources: set[str]) -> None:
    assert {hit.source for hit in store.search(query)} == sources


def test_search_snippet_marks_the_match(store: Store) -> None:
    assert "[Kharkiv]" in store.search("Kharkiv")[0].snippet


def test_a_title_match_is_the_snippet(store: Store) -> None:
    assert "[Pokrowsk]" in store.search("Pokrowsk")[0].snippet


def test_hits_are_ranked_best_first(tmp_path: Path) -> None:
    with Store(str(tmp_path / "rank.db")) as store:
        for text in ("Charkiw einmal, sonst viel anderer Text hier.", "Charkiw Charkiw Charkiw"):
            store.add(Document(source=text[:12], raw_text=text, text=text))
        hits = store.search("Charkiw")
    assert hits[0].source == "Charkiw Char" and hits[0].score > hits[1].score


@pytest.mark.parametrize("limit", [1, 2])
def test_search_honours_the_limit(store: Store, limit: int) -> None:
    assert len(store.search("die", limit=limit)) == limit


@pytest.mark.parametrize(
    "query",
    [
        '"',
        "*",
        "NEAR(",
        "NEAR(a b, 3)",
        "AND OR NOT",
        "a AND",
        "a:b",
        "title:x",
        "{title text}: x",
        "(((",
        ")",
        "-x",
        "^x",
        "+",
        '"a',
        'a"b"c',
        "x*y*",
        "\x00",
        "'; DROP TABLE documents; --",
        "ß" * 500,
        "x" * 1_999,
        "x " * 40,
        "x" * 10_000,
    ],
)
def test_hostile_queries_never_raise_database_errors(store: Store, query: str) -> None:
    with contextlib.suppress(SAFE):
        store.search(query)
    assert store.stats().documents == len(TEXTS)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "nothing to search for"),
        ("   ", "nothing to search for"),
        ('""', "nothing to search for"),
        ("*** !!! ___", "nothing to search for"),
        ("x" * (MAX_QUERY_CHARS + 1), "too long"),
        (" ".join(f"w{i}" for i in range(MAX_TERMS + 1)), "too many search terms"),
    ],
)
def test_unsearchable_query_is_explained(query: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        parse_query(query)


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        (
            'Putin "gemeinsamer Verteidigungsraum" Luka*',
            [Term("Putin"), Term("gemeinsamer Verteidigungsraum"), Term("Luka", prefix=True)],
        ),
        ("NEAR(a, b)", [Term("NEAR a"), Term("b")]),
        ("title:Minsk", [Term("title Minsk")]),
        ("snake_case", [Term("snake case")]),
        ("Putin putin Putin", [Term("Putin"), Term("putin")]),
        ("Kyjiw-Region", [Term("Kyjiw Region")]),
        ('"unclosed phrase', [Term("unclosed"), Term("phrase")]),
        ("e\u0301te\u0301", [Term("été")]),
    ],
)
def test_parse_query_terms(query: str, terms: list[Term]) -> None:
    assert parse_query(query) == terms


@pytest.mark.parametrize(
    ("words", "spellings"),
    [
        ("Minsk", {"minsk"}),
        ("Straße", {"straße", "strasse"}),
        ("Weissrussland", {"weissrussland", "weißrussland", "weissrußland", "weißrußland"}),
        ("Schlusssatz", {"schlusssatz", "schlußsatz"}),
    ],
)
def test_spellings_cover_sharp_s(words: str, spellings: set[str]) -> None:
    assert set(Term(words).spellings()) == spellings


@given(st.text(max_size=60))
def test_spellings_are_few_and_start_with_the_term(words: str) -> None:
    spellings = Term(words).spellings()
    assert spellings[0] == words.lower() and len(spellings) <= 1 + 2**3


@settings(max_examples=300)
@given(st.text(max_size=200))
def test_any_query_parses_to_plain_words_or_a_store_error(query: str) -> None:
    try:
        terms = parse_query(query)
    except StoreError:
        return
    assert 1 <= len(terms) <= MAX_TERMS
    assert all(re.fullmatch(r"[^\W_]+( [^\W_]+)*", term.words) for term in terms)


@pytest.fixture(scope="module")
def fts() -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(":memory:")
    connection.execute(
        "CREATE VIRTUAL TABLE t USING fts5(title, text, tokenize='unicode61 remove_diacritics 2')"
    )
    connection.execute("INSERT INTO t VALUES ('Minsk', 'Weißrussland und die Ukraine')")
    yield connection
    connection.close()


@settings(max_examples=300)
@given(st.text(max_size=200))
def test_any_parsed_query_is_valid_fts5(fts: sqlite3.Connection, query: str) -> None:
    try:
        terms = parse_query(query)
    except StoreError:
        return
    fts.execute("SELECT rowid FROM t WHERE t MATCH ?", (fts5_match(terms),)).fetchall()


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab ß\"*():^-+_\\'NEAROT\x00é"), max_size=40))
def test_any_query_is_safe_in_the_store(store: Store, query: str) -> None:
    with contextlib.suppress(SAFE):
        store.search(query)


@pytest.mark.parametrize(
    ("query", "sources"),
    [("Lukaschenko", {"de"}), ("Weissrussland", {"de", "ch"}), ('"will likely stall"', {"en"})],
)
def test_portable_like_backend(store: Store, query: str, sources: set[str]) -> None:
    with store.engine.connect() as connection:
        hits = best_hits(LikeBackend(), connection, parse_query(query), 10)
    assert {hit.source for hit in hits} == sources
    assert all("[" in hit.snippet for hit in hits)


def test_like_backend_treats_wildcards_literally(store: Store) -> None:
    with store.engine.connect() as connection:
        assert best_hits(LikeBackend(), connection, [Term("%")], 10) == []


def test_reindex_repairs_a_stale_index(tmp_path: Path) -> None:
    with Store(str(tmp_path / "r.db")) as store:
        store.add(Document(source="s", raw_text="Awdijiwka", text="Awdijiwka"))
        with store.engine.begin() as connection:
            connection.exec_driver_sql(
                "INSERT INTO documents_fts(documents_fts) VALUES ('delete-all')"
            )
        assert store.search("Awdijiwka") == []
        store.reindex()
        assert [hit.source for hit in store.search("Awdijiwka")] == ["s"]


def test_backend_is_chosen_by_dialect(store: Store) -> None:
    expected = {"sqlite": Fts5Backend, "postgresql": PostgresBackend}[store.engine.dialect.name]
    assert isinstance(store._search, expected)
