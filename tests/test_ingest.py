"""Ingest: read → analyse → store, with a full report."""

from __future__ import annotations

from pathlib import Path

import pytest

from lagebild.errors import StageError
from lagebild.ingest import count_files, ingest, source_file
from lagebild.records import Document
from lagebild.store import Store


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("a.txt", "a.txt"),
        ("a.txt#part=3", "a.txt"),
        ("dir/b.jsonl:7", "dir/b.jsonl"),
        ("C:/x.txt", "C:/x.txt"),
        ("-", "-"),
    ],
)
def test_source_file(source: str, expected: str) -> None:
    assert source_file(source) == expected


def test_count_files_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    for name in ("a.txt", "sub/b.md", ".hidden.txt"):
        (tmp_path / name).write_text("x", "utf-8")
    assert count_files([tmp_path, tmp_path / "a.txt"]) == 3


def test_count_files_is_unknown_for_stdin() -> None:
    assert count_files(["-"]) is None


@pytest.fixture
def store(tmp_path_factory: pytest.TempPathFactory) -> Store:
    return Store(f"sqlite:///{tmp_path_factory.mktemp('db') / 'i.db'}")


def _write(folder: Path, name: str, data: bytes) -> None:
    (folder / name).write_bytes(data)


def test_ingest_reports_every_item(tmp_path: Path, store: Store) -> None:
    _write(tmp_path, "good.txt", b"Russische Truppen griffen an. Niemand wurde verletzt.")
    _write(tmp_path, "empty.txt", b"")
    _write(tmp_path, "image.png", b"\x89PNG\r\n\x1a\n" + bytes(100))
    report = ingest([tmp_path], store)
    assert (report.read, report.stored) == (1, 1)
    assert {Path(s.source).name for s in report.skipped} == {"empty.txt", "image.png"}


def test_ingest_twice_stores_once(tmp_path: Path, store: Store) -> None:
    _write(tmp_path, "a.txt", b"Ein Satz.")
    ingest([tmp_path], store)
    report = ingest([tmp_path], store)
    assert (report.stored, report.duplicates) == (0, 1)


def test_failing_stage_skips_the_document_with_the_stage_named(
    tmp_path: Path, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path, "a.txt", b"Ein Satz.")

    def broken(document: Document, **_: object) -> Document:
        raise StageError("test.broken.v1", document.source, "boom")

    monkeypatch.setattr("lagebild.ingest.analyze_document", broken)
    report = ingest([tmp_path], store)
    assert report.stored == 0 and "'test.broken.v1'" in report.skipped[0].reason
