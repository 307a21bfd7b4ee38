"""Human-readable, coloured terminal views of documents, search hits and store statistics.

Untrusted document text is printed through ``rich.text.Text``, never parsed as
console markup, so a document cannot inject styles or escape sequences.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from lagebild.records import AssessmentThread, Document

EXCERPT_CHARS = 240


def _plain(value: object) -> Text:
    """Document-derived text, control characters replaced, markup never interpreted."""
    text = "" if value is None else str(value)
    return Text("".join(c if c.isprintable() or c in "\n\t" else "\ufffd" for c in text))


#: Rows shown per record table in the terminal view (the JSON format has them all).
SHOWN_ROWS = 25


def document_view(document: Document) -> Group:
    """A summary of an analysed document: metadata, removed debris, counts, entities,
    time expressions and claims."""
    parts: list[Panel | Table] = [
        _header(document),
        _removed_table(document),
        _counts_table(document),
    ]
    if document.entities:
        parts.append(_entities_table(document))
    if document.times:
        parts.append(_times_table(document))
    if document.claims:
        parts.append(_claims_table(document))
    return Group(*parts)


def _entities_table(document: Document) -> Table:
    rows = [
        (
            e.type.value,
            e.id,
            e.name,
            len(e.mentions),
            f"{e.geo.lat:.2f}, {e.geo.lon:.2f}" if e.geo else "",
        )
        for e in sorted(document.entities, key=lambda e: -len(e.mentions))[:SHOWN_ROWS]
    ]
    return rows_table(
        _shown("Entities", document.entities), ("type", "id", "name", "mentions", "lat, lon"), rows
    )


def _times_table(document: Document) -> Table:
    rows = [
        (t.text, t.type, t.value or "?", t.precision, t.anchor_source or "")
        for t in document.times[:SHOWN_ROWS]
    ]
    return rows_table(
        _shown("Times", document.times), ("text", "type", "value", "precision", "anchor"), rows
    )


def _claims_table(document: Document) -> Table:
    table = Table(title=_shown("Claims", document.claims), title_justify="left")
    table.add_column("speaker", max_width=22)
    for column in ("cue", "mode", "date", "stance"):
        table.add_column(column, no_wrap=True)
    table.add_column("content", ratio=1, min_width=20)
    for claim in document.claims[:SHOWN_ROWS]:
        values = (
            claim.speaker or "?",
            claim.cue or "",
            claim.mode,
            claim.date or "?",
            claim.stance,
        )
        table.add_row(*(_plain(v) for v in values), _plain(claim.content[:160]))
    return table


def _shown(title: str, items: list[Any]) -> str:
    extra = f", first {SHOWN_ROWS}" if len(items) > SHOWN_ROWS else ""
    return f"{title} ({len(items)}{extra})"


def _header(document: Document) -> Panel:
    meta = Table.grid(padding=(0, 2))
    for label, value in (
        ("id", document.id[:16]),
        ("source", document.source),
        ("language", document.language or "?"),
        ("published", document.published.isoformat() if document.published else "unknown"),
        ("characters", f"{len(document.text):,} clean / {len(document.raw_text):,} raw"),
        ("stages", ", ".join(document.stages)),
    ):
        meta.add_row(Text(label, style="bold cyan"), _plain(value))
    excerpt = _plain(
        document.text[:EXCERPT_CHARS] + ("…" if len(document.text) > EXCERPT_CHARS else "")
    )
    title = _plain(document.title or "(untitled)")
    title.stylize("bold")
    return Panel(Group(meta, Text(""), excerpt), title=title, title_align="left")


def _removed_table(document: Document) -> Table:
    table = Table(title=f"Removed debris ({len(document.removed)})", title_justify="left")
    table.add_column("raw offsets", style="dim")
    table.add_column("reason", style="yellow")
    table.add_column("text")
    for removal in document.removed:
        snippet = removal.text.replace("\n", " ⏎ ")
        table.add_row(f"{removal.start}–{removal.end}", removal.reason, _plain(snippet[:80]))
    return table


def _counts_table(document: Document) -> Table:
    table = Table(title="Extracted", title_justify="left")
    for column in ("sentences", "entities", "times", "claims", "assessments", "events"):
        table.add_column(column, justify="right")
    table.add_row(
        *(
            str(len(getattr(document, name)))
            for name in ("sentences", "entities", "times", "claims", "assessments", "events")
        )
    )
    return table


def rows_table(title: str, columns: Iterable[str], rows: Iterable[Iterable[object]]) -> Table:
    """A plain table of untrusted values."""
    table = Table(title=title, title_justify="left")
    for index, column in enumerate(columns):
        table.add_column(column, no_wrap=index == 0)
    for row in rows:
        table.add_row(*(_plain(value) for value in row))
    return table


def thread_table(thread: AssessmentThread) -> Table:
    """One assessment thread: who judges what, and its dated history, oldest first."""
    changed = ", ".join(f"{c.previous} → {c.band} ({c.published or '?'})" for c in thread.changes)
    title = Text(f"{thread.assessor or '?'}: ", style="bold")
    title.append_text(_plain(thread.proposition[:EXCERPT_CHARS]))
    title.append(
        f"  [{thread.reports} reports" + (f"; band changed {changed}]" if changed else "]")
    )
    table = Table(title=title, title_justify="left")
    for column in ("date", "band", "phrase", "continuity", "proposition", "document"):
        table.add_column(column, no_wrap=column in ("date", "document"))
    for entry in thread.history:
        table.add_row(
            _plain(entry.published or "?"),
            _plain(entry.band or "—"),
            _plain(entry.phrase or "—"),
            _plain(entry.continuity or "—"),
            _plain(entry.proposition[:120]),
            _plain(entry.document_id[:12]),
        )
    return table


def mapping_table(title: str, values: Mapping[str, Any]) -> Table:
    """A two-column table of a statistics mapping; nested mappings are flattened."""
    table = Table(title=title, title_justify="left", show_header=False)
    table.add_column(style="bold cyan")
    table.add_column()
    for key, value in values.items():
        if isinstance(value, Mapping):
            value = ", ".join(f"{k}: {v}" for k, v in value.items()) or "—"
        table.add_row(key, _plain(value))
    return table


def console(stderr: bool = False) -> Console:
    """A console that colours only a terminal and never emits markup from data."""
    return Console(stderr=stderr, highlight=False, soft_wrap=False)
