"""eval/timex.py: TempEval-3 scoring on hand-made inputs, the TimeML reader on TBAQ, and the
German gold's format (the hash and offset checks need the corpus and skip without it)."""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

GOLD = Path(__file__).resolve().parents[1] / "gold"
TYPES = {"DATE", "TIME", "DURATION", "SET"}


@pytest.fixture
def timex(load: Callable[[str], ModuleType]) -> ModuleType:
    return load("timex")


def gold(timex: ModuleType, *spans: tuple[int, int, str, str]) -> list[Any]:
    return [timex.Timex(start, end, type_, value) for start, end, type_, value in spans]


@pytest.mark.parametrize(
    ("system", "strict", "relaxed"),
    [
        ([(0, 10, "DATE", "2024-05-10")], 1, 1),  # same extent
        ([(0, 6, "DATE", "2024-05-10")], 0, 1),  # inside the gold extent
        ([(3, 14, "DATE", "2024-05-10")], 0, 1),  # crossing its end
        ([(10, 14, "DATE", "2024-05-10")], 0, 0),  # touching is not overlapping
        ([], 0, 0),
    ],
)
def test_strict_and_relaxed_span_matches(
    timex: ModuleType, system: list[tuple[int, int, str, str]], strict: int, relaxed: int
) -> None:
    counts = timex.count(gold(timex, (0, 10, "DATE", "2024-05-10")), system)
    assert (counts.strict, counts.relaxed) == (strict, relaxed)


def test_pairs_are_one_to_one_largest_overlap_first(timex: ModuleType) -> None:
    reference = gold(timex, (0, 10, "DATE", "a"), (12, 20, "DATE", "b"))
    system = [(0, 20, "DATE", "b"), (14, 16, "DATE", "b")]
    # the long prediction overlaps gold 0 by 10 and gold 1 by 8: it takes gold 0
    assert timex.pair(reference, system) == [(0, 0), (1, 1)]
    counts = timex.count(reference, system)
    assert (counts.relaxed, counts.strict, counts.value_correct) == (2, 0, 1)


def test_figures_the_tempeval_way(timex: ModuleType) -> None:
    reference = gold(
        timex,
        (0, 10, "DATE", "2024-05-10"),
        (20, 28, "TIME", "2024-05-10T22:55"),
        (40, 45, "DURATION", "P3M"),
        (60, 66, "DATE", "2024-05"),
    )
    system = [
        (0, 10, "DATE", "2024-05-10"),  # strict, value right
        (20, 25, "TIME", "2024-05-10T22:00"),  # relaxed, value wrong
        (40, 45, "DATE", "P3M"),  # strict, type wrong, value right
        (80, 84, "DATE", "2024"),  # false positive
    ]
    metrics = timex.score([(reference, system)])
    assert metrics["strict_p"] == pytest.approx(2 / 4)
    assert metrics["strict_r"] == pytest.approx(2 / 4)
    assert metrics["relaxed_p"] == pytest.approx(3 / 4)
    assert metrics["relaxed_r"] == pytest.approx(3 / 4)
    assert metrics["relaxed_f1"] == pytest.approx(0.75)
    # value: 2 right among 3 relaxed matches; P over 4 predicted, R over 4 gold
    assert metrics["value_accuracy"] == pytest.approx(2 / 3)
    assert metrics["value_p"] == pytest.approx(2 / 4)
    assert metrics["value_r"] == pytest.approx(2 / 4)
    assert metrics["value_f1"] == pytest.approx(0.5)
    assert metrics["type_accuracy"] == pytest.approx(2 / 3)


@pytest.mark.parametrize(
    ("hits", "system", "gold_count", "f1"),
    [(3, 4, 6, 0.6), (0, 5, 5, 0.0), (0, 0, 3, 0.0), (2, 2, 2, 1.0)],
)
def test_prf(timex: ModuleType, hits: int, system: int, gold_count: int, f1: float) -> None:
    assert timex.prf("x", hits, system, gold_count)["x_f1"] == pytest.approx(f1)


def test_counts_add_up_over_documents(timex: ModuleType) -> None:
    one = gold(timex, (0, 4, "DATE", "2024"))
    metrics = timex.score([(one, [(0, 4, "DATE", "2024")]), (one, [(0, 4, "DATE", "2023")])])
    assert metrics["value_f1"] == pytest.approx(0.5)
    assert metrics["strict_f1"] == pytest.approx(1.0)
    assert (metrics["gold"], metrics["system"]) == (2, 2)


