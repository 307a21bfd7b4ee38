"""PLOVER events in STIX 2.1: a new SDO ``x-lagebild-event``, declared by an
``extension-definition`` (STIX 2.1 §7.3, extension type ``new-sdo``) that lagebild's own
``identity`` (class ``system``) creates.

STIX 2.1 has no object for a political event ("Russia shelled Kharkiv on 12 March";
``incident`` is a stub for cyber incidents), and since 2.1 the standard way to add an
object type is an extension definition: every event carries ``extensions:
{<definition id>: {"extension_type": "new-sdo"}}``, so a consumer that does not know the
type can still tell whose it is and skip it.  An event keeps the record's fields (PLOVER
type and mode, modality, date and its precision, quantities), its evidence (document id
and character offsets, as properties and as an external reference like notes and
opinions), what merging across the exported documents tells (the merged event's id,
independent sources, reporting documents) and embedded references to the objects the
export makes for its arguments: ``source_refs``/``target_refs`` (identities or
locations), ``location_ref`` and, for an event inside a claim, ``claim_ref`` (the note).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from stix2.properties import (
    BooleanProperty,
    DictionaryProperty,
    IntegerProperty,
    ListProperty,
    ReferenceProperty,
    StringProperty,
)
from stix2.v21 import CustomObject, ExtensionDefinition, Identity

from lagebild.export.stix_ids import stix_id
from lagebild.link.events import merge
from lagebild.records import EventReport, MergedEvent

#: The new SDO's type: ``x-`` and our name, as the STIX validator's naming check asks.
EVENT_TYPE = "x-lagebild-event"
EXTENSION_VERSION = "1.0"
EXTENSION_ID = stix_id("extension-definition", f"{EVENT_TYPE}:{EXTENSION_VERSION}")
#: lagebild itself, the creator of the extension definition.
TOOL_ID = stix_id("identity", "tool:lagebild")
#: When the definition was written (a fixed date keeps bundles byte-identical).
DEFINED = datetime(2026, 12, 7, tzinfo=UTC)
#: ACLED time_precision → the finest unit the event's date is sure to.
DATE_PRECISION = {1: "day", 2: "week", 3: "month"}

SCHEMA = f"""{EVENT_TYPE} (STIX Domain Object, extension type new-sdo): one event as a
lagebild document reports it.  Common SDO properties as STIX 2.1 §3.2; created and
modified are the document's date.  Properties:
name (string, required): "<PLOVER type>: <trigger>".
description (string): the evidence sentence.
event_type (string, required): PLOVER event type (AGREE, CONSULT, ..., ASSAULT).
event_mode (string): PLOVER mode where the text gives it.
trigger (string): the words that name the event.
modality (string, required): happened, claimed, denied, demanded, announced, planned,
considered, hypothetical or negated; only happened is told as a fact.
modality_cue (string): the words that set the modality.
main_clause (boolean): the event is in its sentence's main clause.
event_date (string): ISO 8601 value of the event's date, possibly partial (2022-03,
2022-W11).  date_source (string): sentence, block, document or none.
time_precision (integer): ACLED time precision, 1 day or finer, 2 week, 3 month or coarser.
date_precision (string): the same as day, week or month.
actors (list of string): names of all participants, sources first.  place (string): the
place's name.  instruments (list of string): weapon systems named.
source_refs, target_refs (list of identifier, identity or location): who acts, who is
acted upon.  location_ref (identifier, location): where.  claim_ref (identifier, note):
the claim the event is told in.
quantities (list of dictionary: text, start, end): counted things in the sentence.
document_id (string, required), start, end (integer, required), trigger_start,
trigger_end (integer): the evidence in the document's clean text (character offsets).
merged_event_id (string): lagebild's id of the event merged across the exported
documents; independent_sources (integer): distinct origins reporting it (copies and
translations count once); reporting_documents (integer): documents reporting it."""


def _reference(*types: str) -> ReferenceProperty:
    return ReferenceProperty(valid_types=list(types), spec_version="2.1")


#: The properties of ``x-lagebild-event`` beyond the common ones, in the order written.
EVENT_PROPERTIES = [
    ("name", StringProperty(required=True)),
    ("description", StringProperty()),
    ("event_type", StringProperty(required=True)),
    ("event_mode", StringProperty()),
    ("trigger", StringProperty()),
    ("modality", StringProperty(required=True)),
    ("modality_cue", StringProperty()),
    ("main_clause", BooleanProperty()),
    ("event_date", StringProperty()),
    ("date_source", StringProperty()),
    ("time_precision", IntegerProperty(min=1, max=3)),
    ("date_precision", StringProperty()),
    ("actors", ListProperty(StringProperty)),
    ("place", StringProperty()),
    ("instruments", ListProperty(StringProperty)),
    ("source_refs", ListProperty(_reference("identity", "location"))),
    ("target_refs", ListProperty(_reference("identity", "location"))),
    ("location_ref", _reference("location")),
    ("claim_ref", _reference("note")),
    ("quantities", ListProperty(DictionaryProperty(spec_version="2.1"))),
    ("document_id", StringProperty(required=True)),
    ("start", IntegerProperty(min=0, required=True)),
    ("end", IntegerProperty(min=0, required=True)),
    ("trigger_start", IntegerProperty(min=0)),
    ("trigger_end", IntegerProperty(min=0)),
    ("merged_event_id", StringProperty()),
    ("independent_sources", IntegerProperty(min=1)),
    ("reporting_documents", IntegerProperty(min=1)),
]

#: The SDO class; stix2 validates the properties of every one made (typed ``Any``:
#: stix2 has no type hints and builds the class at run time).
LagebildEvent: Any = CustomObject(EVENT_TYPE, EVENT_PROPERTIES, extension_name=EXTENSION_ID)(
    type("LagebildEvent", (), {"__doc__": "The x-lagebild-event SDO."})
)


@dataclass(frozen=True)
class EventDraft:
    """An event ready for STIX but for what merging tells: its record id, its report
    (document, origin, event), evidence sentence, references, timestamps and provenance."""

    key: str
    report: EventReport
    sentence: str
    refs: dict[str, Any]
    stamps: dict[str, datetime]
    provenance: list[dict[str, str]]


def definition_objects() -> list[Any]:
    """lagebild's identity and the extension definition it creates (once per bundle)."""
    tool = Identity(
        id=TOOL_ID,
        name="lagebild",
        identity_class="system",
        description="Situation reports read into claims, assessments and events.",
        created=DEFINED,
        modified=DEFINED,
    )
    definition = ExtensionDefinition(
        id=EXTENSION_ID,
        created_by_ref=TOOL_ID,
        name=f"lagebild event ({EVENT_TYPE})",
        description="A political or military event (PLOVER type) reported in a document.",
        schema=SCHEMA,
        version=EXTENSION_VERSION,
        extension_types=["new-sdo"],
        created=DEFINED,
        modified=DEFINED,
    )
    return [tool, definition]


