"""ArticleResult → column lists, one list per column and table.

DuckDB inserts a batch fastest as whole columns (`INSERT … SELECT unnest(?)…`): row-by-row
`executemany` runs at a few hundred rows a second, which would make the single writer the
bottleneck of a parallel ingest.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from chronique import lexicons
from chronique.model import Actor, ArticleResult, Event, PartialDate, plain, split_paragraphs

# Errors in ArticleResult.errors that mean the article was not coded (the rest are notes).
FAILURE_MARKERS = ("extractor failed", "not supported", "not coded")

ACTOR_ROLES = ("actor", "recipient", "attributed_to", "denied_by")


def is_failure(message: str) -> bool:
    return any(m in message for m in FAILURE_MARKERS)


def failed(result: ArticleResult) -> list[str]:
    """The messages that say `result` was not coded: such an article is retried, not stored."""
    return [e for e in result.errors if is_failure(e)]


def plover_quad(event_type: str) -> str | None:
    info = lexicons.load("plover")["types"].get(event_type)
    return info.get("quad") if info else None


def _date(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def published_span(published: str | None) -> tuple[date | None, date | None]:
    if not published:
        return None, None
    try:
        pd = PartialDate.parse(published)
    except ValueError:
        return None, None
    return pd.first_day(), pd.last_day()


def _countries(actors: Iterable[Actor]) -> list[str]:
    return sorted({a.country for a in actors if a.country})


def cluster_key(ev: Event) -> str | None:
    """Events with the same key may be one event; None when no side has a known country.

    An event whose sides are both unresolved says too little to be matched across articles.
    """
    actors, recipients = _countries(ev.actor), _countries(ev.recipient)
    if not actors and not recipients:
        return None
    return f"{ev.event}|{','.join(actors)}|{','.join(recipients)}"


@dataclass
class Columns:
    """Rows of one table for a batch, stored by column."""

    names: tuple[str, ...]
    data: dict[str, list[Any]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.data = {n: [] for n in self.names}

    def add(self, **row: Any) -> None:
        for n in self.names:
            self.data[n].append(row.get(n))

    def __len__(self) -> int:
        return len(self.data[self.names[0]])


# An actor's columns, as entities and event_actors store them (quotes prefix them "speaker_").
_ACTOR_TYPES = dict(
    text="VARCHAR",
    name="VARCHAR",
    country="VARCHAR",
    sector="VARCHAR",
    wikidata="VARCHAR",
    kind="VARCHAR",
)

# Every column of every table, in insert order, with its DuckDB type for the casts of the
# columnar insert: the column lists below are read off it, so the two cannot drift apart.
TYPES: dict[str, dict[str, str]] = {
    "articles": dict(
        id="VARCHAR",
        seq="BIGINT",
        source_id="VARCHAR",
        published="VARCHAR",
        published_start="DATE",
        published_end="DATE",
        language="VARCHAR",
        title="VARCHAR",
        url="VARCHAR",
        source="VARCHAR",
        origin="VARCHAR",
        text="VARCHAR",
        n_paragraphs="INTEGER",
        n_entities="INTEGER",
        n_quotes="INTEGER",
        n_events="INTEGER",
        notes="VARCHAR[]",
        duplicate_of="VARCHAR",
        similarity="DOUBLE",
        minhash="BLOB",
        results="JSON",
        ingested_at="TIMESTAMP",
    ),
    "paragraphs": dict(article_id="VARCHAR", idx="INTEGER", start="INTEGER", text="VARCHAR"),
    "entities": dict(
        article_id="VARCHAR", idx="INTEGER", **_ACTOR_TYPES, start="INTEGER", end="INTEGER"
    ),
    "quotes": dict(
        article_id="VARCHAR",
        idx="INTEGER",
        kind="VARCHAR",
        cue="VARCHAR",
        text="VARCHAR",
        start="INTEGER",
        end="INTEGER",
        paragraph="INTEGER",
        **{f"speaker_{k}": t for k, t in _ACTOR_TYPES.items() if k != "kind"},
    ),
    "events": dict(
        id="VARCHAR",
        article_id="VARCHAR",
        idx="INTEGER",
        event_id="VARCHAR",
        event="VARCHAR",
        mode="VARCHAR",
        context="VARCHAR[]",
        modality="VARCHAR",
        date_start="DATE",
        date_end="DATE",
        date_precision="VARCHAR",
        date_text="VARCHAR",
        location_name="VARCHAR",
        location_country="VARCHAR",
        location_lat="DOUBLE",
        location_lon="DOUBLE",
        location_geonameid="BIGINT",
        cameo="VARCHAR",
        score="DOUBLE",
        quad="VARCHAR",
        text="VARCHAR",
        trigger_text="VARCHAR",
        trigger_start="INTEGER",
        trigger_end="INTEGER",
        rule="VARCHAR",
        actor_countries="VARCHAR[]",
        recipient_countries="VARCHAR[]",
        attributed_to="VARCHAR[]",
        denied_by="VARCHAR[]",
        n_mentions="INTEGER",
        cluster_key="VARCHAR",
        cluster_id="VARCHAR",
        location_precision="VARCHAR",
        location_kind="VARCHAR",
    ),
    "event_actors": dict(event_id="VARCHAR", role="VARCHAR", idx="INTEGER", **_ACTOR_TYPES),
    "evidence": dict(
        event_id="VARCHAR",
        idx="INTEGER",
        sentence="VARCHAR",
        trigger="VARCHAR",
        start="INTEGER",
        end="INTEGER",
        rule="VARCHAR",
        paragraph="INTEGER",
    ),
}

ARTICLE_COLS = tuple(TYPES["articles"])
PARAGRAPH_COLS = tuple(TYPES["paragraphs"])
ENTITY_COLS = tuple(TYPES["entities"])
QUOTE_COLS = tuple(TYPES["quotes"])
EVENT_COLS = tuple(TYPES["events"])
EVENT_ACTOR_COLS = tuple(TYPES["event_actors"])
EVIDENCE_COLS = tuple(TYPES["evidence"])


@dataclass
class Batch:
    """The rows of one batch of articles, ready for one transaction."""

    articles: Columns = field(default_factory=lambda: Columns(ARTICLE_COLS))
    paragraphs: Columns = field(default_factory=lambda: Columns(PARAGRAPH_COLS))
    entities: Columns = field(default_factory=lambda: Columns(ENTITY_COLS))
    quotes: Columns = field(default_factory=lambda: Columns(QUOTE_COLS))
    events: Columns = field(default_factory=lambda: Columns(EVENT_COLS))
    event_actors: Columns = field(default_factory=lambda: Columns(EVENT_ACTOR_COLS))
    evidence: Columns = field(default_factory=lambda: Columns(EVIDENCE_COLS))

    def tables(self) -> dict[str, Columns]:
        return {
            "articles": self.articles,
            "paragraphs": self.paragraphs,
            "entities": self.entities,
            "quotes": self.quotes,
            "events": self.events,
            "event_actors": self.event_actors,
            "evidence": self.evidence,
        }

    def add(
        self,
        result: ArticleResult,
        *,
        seq: int,
        ingested_at: Any,
        minhash: bytes | None = None,
        duplicate_of: str | None = None,
        similarity: float | None = None,
    ) -> None:
        """Add one coded article and all its child rows."""
        aid = result.content_hash
        if not aid:
            raise ValueError(f"{result.id}: result without a content hash")
        start, end = published_span(result.published)
        paragraphs = split_paragraphs(result.text)
        self.articles.add(
            id=aid,
            seq=seq,
            source_id=result.id,
            **_attrs(result, "published", "language", "title", "url", "source", "origin", "text"),
            published_start=start,
            published_end=end,
            n_paragraphs=len(paragraphs),
            n_entities=len(result.entities),
            n_quotes=len(result.quotes),
            n_events=len(result.events),
            notes=result.errors,
            duplicate_of=duplicate_of,
            similarity=similarity,
            minhash=minhash,
            results=json.dumps(result.to_dict(), ensure_ascii=False),
            ingested_at=ingested_at,
        )
        for p in paragraphs:
            self.paragraphs.add(article_id=aid, idx=p.index, start=p.start, text=p.text)
        for i, a in enumerate(result.entities):
            self.entities.add(article_id=aid, idx=i, **_actor(a))
        for i, q in enumerate(result.quotes):
            self.quotes.add(
                article_id=aid,
                idx=i,
                **_attrs(q, "kind", "cue", "text", "start", "end", "paragraph"),
                **_attrs(
                    q.speaker, "text", "name", "country", "sector", "wikidata", prefix="speaker_"
                ),
            )
        for i, ev in enumerate(result.events):
            self._event(aid, i, ev, start, end)

    def _event(self, aid: str, i: int, ev: Event, pub_start: Any, pub_end: Any) -> None:
        eid = f"{aid}:{i}"
        d, loc, trig = ev.date, ev.location, ev.trigger or {}
        self.events.add(
            id=eid,
            article_id=aid,
            idx=i,
            event_id=ev.id,
            event=ev.event,
            mode=ev.mode,
            context=list(ev.context or []),
            modality=ev.modality,
            date_start=_date(d.start) if d else pub_start,
            date_end=_date(d.end) if d else pub_end,
            date_precision=d.precision if d else None,
            date_text=d.text if d else None,
            location_name=loc.name if loc else None,
            location_country=loc.country if loc else None,
            location_lat=loc.lat if loc else None,
            location_lon=loc.lon if loc else None,
            location_geonameid=loc.geonameid if loc else None,
            cameo=ev.cameo,
            score=ev.score,
            quad=plover_quad(ev.event),
            text=ev.text,
            trigger_text=trig.get("text"),
            trigger_start=trig.get("start"),
            trigger_end=trig.get("end"),
            rule=ev.rule,
            actor_countries=_countries(ev.actor),
            recipient_countries=_countries(ev.recipient),
            attributed_to=[a.country or a.text for a in ev.attributed_to],
            denied_by=[a.country or a.text for a in ev.denied_by],
            n_mentions=max(1, len(ev.evidence)),
            cluster_key=cluster_key(ev),
            cluster_id=eid,
            location_precision=loc.precision if loc else None,
            location_kind=loc.kind if loc else None,
        )
        for role in ACTOR_ROLES:
            for j, a in enumerate(getattr(ev, role)):
                fields = _actor(a)
                fields.pop("start")
                fields.pop("end")
                self.event_actors.add(event_id=eid, role=role, idx=j, **fields)
        for j, x in enumerate(ev.evidence):
            self.evidence.add(
                event_id=eid,
                idx=j,
                **_attrs(x, "sentence", "trigger", "start", "end", "rule", "paragraph"),
            )


def _actor(a: Actor) -> dict[str, Any]:
    return plain(a)


def _attrs(obj: Any, *names: str, prefix: str = "") -> dict[str, Any]:
    """Attributes of a model object as columns: most columns repeat the model's field names."""
    return {prefix + n: getattr(obj, n) for n in names}
