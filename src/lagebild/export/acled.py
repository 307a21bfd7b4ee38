"""ACLED-style CSV: one row per event, ACLED's column names, PLOVER types crosswalked.

ACLED codes political violence, demonstrations and some strategic developments; PLOVER
also codes talk (meetings, accusations, requests).  Types ACLED has no place for keep an
empty ``event_type`` and their PLOVER type in ``plover_type``, so a spreadsheet filtered
on ``event_type`` holds only rows an ACLED analyst would recognise (decision 0023).
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from datetime import date
from typing import TextIO

from lagebild.export.places import country_name, event_place, known, source_of
from lagebild.export.selection import Selected, record_id
from lagebild.records import Document, Event

COLUMNS = (
    "event_id",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "country",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "plover_type",
    "plover_mode",
    "modality",
    "document_id",
    "start",
    "end",
)

STRATEGIC = "Strategic developments"
REMOTE = "Explosions/Remote violence"
#: PLOVER type (and mode) → ACLED (event type, sub-event type).
CROSSWALK: dict[tuple[str, str | None], tuple[str, str]] = {
    ("ASSAULT", None): ("Battles", "Armed clash"),
    ("ASSAULT", "firearms"): ("Battles", "Armed clash"),
    ("ASSAULT", "aerial"): (REMOTE, "Air/drone strike"),
    ("ASSAULT", "heavy-weapons"): (REMOTE, "Shelling/artillery/missile attack"),
    ("ASSAULT", "explosives"): (REMOTE, "Remote explosive/landmine/IED"),
    ("ASSAULT", "abduct"): ("Violence against civilians", "Abduction/forced disappearance"),
    ("ASSAULT", "torture"): ("Violence against civilians", "Attack"),
    ("ASSAULT", "assassinate"): ("Violence against civilians", "Attack"),
    ("PROTEST", None): ("Protests", "Peaceful protest"),
    ("AGREE", None): (STRATEGIC, "Agreement"),
    ("MOBILIZE", None): (STRATEGIC, "Change to group/activity"),
    ("RETREAT", None): (STRATEGIC, "Non-violent transfer of territory"),
    ("COERCE", None): (STRATEGIC, "Other"),
}
#: Trigger words that move an event to a finer ACLED sub-event than its PLOVER mode says.
BY_TRIGGER: tuple[tuple[str, re.Pattern[str], tuple[str, str]], ...] = (
    (
        "ASSAULT",
        re.compile(r"shell|artiller|missile|rocket|beschoss|rakete", re.I),
        (REMOTE, "Shelling/artillery/missile attack"),
    ),
    (
        "ASSAULT",
        re.compile(r"air ?strike|drone|bomb|luftangriff|drohne", re.I),
        (REMOTE, "Air/drone strike"),
    ),
    (
        "PROTEST",
        re.compile(r"riot|krawall|ausschreitung", re.I),
        ("Riots", "Violent demonstration"),
    ),
    (
        "COERCE",
        re.compile(r"arrest|detain|festgenommen|verhaftet|festnahme", re.I),
        (STRATEGIC, "Arrests"),
    ),
)
#: Weapon kinds (knowledge base) named in an assault → ACLED remote-violence sub-event.
BY_WEAPON: dict[str, frozenset[str]] = {
    "Shelling/artillery/missile attack": frozenset(
        """artillery rocket-artillery mortar ballistic-missile cruise-missile
        hypersonic-missile guided-rocket anti-ship-missile""".split()
    ),
    "Air/drone strike": frozenset(
        "drone loitering-munition aircraft helicopter glide-bomb bomb air-to-surface-missile".split()
    ),
}
#: Our place precision → ACLED geo_precision (1 the town itself, 2 nearby or part of a
#: region, 3 a larger region or country only).
GEO_PRECISION = {"village": 1, "city": 1, "region": 2, "country": 3}
_WEEK = re.compile(r"^(\d{4})-W(\d{2})")
#: The leading year, month and day of an ISO 8601 value ("2026-SP" is 2026, "2026-03-18TNI"
#: the 18th).
_DAY = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def acled_type(event: Event) -> tuple[str, str]:
    """ACLED (event type, sub-event type) of an event; empty where ACLED has none."""
    for plover, pattern, found in BY_TRIGGER:
        if event.type == plover and pattern.search(event.trigger):
            return found
    if event.type == "ASSAULT" and event.mode in {None, "firearms"}:
        kinds = {weapon_kind(argument.entity_id) for argument in event.instruments}
        for sub_kind, weapons in BY_WEAPON.items():
            if kinds & weapons:
                return REMOTE, sub_kind
    return CROSSWALK.get((event.type, event.mode)) or CROSSWALK.get((event.type, None), ("", ""))


def weapon_kind(entity_id: str) -> str | None:
    """The knowledge base's kind of a weapon system (artillery, drone …), if it knows it."""
    weapon = known(entity_id)
    return weapon.kind if weapon else None


def event_date(value: str | None) -> str:
    """An ISO date, week or month as the day ACLED would write (the first day of a week or
    month; ``time_precision`` says how exact it is); empty when there is none or the value
    names no real day ("2022-13")."""
    week = _WEEK.match(value or "")
    found = _DAY.match(value or "")
    try:
        if week:
            return date.fromisocalendar(int(week[1]), int(week[2]), 1).isoformat()
        if found:
            parts = [int(part) for part in found.groups() if part] + [1, 1]
            return date(*parts[:3]).isoformat()
    except ValueError:
        pass
    return ""


def acled_rows(selected: Iterable[Selected]) -> Iterator[dict[str, object]]:
    for chosen in selected:
        source = source_of(chosen.document).name
        for position, event in chosen.records("events"):
            yield _row(chosen.document, position, event) | {"source": source}


def write_acled(selected: Iterable[Selected], out: TextIO) -> dict[str, int]:
    """Write the CSV (a header and one row per event) to ``out``; the count of events."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for row in acled_rows(selected):
        writer.writerow(row)
        count += 1
    return {"events": count}


def _row(document: Document, position: int, event: Event) -> dict[str, object]:
    kind, sub_kind = acled_type(event)
    when = event.date or (document.published.isoformat() if document.published else None)
    day = event_date(when)
    where = event_place(document, event)
    sources = [argument.name for argument in event.sources]
    targets = [argument.name for argument in event.targets]
    return {
        "event_id": record_id(document.id, "events", position),
        "event_date": day,
        "year": day[:4],
        "time_precision": event.time_precision if event.date else 3,
        "event_type": kind,
        "sub_event_type": sub_kind,
        "actor1": sources[0] if sources else "",
        "assoc_actor_1": "; ".join(sources[1:]),
        "actor2": targets[0] if targets else "",
        "assoc_actor_2": "; ".join(targets[1:]),
        "country": (country_name(where.entity.id) or "") if where else "",
        "location": where.entity.name if where else (event.place or ""),
        "latitude": where.lat if where else "",
        "longitude": where.lon if where else "",
        "geo_precision": GEO_PRECISION.get(where.precision or "", "") if where else "",
        "notes": " ".join(document.text[event.start : event.end].split()),
        "plover_type": event.type,
        "plover_mode": event.mode or "",
        "modality": event.modality,
        "document_id": document.id,
        "start": event.start,
        "end": event.end,
    }
