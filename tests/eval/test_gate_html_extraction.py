"""The main-text extraction gate: OURS on html-de stays at or above its pinned floors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

pytestmark = pytest.mark.corpus


def test_html_extraction_meets_its_floors(corpus: Path, load: Callable[[str], ModuleType]) -> None:
    extraction, gate = load("html_extraction"), load("gate")
    folder = corpus / "html-de"
    metrics = extraction.evaluate(folder, systems=("ours", "ours_clean"))
    violations = gate.check(extraction.NAME, metrics, extraction.gold_hash(folder))
    assert violations == [], "; ".join(str(violation) for violation in violations)
