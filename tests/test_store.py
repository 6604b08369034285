"""The event store without spaCy: schema, idempotent writes, near-duplicates, event merging,
exports and database faults, on real article text with hand-made event records."""

from __future__ import annotations

import csv
import gzip
import itertools
import json
import os
import random
import subprocess
import sys
from datetime import date
from pathlib import Path

import duckdb
import pytest

from chronique.model import (
    Actor,
    Article,
    ArticleResult,
    DateSpan,
    Event,
    Evidence,
    Place,
    Quote,
    result_from_dict,
)
from chronique.store import Store, StoreError, dedup
from chronique.store import clusters as cl
from chronique.store.export import GDELT_COLUMNS, export
from chronique.store.filters import Where, event_where, words_pattern
from chronique.store.query import EventFilter, event_records, events

SHARED = Path(os.environ.get("CHRONIQUE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
CORPUS = SHARED / "corpus" / "orangesum_fr_politics.jsonl.gz"


@pytest.fixture(scope="module")
def records() -> list[dict]:
    if not CORPUS.exists():
        pytest.skip(f"shared corpus not found: {CORPUS}")
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in itertools.islice(fh, 60)]


def long_records(records: list[dict], n: int, min_chars: int = 1500) -> list[dict]:
    out = [r for r in records if len(r["text"]) >= min_chars]
    assert len(out) >= n
    return out[:n]


RUS = Actor(text="la Russie", name="Russia", country="RUS", sector="GOV", wikidata="Q159")
UKR = Actor(text="l'Ukraine", name="Ukraine", country="UKR", sector="GOV", wikidata="Q212")
USA = Actor(text="Washington", name="United States", country="USA", sector="GOV")


def coded(
    rec: dict,
    *,
    text: str | None = None,
    events: list[Event] | None = None,
    errors: list[str] | None = None,
    published: str | None = None,
) -> ArticleResult:
    """An ArticleResult for a real article, with the given (hand-made) events."""
    body = text if text is not None else rec["title"] + "\n\n" + rec["text"]
    art = Article(
        id=rec["id"], text=body, published=published or rec["published"], language="fr",
        title=rec["title"], source=rec.get("source"), origin=f"corpus:{rec['id']}",
    )
    sentence = body.split(".")[0][:200]
    return ArticleResult(
        id=art.id, published=art.published, language="fr", title=art.title, text=body,
        source=art.source, origin=art.origin, content_hash=art.content_hash,
        entities=[RUS, UKR],
        quotes=[Quote(speaker=USA, text=sentence, kind="direct", cue="a déclaré", start=0,
                      end=len(sentence), paragraph=0)],
        events=events if events is not None else [],
        errors=errors or [],
    )


def accuse(day: str, end: str | None = None, *, actor=RUS, recipient=UKR, text="accuse") -> Event:
    return Event(
        id=f"ev-{day}-{text}", event="ACCUSE", mode="allege", actor=[actor],
        recipient=[recipient], modality="alleged", attributed_to=[USA],
        date=DateSpan(day, end or day, "day" if end is None else "month"),
        location=Place(name="Moscou", country="RUS", lat=55.75, lon=37.62, geonameid=524901),
        cameo="112", score=-3.5, text=f"La Russie {text} l'Ukraine.",
        trigger={"text": text, "start": 10, "end": 10 + len(text)}, rule="fr.accuse.test",
        evidence=[Evidence(sentence=f"La Russie {text} l'Ukraine.", trigger=text, start=10,
                           end=10 + len(text), rule="fr.accuse.test", paragraph=1)],
    )


@pytest.fixture
def store(tmp_path: Path):
    s = Store.open(tmp_path / "t.duckdb")
    yield s
    s.close()


def count(s: Store, table: str) -> int:
    return s.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


# -- clusters ---------------------------------------------------------------------------------

def m(i: str, start: str, end: str, pub: str) -> cl.Member:
    p = date.fromisoformat(pub)
    return cl.Member(i, date.fromisoformat(start), date.fromisoformat(end), p, p)


def test_clusters_merge_overlapping_dates_within_the_window():
    members = [
        m("a", "2016-04-01", "2016-04-01", "2016-04-01"),
        m("b", "2016-04-01", "2016-04-30", "2016-04-03"),  # a month containing a's day
        m("c", "2016-04-02", "2016-04-02", "2016-04-02"),
        m("d", "2016-05-10", "2016-05-10", "2016-05-10"),  # later: apart
        m("e", "2016-04-01", "2016-04-01", "2019-01-01"),  # retold years later: apart
        cl.Member("f", None, None, None, None),
    ]
    got = cl.assign(members)
    assert got["a"] == got["b"] == got["c"] == "a"
    assert got["d"] == "d" and got["e"] == "e" and got["f"] == "f"
    for seed in range(5):  # order of arrival does not matter
        shuffled = members[:]
        random.Random(seed).shuffle(shuffled)
        assert cl.assign(shuffled) == got


def test_clusters_do_not_chain_and_a_month_is_compatible_with_its_days():
    weekly = [m(f"w{d:02d}", "2020-01-01", "2020-12-31", f"2020-06-{d:02d}") for d in
              (1, 6, 11, 16)]
    got = cl.assign(weekly)
    assert got["w01"] == got["w06"] == "w01" and got["w11"] == got["w16"] == "w11"
    month = cl.Member("month", date(2023, 9, 1), date(2023, 9, 30), date(2023, 9, 1),
                      date(2023, 9, 30))
    day = m("day", "2023-09-12", "2023-09-12", "2023-09-25")
    assert cl.assign([month, day]) == {"month": "month", "day": "month"}


# -- near-duplicates --------------------------------------------------------------------------

def test_minhash_sees_a_republished_story_and_not_a_different_one(records):
    a, b = long_records(records, 2)
    text = a["title"] + "\n\n" + a["text"]
    sentences = text.split(". ")
    changed = "Titre refait pour la republication\n\n" + ". ".join(
        sentences[:2] + ["Cette phrase a été réécrite par un autre journal"] + sentences[3:]
    )
    same = dedup.signature(text).jaccard(dedup.signature(changed))
    other = dedup.signature(text).jaccard(dedup.signature(b["title"] + "\n\n" + b["text"]))
    assert same >= dedup.DEFAULT_THRESHOLD
    assert other < 0.3
    blob = dedup.to_bytes(dedup.signature(text))
    assert dedup.from_bytes(blob).jaccard(dedup.signature(text)) == 1.0


# -- writes -----------------------------------------------------------------------------------

def test_write_stores_every_table_in_one_batch_and_skips_stored(store, records):
    r1 = coded(records[0], events=[accuse("2014-10-15")])
    r2 = coded(records[1])
    stats = store.write([r1, r2])
    assert (stats.stored, stats.events, stats.quotes) == (2, 1, 2)
    assert store.stored([r1.content_hash, r2.content_hash, "x"]) == {
        r1.content_hash, r2.content_hash
    }
    c = store.counts()
    assert c["articles"] == 2 and c["events"] == 1 and c["evidence"] == 1
    assert c["event_actors"] == 3  # actor, recipient, attributed_to
    assert c["entities"] == 4 and c["quotes"] == 2 and c["paragraphs"] > 2
    # the stored JSON rebuilds the record exactly
    res, text = store.con.execute(
        "SELECT results::VARCHAR, text FROM articles WHERE id = ?", [r1.content_hash]
    ).fetchone()
    back = result_from_dict(json.loads(res))
    back.text = text
    assert back == r1
    # a second connection sees the same after reopening (committed, not cached)
    path = store.path
    store.close()
    with Store.open(path, read_only=True) as again:
        assert again.counts() == c


def test_the_same_text_under_two_ids_is_one_article_found_by_both(store, records):
    first = coded(records[0])
    again = coded(dict(records[0], id="elsewhere-7"))
    assert again.content_hash == first.content_hash
    store.write([first])
    left = store.write([], sources=[(again.content_hash, again.id, "b.jsonl:3"),
                                    ("not-stored", "x", None)]).unplaced
    assert left == [("not-stored", "x", None)]
    store.write([], sources=[(again.content_hash, again.id, "c.jsonl:1")])  # known: no new row
    assert store.con.execute(
        "SELECT source_id, origin FROM article_sources ORDER BY ALL"
    ).fetchall() == [("elsewhere-7", "b.jsonl:3"), (records[0]["id"], first.origin)]
    assert count(store, "articles") == 1


def test_failed_articles_go_to_failures_and_are_retried(store, records):
    bad = coded(records[2], errors=["corpus:x: extractor failed (RuntimeError: boom)"])
    store.write([bad], [("in.jsonl:9", "in.jsonl:9: malformed JSON")])
    store.write([bad], [("in.jsonl:9", "in.jsonl:9: malformed JSON")])
    assert count(store, "articles") == 0
    rows = store.con.execute("SELECT kind, attempts, article_id FROM failures ORDER BY kind")
    assert rows.fetchall() == [("extract", 2, bad.content_hash), ("read", 2, None)]
    good = coded(records[2])  # the extractor was fixed: stored, and its failure cleared
    assert store.write([good]).stored == 1
    assert [r[1] for r in store.failures()] == ["read"]


def test_events_of_several_articles_merge_and_copies_count_once(store, records):
    a, b, c = long_records(records, 3)
    ra = coded(a, published="2016-04-01", events=[accuse("2016-04-01")])
    rb = coded(b, published="2016-04-03", events=[accuse("2016-04-01", "2016-04-30")])
    copy_text = "Nouveau titre\n\n" + a["text"]
    rc = coded(a, text=copy_text, published="2016-04-02", events=[accuse("2016-04-01")])
    rd = coded(c, published="2016-04-02", events=[accuse("2016-04-02", recipient=USA)])
    store.write([ra, rb])
    store.write([rc, rd])
    dup = store.con.execute(
        "SELECT duplicate_of, similarity FROM articles WHERE id = ?", [rc.content_hash]
    ).fetchone()
    assert dup[0] == ra.content_hash and dup[1] >= dedup.DEFAULT_THRESHOLD
    rows = store.con.execute(
        "SELECT recipient_countries, n_events, n_articles, n_copies, date_start, date_end "
        "FROM event_clusters ORDER BY recipient_countries"
    ).fetchall()
    assert rows == [
        (["UKR"], 3, 2, 3, date(2016, 4, 1), date(2016, 4, 30)),
        (["USA"], 1, 1, 1, date(2016, 4, 2), date(2016, 4, 2)),
    ]
    # near-duplicates are left out of queries unless asked for
    assert len(events(store, EventFilter(recipient="UKR"))) == 2
    assert len(events(store, EventFilter(recipient="ukr", include_duplicates=True))) == 3
    assert len(events(store, EventFilter(actor="RUS", since="2016-04-02"))) == 2  # b's month
    assert events(store, EventFilter(type="accuse", until="2016-03")) == []
    recs = event_records(store, events(store, EventFilter(text="ACCUSE l'ukraine")))
    assert recs and recs[0]["event"] == "ACCUSE" and recs[0]["store"]["cluster_articles"] == 2
    with pytest.raises(ValueError, match="--type"):
        EventFilter(type="PUNCH").where()


def test_where_binds_a_value_to_each_placeholder_and_skips_empty_filters():
    w = Where()
    w.when(None, "a.x = ?")
    w.when("", "a.x = ?")
    w.when("fr", "(a.language = ? OR a.title = ?)")
    w.add("a.duplicate_of IS NULL")
    assert w.clause() == " WHERE (a.language = ? OR a.title = ?) AND a.duplicate_of IS NULL"
    assert w.params == ["fr", "fr"]
    assert Where().clause() == ""
    dyad = event_where(actor="RUS", recipient="UKR", both=True, include_duplicates=True)
    assert dyad.params == ["RUS", "UKR", "UKR", "RUS"] and len(dyad.conds) == 1
    one_way = event_where(actor="RUS", recipient="UKR", text="Kiev", include_duplicates=False)
    assert one_way.params == ["RUS", "UKR", *[words_pattern("kiev")] * 4]
    assert one_way.conds[-1] == "a.duplicate_of IS NULL"


def test_a_failed_write_stores_nothing_of_the_batch(store, records, monkeypatch):
    store.write([coded(records[0])])
    before = store.counts()

    def full(*args, **kwargs):
        raise duckdb.IOException('IO Error: Could not write file "t.duckdb.wal": '
                                 "No space left on device")

    monkeypatch.setattr(Store, "_recluster", full)
    with pytest.raises(StoreError, match="disk is full") as exc:
        store.write([coded(records[1], events=[accuse("2014-12-31")]), coded(records[3])])
    assert "\n" not in str(exc.value)
    assert store.counts() == before
    monkeypatch.undo()
    assert store.write([coded(records[1]), coded(records[3])]).stored == 2  # index rolled back


# -- exports ----------------------------------------------------------------------------------

@pytest.fixture
def filled(store, records):
    a, b = long_records(records, 2)
    store.write([
        coded(a, published="2016-04-01", events=[accuse("2016-04-01")]),
        coded(b, published="2016-04-02", events=[accuse("2016-04-01", "2016-04-30")]),
        coded(records[0]),
    ])
    return store


def test_exports_open_and_follow_their_formats(filled, tmp_path):
    s = filled
    out = {f: tmp_path / f"x.{f}" for f in ("csv", "parquet", "jsonl", "plover", "gdelt")}
    assert export(s, "csv", out["csv"]) == 2
    assert export(s, "parquet", out["parquet"]) == 2
    rows = duckdb.sql(f"SELECT event, actor_countries FROM '{out['parquet']}'").fetchall()
    assert rows == [("ACCUSE", ["RUS"]), ("ACCUSE", ["RUS"])]
    with out["csv"].open(encoding="utf-8") as fh:
        got = list(csv.DictReader(fh))
    assert got[0]["recipient_countries"] == "UKR" and got[0]["cluster_articles"] == "2"
    assert export(s, "csv", tmp_path / "c.csv", table="clusters") == 1
    assert export(s, "jsonl", out["jsonl"]) == 3
    lines = out["jsonl"].read_text(encoding="utf-8").splitlines()
    assert [result_from_dict(json.loads(x)).id for x in lines] == [
        r[0] for r in s.con.execute("SELECT source_id FROM articles ORDER BY seq").fetchall()
    ]
    assert export(s, "plover", out["plover"]) == 1
    rec = json.loads(out["plover"].read_text(encoding="utf-8"))
    for name in ("id", "date", "actor", "recipient", "event", "mode", "context", "quad_code",
                 "event_scale", "event_loc", "text", "cite_info", "coder"):
        assert name in rec, name
    assert rec["event"] == ["ACCUSE"] and rec["mode"] == ["allege"] and rec["quad_code"] == 3
    assert rec["actor"][0]["code"] == "RUS" and rec["actor"][0]["identifier_id"] == "Q159"
    assert rec["date"] == "2016-04-01" and rec["enddate"] == "2016-04-30"
    assert rec["num_articles"] == 2 and len(rec["evidence"]) == 2
    assert rec["modality"] == "alleged" and rec["attribution"]["attributed_to"][0]["code"] == "USA"
    assert export(s, "gdelt", out["gdelt"]) == 1
    (line,) = out["gdelt"].read_text(encoding="utf-8").splitlines()
    row = dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True))
    assert row["SQLDATE"] == "20160401" and row["EventCode"] == "112"
    assert row["EventBaseCode"] == "112" and row["EventRootCode"] == "11"
    assert row["QuadClass"] == "3" and row["GoldsteinScale"] == "-3.5"
    assert row["Actor1Code"] == "RUSGOV" and row["Actor2CountryCode"] == "UKR"
    assert row["NumArticles"] == "2" and row["ActionGeo_CountryCode"] == "RS"
    assert row["ActionGeo_Type"] == "4" and row["ActionGeo_FeatureID"] == "524901"
    # actors at country precision: Russia's and Ukraine's points, FIPS codes as GDELT has them
    assert (row["Actor1Geo_Type"], row["Actor1Geo_CountryCode"]) == ("1", "RS")
    assert row["Actor1Geo_FullName"] == "Russia" and row["Actor1Geo_FeatureID"] == "2017370"
    assert (row["Actor2Geo_Type"], row["Actor2Geo_CountryCode"]) == ("1", "UP")
    assert float(row["Actor2Geo_Lat"]) > 44 and float(row["Actor2Geo_Long"]) > 22
    tsv = duckdb.sql(f"SELECT * FROM read_csv('{out['gdelt']}', delim='\t', header=false)")
    assert len(tsv.columns) == 61
    with pytest.raises(StoreError, match="does not exist"):
        export(s, "csv", tmp_path / "missing" / "x.csv")