def test_german_scoring_regions_optional_ignored_and_negatives(timex: ModuleType) -> None:
    text = "Am Freitag sagte er nun, 300 Soldaten seien seit Wochen dort. Ende."
    doc = timex.GoldDocument("x.md", "0", "2024-05-10", (0, 61))
    doc.timexes = [
        timex.Timex(3, 10, "DATE", "2024-05-10"),
        timex.Timex(49, 55, "DURATION", "PXW", optional=True),
    ]
    doc.negatives = [(25, 37)]
    system = [
        (3, 10, "DATE", "2024-05-10"),
        (20, 23, "DATE", "PRESENT_REF"),  # "nun": an ignored adverb
        (25, 28, "DATE", "0300"),  # on a negative: a false positive, counted twice
        (49, 55, "DURATION", "PXW"),  # optional gold: not scored
        (62, 66, "DATE", "XXXX"),  # outside the annotated region
    ]
    metrics = timex.score_german([doc], {"x.md": system}, {"x.md": text})
    assert metrics["negatives_hit"] == 1
    assert (metrics["gold"], metrics["system"]) == (1, 2)
    assert metrics["value_accuracy_gold"] == pytest.approx(1.0)
    assert metrics["strict_p"] == pytest.approx(0.5)


def test_undated_values(timex: ModuleType) -> None:
    doc = timex.GoldDocument("seed", "0", "2022-12-20", (0, 100))
    doc.timexes = [timex.Timex(10, 22, "DATE", "2022-12-19", value_undated="XXXX-12-19")]
    assert timex.score_undated(doc, [(10, 22, "DATE", "XXXX-12-19")]) == 1.0
    assert timex.score_undated(doc, [(10, 22, "DATE", "2022-12-19")]) == 0.0


def test_baseline_follows_the_interface(load: Callable[[str], ModuleType]) -> None:
    baseline = load("timex_baseline")
    text = "On March 5, 1998 and in 2001; am 19. Dezember."
    found = baseline.tag(text, "1998-03-10", "en")
    assert found == [(3, 16, "DATE", "1998-03-05"), (24, 28, "DATE", "2001")]
    assert baseline.tag(text, None, "de")[-1] == (33, 45, "DATE", "XXXX-12-19")


# --- the German gold files ---------------------------------------------------------------


def lines(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (GOLD / name).read_text("utf-8").splitlines() if line]


def check_gold_format(name: str, min_required: int, min_documents: int) -> list[dict[str, Any]]:
    header, *records = lines(name)
    documents = header["documents"]
    assert header["header"] is True
    required = [r for r in records if not r.get("optional")]
    assert len(required) >= min_required
    assert len({r["file"] for r in records if r["file"].startswith("news-de/")}) >= min_documents
    for record in records:
        meta = documents[record["file"]]
        assert record["sha1"] == meta["sha1"]
        assert record["type"] in TYPES, record
        assert meta["region"][0] <= record["start"] < record["end"] <= meta["region"][1]
        assert "text" not in record and "surface" not in record
    keys = [(r["file"], r["start"]) for r in records]
    assert keys == sorted(keys)
    for a, b in itertools.pairwise(records):
        assert a["file"] != b["file"] or a["end"] <= b["start"], (a, b)
    return records


def test_german_gold_format() -> None:
    records = check_gold_format("times-de.jsonl", 230, 25)
    seed = [r for r in records if r["file"].startswith("seed/")]
    assert seed and all(r["value_undated"].startswith("XXXX") for r in seed)


def test_heldout_gold_format_and_disjoint_documents() -> None:
    records = check_gold_format("times-de-heldout.jsonl", 150, 12)
    heldout = set(lines("times-de-heldout.jsonl")[0]["documents"])
    assert heldout.isdisjoint(lines("times-de.jsonl")[0]["documents"])
    assert {r["file"] for r in records} <= heldout
    assert all(r["anchor"] for r in records)


