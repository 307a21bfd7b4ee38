"""A document's clean text cut into segments, each with the layers that cover it
(entities by type, times, claims, assessments, event triggers), like displaCy.

Layers overlap freely (a claim holds mentions, an assessment holds a claim), so the
text is cut at every span boundary and each piece carries the classes of every span
over it; the template only escapes and wraps.  Removed boilerplate is put back at the
clean offset where it was cut out, as hidden pieces the page can show.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field

from lagebild.records import Document, OffsetMap


@dataclass(frozen=True)
class Mark:
    """One highlighted span: its CSS class, a tooltip, an entity to link to."""

    start: int
    end: int
    css: str
    title: str
    entity_id: str | None = None


@dataclass(frozen=True)
class Piece:
    """A run of text under the same marks."""

    text: str
    classes: str
    title: str
    entity_id: str | None = None
    removed: bool = False
    anchor: str | None = None


@dataclass
class _Cuts:
    starts: dict[int, list[Mark]] = field(default_factory=lambda: defaultdict(list))
    ends: dict[int, list[Mark]] = field(default_factory=lambda: defaultdict(list))


def marks(document: Document) -> list[Mark]:
    """Every highlight of a document, in no particular order."""
    found = [
        Mark(m.start, m.end, f"ent ent-{e.type.value}", f"{e.name} · {e.type.value}", e.id)
        for e in document.entities
        for m in e.mentions
    ]
    found += [Mark(t.start, t.end, "time", f"time: {t.value or '?'}") for t in document.times]
    found += [
        Mark(c.start, c.end, "claim", f"claim by {c.speaker or '?'} ({c.mode}, {c.stance})")
        for c in document.claims
    ]
    for a in document.assessments:
        found.append(Mark(a.start, a.end, "assess", f"assessment: {a.label or a.category or '-'}"))
        if a.phrase_start is not None and a.phrase_end is not None:
            found.append(Mark(a.phrase_start, a.phrase_end, "assess-phrase", a.label or a.phrase))
    found += [
        Mark(e.trigger_start, e.trigger_end, "event", f"event {e.type} ({e.modality})")
        for e in document.events
        if e.trigger_start is not None and e.trigger_end is not None
    ]
    return [mark for mark in found if 0 <= mark.start < mark.end <= len(document.text)]


def pieces(document: Document, focus: tuple[int, int] | None = None) -> list[Piece]:
    """The text in pieces, removed boilerplate interleaved; ``focus`` marks evidence."""
    found = marks(document)
    if focus is not None:
        found.append(Mark(*focus, "focus", "evidence"))
    cuts = _Cuts()
    for mark in found:
        cuts.starts[mark.start].append(mark)
        cuts.ends[mark.end].append(mark)
    removed = _removed_at(document)
    bounds = sorted({0, len(document.text), *cuts.starts, *cuts.ends, *removed})
    active: dict[int, Mark] = {}
    out: list[Piece] = []
    for here, following in zip(bounds, [*bounds[1:], None], strict=True):
        out += [Piece(text, "removed", reason, removed=True) for text, reason in removed[here]]
        for mark in cuts.ends.get(here, []):
            active.pop(id(mark), None)
        for mark in cuts.starts.get(here, []):
            active[id(mark)] = mark
        if following is not None and following > here:
            anchor = "focus" if focus is not None and here == focus[0] else None
            out.append(_piece(document.text[here:following], list(active.values()), anchor))
    return out


def _piece(text: str, over: list[Mark], anchor: str | None) -> Piece:
    classes = " ".join(sorted({mark.css for mark in over}))
    title = " | ".join(dict.fromkeys(mark.title for mark in over))
    entity = next((mark.entity_id for mark in over if mark.entity_id), None)
    return Piece(text, classes, title, entity, anchor=anchor)


def _removed_at(document: Document) -> dict[int, list[tuple[str, str]]]:
    """Removed stretches by the clean offset where they stood."""
    at: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for removal in document.removed:
        clean = raw_to_clean(document.offsets, removal.start, len(document.text))
        at[clean].append((removal.text, f"removed: {removal.reason}"))
    return at


def raw_to_clean(offsets: OffsetMap, raw: int, length: int) -> int:
    """The clean offset at or after a raw offset (the end of the copied text before it)."""
    if not offsets.segments:
        return min(raw, length)
    raw_starts = [segment.raw_start for segment in offsets.segments]
    index = bisect_right(raw_starts, raw) - 1
    if index < 0:
        return 0
    segment = offsets.segments[index]
    return min(segment.clean_start + min(raw - segment.raw_start, segment.length), length)
