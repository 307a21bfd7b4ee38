"""Drift tests: every stage, CLI command and contract field is documented."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType

import pytest

import lagebild
from lagebild.cli import cli
from lagebild.pipeline import registry
from lagebild.schema import render_schema

DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.mark.parametrize("name", registry.names())
def test_every_registered_stage_is_documented(name: str) -> None:
    assert f"## `{name}`" in (DOCS / "stages.md").read_text("utf-8")


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_cli_command_is_documented(command: str) -> None:
    assert f"| `{command}" in (DOCS / "cli.md").read_text("utf-8")


def test_published_schema_matches_the_records() -> None:
    assert (DOCS / "schema.json").read_text("utf-8") == render_schema(), "run `make schema`"


def _properties(schema: dict[str, object]) -> set[str]:
    names: set[str] = set()
    for definition in [schema, *schema.get("$defs", {}).values()]:  # type: ignore[attr-defined]
        names |= set(definition.get("properties", {}))
    return names


@pytest.mark.parametrize("field", sorted(_properties(json.loads(render_schema()))))
def test_every_contract_field_is_documented(field: str) -> None:
    assert f"`{field}`" in (DOCS / "json-contract.md").read_text("utf-8") or (
        f"{field}`" in (DOCS / "json-contract.md").read_text("utf-8")
    )


def test_public_api_is_exactly_all() -> None:
    public = {
        name
        for name in dir(lagebild)
        if not name.startswith("_") and not isinstance(getattr(lagebild, name), ModuleType)
    }
    assert public - {"annotations"} == set(lagebild.__all__) - {"__version__"}
