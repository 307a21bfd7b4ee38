"""The HTML pages: each renders, explains an empty result, and has a JSON twin."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from lagebild.serve import views

PAGES = [
    "/",
    "/documents",
    "/search",
    "/search?q=Minsk",
    "/entities",
    "/entities/person/alexander-lukashenko",
    "/timeline",
    "/map",
    "/assessments?min_reports=1",
    "/upload",
    "/reference",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_html(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")


@pytest.mark.parametrize(
    ("page", "api"),
    [
        ("/documents?limit=3", "/api/documents?limit=3"),
        ("/entities/person/alexander-lukashenko", "/api/entities/person/alexander-lukashenko"),
        ("/search?q=Minsk", "/api/search?q=Minsk"),
        ("/timeline?since=2026-03", "/api/timeline?since=2026-03"),
    ],
)
def test_page_json_twin_is_the_api_data(client: TestClient, page: str, api: str) -> None:
    twin = client.get(page + ("&" if "?" in page else "?") + "format=json").json()
    data = client.get(api).json()
    assert _without_links(twin) == _without_links(data)


def _without_links(data: object) -> object:
    """The data without its ``next`` links (a page's link to a page, the API's to the API)."""
    if isinstance(data, dict):
        return {k: _without_links(v) for k, v in data.items() if k != "next"}
    if isinstance(data, list):
        return [_without_links(item) for item in data]
    return data


def test_document_page_highlights_entities_with_links(client: TestClient, xss_id: str) -> None:
    html = client.get(f"/documents/{xss_id}").text
    assert 'class="ent ent-PERSON' in html and 'href="/entities/person/' in html


def test_document_page_marks_the_evidence(client: TestClient, xss_id: str) -> None:
    html = client.get(f"/documents/{xss_id}", params={"start": 0, "end": 5}).text
    assert 'id="focus"' in html


def test_document_page_offers_the_boilerplate_toggle(client: TestClient) -> None:
    hit = client.get("/api/search", params={"q": "Lagebericht"}).json()["hits"]["items"][0]
    html = client.get(f"/documents/{hit['document_id']}").text
    assert 'id="show-removed"' in html


def test_empty_form_fields_mean_no_filter(client: TestClient) -> None:
    assert client.get("/entities?type=&unknown=").status_code == 200


def test_unknown_page_is_an_html_404(client: TestClient) -> None:
    response = client.get("/documents/ffffffffffffffff")
    assert response.status_code == 404 and "no stored document" in response.text


def test_bad_parameter_page_names_it(client: TestClient) -> None:
    response = client.get("/timeline?since=2022-02-30")
    assert response.status_code == 422 and "since" in response.text


def test_empty_search_explains_what_to_type(client: TestClient) -> None:
    assert "Type words" in client.get("/search").text


def test_empty_store_explains_how_to_ingest(tmp_path_factory: pytest.TempPathFactory) -> None:
    from lagebild.serve import create_app

    url = f"sqlite:///{tmp_path_factory.mktemp('empty') / 'empty.db'}"
    with TestClient(create_app(url)) as empty:
        assert "lagebild ingest" in empty.get("/").text


def test_map_clusters_link_to_a_zoomed_view(client: TestClient) -> None:
    html = client.get("/map", params={"bbox": "-180,-85,180,85"}).text
    assert 'href="/map?bbox=' in html


def test_entity_page_links_more_of_a_section(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, forget_answers: Callable[[], None]
) -> None:
    monkeypatch.setattr(views, "ENTITY_DOCUMENTS", 1)
    forget_answers()
    html = client.get("/entities/person/alexander-lukashenko").text
    assert (
        'href="http://testserver/entities/person/alexander-lukashenko?documents_offset=1"' in html
    )


def test_entity_page_section_offset_shows_a_later_page(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(views, "ENTITY_DOCUMENTS", 1)
    html = client.get("/entities/person/alexander-lukashenko?documents_offset=1").text
    assert "← first" in html and '<span class="muted">2–2</span>' in html
