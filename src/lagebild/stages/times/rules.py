"""The pieces a time rule produces, and the handlers that turn a match into a value.

A rule is a regular expression whose named groups carry the meaning (``day``,
``month``, ``year``, ``wd`` weekday, ``part`` of day, ``rel`` direction word, ``n``
amount, ``unit``, ``mod``, ``h``/``min`` clock) and a handler that resolves them
against a :class:`Context`.  Group ``t``, when present, is the expression's span
(prepositions such as "am" or "seit" stay outside).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from lagebild.stages.times.lexicon import number_value
from lagebild.stages.times.values import (
    Anchor,
    Direction,
    duration,
    duration_and_half,
    holiday_date,
    quarter_of,
    shifted,
    weekday_date,
    year_of_day_month,
    year_of_month,
)

#: Direction words: how they orient an expression.
PAST_WORDS = re.compile(
    r"^(?:last|past|previous|ago|earlier|before|letzte\w*|vergangene\w*|vorige\w*|vor|zuvor)$",
    re.IGNORECASE,
)
FUTURE_WORDS = re.compile(
    r"^(?:next|coming|following|later|after|from now|hence|in|kommende\w*|nächste\w*|"
    r"folgende\w*|darauffolgende\w*)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Piece:
    """One time expression a rule found, resolved."""

    start: int
    end: int
    type: str
    value: str | None
    mod: str | None = None
    directed: bool = False
    clock: str | None = None


@dataclass(frozen=True)
class Context:
    anchor: Anchor | None
    direction: Direction | None
    language: str
    #: The last quarter the text named ("the third quarter"): what "a year earlier" shifts.
    reference: str | None = None
    #: The last calendar date the text stated (year, month or day): what "that year" and
    #: "the following month" count from.
    narrative: str | None = None
    months: Mapping[str, int] = field(default_factory=dict)
    weekdays: Mapping[str, int] = field(default_factory=dict)
    units: Mapping[str, str] = field(default_factory=dict)
    parts: Mapping[str, str] = field(default_factory=dict)
    seasons: Mapping[str, str] = field(default_factory=dict)
    mods: Mapping[str, str] = field(default_factory=dict)


Handler = Callable[[re.Match[str], Context], list[Piece]]


@dataclass(frozen=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    handler: Handler


def span(match: re.Match[str]) -> tuple[int, int]:
    if "t" in match.re.groupindex and match.group("t") is not None:
        return match.span("t")
    return match.span()


def piece(match: re.Match[str], type_: str, value: str | None, **extra: object) -> list[Piece]:
    start, end = span(match)
    return [Piece(start, end, type_, value, **extra)]  # type: ignore[arg-type]


def group(match: re.Match[str], name: str) -> str | None:
    return match.group(name) if name in match.re.groupindex else None


def word_direction(word: str | None, default: Direction | None) -> Direction | None:
    if word and PAST_WORDS.match(word.strip()):
        return "past"
    if word and FUTURE_WORDS.match(word.strip()):
        return "future"
    return default


def lookup(table: Mapping[str, int] | Mapping[str, str], word: str) -> str:
    """Case-insensitive look-up for words whose case varies ("Abend", "abend")."""
    for key, value in table.items():
        if key.lower() == word.lower():
            return str(value)
    raise KeyError(word)


# --- dates -------------------------------------------------------------------


def month_number(match: re.Match[str], ctx: Context, name: str = "month") -> int | None:
    word = group(match, name)
    if word:
        return ctx.months[word]
    digits = group(match, "mm")
    return int(digits) if digits and 1 <= int(digits) <= 12 else None


def year_number(match: re.Match[str], name: str = "year") -> int | None:
    text = group(match, name)
    if not text:
        return None
    year = int(text.lstrip("'’"))
    return year + (1900 if year >= 50 else 2000) if len(text.lstrip("'’")) == 2 else year


def day_month(ctx: Context, year: int | None, month: int, day: int) -> tuple[str, bool]:
    """Value of a day-month and whether the sentence's tense chose its year."""
    if not 1 <= day <= 31:
        raise ValueError(f"day {day} out of range")
    if year is not None:
        return f"{year:04d}-{month:02d}-{day:02d}", False
    if ctx.anchor is None:
        return f"XXXX-{month:02d}-{day:02d}", False
    chosen = year_of_day_month(ctx.anchor.day, month, day, ctx.direction)
    return f"{chosen:04d}-{month:02d}-{day:02d}", True


