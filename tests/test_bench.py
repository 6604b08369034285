"""Smoke test of the benchmark code (bench/pipeline.py, bench/run.py) on 3 articles.

Why: `make bench` takes minutes and rewrites BENCHMARKS.md, so its code must not first break
there. Nothing here asserts a timing: only that every figure is produced, consistent, and
rendered, and that the runtime instrumentation leaves the pipeline as it found it.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest
from conftest import CORPUS, need

BENCH = Path(__file__).resolve().parents[1] / "bench"


def load(name: str) -> ModuleType:
    """bench/ is a folder of scripts, not a package: import one by path."""
    spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def pipeline_bench() -> ModuleType:
    return load("pipeline")


@pytest.fixture(scope="module")
def run_bench() -> ModuleType:
    return load("run")


@pytest.mark.slow
def test_pipeline_bench_on_three_articles(pipeline_bench):
    import spacy.language

    import chronique.extract.time
    import chronique.pipeline

    r = pipeline_bench.bench(need(CORPUS), n=3, repeat=1, chunk=2, trace=True)
    s, t = r["sample"], r["throughput"]
    assert s["articles"] == 3 and s["tokens"] > 0 and s["chars"] > 0
    assert t["bare"]["articles_per_s"] > 0 and t["full"]["tokens_per_s"] > 0 and t["ratio"] > 0
    stages = {x["stage"]: x for x in r["profile"]["stages"]}
    assert stages["parse (nlp.pipe)"]["calls"] > 0 and stages["times"]["calls"] > 0
    assert stages["events"]["calls"] > 0 and stages["actors"]["calls"] > 0
    assert sum(x["share"] for x in stages.values()) == pytest.approx(1.0, abs=0.01)
    assert [x["articles"] for x in r["by_size"]] == [2, 3]
    assert sum(x["articles"] for x in r["by_length"]) == 3
    m = r["memory"]
    assert m["peak_rss_mb"] >= m["rss_after_load_mb"] > 0 and m["tracemalloc_peak_mb"] > 0
    # the timers are gone once the profile is taken
    assert chronique.pipeline.find_times is chronique.extract.time.find_times
    assert not hasattr(chronique.pipeline.find_times, "__wrapped__")
    assert not hasattr(spacy.language.Language.pipe, "__wrapped__")
    md = pipeline_bench.markdown(r)
    assert "Full pipeline / bare spaCy" in md and "### Time per stage" in md


def test_stage_clock_charges_nested_time_once(pipeline_bench):
    clock = pipeline_bench.StageClock()
    inner = clock.wrap(lambda: sum(range(10_000)), "inner")
    outer = clock.wrap(lambda: [inner() for _ in range(3)], "outer")
    gen = clock.wrap_generator(lambda: iter([1, 2]), "gen")
    outer()
    assert list(gen()) == [1, 2]
    assert clock.calls == {"outer": 1, "inner": 3, "gen": 1}
    assert all(v >= 0 for v in clock.seconds.values())


def test_run_renders_every_section(run_bench):
    o = run_bench.Outcome
    ok = {"tp": 1, "fp": 0, "fn": 1, "precision": 1.0, "recall": 0.5, "f1": 0.6667}
    dev = {
        "articles_scored": 1,
        "events": ok,
        "quotes": ok,
        "modality": {"right": 1, "n": 1, "accuracy": 1.0},
        "date": {"right": 1, "n": 1, "accuracy": 1.0},
        "per_type": {"ACCUSE": ok, "AID": {**ok, "tp": 0, "fn": 0}},
        "per_article": [{"article": "a1", "events": ok, "quotes": ok}],
        "fn_causes": {"dropped: no_actor": 3, "no candidate": 1},
        "unresolved_events": 2,
        "halves": {
            h: {
                "articles": 1,
                "events": ok,
                "quotes": ok,
                "modality": {"right": 1, "n": 1, "accuracy": 1.0},
                "date": {"right": 1, "n": 1, "accuracy": 1.0},
            }
            for h in ("tune", "check")
        },
    }
    corpus = {
        "articles": 3, "events": 4, "events_per_article": 1.333, "articles_without_event": 0.3333,
        "unresolved_actor_events": 1, "inferred_actor_events": 1, "dropped_candidates": 5,
        "dropped_by_reason": {"no_actor": 5}, "types": {"ACCUSE": 4}, "located": 0.5,
        "location_kind": {"sentence": 0.5}, "location_precision": {"city": 0.5},
    }  # fmt: skip
    timebank = {
        "documents": 2,
        "by_type": {
            "DATE": {
                "gold": 4,
                "found": 3,
                "recall": 0.75,
                "comparable": 4,
                "value_correct": 2,
                "value_accuracy": 0.5,
                "value_accuracy_when_found": None,
            }
        },
        "predictions": 3,
        "predictions_overlapping_gold": 3,
        "precision": 1.0,
        "seconds_find_times": 0.1,
    }
    ingest_run = {"run": "bare spaCy", "workers": 1, "seconds": 2.0, "rate": 1.5}
    outcomes = [
        o("dev_gold", "chronique eval GOLD IN --json", data=dev),
        o("corpus", "python bench/corpus.py --corpus C --n 3", data=corpus),
        o("plover", "chronique eval GOLD --plover P --json", problem="no lexicon", expected=True),
        o("timebank", "python bench/timebank.py --json", data=timebank),
        o("pipeline", "python bench/pipeline.py", data={}, markdown="PIPELINE BODY"),
        o("ingest", "python bench/ingest.py", data={"runs": [ingest_run]}),
        o("api", "python bench/api.py --db STORE --json", problem="no store", expected=True),
    ]
    m = run_bench.machine()
    text = run_bench.document(m, outcomes, "python bench/run.py --shared ../shared", 1.0)
    assert text.startswith("# Benchmarks")
    for title, *_ in run_bench.SECTIONS:
        assert f"## {title}" in text
    for out in outcomes:
        assert out.command in text
    assert "dropped: no_actor" in text and "check (1)" in text  # causes and halves shown
    assert "**Not available**: no lexicon." in text and "PIPELINE BODY" in text
    assert "| ACCUSE |" in text and "| AID |" not in text  # types with nothing are left out
    assert "| bare spaCy | 1 | 2.0 | 1.50 |" in text


def test_unknown_json_is_rendered_generically(run_bench):
    text = "\n".join(run_bench.render_generic({"workers": [{"n": 1, "rate": 2.5}]}))
    assert "| workers.0.rate | 2.5 |" in text and "```json" in text


def test_last_json_finds_the_report_after_log_lines(run_bench):
    assert run_bench.last_json('starting\n{"a": 1}\n') == {"a": 1}
    assert run_bench.last_json("[1, 2]") == [1, 2]
    assert run_bench.last_json("no json here") is None
