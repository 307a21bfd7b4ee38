"""Event types on our own PLOVER-style sentences (English and German), written without
reading the PLOVER gold or the trigger lexicon (``tests/gold/README.md``).

These sets are for development: the odd-numbered sentences of each type (``-01``,
``-03``, …) are *dev*, read while the lexicon is improved; the even-numbered ones are
*check*, scored but not read, so that a fix made for a dev sentence shows whether it
carries over to sentences nobody tuned on.  Scoring is that of ``eval/events.py`` (the
sentence's first main-clause event, coded the PLOVER way; no event counts as wrong).

    python eval/events_own.py [--errors] [--pin] [en|de|en2|de2]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from events import Outcome, metrics, print_errors, run
from gate import corpus_hash, enforce

GOLD = Path(__file__).resolve().parents[1] / "tests" / "gold"
#: Set name → (file, language).  The second sets (written later, by other hands) were
#: scored once before any of their sentences was read.
FILES = {
    "en": (GOLD / "events-plover-own-en.jsonl", "en"),
    "de": (GOLD / "events-plover-own-de.jsonl", "de"),
    "en2": (GOLD / "events-plover-own2-en.jsonl", "en"),
    "de2": (GOLD / "events-plover-own2-de.jsonl", "de"),
}
PARTS = {"test": "check"}  # events.metrics names its held-out part "test"
PINNED = tuple(
    f"{name_of_set}_check_{name}"
    for name_of_set in FILES
    for name in ("type_accuracy", "macro_f1", "source_accuracy", "target_accuracy")
)


def records(name: str) -> list[dict[str, Any]]:
    """Our sentences in the PLOVER record shape ``events.run`` reads."""
    lines = FILES[name][0].read_text("utf-8").splitlines()
    return [_as_plover(json.loads(line)) for line in lines if line.strip()]


def _as_plover(own: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": own["id"],
        "text": own["text"],
        "event": own["type"],
        "source": [{"actorText": own["source"]}] if own.get("source") else [],
        "target": [{"actorText": own["target"]}] if own.get("target") else [],
    }


def part_of(record_id: str) -> str:
    return "dev" if int(record_id.rsplit("-", 1)[1]) % 2 else "test"


def outcomes(name: str) -> list[Outcome]:
    language = FILES[name][1]
    return [run(r, language, part_of(r["id"])) for r in records(name)]


def evaluate(names: tuple[str, ...] = tuple(FILES)) -> dict[str, float]:
    found: dict[str, float] = {}
    for set_name in names:
        for name, value in metrics(outcomes(set_name)).items():
            part, _, rest = name.partition("_")
            found[f"{set_name}_{PARTS.get(part, part)}_{rest}"] = value
    return found


def gold_hash() -> str:
    return corpus_hash(path for path, _ in FILES.values())


def main(argv: list[str]) -> int:
    names = tuple(a for a in argv if a in FILES) or tuple(FILES)
    if "--errors" in argv:
        for set_name in names:
            print_errors(outcomes(set_name))
    found = evaluate(names)
    for name, value in found.items():
        print(f"{name:32} {value:.3f}")
    if len(names) < len(FILES):
        return 0
    pinned = {name: found[name] for name in PINNED}
    return enforce("events_own", pinned, {}, gold_hash(), pin="--pin" in argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
