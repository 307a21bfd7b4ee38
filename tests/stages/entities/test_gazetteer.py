"""Dictionary matching with German inflection, compounds and case rules."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lagebild.stages.entities.gazetteer import Form, Gazetteer, fold

FORMS = [
    Form("Putin", "putin"),
    Form("Lukaschenko", "lukashenko"),
    Form("Weißrussland", "belarus"),
    Form("Belarus", "belarus"),
    Form("NATO", "nato"),
    Form("EU", "eu"),
    Form("S-400", "s400"),
    Form("Iskander", "iskander"),
    Form("belarussisch", "belarus", "nationality"),
    Form("russisch", "russia", "nationality"),
    Form("Wladimir Putin", "putin"),
]
GAZETTEER = Gazetteer(FORMS)


def _found(text: str) -> list[tuple[str, str]]:
    return [(text[h.start : h.end], h.key) for h in GAZETTEER.find(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Putins Krieg", [("Putins", "putin")]),
        ("Lukaschenkos Argumente", [("Lukaschenkos", "lukashenko")]),
        ("Beteiligung Weißrusslands", [("Weißrusslands", "belarus")]),
        ("Präsident Wladimir Putin sagte", [("Wladimir Putin", "putin")]),
        ("der belarussischen Grenzen", [("belarussischen", "belarus")]),
        (
            "russisch-belarussischen Integration",
            [("russisch", "russia"), ("belarussischen", "belarus")],
        ),
        ("S-400-Luftverteidigungskomplexe", [("S-400", "s400")]),
        ("Iskander-Komplexe", [("Iskander", "iskander")]),
        ("die Nato und die NATO", [("Nato", "nato"), ("NATO", "nato")]),
        ("Putin's war", [("Putin's", "putin")]),
        ("S\u2011400 systems", [("S\u2011400", "s400")]),
    ],
)
def test_finds_inflected_and_compound_names(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "putinismus",
        "Putinversteher",
        "die eu-weite",
        "Belarusians",
        "Weißrusslandreise",
        "unrussisch",
    ],
)
def test_rejects_non_matches(text: str) -> None:
    assert _found(text) == []


def test_compound_hit_is_flagged() -> None:
    hit = GAZETTEER.find("S-400-Systeme")[0]
    assert hit.compound and hit.end == 5


def test_empty_gazetteer_finds_nothing() -> None:
    assert Gazetteer([]).find("Putin") == []


@given(st.text(max_size=60))
def test_fold_keeps_length(text: str) -> None:
    assert len(fold(text)) == len(text)


@given(st.text(alphabet=st.sampled_from("Putins -belarussischen"), max_size=80))
def test_hits_are_disjoint_and_inside_text(text: str) -> None:
    end = 0
    for hit in GAZETTEER.find(text):
        assert end <= hit.start < hit.end <= len(text)
        end = hit.end


def test_an_alias_with_an_article_does_not_shadow_a_longer_name() -> None:
    gazetteer = Gazetteer(
        [Form("the Baltic", "place/baltic-sea", "alias"), Form("Baltic Sea", "place/sea", "name")]
    )
    [hit] = gazetteer.find("exercises in the Baltic Sea began")
    assert (hit.surface, hit.key) == ("Baltic Sea", "place/sea")


def test_an_alias_with_an_article_still_matches_alone() -> None:
    gazetteer = Gazetteer(
        [Form("the Baltic", "place/baltic-sea", "alias"), Form("Baltic Sea", "place/sea", "name")]
    )
    assert [hit.surface for hit in gazetteer.find("security in the Baltic was")] == ["the Baltic"]