@pytest.mark.parametrize(
    ("gold_name", "negatives_name", "minimum"),
    [
        ("times-de.jsonl", "times-de-negatives.jsonl", 50),
        ("times-de-heldout.jsonl", "times-de-heldout-negatives.jsonl", 40),
    ],
)
def test_negatives_format_and_disjoint_from_gold(
    gold_name: str, negatives_name: str, minimum: int
) -> None:
    documents = lines(gold_name)[0]["documents"]
    spans = {(r["file"], r["start"], r["end"]) for r in lines(gold_name)[1:]}
    header, *negatives = lines(negatives_name)
    assert header["header"] is True and len(negatives) >= minimum
    for negative in negatives:
        assert negative["start"] < negative["end"]
        assert negative["sha1"] == documents[negative["file"]]["sha1"]
        assert not any(
            f == negative["file"] and s < negative["end"] and negative["start"] < e
            for f, s, e in spans
        ), negative


# --- against the corpus ------------------------------------------------------------------


@pytest.mark.corpus
def test_timeml_reader_finds_tbaq_and_offsets_slice_to_the_tags(
    corpus: Path, timex: ModuleType
) -> None:
    files = timex.timeml_files(corpus / "timex-en")
    assert len(files) == 256
    documents = [timex.read_timeml(path) for path in files]
    assert sum(len(doc.timexes) for doc in documents) > 1500
    for path, doc in zip(files[:40], documents[:40], strict=True):
        assert doc.dct and doc.anchor[:2] in {"19", "20"}
        raw = path.read_text("utf-8")
        tagged = [part.split(">", 1)[1] for part in raw.split("<TEXT>", 1)[1].split("<TIMEX3 ")[1:]]
        surfaces = [piece.split("</TIMEX3>", 1)[0] for piece in tagged]
        assert [doc.text[t.start : t.end] for t in doc.timexes] == [
            s.replace("&amp;", "&") for s in surfaces if s
        ]


@pytest.mark.corpus
@pytest.mark.parametrize("heldout", [False, True])
def test_german_gold_still_fits_the_clean_text(
    corpus: Path, timex: ModuleType, heldout: bool
) -> None:
    if heldout:
        documents = timex.load_german_gold(timex.GOLD_DE_HELDOUT, timex.NEGATIVES_DE_HELDOUT)
    else:
        documents = timex.load_german_gold()
    texts = timex.german_texts(documents, corpus)  # raises when a hash changed
    for doc in documents:
        text = texts[doc.file]
        for t in doc.timexes:
            surface = text[t.start : t.end]
            assert surface == surface.strip() and surface, (doc.file, t)
        for start, end in doc.negatives:
            assert text[start:end].strip(), (doc.file, start, end)


# --- the error analysis of eval/times.py --------------------------------------------------


@pytest.mark.parametrize(
    ("type_", "value", "kind"),
    [
        ("DATE", "PAST_REF", "reference"),
        ("DURATION", "PXY", "duration vague"),
        ("DURATION", "P2Y6M", "duration"),
        ("SET", "P1W", "set"),
        ("TIME", "1998-02-11TNI", "part of day"),
        ("TIME", "1998-02-11T22:00", "clock"),
        ("DATE", "1989-Q3", "quarter/half"),
        ("DATE", "1998-SU", "season"),
        ("DATE", "1998-W12", "week"),
        ("DATE", "1989-WXX", "week"),
        ("DATE", "XXXX-03-05", "unanchored"),
        ("DATE", "1998-03-05", "day"),
        ("DATE", "1998-03", "month"),
        ("DATE", "1998", "year"),
        ("DATE", "199", "decade/century"),
    ],
)
def test_error_classes_by_kind_of_value(
    load: Callable[[str], ModuleType], type_: str, value: str, kind: str
) -> None:
    assert load("times").value_kind(type_, value) == kind


def test_errors_are_classified_missed_spurious_value_and_extent(
    load: Callable[[str], ModuleType],
) -> None:
    times, timex = load("times"), load("timex")
    text = "On Friday, three days later, it ended last week."
    reference = gold(timex, (3, 9, "DATE", "1998-03-06"), (11, 21, "DURATION", "P3D"))
    reference += gold(timex, (38, 47, "DATE", "1998-W10"))
    system = [
        (3, 9, "DATE", "1998-03-13"),
        (11, 27, "DATE", "1998-03-12"),
        (0, 2, "DATE", "PRESENT_REF"),
    ]
    found = times.classify_errors([("doc", text, reference, system)])
    assert set(found["missed"].classes) == {"week"}
    assert set(found["spurious"].classes) == {"reference"}
    assert set(found["value"].classes) == {"day: anchoring", "duration -> day"}
    assert set(found["extent"].classes) == {"system wider"}
