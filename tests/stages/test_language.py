"""Language identification."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import lagebild.stages.language as language_module
from lagebild.records import Document
from lagebild.stages.language import identify, make_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Der Präsident hat die Bemühungen zurückgewiesen und will weiter verhandeln.", "de"),
        ("Russian forces conducted limited ground attacks northeast of the city.", "en"),
    ],
)
def test_identify_de_and_en(text: str, language: str) -> None:
    assert identify(text)[0] == language


def test_stage_keeps_a_language_already_set() -> None:
    document = Document(text="Russian forces attacked.", language="de")
    assert make_language()(document).language == "de"


def test_stage_records_probability() -> None:
    document = make_language()(Document(text="Die Truppen griffen gestern wieder an."))
    assert document.metadata["language_probability"] > 0.5


def test_stage_leaves_empty_text_undetected() -> None:
    assert make_language()(Document(text="  ")).language is None


def test_stage_rejects_empty_language_list() -> None:
    with pytest.raises(ValueError, match="at least one language"):
        make_language(languages=[])


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """An empty cache folder and no identifier remembered in this process."""
    monkeypatch.setenv("LAGEBILD_CACHE", str(tmp_path / "cache"))
    language_module._identifier.cache_clear()
    yield tmp_path / "cache"
    language_module._identifier.cache_clear()


SAMPLES = [
    "Lukaschenko traf Putin in Minsk und sprach über die Luftverteidigung.",
    "Russian forces continued offensive operations near Bakhmut on Tuesday.",
]


def test_the_restricted_model_is_cached_uncompressed(fresh_cache: Path) -> None:
    language_module._identifier(("de", "en"))
    assert [path.name.startswith("langid-de-en-") for path in fresh_cache.iterdir()] == [True]


@pytest.mark.parametrize("text", SAMPLES)
def test_the_cached_model_classifies_as_the_packaged_one(fresh_cache: Path, text: str) -> None:
    first = language_module._identifier(("de", "en")).classify(text)
    language_module._identifier.cache_clear()
    assert language_module._identifier(("de", "en")).classify(text) == first


def test_a_damaged_cache_is_rebuilt(fresh_cache: Path) -> None:
    language_module._identifier(("de", "en"))
    (cached,) = fresh_cache.iterdir()
    cached.write_bytes(b"not a model")
    language_module._identifier.cache_clear()
    assert identify(SAMPLES[0])[0] == "de"


def test_an_unwritable_cache_folder_only_costs_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", "utf-8")
    monkeypatch.setenv("LAGEBILD_CACHE", str(blocker / "cache"))
    language_module._identifier.cache_clear()
    try:
        assert identify(SAMPLES[1])[0] == "en"
    finally:
        language_module._identifier.cache_clear()
