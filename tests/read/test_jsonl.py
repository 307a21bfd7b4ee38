"""The JSON Lines reader: one document per line, a Skip per bad line, the rest still read."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lagebild.config import ReadOptions
from lagebild.read import Skip, read_source
from lagebild.records import Document

RECORD = {
    "title": "Minister beraten in Brüssel",
    "date": "2026-03-18",
    "url": "https://example.org/wire/1",
    "text": "Die Verteidigungsminister berieten am Mittwoch über Flugabwehr für die Ukraine.",
}


def write_lines(tmp_path: Path, lines: list[str | bytes], name: str = "wire.jsonl") -> Path:
    path = tmp_path / name
    path.write_bytes(
        b"".join((line if isinstance(line, bytes) else line.encode()) + b"\n" for line in lines)
    )
    return path


def test_fields_of_a_record(tmp_path: Path) -> None:
    path = write_lines(tmp_path, [json.dumps({**RECORD, "author": "Agentur", "language": "de"})])
    [document] = list(read_source(path))
    assert isinstance(document, Document)
    assert (document.title, document.url, document.author, document.language) == (
        RECORD["title"],
        RECORD["url"],
        "Agentur",
        "de",
    )
    assert (document.published, document.raw_text) == (date(2026, 3, 18), RECORD["text"])
    assert document.source == f"{path}:1"


def test_id_and_other_keys_go_to_metadata(tmp_path: Path) -> None:
    path = write_lines(tmp_path, [json.dumps({**RECORD, "id": "wire-7", "desk": "Brüssel"})])
    [document] = list(read_source(path))
    assert isinstance(document, Document)
    assert (document.metadata["id"], document.metadata["desk"]) == ("wire-7", "Brüssel")
    assert document.id != "wire-7"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            "{not json",
            "invalid JSON: Expecting property name enclosed in double quotes at column 2",
        ),
        ('["a", "b"]', "expected a JSON object, got an array"),
        ('{"title": "ohne Text"}', "no 'text' field; expected a string"),
        ('{"text": 42}', "'text' is a number; expected a string"),
        ('{"text": ["a"]}', "'text' is an array; expected a string"),
        ('{"text": "   "}', "empty 'text'"),
        ('{"text": "ok", "title": 7}', "'title' is a number; expected a string"),
        ('{"text": "ok", "url": {"href": "x"}}', "'url' is an object; expected a string"),
        (
            b'{"text": "M\xfcller"}',
            "not valid UTF-8 (JSON Lines must be UTF-8): invalid start byte",
        ),
    ],
)
def test_bad_line_is_skipped_and_the_others_read(
    tmp_path: Path, line: str | bytes, reason: str
) -> None:
    path = write_lines(tmp_path, [json.dumps(RECORD), line, json.dumps(RECORD)])
    items = list(read_source(path))
    assert items[1] == Skip(f"{path}:2", reason)
    assert [item.source for item in items if isinstance(item, Document)] == [
        f"{path}:1",
        f"{path}:3",
    ]


def test_blank_lines_are_ignored_but_counted(tmp_path: Path) -> None:
    path = write_lines(tmp_path, ["", json.dumps(RECORD), "   ", json.dumps(RECORD)])
    assert [item.source for item in read_source(path)] == [f"{path}:2", f"{path}:4"]


def test_byte_order_mark_on_the_first_line(tmp_path: Path) -> None:
    path = write_lines(tmp_path, [b"\xef\xbb\xbf" + json.dumps(RECORD).encode()])
    assert all(isinstance(item, Document) for item in read_source(path))


def test_unparsable_date_is_kept(tmp_path: Path) -> None:
    path = write_lines(tmp_path, [json.dumps({**RECORD, "date": "demnächst"})])
    [document] = list(read_source(path))
    assert isinstance(document, Document)
    assert (document.published, document.metadata["date_unparsed"]) == (None, "demnächst")


def test_empty_file_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "leer.jsonl"
    path.write_bytes(b"")
    assert list(read_source(path)) == [Skip(str(path), "empty file")]


def test_line_over_max_file_bytes_is_skipped_without_losing_the_next(tmp_path: Path) -> None:
    long = json.dumps({**RECORD, "text": "x" * 5000})
    path = write_lines(tmp_path, [long, json.dumps(RECORD)])
    items = list(read_source(path, ReadOptions(max_file_bytes=1000)))
    assert items[0] == Skip(f"{path}:1", "line longer than max_file_bytes (1,000 bytes)")
    assert isinstance(items[1], Document) and items[1].source == f"{path}:2"


def test_long_text_is_split_into_parts(tmp_path: Path) -> None:
    text = "Ein Absatz über die Lage.\n\n" * 200
    path = write_lines(tmp_path, [json.dumps({**RECORD, "text": text})])
    parts = list(read_source(path, ReadOptions(max_document_chars=1000)))
    assert [part.source for part in parts[:2]] == [f"{path}:1#part=1", f"{path}:1#part=2"]
    assert "".join(part.raw_text for part in parts if isinstance(part, Document)) == text


def test_binary_file_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "x.ndjson"
    path.write_bytes(b"PK\x03\x04zip")
    assert list(read_source(path)) == [Skip(str(path), "binary file (ZIP), not text")]


texts = st.text(st.characters(exclude_categories=["Cs", "Cc"]), min_size=1).filter(str.strip)
optional = st.none() | st.text(st.characters(exclude_categories=["Cs", "Cc"]), min_size=1).filter(
    str.strip
)
records = st.fixed_dictionaries(
    {"text": texts},
    optional={"title": optional, "url": optional, "author": optional, "date": st.dates().map(str)},
)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=50)
@given(st.lists(records, min_size=1, max_size=5))
def test_records_round_trip(tmp_path: Path, generated: list[dict[str, str | None]]) -> None:
    path = write_lines(tmp_path, [json.dumps(record, ensure_ascii=False) for record in generated])
    documents = list(read_source(path))
    assert [document.raw_text for document in documents if isinstance(document, Document)] == [
        str(record["text"]).replace("\r\n", "\n").replace("\r", "\n") for record in generated
    ]
    for document, record in zip(documents, generated, strict=True):
        assert isinstance(document, Document)
        assert document.title == ((record.get("title") or "").strip() or None)
        assert str(document.published) == record.get("date", "None")
