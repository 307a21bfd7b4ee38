"""The speech tagger: where its model lives, the error when it is missing, and (with a
locally built model, ``make models``) span assembly, offsets and robustness."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lagebild.errors import LagebildError
from lagebild.stages.claims import speech
from lagebild.stages.claims.speech import TYPES, ModelMissingError, SpeechSpan, speech_spans


def _missing() -> str:
    """Why the tagger cannot run here ("" when it can)."""
    try:
        speech.thresholds()
    except ModelMissingError as error:
        return str(error)
    return ""


MISSING = _missing()
needs_model = pytest.mark.skipif(bool(MISSING), reason=MISSING or "stwr_de model present")


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({"LAGEBILD_MODEL_DIR": "/m", "XDG_CACHE_HOME": "/x", "HOME": "/h"}, "/m/stwr_de"),
        ({"XDG_CACHE_HOME": "/x", "HOME": "/h"}, "/x/lagebild/models/stwr_de"),
        ({"XDG_CACHE_HOME": "", "HOME": "/h"}, "/h/.cache/lagebild/models/stwr_de"),
        ({"HOME": "/h"}, "/h/.cache/lagebild/models/stwr_de"),
    ],
)
def test_model_dir_follows_the_environment(
    environment: dict[str, str], expected: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("LAGEBILD_MODEL_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    assert speech.model_dir() == Path(expected)


@pytest.mark.parametrize("text", ["Er sagte, er sei krank.", ""])
def test_missing_model_says_how_to_build_it(
    text: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LAGEBILD_MODEL_DIR", str(tmp_path))
    with pytest.raises(ModelMissingError) as raised:
        speech_spans(text)
    assert isinstance(raised.value, LagebildError)
    message = str(raised.value)
    assert "make models" in message and "CC BY-NC-SA" in message and str(tmp_path) in message


def test_missing_model_fails_tag_tokens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LAGEBILD_MODEL_DIR", str(tmp_path))
    with pytest.raises(ModelMissingError, match=r"meta\.json missing"):
        speech.tag_tokens([["Er", "sagte", "."]])


@pytest.mark.parametrize(
    ("meta", "reason"),
    [
        ({"features": "0000", "files": {}}, "other feature code"),
        (
            {"features": speech.features_digest(), "files": dict.fromkeys(TYPES, "x.crfsuite")},
            r"x\.crfsuite missing",
        ),
    ],
)
def test_stale_or_partial_model_is_refused(
    meta: dict[str, object], reason: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LAGEBILD_MODEL_DIR", str(tmp_path))
    (tmp_path / "stwr_de").mkdir()
    (tmp_path / "stwr_de" / "meta.json").write_text(json.dumps(meta), "utf-8")
    with pytest.raises(ModelMissingError, match=reason):
        speech.tag_tokens([["Ja"]])


def _types(text: str) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for span in speech_spans(text):
        found.setdefault(span.type, []).append(text[span.start : span.end])
    return found


@needs_model
def test_direct_speech_in_chevrons() -> None:
    text = "Der Minister trat vor die Presse. »Wir werden nicht nachgeben«, sagte er."
    direct = _types(text).get("direct", [])
    assert any("Wir werden nicht nachgeben" in span for span in direct)
    assert not any("Presse" in span for span in direct)


@needs_model
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


@needs_model
def test_direct_quotation_over_two_sentences_is_one_span() -> None:
    text = "Sie rief: „Kommt sofort her. Es brennt!“ Dann lief sie davon."
    direct = [s for s in speech_spans(text) if s.type == "direct"]
    assert len(direct) == 1
    assert "Kommt sofort her. Es brennt!" in text[direct[0].start : direct[0].end]


@needs_model
def test_spans_are_ordered_and_typed() -> None:
    text = "»Ja«, sagte er. Sie fragte, ob er komme. Er erzählte von der Reise."
    spans = speech_spans(text)
    assert spans == sorted(spans, key=lambda s: (s.start, -s.end, s.type))
    for span in spans:
        assert span.type in TYPES
        assert speech.thresholds()[span.type] <= span.score <= 1.0
        assert text[span.start].strip() and text[span.end - 1].strip()


@needs_model
def test_spans_of_one_type_do_not_overlap() -> None:
    text = "»Ich komme«, sagte er. »Morgen.« Sie dachte, er lüge. Man erzählte vom Krieg."
    spans = speech_spans(text)
    for kind in TYPES:
        same = [s for s in spans if s.type == kind]
        for left, right in itertools.pairwise(same):
            assert left.end <= right.start


@needs_model
@pytest.mark.parametrize("text", ["", "   ", "\n\n", "»", "„“", "...", "1914"])
def test_degenerate_texts(text: str) -> None:
    assert all(isinstance(span, SpeechSpan) for span in speech_spans(text))


PIECES = [*"abc XYZ äß.,:;!?-–»«„“\"'‚‘›‹\n\t0", "sagte", " sei ", "Er ", "dass "]


@needs_model
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=60).map("".join) | st.text(max_size=80))
def test_speech_spans_never_crash_and_stay_inside(text: str) -> None:
    for span in speech_spans(text):
        assert 0 <= span.start < span.end <= len(text)
        assert span.type in TYPES
        assert 0.0 <= span.score <= 1.0
