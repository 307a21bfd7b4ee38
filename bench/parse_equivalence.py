"""Check: the compiled attribute ruler and lemmatizer equal spaCy's own, token for token.

    .venv/bin/python bench/parse_equivalence.py [--limit N] [FOLDER ...]

Every sentence of the documents (default: isw-en) is parsed
twice, by the full spaCy pipeline and by ``parse_all`` (compiled rules); every token's
text, tag, pos, morph, lemma, dep and head are compared.  Prints the counts, any
difference, and the CPU seconds of each way.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from entities import prepared  # documents read and cleaned the same way
from lagebild.stages.events import parse as p
from lagebild.stages.events.stage import DEFAULT_PARSERS


def sentences_of(folders: list[str], limit: int | None) -> list[str]:
    """Every sentence of the documents (a superset of what the events stage parses: it
    leaves out headings)."""
    documents = prepared(folders)[:limit]
    return [d.text[s.start : s.end] for d in documents for s in d.sentences]


def token_row(token: Any) -> tuple[Any, ...]:
    return (
        token.text,
        token.tag_,
        token.pos_,
        str(token.morph),
        token.lemma_,
        token.dep_,
        token.head.i,
    )


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folders", nargs="*", default=["isw-en"])
    parser.add_argument("--limit", type=int)
    args = parser.parse_args(argv)
    name = DEFAULT_PARSERS["en"]
    texts = sentences_of(args.folders, args.limit)
    nlp = p.load_parser(name)
    started = time.process_time()
    spacy_docs = list(nlp.pipe(texts, batch_size=64))
    spacy_s = time.process_time() - started
    started = time.process_time()
    fast_docs = p.parse_all(name, texts)
    fast_s = time.process_time() - started
    tokens = differences = 0
    for text, old, new in zip(texts, spacy_docs, fast_docs, strict=True):
        for a, b in zip(old, new, strict=True):
            tokens += 1
            if token_row(a) != token_row(b):
                differences += 1
                print(f"DIFF in {text[:60]!r}: {token_row(a)} != {token_row(b)}")
    print(
        f"{len(texts):,} sentences, {tokens:,} tokens, {differences} differences; "
        f"spaCy pipeline {spacy_s:.2f} s CPU, compiled rules {fast_s:.2f} s CPU "
        f"({len(getattr(p.fast_rules(name), 'cache', ())):,} token keys cached)"
    )
    return 1 if differences else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
