"""The JSON API and the server-rendered pages through FastAPI's TestClient, on a store of real
corpus articles (the seed among them) plus one hostile article, written by the store's own
`Store.write`; and schemathesis against the app's OpenAPI schema, asserting no 500."""

from __future__ import annotations

import atexit
import csv
import gzip
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
import warnings
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
with warnings.catch_warnings():  # newer Starlette asks for httpx2; httpx still works
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

SHARED = Path(os.environ.get("CHRONIQUE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
SEED = SHARED / "corpus" / "seed.txt"
CORPUS = SHARED / "corpus" / "orangesum_fr_politics.jsonl.gz"
REPO = Path(__file__).resolve().parents[1]

# Real corpus articles on Russia, the Koreas and Ukraine; 33261/33265 are two versions of one
# wire story (a near-duplicate pair).
CORPUS_IDS = (
    "orangesum-18946", "orangesum-18904", "orangesum-18905", "orangesum-16930",
    "orangesum-16846", "orangesum-14442", "orangesum-14760", "orangesum-9816",
    "orangesum-11948", "orangesum-4075", "orangesum-32682", "orangesum-33261",
    "orangesum-31579", "orangesum-33265",
)
HOSTILE_TITLE = "<script>alert(1)</script>"
# A title a spreadsheet would run as a formula if an export wrote it as it is.
FORMULA_TITLE = '=HYPERLINK("http://example.invalid/x","click")'
FORMULA_TEXT = "La Russie a accusé la Corée du Nord de mentir, mardi."
HOSTILE_TEXT = (
    "<script>alert(1)</script> La Russie a accusé la Corée du Nord de mentir.\n\n"
    "Le président <b>russe</b> <img src=x onerror=alert(2)> a rencontré Kim Jong Un à "
    "Pyongyang lundi."
)


def build_store(path: Path) -> Path:
    """Code the sample articles and write them with the store's own API (once per session)."""
    from chronique.model import Article
    from chronique.pipeline import process_batch
    from chronique.read import read_inputs
    from chronique.store import Store

    if path.exists():
        return path
    for p in (SEED, CORPUS):
        if not p.exists():
            pytest.skip(f"shared data not found: {p} (../shared beside the repo)")
    wanted = set(CORPUS_IDS)
    arts = [i.article for i in read_inputs([str(SEED)]) if i.article is not None]
    with gzip.open(CORPUS, "rt", encoding="utf-8") as fh:
        lines = [line for line in fh if json.loads(line)["id"] in wanted]
    tmp = path.parent / "sample.jsonl"
    tmp.write_text("".join(lines), encoding="utf-8")
    arts += [i.article for i in read_inputs([str(tmp)]) if i.article is not None]
    assert len(arts) == 1 + len(CORPUS_IDS)
    arts.append(Article(id="hostile", text=f"{HOSTILE_TITLE}\n\n{HOSTILE_TEXT}",
                        published="2023-09-12", language="fr", title=HOSTILE_TITLE,
                        url="javascript:alert(3)", origin="hostile"))
    arts.append(Article(id="formula", text=f"{FORMULA_TITLE}\n\n{FORMULA_TEXT}",
                        published="2023-09-13", language="fr", title=FORMULA_TITLE,
                        origin="formula"))
    results = process_batch(arts)
    part = path.with_suffix(".part")
    with Store.open(part) as store:
        store.write(results)
    part.rename(path)
    return path


# One store per test process, shared with test_web_ui (which imports this module).
STORE = Path(tempfile.mkdtemp(prefix="chronique-web-test-")) / "sample.duckdb"
atexit.register(shutil.rmtree, STORE.parent, True)


@pytest.fixture(scope="session")
def store_path() -> Path:
    return build_store(STORE)


@pytest.fixture(scope="module")
def client(store_path: Path):
    from chronique.web import create_app

    with TestClient(create_app(store_path, interval=0)) as c:
        yield c


def get(client: TestClient, url: str, status: int = 200) -> dict:
    r = client.get(url)
    assert r.status_code == status, (url, r.status_code, r.text[:300])
    return r.json()


# -- API ---------------------------------------------------------------------------------------

def test_overview_totals_dyads_places(client):
    o = get(client, "/api/v1/overview?actor=RUS&recipient=PRK")
    t = o["totals"]
    assert t["articles"] == 17 and t["events"] > 20 and t["quotes"] > 50
    assert t["duplicates"] == 1  # the second version of the pilgrims story
    assert t["claims"] >= 1
    assert sum(o["quads"].values()) > 0
    assert o["top_dyads"] and all(d["weight"] >= 1 for d in o["top_dyads"])
    assert o["timeline"]["series"], "RUS–PRK events in both directions"
    assert all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in o["places"])
    assert o["unplaced"] + o["placed"] == t["events"]


def test_events_filter_sort_and_pages(client):
    all_ = get(client, "/api/v1/events?per_page=200")
    assert all_["total"] == len(all_["items"]) > 10
    # the seed's arms supply is denied: not counted unless asked for
    assert get(client, "/api/v1/events?type=AID&actor=PRK&recipient=RUS")["total"] == 0
    aid = get(client, "/api/v1/events?type=AID&actor=PRK&recipient=RUS&modality=all")
    assert aid["total"] >= 1
    assert all(e["event"] == "AID" and "PRK" in e["actor_countries"] for e in aid["items"])
    two = get(client, "/api/v1/events?per_page=2&page=2")
    assert two["per_page"] == 2 and two["page"] == 2 and len(two["items"]) == 2
    assert two["pages"] == -(-all_["total"] // 2)
    scores = [e["score"] for e in get(client, "/api/v1/events?sort=score&order=desc")["items"]]
    assert scores == sorted(scores, reverse=True)
    words = get(client, "/api/v1/events?text=armes")
    assert 0 < words["total"] < all_["total"]
    early = get(client, "/api/v1/events?until=2017")
    assert all(e["date_start"] <= "2017-12-31" for e in early["items"])
    sure = get(client, "/api/v1/events?per_page=200&inferred=false")
    assert 0 < sure["total"] < all_["total"]


@pytest.mark.parametrize("query", [
    "per_page=201", "page=0", "since=2023-13", "until=2023-02-30", "actor=R1S",
    "type=BOMB", "modality=maybe", "sort=id", "order=up",
])
def test_events_bad_parameters_are_422(client, query):
    get(client, f"/api/v1/events?{query}", 422)


def test_event_detail_and_404(client):
    first = get(client, "/api/v1/events?type=AID&modality=all")["items"][0]
    ev = get(client, f"/api/v1/events/{first['id']}")
    assert ev["evidence"] and ev["actors"] and ev["recipients"]
    get(client, "/api/v1/events/nope:0", 404)


def test_claims_show_who_asserts_and_who_denies_the_seed_arms_supply(client):
    claims = get(client, "/api/v1/claims")["items"]
    aid = [c for c in claims if c["event"] == "AID" and c["actor_countries"] == ["PRK"]
           and c["recipient_countries"] == ["RUS"]]
    assert len(aid) == 1, claims
    c = aid[0]
    assert c["alleged"] and c["denied"]
    assert c["attributed_to"] == ["USA"]
    assert set(c["denied_by"]) == {"RUS", "PRK"}
    assert {a["country"] for a in c["asserted_by"]} == {"USA"}
    assert {a["country"] for a in c["denied_by_actors"]} == {"RUS", "PRK"}
    assert "démenti" in c["text"]
    assert get(client, "/api/v1/claims?country=PRK")["total"] >= 1
    assert get(client, "/api/v1/claims?country=SWE")["total"] == 0


def test_article_with_events_quotes_and_highlights(client):
    art = get(client, "/api/v1/articles/seed")
    assert art["published"] == "2023-09" and art["text"].startswith("Le Kremlin")
    assert any(e["event"] == "AID" and e["modality"] == "denied" for e in art["events"])
    assert all(e["store_id"] for e in art["events"])
    assert len(art["quotes"]) >= 5
    kinds = {h["kind"] for h in art["highlights"]}
    assert kinds == {"actor", "trigger", "time", "quote"}
    n = len(art["text"])
    assert all(0 <= h["start"] < h["end"] <= n for h in art["highlights"])
    same = get(client, f"/api/v1/articles/{art['id']}")  # by content hash too
    assert same["id"] == art["id"]
    get(client, "/api/v1/articles/no-such-article", 404)


def test_timeseries_by_week_and_day_for_a_dyad_and_a_country(client):
    ts = get(client, "/api/v1/timeseries?actor=RUS&recipient=PRK&both=true&interval=week")
    assert ts["series"]
    for b in ts["series"]:
        assert b["n"] == sum(b["by_type"].values()) == sum(b["by_quad"].values())
        assert b["n"] == b["cooperation"] + b["conflict"]
    one_way = get(client, "/api/v1/timeseries?actor=PRK&recipient=RUS")
    assert sum(b["n"] for b in one_way["series"]) < sum(b["n"] for b in ts["series"])
    days = get(client, "/api/v1/timeseries?country=PRK&interval=day&since=2016&until=2024")
    assert days["series"] and all(b["mean_score"] is not None for b in days["series"])
    get(client, "/api/v1/timeseries?interval=decade", 422)


def test_network_edges_are_weighted_and_directed(client):
    net = get(client, "/api/v1/network?modality=all")
    edges = {(e["source"], e["target"]): e for e in net["edges"]}
    assert ("PRK", "RUS") in edges
    assert all(e["weight"] == e["cooperation"] + e["conflict"] for e in net["edges"])
    assert {n["id"] for n in net["nodes"]} >= {"PRK", "RUS"}
    assert get(client, "/api/v1/network?min_weight=1000")["edges"] == []


def test_actor_page_data(client):
    rus = get(client, "/api/v1/actors/rus")
    assert rus["code"] == "RUS" and rus["name"] == "Russia"
    assert rus["as_actor"]["total"] > 0 and rus["as_recipient"]["total"] > 0
    assert rus["quotes"]["total"] > 0
    assert rus["partners"] or rus["adversaries"]
    assert all(o["cooperation"] > o["conflict"] for o in rus["partners"])
    get(client, "/api/v1/actors/ZZZ", 404)
    get(client, "/api/v1/actors/R2D2", 404)


def test_lists_of_quotes_articles_actors(client):
    q = get(client, "/api/v1/quotes?country=USA&per_page=5")
    assert q["total"] > 0 and all(x["speaker_country"] == "USA" for x in q["items"])
    arts = get(client, "/api/v1/articles?per_page=5")
    assert arts["total"] == 17 and len(arts["items"]) == 5
    assert get(client, "/api/v1/articles?text=pèlerins")["total"] == 2
    assert get(client, "/api/v1/articles?text=pèlerins&duplicates=false")["total"] == 1
    actors = get(client, "/api/v1/actors?per_page=3")
    assert len(actors["items"]) == 3 and actors["total"] > 3
    assert "PRK" in [a["code"] for a in get(client, "/api/v1/actors?q=north korea")["items"]]
    get(client, "/api/v1/quotes?per_page=1000", 422)


def test_export_of_the_current_filter(client):
    total = get(client, "/api/v1/events?actor=RUS")["total"]
    r = client.get("/api/v1/events/export?format=csv&actor=RUS")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == total and all("RUS" in x["actor_countries"].split(";") for x in rows)
    r = client.get("/api/v1/events/export?format=jsonl&type=AID&modality=all")
    recs = [json.loads(line) for line in r.text.splitlines()]
    assert recs and all(x["event"] == "AID" and x["store"]["id"] for x in recs)
    empty = client.get("/api/v1/events/export?format=csv&actor=SWE&recipient=SWE")
    assert empty.text.splitlines()[0].startswith("id,event")


def test_analyse_codes_without_storing(client):
    before = get(client, "/api/v1/status")["articles"]
    body = {"text": SEED.read_text(encoding="utf-8").split(" ", 3)[3], "published": "2023-09",
            "language": "fr", "title": "Kim et Poutine"}
    r = client.post("/api/v1/analyse", json=body)
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["stored"] is False and out["text"].startswith("Kim et Poutine\n\n")
    assert any(e["event"] == "AID" and e["denied_by"] for e in out["events"])
    assert {h["kind"] for h in out["highlights"]} == {"actor", "trigger", "time", "quote"}
    assert get(client, "/api/v1/status")["articles"] == before


@pytest.mark.parametrize("body", [
    {"text": ""}, {"text": "Bonjour", "published": "2023-02-30"},
    {"text": "Bonjour", "language": "de"}, {"published": "2023"},
])
def test_analyse_rejects_bad_articles(client, body):
    assert client.post("/api/v1/analyse", json=body).status_code == 422


def test_bodies_are_bounded(client):
    big = {"text": "a" * 1_100_000}
    assert client.post("/api/v1/analyse", json=big).status_code == 413

    def chunks():  # no Content-Length: counted as it arrives
        yield b'{"text": "'
        for _ in range(300):
            yield b"x" * 4096
        yield b'"}'

    r = client.post("/api/v1/analyse", content=chunks(),
                    headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert client.post("/analyse", files={"upload": ("a.txt", b"a" * 1_100_000)}).status_code == 413


# -- pages -------------------------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    "/", "/?actor=USA&recipient=PRK&interval=day", "/events",
    "/events?type=AID&sort=score&order=desc", "/claims", "/articles", "/articles/seed",
    "/actors", "/actors/PRK", "/analyse",
    "/static/style.css", "/static/app.js", "/static/world-110m.svg",
])
def test_pages_render(client, url):
    r = client.get(url)
    assert r.status_code == 200, r.text[:300]
    assert "content-security-policy" in r.headers
    if r.headers["content-type"].startswith("text/html"):
        assert "<h1>" in r.text and "https://" not in r.text.split("<main>")[0]


def test_pages_report_bad_filters_and_missing_things(client):
    r = client.get("/events?since=2023-13")
    assert r.status_code == 422 and "is not a date" in r.text
    assert client.get("/articles/nope").status_code == 404
    assert client.get("/actors/12").status_code == 404


def test_hostile_article_is_escaped_everywhere(client):
    hostile = get(client, "/api/v1/articles/hostile")
    assert hostile["title"] == HOSTILE_TITLE  # data kept as written
    for url in ("/articles/hostile", "/articles", "/events?text=mentir", "/actors/RUS"):
        html = client.get(url).text
        assert "<script>alert" not in html and "<img src=x" not in html, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html, url
    page = client.get("/articles/hostile").text
    assert 'href="javascript:' not in page  # a link only for http(s) URLs
    assert "&lt;img src=x onerror=alert(2)&gt;" in page
    r = client.post("/analyse", data={"text": HOSTILE_TEXT, "title": HOSTILE_TITLE,
                                      "published": "2023-09-12", "language": "fr"})
    assert r.status_code == 200
    assert "<script>alert" not in r.text and "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp


def test_analyse_page_upload(client):
    r = client.post("/analyse", files={"upload": ("seed.txt", SEED.read_bytes(), "text/plain")})
    assert r.status_code == 200
    assert "published 2023-09" in r.text and "AID" in r.text and "hl-trigger" in r.text
    r = client.post("/analyse", data={"text": "  "})
    assert r.status_code == 422 and "paste a text" in r.text


def test_openapi_is_served_and_versioned(client):
    spec = get(client, "/openapi.json")
    paths = set(spec["paths"])
    assert all(p.startswith("/api/v1/") for p in paths)
    for p in ("/api/v1/events", "/api/v1/claims", "/api/v1/timeseries", "/api/v1/network",
              "/api/v1/analyse", "/api/v1/articles/{key}", "/api/v1/actors/{code}"):
        assert p in paths
    assert client.get("/docs").status_code == 404  # its assets come from a CDN: not served


def test_serve_binds_to_localhost_by_default():
    from typer.testing import CliRunner

    from chronique.cli import app

    out = CliRunner().invoke(app, ["serve", "--help"], env={"COLUMNS": "200"})
    assert out.exit_code == 0 and "127.0.0.1" in out.output


# -- live with ingestion -----------------------------------------------------------------------

WRITER = textwrap.dedent("""
    import sys, time
    from chronique.model import Article, ArticleResult
    from chronique.store import Store
    art = Article(id="live", text="Article ajouté pendant que le tableau de bord tourne.",
                  published="2024-01-02", language="fr", title="Live")
    r = ArticleResult(id=art.id, published=art.published, language="fr", title=art.title,
                      text=art.text, content_hash=art.content_hash)
    store = Store.open(sys.argv[1])  # the writer's lock, held until stdin closes
    store.write([r])
    print("written", flush=True)
    sys.stdin.read()
    store.close()
""")


def test_live_while_a_writer_holds_the_database(store_path, tmp_path):
    from chronique.web import create_app

    db = tmp_path / "live.duckdb"
    shutil.copyfile(store_path, db)
    with TestClient(create_app(db, interval=0)) as c:
        before = get(c, "/api/v1/status")["articles"]
        writer = subprocess.Popen([sys.executable, "-c", WRITER, str(db)], cwd=REPO,
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        try:
            assert writer.stdout.readline().strip() == "written"
            deadline = time.monotonic() + 10
            while get(c, "/api/v1/status")["articles"] == before:
                assert time.monotonic() < deadline, "new article never appeared"
                time.sleep(0.1)
            assert get(c, "/api/v1/status")["articles"] == before + 1
            assert c.get("/").status_code == 200 and c.get("/events").status_code == 200
            assert "Live" in c.get("/articles").text
        finally:
            writer.stdin.close()
            writer.wait(timeout=30)
        assert writer.returncode == 0
        # and the server never holds the live file: a new writer opens it at once
        from chronique.store import Store

        with Store.open(db) as s:
            assert s.counts()["articles"] == before + 1


def test_missing_store_is_503_until_it_appears(store_path, tmp_path):
    from chronique.web import create_app

    db = tmp_path / "later.duckdb"
    with TestClient(create_app(db, interval=0)) as c:
        r = c.get("/api/v1/events")
        assert r.status_code == 503 and "chronique ingest" in r.json()["detail"]
        assert r.headers["retry-after"]
        page = c.get("/")
        assert page.status_code == 503 and "chronique ingest" in page.text
        shutil.copyfile(store_path, db)
        assert get(c, "/api/v1/status")["articles"] == 17


# -- schemathesis ------------------------------------------------------------------------------

try:
    import schemathesis
    from hypothesis import HealthCheck, settings
    from schemathesis.checks import not_a_server_error
except ImportError:  # a dev dependency: the rest of the file runs without it
    schemathesis = None

if schemathesis is not None:
    from chronique.web import create_app as _create_app

    # The app reads its store lazily, so it can be made before the store_path fixture builds
    # the store at this path.
    schema = schemathesis.openapi.from_asgi("/openapi.json", _create_app(STORE, interval=5))

    @schema.parametrize()
    @settings(max_examples=8, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    def test_schemathesis_no_server_error(case, store_path):
        """Generated inputs for every operation of /openapi.json: any status but a 5xx."""
        assert store_path == STORE
        case.call_and_validate(checks=[not_a_server_error])
else:
    def test_schemathesis_no_server_error():
        pytest.skip("schemathesis is not installed (pip install -e '.[dev]')")


# -- snapshots ---------------------------------------------------------------------------------

def test_snapshots_follow_the_live_file_and_clean_up(store_path, tmp_path):
    import duckdb

    from chronique.web.snapshot import SnapshotReader, StoreUnavailable

    db = tmp_path / "s.duckdb"
    shutil.copyfile(store_path, db)
    reader = SnapshotReader(db, interval=0, workdir=tmp_path / "snaps")
    with reader.cursor() as con:
        n = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        first = sorted((tmp_path / "snaps").glob("*.duckdb"))
        with duckdb.connect(str(db)) as live:  # the live file changes while a reader reads
            live.execute("UPDATE articles SET title = 'changed' WHERE source_id = 'seed'")
        with reader.cursor() as newer:
            assert newer.execute("SELECT title FROM articles WHERE source_id = 'seed'"
                                 ).fetchone()[0] == "changed"
        # the first copy is still readable by the request that holds it
        assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == n
    assert all(not p.exists() for p in first)  # retired once its last reader left
    assert len(list((tmp_path / "snaps").glob("*.duckdb"))) == 1
    reader.close()

    other = tmp_path / "other.duckdb"
    with duckdb.connect(str(other)) as c:
        c.execute("CREATE TABLE t (x INTEGER)")
    with pytest.raises(StoreUnavailable, match="not a chronique store"):
        with SnapshotReader(other, workdir=tmp_path / "o").cursor():
            pass
    junk = tmp_path / "junk.duckdb"
    junk.write_bytes(b"not a database" * 100)
    with pytest.raises(StoreUnavailable):
        with SnapshotReader(junk, workdir=tmp_path / "j").cursor():
            pass
