"""Fuzzy dates, folding and the entity model."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from lagebild.kb import Entity, fold
from lagebild.kb.dates import earliest, latest, overlaps, parse_fuzzy_date, within
from lagebild.kb.files import parse


@pytest.mark.parametrize(
    ("value", "canonical"),
    [
        (1994, "1994"),
        ("2024-05", "2024-05"),
        ("2024-05-14", "2024-05-14"),
        (date(2022, 2, 24), "2022-02-24"),
    ],
)
def test_fuzzy_date_canonical_form(value: object, canonical: str) -> None:
    assert parse_fuzzy_date(value) == canonical


@pytest.mark.parametrize("value", ["2024-5", "24.02.2022", "2023-02-29", True, 3.5, "soon"])
def test_fuzzy_date_rejects(value: object) -> None:
    with pytest.raises(ValueError):
        parse_fuzzy_date(value)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("2024", date(2024, 1, 1), date(2024, 12, 31)),
        ("2024-02", date(2024, 2, 1), date(2024, 2, 29)),
        ("2024-02-08", date(2024, 2, 8), date(2024, 2, 8)),
    ],
)
def test_fuzzy_date_bounds(text: str, first: date, last: date) -> None:
    assert (earliest(text), latest(text)) == (first, last)


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        (("2020", "2021"), ("2022", None), False),
        ((None, "2024-05"), ("2024-05-14", None), True),
        ((None, None), ("2000", "2001"), True),
    ],
)
def test_overlaps(
    first: tuple[str | None, str | None], second: tuple[str | None, str | None], expected: bool
) -> None:
    assert overlaps(first, second) is expected


def test_within_open_interval() -> None:
    assert within(date(2030, 1, 1), "2024", None)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Weißrussland", "WEISSRUSSLAND"),
        ("S‑400", "s-400"),
        ("Kyiv’s", "kyiv's"),
        ("Oblast  Donezk", "oblast donezk"),
    ],
)
def test_fold_equates_spellings(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_fold_keeps_diacritics() -> None:
    assert fold("Erdoğan") != fold("Erdogan")


def test_entity_normalises_string_aliases() -> None:
    entity = Entity.model_validate(
        {"id": "person/x", "type": "PERSON", "name": "X", "aliases": ["Y"], "names": {"de": "X"}}
    )
    assert entity.aliases[0].text == "Y"
    assert entity.names == {"de": ["X"]}


def test_entity_is_frozen() -> None:
    entity = Entity.model_validate({"id": "person/x", "type": "PERSON", "name": "X"})
    with pytest.raises(ValueError):
        entity.name = "Z"  # type: ignore[misc]


def test_parse_cache_returns_the_same_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LAGEBILD_CACHE", str(tmp_path))
    data = b"- {id: person/x, name: X, since: 2024-05, aliases: [NO]}\n"
    first = parse(data)
    assert list(tmp_path.glob("kb-*.json"))
    assert (
        parse(data)
        == first
        == [{"id": "person/x", "name": "X", "since": "2024-05", "aliases": ["NO"]}]
    )


def test_corrupt_cache_entry_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAGEBILD_CACHE", str(tmp_path))
    data = b"- {id: person/x}\n"
    parse(data)
    for entry in tmp_path.glob("kb-*.json"):
        entry.write_text("{broken", encoding="utf-8")
    assert parse(data) == [{"id": "person/x"}]


def test_document_with_non_string_keys_is_not_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LAGEBILD_CACHE", str(tmp_path))
    assert parse(b"- {1: one}\n") == [{1: "one"}]
    assert not list(tmp_path.glob("kb-*.json"))
