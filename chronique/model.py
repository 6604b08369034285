"""The one data model every stage shares: readers fill `Article`, extractors fill the rest.

Plain dataclasses so that records serialise to JSON without a framework and travel across
process and Dask boundaries by pickling. Offsets are character offsets into `Article.text`.
"""

from __future__ import annotations

import calendar
import dataclasses
import hashlib
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from chronique import lexicons

PRECISIONS = ("day", "week", "month", "year")
MODALITIES = (
    "asserted",
    "alleged",
    "denied",
    "future",
    "hypothetical",
    "negated",
    "historical",
)
# told as not done (yet): no later 'ces frappes' can name such an act
UNREALISED = frozenset({"future", "hypothetical", "negated"})
_PLOVER = lexicons.load("plover")
PLOVER_TYPES: tuple[str, ...] = tuple(_PLOVER["types"])  # defined once, in lexicons/plover.json
# both sides act: a record may name them in either order (GOLD.md)
SYMMETRIC_TYPES: frozenset[str] = frozenset(_PLOVER["symmetric"])

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class PartialDate:
    """A date known to a precision: '2023', '2023-09' or '2023-09-05'.

    Publication dates in the seed format carry only a month; keeping the precision stops
    later stages from inventing a day.
    """

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str) -> PartialDate:
        m = _PARTIAL_DATE.match(value.strip())
        if not m:
            raise ValueError(f"not a date of the form YYYY[-MM[-DD]]: {value!r}")
        y, mo, d = (int(g) if g else None for g in m.groups())
        if mo is not None and not 1 <= mo <= 12:
            raise ValueError(f"month out of range in {value!r}")
        if d is not None:
            date(y, mo, d)  # raises ValueError on an impossible day
        return cls(y, mo, d)

    @property
    def precision(self) -> str:
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "year"

    def first_day(self) -> date:
        return date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> date:
        if self.day is not None:
            return date(self.year, self.month, self.day)  # type: ignore[arg-type]
        if self.month is not None:
            return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return date(self.year, 12, 31)

    def __str__(self) -> str:
        if self.day is not None:
            return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"
        if self.month is not None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}"


@dataclass
class Article:
    """One dated article as read from any source.

    `text` is the text that is coded: when a source has a separate title, the reader puts it
    first, as its own paragraph, so that offsets cover the title too.
    """

    id: str
    text: str
    published: str | None = None  # 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'
    language: str | None = None  # declared by the source; nlp identifies it when None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str | None = None  # the input it came from: path, path:line, '-'

    @property
    def published_date(self) -> PartialDate | None:
        return PartialDate.parse(self.published) if self.published else None

    @property
    def precision(self) -> str | None:
        pd = self.published_date
        return pd.precision if pd else None

    @property
    def content_hash(self) -> str:
        """Identity by content: the same text and date is the same article wherever read."""
        h = hashlib.sha256()
        h.update((self.published or "").encode())
        h.update(b"\x00")
        h.update(self.text.encode())
        return h.hexdigest()[:32]

    def paragraphs(self) -> list[Paragraph]:
        return split_paragraphs(self.text)


@dataclass
class Paragraph:
    index: int
    start: int  # offset of the paragraph's first character in Article.text
    text: str

    @property
    def end(self) -> int:
        return self.start + len(self.text)


