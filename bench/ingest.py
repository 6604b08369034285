"""Ingestion throughput against the bare spaCy pipeline, measured in the same run.

    python bench/ingest.py                 # first 300 corpus articles, 1 and 2 workers
    python bench/ingest.py --n 1000 --out bench-ingest.json
    python bench/ingest.py --all           # the whole corpus (4,838 articles)

Each measurement runs in a fresh child process, so that peak memory (ru_maxrss) is that
run's own and no model is shared by accident. Models and lexicons are loaded before the
clock starts in every case: the figures are steady-state throughput, start-up is reported
apart. Every run is repeated (`--repeat`, 3 rounds, the order reversed every other round, so
that a change in the machine's load favours no run); a ratio is taken within each round and
the median over the rounds is reported, with its range.

- bare spaCy: `nlp.pipe` of the model as spaCy ships it (`fr_core_news_md.load()`) over the
  same paragraphs chronique parses (one process, and with spaCy's own `n_process=2` for
  comparison with two workers): the reference of every ratio;
- spaCy as chronique loads it: the same, through `chronique.nlp.get_nlp`, whose lemmatizer
  index is a set (same lemmas, less time): what parsing alone costs inside chronique, so that
  the extractors' own share stays visible;
- pipeline: `process_stream`, i.e. parsing plus every extractor, without the store;
- ingest: `chronique.store.ingest` end to end (read, hash, extract, MinHash, write) into a new
  DuckDB file, with 1 and 2 workers (in-process for 1, a process pool for 2).
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = Path(os.environ.get("CHRONIQUE_SHARED", REPO.parent / "shared"))


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def _articles(path: str):
    from chronique.read import read_inputs

    return [i.article for i in read_inputs([path]) if i.article is not None]


# -- child measurements (each in its own process) --------------------------------------------


def child_spacy(path: str, n_process: int, batch_size: int, stock: bool = True) -> dict:
    import importlib

    from chronique.nlp import MODEL_PACKAGES, get_nlp

    t = time.perf_counter()
    nlp = importlib.import_module(MODEL_PACKAGES["fr"][0]).load() if stock else get_nlp("fr")
    load = time.perf_counter() - t
    arts = _articles(path)
    paras = [p.text for a in arts for p in a.paragraphs()]
    t = time.perf_counter()
    tokens = sum(len(d) for d in nlp.pipe(paras, batch_size=64, n_process=n_process))
    secs = time.perf_counter() - t
    return dict(
        articles=len(arts),
        paragraphs=len(paras),
        tokens=tokens,
        seconds=secs,
        startup=load,
        rss_main=_rss_mb(resource.RUSAGE_SELF),
        rss_worker=_rss_mb(resource.RUSAGE_CHILDREN) if n_process > 1 else None,
    )


def child_pipeline(path: str, batch_size: int) -> dict:
    from chronique.pipeline import process_stream, warm

    t = time.perf_counter()
    warm("fr")
    load = time.perf_counter() - t
    arts = _articles(path)
    t = time.perf_counter()
    n_events = sum(len(r.events) for r in process_stream(arts, batch_size=batch_size))
    secs = time.perf_counter() - t
    return dict(
        articles=len(arts),
        events=n_events,
        seconds=secs,
        startup=load,
        rss_main=_rss_mb(resource.RUSAGE_SELF),
        rss_worker=None,
    )


def child_ingest(path: str, workers: int, batch_size: int, db: str) -> dict:
    from chronique.batch import make_runner
    from chronique.store.ingest import ingest

    t = time.perf_counter()
    runner = make_runner(workers)
    runner.warm(("fr",))
    load = time.perf_counter() - t
    t = time.perf_counter()
    summary = ingest([path], db, batch_size=batch_size, runner=runner)
    secs = time.perf_counter() - t
    runner.close()
    rss_workers = _rss_mb(resource.RUSAGE_CHILDREN) if workers > 1 else None
    return dict(
        articles=summary.stored + summary.failures,
        stored=summary.stored,
        events=summary.events,
        failures=summary.failures,
        seconds=secs,
        startup=load,
        rss_main=_rss_mb(resource.RUSAGE_SELF),
        rss_worker=rss_workers,
        db_bytes=os.path.getsize(db),
    )


def run_child(args: list[str]) -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    out = subprocess.run(
        [sys.executable, __file__, "--child", *args],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout.strip().splitlines()[-1])


# -- driver -----------------------------------------------------------------------------------


def sample(shared: Path, n: int | None, into: Path) -> Path:
    src = shared / "corpus" / "orangesum_fr_politics.jsonl.gz"
    with gzip.open(src, "rt", encoding="utf-8") as fh:
        lines = list(itertools.islice(fh, n) if n else fh)
    into.write_text("".join(lines), encoding="utf-8")
    return into


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=300, help="articles from the corpus start")
    ap.add_argument("--all", action="store_true", help="the whole corpus")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument(
        "--repeat", type=int, default=3, help="rounds of every run, order alternated; medians"
    )
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--out", type=Path, help="write the results as JSON here")
    ap.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.child:
        kind, *rest = a.child
        if kind in ("spacy", "spacy-chronique"):
            res = child_spacy(rest[0], int(rest[1]), a.batch_size, stock=kind == "spacy")
        elif kind == "pipeline":
            res = child_pipeline(rest[0], a.batch_size)
        else:
            res = child_ingest(rest[0], int(rest[1]), a.batch_size, rest[2])
        print(json.dumps(res))
        return 0

    import statistics

    import duckdb
    import spacy

    specs: list[tuple[str, int, str]] = [("bare spaCy nlp.pipe", 1, "spacy")]
    if max(a.workers) > 1:
        specs.append(("bare spaCy nlp.pipe", 2, "spacy"))
    specs.append(("spaCy as chronique loads it", 1, "spacy-chronique"))
    specs.append(("pipeline (no store)", 1, "pipeline"))
    specs += [("chronique ingest", w, "ingest") for w in a.workers]
    rounds: list[dict[tuple[str, int], dict]] = []
    with tempfile.TemporaryDirectory(prefix="chronique-bench-") as tmp:
        path = str(sample(a.shared, None if a.all else a.n, Path(tmp) / "sample.jsonl"))
        load = os.getloadavg()
        print(f"bench: {path} ({'all' if a.all else a.n} articles), load {load[0]:.1f}", flush=True)
        for r in range(a.repeat):
            got: dict[tuple[str, int], dict] = {}
            # alternate the order, so that a drift in the machine's load favours no run
            for name, workers, kind in specs if r % 2 == 0 else specs[::-1]:
                if kind.startswith("spacy"):
                    res = run_child([kind, path, str(workers)])
                elif kind == "pipeline":
                    res = run_child(["pipeline", path])
                else:
                    db = str(Path(tmp) / f"bench-{r}-{workers}.duckdb")
                    res = run_child(["ingest", path, str(workers), db])
                res["rate"] = res["articles"] / res["seconds"] if res["seconds"] else 0.0
                got[(name, workers)] = res
                print(
                    f"  round {r + 1}: {name:<22} workers={workers}  {res['rate']:.2f} articles/s",
                    flush=True,
                )
            rounds.append(got)

    def median(key: tuple[str, int], field: str) -> float | None:
        vals = [g[key][field] for g in rounds if g[key].get(field) is not None]
        return statistics.median(vals) if vals else None

    runs: list[dict] = []
    for name, workers, _ in specs:
        key = (name, workers)
        res = dict(rounds[0][key])  # counts are the same in every round
        for f in ("seconds", "rate", "startup"):
            res[f] = median(key, f)
        for f in ("rss_main", "rss_worker"):  # memory: the worst round
            vals = [g[key][f] for g in rounds if g[key].get(f) is not None]
            res[f] = max(vals) if vals else None
        # ratios within a round (same machine state), then their median over the rounds
        per_round_1 = [g[key]["rate"] / g[("bare spaCy nlp.pipe", 1)]["rate"] for g in rounds]
        same = ("bare spaCy nlp.pipe", workers)
        per_round_same = (
            [g[key]["rate"] / g[same]["rate"] for g in rounds] if same in rounds[0] else []
        )
        res.update(
            run=name,
            workers=workers,
            rounds=len(rounds),
            rates=[g[key]["rate"] for g in rounds],
            vs_bare_1=statistics.median(per_round_1),
            vs_bare_1_range=[min(per_round_1), max(per_round_1)],
            vs_bare_same=statistics.median(per_round_same) if per_round_same else None,
        )
        runs.append(res)
    meta = dict(
        articles=runs[0]["articles"],
        paragraphs=runs[0]["paragraphs"],
        tokens=runs[0]["tokens"],
        batch_size=a.batch_size,
        rounds=a.repeat,
        cpus=os.cpu_count(),
        load_before=load[0],
        load_after=os.getloadavg()[0],
        python=platform.python_version(),
        spacy=spacy.__version__,
        duckdb=duckdb.__version__,
        model="fr_core_news_md",
    )
    print()
    print(
        f"{meta['articles']} articles, {meta['paragraphs']} paragraphs, {meta['tokens']} tokens;"
        f" {meta['cpus']} CPUs, load average {meta['load_before']:.1f} → "
        f"{meta['load_after']:.1f}; batch {a.batch_size}; median of {a.repeat} rounds"
    )
    print()
    print(
        "| run | workers | seconds | articles/s | × bare spaCy (1 proc) | range over rounds "
        "| × bare spaCy (same procs) | peak RSS main (MiB) | peak RSS per worker (MiB) |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for r in runs:
        worker = r["rss_worker"] if r["rss_worker"] is not None else r["rss_main"]
        lo, hi = r["vs_bare_1_range"]
        print(
            f"| {r['run']} | {r['workers']} | {r['seconds']:.1f} | {r['rate']:.2f} | "
            f"{r['vs_bare_1']:.2f} | {lo:.2f}–{hi:.2f} | {r['vs_bare_same']:.2f} | "
            f"{r['rss_main']:.0f} | "
            f"{worker:.0f} |"
        )
    if a.out:
        a.out.write_text(
            json.dumps({"meta": meta, "runs": runs}, indent=1) + "\n", encoding="utf-8"
        )
        print(f"\nwritten to {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
