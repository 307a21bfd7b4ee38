"""Evaluate lagebild's time stage: TempEval-3 TBAQ (English) and the German gold (dev, held-out).

    .venv/bin/python eval/times.py [--pin] [--errors en|timebank|aquaint|de|deh] [--examples N]

The scorers are in ``eval/timex.py`` (TempEval-3 matching and value F1; German value
accuracy over gold and the function-word negatives).  The tagger is the library path
``lagebild.times.v1`` takes: ticker blocks found in the text, each expression resolved
against its block's stamp or the document date given as anchor.  The held-out German gold
(``tests/gold/times-de-heldout.jsonl``, metrics ``deh_*``) is printed next to the
development figures (``de_*``); never tune rules on it.  Floors for the gate
(``tests/eval/test_gate_times.py``) live in ``eval/floors/times.json``.

English is reported over all of TBAQ (``en_*``, the TempEval-3 figure) and per part:
TimeBank (``en_tb_*``, 183 files, where rules are developed) and AQUAINT (``en_aq_*``,
73 files, the check against overfitting).  ``--errors`` prints an error analysis instead
of the figures: missed and spurious spans and wrong values on matched spans, grouped by
the kind of value (duration, reference, quarter, week, part of day ...) with examples.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import timex
from gate import corpus_hash, enforce
from lagebild.stages.times.docdate import ticker_blocks
from lagebild.stages.times.tagger import tag as tag_times
from lagebild.stages.times.values import Anchor

PINNED = {
    "en_value_f1": "higher",
    "en_relaxed_f1": "higher",
    "en_strict_f1": "higher",
    "en_tb_value_f1": "higher",
    "en_aq_value_f1": "higher",
    "de_value_accuracy": "higher",
    "de_value_accuracy_gold": "higher",
    "de_relaxed_f1": "higher",
    "de_value_f1": "higher",
    "de_negatives_hit": "lower",
    "de_undated_value_accuracy": "higher",
    # held-out German gold: never tune rules on it
    "deh_value_accuracy": "higher",
    "deh_value_accuracy_gold": "higher",
    "deh_strict_f1": "higher",
    "deh_relaxed_f1": "higher",
    "deh_value_f1": "higher",
    "deh_negatives_hit": "lower",
}


Prediction = tuple[int, int, str, str]


def tag(text: str, anchor: str | None, language: str) -> list[Prediction]:
    """The scorer's tagger interface over lagebild's time stage."""
    day = date.fromisoformat(anchor) if anchor else None
    blocks = ticker_blocks(text, day)
    found = tag_times(text, language, Anchor(day) if day else None, blocks)
    return [(f.piece.start, f.piece.end, f.piece.type, f.piece.value or "") for f in found]


#: The two parts of TBAQ: TimeBank for development, AQUAINT to check against overfitting.
ENGLISH_PARTS = {"tb": "TimeBank", "aq": "AQUAINT"}


def english_runs(part: str | None = None) -> list[tuple[timex.TimemlDocument, list[Prediction]]]:
    """(document, predictions) over TBAQ, or over one part of it."""
    folder = timex.TIMEML / part if part else timex.TIMEML
    return [(doc, tag(doc.text, doc.anchor, "en")) for doc in timex.read_tbaq(folder)]


def evaluate_english() -> dict[str, float]:
    """TempEval-3 figures over TBAQ (``en_*``) and over each of its parts."""
    metrics: dict[str, float] = {}
    runs = {key: english_runs(folder) for key, folder in ENGLISH_PARTS.items()}
    for key, run in runs.items():
        scored = timex.score((doc.timexes, system) for doc, system in run)
        metrics.update({f"en_{key}_{k}": v for k, v in scored.items()})
    every = [item for run in runs.values() for item in run]
    scored = timex.score((doc.timexes, system) for doc, system in every)
    return {**{f"en_{k}": v for k, v in scored.items()}, **metrics}


def evaluate() -> dict[str, float]:
    english = evaluate_english()
    german = {f"de_{k}": v for k, v in timex.evaluate_german(tag).items()}
    heldout = timex.evaluate_german(
        tag, gold=timex.GOLD_DE_HELDOUT, negatives=timex.NEGATIVES_DE_HELDOUT
    )
    return {**english, **german, **{f"deh_{k}": v for k, v in heldout.items()}}


def gold_hash() -> str:
    german = [timex.GOLD_DE, timex.NEGATIVES_DE, timex.GOLD_DE_HELDOUT, timex.NEGATIVES_DE_HELDOUT]
    return corpus_hash([*german, *timex.timeml_files()])


# --- error analysis ------------------------------------------------------------------

#: (document name, text, gold, predictions) per document: what the error report reads.
Run = list[tuple[str, str, list[timex.Timex], list[Prediction]]]

#: Kinds of TIMEX3 value the error report groups by, first match wins.
VALUE_KINDS = (
    ("reference", r"^(?:PRESENT|PAST|FUTURE)_REF$"),
    ("duration vague", r"^PT?\d*X"),
    ("duration", r"^P"),
    ("part of day", r"T(?:MO|MI|AF|EV|NI|DT)$"),
    ("clock", r"T\d"),
    ("quarter/half", r"-[QH][1-4X]$"),
    ("fiscal year", r"^FY"),
    ("season", r"-(?:SP|SU|FA|WI)$"),
    ("week", r"-W"),
    ("unanchored", r"X"),
    ("day", r"^\d{4}-\d\d-\d\d$"),
    ("month", r"^\d{4}-\d\d$"),
    ("year", r"^\d{4}$"),
    ("decade/century", r"^\d{2,3}$"),
)


def value_kind(type_: str, value: str) -> str:
    """The error report's class of a value: "set", "duration", "week", "day" ..."""
    if type_ == "SET":
        return "set"
    return next((kind for kind, pattern in VALUE_KINDS if re.search(pattern, value)), "other")


