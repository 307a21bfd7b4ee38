"""The JSON API over a small store: records, paging, filters and errors."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from lagebild.serve import views


def test_stats_counts_the_stored_documents(client: TestClient) -> None:
    stats = client.get("/api/stats").json()
    assert stats["documents"] >= 8 and stats["records"]["claims"] > 0


def test_documents_page_links_to_the_next_page(client: TestClient) -> None:
    page = client.get("/api/documents", params={"limit": 2}).json()
    assert len(page["items"]) == 2 and page["total"] >= 8
    assert "offset=2" in page["next"]


def test_documents_follow_the_next_link_without_repeats(client: TestClient) -> None:
    first = client.get("/api/documents", params={"limit": 3}).json()
    second = client.get(first["next"]).json()
    ids = {d["document_id"] for d in first["items"]}
    assert ids.isdisjoint(d["document_id"] for d in second["items"])


def test_documents_filter_by_language(client: TestClient) -> None:
    items = client.get("/api/documents", params={"language": "en"}).json()["items"]
    assert items and {d["language"] for d in items} == {"en"}


def test_documents_filter_by_month(client: TestClient) -> None:
    items = client.get("/api/documents", params={"since": "2026-03", "until": "2026-03"}).json()
    assert items["items"] and all(d["published"].startswith("2026-03") for d in items["items"])


def test_document_by_prefix_is_the_contract(client: TestClient, xss_id: str) -> None:
    data = client.get(f"/api/documents/{xss_id[:10]}").json()
    assert set(data) == {"document", "entities", "times", "claims", "assessments", "events"}
    assert data["document"]["id"] == xss_id


def test_raw_text_is_plain_text(client: TestClient, xss_id: str) -> None:
    response = client.get(f"/api/documents/{xss_id}/raw")
    assert response.headers["content-type"].startswith("text/plain")
    assert "<script>" in response.text


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/documents/ffffffffffffffff", 404),
        ("/api/documents/abc", 404),
        ("/api/entities/person/nobody-at-all", 404),
        ("/api/assessments/000000000000", 404),
        ("/api/ingest/nope", 404),
        ("/api/documents?since=2022-13", 422),
        ("/api/documents?limit=0", 422),
        ("/api/claims?stance=angry", 422),
        ("/api/search?q=%22%22", 400),
        ("/api/map?bbox=10,10,5,5", 400),
    ],
)
def test_bad_requests_are_clear_4xx(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status and response.json()["detail"]


def test_search_finds_a_german_name(client: TestClient) -> None:
    result = client.get("/api/search", params={"q": "Lukaschenko"}).json()
    assert result["hits"]["items"] and result["facets"]["language"]


def test_search_facet_narrows_the_hits(client: TestClient) -> None:
    everything = client.get("/api/search", params={"q": "Putin"}).json()
    german = client.get("/api/search", params={"q": "Putin", "language": "de"}).json()
    assert 0 < german["hits"]["total"] < everything["hits"]["total"]


def test_entity_profile_has_mentions_by_date(client: TestClient) -> None:
    data = client.get("/api/entities/person/alexander-lukashenko").json()
    assert data["profile"]["mentions"] > 0 and data["profile"]["by_date"]


def test_entity_claims_by_the_speaker(client: TestClient) -> None:
    data = client.get("/api/entities/person/alexander-lukashenko").json()
    assert all(
        hit["claim"]["speaker_id"] == "person/alexander-lukashenko"
        for hit in data["claims_by"]["items"]
    )


def test_entities_filter_by_type(client: TestClient) -> None:
    items = client.get("/api/entities", params={"type": "PLACE"}).json()["items"]
    assert items and {e["type"] for e in items} == {"PLACE"}


def test_claims_filter_by_stance(client: TestClient) -> None:
    items = client.get("/api/claims", params={"stance": "neutral"}).json()["items"]
    assert items and {hit["claim"]["stance"] for hit in items} == {"neutral"}


def test_events_filter_by_type(client: TestClient) -> None:
    items = client.get("/api/events", params={"type": "ASSAULT"}).json()["items"]
    assert items and {event["type"] for event in items} == {"ASSAULT"}


def test_events_filter_by_modality(client: TestClient) -> None:
    items = client.get("/api/events", params={"modality": "happened"}).json()["items"]
    assert items and {event["modality"] for event in items} == {"happened"}


def test_times_are_resolved_values_in_range(client: TestClient) -> None:
    items = client.get("/api/times", params={"since": "2026-03", "until": "2026-03"}).json()
    assert items["items"] and all(t["time"]["value"].startswith("2026-03") for t in items["items"])


def test_timeline_counts_match_its_items(client: TestClient) -> None:
    data = client.get("/api/timeline", params={"since": "2026-03"}).json()
    assert sum(b["events"] + b["claims"] for b in data["buckets"]) <= len(data["items"])
    assert data["items"] and all(item["date"] >= "2026-03" for item in data["items"])


def test_map_is_geojson_inside_the_view(client: TestClient) -> None:
    data = client.get("/api/map", params={"bbox": "20,43,45,57"}).json()
    assert data["type"] == "FeatureCollection" and data["features"]
    assert all(20 <= f["geometry"]["coordinates"][0] <= 45 for f in data["features"])


def test_assessment_threads_in_one_report_or_more(client: TestClient) -> None:
    items = client.get("/api/assessments", params={"min_reports": 1}).json()["items"]
    assert items and all(thread["history"] for thread in items)


def test_thread_carries_the_sentence_behind_each_judgement(client: TestClient) -> None:
    first = client.get("/api/assessments", params={"min_reports": 1, "limit": 1}).json()
    thread = client.get(f"/api/assessments/{first['items'][0]['id']}").json()
    assert len(thread["evidence"]) == len(thread["thread"]["history"])
    assert all(evidence["text"] for evidence in thread["evidence"])


def test_openapi_documents_every_api_route(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/documents", "/api/search", "/api/entities/{entity_id}", "/api/map"} <= set(paths)


def test_isw_threads_recur_across_reports(client: TestClient, needs_corpus: None) -> None:
    items = client.get("/api/assessments", params={"assessor": "ISW"}).json()["items"]
    assert items and all(thread["reports"] >= 2 for thread in items)


@pytest.mark.parametrize("section", ["documents", "claims_by", "claims_about", "events"])
def test_entity_section_is_a_page(client: TestClient, section: str) -> None:
    data = client.get("/api/entities/person/alexander-lukashenko").json()[section]
    assert {"items", "limit", "offset", "next"} <= set(data) and data["offset"] == 0


def test_entity_section_next_continues_the_list(
    client: TestClient, monkeypatch: pytest.MonkeyPatch, forget_answers: Callable[[], None]
) -> None:
    monkeypatch.setattr(views, "ENTITY_DOCUMENTS", 2)
    forget_answers()
    every = client.get("/api/entities/person/alexander-lukashenko").json()["documents"]
    monkeypatch.setattr(views, "ENTITY_DOCUMENTS", 1)
    forget_answers()
    first = client.get("/api/entities/person/alexander-lukashenko").json()["documents"]
    second = client.get(first["next"]).json()["documents"]
    assert first["items"] + second["items"] == every["items"][:2]
