"""National institutions and places with a capitalised descriptor become one mention."""

from __future__ import annotations

import pytest

from lagebild.records import EntityType
from lagebild.stages.entities.build import Found
from lagebild.stages.entities.institutions import repair_spans


def _nat(text: str, word: str) -> Found:
    start = text.index(word)
    return Found(start, start + len(word), "place/x", EntityType.PLACE, "nationality")


def _spans(text: str, found: list[Found]) -> list[tuple[str, EntityType]]:
    return sorted((text[f.start : f.end], f.type) for f in repair_spans(text, found))


#: (text, the body's full name); the name starts with the national adjective.
BODIES = [
    ("The Belarusian Ministry of Internal Affairs said", "Belarusian Ministry of Internal Affairs"),
    (
        "a Ukrainian National Security and Defense Council Secretary",
        "Ukrainian National Security and Defense Council",
    ),
    (
        "Russian Radiation, Chemical, and Biological Protection Forces Chief",
        "Russian Radiation, Chemical, and Biological Protection Forces",
    ),
    ("The Hungarian Embassy in Ukraine denied it", "Hungarian Embassy"),
    ("The Ukrainian GUR reported", "Ukrainian GUR"),
    ("Russian Defense Ministry Representative Igor", "Russian Defense Ministry"),
]


@pytest.mark.parametrize(("text", "expected"), BODIES)
def test_a_national_adjective_joins_the_body_it_names(text: str, expected: str) -> None:
    adjective = expected.split()[0]
    assert _spans(text, [_nat(text, adjective)]) == [(expected, EntityType.ORGANIZATION)]


@pytest.mark.parametrize(
    ("text", "adjective"),
    [
        ("the Russian 4th Tank Division moved", "Russian"),
        ("Russian President Vladimir Putin said", "Russian"),
        ("Ukrainian Internal Affairs Minister Adviser said", "Ukrainian"),
        ("Russian forces advanced", "Russian"),
        ("Russian Orthodox Church leaders", "Russian"),
    ],
)
def test_units_roles_and_common_nouns_keep_the_adjective_apart(text: str, adjective: str) -> None:
    assert _spans(text, [_nat(text, adjective)]) == [(adjective, EntityType.PLACE)]


def test_a_person_after_the_body_stays_a_person() -> None:
    text = "Russian Ministry of Defense Spokesperson Igor Konashenkov said"
    person = Found(text.index("Igor"), len(text) - 5, "person/x", EntityType.PERSON)
    spans = _spans(text, [_nat(text, "Russian"), person])
    assert spans == [
        ("Igor Konashenkov", EntityType.PERSON),
        ("Russian Ministry of Defense", EntityType.ORGANIZATION),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the mayor of Kherson City said", "Kherson City"),
        ("shelling in Donetsk Region on", "Donetsk Region"),
        ("shelling in Kherson city on", "Kherson"),
    ],
)
def test_a_capitalised_descriptor_joins_the_place(text: str, expected: str) -> None:
    name = expected.split()[0]
    start = text.index(name)
    place = Found(start, start + len(name), "place/x", EntityType.PLACE)
    assert _spans(text, [place]) == [(expected, EntityType.PLACE)]
