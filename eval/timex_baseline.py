"""A deliberately trivial time tagger that exercises ``eval/timex.py``; not a product.

    .venv/bin/python eval/timex_baseline.py

It finds four-digit years (1900-2099) as DATE YYYY, English "Month day[, year]" and German
"day. Month [year]" as DATE, with the year taken from the text or else from the anchor
(``XXXX`` without one).  Nothing else: no relative expressions, no times, no durations.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import timex

MONTHS_EN = "January February March April May June July August September October November December"
MONTHS_DE = "Januar Februar März April Mai Juni Juli August September Oktober November Dezember"
MONTH_NUMBER = {
    name: number
    for names in (MONTHS_EN, MONTHS_DE)
    for number, name in enumerate(names.split(), start=1)
}
_YEAR = r"(?:19|20)\d\d"
EN_DATE = re.compile(rf"\b({'|'.join(MONTHS_EN.split())})\s+(\d{{1,2}})\b(?:,?\s+({_YEAR})\b)?")
DE_DATE = re.compile(rf"\b(\d{{1,2}})\.\s*({'|'.join(MONTHS_DE.split())})\b(?:\s+({_YEAR})\b)?")
YEAR = re.compile(rf"(?<![\d.,-]){_YEAR}(?![\d.,-]\d)")


def _date(year: str | None, anchor: str | None, month: str, day: str) -> str:
    year = year or (anchor[:4] if anchor else "XXXX")
    return f"{year}-{MONTH_NUMBER[month]:02d}-{int(day):02d}"


def tag(text: str, anchor: str | None, language: str) -> list[timex.Prediction]:
    """Month-day dates of the language, then free-standing years they do not cover."""
    found: list[timex.Prediction] = []
    if language == "en":
        for m in EN_DATE.finditer(text):
            found.append((m.start(), m.end(), "DATE", _date(m[3], anchor, m[1], m[2])))
    else:
        for m in DE_DATE.finditer(text):
            found.append((m.start(), m.end(), "DATE", _date(m[3], anchor, m[2], m[1])))
    for m in YEAR.finditer(text):
        if not any(start <= m.start() < end for start, end, _, _ in found):
            found.append((m.start(), m.end(), "DATE", m[0]))
    return sorted(found)


def main() -> int:
    print(timex.report("Baseline on TempEval-3 TBAQ (English)", timex.evaluate_english(tag)))
    print(timex.report("Baseline on the German gold", timex.evaluate_german(tag)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
