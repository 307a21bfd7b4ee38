"""Loading and validating the TOML config."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.config import from_table, load_config, merge
from lagebild.errors import ConfigError


def test_default_config_names_the_builtin_stages() -> None:
    assert load_config().stages[0] == "lagebild.clean.v1"


def test_user_config_merges_over_defaults(tmp_path: Path) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[stage."lagebild.language.v1"]\nlanguages = ["de"]\n', "utf-8")
    config = load_config(path)
    assert config.stage_options["lagebild.language.v1"]["languages"] == ["de"]
    assert "lagebild.sentences.v1" in config.stages


def test_environment_variable_selects_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "c.toml"
    path.write_text('[pipeline]\nstages = ["lagebild.clean.v1"]\n', "utf-8")
    monkeypatch.setenv("LAGEBILD_CONFIG", str(path))
    assert load_config().stages == ("lagebild.clean.v1",)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[pipeline\n", "not valid TOML"),
        ("[colour]\nx = 1\n", "unknown config sections"),
        ('[pipeline]\nstages = "lagebild.clean.v1"\n', "must be a list"),
        ("[read]\nmax_document_chars = 5\n", "limits must be positive"),
        ("[read]\nspeed = 5\n", "bad \\[read\\] option"),
    ],
)
def test_invalid_config_is_reported(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "c.toml"
    path.write_text(content, "utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(path)


def test_missing_config_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="cannot read config"):
        load_config(tmp_path / "absent.toml")


def test_merge_replaces_lists_and_merges_tables() -> None:
    merged = merge({"a": {"x": [1], "y": 2}}, {"a": {"x": [3]}})
    assert merged == {"a": {"x": [3], "y": 2}}


def test_from_table_accepts_empty_table() -> None:
    assert from_table({}).stages == ()