def on_date(match: re.Match[str], ctx: Context) -> list[Piece]:
    month = month_number(match, ctx)
    day = int(match.group("day"))
    if month is None:
        return []
    directed_ctx = replace(ctx, direction=_preposition_direction(match, ctx))
    value, directed = day_month(directed_ctx, year_number(match), month, day)
    value = with_part(value, match, ctx)
    return piece(match, "DATE", value, directed=directed)


def date_range(match: re.Match[str], ctx: Context) -> list[Piece]:
    """ "vom 4. bis 6. März", "March 4-6": two dates sharing month and year."""
    month = month_number(match, ctx)
    if month is None:
        return []
    year = year_number(match)
    pieces = []
    for name in ("day1", "day2"):
        value, directed = day_month(ctx, year, month, int(match.group(name)))
        start, end = match.span(f"{name}span")
        pieces.append(Piece(start, end, "DATE", value, directed=directed))
    return pieces


def in_month(match: re.Match[str], ctx: Context) -> list[Piece]:
    month = month_number(match, ctx)
    if month is None:
        return []
    mod = mod_of(match, ctx)
    year = year_number(match)
    if year is not None:
        return piece(match, "DATE", f"{year:04d}-{month:02d}", mod=mod)
    if ctx.anchor is None:
        return piece(match, "DATE", f"XXXX-{month:02d}", mod=mod)
    if (group(match, "rel") or "").lower().startswith(("this", "dies")):
        return piece(match, "DATE", f"{ctx.anchor.day.year:04d}-{month:02d}", mod=mod)
    direction = word_direction(group(match, "rel"), _preposition_direction(match, ctx))
    chosen = year_of_month(ctx.anchor.day, month, direction)
    return piece(match, "DATE", f"{chosen:04d}-{month:02d}", mod=mod, directed=True)


#: Prepositions that fix the direction: a deadline lies ahead, a start behind.
AHEAD = frozenset({"by", "through", "until", "till", "bis"})
BEHIND = frozenset({"since", "seit"})


def _preposition_direction(match: re.Match[str], ctx: Context) -> Direction | None:
    word = (group(match, "prep") or "").lower()
    if word in AHEAD:
        return "future"
    if word in BEHIND:
        return "past"
    return ctx.direction


def in_year(match: re.Match[str], ctx: Context) -> list[Piece]:
    year = year_number(match)
    return piece(match, "DATE", f"{year:04d}", mod=mod_of(match, ctx)) if year else []


def decade(match: re.Match[str], ctx: Context) -> list[Piece]:
    return piece(match, "DATE", match.group("dec"), mod=mod_of(match, ctx))


def numeric_date(match: re.Match[str], ctx: Context) -> list[Piece]:
    year, month, day = year_number(match), month_number(match, ctx), int(match.group("day"))
    if year is None or month is None or not 1 <= day <= 31:
        return []
    return piece(match, "DATE", f"{year:04d}-{month:02d}-{day:02d}")


def mod_of(match: re.Match[str], ctx: Context) -> str | None:
    word = group(match, "mod")
    return lookup(ctx.mods, word.strip()) if word else None


# --- days relative to the anchor ----------------------------------------------------


def with_part(value: str, match: re.Match[str], ctx: Context) -> str:
    for name in ("part", "part2"):
        word = group(match, name)
        if word and len(value) == 10:  # a day, not a week or month
            return f"{value}T{lookup(ctx.parts, word)}"
    return value


