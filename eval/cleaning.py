"""Evaluate the plain-text cleaner on hand-labelled lines of news-de.

    .venv/bin/python eval/cleaning.py [--pin]

Method: every non-blank line of a sample of news-de documents, as the reader
produces them (``raw_text`` split on newlines), was labelled by hand as debris
or content (``eval/gold/cleaning-news-de.jsonl``: file, line number, sha1 of
the stripped line, label, part).  A line is *left* when any of its characters
survives cleaning, *lost* when any of them is removed.  We report debris lines
left (share of debris lines still in the clean text) and content lines lost
(share of content lines cut), on the part used while writing rules ("dev") and
on a held-out part that was not looked at ("heldout").  A content line that
ends in a photo credit (a caption followed by "© Privat") carries the credit's
length in characters in an optional ``credit`` field: cutting that trailing
credit is what the cleaner should do, so only a cut before it counts as lost.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from gate import CORPUS, FLOORS, check, corpus_hash, write_floor
from lagebild.clean import clean_text
from lagebild.read import read_source
from lagebild.records import Document

GOLD = Path(__file__).parent / "gold" / "cleaning-news-de.jsonl"
NEWS = CORPUS / "news-de"
DIRECTIONS = {"debris_left": "lower", "content_lost": "lower"}


def load_gold() -> dict[str, list[dict[str, object]]]:
    by_file: dict[str, list[dict[str, object]]] = defaultdict(list)
    for line in GOLD.read_text("utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            by_file[item["file"]].append(item)
    return by_file


def line_fates(raw: str, credits: Mapping[int, int] | None = None) -> list[tuple[bool, bool]]:
    """(any character left, any character removed) for each raw line.

    For a line numbered in ``credits`` a cut inside its trailing credit (that
    many characters at the end of the stripped line) does not count as removed.
    """
    result = clean_text(raw)
    removed = bytearray(len(raw) + 1)
    for cut in result.removed:
        removed[cut.start : cut.end] = b"\x01" * (cut.end - cut.start)
    fates, position = [], 0
    for number, line in enumerate(raw.split("\n")):
        end = position + len(line)
        marks = [removed[i] for i in range(position, end) if not raw[i].isspace()]
        if credits and number in credits:
            end = position + len(line.rstrip()) - credits[number]
        cuts = [removed[i] for i in range(position, end) if not raw[i].isspace()]
        fates.append((not all(marks) if marks else False, any(cuts)))
        position += len(line) + 1
    return fates


def evaluate() -> dict[str, float]:
    """Debris left and content lost, per part and overall, as shares (0–1)."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for name, items in sorted(load_gold().items()):
        document = next(d for d in read_source(NEWS / name) if isinstance(d, Document))
        lines = document.raw_text.split("\n")
        credits = {int(i["line"]): int(i["credit"]) for i in items if i.get("credit")}  # type: ignore[call-overload]
        fates = line_fates(document.raw_text, credits)
        for item in items:
            number = int(item["line"])  # type: ignore[call-overload]
            text = lines[number].strip()
            if hashlib.sha1(text.encode()).hexdigest() != item["sha1"]:
                raise RuntimeError(f"{name}:{number}: the reader's text changed; re-label")
            if number in credits and not 0 < credits[number] < len(text):
                raise RuntimeError(f"{name}:{number}: the credit is not a proper tail of the line")
            left, lost = fates[number]
            for part in (str(item["part"]), "all"):
                counts = totals[part]
                if item["label"] == "debris":
                    counts[0], counts[1] = counts[0] + 1, counts[1] + left
                else:
                    counts[2], counts[3] = counts[2] + 1, counts[3] + lost
    metrics = {}
    for part, (debris, left, content, lost) in totals.items():
        metrics[f"{part}_debris_left"] = left / debris if debris else 0.0
        metrics[f"{part}_content_lost"] = lost / content if content else 0.0
        metrics[f"{part}_debris_lines"] = float(debris)
        metrics[f"{part}_content_lines"] = float(content)
    return metrics


def gold_hash() -> str:
    return corpus_hash([GOLD, *(NEWS / name for name in load_gold())])


def main(argv: list[str]) -> int:
    if not NEWS.is_dir() or not GOLD.exists():
        print(f"cannot evaluate: {NEWS} or {GOLD} is missing", file=sys.stderr)
        return 1
    metrics = evaluate()
    print(__doc__.split("Method:")[1].strip(), end="\n\n")
    for part in ("dev", "heldout", "all"):
        print(
            f"{part:8} debris lines {metrics[f'{part}_debris_lines']:5.0f}  left "
            f"{metrics[f'{part}_debris_left']:.1%}   content lines "
            f"{metrics[f'{part}_content_lines']:5.0f}  lost {metrics[f'{part}_content_lost']:.1%}"
        )
    pinned = {k: v for k, v in metrics.items() if k.endswith(("_left", "_lost"))}
    if "--pin" in argv:
        directions = {k: "lower" for k in pinned}
        write_floor("cleaning", pinned, directions, gold_hash())
    if not (FLOORS / "cleaning.json").exists():
        print("no floors pinned yet; run with --pin to pin them")
        return 0
    violations = check("cleaning", pinned, gold_hash())
    for violation in violations:
        print(f"REGRESSION {violation}")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
