"""The main-text extraction gate: OURS on html-de stays at or above its pinned floors."""

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


def test_html_extraction_meets_its_floors(corpus: Path) -> None:
    extraction, gate = load("html_extraction"), load("gate")
    folder = corpus / "html-de"
    metrics = extraction.evaluate(folder, systems=("ours", "ours_clean"))
    violations = gate.check(extraction.NAME, metrics, extraction.gold_hash(folder))
    assert violations == [], "; ".join(str(violation) for violation in violations)
