"""The readers on the real corpus (skipped when ../shared/corpus is absent)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from lagebild.read import Skip, read_source
from lagebild.records import Document

pytestmark = pytest.mark.corpus

FOLDERS = ["seed", "isw-en", "news-de", "html-de/pages"]
Results = dict[str, list[Document | Skip]]


@pytest.fixture(scope="module")
def results(corpus: Path) -> dict[str, Results]:
    """Every file of every folder, read once: folder → file name → items."""
    return {
        folder: {path.name: list(read_source(path)) for path in sorted((corpus / folder).iterdir())}
        for folder in FOLDERS
    }


@pytest.mark.parametrize("folder", FOLDERS)
def test_every_file_gives_a_document_or_a_reasoned_skip(
    results: dict[str, Results], folder: str
) -> None:
    for name, items in results[folder].items():
        assert items, f"{name}: nothing read"
        assert all(isinstance(item, Document) or item.reason for item in items), name


@pytest.mark.parametrize("folder", FOLDERS)
def test_no_file_of_the_corpus_is_skipped(results: dict[str, Results], folder: str) -> None:
    skipped = [
        item for items in results[folder].values() for item in items if isinstance(item, Skip)
    ]
    assert skipped == []


@pytest.mark.parametrize("folder", ["isw-en", "news-de"])
def test_markdown_corpora_have_title_and_front_matter_date(
    results: dict[str, Results], folder: str
) -> None:
    for name, items in results[folder].items():
        [document] = items
        assert isinstance(document, Document)
        assert document.title and document.title == document.title.strip(), name
        assert document.published is not None, name
        assert document.metadata["date_source"] == "front matter", name


@pytest.mark.parametrize(
    ("name", "day"),
    [
        ("2024-04-25-chrupalla.md", date(2024, 4, 26)),
        ("2024-11-17-russland.md", date(2024, 11, 18)),
        ("2024-04-03-nato.md", date(2024, 4, 3)),
    ],
)
def test_news_dates_are_local_as_written(results: dict[str, Results], name: str, day: date) -> None:
    [document] = results["news-de"][name]
    assert isinstance(document, Document) and document.published == day


def test_isw_dates_match_their_file_names(results: dict[str, Results]) -> None:
    for name, items in results["isw-en"].items():
        [document] = items
        assert isinstance(document, Document)
        assert document.published == date.fromisoformat(name[:10]), name


def test_seed_has_text_and_no_invented_date(results: dict[str, Results]) -> None:
    [document] = results["seed"]["isw-update-301-de.txt"]
    assert isinstance(document, Document)
    assert document.published is None and len(document.raw_text) > 1000


def test_html_pages_have_the_dates_the_gold_data_gives(
    corpus: Path, results: dict[str, Results]
) -> None:
    gold = json.loads((corpus / "html-de" / "evaldata.json").read_text("utf-8"))
    dated = [(item["file"], item["date"]) for item in gold.values() if item.get("date")]
    found = {file: results["html-de/pages"][file][0] for file, _ in dated}
    with_date = [file for file, document in found.items() if getattr(document, "published", None)]
    same = [file for file, day in dated if str(getattr(found[file], "published", None)) == day]
    assert len(with_date) >= 0.95 * len(dated)
    assert len(same) >= 0.75 * len(dated), (
        f"{len(same)} of {len(dated)} dates agree with the gold data"
    )
