"""Shared fixtures: the real corpus beside the checkout, skipped with a reason when absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path(os.environ.get("LAGEBILD_CORPUS", ROOT.parent / "shared" / "corpus"))


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The shared corpus folder; tests that need it skip when it is not beside the clone."""
    if not CORPUS.is_dir():
        pytest.skip(f"real corpus not found at {CORPUS} (set LAGEBILD_CORPUS to its path)")
    return CORPUS


@pytest.fixture(scope="session")
def seed_path(corpus: Path) -> Path:
    return corpus / "seed" / "isw-update-301-de.txt"
