"""GeoNames place index: German spellings, apostrophes, implausible hamlets."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.stages.entities.geo import PlaceIndex, german_variants


def _city(geonameid: int, name: str, country: str, population: int, *alternates: str) -> dict:
    return {
        "geonameid": geonameid,
        "name": name,
        "countrycode": country,
        "latitude": 50.0,
        "longitude": 36.0,
        "population": population,
        "alternatenames": list(alternates),
    }


@pytest.fixture
def index(tmp_path: Path) -> PlaceIndex:
    cities = [
        _city(1, "Vovchansk", "UA", 17459),
        _city(2, "Zhytomyr", "UA", 261624),
        _city(3, "Pyl'ne", "UA", 600),
        _city(4, "Komi", "ID", 0),
        _city(5, "Kharkiv", "UA", 1421125, "Charkiw"),
        _city(6, "Chasiv Yar", "UA", 12250),
    ]
    return PlaceIndex.build(tmp_path / "places.sqlite", cities)


def test_german_spellings_are_read_as_english_transliterations(index: PlaceIndex) -> None:
    assert index.resolve("Wowtschansk").place.geonames_id == 1
    assert index.resolve("Schytomyr").place.geonames_id == 2
    assert index.resolve("Tschassiw Jar").place.geonames_id == 6
    assert "German spelling" in index.resolve("Wowtschansk").reason


def test_a_name_as_written_wins_over_its_transliterations(index: PlaceIndex) -> None:
    resolution = index.resolve("Charkiw")
    assert resolution.place.geonames_id == 5
    assert "German spelling" not in resolution.reason


def test_apostrophes_of_the_soft_sign_may_be_dropped(index: PlaceIndex) -> None:
    assert index.resolve("Pylne").place.geonames_id == 3


def test_a_remote_hamlet_is_not_taken(index: PlaceIndex) -> None:
    with pytest.raises(KeyError, match="remote"):
        index.resolve("Komi", {"RU": 4})
    assert index.resolve("Komi", {"ID": 1}).place.geonames_id == 4


@pytest.mark.parametrize(
    ("german", "english"),
    [
        ("Wowtschansk", "vovchansk"),
        ("Boryssiwka", "borysivka"),
        ("Awdijiwka", "avdiivka"),
        ("Kupjansk", "kupyansk"),
        ("Pokrowsk", "pokrovsk"),
        ("Torezk", "toretsk"),
        ("Saporischschja", "zaporizhzhia"),
        ("Selenskyj", "zelenskyi"),
    ],
)
def test_german_variants(german: str, english: str) -> None:
    assert english in german_variants(german)


def test_no_variants_when_nothing_is_german() -> None:
    assert german_variants("Pylne") == []
