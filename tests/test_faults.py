"""The fault battery: each bad input or broken environment ends in one line naming the input and
the problem, the batch goes on, the failure is recorded, and the good articles of the same batch
are stored with exactly the rows of a clean run.

Every input is made here. A clean run reads the same file with the bad record replaced by a
blank line (skipped by every reader), so that origins and line numbers are the same in both.
Permissions cannot be taken from root: where the tests run as root, unlistable folders and
unwritable folders are simulated at the OS call, and the read-only store is opened as another
user (setpriv) when that is possible.
"""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from chronique.cli import app
from chronique.model import (
    Actor,
    Article,
    ArticleResult,
    DateSpan,
    Event,
    Evidence,
)
from chronique.store import Store
from chronique.store.db import classify, explain

REPO = Path(__file__).resolve().parents[1]

# Articles written for these tests (not from any corpus or gold file).
GOOD = [
    {"id": "essai", "published": "2024-03-05", "language": "fr",
     "text": "Le gouvernement français a condamné mardi l'essai de missile mené par la Corée "
             "du Nord."},
    {"id": "centrale", "published": "2024-03-06", "language": "fr",
     "text": "La Russie a accusé l'Ukraine d'avoir bombardé une centrale électrique, selon le "
             "ministère russe de la Défense."},
    {"id": "commerce", "published": "2024-03-07", "language": "fr",
     "text": "Le Premier ministre britannique a rencontré le président américain à Washington "
             "pour parler du commerce."},
]
# One paragraph longer than spaCy's limit of 1,000,000 characters (no blank line in it).
OVERSIZED = {"id": "sans-fin", "published": "2024-03-05", "language": "fr",
             "text": "Le débat continue sans fin. " * 40_000}


def cli(*args: object):
    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


def lines_of(result) -> list[str]:
    return [x for x in result.stderr.splitlines() if x.strip()]


def no_traceback(result) -> None:
    assert "Traceback" not in result.output, result.output


def jsonl(path: Path, records: list[dict | None]) -> Path:
    """One record per line; None is a blank line (what a clean run reads instead)."""
    path.write_text(
        "".join((json.dumps(r, ensure_ascii=False) if r is not None else "") + "\n"
                for r in records),
        encoding="utf-8",
    )
    return path


def stored_rows(db: Path) -> dict[str, list[tuple]]:
    """Every row of every article table, but timestamps and what depends on other articles."""
    con = duckdb.connect(str(db), read_only=True)
    queries = {
        "articles": "SELECT id, seq, source_id, n_events, results::VARCHAR FROM articles",
        "paragraphs": "SELECT * FROM paragraphs",
        "entities": "SELECT * FROM entities",
        "quotes": "SELECT * FROM quotes",
        "events": "SELECT * EXCLUDE (cluster_id) FROM events",
        "event_actors": "SELECT * FROM event_actors",
        "evidence": "SELECT * FROM evidence",
    }
    try:
        return {t: con.execute(q + " ORDER BY ALL").fetchall() for t, q in queries.items()}
    finally:
        con.close()


def failure_rows(db: Path) -> list[dict]:
    listed = cli("failures", "--db", db, "--format", "jsonl")
    assert listed.exit_code == 0, listed.output
    return [json.loads(x) for x in listed.stdout.splitlines()]


def ingest(*args: object):
    return cli("ingest", *args)


# -- 1. a paragraph over the parser's limit -----------------------------------------------------

