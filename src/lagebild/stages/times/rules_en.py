"""English time rules (TimeBank / TempEval-3 conventions: "last week" includes "last",
"for three months" tags "three months")."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from lagebild.stages.times import rules as r
from lagebild.stages.times.lexicon import (
    DAYPARTS_EN,
    MODS_EN,
    MONTHS_EN,
    NUMBERS_EN,
    SEASONS_EN,
    UNITS_EN,
    VAGUE_EN,
    WEEKDAYS_EN,
    alternation,
)
from lagebild.stages.times.values import month_value, shift_months, shifted

MONTH = rf"(?P<month>{alternation(MONTHS_EN)})(?![\w-])"
WD = rf"(?P<wd>{alternation(WEEKDAYS_EN)})"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?!\d)"
NUM = rf"(?P<n>\d{{1,3}}|{alternation(NUMBERS_EN)}|{alternation(VAGUE_EN)})"
UNIT = rf"(?P<unit>{alternation(UNITS_EN)})\b"
PART = rf"(?P<part>{alternation(DAYPARTS_EN)})"
CLOCK = (
    r"(?P<h>[01]?\d|2[0-3])(?:[:.](?P<min>[0-5]\d))?\s?(?P<ampm>[ap]\.?\s?m\b\.?)"
    r"(?:\s(?:local|Moscow|Kyiv|Kiev|Eastern|Pacific|Central|Greenwich)\stime"
    r"|\s(?:EST|EDT|GMT|UTC|CET|MSK|ET))?"
)
CLOCK24 = (
    r"(?<![\d.:,])(?P<h>[01]?\d|2[0-3]):(?P<min>[0-5]\d)(?![\d:])"
    r"(?:\s(?:local|Moscow|Kyiv|Kiev|Eastern)\stime|\s(?:EST|EDT|GMT|UTC|CET|MSK|ET))?"
)
ONE_MONTH_BEFORE = (
    r"(?:[Ii]n|[Ss]ince|[Uu]ntil|till|[Bb]y|[Tt]hrough|[Dd]uring|[Ff]rom|to|of|[Ee]ach|[Ee]very|"
    r"[Bb]efore|[Aa]fter|[Bb]etween|and)"
)
ICASE = re.IGNORECASE
#: "the night of", "overnight on": a part of the day a date then names.
PART_OF = r"\b(?P<dpart>overnight|(?:the\s)?(?:night|morning|evening|afternoon))\s(?:on|of)\s"
#: Look like an amount of time but are an ordinal or a fraction ("three-quarters of").
NOT_AMOUNT = r"an?\ssecond\b|\w+-quarters\b|an?\squarter\sof\b"
#: Modifiers TimeML keeps inside an amount's extent ("nearly two years", "at least 30 days"),
#: looked for just before an amount (cheaper than a leading group in every pattern).
AMOUNT_MOD = re.compile(
    r"\b(?P<mod>nearly|almost|about|approximately|roughly|around|more than|less than|"
    r"at least|at most|up to|over|under)\s$",
    re.IGNORECASE,
)
#: Fixed and movable holidays of English-language reporting.
HOLIDAYS = r"christmas(?:\sday|\seve)?|new year's (?:day|eve)|thanksgiving(?:\sday)?|easter(?:\ssunday)?|independence day|election day"
SPELLED_DECADES = "ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
#: "the twenties" ... "the nineties" without their "-ies".
DECADE_STEMS = "[Tt]went|[Tt]hirt|[Ff]ort|[Ff]ift|[Ss]ixt|[Ss]event|[Ee]ight|[Nn]inet"
SPELLED_UNITS = "one|two|three|four|five|six|seven|eight|nine"


def _c(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


def _rules() -> list[r.Rule]:
    rel_day = {"the day before yesterday": -2, "the day after tomorrow": 2, "yesterday": -1,
               "today": 0, "tonight": 0, "tomorrow": 1, "last": -1, "this": 0}  # fmt: skip
    return [
        r.Rule(
            "date-range",
            _c(
                rf"(?P<day1span>{MONTH}\s(?P<day1>[0-3]?\d))(?:st|nd|rd|th)?\s?[-–]\s?(?P<day2span>(?P<day2>[0-3]?\d))(?:st|nd|rd|th)?(?!\d)(?:,?\s{YEAR})?"
            ),
            r.date_range,
        ),
        r.Rule(
            "month-day",
            _c(
                rf"(?:\b(?P<prep>by|until|till|through|since)\s)?(?P<t>(?:{WD},?\s)?{MONTH}\s{DAY}(?:,?\s{YEAR})?)"
            ),
            r.on_date,
        ),
        r.Rule("day-month", _c(rf"\b{DAY}\s(?:of\s)?{MONTH}(?:,?\s{YEAR})?"), r.on_date),
        r.Rule(
            "part-of-date",
            _c(rf"{PART_OF}(?:{WD},?\s)?{MONTH}\s{DAY}(?:,?\s{YEAR})?"),
            _part_of_date,
        ),
        r.Rule("part-of-weekday", _c(rf"{PART_OF}{WD}\b"), _part_of_date),
        r.Rule("iso-date", _c(r"\b(?P<year>\d{4})-(?P<mm>\d\d)-(?P<day>\d\d)\b"), r.numeric_date),
        r.Rule(
            "us-date",
            _c(r"(?<![\d/])(?P<mm>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d\d(?:\d\d)?)(?![\d/])"),
            r.numeric_date,
        ),
        r.Rule(
            "month-year",
            _c(rf"(?:(?P<mod>early|mid-?|late)\s?)?{MONTH},?\s(?:of\s)?{YEAR}"),
            r.in_month,
        ),
        r.Rule(
            "mod-month",
            _c(
                rf"\b(?P<t>(?P<mod>early|mid-|mid|late|the beginning of|the start of|the middle of|the end of)\s?{MONTH})"
            ),
            r.in_month,
        ),
        r.Rule(
            "month",
            _c(
                rf"\b(?P<prep>{ONE_MONTH_BEFORE})\s(?P<t>(?:(?P<rel>last|next|this)\s)?{MONTH})(?!\s\d)"
            ),
            r.in_month,
        ),
        r.Rule(
            "month-of-year",
            _c(rf"\b{MONTH}\s(?P<rel>this|last|next)\syear\b"),
            _month_of_relative_year,
        ),
        r.Rule("this-month", _c(rf"\b(?P<rel>last|next|this)\s{MONTH}(?!\s\d)"), r.in_month),
        # A bare month name; "May" and "March" are also a verb and a noun.
        r.Rule("bare-month", _c(rf"\b(?!May\b|March\b){MONTH}(?!\s\d)"), r.in_month),
        r.Rule(
            "holiday",
            _c(rf"\b(?:(?P<rel>last|next|this)\s)?(?P<holiday>{HOLIDAYS})\b(?:\s{YEAR})?", ICASE),
            r.holiday,
        ),
        r.Rule(
            "spelled-year",
            _c(
                rf"\b(?:(?P<month>{alternation(MONTHS_EN)})\s)?(?P<spelled>nineteen[\s-](?:{SPELLED_DECADES})(?:[\s-](?:{SPELLED_UNITS}))?|(?:the\syear\s)?two thousand(?:\sand\s(?:{SPELLED_UNITS}))?)\b",
                ICASE,
            ),
            _spelled_year,
        ),
        r.Rule(
            "relative-day",
            _c(
                rf"\b(?P<w>the day before yesterday|the day after tomorrow|yesterday|today|tonight|tomorrow)(?:\s{PART})?\b",
                ICASE,
            ),
            r.relative_day_word(rel_day),
        ),
        r.Rule(
            "part-relative-day",
            _c(
                r"\b(?:[Ee]arly|[Ll]ate|[Mm]id-?)\s?(?P<part2>morning|afternoon|evening)\s"
                r"(?P<w>yesterday|today|tomorrow)\b"
            ),
            r.relative_day_word(rel_day),
        ),
        r.Rule(
            "last-night", _c(rf"\b(?P<w>last|this)\s{PART}\b", ICASE), r.relative_day_word(rel_day)
        ),
        r.Rule(
            "weekday",
            _c(rf"\b(?:(?P<rel>last|next|this|coming|past|previous)\s)?{WD}(?:\s{PART})?\b"),
            _after_preposition(r.weekday),
        ),
        r.Rule("each-weekday", _c(rf"\b(?:each|every)\s{WD}\b"), _weekday_set),
        r.Rule("weekdays", _c(rf"\b{WD}s\b"), _weekday_set),
        r.Rule("noon", _c(r"\b(?P<h>noon|midnight)\b", ICASE), r.noon),
        r.Rule("clock", _c(rf"\b{CLOCK}", ICASE), r.clock),
        r.Rule("clock24", _c(CLOCK24), r.clock),
        r.Rule(
            "this-unit",
            _c(
                r"\b(?P<rel>last|next|this|coming|previous|current|following)\s"
                r"(?P<unit>week|weekend|month|quarter|year|decade|century)\b",
                ICASE,
            ),
            r.relative_unit,
        ),
        r.Rule(
            "earlier-this",
            # TimeML leaves "earlier" outside: the expression is "this week"
            _c(rf"\b(?:earlier|later)\s(?P<t>(?P<rel>this|last|next)\s{UNIT})", ICASE),
            r.relative_unit,
        ),
        r.Rule(
            "mod-this",
            _c(
                rf"\b(?P<mod>early|late|mid-|the beginning of|the start of|the middle of|the end of)\s?(?P<rel>this|the|next|last)\s{UNIT}",
                ICASE,
            ),
            r.relative_unit,
        ),
        r.Rule(
            "ago",
            _c(
                rf"\b{NUM}[\s-]{UNIT}\s(?P<rel>ago|earlier|from now|hence)\b",
                ICASE,
            ),
            _modified(r.relative_shift),
        ),
        r.Rule(
            "in-amount",
            _c(rf"\bin\s(?P<t>{NUM}\s{UNIT})(?!\s(?:ago|earlier|later|before|after))", ICASE),
            r.shifted_amount(1),
        ),
        r.Rule(
            "narrative",
            # counted from the date the text told last, not from the document date
            _c(
                r"\b(?:(?:later|earlier)\s)?(?:that\s(?:same\s)?|the\s(?P<rel>following|previous|preceding)\s)"
                r"(?P<unit>day|month|year)\b|\bthe\s(?P<next>next)\s(?P<unit2>day)\b",
                ICASE,
            ),
            _narrative,
        ),
        r.Rule(
            "the-past-n",
            _c(
                rf"\b(?:the\s)?(?:past|last|next|coming|previous|first|final|following)\s(?:{NUM}[\s-])?{UNIT}",
                ICASE,
            ),
            r.span_of_time,
        ),
        r.Rule(
            "duration",
            _c(
                rf"\b(?:the\s)?(?!{NOT_AMOUNT}){NUM}(?P<half>\s1/2|\sand\sa\shalf)?[\s-]{UNIT}"
                rf"(?P<half2>\sand\sa\shalf)?(?:-long)?(?![\s-]old\b)",
                ICASE,
            ),
            _modified(_amount_or_rate),
        ),
        r.Rule(
            "quarter",
            _c(
                r"\b(?:(?:the|its|their)\s)?(?:(?P<rel>(?:this|last|next)\syear's|year-ago|year-earlier)\s|"
                r"(?P<year>(?:1[89]|20)\d\d)\s)?(?:fiscal[\s-])?(?P<q>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]quarter"
                r"(?:\sof\s(?:fiscal\s)?(?P<year2>(?:1[89]|20)\d\d))?\b",
                ICASE,
            ),
            r.quarter,
        ),
        r.Rule(
            "the-quarter",
            _c(
                r"\bthe\s(?:(?P<cur>current|present)\s|(?:latest|recent|most recent|just-ended)\s)?quarter\b"
                r"|\bthe\s(?:latest|most recent|just-ended)\speriod\b",
                ICASE,
            ),
            _the_quarter,
        ),
        r.Rule(
            "year-period",
            _c(rf"\b(?:the|its)\s{YEAR}\s(?:quarter|period)\b", ICASE),
            _year_period,
        ),
        r.Rule(
            "year-earlier",
            _c(r"\b(?:the\s)?year-(?:earlier|ago)(?:\s(?:quarter|period|level))?\b", ICASE),
            _year_earlier,
        ),
        r.Rule(
            "same-period-last-year",
            # the period of a year before the one reported on: "a year earlier" in other words
            _c(
                r"\b(?:the\s(?:same|corresponding|comparable)\s(?:period|quarter)\s(?:of\s)?last\syear"
                r"|last\syear's\s(?:quarter|period))\b",
                ICASE,
            ),
            _year_earlier,
        ),
        r.Rule(
            "year",
            _c(rf"(?<![\d$€£.,/#-]){YEAR}(?![\d%]|\.\d|,\d|\s?(?:%|percent|per cent|-\d))"),
            r.in_year,
        ),
        r.Rule("mod-year", _c(rf"\b(?P<t>(?P<mod>early|mid-|late)\s?{YEAR})"), r.in_year),
        r.Rule("fiscal", _c(rf"\b(?:fiscal|calendar)\s{YEAR}"), r.in_year),
        r.Rule(
            "decade",
            _c(r"\b(?:the\s)?(?:(?P<mod>early|mid-|late)\s?)?(?P<dec>(?:1[89]|20)\d)0'?s\b"),
            r.decade,
        ),
        r.Rule(
            "decade-word",
            _c(rf"\b(?:[Tt]he\s)?(?:(?P<mod>early|mid-|late)\s?)?(?P<dec>{DECADE_STEMS})ies\b"),
            _decade_word,
        ),
        r.Rule(
            "century",
            _c(r"\b(?:the\s)?(?P<ord>1\d|20|21|[2-9])(?:st|nd|rd|th)[\s-]century\b", ICASE),
            _century,
        ),
        r.Rule(
            "season",
            _c(
                # a season needs "in", "the" or a direction word before it ("fall" is a verb)
                rf"(?:\bin\s|\b(?=(?:last|next|this|early|late|the)\s))(?P<t>(?:the\s|(?P<rel>last|next|this)\s(?:past\s)?)?(?:(?P<mod>early|late)\s)?(?P<season>spring|summer|fall|autumn|winter)(?:\s(?:of\s)?{YEAR})?)\b",
                ICASE,
            ),
            r.season,
        ),
        r.Rule(
            "weekend",
            _c(r"\b(?:the|this|last|next|(?P<rel>past|coming))\sweekend\b", ICASE),
            r.weekend,
        ),
        r.Rule(
            "now",
            _c(
                r"\b(?:now|currently|current|nowadays|at present|these days|at the moment)\b", ICASE
            ),
            r.constant("DATE", "PRESENT_REF"),
        ),
        r.Rule("recently", _c(r"\b(?:recently|the past)\b", ICASE), r.constant("DATE", "PAST_REF")),
        r.Rule(
            "recent-units",
            _c(r"\brecent\s(?P<unit>years|months|weeks|days|decades)\b", ICASE),
            r.vague_span,
        ),
        r.Rule(
            "vague-units",
            _c(
                r"\b(?:for|in|over|within|after|taking|take|takes|took|last|lasted|lasting)\s(?P<t>(?P<unit>years|months|weeks|days|decades|centuries))\b",
                ICASE,
            ),
            r.vague_span,
        ),
        r.Rule(
            "future",
            _c(
                r"\b(?:the (?:near |distant |foreseeable )?future|the (?:near|short|long) term|the coming (?:years|months))\b(?!\s(?:of|contracts?|price|prices|delivery|trading|market)\b)",
                ICASE,
            ),
            r.constant("DATE", "FUTURE_REF"),
        ),
        r.Rule(
            "set-adverb",
            _c(r"\b(?P<unit>daily|weekly|monthly|annually|yearly|hourly|nightly)\b", ICASE),
            r.set_adverb,
        ),
        r.Rule("every", _c(rf"\b(?:every|each|per)\s{UNIT}", ICASE), r.every),
        r.Rule(
            "year-ended",
            # "the year ended Sept. 30": a reporting period given by its end, a duration
            _c(r"\b(?P<t>the\s(?:fiscal\s)?(?P<unit>year))\s(?:ended|ending)\b", ICASE),
            r.span_of_time,
        ),
        r.Rule("full-year", _c(r"\bthe\sfull\s(?P<unit>year)\b", ICASE), r.this_unit(0)),
        r.Rule("times-a", _c(rf"\b(?:once|twice|\w+ times)\s(?P<t>an?\s{UNIT})", ICASE), r.every),
    ]


#: What makes "a year" a rate: an amount just before it ("$33 million a year").
RATE_BEFORE = re.compile(
    rf"(?:\d|\b(?:{alternation(NUMBERS_EN)}|million|billion|thousand|hundred|percent|cents?|"
    r"dollars?|pence|yen))(?:\s[a-z]+s)?\s$",
    re.IGNORECASE,
)


def _amount_or_rate(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
    """ "a year" is a duration, but after an amount ("four flights a week") a rate: a SET."""
    return r.every(match, ctx) if _is_rate(match) else r.span_of_time(match, ctx)


def _is_rate(match: re.Match[str]) -> bool:
    start, text = r.span(match)[0], match.string
    if (match.group("n") or "").lower() not in ("a", "an") or RATE_AFTER.match(text, match.end()):
        return False
    return bool(RATE_BEFORE.search(text, max(0, start - 40), start))


#: "a year ago", "a year earlier": not a rate whatever stands before.
RATE_AFTER = re.compile(r"\s(?:ago|earlier|later|before|after|or)\b", re.IGNORECASE)


#: A preposition just before a day: a deadline lies ahead, a start behind.
#: Lower case only: "Until Thursday, they had not ..." opening a sentence looks back.
PREPOSITION_BEFORE = re.compile(r"\b(?:(?P<ahead>by|until|till|through)|since)\s$")


def _after_preposition(handler: r.Handler) -> r.Handler:
    """The handler, told the direction a preposition just before the match gives."""

    def handle(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
        start = match.start()
        found = PREPOSITION_BEFORE.search(match.string, max(0, start - 10), start)
        if found:
            ctx = replace(ctx, direction="future" if found.group("ahead") else "past")
        return handler(match, ctx)

    return handle


def _modified(handler: r.Handler) -> r.Handler:
    """The handler, its expression widened over a modifier just before it ("nearly")."""

    def handle(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
        pieces = handler(match, ctx)
        start = r.span(match)[0]
        found = AMOUNT_MOD.search(match.string, max(0, start - 20), start)
        if not found or len(pieces) != 1:
            return pieces
        mod = MODS_EN[found.group("mod").lower()]
        return [replace(pieces[0], start=found.start(), mod=mod)]

    return handle


def _part_of_date(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
    word = match.group("dpart").split()[-1]
    found = r.on_date(match, ctx) if match.group("month") else r.weekday(match, ctx)
    if not found or found[0].value is None or len(found[0].value) != 10:
        return found
    start, end = r.span(match)
    return [r.Piece(start, end, "DATE", f"{found[0].value}T{DAYPARTS_EN[word.lower()]}")]


def _weekday_set(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
    return r.piece(match, "SET", f"XXXX-WXX-{WEEKDAYS_EN[match.group('wd')]}")


def _spelled_year(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
    """ "nineteen ninety-six" → 1996, "the year two thousand" → 2000 (broadcast transcripts)."""
    words = re.split(r"[\s-]+", match.group("spelled").lower())
    numbers = {w: i for i, w in enumerate(SPELLED_UNITS.split("|"), 1)}
    tens = {w: 10 * i for i, w in enumerate(SPELLED_DECADES.split("|"), 1)}
    if words[0] == "nineteen":
        year = 1900 + tens[words[1]] + (numbers[words[2]] if len(words) > 2 else 0)
    else:
        year = 2000 + numbers.get(words[-1], 0)
    month = MONTHS_EN.get(match.group("month") or "")
    return r.piece(match, "DATE", f"{year:04d}-{month:02d}" if month else f"{year:04d}")


def _year_earlier(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
    if ctx.reference:
        return r.piece(match, "DATE", r.shift_reference(ctx.reference, -1))
    if ctx.anchor is None:
        return r.piece(match, "DATE", None)
    return r.piece(match, "DATE", f"{ctx.anchor.day.year - 1:04d}")


def _month_of_relative_year(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
    """ "June last year", "January this year": the month of the year the word names."""
    month = MONTHS_EN[match.group("month")]
    if ctx.anchor is None:
        return r.piece(match, "DATE", f"XXXX-{month:02d}")
    offset = {"last": -1, "next": 1}.get(match.group("rel"), 0)
    return r.piece(match, "DATE", f"{ctx.anchor.day.year + offset:04d}-{month:02d}")


def _year_period(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
    """ "the 1988 quarter" in an earnings report: the quarter last named, in 1988."""
    year = f"{r.year_number(match):04d}"
    return r.piece(match, "DATE", year + ctx.reference[4:] if ctx.reference else year)


def _decade_word(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
    """ "the nineties": the last such decade up to the anchor (no anchor, no century)."""
    stems = [stem[4:] for stem in DECADE_STEMS.split("|")]  # "[Tt]went" -> "went"
    tens = stems.index(match.group("dec")[1:].lower()) + 2
    if ctx.anchor is None:
        return r.piece(match, "DATE", None)
    century = ctx.anchor.day.year // 100 - (tens * 10 > ctx.anchor.day.year % 100)
    return r.piece(match, "DATE", f"{century:02d}{tens}", mod=r.mod_of(match, ctx))


def _century(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
    """ "the 20th century" is 19xx: TIMEX3 writes its two leading digits, "19"."""
    return r.piece(match, "DATE", f"{int(match.group('ord')) - 1:02d}")


def _narrative(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
    """ "that year", "the following month", "the next day": the date told last, moved."""
    unit = (match.group("unit") or match.group("unit2")).lower()
    word = (match.group("rel") or match.group("next") or "").lower()
    offset = {"": 0, "following": 1, "next": 1}.get(word, -1)
    told = ctx.narrative or ""
    if len(told) < {"year": 4, "month": 7, "day": 10}[unit]:
        return []  # nothing told at that precision: no value to give
    if unit == "year":
        return r.piece(match, "DATE", f"{int(told[:4]) + offset:04d}")
    if unit == "month":
        return r.piece(
            match, "DATE", month_value(*shift_months(date.fromisoformat(told[:7] + "-01"), offset))
        )
    return r.piece(match, "DATE", (date.fromisoformat(told) + timedelta(days=offset)).isoformat())


def _the_quarter(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
    """ "the quarter" in a report is the last quarter reported on, before the anchor's."""
    if ctx.anchor is None:
        return r.piece(match, "DATE", None)
    return r.piece(match, "DATE", shifted(ctx.anchor.day, 0 if match.group("cur") else -1, "Q"))


RULES: list[r.Rule] = _rules()
CONTEXT_TABLES = {
    "months": MONTHS_EN,
    "weekdays": WEEKDAYS_EN,
    "units": {**UNITS_EN, **{k.capitalize(): v for k, v in UNITS_EN.items()}},
    "parts": DAYPARTS_EN,
    "seasons": SEASONS_EN,
    "mods": MODS_EN,
}
