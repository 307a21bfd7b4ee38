"""The record model."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from lagebild.records import Analysis, Document, OffsetMap, Segment, Span, content_hash


def test_span_rejects_end_before_start() -> None:
    with pytest.raises(ValidationError, match="lies before start"):
        Span(start=5, end=2)


def test_records_reject_unknown_fields() -> None:
    with pytest.raises(ValidationError, match="colour"):
        Span(start=0, end=1, colour="red")  # type: ignore[call-arg]


def test_finalise_id_is_the_content_hash() -> None:
    document = Document(raw_text="abc").finalise_id()
    assert document.id == content_hash("abc") and len(document.id) == 64


def test_finalise_id_keeps_an_existing_id() -> None:
    assert Document(id="given", raw_text="abc").finalise_id().id == "given"


def test_analysis_has_every_contract_key() -> None:
    data = Analysis.of(Document(raw_text="x", text="x").finalise_id()).model_dump(mode="json")
    assert set(data) == {"document", "entities", "times", "claims", "assessments", "events"}
    assert {"id", "source", "title", "language", "published", "text", "removed"} <= set(
        data["document"]
    )


@given(
    st.lists(st.tuples(st.integers(0, 5), st.integers(1, 8)), min_size=1, max_size=6),
)
def test_offset_map_maps_each_clean_character_to_its_raw_source(
    gaps: list[tuple[int, int]],
) -> None:
    raw, clean, segments = "", "", []
    for gap, length in gaps:
        raw += "#" * gap
        piece = "".join(chr(97 + (len(clean) + i) % 26) for i in range(length))
        segments.append(Segment(clean_start=len(clean), raw_start=len(raw), length=length))
        raw, clean = raw + piece, clean + piece
    offsets = OffsetMap(segments=segments)
    assert all(raw[offsets.to_raw(i)] == clean[i] for i in range(len(clean)))
    assert offsets.to_raw(len(clean)) == len(raw)


def test_empty_offset_map_is_identity() -> None:
    assert OffsetMap().to_raw(7) == 7