@pytest.mark.slow
def test_oversized_paragraph_fails_alone_and_again_on_a_rerun(tmp_path):
    (tmp_path / "bad").mkdir()
    (tmp_path / "clean").mkdir()
    src = jsonl(tmp_path / "bad" / "batch.jsonl", [GOOD[0], OVERSIZED, GOOD[1]])
    clean = jsonl(tmp_path / "clean" / "batch.jsonl", [GOOD[0], None, GOOD[1]])
    db, ref = tmp_path / "bad.duckdb", tmp_path / "ref.duckdb"
    r = ingest(src, "--db", db)
    no_traceback(r)
    assert r.exit_code == 1
    assert "2 article(s) stored" in r.stderr and "1 failure(s)" in r.stderr
    (err,) = [x for x in lines_of(r) if x.startswith("error:")]
    assert err == (f"error: {src}:2: paragraph 1 is {len(OVERSIZED['text'].strip()):,} "
                   "characters long, over the parser's limit of 1,000,000; not coded")
    (row,) = failure_rows(db)
    assert row["input"] == f"{src}:2" and row["kind"] == "extract"
    assert row["error"] == err.removeprefix("error: ")
    assert ingest(clean, "--db", ref).exit_code == 0
    assert rows_without_origin(db) == rows_without_origin(ref)
    again = ingest(src, "--db", db)  # the same answer, not a stuck store
    assert again.exit_code == 1 and "2 already stored" in again.stderr
    assert [f["attempts"] for f in failure_rows(db)] == [2]
    ex = cli("extract", src)  # `chronique extract`: one line, the others printed
    no_traceback(ex)
    assert ex.exit_code == 1
    assert [json.loads(x)["id"] for x in ex.stdout.splitlines()] == [
        "essai", "sans-fin", "centrale"]
    assert [x for x in lines_of(ex) if x.startswith("error:")] == [err]


@pytest.mark.slow
def test_a_parser_failure_in_a_batch_codes_the_other_articles(tmp_path, monkeypatch):
    """Whatever else makes `nlp.pipe` raise, the batch is parsed again article by article."""
    import chronique.pipeline as pipeline

    real = pipeline.parse_paragraphs

    def fragile(paragraphs, lang, batch_size=64):
        if any("centrale" in p.text for p in paragraphs):
            raise ValueError("simulated parser failure")
        return real(paragraphs, lang, batch_size)

    monkeypatch.setattr(pipeline, "parse_paragraphs", fragile)
    results = pipeline.process_batch([Article(**r) for r in GOOD])
    monkeypatch.undo()
    clean = pipeline.process_batch([Article(**r) for r in (GOOD[0], GOOD[2])])
    assert [r.id for r in results] == ["essai", "centrale", "commerce"]
    assert results[1].errors == ["centrale: parser failed (ValueError: simulated parser "
                                 "failure); not coded"]
    assert [r.to_dict() for r in (results[0], results[2])] == [r.to_dict() for r in clean]


# -- 2. CSV quotes ------------------------------------------------------------------------------

def csv_file(path: Path, rows: list[str | None]) -> Path:
    path.write_text("id,text,published\n" + "".join((r or "") + "\n" for r in rows),
                    encoding="utf-8")
    return path


def csv_row(rec: dict) -> str:
    return f'{rec["id"]},"{rec["text"]}",{rec["published"]}'


def test_csv_unclosed_quote_does_not_swallow_the_next_rows(tmp_path):
    from chronique.read import read_inputs

    bad = '9,"Le texte de cette ligne ne ferme jamais son guillemet.,2024-03-05'
    p = csv_file(tmp_path / "a.csv", [csv_row(GOOD[0]), bad, csv_row(GOOD[1]),
                                      csv_row(GOOD[2])])
    items = list(read_inputs([p]))
    assert [i.article.id if i.ok else None for i in items] == ["essai", None, "centrale",
                                                               "commerce"]
    assert items[1].error.startswith(f"{p}:3: malformed CSV record: unclosed quote")
    assert [i.article.text for i in items if i.ok] == [g["text"] for g in GOOD]
    # at the end of the file too
    p2 = csv_file(tmp_path / "b.csv", [csv_row(GOOD[0]), bad])
    items = list(read_inputs([p2]))
    assert [i.ok for i in items] == [True, False]
    assert "unclosed quote" in items[1].error and items[1].origin == f"{p2}:3"


def test_csv_stray_quote_is_reported_not_merged_into_the_text(tmp_path):
    from chronique.read import read_inputs

    stray = '7,"Le ministre a dit "non" hier.",2024-03-05'
    doubled = '8,"Le ministre a dit ""non"" hier.",2024-03-05'
    multi = '6,"Premier paragraphe.\n\nSecond paragraphe.",2024-03-05'
    p = csv_file(tmp_path / "q.csv", [stray, doubled, multi])
    items = list(read_inputs([p]))
    assert items[0].error.startswith(f"{p}:2: malformed CSV record: stray quote")
    assert items[1].article.text == 'Le ministre a dit "non" hier.'
    assert items[2].article.text == "Premier paragraphe.\n\nSecond paragraphe."
    assert len(items) == 3


