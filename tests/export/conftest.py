"""Export fixtures: a store of the project's examples/ (ours), and, where ../shared/corpus
is present, a store of the seed (published 2022-12-20) and the 25 ISW updates."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from lagebild.api import analyze
from lagebild.export import Selected, Selection, from_store
from lagebild.ingest import ingest
from lagebild.records import Document, content_hash
from lagebild.store import Store

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SEED_PUBLISHED = date(2022, 12, 20)


@pytest.fixture(scope="session")
def examples_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('export') / 'examples.db'}"
    with Store(url) as store:
        report = ingest([EXAMPLES], store)
    assert report.ok and report.stored == 7, report.summary()
    return url


@pytest.fixture
def store(examples_url: str) -> Iterator[Store]:
    with Store(examples_url) as opened:
        yield opened


@pytest.fixture
def selected(store: Store) -> list[Selected]:
    """Every example document with all its records."""
    return list(from_store(store, Selection()))


@pytest.fixture
def belarus(store: Store) -> Document:
    """The German situation report on Belarus (examples/2026-03-14-lagebericht-belarus.md)."""
    (found,) = [d for d in store.documents() if d.source.endswith("lagebericht-belarus.md")]
    return store.get(found.document_id)


@pytest.fixture(scope="session")
def corpus_url(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The seed and the ISW updates, stored (skips when the corpus is absent)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('export-corpus') / 'corpus.db'}"
    with Store(url) as store:
        seed = analyze(corpus / "seed" / "isw-update-301-de.txt", published=SEED_PUBLISHED)
        assert store.add(seed).stored
        report = ingest([corpus / "isw-en"], store)
    assert report.ok and report.stored == 25, report.summary()
    return url


@pytest.fixture(scope="session")
def seed_id(corpus: Path) -> str:
    return content_hash((corpus / "seed" / "isw-update-301-de.txt").read_text("utf-8"))