def relative_day(offset: int) -> Handler:
    def handle(match: re.Match[str], ctx: Context) -> list[Piece]:
        if ctx.anchor is None:
            return piece(match, "DATE", None)
        day = ctx.anchor.day + timedelta(days=offset)
        return piece(match, "DATE", with_part(day.isoformat(), match, ctx))

    return handle


def relative_day_word(table: Mapping[str, int]) -> Handler:
    """ "gestern Abend", "last night": the offset comes from the matched word."""

    def handle(match: re.Match[str], ctx: Context) -> list[Piece]:
        offset = int(lookup(table, match.group("w")))
        return relative_day(offset)(match, ctx)

    return handle


def weekday(match: re.Match[str], ctx: Context) -> list[Piece]:
    number = int(lookup(ctx.weekdays, match.group("wd")))
    shift = -1 if group(match, "eve") else 0
    if ctx.anchor is None:
        return piece(match, "DATE", f"XXXX-WXX-{number}")
    direction = word_direction(group(match, "rel"), _preposition_direction(match, ctx))
    day = weekday_date(ctx.anchor.day, number, direction) + timedelta(days=shift)
    if direction == "past" and group(match, "rel") and day == ctx.anchor.day:
        day -= timedelta(days=7)  # "last Friday" said on a Friday is a week ago
    value = with_part(day.isoformat(), match, ctx)
    return piece(match, "DATE", value, directed=group(match, "rel") is None)


def day_part(match: re.Match[str], ctx: Context) -> list[Piece]:
    """ "am Abend", "in der Nacht": a part of the anchor's day.  A night reported in the
    past is the one that began the evening before ("In der Nacht griff Russland an")."""
    if ctx.anchor is None:
        return piece(match, "TIME", None)
    code = lookup(ctx.parts, match.group("part"))
    day = ctx.anchor.day
    late = ctx.anchor.clock is not None and ctx.anchor.clock.hour >= 18
    if code == "NI" and ctx.direction != "future" and not late:
        day -= timedelta(days=1)
    return piece(match, "TIME", f"{day.isoformat()}T{code}")


def noon(match: re.Match[str], ctx: Context) -> list[Piece]:
    """ "noon", "midnight", "Mittag" as a clock time."""
    word = match.group("h").lower()
    hhmm = "12:00" if word in ("noon", "mittag") else "24:00"
    day = ctx.anchor.day.isoformat() if ctx.anchor else "XXXX-XX-XX"
    return piece(match, "TIME", f"{day}T{hhmm}", clock=hhmm)


def clock(match: re.Match[str], ctx: Context) -> list[Piece]:
    hour = int(match.group("h"))
    minute = int(group(match, "min") or 0)
    meridiem = (group(match, "ampm") or "").lower().replace(".", "")
    hour += 12 if meridiem == "pm" and hour < 12 else 0
    hour -= 12 if meridiem == "am" and hour == 12 else 0
    if hour > 24 or minute > 59:
        return []
    hhmm = f"{hour % 24:02d}:{minute:02d}"
    day = ctx.anchor.day.isoformat() if ctx.anchor else "XXXX-XX-XX"
    return piece(match, "TIME", f"{day}T{hhmm}", clock=hhmm)


# --- units: this week, vor zwei Tagen, three years -------------------------------


def unit_of(match: re.Match[str], ctx: Context) -> str:
    return lookup(ctx.units, match.group("unit"))


def amount(match: re.Match[str], ctx: Context) -> float | None:
    """The number of units; None when vague ("einigen Tagen", a bare plural "Monaten")."""
    word = group(match, "n")
    if word:
        return number_value(word, ctx.language)
    return None if match.group("unit").lower() in PLURAL_UNITS else 1


#: Unit words in the plural: without a number they are a vague amount ("seit Monaten").
PLURAL_UNITS = frozenset(
    """tage tagen wochen monate monaten jahre jahren stunden minuten sekunden jahrzehnte
    jahrzehnten quartale quartalen days weeks months years hours minutes seconds decades
    centuries quarters""".split()
)


