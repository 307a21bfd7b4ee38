"""The public Python API."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import lagebild
from lagebild.errors import ReadError


def test_analyze_text_runs_the_default_pipeline() -> None:
    document = lagebild.analyze("Der Präsident traf am 19. Dezember in Minsk ein. Es war kalt.")
    assert document.language == "de"
    assert len(document.sentences) == 2


def test_analyze_path(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_text("Russian forces attacked the city. Nobody was hurt.", "utf-8")
    document = lagebild.analyze(path)
    assert (document.language, document.source) == ("en", str(path))


@pytest.mark.parametrize("language", ["de", "en"])
def test_analyze_language_override_wins(language: str) -> None:
    assert lagebild.analyze("Ein kurzer deutscher Satz.", language=language).language == language


def test_analyze_published_override() -> None:
    document = lagebild.analyze("Text.", published=date(2022, 12, 20))
    assert document.published == date(2022, 12, 20)


def test_analyze_unreadable_path_raises_read_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    with pytest.raises(ReadError, match="empty"):
        lagebild.analyze(path)


def test_analyze_seed_document(seed_path: Path) -> None:
    document = lagebild.analyze(seed_path)
    assert document.language == "de"
    assert "Inhalt laden" not in document.text


def test_analyze_long_one_line_text_is_text_not_a_path() -> None:
    sentence = "Officials met in Minsk / Brest and agreed on talks. " * 8  # > 255 chars
    assert lagebild.analyze(sentence, language="en").text.startswith("Officials met")


@pytest.mark.parametrize("name", ["analyze", "assessment_threads", "pipeline_for", "Store"])
def test_the_python_api_is_on_the_package(name: str) -> None:
    assert callable(getattr(lagebild, name))


def test_exports_are_in_the_api_module_as_lagebild_export_is_the_exporters_package() -> None:
    import lagebild.export  # noqa: F401  (a submodule import rebinds the package attribute)
    from lagebild.api import export, export_documents

    assert callable(export) and callable(export_documents)


def test_importing_the_package_leaves_the_database_layer_unloaded() -> None:
    code = "import sys, lagebild; print('sqlalchemy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


def test_an_unknown_package_attribute_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no attribute 'Stor'"):
        _ = lagebild.Stor
