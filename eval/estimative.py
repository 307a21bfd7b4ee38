"""The estimative lexicon against readers and the directive.

Method: for each of the 17 phrases of ``estimative/probly.csv`` (46 people's readings in
percent), the point value lagebild assigns must lie inside the inter-quartile range of
the answers (quartiles by linear interpolation, numpy's default and
``statistics.quantiles(method="inclusive")``); at least 15 of 17 must.  Every ICD 203
term and synonym must map to exactly its band.  The phrases are looked up through the
detector, as a sentence would be, so a phrase the matcher cannot find fails too.

    python eval/estimative.py [--pin]
"""

from __future__ import annotations

import csv
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from gate import CORPUS, corpus_hash, enforce
from lagebild.stages.assessments.detect import assessments_in_sentence
from lagebild.stages.assessments.scales import ICD203, ICD203_SYNONYMS, Term

PROBLY = CORPUS / "estimative" / "probly.csv"
REQUIRED = 15


def readings(path: Path = PROBLY) -> dict[str, list[float]]:
    """Phrase → the 46 readings, as fractions."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header, answers = rows[0], rows[1:]
    return {phrase: [float(row[i]) / 100 for row in answers] for i, phrase in enumerate(header)}


def term_for(phrase: str, predicate: bool = False) -> Term | None:
    """The term the detector finds for ``phrase`` in the writer's own sentence: "We doubt
    the offensive will resume.", or as a predicate: "A renewed offensive is remote."."""
    if predicate:
        text = f"A renewed offensive is {phrase.lower()}."
    else:
        text = f"{phrase[0].upper()}{phrase[1:].lower()} the offensive will resume."
    found = [f for f in assessments_in_sentence(text, 0, len(text), "en") if f.term]
    return found[0].term if found else None


def probly_rows(path: Path = PROBLY) -> list[tuple[str, float | None, float, float]]:
    """(phrase, point, Q1, Q3) per phrase."""
    rows = []
    for phrase, values in readings(path).items():
        q1, _, q3 = statistics.quantiles(values, n=4, method="inclusive")
        term = term_for(phrase)
        rows.append((phrase, term.point if term else None, q1, q3))
    return rows


def icd_rows() -> list[tuple[str, tuple[float, float] | None, tuple[float, float]]]:
    """(ICD 203 term or synonym, band found, band required)."""
    words = {**{label: label for label in ICD203}, **ICD203_SYNONYMS}
    rows = []
    for word, label in words.items():
        term = term_for(word, predicate=True)
        rows.append((word, term.band if term and term.label == label else None, ICD203[label]))
    return rows


def evaluate(path: Path = PROBLY) -> dict[str, float]:
    probly = probly_rows(path)
    inside = sum(1 for _, point, q1, q3 in probly if point is not None and q1 <= point <= q3)
    icd = icd_rows()
    exact = sum(1 for _, found, band in icd if found == band)
    return {
        "probly_within_iqr": float(inside),
        "probly_phrases": float(len(probly)),
        "icd203_exact": exact / len(icd),
    }


def main(argv: list[str]) -> int:
    if not PROBLY.exists():
        print(f"cannot evaluate: {PROBLY} is missing", file=sys.stderr)
        return 1
    print(__doc__.split("Method:")[1].split("python eval")[0].strip(), end="\n\n")
    for phrase, point, q1, q3 in probly_rows():
        ok = point is not None and q1 <= point <= q3
        shown = f"{point:.2f}" if point is not None else "none"
        print(f"{'ok ' if ok else 'OUT'} {phrase:20} point {shown}  IQR [{q1:.4f}, {q3:.4f}]")
    print()
    for word, found, band in icd_rows():
        print(f"{'ok ' if found == band else 'OUT'} {word:20} band {found}  ICD 203 {band}")
    metrics = evaluate()
    within, total = int(metrics["probly_within_iqr"]), int(metrics["probly_phrases"])
    print(f"\nprobly: {within}/{total} within the IQR (required {REQUIRED})")
    print(f"ICD 203 terms on their exact band: {metrics['icd203_exact']:.0%}")
    if within < REQUIRED or metrics["icd203_exact"] < 1.0:
        print("FAILED: the done-when requires >= 15 of 17 and every ICD 203 term exact")
        return 1
    pinned = {k: metrics[k] for k in ("probly_within_iqr", "icd203_exact")}
    return enforce("estimative", pinned, {}, gold_hash(), pin="--pin" in argv)


def gold_hash() -> str:
    return corpus_hash([PROBLY])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
