"""Issue 11: counts that respect modality, one parser for pages and API, safe exports,
truthful charts, facets and search, on the store of test_web_api (real corpus articles, the
seed, a hostile article and one whose title is a spreadsheet formula)."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from pathlib import Path

import duckdb
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from test_web_api import FORMULA_TITLE, STORE, build_store, get  # noqa: E402


@pytest.fixture(scope="module")
def client():
    from test_web_api import TestClient

    from chronique.web import create_app

    with TestClient(create_app(build_store(STORE), interval=0)) as c:
        yield c


def page_ids(client, url: str) -> list[str]:
    r = client.get(url)
    assert r.status_code == 200, (url, r.status_code)
    return re.findall(r'<tr data-id="([^"]+)"', r.text)


# -- modality ------------------------------------------------------------------------------------

def test_default_counts_leave_out_the_denied_arms_supply(client):
    default = get(client, "/api/v1/overview")
    every = get(client, "/api/v1/overview?modality=all")
    claims = get(client, "/api/v1/overview?modality=asserted&modality=historical"
                 "&modality=alleged&modality=denied")
    assert default["totals"]["events"] < claims["totals"]["events"] <= every["totals"]["events"]
    assert every["totals"]["events"] == sum(default["by_modality"].values())
    assert default["totals"]["events"] == (default["by_modality"]["asserted"]
                                           + default["by_modality"]["historical"])

    def aid(query: str) -> list[dict]:
        net = get(client, f"/api/v1/network?type=AID{query}")["edges"]
        return [e for e in net if (e["source"], e["target"]) == ("PRK", "RUS")]

    assert not aid("") and aid("&modality=denied")  # the denied supply draws no PRK→RUS link
    prk = get(client, "/api/v1/actors/PRK")
    assert "RUS" not in {o["other"] for o in prk["partners"]}


def test_claims_page_names_asserter_and_deniers_plainly(client):
    html = client.get("/claims").text
    row = html[html.index('data-type="AID"'):]
    row = row[:row.index("</tr>")]
    assert "alleged by one side, denied by another" in row
    asserted = row[row.index('class="asserted"'):row.index('class="denied"')]
    denied = row[row.index('class="denied"'):]
    assert "USA" in asserted and "USA" not in denied
    assert "RUS" in denied and "PRK" in denied
    events = client.get("/events?modality=denied").text
    assert "asserted by" in events and "denied by USA" not in events


def test_inferred_and_resolved_filters_on_pages_and_api(client):
    all_ = get(client, "/api/v1/events?per_page=200")
    sure = get(client, "/api/v1/events?per_page=200&inferred=false")
    assert sure["total"] < all_["total"]
    assert page_ids(client, "/events?per_page=200&inferred=false") == [
        e["id"] for e in sure["items"]]
    assert get(client, "/api/v1/events?resolved=true")["total"] <= all_["total"]
    for url in ("/", "/claims", "/network", "/map", "/actors/RUS"):
        assert client.get(url + "?inferred=false&resolved=true").status_code == 200, url


def test_resolved_only_keeps_events_whose_every_side_has_a_country():
    from chronique.store.filters import event_where

    con = duckdb.connect()
    con.execute("CREATE TABLE articles (id VARCHAR, duplicate_of VARCHAR, title VARCHAR)")
    con.execute("CREATE TABLE events (id VARCHAR, article_id VARCHAR, text VARCHAR)")
    con.execute("CREATE TABLE event_actors (event_id VARCHAR, role VARCHAR, country VARCHAR, "
                "kind VARCHAR)")
    con.execute("INSERT INTO articles VALUES ('a', NULL, 't')")
    con.execute("INSERT INTO events VALUES ('e1', 'a', 'x'), ('e2', 'a', 'y'), ('e3', 'a', 'z')")
    con.execute("INSERT INTO event_actors VALUES ('e1', 'actor', 'FRA', NULL), "
                "('e1', 'recipient', 'DEU', NULL), ('e2', 'actor', 'FRA', NULL), "
                "('e2', 'recipient', NULL, NULL), ('e3', 'actor', 'FRA', NULL), "
                "('e3', 'attributed_to', NULL, NULL)")
    w = event_where(include_duplicates=True, resolved_only=True)
    got = con.execute("SELECT e.id FROM events e JOIN articles a ON a.id = e.article_id"
                      + w.clause() + " ORDER BY 1", w.params).fetchall()
    assert got == [("e1",), ("e3",)]  # an unplaced claimant is no side of the event


# -- one parser ----------------------------------------------------------------------------------

GRID = [
    "", "modality=all", "type=ACCUSE&modality=all", "actor=RUS", "recipient=PRK&modality=all",
    "text=coree", "since=2023&until=2023-12", "country=UKR&country=RUS", "inferred=false",
    "resolved=true&modality=future", "sort=score&order=desc", "sort=type&page=2&per_page=5",
    "duplicates=1&modality=all", "type=AID&type=ACCUSE&modality=alleged&modality=denied",
    "since=&actor=&type=", "month=2023-09&modality=all",
]


@pytest.mark.parametrize("query", GRID)
def test_page_and_api_give_the_same_rows(client, query):
    api = get(client, f"/api/v1/events?{query}")
    assert page_ids(client, f"/events?{query}") == [e["id"] for e in api["items"]]


@pytest.mark.parametrize("url,status", [
    ("events?since=2023-13", 422), ("events?page=99999", 404), ("events?per_page=201", 422),
    ("actors/ZZZ", 404), ("actors/R2D2", 404), ("claims?country=R1S", 422),
    ("quotes?per_page=0", 422), ("events?modality=maybe", 422), ("articles/nope", 404),
])
def test_pages_and_api_refuse_the_same_input(client, url, status):
    api = client.get(f"/api/v1/{url}")
    page = client.get(f"/{url}")
    assert api.status_code == page.status_code == status, url
    assert set(api.json()) == {"detail"}
    assert page.headers["content-type"].startswith("text/html")


def test_unknown_urls_and_long_input(client):
    r = client.get("/no/such/page")
    assert r.status_code == 404 and r.headers["content-type"].startswith("text/html")
    assert "no such page" in r.text
    r = client.get("/api/v1/nothing")
    assert r.status_code == 404 and r.json() == {"detail": "no such page"}
    big = "Z" * 5000
    for url in (f"/api/v1/events?text={big}", f"/api/v1/events?since={big}",
                f"/api/v1/events/{big}"):
        r = client.get(url)
        assert r.status_code == 422 and len(r.text) < 400 and big[:100] not in r.text, url
    r = client.post("/api/v1/analyse", json={"text": "x", "published": big})
    assert r.status_code == 422 and big[:100] not in r.text


def test_host_header_is_checked(client):
    assert client.get("/api/v1/status", headers={"host": "evil.example:8000"}).status_code == 421
    assert client.get("/api/v1/status", headers={"host": "127.0.0.1:8000"}).status_code == 200


# -- exports -------------------------------------------------------------------------------------

def test_csv_cells_never_start_a_formula(client):
    r = client.get("/api/v1/events/export?format=csv&modality=all")
    rows = list(csv.DictReader(io.StringIO(r.text)))
    formula = [x for x in rows if x["article"] == "formula"]
    assert formula and formula[0]["title"] == "'" + FORMULA_TITLE
    for row in rows:
        for k, v in row.items():
            assert not (v[:1] in "=+@" and v) or k == "score", (k, v)
    from chronique.web.views import cell

    assert cell("-2+3") == "'-2+3" and cell(-2.0) == -2.0 and cell(["=A", "B"]) == "'=A;B"


def test_export_follows_filter_and_sort(client):
    r = client.get("/api/v1/events/export?format=csv&sort=score&order=desc&modality=all")
    scores = [float(x["score"]) for x in csv.DictReader(io.StringIO(r.text)) if x["score"]]
    assert scores == sorted(scores, reverse=True) and len(scores) > 10
    html = client.get("/events?sort=score&order=desc&type=ACCUSE").text
    href = re.search(r'id="export-csv" href="([^"]+)"', html).group(1).replace("&amp;", "&")
    assert "sort=score" in href and "order=desc" in href and "type=ACCUSE" in href


def test_geojson_of_placed_events(client):
    r = client.get("/api/v1/events/export?format=geojson&modality=all")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
    fc = json.loads(r.text)
    assert fc["type"] == "FeatureCollection"
    placed = get(client, "/api/v1/places?modality=all")["placed"]
    assert len(fc["features"]) == placed
    for f in fc["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90 and f["properties"]["id"]


# -- charts --------------------------------------------------------------------------------------

def _bucket(period: str, coop: int = 1, conf: int = 0) -> dict:
    quads = {"verbal_cooperation": coop, "material_cooperation": 0, "verbal_conflict": conf,
             "material_conflict": 0}
    return {"period": period, "n": coop + conf, "by_type": {}, "by_quad": quads,
            "cooperation": coop, "conflict": conf, "mean_score": None}


def test_timeline_x_axis_is_proportional_to_time():
    from chronique.web.charts import timeline

    chart = timeline([_bucket("2023-01-01"), _bucket("2023-01-02"), _bucket("2023-01-11", 4)],
                     "day", width=1000)
    x = [b["x"] for b in chart.bars]
    assert x[1] - x[0] == pytest.approx((x[2] - x[1]) / 9, rel=0.02)
    assert {t["label"] for t in chart.yticks} >= {4} and chart.max_count == 4
    parts = chart.bars[2]["parts"]
    assert [p["quad"] for p in parts] == ["verbal_cooperation"] and parts[0]["y"] < chart.mid
    many = timeline([_bucket("2000-01-01"), _bucket("2010-01-01")], "day")
    assert len(many.bars) == 2 and many.bars[1]["x"] > many.bars[0]["x"] + 500


def test_coarse_dates_are_spans_not_first_days(client):
    ts = get(client, "/api/v1/timeseries?interval=week&modality=all")
    n_series = sum(b["n"] for b in ts["series"])
    n_spans = sum(s["n"] for s in ts["spans"])
    assert n_spans > 0 and all(s["precision"] in ("month", "year") for s in ts["spans"])
    dated = get(client, "/api/v1/events?modality=all&per_page=1")["total"]
    assert n_series + n_spans <= dated


def test_landing_chart_is_the_busiest_dyad(client):
    o = get(client, "/api/v1/overview")
    pair = {o["actor"], o["recipient"]}
    net = get(client, "/api/v1/network?limit=1000")["edges"]
    weight: dict[frozenset, int] = {}
    for e in net:
        key = frozenset((e["source"], e["target"]))
        weight[key] = weight.get(key, 0) + e["weight"]
    assert weight[frozenset(pair)] == max(weight.values())
    assert o["timeline"]["series"] or o["timeline"]["spans"]


# -- facets and search ---------------------------------------------------------------------------

def test_facets_count_and_multi_select(client):
    data = get(client, "/api/v1/events?facets=true&modality=all")
    f = data["facets"]
    assert set(f) == {"type", "modality", "country", "source", "month"}
    types = {r["value"]: r["n"] for r in f["type"]}
    a, b = list(types)[:2]
    both = get(client, f"/api/v1/events?type={a}&type={b}&modality=all")
    assert both["total"] == types[a] + types[b]
    html = client.get(f"/events?type={a}&modality=all").text
    assert 'class="on" aria-pressed="true"' in html


def test_search_by_french_name_and_without_accents(client):
    for name in ("Poutine", "Putin", "poutine"):
        s = get(client, f"/api/v1/search?q={name}")
        assert any(x["code"] == "RUS" and x["person"] == "Vladimir Putin"
                   for x in s["actors"]), name
    for name in ("Russie", "Moscou", "Kremlin"):
        assert "RUS" in {x["code"] for x in get(client, f"/api/v1/search?q={name}")["actors"]}
    plain = get(client, "/api/v1/events?text=coree&modality=all")["total"]
    accented = get(client, "/api/v1/events?text=Corée&modality=all")["total"]
    assert plain == accented > 0
    s = get(client, "/api/v1/search?q=coree")
    assert s["articles"] and s["events"]
    assert "RUS" in [a["code"] for a in get(client, "/api/v1/actors?q=russie")["items"]]


def test_event_and_quotes_pages(client):
    aid = get(client, "/api/v1/events?type=AID&modality=denied")["items"][0]
    e = get(client, f"/api/v1/events/{aid['id']}")
    assert e["paragraphs"] and e["evidence"] and e["rule"]
    html = client.get(f"/events/{aid['id']}").text
    assert "démenti" in html and "asserted by" in html and "not counted by default" in html
    # a speaker found by another name the lexicon gives them (an alias, without accents)
    from chronique import lexicons
    from chronique.store.filters import fold

    aliases = {p["name"]: [a for a in p.get("aliases", []) if fold(a) not in fold(p["name"])]
               for p in lexicons.load("people")["people"]}
    quotes = get(client, "/api/v1/quotes?per_page=200")["items"]
    known = [(q["speaker_name"], aliases[q["speaker_name"]][0]) for q in quotes
             if aliases.get(q["speaker_name"])]
    assert known, "a quote of a person with an alias in the sample"
    name, alias = known[0]
    found = get(client, f"/api/v1/quotes?speaker={fold(alias)}")
    assert found["total"] > 0 and {x["speaker_name"] for x in found["items"]} >= {name}
    html = client.get(f"/quotes?speaker={fold(alias)}").text
    assert html.count("<tr>") == min(found["total"], 50) + 1


def test_analyse_reports_a_bad_date(client):
    r = client.post("/analyse", data={"text": "La Russie a accusé la Corée du Nord.",
                                      "published": "12/09/2023"})
    assert r.status_code == 422 and "published: &#39;12/09/2023&#39; is not a date" in r.text


def test_cli_events_resolved_only():
    from typer.testing import CliRunner

    from chronique.cli import app

    db = build_store(STORE)
    runner = CliRunner()
    every = runner.invoke(app, ["events", "--db", str(db), "--limit", "0", "-f", "jsonl"])
    sure = runner.invoke(app, ["events", "--db", str(db), "--limit", "0", "-f", "jsonl",
                               "--resolved-only"])
    assert every.exit_code == sure.exit_code == 0, sure.output
    kept = [json.loads(line) for line in sure.stdout.splitlines()]
    assert 0 < len(kept) <= len(every.stdout.splitlines())
    for rec in kept:
        assert all(a.get("country") for a in rec["actor"] + rec["recipient"])


@pytest.mark.parametrize("words,text,found", [
    ("coree", "la Corée du Nord", True), ("CORÉE", "la coree", True),
    ("a.b", "axb", False), ("(x", "f(x)", True), ("ecole", "l'École", True),
    ("Corée du Nord", "la Corée du Sud", False),
])
def test_words_ignore_accents_and_case_and_stay_literal(words, text, found):
    from chronique.store.filters import words_pattern

    con = duckdb.connect()
    assert con.execute("SELECT regexp_matches(?, ?)", [text, words_pattern(words)]
                       ).fetchone()[0] is found


def test_a_year_dated_event_does_not_stretch_the_axis():
    from chronique.web.charts import timeline

    spans = [{"start": "2006-01-01", "end": "2006-12-31", "precision": "year", "n": 1,
              "quad": "material_conflict"},
             {"start": "2023-01-01", "end": "2023-12-31", "precision": "year", "n": 2,
              "quad": "verbal_conflict"}]
    chart = timeline([_bucket("2023-09-04"), _bucket("2023-09-18")], "week", spans=spans)
    assert chart.first == "2023-09-04" and chart.last == "2023-09-24"
    assert [s["n"] for s in chart.outside] == [1]  # 2006: off the axis, counted apart
    assert len(chart.spans) == 1 and chart.spans[0]["clipped"]  # 2023: drawn where it overlaps
