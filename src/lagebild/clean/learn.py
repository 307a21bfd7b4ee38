"""Learn debris lines from a corpus: short lines that recur across unrelated documents.

    python -m lagebild.clean.learn FOLDER... [--min-documents 3] [--per-site 2] > rules.txt

Page furniture repeats: every article of a site carries the same share bar, the
same newsletter box, the same "Diese Nachricht wurde am <date> … gesendet".
Lines are compared by their *shape* (digits folded, white space collapsed), so
a note that differs only in its date still counts as one line.  Copies of one
article (a ticker scraped twice) share their content lines, so documents that
share many lines are first grouped, and a line counts once per group.

Two passes: lines recurring in ``--min-documents`` groups anywhere, and lines
recurring in ``--per-site`` groups of one site (the host of the document's URL).
A line that is short and not already removed by a rule is printed as a
``learned<TAB>regex`` rule, digits generalised, for review; add the reviewed
file to ``pattern_files`` in the config, or fold it into ``learned.txt``.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from urllib.parse import urlparse

from lagebild.clean.patterns import EMBED_LABEL, load_rules
from lagebild.read import read_sources
from lagebild.records import Document

MAX_CHARS = 100
DUPLICATE_SHARE = 0.5
DIGITS = re.compile(r"\d+")
SPACE = re.compile(r"\s+")


def shape(line: str) -> str:
    """The form lines are compared by: digits folded to 0, white space to one space."""
    return SPACE.sub(" ", DIGITS.sub("0", line.strip())).lower()


def learn(texts: Iterable[str], min_documents: int = 3) -> list[str]:
    """Recurring short lines (one example each) that no rule removes yet, most frequent first."""
    return [line for line, _ in _recurring(list(texts), min_documents)]


def learn_by_site(
    documents: Iterable[tuple[str, str]], min_documents: int = 2
) -> dict[str, list[tuple[str, int]]]:
    """Per site, the recurring lines of its ``(site, text)`` documents with their counts."""
    by_site: dict[str, list[str]] = defaultdict(list)
    for site, text in documents:
        by_site[site].append(text)
    found = {site: _recurring(texts, min_documents) for site, texts in sorted(by_site.items())}
    return {site: lines for site, lines in found.items() if lines}


def site_of(document: Document) -> str:
    """The host of the document's URL ('' when it has none)."""
    return urlparse(document.url or "").netloc.lower()


def _recurring(texts: list[str], min_documents: int) -> list[tuple[str, int]]:
    examples: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for group in _groups([_line_shapes(text, examples) for text in texts]):
        counts.update(group)
    rules = load_rules()
    return [
        (examples[key], count)
        for key, count in counts.most_common()
        if count >= min_documents
        and not rules.matches(examples[key])
        and not EMBED_LABEL.match(examples[key])
    ]


def _line_shapes(text: str, examples: dict[str, str]) -> set[str]:
    shapes = set()
    for line in text.splitlines():
        line = line.strip()
        if 2 <= len(line) <= MAX_CHARS:
            key = shape(line)
            examples.setdefault(key, line)
            shapes.add(key)
    return shapes


def _groups(documents: list[set[str]]) -> list[set[str]]:
    """Merge documents that share a large part of their lines (copies of one article)."""
    groups: list[set[str]] = []
    for lines in documents:
        for group in groups:
            if lines and len(lines & group) / len(lines) >= DUPLICATE_SHARE:
                group |= lines
                break
        else:
            groups.append(set(lines))
    return groups


def as_pattern(line: str) -> str:
    """A whole-line regex for ``line``: literal, with digits and white space generalised."""
    parts = re.split(r"(\d+|\s+)", line.strip())
    return "".join(_generalise(part) for part in parts)


def _generalise(part: str) -> str:
    if part.isdigit():
        return rf"\d{{1,{max(4, len(part))}}}"
    if part.isspace():
        return r"\s{1,3}"
    return re.escape(part)


def as_rules(lines: Sequence[str], reason: str = "learned") -> str:
    """Pattern-file text for ``lines``."""
    return "".join(f"{reason}\t{as_pattern(line)}\n" for line in lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lagebild.clean.learn", description=__doc__)
    parser.add_argument("sources", nargs="+")
    parser.add_argument("--min-documents", type=int, default=3)
    parser.add_argument("--per-site", type=int, default=2, metavar="N")
    args = parser.parse_args(argv)
    documents = [d for d in read_sources(args.sources) if isinstance(d, Document)]
    sys.stdout.write(as_rules(learn((d.raw_text for d in documents), args.min_documents)))
    pairs = ((site_of(d), d.raw_text) for d in documents)
    for site, lines in learn_by_site(pairs, args.per_site).items():
        sys.stdout.write(f"# {site}\n" + as_rules([line for line, _ in lines]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