# -- database faults --------------------------------------------------------------------------

def test_a_file_that_is_not_a_database_is_left_untouched(tmp_path):
    bad = tmp_path / "notes.duckdb"
    bad.write_bytes(b"these are my notes, not a database\n" * 200)
    before = bad.read_bytes()
    with pytest.raises(StoreError, match="not a DuckDB database") as exc:
        Store.open(bad)
    assert "\n" not in str(exc.value)
    assert bad.read_bytes() == before


def test_a_damaged_store_is_reported(tmp_path, records):
    path = tmp_path / "s.duckdb"
    with Store.open(path) as s:
        s.write([coded(r) for r in records[:20]])
    data = bytearray(path.read_bytes())
    for off in range(12288 + 100, len(data), 7 * 4096):
        data[off : off + 64] = os.urandom(64)
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="damaged"):
        with Store.open(path) as s:
            s.counts()


def test_other_databases_and_missing_files(tmp_path):
    with pytest.raises(StoreError, match="no such database"):
        Store.open(tmp_path / "none.duckdb", read_only=True)
    other = tmp_path / "other.duckdb"
    duckdb.connect(str(other)).execute("CREATE TABLE t (x INT)").close()
    with pytest.raises(StoreError, match="not a chronique store"):
        Store.open(other)


def test_a_locked_database_names_the_other_process(tmp_path):
    path = tmp_path / "l.duckdb"
    Store.open(path).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", "import duckdb, sys; c = duckdb.connect(sys.argv[1]); "
         "print('held', flush=True); sys.stdin.read()", str(path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        with pytest.raises(StoreError, match="in use by another process") as exc:
            Store.open(path)
        assert f"PID {holder.pid}" in str(exc.value)
    finally:
        holder.stdin.close()
        holder.wait(timeout=30)
    Store.open(path).close()
