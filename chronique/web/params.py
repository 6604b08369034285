"""One parser for the parameters of every view, page and API alike.

A page and its API endpoint read the same query string through `parse`, so they select the
same rows and reject the same bad input with the same message. Empty values mean 'any' (an
empty form field), repeated keys mean several values (a multi-select facet), unknown keys are
ignored. A message names the parameter and never echoes more than a short prefix of the value.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlencode

from chronique.model import MODALITIES, PLOVER_TYPES, PartialDate
from chronique.store.filters import Where, event_where

# What the text asserts happened: the default of every count, chart and export.
ASSERTED = ("asserted", "historical")
OTHER_MODALITIES = tuple(m for m in MODALITIES if m not in ASSERTED)
SORTS = ("date", "type", "modality", "score", "actor", "recipient", "published", "articles")
INTERVALS = ("day", "week", "month", "year")
MAX_PAGE = 200
MAX_TEXT = 200
TRUE, FALSE = ("1", "true", "on", "yes"), ("0", "false", "off", "no")
_CODE = re.compile(r"^[A-Z]{3,4}$")
_MONTH = re.compile(r"^\d{4}(-(0[1-9]|1[0-2]))?$")
# An event's month, or its year when only the year is known (never January of that year).
MONTH_OF = ("CASE WHEN e.date_precision = 'year' THEN strftime(e.date_start, '%Y') "
            "ELSE strftime(e.date_start, '%Y-%m') END")


class BadParam(ValueError):
    """A parameter a view cannot take; the message is safe to show (short, no long echo)."""


class NotFound(Exception):
    """No such thing (event, article, actor, page past the last): a 404."""


def shown(value: str, limit: int = 24) -> str:
    """A value as an error message may quote it: short, so a 422 never echoes a large input."""
    v = repr(value[:limit])
    return v + "…" if len(value) > limit else v


@dataclass
class Params:
    """Parsed parameters of one request; `raw` keeps the normalised query for links."""

    since: date | None = None
    until: date | None = None
    actor: str | None = None
    recipient: str | None = None
    countries: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    modalities: list[str] = field(default_factory=lambda: list(ASSERTED))
    all_modalities: bool = False
    text: str | None = None
    q: str | None = None
    sources: list[str] = field(default_factory=list)
    months: list[str] = field(default_factory=list)
    speaker: str | None = None
    place: str | None = None
    article: str | None = None
    language: str | None = None
    duplicates: bool = False
    inferred: bool = True
    resolved: bool = False
    both: bool = False
    sort: str = "date"
    order: str = "asc"
    page: int = 1
    per_page: int = 50
    interval: str | None = None
    min_weight: int = 1
    limit: int = 200
    raw: dict[str, list[str]] = field(default_factory=dict)

    def where(self, *, modality: bool = True, dyad: bool = True, both: bool = False) -> Where:
        """The event conditions of these parameters (events `e` joined to articles `a`);
        without `dyad` the actor and recipient are left out, with `both` they match the dyad
        in either direction."""
        w = event_where(
            include_duplicates=self.duplicates, since=self.since, until=self.until,
            actor=self.actor if dyad else None, recipient=self.recipient if dyad else None,
            both=both or self.both, text=self.text, inferred=self.inferred,
            modalities=self.modalities if modality and not self.all_modalities else None,
            resolved_only=self.resolved,
        )
        if self.types:
            w.add("list_contains(?, e.event)", self.types)
        if self.countries:
            w.add("(list_has_any(e.actor_countries, ?) OR list_has_any(e.recipient_countries, ?))",
                  self.countries, self.countries)
        if self.sources:
            w.add("list_contains(?, a.source)", self.sources)
        if self.place:
            w.add("e.location_name = ?", self.place)
        if self.months:
            w.add(f"list_contains(?, {MONTH_OF})", self.months)
        return w

    def link(self, **changes: Any) -> str:
        """This query string with `changes` (None removes a key; a list sets several)."""
        merged: dict[str, Any] = {k: list(v) for k, v in self.raw.items()}
        for k, v in changes.items():
            if v is None or v == "" or v is False:
                merged.pop(k, None)
            else:
                merged[k] = [str(x) for x in v] if isinstance(v, (list, tuple)) else [str(v)]
        return urlencode([(k, x) for k, vs in merged.items() for x in vs])

    def toggled(self, key: str, value: str) -> str:
        """The query string with `value` added to or removed from the multi-valued `key`."""
        have = list(self.raw.get(key, []))
        if key == "modality" and not have:
            have = [] if self.all_modalities else list(ASSERTED)
        have = [v for v in have if v != value] if value in have else [*have, value]
        if key == "modality" and not have:
            have = ["all"]
        return self.link(**{key: have or None, "page": None})

    def has(self, key: str, value: str) -> bool:
        if key == "modality":
            return self.all_modalities or value in self.modalities
        return value in self.raw.get(key, [])


def _values(query: Mapping[str, Any], key: str) -> list[str]:
    getlist = getattr(query, "getlist", None)
    vals = getlist(key) if getlist else ([query[key]] if key in query else [])
    out: list[str] = []
    for v in vals:
        for part in (v if isinstance(v, (list, tuple)) else [v]):
            part = str(part).strip()
            if part:
                out.append(part)
    return out


def _one(query: Mapping[str, Any], key: str) -> str | None:
    vals = _values(query, key)
    return vals[-1] if vals else None


def _flag(query: Mapping[str, Any], key: str, default: bool) -> bool:
    v = _one(query, key)
    if v is None:
        return default
    if v.lower() in TRUE:
        return True
    if v.lower() in FALSE:
        return False
    raise BadParam(f"{key}: {shown(v)} is not true or false")


def _int(query: Mapping[str, Any], key: str, default: int, lo: int, hi: int) -> int:
    v = _one(query, key)
    if v is None:
        return default
    try:
        n = int(v)
    except ValueError:
        raise BadParam(f"{key}: {shown(v)} is not a whole number") from None
    if not lo <= n <= hi:
        raise BadParam(f"{key}: {n} is not between {lo} and {hi}")
    return n


def _day(value: str | None, key: str, last: bool) -> date | None:
    if value is None:
        return None
    try:
        pd = PartialDate.parse(value)
    except (ValueError, TypeError):
        raise BadParam(f"{key}: {shown(value)} is not a date YYYY, YYYY-MM or YYYY-MM-DD"
                       ) from None
    return pd.last_day() if last else pd.first_day()


def code(value: str | None, key: str) -> str | None:
    """An actor code as the store keeps it (upper case, 3 or 4 letters)."""
    if value is None:
        return None
    c = value.strip().upper()
    if not _CODE.match(c):
        raise BadParam(f"{key}: {shown(value)} is not an actor code such as RUS")
    return c


def _text(query: Mapping[str, Any], key: str, limit: int = MAX_TEXT) -> str | None:
    v = _one(query, key)
    if v is not None and len(v) > limit:
        raise BadParam(f"{key}: longer than {limit} characters")
    return v


def parse(query: Mapping[str, Any], *, default_sort: str = "date",
          default_order: str = "asc", per_page: int = 50) -> Params:
    """Every parameter a view may take, checked; BadParam names the first bad one."""
    p = Params(sort=default_sort, order=default_order, per_page=per_page)
    p.since = _day(_one(query, "since"), "since", last=False)
    p.until = _day(_one(query, "until"), "until", last=True)
    if p.since and p.until and p.since > p.until:
        raise BadParam("since: after until")
    p.actor = code(_one(query, "actor"), "actor")
    p.recipient = code(_one(query, "recipient"), "recipient")
    p.countries = sorted({c for v in _values(query, "country") if (c := code(v, "country"))})
    for t in _values(query, "type"):
        if t.upper() not in PLOVER_TYPES:
            raise BadParam(f"type: {shown(t)} is not a PLOVER type such as ACCUSE")
        if t.upper() not in p.types:
            p.types.append(t.upper())
    mods = [m.lower() for m in _values(query, "modality")]
    if mods:
        if "all" in mods or "any" in mods:
            p.all_modalities, p.modalities = True, list(MODALITIES)
        else:
            for m in mods:
                if m not in MODALITIES:
                    raise BadParam(f"modality: {shown(m)} is not one of all, "
                                   + ", ".join(MODALITIES))
            p.modalities = [m for m in MODALITIES if m in mods]
    p.text = _text(query, "text")
    p.q = _text(query, "q")
    p.speaker = _text(query, "speaker")
    p.place = _text(query, "place")
    p.article = _text(query, "article")
    lang = _one(query, "language")
    if lang is not None and not re.fullmatch(r"[a-z]{2}", lang):
        raise BadParam(f"language: {shown(lang)} is not a language code such as fr")
    p.language = lang
    p.sources = sorted(set(v[:MAX_TEXT] for v in _values(query, "source")))
    for m in _values(query, "month"):
        if not _MONTH.match(m):
            raise BadParam(f"month: {shown(m)} is not a month YYYY-MM (or a year YYYY)")
    p.months = sorted(set(_values(query, "month")))
    p.duplicates = _flag(query, "duplicates", False)
    p.inferred = _flag(query, "inferred", True)
    p.resolved = _flag(query, "resolved", False)
    p.both = _flag(query, "both", False)
    sort = _one(query, "sort")
    if sort is not None and sort not in SORTS:
        raise BadParam(f"sort: {shown(sort)} is not one of {', '.join(SORTS)}")
    p.sort = sort or default_sort
    order = _one(query, "order")
    if order is not None and order not in ("asc", "desc"):
        raise BadParam(f"order: {shown(order)} is not asc or desc")
    p.order = order or default_order
    p.page = _int(query, "page", 1, 1, 1_000_000)
    p.per_page = _int(query, "per_page", per_page, 1, MAX_PAGE)
    interval = _one(query, "interval")
    if interval is not None and interval not in INTERVALS:
        raise BadParam(f"interval: {shown(interval)} is not one of {', '.join(INTERVALS)}")
    p.interval = interval
    p.min_weight = _int(query, "min_weight", 1, 1, 1_000_000)
    p.limit = _int(query, "limit", 200, 1, 100_000)
    keys = ("since", "until", "actor", "recipient", "country", "type", "modality", "text", "q",
            "source", "month", "speaker", "place", "article", "language", "duplicates", "inferred",
            "resolved", "both", "sort", "order", "per_page", "interval", "min_weight")
    p.raw = {k: vs for k in keys if (vs := [v[:MAX_TEXT] for v in _values(query, k)])}
    return p


def parse_dict(values: Mapping[str, str | Sequence[str] | None]) -> Params:
    """`parse` over a plain mapping (tests, the CLI)."""
    return parse({k: v for k, v in values.items() if v is not None})
