"""JSON Lines: one record a line, the JSON contract's fields (see ``rows.py``)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import TextIO

from lagebild.export.rows import kinds_for, rows
from lagebild.export.selection import Selected


def write_jsonl(selected: Iterable[Selected], out: TextIO, kind: str | None = None) -> Counter[str]:
    """Write the rows of ``kind`` (all kinds when None) to ``out``; counts by kind."""
    kinds = kinds_for(kind)
    counts: Counter[str] = Counter(dict.fromkeys(kinds, 0))
    for row in rows(selected, kinds):
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
        counts[row["record_type"]] += 1
    return counts
