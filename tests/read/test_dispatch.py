"""Choosing readers, walking directories, stdin, and files that cannot be read."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from lagebild.read import Skip, read_source, read_sources
from lagebild.read.dispatch import file_suffix, guarded
from lagebild.records import Document, content_hash

TEXT = "Die Lage im Osten bleibt angespannt, meldet der Generalstab am Abend.\n"
HTML = (
    "<!DOCTYPE html><html><head><title>Lage</title></head><body><article>"
    f"<p>{TEXT * 3}</p></article></body></html>"
)
MARKDOWN = f"---\ntitle: Lage\n---\n# Lage\n\n{TEXT}"
JSONL = json.dumps({"text": TEXT, "title": "Lage"}) + "\n"
FEED = (
    '<?xml version="1.0"?><rss version="2.0"><channel><title>Lage</title>'
    f"<item><title>Lage</title><description>{TEXT}</description></item></channel></rss>"
)


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return path


def reader_of(path: Path) -> str:
    [document] = list(read_source(path))
    assert isinstance(document, Document), document
    reader: str = document.metadata["reader"]
    return reader


@pytest.mark.parametrize(
    ("name", "content", "reader"),
    [
        ("lage.txt", TEXT, "text"),
        ("lage.text", TEXT, "text"),
        ("LAGE.TXT", TEXT, "text"),
        ("LIESMICH", TEXT, "text"),
        ("lage.md", MARKDOWN, "markdown"),
        ("lage.markdown", MARKDOWN, "markdown"),
        ("lage.html", HTML, "html"),
        ("lage.htm", HTML, "html"),
        ("lage.xhtml", HTML, "html"),
        ("lage.jsonl", JSONL, "jsonl"),
        ("lage.ndjson", JSONL, "jsonl"),
        ("artikel.php", HTML, "html"),
        ("seite.xml", HTML, "html"),
        ("gespeichert", HTML, "html"),
    ],
)
def test_reader_by_extension_and_sniffing(
    tmp_path: Path, name: str, content: str, reader: str
) -> None:
    assert reader_of(write(tmp_path / name, content)) == reader


@pytest.mark.parametrize(
    ("name", "content", "suffix"),
    [
        ("bericht.pdf", b"%PDF-1.4\n", ".pdf"),
        ("tabelle.csv", b"a,b\n1,2\n", ".csv"),
        ("archiv.tar.gz", b"\x1f\x8b\x08\x00", ".gz"),
        ("brief.docx", b"PK\x03\x04", ".docx"),
    ],
)
def test_unsupported_file_type_is_reported(
    tmp_path: Path, name: str, content: bytes, suffix: str
) -> None:
    path = write(tmp_path / name, content)
    assert list(read_source(path)) == [Skip(str(path), f"unsupported file type {suffix}")]


def test_xml_that_is_no_feed_says_so(tmp_path: Path) -> None:
    path = write(tmp_path / "katalog.xml", "<?xml version='1.0'?><katalog><buch/></katalog>")
    assert list(read_source(path)) == [Skip(str(path), "not an RSS or Atom feed")]


@pytest.mark.parametrize(
    ("name", "suffix"),
    [
        ("crawl.warc.gz", ".warc.gz"),
        ("CRAWL.ARC.GZ", ".arc.gz"),
        ("archiv.tar.gz", ".gz"),
        ("bericht.2022.txt", ".txt"),
        ("LIESMICH", ""),
    ],
)
def test_file_suffix_knows_two_part_extensions(name: str, suffix: str) -> None:
    assert file_suffix(Path(name)) == suffix


def test_directory_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    for name in ["b.txt", "a/z.txt", "a/b.md", "c.html", "a/tief/x.jsonl"]:
        write(
            tmp_path / name,
            {".md": MARKDOWN, ".html": HTML, ".jsonl": JSONL}.get(Path(name).suffix, TEXT),
        )
    sources = [item.source for item in read_source(tmp_path)]
    assert sources == [
        str(tmp_path / "a/b.md"),
        str(tmp_path / "a/tief/x.jsonl") + ":1",
        str(tmp_path / "a/z.txt"),
        str(tmp_path / "b.txt"),
        str(tmp_path / "c.html"),
    ]


def test_hidden_files_and_junk_are_passed_over(tmp_path: Path) -> None:
    for name in [
        ".DS_Store",
        ".versteckt.txt",
        ".git/config",
        "Thumbs.db",
        "desktop.ini",
        "__MACOSX/a.txt",
    ]:
        write(tmp_path / name, TEXT)
    write(tmp_path / "echt.txt", TEXT)
    assert [item.source for item in read_source(tmp_path)] == [str(tmp_path / "echt.txt")]


def test_unsupported_files_in_a_directory_are_reported(tmp_path: Path) -> None:
    write(tmp_path / "bild.png", b"\x89PNG\r\n\x1a\n")
    write(tmp_path / "echt.txt", TEXT)
    items = list(read_source(tmp_path))
    assert items[0] == Skip(str(tmp_path / "bild.png"), "unsupported file type .png")
    assert isinstance(items[1], Document)


def test_unreadable_file_is_skipped_and_the_rest_read(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("running as root: chmod 000 does not stop reading (see the monkeypatched test)")
    locked = write(tmp_path / "a.txt", TEXT)
    write(tmp_path / "b.txt", TEXT)
    locked.chmod(0)
    try:
        items = list(read_source(tmp_path))
    finally:
        locked.chmod(0o644)
    assert items[0] == Skip(str(locked), "permission denied")
    assert isinstance(items[1], Document)


def test_permission_denied_on_open_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    locked = write(tmp_path / "a.txt", TEXT)
    write(tmp_path / "b.txt", TEXT)
    real_open = Path.open

    def guarded_open(self: Path, *args: object, **kwargs: object) -> object:
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_open(self, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", guarded_open)
    items = list(read_source(tmp_path))
    assert items[0] == Skip(str(locked), "permission denied")
    assert isinstance(items[1], Document)


def test_unlistable_directory_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    locked = tmp_path / "zu"
    locked.mkdir()
    write(tmp_path / "offen.txt", TEXT)
    real_scandir = os.scandir

    def guarded_scandir(path: str | Path) -> Iterator[os.DirEntry[str]]:
        if Path(path) == locked:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", guarded_scandir)
    items = list(read_source(tmp_path))
    assert isinstance(items[0], Document) and items[0].source == str(tmp_path / "offen.txt")
    assert items[1:] == [Skip(str(locked), "cannot list directory: permission denied")]


def test_broken_symlink_is_skipped(tmp_path: Path) -> None:
    link = tmp_path / "weg.txt"
    link.symlink_to(tmp_path / "gibt-es-nicht.txt")
    assert list(read_source(tmp_path)) == [
        Skip(str(link), f"broken symbolic link to {tmp_path / 'gibt-es-nicht.txt'}")
    ]


def test_symlink_to_a_directory_inside_a_directory_is_not_followed(tmp_path: Path) -> None:
    write(tmp_path / "ziel/a.txt", TEXT)
    (tmp_path / "quelle").mkdir()
    (tmp_path / "quelle/schleife").symlink_to(tmp_path / "quelle")
    assert list(read_source(tmp_path / "quelle")) == [
        Skip(str(tmp_path / "quelle/schleife"), "symbolic link to a directory, not followed")
    ]


def test_named_symlink_to_a_directory_is_followed(tmp_path: Path) -> None:
    write(tmp_path / "ziel/a.txt", TEXT)
    (tmp_path / "verweis").symlink_to(tmp_path / "ziel")
    assert [item.source for item in read_source(tmp_path / "verweis")] == [
        str(tmp_path / "verweis/a.txt")
    ]


def test_missing_path_is_skipped(tmp_path: Path) -> None:
    assert list(read_source(tmp_path / "fehlt.txt")) == [
        Skip(str(tmp_path / "fehlt.txt"), "no such file or directory")
    ]


def test_file_vanishing_during_a_walk_is_skipped(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", TEXT)
    doomed = write(tmp_path / "b.txt", TEXT)
    items = read_source(tmp_path)
    first = next(items)
    doomed.unlink()
    assert isinstance(first, Document)
    assert list(items) == [Skip(str(doomed), "file vanished before it could be read")]


def test_file_vanishing_before_open_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "a.txt", TEXT)

    def gone(self: Path, *args: object, **kwargs: object) -> object:
        raise FileNotFoundError(2, "No such file or directory", str(self))

    monkeypatch.setattr(Path, "open", gone)
    assert list(read_source(path)) == [Skip(str(path), "file vanished before it could be read")]


def test_fifo_inside_a_directory_is_not_opened(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "rohr")
    assert list(read_source(tmp_path)) == [Skip(str(tmp_path / "rohr"), "not a regular file")]


def test_read_error_midway_becomes_a_skip() -> None:
    def failing() -> Iterator[Document | Skip]:
        yield Skip("x", "erstes")
        raise OSError(5, "Input/output error")

    assert list(guarded("datei.txt", failing())) == [
        Skip("x", "erstes"),
        Skip("datei.txt", "read failed: input/output error"),
    ]


@pytest.mark.parametrize(
    ("content", "reader"),
    [
        (TEXT.encode("cp1252"), "text"),
        (MARKDOWN.encode(), "markdown"),
        (HTML.encode(), "html"),
        (FEED.encode(), "feed"),
    ],
)
def test_stdin(monkeypatch: pytest.MonkeyPatch, content: bytes, reader: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(content)))
    [document] = list(read_source("-"))
    assert isinstance(document, Document)
    assert (document.source.split(":")[0], document.metadata["reader"]) == ("-", reader)


def test_markdown_front_matter_on_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(MARKDOWN.encode())))
    [document] = list(read_source("-"))
    assert isinstance(document, Document)
    assert (document.title, document.raw_text) == ("Lage", f"Lage\n\n{TEXT}")


def test_empty_stdin(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"")))
    assert list(read_source("-")) == [Skip("-", "empty file")]


def test_read_sources_reads_each_in_turn(tmp_path: Path) -> None:
    a, b = write(tmp_path / "a.txt", TEXT), write(tmp_path / "b.md", MARKDOWN)
    assert [item.source for item in read_sources([b, tmp_path / "fehlt", a])] == [
        str(b),
        str(tmp_path / "fehlt"),
        str(a),
    ]


def test_every_document_has_its_content_hash_id(tmp_path: Path) -> None:
    for name, content in [
        ("a.txt", TEXT),
        ("b.md", MARKDOWN),
        ("c.html", HTML),
        ("d.jsonl", JSONL),
    ]:
        write(tmp_path / name, content)
    documents = [item for item in read_source(tmp_path) if isinstance(item, Document)]
    assert len(documents) == 4
    assert all(document.id == content_hash(document.raw_text) for document in documents)


def test_feed_archive_and_url_libraries_load_only_when_needed() -> None:
    """feedparser, warcio and httpx cost ``lagebild analyze`` about 0.4 s of start-up if loaded."""
    probe = "import sys, lagebild.cli; print(sorted({'feedparser', 'warcio', 'httpx'} & set(sys.modules)))"
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert loaded.stdout.strip() == "[]"
