"""The document's own date, and the time stamps of live-ticker blocks.

Order of trust: the date the reader found in metadata (front matter, HTML, JSON
Lines, ``--published``); else a full date the text states in its first lines ("March
6, 2022" under an ISW title, "Stand: 06.03.2022"); else unknown.  The clock is never
consulted, so an undated document never receives the current year.

A ticker ("Update vom 10. Mai, 22.55 Uhr: …", "23:56 Uhr – …", a day heading
"Samstag, 11. Mai") is cut into blocks; each block's stamp is the anchor of the
expressions inside it.  Stamps without a day take the day of the block above, moving
one day back when a reverse-chronological ticker passes midnight.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, time, timedelta
from itertools import pairwise

from lagebild.stages.times.lexicon import MONTHS_DE, MONTHS_EN, WEEKDAYS_DE, alternation
from lagebild.stages.times.values import Anchor, safe_date, year_of_day_month

#: How much of the text's head may state the document date.
HEAD_CHARS = 600
MONTH_DE = rf"(?P<month>{alternation(MONTHS_DE)})"
MONTH_EN = rf"(?P<month>{alternation(MONTHS_EN)})"
TEXT_DATES = (
    re.compile(rf"\b{MONTH_EN}\s(?P<day>[0-3]?\d),\s(?P<year>(?:19|20)\d\d)\b"),
    re.compile(rf"(?<![\d.])(?P<day>[0-3]?\d)\.\s?{MONTH_DE}\s(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"(?<![\d.])(?P<day>[0-3]?\d)\.(?P<mm>[01]?\d)\.(?P<year>(?:19|20)\d\d)\b"),
)
STAMP = re.compile(
    r"^[^\w\n]{0,4}(?:Update(?:\svom)?\s?,?\s?)?"
    rf"(?:(?:{alternation(WEEKDAYS_DE)}),?\s)?"
    rf"(?:(?P<day>[0-3]?\d)\.\s?(?:{MONTH_DE}|(?P<mm>[01]?\d)\.)(?:\s(?P<year>20\d\d))?,?\s{{0,2}})?"
    r"(?:(?P<h>[01]?\d|2[0-3])[.:](?P<min>[0-5]\d)\s?Uhr)?"
    r"[^\w\n]{0,4}(?:[:–—-]|$)",
    re.MULTILINE,
)
TICKER_WORD = re.compile(r"^[^\w\n]{0,4}Update\b|Uhr\s?[:–—-]", re.MULTILINE)


@dataclass(frozen=True)
class DocumentDate:
    """The document date, where it came from, and how precise it is."""

    value: date | None
    source: str
    precision: str
    offset: int | None = None


def document_date(published: date | None, text: str) -> DocumentDate:
    """The document date: metadata first, then a full date in the text's head."""
    if published is not None:
        return DocumentDate(published, "metadata", "day")
    for pattern in TEXT_DATES:
        for match in pattern.finditer(text, 0, HEAD_CHARS):
            found = _full_date(match)
            if found is not None and _dateline(text, match):
                return DocumentDate(found, "text", "day", match.start())
    return DocumentDate(None, "none", "unknown")


#: Words that mark a line's date as the document's own ("Stand: 06.03.2022").
DATELINE_CUE = re.compile(
    r"\b(?:Stand|Veröffentlicht|Aktualisiert|Erstellt|Datum|Published|Updated|Posted|Date|"
    r"Lagebericht|Update|Assessment|vom)\b",
    re.IGNORECASE,
)
#: A line this short around a date is a dateline, not a sentence that tells history.
DATELINE_WORDS = 8


def _dateline(text: str, match: re.Match[str]) -> bool:
    """The date stands in a dateline or title line, not inside running prose
    ("Am 31.8.1990 fand … statt" dates an event, not the page)."""
    start = text.rfind("\n", 0, match.start()) + 1
    end = text.find("\n", match.end())
    line = text[start : end if end != -1 else len(text)]
    rest = line.replace(match.group(), " ")
    return DATELINE_CUE.search(rest) is not None or len(rest.split()) <= DATELINE_WORDS


def _full_date(match: re.Match[str]) -> date | None:
    groups = match.groupdict()
    month = MONTHS_DE.get(groups.get("month") or "") or MONTHS_EN.get(groups.get("month") or "")
    if month is None and groups.get("mm"):
        month = int(groups["mm"])
    if month is None:
        return None
    return safe_date(int(groups["year"]), month, int(groups["day"]))


def ticker_blocks(text: str, base: date | None) -> list[tuple[int, Anchor]]:
    """(offset, anchor) for every stamped block of a live ticker; empty for other text."""
    if len(TICKER_WORD.findall(text)) < 2:
        return []
    stamps = list(_stamps(text, base))
    reverse = _reverse_chronological([clock for _, _, clock in stamps if clock])
    blocks: list[tuple[int, Anchor]] = []
    day, last_clock = base, None
    for offset, stated_day, clock in stamps:
        if stated_day is not None:
            day, last_clock = stated_day, None
        elif clock and last_clock and day:
            day = _across_midnight(day, last_clock, clock, reverse)
        last_clock = clock or last_clock
        if day is not None:
            blocks.append((offset, Anchor(day, clock, source="block")))
    if reverse and blocks and blocks[0][0] > 0:
        # the lead of a newest-first ticker is written as of its newest update
        blocks.insert(0, (0, Anchor(blocks[0][1].day, source="lead")))
    return blocks


def _stamps(text: str, base: date | None) -> Iterator[tuple[int, date | None, time | None]]:
    for match in STAMP.finditer(text):
        if match.group("day") is None and match.group("h") is None:
            continue
        yield match.start(), _stated_day(match, base), _clock(match)


def _stated_day(match: re.Match[str], base: date | None) -> date | None:
    if match.group("day") is None:
        return None
    day = int(match.group("day"))
    month = MONTHS_DE[match.group("month")] if match.group("month") else int(match.group("mm"))
    if match.group("year"):
        return safe_date(int(match.group("year")), month, day)
    if base is None:
        return None  # no year to give it: the block keeps the anchor above
    return safe_date(year_of_day_month(base, month, min(day, 28), None), month, day)


def _clock(match: re.Match[str]) -> time | None:
    if match.group("h") is None:
        return None
    return time(int(match.group("h")), int(match.group("min")))


def _reverse_chronological(clocks: list[time]) -> bool:
    """Newest first?  Steps of more than 12 hours cross midnight and do not count."""
    steps = [_minutes(later) - _minutes(earlier) for earlier, later in pairwise(clocks)]
    small = [step for step in steps if abs(step) <= 12 * 60]
    return sum(step < 0 for step in small) > sum(step > 0 for step in small)


def _minutes(clock: time) -> int:
    return clock.hour * 60 + clock.minute


def _across_midnight(day: date, previous: time, current: time, reverse: bool) -> date:
    """Newest-first tickers go back a day when the clock jumps up, and vice versa."""
    hours = (_minutes(current) - _minutes(previous)) / 60
    if reverse and hours > 12:
        return day - timedelta(days=1)
    if not reverse and hours < -12:
        return day + timedelta(days=1)
    return day
