"""The scales and the lexicon: ICD 203 bands, STIX DNI integers, negation."""

from __future__ import annotations

import pytest

from lagebild.stages.assessments.scales import (
    ICD203,
    ICD203_SYNONYMS,
    KENT,
    POSSIBLE_BAND,
    STIX_DNI,
    Term,
    icd_label,
    lexicon,
    negate,
    stix_to_dni,
    terms_for,
)


def test_icd203_bands_are_ordered_and_touch() -> None:
    bands = list(ICD203.values())
    assert all(low < high for low, high in bands)
    assert all(bands[i][1] == bands[i + 1][0] for i in range(len(bands) - 1))


@pytest.mark.parametrize("label", list(ICD203))
def test_stix_integer_lies_in_its_dni_range(label: str) -> None:
    assert stix_to_dni(STIX_DNI[label]) == label


@pytest.mark.parametrize(
    ("value", "label"),
    [
        (0, "almost no chance"),
        (9, "almost no chance"),
        (10, "very unlikely"),
        (39, "unlikely"),
        (40, "roughly even chance"),
        (79, "likely"),
        (89, "very likely"),
        (100, "almost certain"),
    ],
)
def test_stix_ranges(value: int, label: str) -> None:
    assert stix_to_dni(value) == label


def test_stix_out_of_range_is_an_error() -> None:
    with pytest.raises(ValueError, match="0-100"):
        stix_to_dni(101)


@pytest.mark.parametrize(("word", "label"), [*ICD203_SYNONYMS.items(), ("Likely", "likely")])
def test_icd_synonyms(word: str, label: str) -> None:
    assert icd_label(word) == label


def test_unknown_word_has_no_icd_label() -> None:
    assert icd_label("perhaps") is None


def test_kent_table_is_kept() -> None:
    assert KENT["probable"] == (75, 12)


def test_every_lexicon_point_lies_in_its_band() -> None:
    for term in lexicon():
        assert term.band[0] <= term.point <= term.band[1], term


@pytest.mark.parametrize("language", ["de", "en"])
def test_both_languages_have_every_icd_category(language: str) -> None:
    categories = {term.category for term in terms_for(language)}
    assert set(ICD203) - {"roughly even chance"} <= categories


@pytest.mark.parametrize(
    ("phrase", "language", "label"),
    [
        ("dürfte", "de", "likely"),
        ("dürften", "de", "likely"),
        ("vermutlich", "de", "likely"),
        ("wohl", "de", "likely"),
        ("höchstwahrscheinlich", "de", "very likely"),
        ("mit hoher Wahrscheinlichkeit", "de", "very likely"),
        ("kaum", "de", "very unlikely"),
        ("unwahrscheinlich", "de", "unlikely"),
        ("nicht auszuschließen", "de", None),
        ("very likely", "en", "very likely"),
        ("almost certainly", "en", "almost certain"),
        ("may", "en", None),
        ("could", "en", None),
        ("might", "en", None),
        ("possibly", "en", None),
    ],
)
def test_required_terms_are_in_the_lexicon(phrase: str, language: str, label: str | None) -> None:
    (term,) = [t for t in terms_for(language) if t.phrase == phrase]
    assert term.label == label
    if label is None:
        assert term.category == "possible" and term.band == POSSIBLE_BAND


def test_terms_are_longest_first() -> None:
    lengths = [len(term.phrase) for term in terms_for("en")]
    assert lengths == sorted(lengths, reverse=True)


@pytest.mark.parametrize(
    ("category", "negated"),
    [
        ("likely", "unlikely"),
        ("very likely", "unlikely"),
        ("almost certain", "unlikely"),
        ("unlikely", "roughly even chance"),
        ("very unlikely", "roughly even chance"),
        ("almost no chance", "roughly even chance"),
        ("roughly even chance", "roughly even chance"),
        ("possible", "possible"),
    ],
)
def test_negation_moves_the_band(category: str, negated: str) -> None:
    term = Term(
        "x", "en", category, 0.5 if category in ("possible",) else sum(ICD203[category]) / 2
    )
    moved = negate(term)
    assert moved.category == negated
    assert moved.band[0] <= moved.point <= moved.band[1]
