"""Chart geometry computed on the server (the pages run no script): the timeline's bars
and an assessment thread's probability bands over time."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Literal

from lagebild.records import AssessmentThread
from lagebild.stages.assessments.scales import ICD203, POSSIBLE, POSSIBLE_BAND
from lagebild.store.timeline import TimelineItem

#: Timelines spanning more days than this are drawn by month.
DAILY_UP_TO = 120
WIDTH, HEIGHT = 800.0, 160.0


@dataclass(frozen=True)
class Bar:
    """One bucket of the timeline: its period, counts and drawn geometry."""

    period: str
    events: int
    claims: int
    x: float
    width: float
    event_height: float
    claim_height: float


def bucket_of(value: str, by: str) -> str:
    """The period a date falls in: its day (YYYY-MM-DD) or month (YYYY-MM)."""
    return value[:10] if by == "day" else value[:7]


def granularity(items: list[TimelineItem]) -> Literal["day", "month"]:
    """``day`` for a short range, else ``month``."""
    days = [_day(item.date) for item in items]
    known = [day for day in days if day is not None]
    if known and (max(known) - min(known)).days > DAILY_UP_TO:
        return "month"
    return "day"


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def bars(items: list[TimelineItem], by: str) -> list[Bar]:
    """Stacked bars (events below, claims above) per period, scaled to the chart; by day,
    items dated only to a month are listed but not drawn."""
    drawn = [item for item in items if by == "month" or _day(item.date) is not None]
    events = Counter(bucket_of(i.date, by) for i in drawn if i.kind == "event")
    claims = Counter(bucket_of(i.date, by) for i in drawn if i.kind == "claim")
    periods = continuous(sorted(set(events) | set(claims)), by)
    if not periods:
        return []
    tallest = max(events[p] + claims[p] for p in periods)
    step = WIDTH / len(periods)
    scale = (HEIGHT - 20) / tallest
    return [
        Bar(p, events[p], claims[p], i * step, step * 0.8, events[p] * scale, claims[p] * scale)
        for i, p in enumerate(periods)
    ]


def continuous(periods: list[str], by: str) -> list[str]:
    """Every day or month from the first period to the last, empty ones included."""
    if len(periods) < 2:
        return periods
    if by == "day":
        first, last = date.fromisoformat(periods[0]), date.fromisoformat(periods[-1])
        days = range(first.toordinal(), last.toordinal() + 1)
        return [date.fromordinal(day).isoformat() for day in days]
    (year, month), (end_year, end_month) = (
        map(int, p.split("-")) for p in (periods[0], periods[-1])
    )
    months = range(year * 12 + month - 1, end_year * 12 + end_month)
    return [f"{index // 12:04d}-{index % 12 + 1:02d}" for index in months]


@dataclass(frozen=True)
class BandPoint:
    """One judgement of a thread drawn as its band (a vertical bar) at its report's date."""

    index: int
    x: float
    y_low: float
    y_high: float
    band: str
    published: str
    document_id: str
    start: int
    end: int


def band_range(band: str | None) -> tuple[float, float] | None:
    """The probability range of a band: an ICD 203 band, or lagebild's ``possible``."""
    if band == POSSIBLE:
        return POSSIBLE_BAND
    return ICD203.get(band or "")


def band_points(
    thread: AssessmentThread, width: float = 600, height: float = 200
) -> list[BandPoint]:
    """Each judgement of the thread with a band, left to right in report order."""
    entries = [entry for entry in thread.history if band_range(entry.band)]
    step = width / max(1, len(entries))
    points = []
    for index, entry in enumerate(entries):
        low, high = band_range(entry.band) or (0.0, 0.0)
        points.append(
            BandPoint(
                index=index,
                x=step * (index + 0.5),
                y_low=height * (1 - low),
                y_high=height * (1 - high),
                band=entry.band or "",
                published=entry.published.isoformat() if entry.published else "undated",
                document_id=entry.document_id,
                start=entry.start,
                end=entry.end,
            )
        )
    return points


#: The ICD 203 bands and ``possible``, for the tracker's grid lines and legend.
BAND_LINES: list[tuple[str, float, float]] = [
    *((label, low, high) for label, (low, high) in ICD203.items()),
    (POSSIBLE, *POSSIBLE_BAND),
]


@dataclass(frozen=True)
class CountBar:
    """One period of a simple bar chart."""

    period: str
    count: int
    x: float
    width: float
    height: float


def date_bars(counts: dict[str, int], width: float = WIDTH, height: float = 80) -> list[CountBar]:
    """Counts per date as bars, by month when the dates span more than ``DAILY_UP_TO`` days."""
    dated = {key: value for key, value in counts.items() if _day(key) is not None}
    days = sorted(date.fromisoformat(key) for key in dated)
    if days and (days[-1] - days[0]).days > DAILY_UP_TO:
        merged = Counter[str]()
        for key, value in dated.items():
            merged[key[:7]] += value
        dated = dict(merged)
    if not dated:
        return []
    periods = sorted(dated)
    step, tallest = width / len(periods), max(dated.values())
    return [
        CountBar(p, dated[p], i * step, step * 0.8, dated[p] / tallest * (height - 10))
        for i, p in enumerate(periods)
    ]
