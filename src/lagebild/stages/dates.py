"""Dates a stage falls back on when a sentence names none: a ticker block's stamp, else
the document date.  The time stage records the blocks in ``metadata["time"]["blocks"]``."""

from __future__ import annotations

from lagebild.records import Document


def block_anchor(document: Document, offset: int) -> str | None:
    """The stamp of the ticker block that holds ``offset``, if the document has blocks."""
    blocks = document.metadata.get("time", {}).get("blocks", [])
    current = None
    for block in blocks:
        if block["start"] > offset:
            break
        current = block["anchor"]
    return current


def fallback_date(document: Document, offset: int) -> tuple[str | None, str]:
    """``(value, source)``: the block's stamp ("block"), the document date ("document")
    or nothing ("none")."""
    block = block_anchor(document, offset)
    if block:
        return block, "block"
    if document.published:
        return document.published.isoformat(), "document"
    return None, "none"
