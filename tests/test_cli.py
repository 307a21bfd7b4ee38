"""The ``lagebild`` command, end to end, through ``main`` as a user runs it."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from lagebild.cli import main
from lagebild.read import fetch

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
EXAMPLE_DOCUMENTS = 7  # 6 files, one of them JSON Lines with 2 records


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def db(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def ingested(capsys: pytest.CaptureFixture[str], db: str) -> str:
    code, _, _ = run(capsys, "--db", db, "ingest", "-q", str(EXAMPLES))
    assert code == 0
    return db


def test_analyze_json_has_the_contract_keys(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "analyze", str(EXAMPLES / "notiz-2026-03-19.txt"), "--format", "json"
    )
    data = json.loads(out)
    assert code == 0
    assert set(data) == {"document", "entities", "times", "claims", "assessments", "events"}
    assert data["document"]["language"] == "de"


def test_analyze_text_prints_a_summary(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "analyze", str(EXAMPLES / "2026-03-15-situation-update.md"))
    assert code == 0 and "Situation Update" in out and "Removed debris" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("analyze", "/no/such/file.txt"), "no such file"),
        (("--db", "sqlite:////no/such/dir/x.db", "stats"), "error"),
        (("show", "ffffffffffff"), "error"),
    ],
)
def test_errors_are_one_line_on_stderr(
    capsys: pytest.CaptureFixture[str], db: str, argv: tuple[str, ...], message: str
) -> None:
    if argv[0] == "show":
        argv = ("--db", db, *argv)
    code, _, err = run(capsys, *argv)
    assert code == 1
    assert message in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_bad_published_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "analyze", str(EXAMPLES), "--published", "20.12.2022")
    assert code == 2 and "YYYY-MM-DD" in err


def test_ingest_stores_every_example_once(capsys: pytest.CaptureFixture[str], db: str) -> None:
    first = run(capsys, "--db", db, "ingest", "-q", str(EXAMPLES))[1]
    second = run(capsys, "--db", db, "ingest", "-q", str(EXAMPLES))[1]
    assert f"stored {EXAMPLE_DOCUMENTS}," in first
    assert "stored 0," in second and f"already stored {EXAMPLE_DOCUMENTS}" in second


@pytest.mark.parametrize("word", ["Lukaschenko", "Weißrussland", "drones", "Brussels"])
def test_search_finds_german_and_english_words(
    capsys: pytest.CaptureFixture[str], ingested: str, word: str
) -> None:
    code, out, _ = run(capsys, "--db", ingested, "search", word, "--format", "json")
    assert code == 0 and len(json.loads(out)) >= 1


def test_show_accepts_an_id_prefix(capsys: pytest.CaptureFixture[str], ingested: str) -> None:
    hits = json.loads(run(capsys, "--db", ingested, "search", "Pokrowsk", "--format", "json")[1])
    prefix = hits[0]["document_id"][:8]
    code, out, _ = run(capsys, "--db", ingested, "show", prefix, "--format", "json")
    assert code == 0 and json.loads(out)["document"]["id"].startswith(prefix)


def test_stats_counts_documents(capsys: pytest.CaptureFixture[str], ingested: str) -> None:
    code, out, _ = run(capsys, "--db", ingested, "stats", "--format", "json")
    assert code == 0 and json.loads(out)["documents"] == EXAMPLE_DOCUMENTS


def test_stages_lists_the_builtin_stages(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "stages")
    assert code == 0 and "lagebild.sentences.v1" in out


def test_analyze_seed_json(capsys: pytest.CaptureFixture[str], seed_path: Path) -> None:
    code, out, _ = run(capsys, "analyze", str(seed_path), "--format", "json")
    document = json.loads(out)["document"]
    assert code == 0 and document["language"] == "de"
    for debris in ("Datenschutzerklärung", "Inhalt laden", "Mehr erfahren"):
        assert debris not in document["text"]
    embeds = [r for r in document["removed"] if r["reason"].startswith("embed")]
    assert len(embeds) == 2


@pytest.mark.parametrize(
    ("options", "check"),
    [
        ((), lambda rows: any(r["entity_id"] == "place/kharkiv" for r in rows)),
        (
            ("--unknown",),
            lambda rows: rows and all(r["entity_id"].startswith("unk/") for r in rows),
        ),
        (("--type", "weapon"), lambda rows: rows and all(r["type"] == "WEAPON" for r in rows)),
    ],
)
def test_entities_lists_stored_entities(
    capsys: pytest.CaptureFixture[str], ingested: str, options: tuple[str, ...], check: object
) -> None:
    code, out, _ = run(capsys, "--db", ingested, "entities", *options, "--format", "json")
    assert code == 0 and check(json.loads(out))  # type: ignore[operator]


def test_claims_command_lists_stored_claims(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    source = tmp_path / "bericht.txt"
    source.write_text("Lukaschenko sagte am 19. Dezember, Russland werde S-400 liefern.\n", "utf-8")
    assert run(capsys, "--db", db, "ingest", "-q", str(source))[0] == 0
    code, out, _ = run(capsys, "--db", db, "claims", "--speaker", "Lukaschenko", "--format", "json")
    assert code == 0
    (hit,) = json.loads(out)
    assert hit["claim"]["speaker_id"] == "person/alexander-lukashenko"


def test_db_option_after_the_command_wins_over_the_environment(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LAGEBILD_DB", f"sqlite:///{tmp_path / 'env.db'}")
    own = f"sqlite:///{tmp_path / 'own.db'}"
    assert run(capsys, "ingest", "-q", str(EXAMPLES / "notiz-2026-03-19.txt"), "--db", own)[0] == 0
    code, out, _ = run(capsys, "stats", "--db", own, "--format", "json")
    assert code == 0 and json.loads(out)["url"] == own
    assert not (tmp_path / "env.db").exists()


def test_events_command_lists_merged_events(
    capsys: pytest.CaptureFixture[str], ingested: str
) -> None:
    code, out, _ = run(capsys, "--db", ingested, "events", "--format", "json")
    found = json.loads(out)
    assert code == 0 and found
    assert {"type", "actors", "independent_sources", "reports"} <= set(found[0])


@pytest.mark.parametrize("option", ["--type", "--actor", "--place"])
def test_events_filters_narrow_the_list(
    capsys: pytest.CaptureFixture[str], ingested: str, option: str
) -> None:
    everything = json.loads(run(capsys, "--db", ingested, "events", "--format", "json")[1])
    value = {"--type": "CONSULT", "--actor": "Lukaschenko", "--place": "Minsk"}[option]
    code, out, _ = run(capsys, "--db", ingested, "events", option, value, "--format", "json")
    narrowed = json.loads(out)
    assert code == 0 and 0 < len(narrowed) < len(everything)


def test_assessments_command_threads_a_judgement_across_languages(
    capsys: pytest.CaptureFixture[str], ingested: str
) -> None:
    code, out, _ = run(capsys, "--db", ingested, "assessments", "--format", "json")
    (thread,) = json.loads(out)
    assert code == 0 and thread["assessor_id"] == "org/isw" and thread["reports"] == 2
    assert {entry["language"] for entry in thread["history"]} == {"de", "en"}
    assert [(c["previous"], c["band"]) for c in thread["changes"]] == [
        ("unlikely", "very unlikely")
    ]


@pytest.mark.parametrize(
    ("argv", "threads"),
    [
        (("--assessor", "ISW"), 1),
        (("--assessor", "Kreml"), 0),
        (("--about", "Weißrussland"), 1),
        (("--about", "Kupjansk"), 0),
        (("--about", "Kupjansk", "--min-reports", "1"), 1),
        (("--since", "2026-03-15"), 0),
    ],
)
def test_assessments_filters_by_assessor_topic_reports_and_date(
    capsys: pytest.CaptureFixture[str], ingested: str, argv: tuple[str, ...], threads: int
) -> None:
    code, out, _ = run(capsys, "--db", ingested, "assessments", *argv, "--format", "json")
    assert code == 0 and len(json.loads(out)) == threads


def test_assessments_text_shows_the_dated_history(
    capsys: pytest.CaptureFixture[str], ingested: str
) -> None:
    code, out, _ = run(capsys, "--db", ingested, "assessments")
    assert code == 0 and "2026-03-14" in out and "2026-03-15" in out and "band changed" in out


def test_assessments_rejects_a_malformed_date(
    capsys: pytest.CaptureFixture[str], ingested: str
) -> None:
    code, _, err = run(capsys, "--db", ingested, "assessments", "--since", "March")
    assert code == 1 and "YYYY" in err


def test_watch_once_ingests_the_folder_and_exits(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    folder = tmp_path / "eingang"
    folder.mkdir()
    (folder / "lage.txt").write_text(
        "Russische Truppen griffen am Morgen an. Niemand wurde verletzt."
    )
    (folder / "bild.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(32))
    code, out, _ = run(capsys, "--db", db, "watch", str(folder), "--once")
    assert code == 0
    assert "1 polls, 2 files ingested: read 1, stored 1" in out
    assert "bild.png" in out  # the skipped file is listed with its reason


def test_watch_of_a_missing_folder_is_one_line(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    code, _, err = run(capsys, "--db", db, "watch", str(tmp_path / "fehlt"), "--once")
    assert code == 1 and "not a folder" in err


def test_ingest_fetches_urls(
    capsys: pytest.CaptureFixture[str], db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = (
        "<!DOCTYPE html><html><head><title>Lage</title></head><body><article>"
        "<p>Die Lage im Osten bleibt angespannt, meldet der Generalstab am Abend des Tages.</p>"
        "</article></body></html>"
    )

    def serve(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/fehlt":
            return httpx.Response(404)
        return httpx.Response(200, headers={"Content-Type": "text/html"}, text=page)

    monkeypatch.setattr(fetch, "default_transport", httpx.MockTransport(serve))
    code, out, _ = run(
        capsys, "--db", db, "ingest", "-q", "https://example.org/lage", "https://example.org/fehlt"
    )
    assert code == 0
    assert "read 1, stored 1" in out and "HTTP 404 Not Found" in out


#: Libraries a command loads only when it needs them (cold start of ``lagebild analyze``).
DEFERRED = (
    "sqlalchemy",
    "alembic",
    "stix2",
    "pyarrow",
    "distributed",
    "spacy",
    "dateparser",
    "trafilatura",
    "htmldate",
)


def test_importing_the_cli_loads_no_deferred_library() -> None:
    probe = f"import sys, lagebild.cli; print([m for m in {DEFERRED!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
