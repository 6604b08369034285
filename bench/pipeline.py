"""Throughput of the full pipeline against bare spaCy, per-stage profile, memory and growth.

Why: parsing dominates the cost of coding an article, so the honest figure is how much
chronique's extractors add on top of the spaCy pipeline they need anyway. Both run in the same
process, on the same articles, chunked and batched the same way, repeated with the order
alternated; the ratio full/bare is the headline (absolute times drift on a shared machine).

* sample: the first N readable articles of the corpus JSONL (deterministic);
* bare: `get_nlp("fr").pipe` over each chunk's paragraphs (what `process_batch` parses);
* full: `chronique.pipeline.process_batch` over each chunk of articles (as `process_stream`);
* profile: during the timed full runs, the stage functions are wrapped at runtime by timers
  that charge each call its exclusive time (a timed call nested in another is not counted
  twice);
* memory: RSS once models are loaded, after each repetition, peak RSS, and the Python-heap
  peak (tracemalloc) while one chunk is coded;
* growth: ms per article by article length (repeated runs per length bucket), and articles/s and
  RSS after each chunk of the timed runs (cost and memory as the corpus grows).

Usage: python bench/pipeline.py [--corpus FILE] [--n 200] [--repeat 3] [--out FILE.json]
The markdown section goes to stdout.
"""

from __future__ import annotations

import argparse
import functools
import gc
import importlib
import itertools
import json
import os
import resource
import statistics
import sys
import time
import tracemalloc
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chronique.model import Article  # noqa: E402

DEFAULT_CORPUS = ROOT / ".." / "shared" / "corpus" / "orangesum_fr_politics.jsonl.gz"
LANG = "fr"
# Article length buckets, in characters: (label, lower bound inclusive, upper bound exclusive).
BUCKETS = (("<1k", 0, 1000), ("1–3k", 1000, 3000), (">3k", 3000, None))

# The callables timed by the profile, by stage. A module-level function is replaced in every
# chronique module that imported it; a method is replaced on its class.
STAGES: tuple[tuple[str, str], ...] = (
    ("parse (nlp.pipe)", "spacy.language:Language.pipe"),
    ("language id", "chronique.nlp:article_language"),
    ("actors", "chronique.extract.actors:DocActors.__init__"),
    ("actors", "chronique.extract.actors:DocActors.entities"),
    ("quotes", "chronique.extract.quotes:quote_spans"),
    ("quotes", "chronique.extract.quotes:QuoteExtractor.paragraph"),
    ("times", "chronique.extract.time:find_times"),
    ("events", "chronique.extract.events:code_paragraph"),
    ("events", "chronique.extract.events:to_event"),
    ("events", "chronique.extract.events:dropped_record"),
    ("events", "chronique.extract.events:infer_recipients"),
    ("events", "chronique.extract.events:merge_events"),
)
GENERATORS = {"spacy.language:Language.pipe"}  # lazy: time each next(), not the call
_INHERITED = object()


# -- sample -----------------------------------------------------------------------------------


def load_sample(corpus: Path, n: int) -> list[Article]:
    """The first `n` readable articles of the corpus, in file order."""
    from chronique.read import read_inputs

    items = (i.article for i in read_inputs([str(corpus)]))
    return list(itertools.islice((a for a in items if a is not None), n))


def chunks(articles: list[Article], size: int) -> list[list[Article]]:
    return [articles[i : i + size] for i in range(0, len(articles), size)]


@dataclass
class Timing:
    seconds: float  # wall clock
    cpu: float = 0.0  # this process's CPU time: less sensitive to other jobs on the machine
    tokens: int = 0
    # After each chunk: (articles so far, wall seconds so far, RSS in MB): growth for free.
    marks: list[tuple[int, float, float]] = field(default_factory=list)


class Stopwatch:
    """Wall and CPU time since creation, with a mark after each chunk."""

    def __init__(self) -> None:
        self.t0, self.c0 = time.perf_counter(), time.process_time()
        self.marks: list[tuple[int, float, float]] = []

    def mark(self, articles: int) -> None:
        self.marks.append((articles, round(time.perf_counter() - self.t0, 3), rss_mb()))

    def stop(self, tokens: int = 0) -> Timing:
        wall, cpu = time.perf_counter() - self.t0, time.process_time() - self.c0
        return Timing(wall, cpu, tokens, self.marks)


