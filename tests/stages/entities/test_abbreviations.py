"""Acronyms a document defines in parentheses denote the entity before them."""

from __future__ import annotations

import pytest

from lagebild.records import EntityType
from lagebild.stages.entities.abbreviations import with_abbreviations
from lagebild.stages.entities.build import Found

TEXT = "Russia’s Defense Ministry (MoD) said. The MoD added."
MINISTRY = Found(9, 25, "org/russian-mod", EntityType.ORGANIZATION)


def _surfaces(found: list[Found]) -> list[tuple[str, str]]:
    return [(TEXT[f.start : f.end], f.key) for f in found]


def test_the_acronym_and_its_later_uses_join_the_entity() -> None:
    assert _surfaces(with_abbreviations(TEXT, [MINISTRY], ())) == [
        ("Defense Ministry", "org/russian-mod"),
        ("MoD", "org/russian-mod"),
        ("MoD", "org/russian-mod"),
    ]


def test_a_model_mention_of_the_acronym_gives_way() -> None:
    model = Found(42, 45, "unk/place/mod", EntityType.PLACE)
    assert _surfaces(with_abbreviations(TEXT, [MINISTRY, model], ()))[-1] == (
        "MoD",
        "org/russian-mod",
    )


def test_a_taken_span_is_left_alone() -> None:
    taken = [Found(27, 30, "place/x", EntityType.PLACE)]
    assert len(with_abbreviations(TEXT, [MINISTRY], taken)) == 2


@pytest.mark.parametrize("text", ["Kyiv (Ukraine) said.", "Kyiv (March 2) said.", "Kyiv (a city)"])
def test_words_in_parentheses_that_are_no_acronyms_are_ignored(text: str) -> None:
    place = Found(0, 4, "place/kyiv", EntityType.PLACE)
    assert with_abbreviations(text, [place], ()) == [place]


def test_an_acronym_whose_capitals_the_mention_lacks_is_ignored() -> None:
    text = "the Industrial Bank of China (ICBC) complied"
    china = Found(22, 27, "place/china", EntityType.PLACE)
    assert with_abbreviations(text, [china], ()) == [china]
