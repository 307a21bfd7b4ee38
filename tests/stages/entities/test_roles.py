"""Role phrases resolved by the document's own introductions."""

from __future__ import annotations

import pytest

from lagebild.records import EntityType
from lagebild.stages.entities.build import Found
from lagebild.stages.entities.roles import document_roles


def _person(text: str, name: str, key: str) -> Found:
    start = text.index(name)
    return Found(start, start + len(name), key, EntityType.PERSON)


@pytest.mark.parametrize(
    ("text", "name", "phrase"),
    [
        (
            "Verteidigungsminister Boris Pistorius reiste ab. Der Verteidigungsminister sagte nichts.",
            "Boris Pistorius",
            "Verteidigungsminister",
        ),
        (
            "Kremlsprecher Dmitri Peskow widersprach. Laut dem Kremlsprecher gab es kein Treffen.",
            "Dmitri Peskow",
            "Kremlsprecher",
        ),
        (
            "Spokesperson Irina Volk said so. The Spokesperson added a warning.",
            "Irina Volk",
            "Spokesperson",
        ),
        (
            "Außenministerin Annalena Baerbock sprach. Die Rede der Außenministerin dauerte.",
            "Annalena Baerbock",
            "Außenministerin",
        ),
    ],
)
def test_definite_role_phrase_points_at_the_introduced_person(
    text: str, name: str, phrase: str
) -> None:
    (role,) = document_roles(text, [_person(text, name, "unk/person/x")])
    assert (text[role.start : role.end], role.key, role.kind) == (phrase, "unk/person/x", "role")


def test_inflected_role_phrase() -> None:
    text = "Minister Ivan Petrov kam. Die Rede des Ministers war kurz."
    (role,) = document_roles(text, [_person(text, "Ivan Petrov", "p")])
    assert text[role.start : role.end] == "Ministers"


def test_role_shared_by_two_people_stays_unresolved() -> None:
    text = "Minister Ivan Petrov und Minister Olga Sidorova kamen. Der Minister sprach."
    found = [_person(text, "Ivan Petrov", "a"), _person(text, "Olga Sidorova", "b")]
    assert document_roles(text, found) == []


def test_role_followed_by_a_new_name_is_an_introduction_not_a_reference() -> None:
    text = "Minister Ivan Petrov kam. Der Minister Olga Sidorova fehlte."
    assert document_roles(text, [_person(text, "Ivan Petrov", "a")]) == []


def test_no_introduction_no_role() -> None:
    text = "Ivan Petrov kam. Der Minister sprach."
    assert document_roles(text, [_person(text, "Ivan Petrov", "a")]) == []
