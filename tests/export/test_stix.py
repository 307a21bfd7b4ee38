"""STIX 2.1 bundles, parsed back by the OASIS stix2 library."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
import stix2

from lagebild.export import Selected, Selection, from_store
from lagebild.export.stix import bundle, stix_id, write_stix
from lagebild.records import Document
from lagebild.store import Store


def parsed(selected: list[Selected]) -> Any:
    out = io.StringIO()
    write_stix(selected, out)
    return stix2.parse(out.getvalue(), allow_custom=True)


def of_type(parsed_bundle: Any, kind: str) -> list[Any]:
    return [item for item in parsed_bundle.objects if item.type == kind]


def test_bundle_parses_with_a_report_per_document(selected: list[Selected]) -> None:
    reports = of_type(parsed(selected), "report")
    assert sorted(report.id for report in reports) == sorted(
        stix_id("report", chosen.document.id) for chosen in selected
    )


def test_every_reference_resolves_inside_the_bundle(selected: list[Selected]) -> None:
    made = parsed(selected)
    ids = {item.id for item in made.objects}
    for item in made.objects:
        refs = list(item.get("object_refs", []))
        refs += [item.get(name) for name in ("source_ref", "target_ref") if item.get(name)]
        assert set(refs) <= ids, item.id


def test_report_dates_are_the_documents_dates(selected: list[Selected]) -> None:
    by_id = {stix_id("report", c.document.id): c.document for c in selected}
    for report in of_type(parsed(selected), "report"):
        assert report.published.date() == by_id[report.id].published


def test_exporting_twice_gives_the_same_bundle(store: Store) -> None:
    first = bundle(from_store(store, Selection())).serialize()
    second = bundle(from_store(store, Selection())).serialize()
    assert first == second


def test_unlikely_assessment_is_a_disagreeing_opinion_with_confidence_30(
    belarus: Document, selected: list[Selected]
) -> None:
    (position,) = [i for i, a in enumerate(belarus.assessments) if a.label == "unlikely"]
    opinion = parsed(selected).get_obj(stix_id("opinion", f"{belarus.id}/assessments/{position}"))[
        0
    ]
    assert (opinion.opinion, opinion.confidence) == ("disagree", 30)
    assert stix_id("location", "place/belarus") in opinion.object_refs


def test_disputed_claim_is_a_note_with_a_disagreeing_opinion(selected: list[Selected]) -> None:
    made = parsed(selected)
    opinions = of_type(made, "opinion")
    stance = [o for o in opinions if o.explanation.startswith("The reporter's stance: disputed")]
    assert len(stance) == 2
    for opinion in stance:
        (note_id,) = opinion.object_refs
        assert opinion.opinion == "disagree" and note_id.startswith("note--")
        assert made.get_obj(note_id)


def test_speakers_are_identities_of_their_class(selected: list[Selected]) -> None:
    speakers = {
        claim.speaker_id: chosen.document
        for chosen in selected
        for _, claim in chosen.records("claims")
        if claim.speaker_id and claim.speaker_id.startswith(("person/", "org/"))
    }
    made = parsed(selected)
    assert speakers
    for entity_id in speakers:
        (identity,) = made.get_obj(stix_id("identity", entity_id))
        wanted = "individual" if entity_id.startswith("person/") else "organization"
        assert identity.identity_class == wanted


def test_places_are_locations_at_their_coordinates(selected: list[Selected]) -> None:
    (minsk,) = parsed(selected).get_obj(stix_id("location", "place/minsk"))
    assert (round(minsk.latitude, 2), round(minsk.longitude, 2), minsk.country) == (
        53.9,
        27.57,
        "BY",
    )


def test_claims_and_assessments_carry_document_and_offsets(selected: list[Selected]) -> None:
    texts = {chosen.document.id: chosen.document for chosen in selected}
    for item in parsed(selected).objects:
        if item.type not in {"note", "opinion"}:
            continue
        (reference,) = item.external_references
        document_id, kind, position = reference.external_id.split("/")
        record = getattr(texts[document_id], kind)[int(position)]
        assert (
            reference.description
            == f"document {document_id}, characters {record.start}-{record.end}"
        )


def test_speakers_are_attributed_by_relationships(selected: list[Selected]) -> None:
    made = parsed(selected)
    attributed = {
        r.source_ref
        for r in of_type(made, "relationship")
        if r.relationship_type == "attributed-to"
    }
    spoken = [
        n for n in of_type(made, "note") if "speech" in n.abstract and "unnamed" not in n.abstract
    ]
    assert spoken and all(note.id in attributed for note in spoken)


@pytest.mark.corpus
@pytest.mark.slow
def test_seed_and_isw_bundle_holds_the_belarus_assessment(corpus_url: str, seed_id: str) -> None:
    with Store(corpus_url) as store:
        selected = list(from_store(store, Selection()))
    made = parsed(selected)
    assert len(of_type(made, "report")) == 26
    seed = next(c.document for c in selected if c.document.id == seed_id)
    (position,) = [
        i
        for i, a in enumerate(seed.assessments)
        if a.assessor_id == "org/isw" and a.label == "unlikely"
    ]
    (opinion,) = made.get_obj(stix_id("opinion", f"{seed_id}/assessments/{position}"))
    assert opinion.confidence == 30 and "Weißrusslands" in opinion.explanation
    assert stix_id("location", "place/belarus") in opinion.object_refs
    report = made.get_obj(stix_id("report", seed_id))[0]
    assert opinion.id in report.object_refs and report.published.isoformat()[:10] == "2022-12-20"
    json.dumps(json.loads(made.serialize()))
