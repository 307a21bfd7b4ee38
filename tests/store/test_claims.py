"""Claims across the store: by speaker (any spelling), topic (any KB form), date, stance."""

from __future__ import annotations

from datetime import date

import pytest

import lagebild
from lagebild.records import Claim, Document
from lagebild.store import Store, claims
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


def _said(store: Store, *said: tuple[str, str, str]) -> Store:
    """Stores one document whose claims are ``(speaker, content, stance)``, dated in order."""
    found = [
        Claim(start=i, end=i + 1, speaker=s, content=c, stance=t, date=f"2024-01-{i + 1:02d}")
        for i, (s, c, t) in enumerate(said)
    ]
    text = "x" * (len(said) + 1)
    store.add(Document(raw_text=text, text=text, source="said.txt", claims=found))
    return store


def _contents(store: Store, wanted: ClaimFilter, limit: int = 100, offset: int = 0) -> list[str]:
    return [hit.claim.content for hit in store.claims(wanted, limit, offset)]


def test_speaker_text_matches_inside_a_name_in_any_case(store: Store) -> None:
    _said(store, ("Herr ÖZDEMİR", "a", "neutral"), ("Schulz", "b", "neutral"))
    assert _contents(store, ClaimFilter(speaker="özdemi̇r")) == ["a"]


def test_topic_matches_after_casefolding(store: Store) -> None:
    _said(store, ("A", "Die STRASSE ist frei", "neutral"), ("B", "nichts", "neutral"))
    assert _contents(store, ClaimFilter(about="straße")) == ["Die STRASSE ist frei"]


def test_stance_filters_claims(store: Store) -> None:
    _said(store, ("A", "a", "disputed"), ("B", "b", "neutral"))
    assert _contents(store, ClaimFilter(stance="disputed")) == ["a"]


def test_topic_of_two_letters_does_not_filter(store: Store) -> None:
    _said(store, ("A", "a", "neutral"), ("B", "b", "neutral"))
    assert _contents(store, ClaimFilter(about="Xq")) == ["b", "a"]


def test_pages_continue_newest_first(store: Store) -> None:
    _said(store, *[("A", f"c{i}", "neutral") for i in range(5)])
    pages = [_contents(store, ClaimFilter(speaker="A"), 2, offset) for offset in (0, 2, 4)]
    assert pages == [["c4", "c3"], ["c2", "c1"], ["c0"]]


def test_substring_scan_agrees_with_the_trigram_index(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    _said(store, ("Sprecherin", "in Charkiw", "neutral"), ("Sprecher", "in Kyjiw", "neutral"))
    wanted = ClaimFilter(speaker="sprecher", about="charkiw")
    indexed = _contents(store, wanted)
    monkeypatch.setattr(claims, "TRIGRAM", 1_000)  # no form is long enough: LIKE instead
    assert _contents(store, wanted) == indexed == ["in Charkiw"]
