"""Load test of `lagebild serve`: concurrent clients against search and entity pages.

    .venv/bin/python bench/load.py [--clients 100] [--seconds 60] [--claims 100000] [--db URL]
                                   [--workers 2] [--warmup 0]

Builds (once, unless --db names an existing store) a synthetic store with at least
``--claims`` claims (documents of ten claims each, speakers and places drawn from a fixed
cast), starts `lagebild serve --workers` (``--workers`` processes, default one
per core of the two the target was set for) on a free loopback port, optionally loads it
for ``--warmup`` seconds unmeasured, runs ``--clients`` clients for ``--seconds`` seconds
and prints requests/s, p50, p99 and errors per route, the CPU time per request of the
server and of the clients, and the load average (other work may share the cores).
Each client sends its next request as soon as the last one is answered, over one
keep-alive connection.  Traffic goes to 127.0.0.1 only; the run is bounded in time and
stops the server itself.  Target (issue 7): 0 errors, p99 < 200 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import httpx

from lagebild.records import Claim, Document, Entity, EntityType, Mention
from lagebild.store import Store

HOST = "127.0.0.1"
CAST = [(f"person/speaker-{i}", f"Sprecher{i}", EntityType.PERSON) for i in range(40)] + [
    (f"place/town-{i}", f"Stadt{i}", EntityType.PLACE) for i in range(40)
]
WORDS = "Angriff Drohnen Front Verhandlungen Luftabwehr Raketen Brücke Hafen Waffenruhe".split()
CLAIMS_PER_DOCUMENT = 10
#: Seconds a request may take before it counts as an error.
TIMEOUT = 30


def synthetic_document(index: int, rng: random.Random) -> Document:
    """A document of ten claims by speakers of the cast about places of the cast."""
    sentences: list[str] = []
    claims: list[Claim] = []
    entities: dict[str, Entity] = {}
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


class Http:
    """One keep-alive HTTP/1.1 connection to the server, speaking just enough of the protocol
    for GETs: the bench's own cost per request must stay far below the server's, and
    httpx's async client spent about 2 ms of CPU on each (as much as the server)."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def get(self, path: str) -> int:
        """The status of ``GET path``; the body is read and dropped."""
        if self.streams is None:
            self.streams = await asyncio.open_connection(HOST, self.port)
        reader, writer = self.streams
        target = quote(path, safe="/?=&%")
        writer.write(f"GET {target} HTTP/1.1\r\nHost: {HOST}\r\n\r\n".encode("ascii"))
        status = int((await reader.readline()).split(b" ", 2)[1])
        headers = await read_headers(reader)
        if headers.get(b"transfer-encoding") == b"chunked":
            await read_chunks(reader)
        else:
            await reader.readexactly(int(headers.get(b"content-length", b"0")))
        if headers.get(b"connection") == b"close":
            await self.close()
        return status

    async def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()
            self.streams = None


async def read_headers(reader: asyncio.StreamReader) -> dict[bytes, bytes]:
    """Header names (lower case) and values up to the blank line."""
    headers: dict[bytes, bytes] = {}
    while (line := await reader.readline()) not in (b"\r\n", b""):
        name, _, value = line.partition(b":")
        headers[name.strip().lower()] = value.strip()
    return headers


async def read_chunks(reader: asyncio.StreamReader) -> None:
    """Reads a chunked body to its end."""
    while size := int((await reader.readline()).split(b";")[0], 16):
        await reader.readexactly(size + 2)
    await reader.readline()


async def client(
    port: int, until: float, seed: int, timings: dict[str, list[float]], errors: dict[str, int]
) -> None:
    rng = random.Random(seed)
    http = Http(port)
    while time.monotonic() < until:
        route, path = targets(rng)
        started = time.perf_counter()
        try:
            failed = await asyncio.wait_for(http.get(path), TIMEOUT) >= 400
        except (OSError, ValueError, IndexError, asyncio.IncompleteReadError, TimeoutError):
            failed = True
            await http.close()
        timings[route].append(time.perf_counter() - started)
        errors[route] += failed
    await http.close()


async def load(
    port: int, clients: int, seconds: float
) -> tuple[dict[str, list[float]], dict[str, int]]:
    timings: dict[str, list[float]] = defaultdict(list)
    errors: dict[str, int] = defaultdict(int)
    until = time.monotonic() + seconds
    await asyncio.gather(*(client(port, until, i, timings, errors) for i in range(clients)))
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
    parser.add_argument(
        "--workers", type=int, choices=range(1, 9), default=2, help="server processes"
    )
    parser.add_argument(
        "--warmup",
        type=float,
        default=0,
        help="seconds of the same load before measuring (fills the server's caches)",
    )
    args = parser.parse_args()
    url = args.db or f"sqlite:///{Path(tempfile.mkdtemp(prefix='lagebild-load-')) / 'load.db'}"
    build(url, args.claims)
    port = free_port()
    base = f"http://{HOST}:{port}"
    server = start(url, port, args.workers)
    try:
        wait_until_up(base, server)
        if args.warmup:
            asyncio.run(load(port, args.clients, min(args.warmup, 600)))
        before = Usage.now(server.pid)
        timings, errors = asyncio.run(load(port, args.clients, min(args.seconds, 600)))
        spent = Usage.now(server.pid) - before
        report(timings, errors, spent.wall)
        print(spent.describe(sum(len(values) for values in timings.values())))
    finally:
        stop(server)
    return 0


@dataclass(frozen=True)
class Usage:
    """Wall time, the load average, and CPU seconds of this process and of the server's."""

    wall: float
    load: float
    client: float
    server: float

    @classmethod
    def now(cls, server_pid: int) -> Usage:
        own = resource.getrusage(resource.RUSAGE_SELF)
        return cls(
            time.monotonic(),
            os.getloadavg()[0],
            own.ru_utime + own.ru_stime,
            sum(cpu_seconds(pid) for pid in process_tree(server_pid)),
        )

    def __sub__(self, earlier: Usage) -> Usage:
        return Usage(
            self.wall - earlier.wall,
            self.load,
            self.client - earlier.client,
            self.server - earlier.server,
        )

    def describe(self, requests: int) -> str:
        per = 1000 / max(1, requests)
        return (
            f"CPU per request: server {self.server * per:.1f} ms, clients {self.client * per:.1f}"
            f" ms; load average {self.load:.1f} on {os.cpu_count()} cores"
        )


def process_tree(pid: int) -> list[int]:
    """``pid`` and its descendants (Linux ``/proc``; just ``pid`` elsewhere)."""
    children = Path(f"/proc/{pid}/task/{pid}/children")
    found = children.read_text().split() if children.exists() else []
    return [pid, *(descendant for child in found for descendant in process_tree(int(child)))]


def cpu_seconds(pid: int) -> float:
    """User and system CPU seconds of a running process (0 where ``/proc`` has none)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    # After the name: state is field 3, utime and stime are fields 14 and 15 (proc(5)).
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def start(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    """``lagebild serve --workers`` on loopback only, its log quiet.

    One process per core: each request is CPU-bound work under one GIL, so a second
    process doubles what two cores can answer; each keeps its own store connections."""
    command = [sys.executable, "-m", "lagebild.cli", "--db", url, "serve", "--host", HOST]
    options = ["--port", str(port), "--workers", str(workers)]
    environment = {key: value for key, value in os.environ.items() if key != "LAGEBILD_TOKEN"}
    return subprocess.Popen(
        [*command, *options], env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


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
