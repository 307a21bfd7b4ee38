"""The HTML pages: each calls the same ``views`` function as its API route and renders it,
or returns the data itself with ``?format=json`` (every page has a JSON twin)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, File, Form, Query, Request, UploadFile
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, RedirectResponse, Response

from lagebild.serve import charts, geo, highlight, views
from lagebild.serve.basemap import BBox
from lagebild.serve.deps import (
    entity_offsets,
    get_service,
    link_for,
    section_link_for,
    upload_allowed,
)
from lagebild.serve.errors import RequestError
from lagebild.serve.mapview import Point, map_view
from lagebild.serve.params import (
    EntityRef,
    EntityType,
    EventType,
    Format,
    Language,
    Limit,
    Offset,
    Since,
    Text,
    Until,
)
from lagebild.serve.service import Service
from lagebild.serve.templating import page
from lagebild.serve.views import EntityOffsets
from lagebild.store.assessments import ThreadFilter
from lagebild.store.browse import DocumentQuery
from lagebild.store.timeline import KINDS, TimelineQuery

router = APIRouter(include_in_schema=False)
ServiceDep = Annotated[Service, Depends(get_service)]
#: Timeline items listed under the chart.
LISTED = 300


def _reply(request: Request, fmt: str, data: Any, name: str, **context: Any) -> Response:
    """The data as JSON (``?format=json``) or the template rendered with it."""
    if fmt == "json":
        return JSONResponse(jsonable_encoder(data))
    return page(request, name, data=data, **context)


@router.get("/")
def overview(request: Request, service: ServiceDep, format: Format = "html") -> Response:
    return _reply(request, format, views.stats(service), "overview.html")


@router.get("/documents")
def documents(
    request: Request,
    service: ServiceDep,
    language: Language = None,
    source: Text = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = "html",
) -> Response:
    wanted = DocumentQuery(language, source, since, until)
    data = views.documents(service, wanted, limit, offset, link_for(request))
    return _reply(request, format, data, "documents.html", wanted=wanted)


@router.get("/documents/{document_id}")
def document(
    request: Request,
    service: ServiceDep,
    document_id: str,
    start: Annotated[int | None, Query(ge=0)] = None,
    end: Annotated[int | None, Query(ge=0)] = None,
    format: Format = "html",
) -> Response:
    data = views.document(service, document_id)
    focus = (start, end) if start is not None and end is not None and start < end else None
    stored = service.store.get(data.document.id)
    pieces = highlight.pieces(stored, focus)
    return _reply(request, format, data, "document.html", pieces=pieces, link=_safe_url)


def _safe_url(url: str | None) -> str | None:
    """A document's own URL, only if it is http(s): never ``javascript:`` or ``data:``."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None


@router.get("/search")
def search(
    request: Request,
    service: ServiceDep,
    q: Annotated[str, Query(max_length=2000)] = "",
    language: Language = None,
    month: Annotated[str | None, Query(pattern=r"^\d{4}-\d{2}$|^undated$")] = None,
    entity: Text = None,
    limit: Limit = 20,
    offset: Offset = 0,
    format: Format = "html",
) -> Response:
    if not q.strip():
        return _reply(request, format, None, "search.html", q="")
    selected = {
        k: v for k, v in (("language", language), ("month", month), ("entity", entity)) if v
    }
    data = views.search(service, q, selected, limit, offset, link_for(request))
    return _reply(request, format, data, "search.html", q=q)


@router.get("/entities")
def entities(
    request: Request,
    service: ServiceDep,
    type: EntityType = None,
    unknown: bool = False,
    limit: Limit = 50,
    offset: Offset = 0,
    format: Format = "html",
) -> Response:
    data = views.entities(service, type, unknown, limit, offset, link_for(request))
    return _reply(request, format, data, "entities.html", type=type, unknown=unknown)


