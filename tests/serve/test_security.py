"""Untrusted text stays text: escaped pages, a strict CSP, capped bodies, token-gated uploads."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from tests.serve.conftest import PAYLOADS, TOKEN, XSS_URL

from lagebild.serve import create_app


@pytest.mark.parametrize("path", ["/", "/api/stats", "/documents", "/no/such/page"])
def test_every_response_has_the_csp(client: TestClient, path: str) -> None:
    policy = client.get(path).headers["content-security-policy"]
    assert "default-src 'none'" in policy and "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_every_response_forbids_sniffing_and_framing(client: TestClient) -> None:
    headers = client.get("/").headers
    assert headers["x-content-type-options"] == "nosniff" and headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("payload", PAYLOADS)
def test_document_page_escapes_payloads(client: TestClient, xss_id: str, payload: str) -> None:
    html = client.get(f"/documents/{xss_id}").text
    assert payload not in html
    assert "&lt;script&gt;" in html


def test_document_page_has_no_script_element(client: TestClient, xss_id: str) -> None:
    html = client.get(f"/documents/{xss_id}").text.lower()
    assert "<script" not in html and "<svg onload" not in html and 'onerror="' not in html


def test_javascript_url_is_never_a_link(client: TestClient, xss_id: str) -> None:
    html = client.get(f"/documents/{xss_id}").text
    assert 'href="javascript:' not in html and XSS_URL.split(":")[0] + ":" in html


@pytest.mark.parametrize("path", ["/search?q=Klick+onerror", "/documents", "/timeline"])
def test_listing_pages_escape_the_title(client: TestClient, path: str) -> None:
    assert "<script>window" not in client.get(path).text


def test_search_snippet_is_escaped(client: TestClient) -> None:
    html = client.get("/search", params={"q": "onerror"}).text
    assert "<img" not in html


def test_large_bodies_are_refused(client: TestClient) -> None:
    response = client.post("/api/ingest", content=b"x" * (21 * 1024 * 1024))
    assert response.status_code == 413


def test_small_limit_applies_outside_uploads(client: TestClient) -> None:
    assert client.post("/search", content=b"x" * 100_000).status_code == 413


def test_upload_without_token_is_refused(client: TestClient) -> None:
    files = {"files": ("a.txt", b"Putin traf Lukaschenko in Minsk.")}
    assert client.post("/api/ingest", files=files).status_code == 401


def test_upload_with_wrong_token_is_refused(client: TestClient) -> None:
    files = {"files": ("a.txt", b"Putin traf Lukaschenko in Minsk.")}
    headers = {"Authorization": "Bearer wrong"}
    assert client.post("/api/ingest", files=files, headers=headers).status_code == 401


def test_read_only_server_refuses_uploads(store_url: str) -> None:
    with TestClient(create_app(store_url)) as read_only:
        files = {"files": ("a.txt", b"Putin traf Lukaschenko in Minsk.")}
        response = read_only.post("/api/ingest", files=files, headers={"Authorization": "Bearer x"})
    assert response.status_code == 403 and "LAGEBILD_TOKEN" in response.json()["detail"]


def test_upload_with_token_is_ingested(client: TestClient) -> None:
    text = "Am 3. März 2026 sagte Lukaschenko in Minsk, Belarus bleibe neutral.".encode()
    files = {"files": ("neu.txt", text)}
    response = client.post("/api/ingest", files=files, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 202
    job = client.app.state.service.jobs.wait(response.json()["id"])  # type: ignore[attr-defined]
    assert job.state == "done" and job.stored == 1


def test_upload_form_redirects_to_the_job(client: TestClient) -> None:
    files = {"files": ("n.txt", "Kyjiw meldete am 2. März 2026 Angriffe.".encode())}
    response = client.post("/upload", files=files, data={"token": TOKEN}, follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/ingest/")
