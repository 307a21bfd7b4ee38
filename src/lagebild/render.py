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

from lagebild.records import Document

EXCERPT_CHARS = 240


def _plain(value: object) -> Text:
    """Document-derived text, control characters replaced, markup never interpreted."""
    text = "" if value is None else str(value)
    return Text("".join(c if c.isprintable() or c in "\n\t" else "\ufffd" for c in text))


def document_view(document: Document) -> Group:
    """A summary of an analysed document: metadata, removed debris, counts, entities."""
    return Group(_header(document), _removed_table(document), _counts_table(document))


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
