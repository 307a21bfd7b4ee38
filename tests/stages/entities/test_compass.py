"""Named areas made of a compass word: "the West", "Eastern Europe"."""

from __future__ import annotations

import pytest

from lagebild.records import EntityType
from lagebild.stages.entities.build import Found
from lagebild.stages.entities.compass import compass_regions


def _place(text: str, name: str) -> Found:
    start = text.index(name)
    return Found(start, start + len(name), f"place/{name.lower()}", EntityType.PLACE)


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        ("provocations in Eastern Europe but", "Europe", "Eastern Europe"),
        ("to Lviv, in Western Ukraine, if", "Ukraine", "Western Ukraine"),
        ("fighting in eastern Ukraine", "Ukraine", "Ukraine"),
    ],
)
def test_a_capitalised_compass_word_widens_the_place(text: str, name: str, expected: str) -> None:
    [item] = compass_regions(text, [_place(text, name)])
    assert text[item.start : item.end] == expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Lavrov accused the West of Russophobia.", 1),
        ("The West coerced the UN.", 1),
        ("settlements in the West Bank", 0),
        ("the West-backed government", 0),
    ],
)
def test_the_west_as_a_noun_is_a_place(text: str, found: int) -> None:
    assert [f.key for f in compass_regions(text, [])] == ["unk/place/west"] * found
