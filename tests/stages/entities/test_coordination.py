"""Elliptical coordination and names explained by an abbreviation."""

from __future__ import annotations

from datetime import date

import pytest

from lagebild.stages.entities.linker import kb_matcher


def _linked(text: str) -> dict[str, str]:
    return {
        text[link.start : link.end]: link.entity_id
        for link in kb_matcher().link(text, date(2022, 2, 22))
    }


@pytest.mark.parametrize(
    "text",
    [
        "Putin recognized the Donetsk and Luhansk People’s Republics.",
        "sanctions against the Donetsk (DNR) and Luhansk (LNR) People’s Republics",
    ],
)
def test_the_first_conjunct_takes_the_shared_head(text: str) -> None:
    assert _linked(text)["Donetsk"] == "org/dnr"


def test_a_lower_case_shared_head_changes_nothing() -> None:
    assert _linked("in Donetsk and Luhansk oblasts")["Donetsk"].startswith("place/")


def test_a_name_outside_a_coordination_keeps_its_entity() -> None:
    assert _linked("fighting in Donetsk. Luhansk People’s Republic forces")["Donetsk"].startswith(
        "place/"
    )
