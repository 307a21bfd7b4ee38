"""Claims across sentences: quotations merged into one unit, Konjunktiv continuations."""

from __future__ import annotations

import pytest

from lagebild.records import Span
from lagebild.stages.claims.continuation import continuation, sentence_units


def _sentences(text: str) -> list[Span]:
    spans, start = [], 0
    for part in text.split(". "):
        end = start + len(part) + 1
        spans.append(Span(start=start, end=min(end, len(text))))
        start = end + 1
    return spans


def test_a_quotation_over_two_sentences_is_one_unit() -> None:
    text = "„Wir sind bereit. Wir kämpfen weiter“, sagte er. Danach ging er."
    units = sentence_units(text, _sentences(text))
    assert [text[a:b] for a, b in units] == [
        "„Wir sind bereit. Wir kämpfen weiter“, sagte er.",
        "Danach ging er.",
    ]


def test_sentences_without_quotations_stay_apart() -> None:
    text = "Er kam. Sie ging."
    assert len(sentence_units(text, _sentences(text))) == 2


@pytest.mark.parametrize(
    "sentence",
    [
        "Die Lieferung erfolge noch in diesem Jahr.",
        "Aktuell mangele es an Munition.",
        "Die EU beziehe ihre Kraft daraus.",
        "Es handle sich um vier Dörfer.",
        "Die Lage sei stabil.",
        "Dazu würden Kräfte im Norden gesammelt.",
        "Durch die Angriffe sollen Zivilisten verletzt worden sein.",
        "Um zu gewinnen, brauche sein Militär mehr Waffen.",
    ],
)
def test_konjunktiv_sentences_continue(sentence: str) -> None:
    found = continuation(sentence, 0, len(sentence))
    assert found is not None
    assert (found.mode, found.marker, found.has_cue) == ("indirect", "previous", False)


@pytest.mark.parametrize(
    "sentence",
    [
        "Er machte damit eine Anspielung auf die AfD.",
        "Er wurde am Mittwoch dem Richter vorgeführt.",
        "Die aktuelle Lage im Newsticker zum Krieg.",
        "Die Möglichkeit, dass es keine Offensive sein könnte, wird debattiert.",
        "Die russische Armee greift die Region an.",
        "Update vom 10. Mai, 12.00 Uhr: Die Lage sei stabil.",
        "„Die Lage sei stabil“",
        "Die Lage sei stabil",
    ],
)
def test_indicative_headings_and_stamps_do_not_continue(sentence: str) -> None:
    assert continuation(sentence, 0, len(sentence)) is None
