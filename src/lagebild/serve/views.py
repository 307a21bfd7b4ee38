"""What each route shows, computed from the library: one function per resource, shared by
the JSON API and the HTML pages (every page has a JSON twin because both call these).

Functions take the ``Service``, plain parameters already validated by the route, and a
``Link`` that makes the URL of another offset of the same request (for ``next``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TypeVar

from lagebild.records import Analysis, AssessmentThread, MergedEvent
from lagebild.serve import charts
from lagebild.serve.jobs import Job
from lagebild.serve.models import (
    Bucket,
    EntityView,
    Evidence,
    JobView,
    Page,
    SearchResult,
    ThreadView,
    TimelineView,
)
from lagebild.serve.service import Service
from lagebild.store import DocumentSummary, EntitySummary, StoreStats
from lagebild.store.assessments import ThreadFilter
from lagebild.store.browse import (
    DocumentCount,
    DocumentQuery,
    EntityProfile,
    EventHit,
    NotFoundError,
    TimeHit,
    document_id_for,
    documents_with_entity,
    entity_documents,
    entity_events,
    entity_profile,
    facets,
    list_documents,
    list_times,
    passages,
    summaries,
)
from lagebild.store.claims import ClaimFilter, ClaimHit
from lagebild.store.events import EventFilter
from lagebild.store.search import SearchHit
from lagebild.store.timeline import TimelineQuery, timeline

T = TypeVar("T")
Link = Callable[[int], str]
#: The URL of a section of the same page (``claims_by``, …) at another offset.
SectionLink = Callable[[str, int], str]
#: Hits read for search facets; the facets count these.
SEARCH_DEPTH = 500
#: Items per kind read for the timeline.
TIMELINE_ITEMS = 5000
#: Items per section of an entity's page.
ENTITY_CLAIMS = 25
ENTITY_EVENTS = 50
ENTITY_DOCUMENTS = 50


def paged(
    found: Sequence[T], limit: int, offset: int, link: Link, total: int | None = None
) -> Page[T]:
    """A page of ``found``, which holds the items from ``offset`` on (one more than
    ``limit`` when a next page exists)."""
    more = len(found) > limit if total is None else offset + limit < total
    return Page[T](
        items=list(found[:limit]),
        limit=limit,
        offset=offset,
        total=total,
        next=link(offset + limit) if more else None,
    )


def stats(service: Service) -> StoreStats:
    return service.store.stats()


def documents(
    service: Service, wanted: DocumentQuery, limit: int, offset: int, link: Link
) -> Page[DocumentSummary]:
    found, total = list_documents(service.store, wanted, limit, offset)
    return paged(found, limit, offset, link, total)


def document(service: Service, document_id: str) -> Analysis:
    """A stored document in the JSON contract; NotFoundError for an unknown id."""
    return Analysis.of(service.store.get(document_id_for(service.store, document_id)))


def raw_text(service: Service, document_id: str) -> str:
    """The document's text as read, before cleaning."""
    return service.store.get(document_id_for(service.store, document_id)).raw_text


def search(
    service: Service, query: str, selected: dict[str, str], limit: int, offset: int, link: Link
) -> SearchResult:
    """Hits for ``query`` with facets; ``selected`` narrows by language, month, entity.

    The ranked hits with their facets, and the snippets of a page of them, are cached
    per store generation: ranking reads every matching document, and paging or picking
    a facet asks for them again."""
    hits, counts = service.cached(("search", query), lambda: _ranked(service, query))
    kept = _narrow(service, hits, selected)
    shown = _with_snippets(service, query, kept[offset : offset + limit])
    page = paged(shown, limit, offset, link, total=len(kept))
    return SearchResult(query=query, hits=page, facets=counts, selected=selected)


def _with_snippets(service: Service, query: str, hits: list[SearchHit]) -> list[SearchHit]:
    """``hits`` with their snippets, cut once per store generation for the same hits."""
    key = ("snippets", query, tuple(hit.document_id for hit in hits))
    return service.cached(key, lambda: service.store.with_snippets(query, hits))


def _ranked(service: Service, query: str) -> tuple[list[SearchHit], dict[str, dict[str, int]]]:
    """The best ``SEARCH_DEPTH`` hits for ``query`` (without snippets) and their facets."""
    hits = service.store.rank(query, limit=SEARCH_DEPTH)
    return hits, facets(service.store, [hit.document_id for hit in hits])


def _narrow(service: Service, hits: list[SearchHit], selected: dict[str, str]) -> list[SearchHit]:
    if not selected:
        return hits
    ids = [hit.document_id for hit in hits]
    info = {d.document_id: d for d in _summaries(service, ids)}
    keep = set(ids)
    if "entity" in selected:
        keep &= documents_with_entity(service.store, selected["entity"], ids)
    if "language" in selected:
        keep &= {i for i in ids if (info[i].language or "unknown") == selected["language"]}
    if "month" in selected:
        keep &= {i for i in ids if _month(info[i]) == selected["month"]}
    return [hit for hit in hits if hit.document_id in keep]


def _summaries(service: Service, ids: list[str]) -> list[DocumentSummary]:
    return summaries(service.store, ids)


def _month(summary: DocumentSummary) -> str:
    return summary.published.isoformat()[:7] if summary.published else "undated"


def entities(
    service: Service, kind: str | None, unknown: bool, limit: int, offset: int, link: Link
) -> Page[EntitySummary]:
    found = service.store.entity_summary(unknown, kind, offset + limit + 1)
    return paged(found[offset:], limit, offset, link)


