"""`chronique ingest` end to end on real articles: idempotency, kill -9 and resume, near-
duplicates, events merged across articles, local processes and a Dask LocalCluster, exports,
queries, and the faults that must give one clear line and lose nothing.

The spaCy model loads once in this process (most runs are in-process through typer's runner);
only the run that is killed, the lock holder and the process pool start other processes.
"""

from __future__ import annotations

import gzip
import itertools
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from chronique.cli import app
from chronique.model import result_from_dict
from chronique.store.export import GDELT_COLUMNS

SHARED = Path(os.environ.get("CHRONIQUE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
CORPUS = SHARED / "corpus" / "orangesum_fr_politics.jsonl.gz"
SEED = SHARED / "corpus" / "seed.txt"
REPO = Path(__file__).resolve().parents[1]
N = 40
BATCH = "8"

pytestmark = pytest.mark.slow


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"shared data not found: {path}")
    return path


def corpus_lines(n: int) -> list[str]:
    with gzip.open(need(CORPUS), "rt", encoding="utf-8") as fh:
        return list(itertools.islice(fh, n))


def cli(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


def last_line(result) -> str:
    lines = [x for x in result.stderr.splitlines() if x.strip()]
    return lines[-1] if lines else ""


def snapshot(db: Path, ids: set[str] | None = None) -> dict[str, list[tuple]]:
    """Every stored row but timestamps; with `ids`, those articles' rows only, without what
    depends on the other articles of the database (near-duplicate links, clusters)."""
    con = duckdb.connect(str(db), read_only=True)
    keep = "" if ids is None else " WHERE {col} IN (SELECT unnest($1::VARCHAR[]))"
    queries = {
        "articles": "SELECT id, seq, source_id, n_events, results::VARCHAR"
        + (", duplicate_of, similarity" if ids is None else "")
        + " FROM articles" + keep.format(col="id"),
        "paragraphs": "SELECT * FROM paragraphs" + keep.format(col="article_id"),
        "entities": "SELECT * FROM entities" + keep.format(col="article_id"),
        "quotes": "SELECT * FROM quotes" + keep.format(col="article_id"),
        "events": "SELECT * EXCLUDE (cluster_id)"
        + (", cluster_id" if ids is None else "")
        + " FROM events" + keep.format(col="article_id"),
        "event_actors": "SELECT * FROM event_actors"
        + keep.format(col="split_part(event_id, ':', 1)"),
        "evidence": "SELECT * FROM evidence" + keep.format(col="split_part(event_id, ':', 1)"),
    }
    if ids is None:
        queries["article_sources"] = "SELECT * FROM article_sources"
        queries["failures"] = "SELECT origin, error, kind, article_id FROM failures"
        queries["event_clusters"] = (
            "SELECT id, n_events, n_articles, n_copies, n_sources, article_ids FROM event_clusters"
        )
    params = None if ids is None else [sorted(ids)]
    try:
        return {
            t: con.execute(q + " ORDER BY ALL", params).fetchall() if params
            else con.execute(q + " ORDER BY ALL").fetchall()
            for t, q in queries.items()
        }
    finally:
        con.close()


def article_ids(db: Path) -> set[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {r[0] for r in con.execute("SELECT id FROM articles").fetchall()}
    finally:
        con.close()


# A made-up article whose one paragraph is over spaCy's limit of 1,000,000 characters: the
# corpus ends with it, so that every run over the corpus shows it fails alone, every time.
OVERSIZED = json.dumps({"id": "oversized", "published": "2023-09-01", "language": "fr",
                        "text": "Une phrase qui ne finit jamais de revenir. " * 25_000})


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("in") / "corpus40.jsonl"
    path.write_text("".join(corpus_lines(N)) + OVERSIZED + "\n", encoding="utf-8")
    return path


def oversized_failure(result, corpus: Path) -> None:
    """The oversized article is the run's one failure, reported in one line, in its place."""
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    errors = [x for x in result.stderr.splitlines() if x.startswith("error:")]
    assert len(errors) == 1 and errors[0].startswith(f"error: {corpus}:{N + 1}: paragraph 1 is ")
    assert "over the parser's limit" in errors[0]


@pytest.fixture(scope="module")
def clean_db(tmp_path_factory, corpus) -> Path:
    """A clean, uninterrupted run over the 40 articles: the reference for the other runs."""
    db = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    r = cli("ingest", corpus, "--db", db, "--batch-size", BATCH)
    oversized_failure(r, corpus)
    assert "40 article(s) stored" in r.stderr and "1 failure(s)" in r.stderr
    return db


@pytest.fixture(scope="module")
def first16(clean_db) -> set[str]:
    con = duckdb.connect(str(clean_db), read_only=True)
    try:
        return {r[0] for r in con.execute("SELECT id FROM articles WHERE seq <= 16").fetchall()}
    finally:
        con.close()


def test_ingest_twice_adds_nothing(clean_db, corpus, tmp_path):
    before = snapshot(clean_db)
    assert len(before["articles"]) == N and before["events"] and before["quotes"]
    (failure,) = before["failures"]
    assert failure[0] == f"{corpus}:{N + 1}" and failure[2] == "extract"
    again = cli("ingest", corpus, "--db", clean_db)
    oversized_failure(again, corpus)
    assert "0 article(s) stored" in again.stderr and f"{N} already stored" in again.stderr
    # the same articles read from another file are the same articles (the oversized one
    # fails again, under its new name)
    other = tmp_path / "renamed.jsonl"
    shutil.copy(corpus, other)
    db = tmp_path / "copy.duckdb"  # the reference of the other tests keeps its one failure
    shutil.copy(clean_db, db)
    oversized_failure(cli("ingest", other, "--db", db), other)
    assert snapshot(clean_db) == before
    after = snapshot(db)
    new_failures = set(after.pop("failures")) - set(before.pop("failures"))
    assert [f[0] for f in new_failures] == [f"{other}:{N + 1}"]
    assert after == before


def test_writer_thread_stores_the_rows_of_writes_in_line(clean_db, corpus, tmp_path):
    """`ingest` writes each batch in a thread while the next is coded: the store it leaves
    is the one that writing every batch in line, in input order, leaves."""
    from chronique.pipeline import process_batch
    from chronique.read import read_inputs
    from chronique.store.db import Store

    arts = [i.article for i in read_inputs([str(corpus)]) if i.article is not None]
    db = tmp_path / "inline.duckdb"
    store = Store.open(db)
    try:
        size = int(BATCH)
        for k in range(0, len(arts), size):
            store.write(process_batch(arts[k : k + size]))
    finally:
        store.close()
    assert snapshot(db) == snapshot(clean_db)


def test_killed_run_resumes_to_the_rows_of_a_clean_run(clean_db, corpus, tmp_path):
    """kill -9 of an ingest with two worker processes, after its first commit; then resume.

    The killed run codes in a process pool and the clean run in-process, with the same
    batches: the comparison also shows that the pool stores what a local run stores. The
    corpus ends with an article whose paragraph is over the parser's limit: it fails alone,
    with the same failure row as in the clean run."""
    import psutil

    db = tmp_path / "killed.duckdb"
    env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "chronique.cli", "ingest", str(corpus), "--db", str(db),
         "--batch-size", BATCH, "--workers", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
    )
    workers: list[psutil.Process] = []
    try:
        deadline = time.monotonic() + 240
        for line in proc.stderr:  # the first "… stored" line follows the first commit
            if " stored," in line or time.monotonic() > deadline:
                break
        workers = psutil.Process(proc.pid).children(recursive=True)
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    assert len(workers) >= 2
    gone, alive = psutil.wait_procs(workers, timeout=30)  # orphans end, not hang
    assert not alive, alive
    partial = len(article_ids(db))
    assert 0 < partial < N and partial % int(BATCH) == 0  # whole batches only
    resumed = cli("ingest", corpus, "--db", db, "--batch-size", BATCH)
    oversized_failure(resumed, corpus)
    assert f"{partial} already stored" in resumed.stderr
    assert snapshot(db) == snapshot(clean_db)


def test_near_duplicate_is_linked_and_not_counted_twice(tmp_path):
    recs = [json.loads(x) for x in corpus_lines(60)]
    rec = next(r for r in recs if len(r["text"]) > 2500)
    sentences = rec["text"].split(". ")
    copy = dict(rec, id=rec["id"] + "-repost", title="REPRISE - " + rec["title"],
                text=". ".join(sentences[:1] + ["Une phrase changée par le site qui reprend "
                                                "la dépêche"] + sentences[2:]))
    src = tmp_path / "two.jsonl"
    src.write_text(json.dumps(rec) + "\n" + json.dumps(copy) + "\n", encoding="utf-8")
    db = tmp_path / "dup.duckdb"
    r = cli("ingest", src, "--db", db)
    assert r.exit_code == 0, r.output
    assert "2 article(s) stored (1 near-duplicate)" in r.stderr
    con = duckdb.connect(str(db), read_only=True)
    rows = dict(con.execute("SELECT source_id, duplicate_of FROM articles").fetchall())
    ids = dict(con.execute("SELECT source_id, id FROM articles").fetchall())
    assert rows == {rec["id"]: None, copy["id"]: ids[rec["id"]]}
    clusters = con.execute("SELECT n_articles, n_copies FROM event_clusters").fetchall()
    con.close()
    assert all(n == 1 for n, _ in clusters)  # a repost adds copies, not articles
    listed = cli("events", "--db", db, "--format", "jsonl", "--limit", "0")
    assert all(json.loads(x)["store"]["article"] == rec["id"] for x in listed.stdout.splitlines())


def test_the_same_event_in_two_articles_is_merged(tmp_path):
    db = tmp_path / "merge.duckdb"
    assert cli("ingest", need(SEED), "--db", db).exit_code == 0
    con = duckdb.connect(str(db), read_only=True)
    text, aid = con.execute("SELECT text, id FROM articles").fetchone()
    key, para = con.execute(
        "SELECT e.cluster_key, min(x.paragraph) FROM events e JOIN evidence x "
        "ON x.event_id = e.id WHERE e.cluster_key IS NOT NULL AND e.recipient_countries <> [] "
        "GROUP BY e.cluster_key, e.idx ORDER BY e.idx LIMIT 1"
    ).fetchone()
    con.close()
    # another article: the paragraph that reports the event, then unrelated real paragraphs
    other = json.loads(corpus_lines(1)[0])["text"]
    para_text = [p for p in text.split("\n\n") if p.strip()][para]
    b = {"id": "second-report", "published": "2023-09-12", "title": None,
         "text": para_text + "\n\n" + other}
    src = tmp_path / "b.jsonl"
    src.write_text(json.dumps(b) + "\n", encoding="utf-8")
    assert cli("ingest", src, "--db", db).exit_code == 0
    con = duckdb.connect(str(db), read_only=True)
    merged = con.execute(
        "SELECT c.n_articles, c.article_ids FROM event_clusters c JOIN events e ON e.id = c.id "
        "WHERE e.cluster_key = ?", [key]
    ).fetchall()
    dup = con.execute("SELECT count(duplicate_of) FROM articles").fetchone()[0]
    con.close()
    assert dup == 0
    assert any(n == 2 and aid in ids for n, ids in merged), merged


def test_dask_local_cluster_writes_the_rows_of_a_local_run(clean_db, corpus, first16, tmp_path):
    from distributed import LocalCluster

    db = tmp_path / "dask.duckdb"
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                      dashboard_address=None) as cluster:
        r = cli("ingest", corpus, "--db", db, "--batch-size", BATCH, "--limit", "16",
                "--scheduler", cluster.scheduler_address)
    assert r.exit_code == 0, r.output
    assert "Dask scheduler" in r.stderr
    assert article_ids(db) == first16
    assert snapshot(db, first16) == snapshot(clean_db, first16)


# -- queries and exports ----------------------------------------------------------------------

def test_events_command_filters(clean_db):
    listed = cli("events", "--db", clean_db, "--format", "jsonl", "--limit", "0")
    rows = [json.loads(x) for x in listed.stdout.splitlines()]
    assert rows and all("event" in r and "evidence" in r and "store" in r for r in rows)
    country = next(a["country"] for r in rows for a in r["actor"] if a["country"])
    by_actor = cli("events", "--db", clean_db, "--actor", country.lower(), "--format", "jsonl")
    got = [json.loads(x) for x in by_actor.stdout.splitlines()]
    assert got and all(any(a["country"] == country for a in r["actor"]) for r in got)
    etype = rows[0]["event"]
    by_type = cli("events", "--db", clean_db, "--type", etype, "--format", "jsonl",
                  "--limit", "0").stdout.splitlines()
    assert len(by_type) == sum(r["event"] == etype for r in rows)
    assert cli("events", "--db", clean_db, "--since", "2100").stdout.count("\n") <= 6
    table = cli("events", "--db", clean_db, "--limit", "3")
    assert table.exit_code == 0 and "3 event(s)" in table.stdout
    bad = cli("events", "--db", clean_db, "--type", "PUNCH")
    assert bad.exit_code == 2 and "--type" in bad.stderr
    # actors and recipients taken from the article's frame can be left out
    inferred = [
        r for r in rows if any(a["kind"] == "inferred" for a in r["actor"] + r["recipient"])
    ]
    assert inferred
    sure = cli("events", "--db", clean_db, "--no-inferred", "--format", "jsonl", "--limit", "0")
    kept = [json.loads(x) for x in sure.stdout.splitlines()]
    assert len(kept) == len(rows) - len(inferred)
    assert not [a for r in kept for a in r["actor"] + r["recipient"] if a["kind"] == "inferred"]


def test_exports(clean_db, tmp_path):
    con = duckdb.connect(str(clean_db), read_only=True)
    n_events, n_clusters = con.execute(
        "SELECT (SELECT count(*) FROM events), (SELECT count(*) FROM event_clusters)"
    ).fetchone()
    results = [
        r[0] for r in con.execute("SELECT results::VARCHAR FROM articles ORDER BY seq").fetchall()
    ]
    con.close()
    out = {f: tmp_path / f"out.{f}" for f in ("csv", "parquet", "jsonl", "plover", "gdelt")}
    for fmt, path in out.items():
        r = cli("export", "--db", clean_db, "--format", fmt, "--out", path)
        assert r.exit_code == 0, r.output
    assert duckdb.sql(f"SELECT count(*) FROM '{out['parquet']}'").fetchall()[0][0] == n_events
    assert duckdb.sql(f"SELECT count(*) FROM read_csv('{out['csv']}')").fetchall()[0][0] == n_events
    lines = out["jsonl"].read_text(encoding="utf-8").splitlines()
    assert [result_from_dict(json.loads(x)).to_dict() for x in lines] == [
        json.loads(r) for r in results
    ]
    plover = [json.loads(x) for x in out["plover"].read_text(encoding="utf-8").splitlines()]
    assert len(plover) == n_clusters
    for rec in plover:
        assert {"id", "date", "event", "actor", "recipient", "mode", "context", "quad_code",
                "event_scale", "text", "modality", "attribution", "evidence"} <= set(rec)
        assert isinstance(rec["event"], list) and rec["quad_code"] in (1, 2, 3, 4)
    rows = out["gdelt"].read_text(encoding="utf-8").splitlines()
    assert len(rows) == n_clusters
    assert all(len(x.split("\t")) == len(GDELT_COLUMNS) == 61 for x in rows)
    r = cli("export", "--db", clean_db, "--format", "parquet", "--table", "clusters",
            "--out", tmp_path / "c.parquet")
    assert r.exit_code == 0
    assert duckdb.sql(f"SELECT count(*) FROM '{tmp_path / 'c.parquet'}'").fetchall()[0][0] \
        == n_clusters


# -- faults -----------------------------------------------------------------------------------

def assert_one_clear_line(result, needle: str) -> None:
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    line = last_line(result)
    assert line.startswith("chronique ") and needle in line, result.stderr


def test_corrupt_database_file(corpus, tmp_path):
    db = tmp_path / "corrupt.duckdb"
    db.write_bytes(b"\x00garbage, not a database" * 500)
    before = db.read_bytes()
    assert_one_clear_line(cli("ingest", corpus, "--db", db), "not a DuckDB database")
    assert_one_clear_line(cli("events", "--db", db), "not a DuckDB database")
    assert db.read_bytes() == before


def test_locked_database(clean_db, corpus, tmp_path):
    db = tmp_path / "locked.duckdb"
    shutil.copy(clean_db, db)
    before = snapshot(db)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); "
         "print('held', flush=True); sys.stdin.read()", str(db)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        assert_one_clear_line(cli("ingest", corpus, "--db", db), "in use by another process")
        assert_one_clear_line(cli("export", "--db", db, "--format", "jsonl", "--out",
                                  tmp_path / "x.jsonl"), "in use by another process")
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    assert snapshot(db) == before
    assert not (tmp_path / "x.jsonl").exists()


