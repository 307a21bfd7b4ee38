"""The web UI in a real browser: Debian's Chromium driven by Playwright over a server on
loopback.  Clicks through document → entity → timeline → map → assessment thread,
asserts real content, proves XSS payloads stay inert, and saves a screenshot of each page
(to $LAGEBILD_ARTEFACTS, default build/screenshots)."""

from __future__ import annotations

import os
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from fastapi import FastAPI
from tests.serve.conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARTEFACTS = Path(os.environ.get("LAGEBILD_ARTEFACTS", ROOT / "build" / "screenshots"))

if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} not found: install Debian's chromium (apt-get install -y chromium)",
        allow_module_level=True,
    )
playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright not installed")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def base_url(app: FastAPI) -> Iterator[str]:
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "the test server did not start within 30 s"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with playwright_api.sync_playwright() as driver:
        launched = driver.chromium.launch(
            executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"]
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    opened = context.new_page()
    opened.set_default_timeout(30_000)
    yield opened
    context.close()


def shot(page: Any, name: str) -> None:
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"{name}.png"), full_page=True)


def test_click_through_document_entity_timeline_map_thread(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/search?q=Lukaschenko")
    page.locator("article h3 a").first.click()
    page.locator("a.ent-PERSON", has_text="Lukaschenko").first.wait_for()
    shot(page, "document")
    page.locator("a.ent-PERSON", has_text="Lukaschenko").first.click()
    assert "Alexander Lukashenko" in page.locator("h1").inner_text()
    shot(page, "entity")
    page.get_by_role("link", name="On the timeline").click()
    assert page.locator("svg.chart rect.bar-event, svg.chart rect.bar-claim").count() > 0
    shot(page, "timeline")
    page.locator("header nav").get_by_role("link", name="Map").click()
    assert page.locator("svg.map path.country").count() > 10
    assert page.locator("svg.map circle.marker-place").count() > 0
    shot(page, "map")
    page.goto(f"{base_url}/assessments?min_reports=1")
    page.locator("td a[href^='/assessments/']").first.click()
    assert page.locator("svg.chart rect.band").count() > 0
    assert page.locator("tr[id^='e-']").count() > 0
    shot(page, "thread")


def test_map_cluster_zooms_in(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/map?bbox=-180,-85,180,85")
    page.locator("svg.map a[href^='/map?bbox=']").last.click()  # drawn last: on top
    assert "bbox=" in page.url and "-180" not in page.url


def test_boilerplate_toggle_shows_removed_text(page: Any, base_url: str) -> None:
    page.goto(f"{base_url}/search?q=Lagebericht")
    page.locator("article h3 a").first.click()
    removed = page.locator(".doctext .removed").first
    assert not removed.is_visible()
    page.locator("#show-removed").check()
    assert removed.is_visible()


def test_xss_payloads_never_execute(page: Any, base_url: str, xss_id: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    for path in (f"/documents/{xss_id}", "/search?q=onerror", "/documents", "/timeline"):
        page.goto(base_url + path)
        assert page.evaluate("typeof window.__xss") == "undefined", path
    page.goto(f"{base_url}/documents/{xss_id}")
    page.get_by_text("Klick").first.click()
    assert page.evaluate("typeof window.__xss") == "undefined" and not dialogs
    assert "<script>" in page.locator(".doctext").inner_text()
    shot(page, "xss-document")


def test_isw_thread_shows_isw_judgements(page: Any, base_url: str, needs_corpus: None) -> None:
    page.goto(f"{base_url}/assessments?assessor=ISW")
    page.locator("td a[href^='/assessments/']").first.click()
    assert "ISW" in page.locator("h1").inner_text()
    assert page.locator("tr[id^='e-']").count() >= 2
    shot(page, "isw-thread")


def test_seed_document_shows_lukashenko_and_putin(
    page: Any, base_url: str, needs_corpus: None
) -> None:
    page.goto(f"{base_url}/search?q=Iskander")
    page.get_by_role("link", name="isw-update-301-de.txt").or_(
        page.locator("article h3 a").first
    ).first.click()
    text = page.locator(".doctext").inner_text()
    assert "Lukaschenko" in text and "Putin" in text
    assert page.locator(".doctext .assess-phrase").count() > 0
