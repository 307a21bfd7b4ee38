"""TimeML: a document's time expressions as TIMEX3 tags inline over its clean text.

The layout is TempEval-3's: ``DOCID``, the creation time ``DCT`` (the document's date,
``tid="t0"``) and ``TEXT`` with one ``TIMEX3`` per expression (``tid``, ``type``,
``value``, ``mod`` where set).  Removing the tags and unescaping gives the clean text
back exactly, so every tag's offsets are the record's.  Expressions that overlap one
already tagged are left out (TIMEX3 tags do not nest).  An unresolved value is written
as TimeML's unknown (``XXXX-XX-XX`` for a date, ``PX`` for a duration).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO
from xml.sax.saxutils import escape as escape_xml
from xml.sax.saxutils import quoteattr

from lagebild.export.selection import ExportError, Selected
from lagebild.records import TimeExpression

#: Characters XML 1.0 cannot hold, written as U+FFFD; a carriage return as a reference,
#: since parsers turn a literal one into a line feed.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
UNKNOWN = {"DATE": "XXXX-XX-XX", "TIME": "XXXX-XX-XXTXX:XX", "DURATION": "PX", "SET": "XXXX"}


def timeml(chosen: Selected) -> str:
    """The TimeML document of one selected document and its kept time expressions."""
    document = chosen.document
    dct = document.published.isoformat() if document.published else ""
    creation = (
        f'<TIMEX3 tid="t0" type="DATE" value={quoteattr(dct)} temporalFunction="false" '
        f'functionInDocument="CREATION_TIME">{escape(dct)}</TIMEX3>'
        if dct
        else ""
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<TimeML>\n'
        f"<DOCID>{escape(document.id)}</DOCID>\n<DCT>{creation}</DCT>\n"
        f"<TEXT>{_inline(document.text, chosen)}</TEXT>\n</TimeML>\n"
    )


def _inline(text: str, chosen: Selected) -> str:
    parts: list[str] = []
    cursor = 0
    for position, time in sorted(chosen.records("times"), key=lambda item: item[1].start):
        if time.start < cursor:
            continue
        parts.append(escape(text[cursor : time.start]))
        parts.append(_tag(position, time, text[time.start : time.end]))
        cursor = time.end
    parts.append(escape(text[cursor:]))
    return "".join(parts)


def _tag(position: int, time: TimeExpression, words: str) -> str:
    value = time.value or UNKNOWN.get(time.type, "XXXX")
    attributes = f"tid={quoteattr(f't{position + 1}')} type={quoteattr(time.type)}"
    attributes += f" value={quoteattr(value)}"
    if time.mod:
        attributes += f" mod={quoteattr(time.mod)}"
    return f"<TIMEX3 {attributes}>{escape(words)}</TIMEX3>"


def escape(text: str) -> str:
    """Text as XML character data that parses back to the same characters."""
    return escape_xml(_NOT_XML.sub("\ufffd", text), {"\r": "&#13;"})


def write_timeml(selected: Iterable[Selected], out: TextIO) -> dict[str, int]:
    """Write the TimeML of the one selected document to ``out`` (more need a folder)."""
    found = list(selected)
    if len(found) != 1:
        raise ExportError(
            f"TimeML holds one document per file and {len(found)} are selected: "
            "give one document id (--document) or a folder (-o FOLDER)"
        )
    out.write(timeml(found[0]))
    return {"documents": 1, "times": len(found[0].kept.get("times", []))}


def write_timeml_folder(selected: Iterable[Selected], folder: Path) -> dict[str, int]:
    """Write ``<document id>.tml`` per selected document into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    counts: Counter[str] = Counter()
    for chosen in selected:
        path = folder / f"{chosen.document.id}.tml"
        path.write_text(timeml(chosen), "utf-8")
        counts["documents"] += 1
        counts["times"] += len(chosen.kept.get("times", []))
    return dict(counts)
