"""Shared reader types."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from lagebild.records import Document


@dataclass(frozen=True)
class Skip:
    """A source that was not turned into a document, and the reason a user can read."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


def document_from_text(
    text: str,
    source: str = "<text>",
    *,
    title: str | None = None,
    published: date | None = None,
    metadata: dict[str, Any] | None = None,
) -> Document:
    """A Document around a string, with its content-hash id set."""
    document = Document(
        source=source, title=title, published=published, raw_text=text, metadata=metadata or {}
    )
    return document.finalise_id()