def run_bare(articles: list[Article], chunk: int, batch_size: int) -> Timing:
    """spaCy alone on exactly the paragraphs `process_batch` parses, chunk by chunk."""
    from chronique.nlp import get_nlp

    nlp = get_nlp(LANG)
    tokens = done = 0
    gc.collect()  # do not charge this run with collecting the previous one's garbage
    clock = Stopwatch()
    for part in chunks(articles, chunk):
        texts = [p.text for a in part for p in a.paragraphs()]
        for doc in nlp.pipe(texts, batch_size=batch_size):
            tokens += len(doc)
        done += len(part)
        clock.mark(done)
    return clock.stop(tokens)


def run_full(
    articles: list[Article], chunk: int, batch_size: int, out: Counter[str] | None = None
) -> Timing:
    """The whole pipeline, chunked like `process_stream`; `out` counts what it found."""
    from chronique.pipeline import process_batch

    done = 0
    gc.collect()
    clock = Stopwatch()
    for part in chunks(articles, chunk):
        results = process_batch(part, batch_size=batch_size)
        done += len(part)
        clock.mark(done)
        if out is not None:
            for r in results:
                out["events"] += len(r.events)
                out["quotes"] += len(r.quotes)
                out["entities"] += len(r.entities)
                out["times"] += len(r.times)
                out["extractor failures"] += sum("extractor failed" in e for e in r.errors)
    return clock.stop()


def rss_mb() -> float:
    """Current resident set size (Linux /proc), else the peak so far."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return peak_rss_mb()


def peak_rss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


# -- profile ----------------------------------------------------------------------------------


class StageClock:
    """Exclusive wall time per stage: time spent in a nested timed call goes to that call."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self.calls: Counter[str] = Counter()
        self._stack: list[list[Any]] = []  # [stage, start, time spent in timed children]

    def enter(self, stage: str) -> None:
        self._stack.append([stage, time.perf_counter(), 0.0])

    def leave(self) -> None:
        stage, start, children = self._stack.pop()
        spent = time.perf_counter() - start
        self.seconds[stage] += spent - children
        if self._stack:
            self._stack[-1][2] += spent

    def wrap(self, fn: Callable[..., Any], stage: str) -> Callable[..., Any]:
        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Any:
            self.calls[stage] += 1
            self.enter(stage)
            try:
                return fn(*args, **kwargs)
            finally:
                self.leave()

        return timed

    def wrap_generator(self, fn: Callable[..., Any], stage: str) -> Callable[..., Any]:
        @functools.wraps(fn)
        def timed(*args: Any, **kwargs: Any) -> Iterator[Any]:
            self.calls[stage] += 1
            it = iter(fn(*args, **kwargs))
            while True:
                self.enter(stage)
                try:
                    item = next(it)
                except StopIteration:
                    return
                finally:
                    self.leave()
                yield item

        return timed


def _resolve(target: str) -> tuple[Any, str, Any]:
    """'pkg.mod:Class.attr' or 'pkg.mod:func' → (owner, attribute name, current value)."""
    module_name, _, path = target.partition(":")
    owner: Any = importlib.import_module(module_name)
    *parents, name = path.split(".")
    for p in parents:
        owner = getattr(owner, p)
    return owner, name, getattr(owner, name)


@contextmanager
def instrumented(clock: StageClock) -> Iterator[StageClock]:
    """Wrap every STAGES callable for the duration of the block, then put the originals back."""
    import chronique.pipeline  # noqa: F401 - load every module that imports the stage functions

    undo: list[tuple[Any, str, Any]] = []
    try:
        for stage, target in STAGES:
            owner, name, original = _resolve(target)
            wrap = clock.wrap_generator if target in GENERATORS else clock.wrap
            timed = wrap(original, stage)
            if isinstance(owner, type):
                # an inherited method is put back by deleting the override, not by copying it
                undo.append((owner, name, owner.__dict__.get(name, _INHERITED)))
                setattr(owner, name, timed)
                continue
            for mod_name, mod in list(sys.modules.items()):
                if mod_name.startswith("chronique") and getattr(mod, name, None) is original:
                    undo.append((mod, name, original))
                    setattr(mod, name, timed)
        yield clock
    finally:
        for owner, name, original in reversed(undo):
            if original is _INHERITED:
                delattr(owner, name)
            else:
                setattr(owner, name, original)