@dataclass(frozen=True)
class EntityOffsets:
    """Where each paged section of an entity's page starts."""

    documents: int = 0
    claims_by: int = 0
    claims_about: int = 0
    events: int = 0


@dataclass(frozen=True)
class EntitySections:
    """The items of each section of an entity's page at some offsets, one more than a
    page holds where a next page exists."""

    documents: list[DocumentCount]
    claims_by: list[ClaimHit]
    claims_about: list[ClaimHit]
    events: list[EventHit]


def entity(
    service: Service, entity_id: str, offsets: EntityOffsets, link: SectionLink
) -> EntityView:
    """An entity's profile with a page each of its documents, the claims by and about it
    and the events it is part of; ``link(section, offset)`` is another page of a section.

    Profile and sections change only with the store, so both are cached per generation;
    the links are made per request (the page and the API link to different URLs)."""
    profile, found = service.cached(
        ("entity", entity_id, offsets), lambda: _entity_data(service, entity_id, offsets)
    )
    return EntityView(
        profile=profile,
        documents=paged(
            found.documents, ENTITY_DOCUMENTS, offsets.documents, partial(link, "documents")
        ),
        claims_by=paged(
            found.claims_by, ENTITY_CLAIMS, offsets.claims_by, partial(link, "claims_by")
        ),
        claims_about=paged(
            found.claims_about, ENTITY_CLAIMS, offsets.claims_about, partial(link, "claims_about")
        ),
        events=paged(found.events, ENTITY_EVENTS, offsets.events, partial(link, "events")),
    )


def _entity_data(
    service: Service, entity_id: str, offsets: EntityOffsets
) -> tuple[EntityProfile, EntitySections]:
    """The profile (cached on its own: paging a section keeps it) and the sections."""
    store = service.store
    profile = service.cached(("profile", entity_id), lambda: entity_profile(store, entity_id))
    about = profile.entity_id if not entity_id.startswith("unk/") else profile.name
    by, on = ClaimFilter(speaker=entity_id), ClaimFilter(about=about)
    return profile, EntitySections(
        documents=entity_documents(store, entity_id, ENTITY_DOCUMENTS + 1, offsets.documents),
        claims_by=store.claims(by, ENTITY_CLAIMS + 1, offsets.claims_by),
        claims_about=store.claims(on, ENTITY_CLAIMS + 1, offsets.claims_about),
        events=entity_events(store, entity_id, ENTITY_EVENTS + 1, offsets.events),
    )


def claims(
    service: Service, wanted: ClaimFilter, limit: int, offset: int, link: Link
) -> Page[ClaimHit]:
    found = service.store.claims(wanted, offset + limit + 1)
    return paged(found[offset:], limit, offset, link)


def events(
    service: Service,
    wanted: EventFilter,
    modality: str | None,
    limit: int,
    offset: int,
    link: Link,
) -> Page[MergedEvent]:
    """Merged events (slow to merge: cached per store generation and filter)."""
    found = service.cached(("events", wanted), lambda: service.store.events(wanted, 100_000))
    if modality:
        found = [event for event in found if event.modality == modality]
    return paged(found[offset : offset + limit + 1], limit, offset, link, total=len(found))


def threads(
    service: Service, wanted: ThreadFilter, limit: int, offset: int, link: Link
) -> Page[AssessmentThread]:
    """Assessment threads (cached per store generation and filter)."""
    found = _threads(service, wanted)
    return paged(found[offset : offset + limit + 1], limit, offset, link, total=len(found))


def _threads(service: Service, wanted: ThreadFilter) -> list[AssessmentThread]:
    return service.cached(("threads", wanted), lambda: service.store.assessments(wanted, 100_000))


def thread(service: Service, thread_id: str) -> ThreadView:
    """One thread (in any number of reports) with the passage behind each judgement."""
    every = _threads(service, ThreadFilter(min_reports=1))
    found = next((t for t in every if t.id == thread_id), None)
    if found is None:
        raise NotFoundError(f"no assessment thread has the id {thread_id!r}")
    spans = [(entry.document_id, entry.start, entry.end) for entry in found.history]
    texts = passages(service.store, spans)
    evidence = [
        Evidence(
            document_id=entry.document_id,
            published=entry.published.isoformat() if entry.published else None,
            start=entry.start,
            end=entry.end,
            text=texts[(entry.document_id, entry.start)],
        )
        for entry in found.history
    ]
    return ThreadView(thread=found, evidence=evidence)


def times(
    service: Service, since: str | None, until: str | None, limit: int, offset: int, link: Link
) -> Page[TimeHit]:
    found = list_times(service.store, since, until, limit + 1, offset)
    return paged(found, limit, offset, link)


def timeline_view(service: Service, wanted: TimelineQuery) -> TimelineView:
    """Dated events and claims in the range, with per-period counts."""
    items = timeline(service.store, wanted, TIMELINE_ITEMS)
    by = charts.granularity(items)
    buckets = [
        Bucket(period=b.period, events=b.events, claims=b.claims) for b in charts.bars(items, by)
    ]
    truncated = len([i for i in items if i.kind == "event"]) >= TIMELINE_ITEMS or (
        len([i for i in items if i.kind == "claim"]) >= TIMELINE_ITEMS
    )
    return TimelineView(granularity=by, buckets=buckets, items=items, truncated=truncated)


def job(service: Service, job_id: str) -> JobView:
    """An ingest job's state; NotFoundError for an unknown id."""
    try:
        return job_view(service.jobs.get(job_id))
    except KeyError as error:
        raise NotFoundError(str(error.args[0])) from error


def job_view(found: Job) -> JobView:
    return JobView.model_validate(found, from_attributes=True)
