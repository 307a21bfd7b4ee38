"""The store: migrations, idempotent and transactional writes, round trips, statistics."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import inspect

from lagebild.errors import StoreError
from lagebild.records import (
    Assessment,
    Claim,
    Document,
    Entity,
    EntityType,
    Event,
    Geo,
    Mention,
    Removal,
    Span,
    TimeExpression,
)
from lagebild.store import Store, head_revision, resolve_url
from lagebild.store import store as store_module


@pytest.fixture
def store(tmp_path: Path) -> Store:
    return Store(f"sqlite:///{tmp_path / 'store.db'}")


def _document(text: str = "Lukaschenko traf Putin am 19. Dezember in Minsk.") -> Document:
    return Document(
        source="t.txt",
        title="Treffen",
        language="de",
        published=date(2022, 12, 20),
        raw_text="X\n" + text,
        text=text,
        removed=[Removal(start=0, end=2, reason="test")],
        sentences=[Span(start=0, end=len(text))],
        entities=[
            Entity(
                id="person/putin",
                name="Vladimir Putin",
                type=EntityType.PERSON,
                mentions=[Mention(start=17, end=22, text="Putin")],
            ),
            Entity(
                id="place/minsk",
                name="Minsk",
                type=EntityType.PLACE,
                mentions=[Mention(start=42, end=47, text="Minsk")],
                geo=Geo(lat=53.9, lon=27.57, geonames_id=625144),
            ),
        ],
        times=[TimeExpression(start=26, end=38, text="19. Dezember", value="2022-12-19")],
        claims=[Claim(start=0, end=10, speaker="person/putin", content="x", mode="indirect")],
        assessments=[Assessment(start=0, end=5, assessor="org/isw", probability=(0.2, 0.45))],
        events=[Event(start=0, end=48, type="CONSULT", actors=["a", "b"], date="2022-12-19")],
    ).finalise_id()


def test_fresh_store_has_every_table(store: Store) -> None:
    tables = set(inspect(store.engine).get_table_names())
    assert {"documents", "entities", "times", "claims", "assessments", "events"} <= tables
    assert store.revision == head_revision()


def test_reopening_keeps_data(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 's.db'}"
    with Store(url) as first:
        first.add(_document())
    with Store(url) as second:
        assert second.stats().documents == 1


def test_round_trip_preserves_every_record(store: Store) -> None:
    document = _document()
    store.add(document)
    assert store.get(document.id) == document


def test_same_document_is_stored_once(store: Store) -> None:
    first, second = store.add(_document()), store.add(_document())
    assert (first.stored, second.stored, second.reason) == (True, False, "already stored")
    assert store.stats().documents == 1


def test_failed_write_leaves_nothing(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: object) -> dict[str, object]:
        raise store_module.SQLAlchemyError("disk full")

    monkeypatch.setattr(store_module, "_record_row", fail)
    with pytest.raises(StoreError, match="disk full"):
        store.add(_document())
    assert store.stats().documents == 0 and not store.contains(_document().id)


@pytest.mark.parametrize("length", [6, 10, 64])
def test_get_by_prefix(store: Store, length: int) -> None:
    document = _document()
    store.add(document)
    assert store.get(document.id[:length]).id == document.id


@pytest.mark.parametrize(
    ("wanted", "message"), [("abc", "too short"), ("ffffffffff", "no stored document")]
)
def test_get_explains_failure(store: Store, wanted: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        store.get(wanted)


def test_stats_counts_records_and_dates(store: Store) -> None:
    store.add(_document())
    stats = store.stats()
    assert stats.records == {"entities": 2, "times": 1, "claims": 1, "assessments": 1, "events": 1}
    assert (stats.first_published, stats.months, stats.languages) == (
        "2022-12-20",
        {"2022-12": 1},
        {"de": 1},
    )


def test_documents_lists_summaries(store: Store) -> None:
    store.add(_document())
    assert [s.title for s in store.documents()] == ["Treffen"]


@pytest.mark.parametrize(
    ("url", "expected"),
    [("x.db", "sqlite:///x.db"), ("postgresql://u@h/db", "postgresql://u@h/db")],
)
def test_resolve_url(url: str, expected: str) -> None:
    assert resolve_url(url) == expected


def test_environment_variable_names_the_store(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("LAGEBILD_DB", str(tmp_path / "env.db"))
    assert resolve_url(None) == f"sqlite:///{tmp_path / 'env.db'}"


@pytest.mark.parametrize("url", ["sqlite:////no/such/folder/x.db", "nosuchdialect://x"])
def test_unusable_store_is_a_store_error(url: str) -> None:
    with pytest.raises(StoreError):
        Store(url)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'n.db'}"
    with Store(url) as store, store.engine.begin() as connection:
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(StoreError, match="newer than this lagebild knows"):
        Store(url)
