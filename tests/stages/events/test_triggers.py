"""Event triggers from the lexicon: types, modes, separable verbs, leftmost-longest."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lagebild.errors import ConfigError
from lagebild.stages.events.german import german_triggers
from lagebild.stages.events.ontology import TYPES
from lagebild.stages.events.triggers import find_triggers, lexicon, parse_line


def _found(text: str, language: str) -> list[tuple[str, str]]:
    """Triggers as the stage finds them: German verbs by lemma, then the patterns."""
    by_lemma = german_triggers(text, 0, len(text)) if language == "de" else []
    found = find_triggers(text, 0, len(text), language, by_lemma)
    return [(text[t.start : t.end], t.type) for t in found]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("The ministers met in Geneva.", "en", ("met", "CONSULT")),
        ("Russian forces shelled the town.", "en", ("shelled", "ASSAULT")),
        ("Kyiv rejected the proposal.", "en", ("rejected", "REJECT")),
        ("The EU imposed new sanctions.", "en", ("imposed new sanctions", "SANCTION")),
        ("Police arrested two activists.", "en", ("arrested", "COERCE")),
        ("Die Armee zog ihre Truppen zurück.", "de", ("zog", "RETREAT")),
        ("Die Regierung lehnte den Vorschlag ab.", "de", ("lehnte", "REJECT")),
        ("Beide Seiten vereinbarten eine Waffenruhe.", "de", ("vereinbarten", "AGREE")),
        ("Die Polizei hat drei Personen festgenommen.", "de", ("festgenommen", "COERCE")),
    ],
)
def test_trigger_type(text: str, language: str, expected: tuple[str, str]) -> None:
    assert expected in _found(text, language)


def test_longest_match_wins_over_a_shorter_one() -> None:
    text = "An air strike hit the depot."
    assert _found(text, "en")[0] == ("air strike", "ASSAULT")


def test_separable_verb_needs_its_particle() -> None:
    assert _found("Er lehnte sich zurück.", "de") == []


def test_triggers_of_another_language_are_not_used() -> None:
    assert _found("Die Minister trafen sich.", "en") == []


def test_every_lexicon_type_is_a_plover_type() -> None:
    assert {entry.type for entry in lexicon()} <= set(TYPES)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("en\tATTACK\t-\tattack", "unknown PLOVER type"),
        ("en\tASSAULT\tattack", "4 tab-separated fields"),
        ("en\tASSAULT\t-\t(attack", "line 7"),
        ("en\tASSAULT\t-\tattack\tphrase", "maybe 'idiom'"),
    ],
)
def test_bad_lexicon_lines_are_reported(line: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_line(line, 7)


@given(st.text(max_size=300), st.sampled_from(["de", "en"]))
def test_triggers_are_ordered_disjoint_spans_inside_the_text(text: str, language: str) -> None:
    found = find_triggers(text, 0, len(text), language)
    for trigger in found:
        assert 0 <= trigger.start < trigger.end <= len(text)
    assert all(a.end <= b.start for a, b in pairwise(found))
