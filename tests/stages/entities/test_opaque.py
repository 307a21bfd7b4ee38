"""Names of treaties, indices and currencies hide the places inside them."""

from __future__ import annotations

import pytest

from lagebild.stages.entities.opaque import inside_opaque, opaque_spans


def _opaque(text: str) -> list[str]:
    return [text[start:end] for start, end in opaque_spans(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kyiv abandoned the Minsk II Accords.", ["Minsk II Accords"]),
        ("the 1994 Budapest Memorandum signatories", ["1994 Budapest Memorandum"]),
        ("under the UN Charter and", ["UN Charter"]),
        ("UN Security Council Resolution 2202", ["UN Security Council Resolution 2202"]),
        ("banned under the Geneva convention", ["Geneva convention"]),
        ("The Moscow Exchange Index fell", ["The Moscow Exchange Index"]),
        ("plunged against the US dollar", ["US dollar"]),
    ],
)
def test_finds_opaque_names(text: str, expected: list[str]) -> None:
    assert _opaque(text) == expected


def test_an_abbreviation_of_an_opaque_name_is_opaque_where_it_recurs() -> None:
    text = "the Convention on Cluster Munitions (CCM) said. The CCM bans them."
    assert _opaque(text) == ["Convention on Cluster Munitions", "CCM", "CCM"]


@pytest.mark.parametrize(
    "text",
    [
        "Russia and Ukraine met in Minsk.",
        "Ukraine’s Budapest talks",
        "a Russian agreement",
        "the Collective Security Treaty Organization",
    ],
)
def test_plain_names_are_not_opaque(text: str) -> None:
    assert _opaque(text) == []


def test_inside_opaque_means_overlap() -> None:
    assert inside_opaque([(4, 10)], 8, 12) and not inside_opaque([(4, 10)], 10, 12)