def profile(clock: StageClock, total: float, runs: int) -> dict[str, Any]:
    """Seconds per run spent in each stage; the rest of the wall time is reported as other."""
    order = list(dict.fromkeys(stage for stage, _ in STAGES))
    raw = [clock.seconds[s] for s in order] + [total - sum(clock.seconds.values())]
    rows: list[dict[str, Any]] = [{"stage": s, "calls": clock.calls[s] // runs} for s in order] + [
        {"stage": "other (glue: memory, results, errors)"}
    ]
    for r, secs in zip(rows, raw, strict=True):
        r["seconds"] = round(secs / runs, 3)
        # from the unrounded time: on a tiny sample, rounded seconds would not add up
        r["share"] = round(secs / total, 4) if total else None
    return {"total_seconds": round(total / runs, 3), "runs": runs, "stages": rows}


# -- the benchmark ----------------------------------------------------------------------------


def rates(t: Timing, articles: int, chars: int, tokens: int) -> dict[str, float]:
    s = t.seconds
    return {
        "seconds": round(s, 3),
        "cpu_seconds": round(t.cpu, 3),
        "articles_per_s": round(articles / s, 2),
        "tokens_per_s": round(tokens / s, 1),
        "chars_per_s": round(chars / s, 1),
        "ms_per_article": round(1000 * s / articles, 1),
    }


def pair(
    articles: list[Article],
    chunk: int,
    batch_size: int,
    bare_first: bool,
    clock: StageClock | None = None,
    out: Counter[str] | None = None,
) -> dict[str, Any]:
    """One bare and one full run back to back, so both see the same machine load.

    With `clock`, the full run's stages are timed too (a few thousand wrapped calls: well
    under a millisecond per second of run time, so the throughput figures stand).
    """

    def full_run() -> Timing:
        if clock is None:
            return run_full(articles, chunk, batch_size, out)
        with instrumented(clock):
            return run_full(articles, chunk, batch_size, out)

    if bare_first:
        bare = run_bare(articles, chunk, batch_size)
        full = full_run()
    else:
        full = full_run()
        bare = run_bare(articles, chunk, batch_size)
    return {
        "order": "bare, full" if bare_first else "full, bare",
        "bare_s": round(bare.seconds, 3),
        "full_s": round(full.seconds, 3),
        "bare_cpu_s": round(bare.cpu, 3),
        "full_cpu_s": round(full.cpu, 3),
        "tokens": bare.tokens,
        "ratio": round(full.seconds / bare.seconds, 3),
        "cpu_ratio": round(full.cpu / bare.cpu, 3) if bare.cpu else None,
        "bare_marks": bare.marks,
        "full_marks": full.marks,
    }


def bench(
    corpus: Path,
    n: int = 200,
    repeat: int = 3,
    chunk: int = 32,
    batch_size: int = 64,
    trace: bool = True,
    bucket_n: int = 16,
) -> dict[str, Any]:
    """Every measurement of this module, as one JSON-ready dict."""
    started = time.perf_counter()
    sample = load_sample(corpus, n)
    if not sample:
        raise SystemExit(f"no readable article in {corpus}")
    n = len(sample)
    chars = sum(len(a.text) for a in sample)
    paragraphs = sum(len(a.paragraphs()) for a in sample)

    load_before = _loadavg()
    # Warm up before any timing: load the model, lexicons and language identifier, then parse
    # the whole sample once, so that the first timed run does not pay alone for first
    # sightings (new words entering the spaCy vocabulary and string store).
    t0 = time.perf_counter()
    run_full(sample[:2], chunk, batch_size)
    load_s = time.perf_counter() - t0
    rss_loaded = rss_mb()
    warm_s = run_bare(sample, chunk, batch_size).seconds

    runs, rss_runs = [], []
    found: Counter[str] = Counter()
    clock = StageClock()
    for i in range(repeat):
        out = found if i == 0 else None
        runs.append(pair(sample, chunk, batch_size, i % 2 == 0, clock=clock, out=out))
        rss_runs.append(rss_mb())
    tokens = runs[0]["tokens"]
    med = statistics.median
    bare_med = Timing(med(r["bare_s"] for r in runs), med(r["bare_cpu_s"] for r in runs))
    full_med = Timing(med(r["full_s"] for r in runs), med(r["full_cpu_s"] for r in runs))
    ratios = [r["ratio"] for r in runs]

    prof = profile(clock, sum(r["full_s"] for r in runs), repeat)

    by_length = []
    for label, lo, hi in BUCKETS:
        part = [a for a in sample if len(a.text) >= lo and (hi is None or len(a.text) < hi)]
        part = part[:bucket_n]
        if not part:
            continue
        ps = [pair(part, chunk, batch_size, bare_first=i % 2 == 0) for i in range(repeat)]
        bare_s, full_s = med(p["bare_s"] for p in ps), med(p["full_s"] for p in ps)
        part_chars = sum(len(a.text) for a in part)
        by_length.append(
            {
                "bucket": label,
                "articles": len(part),
                "mean_chars": round(part_chars / len(part)),
                "tokens": ps[0]["tokens"],
                "bare_ms_per_article": round(1000 * bare_s / len(part), 1),
                "full_ms_per_article": round(1000 * full_s / len(part), 1),
                "bare_ms_per_1k_chars": round(1000 * bare_s / part_chars * 1000, 2),
                "full_ms_per_1k_chars": round(1000 * full_s / part_chars * 1000, 2),
                "ratio": med(p["ratio"] for p in ps),
                "cpu_ratio": _median_or_none([p["cpu_ratio"] for p in ps]),
            }
        )

    # Growth with corpus size: the cumulative time after each chunk of the timed runs (a
    # prefix of the sample coded alone costs what it costs at the start of a longer run).
    by_size = []
    for j, (done, _, _) in enumerate(runs[0]["full_marks"]):
        bare_s = med(r["bare_marks"][j][1] for r in runs)
        full_s = med(r["full_marks"][j][1] for r in runs)
        done_chars = sum(len(a.text) for a in sample[:done])
        by_size.append(
            {
                "articles": done,
                "chars": done_chars,
                "bare_articles_per_s": round(done / bare_s, 2),
                "full_articles_per_s": round(done / full_s, 2),
                "full_chars_per_s": round(done_chars / full_s, 1),
                # the median of the runs' ratios, like the headline (not a ratio of medians)
                "ratio": round(med(r["full_marks"][j][1] / r["bare_marks"][j][1] for r in runs), 3),
                "full_rss_mb": max(r["full_marks"][j][2] for r in runs),
            }
        )

    memory: dict[str, Any] = {
        "rss_after_load_mb": rss_loaded,
        "rss_after_each_repeat_mb": rss_runs,
    }
    # VmRSS and ru_maxrss are sampled differently; the peak is at least every RSS seen. Taken
    # before the tracemalloc pass, whose own bookkeeping would inflate it.
    seen = [m[2] for r in runs for m in r["bare_marks"] + r["full_marks"]]
    memory["peak_rss_mb"] = max([peak_rss_mb(), rss_loaded, *rss_runs, *seen])
    if trace:
        part = sample[:chunk]
        tracemalloc.start()
        try:
            run_full(part, chunk, batch_size)
            _, heap_peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        memory["tracemalloc_peak_mb"] = round(heap_peak / 2**20, 1)
        memory["tracemalloc_articles"] = len(part)

    return {
        "sample": {
            "corpus": corpus.name,
            "articles": n,
            "paragraphs": paragraphs,
            "chars": chars,
            "tokens": tokens,
            "chunk": chunk,
            "batch_size": batch_size,
            "repeat": repeat,
            "bucket_n": bucket_n,
        },
        "load_seconds": round(load_s, 2),
        "warmup_pass_seconds": round(warm_s, 2),
        "throughput": {
            "runs": runs,
            "bare": rates(bare_med, n, chars, tokens),
            "full": rates(full_med, n, chars, tokens),
            "ratio": round(med(ratios), 3),
            "ratio_min": min(ratios),
            "ratio_max": max(ratios),
            "cpu_ratio": _median_or_none([r["cpu_ratio"] for r in runs]),
        },
        "load_average": {"before": load_before, "after": _loadavg()},
        "found": dict(found),
        "profile": prof,
        "memory": memory,
        "by_length": by_length,
        "by_size": by_size,
        "seconds_total": round(time.perf_counter() - started, 1),
    }


def _median_or_none(xs: list[float | None]) -> float | None:
    known = [x for x in xs if x is not None]
    return round(statistics.median(known), 3) if known else None


def _loadavg() -> list[float] | None:
    """1, 5 and 15-minute load averages: how busy the shared machine was."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except (AttributeError, OSError):
        return None


# -- report -----------------------------------------------------------------------------------


def _table(header: list[str], rows: list[list[Any]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return out


def markdown(r: dict[str, Any]) -> str:
    """The results as a markdown section body (the caller writes the heading and command)."""
    s, t, m = r["sample"], r["throughput"], r["memory"]
    lines = [
        f"Sample: the first {s['articles']} articles of `{s['corpus']}` ({s['paragraphs']} "
        f"paragraphs, {s['chars']:,} characters, {s['tokens']:,} tokens), in chunks of "
        f"{s['chunk']} articles, `nlp.pipe` batch size {s['batch_size']}; median of "
        f"{s['repeat']} run{'s' if s['repeat'] > 1 else ''}, order alternated. Before timing, "
        f"models loaded ({r['load_seconds']} s) and the sample parsed once untimed "
        f"({r['warmup_pass_seconds']} s), so that the first timed run does not pay alone for "
        "first sightings of words.",
        "",
        f"**Full pipeline / bare spaCy: {t['ratio']:.2f}× the wall time** "
        f"(runs: {t['ratio_min']:.2f}–{t['ratio_max']:.2f}); "
        f"{_times(t.get('cpu_ratio'))} the CPU time of this process.",
        "",
    ]
    if r.get("load_average"):
        la = r["load_average"]
        lines += [
            f"Load average (1, 5, 15 min) before: {_triple(la.get('before'))}, after: "
            f"{_triple(la.get('after'))} on {os.cpu_count()} cores — other jobs share the "
            "machine: compare ratios, not absolute times; the CPU-time ratio is less disturbed "
            "by other jobs.",
            "",
        ]
    rows = []
    for name, key in (("bare spaCy (`nlp.pipe`)", "bare"), ("full (`process_batch`)", "full")):
        x = t[key]
        rows.append(
            [
                name,
                x["seconds"],
                x.get("cpu_seconds", "-"),
                x["articles_per_s"],
                f"{x['tokens_per_s']:,.0f}",
                f"{x['chars_per_s']:,.0f}",
                x["ms_per_article"],
            ]
        )
    lines += _table(
        ["pipeline", "wall s", "CPU s", "articles/s", "tokens/s", "chars/s", "ms/article"], rows
    )
    runs = ", ".join(
        f"{x['bare_s']} / {x['full_s']} s wall, {x['bare_cpu_s']} / {x['full_cpu_s']} s CPU "
        f"({x['order']})"
        for x in t["runs"]
    )
    lines += ["", f"Runs, bare / full: {runs}."]
    if r.get("found"):
        f = r["found"]
        lines += [
            "",
            "Found in the sample: " + ", ".join(f"{v:,} {k}" for k, v in f.items()) + ".",
        ]

    p = r["profile"]
    lines += [
        "",
        "### Time per stage",
        "",
        f"Stage functions wrapped with timers at runtime during the timed full runs; exclusive "
        f"time, mean per run ({p['total_seconds']} s per run). Argument and actor resolution "
        "done inside the event extractor counts as *events*; *actors* is the per-paragraph "
        "actor lexicon lookup and entity listing.",
        "",
    ]
    lines += _table(
        ["stage", "s per run", "share", "calls per run"],
        [[x["stage"], x["seconds"], _pct(x["share"]), x.get("calls", "")] for x in p["stages"]],
    )

    lines += ["", "### Memory", ""]
    mem_rows = [
        ["RSS once the models are loaded", f"{m['rss_after_load_mb']} MB"],
        [
            "RSS after each repetition",
            ", ".join(f"{x} MB" for x in m["rss_after_each_repeat_mb"]),
        ],
        ["peak RSS (`ru_maxrss`): model load, warm-up and timed runs", f"{m['peak_rss_mb']} MB"],
    ]
    if "tracemalloc_peak_mb" in m:
        mem_rows.append(
            [
                f"Python heap peak (tracemalloc) coding one chunk of "
                f"{m['tracemalloc_articles']} articles",
                f"{m['tracemalloc_peak_mb']} MB",
            ]
        )
    lines += _table(["measure", "value"], mem_rows)

    lines += [
        "",
        "### Cost by article length",
        "",
        f"The first {s.get('bucket_n', '?')} articles of the sample in each length bucket, "
        f"{s['repeat']} bare and full pairs each, order alternated; medians.",
        "",
    ]
    lines += _table(
        [
            "length",
            "articles",
            "mean chars",
            "bare ms/article",
            "full ms/article",
            "bare ms/1k chars",
            "full ms/1k chars",
            "full/bare",
            "full/bare CPU",
        ],
        [
            [
                x["bucket"],
                x["articles"],
                f"{x['mean_chars']:,}",
                x["bare_ms_per_article"],
                x["full_ms_per_article"],
                x["bare_ms_per_1k_chars"],
                x["full_ms_per_1k_chars"],
                f"{x['ratio']:.2f}",
                _times(x.get("cpu_ratio"), unit=""),
            ]
            for x in r["by_length"]
        ],
    )
    lines += [
        "",
        "### Cost by corpus size",
        "",
        "Cumulative rates after each chunk of the timed runs (median over the runs), and the "
        "largest RSS seen at that point of a full run (measured between chunks).",
        "",
    ]
    lines += _table(
        [
            "articles",
            "chars",
            "bare articles/s",
            "full articles/s",
            "full chars/s",
            "full/bare",
            "RSS (full)",
        ],
        [
            [
                x["articles"],
                f"{x['chars']:,}",
                x["bare_articles_per_s"],
                x["full_articles_per_s"],
                f"{x['full_chars_per_s']:,.0f}",
                f"{x['ratio']:.2f}",
                f"{x['full_rss_mb']} MB",
            ]
            for x in r["by_size"]
        ],
    )
    lines += ["", f"Whole benchmark: {r['seconds_total']} s."]
    return "\n".join(lines)


def _pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"


def _times(x: float | None, unit: str = "×") -> str:
    return "-" if x is None else f"{x:.2f}{unit}"


def _triple(x: list[float] | None) -> str:
    return "?" if not x else ", ".join(f"{v:.2f}" for v in x)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSONL corpus")
    ap.add_argument("--n", type=int, default=200, help="articles in the sample")
    ap.add_argument("--repeat", type=int, default=3, help="bare+full pairs; the median is kept")
    ap.add_argument("--chunk", type=int, default=32, help="articles per process_batch call")
    ap.add_argument("--batch-size", type=int, default=64, help="nlp.pipe batch size")
    ap.add_argument("--bucket-n", type=int, default=16, help="articles per length bucket")
    ap.add_argument("--no-trace", action="store_true", help="skip the tracemalloc pass")
    ap.add_argument("--out", type=Path, help="write the results as JSON to this file")
    ap.add_argument("--json", action="store_true", help="print JSON instead of markdown")
    args = ap.parse_args(argv)
    if min(args.n, args.repeat, args.chunk, args.batch_size, args.bucket_n) < 1:
        ap.error("--n, --repeat, --chunk, --batch-size and --bucket-n must be positive")
    r = bench(
        args.corpus.resolve(),
        n=args.n,
        repeat=args.repeat,
        chunk=args.chunk,
        batch_size=args.batch_size,
        trace=not args.no_trace,
        bucket_n=args.bucket_n,
    )
    if args.out:
        args.out.write_text(json.dumps(r, ensure_ascii=False, indent=1) + "\n")
    print(json.dumps(r, ensure_ascii=False, indent=1) if args.json else markdown(r))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
