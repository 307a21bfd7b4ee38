"""Writing and reading: round trips, idempotence, transactions, ids, listings, statistics."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from sqlalchemy import Connection, Table, select
from sqlalchemy.exc import SQLAlchemyError

from lagebild.errors import StoreError
from lagebild.records import Document, Entity, EntityType, Mention, content_hash
from lagebild.store import Store
from lagebild.store import rows as rows_module
from lagebild.store import store as store_module
from lagebild.store.engine import redact
from lagebild.store.schema import entities, mentions

MakeDocument = Callable[..., Document]


@pytest.mark.parametrize(
    "fields",
    [
        {},
        {"published": None, "language": None, "title": None, "author": None, "url": None},
        {"text": "Weißrussland: Лукашенко — 🇧🇾 \u00a0\t\n…", "raw_text": "ß"},
        {"entities": [], "times": [], "claims": [], "assessments": [], "events": []},
        {"metadata": {}, "stages": [], "removed": []},
    ],
    ids=["rich", "no-metadata", "unicode", "no-records", "empty-lists"],
)
def test_round_trip_equals_the_original(
    store: Store, make_document: MakeDocument, fields: dict[str, Any]
) -> None:
    document = make_document(**fields)
    store.add(document)
    assert store.get(document.id) == document


def test_round_trip_keeps_the_order_of_records(store: Store, make_document: MakeDocument) -> None:
    many = [
        Entity(
            id=f"e/{i}",
            name=str(i),
            type=EntityType.OTHER,
            mentions=[Mention(start=0, end=1, text="x")],
        )
        for i in (3, 1, 2, 0)
    ]
    document = make_document(entities=many)
    store.add(document)
    assert [e.id for e in store.get(document.id).entities] == ["e/3", "e/1", "e/2", "e/0"]


def test_same_document_is_stored_once(store: Store, make_document: MakeDocument) -> None:
    first, second = store.add(make_document()), store.add(make_document())
    assert (first.stored, first.reason) == (True, "stored")
    assert (second.stored, second.reason) == (False, "already stored")
    assert second.document_id == first.document_id and store.stats().documents == 1


def test_id_defaults_to_the_content_hash(store: Store) -> None:
    document = Document(source="s", raw_text="roh", text="roh")
    result = store.add(document)
    assert result.document_id == content_hash("roh")
    assert document.id == "", "the caller's document is left unchanged"
    assert store.get(result.document_id).id == result.document_id


def test_a_given_id_is_kept(store: Store) -> None:
    result = store.add(Document(id="given-id", source="s", raw_text="r", text="r"))
    assert result.document_id == "given-id" and store.contains("given-id")


@pytest.mark.parametrize("failing_table", ["entities", "mentions", "events"])
@pytest.mark.parametrize("error", [SQLAlchemyError("disk full"), RuntimeError("boom")])
def test_failed_write_leaves_nothing(
    store: Store,
    make_document: MakeDocument,
    monkeypatch: pytest.MonkeyPatch,
    failing_table: str,
    error: Exception,
) -> None:
    real = store_module._insert_rows

    def insert(connection: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
        if table.name == failing_table:  # earlier tables are written by now
            raise error
        real(connection, table, rows)

    monkeypatch.setattr(store_module, "_insert_rows", insert)
    with pytest.raises((StoreError, RuntimeError), match=r"disk full|boom"):
        store.add(make_document())
    assert store.stats().documents == 0
    assert all(count == 0 for count in store.stats().records.values())
    assert store.search("Lukaschenko") == []


def test_a_database_error_while_writing_is_a_store_error(
    store: Store, make_document: MakeDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> None:
        raise SQLAlchemyError("disk full")

    monkeypatch.setattr(store_module, "_write", broken)
    with pytest.raises(StoreError, match=r"cannot store t\.txt: disk full"):
        store.add(make_document())


def test_a_write_after_a_failed_one_succeeds(
    store: Store, make_document: MakeDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    with monkeypatch.context() as patch:
        patch.setattr(store_module, "_write", lambda *_: 1 / 0)
        with pytest.raises(ZeroDivisionError):
            store.add(make_document())
    assert store.add(make_document()).stored


@pytest.mark.parametrize("length", [6, 10, 63, 64])
def test_get_by_prefix(store: Store, make_document: MakeDocument, length: int) -> None:
    document = make_document()
    store.add(document)
    assert store.get(document.id[:length]).id == document.id


def test_get_by_prefix_in_capitals(store: Store, make_document: MakeDocument) -> None:
    document = make_document()
    store.add(document)
    assert store.get(document.id[:8].upper()).id == document.id


@pytest.mark.parametrize(
    ("wanted", "message"),
    [
        ("abc", "too short"),
        ("ffffffffff", "no stored document"),
        ("%%%%%%%", "no stored document"),
        ("______", "no stored document"),
        ("", "too short"),
    ],
)
def test_get_explains_failure(
    store: Store, make_document: MakeDocument, wanted: str, message: str
) -> None:
    store.add(make_document())
    with pytest.raises(StoreError, match=message):
        store.get(wanted)


def test_get_refuses_an_ambiguous_prefix(store: Store) -> None:
    for suffix in ("a", "b"):
        store.add(Document(id=f"abcdef{suffix}", source=suffix, raw_text=suffix, text=suffix))
    with pytest.raises(StoreError, match="ambiguous"):
        store.get("abcdef")


def test_mentions_have_rows_of_their_own(store: Store, make_document: MakeDocument) -> None:
    document = make_document()
    store.add(document)
    query = select(mentions.c.entity_id, mentions.c.start, mentions.c.end).order_by(mentions.c.pk)
    with store.engine.connect() as connection:
        rows = [tuple(row) for row in connection.execute(query)]
    assert rows == [("person/putin", 17, 22), ("place/minsk", 42, 47), ("place/minsk", 0, 5)]


def test_an_entity_spans_its_mentions(store: Store, make_document: MakeDocument) -> None:
    store.add(make_document())
    query = select(entities.c.entity_id, entities.c.start, entities.c.end).order_by(entities.c.seq)
    with store.engine.connect() as connection:
        rows = [tuple(row) for row in connection.execute(query)]
    assert rows == [("person/putin", 17, 22), ("place/minsk", 0, 47), ("org/nobody", None, None)]


def test_unmapped_document_fields_travel_in_extra(
    store: Store, make_document: MakeDocument, monkeypatch: pytest.MonkeyPatch
) -> None:
    # As if `author` were a field added to records.py after this schema.
    columns = tuple(name for name in rows_module.COLUMN_FIELDS if name != "author")
    monkeypatch.setattr(rows_module, "COLUMN_FIELDS", columns)
    document = make_document()
    store.add(document)
    assert store.get(document.id) == document


def test_every_document_field_has_a_column_today() -> None:
    assert rows_module.extra_fields() == ()


def test_a_record_the_model_no_longer_accepts_is_a_store_error(
    store: Store, make_document: MakeDocument
) -> None:
    document = make_document()
    store.add(document)
    with store.engine.begin() as connection:
        connection.execute(entities.update().values(data={"id": "x", "unknown": 1}))
    with pytest.raises(StoreError, match="does not fit this lagebild's record model"):
        store.get(document.id)


def test_stats_counts_records(store: Store, make_document: MakeDocument) -> None:
    store.add(make_document())
    assert store.stats().records == {
        "entities": 3,
        "mentions": 3,
        "times": 1,
        "claims": 1,
        "assessments": 1,
        "events": 1,
    }


def test_stats_groups_by_language_month_and_date(store: Store, make_document: MakeDocument) -> None:
    for text, language, published in [
        ("a", "de", date(2022, 12, 20)),
        ("b", "de", date(2022, 12, 1)),
        ("c", "en", date(2023, 1, 5)),
        ("d", None, None),
    ]:
        store.add(make_document(text=text, raw_text=text, language=language, published=published))
    stats = store.stats()
    assert stats.documents == 4
    assert stats.languages == {"de": 2, "en": 1, "unknown": 1}
    assert stats.months == {"2022-12": 2, "2023-01": 1} and stats.undated == 1
    assert (stats.first_published, stats.last_published) == (date(2022, 12, 1), date(2023, 1, 5))
    assert stats.schema_revision == store.schema_version()


def test_stats_of_an_empty_store(store: Store) -> None:
    stats = store.stats()
    assert (stats.documents, stats.months, stats.first_published) == (0, {}, None)


def test_stats_hides_the_password() -> None:
    assert "secret" not in redact("postgresql://user:secret@host/db")


def test_documents_lists_newest_first_undated_last(
    store: Store, make_document: MakeDocument
) -> None:
    for text, published in [("old", date(2020, 1, 1)), ("none", None), ("new", date(2024, 1, 1))]:
        store.add(make_document(text=text, raw_text=text, title=text, published=published))
    assert [s.title for s in store.documents()] == ["new", "old", "none"]


@pytest.mark.parametrize(
    ("limit", "offset", "expected"), [(2, 0, 2), (50, 2, 1), (0, 0, 0), (5, 9, 0)]
)
def test_documents_pages(
    store: Store, make_document: MakeDocument, limit: int, offset: int, expected: int
) -> None:
    for text in "abc":
        store.add(make_document(text=text, raw_text=text))
    assert len(store.documents(limit=limit, offset=offset)) == expected


def test_a_closed_in_memory_store_is_gone() -> None:
    store = Store("sqlite://")
    store.add(Document(source="s", raw_text="r", text="r"))
    store.close()
    with pytest.raises(StoreError, match="no such table"):
        store.stats()
