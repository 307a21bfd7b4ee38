"""German time rules.  Spans follow TIMEX3: prepositions ("am", "seit", "im") stay
outside; direction words ("vergangenen Freitag") and "vor" ("vor zwei Tagen") are part
of the expression.  Month and weekday names must be capitalised."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from lagebild.stages.times import rules as r
from lagebild.stages.times.lexicon import (
    DAYPARTS_DE,
    MODS_DE,
    MONTHS_DE,
    NUMBERS_DE,
    SEASONS_DE,
    UNITS_DE,
    VAGUE_DE,
    WEEKDAYS_DE,
    alternation,
)
from lagebild.stages.times.values import duration

MONTH = rf"(?P<month>{alternation(MONTHS_DE)})(?![\wäöüß-])"
WD = rf"(?P<wd>{alternation(WEEKDAYS_DE)})"
DAY = r"(?<![\d.,])(?P<day>[0-3]?\d)\."
YEAR = r"(?P<year>(?:19|20)\d\d)(?!\d)"
NUM = rf"(?P<n>\d{{1,3}}|{alternation(NUMBERS_DE)}|{alternation(VAGUE_DE)})"
UNIT = rf"(?P<unit>{alternation(UNITS_DE)})(?![\wäöüß])"
#: Units a "this/last/next" can point at: "letzten Tag" is the last day of something.
CALENDAR_UNIT = (
    r"(?P<unit>Woche|Wochenende|Monat|Monats|Quartal|Quartals|Jahr|Jahres|Jahrs|Jahrzehnt|Jahrzehnts)"
    r"(?![\wäöüß])"
)
PART_SUFFIX = r"(?P<part>morgen|vormittag|mittag|nachmittag|abend|nacht)"
PART = rf"(?P<part2>{alternation(DAYPARTS_DE)})"
ZONE = r"(?:\s(?:MESZ|MEZ|UTC|GMT|Ortszeit|\(Ortszeit\)|Moskauer Zeit|Kiewer Zeit|deutscher Zeit))?"
SEASON = (
    r"Frühjahr|Frühling|Frühsommer|Spätsommer|Hochsommer|Sommer|Frühherbst|Spätherbst|Herbst|Winter"
)
PAST_ADJ = r"letzte[nmrs]?|vergangene[nmrs]?|vorige[nmrs]?"
FUTURE_ADJ = r"kommende[nmrs]?|nächste[nmrs]?|folgende[nmrs]?"
THIS_ADJ = r"diese[nmrs]?|laufende[nmrs]?|aktuelle[nmrs]?"
MONTH_BEFORE = (
    r"(?i:im|seit|bis|ab|vom|zum|von|nach|vor|Anfang|Mitte|Ende|Monat|Monats|Monaten|"
    r"des|den|dem|der|und|oder|Jahresbeginn|zwischen|Laufe des|Mitte|Ende|für|Lauf des)"
)
ICASE = re.IGNORECASE


def _c(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


RELATIVE_DAYS = {"vorgestern": -2, "gestern": -1, "heute": 0, "morgen": 1, "übermorgen": 2}


def _rules() -> list[r.Rule]:
    return [
        r.Rule(
            "date-range",
            _c(
                rf"(?P<day1span>(?<![\d.,])(?P<day1>[0-3]?\d)\.)\s?(?:bis(?:\szum)?|[-–]|und)\s?(?P<day2span>(?P<day2>[0-3]?\d)\.\s?{MONTH}(?:\s{YEAR})?)"
            ),
            r.date_range,
        ),
        r.Rule(
            "date",
            _c(
                rf"(?:\b(?P<prep>bis|seit)\s(?:(?:zum|dem)\s)?)?"
                rf"(?P<t>(?:(?P<part2>Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht)\s(?:des|vom)\s)?"
                rf"(?:{WD}(?:{PART_SUFFIX})?,?\s(?:(?:den|dem)\s)?)?{DAY}\s?{MONTH}(?:\s?{YEAR})?)"
            ),
            r.on_date,
        ),
        r.Rule(
            "numeric-date",
            _c(
                rf"(?:{WD},?\s)?{DAY}\s?(?P<mm>[01]?\d)\.(?:\s?(?P<year>(?:19|20)?\d\d)(?!\d))?(?![\d,])"
            ),
            _numeric,
        ),
        r.Rule("iso-date", _c(r"\b(?P<year>\d{4})-(?P<mm>\d\d)-(?P<day>\d\d)\b"), r.numeric_date),
        r.Rule("month-year", _c(rf"(?:(?P<mod>Anfang|Mitte|Ende)\s)?{MONTH}\s{YEAR}"), r.in_month),
        r.Rule("mod-month", _c(rf"\b(?P<mod>Anfang|Mitte|Ende)\s{MONTH}"), r.in_month),
        r.Rule(
            "month",
            _c(
                rf"\b(?P<prep>{MONTH_BEFORE})\s(?P<t>(?:(?P<rel>{PAST_ADJ}|{FUTURE_ADJ}|{THIS_ADJ})\s)?{MONTH})(?!\s\d)"
            ),
            r.in_month,
        ),
        r.Rule(
            "relative-day",
            _c(
                r"\b(?P<w>[Vv]orgestern|[Gg]estern|[Hh]eute|morgen|[Üü]bermorgen)(?:\s?(?P<part>[Mm]orgen|[Ff]rüh|[Vv]ormittag|[Mm]ittag|[Nn]achmittag|[Aa]bend|[Nn]acht))?\b"
            ),
            _relative_day,
        ),
        r.Rule("vortag", _c(r"\b(?i:am|vom|zum|seit dem)\s(?P<t>Vortag|Vorabend)\b"), _vortag),
        r.Rule(
            "tag-zuvor",
            _c(r"\b(?P<t>(?:am\s)?[Tt]age?s?\s(?P<rel>zuvor|davor|danach|darauf))\b"),
            _day_around,
        ),
        r.Rule(
            "weekday",
            _c(
                rf"\b(?:(?P<rel>{PAST_ADJ}|{FUTURE_ADJ}|{THIS_ADJ})\s)?{WD}{PART_SUFFIX}?(?:\s{PART})?(?![\wäöüß])"
            ),
            r.weekday,
        ),
        r.Rule("until-weekday", _c(rf"\bbis\s(?:zum\s)?(?P<t>{WD})\b"), _until_weekday),
        r.Rule(
            "night-before",
            _c(rf"\bNacht\s(?:zu|zum|auf)\s(?:(?P<rel>{PAST_ADJ}|{FUTURE_ADJ})\s)?{WD}"),
            _night_before,
        ),
        r.Rule(
            "day-part",
            _c(
                r"\b(?i:am|in|gegen|im Laufe|seit|über|bis zum|vom)\s(?P<t>(?:(?:der|dem|des|den)\s)?(?:späten\s|frühen\s)?(?P<part>Morgen|Vormittag|Mittag|Nachmittag|Abend|Nacht|Morgenstunden|Abendstunden|Nachtstunden|Mittagszeit)s?)(?!\s(?:zu|zum|auf|des|vom)\s)\b"
            ),
            r.day_part,
        ),
        r.Rule(
            "clock",
            _c(rf"(?<![\d.,])(?P<h>[01]?\d|2[0-4])(?:[.:](?P<min>[0-5]\d))?\s?Uhr{ZONE}"),
            r.clock,
        ),
        r.Rule(
            "this-unit",
            _c(rf"\b(?P<rel>{PAST_ADJ}|{FUTURE_ADJ}|{THIS_ADJ}|dieses)\s{CALENDAR_UNIT}", ICASE),
            r.relative_unit,
        ),
        r.Rule(
            "mod-year-of",
            _c(rf"\b(?P<mod>Anfang|Mitte|Ende)\s(?:des\sJahres|der\sJahre)\s{YEAR}"),
            r.in_year,
        ),
        r.Rule(
            "mod-unit",
            _c(
                rf"\b(?P<mod>Anfang|Mitte|Ende)\s(?:der|des|dieses|dieser)\s(?:(?P<rel>{PAST_ADJ}|{FUTURE_ADJ}|{THIS_ADJ})\s)?{UNIT}"
            ),
            r.relative_unit,
        ),
        r.Rule(
            "ago",
            _c(
                rf"\b(?P<rel>vor)\s(?:(?:gut|knapp|rund|etwa|über|fast|mehr als|genau|ziemlich genau|exakt|nunmehr)\s)?{NUM}\s{UNIT}",
                ICASE,
            ),
            r.shifted_amount(-1),
        ),
        r.Rule(
            "in-amount",
            _c(
                rf"\bin\s(?:(?:knapp|gut|rund|etwa|genau|ziemlich genau|exakt)\s)?{NUM}\s{UNIT}(?!\s(?:lang|zuvor))",
                ICASE,
            ),
            r.shifted_amount(1),
        ),
        r.Rule(
            "the-past-n",
            _c(
                rf"\b(?:(?:den|der|die)\s)?(?:{PAST_ADJ}|{FUTURE_ADJ}|ersten|kommenden)\s(?:{NUM}\s)?(?P<unit>Tage|Tagen|Wochen|Monate|Monaten|Jahre|Jahren|Stunden|Minuten|Jahrzehnte|Jahrzehnten)(?![\wäöüß])"
            ),
            r.span_of_time,
        ),
        r.Rule(
            "duration",
            _c(rf"\b{NUM}\s(?:(?:gute|knappe|volle|ganze)\s)?{UNIT}(?:\slang)?", ICASE),
            r.span_of_time,
        ),
        r.Rule(
            "duration-adj",
            # "49-jährige" is an age, "zweijährige Haft" a duration: digits only for short spans
            _c(
                rf"\b(?!\d{{2,}}-jährig){NUM}-?(?P<unit>tägig|wöchig|monatig|jährig|stündig)\w*",
                ICASE,
            ),
            _duration_adj,
        ),
        r.Rule(
            "quarter",
            _c(rf"\b(?P<q>ersten|zweiten|dritten|vierten|[1-4]\.)\sQuartal(?:s|\s{YEAR})?", ICASE),
            r.quarter,
        ),
        r.Rule(
            "year",
            _c(
                rf"(?<![\d$€£.,/#-]){YEAR}(?![\d%]|\.\d|,\d|\s?(?:%|Prozent|Euro|Dollar|Soldaten|Menschen|Mal|km|Kilometer|-\d))"
            ),
            _year,
        ),
        r.Rule("mod-year", _c(rf"\b(?P<mod>Anfang|Mitte|Ende)\s{YEAR}"), r.in_year),
        r.Rule("decade", _c(r"\b(?P<dec>(?:19|20)\d)0er(?:[\s-]?Jahre[n]?)?"), r.decade),
        r.Rule(
            "season",
            _c(
                rf"\b(?:(?i:im|seit|bis|zum|ab|vom)\s|(?P<rel>{PAST_ADJ}|{FUTURE_ADJ}|{THIS_ADJ})\s|(?=\w+\s(?:19|20)\d\d))(?P<t>(?:(?:dem|den|der)\s)?(?P<season>{SEASON})(?:s|es)?(?:\s{YEAR})?)"
            ),
            r.season,
        ),
        r.Rule(
            "weekend",
            _c(
                rf"\b(?i:am|übers?|vom|des|am\sletzten|am\skommenden)\s(?P<t>(?:(?P<rel>{PAST_ADJ}|{FUTURE_ADJ})\s)?Wochenende)"
            ),
            r.weekend,
        ),
        r.Rule(
            "holiday",
            _c(
                rf"\b(?P<holiday>Weihnachten|Heiligabend|Silvester|Neujahr|Ostern|Ostersonntag)\b(?:\s{YEAR})?"
            ),
            r.holiday,
        ),
        r.Rule(
            "now",
            _c(r"\b(?:jetzt|derzeit|zurzeit|gegenwärtig|momentan|aktuell)\b", ICASE),
            r.constant("DATE", "PRESENT_REF"),
        ),
        r.Rule(
            "recently",
            _c(
                r"\b(?:kürzlich|jüngst|unlängst|neulich|vor kurzem|in jüngster Zeit|vor (?:Tagen|Wochen|Monaten|Jahren|Jahrzehnten))\b|(?<=\bin\s)der Vergangenheit\b",
                ICASE,
            ),
            r.constant("DATE", "PAST_REF"),
        ),
        r.Rule(
            "future",
            _c(r"\b(?:künftig|zukünftig|in Zukunft)\b|(?<=\bin\s)der Zukunft\b", ICASE),
            r.constant("DATE", "FUTURE_REF"),
        ),
        r.Rule(
            "set-adverb",
            _c(
                r"\b(?P<unit>täglich|wöchentlich|monatlich|jährlich|stündlich|allabendlich|nächtlich)\b",
                ICASE,
            ),
            r.set_adverb,
        ),
        r.Rule("every", _c(rf"\b(?:jede[nrms]?|pro)\s(?:[a-zäöü]+e[nrms]?\s)?{UNIT}"), r.every),
        r.Rule(
            "this-day",
            _c(
                r"\b(?P<t>(?:diese[mn]|de[mn]selben|heutigen)\s(?P<what>Tag|Abend|Morgen|Vormittag|Nachmittag|Nacht))\b"
            ),
            _this_day,
        ),
        r.Rule(
            "decade-word",
            _c(
                r"\b(?P<t>(?:den|die|der)\s(?P<dec>zwanziger|dreißiger|vierziger|fünfziger|sechziger|siebziger|achtziger|neunziger)\s?Jahren?)\b",
                ICASE,
            ),
            _decade_word,
        ),
        r.Rule(
            "half-hour",
            _c(r"\b(?:(?:knapp|gut|etwa|rund)\s)?(?:eine[rn]?\s)?(?:halbe[nr]?)\sStunde\b"),
            r.constant("DURATION", "PT30M"),
        ),
        r.Rule(
            "clock-range",
            _c(
                r"(?<![\d.,])(?P<h1>[01]?\d|2[0-4])[.:](?P<m1>[0-5]\d)\s?(?:bis|-|–)\s?(?P<h2>[01]?\d|2[0-4])[.:](?P<m2>[0-5]\d)\s?Uhr"
            ),
            _clock_range,
        ),
        r.Rule(
            "weekday-of-week",
            _c(
                rf"\b(?P<t>{WD}\s(?P<rel>vergangener|letzter|voriger|vorheriger|kommender|nächster|dieser)\sWoche)\b"
            ),
            _weekday_of_week,
        ),
        r.Rule(
            "once-a",
            _c(rf"\b(?:einmal|zweimal|dreimal|\d+\s?[-]?mal)\s(?:im|pro|in der|am)\s{UNIT}"),
            r.every,
        ),
        r.Rule(
            "vague-since",
            _c(
                r"\b(?i:seit|über|für)\s(?P<t>(?P<unit>Monaten|Wochen|Jahren|Tagen|Stunden|Jahrzehnten|Monate|Jahre|Wochen))\b"
            ),
            r.vague_span,
        ),
        r.Rule(
            "lang",
            _c(
                r"\b(?P<unit>tage|wochen|monate|jahre|stunden|jahrzehnte)lang(?:e[nmrs]?)?\b", ICASE
            ),
            _lang,
        ),
        r.Rule(
            "video-length", _c(r"(?<![\d:])(?P<m>\d{1,2}):(?P<sec>[0-5]\d)\s?min\b"), _video_length
        ),
        r.Rule(
            "year-turn",
            _c(r"\b(?P<t>Jahreswechsel|Jahresende|Jahresbeginn|Jahresanfang|Jahresmitte)\b"),
            _year_turn,
        ),
        r.Rule("idiom", _c(r"\bvon heute auf morgen\b", ICASE), _nothing),
        r.Rule(
            "im-moment",
            _c(r"\b(?i:im)\s(?P<t>Moment|Augenblick)\b(?!,?\s(?:als|in dem|da))"),
            r.constant("DATE", "PRESENT_REF"),
        ),
        r.Rule(
            "weekday-set",
            _c(r"\b(?P<wd>montags|dienstags|mittwochs|donnerstags|freitags|samstags|sonntags)\b"),
            _weekday_set,
        ),
    ]


def _numeric(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
    """ "19.12.2022", "19.12.": a year of two digits is 19xx/20xx; none: as "19. Dezember"."""
    if match.group("year"):
        return r.numeric_date(match, ctx)
    return r.on_date(match, ctx)


def _relative_day(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
    offset = RELATIVE_DAYS[match.group("w").lower()]
    found = r.relative_day(offset)(match, ctx)
    part = match.group("part")
    day = found[0].value if found else None
    if not part or day is None:
        return found
    code = "MO" if part.lower() in ("morgen", "früh") else DAYPARTS_DE[part.capitalize()]
    return [r.Piece(found[0].start, found[0].end, "TIME", f"{day[:10]}T{code}")]


def _vortag(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
    found = r.relative_day(-1)(match, ctx)
    if match.group("t") == "Vorabend" and found and found[0].value:
        return [r.Piece(found[0].start, found[0].end, "TIME", f"{found[0].value}TEV")]
    return found


def _night_before(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
    """ "Nacht zu Freitag" is the night from Thursday to Friday."""
    found = r.weekday(match, ctx)
    if not found or found[0].value is None or found[0].value.startswith("X"):
        return found
    day = date.fromisoformat(found[0].value[:10]) - timedelta(days=1)
    return [r.Piece(found[0].start, found[0].end, "TIME", f"{day.isoformat()}TNI", directed=True)]


def _duration_adj(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
    unit = {"täg": "D", "wöc": "W", "mon": "M", "jäh": "Y", "stü": "TH"}[
        match.group("unit")[:3].lower()
    ]
    return r.piece(match, "DURATION", duration(r.amount(match, ctx), unit))


def _until_weekday(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
    """ "läuft noch bis Samstag": the coming one."""
    return r.weekday(match, replace(ctx, direction="future"))


#: "Mirage 2000", "Windows 2000": a model name right before a year-like number.
PRODUCT_BEFORE = re.compile(
    r"\b(?:Mirage|Windows|Expo|Agenda|Vision|Modell|Typ|Version|Serie|Leopard|Patriot)\s+$"
)


def _year(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
    before = match.string[max(match.start() - 20, 0) : match.start()]
    return [] if PRODUCT_BEFORE.search(before) else r.in_year(match, ctx)


def _this_day(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
    """ "an diesem Abend", "am selben Tag": the anchor's day (or a part of it)."""
    if ctx.anchor is None:
        return r.piece(match, "DATE", None)
    what = match.group("what")
    if what == "Tag":
        return r.piece(match, "DATE", ctx.anchor.day.isoformat())
    return r.piece(match, "TIME", f"{ctx.anchor.day.isoformat()}T{DAYPARTS_DE[what]}")


