"""Pronoun resolution over documents the entity stage has linked (knowledge base only)."""

from __future__ import annotations

from datetime import date

import pytest

from lagebild.records import Document, Span
from lagebild.stages.entities.coref import (
    Antecedent,
    Unresolved,
    find_pronouns,
    pronoun_gender,
    resolve_pronoun,
)
from lagebild.stages.entities.stage import make_entities
from lagebild.stages.sentences import make_sentences

SENTENCES = make_sentences()
ENTITIES = make_entities(ner=False, geocode=False)


def _document(text: str, language: str = "de") -> Document:
    document = Document(text=text, language=language, published=date(2022, 12, 20))
    return ENTITIES(SENTENCES(document))


def _resolve(text: str, pronoun: str, occurrence: int = 0, language: str = "de") -> str:
    document = _document(text, language)
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(pronoun, start + 1)
    found = resolve_pronoun(document, Span(start=start, end=start + len(pronoun)))
    return found.entity.id if isinstance(found, Antecedent) else f"unresolved: {found.reason}"


@pytest.mark.parametrize(
    ("language", "text", "pronoun", "expected"),
    [
        ("de", "Lukaschenko sagte, er greife nicht an.", "er", "person/alexander-lukashenko"),
        ("de", "Putin traf Lukaschenko in Minsk. Er lobte ihn.", "Er", "person/vladimir-putin"),
        (
            "de",
            "Putin traf Lukaschenko. Danach sprach Selenskyj. Er forderte Waffen.",
            "Er",
            "person/volodymyr-zelensky",
        ),
        ("en", "Peskov said that he had no information.", "he", "person/dmitry-peskov"),
    ],
)
def test_resolves_to_the_salient_person(
    language: str, text: str, pronoun: str, expected: str
) -> None:
    assert _resolve(text, pronoun, language=language) == expected


def test_no_person_in_reach_gives_a_reason() -> None:
    text = "Putin sprach. Es regnete. Es schneite. Es war kalt. Er schwieg."
    assert _resolve(text, "Er").startswith("unresolved: no male person")


def test_plural_sie_without_known_woman_stays_unresolved() -> None:
    assert _resolve("Putin und Lukaschenko trafen sich. Sie sprachen.", "Sie").startswith(
        "unresolved"
    )


def test_non_pronoun_span_is_rejected_with_reason() -> None:
    document = _document("Putin sprach lange.")
    found = resolve_pronoun(document, Span(start=6, end=12))
    assert isinstance(found, Unresolved)
    assert "not a personal pronoun" in found.reason


def test_alternatives_list_the_other_compatible_people() -> None:
    text = "Putin traf Lukaschenko. Er lobte ihn."
    document = _document(text)
    start = text.index("Er")
    found = resolve_pronoun(document, Span(start=start, end=start + 2))
    assert isinstance(found, Antecedent)
    assert found.alternatives == ("person/alexander-lukashenko",)
    assert not found.certain


@pytest.mark.parametrize(
    ("word", "gender"),
    [("er", "male"), ("Seinen", "male"), ("his", "male"), ("she", "female"), ("ihr", "female")],
)
def test_pronoun_gender(word: str, gender: str) -> None:
    assert pronoun_gender(word) == gender


@pytest.mark.parametrize("word", ["es", "wir", "Putin", "the", "they"])
def test_other_words_are_not_person_pronouns(word: str) -> None:
    assert pronoun_gender(word) is None


def test_find_pronouns_skips_polite_sie() -> None:
    text = "Können Sie das bestätigen? Sie sagte nein, er auch."
    found = [text[s.start : s.end] for s in find_pronouns(_document(text))]
    assert found == ["Sie", "er"]