_BLANK_LINES = re.compile(r"\n[ \t\r\f\v]*\n\s*")
# 'fin de phrase.- Intertitre -Début de la suivante': wire copy flattened to one line keeps
# its subheads between dashes; each is a paragraph break (typography, not language data)
_SUBHEAD = re.compile(
    r"(?<=[.!?\"»…])-[ \t]+(?P<head>[^\n]{2,120}?)[ \t]+-(?=[\"«\w])"
)
# 'un ministre au courantAprès avoir …': a page scraped without its markup glues a subhead to
# the next paragraph, a lower-case word run into a capitalised one (one article in ten of
# the corpus). A word begun in lower case after a space that turns capital mid-word is
# that seam; names that do it begin with a capital ('McCain', 'TikTok', 'AstraZeneca') or
# with one letter ('iPhone'), and links, code and hashtags are left alone.
_LOWER = "a-zà-öø-ÿœ"
_UPPER = "A-ZÀ-ÖØ-ÞŒ"
_FUSED_SUBHEADS = (
    re.compile(rf"(?<![\w#@/.=_])[{_LOWER}]{{2,}}(?P<seam>)[{_UPPER}][{_LOWER}]+(?![\w])"),
    # 'à travers le mondeA Vienne, …': the paragraph begins with a one-letter preposition
    re.compile(rf"(?<![\w#@/.=_])[{_LOWER}]{{2,}}(?P<seam>)[AÀ](?= [{_UPPER}][{_LOWER}])"),
    # 'ET PUNISSENT LES PUTSCHISTESEn fin de matinée': a subhead in capitals; a Roman
    # numeral with its ordinal ending ('XVIIIe') is no seam
    re.compile(
        rf"(?<![\w#@/.=_])(?![IVXLCDM]+[{_LOWER}])[{_UPPER}]{{3,}}(?P<seam>)[{_UPPER}]"
        rf"[{_LOWER}]+(?![\w])"
    ),
)


def _breaks(text: str) -> list[tuple[int, int]]:
    """Spans that separate paragraphs: blank lines, the dashes around a flattened subhead,
    and the empty seam of a subhead glued to its paragraph."""
    spans = [(m.start(), m.end()) for m in _BLANK_LINES.finditer(text)]
    for m in _SUBHEAD.finditer(text):
        spans += [(m.start(), m.start("head")), (m.end("head"), m.end())]
    spans += [
        (m.start("seam"), m.start("seam")) for rx in _FUSED_SUBHEADS for m in rx.finditer(text)
    ]
    return sorted(spans)


def split_paragraphs(text: str) -> list[Paragraph]:
    """Paragraphs are separated by blank lines (and flattened subheads); each keeps its
    offset in the article."""
    out: list[Paragraph] = []
    pos = 0
    for m in [*_breaks(text), None]:
        end = m[0] if m else len(text)
        chunk = text[pos:end]
        stripped = chunk.strip()
        if stripped:
            lead = len(chunk) - len(chunk.lstrip())
            out.append(Paragraph(len(out), pos + lead, stripped))
        if m:
            pos = max(pos, m[1])
    return out


@dataclass
class Actor:
    """A resolved mention of a political actor.

    `country` is ISO 3166-1 alpha-3 or one of UNO/EUR/NATO/IGO/NGO; `sector` a PLOVER/CAMEO
    agent code. Unresolved parts stay None rather than guessed.
    """

    text: str
    name: str | None = None
    country: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    start: int | None = None
    end: int | None = None
    kind: str | None = None  # person, organization, country, group, inferred, unnamed, document

    def key(self) -> tuple[str | None, str | None, str | None]:
        return (self.name, self.country, self.sector) if self.country else (self.text, None, None)

    @property
    def resolved(self) -> bool:
        """An actor the resolver could place: a side without a country is kept, never coded
        as anyone (scorers give it no credit; `--resolved-only` leaves its event out)."""
        return bool(self.country)


@dataclass
class TimeExpr:
    """A temporal expression normalised against the publication date."""

    text: str
    start: int
    end: int
    value_start: str  # ISO date: first day of the interval
    value_end: str  # ISO date: last day of the interval
    precision: str  # day, week, month, year
    rule: str | None = None


@dataclass
class Place:
    """Where an event happened. `precision`: city, region, country, area (a sea, a disputed
    zone); `kind`: how it was found: `sentence` (named in the event's clause), `article` (the
    article's one clear setting), `actor` (the country where a domestic act takes place, or
    the target's)."""

    name: str
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    text: str | None = None
    start: int | None = None
    end: int | None = None
    precision: str | None = None
    kind: str | None = None


@dataclass
class Quote:
    speaker: Actor
    text: str
    kind: str  # direct / indirect
    cue: str | None
    start: int
    end: int
    paragraph: int | None = None


