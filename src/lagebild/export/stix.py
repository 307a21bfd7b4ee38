"""STIX 2.1 bundles (OpenCTI and other threat-intelligence platforms), built and checked by
the OASIS ``stix2`` library.

Per document a ``report``; an ``identity`` per source and per speaker or assessor; a
``location`` per geocoded place; a claim is a ``note`` (the speaker's words), and where
the reporter takes a stance an ``opinion`` on that note; an assessment is an ``opinion``
(its ICD 203 band as agreement) or, without a band, a ``note``, both with ``confidence``
on the DNI scale.  ``relationship`` objects tie notes and opinions to who said or judged
them and to the places they name.  An event is an ``x-lagebild-event``, the new SDO of
an ``extension-definition`` (``stix_events``), referring to its actors' identities or
locations, its place and the note of the claim it is told in.  Ids are UUIDv5 of our
record ids and timestamps are the documents' dates, so exporting the same store twice
gives the same bundle.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, time
from typing import Any, TextIO

from stix2.v21 import Bundle, Identity, Location, Note, Opinion, Relationship, Report

from lagebild.export.places import (
    PRECISION_METRES,
    Located,
    Source,
    entity_by_id,
    located,
    source_of,
)
from lagebild.export.selection import Selected, named_ids, record_id
from lagebild.export.stix_events import (
    EVENT_TYPE,
    EventDraft,
    definition_objects,
    event_objects,
)
from lagebild.export.stix_ids import EPOCH, NAMESPACE, stix_id
from lagebild.records import Assessment, Claim, Document, Entity, EntityType, Event, EventReport

__all__ = ["EPOCH", "NAMESPACE", "bundle", "stix_id", "write_stix"]
#: The reporter's stance toward a claim as a STIX opinion; neutral claims have none.
STANCE_OPINION = {"supported": "agree", "disputed": "disagree", "refuted": "strongly-disagree"}
#: An ICD 203 band as the assessor's agreement with the proposition.
BAND_OPINION = {
    "almost no chance": "strongly-disagree",
    "very unlikely": "strongly-disagree",
    "unlikely": "disagree",
    "roughly even chance": "neutral",
    "likely": "agree",
    "very likely": "strongly-agree",
    "almost certain": "strongly-agree",
}
IDENTITY_CLASS = {EntityType.PERSON: "individual", EntityType.ORGANIZATION: "organization"}


@dataclass
class _Builder:
    """Collects objects by id, so identities and locations shared by documents come once,
    and the events, made last because merging them needs all of them."""

    objects: dict[str, Any] = field(default_factory=dict)
    events: list[EventDraft] = field(default_factory=list)

    def add(self, made: Any) -> str:
        self.objects.setdefault(made.id, made)
        return str(made.id)


@dataclass
class _Context:
    """One document's export: its builder, timestamp, source and the ids it refers to."""

    builder: _Builder
    chosen: Selected
    at: datetime
    source: Source
    source_id: str
    refs: list[str] = field(default_factory=list)

    @property
    def document(self) -> Document:
        return self.chosen.document

    def add(self, made: Any) -> str:
        made_id = self.builder.add(made)
        if made_id not in self.refs:
            self.refs.append(made_id)
        return made_id

    def add_once(self, made_id: str, make: Callable[[], Any]) -> str:
        """``made_id``, made by ``make`` only when the bundle lacks it: building a stix2
        object validates every property, and places and actors recur thousands of times."""
        if made_id in self.builder.objects:
            if made_id not in self.refs:
                self.refs.append(made_id)
            return made_id
        return self.add(make())

    def stamps(self) -> dict[str, datetime]:
        return {"created": self.at, "modified": self.at}

    def provenance(self, kind: str, position: int, start: int, end: int) -> list[dict[str, str]]:
        """Where a record stands: document id and character offsets of the clean text."""
        return [
            {
                "source_name": "lagebild",
                "external_id": record_id(self.document.id, kind, position),
                "description": f"document {self.document.id}, characters {start}-{end}",
            }
        ]


def bundle(selected: Iterable[Selected]) -> Bundle:
    """The STIX bundle of the selected documents and records."""
    builder = _Builder()
    for chosen in selected:
        _document(builder, chosen)
    if builder.events:
        for made in [*definition_objects(), *event_objects(builder.events)]:
            builder.add(made)
    objects = list(builder.objects.values())
    key = "bundle:" + ",".join(sorted(builder.objects))
    # stix2 counts any ``x-`` type as custom content, even a registered extension's SDO;
    # tests parse everything but the events with allow_custom=False.
    return Bundle(objects=objects, id=stix_id("bundle", key), allow_custom=True)


