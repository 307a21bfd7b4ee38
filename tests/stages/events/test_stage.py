"""The event stage over whole documents: actors, place, date, modality; the seed checks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import lagebild
from lagebild.records import Document, Event


def _events(text: str, language: str, published: date | None = None) -> list[Event]:
    return lagebild.analyze(text, language=language, published=published).events


def _one(events: list[Event], event_type: str) -> Event:
    found = [e for e in events if e.type == event_type]
    assert found, f"no {event_type} in {[(e.type, e.trigger) for e in events]}"
    return found[0]


def test_sources_and_targets_in_english() -> None:
    event = _one(_events("Russia attacked Ukraine on 24 February 2022.", "en"), "ASSAULT")
    assert [a.name for a in event.sources] == ["Russia"]
    assert [a.name for a in event.targets] == ["Ukraine"]
    assert (event.date, event.date_source) == ("2022-02-24", "sentence")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("The negotiations stalled again.", False),
        ("Residents were forced to hold such a meeting.", False),
        ("Ukraine resumed negotiations with Russia.", True),
    ],
)
def test_a_meeting_noun_without_participants_is_no_event(text: str, kept: bool) -> None:
    consult = [e for e in _events(text, "en") if e.type == "CONSULT"]
    assert bool(consult) is kept


def test_meeting_of_coordinated_actors_makes_all_participants() -> None:
    event = _one(_events("Putin and Lukashenko met in Minsk.", "en"), "CONSULT")
    assert {a.name for a in event.sources} == {"Vladimir Putin", "Alexander Lukashenko"}
    assert event.place == "Minsk"


def test_german_subject_comes_first_before_a_final_verb() -> None:
    text = "Lukaschenko hat die Forderungen Putins zurückgewiesen."
    event = _one(_events(text, "de"), "REJECT")
    assert [a.name for a in event.sources] == ["Alexander Lukashenko"]
    assert [a.name for a in event.targets] == ["Vladimir Putin"]


def test_undated_past_event_takes_the_report_date_at_week_precision() -> None:
    event = _one(_events("Russian forces shelled Kharkiv.", "en", date(2022, 3, 6)), "ASSAULT")
    assert (event.date, event.date_source, event.time_precision) == ("2022-03-06", "document", 2)


def test_planned_event_takes_no_report_date() -> None:
    events = _events("Moscow plans to deploy more troops.", "en", date(2022, 3, 6))
    assert _one(events, "MOBILIZE").date is None


def test_delivering_an_explanation_is_not_aid() -> None:
    assert not [e for e in _events("Er wollte eine Erklärung liefern.", "de") if e.type == "AID"]


@pytest.fixture(scope="module")
def seed(seed_path: Path) -> Document:
    return lagebild.analyze(seed_path, published=date(2022, 12, 20))


@pytest.mark.corpus
def test_seed_meeting_of_putin_and_lukashenko_in_minsk(seed: Document) -> None:
    event = _one(seed.events, "CONSULT")
    assert {a.name for a in event.sources} == {"Vladimir Putin", "Alexander Lukashenko"}
    assert (event.place, event.date, event.modality) == ("Minsk", "2022-12-19", "happened")


@pytest.mark.corpus
def test_seed_lukashenko_rejects_putins_pressure(seed: Document) -> None:
    event = _one(seed.events, "REJECT")
    assert [a.name for a in event.sources] == ["Alexander Lukashenko"]
    assert [a.name for a in event.targets] == ["Vladimir Putin"]
    assert event.modality == "happened"


@pytest.mark.corpus
def test_seed_s400_and_iskander_aid_is_announced(seed: Document) -> None:
    event = next(e for e in seed.events if e.type == "AID" and e.instruments)
    assert {a.name for a in event.instruments} == {"S-400", "Iskander"}
    assert [a.name for a in event.sources] == ["Russia"]
    assert event.modality == "announced" and event.claim is not None


@pytest.mark.corpus
def test_seed_crew_training_is_considered_not_happened(seed: Document) -> None:
    event = _one(seed.events, "COOPERATE")
    assert event.trigger == "Ausbildung" and event.modality == "considered"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Looters plundered the museum in Kherson.", [("COERCE", "plundered")]),
        # a sentence with a trigger of its own takes no WordNet reading of its other verbs
        ("Rebels attacked the town and plundered the museum.", [("ASSAULT", "attacked")]),
    ],
)
def test_a_sentence_without_trigger_falls_back_on_its_main_verb(
    text: str, found: list[tuple[str, str]]
) -> None:
    assert [(e.type, e.trigger) for e in _events(text, "en")] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Die Sanktionen gegen Russland wurden im Mai aufgehoben.", [("RETREAT", "aufgehoben")]),
        ("Die EU hob die Sanktionen gegen Belarus auf.", [("RETREAT", "hob")]),
        ("Die USA verhängten Sanktionen gegen Iran.", [("SANCTION", "verhängten")]),
        # a participle qualifying its noun leaves the noun its own event
        (
            "Die 2018 ausgesetzten Gespräche wurden wieder aufgenommen.",
            [("SANCTION", "ausgesetzten"), ("CONSULT", "Gespräche")],
        ),
    ],
)
def test_a_german_verbs_context_word_is_its_object_not_an_event(
    text: str, found: list[tuple[str, str]]
) -> None:
    assert [(e.type, e.trigger) for e in _events(text, "de")] == found


@pytest.mark.parametrize(
    ("text", "main"),
    [
        ("Washington hat bei Thailand die Auslieferung des Hackers beantragt.", ["beantragt"]),
        ("Die Auslieferung des Hackers wurde am Montag beantragt worden.", ["beantragt"]),
        # a verb that does not close its clause leaves the noun its rank
        ("Die Gespräche begannen, Kiew forderte Garantien.", ["Gespräche", "forderte"]),
    ],
)
def test_a_german_verb_closing_its_clause_outranks_the_noun_before_it(
    text: str, main: list[str]
) -> None:
    assert [e.trigger for e in _events(text, "de") if e.main] == main
