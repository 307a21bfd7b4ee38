"""Load test of `lagebild serve`: concurrent clients against search and entity pages.

    .venv/bin/python bench/load.py [--clients 100] [--seconds 60] [--claims 100000] [--db URL]

Builds (once, unless --db names an existing store) a synthetic store with at least
``--claims`` claims (documents of ten claims each, speakers and places drawn from a fixed
cast), starts `lagebild serve` on a free loopback port, runs ``--clients`` clients for
``--seconds`` seconds and prints requests/s, p50, p99 and errors per route.  Traffic goes
to 127.0.0.1 only; the run is bounded in time and stops the server itself.
Target (issue 7): 0 errors, p99 < 200 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import httpx

from lagebild.records import Claim, Document, Entity, EntityType, Mention
from lagebild.store import Store

HOST = "127.0.0.1"
CAST = [(f"person/speaker-{i}", f"Sprecher{i}", EntityType.PERSON) for i in range(40)] + [
    (f"place/town-{i}", f"Stadt{i}", EntityType.PLACE) for i in range(40)
]
WORDS = "Angriff Drohnen Front Verhandlungen Luftabwehr Raketen Brücke Hafen Waffenruhe".split()
CLAIMS_PER_DOCUMENT = 10


def synthetic_document(index: int, rng: random.Random) -> Document:
    """A document of ten claims by speakers of the cast about places of the cast."""
    sentences, claims, entities = [], [], {}
    offset = 0
    for _ in range(CLAIMS_PER_DOCUMENT):
        speaker, place = rng.choice(CAST[:40]), rng.choice(CAST[40:])
        sentence = f"{speaker[1]} sagte, in {place[1]} gebe es {rng.choice(WORDS)} ({index}). "
        claims.append(
            Claim(
                start=offset,
                end=offset + len(sentence) - 1,
                speaker=speaker[1],
                speaker_id=speaker[0],
                content=sentence[len(speaker[1]) + 7 : -2],
                date=f"2024-{1 + index % 12:02d}-{1 + index % 28:02d}",
            )
        )
        for entity_id, name, kind in (speaker, place):
            at = offset + sentence.index(name)
            entity = entities.setdefault(entity_id, Entity(id=entity_id, name=name, type=kind))
            entity.mentions.append(Mention(start=at, end=at + len(name), text=name))
        sentences.append(sentence)
        offset += len(sentence)
    text = "".join(sentences)
    return Document(
        source=f"synthetic/{index}.txt",
        raw_text=text,
        text=text,
        language="de",
        entities=list(entities.values()),
        claims=claims,
    )


def build(url: str, claims: int) -> None:
    """Fill the store until it holds ``claims`` claims."""
    rng = random.Random(2026)
    with Store(url) as store:
        have = store.stats().records.get("claims", 0)
        documents = max(0, claims - have + CLAIMS_PER_DOCUMENT - 1) // CLAIMS_PER_DOCUMENT
        start = store.stats().documents
        for index in range(start, start + documents):
            store.add(synthetic_document(index, rng))
        print(f"store: {store.stats().records['claims']} claims", file=sys.stderr)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def targets(rng: random.Random) -> tuple[str, str]:
    """(route name, path) of one request: search or entity, page or API."""
    entity_id = rng.choice(CAST)[0]
    word = rng.choice([*WORDS, *(name for _, name, _ in CAST)])
    return rng.choice(
        [
            ("search page", f"/search?q={word}"),
            ("search api", f"/api/search?q={word}"),
            ("entity page", f"/entities/{entity_id}"),
            ("entity api", f"/api/entities/{entity_id}"),
        ]
    )


async def client(
    base: str, until: float, seed: int, timings: dict[str, list[float]], errors: dict[str, int]
) -> None:
    rng = random.Random(seed)
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        while time.monotonic() < until:
            route, path = targets(rng)
            started = time.perf_counter()
            try:
                response = await http.get(path)
                failed = response.status_code >= 400
            except httpx.HTTPError:
                failed = True
            timings[route].append(time.perf_counter() - started)
            errors[route] += failed


async def load(
    base: str, clients: int, seconds: float
) -> tuple[dict[str, list[float]], dict[str, int]]:
    timings: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    until = time.monotonic() + seconds
    await asyncio.gather(*(client(base, until, i, timings, errors) for i in range(clients)))
    return timings, errors


def report(timings: dict[str, list[float]], errors: dict[str, int], seconds: float) -> None:
    print(f"{'route':<12} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} {'errors':>6}")
    every = [t for values in timings.values() for t in values]
    for route, values in [*sorted(timings.items()), ("all", every)]:
        if not values:
            continue
        cuts = statistics.quantiles(values, n=100) if len(values) > 1 else values * 99
        failed = sum(errors.values()) if route == "all" else errors[route]
        print(
            f"{route:<12} {len(values):>8} {len(values) / seconds:>7.1f} "
            f"{cuts[49] * 1000:>7.0f} {cuts[98] * 1000:>7.0f} {failed:>6}"
        )


def wait_until_up(base: str, server: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit("the server exited before it answered")
        try:
            if httpx.get(base + "/api/stats", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.5)
    raise SystemExit(f"the server did not answer within {timeout} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--db", help="store to use (filled up to --claims)")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="lagebild-load-"))
    url = args.db or f"sqlite:///{folder / 'load.db'}"
    build(url, args.claims)
    port = free_port()
    base = f"http://{HOST}:{port}"
    command = [sys.executable, "-m", "lagebild.cli", "serve", "--db", url, "--host", HOST]
    server = subprocess.Popen([*command, "--port", str(port)], stdout=subprocess.DEVNULL)
    try:
        wait_until_up(base, server)
        timings, errors = asyncio.run(load(base, args.clients, min(args.seconds, 600)))
        report(timings, errors, args.seconds)
    finally:
        stop(server)
    return 0


def stop(server: subprocess.Popen[bytes]) -> None:
    """Terminate the server; kill it if requests in flight keep it up past 10 s."""
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
