"""Placeholder cleaner: keeps everything (the real one lands with issue #2)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from lagebild.records import OffsetMap, Removal, Segment


@dataclass(frozen=True)
class CleanResult:
    text: str
    removed: list[Removal] = field(default_factory=list)
    offsets: OffsetMap = field(default_factory=OffsetMap)


def clean_text(raw: str, extra_patterns: Sequence[str] = ()) -> CleanResult:
    """Return the clean text, the removed spans and the clean→raw offset map."""
    return CleanResult(raw, [], OffsetMap(segments=[Segment(clean_start=0, raw_start=0, length=len(raw))]))
