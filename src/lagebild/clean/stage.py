"""The cleaning stage: ``lagebild.clean.v1``."""

from __future__ import annotations

from collections.abc import Sequence

from lagebild.clean.core import clean_text
from lagebild.clean.patterns import load_rules
from lagebild.pipeline import Stage, register_stage
from lagebild.records import Document


@register_stage("lagebild.clean.v1", requires=["raw_text"], assigns=["text", "removed", "offsets"])
def make_clean(extra_patterns: Sequence[str] = (), pattern_files: Sequence[str] = ()) -> Stage:
    """Remove scraping debris (embed-consent blocks, share bars, credits) and keep offsets."""
    patterns, files = tuple(extra_patterns), tuple(pattern_files)
    load_rules(files, patterns)  # a bad pattern fails when the pipeline is built

    def clean(document: Document) -> Document:
        result = clean_text(document.raw_text, patterns, files)
        document.text = result.text
        document.removed = result.removed
        document.offsets = result.offsets
        return document

    return clean
