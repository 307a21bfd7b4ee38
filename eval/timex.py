"""Time-expression evaluation: the TempEval-3 way on English TBAQ, and on the German gold.

    .venv/bin/python eval/timex.py --tagger eval/timex_baseline.py:tag [--lang en|de|both]

A tagger is any callable ``tag(text, anchor, language) -> [(start, end, type, value)]``:
``text`` is the document text, ``anchor`` the document date ``YYYY-MM-DD`` (``None`` when
unknown), ``language`` ``"en"`` or ``"de"``; it returns character offsets into ``text``
(end exclusive), a TIMEX3 type (DATE, TIME, DURATION, SET) and a TIMEX3 value.

**English** (``../shared/corpus/timex-en``, TempEval-3 TBAQ-cleaned, 256 TimeML files).
``read_timeml`` returns the plain text of the ``<TEXT>`` element, the document creation
time (DCT) and the gold TIMEX3s in ``<TEXT>`` with offsets into that text.  The DCT timex
sits outside ``<TEXT>`` and is not scored, as in TempEval-3.  The tagger gets the date part
of the DCT as its anchor.

**Scoring, TempEval-3 style** (``score``).  A system timex and a gold timex match
*strictly* when their extents are identical and *relaxed* when they overlap.  Pairs are
one-to-one (greedy by overlap length, then position), so a timex is counted once.
Span P = matched / system, R = matched / gold, F1 their harmonic mean.  Attributes are
judged on the relaxed pairs: type and value *accuracy* = correct / relaxed pairs, and
value (type) P = correct / system, R = correct / gold, F1 - TempEval-3's "value F1".
Values are compared as strings.

**German** (``tests/gold/times-de.jsonl``, guideline ``docs/timex-gold.md``).  The text
is the clean text of ``lagebild.clean.v1`` and is checked against the gold's sha1.  Each
document is exhaustively annotated inside its ``region``; predictions outside it are not
scored.  Gold marked ``optional`` is neither required nor penalised: a prediction that
overlaps it is dropped.  So is a prediction that consists of one of the adverbs in
``IGNORED_DE`` (nun, bislang, zuvor ...), which the guideline leaves out of gold and of
the negatives.  Reported: value accuracy over gold (a gold timex counts when a relaxed
match carries its value), strict and relaxed span P/R/F1, value F1, and the number of
predictions overlapping a negative from ``tests/gold/times-de-negatives.jsonl`` (the
false-positive check; the target is 0).  For the seed, the tagger is also called with
``anchor=None`` and scored against ``value_undated``.

**German held-out** (``tests/gold/times-de-heldout.jsonl`` and its negatives): 14 other
news-de documents in the same format, scored the same way but separately.  The rules were
never tuned on them; keep it that way, so that their figures stay an honest estimate.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import importlib.util
import json
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from gate import CORPUS

ROOT = Path(__file__).resolve().parents[1]
TIMEML = CORPUS / "timex-en"
GOLD_DE = ROOT / "tests" / "gold" / "times-de.jsonl"
NEGATIVES_DE = ROOT / "tests" / "gold" / "times-de-negatives.jsonl"
#: Held-out German gold: other news-de documents, annotated the same way, never tuned on.
GOLD_DE_HELDOUT = ROOT / "tests" / "gold" / "times-de-heldout.jsonl"
NEGATIVES_DE_HELDOUT = ROOT / "tests" / "gold" / "times-de-heldout-negatives.jsonl"
CLEAN_STAGE = "lagebild.clean.v1"

TYPES = ("DATE", "TIME", "DURATION", "SET")

#: Adverbs without a calendar referent that the German gold neither tags nor lists as
#: negatives: a prediction made of one of them alone is not scored (lower-cased match).
IGNORED_DE = frozenset(
    "nun bislang bisher zuvor zuletzt kürzlich unlängst damals später früher inzwischen "
    "mittlerweile zunächst aktuell einst künftig bald sofort demnächst seither derweil "
    "unterdessen einstweilen gleichzeitig längst".split()
)

Prediction = tuple[int, int, str, str]
Tagger = Callable[[str, str | None, str], list[Prediction]]


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str
    value: str
    optional: bool = False
    value_undated: str | None = None


@dataclass
class TimemlDocument:
    name: str
    text: str
    dct: str
    timexes: list[Timex]

    @property
    def anchor(self) -> str:
        return self.dct[:10]


@dataclass
class Counts:
    """Counts behind the TempEval-3 figures; they add up over documents."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    type_correct: int = 0
    value_correct: int = 0

    def add(self, other: Counts) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def metrics(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for name, hits in (("strict", self.strict), ("relaxed", self.relaxed)):
            out.update(prf(name, hits, self.system, self.gold))
        out.update(prf("type", self.type_correct, self.system, self.gold))
        out.update(prf("value", self.value_correct, self.system, self.gold))
        out["type_accuracy"] = ratio(self.type_correct, self.relaxed)
        out["value_accuracy"] = ratio(self.value_correct, self.relaxed)
        return out


def ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 0.0


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(name: str, hits: int, system: int, gold: int) -> dict[str, float]:
    precision, recall = ratio(hits, system), ratio(hits, gold)
    return {f"{name}_p": precision, f"{name}_r": recall, f"{name}_f1": f1(precision, recall)}


# --- TimeML ------------------------------------------------------------------------------


def timeml_files(folder: Path = TIMEML) -> list[Path]:
    """The TimeML files of TBAQ (macOS ``._`` resource forks left out), sorted."""
    return sorted(p for p in folder.rglob("*.tml") if not p.name.startswith("._"))


def read_timeml(path: Path) -> TimemlDocument:
    """Text of ``<TEXT>``, the DCT value and the gold TIMEX3s of one TimeML file."""
    root = ET.parse(path).getroot()
    dct = root.find("DCT/TIMEX3")
    body = root.find("TEXT")
    if dct is None or body is None:
        raise ValueError(f"{path}: no DCT or no TEXT element")
    dct_id = dct.get("tid")
    parts: list[str] = []
    timexes: list[Timex] = []
    _walk(body, parts, timexes, dct_id)
    return TimemlDocument(path.stem, "".join(parts), dct.get("value", ""), timexes)


def _walk(element: ET.Element, parts: list[str], timexes: list[Timex], dct_id: str | None) -> None:
    """Append the element's text to ``parts``; record TIMEX3 offsets on the way."""
    start = sum(map(len, parts))
    parts.append(element.text or "")
    for child in element:
        _walk(child, parts, timexes, dct_id)
        parts.append(child.tail or "")
    if element.tag == "TIMEX3" and element.get("tid") != dct_id:
        text_end = start + len("".join(element.itertext()))
        if text_end > start:
            value = element.get("value", "")
            timexes.append(Timex(start, text_end, element.get("type", ""), value))


def read_tbaq(folder: Path = TIMEML) -> list[TimemlDocument]:
    return [read_timeml(path) for path in timeml_files(folder)]


# --- scoring -----------------------------------------------------------------------------


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def pair(gold: Sequence[Timex], system: Sequence[Prediction]) -> list[tuple[int, int]]:
    """One-to-one relaxed pairs (gold index, system index), largest overlap first."""
    candidates = [
        (-overlap((g.start, g.end), (s[0], s[1])), g.start, s[0], gi, si)
        for gi, g in enumerate(gold)
        for si, s in enumerate(system)
        if overlap((g.start, g.end), (s[0], s[1])) > 0
    ]
    used_gold: set[int] = set()
    used_system: set[int] = set()
    pairs = []
    for *_, gi, si in sorted(candidates):
        if gi not in used_gold and si not in used_system:
            used_gold.add(gi)
            used_system.add(si)
            pairs.append((gi, si))
    return sorted(pairs)


def count(gold: Sequence[Timex], system: Sequence[Prediction]) -> Counts:
    """TempEval-3 counts for one document."""
    counts = Counts(gold=len(gold), system=len(system))
    for gi, si in pair(gold, system):
        g, (start, end, type_, value) = gold[gi], system[si]
        counts.relaxed += 1
        counts.strict += (g.start, g.end) == (start, end)
        counts.type_correct += g.type == type_
        counts.value_correct += g.value == value
    return counts


def score(documents: Iterable[tuple[Sequence[Timex], Sequence[Prediction]]]) -> dict[str, float]:
    """TempEval-3 figures over (gold, system) pairs of documents."""
    total = Counts()
    for gold, system in documents:
        total.add(count(gold, system))
    return {**total.metrics(), "gold": float(total.gold), "system": float(total.system)}


def evaluate_english(tag: Tagger, folder: Path = TIMEML) -> dict[str, float]:
    """The tagger on all of TBAQ, each document anchored on its DCT date."""
    return score((doc.timexes, tag(doc.text, doc.anchor, "en")) for doc in read_tbaq(folder))


# --- German gold -------------------------------------------------------------------------


@dataclass
class GoldDocument:
    file: str
    sha1: str
    anchor: str | None
    region: tuple[int, int]
    timexes: list[Timex] = field(default_factory=list)
    negatives: list[tuple[int, int]] = field(default_factory=list)


def _records(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    lines = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    if not lines or not lines[0].get("header"):
        raise ValueError(f"{path}: the first line must be the header record")
    return lines[0], lines[1:]


def load_german_gold(gold: Path = GOLD_DE, negatives: Path = NEGATIVES_DE) -> list[GoldDocument]:
    """The German gold documents with their expressions and negatives, in file order."""
    header, records = _records(gold)
    documents = {
        name: GoldDocument(
            name, meta["sha1"], meta["anchor"], (meta["region"][0], meta["region"][1])
        )
        for name, meta in header["documents"].items()
    }
    for record in records:
        documents[record["file"]].timexes.append(
            Timex(
                record["start"],
                record["end"],
                record["type"],
                record["value"],
                bool(record.get("optional")),
                record.get("value_undated"),
            )
        )
    for record in _records(negatives)[1]:
        documents[record["file"]].negatives.append((record["start"], record["end"]))
    return [documents[name] for name in sorted(documents)]


def clean_text(path: Path) -> str:
    """The clean text the gold offsets point into (reader, then ``lagebild.clean.v1``)."""
    from lagebild.api import analyze
    from lagebild.config import Config, load_config

    config = load_config()
    clean_only = Config((CLEAN_STAGE,), config.stage_options, config.read)
    return analyze(path, config=clean_only).text


def sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def german_texts(documents: Sequence[GoldDocument], corpus: Path = CORPUS) -> dict[str, str]:
    """Clean text per gold file; stops when a text no longer has the gold's hash."""
    texts = {}
    for doc in documents:
        text = clean_text(corpus / doc.file)
        if sha1(text) != doc.sha1:
            raise RuntimeError(
                f"{doc.file}: the clean text changed (sha1 {sha1(text)}, gold {doc.sha1}); "
                "re-derive the gold offsets before scoring"
            )
        texts[doc.file] = text
    return texts


def scorable(doc: GoldDocument, text: str, system: Sequence[Prediction]) -> list[Prediction]:
    """Predictions that count: inside the region, not on optional gold, not an ignored adverb."""
    optional = [(t.start, t.end) for t in doc.timexes if t.optional]
    lo, hi = doc.region
    kept = []
    for prediction in system:
        span = (prediction[0], prediction[1])
        if overlap(span, (lo, hi)) == 0 or any(overlap(span, o) for o in optional):
            continue
        if text[span[0] : span[1]].strip().lower() in IGNORED_DE:
            continue
        kept.append(prediction)
    return kept


def negatives_hit(doc: GoldDocument, system: Sequence[Prediction]) -> int:
    """How many predictions overlap a negative of the document."""
    return sum(any(overlap((p[0], p[1]), n) for n in doc.negatives) for p in system)


def score_german(
    documents: Sequence[GoldDocument],
    predictions: Mapping[str, Sequence[Prediction]],
    texts: Mapping[str, str],
) -> dict[str, float]:
    """German figures for predictions per file (anchored run)."""
    total, hits = Counts(), 0
    for doc in documents:
        system = predictions.get(doc.file, [])
        hits += negatives_hit(doc, system)
        gold = [t for t in doc.timexes if not t.optional]
        total.add(count(gold, scorable(doc, texts[doc.file], system)))
    metrics = total.metrics()
    # over gold, value accuracy is the value recall: a gold counts when its match has its value
    metrics["value_accuracy_gold"] = ratio(total.value_correct, total.gold)
    metrics["negatives_hit"] = float(hits)
    metrics["gold"], metrics["system"] = float(total.gold), float(total.system)
    return metrics


def score_undated(doc: GoldDocument, system: Sequence[Prediction]) -> float:
    """Value accuracy against ``value_undated`` (documents read without a date)."""
    gold = [
        Timex(t.start, t.end, t.type, t.value_undated or t.value)
        for t in doc.timexes
        if not t.optional
    ]
    return ratio(count(gold, system).value_correct, len(gold))


def evaluate_german(
    tag: Tagger,
    corpus: Path = CORPUS,
    gold: Path = GOLD_DE,
    negatives: Path = NEGATIVES_DE,
) -> dict[str, float]:
    """The tagger on a German gold: anchored run, plus the seed without a date.

    ``gold`` and ``negatives`` default to the development gold; pass
    ``GOLD_DE_HELDOUT`` and ``NEGATIVES_DE_HELDOUT`` for the held-out set.
    """
    documents = load_german_gold(gold, negatives)
    texts = german_texts(documents, corpus)
    predictions = {doc.file: tag(texts[doc.file], doc.anchor, "de") for doc in documents}
    metrics = score_german(documents, predictions, texts)
    undated = [doc for doc in documents if any(t.value_undated for t in doc.timexes)]
    for doc in undated:
        system = tag(texts[doc.file], None, "de")
        metrics["undated_value_accuracy"] = score_undated(doc, system)
    return metrics


# --- command line ------------------------------------------------------------------------


def load_tagger(spec: str) -> Tagger:
    """``path/to/file.py:function`` or ``package.module:function``."""
    target, _, name = spec.rpartition(":")
    if not target:
        raise ValueError(f"{spec!r}: expected MODULE:FUNCTION")
    if target.endswith(".py"):
        module_spec = importlib.util.spec_from_file_location(Path(target).stem, target)
        assert module_spec is not None and module_spec.loader is not None
        module = importlib.util.module_from_spec(module_spec)
        module_spec.loader.exec_module(module)
    else:
        module = importlib.import_module(target)
    tagger: Tagger = getattr(module, name)
    return tagger


def report(title: str, metrics: dict[str, float]) -> str:
    lines = [title]
    for name, value in metrics.items():
        shown = f"{value:.0f}" if name in {"gold", "system", "negatives_hit"} else f"{value:.3f}"
        lines.append(f"  {name:24} {shown}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tagger", required=True, help="MODULE:FUNCTION or path.py:FUNCTION")
    parser.add_argument("--lang", choices=["en", "de", "both"], default="both")
    args = parser.parse_args(argv)
    tag = load_tagger(args.tagger)
    if args.lang in ("en", "both"):
        print(report("TempEval-3 TBAQ (English)", evaluate_english(tag)))
    if args.lang in ("de", "both"):
        print(report("German gold (tests/gold/times-de.jsonl)", evaluate_german(tag)))
        heldout = evaluate_german(tag, gold=GOLD_DE_HELDOUT, negatives=NEGATIVES_DE_HELDOUT)
        print(report("German held-out gold (tests/gold/times-de-heldout.jsonl)", heldout))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
