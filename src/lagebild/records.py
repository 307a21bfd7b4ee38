"""The record model, defined once.

Storage, the CLI, the API and every export read and write these classes; the
JSON Schema in ``docs/schema.json`` is generated from them.  Every record that
is extracted from a document carries character offsets (``start``/``end``)
into the document's *clean* text; ``Document.offsets`` maps them back to the
raw text as read.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from datetime import date
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator


class Record(BaseModel):
    """Base of every record: strict fields, no silent extras."""

    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class Span(Record):
    """A half-open character range ``[start, end)`` in the clean text."""

    start: int = Field(ge=0, description="First character, 0-based, in the clean text.")
    end: int = Field(ge=0, description="One past the last character, in the clean text.")

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} lies before start {self.start}")
        return self


class Removal(Span):
    """A stretch of raw text that cleaning removed, and why.

    Offsets here are into the *raw* text, since the removed text is not in the clean text.
    """

    reason: str = Field(description="Why the cleaner removed it, e.g. 'embed-consent:twitter'.")
    text: str = Field(default="", description="The removed text, for audit.")


class Segment(Record):
    """One run of characters copied unchanged from the raw text to the clean text."""

    clean_start: int = Field(ge=0)
    raw_start: int = Field(ge=0)
    length: int = Field(ge=0)


class OffsetMap(Record):
    """Maps clean-text offsets back to raw-text offsets, as a list of copied segments.

    Segments are ordered by ``clean_start`` and do not overlap.
    """

    segments: list[Segment] = Field(default_factory=list)

    def to_raw(self, clean_offset: int) -> int:
        """Return the raw offset of ``clean_offset`` (the end of the text maps to its end)."""
        if not self.segments:
            return clean_offset
        starts = [segment.clean_start for segment in self.segments]
        segment = self.segments[max(0, bisect_right(starts, clean_offset) - 1)]
        return segment.raw_start + clean_offset - segment.clean_start


class EntityType(StrEnum):
    PERSON = "PERSON"
    ORGANIZATION = "ORGANIZATION"
    PLACE = "PLACE"
    WEAPON = "WEAPON"
    OTHER = "OTHER"


class Mention(Span):
    """One occurrence of an entity in the clean text."""

    text: str
    kind: str = Field(
        default="name", description="name, nationality, role, description, pronoun, compound."
    )


class Geo(Record):
    lat: float
    lon: float
    geonames_id: int | None = None
    feature_class: str | None = None
    precision: str | None = Field(default=None, description="country, region, city, village.")


class Entity(Record):
    """An entity in a document, with all its mentions."""

    id: str = Field(description="Stable id, the same across documents for the same entity.")
    name: str
    type: EntityType
    aliases: list[str] = Field(default_factory=list)
    mentions: list[Mention] = Field(default_factory=list)
    geo: Geo | None = None


class TimeExpression(Span):
    """A date or time expression, resolved against the document date where possible."""

    text: str
    value: str | None = Field(
        default=None, description="ISO 8601 value (TIMEX3 style); null where unresolvable."
    )
    type: str = Field(default="DATE", description="TIMEX3 type: DATE, TIME, DURATION, SET.")
    mod: str | None = Field(default=None, description="TIMEX3 mod: START, MID, END, APPROX.")
    precision: str = Field(
        default="unknown",
        description="minute, hour, part-of-day, day, week, month, quarter, season, year, "
        "decade, century, reference, duration or unknown.",
    )
    time_precision: int = Field(
        default=3, description="ACLED time_precision: 1 day or finer, 2 week, 3 month or coarser."
    )
    anchor: str | None = Field(
        default=None, description="The date (or ticker stamp) the value was resolved against."
    )
    anchor_source: str | None = Field(
        default=None,
        description="document, block (a ticker stamp) or lead (a newest-first ticker's lead).",
    )
    direction: str | None = Field(
        default=None, description="past or future, where the clause's tense chose the year."
    )
    cue: str | None = Field(default=None, description="The word that decided the direction.")


class Claim(Span):
    """Who said what, when, and how it is reported (the span is the claim's clause)."""

    speaker: str | None = Field(default=None, description="The speaker as the text names it.")
    speaker_id: str | None = Field(
        default=None, description="Entity id of the speaker, where linked (pronouns resolved)."
    )
    cue: str | None = None
    content: str = ""
    content_start: int | None = Field(default=None, description="Offset of the content.")
    content_end: int | None = Field(default=None, description="End offset of the content.")
    mode: str = Field(default="indirect", description="direct, indirect, reported, free-indirect.")
    date: str | None = None
    date_source: str | None = Field(
        default=None, description="sentence (a time expression), block, document or none."
    )
    medium: str | None = Field(default=None, description="Where it was said: Telegram, TV …")
    addressee: str | None = Field(default=None, description="Whom it was said to, as named.")
    addressee_id: str | None = Field(default=None, description="The addressee's entity id.")
    chain: list[str] = Field(
        default_factory=list,
        description="Attribution chain: the document's source, intermediaries, the speaker.",
    )
    stance: str = Field(
        default="neutral",
        description="The reporter's stance: supported, neutral, disputed, refuted.",
    )
    stance_cue: str | None = Field(default=None, description="The words that set the stance.")


class Assessment(Span):
    """Who judges what how likely, on the ICD 203 / STIX scales (the span covers the
    assessor's words, the estimative phrase and the proposition)."""

    assessor: str | None = Field(
        default=None, description="Who judges, as the text names it; the author when implicit."
    )
    assessor_id: str | None = Field(default=None, description="Entity id of the assessor.")
    assessor_source: str = Field(
        default="author",
        description="explicit (ISW assesses, Das ISW hält), author (implicit: the document's "
        "author) or speaker (a term in reported speech).",
    )
    proposition: str = Field(default="", description="What is judged, without the phrase.")
    proposition_start: int | None = Field(default=None, description="Offset of the clause.")
    proposition_end: int | None = Field(default=None, description="End offset of the clause.")
    phrase: str = Field(default="", description="The estimative words as written.")
    phrase_start: int | None = Field(default=None, description="Offset of the phrase.")
    phrase_end: int | None = Field(default=None, description="End offset of the phrase.")
    cue: str | None = Field(
        default=None, description="The assessment verb or marker, or the speech cue."
    )
    term: str | None = Field(default=None, description="The lexicon entry the phrase matched.")
    kind: str = Field(
        default="term", description="term, modal (may, could, könnte) or verb (no term)."
    )
    label: str | None = Field(
        default=None, description="ICD 203 label after negation; null for modals and verbs."
    )
    category: str | None = Field(
        default=None, description="The ICD 203 label, or 'possible' for modals of possibility."
    )
    probability: tuple[float, float] | None = Field(
        default=None, description="The band [low, high], 0-1."
    )
    point: float | None = Field(default=None, description="Calibrated point value, 0-1.")
    stix_confidence: int | None = Field(default=None, description="STIX 2.1 DNI integer.")
    negated: bool = Field(default=False, description="A negation moved the term.")
    confidence: str | None = Field(
        default=None, description="Stated analytic confidence: low, moderate, high."
    )
    continuity: str | None = Field(default=None, description="new, reaffirmed, changed.")
    continuity_cue: str | None = Field(default=None, description="The words that set it.")
    entity_ids: list[str] = Field(
        default_factory=list, description="Entities mentioned in the proposition."
    )


class EventArgument(Span):
    """An event's participant, place or instrument: the mention and its entity."""

    text: str = Field(description="The mention as written.")
    name: str = Field(description="The entity's name.")
    entity_id: str = Field(description="The entity's id.")
    inferred: bool = Field(
        default=False,
        description="Not named as this argument: the claim's speaker taken as the recipient.",
    )


class Quantity(Span):
    """A counted thing in the event's sentence ("12 killed", "30 Panzer")."""

    text: str


class Event(Span):
    """A typed event (PLOVER) with actors, place, date and modality; the span is the
    evidence (the trigger's sentence)."""

    type: str = Field(description="PLOVER event type: AGREE, CONSULT, … ASSAULT.")
    mode: str | None = Field(default=None, description="PLOVER mode, where the text gives it.")
    trigger: str = Field(default="", description="The words that name the event.")
    trigger_start: int | None = Field(default=None, description="Offset of the trigger.")
    trigger_end: int | None = Field(default=None, description="End offset of the trigger.")
    actors: list[str] = Field(
        default_factory=list, description="Names of all participants, sources first."
    )
    sources: list[EventArgument] = Field(default_factory=list, description="Who acts.")
    targets: list[EventArgument] = Field(default_factory=list, description="Acted upon.")
    place: str | None = Field(default=None, description="The place's name, where stated.")
    place_argument: EventArgument | None = Field(
        default=None, description="The place mention and entity (geocoded on the entity)."
    )
    instruments: list[EventArgument] = Field(
        default_factory=list, description="Weapon systems named in the sentence."
    )
    quantities: list[Quantity] = Field(default_factory=list)
    date: str | None = Field(default=None, description="ISO 8601 value of the event date.")
    date_source: str = Field(
        default="none", description="sentence (a time expression), block, document or none."
    )
    time_precision: int = Field(
        default=3, description="ACLED time_precision: 1 day or finer, 2 week, 3 month or coarser."
    )
    modality: str = Field(
        default="happened",
        description="happened, claimed, denied, demanded, announced, planned, considered, "
        "hypothetical or negated; only happened counts as a fact.",
    )
    main: bool = Field(
        default=True,
        description="In the sentence's main clause, not in a relative, adverbial or "
        "infinitive clause.",
    )
    modality_cue: str | None = Field(default=None, description="The words that set it.")
    claim: int | None = Field(
        default=None, description="Index into the document's claims of the claim it is in."
    )


class ThreadEntry(Record):
    """One dated judgement in an assessment thread: where it was made and how likely."""

    document_id: str = Field(description="The stored document.")
    published: date | None = Field(default=None, description="The document's date.")
    language: str | None = Field(default=None, description="The document's language.")
    start: int = Field(ge=0, description="The assessment's span in the document's text.")
    end: int = Field(ge=0, description="End of the assessment's span.")
    proposition: str = Field(default="", description="What is judged, as this report words it.")
    proposition_start: int | None = Field(default=None, description="Offset of the clause.")
    proposition_end: int | None = Field(default=None, description="End offset of the clause.")
    phrase: str = Field(default="", description="The estimative words as written.")
    label: str | None = Field(default=None, description="The ICD 203 label as stated.")
    negative: bool = Field(
        default=False, description="The proposition is negated ('will likely not enter')."
    )
    band: str | None = Field(
        default=None,
        description="The label for the positive proposition: 'likely not X' is 'unlikely X'; "
        "'possible' for modals; null for bare verbs.",
    )
    continuity: str | None = Field(default=None, description="new, reaffirmed or changed.")


class BandChange(Record):
    """A report whose band differs from the one before it in the thread."""

    document_id: str
    published: date | None = None
    previous: str = Field(description="The band before.")
    band: str = Field(description="The band from this report on.")


class AssessmentThread(Record):
    """One assessor judging one proposition across reports, with its dated history."""

    id: str = Field(description="Stable id: hash of the assessor and the first judgement.")
    assessor: str | None = Field(default=None, description="Who judges, as first named.")
    assessor_id: str | None = Field(default=None, description="Entity id of the assessor.")
    proposition: str = Field(description="A representative wording of the proposition.")
    entity_ids: list[str] = Field(
        default_factory=list, description="Entities the proposition names in most reports."
    )
    reports: int = Field(description="Distinct documents the thread occurs in.")
    first_seen: date | None = None
    last_seen: date | None = None
    band: str | None = Field(default=None, description="The latest band.")
    band_changed: bool = Field(default=False, description="The band changed between reports.")
    changes: list[BandChange] = Field(default_factory=list)
    history: list[ThreadEntry] = Field(default_factory=list, description="Oldest first.")


class EventReport(Record):
    """One document's report of a merged event: where it stands and what it says."""

    document_id: str
    title: str | None = None
    published: date | None = None
    origin: str = Field(
        description="Who originally reported it: a copy or translation of a report shares "
        "its origin (the author's entity, a credited source, the site)."
    )
    event: Event


class MergedEvent(Record):
    """The same event across documents and languages, with every report of it.

    Details that differ between reports (dates, places, quantities, modality) are kept
    side by side in ``conflicts``, never overwritten."""

    id: str = Field(description="Stable id from type, participants, place and first date.")
    type: str
    actors: list[str] = Field(default_factory=list, description="Participants' names.")
    actor_ids: list[str] = Field(default_factory=list, description="Participants' entity ids.")
    place: str | None = None
    place_id: str | None = None
    date: str | None = Field(default=None, description="The most precise date reported.")
    modality: str = Field(
        default="happened",
        description="happened when any report tells it as a fact, else the reports' modality.",
    )
    independent_sources: int = Field(
        default=1, description="Distinct origins among the reports (copies count once)."
    )
    reports: list[EventReport] = Field(default_factory=list)
    conflicts: dict[str, list[str]] = Field(
        default_factory=dict, description="Field → the differing values reported."
    )


class Document(Record):
    """The container every stage reads and extends (spaCy's ``Doc``)."""

    id: str = Field(default="", description="sha256 of the raw text; set by ``finalise_id``.")
    source: str = Field(default="", description="Path, URL or '-' for stdin.")
    title: str | None = None
    author: str | None = None
    url: str | None = None
    language: str | None = None
    published: date | None = None
    raw_text: str = Field(default="", description="Text as read, before cleaning.")
    text: str = Field(default="", description="Clean text; every offset points here.")
    removed: list[Removal] = Field(default_factory=list)
    offsets: OffsetMap = Field(default_factory=OffsetMap)
    sentences: list[Span] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    times: list[TimeExpression] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    assessments: list[Assessment] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    metadata: dict[str, Any] = Field(default_factory=dict)
    stages: list[str] = Field(default_factory=list, description="Stages that have run, in order.")

    def finalise_id(self) -> Document:
        """Set ``id`` from the content hash, so the same text is stored once."""
        if not self.id:
            self.id = content_hash(self.raw_text)
        return self


def content_hash(text: str) -> str:
    """The document identity: sha256 of the raw text, as hex."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class DocumentView(Record):
    """The ``document`` part of the analysis contract (offsets of ``removed`` are raw)."""

    id: str
    source: str
    title: str | None
    author: str | None = None
    url: str | None = None
    language: str | None
    published: date | None
    published_source: str | None = Field(
        default=None, description="Where the date came from: metadata, text or none."
    )
    published_precision: str | None = Field(
        default=None, description="day, or unknown when no date is known."
    )
    text: str
    removed: list[Removal]
    sentences: list[Span] = Field(default_factory=list)


class Analysis(Record):
    """The JSON contract of ``lagebild analyze --format json``; later issues fill the lists."""

    document: DocumentView
    entities: list[Entity]
    times: list[TimeExpression]
    claims: list[Claim]
    assessments: list[Assessment]
    events: list[Event]

    @classmethod
    def of(cls, document: Document) -> Analysis:
        """The contract view of an analysed document."""
        fields = document.model_dump(include=set(DocumentView.model_fields))
        dated = document.metadata.get("time", {})
        fields["published_source"] = dated.get("source")
        fields["published_precision"] = dated.get("precision")
        view = DocumentView.model_validate(fields)
        return cls(
            document=view,
            entities=document.entities,
            times=document.times,
            claims=document.claims,
            assessments=document.assessments,
            events=document.events,
        )
