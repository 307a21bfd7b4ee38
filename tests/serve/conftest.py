"""Serve fixtures: one store per test session, built from examples/, an XSS document and,
when ../shared/corpus is there, the seed and three ISW updates."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from lagebild.ingest import ingest
from lagebild.serve import create_app
from lagebild.store import Store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
CORPUS = ROOT.parent / "shared" / "corpus"
ISW = ("2022-02-24", "2022-02-25", "2022-02-26")
TOKEN = "test-token"

#: Payloads that must never run: in the title, the text and the URL of one document.
PAYLOADS = (
    "<script>window.__xss = 'script'</script>",
    "<img src=x onerror=\"window.__xss = 'onerror'\">",
    "<a href=\"javascript:window.__xss = 'href'\">Klick</a>",
    "<svg onload=\"window.__xss = 'svg'\"><script>window.__xss = 'svg-script'</script></svg>",
)
XSS_TITLE = "<script>window.__xss = 'title'</script>Putin in Minsk"
XSS_URL = "javascript:window.__xss = 'url'"


def xss_record() -> dict[str, str]:
    text = (
        "Wladimir Putin traf Alexander Lukaschenko am 19. Dezember 2022 in Minsk. "
        + " ".join(PAYLOADS)
        + " Lukaschenko sagte, Belarus werde sich wahrscheinlich nicht am Krieg beteiligen."
    )
    return {"text": text, "title": XSS_TITLE, "url": XSS_URL, "date": "2022-12-20"}


def corpus_sources() -> list[Path]:
    """The seed and three ISW updates, where the corpus is present."""
    if not CORPUS.is_dir():
        return []
    seed = [CORPUS / "seed" / "isw-update-301-de.txt"]
    updates = [p for p in sorted((CORPUS / "isw-en").glob("*.md")) if p.name.startswith(ISW)]
    return [path for path in seed + updates if path.exists()]


@pytest.fixture(scope="session")
def store_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("serve")
    xss = folder / "xss.jsonl"
    xss.write_text(json.dumps(xss_record(), ensure_ascii=False) + "\n", "utf-8")
    url = f"sqlite:///{folder / 'serve.db'}"
    with Store(url) as store:
        report = ingest([EXAMPLES, xss, *corpus_sources()], store)
    assert report.ok, report.skipped
    return url


@pytest.fixture(scope="session")
def has_corpus() -> bool:
    return bool(corpus_sources())


@pytest.fixture
def needs_corpus(has_corpus: bool) -> None:
    if not has_corpus:
        pytest.skip(f"real corpus not found at {CORPUS}: the seed and ISW updates are not stored")


@pytest.fixture(scope="session")
def app(store_url: str) -> FastAPI:
    return create_app(store_url, token=TOKEN)


@pytest.fixture(scope="session")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as opened:
        yield opened


@pytest.fixture
def forget_answers(app: FastAPI) -> Iterator[Callable[[], None]]:
    """Empties the server's answer cache: for tests that change its settings between calls
    (and after them, so no later test sees an answer made under changed settings)."""
    clear: Callable[[], None] = app.state.service.responses.clear
    yield clear
    clear()


@pytest.fixture(scope="session")
def xss_id(client: TestClient) -> str:
    hits = client.get("/api/search", params={"q": "Klick onerror"}).json()["hits"]["items"]
    assert hits, "the XSS document is stored"
    return str(hits[0]["document_id"])
