"""The cleaning gate: debris left and content lost on hand-labelled news-de lines stay at or
below their pinned floors."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

EVAL = Path(__file__).resolve().parents[2] / "eval"

pytestmark = pytest.mark.corpus


def load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"lagebild_eval_{name}", EVAL / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_cleaning_meets_its_floors(corpus: Path) -> None:
    cleaning, gate = load("cleaning"), load("gate")
    if not cleaning.NEWS.is_dir():
        pytest.skip(f"news-de not found at {cleaning.NEWS}")
    metrics = cleaning.evaluate()
    pinned = {k: v for k, v in metrics.items() if k.endswith(("_left", "_lost"))}
    assert set(pinned) == set(gate.load_floor("cleaning")["metrics"])
    violations = gate.check("cleaning", pinned, cleaning.gold_hash())
    assert violations == [], "; ".join(str(violation) for violation in violations)
