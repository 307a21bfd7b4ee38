"""Sentence segmentation."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lagebild.stages.sentences import split_sentences


def _texts(text: str, language: str) -> list[str]:
    return [text[s.start : s.end] for s in split_sentences(text, language)]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        (
            "Er kam am 19. Dezember nach Minsk. Dort blieb er.",
            "de",
            ["Er kam am 19. Dezember nach Minsk.", "Dort blieb er."],
        ),
        (
            "Das Treffen u.a. mit Gen. Gerassimow fand statt. Danach nicht.",
            "de",
            ["Das Treffen u.a. mit Gen. Gerassimow fand statt.", "Danach nicht."],
        ),
        (
            "Im 3. Bataillon dienten viele. Es war kalt.",
            "de",
            ["Im 3. Bataillon dienten viele.", "Es war kalt."],
        ),
        (
            "Er sagte: „Wir kommen.“ Dann ging er.",
            "de",
            ["Er sagte: „Wir kommen.“", "Dann ging er."],
        ),
        ("„Wir kommen.“, sagte er. Gut.", "de", ["„Wir kommen.“, sagte er.", "Gut."]),
        ("Sie rief «Halt!» und lief. Weg.", "de", ["Sie rief «Halt!» und lief.", "Weg."]),
        (
            "It ended on February 18. ISW saw nothing.",
            "en",
            ["It ended on February 18.", "ISW saw nothing."],
        ),
        (
            "Lt. Col. Smith met Dr. Jones. They talked.",
            "en",
            ["Lt. Col. Smith met Dr. Jones.", "They talked."],
        ),
        ("The U.S. Army said so. Fine.", "en", ["The U.S. Army said so.", "Fine."]),
        ('He said "No." Then left.', "en", ['He said "No."', "Then left."]),
        ("Why? Because.", "en", ["Why?", "Because."]),
        ("J. R. Smith arrived.", "en", ["J. R. Smith arrived."]),
        ("Überschrift\n\nErster Absatz.", "de", ["Überschrift", "Erster Absatz."]),
        ("ein Satz der\numbrochen ist.", "de", ["ein Satz der\numbrochen ist."]),
    ],
)
def test_split_sentences(text: str, language: str, expected: list[str]) -> None:
    assert _texts(text, language) == expected


@given(st.text(alphabet=st.sampled_from('ab .!?„“"\n19DeZ'), max_size=200))
def test_sentences_are_ordered_disjoint_and_cover_all_non_space(text: str) -> None:
    spans = split_sentences(text, "de")
    covered = 0
    previous_end = 0
    for span in spans:
        assert previous_end <= span.start < span.end
        chunk = text[span.start : span.end]
        assert chunk == chunk.strip()
        covered += sum(1 for c in chunk if not c.isspace())
        previous_end = span.end
    assert covered == sum(1 for c in text if not c.isspace())