def test_full_disk_keeps_committed_batches(clean_db, corpus, first16, tmp_path, monkeypatch):
    from chronique.store.db import Store

    calls = {"n": 0}
    real = Store._upsert_failures

    def failing(self, *args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 2:  # inside the second batch's transaction
            raise duckdb.IOException('IO Error: Could not write file "full.duckdb.wal": '
                                     "No space left on device")
        return real(self, *args, **kwargs)

    db = tmp_path / "full.duckdb"
    monkeypatch.setattr(Store, "_upsert_failures", failing)
    r = cli("ingest", corpus, "--db", db, "--batch-size", BATCH, "--limit", "16")
    assert_one_clear_line(r, "disk is full")
    monkeypatch.undo()
    assert len(article_ids(db)) == int(BATCH)  # the first batch, whole
    r = cli("ingest", corpus, "--db", db, "--batch-size", BATCH, "--limit", "16")
    assert r.exit_code == 0 and f"{BATCH} already stored" in r.stderr
    assert snapshot(db, first16) == snapshot(clean_db, first16)


def test_article_that_crashes_the_extractor(corpus, tmp_path, monkeypatch):
    import chronique.pipeline as pipeline

    victim = json.loads(corpus_lines(3)[2])["id"]
    real = pipeline.extract

    def crashing(article, lang, parsed):
        if article.id == victim:
            raise RuntimeError("simulated extractor bug")
        return real(article, lang, parsed)

    src = tmp_path / "four.jsonl"
    src.write_text("".join(corpus_lines(4)) + '{"id": "broken", "text": \n', encoding="utf-8")
    db = tmp_path / "crash.duckdb"
    monkeypatch.setattr(pipeline, "extract", crashing)
    r = cli("ingest", src, "--db", db)
    assert r.exit_code == 1
    assert "3 article(s) stored" in r.stderr and "2 failure(s)" in r.stderr
    assert "Traceback" not in r.output
    listed = cli("failures", "--db", db, "--format", "jsonl")
    fails = {f["kind"]: f for f in map(json.loads, listed.stdout.splitlines())}
    assert set(fails) == {"extract", "read"}
    assert "simulated extractor bug" in fails["extract"]["error"]
    assert fails["extract"]["input"].endswith("four.jsonl:3")
    assert fails["read"]["input"].endswith("four.jsonl:5")
    assert "failure(s)" in cli("failures", "--db", db).stdout
    monkeypatch.undo()
    r = cli("ingest", src, "--db", db)  # fixed: the article is coded and its failure cleared
    assert "1 article(s) stored" in r.stderr
    listed = cli("failures", "--db", db, "--format", "jsonl")
    (left,) = [json.loads(x) for x in listed.stdout.splitlines()]
    assert left["kind"] == "read" and left["attempts"] == 2


@pytest.mark.slow
def test_parsing_ahead_in_a_thread_codes_what_batch_by_batch_coding_codes(corpus_articles):
    from chronique.batch import InlineRunner
    from chronique.pipeline import pipelined, process_batch

    chunks = [corpus_articles[i : i + 7] for i in range(0, 21, 7)]
    plain = [process_batch(c) for c in chunks]

    def key(results):
        return [(r.id, [(e.event, e.id) for e in r.events], len(r.quotes)) for r in results]

    assert [key(r) for r in pipelined(iter(chunks))] == [key(r) for r in plain]
    # the in-process runner hands each chunk back with its own results, in order
    mapped = list(InlineRunner().map(iter(chunks)))
    assert [c for c, _ in mapped] == chunks
    assert [key(r) for _, r in mapped] == [key(r) for r in plain]
