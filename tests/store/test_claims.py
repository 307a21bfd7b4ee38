"""Claims across the store: by speaker (any spelling), topic (any KB form), date, stance."""

from __future__ import annotations

from datetime import date

import pytest

import lagebild
from lagebild.records import Document
from lagebild.store import Store
from lagebild.store.claims import ClaimFilter

TEXTS = (
    ("Lukaschenko sagte am 19. Dezember, Russland werde S-400 liefern.", date(2022, 12, 20)),
    ("Lukashenko said on March 3 that Belarus would not join the war.", date(2022, 3, 4)),
    ("Putin erklärte am 1. Februar, die Triumf-Systeme seien bereit.", date(2023, 2, 2)),
)


@pytest.fixture
def filled(store: Store) -> Store:
    for text, published in TEXTS:
        language = "en" if " said " in text else "de"
        document = Document(raw_text=text, source=f"{published}.txt", language=language)
        store.add(lagebild.analyze_document(document, published=published))
    return store


def _speakers(store: Store, **wanted: str) -> list[str | None]:
    return [hit.claim.speaker_id for hit in store.claims(ClaimFilter(**wanted))]


def test_speaker_in_any_spelling(filled: Store) -> None:
    expected = ["person/alexander-lukashenko"] * 2
    assert _speakers(filled, speaker="Lukaschenko") == expected
    assert _speakers(filled, speaker="person/alexander-lukashenko") == expected


def test_topic_in_any_knowledge_base_form(filled: Store) -> None:
    # "S-400" also finds "Triumf", the system's Russian name
    assert _speakers(filled, about="S-400") == [
        "person/vladimir-putin",
        "person/alexander-lukashenko",
    ]


def test_since_filters_statement_dates(filled: Store) -> None:
    assert _speakers(filled, since="2023") == ["person/vladimir-putin"]


def test_plain_text_speaker_without_kb_entry(filled: Store) -> None:
    assert _speakers(filled, speaker="nobody-known") == []
