"""The main-text extraction gate: OURS on html-de stays at or above its pinned floors."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest
from tests.eval.conftest import assert_meets_floors

pytestmark = pytest.mark.corpus


def test_html_extraction_meets_its_floors(corpus: Path, load: Callable[[str], ModuleType]) -> None:
    extraction = load("html_extraction")
    folder = corpus / "html-de"
    metrics = extraction.evaluate(folder, systems=("ours", "ours_clean"))
    assert_meets_floors(extraction.NAME, metrics, extraction.gold_hash(folder))
