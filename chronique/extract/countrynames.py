"""Country and territory names from the iso-codes data (via `pycountry`), in the lexicon's
language, so that the hand-written countries lexicon need only add what ISO lacks (press
usage, adjectives, capitals, seats of power).

ISO writes inverted forms ('Corée, République de'): those are skipped, and a qualifier in
parentheses is dropped ('Saint-Siège (état de la cité du Vatican)' → 'Saint-Siège'). A
former state's short form ('Yougoslavie, République fédérale …' → 'Yougoslavie') is kept
unless it is the name of a current one ('Yémen, République populaire …' is not Yemen).
Data: iso-codes (LGPL-2.1, used as facts) as shipped by pycountry.
"""

from __future__ import annotations

import gettext
import re
import unicodedata
from collections.abc import Iterator
from functools import cache

import pycountry

_PAREN = re.compile(r"\s*\(.*\)\s*$")


def _squash(name: str) -> str:
    nfkd = unicodedata.normalize("NFKD", name.lower())
    return re.sub(r"[\s\-']", "", "".join(c for c in nfkd if not unicodedata.combining(c)))


@cache
def _translator(domain: str, lang: str) -> gettext.NullTranslations:
    if lang == "en":
        return gettext.NullTranslations()
    return gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang], fallback=True)


def _names(entry: object, tr: gettext.NullTranslations) -> list[str]:
    out = []
    for attr in ("name", "official_name", "common_name"):
        raw = getattr(entry, attr, None)
        if not raw:
            continue
        for form in {tr.gettext(raw)}:  # the language's own form: 'Jordan' is a first name
            form = _PAREN.sub("", form).strip()
            if form and "," not in form and form[:1].isupper():
                out.append(form)
    return out


def iso_names(
    lang: str, skip: frozenset[str] = frozenset()
) -> Iterator[tuple[str, str, list[str]]]:
    """(alpha-3 code, English name, names in `lang`) for every current country and
    territory, then every former one ('Yougoslavie', 'Tchécoslovaquie', 'Zaïre')."""
    tr = _translator("iso3166-1", lang)
    current: set[str] = set()
    for c in pycountry.countries:
        names = [n for n in _names(c, tr) if n not in skip]
        current.update(_squash(n) for n in names)
        yield c.alpha_3, getattr(c, "common_name", None) or c.name, names
    tr3 = _translator("iso3166-3", lang)
    for h in pycountry.historic_countries:
        names = []
        for raw in {tr3.gettext(h.name)}:
            short = _PAREN.sub("", raw.split(",")[0]).strip()
            if short and short[:1].isupper() and _squash(short) not in current:
                names.append(short)
        names = [n for n in dict.fromkeys(names) if n not in skip]
        if names:
            yield h.alpha_3, h.name.split(",")[0], names