def write_stix(selected: Iterable[Selected], out: TextIO) -> dict[str, int]:
    """Write the bundle as JSON to ``out``; counts of objects by STIX type."""
    made = bundle(selected)
    out.write(made.serialize(pretty=False, ensure_ascii=False) + "\n")
    counts: dict[str, int] = {}
    for item in made.objects:
        counts[item.type] = counts.get(item.type, 0) + 1
    return counts


def _document(builder: _Builder, chosen: Selected) -> None:
    published = chosen.document.published
    at = datetime.combine(published, time(), UTC) if published else EPOCH
    source = source_of(chosen.document)
    identity = Identity(
        id=stix_id("identity", "source:" + source.key),
        name=source.name,
        identity_class="organization" if source.organisation else "unknown",
        created=EPOCH,
        modified=EPOCH,
    )
    context = _Context(builder, chosen, at, source, builder.add(identity), [str(identity.id)])
    for _, entity in chosen.records("entities"):
        _location(context, entity)
    for position, claim in chosen.records("claims"):
        _claim(context, position, claim)
    for position, assessment in chosen.records("assessments"):
        _assessment(context, position, assessment)
    for position, event in chosen.records("events"):
        _event(context, position, event)
    builder.add(_report(context))


def _report(context: _Context) -> Report:
    document = context.document
    references = [
        {"source_name": "lagebild", "external_id": document.id, "description": document.source}
    ]
    if document.url:
        references.append({"source_name": "web", "url": document.url})
    return Report(
        id=stix_id("report", document.id),
        name=document.title or document.source.rsplit("/", 1)[-1] or document.id,
        published=context.at,
        report_types=["threat-report"],
        object_refs=context.refs,
        external_references=references,
        lang=document.language,
        allow_custom=True,  # object_refs name x-lagebild-event objects (see bundle)
        **context.stamps(),
    )


def _claim(context: _Context, position: int, claim: Claim) -> None:
    key = record_id(context.document.id, "claims", position)
    speaker = _speaker(context, claim.speaker_id, claim.speaker)
    places = _places(context, claim)
    addressee = _speaker(context, claim.addressee_id, claim.addressee)
    note = Note(
        id=stix_id("note", key),
        abstract=f"{claim.speaker or 'unnamed speaker'} ({claim.mode} speech)",
        content=claim.content or context.document.text[claim.start : claim.end],
        authors=[context.source.name],
        object_refs=_refs(speaker, addressee, *places) or [context.source_id],
        external_references=context.provenance("claims", position, claim.start, claim.end),
        **context.stamps(),
    )
    note_id = context.add(note)
    _relate(context, note_id, "attributed-to", speaker, key)
    for place in places:
        _relate(context, note_id, "related-to", place, key)
    if claim.stance in STANCE_OPINION:
        context.add(
            Opinion(
                id=stix_id("opinion", key + ":stance"),
                opinion=STANCE_OPINION[claim.stance],
                explanation=f"The reporter's stance: {claim.stance} ({claim.stance_cue or ''})",
                authors=[context.source.name],
                object_refs=[note_id],
                external_references=note.external_references,
                **context.stamps(),
            )
        )


def _assessment(context: _Context, position: int, assessment: Assessment) -> None:
    key = record_id(context.document.id, "assessments", position)
    assessor = _speaker(context, assessment.assessor_id, assessment.assessor)
    places = _places(context, assessment)
    named = [_entity_ref(context, entity_id) for entity_id in assessment.entity_ids]
    refs = _refs(*named, *places) or [context.source_id]
    common: dict[str, Any] = {
        "object_refs": refs,
        "authors": [assessment.assessor or context.source.name],
        "external_references": context.provenance(
            "assessments", position, assessment.start, assessment.end
        ),
        **context.stamps(),
    }
    if assessment.stix_confidence is not None:
        common["confidence"] = assessment.stix_confidence
    made_id = context.add(_judgement(key, assessment, common))
    _relate(context, made_id, "attributed-to", assessor or context.source_id, key)


def _judgement(key: str, assessment: Assessment, common: dict[str, Any]) -> Note | Opinion:
    """An opinion where the assessment has an ICD 203 band, else a note."""
    words = f"{assessment.phrase}: {assessment.proposition}".strip(": ")
    if assessment.label in BAND_OPINION:
        opinion = BAND_OPINION[assessment.label]
        return Opinion(id=stix_id("opinion", key), opinion=opinion, explanation=words, **common)
    abstract = f"{assessment.kind} assessment ({assessment.category or 'no band'})"
    return Note(id=stix_id("note", key), abstract=abstract, content=words, **common)


