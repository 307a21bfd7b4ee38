"""Main-text extraction on the 150 German pages of ``html-de`` (trafilatura's benchmark).

    .venv/bin/python eval/html_extraction.py          # print the table
    .venv/bin/python eval/html_extraction.py --pin    # pin the floors (they only move up)

For each page, every "with" snippet must appear in the extracted text (else a
false negative) and no "without" snippet may (else a false positive); text and
snippets are compared with white space normalised.  Three systems run side by
side: PLAIN ``trafilatura.extract(html)`` with its defaults, OURS (the text the
lagebild HTML reader gives, ``raw_text``) and OURS+CLEAN (``clean_text`` of it).

The pages are split in two halves by the sha256 of their file name: the reader
was tuned looking at the first half only; the second, ``heldout``, was not looked
at while tuning.  ``evaluate()`` returns flat metrics named
``{system}_{subset}_{metric}`` (``ours_all_f1``, ``plain_heldout_recall``, …).
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import ModuleType

import trafilatura

from lagebild.clean import clean_text
from lagebild.read import Skip, read_source

NAME = "html_extraction"
HERE = Path(__file__).resolve().parent
METRICS = ("precision", "recall", "f1", "accuracy")
PINNED = (
    "ours_all_precision",
    "ours_all_recall",
    "ours_all_f1",
    "ours_heldout_f1",
    "ours_clean_all_f1",
    "ours_clean_all_recall",
)


@cache
def _gate() -> ModuleType:
    """eval/gate.py, loaded by path (eval/ is not a package)."""
    spec = importlib.util.spec_from_file_location("lagebild_eval_gate", HERE / "gate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it executes
    spec.loader.exec_module(module)
    return module


def corpus_dir() -> Path:
    """``$LAGEBILD_CORPUS/html-de``, or the corpus beside the checkout."""
    root = os.environ.get("LAGEBILD_CORPUS")
    return (Path(root) if root else _gate().CORPUS) / "html-de"


@dataclass(frozen=True)
class Page:
    file: str
    with_: tuple[str, ...]
    without: tuple[str, ...]


@dataclass
class Counts:
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0

    def add(self, other: Counts) -> None:
        self.tp, self.fn = self.tp + other.tp, self.fn + other.fn
        self.fp, self.tn = self.fp + other.fp, self.tn + other.tn

    def metrics(self) -> dict[str, float]:
        precision = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        recall = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        total = self.tp + self.fn + self.fp + self.tn
        accuracy = (self.tp + self.tn) / total if total else 0.0
        return {"precision": precision, "recall": recall, "f1": f1, "accuracy": accuracy}


def load_pages(folder: Path) -> list[Page]:
    gold = json.loads((folder / "evaldata.json").read_text("utf-8"))
    return [
        Page(item["file"], _snippets(item.get("with")), _snippets(item.get("without")))
        for item in gold.values()
    ]


def _snippets(values: object) -> tuple[str, ...]:
    items = values if isinstance(values, list) else []
    return tuple(value for value in items if isinstance(value, str) and value.strip())


def halves(pages: list[Page]) -> tuple[list[Page], list[Page]]:
    """(tuning, heldout): pages ordered by sha256 of the file name, cut in the middle."""
    ordered = sorted(pages, key=lambda page: hashlib.sha256(page.file.encode()).hexdigest())
    middle = len(ordered) // 2
    return ordered[:middle], ordered[middle:]


def normalise(text: str) -> str:
    return " ".join(text.split())


def score_page(page: Page, extracted: str) -> Counts:
    text = normalise(extracted)
    found = [normalise(snippet) in text for snippet in page.with_]
    leaked = [normalise(snippet) in text for snippet in page.without]
    return Counts(sum(found), found.count(False), sum(leaked), leaked.count(False))


def plain(path: Path) -> str:
    """PLAIN: trafilatura with its defaults, on the bytes (it detects the encoding itself)."""
    return trafilatura.extract(path.read_bytes()) or ""


def ours(path: Path) -> str:
    """OURS: the raw text of the lagebild HTML reader (parts joined, if any)."""
    items = list(read_source(path))
    return "".join(item.raw_text for item in items if not isinstance(item, Skip))


def cleaned(text: str) -> str:
    return clean_text(text).text


SYSTEMS = ("plain", "ours", "ours_clean")


def extract_all(
    function: Callable[[Path], str], pages: Iterable[Page], folder: Path
) -> tuple[dict[str, str], float]:
    """Extracted text per page file, and the seconds it took."""
    started = time.perf_counter()
    texts = {page.file: function(folder / "pages" / page.file) for page in pages}
    return texts, time.perf_counter() - started


def outputs(
    pages: list[Page], folder: Path, systems: Iterable[str]
) -> dict[str, tuple[dict[str, str], float]]:
    """Texts and seconds per system; OURS+CLEAN reuses OURS and adds the cleaning time."""
    wanted = set(systems)
    results: dict[str, tuple[dict[str, str], float]] = {}
    if "plain" in wanted:
        results["plain"] = extract_all(plain, pages, folder)
    if wanted & {"ours", "ours_clean"}:
        results["ours"] = extract_all(ours, pages, folder)
    if "ours_clean" in wanted:
        texts, seconds = results["ours"]
        started = time.perf_counter()
        clean = {file: cleaned(text) for file, text in texts.items()}
        results["ours_clean"] = clean, seconds + time.perf_counter() - started
    return {name: results[name] for name in SYSTEMS if name in wanted}


def evaluate(folder: Path | None = None, systems: Iterable[str] = SYSTEMS) -> dict[str, float]:
    """Flat metrics ``{system}_{subset}_{metric}`` plus ``{system}_seconds``."""
    folder = folder or corpus_dir()
    pages = load_pages(folder)
    subsets = dict(zip(("tuning", "heldout"), halves(pages), strict=True), all=pages)
    metrics: dict[str, float] = {}
    for name, (texts, seconds) in outputs(pages, folder, systems).items():
        metrics[f"{name}_seconds"] = seconds
        for subset, members in subsets.items():
            total = Counts()
            for page in members:
                total.add(score_page(page, texts[page.file]))
            for metric, value in total.metrics().items():
                metrics[f"{name}_{subset}_{metric}"] = value
    return metrics


def gold_hash(folder: Path) -> str:
    hashed: str = _gate().corpus_hash([folder / "evaldata.json", *(folder / "pages").iterdir()])
    return hashed


def table(metrics: dict[str, float], pages: int) -> str:
    lines = [f"{'system':<11} {'subset':<8} " + " ".join(f"{m:>9}" for m in METRICS)]
    for subset in ("all", "tuning", "heldout"):
        for name in SYSTEMS:
            values = " ".join(f"{metrics[f'{name}_{subset}_{m}']:>9.4f}" for m in METRICS)
            lines.append(f"{name:<11} {subset:<8} {values}")
    seconds = ", ".join(f"{name} {metrics[f'{name}_seconds']:.1f} s" for name in SYSTEMS)
    lines.append(f"time for {pages} pages: {seconds}")
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    folder = corpus_dir()
    if not (folder / "evaldata.json").is_file():
        print(
            f"html_extraction: corpus not found at {folder} (set LAGEBILD_CORPUS)", file=sys.stderr
        )
        return 1
    metrics = evaluate(folder)
    print(f"html_extraction on {folder}")
    print(table(metrics, len(load_pages(folder))))
    if "--pin" in argv:
        gate = _gate()
        gate.write_floor(NAME, {m: metrics[m] for m in PINNED}, {}, gold_hash(folder))
        print(f"floors written to {gate.FLOORS / (NAME + '.json')}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
