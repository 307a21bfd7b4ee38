"""The HTML reader: main text, metadata, dates found in the page only, encodings, bad pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import trafilatura

from lagebild.config import ReadOptions
from lagebild.read import Skip, read_source
from lagebild.read import html as html_reader
from lagebild.records import Document

PARAGRAPHS = [
    "Die ukrainische Luftabwehr hat in der Nacht nach eigenen Angaben 23 von 27 Drohnen "
    "abgeschossen, die über dem Süden des Landes unterwegs waren.",
    "Der Gouverneur der Region Odessa sprach von Schäden an einem Getreidespeicher im Hafen; "
    "Verletzte habe es nicht gegeben, teilte er am Morgen mit.",
    "Unabhängig überprüfen ließen sich die Angaben zunächst nicht. Russland äußerte sich "
    "nicht zu den Angriffen auf die Hafenanlagen an der Schwarzmeerküste.",
]


def page(
    *,
    head: str = "",
    lead: str = "",
    paragraphs: list[str] = PARAGRAPHS,
    comments: str = "",
) -> str:
    body = "".join(f"<p>{text}</p>\n" for text in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Drohnen über Odessa | Beispielblatt</title>
{head}</head>
<body>
<header><nav><a href="/">Start</a> <a href="/politik">Politik</a> <a href="/abo">Abo</a></nav></header>
<main><article><h1>Drohnen über Odessa</h1>
{lead}
{body}
</article>{comments}</main>
<footer><p>Impressum · Datenschutz · Kontakt</p></footer>
</body></html>"""


def read_page(tmp_path: Path, html: str | bytes, name: str = "seite.html") -> list[Document | Skip]:
    path = tmp_path / name
    path.write_bytes(html.encode("utf-8") if isinstance(html, str) else html)
    return list(read_source(path))


def only_document(tmp_path: Path, html: str | bytes, name: str = "seite.html") -> Document:
    [item] = read_page(tmp_path, html, name)
    assert isinstance(item, Document), item
    return item


def test_main_text_without_navigation(tmp_path: Path) -> None:
    document = only_document(tmp_path, page())
    assert all(paragraph in document.raw_text for paragraph in PARAGRAPHS)
    assert "Impressum" not in document.raw_text and "Abo" not in document.raw_text
    assert document.metadata["reader"] == "html"


def test_title_author_url(tmp_path: Path) -> None:
    head = (
        '<meta name="author" content="Erika Beispiel">'
        '<link rel="canonical" href="https://example.org/odessa">'
    )
    document = only_document(tmp_path, page(head=head))
    assert (document.title, document.author, document.url) == (
        "Drohnen über Odessa",
        "Erika Beispiel",
        "https://example.org/odessa",
    )


def test_date_from_markup(tmp_path: Path) -> None:
    head = '<meta property="article:published_time" content="2024-04-14T23:30:00-05:00">'
    document = only_document(tmp_path, page(head=head))
    assert (document.published, document.metadata["date_source"]) == (date(2024, 4, 14), "markup")


def test_page_without_a_date_has_none(tmp_path: Path) -> None:
    document = only_document(tmp_path, page())
    assert document.published is None and "date_source" not in document.metadata


def test_date_written_in_the_page_text(tmp_path: Path) -> None:
    lead = '<p class="byline">Von Erika Beispiel, 14. April 2024</p>'
    assert only_document(tmp_path, page(lead=lead)).published == date(2024, 4, 14)


def test_extensive_date_not_written_in_the_page_is_rejected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def crawl_date(html: str, **options: object) -> str | None:
        return "2015-01-01" if options["extensive_search"] else None

    monkeypatch.setattr(html_reader, "find_date", crawl_date)
    assert only_document(tmp_path, page()).published is None


@pytest.mark.parametrize(
    ("day", "html"),
    [
        (date(2024, 4, 3), "am 03.04.2024 um 10 Uhr"),
        (date(2024, 4, 3), "3. April 2024"),
        (date(2024, 4, 3), "April 3rd, 2024"),
        (date(2024, 4, 3), 'datetime="2024-04-03T10:00"'),
        (date(2024, 4, 3), "/2024/04/03/artikel"),
    ],
)
def test_written_in(day: date, html: str) -> None:
    assert html_reader.written_in(day, html)


@pytest.mark.parametrize("html", ["2024-04-30", "13.04.2024", "© 2024", "/web/20240403101500/"])
def test_not_written_in(html: str) -> None:
    assert not html_reader.written_in(date(2024, 4, 3), html)


def test_lead_dropped_as_teaser_is_recovered(tmp_path: Path) -> None:
    lead_text = (
        "Nach den Angriffen auf Odessa fordert die Ukraine mehr Flugabwehr – der Hafen "
        "bleibt vorerst geöffnet, teilte die Verwaltung mit."
    )
    head = f'<meta name="description" content="{lead_text}">'
    lead = f'<div class="teaser"><p>{lead_text}</p></div>'
    document = only_document(tmp_path, page(head=head, lead=lead))
    assert document.raw_text.startswith(lead_text + "\n\n")
    assert document.metadata["lead_recovered"] is True


