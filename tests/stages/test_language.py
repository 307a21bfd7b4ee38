"""Language identification."""

from __future__ import annotations

import pytest

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