def _event(context: _Context, position: int, event: Event) -> None:
    """The event's draft (made into an object once all are merged); its id goes into the
    report now, the objects its arguments and claim refer to are made now."""
    document = context.document
    key = record_id(document.id, "events", position)
    refs = {
        "source_refs": _refs(*(_entity_ref(context, a.entity_id) for a in event.sources)),
        "target_refs": _refs(*(_entity_ref(context, a.entity_id) for a in event.targets)),
        "location_ref": _event_place(context, event),
        "claim_ref": _told_in(context, event),
    }
    report = EventReport(
        document_id=document.id,
        title=document.title,
        published=document.published,
        origin=context.source.key,
        event=event,
    )
    sentence = document.text[event.start : event.end]
    provenance = context.provenance("events", position, event.start, event.end)
    context.builder.events.append(
        EventDraft(key, report, sentence, refs, context.stamps(), provenance)
    )
    context.refs.append(stix_id(EVENT_TYPE, key))


def _event_place(context: _Context, event: Event) -> str | None:
    """The location of the event's place, when it is geocoded."""
    if event.place_argument is None:
        return None
    entity = entity_by_id(context.document, event.place_argument.entity_id)
    return _location(context, entity) if entity is not None else None


def _told_in(context: _Context, event: Event) -> str | None:
    """The note of the claim the event is told in, made here when the selection left the
    claim out (an event dated in range inside a claim that is not)."""
    claims = context.document.claims
    if event.claim is None or not 0 <= event.claim < len(claims):
        return None
    note_id = stix_id("note", record_id(context.document.id, "claims", event.claim))
    if note_id not in context.builder.objects:
        _claim(context, event.claim, claims[event.claim])
    return note_id


def _speaker(context: _Context, entity_id: str | None, name: str | None) -> str | None:
    """The identity of a speaker or assessor (an entity, else the name as written)."""
    if entity_id:
        entity = entity_by_id(context.document, entity_id)
        if entity is not None:
            return _identity(context, entity)
    if not name:
        return None
    made_id = stix_id("identity", "speaker:" + name.casefold())
    return context.add_once(
        made_id,
        lambda: Identity(
            id=made_id, name=name, identity_class="unknown", created=EPOCH, modified=EPOCH
        ),
    )


def _identity(context: _Context, entity: Entity) -> str:
    """A person is an individual; an organisation, or a state speaking, an organization."""
    made_id = stix_id("identity", entity.id)
    return context.add_once(
        made_id,
        lambda: Identity(
            id=made_id,
            name=entity.name,
            identity_class=IDENTITY_CLASS.get(entity.type, "organization"),
            created=EPOCH,
            modified=EPOCH,
        ),
    )


def _entity_ref(context: _Context, entity_id: str) -> str | None:
    """A location for a geocoded place, an identity for a person or organisation."""
    entity = entity_by_id(context.document, entity_id)
    if entity is None:
        return None
    place = _location(context, entity)
    if place is not None or entity.type not in IDENTITY_CLASS:
        return place
    return _identity(context, entity)


def _places(context: _Context, record: Claim | Assessment) -> list[str]:
    """Locations of the geocoded places a claim or assessment names."""
    found = (
        _location(context, entity)
        for entity_id in sorted(named_ids(context.document, record))
        if (entity := entity_by_id(context.document, entity_id)) is not None
    )
    return [ref for ref in found if ref]


def _location(context: _Context, entity: Entity) -> str | None:
    place = located(entity)
    if place is None:
        return None
    made_id = stix_id("location", entity.id)
    return context.add_once(made_id, lambda: _place(made_id, entity, place))


def _place(made_id: str, entity: Entity, place: Located) -> Location:
    fields: dict[str, Any] = {"country": place.country} if place.country else {}
    if place.precision in PRECISION_METRES:
        fields["precision"] = float(PRECISION_METRES[place.precision])
    return Location(
        id=made_id,
        name=entity.name,
        latitude=place.lat,
        longitude=place.lon,
        created=EPOCH,
        modified=EPOCH,
        **fields,
    )


def _refs(*found: str | None) -> list[str]:
    """The ids found, each once, in order."""
    return list(dict.fromkeys(ref for ref in found if ref))


def _relate(context: _Context, source: str, kind: str, target: str | None, key: str) -> None:
    if target is None:
        return
    relationship = Relationship(
        id=stix_id("relationship", f"{key}:{kind}:{target}"),
        relationship_type=kind,
        source_ref=source,
        target_ref=target,
        **context.stamps(),
    )
    context.add(relationship)
