"""Fixtures for the knowledge-base tests: the packaged KB and a writer for tiny YAML files."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from lagebild.kb import KnowledgeBase, build, load_kb

WriteKB = Callable[..., Path]

BELARUS = """
- id: place/belarus
  type: PLACE
  kind: country
  name: Belarus
  aliases: [Weißrussland]
"""


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture
def write_kb(tmp_path: Path) -> WriteKB:
    """Write dedented YAML to ``tmp_path/name`` and return the path."""

    def write(text: str, name: str = "kb.yaml") -> Path:
        path = tmp_path / name
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
        return path

    return write


@pytest.fixture
def build_tiny(write_kb: WriteKB) -> Callable[[str], KnowledgeBase]:
    """Build a KB from one tiny YAML text (without the packaged data)."""

    def make(text: str) -> KnowledgeBase:
        return build([write_kb(text)])

    return make
