"""PLOVER types, the 0.5 beta mapping and PLOVER's folding of modality into the code."""

from __future__ import annotations

import pytest

from lagebild.stages.events.ontology import TYPES, current_type, plover_type


def test_sixteen_current_types() -> None:
    assert len(TYPES) == 16


@pytest.mark.parametrize(
    ("old", "new"),
    [("DEMAND", "REQUEST"), ("disapprove", "ACCUSE"), ("FIGHT", "ASSAULT"), ("AID", "AID")],
)
def test_legacy_types_map_to_current(old: str, new: str) -> None:
    assert current_type(old) == new


def test_unknown_type_is_an_error() -> None:
    with pytest.raises(ValueError, match="not a PLOVER event type"):
        current_type("PARTY")


@pytest.mark.parametrize(
    ("event_type", "modality", "cue", "spoken", "code"),
    [
        ("AID", "announced", "will", False, "AGREE"),
        ("RETREAT", "planned", "willing to", False, "AGREE"),
        ("COERCE", "announced", "will", False, "THREATEN"),
        ("ASSAULT", "hypothetical", "unless", False, "THREATEN"),
        ("ASSAULT", "hypothetical", "sollte", False, "THREATEN"),
        ("ASSAULT", "hypothetical", "could", False, "ASSAULT"),
        ("SANCTION", "hypothetical", "could", True, "THREATEN"),
        ("ASSAULT", "hypothetical", "would", True, "THREATEN"),
        ("PROTEST", "hypothetical", "could", True, "PROTEST"),
        ("ASSAULT", "hypothetical", "likely", True, "ASSAULT"),
        ("COERCE", "considered", "für denkbar", False, "THREATEN"),
        ("AID", "considered", "erwägt", False, "AID"),
        ("CONCEDE", "demanded", "must", False, "REQUEST"),
        ("AID", "happened", None, False, "AID"),
        ("RETREAT", "negated", "not", False, "REJECT"),
        ("ASSAULT", "negated", "not", False, "ASSAULT"),
    ],
)
def test_plover_code(
    event_type: str, modality: str, cue: str | None, spoken: bool, code: str
) -> None:
    assert plover_type(event_type, modality, cue, spoken) == code