@pytest.mark.slow
def test_csv_unclosed_quote_in_an_ingest(tmp_path):
    bad = '9,"Le texte de cette ligne ne ferme jamais son guillemet.,2024-03-05'
    src = csv_file(tmp_path / "x.csv", [csv_row(GOOD[0]), bad, csv_row(GOOD[1])])
    (tmp_path / "clean").mkdir()
    clean = csv_file(tmp_path / "clean" / "x.csv", [csv_row(GOOD[0]), None, csv_row(GOOD[1])])
    db = tmp_path / "x.duckdb"
    r = ingest(src, "--db", db)
    no_traceback(r)
    assert r.exit_code == 1 and "2 article(s) stored" in r.stderr
    (err,) = [x for x in lines_of(r) if x.startswith("error:")]
    assert err.startswith(f"error: {src}:3: malformed CSV record: unclosed quote")
    (row,) = failure_rows(db)
    assert row["input"] == f"{src}:3" and row["kind"] == "read"
    ref = tmp_path / "clean.duckdb"
    assert ingest(clean, "--db", ref).exit_code == 0
    assert rows_without_origin(db) == rows_without_origin(ref)


def rows_without_origin(db: Path) -> dict[str, list[tuple]]:
    """`stored_rows` with the input's folder taken out of the stored results (a clean run
    reads a file of the same name, line for line, in another folder)."""
    rows = stored_rows(db)
    arts = []
    for aid, seq, sid, n, res in rows["articles"]:
        rec = json.loads(res)
        rec["origin"] = os.path.basename(rec["origin"])
        arts.append((aid, seq, sid, n, rec))
    rows["articles"] = arts  # type: ignore[assignment]
    return rows


# -- 3. folders ---------------------------------------------------------------------------------

def dated(rec: dict) -> str:
    return f" date {rec['published']} {rec['text']}"


def deny_listing(monkeypatch, folder: Path) -> None:
    """os.scandir(folder) fails as it does for a user without read permission on it."""
    real = os.scandir

    def scandir(path="."):
        if Path(os.fsdecode(path)) == folder:
            raise PermissionError(errno.EACCES, "Permission denied", os.fsdecode(path))
        return real(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_unlistable_subfolder_is_reported_in_its_place(tmp_path, monkeypatch):
    from chronique.read import read_inputs

    root = tmp_path / "articles"
    (root / "a").mkdir(parents=True)
    (root / "b").mkdir()
    (root / "a" / "one.txt").write_text(dated(GOOD[0]), encoding="utf-8")
    (root / "b" / "two.txt").write_text(dated(GOOD[1]), encoding="utf-8")
    (root / "c.txt").write_text(dated(GOOD[2]), encoding="utf-8")
    deny_listing(monkeypatch, root / "b")
    items = list(read_inputs([root]))
    assert [(i.origin, i.ok) for i in items] == [
        (str(root / "a" / "one.txt"), True), (str(root / "b"), False),
        (str(root / "c.txt"), True)]
    assert items[1].error == (f"{root / 'b'}: permission denied (the folder cannot be listed; "
                              "its files were not read)")
    deny_listing(monkeypatch, root)
    (item,) = read_inputs([root])
    assert item.error == f"{root}: permission denied (the folder cannot be listed)"


def test_symlink_loop_and_dangling_link_are_named_as_such(tmp_path):
    from chronique.read import read_inputs

    loop = tmp_path / "loop"
    loop.symlink_to(loop)
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "nowhere.txt")
    a, b = read_inputs([loop, dangling])
    assert a.error == f"{loop}: too many levels of symbolic links"
    assert b.error == f"{dangling}: broken symbolic link"
    folder = tmp_path / "with-loop"
    folder.mkdir()
    (folder / "ok.txt").write_text(dated(GOOD[0]), encoding="utf-8")
    (folder / "round.txt").symlink_to(folder / "round.txt")
    items = list(read_inputs([folder]))
    assert [i.ok for i in items] == [True, False]
    assert items[1].error == f"{folder / 'round.txt'}: too many levels of symbolic links"


