"""Merging event reports across documents and languages into one event each.

Two reports are of the same event when they come from different documents, have the same
type, days within ``DAY_SLACK`` of each other, name no different places, and their
sentences say the same thing in one of three ways (decision 0022):

- *copies*: the sentences are the same up to a few words, with the same numbers and a
  trigger of one word family (a ticker line on two pages, a summary bullet repeated in the
  next update); for copies the day may be the report's or the ticker block's;
- *told alike*: the triggers are of one word family ("recognized", "recognition"), the
  reports share a *specific* participant, and the sentences share ``SHARED_WORDS`` content
  words beyond their participants, trigger, places and dates ("decree", "SWIFT");
- *same parties*: they share ``SAME_PARTIES`` specific participants (Blinken and Lavrov),
  on the same day or with triggers of one family.

A specific participant is a person, a unit, a weapon or a named organisation; countries,
places, armed forces, governments, ministries, parliaments, the presidential offices
(Kremlin), proxy states, alliances and international organisations are not: every event of
a day's update names Russia, Ukraine, the Kremlin or NATO.  Outside copies, the reports'
sources must agree (share an actor, or swap roles with the targets: "A met B", "B met A"):
aid from two donors or calls by two leaders are two events.  Events dated only by their
report or ticker block merge only as copies; undated events and dates coarser than a day
never merge: "in 2022" or "now" cannot tell two attacks apart.  Each report is compared
with the cluster's first report, so clusters never grow by chaining, and a document
contributes one report per event (a summary bullet and its paragraph are not two sources).

Independent sources are the distinct *origins* of the reports: a translation or copy
of an ISW update has ISW as its origin, so it does not count twice.  Differing dates,
places, quantities and modalities are kept side by side in ``conflicts``.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache

from lagebild.kb import load_kb
from lagebild.link.evidence import Evidence, copies, evidence, same_family, shared_content
from lagebild.records import Event, EventArgument, EventReport, MergedEvent

DAY_SLACK = 1
#: Content words two sentences told alike share at least.
SHARED_WORDS = 2
#: Specific participants that make two reports of one type and day the same event.
SAME_PARTIES = 2
#: Organisation kinds that stand for a state or a bloc, not for one actor of an event.
GENERIC_KINDS = frozenset(
    """armed-forces service-branch government head-of-state-office ministry parliament
    proxy-state alliance international-organization""".split()
)

#: Where a day may come from: the sentence (a time expression), the ticker block, the report.
REPORTED = frozenset({"sentence", "block", "document"})

#: A report's evidence sentence by (document id, event start, event end).
SentenceKey = tuple[str, int, int]


@dataclass(frozen=True)
class _Item:
    """A report with its day and its sentence, reduced for comparison."""

    report: EventReport
    day: date
    evidence: Evidence

    @property
    def stated(self) -> bool:
        """The sentence states the day; only copies merge without."""
        return self.report.event.date_source == "sentence"

    @property
    def event(self) -> Event:
        return self.report.event


@dataclass(eq=False)  # clusters are compared by identity
class _Cluster:
    """Reports merged so far; new reports are compared with the first (the anchor), so
    clusters never grow by chaining.  A report that states no day has no anchor: it
    stands alone."""

    anchor: _Item | None
    reports: list[EventReport] = field(default_factory=list)


def participants(event: Event) -> set[str]:
    return {a.entity_id for a in event.sources + event.targets if not a.inferred}


def _place(event: Event) -> str | None:
    return event.place_argument.entity_id if event.place_argument else None


def _day(event: Event) -> date | None:
    """The event's day as its sentence states it, else as its ticker block or its report
    is dated; None when undated or coarser than a day (no merging then)."""
    if event.date_source not in REPORTED or not event.date or len(event.date) < 10:
        return None
    if not event.date[:4].isdigit():
        return None
    try:
        return date.fromisoformat(event.date[:10])
    except ValueError:
        return None


def _fits(anchor: _Item, item: _Item) -> bool:
    """The same event?  (The rules of the module docstring.)"""
    one, other = anchor.event, item.event
    if one.type != other.type or abs((item.day - anchor.day).days) > DAY_SLACK:
        return False
    if len({_place(one), _place(other)} - {None}) > 1:
        return False
    if copies(anchor.evidence, item.evidence) and same_family(anchor.evidence, item.evidence):
        return True
    if not (anchor.stated and item.stated):
        return False
    return _roles_agree(one, other) and (_told_alike(anchor, item) or _same_parties(anchor, item))


def _told_alike(anchor: _Item, item: _Item) -> bool:
    """One trigger family, a specific participant and content words in common."""
    if not same_family(anchor.evidence, item.evidence):
        return False
    words = shared_content(anchor.evidence, item.evidence)
    return bool(_specific_shared(anchor.event, item.event)) and len(words) >= SHARED_WORDS


def _same_parties(anchor: _Item, item: _Item) -> bool:
    """Several specific participants in common, on one day or with one trigger family."""
    if len(_specific_shared(anchor.event, item.event)) < SAME_PARTIES:
        return False
    return anchor.day == item.day or same_family(anchor.evidence, item.evidence)


def _roles_agree(one: Event, other: Event) -> bool:
    """The sources share an actor, or the roles are swapped ("A met B", "B met A"); an
    event without a named source agrees with any."""
    first, second = _actors(one.sources), _actors(other.sources)
    if not first or not second or first & second:
        return True
    return bool(first & _actors(other.targets)) and bool(second & _actors(one.targets))


def _actors(arguments: Sequence[EventArgument]) -> set[str]:
    return {a.entity_id for a in arguments if not a.inferred}


def _specific_shared(one: Event, other: Event) -> set[str]:
    """Participants both reports name that identify an event (see module docstring)."""
    return {i for i in participants(one) & participants(other) if _specific(i)}


@cache
def _specific(entity_id: str) -> bool:
    """A person, unit, weapon or named organisation; not a place or a state's organ."""
    if entity_id.removeprefix("unk/").startswith("place/"):
        return False
    kb = load_kb()
    return entity_id not in kb or kb.get(entity_id).kind not in GENERIC_KINDS


