"""The estimative scales and the lexicon of German and English estimative terms.

Three scales are kept apart on purpose (``scales.md`` in the shared corpus says why):
the ICD 203 label and its probability band, the STIX 2.1 DNI confidence integer that
``stix2.confidence.scales.dni_to_value`` gives for that label, and a point value per
term, calibrated against how people read the phrase (probly.csv), not the band's
middle.  Sherman Kent's table is kept for reference.

Modals of possibility ("may", "könnte", "nicht auszuschließen") have no ICD 203 term;
they get lagebild's own category ``possible`` with the band [0.20, 0.55]: the writer
neither expects nor excludes the event.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, replace
from functools import cache
from importlib.resources import files

#: ICD 203 (2015) terms and their probability bands.
ICD203: dict[str, tuple[float, float]] = {
    "almost no chance": (0.01, 0.05),
    "very unlikely": (0.05, 0.20),
    "unlikely": (0.20, 0.45),
    "roughly even chance": (0.45, 0.55),
    "likely": (0.55, 0.80),
    "very likely": (0.80, 0.95),
    "almost certain": (0.95, 0.99),
}
#: ICD 203 synonyms, listed beside each term in the directive.
ICD203_SYNONYMS: dict[str, str] = {
    "remote": "almost no chance",
    "highly improbable": "very unlikely",
    "improbable": "unlikely",
    "improbably": "unlikely",
    "roughly even odds": "roughly even chance",
    "probable": "likely",
    "probably": "likely",
    "highly probable": "very likely",
    "almost certainly": "almost certain",
    "nearly certain": "almost certain",
}
#: STIX 2.1 DNI scale: the integer ``dni_to_value`` returns for each label.
STIX_DNI: dict[str, int] = {
    "almost no chance": 5,
    "very unlikely": 15,
    "unlikely": 30,
    "roughly even chance": 50,
    "likely": 70,
    "very likely": 85,
    "almost certain": 95,
}
#: Sherman Kent, "Words of Estimative Probability" (1964): phrase → (percent, ± percent).
KENT: dict[str, tuple[int, int]] = {
    "certain": (100, 0),
    "almost certain": (93, 6),
    "probable": (75, 12),
    "chances about even": (50, 10),
    "probably not": (30, 10),
    "almost certainly not": (7, 5),
    "impossible": (0, 0),
}
#: lagebild's category for modals of possibility, outside ICD 203.
POSSIBLE = "possible"
POSSIBLE_BAND = (0.20, 0.55)
#: The STIX integer of ``possible``: its point value, inside the DNI "Roughly Even" range.
POSSIBLE_STIX = 40

#: Kinds of lexicon entry: an estimative term, a modal verb (needs analytic framing).
KINDS = ("term", "modal")


@dataclass(frozen=True)
class Term:
    """One lexicon entry: a phrase and where it sits on the scales."""

    phrase: str
    language: str
    category: str  # an ICD 203 label or ``possible``
    point: float
    kind: str = "term"
    inflects: bool = False  # German adjective endings (-e, -er, -en, -es, -em) follow

    @property
    def label(self) -> str | None:
        """The ICD 203 label, or None for a modal of possibility."""
        return self.category if self.category in ICD203 else None

    @property
    def band(self) -> tuple[float, float]:
        return ICD203.get(self.category, POSSIBLE_BAND)

    @property
    def stix(self) -> int:
        return STIX_DNI.get(self.category, POSSIBLE_STIX)


def negate(term: Term) -> Term:
    """The term under negation ("not likely", "nicht unwahrscheinlich").

    A negated expectation ("not likely", "nicht sehr wahrscheinlich") is read as
    ``unlikely``; a negated doubt — litotes, "nicht unwahrscheinlich" — only rules the
    low end out without committing to "likely", so it becomes ``roughly even chance``.
    An even chance or a possibility is not moved: "not possibly" is not a judgement.
    """
    low, high = term.band
    if term.category == POSSIBLE or low <= 0.5 <= high:
        return term
    if low >= 0.5:
        return replace(term, category="unlikely", point=0.30)
    return replace(term, category="roughly even chance", point=0.50)


def icd_label(word: str) -> str | None:
    """The ICD 203 label of a term or synonym as the directive writes it."""
    word = word.lower().strip()
    if word in ICD203:
        return word
    return ICD203_SYNONYMS.get(word)


def stix_to_dni(value: int) -> str:
    """The DNI label of a STIX confidence integer (``value_to_dni`` of stix2)."""
    bounds = [(9, "almost no chance"), (19, "very unlikely"), (39, "unlikely")]
    bounds += [(59, "roughly even chance"), (79, "likely"), (89, "very likely")]
    if not 0 <= value <= 100:
        raise ValueError(f"STIX confidence must be 0-100, not {value}")
    return next((label for top, label in bounds if value <= top), "almost certain")


@cache
def lexicon() -> tuple[Term, ...]:
    """Every term of the packaged ``lexicon.tsv``, checked against the scales."""
    source = files("lagebild.stages.assessments").joinpath("lexicon.tsv")
    rows = source.read_text("utf-8").splitlines()
    lines = [row for row in rows if row.strip() and not row.startswith("#")]
    terms = tuple(_term(row) for row in csv.DictReader(lines, delimiter="\t"))
    return terms


def _term(row: dict[str, str]) -> Term:
    phrase = row["phrase"]
    term = Term(
        phrase=phrase.rstrip("~"),
        language=row["language"],
        category=row["category"],
        point=float(row["point"]),
        kind=row["kind"],
        inflects=phrase.endswith("~"),
    )
    if term.category not in ICD203 and term.category != POSSIBLE:
        raise ValueError(f"lexicon: unknown category {term.category!r} for {phrase!r}")
    if term.kind not in KINDS:
        raise ValueError(f"lexicon: unknown kind {term.kind!r} for {phrase!r}")
    # The band and STIX columns are for readers; they must agree with the category.
    stated = (float(row["band_low"]), float(row["band_high"])), int(row["stix"])
    if stated != (term.band, term.stix):
        raise ValueError(f"lexicon: {phrase!r} states {stated}, its category gives another")
    if not term.band[0] <= term.point <= term.band[1]:
        raise ValueError(f"lexicon: point {term.point} of {phrase!r} is outside its band")
    return term


def terms_for(language: str) -> tuple[Term, ...]:
    """The lexicon of one language, longest phrase first (the first match wins)."""
    chosen = [term for term in lexicon() if term.language == language]
    return tuple(sorted(chosen, key=lambda term: -len(term.phrase)))