DECADE_WORDS = {"zwanziger": 2, "dreißiger": 3, "vierziger": 4, "fünfziger": 5, "sechziger": 6,
                "siebziger": 7, "achtziger": 8, "neunziger": 9}  # fmt: skip


def _decade_word(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
    """ "den achtziger Jahren": the 1980s (20th century unless the text says otherwise)."""
    return r.piece(match, "DATE", f"19{DECADE_WORDS[match.group('dec').lower()]}")


def _clock_range(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
    """ "20.15 bis 22.15 Uhr": two clock times on the anchor's day."""
    day = ctx.anchor.day.isoformat() if ctx.anchor else "XXXX-XX-XX"
    pieces = []
    for hour, minute in (("h1", "m1"), ("h2", "m2")):
        hhmm = f"{int(match.group(hour)) % 24:02d}:{match.group(minute)}"
        start, end = match.span(hour)[0], match.span(minute)[1]
        if hour == "h2":
            end = match.end()
        pieces.append(r.Piece(start, end, "TIME", f"{day}T{hhmm}", clock=hhmm))
    return pieces


def _weekday_of_week(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
    """ "Dienstag vergangener Woche": that weekday in the week before (or after) the anchor's."""
    if ctx.anchor is None:
        return r.piece(match, "DATE", None)
    rel = match.group("rel")
    weeks = (
        -1
        if rel in ("vergangener", "letzter", "voriger", "vorheriger")
        else 0
        if rel == "dieser"
        else 1
    )
    monday = ctx.anchor.day - timedelta(days=ctx.anchor.day.weekday()) + timedelta(weeks=weeks)
    day = monday + timedelta(days=WEEKDAYS_DE[match.group("wd")] - 1)
    return r.piece(match, "DATE", day.isoformat())


def _day_around(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
    """ "Tags zuvor", "am Tag danach": the day before or after the anchor."""
    offset = -1 if match.group("rel") in ("zuvor", "davor") else 1
    return r.relative_day(offset)(match, ctx)


def _lang(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
    """ "wochenlang": weeks of unknown number."""
    unit = {"tag": "D", "woc": "W", "mon": "M", "jah": "Y", "stu": "TH"}[
        match.group("unit")[:3].lower()
    ]
    return r.piece(
        match,
        "DURATION",
        duration(None, "DE" if match.group("unit").lower().startswith("jahrz") else unit),
    )


def _video_length(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
    """A video caption's length "1:14 min"."""
    minutes, seconds = int(match.group("m")), int(match.group("sec"))
    value = f"PT{minutes}M{seconds}S" if minutes else f"PT{seconds}S"
    return r.piece(match, "DURATION", value)


def _year_turn(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
    """ "Jahresende" → the year, mod END; "Jahreswechsel" → the nearest 1 January."""
    if ctx.anchor is None:
        return r.piece(match, "DATE", None)
    word, day = match.group("t"), ctx.anchor.day
    if word == "Jahreswechsel":
        year = day.year + (1 if day.month >= 7 else 0)
        return r.piece(match, "DATE", f"{year:04d}-01-01")
    mod = {"Jahresende": "END", "Jahresmitte": "MID"}.get(word, "START")
    return r.piece(match, "DATE", f"{day.year:04d}", mod=mod)


def _nothing(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
    """An idiom that only looks temporal ("von heute auf morgen"): claims its words."""
    return []


def _weekday_set(match: re.Match[str], ctx: r.Context) -> list[r.Piece]:
    number = WEEKDAYS_DE[match.group("wd")[:-1].capitalize()]
    return r.piece(match, "SET", f"XXXX-WXX-{number}")


RULES: list[r.Rule] = _rules()
CONTEXT_TABLES = {
    "months": MONTHS_DE,
    "weekdays": WEEKDAYS_DE,
    "units": UNITS_DE,
    "parts": DAYPARTS_DE,
    "seasons": SEASONS_DE,
    "mods": MODS_DE,
}
