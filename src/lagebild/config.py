"""One validated configuration, loaded from TOML and merged over the defaults."""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from lagebild.errors import ConfigError

CONFIG_ENV = "LAGEBILD_CONFIG"


@dataclass(frozen=True)
class ReadOptions:
    """Limits that keep reading bounded in memory."""

    max_document_chars: int = 2_000_000
    max_file_bytes: int = 100_000_000


@dataclass(frozen=True)
class Config:
    """The whole configuration: which stages run, their options, reader limits."""

    stages: tuple[str, ...]
    stage_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    read: ReadOptions = field(default_factory=ReadOptions)


def default_table() -> dict[str, Any]:
    text = resources.files("lagebild").joinpath("default.toml").read_text("utf-8")
    return tomllib.loads(text)


def load_config(path: str | Path | None = None) -> Config:
    """Load the default config, merge ``path`` (or ``$LAGEBILD_CONFIG``) over it, validate."""
    table = default_table()
    chosen = path or os.environ.get(CONFIG_ENV)
    if chosen:
        table = merge(table, _read_toml(Path(chosen)))
    return from_table(table)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text("utf-8"))
    except OSError as error:
        raise ConfigError(f"cannot read config {path}: {error.strerror or error}") from error
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"config {path} is not valid TOML: {error}") from error


def merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Merge ``override`` into a copy of ``base``: tables merge recursively, other values replace."""
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def from_table(table: dict[str, Any]) -> Config:
    """Validate a parsed TOML table and turn it into a Config."""
    unknown = sorted(set(table) - {"pipeline", "read", "stage"})
    if unknown:
        raise ConfigError(f"unknown config sections: {unknown}; known: pipeline, read, stage")
    stages = table.get("pipeline", {}).get("stages", [])
    if not isinstance(stages, list) or not all(isinstance(name, str) for name in stages):
        raise ConfigError("[pipeline] stages must be a list of stage names")
    options = table.get("stage", {})
    if not isinstance(options, dict) or not all(isinstance(v, dict) for v in options.values()):
        raise ConfigError('[stage."NAME"] sections must be tables of options')
    return Config(tuple(stages), options, _read_options(table.get("read", {})))


def _read_options(table: dict[str, Any]) -> ReadOptions:
    try:
        options = ReadOptions(**table)
    except TypeError as error:
        raise ConfigError(f"bad [read] option: {error}") from error
    if options.max_document_chars < 1000 or options.max_file_bytes < 1:
        raise ConfigError("[read] limits must be positive (max_document_chars at least 1000)")
    return options
