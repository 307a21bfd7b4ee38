"""Checks on unknown NER spans: headings and role portfolios out, people retyped."""

from __future__ import annotations

import pytest

from lagebild.records import EntityType
from lagebild.stages.entities.ner_checks import rejected, retyped


def _check(text: str, span: str) -> str | None:
    start = text.index(span)
    return rejected(text, start, start + len(span), EntityType.ORGANIZATION)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        (
            "went on.\n\nRussian Domestic Opposition and Censorship\n\nThe Kremlin",
            "Domestic Opposition",
        ),
        ("went on.\n\nKremlin Narratives:\n\nThe Kremlin", "Narratives"),
        ("Russian Industry and Trade Minister Denis Maturov said", "Industry and"),
        ("Ukrainian Internal Affairs Minister Adviser Anton said", "Internal"),
        ("EU Foreign Affairs and Security Policy High Representative Josep", "Foreign Affairs"),
    ],
)
def test_headings_and_role_portfolios_are_no_organisations(text: str, span: str) -> None:
    assert _check(text, span)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("The Hungarian Embassy condemned the claim.", "Hungarian Embassy"),
        ("Russian Defense Ministry Spokesperson Igor Konashenkov said", "Defense Ministry"),
        ("Reuters reported on Monday that the talks failed.", "Reuters"),
        ("the White Helmets, a Syrian aid group, said", "White Helmets"),
    ],
)
def test_bodies_in_running_text_stand(text: str, span: str) -> None:
    assert _check(text, span) is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Dmitry Ivanov", EntityType.PERSON),
        ("Sergey Petrov Jr", EntityType.PERSON),
        ("Dmitry", EntityType.ORGANIZATION),
        ("Azov Battalion", EntityType.ORGANIZATION),
        ("General Staff", EntityType.ORGANIZATION),
    ],
)
def test_a_known_given_name_makes_an_organisation_a_person(name: str, expected: EntityType) -> None:
    text = f"said {name} on Monday"
    start = text.index(name)
    assert retyped(text, start, start + len(name), EntityType.ORGANIZATION) is expected
