"""Evaluation gates (trafilatura's ``eval_gate`` is the model).

Each evaluation writes its metrics as a flat ``{name: float}`` dict.  Its floor
file ``eval/floors/<evaluation>.json`` pins, per metric, the measured floor,
the direction ("higher" or "lower" is better), a noise epsilon and a hash of
the gold data it was measured on.  A floor only ever moves up: raise it with
``python eval/gate.py raise NAME`` after an improvement, never lower it.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

FLOORS = Path(__file__).parent / "floors"
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


@dataclass(frozen=True)
class Violation:
    metric: str
    measured: float
    floor: float
    direction: str

    def __str__(self) -> str:
        relation = "below" if self.direction == "higher" else "above"
        return f"{self.metric}: {self.measured:.4f} is {relation} the floor {self.floor:.4f}"


def corpus_hash(paths: Iterable[Path]) -> str:
    """sha256 over the bytes of the gold files, in sorted order, short form."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def load_floor(name: str) -> dict[str, object]:
    return json.loads((FLOORS / f"{name}.json").read_text("utf-8"))  # type: ignore[no-any-return]


def check(name: str, metrics: Mapping[str, float], gold_hash: str | None = None) -> list[Violation]:
    """Compare ``metrics`` with the pinned floors of evaluation ``name``."""
    floor = load_floor(name)
    if gold_hash is not None and floor.get("gold_hash") not in (None, gold_hash):
        raise RuntimeError(f"{name}: the gold data changed ({gold_hash}); re-measure the floors")
    epsilon = float(floor.get("epsilon", 0.005))  # type: ignore[arg-type]
    violations = []
    for metric, spec in floor["metrics"].items():  # type: ignore[attr-defined]
        measured, pinned, direction = metrics[metric], float(spec["floor"]), spec["direction"]
        worse = (
            measured < pinned - epsilon if direction == "higher" else measured > pinned + epsilon
        )
        if worse:
            violations.append(Violation(metric, measured, pinned, direction))
    return violations


def write_floor(
    name: str,
    metrics: Mapping[str, float],
    directions: Mapping[str, str],
    gold_hash: str,
    epsilon: float = 0.005,
) -> None:
    """Pin ``metrics`` as floors; refuses to lower an existing floor."""
    path = FLOORS / f"{name}.json"
    old = json.loads(path.read_text("utf-8"))["metrics"] if path.exists() else {}
    pinned = {}
    for metric, value in metrics.items():
        direction = directions.get(metric, "higher")
        previous = old.get(metric, {}).get("floor")
        if previous is not None:
            value = max(value, previous) if direction == "higher" else min(value, previous)
        pinned[metric] = {"floor": round(value, 4), "direction": direction}
    body = {"gold_hash": gold_hash, "epsilon": epsilon, "metrics": pinned}
    path.write_text(json.dumps(body, indent=2, sort_keys=True) + "\n", "utf-8")


def enforce(
    name: str,
    metrics: Mapping[str, float],
    directions: Mapping[str, str],
    gold_hash: str,
    pin: bool = False,
) -> int:
    """The command-line end of an evaluation: pin when asked, then check; exit status."""
    if pin:
        write_floor(name, metrics, directions, gold_hash)
    if not (FLOORS / f"{name}.json").exists():
        print("no floors pinned yet; run with --pin")
        return 0
    violations = check(name, metrics, gold_hash)
    for violation in violations:
        print(f"REGRESSION {violation}", file=sys.stderr)
    return 1 if violations else 0


if __name__ == "__main__":
    print(__doc__)
    sys.exit(0)
