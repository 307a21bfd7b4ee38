"""Drift tests: docs/kb.md documents every entity field, form key and kind."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.kb.model import KINDS, Entity, Extension, Form

DOC = (Path(__file__).resolve().parents[2] / "docs" / "kb.md").read_text("utf-8")


@pytest.mark.parametrize("field", sorted(Entity.model_fields))
def test_every_entity_field_is_documented(field: str) -> None:
    assert f"`{field}`" in DOC


@pytest.mark.parametrize("field", sorted(Form.model_fields))
def test_every_form_key_is_documented(field: str) -> None:
    assert f"`{field}`" in DOC


@pytest.mark.parametrize("field", sorted(set(Extension.model_fields) - {"extend"}))
def test_every_extension_field_is_documented(field: str) -> None:
    assert f"`{field}`" in DOC


@pytest.mark.parametrize("kind", sorted(k for kinds in KINDS.values() for k in kinds))
def test_every_kind_is_documented(kind: str) -> None:
    assert f" {kind} " in DOC or f" {kind}`" in DOC or f"`{kind} " in DOC
