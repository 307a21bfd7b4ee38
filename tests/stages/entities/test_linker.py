"""Knowledge-base linking: names inside role phrases and descriptions."""

from __future__ import annotations

from datetime import date

import pytest

from lagebild.stages.entities.linker import description_head, kb_matcher

DAY = date(2022, 3, 2)


def _links(text: str) -> list[tuple[str, str, str]]:
    return [
        (text[link.start : link.end], link.entity_id, link.kind)
        for link in kb_matcher().link(text, DAY)
    ]


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("Kremlin Spokesperson Dmitry Peskov said.", ("Kremlin", "org/kremlin", "name")),
        ("Russian President Vladimir Putin said.", ("Russian", "place/russia", "nationality")),
        ("US President Joe Biden said.", ("US", "place/united-states", "alias")),
    ],
)
def test_names_inside_a_role_phrase_are_linked(text: str, inner: tuple[str, str, str]) -> None:
    links = _links(text)
    assert inner in links and any(kind == "role" for _, _, kind in links)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the Russian military said", [("Russian", "place/russia", "nationality")]),
        ("the Ukrainian government said", [("Ukrainian", "place/ukraine", "nationality")]),
        ("the US military said", [("US", "place/united-states", "alias")]),
        ("the Russian prosecutor general’s office", [("Russian", "place/russia", "nationality")]),
    ],
)
def test_a_description_keeps_only_its_nationality_word(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert [link for link in _links(text) if link[2] != "description"] == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("in the Kyiv region", "Kyiv"),
        ("500 Stinger missiles", "Stinger"),
        ("on his Telegram channel", "Telegram"),
    ],
)
def test_a_description_is_cut_to_its_name(text: str, name: str) -> None:
    assert [surface for surface, _, _ in _links(text)] == [name]


def test_a_lower_case_word_that_is_no_generic_noun_stays_in_the_name() -> None:
    assert _links("the Normandy format met") == [("Normandy format", "org/normandy-format", "name")]


def test_a_lower_case_weapon_category_is_a_description() -> None:
    assert {kind for _, _, kind in _links("nuclear weapons")} == {"description"}


@pytest.mark.parametrize(
    ("text", "head_end"),
    [
        ("Russian military", 7),
        ("nuclear weapons", 0),
        ("Ministry of Defense", None),
        ("Normandy format", None),
        ("russischen Verteidigungsministeriums", None),
        ("Luhansk oblasts", 7),
    ],
)
def test_description_head(text: str, head_end: int | None) -> None:
    assert description_head(text, 0, len(text)) == head_end
