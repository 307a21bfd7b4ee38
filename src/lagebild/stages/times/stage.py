"""The time stage: ``lagebild.times.v1``.

Finds the document date (metadata, else the text's head; never the clock), cuts live
tickers into stamped blocks, and tags every time expression, resolved against its
block's stamp or the document date.  The date's source and precision and the blocks
go to ``metadata["time"]``; a date found in the text also fills ``published``.
"""

from __future__ import annotations

from lagebild.pipeline import Stage, register_stage
from lagebild.records import Document, TimeExpression
from lagebild.stages.times.docdate import document_date, ticker_blocks
from lagebild.stages.times.tagger import Found, tag
from lagebild.stages.times.values import Anchor, acled_precision, precision_of


@register_stage(
    "lagebild.times.v1",
    requires=["text", "language"],
    assigns=["times", "published", "metadata"],
)
def make_times(blocks: bool = True) -> Stage:
    """Tag and resolve the time expressions of German and English text."""

    def times(document: Document) -> Document:
        dated = document_date(document.published, document.text)
        document.published = dated.value
        anchor = Anchor(dated.value, source="document") if dated.value else None
        stamps = ticker_blocks(document.text, dated.value) if blocks else []
        found = tag(document.text, document.language or "en", anchor, stamps)
        document.times = [_record(document.text, item) for item in found]
        document.metadata["time"] = {
            "document_date": dated.value.isoformat() if dated.value else None,
            "source": dated.source,
            "precision": dated.precision,
            "offset": dated.offset,
            "blocks": [{"start": start, "anchor": block.iso()} for start, block in stamps],
        }
        return document

    return times


def _record(text: str, found: Found) -> TimeExpression:
    piece = found.piece
    precision = precision_of(piece.value)
    return TimeExpression(
        start=piece.start,
        end=piece.end,
        text=text[piece.start : piece.end],
        value=piece.value,
        type=piece.type,
        mod=piece.mod,
        precision=precision,
        time_precision=acled_precision(precision, piece.mod),
        anchor=found.anchor.iso() if found.anchor else None,
        anchor_source=found.anchor.source if found.anchor else None,
        direction=found.decision.direction if piece.directed else None,
        cue=found.decision.cue if piece.directed else None,
    )
