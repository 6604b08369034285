"""Offline geocoding: the seed's and corpus's places, English names, words that are not places."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from chronique.extract.places import Gazetteer, get_gazetteer, normalize

LEXICONS = Path(__file__).resolve().parents[1] / "chronique" / "lexicons"
BUILD_SECONDS: dict[str, float] = {}


def _timed(lang: str) -> Gazetteer:
    start = time.perf_counter()
    g = get_gazetteer(lang)
    BUILD_SECONDS.setdefault(lang, time.perf_counter() - start)
    return g


@pytest.fixture(scope="module")
def fr() -> Gazetteer:
    return _timed("fr")


@pytest.fixture(scope="module")
def en() -> Gazetteer:
    return _timed("en")


@pytest.mark.parametrize(
    ("surface", "country", "name"),
    [
        ("Pyongyang", "PRK", "Pyongyang"),
        ("Moscou", "RUS", "Moscow"),
        ("Séoul", "KOR", "Seoul"),
        ("Pékin", "CHN", "Beijing"),
        ("Kaesong", "PRK", "Kaesŏng"),
        ("Gaza", "PSE", "Gaza"),
        ("Kiev", "UKR", "Kyiv"),
        ("Kyiv", "UKR", "Kyiv"),
        ("Le Caire", "EGY", "Cairo"),
        ("Vienne", "AUT", "Vienna"),  # French for Vienna, not the town of Vienne (Isère)
        ("New Delhi", "IND", "New Delhi"),  # not Delhi, whose alternates include it
        ("Islamabad", "PAK", "Islamabad"),  # not Chattogram, one of whose old names it is
        ("Cancún", "MEX", "Cancún"),  # a main name beats a bigger city's alternate (Changchun)
    ],
)
def test_french_city_names(fr: Gazetteer, surface: str, country: str, name: str) -> None:
    p = fr.lookup(surface)
    assert p is not None, surface
    assert (p.country, p.name, p.text) == (country, name, surface)
    assert p.lat is not None and p.lon is not None and p.geonameid
    assert fr.kind(surface) == "city"


def test_kiev_and_kyiv_are_one_city(fr: Gazetteer, en: Gazetteer) -> None:
    ids = {g.lookup(n).geonameid for g in (fr, en) for n in ("Kiev", "Kyiv")}  # type: ignore[union-attr]
    assert ids == {703448}


@pytest.mark.parametrize(
    ("surface", "country"),
    [
        ("Russie", "RUS"),
        ("la Russie", "RUS"),
        ("l'Ukraine", "UKR"),
        ("l’Ukraine", "UKR"),
        ("Ukraine", "UKR"),
        ("Corée du Nord", "PRK"),
        ("la Corée-du-Nord", "PRK"),
        ("Coree du nord", "PRK"),  # accents and case of later words do not matter
        ("les États-Unis", "USA"),
        ("Etats-Unis", "USA"),
        ("Géorgie", "GEO"),  # the country, not a city
    ],
)
def test_french_country_names(fr: Gazetteer, surface: str, country: str) -> None:
    p = fr.lookup(surface)
    assert p is not None and p.country == country, surface
    assert fr.kind(surface) == "country"
    assert p.text == surface


def test_country_point_lies_in_the_country(fr: Gazetteer) -> None:
    russia = fr.lookup("la Russie")
    assert russia is not None and russia.name == "Russia" and russia.geonameid == 2017370
    assert russia.lat is not None and russia.lon is not None
    assert 41.1 < russia.lat < 82.0 and 19.6 < russia.lon < 180.0  # Russia's bounding box
    ukraine = fr.lookup("Ukraine")
    assert ukraine is not None and ukraine.lat is not None and ukraine.lon is not None
    assert 44.3 < ukraine.lat < 52.4 and 22.1 < ukraine.lon < 40.3


def test_washington_is_the_us_capital(fr: Gazetteer, en: Gazetteer) -> None:
    for g in (fr, en):
        p = g.lookup("Washington")
        assert p is not None and p.country == "USA" and p.geonameid == 4140963
        assert p.lat == pytest.approx(38.9, abs=0.1) and p.lon == pytest.approx(-77.0, abs=0.1)


@pytest.mark.parametrize(
    ("surface", "country", "name"),
    [
        ("Moscow", "RUS", "Moscow"),  # not Moscow, Idaho
        ("Seoul", "KOR", "Seoul"),
        ("Beijing", "CHN", "Beijing"),
        ("Kiev", "UKR", "Kyiv"),
        ("Odessa", "UKR", "Odesa"),  # not Odessa, Texas
        ("St. Petersburg", "RUS", "Saint Petersburg"),
        ("Zaragoza", "ESP", "Zaragoza"),  # not Tijuana, which GeoNames also calls so
        ("the Gaza Strip", "PSE", "Gaza Strip"),
    ],
)
def test_english_names(en: Gazetteer, surface: str, country: str, name: str) -> None:
    p = en.lookup(surface)
    assert p is not None and (p.country, p.name) == (country, name), surface


def test_country_names_follow_the_language(fr: Gazetteer, en: Gazetteer) -> None:
    # 'Mexico' is the country in English and its capital in French.
    assert en.kind("Mexico") == "country" and fr.kind("Mexico") == "city"
    assert fr.lookup("Mexico").country == en.lookup("Mexico").country == "MEX"  # type: ignore[union-attr]
    assert en.kind("Georgia") == "country"
    # English country names still resolve in French, after every French name.
    assert fr.lookup("North Korea").country == "PRK"  # type: ignore[union-attr]


def test_regions_and_territories(fr: Gazetteer, en: Gazetteer) -> None:
    p = fr.lookup("la bande de Gaza")
    assert p is not None and p.country == "PSE" and fr.kind("la bande de Gaza") == "region"
    assert p.lat == pytest.approx(31.4, abs=0.2)
    assert fr.lookup("Cisjordanie").country == "PSE"  # type: ignore[union-attr]
    assert fr.lookup("Crimée").country == "UKR"  # type: ignore[union-attr]
    floride = fr.lookup("Floride")  # a GeoNames alternate of Florida, Uruguay
    assert floride is not None and floride.country == "USA" and fr.kind("Floride") == "region"
    assert en.lookup("Texas").country == "USA"  # type: ignore[union-attr]
    assert fr.lookup("Nouvelle-Calédonie").country == "NCL"  # type: ignore[union-attr]
    assert fr.kind("Nouvelle-Calédonie") == "country"


def test_french_readings_of_ambiguous_names(fr: Gazetteer, en: Gazetteer) -> None:
    assert fr.lookup("Brest").country == "FRA"  # type: ignore[union-attr]  # Belarus is bigger
    assert en.lookup("Brest").country == "BLR"  # type: ignore[union-attr]


@pytest.mark.parametrize("word", ["paix", "nice", "vienne", "russie", "washington"])
def test_lower_case_words_do_not_geocode(fr: Gazetteer, word: str) -> None:
    assert fr.lookup(word) is None


def test_strict_case_can_be_relaxed(fr: Gazetteer) -> None:
    assert fr.lookup("Nice").country == "FRA"  # type: ignore[union-attr]
    assert fr.lookup("nice", strict_case=False).country == "FRA"  # type: ignore[union-attr]
    assert fr.lookup("sultanat d'Oman").country == "OMN"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "word",
    ["Paix", "Hamas", "Obama", "Kim", "Sur", "Selon", "Mai", "Seul", "François", "Jordan", "Moria"],
)
def test_capitalised_words_and_names_do_not_geocode(fr: Gazetteer, word: str) -> None:
    assert fr.lookup(word) is None, fr.lookup(word)


@pytest.mark.parametrize("word", ["May", "Union", "Independence", "Was", "Sol"])
def test_english_words_do_not_geocode(en: Gazetteer, word: str) -> None:
    assert en.lookup(word) is None, en.lookup(word)


@pytest.mark.parametrize("name", ["Xyzzyville", "", "   ", "Le", "l'", "平壤", "Москва"])
def test_unknown_names(fr: Gazetteer, name: str) -> None:
    assert fr.lookup(name) is None
    assert fr.kind(name) is None


def test_each_lookup_returns_a_fresh_place(fr: Gazetteer) -> None:
    a = fr.lookup("Moscou")
    assert a is not None
    a.start, a.end, a.lat = 10, 16, 0.0
    b = fr.lookup("Moscou")
    assert b is not None and b.start is None and b.lat == pytest.approx(55.75, abs=0.01)


def test_country_by_code(fr: Gazetteer) -> None:
    p = fr.country("PRK")
    assert p is not None and p.name == "North Korea" and p.lat is not None
    soviet = fr.country("SUN")  # in the lexicon, not in GeoNames: a country without a point
    assert soviet is not None and soviet.lat is None
    assert fr.country("ZZZ") is None


def test_normalize() -> None:
    assert normalize("la Corée-du-Nord") == "coree du nord"
    assert normalize("L’Ukraine") == "ukraine"
    assert normalize("Łódź") == "lodz"
    assert normalize("Washington D.C.") == "washington d c"
    assert normalize("Москва") is None


def test_every_lexicon_country_name_and_capital_resolves(fr: Gazetteer, en: Gazetteer) -> None:
    """The country lexicons and the gazetteer must agree: a clash is a data bug."""
    bad = []
    for lang, g in (("fr", fr), ("en", en)):
        path = LEXICONS / lang / "countries.json"
        if not path.exists():
            pytest.skip(f"{path} missing")
        for c in json.loads(path.read_text(encoding="utf-8"))["countries"]:
            for n in c.get("names", []) + c.get("capitals", []):
                p = g.lookup(n, strict_case=False)
                if p is None or p.country != c["code"]:
                    bad.append((lang, c["code"], n, p and p.country))
    assert not bad


def test_places_json_points_are_sane() -> None:
    data = json.loads((LEXICONS / "places.json").read_text(encoding="utf-8"))
    assert data["version"] and "CC BY 4.0" in data["source"]
    assert len(data["countries"]) > 200
    for code, p in data["countries"].items():
        assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180, code
        assert p["point"] in ("centroid", "capital", "centroid:West Bank"), code


def test_cached_per_language_and_fast_enough(fr: Gazetteer) -> None:
    assert get_gazetteer("fr") is fr
    assert get_gazetteer("en") is not fr
    # A guard against an accidentally quadratic build (about 1 s on a developer machine).
    assert BUILD_SECONDS.get("fr", 0.0) < 5.0


# -- the small-town tier: summit venues under the main index's 15,000 inhabitants ---------------


@pytest.mark.parametrize(
    ("surface", "country"), [("Davos", "CHE"), ("Taormina", "ITA"), ("Bled", "SVN")]
)
def test_small_towns_answer_only_when_asked(fr: Gazetteer, surface: str, country: str) -> None:
    assert fr.lookup(surface) is None  # the main index stays as it was
    place = fr.lookup(surface, small=True)
    assert place is not None and (place.country, place.precision) == (country, "city")
    assert fr.admin1(place.geonameid) is not None  # GDELT's ADM1 for it too


def test_a_name_the_main_index_has_keeps_its_reading(fr: Gazetteer) -> None:
    assert fr.lookup("Salzbourg", small=True).country == "AUT"  # not a small namesake
    assert fr.lookup("Vienne", small=True).country == "AUT"


@pytest.mark.parametrize("word", ["Watson", "Cameron", "Wagner", "King", "Douglas", "Martin"])
def test_peoples_names_and_stop_words_are_not_small_towns(fr: Gazetteer, word: str) -> None:
    # small towns of these names exist (GeoNames), but a news text means the person
    assert fr.lookup(word, small=True) is None


@pytest.mark.parametrize("word", ["Armstrong", "Newman", "Prospect", "Sutherland"])
def test_a_small_town_name_several_countries_share_is_left_out(fr: Gazetteer, word: str) -> None:
    assert fr.lookup(word, small=True) is None


def test_small_towns_respect_case_and_length(fr: Gazetteer) -> None:
    assert fr.lookup("davos", small=True) is None  # a lower-case word is never a place
    spec = json.loads((LEXICONS / "places.json").read_text(encoding="utf-8"))["small_towns"]
    assert all(len(k.replace(" ", "")) >= spec["shortest"] for k in fr.small_towns())
