"""The plain-text reader: encodings, binary and empty files, streaming of large files."""

from __future__ import annotations

import hashlib
import tracemalloc
from datetime import date
from pathlib import Path

import pytest

from lagebild.config import ReadOptions
from lagebild.read import Skip, read_source
from lagebild.records import Document, content_hash

TEXT = "Die Lage in Cherson: „Wir halten die Stellung“, sagte der Kommandeur – Größe zählt.\n"


def read(path: Path, options: ReadOptions | None = None) -> list[Document | Skip]:
    return list(read_source(path, options))


def only_document(path: Path, options: ReadOptions | None = None) -> Document:
    [item] = read(path, options)
    assert isinstance(item, Document), item
    return item


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("encoding", "label"),
    [
        ("utf-8", "utf-8"),
        ("utf-8-sig", "utf-8-sig"),
        ("utf-16", "utf-16"),
        ("utf-16-be", "utf-16-be"),
        ("cp1252", "cp1252"),
    ],
)
def test_encodings_are_detected_and_recorded(tmp_path: Path, encoding: str, label: str) -> None:
    document = only_document(write(tmp_path, "lage.txt", TEXT.encode(encoding)))
    assert (document.raw_text, document.metadata["encoding"]) == (TEXT, label)


def test_latin1_file(tmp_path: Path) -> None:
    text = "Grüße aus Köln. Die Brücke über den Fluß ist gesperrt.\n"
    document = only_document(write(tmp_path, "alt.txt", text.encode("latin-1")))
    assert (document.raw_text, document.metadata["encoding"]) == (text, "latin-1")


def test_windows_1252_file(tmp_path: Path) -> None:
    text = "Er sagte: „Es gibt keinen Rückzug“ – und ging.\r\nZweite Zeile.\r\n"
    document = only_document(write(tmp_path, "win.txt", text.encode("cp1252")))
    assert document.raw_text == "Er sagte: „Es gibt keinen Rückzug“ – und ging.\nZweite Zeile.\n"
    assert document.metadata["encoding"] == "cp1252"


def test_invalid_utf8_is_recovered_and_counted(tmp_path: Path) -> None:
    data = ("Grüße aus Kyjiw. " * 5).encode() + b"Der B\xfcrgermeister sprach.\n"
    document = only_document(write(tmp_path, "mixed.txt", data))
    assert document.raw_text.endswith("Der Bürgermeister sprach.\n")
    assert (document.metadata["encoding"], document.metadata["decode_errors"]) == ("utf-8", 1)


def test_valid_utf8_has_no_decode_errors(tmp_path: Path) -> None:
    assert "decode_errors" not in only_document(write(tmp_path, "a.txt", TEXT.encode())).metadata


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\n", "PDF"),
        (b"PK\x03\x04\x14\x00\x00\x00\x08\x00", "ZIP"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG"),
        (b"GIF89a\x10\x00\x10\x00", "GIF"),
        (b"\x7fELF\x02\x01\x01\x00\x00", "ELF"),
        (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", "gzip"),
        (b"Text\x00mit\x00Nullen", "contains NUL bytes"),
    ],
)
def test_binary_file_is_skipped_with_its_kind(tmp_path: Path, data: bytes, kind: str) -> None:
    assert read(write(tmp_path, "bericht.txt", data)) == [
        Skip(str(tmp_path / "bericht.txt"), f"binary file ({kind}), not text")
    ]


@pytest.mark.parametrize("data", [b"", b"   \n\n\t \r\n", "\ufeff \n".encode()])
def test_empty_or_blank_file_is_skipped(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, "leer.txt", data)
    assert read(path) == [Skip(str(path), "empty file")]


def test_newlines_are_normalised(tmp_path: Path) -> None:
    document = only_document(write(tmp_path, "crlf.txt", b"eins\r\nzwei\rdrei\n"))
    assert document.raw_text == "eins\nzwei\ndrei\n"


def test_id_is_the_content_hash(tmp_path: Path) -> None:
    document = only_document(write(tmp_path, "a.txt", TEXT.encode()))
    assert document.id == content_hash(document.raw_text)


def test_date_from_the_file_name(tmp_path: Path) -> None:
    document = only_document(write(tmp_path, "notiz-2026-03-19.txt", TEXT.encode()))
    assert (document.published, document.metadata["date_source"]) == (
        date(2026, 3, 19),
        "file name",
    )


def test_no_date_without_one_in_the_name(tmp_path: Path) -> None:
    assert only_document(write(tmp_path, "notiz.txt", TEXT.encode())).published is None


def test_long_text_is_split_at_paragraph_breaks(tmp_path: Path) -> None:
    paragraph = "Ein Absatz über die Lage im Donbas, mit einigen Sätzen. " * 8 + "\n\n"
    path = write(tmp_path, "lang.txt", (paragraph * 40).encode())
    parts = read(path, ReadOptions(max_document_chars=2000))
    assert all(isinstance(part, Document) for part in parts) and len(parts) > 5
    assert "".join(part.raw_text for part in parts if isinstance(part, Document)) == paragraph * 40
    assert all(part.raw_text.endswith("\n\n") for part in parts if isinstance(part, Document))


def test_parts_are_named_and_numbered(tmp_path: Path) -> None:
    path = write(tmp_path, "lang.txt", ("Satz eins. Satz zwei.\n\n" * 300).encode())
    parts = [
        item
        for item in read(path, ReadOptions(max_document_chars=1000))
        if isinstance(item, Document)
    ]
    assert [part.source for part in parts[:2]] == [f"{path}#part=1", f"{path}#part=2"]
    assert [part.metadata["part"] for part in parts] == list(range(1, len(parts) + 1))
    assert [part.metadata["last_part"] for part in parts] == [False] * (len(parts) - 1) + [True]
    assert {part.metadata["part_of"] for part in parts} == {str(path)}


def test_a_text_within_the_limit_is_one_document(tmp_path: Path) -> None:
    document = only_document(
        write(tmp_path, "kurz.txt", TEXT.encode()), ReadOptions(max_document_chars=1000)
    )
    assert (document.source, "part" in document.metadata) == (str(tmp_path / "kurz.txt"), False)


def test_50_mb_file_is_streamed_in_bounded_memory(tmp_path: Path) -> None:
    paragraph = (TEXT * 5 + "\n") * 1000
    path, digest = tmp_path / "gross.txt", hashlib.sha256()
    with path.open("w", encoding="utf-8") as file:
        while file.tell() < 50_000_000:
            file.write(paragraph)
            digest.update(paragraph.encode())
    limit = 100_000
    tracemalloc.start()
    try:
        parts, read_digest = 0, hashlib.sha256()
        for item in read_source(path, ReadOptions(max_document_chars=limit)):
            assert isinstance(item, Document) and len(item.raw_text) <= limit
            read_digest.update(item.raw_text.encode())
            parts += 1
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert read_digest.hexdigest() == digest.hexdigest()
    assert parts > 400
    assert peak < 3 * limit * 4, (
        f"peak {peak:,} bytes while reading a {path.stat().st_size:,}-byte file"
    )
