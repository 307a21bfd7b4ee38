"""The packaged speech tagger: span assembly, offsets and robustness on arbitrary text."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lagebild.stages.claims import speech
from lagebild.stages.claims.speech import TYPES, SpeechSpan, speech_spans

pytestmark = pytest.mark.skipif(
    not (speech.model_dir() / "meta.json").exists(), reason="stwr_de model not built"
)


def _types(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for span in speech_spans(text):
        found.setdefault(span.type, []).append(text[span.start : span.end])
    return found


def test_direct_speech_in_chevrons() -> None:
    text = "Der Minister trat vor die Presse. »Wir werden nicht nachgeben«, sagte er."
    direct = _types(text).get("direct", [])
    assert any("Wir werden nicht nachgeben" in span for span in direct)
    assert not any("Presse" in span for span in direct)


@pytest.mark.parametrize(
    "text",
    [
        "Der Sprecher sagte, die Truppen seien abgezogen worden.",
        "Er behauptete, dass die Brücke zerstört worden sei.",
    ],
)
def test_indirect_speech_after_a_speech_verb(text: str) -> None:
    indirect = _types(text).get("indirect", [])
    assert indirect, speech_spans(text)
    assert all(span.strip() for span in indirect)


def test_direct_quotation_over_two_sentences_is_one_span() -> None:
    text = "Sie rief: „Kommt sofort her. Es brennt!“ Dann lief sie davon."
    direct = [s for s in speech_spans(text) if s.type == "direct"]
    assert len(direct) == 1
    assert "Kommt sofort her. Es brennt!" in text[direct[0].start : direct[0].end]


def test_spans_are_ordered_and_typed() -> None:
    text = "»Ja«, sagte er. Sie fragte, ob er komme. Er erzählte von der Reise."
    spans = speech_spans(text)
    assert spans == sorted(spans, key=lambda s: (s.start, -s.end, s.type))
    for span in spans:
        assert span.type in TYPES
        assert speech.thresholds()[span.type] <= span.score <= 1.0
        assert text[span.start].strip() and text[span.end - 1].strip()


def test_spans_of_one_type_do_not_overlap() -> None:
    text = "»Ich komme«, sagte er. »Morgen.« Sie dachte, er lüge. Man erzählte vom Krieg."
    spans = speech_spans(text)
    for kind in TYPES:
        same = [s for s in spans if s.type == kind]
        for left, right in itertools.pairwise(same):
            assert left.end <= right.start


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "»", "„“", "...", "1914"])
def test_degenerate_texts(text: str) -> None:
    assert all(isinstance(span, SpeechSpan) for span in speech_spans(text))


PIECES = [*"abc XYZ äß.,:;!?-–»«„“\"'‚‘›‹\n\t0", "sagte", " sei ", "Er ", "dass "]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join) | st.text(max_size=80))
def test_speech_spans_never_crash_and_stay_inside(text: str) -> None:
    for span in speech_spans(text):
        assert 0 <= span.start < span.end <= len(text)
        assert span.type in TYPES
        assert 0.0 <= span.score <= 1.0
