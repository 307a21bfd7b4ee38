"""Words of time in German and English: months, weekdays, numbers, units, day parts.

Month and weekday names are matched case-sensitively with a capital first letter:
lower-case "may", "mit" or "die" are never dates.  Regular-expression fragments are
built from these tables, so adding a spelling here adds it everywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

MONTHS_DE: Mapping[str, int] = {
    "Januar": 1, "Jänner": 1, "Jan.": 1, "Februar": 2, "Feber": 2, "Feb.": 2, "Febr.": 2,
    "März": 3, "Mär.": 3, "April": 4, "Apr.": 4, "Mai": 5, "Juni": 6, "Juli": 7,
    "August": 8, "Aug.": 8, "September": 9, "Sept.": 9, "Sep.": 9, "Oktober": 10,
    "Okt.": 10, "November": 11, "Nov.": 11, "Dezember": 12, "Dez.": 12,
}  # fmt: skip
MONTHS_EN: Mapping[str, int] = {
    "January": 1, "Jan.": 1, "February": 2, "Feb.": 2, "March": 3, "Mar.": 3,
    "April": 4, "Apr.": 4, "May": 5, "June": 6, "Jun.": 6, "July": 7, "Jul.": 7,
    "August": 8, "Aug.": 8, "September": 9, "Sept.": 9, "Sep.": 9, "October": 10,
    "Oct.": 10, "November": 11, "Nov.": 11, "December": 12, "Dec.": 12,
}  # fmt: skip
#: ISO weekday numbers (Monday = 1).
WEEKDAYS_DE: Mapping[str, int] = {
    "Montag": 1, "Dienstag": 2, "Mittwoch": 3, "Donnerstag": 4, "Freitag": 5,
    "Samstag": 6, "Sonnabend": 6, "Sonntag": 7,
}  # fmt: skip
WEEKDAYS_EN: Mapping[str, int] = {
    "Monday": 1, "Tuesday": 2, "Wednesday": 3, "Thursday": 4, "Friday": 5,
    "Saturday": 6, "Sunday": 7,
}  # fmt: skip
NUMBERS_DE: Mapping[str, float] = {
    "ein": 1, "eine": 1, "einen": 1, "einem": 1, "einer": 1, "eines": 1, "zwei": 2,
    "drei": 3, "vier": 4, "fünf": 5, "sechs": 6, "sieben": 7, "acht": 8, "neun": 9,
    "zehn": 10, "elf": 11, "zwölf": 12, "fünfzehn": 15, "zwanzig": 20, "dreißig": 30,
    "vierzig": 40, "fünfzig": 50, "hundert": 100, "beiden": 2, "beide": 2, "anderthalb": 1.5, "eineinhalb": 1.5,
    "zweieinhalb": 2.5, "dreieinhalb": 3.5, "viereinhalb": 4.5, "fünfeinhalb": 5.5,
}  # fmt: skip
NUMBERS_EN: Mapping[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "fifteen": 15, "eighteen": 18, "twenty": 20, "twenty-four": 24, "twenty four": 24,
    "thirty": 30, "forty": 40, "forty-eight": 48, "fifty": 50, "hundred": 100,
}  # fmt: skip
#: Vague quantities: the TIMEX3 value carries X ("PXD", "a few days").
VAGUE_DE = (
    "einigen", "einige", "mehreren", "mehrere", "wenigen", "wenige", "vielen", "viele",
    "etlichen", "zahlreichen",
)  # fmt: skip
VAGUE_EN = ("a few", "few", "several", "some", "many", "a couple of", "the coming", "the next")

#: Unit word → TIMEX3 unit letter ("T" prefix for clock units).
UNITS_DE: Mapping[str, str] = {
    "Sekunde": "TS", "Sekunden": "TS", "Minute": "TM", "Minuten": "TM", "Stunde": "TH",
    "Stunden": "TH", "Tag": "D", "Tage": "D", "Tagen": "D", "Tages": "D", "Tags": "D",
    "Woche": "W", "Wochen": "W", "Wochenende": "WE", "Monat": "M", "Monate": "M",
    "Monaten": "M", "Monats": "M", "Quartal": "Q", "Quartale": "Q", "Quartalen": "Q",
    "Jahr": "Y", "Jahre": "Y", "Jahren": "Y", "Jahres": "Y", "Jahrs": "Y",
    "Jahrzehnt": "DE", "Jahrzehnte": "DE", "Jahrzehnten": "DE", "Jahrhundert": "CE",
}  # fmt: skip
UNITS_EN: Mapping[str, str] = {
    "second": "TS", "seconds": "TS", "minute": "TM", "minutes": "TM", "hour": "TH",
    "hours": "TH", "day": "D", "days": "D", "week": "W", "weeks": "W", "weekend": "WE",
    "month": "M", "months": "M", "quarter": "Q", "quarters": "Q", "year": "Y",
    "years": "Y", "decade": "DE", "decades": "DE", "century": "CE", "centuries": "CE",
}  # fmt: skip
#: Parts of the day → TIMEX3 codes.
DAYPARTS_DE: Mapping[str, str] = {
    "Morgen": "MO", "Früh": "MO", "Vormittag": "MO", "Mittag": "MI", "Nachmittag": "AF",
    "Abend": "EV", "Nacht": "NI", "Morgenstunden": "MO", "Abendstunden": "EV",
    "Nachtstunden": "NI", "Mittagszeit": "MI",
}  # fmt: skip
DAYPARTS_EN: Mapping[str, str] = {
    "morning": "MO", "noon": "MI", "midday": "MI", "afternoon": "AF", "evening": "EV",
    "night": "NI", "overnight": "NI",
}  # fmt: skip
SEASONS_DE: Mapping[str, str] = {
    "Frühling": "SP",
    "Frühjahr": "SP",
    "Sommer": "SU",
    "Herbst": "FA",
    "Winter": "WI",
    "Frühsommer": "SU",
    "Spätsommer": "SU",
    "Hochsommer": "SU",
    "Frühherbst": "FA",
    "Spätherbst": "FA",
}
SEASONS_EN: Mapping[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}
#: Fuzzy parts of a period → TIMEX3 mod.
MODS_DE: Mapping[str, str] = {
    "Anfang": "START", "Beginn": "START", "Mitte": "MID", "Ende": "END",
    "Anfang bis Mitte": "START", "Mitte bis Ende": "END",
}  # fmt: skip
MODS_EN: Mapping[str, str] = {
    "early": "START", "late-": "END", "the beginning of": "START", "the start of": "START",
    "mid": "MID", "mid-": "MID", "the middle of": "MID", "late": "END", "the end of": "END",
    # amounts ("nearly two years"): TimeML's mod values
    "nearly": "LESS_THAN", "almost": "LESS_THAN", "less than": "LESS_THAN",
    "under": "LESS_THAN", "about": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
    "around": "APPROX", "more than": "MORE_THAN", "over": "MORE_THAN",
    "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS",
}  # fmt: skip


def alternation(words: Iterable[str]) -> str:
    """A regex alternation of ``words``, longest first, each escaped."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=len, reverse=True))


def number_value(word: str, language: str) -> float | None:
    """The integer a digit string or number word denotes, or None for vague words."""
    word = word.strip()
    if word.isdigit():
        return int(word)
    table = NUMBERS_DE if language == "de" else NUMBERS_EN
    return table.get(word.lower())