@pytest.mark.slow
def test_unlistable_subfolder_in_an_ingest(tmp_path, monkeypatch):
    root = tmp_path / "articles"
    for sub, rec in (("a", GOOD[0]), ("b", GOOD[1]), ("c", GOOD[2])):
        (root / sub).mkdir(parents=True)
        (root / sub / f"{rec['id']}.txt").write_text(dated(rec), encoding="utf-8")
    ref = tmp_path / "ref.duckdb"
    hidden = tmp_path / "hidden"
    shutil.move(root / "b", hidden)
    assert ingest(root, "--db", ref).exit_code == 0
    shutil.move(hidden, root / "b")
    deny_listing(monkeypatch, root / "b")
    db = tmp_path / "d.duckdb"
    r = ingest(root, "--db", db)
    no_traceback(r)
    assert r.exit_code == 1 and "2 article(s) stored" in r.stderr
    (err,) = [x for x in lines_of(r) if x.startswith("error:")]
    assert err == f"error: {root / 'b'}: permission denied (the folder cannot be listed; its " \
                  "files were not read)"
    monkeypatch.undo()
    (row,) = failure_rows(db)
    assert row["input"] == str(root / "b") and row["kind"] == "read"
    assert stored_rows(db) == stored_rows(ref)


# -- 4. a lost Dask scheduler -------------------------------------------------------------------

@pytest.mark.slow
def test_lost_dask_scheduler_is_one_line_and_keeps_what_was_committed(tmp_path, monkeypatch):
    from distributed import LocalCluster

    from chronique.store.db import Store as DbStore

    src = jsonl(tmp_path / "d.jsonl", GOOD + [
        {**g, "id": g["id"] + "-bis", "published": "2024-04-0" + str(i + 1)}
        for i, g in enumerate(GOOD)])
    ref = tmp_path / "ref.duckdb"
    assert ingest(src, "--db", ref, "--batch-size", "2").exit_code == 0
    cluster = LocalCluster(n_workers=1, threads_per_worker=1, processes=False,
                           dashboard_address=None)
    real = DbStore.write

    def write_then_lose_the_scheduler(self, *args, **kwargs):
        stats = real(self, *args, **kwargs)
        if cluster.status.name == "running":
            cluster.close()
        return stats

    monkeypatch.setattr(DbStore, "write", write_then_lose_the_scheduler)
    db = tmp_path / "dask.duckdb"
    try:
        r = ingest(src, "--db", db, "--batch-size", "2", "--scheduler",
                   cluster.scheduler_address)
    finally:
        cluster.close()
    monkeypatch.undo()
    no_traceback(r)
    assert r.exit_code == 1, r.output
    last = lines_of(r)[-1]
    assert last.startswith("chronique ingest: lost the Dask scheduler") and \
        "run the same command again to resume" in last
    con = duckdb.connect(str(db), read_only=True)
    kept = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    assert kept >= 2 and kept % 2 == 0  # whole batches
    resumed = ingest(src, "--db", db, "--batch-size", "2")
    assert resumed.exit_code == 0 and f"{kept} already stored" in resumed.stderr
    assert stored_rows(db) == stored_rows(ref)


# -- 5, 6, 7. damaged, unwritable and read-only stores ------------------------------------------

def hand_made(i: int) -> ArticleResult:
    """A coded article without spaCy: long text, one event, so that a store has many blocks."""
    text = f"Article {i}. " + " ".join(
        f"La phrase {j} de l'article {i} parle d'une rencontre entre deux ministres."
        for j in range(120))
    art = Article(id=f"a{i}", text=text, published=f"2024-02-{i % 27 + 1:02d}", language="fr",
                  url=f"https://exemple.fr/{i}", origin=f"made:{i}")
    fra = Actor(text="la France", name="France", country="FRA", sector="GOV")
    deu = Actor(text="l'Allemagne", name="Germany", country="DEU", sector="GOV")
    sentence = f"La France a rencontré l'Allemagne le jour {i}."
    event = Event(
        id=f"ev{i}", event="CONSULT", mode="visit", actor=[fra], recipient=[deu],
        modality="asserted", date=DateSpan(art.published, art.published, "day"),
        cameo="040", score=1.0, text=sentence, trigger={"text": "rencontré", "start": 11,
                                                         "end": 20},
        rule="test", evidence=[Evidence(sentence=sentence, trigger="rencontré", start=11,
                                        end=20, rule="test", paragraph=0)])
    return ArticleResult(id=art.id, published=art.published, language="fr", title=None, text=text,
                         url=art.url, origin=art.origin, content_hash=art.content_hash,
                         entities=[fra, deu], events=[event])


