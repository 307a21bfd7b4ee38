"""The terminal view: record tables, and untrusted text never parsed as markup."""

from __future__ import annotations

from datetime import date

from rich.console import Console

import lagebild
from lagebild.records import Document
from lagebild.render import document_view


def _rendered(text: str) -> str:
    document = Document(raw_text=text, language="de", published=date(2022, 12, 20))
    console = Console(width=160, record=True, color_system=None)
    console.print(document_view(lagebild.analyze_document(document)))
    return console.export_text()


def test_view_lists_times_and_claims() -> None:
    shown = _rendered("Putin sagte am 19. Dezember, Belarus sei sicher.")
    assert "Times (1)" in shown and "Claims (1)" in shown
    assert "2022-12-19" in shown


def test_markup_in_claim_content_is_printed_verbatim() -> None:
    shown = _rendered("Putin sagte, der Plan [bold red]sei[/bold red] fertig.")
    assert "[bold red]sei[/bold red]" in shown
