"""The JSON API under ``/api``: thin routes that validate, call ``views`` and return records.
The OpenAPI schema at ``/openapi.json`` describes every route; ``/api`` lists them."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Header, Query, Request, UploadFile
from fastapi.responses import PlainTextResponse

from lagebild.records import Analysis, AssessmentThread, MergedEvent
from lagebild.serve import geo, views
from lagebild.serve.deps import (
    entity_offsets,
    get_service,
    link_for,
    section_link_for,
    upload_allowed,
)
from lagebild.serve.models import (
    EntityView,
    FeatureCollection,
    JobView,
    Page,
    Problem,
    SearchResult,
    ThreadView,
    TimelineView,
)
from lagebild.serve.params import (
    EntityRef,
    EntityType,
    EventType,
    Language,
    Limit,
    Modality,
    Offset,
    Since,
    Stance,
    Text,
    Until,
)
from lagebild.serve.service import Service
from lagebild.serve.views import EntityOffsets
from lagebild.store import DocumentSummary, EntitySummary, StoreStats
from lagebild.store.assessments import ThreadFilter
from lagebild.store.browse import DocumentQuery, TimeHit
from lagebild.store.claims import ClaimFilter, ClaimHit
from lagebild.store.events import EventFilter
from lagebild.store.timeline import KINDS, TimelineQuery

NOT_FOUND: dict[int | str, dict[str, Any]] = {
    404: {"model": Problem, "description": "No such record."}
}
BAD: dict[int | str, dict[str, Any]] = {
    400: {"model": Problem, "description": "The request cannot be answered as asked."}
}

router = APIRouter(prefix="/api")
ServiceDep = Annotated[Service, Depends(get_service)]


@router.get("/stats", tags=["store"])
def stats(service: ServiceDep) -> StoreStats:
    """What the store holds: counts by language and month, record counts, date range."""
    return views.stats(service)


@router.get("/documents", tags=["documents"])
def documents(
    request: Request,
    service: ServiceDep,
    language: Language = None,
    source: Text = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[DocumentSummary]:
    """Stored documents, newest publication first."""
    wanted = DocumentQuery(language, source, since, until)
    return views.documents(service, wanted, limit, offset, link_for(request))


@router.get("/documents/{document_id}", tags=["documents"], responses=NOT_FOUND)
def document(service: ServiceDep, document_id: str) -> Analysis:
    """One document in the JSON contract, by id or a unique prefix of 6 or more characters."""
    return views.document(service, document_id)


@router.get(
    "/documents/{document_id}/raw",
    tags=["documents"],
    responses=NOT_FOUND,
    response_class=PlainTextResponse,
)
def raw(service: ServiceDep, document_id: str) -> PlainTextResponse:
    """The document as read, before cleaning (plain text, never rendered as HTML)."""
    return PlainTextResponse(views.raw_text(service, document_id))


@router.get("/search", tags=["documents"], responses=BAD)
def search(
    request: Request,
    service: ServiceDep,
    q: Annotated[str, Query(min_length=1, max_length=2000, description='Words, "phrases", pre*')],
    language: Language = None,
    month: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}$|^undated$")] = None,
    entity: Text = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> SearchResult:
    """Full-text search with facets (language, month, entities); facets narrow the hits."""
    selected = {
        k: v for k, v in (("language", language), ("month", month), ("entity", entity)) if v
    }
    return views.search(service, q, selected, limit, offset, link_for(request))


@router.get("/entities", tags=["entities"])
def entities(
    request: Request,
    service: ServiceDep,
    type: EntityType = None,
    unknown: bool = False,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[EntitySummary]:
    """Entities across documents, most documents first; ``unknown``: not in the knowledge base."""
    return views.entities(service, type, unknown, limit, offset, link_for(request))


@router.get("/entities/{entity_id:path}", tags=["entities"], responses=NOT_FOUND)
def entity(
    request: Request,
    service: ServiceDep,
    entity_id: str,
    offsets: Annotated[EntityOffsets, Depends(entity_offsets)],
) -> EntityView:
    """An entity: aliases, mentions by date, and a page each of its documents, the claims by
    and about it and its events (``<section>_offset`` pages on; each ``next`` links there)."""
    return views.entity(service, entity_id, offsets, section_link_for(request))


@router.get("/claims", tags=["claims"])
def claims(
    request: Request,
    service: ServiceDep,
    speaker: EntityRef = None,
    about: EntityRef = None,
    since: Since = None,
    stance: Stance = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[ClaimHit]:
    """Claims across documents, newest statement first."""
    wanted = ClaimFilter(speaker=speaker, about=about, since=since, stance=stance)
    return views.claims(service, wanted, limit, offset, link_for(request))


@router.get("/events", tags=["events"])
def events(
    request: Request,
    service: ServiceDep,
    type: EventType = None,
    actor: EntityRef = None,
    place: EntityRef = None,
    since: Since = None,
    until: Until = None,
    modality: Modality = None,
    min_sources: Annotated[int, Query(ge=1, le=100)] = 1,
    min_reports: Annotated[int, Query(ge=1, le=1000)] = 1,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[MergedEvent]:
    """Events merged across documents, most independent sources first."""
    wanted = EventFilter(type, actor, place, since, until, min_sources, min_reports)
    return views.events(service, wanted, modality, limit, offset, link_for(request))


@router.get("/assessments", tags=["assessments"])
def assessments(
    request: Request,
    service: ServiceDep,
    assessor: EntityRef = None,
    about: EntityRef = None,
    since: Since = None,
    min_reports: Annotated[int, Query(ge=1, le=1000)] = 2,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[AssessmentThread]:
    """Assessment threads: one assessor judging one proposition across reports."""
    wanted = ThreadFilter(assessor=assessor, about=about, since=since, min_reports=min_reports)
    return views.threads(service, wanted, limit, offset, link_for(request))


@router.get("/assessments/{thread_id}", tags=["assessments"], responses=NOT_FOUND)
def assessment(service: ServiceDep, thread_id: str) -> ThreadView:
    """One thread with its history and the passage behind each judgement."""
    return views.thread(service, thread_id)


@router.get("/times", tags=["times"])
def times(
    request: Request,
    service: ServiceDep,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
) -> Page[TimeHit]:
    """Resolved time expressions, by value."""
    return views.times(service, since, until, limit, offset, link_for(request))


@router.get("/timeline", tags=["times"])
def timeline(
    service: ServiceDep,
    since: Since = None,
    until: Until = None,
    kind: Literal["event", "claim"] | None = None,
    type: EventType = None,
    entity: EntityRef = None,
) -> TimelineView:
    """Dated events and claims with counts per day (per month over long ranges)."""
    kinds = (kind,) if kind else KINDS
    wanted = TimelineQuery(since, until, kinds, type, entity)
    return views.timeline_view(service, wanted)


@router.get("/map", tags=["places"], responses=BAD)
def map_features(
    service: ServiceDep,
    bbox: Annotated[str | None, Query(max_length=100, description="west,south,east,north")] = None,
    since: Since = None,
    until: Until = None,
    type: EventType = None,
    entity: EntityRef = None,
) -> FeatureCollection:
    """GeoJSON of the geocoded places and located events inside ``bbox``."""
    wanted = geo.MapQuery(geo.parse_bbox(bbox), since, until, type, entity)
    return geo.features(service, wanted)


@router.post(
    "/ingest",
    tags=["ingest"],
    status_code=202,
    responses={401: {"model": Problem}, 403: {"model": Problem}, 413: {"model": Problem}},
)
async def ingest(
    service: ServiceDep,
    files: Annotated[list[UploadFile], File(description="Documents to read, analyse and store.")],
    authorization: Annotated[str | None, Header(description="Bearer <LAGEBILD_TOKEN>")] = None,
) -> JobView:
    """Upload documents for ingest (needs the server's token); returns the job to poll."""
    token = authorization.removeprefix("Bearer ").strip() if authorization else None
    upload_allowed(service, token)
    uploads = [(upload.filename or "upload.txt", await upload.read()) for upload in files]
    return views.job_view(service.jobs.submit(uploads))


@router.get("/ingest/{job_id}", tags=["ingest"], responses=NOT_FOUND)
def ingest_job(service: ServiceDep, job_id: str) -> JobView:
    """An ingest job's progress and outcome."""
    return views.job(service, job_id)
