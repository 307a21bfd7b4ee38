"""The time stage over whole documents: the seed's done-when and ticker anchoring."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from lagebild.records import Document
from lagebild.stages.times.stage import make_times

STAGE = make_times()
SEED = Path(__file__).parents[3] / ".." / "shared" / "corpus" / "seed" / "isw-update-301-de.txt"


def _times(text: str, published: date | None, language: str = "de") -> dict[str, str | None]:
    document = STAGE(Document(text=text, language=language, published=published))
    return {t.text: t.value for t in document.times}


def test_seed_like_sentence_with_date() -> None:
    text = "Putin traf Lukaschenko am 19. Dezember. Er hatte am 17. Februar erklärt, es gebe keinen Krieg."
    assert _times(text, date(2022, 12, 20)) == {
        "19. Dezember": "2022-12-19",
        "17. Februar": "2022-02-17",
    }


def test_seed_like_sentence_without_date() -> None:
    text = "Putin traf Lukaschenko am 19. Dezember. Er hatte am 17. Februar erklärt, es gebe keinen Krieg."
    assert _times(text, None) == {"19. Dezember": "XXXX-12-19", "17. Februar": "XXXX-02-17"}


def test_expressions_in_a_ticker_block_resolve_against_its_stamp() -> None:
    text = "Ticker\n\nUpdate vom 9. Mai, 08.00 Uhr: Gestern gab es Angriffe.\n\nUpdate vom 8. Mai, 10.00 Uhr: Gestern war es ruhig.\n"
    document = STAGE(Document(text=text, language="de", published=date(2024, 5, 10)))
    yesterday = [(t.value, t.anchor_source) for t in document.times if t.text == "Gestern"]
    assert yesterday == [("2024-05-08", "block"), ("2024-05-07", "block")]


def test_metadata_records_date_source_and_blocks() -> None:
    document = STAGE(
        Document(text="March 6, 2022\n\nRussian forces attacked yesterday.", language="en")
    )
    assert document.published == date(2022, 3, 6)
    assert document.metadata["time"]["source"] == "text"
    assert {t.text: t.value for t in document.times}["yesterday"] == "2022-03-05"


def test_direction_and_cue_are_recorded() -> None:
    document = STAGE(
        Document(text="Er wird am 17. Februar reisen.", language="de", published=date(2022, 12, 20))
    )
    (found,) = document.times
    assert (found.value, found.direction, found.cue) == ("2023-02-17", "future", "wird")


@pytest.mark.corpus
@pytest.mark.skipif(not SEED.exists(), reason="../shared/corpus is not beside the project")
@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (date(2022, 12, 20), {"19. Dezember": "2022-12-19", "17. Februar": "2022-02-17"}),
        (None, {"19. Dezember": "XXXX-12-19", "17. Februar": "XXXX-02-17"}),
    ],
)
def test_seed(published: date | None, expected: dict[str, str]) -> None:
    import lagebild

    document = lagebild.analyze(SEED, published=published)
    values = {t.text: t.value for t in document.times}
    assert values == expected
    assert not any(v and str(date.today().year) in v for v in values.values())
