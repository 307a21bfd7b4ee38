"""The English entity gate: P/R on the hand-annotated ISW gold stay at or above their floors."""

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


def test_english_entities_meet_their_floors(corpus: Path) -> None:
    entities, gate = load("entities_en"), load("gate")
    metrics = entities.evaluate()
    pinned = {k: v for k, v in metrics.items() if "_strict_" in k and not k.startswith("nat")}
    violations = gate.check("entities_en", pinned, entities.gold_hash())
    assert violations == [], "; ".join(str(violation) for violation in violations)
