"""The CRF NER component: BIO decoding, sentence cutting, features, the packaged model."""

from __future__ import annotations

import pytest
import spacy

from lagebild.stages.entities.ner import load_model, recognise
from lagebild.stages.entities.ner_crf import (
    MAX_SPAN_TOKENS,
    MAX_TOKENS,
    CrfNer,
    bio_spans,
    sentences,
)
from lagebild.stages.entities.ner_crf_features import (
    FIELDS,
    lexicon_entry,
    sentence_features,
    shape,
)

LEXICON = {"Berlin": "\t".join(["0110", "-9", "", "L", "NE", "4"]), "Haus": "\t\t-1\t\tNN\t-4"}


@pytest.mark.parametrize(
    ("labels", "spans"),
    [
        (["O", "B-PER", "I-PER", "O"], [(1, 3, "PER")]),
        (["B-LOC", "B-LOC"], [(0, 1, "LOC"), (1, 2, "LOC")]),
        (["I-ORG", "I-ORG", "O"], [(0, 2, "ORG")]),  # a stray I- starts a span
        (["B-PER", "I-LOC"], [(0, 1, "PER"), (1, 2, "LOC")]),
        (["O", "O"], []),
    ],
)
def test_bio_spans_decode_labels(labels: list[str], spans: list[tuple[int, int, str]]) -> None:
    assert bio_spans(labels) == spans


@pytest.mark.parametrize(
    ("text", "sentence_lengths"),
    [
        ("Er kam. Sie ging!", [3, 3]),
        ("Titel\n\nText ohne Ende", [1, 3]),
        ("ohne Punkt", [2]),
    ],
)
def test_sentences_cut_at_ends_and_line_breaks(text: str, sentence_lengths: list[int]) -> None:
    doc = spacy.blank("de")(text)
    assert [len(indices) for indices in sentences(doc)] == sentence_lengths


def test_sentences_without_an_end_are_cut_at_the_maximum_length() -> None:
    doc = spacy.blank("de")(" ".join(["Wort"] * (MAX_TOKENS + 5)))
    assert [len(indices) for indices in sentences(doc)] == [MAX_TOKENS, 5]


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Berlin", "Xxx"), ("EU", "XX"), ("12.05", "dd.dd"), ("Baden-Württemberg", "Xxx-Xx")],
)
def test_shape_collapses_character_classes(word: str, expected: str) -> None:
    assert shape(word) == expected


def test_lexicon_entry_names_the_fields_and_leaves_out_empty_ones() -> None:
    assert lexicon_entry(LEXICON, "Berlin") == {
        "c": "0110",
        "p": "-9",
        "g": "L",
        "t": "NE",
        "n": "4",
    }
    assert lexicon_entry(LEXICON, "Haus") == {"l": "-1", "t": "NN", "n": "-4"}
    assert lexicon_entry(LEXICON, "unbekannt") == {}
    assert len(FIELDS) == 6


def test_sentence_features_see_the_neighbours() -> None:
    first, second = sentence_features(["in", "Berlin"], LEXICON)
    assert second["lt"] == "NE" and second["gL"] == "1" and second["c4"] == "0110"
    assert first["1:lt"] == "NE" and first["-1:edge"] == "1"
    assert second["-1:w"] == "in" and "1:w" not in second


def test_component_drops_spans_longer_than_a_name() -> None:
    component = CrfNer()
    component.tagger = _FixedTagger(["B-OTH"] + ["I-OTH"] * MAX_SPAN_TOKENS + ["B-PER", "O"])
    doc = component(spacy.blank("de")(" ".join(["wort"] * (MAX_SPAN_TOKENS + 1) + ["Anna", "x"])))
    assert [(e.text, e.label_) for e in doc.ents] == [("Anna", "PER")]


class _FixedTagger:
    """A stand-in for pycrfsuite.Tagger that returns the same labels for any sentence."""

    def __init__(self, labels: list[str]) -> None:
        self.labels = labels

    def tag(self, features: object) -> list[str]:
        return self.labels


def test_component_without_weights_refuses_to_tag() -> None:
    with pytest.raises(ValueError, match="no CRF model"):
        CrfNer()(spacy.blank("de")("Text"))


def test_packaged_model_is_the_crf_pipeline() -> None:
    assert load_model("lagebild:ner_de").pipe_names == ["crf_ner"]


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Angela Merkel traf gestern in Berlin den Präsidenten.", "Angela Merkel", "PER"),
        ("Die Truppen zogen sich aus der Stadt Charkiw zurück.", "Charkiw", "LOC"),
        ("Der Sprecher der Bundeswehr bestätigte den Bericht.", "Bundeswehr", "ORG"),
    ],
)
def test_packaged_model_finds_clear_names(text: str, name: str, label: str) -> None:
    found = {(text[s.start : s.end], s.label) for s in recognise(text, "lagebild:ner_de")}
    assert (name, label) in found
