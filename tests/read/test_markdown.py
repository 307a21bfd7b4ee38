"""The Markdown reader: front matter fields, malformed front matter, syntax conversion."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lagebild.config import ReadOptions
from lagebild.read import Skip, read_source
from lagebild.read.markdown import convert_stream
from lagebild.records import Document

BODY = "Russische Truppen griffen am Morgen Charkiw an.\n\nDer Gouverneur meldete zwei Verletzte.\n"


def read_markdown(tmp_path: Path, text: str, name: str = "bericht.md") -> list[Document | Skip]:
    path = tmp_path / name
    path.write_text(text, "utf-8")
    return list(read_source(path))


def only_document(tmp_path: Path, text: str, name: str = "bericht.md") -> Document:
    [item] = read_markdown(tmp_path, text, name)
    assert isinstance(item, Document), item
    return item


def test_front_matter_fields(tmp_path: Path) -> None:
    document = only_document(
        tmp_path,
        "---\ntitle: '  Lage am Morgen  '\nauthor: Redaktion\nurl: https://example.org/a\n"
        f"date: 2024-04-14 09:00:00 +0200\ncategories: ticker\n---\n{BODY}",
    )
    assert (document.title, document.author, document.url) == (
        "Lage am Morgen",
        "Redaktion",
        "https://example.org/a",
    )
    assert document.published == date(2024, 4, 14)
    assert document.metadata["categories"] == "ticker"
    assert document.raw_text == BODY


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2022-02-18 12:00:00 +0800", date(2022, 2, 18)),
        ("Sun, 14 Apr 2024 09:00:00 +0200", date(2024, 4, 14)),
        ("Wed, 03 Apr 2024 15 00 00 +0200", date(2024, 4, 3)),
        ("2022-02-18 23:30:00 -0500", date(2022, 2, 18)),
        ("'14.04.2024'", date(2024, 4, 14)),
    ],
)
def test_front_matter_date_formats(tmp_path: Path, written: str, expected: date) -> None:
    document = only_document(tmp_path, f"---\ndate: {written}\n---\n{BODY}")
    assert (document.published, document.metadata["date_source"]) == (expected, "front matter")


def test_unparsable_date_is_kept_in_metadata(tmp_path: Path) -> None:
    document = only_document(tmp_path, f"---\ndate: irgendwann\n---\n{BODY}")
    assert (document.published, document.metadata["date_unparsed"]) == (None, "irgendwann")


def test_file_name_date_when_front_matter_has_none(tmp_path: Path) -> None:
    document = only_document(tmp_path, f"---\ntitle: x\n---\n{BODY}", "2024-05-01-lage.md")
    assert (document.published, document.metadata["date_source"]) == (date(2024, 5, 1), "file name")


def test_link_key_is_the_url(tmp_path: Path) -> None:
    assert only_document(tmp_path, f"---\nlink: https://example.org/b\n---\n{BODY}").url == (
        "https://example.org/b"
    )


def test_author_list_is_joined(tmp_path: Path) -> None:
    document = only_document(tmp_path, f"---\nauthor: [A. Muster, B. Beispiel]\n---\n{BODY}")
    assert document.author == "A. Muster, B. Beispiel"


def test_malformed_front_matter_keeps_the_document(tmp_path: Path) -> None:
    document = only_document(
        tmp_path, f'---\ntitle: "Lage: "unklar"\ndate: 2024-04-14\n---\n{BODY}'
    )
    assert document.raw_text == BODY
    assert document.published == date(2024, 4, 14)
    assert document.metadata["front_matter_error"].startswith("invalid YAML front matter at line")


def test_unclosed_front_matter_is_read_as_text(tmp_path: Path) -> None:
    document = only_document(tmp_path, f"---\ntitle: offen\n{BODY}")
    assert "title: offen" in document.raw_text and BODY.strip() in document.raw_text
    assert "not closed" in document.metadata["front_matter_error"]


def test_markdown_without_front_matter(tmp_path: Path) -> None:
    document = only_document(tmp_path, f"# Lage\n\n{BODY}")
    assert document.raw_text == f"Lage\n\n{BODY}"
    assert document.title is None


def test_front_matter_only_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "leer.md"
    assert read_markdown(tmp_path, "---\ntitle: x\n---\n\n  \n", "leer.md") == [
        Skip(str(path), "no text after the front matter")
    ]


def test_first_link_gives_the_url_of_a_link_post(tmp_path: Path) -> None:
    document = only_document(
        tmp_path, f"---\ntitle: x\n---\n[Flut in Orsk](https://example.org/orsk)\n\n{BODY}"
    )
    assert (document.url, document.metadata["url_source"]) == (
        "https://example.org/orsk",
        "first link",
    )
    assert document.raw_text.startswith("Flut in Orsk\n\n")


def test_front_matter_url_beats_the_first_link(tmp_path: Path) -> None:
    text = f"---\nurl: https://example.org/a\n---\n[x](https://example.org/b)\n{BODY}"
    assert only_document(tmp_path, text).url == "https://example.org/a"


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("### Key Events\n", "Key Events\n"),
        ("## Titel ##\n", "Titel\n"),
        ("![Bild: Panzer](https://example.org/p.jpg)\nText\n", "Text\n"),
        ('Siehe [den Bericht](https://example.org/r "Titel") dazu.\n', "Siehe den Bericht dazu.\n"),
        ("[Wiki](https://de.wikipedia.org/wiki/Charkiw_(Stadt)) sagt\n", "Wiki sagt\n"),
        ("[![Logo](a.png)](https://example.org)\nText\n", "Text\n"),
        ("Ein [Verweis][1] hier.\n\n[1]: https://example.org\n", "Ein Verweis hier.\n\n"),
        ("> Zitat des Sprechers\n> zweite Zeile\n", "Zitat des Sprechers\nzweite Zeile\n"),
        (
            "Das ist **wichtig** und *betont* und __fett__.\n",
            "Das ist wichtig und betont und fett.\n",
        ),
        ("Variable snake_case_name bleibt.\n", "Variable snake_case_name bleibt.\n"),
        ("2 * 3 * 4 bleibt\n", "2 * 3 * 4 bleibt\n"),
        ("Code `x = 1` im Satz\n", "Code x = 1 im Satz\n"),
        ("```python\nprint(1)\n```\n", "print(1)\n\n"),
        ("Absatz\n\n---\n\nAbsatz\n", "Absatz\n\nAbsatz\n"),
        ("<excerpt/>\nText\n", "Text\n"),
        ('Text\n<div class="x"></div>\n', "Text\n\n"),
        ("Eins\n\n\n\n\nZwei\n", "Eins\n\nZwei\n"),
        ("\\*kein Stern\\* und \\[Klammer\\]\n", "*kein Stern* und [Klammer]\n"),
        ("Link <https://example.org/x> im Text\n", "Link https://example.org/x im Text\n"),
        ("- Punkt eins\n- Punkt zwei\n", "- Punkt eins\n- Punkt zwei\n"),
    ],
)
def test_syntax_conversion(markdown: str, text: str) -> None:
    assert "".join(convert_stream([markdown], 10_000)) == text


LINES = ["# Titel", "", "", "Satz mit **fett** und [Link](https://example.org/x).", "> Zitat",
         "![Bild](b.png)", "---", "<excerpt/>", "- Punkt", "Text ohne Markup, ganz normal.", "\n"]  # fmt: skip


@given(st.lists(st.sampled_from(LINES), max_size=60), st.data())
def test_conversion_does_not_depend_on_chunking(lines: list[str], data: st.DataObject) -> None:
    body = "\n".join(lines)
    cuts = sorted(data.draw(st.lists(st.integers(0, len(body)), max_size=8)))
    chunks = [body[start:end] for start, end in zip([0, *cuts], [*cuts, len(body)], strict=True)]
    assert "".join(convert_stream(chunks, 1000)) == "".join(convert_stream([body], 1000))


def test_long_markdown_is_split_with_front_matter_on_every_part(tmp_path: Path) -> None:
    path = tmp_path / "lang.md"
    path.write_text("---\ntitle: Lang\ndate: 2024-01-02\n---\n" + BODY * 200, "utf-8")
    parts = list(read_source(path, ReadOptions(max_document_chars=1000)))
    assert len(parts) > 5
    assert all(isinstance(p, Document) and p.title == "Lang" for p in parts)
    assert "".join(p.raw_text for p in parts if isinstance(p, Document)) == BODY * 200


def test_markdown_in_windows_1252(tmp_path: Path) -> None:
    path = tmp_path / "alt.md"
    path.write_bytes(f"---\ntitle: Grüße – Lage\n---\n{BODY}".encode("cp1252"))
    [document] = list(read_source(path))
    assert isinstance(document, Document)
    assert (document.title, document.metadata["encoding"]) == ("Grüße – Lage", "cp1252")


def test_binary_markdown_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "x.md"
    path.write_bytes(b"%PDF-1.5\n...")
    assert list(read_source(path)) == [Skip(str(path), "binary file (PDF), not text")]
