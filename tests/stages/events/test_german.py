"""German triggers by lemma: inflections, separable verbs, context words, compounds."""

from __future__ import annotations

from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lagebild.errors import ConfigError
from lagebild.stages.events.german import (
    LEMMAS,
    build_index,
    forms,
    german_triggers,
    in_opening_phrase,
    lemma_words,
    lemmas_of,
    not_main,
)


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[t.start : t.end], t.type) for t in german_triggers(text, 0, len(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Außenminister berieten am Abend in Paris.", ("berieten", "CONSULT")),
        ("Die Beratungen dauerten bis Mitternacht.", ("Beratungen", "CONSULT")),
        ("Der Präsident erkannte die neue Regierung an.", ("erkannte", "SUPPORT")),
        ("Mehrere Staaten haben die Regierung anerkannt.", ("anerkannt", "SUPPORT")),
        ("Das Land weigert sich, den Vertrag anzuerkennen.", ("anzuerkennen", "SUPPORT")),
        ("Die Behörden ließen 40 Gefangene frei.", ("ließen", "RETREAT")),
        ("Die Polizei nahm drei Männer fest und verhörte sie.", ("nahm", "COERCE")),
        ("Die Regierung lehnte den Vorschlag ab, wie erwartet.", ("lehnte", "REJECT")),
    ],
)
def test_every_inflection_and_both_halves_of_a_separable_verb_trigger(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in _found(text)


@pytest.mark.parametrize(
    "text",
    [
        "Er lehnte sich an die Wand.",  # "an" opens a phrase; it closes no clause
        "Sie nahm an der Sitzung fest entschlossen teil.",
    ],
)
def test_a_particle_that_does_not_close_the_clause_is_no_separable_verb(text: str) -> None:
    assert _found(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die EU verhängte neue Sanktionen gegen Minsk.", ("verhängte", "SANCTION")),
        ("Die Junta verhängte eine nächtliche Ausgangssperre.", ("verhängte", "COERCE")),
        ("Norwegen wies zwei russische Diplomaten aus.", ("wies", "SANCTION")),
        ("Die Behörden wiesen die Familie aus.", ("wiesen", "COERCE")),
        ("Washington lockerte die Sanktionen gegen Caracas.", ("lockerte", "RETREAT")),
        ("Die Behörden lockerten die Ausgangssperre.", ("lockerten", "CONCEDE")),
    ],
)
def test_a_context_word_in_the_sentence_picks_the_type(
    text: str, expected: tuple[str, str]
) -> None:
    assert expected in _found(text)


def test_a_verb_that_needs_a_context_word_is_no_trigger_without_it() -> None:
    assert _found("Das Gericht verhängte eine Geldstrafe.") == []


def test_an_unless_context_keeps_a_word_from_its_reading() -> None:
    assert ("Auslieferung", "COOPERATE") in _found("Die Auslieferung des Hackers wurde bewilligt.")
    assert ("Auslieferung", "COOPERATE") not in _found(
        "Die Auslieferung der Panzer verzögert sich."
    )


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("Tarifverhandlungen", "verhandlung"),
        ("UN-Blauhelme", "blauhelm"),
        ("Soldatenabzug", "abzug"),
    ],
)
def test_a_compound_noun_has_the_lemma_of_its_head(word: str, lemma: str) -> None:
    assert lemma in lemmas_of(word)


@pytest.mark.parametrize(
    ("word", "head"),
    [
        ("Gesellschaft", "haft"),
        ("Botschaft", "haft"),
        ("Mannschaften", "haft"),
        ("Ehevertrag", "vertrag"),
        ("Nachhilfe", "hilfe"),
        ("Herausforderung", "forderung"),
        ("Wiedervereinigung", "einigung"),
        ("Selbstmord", "mord"),
    ],
)
def test_a_short_or_common_head_does_not_make_an_event_of_a_compound(word: str, head: str) -> None:
    assert head not in lemmas_of(word)