def event_objects(drafts: Sequence[EventDraft]) -> list[Any]:
    """The events, each with what merging them across the drafts tells, in draft order."""
    sentences = {
        (d.report.document_id, d.report.event.start, d.report.event.end): d.sentence for d in drafts
    }
    # merge() keeps the EventReport objects it is given, so identity finds each draft.
    merged_by_report = {
        id(report): merged
        for merged in merge([d.report for d in drafts], sentences)
        for report in merged.reports
    }
    return [_event(draft, merged_by_report[id(draft.report)]) for draft in drafts]


def _event(draft: EventDraft, merged: MergedEvent) -> Any:
    event = draft.report.event
    return LagebildEvent(
        id=stix_id(EVENT_TYPE, draft.key),
        name=f"{event.type}: {event.trigger}" if event.trigger else event.type,
        description=" ".join(draft.sentence.split()) or None,
        event_type=event.type,
        event_mode=event.mode,
        trigger=event.trigger or None,
        modality=event.modality,
        modality_cue=event.modality_cue,
        main_clause=event.main,
        event_date=event.date,
        date_source=event.date_source,
        time_precision=event.time_precision,
        date_precision=DATE_PRECISION.get(event.time_precision),
        actors=event.actors,
        place=event.place,
        instruments=[argument.name for argument in event.instruments],
        quantities=[{"text": q.text, "start": q.start, "end": q.end} for q in event.quantities],
        document_id=draft.report.document_id,
        start=event.start,
        end=event.end,
        trigger_start=event.trigger_start,
        trigger_end=event.trigger_end,
        merged_event_id=merged.id,
        independent_sources=merged.independent_sources,
        reporting_documents=len({report.document_id for report in merged.reports}),
        external_references=draft.provenance,
        **draft.refs,
        **draft.stamps,
    )
