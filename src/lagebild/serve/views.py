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
    DocumentQuery,
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
    """Hits for ``query`` with facets; ``selected`` narrows by language, month, entity."""
    hits = service.store.rank(query, limit=SEARCH_DEPTH)
    counts = facets(service.store, [hit.document_id for hit in hits])
    kept = _narrow(service, hits, selected)
    shown = service.store.with_snippets(query, kept[offset : offset + limit])
    page = paged(shown, limit, offset, link, total=len(kept))
    return SearchResult(query=query, hits=page, facets=counts, selected=selected)


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


def entity(
    service: Service, entity_id: str, offsets: EntityOffsets, link: SectionLink
) -> EntityView:
    """An entity's profile with a page each of its documents, the claims by and about it
    and the events it is part of; ``link(section, offset)`` is another page of a section."""
    store = service.store
    profile = entity_profile(store, entity_id)
    about = profile.entity_id if not entity_id.startswith("unk/") else profile.name
    return EntityView(
        profile=profile,
        documents=_section(
            lambda n: entity_documents(store, entity_id, n, offsets.documents),
            ENTITY_DOCUMENTS,
            offsets.documents,
            partial(link, "documents"),
        ),
        claims_by=_claims(service, ClaimFilter(speaker=entity_id), offsets.claims_by, link),
        claims_about=_claims(service, ClaimFilter(about=about), offsets.claims_about, link),
        events=_section(
            lambda n: entity_events(store, entity_id, n, offsets.events),
            ENTITY_EVENTS,
            offsets.events,
            partial(link, "events"),
        ),
    )


def _claims(
    service: Service, wanted: ClaimFilter, offset: int, link: SectionLink
) -> Page[ClaimHit]:
    section = "claims_by" if wanted.speaker else "claims_about"
    return _section(
        lambda n: service.store.claims(wanted, n, offset),
        ENTITY_CLAIMS,
        offset,
        partial(link, section),
    )


def _section(read: Callable[[int], list[T]], limit: int, offset: int, link: Link) -> Page[T]:
    """A page of one section: ``read(n)`` gives its first ``n`` items from ``offset`` on."""
    return paged(read(limit + 1), limit, offset, link)


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
