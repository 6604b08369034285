"""The view layer: one data function per view, shared by its page and its API endpoint.

Each function takes a cursor and the request's parsed `Params` (`params.parse`, the one
parser) and returns plain data; `app` renders that data as HTML (a template), JSON, or for
events CSV, JSON lines and GeoJSON. A page and its endpoint therefore cannot disagree on
which rows a filter selects, nor on what input is bad.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any

import duckdb

from chronique.web import charts, queries
from chronique.web.params import NotFound, Params

Con = duckdb.DuckDBPyConnection
View = Callable[[Con, Params], dict[str, Any]]


def events(con: Con, p: Params, facets: bool = False) -> dict[str, Any]:
    data = queries.events(con, p)
    if facets:
        data["facets"] = queries.facets(con, p)
    return data


def claims(con: Con, p: Params) -> dict[str, Any]:
    return queries.claims(con, p)


def quotes(con: Con, p: Params) -> dict[str, Any]:
    return queries.quotes(con, p)


def articles(con: Con, p: Params) -> dict[str, Any]:
    # every stored article unless asked otherwise: a near-duplicate is still an article
    return queries.articles(con, p, include_duplicates=p.duplicates or "duplicates" not in p.raw)


def actors(con: Con, p: Params) -> dict[str, Any]:
    return queries.actors(con, p)


def timeseries(con: Con, p: Params) -> dict[str, Any]:
    return queries.timeseries(con, p, p.interval or "week", both=p.both)


def network(con: Con, p: Params) -> dict[str, Any]:
    return queries.network(con, p)


def places(con: Con, p: Params) -> dict[str, Any]:
    return queries.places(con, p)


def search(con: Con, p: Params) -> dict[str, Any]:
    if not p.q:
        return {"q": "", "actors": [], "events": [], "quotes": [], "articles": []}
    return queries.search(con, p.q)


def overview(con: Con, p: Params) -> dict[str, Any]:
    return queries.overview(con, p)


def event(con: Con, event_id: str) -> dict[str, Any]:
    found = queries.event(con, event_id[:200])
    if found is None:
        raise NotFound("no such event")
    return found


def article(con: Con, key: str) -> dict[str, Any]:
    found = queries.article(con, key[:200])
    if found is None:
        raise NotFound("no such article")
    return found


def actor(con: Con, code: str, p: Params) -> dict[str, Any]:
    found = queries.actor(con, code, replace(p, per_page=min(p.per_page, 50)))
    if not (found["as_actor"]["total"] or found["as_recipient"]["total"]
            or found["quotes"]["total"]):
        raise NotFound(f"no events or quotes for {code} with these filters")
    return found


# -- charts for pages ------------------------------------------------------------------------

def overview_charts(data: dict[str, Any]) -> dict[str, Any]:
    tl = data["timeline"]
    return {"chart": charts.timeline(tl["series"], tl["interval"], spans=tl.get("spans", [])),
            "points": charts.map_points(data["places"])}


# -- exports ---------------------------------------------------------------------------------

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: Any) -> Any:
    """A CSV cell a spreadsheet shows as text: a string that would start a formula gets a
    leading apostrophe (OWASP's advice); numbers stay numbers."""
    if isinstance(value, list):
        value = ";".join("" if v is None else str(v) for v in value)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_rows(names: list[str], rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    """CSV in chunks; list columns (countries) joined with ';', formulas neutralised."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(names)
    for i, r in enumerate(rows, start=1):
        writer.writerow(cell(v) for v in r.values())
        if i % 500 == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def jsonl_rows(con: Con, rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    """The full event records, as `chronique events --format jsonl` prints them."""
    from chronique.store import Store
    from chronique.store.query import event_records

    store = Store(con, "snapshot", read_only=True)
    chunk: list[dict[str, Any]] = []
    for r in rows:
        chunk.append(r)
        if len(chunk) == 500:
            yield "".join(json.dumps(x, ensure_ascii=False) + "\n"
                          for x in event_records(store, chunk))
            chunk = []
    if chunk:
        yield "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in event_records(store, chunk))


def geojson(con: Con, p: Params, limit: int) -> Iterator[str]:
    """The filter's placed events as a GeoJSON FeatureCollection (points, lon/lat)."""
    yield '{"type": "FeatureCollection", "features": ['
    first = True
    for r in queries.placed_events(con, p, limit):
        lat, lon = r.pop("location_lat"), r.pop("location_lon")
        feature = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]},
                   "properties": r}
        yield ("" if first else ",\n") + json.dumps(feature, ensure_ascii=False)
        first = False
    yield "]}\n"