@pytest.mark.slow  # some 130 commands, no spaCy
def test_every_command_on_a_damaged_store_is_one_line(tmp_path):
    """Damage each block of a store in turn: every export, query and ingest either works or
    says in one line that the store is damaged."""
    clean = tmp_path / "clean.duckdb"
    made = [hand_made(i) for i in range(40)]
    with Store.open(clean) as s:
        s.write(made)
    # the same articles as an input: all stored already, so an ingest only reads the store
    src = jsonl(tmp_path / "made.jsonl", [
        {"id": r.id, "text": r.text, "published": r.published, "language": "fr", "url": r.url}
        for r in made])
    data = clean.read_bytes()
    block = 262_144
    failed: set[str] = set()
    for at in range(12_288 + 100, len(data) - 64, block):
        db = tmp_path / "damaged.duckdb"
        db.write_bytes(data[:at] + os.urandom(64) + data[at + 64:])
        for fmt in ("csv", "parquet", "jsonl", "plover", "gdelt"):
            r = cli("export", "--db", db, "--format", fmt, "--out", tmp_path / f"o.{fmt}")
            no_traceback(r)
            if r.exit_code:
                assert r.exit_code == 1
                (line,) = lines_of(r)
                assert line.startswith(f"chronique export: {db}: not a DuckDB database, or a "
                                       "damaged one"), line
                failed.add(fmt)
        for cmd in (("events",), ("failures",), ("ingest", src)):
            r = cli(*cmd, "--db", db)
            no_traceback(r)
            assert r.exit_code in (0, 1)
            if r.exit_code:
                assert lines_of(r)[-1].startswith(f"chronique {cmd[0]}: {db}: "), r.stderr
                failed.add(cmd[0])
    assert {"plover", "gdelt", "ingest"} <= failed  # the damage was seen by every reader


def test_export_into_an_unwritable_folder(tmp_path, monkeypatch):
    import chronique.store.export as export_mod

    db = tmp_path / "s.duckdb"
    with Store.open(db) as s:
        s.write([hand_made(1)])
    out = tmp_path / "locked" / "events.tsv"
    out.parent.mkdir()

    def mkstemp(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(out.parent))

    monkeypatch.setattr(export_mod.tempfile, "mkstemp", mkstemp)
    r = cli("export", "--db", db, "--format", "gdelt", "--out", out)
    no_traceback(r)
    assert r.exit_code == 1
    assert lines_of(r) == [f"chronique export: {out}: could not write the export "
                           "(Permission denied)"]
    assert list(out.parent.iterdir()) == []


def test_store_errors_are_classified_by_type_not_by_words_in_the_path():
    path = "/data/corrupt-quota/checksum/s.duckdb"
    denied = duckdb.IOException(f'IO Error: Cannot open file "{path}": Permission denied')
    assert classify(denied, path) == "permission"
    assert explain(denied, path).startswith(f"{path}: permission denied")
    assert classify(PermissionError(errno.EACCES, "Permission denied", path), path) == \
        "permission"
    assert classify(OSError(errno.EROFS, "Read-only file system", path), path) == "permission"
    assert classify(OSError(errno.ENOSPC, "No space left on device", path), path) == "full"
    damaged = duckdb.Error("Corrupt database file: computed checksum 1 does not match stored "
                           "checksum 2 in block at location 12288")
    assert classify(damaged, "/data/permission denied/s.duckdb") == "damaged"
    assert classify(duckdb.IOException(f'IO Error: Could not read from file "{path}": Is a '
                                       'directory'), path) == "other"


def run_as_other_user(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    """Run the CLI as a user that the file permissions apply to (not root)."""
    cmd = [sys.executable, "-m", "chronique.cli", *args]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if not setpriv:
            pytest.skip("running as root without setpriv: permissions cannot be tested")
        cmd = [setpriv, "--reuid", "65534", "--regid", "65534", "--clear-groups", *cmd]
    env = {**os.environ, "PYTHONPATH": str(REPO), "HOME": str(cwd)}
    return subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, env=env, timeout=300)


