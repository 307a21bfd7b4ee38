"""TimeML: TIMEX3 tags inline over the clean text, parsed back with xml.etree."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lagebild.export import ExportError, Selected, write_export
from lagebild.export.timeml import escape, timeml, write_timeml
from lagebild.records import Document, TimeExpression


def timexes(root: ET.Element) -> list[tuple[int, ET.Element]]:
    """Each TIMEX3 in TEXT with its offset in the text the tags leave."""
    text = root.find("TEXT")
    assert text is not None
    offset, found = len(text.text or ""), []
    for tag in text:
        found.append((offset, tag))
        offset += len(tag.text or "") + len(tag.tail or "")
    return found


def test_text_without_tags_is_the_clean_text(selected: list[Selected]) -> None:
    for chosen in selected:
        root = ET.fromstring(timeml(chosen))
        text = root.find("TEXT")
        assert text is not None and "".join(text.itertext()) == chosen.document.text


def test_every_time_expression_is_a_timex3_at_its_offsets(selected: list[Selected]) -> None:
    for chosen in selected:
        root = ET.fromstring(timeml(chosen))
        tagged = timexes(root)
        assert len(tagged) == len(chosen.kept["times"])
        for offset, tag in tagged:
            time = chosen.document.times[int(tag.attrib["tid"][1:]) - 1]
            assert (offset, offset + len(tag.text or "")) == (time.start, time.end)
            assert tag.attrib["type"] == time.type
            assert tag.attrib["value"] == (time.value or tag.attrib["value"])


def test_creation_time_is_the_document_date(selected: list[Selected]) -> None:
    chosen = selected[0]
    creation = ET.fromstring(timeml(chosen)).find("DCT/TIMEX3")
    assert creation is not None and chosen.document.published is not None
    assert (creation.attrib["tid"], creation.attrib["value"]) == (
        "t0",
        chosen.document.published.isoformat(),
    )


def test_markup_in_the_text_is_escaped_and_overlaps_left_out() -> None:
    text = "<b>Am 19. Dezember</b> & danach"
    document = Document(
        text=text,
        times=[
            TimeExpression(start=6, end=18, text="19. Dezember", value="2022-12-19"),
            TimeExpression(start=9, end=18, text="Dezember", value="2022-12"),
            TimeExpression(start=25, end=31, text="danach", type="DATE"),
        ],
    )
    chosen = Selected(document, {"times": [0, 1, 2]})
    root = ET.fromstring(timeml(chosen))
    tags = root.findall("TEXT/TIMEX3")
    assert [(t.text, t.attrib["value"]) for t in tags] == [
        ("19. Dezember", "2022-12-19"),
        ("danach", "XXXX-XX-XX"),
    ]
    assert "".join(root.find("TEXT").itertext()) == text  # type: ignore[union-attr]


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc"))) | st.text("\r\n\t<>&\"'"))
def test_escaped_text_parses_back_to_itself(text: str) -> None:
    assert (ET.fromstring(f"<a>{escape(text)}</a>").text or "") == text


def test_several_documents_need_a_folder(selected: list[Selected], tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="one document per file"):
        write_timeml(selected, io.StringIO())
    counts = write_export(selected, "timeml", tmp_path / "tml")
    assert counts["documents"] == len(list((tmp_path / "tml").glob("*.tml"))) == len(selected)
