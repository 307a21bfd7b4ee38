"""Merging event reports across documents and languages into one event each.

Two reports are of the same event when they come from different documents, have the same
type, both state a day (a time expression in the sentence) within ``DAY_SLACK`` days of
each other, share a participant that is not a place (entity ids, so "Putin" in a German
copy and "Vladimir Putin" in the English original agree; every event of a day's report
names Ukraine or Russia, so countries and cities do not tell events apart), and name no
different places.  Events dated only by their report, undated events and dates coarser
than a day never merge: "in 2022" or "now" cannot tell two attacks apart.  Each report is
compared with the cluster's first report, so clusters never grow by chaining, and a
document contributes one report per event (a summary bullet and its paragraph are not
two sources).

Independent sources are the distinct *origins* of the reports: a translation or copy
of an ISW update has ISW as its origin, so it does not count twice.  Differing dates,
places, quantities and modalities are kept side by side in ``conflicts``.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from lagebild.records import Event, EventReport, MergedEvent

DAY_SLACK = 1
PLACE_PREFIX = "place/"


@dataclass(eq=False)  # clusters are compared by identity
class _Cluster:
    """Reports merged so far; new reports are compared with the first (the anchor), so
    clusters never grow by chaining."""

    anchor: EventReport
    reports: list[EventReport] = field(default_factory=list)


def participants(event: Event) -> set[str]:
    return {a.entity_id for a in event.sources + event.targets if not a.inferred}


def _place(event: Event) -> str | None:
    return event.place_argument.entity_id if event.place_argument else None


def _day(event: Event) -> date | None:
    """The event's day; None when undated or coarser than a day (no merging then)."""
    if not event.date or len(event.date) < 10 or not event.date[:4].isdigit():
        return None
    try:
        return date.fromisoformat(event.date[:10])
    except ValueError:
        return None


def _fits(anchor: Event, event: Event) -> bool:
    """Same event?  Both state a day, within ``DAY_SLACK`` of each other, they share a
    participant that is not a place (every event of a day's report names Ukraine or
    Russia; a person, an organisation or a unit tells events apart), and they name no
    different places."""
    first, day = _day(anchor), _day(event)
    if anchor.type != event.type or first is None or day is None:
        return False
    if anchor.date_source != "sentence" or event.date_source != "sentence":
        return False
    places = {_place(anchor), _place(event)} - {None}
    shared = _distinctive(participants(anchor) & participants(event))
    return bool(shared) and len(places) <= 1 and abs((day - first).days) <= DAY_SLACK


def _distinctive(entity_ids: set[str]) -> set[str]:
    """Participants that identify an event: not countries, regions or cities."""
    return {i for i in entity_ids if not i.startswith(PLACE_PREFIX)}


def merge(reports: Iterable[EventReport]) -> list[MergedEvent]:
    """Merged events, in order of their first report's date."""
    clusters: list[_Cluster] = []
    by_participant: dict[tuple[str, str], list[_Cluster]] = defaultdict(list)
    for report in sorted(reports, key=_report_order):
        event = report.event
        ids = sorted(participants(event))
        candidates = (c for i in ids for c in by_participant[(event.type, i)])
        home = next(
            (
                c
                for c in candidates
                if _fits(c.anchor.event, event)
                and report.document_id not in {r.document_id for r in c.reports}
            ),
            None,
        )
        if home is None:  # a new event; one without participants stands alone
            home = _Cluster(report)
            clusters.append(home)
            for entity_id in ids:
                by_participant[(event.type, entity_id)].append(home)
        home.reports.append(report)
    return [_merged(cluster) for cluster in clusters]


def _report_order(report: EventReport) -> tuple[str, str, int]:
    return (report.event.date or "9999", report.document_id, report.event.start)


def _merged(cluster: _Cluster) -> MergedEvent:
    events = [r.event for r in cluster.reports]
    arguments = [a for e in events for a in e.sources + e.targets if not a.inferred]
    names = {a.entity_id: a.name for a in arguments}
    # The anchor's participants, and those two reports agree on: one report's stray
    # mention does not make an actor.
    told = Counter(i for e in events for i in participants(e))
    kept = participants(cluster.anchor.event) | {i for i, n in told.items() if n > 1}
    place = next((e.place_argument for e in events if e.place_argument), None)
    modalities = [e.modality for e in events]
    return MergedEvent(
        id=_id(cluster.anchor),
        type=cluster.anchor.event.type,
        actors=[names[i] for i in sorted(kept)],
        actor_ids=sorted(kept),
        place=place.name if place else None,
        place_id=place.entity_id if place else None,
        date=_best_date(events),
        modality="happened" if "happened" in modalities else modalities[0],
        independent_sources=len({r.origin for r in cluster.reports}),
        reports=cluster.reports,
        conflicts=_conflicts(events),
    )


def _best_date(events: Sequence[Event]) -> str | None:
    dated = [e for e in events if e.date]
    if not dated:
        return None
    return min(dated, key=lambda e: (e.date_source != "sentence", e.time_precision)).date


def _conflicts(events: Sequence[Event]) -> dict[str, list[str]]:
    values = {
        "date": {e.date for e in events if e.date and e.date_source == "sentence"},
        "place": {e.place for e in events if e.place},
        "modality": {e.modality for e in events},
        "quantities": {q.text for e in events for q in e.quantities},
    }
    return {name: sorted(found) for name, found in values.items() if len(found) > 1}


def _id(anchor: EventReport) -> str:
    """Unique and stable: a report belongs to one merged event, so its first report's
    document and trigger name it."""
    event = anchor.event
    key = f"{anchor.document_id}|{event.trigger_start}|{event.trigger_end}|{event.type}"
    return "event/" + hashlib.sha256(key.encode()).hexdigest()[:16]
