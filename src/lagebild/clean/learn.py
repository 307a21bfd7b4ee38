"""Learn debris lines from a corpus: short lines that recur across unrelated documents.

    python -m lagebild.clean.learn FOLDER... [--min-documents 3] > my-patterns.txt

Copies of one article (a ticker scraped twice) share their content lines, so
documents that share many lines are first grouped, and a line counts once per
group.  A line that recurs in ``min_documents`` groups, is short, and is not
already removed by a rule, is printed as a ``learned<TAB>regex`` rule for
review; add the reviewed file to ``pattern_files`` in the config.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterable, Sequence

from lagebild.clean.patterns import load_rules
from lagebild.read import read_sources
from lagebild.records import Document

MAX_CHARS = 100
DUPLICATE_SHARE = 0.5


def learn(texts: Iterable[str], min_documents: int = 3) -> list[str]:
    """The recurring short lines of ``texts`` that no rule removes yet, most frequent first."""
    groups = _groups([_line_set(text) for text in texts])
    counts: Counter[str] = Counter()
    for lines in groups:
        counts.update(lines)
    rules = load_rules()
    return [
        line
        for line, count in counts.most_common()
        if count >= min_documents and not any(rule.pattern.fullmatch(line) for rule in rules)
    ]


def _line_set(text: str) -> set[str]:
    lines = (line.strip() for line in text.splitlines())
    return {line for line in lines if 2 <= len(line) <= MAX_CHARS}


def _groups(documents: list[set[str]]) -> list[set[str]]:
    """Merge documents that share a large part of their lines (copies of one article)."""
    groups: list[set[str]] = []
    for lines in documents:
        for group in groups:
            shared = len(lines & group)
            if lines and shared / len(lines) >= DUPLICATE_SHARE:
                group |= lines
                break
        else:
            groups.append(set(lines))
    return groups


def as_rules(lines: Sequence[str]) -> str:
    """Pattern-file text for ``lines``."""
    return "".join(f"learned\t{re.escape(line)}\n" for line in lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lagebild.clean.learn", description=__doc__)
    parser.add_argument("sources", nargs="+")
    parser.add_argument("--min-documents", type=int, default=3)
    args = parser.parse_args(argv)
    texts = (item.raw_text for item in read_sources(args.sources) if isinstance(item, Document))
    sys.stdout.write(as_rules(learn(texts, args.min_documents)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