def merge(
    reports: Iterable[EventReport], sentences: Mapping[SentenceKey, str] | None = None
) -> list[MergedEvent]:
    """Merged events, in order of their first report's date.  ``sentences`` gives each
    report's evidence sentence by (document id, event start, event end); without it only
    reports sharing ``SAME_PARTIES`` specific participants merge."""
    clusters: list[_Cluster] = []
    by_day: dict[tuple[str, date], list[_Cluster]] = defaultdict(list)
    for report in sorted(reports, key=_report_order):
        item = _item(report, sentences or {})
        home = _home(item, by_day) if item else None
        if home is None:  # a new event
            home = _Cluster(item)
            clusters.append(home)
            if item:
                by_day[(report.event.type, item.day)].append(home)
        home.reports.append(report)
    return [_merged(cluster) for cluster in clusters]


def _item(report: EventReport, sentences: Mapping[SentenceKey, str]) -> _Item | None:
    """The report ready for comparison; None when it has no day (it stands alone)."""
    event = report.event
    day = _day(event)
    if day is None:
        return None
    sentence = sentences.get((report.document_id, event.start, event.end), "")
    return _Item(report, day, evidence(sentence, event))


def _home(item: _Item, by_day: Mapping[tuple[str, date], list[_Cluster]]) -> _Cluster | None:
    """The first cluster, of the days within ``DAY_SLACK``, whose anchor ``item`` fits and
    that has no report of ``item``'s document yet."""
    days = (item.day + timedelta(days=offset) for offset in range(-DAY_SLACK, DAY_SLACK + 1))
    candidates = (c for day in days for c in by_day.get((item.event.type, day), []))
    return next(
        (
            c
            for c in candidates
            if c.anchor is not None
            and _fits(c.anchor, item)
            and item.report.document_id not in {r.document_id for r in c.reports}
        ),
        None,
    )


def _report_order(report: EventReport) -> tuple[str, str, int]:
    return (report.event.date or "9999", report.document_id, report.event.start)


def _merged(cluster: _Cluster) -> MergedEvent:
    first = cluster.reports[0]
    events = [r.event for r in cluster.reports]
    arguments = [a for e in events for a in e.sources + e.targets if not a.inferred]
    names = {a.entity_id: a.name for a in arguments}
    # The anchor's participants, and those two reports agree on: one report's stray
    # mention does not make an actor.
    told = Counter(i for e in events for i in participants(e))
    kept = participants(first.event) | {i for i, n in told.items() if n > 1}
    place = next((e.place_argument for e in events if e.place_argument), None)
    modalities = [e.modality for e in events]
    return MergedEvent(
        id=_id(first),
        type=first.event.type,
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
