"""The cleaning stage: ``lagebild.clean.v1``."""

from __future__ import annotations

from collections.abc import Sequence

from lagebild.clean.core import clean_text
from lagebild.pipeline import Stage, register_stage
from lagebild.records import Document


@register_stage(
    "lagebild.clean.v1", requires=["raw_text"], assigns=["text", "removed", "offsets"]
)
def make_clean(extra_patterns: Sequence[str] = ()) -> Stage:
    """Remove scraping debris (embed-consent blocks, share bars, credits) and keep offsets."""
    patterns = tuple(extra_patterns)

    def clean(document: Document) -> Document:
        result = clean_text(document.raw_text, patterns)
        document.text = result.text
        document.removed = result.removed
        document.offsets = result.offsets
        return document

    return clean
