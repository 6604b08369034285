"""Reading events back: the filters of `chronique events`.

Events of near-duplicate articles are left out unless asked for: a republished wire story is
one report, not two. Each row carries its cluster's counts, so a reader sees at once how many
independent articles and sources report the same event.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from chronique.model import MODALITIES, PLOVER_TYPES, PartialDate
from chronique.store.db import Store
from chronique.store.filters import event_where

EVENT_SELECT = """
SELECT
    e.id, e.event, e.mode, e.modality, e.date_start, e.date_end, e.date_precision,
    e.actor_countries, e.recipient_countries, e.attributed_to, e.denied_by,
    e.cameo, e.score, e.quad, e.text, e.trigger_text, e.location_name, e.location_country,
    e.cluster_id, c.n_articles AS cluster_articles, c.n_sources AS cluster_sources,
    a.id AS article_hash, a.source_id AS article, a.published, a.title, a.url, a.source,
    a.duplicate_of
FROM events e
JOIN articles a ON a.id = e.article_id
LEFT JOIN event_clusters c ON c.id = e.cluster_id
"""

_CODE = re.compile(r"^[A-Z]{3,4}$")


@dataclass
class EventFilter:
    since: str | None = None
    until: str | None = None
    actor: str | None = None
    recipient: str | None = None
    type: str | None = None
    modality: str | None = None
    text: str | None = None
    include_duplicates: bool = False
    inferred: bool = True  # False: leave out events with an actor or recipient inferred
    resolved_only: bool = False  # True: only events whose every side has a country
    modalities: tuple[str, ...] | None = None  # several modalities (the dashboard's default)

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause and its parameters; ValueError names a bad filter value."""
        since = _day(self.since, "since", last=False) if self.since else None
        until = _day(self.until, "until", last=True) if self.until else None
        actor, recipient = _code(self.actor, "actor"), _code(self.recipient, "recipient")
        event_type = None
        if self.type:
            event_type = self.type.strip().upper()
            if event_type not in PLOVER_TYPES:
                raise ValueError(f"--type: {self.type!r} is not one of {', '.join(PLOVER_TYPES)}")
        modality = None
        if self.modality:
            modality = self.modality.strip().lower()
            if modality not in MODALITIES:
                raise ValueError(f"--modality: {self.modality!r} is not one of "
                                 f"{', '.join(MODALITIES)}")
        w = event_where(since=since, until=until, actor=actor, recipient=recipient,
                        event_type=event_type, modality=modality, text=self.text,
                        include_duplicates=self.include_duplicates, inferred=self.inferred,
                        modalities=self.modalities, resolved_only=self.resolved_only)
        return w.clause(), w.params


def _code(value: str | None, opt: str) -> str | None:
    if not value:
        return None
    code = value.strip().upper()
    if not _CODE.match(code):
        raise ValueError(f"--{opt}: {value!r} is not a country code such as RUS")
    return code


def _day(value: str, name: str, last: bool) -> date:
    try:
        pd = PartialDate.parse(value)
    except ValueError:
        raise ValueError(f"--{name}: {value!r} is not a date YYYY, YYYY-MM or YYYY-MM-DD") from None
    return pd.last_day() if last else pd.first_day()


def events(store: Store, flt: EventFilter, limit: int | None = 50) -> list[dict[str, Any]]:
    """Matching events, by date then storage order, as plain dicts (dates as ISO strings)."""
    where, params = flt.where()
    sql = EVENT_SELECT + where + " ORDER BY e.date_start NULLS LAST, a.seq, e.idx"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    cur = store._run(sql, params)
    names = [d[0] for d in cur.description]
    rows = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
    for r in rows:
        for k, v in r.items():
            if isinstance(v, date):
                r[k] = v.isoformat()
    return rows


def event_records(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The full event records (as the extractor gave them) of query rows, with store fields."""
    if not rows:
        return []
    ids = [r["id"] for r in rows]
    found = dict(
        store._run(
            "SELECT e.id, json_extract(a.results, '$.events[' || e.idx || ']')::VARCHAR "
            "FROM events e JOIN articles a ON a.id = e.article_id "
            "WHERE e.id IN (SELECT unnest($1::VARCHAR[]))",
            [ids],
        ).fetchall()
    )
    out = []
    for r in rows:
        rec = json.loads(found[r["id"]]) if found.get(r["id"]) else {}
        rec["store"] = {
            k: r[k]
            for k in ("id", "article", "article_hash", "published", "url", "title",
                      "duplicate_of", "cluster_id", "cluster_articles", "cluster_sources")
        }
        out.append(rec)
    return out