def test_a_sentence_opening_word_is_also_read_in_lower_case() -> None:
    assert lemmas_of("Verhandelten", first=True) == ("verhandeln",)
    assert lemmas_of("Verhandelten") == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Die Armee verlegt eine Kampfbrigade an die Grenze.", [("verlegt", "MOBILIZE")]),
        ("Die Armee verlegt ihr Hauptquartier nach Riga.", []),
    ],
)
def test_a_context_word_may_be_the_head_of_a_compound(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert _found(text) == expected


def test_please_is_no_request() -> None:
    assert _found("Kann ich bitte kurz etwas fragen?") == []


def test_every_lexicon_lemma_has_its_forms_generated() -> None:
    """forms_de.tsv is rebuilt from lemmas_de.tsv (train/events_de/forms.py)."""
    table = forms()
    missing = [w for w in lemma_words(LEMMAS.read_text("utf-8")) if w.replace("~", "") not in table]
    assert missing == [], "run train/events_de/forms.py"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("ATTACK\t-\tangreifen\t-", "unknown type"),
        ("ASSAULT\t-\tangreifen", "4 tab-separated fields"),
        ("ASSAULT\t-\tangreifen\tobj:Stadt", "cannot read"),
    ],
)
def test_bad_lemma_lines_are_reported(line: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        build_index(line)


@given(st.text(max_size=300))
def test_triggers_are_ordered_disjoint_spans_inside_the_text(text: str) -> None:
    found = german_triggers(text, 0, len(text))
    assert all(0 <= t.start < t.end <= len(text) for t in found)
    assert all(a.end <= b.start for a, b in pairwise(found))


@pytest.mark.parametrize(
    ("text", "word", "opening"),
    [
        ("Nach wochenlangen Protesten nahm der Minister die Erhöhung zurück.", "Protesten", True),
        ("Trotz der Angriffe verhandelten beide Seiten weiter.", "Angriffe", True),
        ("Die Proteste dauerten an.", "Proteste", False),  # the subject, not a scene
        ("Nach dem Treffen, das lange dauerte, reiste er ab.", "Treffen", True),
        (
            "Nach Angaben des Militärs, das sich auf Zeugen stützt, gab es Angriffe.",
            "Angriffe",
            False,
        ),
        ("Seit gestern wird wieder verhandelt.", "verhandelt", False),  # a verb
    ],
)
def test_a_noun_in_the_opening_prepositional_phrase_is_no_main_event(
    text: str, word: str, opening: bool
) -> None:
    assert in_opening_phrase(text, 0, text.index(word)) == opening


@pytest.mark.parametrize(
    ("text", "word", "scenery"),
    [
        ("Beide Seiten einigten sich nach elf Verhandlungsrunden.", "Verhandlungsrunden", True),
        ("Die Gespräche begannen trotz der Angriffe.", "Angriffe", True),
        ("Sie nahmen die ausgesetzten Gespräche wieder auf.", "ausgesetzten", True),
        ("Sie nahmen die ausgesetzten\n  Gespräche wieder auf.", "ausgesetzten", True),
        ("Russland verhängte Sanktionen gegen Litauen.", "verhängte", False),
        ("Die Regierung verhängte eine Ausgangssperre.", "verhängte", False),
        ("Die Armee griff nach Einbruch der Dunkelheit an.", "griff", False),
        ("Die Minister berieten über neue Sanktionen.", "Sanktionen", True),
        ("Tausende demonstrierten gegen die Mobilmachung.", "Mobilmachung", True),
        ("Die Opposition rief zu Protesten auf.", "Protesten", True),
        ("Kiew bat um Hilfe für die Verletzten.", "Hilfe", True),
        ("Für den Gipfel bot die Polizei 9000 Beamte auf.", "Gipfel", True),
    ],
)
def test_adjuncts_and_qualifying_participles_are_no_main_event(
    text: str, word: str, scenery: bool
) -> None:
    assert not_main(text, 0, text.index(word)) == scenery