def test_a_read_only_store_in_a_folder_named_corrupt_is_permission_denied():
    base = Path(tempfile.mkdtemp(prefix="chronique-perm-"))
    try:
        folder = base / "corrupt"
        folder.mkdir()
        db = folder / "s.duckdb"
        with Store.open(db) as s:
            s.write([hand_made(1)])
        src = base / "one.jsonl"
        jsonl(src, [GOOD[0]])
        for p in (base, folder):
            p.chmod(0o755)
        src.chmod(0o644)
        db.chmod(0o444)
        r = run_as_other_user(["ingest", str(src), "--db", str(db)], base)
        assert r.returncode == 1, r.stderr
        assert "Traceback" not in r.stderr
        last = r.stderr.strip().splitlines()[-1]
        assert last.startswith(f"chronique ingest: {db}: permission denied"), last
        assert "damaged" not in last
    finally:
        shutil.rmtree(base)


# -- 8. control characters ----------------------------------------------------------------------

def test_control_characters_are_removed_on_reading_and_counted(tmp_path):
    from chronique.read import read_inputs

    dirty = {**GOOD[0], "text": "Le gouvernement fran\x00çais a condamné\x07 mardi l'essai de "
             "missile mené par la Corée\x1b du Nord.", "url": "https://exemple.fr/a\x00b",
             "title": "Essai\x1b[2J"}
    p = jsonl(tmp_path / "c.jsonl", [dirty])
    (item,) = read_inputs([p])
    assert item.article.text == "Essai[2J\n\n" + GOOD[0]["text"]
    assert item.article.url == "https://exemple.fr/ab"
    assert item.warnings == [f"{p}:1: 5 control character(s) removed from the text"]
    # raw tabs in JSON strings are accepted (and kept), decomposed accents composed (NFC)
    raw = '{"id": "t", "text": "Le pr\\u0065\\u0301sident\tparle.", "published": "2024-01-02"}'
    p2 = tmp_path / "t.jsonl"
    p2.write_text(raw.replace("\\u0065\\u0301", "e\u0301") + "\n", encoding="utf-8")
    (item,) = read_inputs([p2])
    assert item.article.text == "Le président\tparle." and item.warnings == []


@pytest.mark.slow
def test_control_characters_reach_neither_the_terminal_nor_the_tsv(tmp_path):
    dirty = {**GOOD[1], "text": GOOD[1]["text"].replace("accusé", "acc\x00usé")
             .replace("La Russie", "La\x1b Russie"),
             "url": "https://exemple.fr/centrale\x00\x1b"}
    src = jsonl(tmp_path / "x.jsonl", [dirty])
    (tmp_path / "clean").mkdir()
    clean = jsonl(tmp_path / "clean" / "x.jsonl", [{**GOOD[1],
                                                    "url": "https://exemple.fr/centrale"}])
    db, ref = tmp_path / "x.duckdb", tmp_path / "ref.duckdb"
    r = ingest(src, "--db", db)
    assert r.exit_code == 0 and "4 control character(s) removed" in r.stderr
    assert ingest(clean, "--db", ref).exit_code == 0
    assert rows_without_origin(db) == rows_without_origin(ref)  # codes as the clean text
    shown = cli("events", "--db", db)
    assert shown.exit_code == 0 and "event(s)" in shown.stdout
    assert not any(c in shown.stdout for c in "\x00\x1b")
    out = tmp_path / "e.tsv"
    assert cli("export", "--db", db, "--format", "gdelt", "--out", out).exit_code == 0
    tsv = out.read_text(encoding="utf-8")
    assert tsv and "https://exemple.fr/centrale\n" in tsv
    assert not any(c in tsv for c in "\x00\x1b")


def test_stored_control_characters_are_escaped_in_tables(tmp_path):
    """A store written before text was normalised: the tables escape what they print."""
    db = tmp_path / "old.duckdb"
    res = hand_made(3)
    res.events[0].text = "Avant\x1b[2J après\x00."
    with Store.open(db) as s:
        s.write([res], failures=[("bad\x1bname.txt", "bad\x1bname.txt: empty text")])
    shown = cli("events", "--db", db)
    assert "\x1b" not in shown.stdout and "\x00" not in shown.stdout
    assert "Avant\\x1b[2J après\\x00." in shown.stdout
    listed = cli("failures", "--db", db)
    assert "\x1b" not in listed.stdout and "bad\\x1bname.txt" in listed.stdout


# -- 9. a full disk at the final checkpoint -----------------------------------------------------

