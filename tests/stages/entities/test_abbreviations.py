"""Acronyms a document defines in parentheses denote the entity before them."""

from __future__ import annotations

import pytest

from lagebild.records import EntityType
from lagebild.stages.entities.abbreviations import defined_abbreviations
from lagebild.stages.entities.build import Found

TEXT = "Russia’s Defense Ministry (MoD) said. The MoD added."
MINISTRY = Found(9, 25, "org/russian-mod", EntityType.ORGANIZATION)


def test_the_acronym_and_its_later_uses_join_the_entity() -> None:
    added = defined_abbreviations(TEXT, [MINISTRY], ())
    assert [(TEXT[f.start : f.end], f.key) for f in added] == [
        ("MoD", "org/russian-mod"),
        ("MoD", "org/russian-mod"),
    ]


def test_a_taken_span_is_left_alone() -> None:
    taken = [Found(27, 30, "place/x", EntityType.PLACE)]
    assert len(defined_abbreviations(TEXT, [MINISTRY], taken)) == 1


@pytest.mark.parametrize("text", ["Kyiv (Ukraine) said.", "Kyiv (March 2) said.", "Kyiv (a city)"])
def test_words_in_parentheses_that_are_no_acronyms_are_ignored(text: str) -> None:
    place = Found(0, 4, "place/kyiv", EntityType.PLACE)
    assert defined_abbreviations(text, [place], ()) == []


def test_an_acronym_whose_capitals_the_mention_lacks_is_ignored() -> None:
    text = "the Industrial Bank of China (ICBC) complied"
    china = Found(22, 27, "place/china", EntityType.PLACE)
    assert defined_abbreviations(text, [china], ()) == []
