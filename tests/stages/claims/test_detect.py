"""The sentence-level claim detector: robustness and clause handling."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lagebild.stages.claims.detect import claims_in_sentence


def _modes(text: str, language: str = "de") -> list[tuple[str, str]]:
    return [
        (found.mode, text[found.content_start : found.content_end])
        for found in claims_in_sentence(text, 0, len(text), language)
    ]


def test_two_clauses_two_claims() -> None:
    text = "Lukaschenko sagte, Russland liefere Raketen, während Putin erklärte, beide hätten verhandelt."
    assert _modes(text) == [
        ("indirect", "Russland liefere Raketen"),
        ("indirect", "beide hätten verhandelt"),
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "Putin stated on March 5 that the operation was going to plan.",
            "the operation was going to plan",
        ),
        (
            "Nach Angaben des Generalstabs wurden zwölf Drohnen abgeschossen.",
            "wurden zwölf Drohnen abgeschossen",
        ),
        (
            "Dem Generalstab zufolge wurden zwölf Drohnen abgeschossen.",
            "wurden zwölf Drohnen abgeschossen",
        ),
    ],
)
def test_content(text: str, content: str) -> None:
    language = "en" if " the " in text else "de"
    assert _modes(text, language)[0][1] == content


def test_ticker_stamp_is_not_content() -> None:
    text = "Update vom 10. Mai, 12.57 Uhr: Die Ukraine hat Truppen verlegt, teilte das Ministerium mit."
    assert _modes(text) == [("indirect", "Die Ukraine hat Truppen verlegt")]


def test_source_marker_after_a_stamp() -> None:
    text = "Update vom 10. Mai, 15.35 Uhr: Nach Angaben des Generalstabs wurden Dörfer geräumt."
    assert _modes(text) == [("indirect", "wurden Dörfer geräumt")]


def test_speech_act_noun_is_reported() -> None:
    text = "Er hatte im Februar ähnliche Drohungen gegen Polen gemacht."
    assert _modes(text) == [("reported", "ähnliche Drohungen gegen Polen")]


@given(st.text(max_size=400), st.sampled_from(["de", "en"]))
def test_detector_never_fails_and_stays_inside(text: str, language: str) -> None:
    for found in claims_in_sentence(text, 0, len(text), language):
        assert 0 <= found.start <= found.cue_start < found.cue_end <= found.end <= len(text)
        assert found.start <= found.content_start <= found.content_end <= found.end
