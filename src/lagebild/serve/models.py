"""The API's response shapes: the store's records and summaries, wrapped for paging and
joined for the pages (an entity with its claims and events, a thread with its evidence).
Records themselves come from ``records.py`` and the store, never redefined here."""

from __future__ import annotations

from typing import Any, Generic, Literal, TypeVar

from pydantic import BaseModel, Field

from lagebild.records import AssessmentThread
from lagebild.store.browse import DocumentCount, EntityProfile, EventHit
from lagebild.store.claims import ClaimHit
from lagebild.store.search import SearchHit
from lagebild.store.timeline import TimelineItem

T = TypeVar("T")


class Page(BaseModel, Generic[T]):
    """One page of a list: ``next`` is the URL of the following page, null on the last."""

    items: list[T]
    limit: int
    offset: int
    total: int | None = Field(default=None, description="All matches, where cheap to count.")
    next: str | None = None


class SearchResult(BaseModel):
    """Search hits with facets over every hit found (before the facet filters)."""

    query: str
    hits: Page[SearchHit]
    facets: dict[str, dict[str, int]]
    selected: dict[str, str] = Field(default_factory=dict)


class EntityView(BaseModel):
    """An entity's page: its profile and a page each of the documents mentioning it (most
    mentions first), the claims by and about it and the events it takes part in (newest
    first); each section's ``next`` is the URL of its following page."""

    profile: EntityProfile
    documents: Page[DocumentCount]
    claims_by: Page[ClaimHit]
    claims_about: Page[ClaimHit]
    events: Page[EventHit]


class Evidence(BaseModel):
    """The sentence behind one judgement of a thread."""

    document_id: str
    published: str | None
    start: int
    end: int
    text: str


class ThreadView(BaseModel):
    """An assessment thread with the passage behind each judgement, oldest first."""

    thread: AssessmentThread
    evidence: list[Evidence]


class Bucket(BaseModel):
    """Items in one period of the timeline."""

    period: str
    events: int
    claims: int


class TimelineView(BaseModel):
    """Dated events and claims, and their counts per day or month."""

    granularity: Literal["day", "month"]
    buckets: list[Bucket]
    items: list[TimelineItem]
    truncated: bool = Field(description="More items match than were read: narrow the range.")


class Geometry(BaseModel):
    type: Literal["Point"] = "Point"
    coordinates: tuple[float, float]


class Feature(BaseModel):
    type: Literal["Feature"] = "Feature"
    geometry: Geometry
    properties: dict[str, Any]


class FeatureCollection(BaseModel):
    """GeoJSON: geocoded places and the events located at them."""

    type: Literal["FeatureCollection"] = "FeatureCollection"
    bbox: tuple[float, float, float, float]
    features: list[Feature]


class JobView(BaseModel):
    """An ingest job started by an upload."""

    id: str
    state: Literal["queued", "running", "done", "failed"]
    files: list[str]
    processed: int
    stored: int
    duplicates: int
    skipped: list[tuple[str, str]]
    stored_ids: list[str]
    error: str | None


class Problem(BaseModel):
    """An error: what was wrong, in one sentence."""

    detail: str
