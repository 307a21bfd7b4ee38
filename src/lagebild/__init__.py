"""lagebild: a source-attributed, time-resolved knowledge base from conflict reporting."""

from __future__ import annotations

import typing

from lagebild.api import analyze, analyze_document, assessment_threads, pipeline_for
from lagebild.config import Config, load_config
from lagebild.errors import ConfigError, LagebildError, ReadError, StageError, StoreError
from lagebild.pipeline import Pipeline, build_pipeline, register_stage
from lagebild.records import (
    Assessment,
    Claim,
    Document,
    Entity,
    Event,
    Mention,
    Span,
    TimeExpression,
)

if typing.TYPE_CHECKING:
    from lagebild.store import Store

__version__ = "0.1.0"


def __getattr__(name: str) -> typing.Any:
    """``lagebild.Store`` on first use: the database layer (SQLAlchemy) stays out of a
    plain ``analyze``, whose start-up time counts."""
    if name == "Store":
        from lagebild.store import Store

        return Store
    raise AttributeError(f"module 'lagebild' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted([*globals(), "Store"])


__all__ = [
    "Assessment",
    "Claim",
    "Config",
    "ConfigError",
    "Document",
    "Entity",
    "Event",
    "LagebildError",
    "Mention",
    "Pipeline",
    "ReadError",
    "Span",
    "StageError",
    "Store",
    "StoreError",
    "TimeExpression",
    "__version__",
    "analyze",
    "analyze_document",
    "assessment_threads",
    "build_pipeline",
    "load_config",
    "pipeline_for",
    "register_stage",
]