@router.get("/entities/{entity_id:path}")
def entity(
    request: Request,
    service: ServiceDep,
    entity_id: str,
    offsets: Annotated[EntityOffsets, Depends(entity_offsets)],
    format: Format = "html",
) -> Response:
    data = views.entity(service, entity_id, offsets, section_link_for(request))
    geo_ = data.profile.geo
    small_map = None
    if geo_ is not None:
        view = BBox(geo_.lon - 6, geo_.lat - 4, geo_.lon + 6, geo_.lat + 4)
        view = view.zoom(geo_.lon, geo_.lat, 1.0)
        here = Point("place", geo_.lon, geo_.lat, data.profile.name, "/map?entity=" + entity_id)
        small_map = map_view(view, [here], {})
    by_date = charts.date_bars(data.profile.by_date)
    return _reply(request, format, data, "entity.html", small_map=small_map, by_date=by_date)


@router.get("/timeline")
def timeline(
    request: Request,
    service: ServiceDep,
    since: Since = None,
    until: Until = None,
    kind: Literal["event", "claim"] | None = None,
    type: EventType = None,
    entity: EntityRef = None,
    format: Format = "html",
) -> Response:
    wanted = TimelineQuery(since, until, (kind,) if kind else KINDS, type, entity)
    data = views.timeline_view(service, wanted)
    bars = charts.bars(data.items, data.granularity)
    filters = {"kind": kind, "type": type, "entity": entity}
    return _reply(
        request,
        format,
        data,
        "timeline.html",
        bars=bars,
        wanted=wanted,
        filters=filters,
        listed=data.items[:LISTED],
        kind=kind,
    )


@router.get("/map")
def map_page(
    request: Request,
    service: ServiceDep,
    bbox: Annotated[str | None, Query(max_length=100)] = None,
    since: Since = None,
    until: Until = None,
    type: EventType = None,
    entity: EntityRef = None,
    format: Format = "html",
) -> Response:
    wanted = geo.MapQuery(geo.parse_bbox(bbox), since, until, type, entity)
    if format == "json":
        return JSONResponse(jsonable_encoder(geo.features(service, wanted)))
    drawn, data = geo.drawn(service, wanted)
    return page(
        request,
        "map.html",
        map=drawn,
        data=data,
        wanted=wanted,
        evidence=geo.evidence,
        listed=data.events[: geo.LISTED],
    )


@router.get("/assessments")
def assessments(
    request: Request,
    service: ServiceDep,
    assessor: EntityRef = None,
    about: EntityRef = None,
    since: Since = None,
    min_reports: Annotated[int, Query(ge=1, le=1000)] = 2,
    limit: Limit = 20,
    offset: Offset = 0,
    format: Format = "html",
) -> Response:
    wanted = ThreadFilter(assessor=assessor, about=about, since=since, min_reports=min_reports)
    data = views.threads(service, wanted, limit, offset, link_for(request))
    sparks = {t.id: charts.band_points(t, 240, 60) for t in data.items}
    return _reply(request, format, data, "assessments.html", sparks=sparks, wanted=wanted)


@router.get("/assessments/{thread_id}")
def assessment(
    request: Request, service: ServiceDep, thread_id: str, format: Format = "html"
) -> Response:
    data = views.thread(service, thread_id)
    points = charts.band_points(data.thread, 720, 240)
    return _reply(request, format, data, "thread.html", points=points, bands=charts.BAND_LINES)


@router.get("/upload")
def upload_form(request: Request, service: ServiceDep) -> Response:
    return page(request, "upload.html", enabled=service.token is not None)


@router.post("/upload")
async def upload(
    service: ServiceDep,
    files: Annotated[list[UploadFile], File()],
    token: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    upload_allowed(service, token)
    uploads = [(f.filename or "upload.txt", await f.read()) for f in files if f.filename]
    if not uploads:
        raise RequestError("choose at least one file to upload")
    job = service.jobs.submit(uploads)
    return RedirectResponse(f"/ingest/{job.id}", status_code=303)


@router.get("/ingest/{job_id}")
def ingest_job(
    request: Request, service: ServiceDep, job_id: str, format: Format = "html"
) -> Response:
    return _reply(request, format, views.job(service, job_id), "job.html")


@router.get("/reference")
def reference(request: Request) -> Response:
    """The API's routes, from its OpenAPI schema (offline, no script)."""
    schema = request.app.openapi()
    return page(request, "reference.html", paths=schema["paths"])
