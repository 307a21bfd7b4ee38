"""Comparing two reports' sentences: copies, trigger families, shared content words."""

from __future__ import annotations

import pytest

from lagebild.link.evidence import Evidence, copies, evidence, same_family, shared_content
from lagebild.records import Event, EventArgument

DECREE = "Russian President Vladimir Putin signed a decree on March 2 to accelerate IT imports."


def _event(trigger: str = "signed", *names: str) -> Event:
    arguments = [EventArgument(start=0, end=1, text=n, name=n, entity_id="person/x") for n in names]
    return Event(start=0, end=10, type="SUPPORT", trigger=trigger, sources=arguments)


def _evidence(sentence: str, trigger: str = "signed", *names: str) -> Evidence:
    return evidence(sentence, _event(trigger, *names))


def test_a_sentence_with_a_bullet_and_one_word_more_is_a_copy() -> None:
    retold = (
        "- Russian President Vladimir Putin signed a decree on March 2 to accelerate IT imports."
    )
    assert copies(_evidence(DECREE), _evidence(retold.replace("accelerate", "speed up")))


def test_a_copy_keeps_its_numbers() -> None:
    assert not copies(_evidence(DECREE), _evidence(DECREE.replace("March 2", "March 3")))


def test_different_sentences_are_no_copies() -> None:
    other = "Putin signed a decree on March 2 prohibiting citizens from taking dollars abroad."
    assert not copies(_evidence(DECREE), _evidence(other))


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("recognized", "recognition"),
        ("met", "meeting"),
        ("phone call", "calls"),
        ("cut off", "cutting"),
        ("Telefonat", "telefonierte"),
    ],
)
def test_triggers_of_one_family(one: str, other: str) -> None:
    assert same_family(_evidence("", one), _evidence("", other))


@pytest.mark.parametrize(
    ("one", "other"),
    [("signed", "recognized"), ("cut off", "offensive"), ("called for", "asked for")],
)
def test_triggers_of_other_families(one: str, other: str) -> None:
    assert not same_family(_evidence("", one), _evidence("", other))


def test_shared_content_leaves_out_participants_trigger_and_dates() -> None:
    one = _evidence(DECREE, "signed", "Vladimir Putin")
    other = _evidence("Putin signed another decree on March 2 about IT imports.", "signed", "Putin")
    assert shared_content(one, other) == {"decre", "impor"}


def test_the_war_words_are_no_content() -> None:
    one = _evidence("Russian forces attacked Ukrainian troops near the city.", "attacked")
    other = _evidence("Ukrainian forces repelled Russian troops in the city.", "repelled")
    assert shared_content(one, other) == set()


def test_german_function_words_are_no_content() -> None:
    one = _evidence("Er habe Netanjahu am Sonntag gratuliert, teilte sein Büro mit.", "gratuliert")
    other = _evidence("Merz habe sich am Sonntag bereits dazu geäußert, sagte sein Sprecher.")
    assert shared_content(one, other) == set()
