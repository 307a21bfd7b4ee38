"""Events in STIX 2.1 bundles: the x-lagebild-event SDO of an extension definition."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date
from typing import Any

import pytest
import stix2

from lagebild.export import Selected
from lagebild.export.stix import bundle, stix_id, write_stix
from lagebild.export.stix_events import EVENT_TYPE, EXTENSION_ID
from lagebild.records import (
    Claim,
    Document,
    Entity,
    EntityType,
    Event,
    EventArgument,
    Geo,
    Quantity,
)

#: One shelling, told alike by two sites (ours, written for these tests).
SENTENCE = "Russian forces shelled Kharkiv on 12 March, killing three civilians, the mayor said."
FORCES = "org/russian-armed-forces"
KHARKIV = "place/kharkiv"


def as_json(selected: list[Selected]) -> dict[str, Any]:
    out = io.StringIO()
    write_stix(selected, out)
    loaded: dict[str, Any] = json.loads(out.getvalue())
    return loaded


def events_of(made: dict[str, Any]) -> list[dict[str, Any]]:
    return [item for item in made["objects"] if item["type"] == EVENT_TYPE]


def by_id(made: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {item["id"]: item for item in made["objects"]}


def _argument(entity: Entity) -> EventArgument:
    start = SENTENCE.index(entity.mentions[0].text)
    return EventArgument(
        start=start,
        end=start + len(entity.mentions[0].text),
        text=entity.mentions[0].text,
        name=entity.name,
        entity_id=entity.id,
    )


def _entities() -> list[Entity]:
    forces = Entity(
        id=FORCES,
        name="Russian Armed Forces",
        type=EntityType.ORGANIZATION,
        mentions=[{"start": 0, "end": 14, "text": "Russian forces"}],
    )
    kharkiv = Entity(
        id=KHARKIV,
        name="Kharkiv",
        type=EntityType.PLACE,
        mentions=[{"start": 23, "end": 30, "text": "Kharkiv"}],
        geo=Geo(lat=49.98, lon=36.25, precision="city"),
    )
    return [forces, kharkiv]


def shelling(document_id: str, site: str, modality: str = "happened") -> Document:
    """A document of one sentence, one claim (the mayor's) and one shelling event in it."""
    forces, kharkiv = _entities()
    event = Event(
        start=0,
        end=len(SENTENCE),
        type="ASSAULT",
        mode="heavy-weapons",
        trigger="shelled",
        trigger_start=15,
        trigger_end=22,
        actors=[forces.name, kharkiv.name],
        sources=[_argument(forces)],
        place=kharkiv.name,
        place_argument=_argument(kharkiv),
        quantities=[Quantity(start=45, end=60, text="three civilians")],
        date="2026-03-12",
        date_source="sentence",
        time_precision=1,
        modality=modality,
        claim=0 if modality == "claimed" else None,
    )
    claim = Claim(start=0, end=len(SENTENCE), speaker="the mayor", content=SENTENCE[:60])
    return Document(
        id=document_id,
        source=f"https://{site}/{document_id}",
        url=f"https://{site}/{document_id}",
        published=date(2026, 3, 13),
        text=SENTENCE,
        entities=[forces, kharkiv],
        claims=[claim],
        events=[event],
    )


def only_events(document: Document) -> Selected:
    """The document with its events kept and nothing else."""
    return Selected(document, {"events": list(range(len(document.events)))})


def test_every_event_is_in_the_bundle_with_its_type_and_modality(
    selected: list[Selected],
) -> None:
    found = by_id(as_json(selected))
    wanted = [
        (chosen.document.id, position, event)
        for chosen in selected
        for position, event in chosen.records("events")
    ]
    assert wanted
    for document_id, position, event in wanted:
        made = found[stix_id(EVENT_TYPE, f"{document_id}/events/{position}")]
        assert (made["event_type"], made["modality"]) == (event.type, event.modality)


def test_event_references_resolve_to_objects_of_their_type(selected: list[Selected]) -> None:
    made = as_json(selected)
    found = by_id(made)
    kinds = {"source_refs": ("identity", "location"), "target_refs": ("identity", "location")}
    kinds |= {"location_ref": ("location",), "claim_ref": ("note",)}
    checked = 0
    for event in events_of(made):
        for name, allowed in kinds.items():
            refs = event.get(name, [])
            for ref in [refs] if isinstance(refs, str) else refs:
                assert found[ref]["type"] in allowed, (event["id"], name)
                checked += 1
    assert checked


def test_claimed_events_refer_to_the_note_of_their_claim(selected: list[Selected]) -> None:
    made = as_json(selected)
    claimed = [
        (chosen.document.id, position, event.claim)
        for chosen in selected
        for position, event in chosen.records("events")
        if event.modality == "claimed"
    ]
    assert claimed
    found = by_id(made)
    for document_id, position, claim in claimed:
        event = found[stix_id(EVENT_TYPE, f"{document_id}/events/{position}")]
        assert event["claim_ref"] == stix_id("note", f"{document_id}/claims/{claim}")
        assert found[event["claim_ref"]]["type"] == "note"


def test_a_claim_the_selection_left_out_is_exported_for_its_event() -> None:
    made = as_json([only_events(shelling("a1", "a.example", modality="claimed"))])
    (event,) = events_of(made)
    assert event["claim_ref"] == stix_id("note", "a1/claims/0")
    assert event["claim_ref"] in by_id(made)


def test_the_extension_definition_is_there_once_and_every_event_names_it(
    selected: list[Selected],
) -> None:
    made = as_json(selected)
    definitions = [item for item in made["objects"] if item["type"] == "extension-definition"]
    assert [(d["id"], d["extension_types"]) for d in definitions] == [(EXTENSION_ID, ["new-sdo"])]
    assert by_id(made)[definitions[0]["created_by_ref"]]["identity_class"] == "system"
    events = events_of(made)
    assert events
    assert all(e["extensions"] == {EXTENSION_ID: {"extension_type": "new-sdo"}} for e in events)


def test_a_bundle_without_events_has_no_extension_definition(selected: list[Selected]) -> None:
    without = [Selected(c.document, {**c.kept, "events": []}) for c in selected]
    types = {item["type"] for item in as_json(without)["objects"]}
    assert "extension-definition" not in types and EVENT_TYPE not in types


def test_reports_refer_to_their_events(selected: list[Selected]) -> None:
    found = by_id(as_json(selected))
    for chosen in selected:
        report = found[stix_id("report", chosen.document.id)]
        wanted = {
            stix_id(EVENT_TYPE, f"{chosen.document.id}/events/{position}")
            for position, _ in chosen.records("events")
        }
        assert wanted <= set(report["object_refs"])


def test_an_event_carries_its_evidence_as_document_and_offsets() -> None:
    (event,) = events_of(as_json([only_events(shelling("a1", "a.example"))]))
    assert (event["document_id"], event["start"], event["end"]) == ("a1", 0, len(SENTENCE))
    assert (event["trigger_start"], event["trigger_end"], event["trigger"]) == (15, 22, "shelled")
    assert event["quantities"] == [{"text": "three civilians", "start": 45, "end": 60}]
    (reference,) = event["external_references"]
    assert reference["external_id"] == "a1/events/0"
    assert reference["description"] == f"document a1, characters 0-{len(SENTENCE)}"


def test_an_event_carries_its_date_and_precision() -> None:
    (event,) = events_of(as_json([only_events(shelling("a1", "a.example"))]))
    assert (event["event_date"], event["time_precision"], event["date_precision"]) == (
        "2026-03-12",
        1,
        "day",
    )


def test_an_event_refers_to_its_actor_and_place() -> None:
    (event,) = events_of(as_json([only_events(shelling("a1", "a.example"))]))
    assert event["source_refs"] == [stix_id("identity", FORCES)]
    assert event["location_ref"] == stix_id("location", KHARKIV)
    assert "target_refs" not in event


def test_one_event_told_by_two_sites_counts_two_independent_sources() -> None:
    told = [only_events(shelling("a1", "a.example")), only_events(shelling("b1", "b.example"))]
    first, second = events_of(as_json(told))
    assert first["merged_event_id"] == second["merged_event_id"]
    assert (first["independent_sources"], first["reporting_documents"]) == (2, 2)


def test_two_pages_of_one_site_are_one_independent_source() -> None:
    told = [only_events(shelling("a1", "a.example")), only_events(shelling("a2", "a.example"))]
    first, _ = events_of(as_json(told))
    assert (first["independent_sources"], first["reporting_documents"]) == (1, 2)


def test_exporting_events_twice_gives_the_same_bundle() -> None:
    told = [only_events(shelling("a1", "a.example")), only_events(shelling("b1", "b.example"))]
    assert bundle(told).serialize() == bundle(told).serialize()


def test_bundle_parses_where_lagebild_is_not_imported(selected: list[Selected]) -> None:
    """A consumer with the stix2 library alone reads the events as custom content."""
    out = io.StringIO()
    write_stix(selected, out)
    script = (
        "import json, stix2, sys\n"
        "made = stix2.parse(sys.stdin.read(), allow_custom=True)\n"
        "print(json.dumps(sorted({o['type'] for o in made.objects})))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], input=out.getvalue(), capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert {EVENT_TYPE, "extension-definition", "report"} <= set(json.loads(done.stdout))


def test_all_but_the_events_is_plain_stix(selected: list[Selected]) -> None:
    """Without the events and the references to them, the bundle has no custom content."""
    made = as_json(selected)
    made["objects"] = [item for item in made["objects"] if item["type"] != EVENT_TYPE]
    for item in made["objects"]:
        if item["type"] == "report":
            refs = [ref for ref in item["object_refs"] if not ref.startswith(EVENT_TYPE)]
            item["object_refs"] = refs
    stix2.parse(json.dumps(made), allow_custom=False)


def test_bundle_is_valid_for_the_oasis_validator(selected: list[Selected]) -> None:
    """The OASIS stix2-validator accepts the whole bundle, events included (its warnings:
    deterministic UUIDv5 ids, notes and opinions as relationship sources, are by design)."""
    validator = pytest.importorskip("stix2validator", reason="stix2-validator is not installed")
    out = io.StringIO()
    write_stix(selected, out)
    result = validator.validate_string(out.getvalue(), validator.ValidationOptions(version="2.1"))
    assert result.is_valid, [str(error) for error in result.errors]
