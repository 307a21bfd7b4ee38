"""lagebild: a source-attributed, time-resolved knowledge base from conflict reporting."""

from __future__ import annotations

from lagebild.api import analyze, analyze_document
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

__version__ = "0.1.0"

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
    "StoreError",
    "TimeExpression",
    "__version__",
    "analyze",
    "analyze_document",
    "build_pipeline",
    "load_config",
    "register_stage",
]