@dataclass
class DateSpan:
    start: str
    end: str
    precision: str
    text: str | None = None


@dataclass
class Evidence:
    """One mention of an event: where in the article and by which rule it was read."""

    sentence: str
    trigger: str
    start: int
    end: int
    rule: str
    paragraph: int | None = None


@dataclass
class Event:
    id: str
    event: str
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    actor: list[Actor] = field(default_factory=list)
    recipient: list[Actor] = field(default_factory=list)
    modality: str = "asserted"
    attributed_to: list[Actor] = field(default_factory=list)
    denied_by: list[Actor] = field(default_factory=list)
    date: DateSpan | None = None
    location: Place | None = None
    cameo: str | None = None
    score: float | None = None
    text: str | None = None
    trigger: dict[str, Any] | None = None
    rule: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class Dropped:
    """A trigger candidate the event coder saw and did not code, and why: the record that
    `extract --explain` prints and `eval --errors` shows under a missed gold event."""

    type: str  # PLOVER type of the rule that matched
    rule: str  # the trigger entry's id
    trigger: str
    start: int
    end: int
    stage: str  # the stage that dropped it: match, frame, checks, discourse
    reason: str  # one of chronique.extract.events.reasons.REASONS
    sentence: str | None = None
    paragraph: int | None = None


@dataclass
class ArticleResult:
    id: str
    published: str | None
    language: str | None
    title: str | None
    text: str = ""
    url: str | None = None
    source: str | None = None
    origin: str | None = None
    content_hash: str | None = None
    entities: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)

    def to_dict(self, include_text: bool = False) -> dict[str, Any]:
        d = plain(self)
        if not include_text:
            d.pop("text")
        return d


_FIELDS: dict[type, tuple[str, ...]] = {}


def plain(obj: Any) -> Any:
    """`dataclasses.asdict` without its deep copies: records are plain data already, and
    asdict was the largest cost of storing an article."""
    cls = type(obj)
    if cls in (str, int, float, bool) or obj is None:
        return obj
    names = _FIELDS.get(cls)
    if names is None and dataclasses.is_dataclass(cls):
        names = _FIELDS[cls] = tuple(f.name for f in dataclasses.fields(cls))
    if names is not None:
        return {n: plain(getattr(obj, n)) for n in names}
    if cls in (list, tuple):
        return cls(plain(x) for x in obj)
    if cls is dict:
        return {k: plain(v) for k, v in obj.items()}
    return obj


def _from(cls: type, data: dict[str, Any] | None) -> Any:
    if data is None:
        return None
    names = {f.name for f in dataclasses.fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in names})


def result_from_dict(d: dict[str, Any]) -> ArticleResult:
    """Rebuild an ArticleResult from its JSON form (the inverse of `to_dict`)."""
    actors = lambda xs: [_from(Actor, x) for x in xs or []]  # noqa: E731
    events = []
    for e in d.get("events", []):
        e = dict(e)
        e["actor"] = actors(e.get("actor"))
        e["recipient"] = actors(e.get("recipient"))
        e["attributed_to"] = actors(e.get("attributed_to"))
        e["denied_by"] = actors(e.get("denied_by"))
        e["date"] = _from(DateSpan, e.get("date"))
        e["location"] = _from(Place, e.get("location"))
        e["evidence"] = [_from(Evidence, x) for x in e.get("evidence", [])]
        events.append(_from(Event, e))
    quotes = []
    for q in d.get("quotes", []):
        q = dict(q)
        q["speaker"] = _from(Actor, q.get("speaker"))
        quotes.append(_from(Quote, q))
    r = _from(ArticleResult, {k: v for k, v in d.items()})
    r.entities = actors(d.get("entities"))
    r.quotes = quotes
    r.events = events
    r.times = [_from(TimeExpr, x) for x in d.get("times", [])]
    r.places = [_from(Place, x) for x in d.get("places", [])]
    r.dropped = [_from(Dropped, x) for x in d.get("dropped", [])]
    return r
