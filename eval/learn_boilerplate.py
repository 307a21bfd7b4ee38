"""Propose debris rules from a folder of documents: lines that recur across documents of a site.

    .venv/bin/python eval/learn_boilerplate.py [FOLDER] [--per-site 2] [--anywhere 3]
                                              [--include-heldout] [--out FILE]

FOLDER defaults to the corpus's ``news-de``.  The documents of the held-out part of
the cleaning gold are left out unless ``--include-heldout`` is given, so the rules
written from this output are never tuned on the held-out part.  Each candidate is
printed with its count and the whole-line regex that ``lagebild.clean.learn`` makes
of it (digits and white space generalised); ``--out`` writes those rules to a file
in the ``reason<TAB>regex`` format.  Review before shipping: a recurring caption
("Karte der Ukraine …") is content, not debris.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from gate import CORPUS
from lagebild.clean.learn import as_pattern, learn, learn_by_site, site_of
from lagebild.read import read_source
from lagebild.records import Document

GOLD = Path(__file__).parent / "gold" / "cleaning-news-de.jsonl"


def heldout_files() -> set[str]:
    """File names of the cleaning gold's held-out part."""
    if not GOLD.exists():
        return set()
    items = (json.loads(line) for line in GOLD.read_text("utf-8").splitlines() if line.strip())
    return {item["file"] for item in items if item["part"] == "heldout"}


def documents(folder: Path, skip: set[str]) -> list[Document]:
    found = []
    for path in sorted(folder.iterdir()):
        if path.is_file() and path.name not in skip:
            found.extend(d for d in read_source(path) if isinstance(d, Document))
    return found


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=CORPUS / "news-de")
    parser.add_argument("--per-site", type=int, default=2)
    parser.add_argument("--anywhere", type=int, default=3)
    parser.add_argument("--include-heldout", action="store_true")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    if not args.folder.is_dir():
        print(f"cannot learn: {args.folder} is missing", file=sys.stderr)
        return 1
    skip = set() if args.include_heldout else heldout_files()
    docs = documents(args.folder, skip)
    print(f"# {len(docs)} documents from {args.folder} ({len(skip)} held-out files left out)")
    rules = [("anywhere", line) for line in learn((d.raw_text for d in docs), args.anywhere)]
    print(f"# lines in >= {args.anywhere} unrelated documents: {len(rules)}")
    for line in (line for _, line in rules):
        print(f"  {as_pattern(line)}")
    by_site = learn_by_site(((site_of(d), d.raw_text) for d in docs), args.per_site)
    for site, lines in by_site.items():
        print(f"# {site}: {len(lines)} lines in >= {args.per_site} of its documents")
        for line, count in lines:
            print(f"  {count:3}  {as_pattern(line)}")
            rules.append((site, line))
    if args.out:
        body = "".join(f"learned\t{as_pattern(line)}\n" for _, line in rules)
        args.out.write_text(body, "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