def this_unit(offset: int) -> Handler:
    """ "diese Woche" (0), "last year" (-1), "nächsten Monat" (+1)."""

    def handle(match: re.Match[str], ctx: Context) -> list[Piece]:
        unit = unit_of(match, ctx)
        if ctx.anchor is None:
            return piece(match, "DATE", None, mod=mod_of(match, ctx))
        value = shifted(ctx.anchor.day, offset, unit)
        return piece(match, "DATE", value, mod=mod_of(match, ctx))

    return handle


def relative_unit(match: re.Match[str], ctx: Context) -> list[Piece]:
    """ "last week", "vergangenen Monat": the direction word gives the offset."""
    word = match.group("rel")
    offset = {"past": -1, "future": 1}.get(word_direction(word, None) or "", 0)
    return this_unit(offset)(match, ctx)


def shifted_amount(sign: int) -> Handler:
    """ "vor zwei Tagen", "two years ago" (sign -1), "in drei Wochen" (+1)."""

    def handle(match: re.Match[str], ctx: Context) -> list[Piece]:
        count, unit = amount(match, ctx), unit_of(match, ctx)
        if count is None:  # "vor einigen Tagen": some time ago
            return piece(match, "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
        if unit.startswith("T"):
            return _shifted_clock(match, ctx, sign * count, unit)
        if ctx.anchor is None or count != int(count):
            return piece(match, "DATE", None)
        return piece(match, "DATE", shifted(ctx.anchor.day, sign * int(count), unit))

    return handle


def _shifted_clock(match: re.Match[str], ctx: Context, amount: float, unit: str) -> list[Piece]:
    """ "in fünf Stunden" said at a ticker stamp of 14:45 is 19:45 that day."""
    if ctx.anchor is None or ctx.anchor.clock is None:  # "in 24 Stunden": within a span
        return piece(match, "DURATION", duration(abs(amount), unit))
    minutes = amount * (60 if unit == "TH" else 1 if unit == "TM" else 1 / 60)
    start = datetime.combine(ctx.anchor.day, ctx.anchor.clock)
    moment = start + timedelta(minutes=minutes)
    return piece(match, "TIME", moment.strftime("%Y-%m-%dT%H:%M"))


def relative_shift(match: re.Match[str], ctx: Context) -> list[Piece]:
    sign = -1 if word_direction(match.group("rel"), "future") == "past" else 1
    years = amount(match, ctx)
    if ctx.reference and unit_of(match, ctx) == "Y" and years and years == int(years):
        return piece(match, "DATE", shift_reference(ctx.reference, sign * int(years)))
    return shifted_amount(sign)(match, ctx)


def shift_reference(reference: str, years: int) -> str:
    """ "2022-Q3" a year earlier is "2021-Q3"."""
    return f"{int(reference[:4]) + years:04d}{reference[4:]}"


def span_of_time(match: re.Match[str], ctx: Context) -> list[Piece]:
    count, unit = amount(match, ctx), unit_of(match, ctx)
    half = group(match, "half") or group(match, "half2")  # "2 1/2 years", "an hour and a half"
    value = duration_and_half(int(count), unit) if half and count else duration(count, unit)
    return piece(match, "DURATION", value, mod=mod_of(match, ctx))


def every(match: re.Match[str], ctx: Context) -> list[Piece]:
    return piece(match, "SET", duration(1, unit_of(match, ctx)))


def constant(type_: str, value: str) -> Handler:
    def handle(match: re.Match[str], ctx: Context) -> list[Piece]:
        return piece(match, type_, value)

    return handle


def vague_span(match: re.Match[str], ctx: Context) -> list[Piece]:
    """ "recent years", "seit Monaten": a span of unknown length (PXY, PXM)."""
    return piece(match, "DURATION", duration(None, unit_of(match, ctx)))


#: Frequency adverbs by their first three letters → TIMEX3 unit ("täglich", "weekly").
SET_ADVERBS = {
    "täg": "D", "wöc": "W", "mon": "M", "jäh": "Y", "stü": "TH", "all": "D", "näc": "D",
    "dai": "D", "wee": "W", "ann": "Y", "yea": "Y", "hou": "TH", "nig": "D",
}  # fmt: skip


def set_adverb(match: re.Match[str], ctx: Context) -> list[Piece]:
    """ "täglich", "weekly": every day, every week."""
    return piece(match, "SET", duration(1, SET_ADVERBS[match.group("unit").lower()[:3]]))


def season(match: re.Match[str], ctx: Context) -> list[Piece]:
    code = lookup(ctx.seasons, match.group("season"))
    year = year_number(match)
    if year is None and ctx.anchor is None:
        return piece(match, "DATE", f"XXXX-{code}")
    if year is None:
        assert ctx.anchor is not None
        offset = {"past": -1, "future": 1}.get(word_direction(group(match, "rel"), None) or "", 0)
        year = ctx.anchor.day.year + offset
    return piece(match, "DATE", f"{year:04d}-{code}", mod=mod_of(match, ctx))


#: Quarter ordinals of both languages by their first three characters.
QUARTER_ORDINALS = {
    "fir": 1, "1st": 1, "ers": 1, "1.": 1, "sec": 2, "2nd": 2, "zwe": 2, "2.": 2,
    "thi": 3, "3rd": 3, "dri": 3, "3.": 3, "fou": 4, "4th": 4, "vie": 4, "4.": 4,
}  # fmt: skip


def quarter(match: re.Match[str], ctx: Context) -> list[Piece]:
    """ "the third quarter (of 1998)", "im dritten Quartal", "next year's first quarter"."""
    number = QUARTER_ORDINALS[match.group("q").lower()[:3]]
    year = year_number(match) or year_number(match, "year2")
    if year is None and ctx.anchor is not None:
        year = _quarter_year(match, ctx, number)
    return piece(match, "DATE", f"{year:04d}-Q{number}" if year else f"XXXX-Q{number}")


def _quarter_year(match: re.Match[str], ctx: Context, number: int) -> int:
    """The year a bare quarter falls in: the one a direction word names ("last year's",
    "year-ago"), else the anchor's, or the year before when the quarter has not begun
    yet and the clause speaks of the past ("the fourth quarter" reported in May)."""
    assert ctx.anchor is not None
    word = (group(match, "rel") or "").lower().split(" ")[0]
    if word:  # "this year's", "last year's", "year-ago"
        return ctx.anchor.day.year + {"next": 1, "this": 0}.get(word, -1)
    later = number > quarter_of(ctx.anchor.day) and ctx.direction == "past"
    return ctx.anchor.day.year - (1 if later else 0)


def holiday(match: re.Match[str], ctx: Context) -> list[Piece]:
    """A holiday without a year is the occurrence the tense points at, else the nearest."""
    name = match.group("holiday").lower()
    year = year_number(match)
    if year is not None:
        return piece(match, "DATE", holiday_date(name, year).isoformat())
    if ctx.anchor is None:
        return piece(match, "DATE", None)
    anchor = ctx.anchor.day
    dates = [holiday_date(name, anchor.year + k) for k in (-1, 0, 1)]
    direction = word_direction(group(match, "rel"), ctx.direction)
    if direction == "past":
        chosen = max(d for d in dates if d <= anchor)
    elif direction == "future":
        chosen = min(d for d in dates if d >= anchor)
    else:
        chosen = min(dates, key=lambda d: abs((d - anchor).days))
    return piece(match, "DATE", chosen.isoformat(), directed=True)


def weekend(match: re.Match[str], ctx: Context) -> list[Piece]:
    """ "am Wochenende", "the weekend": the weekend before (or after) the anchor."""
    if ctx.anchor is None:
        return piece(match, "DATE", None)
    direction = word_direction(group(match, "rel"), ctx.direction)
    saturday = weekday_date(ctx.anchor.day, 6, direction)
    iso = saturday.isocalendar()
    return piece(match, "DATE", f"{iso.year:04d}-W{iso.week:02d}-WE", directed=True)