@dataclass
class ErrorClasses:
    """Errors by class, each with (document, text, gold value, system value) examples."""

    classes: dict[str, list[tuple[str, str, str, str]]] = field(default_factory=dict)

    def add(self, name: str, example: tuple[str, str, str, str]) -> None:
        self.classes.setdefault(name, []).append(example)

    def lines(self, title: str, examples: int) -> list[str]:
        total = sum(map(len, self.classes.values()))
        out = [f"{title}: {total}"]
        for name, found in sorted(self.classes.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            out.append(f"  {len(found):4}  {name}")
            out += [
                f"          {d}: {t!r}  gold {g}  system {v}" for d, t, g, v in found[:examples]
            ]
        return out


def classify_errors(run: Run) -> dict[str, ErrorClasses]:
    """Missed, spurious, wrong-value and extent errors of a run, by class."""
    found = {name: ErrorClasses() for name in ("missed", "spurious", "value", "extent")}
    for name, text, gold, system in run:
        pairs = timex.pair(gold, system)
        paired_gold, paired_system = {g for g, _ in pairs}, {s for _, s in pairs}
        for g in (g for i, g in enumerate(gold) if i not in paired_gold):
            kind = value_kind(g.type, g.value)
            found["missed"].add(kind, (name, text[g.start : g.end], g.value, "-"))
        for s in (s for i, s in enumerate(system) if i not in paired_system):
            found["spurious"].add(value_kind(s[2], s[3]), (name, text[s[0] : s[1]], "-", s[3]))
        for g, s in ((gold[gi], system[si]) for gi, si in pairs):
            example = (name, f"{text[g.start : g.end]} / {text[s[0] : s[1]]}", g.value, s[3])
            if g.value != s[3]:
                found["value"].add(_value_error(g, s), example)
            if (g.start, g.end) != (s[0], s[1]):
                found["extent"].add(_extent_error(g, s), example)
    return found


def _value_error(gold: timex.Timex, system: Prediction) -> str:
    """ "week: anchoring" when the granularity agrees, else "duration -> day"."""
    expected, given = value_kind(gold.type, gold.value), value_kind(system[2], system[3])
    return f"{expected}: anchoring" if expected == given else f"{expected} -> {given}"


def _extent_error(gold: timex.Timex, system: Prediction) -> str:
    wider = system[0] <= gold.start and system[1] >= gold.end
    narrower = system[0] >= gold.start and system[1] <= gold.end
    return "system wider" if wider else "system narrower" if narrower else "shifted"


def error_report(run: Run, examples: int) -> str:
    counts = timex.Counts()
    for _, _, gold, system in run:
        counts.add(timex.count(gold, system))
    figures = counts.metrics()
    lines = [
        f"{len(run)} documents, gold {counts.gold}, system {counts.system}, "
        f"relaxed F1 {figures['relaxed_f1']:.3f}, value F1 {figures['value_f1']:.3f}"
    ]
    titles = {"missed": "missed spans (gold kind)", "spurious": "spurious spans (system kind)",
              "value": "wrong values on matched spans", "extent": "extent differences"}  # fmt: skip
    for key, classes in classify_errors(run).items():
        lines += classes.lines(titles[key], examples)
    return "\n".join(lines)


def english_errors(part: str | None = None) -> Run:
    return [(doc.name, doc.text, doc.timexes, system) for doc, system in english_runs(part)]


def german_errors(gold: Path = timex.GOLD_DE, negatives: Path = timex.NEGATIVES_DE) -> Run:
    """The German gold as scored: optional gold and unscorable predictions left out."""
    documents = timex.load_german_gold(gold, negatives)
    texts = timex.german_texts(documents)
    run: Run = []
    for doc in documents:
        text = texts[doc.file]
        system = timex.scorable(doc, text, tag(text, doc.anchor, "de"))
        run.append((doc.file, text, [t for t in doc.timexes if not t.optional], system))
    return run


ERROR_SETS: dict[str, Callable[[], Run]] = {
    "en": english_errors,
    "timebank": lambda: english_errors("TimeBank"),
    "aquaint": lambda: english_errors("AQUAINT"),
    "de": german_errors,
    "deh": lambda: german_errors(timex.GOLD_DE_HELDOUT, timex.NEGATIVES_DE_HELDOUT),
}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pin", action="store_true")
    parser.add_argument("--errors", choices=sorted(ERROR_SETS), help="error analysis of one set")
    parser.add_argument("--examples", type=int, default=6, help="examples per error class")
    args = parser.parse_args(argv)
    if args.errors:
        print(error_report(ERROR_SETS[args.errors](), args.examples))
        return 0
    metrics = evaluate()
    for name in PINNED:
        print(f"{name:28} {metrics[name]:.3f}")
    shown = ("en_tb_relaxed_f1", "en_aq_relaxed_f1", "en_value_accuracy", "de_strict_f1")
    for name in (*shown, "de_gold", "deh_gold", "deh_system"):
        print(f"{name:28} {metrics[name]:.3f}  (not pinned)")
    pinned = {name: metrics[name] for name in PINNED}
    return enforce("times", pinned, PINNED, gold_hash(), args.pin)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