def test_description_not_visible_in_the_page_is_not_added(tmp_path: Path) -> None:
    head = (
        '<meta name="description" content="Suchmaschinentext, der nirgends auf der Seite steht.">'
    )
    document = only_document(tmp_path, page(head=head))
    assert "Suchmaschinentext" not in document.raw_text


def test_reader_comments_are_not_main_text(tmp_path: Path) -> None:
    comments = (
        '<section id="comments" class="comments"><h2>Kommentare</h2>'
        '<div class="comment"><p>Leser123 schreibt: Das glaube ich alles nicht, '
        "das ist doch Propaganda von allen Seiten und niemand sagt die Wahrheit.</p></div></section>"
    )
    assert "Leser123" not in only_document(tmp_path, page(comments=comments)).raw_text


def test_latin1_page_with_meta_charset(tmp_path: Path) -> None:
    html = page().replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    document = only_document(tmp_path, html.encode("cp1252"))
    assert PARAGRAPHS[1] in document.raw_text
    assert document.metadata["encoding"] == "cp1252"


def test_utf8_page_declared_latin1_is_read_as_utf8(tmp_path: Path) -> None:
    html = page().replace('<meta charset="utf-8">', '<meta charset="ISO-8859-1">')
    document = only_document(tmp_path, html)
    assert PARAGRAPHS[1] in document.raw_text
    assert (document.metadata["encoding"], document.metadata["declared_encoding"]) == (
        "utf-8",
        "cp1252",
    )


def test_page_without_charset_is_detected(tmp_path: Path) -> None:
    html = page().replace('<meta charset="utf-8">', "")
    document = only_document(tmp_path, html.encode("cp1252"))
    assert (PARAGRAPHS[2] in document.raw_text, document.metadata["encoding"]) == (True, "latin-1")


def test_utf16_page_with_bom(tmp_path: Path) -> None:
    assert PARAGRAPHS[0] in only_document(tmp_path, page().encode("utf-16")).raw_text


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><p>Die Brücke bei Cherson ist seit dem Morgen gesperrt, meldet die Armee.",
        "<html><body><div><p>Kämpfe bei Bachmut dauern an, sagt der Generalstab.</div></span></html>",
        "<p>Ohne html-Element: Gefechte im Osten, meldet die Armee am Abend.<p>Zweiter Absatz",
        '<html><body><p title="unclosed>Die Lage bleibt angespannt, heißt es aus Kiew.</p>',
    ],
)
def test_malformed_html_does_not_crash(tmp_path: Path, html: str) -> None:
    [item] = read_page(tmp_path, html)
    assert isinstance(item, Document | Skip)
    if isinstance(item, Skip):
        assert item.reason == "no main text found in HTML"


def test_unclosed_markup_still_gives_its_text(tmp_path: Path) -> None:
    html = "<html><body><article><p>Die Brücke bei Cherson ist gesperrt, meldet die Armee.<p>Mehr"
    assert "Brücke bei Cherson" in only_document(tmp_path, html).raw_text


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Leer</title></head><body></body></html>",
        "<html><body><script>x()</script>",
    ],
)
def test_page_without_text_is_skipped(tmp_path: Path, html: str) -> None:
    assert read_page(tmp_path, html) == [
        Skip(str(tmp_path / "seite.html"), "no main text found in HTML")
    ]


@pytest.mark.parametrize("data", [b"", b"  \n\t"])
def test_empty_html_is_skipped(tmp_path: Path, data: bytes) -> None:
    assert read_page(tmp_path, data) == [Skip(str(tmp_path / "seite.html"), "empty file")]


def test_binary_html_is_skipped(tmp_path: Path) -> None:
    assert read_page(tmp_path, b"\x1f\x8b\x08\x00gzipped page") == [
        Skip(str(tmp_path / "seite.html"), "binary file (gzip), not text")
    ]


def test_html_over_max_file_bytes_is_skipped_with_its_size(tmp_path: Path) -> None:
    path = tmp_path / "gross.html"
    path.write_text(page(), "utf-8")
    size = path.stat().st_size
    [skip] = list(read_source(path, ReadOptions(max_file_bytes=500)))
    assert skip == Skip(
        str(path), f"file too large for the HTML reader ({size:,} bytes; max_file_bytes is 500)"
    )


def test_extraction_failure_is_a_skip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(html: str, **options: object) -> str:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(trafilatura, "extract", broken)
    [skip] = read_page(tmp_path, page())
    assert isinstance(skip, Skip) and skip.reason.startswith(
        "HTML extraction failed: RecursionError"
    )


def test_long_page_is_split(tmp_path: Path) -> None:
    path = tmp_path / "lang.html"
    path.write_text(page(paragraphs=PARAGRAPHS * 30), "utf-8")
    parts = list(read_source(path, ReadOptions(max_document_chars=2000)))
    assert len(parts) > 2 and all(isinstance(part, Document) for part in parts)
    assert all(part.title == "Drohnen über Odessa" for part in parts if isinstance(part, Document))
