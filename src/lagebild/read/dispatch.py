"""Choose a reader by source kind (placeholder: plain UTF-8 text only; see issue #2)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from lagebild.config import ReadOptions
from lagebild.read.base import Skip, document_from_text
from lagebild.records import Document


def read_source(
    source: str | Path, options: ReadOptions | None = None
) -> Iterator[Document | Skip]:
    """Yield the documents in ``source`` (a file, a directory, or '-' for stdin)."""
    path = Path(source)
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError) as error:
        yield Skip(str(source), str(error))
        return
    yield document_from_text(text, str(source))


def read_sources(
    sources: Iterable[str | Path], options: ReadOptions | None = None
) -> Iterator[Document | Skip]:
    """Yield the documents of every source in turn."""
    for source in sources:
        yield from read_source(source, options)
