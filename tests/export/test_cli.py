"""``lagebild export`` end to end, through ``main`` as a user runs it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import stix2

from lagebild.cli import EXPORT_FORMATS, RECORD_KINDS, main
from lagebild.export import ALL_KINDS, FORMATS


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_export_stix_to_stdout_parses(
    capsys: pytest.CaptureFixture[str], examples_url: str
) -> None:
    code, out, _ = run(capsys, "export", "--db", examples_url, "--format", "stix")
    assert code == 0
    parsed = stix2.parse(out, allow_custom=True)  # events are x-lagebild-event (0028)
    assert len([o for o in parsed.objects if o.type == "report"]) == 7


def test_export_filters_reach_the_output(
    capsys: pytest.CaptureFixture[str], examples_url: str
) -> None:
    argv = ("export", "--db", examples_url, "--format", "acled", "--type", "ASSAULT")
    code, out, _ = run(capsys, *argv, "--since", "2026-03-16")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and rows
    assert {row["plover_type"] for row in rows} == {"ASSAULT"}
    assert min(row["event_date"] for row in rows) >= "2026-03-16"


def test_export_to_a_file_reports_counts(
    capsys: pytest.CaptureFixture[str], examples_url: str, tmp_path: Path
) -> None:
    path = tmp_path / "places.geojson"
    argv = ("export", "--db", examples_url, "--format", "geojson", "--about", "Minsk")
    code, out, err = run(capsys, *argv, "-o", str(path))
    features = json.loads(path.read_text("utf-8"))["features"]
    assert (code, out) == (0, "")
    assert "place/minsk" in {f["id"] for f in features}
    assert f"wrote {path}" in err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("--format", "parquet"), "Parquet is binary"),
        (("--format", "timeml"), "one document per file"),
        (("--format", "jsonl", "--since", "last week"), "YYYY"),
    ],
)
def test_export_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], examples_url: str, argv: tuple[str, ...], message: str
) -> None:
    code, _, err = run(capsys, "export", "--db", examples_url, *argv)
    assert code == 1 and message in err and len(err.strip().splitlines()) == 1


def test_cli_choices_are_the_exporters() -> None:
    assert (EXPORT_FORMATS, RECORD_KINDS) == (FORMATS, ALL_KINDS)