class _FullAtCheckpoint:
    """A DuckDB connection whose CHECKPOINT fails as it does on a full disk."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str) -> None:
        self._con, self._path = con, path

    def execute(self, sql: str, *args):
        if sql.strip().upper() == "CHECKPOINT":
            raise duckdb.FatalException(
                "FATAL Error: Failed to create checkpoint because of error: Could not write "
                f'file "{self._path}": No space left on device')
        return self._con.execute(sql, *args)

    def __getattr__(self, name: str):
        return getattr(self._con, name)


@pytest.mark.slow
def test_full_disk_at_the_final_checkpoint_is_not_success(tmp_path, monkeypatch):
    src = jsonl(tmp_path / "g.jsonl", GOOD)
    ref = tmp_path / "ref.duckdb"
    assert ingest(src, "--db", ref).exit_code == 0
    real_open = Store.open.__func__

    def open_full(cls, path, read_only=False):
        store = real_open(cls, path, read_only)
        if not read_only:
            store.con = _FullAtCheckpoint(store.con, str(path))
        return store

    monkeypatch.setattr(Store, "open", classmethod(open_full))
    db = tmp_path / "full.duckdb"
    r = ingest(src, "--db", db)
    monkeypatch.undo()
    no_traceback(r)
    assert r.exit_code == 1
    last = lines_of(r)[-1]
    assert last.startswith(f"chronique ingest: {db}: the disk is full") and \
        "write-ahead log" in last, last
    assert stored_rows(db) == stored_rows(ref)  # every batch was committed
    again = ingest(src, "--db", db)
    assert again.exit_code == 0 and "3 already stored" in again.stderr


# -- smaller ones -------------------------------------------------------------------------------

def test_a_one_word_article_is_not_given_a_language(tmp_path):
    from chronique.nlp import UnsupportedLanguage, article_language

    with pytest.raises(UnsupportedLanguage, match="language not identified") as exc:
        article_language(Article(id="m", text="Macron"))
    assert "not coded" in str(exc.value) and "--language" in str(exc.value)
    from chronique.store.rows import is_failure

    assert is_failure(f"x: {exc.value}")


def test_latin1_message_names_the_byte_that_fails(tmp_path):
    from chronique.read import read_inputs

    p = tmp_path / "l.txt"
    p.write_bytes("Le député a été élu.".encode("latin-1") + b" \x81 fin")
    (item,) = read_inputs([p])
    offset = len("Le député a été élu.".encode("latin-1")) + 1
    assert item.error == (f"{p}: not UTF-8 text, nor Windows-1252 (byte 0x81 at offset "
                          f"{offset} is neither)")


def test_publication_date_in_the_future_is_kept_with_a_warning(tmp_path):
    from datetime import date

    from chronique.read import read_inputs
    from chronique.read.base import future_warning

    p = jsonl(tmp_path / "f.jsonl", [{**GOOD[0], "published": "2099-05-01"}])
    (item,) = read_inputs([p])
    assert item.article.published == "2099-05-01"
    assert item.warnings == [f"{p}:1: publication date 2099-05-01 is in the future (today is "
                             f"{date.today().isoformat()})"]
    assert future_warning("2024-03", today=date(2024, 3, 20)) is None
    assert future_warning("2024-03-22", today=date(2024, 3, 20)) is not None


def test_malformed_json_message_reads_well(tmp_path):
    from chronique.read import read_inputs
    from chronique.read.jsonl import json_problem

    with pytest.raises(json.JSONDecodeError) as exc:
        json.loads('"a\x01b"')  # the strict decoder's message ends in 'at'
    assert json_problem(exc.value) == "Invalid control character"

    p = tmp_path / "m.jsonl"
    p.write_text('{"id": "x", "text": "ok"\n', encoding="utf-8")
    (item,) = read_inputs([p])
    assert " at at " not in item.error and item.error.startswith(f"{p}:1: malformed JSON (")


def test_pool_workers_ask_to_die_with_their_parent():
    """The kernel ends a pool worker with its writer (the kill -9 test checks they end)."""
    if not sys.platform.startswith("linux"):
        pytest.skip("PR_SET_PDEATHSIG is Linux only")
    code = (
        "import ctypes, os, signal\n"
        "from chronique.batch import _pool_worker_init\n"
        "_pool_worker_init(os.getppid())\n"
        "sig = ctypes.c_int()\n"
        "ctypes.CDLL(None).prctl(2, ctypes.byref(sig))\n"  # PR_GET_PDEATHSIG
        "print(sig.value == signal.SIGKILL)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=120)
    assert out.stdout.strip() == "True", out.stderr
