"""Events across the store: the merger sees each report's evidence sentence."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from lagebild.records import Document, Event, EventArgument
from lagebild.store import Store
from lagebild.store.events import EventFilter

MakeDocument = Callable[..., Document]

SENTENCE = "Russian forces stormed the outskirts of Bakhmut on March 5 after heavy shelling."


def _report(make_document: MakeDocument, before: str, sentence: str = SENTENCE) -> Document:
    """A document whose event is ``sentence`` after ``before`` (other offsets per copy)."""
    text = before + sentence
    start = len(before)
    forces = EventArgument(
        start=start,
        end=start + 14,
        text="Russian forces",
        name="Russian Armed Forces",
        entity_id="org/russian-armed-forces",
    )
    event = Event(
        start=start,
        end=len(text),
        type="ASSAULT",
        trigger="stormed",
        trigger_start=start + 15,
        trigger_end=start + 22,
        sources=[forces],
        date="2022-03-05",
        date_source="sentence",
    )
    return make_document(text, raw_text=text, events=[event], offsets=None)


def test_copies_of_a_sentence_are_one_event(store: Store, make_document: MakeDocument) -> None:
    for before in ("Update 9. ", "Ein anderes Update vom Tag danach. "):
        store.add(_report(make_document, before))
    (merged,) = store.events(EventFilter(min_reports=2))
    assert len(merged.reports) == 2


def test_the_sentence_is_cut_at_the_events_offsets(
    store: Store, make_document: MakeDocument
) -> None:
    # Copies but for their first word, a number: two events, if the merger sees it.
    for before, number in (("Update 9. ", "12"), ("Ein anderes Update vom Tag danach. ", "13")):
        store.add(_report(make_document, before, f"{number} {SENTENCE}"))
    assert store.events(EventFilter(min_reports=2)) == []


@pytest.mark.parametrize("filler", [0, 200, 5000])
def test_a_credit_line_at_the_end_names_the_origin(
    store: Store, make_document: MakeDocument, filler: int
) -> None:
    document = _report(make_document, "Update 9. ")
    text = f"{document.text} {'Weitere Meldungen. ' * filler}\nQuelle: ISW"
    store.add(document.model_copy(update={"text": text, "raw_text": text, "id": ""}))
    (merged,) = store.events(EventFilter())
    assert [report.origin for report in merged.reports] == ["org/isw"]
