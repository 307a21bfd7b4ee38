"""Evaluation gates load the scripts in eval/ by path (eval/ is not a package)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from types import ModuleType

import pytest

EVAL = Path(__file__).resolve().parents[2] / "eval"


def load_eval(name: str) -> ModuleType:
    """The module ``eval/<name>.py``, loaded once."""
    module_name = f"lagebild_eval_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, EVAL / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # dataclasses look their module up while it executes
    spec.loader.exec_module(module)
    return module


def assert_meets_floors(
    name: str, measured: Mapping[str, float], gold_hash: str, exact: bool = False
) -> None:
    """Fail with every regression when ``measured`` falls below the floors pinned for
    evaluation ``name``; ``exact``: the measured metrics are exactly the pinned ones."""
    gate = load_eval("gate")
    if exact:
        assert set(measured) == set(gate.load_floor(name)["metrics"])
    violations = gate.check(name, measured, gold_hash)
    assert violations == [], "; ".join(str(violation) for violation in violations)


@pytest.fixture
def load() -> Callable[[str], ModuleType]:
    return load_eval
