"""Where events happened: the place a clause names, the article's setting, the sides' country;
the store's location columns, the exports' --location-kind and GDELT's ActionGeo fields."""

from __future__ import annotations

import csv
import dataclasses
import json
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import duckdb
import pytest
import spacy
from spacy.tokens import Doc

from chronique import lexicons
from chronique.extract.actors import Mention
from chronique.extract.places import (
    _body_seats,
    actor_place,
    actor_rules,
    article_setting,
    fill_locations,
    gathering_places,
    get_gazetteer,
    locative_places,
    place_arguments,
    resolve_homonyms,
    sentence_place,
)
from chronique.extract.syntax import syntax_for
from chronique.lexicons import LexiconError
from chronique.model import Actor, Article, ArticleResult, DateSpan, Event, Evidence, Place
from chronique.store import Store, StoreError
from chronique.store.export import GDELT_COLUMNS, export

FR_VOCAB = spacy.blank("fr").vocab


def parse(
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    ents: list[str] | None = None,
    mentions: tuple[Mention, ...] = (),
) -> Any:
    """A hand-built French parse (no model): each word's head index, label and tag (and its
    named-entity IOB tag, when given), with what the place rules read of a paragraph's actors
    (its language, label scheme and offset, and the lexicon's `mentions` of its words)."""
    doc = Doc(
        FR_VOCAB,
        words=words,
        heads=heads,
        deps=deps,
        pos=pos,
        lemmas=[w.lower() for w in words],
        ents=ents,
    )
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    return SimpleNamespace(doc=doc, lang="fr", syn=syntax_for("fr"), offset=0, by_token=by_token)


@pytest.fixture(scope="module")
def fr():
    return get_gazetteer("fr")


def at(da: Any, word: str) -> int:
    return next(t.i for t in da.doc if t.text == word)


# -- the place the clause names -----------------------------------------------------------------


def test_a_city_after_a_locative_preposition_is_the_place(fr) -> None:
    # 'Le ministre a parlé samedi à Varsovie .'
    da = parse(
        ["Le", "ministre", "a", "parlé", "samedi", "à", "Varsovie", "."],
        [1, 3, 3, 3, 3, 6, 3, 3],
        ["det", "nsubj", "aux:tense", "ROOT", "obl:mod", "case", "obl:mod", "punct"],
        ["DET", "NOUN", "AUX", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
    )
    p = sentence_place(da.doc[3], da, set(), fr)
    assert p is not None and (p.name, p.country, p.precision, p.kind) == (
        "Warsaw",
        "POL",
        "city",
        "sentence",
    )
    assert (p.text, p.start, p.end) == ("Varsovie", da.doc[6].idx, da.doc[6].idx + 8)


def test_an_unaccented_capital_a_before_a_city_is_the_preposition(fr) -> None:
    # 'A Berlin , Lavrov a critiqué la décision .': the parser reads 'A' as a noun heading the
    # phrase, with the city as its modifier
    da = parse(
        ["A", "Berlin", ",", "Lavrov", "a", "critiqué", "la", "décision", "."],
        [5, 0, 5, 5, 5, 5, 7, 5, 5],
        ["obl:mod", "nmod", "punct", "nsubj", "aux:tense", "ROOT", "det", "obj", "punct"],
        ["X", "PROPN", "PUNCT", "PROPN", "AUX", "VERB", "DET", "NOUN", "PUNCT"],
    )
    p = sentence_place(da.doc[5], da, set(), fr)
    assert p is not None and (p.name, p.kind, p.text) == ("Berlin", "sentence", "Berlin")


def test_a_fronted_place_the_parser_split_off_places_the_next_main_clause(fr) -> None:
    # 'À Nicosie , Lavrov a dit que Moscou avait critiqué la décision .': the parser ends a
    # sentence after 'Nicosie'; the phrase still fronts the clause that follows it
    da = parse(
        ["À", "Nicosie", ",", "Lavrov", "a", "dit", "que", "Moscou", "avait", "critiqué", "la",
         "décision", "."],
        [1, 1, 5, 5, 5, 5, 9, 9, 9, 5, 11, 9, 5],
        ["case", "ROOT", "punct", "nsubj", "aux:tense", "ROOT", "mark", "nsubj", "aux:tense",
         "ccomp", "det", "obj", "punct"],
        ["ADP", "PROPN", "PUNCT", "PROPN", "AUX", "VERB", "SCONJ", "PROPN", "AUX", "VERB", "DET",
         "NOUN", "PUNCT"],
    )  # fmt: skip
    assert [s.start for s in da.doc.sents] == [0, 2]
    p = sentence_place(da.doc[5], da, set(), fr)
    assert p is not None and (p.name, p.kind) == ("Nicosia", "sentence")
    assert sentence_place(da.doc[9], da, set(), fr) is None  # the reported act: not fronted


def test_a_clause_led_by_ou_hung_on_the_verb_is_at_the_place_just_before(fr) -> None:
    # 'Il est allé dans l' Iowa et à Yuma , où il a défendu son bilan .': the parser hangs
    # the relative on the verb, as an adverbial clause; it happened in Yuma, not Iowa
    da = parse(
        ["Il", "est", "allé", "dans", "l'", "Iowa", "et", "à", "Yuma", ",", "où", "il", "a",
         "défendu", "son", "bilan", "."],
        [2, 2, 2, 5, 5, 2, 8, 8, 5, 2, 13, 13, 13, 2, 15, 13, 2],
        ["nsubj", "aux:tense", "ROOT", "case", "det", "obl:mod", "cc", "case", "conj", "punct",
         "iobj", "nsubj", "aux:tense", "advcl", "det", "obj", "punct"],
        ["PRON", "AUX", "VERB", "ADP", "DET", "PROPN", "CCONJ", "ADP", "PROPN", "PUNCT", "PRON",
         "PRON", "AUX", "VERB", "DET", "NOUN", "PUNCT"],
    )  # fmt: skip
    p = sentence_place(da.doc[13], da, set(), fr)
    assert p is not None and (p.name, p.kind) == ("Yuma", "sentence")


def test_a_medium_named_after_a_locative_preposition_is_no_place(fr) -> None:
    # 'Le ministre a parlé à Paris Match .': the magazine the words were given to; 'à Paris'
    # alone is the place
    words = ["Le", "ministre", "a", "parlé", "à", "Paris", "Match", "."]
    heads = [1, 3, 3, 3, 5, 3, 5, 3]
    deps = ["det", "nsubj", "aux:tense", "ROOT", "case", "obl:arg", "flat:name", "punct"]
    tags = ["DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PROPN", "PUNCT"]
    medium = Mention(5, 7, "org", {"name": "Paris Match", "country": "FRA", "sector": "MED"})
    da = parse(words, heads, deps, tags, mentions=(medium,))
    assert sentence_place(da.doc[3], da, set(), fr) is None
    da = parse(words[:6] + ["."], heads[:6] + [3], deps[:6] + ["punct"], tags[:6] + ["PUNCT"])
    p = sentence_place(da.doc[3], da, set(), fr)
    assert p is not None and p.name == "Paris"


def test_a_person_named_after_a_locative_preposition_is_no_place(fr) -> None:
    # 'Le ministre a parlé à Vladimir Poutine .': 'Vladimir' alone is a Russian city, but here
    # the first name of the man spoken to
    words = ["Le", "ministre", "a", "parlé", "à", "Vladimir", "Poutine", "."]
    heads = [1, 3, 3, 3, 5, 3, 5, 3]
    deps = ["det", "nsubj", "aux:tense", "ROOT", "case", "obl:arg", "flat:name", "punct"]
    tags = ["DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PROPN", "PUNCT"]
    person = Mention(5, 7, "person", {"name": "Vladimir Putin", "country": "RUS"})
    da = parse(words, heads, deps, tags, mentions=(person,))
    assert locative_places(da.doc, da, fr) == []
    da = parse(words, heads, deps, tags)
    assert [p.name for p in locative_places(da.doc, da, fr)] == ["Vladimir"]


def test_a_locative_clitic_stands_for_the_place_named_before(fr) -> None:
    # 'Il ira à Varsovie . Il y verra le ministre .': 'y' is Warsaw; 'Il y a un ministre .'
    # (an impersonal 'il y a') says no place
    words = ["Il", "ira", "à", "Varsovie", ".", "Il", "y", "verra", "le", "ministre", "."]
    heads = [1, 1, 3, 1, 1, 7, 7, 7, 9, 7, 7]
    deps = ["nsubj", "ROOT", "case", "obl:mod", "punct", "nsubj", "iobj", "ROOT", "det", "obj",
            "punct"]  # fmt: skip
    pos = ["PRON", "VERB", "ADP", "PROPN", "PUNCT", "PRON", "PRON", "VERB", "DET", "NOUN",
           "PUNCT"]  # fmt: skip
    da = parse(words, heads, deps, pos)
    da.doc[7].lemma_ = "voir"
    p = sentence_place(da.doc[7], da, set(), fr)
    assert p is not None and (p.name, p.kind) == ("Warsaw", "sentence")
    da = parse(words[:7] + ["a"] + words[8:], heads, deps, pos)
    da.doc[7].lemma_ = "avoir"
    assert sentence_place(da.doc[7], da, set(), fr) is None


def test_a_partner_after_a_with_its_article_is_not_a_place(fr) -> None:
    # 'La Russie s' est jointe à la Chine .': the partner, whether or not it was read as a side
    da = parse(
        ["La", "Russie", "s'", "est", "jointe", "à", "la", "Chine", "."],
        [1, 4, 4, 4, 4, 7, 7, 4, 4],
        ["det", "nsubj", "expl:comp", "aux:tense", "ROOT", "case", "det", "obl:arg", "punct"],
        ["DET", "PROPN", "PRON", "AUX", "VERB", "ADP", "DET", "PROPN", "PUNCT"],
    )
    assert sentence_place(da.doc[4], da, set(), fr) is None
    assert sentence_place(da.doc[4], da, {at(da, "Chine")}, fr) is None


def test_an_argument_of_the_trigger_is_not_its_place(fr) -> None:
    # 'Le Japon a livré des armes à Taïwan .': 'à Taïwan' (an island: no article) could be a
    # place; as the recipient of the delivery it is not
    da = parse(
        ["Le", "Japon", "a", "livré", "des", "armes", "à", "Taïwan", "."],
        [1, 3, 3, 3, 5, 3, 7, 3, 3],
        ["det", "nsubj", "aux:tense", "ROOT", "det", "obj", "case", "obl:arg", "punct"],
        ["DET", "PROPN", "AUX", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
    )
    assert sentence_place(da.doc[3], da, set(), fr).country == "TWN"  # type: ignore[union-attr]
    assert sentence_place(da.doc[3], da, {at(da, "Taïwan")}, fr) is None


def test_a_country_after_en_stays_the_place_even_as_an_argument(fr) -> None:
    # 'Le ministre est arrivé en Inde .': the country visited is both the side and the place
    da = parse(
        ["Le", "ministre", "est", "arrivé", "en", "Inde", "."],
        [1, 3, 3, 3, 5, 3, 3],
        ["det", "nsubj", "aux:tense", "ROOT", "case", "obl:arg", "punct"],
        ["DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
    )
    p = sentence_place(da.doc[3], da, {at(da, "Inde")}, fr)
    assert p is not None and (p.country, p.precision) == ("IND", "country")


def test_a_place_on_the_forces_withdrawn_says_where_the_withdrawal_is(fr) -> None:
    # 'Washington retire des soldats stationnés en Pologne .': the place hangs on the object,
    # through a participle; a withdrawal (not any retreat) happens there
    da = parse(
        ["Washington", "retire", "des", "soldats", "stationnés", "en", "Pologne", "."],
        [1, 1, 3, 1, 3, 6, 4, 1],
        ["nsubj", "ROOT", "det", "obj", "acl", "case", "obl:mod", "punct"],
        ["PROPN", "VERB", "DET", "NOUN", "VERB", "ADP", "PROPN", "PUNCT"],
    )
    p = sentence_place(da.doc[1], da, set(), fr, "RETREAT", "withdraw")
    assert p is not None and p.country == "POL"
    assert sentence_place(da.doc[1], da, set(), fr, "RETREAT", None) is None


def test_a_region_named_through_region_de_keeps_region_precision(fr) -> None:
    # 'L' armée a bombardé des villages dans la région de Kherson .': the phrase hangs on the
    # object, as the parser often attaches it; for an attack it still says where
    da = parse(
        [
            "L'",
            "armée",
            "a",
            "bombardé",
            "des",
            "villages",
            "dans",
            "la",
            "région",
            "de",
            "Kherson",
            ".",
        ],
        [1, 3, 3, 3, 5, 3, 8, 8, 5, 10, 8, 3],
        [
            "det",
            "nsubj",
            "aux:tense",
            "ROOT",
            "det",
            "obj",
            "case",
            "det",
            "nmod",
            "case",
            "nmod",
            "punct",
        ],
        [
            "DET",
            "NOUN",
            "AUX",
            "VERB",
            "DET",
            "NOUN",
            "ADP",
            "DET",
            "NOUN",
            "ADP",
            "PROPN",
            "PUNCT",
        ],
    )
    assert sentence_place(da.doc[3], da, set(), fr) is None  # a statement would not look there
    p = sentence_place(da.doc[3], da, set(), fr, "ASSAULT")
    assert p is not None and (p.country, p.precision, p.text) == ("UKR", "region", "Kherson")


def test_a_sea_is_an_area_and_pres_de_a_place(fr) -> None:
    # 'La marine a tiré en mer Baltique près de Gdańsk .'
    da = parse(
        ["La", "marine", "a", "tiré", "en", "mer", "Baltique", "près", "de", "Gdańsk", "."],
        [1, 3, 3, 3, 5, 3, 5, 9, 9, 3, 3],
        [
            "det",
            "nsubj",
            "aux:tense",
            "ROOT",
            "case",
            "obl:mod",
            "amod",
            "advmod",
            "case",
            "obl:mod",
            "punct",
        ],
        ["DET", "NOUN", "AUX", "VERB", "ADP", "NOUN", "ADJ", "ADV", "ADP", "PROPN", "PUNCT"],
    )
    p = sentence_place(da.doc[3], da, set(), fr)
    assert p is not None and (p.name, p.precision, p.country) == ("Baltic Sea", "area", None)
    # 'près de' read through the adverb before 'de'
    da.doc[5].dep_ = "dep"  # take the sea away: the next phrase is the place
    p = sentence_place(da.doc[3], da, set(), fr)
    assert p is not None and (p.country, p.precision) == ("POL", "city")


def test_a_visit_keeps_its_destination_as_place() -> None:
    pol = Actor(text="la Pologne", country="POL", start=10, end=20)
    fra = Actor(text="la France", country="FRA", start=0, end=9)
    assert place_arguments("visit", [fra], [pol]) == [fra]
    assert place_arguments(None, [fra], [pol]) == [fra, pol]


# -- the article's setting, the sides, the order -----------------------------------------------


def _p(name: str, country: str | None, precision: str) -> Place:
    return Place(name=name, country=country, precision=precision)


def test_article_setting_needs_one_clear_country(fr) -> None:
    one = [_p("Lyon", "FRA", "city"), _p("Lyon", "FRA", "city"), _p("France", "FRA", "country")]
    s = article_setting(one, fr)
    assert s is not None and (s.name, s.precision) == ("Lyon", "city")
    spread = [_p("Lyon", "FRA", "city"), _p("Nice", "FRA", "city"), _p("France", "FRA", "country")]
    s = article_setting(spread, fr)
    assert s is not None and (s.country, s.precision) == ("FRA", "country")
    two = [
        _p("Lyon", "FRA", "city"),
        _p("Lyon", "FRA", "city"),
        _p("Rome", "ITA", "city"),
        _p("Milan", "ITA", "city"),
    ]
    assert article_setting(two, fr) is None
    assert article_setting([_p("Lyon", "FRA", "city")], fr) is None  # named once: not clear


def ev(typ: str, actor: list[str | None], recipient: list[str] = (), mode=None) -> Event:
    return Event(
        id="e",
        event=typ,
        mode=mode,
        actor=[Actor(text=c or "x", country=c) for c in actor],
        recipient=[Actor(text=c, country=c) for c in recipient],
    )


def test_actor_place_by_kind_of_act(fr) -> None:
    assert actor_place(ev("ACCUSE", ["DEU"], ["PRK"]), fr).country == "DEU"  # said at home
    assert actor_place(ev("ASSAULT", ["ISR"], ["LBN"]), fr).country == "LBN"  # done there
    assert actor_place(ev("COERCE", ["TUR"]), fr).country == "TUR"  # no target: at home
    assert actor_place(ev("CONSULT", ["ITA"], ["ESP"], mode="visit"), fr).country == "ESP"
    # a quarantine imposed on travellers from France, an expulsion: on the state's own ground
    quarantine = ev("COERCE", ["GBR"], ["FRA"], mode="restrict")
    quarantine.cameo = "172"
    assert actor_place(quarantine, fr).country == "GBR"
    hosting = ev("CONSULT", ["GRC"], ["VAT"], mode="visit")
    hosting.cameo = "043"  # 'a accueilli le pape': the host receives at home
    assert actor_place(hosting, fr).country == "GRC"
    blockade = ev("COERCE", ["ISR"], ["PSE"], mode="restrict")
    blockade.cameo = "191"  # a blockade is laid on the target's ground
    assert actor_place(blockade, fr).country == "PSE"
    # forces withdrawn leave the country they were in; prisoners freed are freed at home
    assert actor_place(ev("RETREAT", ["RUS"], ["SYR"], mode="withdraw"), fr).country == "SYR"
    assert actor_place(ev("RETREAT", ["RUS"], ["UKR"], mode="release"), fr).country == "RUS"


def test_aid_is_given_where_it_is_received_and_asylum_at_home(fr) -> None:
    # 'le Japon a envoyé des médecins au Pérou': the aid is given in Peru
    assert actor_place(ev("AID", ["JPN"], ["PER"]), fr).country == "PER"
    assert actor_place(ev("AID", ["JPN"]), fr).country == "JPN"  # no target: at home
    asylum = ev("AID", ["JPN"], ["PER"])
    asylum.cameo = "075"  # 'a accordé l'asile à un opposant péruvien': on its own ground
    assert actor_place(asylum, fr).country == "JPN"
    # in a story set in Tokyo, aid to Peru is still given in Peru; aid with no state
    # recipient ('aider les agriculteurs') in a story set abroad is given at home
    tokyo = Place("Tokyo", "JPN", precision="city")
    to_peru, farmers = ev("AID", ["JPN"], ["PER"]), ev("AID", ["JPN"])
    fill_locations([to_peru, farmers], tokyo, fr)
    assert (to_peru.location.country, to_peru.location.kind) == ("PER", "actor")
    lima = Place("Lima", "PER", precision="city")
    to_peru, farmers = ev("AID", ["JPN"], ["PER"]), ev("AID", ["JPN"])
    fill_locations([to_peru, farmers], lima, fr)
    assert (to_peru.location.name, to_peru.location.kind) == ("Lima", "article")
    assert (farmers.location.country, farmers.location.kind) == ("JPN", "actor")
    eu = actor_place(ev("SANCTION", ["EUR"], ["IRN"]), fr)
    assert eu is not None and (eu.name, eu.precision) == ("Brussels", "city")
    assert actor_place(ev("ACCUSE", [None]), fr) is None
    assert actor_place(ev("ACCUSE", [None], ["CHN"]), fr).country == "CHN"


def test_a_body_acts_from_its_own_seat_and_its_officer_from_the_office_held(fr) -> None:
    def said(actor: Actor, typ: str = "ACCUSE", on: str = "2020-06-01") -> Event:
        e = Event(id="e", event=typ, actor=[actor], recipient=[Actor(text="x", country="CHN")])
        e.date = DateSpan(on, on, "day")
        return e

    who = Actor(text="l'OMS", name="World Health Organization", country="UNO", sector="IGO")
    assert actor_place(said(who), fr).name == "Geneva"  # not the UN's New York
    un = Actor(text="l'ONU", name="United Nations", country="UNO", sector="IGO")
    assert actor_place(said(un), fr).name == "New York City"
    mission = Actor(text="la Finul", name="UNIFIL", country="UNO", sector="IGO")
    assert actor_place(said(mission), fr).country == "LBN"  # a mission serves in its country
    lagarde = Actor(text="Lagarde", name="Christine Lagarde", kind="person", country="IGO")
    assert actor_place(said(lagarde, on="2015-03-01"), fr).name == "Washington"
    lagarde = dataclasses.replace(lagarde, country="EUR")
    assert actor_place(said(lagarde, on="2021-03-01"), fr).name == "Frankfurt am Main"
    # a body with a seat of its own speaks from there, not from the story's city
    imf = Actor(text="le FMI", name="International Monetary Fund", country="IGO", sector="IGO")
    statement = said(imf, "DEMAND")
    fill_locations([statement], Place("Lyon", "FRA", precision="city"), fr)
    assert (statement.location.name, statement.location.kind) == ("Washington", "actor")


def test_every_body_seat_names_a_known_body_and_a_known_place(fr) -> None:
    with pytest.raises(LexiconError, match="body_seats"):
        _body_seats({"Some Agency": "Geneva"})
    seats = actor_rules().body_seats
    bodies = [lexicons.load("organizations", lang)["organizations"] for lang in ("fr", "en")]
    known = {o["name"] for orgs in bodies for o in orgs}
    assert set(seats) <= known, set(seats) - known  # a misspelt name would never match
    for name, seat in seats.items():
        place = fr.city(seat) if isinstance(seat, int) else fr.country(seat)
        assert place is not None, name


def test_fill_locations_sentence_then_article_then_actor(fr) -> None:
    named = ev("ACCUSE", ["DEU"])
    named.location = Place("Berlin", "DEU", precision="city", kind="sentence")
    home = ev("PROTEST", ["FRA"])
    foreign = ev("ACCUSE", ["RUS"], ["USA"])
    strike = ev("ASSAULT", ["RUS"])  # an attack whose target is unnamed: where the story is
    setting = Place("Lyon", "FRA", 45.7, 4.8, 2996944, "Lyon", precision="city")
    fill_locations([named, home, foreign, strike], setting, fr)
    assert (named.location.name, named.location.kind) == ("Berlin", "sentence")
    assert (home.location.name, home.location.kind, home.location.precision) == (
        "Lyon",
        "article",
        "city",
    )
    assert (foreign.location.country, foreign.location.kind) == ("RUS", "actor")
    assert (strike.location.name, strike.location.kind) == ("Lyon", "article")
    assert foreign.location.precision == "country"


def test_the_police_and_the_courts_act_on_their_own_ground(fr) -> None:
    # a story set in Lyon: Ukraine's border guards arrest someone unnamed, or a Frenchman;
    # the arrest is in Ukraine. Soldiers (not a home sector) may act in the setting.
    setting = Place("Lyon", "FRA", 45.7, 4.8, 2996944, "Lyon", precision="city")
    guards, of_a_french, soldiers = ev("COERCE", ["UKR"]), ev("COERCE", ["UKR"], ["FRA"]), ev(
        "COERCE", ["UKR"]
    )
    guards.actor[0].sector = of_a_french.actor[0].sector = "COP"
    soldiers.actor[0].sector = "MIL"
    fill_locations([guards, of_a_french, soldiers], setting, fr)
    assert (guards.location.country, guards.location.kind) == ("UKR", "actor")
    assert (of_a_french.location.country, of_a_french.location.kind) == ("UKR", "actor")
    assert (soldiers.location.name, soldiers.location.kind) == ("Lyon", "article")
    # the police an agentless passive implies are a guess: the setting outweighs them, but
    # with no setting they act at home rather than at the suspect's
    implied, abroad = ev("COERCE", ["ITA"]), ev("COERCE", ["FRA"], ["USA"])
    for e in (implied, abroad):
        e.actor[0].sector, e.actor[0].kind = "COP", "inferred"
    fill_locations([implied], setting, fr)
    assert (implied.location.name, implied.location.kind) == ("Lyon", "article")
    assert actor_place(abroad, fr).country == "FRA"


def test_a_city_setting_widens_to_its_country_for_an_act_set_across_it(fr) -> None:
    # a story set in Lyon: 'des grèves dans tout le pays' and 'arrêté … en France' are not
    # in Lyon; an act whose sentence names Lyon, or nothing, is
    setting = Place("Lyon", "FRA", 45.7, 4.8, 2996944, "Lyon", precision="city")
    text = "Les syndicats ont organisé des grèves dans tout le pays."
    wide, arrest, there, plain = (ev("PROTEST", ["FRA"]), ev("COERCE", ["FRA"]),
                                  ev("COERCE", ["FRA"]), ev("PROTEST", ["FRA"]))  # fmt: skip
    wide.text = text
    for e, start in ((wide, 5), (arrest, 105), (there, 205), (plain, 305)):
        e.evidence = [Evidence(e.text or "x", "x", start, start + 1, "t", 0)]
    france = fr.country("FRA")
    france.start = 120  # 'un juge de la cour en France a été arrêté'
    lyon = dataclasses.replace(setting, start=220)
    sentences = [(0, 100), (100, 200), (200, 300), (300, 400)]
    fill_locations([wide, arrest, there, plain], setting, fr, named=[france, lyon],
                   sentences=sentences)  # fmt: skip
    assert (wide.location.precision, wide.location.country) == ("country", "FRA")
    assert (arrest.location.precision, arrest.location.kind) == ("country", "article")
    assert (there.location.name, plain.location.name) == ("Lyon", "Lyon")


def test_a_shared_city_name_takes_the_articles_country(fr) -> None:
    vienne = fr.lookup("Vienne")
    assert vienne is not None and vienne.country == "AUT"
    vienne.start, vienne.end = 100, 106
    own = Actor(text="Vienne", country="AUT", start=100, end=106)  # the word read as Austria
    french = [Actor(text="la France", country="FRA", start=0, end=9), own]
    resolve_homonyms([vienne], french, "FRA", fr)
    assert vienne.country == "FRA" and vienne.name == "Vienne"
    vienna = fr.lookup("Vienne")
    resolve_homonyms([vienna], french + [Actor(text="l'Autriche", country="AUT")], "FRA", fr)
    assert vienna.country == "AUT"  # Austria named elsewhere: the capital stands


# -- the whole pipeline on invented sentences (loads spaCy) ---------------------------------------


@pytest.mark.slow
def test_every_event_gets_a_location_with_its_kind(code) -> None:
    r = code(
        "La police française a arrêté mardi trois militants près de Lyon. "
        "Le gouvernement allemand a condamné l'essai nucléaire nord-coréen."
    )
    by_type = {e.event: e.location for e in r.events}
    assert by_type["COERCE"] is not None
    assert (by_type["COERCE"].name, by_type["COERCE"].kind) == ("Lyon", "sentence")
    accuse = by_type["ACCUSE"]
    assert accuse is not None and (accuse.country, accuse.kind) == ("DEU", "actor")
    assert all(e.location is not None for e in r.events)


@pytest.mark.slow
def test_a_partner_is_not_placed_and_english_places_resolve(code) -> None:
    r = code("La Russie s'est jointe à la Chine pour organiser des manœuvres militaires.")
    assert r.events and all(e.location.country != "CHN" for e in r.events)
    en = code(
        "Chinese warships attacked a Vietnamese fishing boat in the South China Sea on Monday.",
        lang="en",
    )
    (attack,) = [e for e in en.events if e.event == "ASSAULT"]
    assert (attack.location.name, attack.location.precision, attack.location.kind) == (
        "South China Sea",
        "area",
        "sentence",
    )


# -- store and exports ------------------------------------------------------------------------


def _result(text: str, events: list[Event]) -> ArticleResult:
    art = Article(id="a1", text=text, published="2023-09-12", language="fr", origin="t:1")
    return ArticleResult(
        id=art.id,
        published=art.published,
        language="fr",
        title=None,
        text=text,
        origin=art.origin,
        content_hash=art.content_hash,
        events=events,
    )


def _event(i: int, loc: Place | None, actor: Actor) -> Event:
    return Event(
        id=f"e{i}",
        event="ACCUSE",
        actor=[actor],
        recipient=[],
        date=DateSpan("2023-09-12", "2023-09-12", "day"),
        location=loc,
        cameo="112",
        text="x",
        trigger={"text": "x", "start": 0, "end": 1},
        rule="t",
        evidence=[Evidence("x", "x", 0, 1, "t", 0)],
    )


@pytest.fixture
def placed(tmp_path: Path):
    fr = get_gazetteer("fr")
    lyon = fr.lookup("Lyon")
    lyon.kind = "sentence"
    texas = Place("Texas", "USA", 31.0, -100.0, None, precision="region", kind="article")
    germany = fr.country("DEU")
    germany.kind = "actor"
    sea = Place("Black Sea", None, 43.4, 34.3, None, precision="area", kind="sentence")
    unresolved = Actor(text="des militants", country=None, sector="CVL", kind="group")
    events = [
        _event(0, lyon, Actor(text="Berlin", name="Germany", country="DEU", sector="GOV")),
        _event(1, texas, Actor(text="Rome", name="Italy", country="ITA", sector="GOV")),
        _event(2, germany, Actor(text="Vienne", name="Austria", country="AUT", sector="GOV")),
        _event(3, sea, unresolved),
    ]
    s = Store.open(tmp_path / "p.duckdb")
    s.write([_result("Texte inventé. " * 3, events)])
    yield s
    s.close()


def _gdelt_rows(path: Path) -> list[dict[str, str]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [dict(zip(GDELT_COLUMNS, x.split("\t"), strict=True)) for x in lines]


def test_store_keeps_precision_and_kind_and_exports_filter_by_kind(placed, tmp_path) -> None:
    rows = placed.con.execute(
        "SELECT location_name, location_precision, location_kind FROM events ORDER BY idx"
    ).fetchall()
    assert rows == [
        ("Lyon", "city", "sentence"),
        ("Texas", "region", "article"),
        ("Germany", "country", "actor"),
        ("Black Sea", "area", "sentence"),
    ]
    assert export(placed, "csv", tmp_path / "s.csv", location_kind="sentence") == 2
    with (tmp_path / "s.csv").open(encoding="utf-8") as fh:
        assert {r["location_kind"] for r in csv.DictReader(fh)} == {"sentence"}
    assert export(placed, "gdelt", tmp_path / "g.tsv", location_kind="article,actor") == 2
    assert export(placed, "plover", tmp_path / "p.jsonl", location_kind="actor") == 1
    rec = json.loads((tmp_path / "p.jsonl").read_text(encoding="utf-8"))
    assert rec["event_loc"]["kind"] == "actor" and rec["event_loc"]["precision"] == "country"
    with pytest.raises(ValueError, match="location-kind"):
        export(placed, "csv", tmp_path / "x.csv", location_kind="guessed")
    with pytest.raises(ValueError, match="location-kind"):
        export(placed, "jsonl", tmp_path / "x.jsonl", location_kind="actor")


def test_gdelt_action_geo_at_the_matching_type(placed, tmp_path) -> None:
    export(placed, "gdelt", tmp_path / "g.tsv")
    rows = {r["ActionGeo_FullName"].split(",")[0]: r for r in _gdelt_rows(tmp_path / "g.tsv")}
    lyon, texas, germany, sea = rows["Lyon"], rows["Texas"], rows["Germany"], rows["Black Sea"]
    assert (lyon["ActionGeo_Type"], lyon["ActionGeo_CountryCode"]) == ("4", "FR")
    assert lyon["ActionGeo_ADM1Code"].startswith("FR") and len(lyon["ActionGeo_ADM1Code"]) > 2
    assert lyon["ActionGeo_FeatureID"] == "2996944" and float(lyon["ActionGeo_Lat"]) > 45
    assert (texas["ActionGeo_Type"], texas["ActionGeo_CountryCode"]) == ("2", "US")
    assert (germany["ActionGeo_Type"], germany["ActionGeo_ADM1Code"]) == ("1", "GM")
    assert (sea["ActionGeo_Type"], sea["ActionGeo_CountryCode"]) == ("5", "")
    # an unresolved side: no country code, no actor geography
    assert sea["Actor1CountryCode"] == "" and sea["Actor1Geo_Type"] == "0"
    assert sea["Actor1Code"] == "CVL"


def test_a_schema_1_store_is_migrated_when_opened_for_writing(tmp_path) -> None:
    path = tmp_path / "old.duckdb"
    Store.open(path).close()
    con = duckdb.connect(str(path))
    con.execute("DROP VIEW event_clusters")
    con.execute("ALTER TABLE events DROP COLUMN location_kind")
    con.execute("ALTER TABLE events DROP COLUMN location_precision")
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema'")
    con.close()
    with pytest.raises(StoreError, match="schema 1"):
        Store.open(path, read_only=True)
    with Store.open(path) as s:
        cols = {r[0] for r in s.con.execute("DESCRIBE events").fetchall()}
        assert {"location_precision", "location_kind"} <= cols
        assert s.con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == ("2",)
    Store.open(path, read_only=True).close()


def test_a_statement_takes_only_the_country_of_a_city_setting(fr) -> None:
    setting = Place("Lyon", "FRA", 45.7, 4.8, 2996944, "Lyon", precision="city")
    said = ev("ACCUSE", ["FRA"])
    ngo = ev("ACCUSE", ["NGO"], ["SYR"])  # a body that is no state: the story's setting
    fill_locations([said, ngo], setting, fr)
    assert (said.location.name, said.location.precision, said.location.kind) == (
        "France",
        "country",
        "article",
    )
    assert (ngo.location.country, ngo.location.kind) == ("FRA", "article")
    eu = ev("THREATEN", ["EUR"], ["GBR"])  # a body with a seat speaks from there
    fill_locations([eu], setting, fr)
    assert (eu.location.name, eu.location.kind) == ("Brussels", "actor")
    alone = ev("ACCUSE", ["NGO"], ["SYR"])
    fill_locations([alone], None, fr)
    assert (alone.location.country, alone.location.kind) == ("SYR", "actor")


def test_an_act_during_a_visit_takes_the_visits_place(fr) -> None:
    # 'Lors de sa visite à Oslo , le ministre a critiqué Moscou .'
    da = parse(
        [
            "Lors",
            "de",
            "sa",
            "visite",
            "à",
            "Oslo",
            ",",
            "le",
            "ministre",
            "a",
            "critiqué",
            "Moscou",
            ".",
        ],
        [3, 0, 3, 10, 5, 3, 3, 8, 10, 10, 10, 10, 10],
        [
            "case",
            "fixed",
            "det",
            "obl:mod",
            "case",
            "nmod",
            "punct",
            "det",
            "nsubj",
            "aux:tense",
            "ROOT",
            "obj",
            "punct",
        ],
        [
            "ADP",
            "ADP",
            "DET",
            "NOUN",
            "ADP",
            "PROPN",
            "PUNCT",
            "DET",
            "NOUN",
            "AUX",
            "VERB",
            "PROPN",
            "PUNCT",
        ],
    )
    p = sentence_place(da.doc[10], da, {at(da, "Moscou")}, fr)
    assert p is not None and (p.name, p.country, p.kind) == ("Oslo", "NOR", "sentence")


def test_an_occasion_set_before_a_statement_comes_before_the_verbs_other_places(fr) -> None:
    # 'Lors de sa visite à Oslo , il a critiqué les arrestations en Russie .', the occasion
    # hung on the adverb, the country on the verb: the speaker was in Oslo
    words = ["Lors", "de", "sa", "visite", "à", "Oslo", ",", "il", "a", "critiqué", "les",
             "arrestations", "en", "Russie", "."]  # fmt: skip
    heads = [9, 3, 3, 0, 5, 3, 9, 9, 9, 9, 11, 9, 13, 9, 9]
    deps = ["advmod", "case", "det", "obl:arg", "case", "nmod", "punct", "nsubj", "aux:tense",
            "ROOT", "det", "obj", "case", "obl:mod", "punct"]  # fmt: skip
    pos = ["ADV", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "PRON", "AUX", "VERB", "DET",
           "NOUN", "ADP", "PROPN", "PUNCT"]  # fmt: skip
    da = parse(words, heads, deps, pos)
    p = sentence_place(da.doc[9], da, set(), fr, "ACCUSE")
    assert p is not None and p.name == "Oslo"
    # an act on the ground keeps the place its own verb names first
    p = sentence_place(da.doc[9], da, set(), fr, "COERCE")
    assert p is not None and p.country == "RUS"


def test_a_seat_of_power_is_its_capital_unless_it_is_the_addressee(fr) -> None:
    # 'Le ministre a parlé à l' Élysée .': the palace is in Paris; addressed, it is a side
    da = parse(
        ["Le", "ministre", "a", "parlé", "à", "l'", "Élysée", "."],
        [1, 3, 3, 3, 6, 6, 3, 3],
        ["det", "nsubj", "aux:tense", "ROOT", "case", "det", "obl:mod", "punct"],
        ["DET", "NOUN", "AUX", "VERB", "ADP", "DET", "PROPN", "PUNCT"],
    )
    p = sentence_place(da.doc[3], da, set(), fr)
    assert p is not None and (p.name, p.precision, p.text) == ("Paris", "city", "Élysée")
    assert fr.kind("Kremlin") == "seat" and fr.lookup("Kremlin").name == "Moscow"
    assert sentence_place(da.doc[3], da, {at(da, "Élysée")}, fr) is None


def test_sur_names_a_place_only_for_an_act_on_the_ground(fr) -> None:
    # 'L' armée a tiré sur Kharkiv .' / 'Le président a tranché sur Kharkiv .'
    da = parse(
        ["L'", "armée", "a", "tiré", "sur", "Kharkiv", "."],
        [1, 3, 3, 3, 5, 3, 3],
        ["det", "nsubj", "aux:tense", "ROOT", "case", "obl:arg", "punct"],
        ["DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
    )
    p = sentence_place(da.doc[3], da, set(), fr, "ASSAULT")
    assert p is not None and (p.country, p.precision) == ("UKR", "city")
    assert sentence_place(da.doc[3], da, set(), fr, "ACCUSE") is None


def test_an_event_no_side_places_is_set_in_the_articles_country():
    from chronique.extract.places import fill_locations, get_gazetteer
    from chronique.model import Actor, Event

    ev = Event(id="x", event="PROTEST", actor=[Actor(text="des milliers de manifestants")])
    fill_locations([ev], None, get_gazetteer("fr"), [], home="BLR")
    assert ev.location is not None
    assert (ev.location.country, ev.location.kind, ev.location.precision) == (
        "BLR", "article", "country",
    )  # fmt: skip
    ev = Event(id="y", event="PROTEST", actor=[Actor(text="des milliers de manifestants")])
    fill_locations([ev], None, get_gazetteer("fr"), [], home=None)
    assert ev.location is None  # nothing says where: no guess


# -- acts whose actor the resolver could not place ----------------------------------------------


def test_an_unresolved_actors_phrase_names_its_place(fr) -> None:
    from chronique.extract.places import actor_text_place

    judge = actor_text_place(Actor(text="une juge du Nevada", kind="group"), fr)
    assert judge is not None and (judge.name, judge.country) == ("Nevada", "USA")
    mayor = actor_text_place(Actor(text="le maire de Bordeaux", kind="person"), fr)
    assert mayor is not None and (mayor.name, mayor.country) == ("Bordeaux", "FRA")
    assert actor_text_place(Actor(text="le Kremlin", kind="group"), fr).country == "RUS"
    # a person's name after 'de' is no place, nor a part of it
    assert actor_text_place(Actor(text="les proches de Martine Dupuis", kind="group"), fr) is None
    assert actor_text_place(Actor(text="le ministère de la Défense", kind="group"), fr) is None


def test_the_articles_one_country_places_an_unresolved_actors_statement(fr) -> None:
    from chronique.extract.places import article_country

    said = [Place("Lyon", "FRA", precision="city"), Place("Paris", "FRA", precision="city")]
    sides = [Actor(text="x", country="FRA"), Actor(text="y", country="DEU")]
    assert article_country(said, sides) == "FRA"  # 3 of 4
    assert article_country([], sides) is None  # one each: no country
    unresolved = ev("ACCUSE", [None], ["RUS"])  # 'le chef de l'opposition a accusé Moscou'
    fill_locations([unresolved], None, fr, country="FRA")
    assert (unresolved.location.country, unresolved.location.kind) == ("FRA", "article")
    judge = ev("REJECT", [None])
    judge.actor = [Actor(text="une juge du Nevada", kind="group")]
    fill_locations([judge], None, fr, country="FRA")
    assert (judge.location.name, judge.location.precision, judge.location.kind) == (
        "United States",
        "country",
        "actor",
    )  # a statement takes the country of the place its actor's phrase names
    strike = ev("ASSAULT", [None], ["SYR"])  # done at the target's, whoever did it
    fill_locations([strike], None, fr, country="FRA")
    assert (strike.location.country, strike.location.kind) == ("SYR", "actor")
    lost = ev("ACCUSE", [None])
    fill_locations([lost], None, fr)
    assert lost.location is None  # nothing to go on: no place rather than a guess


def test_an_unresolved_actor_takes_a_place_its_sentence_names(fr) -> None:
    # 'Ils sont conduits à Paris , où le juge demande leur renvoi .': the place is not in the
    # demand's own clause, but the sentence names nothing else
    paris = Place("Paris", "FRA", precision="city", start=20, end=25)
    elsewhere = Place("Lyon", "FRA", precision="city", start=90, end=94)
    asked = ev("REQUEST", [None])
    asked.evidence = [Evidence("x", "demande", 40, 47, "t", 0)]
    resolved = ev("REQUEST", ["DEU"])
    resolved.evidence = [Evidence("x", "demande", 40, 47, "t", 0)]
    fill_locations([asked, resolved], None, fr, named=[elsewhere, paris], sentences=[(0, 60)])
    assert (asked.location.name, asked.location.kind) == ("Paris", "sentence")
    assert (resolved.location.country, resolved.location.kind) == ("DEU", "actor")


def _lead(e: Event, start: int) -> Event:
    e.evidence = [Evidence("x", "x", start, start + 1, "t", 0)]
    return e


def test_what_a_summits_participants_said_was_said_at_the_summit(fr) -> None:
    # 'Les dirigeants de l'UE se réunissent à Bruxelles … Vendredi, l'Allemagne a poussé vers
    # …, rencontrant l'opposition de la Pologne. Le président russe a dénoncé …'
    summit = _lead(ev("CONSULT", ["EUR"], mode="multilateral"), 40)
    summit.location = Place("Brussels", "BEL", precision="city", kind="sentence")
    pushed = _lead(ev("CONSULT", ["DEU"], ["POL"]), 900)
    said = _lead(ev("ACCUSE", ["DEU"], ["POL"]), 1000)
    strike = _lead(ev("ASSAULT", ["RUS"], ["UKR"]), 1100)
    fill_locations([summit, pushed, said, strike], None, fr)
    assert (said.location.name, said.location.kind) == ("Brussels", "article")
    assert pushed.location.country == "DEU"  # a meeting of its own: not the summit
    assert strike.location.country == "UKR"  # done at the target's
    late = _lead(ev("CONSULT", ["EUR"], mode="multilateral"), 2000)  # not the article's lead
    late.location = Place("Brussels", "BEL", precision="city", kind="sentence")
    other = _lead(ev("ACCUSE", ["DEU"], ["POL"]), 2100)
    fill_locations([late, other], None, fr)
    assert other.location.country == "DEU"


def test_what_a_visitor_said_was_said_in_the_country_visited(fr) -> None:
    visit = _lead(ev("CONSULT", ["FRA"], ["ISR"], mode="visit"), 200)
    visit.location = Place("Jerusalem", "ISR", precision="city", kind="sentence")
    praised = _lead(ev("SUPPORT", ["FRA"], ["ISR"]), 1500)
    elsewhere = _lead(ev("ACCUSE", ["USA"], ["IRN"]), 1600)  # not a party to the visit
    fill_locations([visit, praised, elsewhere], None, fr)
    assert (praised.location.country, praised.location.precision) == ("ISR", "country")
    assert praised.location.kind == "article"
    assert elsewhere.location.country == "USA"


def test_a_visit_not_made_places_nothing(fr) -> None:
    # 'Le président se rendra-t-il en Russie ? … Des députés appellent à protester …'
    visit = _lead(ev("CONSULT", ["FRA"], ["RUS"], mode="visit"), 200)
    visit.modality = "future"
    visit.location = Place("Russia", "RUS", precision="country", kind="sentence")
    called = _lead(ev("REQUEST", ["FRA"], ["RUS"]), 700)
    fill_locations([visit, called], None, fr)
    assert called.location.country == "FRA"


def test_an_envoy_speaks_where_its_phrase_stations_it(fr) -> None:
    refused = ev("REJECT", ["IRN"], ["FRA"])
    refused.actor = [Actor(text="L'ambassadeur d'Iran en France", country="IRN")]
    home = ev("REJECT", ["IRN"], ["FRA"])  # 'Le ministre iranien a refusé …'
    fill_locations([refused, home], None, fr)
    assert (refused.location.country, refused.location.kind) == ("FRA", "actor")
    assert home.location.country == "IRN"


def test_a_station_in_the_actors_phrase_comes_before_the_articles_setting(fr) -> None:
    # a story set in Crimea: the Ukrainian embassy's protest is made where it sits
    setting = Place("Ukraine", "UKR", precision="country")
    refused = ev("ACCUSE", ["UKR"], ["FRA"])
    refused.actor = [Actor(text="L'ambassade d'Ukraine en France", country="UKR")]
    home = ev("ACCUSE", ["UKR"], ["FRA"])  # 'Kiev a critiqué ce voyage'
    fill_locations([refused, home], setting, fr)
    assert (refused.location.country, refused.location.kind) == ("FRA", "actor")
    assert (home.location.country, home.location.kind) == ("UKR", "article")


def test_an_unplaced_actors_own_phrase_comes_before_the_articles_setting(fr) -> None:
    # a story set in Moscow (a final there): a French mayor's letter is written at home
    setting = Place("Moscow", "RUS", precision="city")
    wrote = ev("REQUEST", [None])
    wrote.actor = [Actor(text="Le maire de Bordeaux")]
    fill_locations([wrote], setting, fr)
    assert (wrote.location.country, wrote.location.kind) == ("FRA", "actor")


def test_an_unidentified_speaker_speaks_from_the_articles_country(fr) -> None:
    # a story about French deputies set in Syria: 'la députée a réclamé …' is said in France,
    # while an unattributed strike there happens in the setting
    setting = Place("Syria", "SYR", precision="country")
    asked = ev("REQUEST", [None])
    strike = ev("ASSAULT", [None])
    fill_locations([asked, strike], setting, fr, country="FRA")
    assert (asked.location.country, asked.location.kind) == ("FRA", "article")
    assert (strike.location.country, strike.location.kind) == ("SYR", "article")
    same = ev("REQUEST", [None])  # the setting is in the article's country: kept
    fill_locations([same], Place("Lyon", "FRA", precision="city"), fr, country="FRA")
    assert (same.location.country, same.location.kind) == ("FRA", "article")


# -- an act abroad: the place the sentence gives the actor's situation --------------------------


def test_a_fronted_participle_clause_places_its_subjects_act(fr) -> None:
    # 'Interrogé à Oslo , le ministre a jugé la mesure injuste .'
    words = ["Interrogé", "à", "Oslo", ",", "le", "ministre", "a", "jugé", "la", "mesure"]
    da = parse(
        words,
        [7, 2, 0, 7, 5, 7, 7, 7, 9, 7],
        ["advcl", "case", "obl:arg", "punct", "det", "nsubj", "aux:tense", "ROOT", "det", "obj"],
        ["VERB", "ADP", "PROPN", "PUNCT", "DET", "NOUN", "AUX", "VERB", "DET", "NOUN"],
    )
    da.doc[0].set_morph("VerbForm=Part|Tense=Past")
    p = sentence_place(da.doc[7], da, set(), fr)
    assert p is not None and (p.name, p.country, p.kind) == ("Oslo", "NOR", "sentence")
    # a clause that follows the act and is no participle says nothing of where it was done:
    # 'Le ministre a jugé la mesure , pensant à Oslo .'
    da = parse(
        ["Le", "ministre", "a", "jugé", "la", "mesure", ",", "pensant", "à", "Oslo"],
        [1, 3, 3, 3, 5, 3, 7, 3, 9, 7],
        ["det", "nsubj", "aux:tense", "ROOT", "det", "obj", "punct", "advcl", "case", "obl:arg"],
        ["DET", "NOUN", "AUX", "VERB", "DET", "NOUN", "PUNCT", "VERB", "ADP", "PROPN"],
    )
    da.doc[7].set_morph("VerbForm=Part|Tense=Pres")
    assert sentence_place(da.doc[3], da, set(), fr) is None


def test_an_act_during_a_ceremony_abroad_takes_the_ceremonys_place(fr) -> None:
    # 'Lors des funérailles à Lisbonne , le président a salué le défunt .'
    da = parse(
        ["Lors", "des", "funérailles", "à", "Lisbonne", ",", "le", "président", "a", "salué"],
        [9, 2, 0, 4, 2, 9, 7, 9, 9, 9],
        ["advmod", "case", "obl:arg", "case", "nmod", "punct", "det", "nsubj", "aux:tense", "ROOT"],
        ["ADV", "ADP", "NOUN", "ADP", "PROPN", "PUNCT", "DET", "NOUN", "AUX", "VERB"],
    )
    p = sentence_place(da.doc[9], da, set(), fr)
    assert p is not None and (p.name, p.country) == ("Lisbon", "PRT")


def test_an_attack_with_no_state_target_is_where_the_story_is_not_at_home(fr) -> None:
    # 'Les frappes menées par la Belgique ont visé des dépôts , au nord de Mossoul .'
    mosul = Place("Mosul", "IRQ", precision="city", start=70, end=76)
    strikes = ev("ASSAULT", ["BEL"])
    strikes.evidence = [Evidence("x", "frappes", 4, 11, "t", 0)]
    fill_locations([strikes], None, fr, named=[mosul], sentences=[(0, 80)])
    assert (strikes.location.name, strikes.location.kind) == ("Mosul", "sentence")
    # the sentence names no place: the article's one country, another than the actor's
    raid = ev("ASSAULT", ["BEL"])
    raid.evidence = [Evidence("x", "raid", 100, 104, "t", 0)]
    fill_locations([raid], None, fr, country="IRQ", named=[mosul], sentences=[(0, 80), (80, 200)])
    assert (raid.location.country, raid.location.kind) == ("IRQ", "article")
    # a state target still decides, and a statement stays at home
    hit = ev("ASSAULT", ["BEL"], ["SYR"])
    said = ev("ACCUSE", ["BEL"])
    fill_locations([hit, said], None, fr, country="IRQ")
    assert hit.location.country == "SYR" and said.location.country == "BEL"
    # nothing named and no article country: the actor's country
    held = ev("COERCE", ["BEL"])
    fill_locations([held], None, fr)
    assert (held.location.country, held.location.kind) == ("BEL", "actor")


# -- the gazetteer ------------------------------------------------------------------------------


def test_a_small_towns_alternate_names_are_no_places(fr) -> None:
    # GeoNames lists old Latin names and people's names among small towns' alternates
    assert fr.lookup("Tolbiac") is None  # an alternate of a German town of 20,000
    assert fr.lookup("Jules") is None  # an alternate of a Texan town
    # a large city's alternates and French exonyms of small towns kept as aliases resolve
    assert fr.lookup("Mayence").name == "Mainz"
    assert fr.lookup("Ypres").country == "BEL"
    assert fr.lookup("Auschwitz").country == "POL"
    assert [fr.lookup(n).name for n in ("Venise", "Douvres", "Dantzig", "Bethléem")] == [
        "Venice", "Dover", "Gdańsk", "Bethlehem"
    ]


# -- small towns and the lead's summit ----------------------------------------------------------


def _spoke_at(town: str, ent: str) -> Any:
    # 'Le ministre a parlé samedi à <town> .'
    return parse(
        ["Le", "ministre", "a", "parlé", "samedi", "à", town, "."],
        [1, 3, 3, 3, 3, 6, 3, 3],
        ["det", "nsubj", "aux:tense", "ROOT", "obl:mod", "case", "obl:mod", "punct"],
        ["DET", "NOUN", "AUX", "VERB", "NOUN", "ADP", "PROPN", "PUNCT"],
        ["O"] * 6 + [ent, "O"],
    )


def test_a_small_town_the_parser_reads_as_a_place_is_the_place(fr) -> None:
    da = _spoke_at("Davos", "B-LOC")
    p = sentence_place(da.doc[3], da, set(), fr)
    assert p is not None and (p.name, p.country, p.precision) == ("Davos", "CHE", "city")
    for town, ent in [("Davos", "O"), ("Davos", "B-PER"), ("Martin", "B-LOC")]:
        # not read as a place; 'à Martin': a person's name even when the parser mistakes it
        other = _spoke_at(town, ent)
        assert sentence_place(other.doc[3], other, set(), fr) is None


def test_a_part_of_a_persons_name_is_never_a_small_town(fr) -> None:
    # 'La ministre a répondu à Taormina Rossi .': an invented person named like a town
    da = parse(
        ["La", "ministre", "a", "répondu", "à", "Taormina", "Rossi", "."],
        [1, 3, 3, 3, 5, 3, 5, 3],
        ["det", "nsubj", "aux:tense", "ROOT", "case", "obl:arg", "flat:name", "punct"],
        ["DET", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PROPN", "PUNCT"],
        ["O"] * 5 + ["B-LOC", "O", "O"],
    )
    assert sentence_place(da.doc[3], da, set(), fr) is None


def _isolated_at_summit() -> Any:
    # 'Isolé lors du sommet de Taormina , le président refuse .'
    return parse(
        ["Isolé", "lors", "du", "sommet", "de", "Taormina", ",", "le", "président", "refuse", "."],
        [9, 0, 3, 1, 5, 3, 9, 8, 9, 9, 9],
        ["advcl", "advmod", "case", "obl:arg", "case", "nmod", "punct", "det", "nsubj", "ROOT",
         "punct"],
        ["ADJ", "ADV", "ADP", "NOUN", "ADP", "NOUN", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"],
        ["O"] * 5 + ["B-LOC"] + ["O"] * 5,
    )


def test_a_summits_de_complement_names_where_it_is_held(fr) -> None:
    da = _isolated_at_summit()
    places = gathering_places(da.doc, da, fr)
    assert [(p.name, p.country, p.start) for p in places] == [
        ("Taormina", "ITA", da.doc[5].idx)
    ]


def test_a_summit_the_clause_is_the_circumstance_of_is_held_where_the_clause_says(fr) -> None:
    # 'Les dirigeants se réunissent à Genève lors de la conférence .'
    da = parse(
        ["Les", "dirigeants", "se", "réunissent", "à", "Genève", "lors", "de", "la",
         "conférence", "."],
        [1, 3, 3, 3, 5, 3, 3, 9, 9, 6, 3],
        ["det", "nsubj", "expl:comp", "ROOT", "case", "obl:mod", "advmod", "case", "det",
         "obl:arg", "punct"],
        ["DET", "NOUN", "PRON", "VERB", "ADP", "PROPN", "ADV", "ADP", "DET", "NOUN", "PUNCT"],
    )
    assert [p.name for p in gathering_places(da.doc, da, fr)] == ["Geneva"]
    # a country after a summit's 'de' is a member or a host body, not where it is held
    da = parse(
        ["Le", "sommet", "de", "la", "Chine", "s'", "ouvre", "."],
        [1, 6, 4, 4, 1, 6, 6, 6],
        ["det", "nsubj", "case", "det", "nmod", "expl:comp", "ROOT", "punct"],
        ["DET", "NOUN", "ADP", "DET", "PROPN", "PRON", "VERB", "PUNCT"],
    )
    assert gathering_places(da.doc, da, fr) == []


def _said(typ: str, code: str | None, name: str | None, start: int, modality="asserted"):
    e = _lead(ev(typ, [code]), start)
    e.actor = [Actor(text=name or "x", name=name, country=code, kind="person" if name else None)]
    e.modality = modality
    return e


def test_the_lead_speakers_statements_are_made_at_the_summit_the_lead_names(fr) -> None:
    taormina = fr.lookup("Taormina", small=True)
    taormina.start = 30
    refused = _said("REJECT", "USA", "Walter Brand", 150)  # the lead's speaker
    again = _said("ACCUSE", "USA", "Walter Brand", 900)
    before = _said("ACCUSE", "USA", "Walter Brand", 1000, modality="historical")
    other = _said("ACCUSE", "USA", "Anne Porter", 1100)  # a former leader quoted further on
    host = _said("SUPPORT", "ITA", "Carla Neri", 1200)  # not among the lead's speakers
    nobody = _said("SUPPORT", None, None, 1300)  # an unidentified commentator
    fill_locations([refused, again, before, other, host, nobody], None, fr, gathered=[taormina])
    for e in (refused, again):
        assert (e.location.name, e.location.precision, e.location.kind) == (
            "Taormina",
            "city",
            "article",
        )
    assert before.location.country == "USA" and before.location.kind == "actor"
    assert other.location.name == "United States"
    assert host.location.name == "Italy"
    assert nobody.location is None
    late = fr.lookup("Taormina", small=True)
    late.start = 2000  # a summit named beyond the lead: the story is not about it
    said = _said("REJECT", "USA", "Walter Brand", 150)
    fill_locations([said], None, fr, gathered=[late])
    assert said.location.name == "United States"


# -- acts elsewhere: the story's setting --------------------------------------------------------


def test_the_places_of_the_storys_acts_abroad_do_not_set_it(fr) -> None:
    from chronique.extract.places import story_places

    # 'Le preneur d'otages, qui disait venger les frappes françaises en Syrie, en Irak et au
    # Mali, a exigé … à Carcassonne … (later) à Rodez …'
    syria = Place("Syria", "SYR", precision="country", start=60, end=66)
    iraq = Place("Iraq", "IRQ", precision="country", start=71, end=75)
    mali = Place("Mali", "MLI", precision="country", start=82, end=86)
    later_syria = Place("Syria", "SYR", precision="country", start=900, end=906)
    home = [
        Place("Carcassonne", "FRA", precision="city", start=300, end=311),
        Place("Rodez", "FRA", precision="city", start=700, end=705),
    ]
    strikes = ev("ASSAULT", ["FRA"])
    strikes.location = dataclasses.replace(syria, kind="sentence")
    located = [syria, iraq, mali, *home, later_syria]
    kept = story_places(located, [strikes], fr)
    assert [p.name for p in kept] == ["Carcassonne", "Rodez", "Syria"]
    assert article_setting(kept, fr).country == "FRA"  # Syria would have had 3 of 5
    # what is left sets nothing: a story about strikes in Syria is set there
    assert story_places([syria, iraq, later_syria], [strikes], fr) == [syria, iraq, later_syria]
    # what is left is set in the same country: the attack was not abroad after all
    damascus = [Place("Damascus", "SYR", precision="city", start=s, end=s + 5) for s in (300, 700)]
    assert story_places([syria, *damascus], [strikes], fr) == [syria, *damascus]
    # an attack at home (a French actor in France) is the story's own place
    raid = ev("ASSAULT", ["FRA"])
    raid.location = dataclasses.replace(home[0], kind="sentence")
    assert story_places(home, [raid], fr) == home


def test_an_attack_on_a_state_is_made_there_not_in_the_storys_setting(fr) -> None:
    # a story set in New York (a speech at the UN): the threatened strike is on its target
    setting = Place("New York City", "USA", precision="city")
    strike = ev("ASSAULT", ["USA"], ["PRK"])
    said = ev("THREATEN", ["USA"], ["PRK"])
    arrest = ev("COERCE", ["USA"], ["MEX"])  # an arrest of foreigners: at home
    fill_locations([strike, said, arrest], setting, fr)
    assert (strike.location.country, strike.location.kind) == ("PRK", "actor")
    assert (said.location.country, said.location.kind) == ("USA", "article")
    assert (arrest.location.name, arrest.location.kind) == ("New York City", "article")


def test_an_unidentified_speaker_takes_the_setting_when_only_the_actors_home_differs(fr) -> None:
    # a hostage story set in France whose resolved sides are mostly a foreign group: 'il a
    # exigé …' is said where the story is, not in the group's country
    setting = Place("France", "FRA", precision="country")
    asked = ev("REQUEST", [None])
    fill_locations([asked], setting, fr, home="SYR")
    assert (asked.location.country, asked.location.kind) == ("FRA", "article")


def test_a_fronted_clause_led_by_a_conjunction_tells_an_earlier_act(fr) -> None:
    # 'Après être allés à Oslo , les députés ont rencontré le ministre .'
    da = parse(
        ["Après", "être", "allés", "à", "Oslo", ",", "les", "députés", "ont", "rencontré", "le",
         "ministre", "."],
        [2, 2, 9, 4, 2, 2, 7, 9, 9, 9, 11, 9, 9],
        ["mark", "aux:tense", "advcl", "case", "obl:mod", "punct", "det", "nsubj", "aux:tense",
         "ROOT", "det", "obj", "punct"],
        ["ADP", "AUX", "VERB", "ADP", "PROPN", "PUNCT", "DET", "NOUN", "AUX", "VERB", "DET",
         "NOUN", "PUNCT"],
    )
    da.doc[2].set_morph("VerbForm=Part|Tense=Past")
    assert sentence_place(da.doc[9], da, set(), fr) is None


def _in_the(venue: str, town: str) -> Any:
    # 'L' homme a tiré dans le <venue> de <town> .'
    return parse(
        ["L'", "homme", "a", "tiré", "dans", "le", venue, "de", town, "."],
        [1, 3, 3, 3, 6, 6, 3, 8, 6, 3],
        ["det", "nsubj", "aux:tense", "ROOT", "case", "det", "obl:mod", "case", "nmod", "punct"],
        ["DET", "NOUN", "AUX", "VERB", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
    )


def test_a_venues_city_is_where_the_act_happened(fr) -> None:
    da = _in_the("supermarché", "Lyon")
    p = sentence_place(da.doc[3], da, set(), fr, "ASSAULT")
    assert p is not None and (p.name, p.precision, p.kind) == ("Lyon", "city", "sentence")
    # not any noun's 'de' complement: 'dans l'accord de Paris' is a topic
    da = _in_the("accord", "Lyon")
    assert sentence_place(da.doc[3], da, set(), fr, "ASSAULT") is None
    # only a city: a country after a venue's 'de' is its owner or a topic, not where
    da = _in_the("stade", "Russie")
    assert sentence_place(da.doc[3], da, set(), fr, "ASSAULT") is None


def _spoke_in(name: str, pos: str, ent: str) -> Any:
    # 'Le ministre a parlé jeudi en <name> .', the name tagged `pos`, recognised as `ent`
    return parse(
        ["Le", "ministre", "a", "parlé", "jeudi", "en", name, "."],
        [1, 3, 3, 3, 3, 6, 3, 3],
        ["det", "nsubj", "aux:tense", "ROOT", "obl:mod", "case", "obl:mod", "punct"],
        ["DET", "NOUN", "AUX", "VERB", "NOUN", "ADP", pos, "PUNCT"],
        ents=["O", "O", "O", "O", "O", "O", ent, "O"],
    )


def test_a_name_the_parser_tags_a_common_noun_is_still_a_place(fr) -> None:
    # the French model tags some country names as common nouns; the recogniser's place tag,
    # or an acronym the gazetteer knows as a country or an area, says it is a name
    da = _spoke_in("Algérie", "NOUN", "B-LOC")
    p = sentence_place(da.doc[3], da, set(), fr)
    assert p is not None and (p.country, p.precision) == ("DZA", "country")
    da = _spoke_in("RDC", "NOUN", "O")
    p = sentence_place(da.doc[3], da, set(), fr)
    assert p is not None and p.country == "COD"
    da = _spoke_in("DMZ", "NOUN", "B-MISC")
    p = sentence_place(da.doc[3], da, set(), fr)
    assert p is not None and (p.name, p.precision) == ("Korean Demilitarized Zone", "area")
    # 'Ils se sont vus dans la Zone démilitarisée .': a capitalised noun whose phrase
    # names an area
    da = parse(
        ["Ils", "se", "sont", "vus", "dans", "la", "Zone", "démilitarisée", "."],
        [3, 3, 3, 3, 6, 6, 3, 6, 3],
        ["nsubj", "expl:comp", "aux:tense", "ROOT", "case", "det", "obl:mod", "amod", "punct"],
        ["PRON", "PRON", "AUX", "VERB", "ADP", "DET", "NOUN", "ADJ", "PUNCT"],
        ents=["O", "O", "O", "O", "O", "O", "B-MISC", "I-MISC", "O"],
    )
    p = sentence_place(da.doc[3], da, set(), fr)
    assert p is not None and p.name == "Korean Demilitarized Zone"
    # a capitalised common noun nothing calls a place stays one, even when a town shares
    # its name; nor is an acronym of a town taken for it ('au CHU': a hospital, not Chũ)
    da = _spoke_in("Tours", "NOUN", "O")
    assert sentence_place(da.doc[3], da, set(), fr) is None
    da = _spoke_in("Tours", "PROPN", "B-LOC")  # the town, when the parser says a name
    assert sentence_place(da.doc[3], da, set(), fr) is not None
    da = _spoke_in("CHU", "NOUN", "O")
    assert sentence_place(da.doc[3], da, set(), fr) is None
    # nor is the first word of a longer name: 'à Trafalgar Square' names no town Trafalgar,
    # nor a seat's name: 'la course à la Maison Blanche' is for the office
    for first, second, tag in [("Trafalgar", "Square", "NOUN"), ("Maison", "Blanche", "PROPN")]:
        da = parse(
            ["Ils", "ont", "manifesté", "à", first, second, "."],
            [2, 2, 2, 4, 2, 4, 2],
            ["nsubj", "aux:tense", "ROOT", "case", "obl:mod", "flat:name", "punct"],
            ["PRON", "AUX", "VERB", "ADP", "NOUN", tag, "PUNCT"],
            ents=["O", "O", "O", "O", "B-LOC", "I-LOC", "O"],
        )
        assert sentence_place(da.doc[2], da, set(), fr) is None, first


# -- fourth pass: a body's seat, another moment, the scene's place -------------------------------


def _voted_at(words_after: list[str], heads_after: list[int], deps_after: list[str],
              pos_after: list[str]) -> Any:
    # 'La Norvège a voté <words_after> .'
    return parse(
        ["La", "Norvège", "a", "voté", *words_after, "."],
        [1, 3, 3, 3, *heads_after, 3],
        ["det", "nsubj", "aux:tense", "ROOT", *deps_after, "punct"],
        ["DET", "PROPN", "AUX", "VERB", *pos_after, "PUNCT"],
    )


def test_a_states_act_at_a_un_body_is_done_at_its_seat(fr) -> None:
    # 'La Norvège a voté au Conseil de sécurité .'
    da = _voted_at(["au", "Conseil", "de", "sécurité"], [5, 3, 7, 5],
                   ["case", "obl:mod", "case", "nmod"], ["ADP", "NOUN", "ADP", "NOUN"])
    p = sentence_place(da.doc[3], da, set(), fr)
    assert p is not None and (p.name, p.country, p.precision) == ("New York City", "USA", "city")
    assert p.kind == "sentence" and p.text == "Conseil de sécurité"
    # 'La Norvège a voté au Conseil de sécurité de l' ONU .': one venue named twice
    da = _voted_at(["au", "Conseil", "de", "sécurité", "de", "l'", "ONU"], [5, 3, 7, 5, 10, 10, 5],
                   ["case", "obl:mod", "case", "nmod", "case", "det", "nmod"],
                   ["ADP", "NOUN", "ADP", "NOUN", "ADP", "DET", "PROPN"])
    assert sentence_place(da.doc[3], da, set(), fr).country == "USA"
    # 'La Norvège a voté à l' ONU .' and Geneva's council
    da = _voted_at(["à", "l'", "ONU"], [6, 6, 3], ["case", "det", "obl:mod"],
                   ["ADP", "DET", "PROPN"])
    assert sentence_place(da.doc[3], da, set(), fr).name == "New York City"
    da = _voted_at(["au", "Conseil", "des", "droits", "de", "l'", "homme"],
                   [5, 3, 7, 5, 10, 10, 7],
                   ["case", "obl:mod", "case", "nmod", "case", "det", "nmod"],
                   ["ADP", "NOUN", "ADP", "NOUN", "ADP", "DET", "NOUN"])
    assert sentence_place(da.doc[3], da, set(), fr).name == "Geneva"


def test_a_body_that_is_no_venue_places_nothing(fr) -> None:
    # 'La Norvège a voté à l' Assemblée générale des actionnaires .': a company's meeting
    da = _voted_at(["à", "l'", "Assemblée", "générale", "des", "actionnaires"],
                   [6, 6, 3, 6, 9, 6], ["case", "det", "obl:mod", "amod", "case", "nmod"],
                   ["ADP", "DET", "PROPN", "ADJ", "ADP", "NOUN"])
    assert sentence_place(da.doc[3], da, set(), fr) is None
    # 'La Norvège a voté au conseil municipal .': a common noun
    da = _voted_at(["au", "conseil", "municipal"], [5, 3, 5], ["case", "obl:mod", "amod"],
                   ["ADP", "NOUN", "ADJ"])
    assert sentence_place(da.doc[3], da, set(), fr) is None
    # the UN as the addressee is the act's argument, not its place: 'a écrit à l' ONU'
    da = _voted_at(["à", "l'", "ONU"], [6, 6, 3], ["case", "det", "obl:mod"],
                   ["ADP", "DET", "PROPN"])
    assert sentence_place(da.doc[3], da, {6}, fr) is None


def test_a_venue_does_not_set_the_story(fr) -> None:
    from chronique.extract.places import locative_places

    da = _voted_at(["au", "Conseil", "de", "sécurité"], [5, 3, 7, 5],
                   ["case", "obl:mod", "case", "nmod"], ["ADP", "NOUN", "ADP", "NOUN"])
    assert locative_places(da.doc, da, fr) == []


def test_the_states_of_a_un_meeting_the_lead_reports_act_at_its_seat(fr) -> None:
    # 'Le Conseil de sécurité a rejeté le texte … La Norvège a voté pour , le Chili contre .'
    body = _lead(ev("REJECT", ["UNO"]), 60)
    body.actor = [Actor(text="le Conseil de sécurité de l'ONU", country="UNO")]
    voted = _lead(ev("SUPPORT", ["NOR"]), 500)
    against = _lead(ev("REJECT", ["CHL"]), 540)
    struck = _lead(ev("ASSAULT", ["RUS"], ["UKR"]), 700)  # done at the target's
    fill_locations([body, voted, against, struck], None, fr)
    for e in (voted, against):
        assert (e.location.name, e.location.precision, e.location.kind) == (
            "New York City", "city", "article")
    assert struck.location.country == "UKR"
    # the UN speaking as an organisation is no meeting: its members speak from home
    spoke = _lead(ev("ACCUSE", ["UNO"]), 60)
    spoke.actor = [Actor(text="l'ONU", country="UNO")]
    said = _lead(ev("SUPPORT", ["NOR"]), 500)
    fill_locations([spoke, said], None, fr)
    assert said.location.country == "NOR"


def test_a_relative_clause_of_where_happens_at_its_antecedent(fr) -> None:
    # 'Il est entré dans une école de Dijon où il a blessé deux gardiens .'
    words = ["Il", "est", "entré", "dans", "une", "école", "de", "Dijon", "où", "il", "a",
             "blessé", "deux", "gardiens", "."]
    pos = ["PRON", "AUX", "VERB", "ADP", "DET", "NOUN", "ADP", "PROPN", "PRON", "PRON", "AUX",
           "VERB", "NUM", "NOUN", "PUNCT"]
    deps = ["nsubj", "aux:tense", "ROOT", "case", "det", "obl:arg", "case", "nmod", "iobj",
            "nsubj", "aux:tense", "acl:relcl", "nummod", "obj", "punct"]
    da = parse(words, [2, 2, 2, 5, 5, 2, 7, 5, 11, 11, 11, 5, 13, 11, 2], deps, pos)
    p = sentence_place(da.doc[11], da, set(), fr, "ASSAULT")
    assert p is not None and (p.name, p.kind) == ("Dijon", "sentence")
    # the parser may hang the clause on the verb: the place named before the pronoun
    deps[11] = "advcl"
    da = parse(words, [2, 2, 2, 5, 5, 2, 7, 5, 11, 11, 11, 2, 13, 11, 2], deps, pos)
    p = sentence_place(da.doc[11], da, set(), fr, "ASSAULT")
    assert p is not None and p.name == "Dijon"
    # no locative pronoun: the relative clause says nothing of where
    words[8], pos[8] = "qu'", "PRON"
    da = parse(words, [2, 2, 2, 5, 5, 2, 7, 5, 11, 11, 11, 5, 13, 11, 2], ["nsubj", "aux:tense",
               "ROOT", "case", "det", "obl:arg", "case", "nmod", "obj", "nsubj", "aux:tense",
               "acl:relcl", "nummod", "obj", "punct"], pos)
    assert sentence_place(da.doc[11], da, set(), fr, "ASSAULT") is None


def test_a_name_right_before_where_is_its_antecedent_whatever_its_preposition(fr) -> None:
    # 'Il part mardi pour Oslo où il rencontrera le ministre .' with the clause hung on
    # the day: the name before 'où' is where the meeting takes place
    words = ["Il", "part", "mardi", "pour", "Oslo", "où", "il", "rencontrera", "le", "ministre",
             "."]
    pos = ["PRON", "VERB", "NOUN", "ADP", "PROPN", "PRON", "PRON", "VERB", "DET", "NOUN",
           "PUNCT"]
    deps = ["nsubj", "ROOT", "obl:mod", "case", "nmod", "iobj", "nsubj", "acl:relcl", "det",
            "obj", "punct"]
    da = parse(words, [1, 1, 1, 4, 2, 7, 7, 2, 9, 7, 1], deps, pos)
    p = sentence_place(da.doc[7], da, set(), fr, "CONSULT")
    assert p is not None and (p.name, p.kind) == ("Oslo", "sentence")


def test_a_place_of_a_clause_of_another_moment_is_not_the_acts(fr) -> None:
    from chronique.extract.places import other_moment_spans

    # 'Après être allés à Oslo , les élus ont rencontré le ministre .'
    da = parse(
        ["Après", "être", "allés", "à", "Oslo", ",", "les", "élus", "ont", "rencontré", "le",
         "ministre", "."],
        [2, 2, 9, 4, 2, 2, 7, 9, 9, 9, 11, 9, 9],
        ["mark", "aux:tense", "advcl", "case", "obl:mod", "punct", "det", "nsubj", "aux:tense",
         "ROOT", "det", "obj", "punct"],
        ["ADP", "AUX", "VERB", "ADP", "PROPN", "PUNCT", "DET", "NOUN", "AUX", "VERB", "DET",
         "NOUN", "PUNCT"],
    )
    spans = other_moment_spans(da.doc, da)
    assert spans == [(0, da.doc[5].idx + 1)]  # the clause, up to its comma
    oslo = Place("Oslo", "NOR", precision="city", start=da.doc[4].idx, end=da.doc[4].idx + 4)
    met = ev("CONSULT", [None])
    met.evidence = [Evidence("x", "rencontré", da.doc[9].idx, da.doc[9].idx + 9, "t", 0)]
    fill_locations([met], None, fr, named=[oslo], sentences=[(0, 80)], elsewhere=spans,
                   country="FRA")
    assert (met.location.country, met.location.kind) == ("FRA", "article")
    # without the clause of another moment, the sentence's place is taken
    met = ev("CONSULT", [None])
    met.evidence = [Evidence("x", "rencontré", da.doc[9].idx, da.doc[9].idx + 9, "t", 0)]
    fill_locations([met], None, fr, named=[oslo], sentences=[(0, 80)], country="FRA")
    assert met.location.name == "Oslo"


def test_a_relative_clause_of_an_argument_does_not_place_the_act(fr) -> None:
    # 'Ils ont rencontré le maire , qui était à Oslo .'
    da = parse(
        ["Ils", "ont", "rencontré", "le", "maire", ",", "qui", "était", "à", "Oslo", "."],
        [2, 2, 2, 4, 2, 7, 7, 4, 9, 7, 2],
        ["nsubj", "aux:tense", "ROOT", "det", "obj", "punct", "nsubj", "acl:relcl", "case",
         "obl:mod", "punct"],
        ["PRON", "AUX", "VERB", "DET", "NOUN", "PUNCT", "PRON", "AUX", "ADP", "PROPN", "PUNCT"],
    )
    assert sentence_place(da.doc[2], da, set(), fr, "CONSULT") is None


def _margin_talks(det: str = "la") -> Any:
    # 'En marge de la finale , le ministre recevra son collègue .'
    da = parse(
        ["En", "marge", "de", det, "finale", ",", "le", "ministre", "recevra", "son",
         "collègue", "."],
        [1, 8, 4, 4, 1, 8, 7, 8, 8, 10, 8, 8],
        ["case", "obl:mod", "case", "det", "nmod", "punct", "det", "nsubj", "ROOT", "det",
         "obj", "punct"],
        ["ADP", "NOUN", "ADP", "DET", "NOUN", "PUNCT", "DET", "NOUN", "VERB", "DET", "NOUN",
         "PUNCT"],
    )
    definite = "Def" if det == "la" else "Ind"
    da.doc[3].set_morph(f"Definite={definite}|PronType=Art")
    return da


def test_an_act_on_the_margin_of_an_occasion_named_before_takes_its_place(fr) -> None:
    from chronique.extract.places import occasion_mentions

    # 'Le ministre assistera à la finale à Lyon .'
    lead = parse(
        ["Le", "ministre", "assistera", "à", "la", "finale", "à", "Lyon", "."],
        [1, 2, 2, 5, 5, 2, 7, 5, 2],
        ["det", "nsubj", "ROOT", "case", "det", "obl:arg", "case", "nmod", "punct"],
        ["DET", "NOUN", "VERB", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
    )
    first = occasion_mentions(lead.doc, lead, fr)
    assert [(o.lemma, o.place.name) for o in first] == [("finale", "Lyon")]
    later = _margin_talks()
    later.offset = 500
    second = occasion_mentions(later.doc, later, fr)
    assert [(o.lemma, o.place) for o in second] == [("finale", None)]
    talks = ev("CONSULT", ["FRA"], ["ITA"])
    at = 500 + later.doc[8].idx
    talks.evidence = [Evidence("x", "recevra", at, at + 7, "t", 1)]
    fill_locations([talks], None, fr, occasions=first + second)
    assert (talks.location.name, talks.location.precision, talks.location.kind) == (
        "Lyon", "city", "article")
    # no earlier mention with a place: the usual rules
    talks = ev("CONSULT", ["FRA"], ["ITA"])
    talks.evidence = [Evidence("x", "recevra", at, at + 7, "t", 1)]
    fill_locations([talks], None, fr, occasions=second)
    assert talks.location.country == "FRA"
    # 'en marge d'une finale': another occasion than the one named before
    other = _margin_talks("une")
    other.offset = 500
    talks = ev("CONSULT", ["FRA"], ["ITA"])
    talks.evidence = [Evidence("x", "recevra", at, at + 7, "t", 1)]
    fill_locations([talks], None, fr, occasions=first + occasion_mentions(other.doc, other, fr))
    assert talks.location.country == "FRA"


def test_a_persons_later_act_stays_at_the_occasion_that_placed_the_earlier_one(fr) -> None:
    from chronique.extract.places import Occasion

    # 'Lors de sa conférence à Oslo , X a critiqué … (quote) , a ajouté X .'
    oslo = Place("Oslo", "NOR", precision="city", kind="sentence", start=25, end=29)
    warned = _said("THREATEN", "FRA", "Paul Marchand", 40)
    warned.location = oslo
    defended = _said("SUPPORT", "FRA", "Paul Marchand", 900)
    other = _said("SUPPORT", "FRA", "Julie Vernet", 950)  # someone else: at home
    far = _said("SUPPORT", "FRA", "Paul Marchand", 4000)  # beyond the scene
    before = _said("ACCUSE", "FRA", "Paul Marchand", 920, modality="historical")
    conference = Occasion("conférence", 10, dataclasses.replace(oslo))
    fill_locations([warned, defended, other, far, before], None, fr, occasions=[conference])
    assert (defended.location.name, defended.location.kind) == ("Oslo", "article")
    assert other.location.country == "FRA" and far.location.country == "FRA"
    assert before.location.country == "FRA"
    # placed elsewhere since: 'Puis, à Lyon, X a déclaré …'
    lyon = _said("ACCUSE", "FRA", "Paul Marchand", 500)
    lyon.location = Place("Lyon", "FRA", precision="city", kind="sentence", start=480)
    defended = _said("SUPPORT", "FRA", "Paul Marchand", 900)
    warned.location = dataclasses.replace(oslo)
    fill_locations([warned, lyon, defended], None, fr, occasions=[conference])
    assert defended.location.country == "FRA" and defended.location.kind == "actor"
    # a place not given by an occasion sets no scene: 'X a déclaré à Oslo' then 'X a dit'
    plain = dataclasses.replace(oslo)
    warned.location = plain
    defended = _said("SUPPORT", "FRA", "Paul Marchand", 900)
    fill_locations([warned, defended], None, fr, occasions=[])
    assert defended.location.kind == "actor"


def test_the_verbs_own_place_beats_one_hung_on_a_fronted_date(fr) -> None:
    # 'Le 3 mai dans la ville de Gand , il a été inculpé à Lyon .': the parser hangs the
    # first place on the date; the charge was brought where the verb's own phrase says
    words = ["Le", "3", "mai", "dans", "la", "ville", "de", "Gand", ",", "il", "a", "été",
             "inculpé", "à", "Lyon", "."]  # fmt: skip
    da = parse(
        words,
        [1, 12, 1, 5, 5, 1, 7, 5, 12, 12, 12, 12, 12, 14, 12, 12],
        ["det", "obl:mod", "nmod", "case", "det", "nmod", "case", "nmod", "punct",
         "nsubj:pass", "aux:tense", "aux:pass", "ROOT", "case", "obl:mod", "punct"],
        ["DET", "NUM", "NOUN", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "PRON", "AUX",
         "AUX", "VERB", "ADP", "PROPN", "PUNCT"],
    )  # fmt: skip
    p = sentence_place(da.doc[12], da, set(), fr)
    assert p is not None and (p.name, p.country, p.kind) == ("Lyon", "FRA", "sentence")
    # with no phrase of its own, the verb takes the one hung on its date
    da = parse(
        words[:13] + ["."],
        [1, 12, 1, 5, 5, 1, 7, 5, 12, 12, 12, 12, 12, 12],
        ["det", "obl:mod", "nmod", "case", "det", "nmod", "case", "nmod", "punct",
         "nsubj:pass", "aux:tense", "aux:pass", "ROOT", "punct"],
        ["DET", "NUM", "NOUN", "ADP", "DET", "NOUN", "ADP", "PROPN", "PUNCT", "PRON", "AUX",
         "AUX", "VERB", "PUNCT"],
    )  # fmt: skip
    p = sentence_place(da.doc[12], da, set(), fr)
    assert p is not None and (p.name, p.country) == ("Gent", "BEL")


@pytest.mark.slow
def test_a_countrys_ground_named_by_its_adjective_is_the_place(code) -> None:
    # 'sur le sol X' names the country X even after 'sur', which before a country mostly
    # names a topic; the act is placed there, not at its actor's home
    r = code("La police néerlandaise a interpellé deux militants sur le sol allemand.")
    (arrest,) = [e for e in r.events if e.event == "COERCE"]
    assert (arrest.location.country, arrest.location.kind) == ("DEU", "sentence")
    assert arrest.location.text == "allemand"
    en = code("Dutch police arrested two activists on German soil.", lang="en")
    (arrest,) = [e for e in en.events if e.event == "COERCE"]
    assert (arrest.location.country, arrest.location.kind) == ("DEU", "sentence")
    # 'de' + the territory says where from only on the act itself, not inside a noun phrase
    r = code("Le Brésil va expulser du territoire argentin quatre militants chiliens.")
    assert [e.location.country for e in r.events if e.event == "COERCE"] == ["ARG"]
    r = code("Le Japon a accusé la Chine, qui affirme que l'île fait partie du territoire chinois.")
    (blame,) = [e for e in r.events if e.event == "ACCUSE"]
    assert blame.location.kind != "sentence"


def test_a_territory_named_inside_a_noun_phrase_is_no_place(fr) -> None:
    from chronique.extract.places import locative_places

    russe = SimpleNamespace(kind="adjective", country="RUS")
    # 'Ils ont été expulsés du territoire russe .': where from, hung on the act
    da = parse(["Ils", "ont", "été", "expulsés", "du", "territoire", "russe", "."],
               [3, 3, 3, 3, 5, 3, 5, 3],
               ["nsubj:pass", "aux:tense", "aux:pass", "ROOT", "case", "obl:arg", "amod", "punct"],
               ["PRON", "AUX", "AUX", "VERB", "ADP", "NOUN", "ADJ", "PUNCT"])  # fmt: skip
    da.by_token = {6: russe}
    assert [p.country for p in locative_places(da.doc, da, fr)] == ["RUS"]
    # 'La Crimée fait partie du territoire russe .': what it belongs to, not where
    da = parse(["La", "Crimée", "fait", "partie", "du", "territoire", "russe", "."],
               [1, 2, 2, 2, 5, 3, 5, 2],
               ["det", "nsubj", "ROOT", "obj", "case", "nmod", "amod", "punct"],
               ["DET", "PROPN", "VERB", "NOUN", "ADP", "NOUN", "ADJ", "PUNCT"])  # fmt: skip
    da.by_token = {6: russe}
    assert locative_places(da.doc, da, fr) == []


def _intercepted(words_after: list[str], heads_after: list[int], deps_after: list[str],
                 pos_after: list[str], adjectives: dict[int, str]) -> Any:
    # 'Les garde-côtes ont intercepté un navire <words_after> .'
    da = parse(
        ["Les", "garde-côtes", "ont", "intercepté", "un", "navire", *words_after, "."],
        [1, 3, 3, 3, 5, 3, *heads_after, 3],
        ["det", "nsubj", "aux:tense", "ROOT", "det", "obj", *deps_after, "punct"],
        ["DET", "NOUN", "AUX", "VERB", "DET", "NOUN", *pos_after, "PUNCT"],
    )
    da.by_token = {i: SimpleNamespace(kind="adjective", country=c) for i, c in adjectives.items()}
    return da


def test_a_relational_noun_names_its_country_by_complement_or_adjective(fr) -> None:
    # '… au large des côtes libyennes .': the coast's adjective names the country
    da = _intercepted(["au", "large", "des", "côtes", "libyennes"], [7, 3, 9, 7, 9],
                      ["case", "obl:mod", "case", "nmod", "amod"],
                      ["ADP", "NOUN", "ADP", "NOUN", "ADJ"], {10: "LBY"})  # fmt: skip
    p = sentence_place(da.doc[3], da, set(), fr)
    assert p is not None and (p.country, p.precision, p.text) == ("LBY", "country", "libyennes")
    # '… au large des côtes de la Libye .': through two relational nouns
    da = _intercepted(["au", "large", "des", "côtes", "de", "la", "Libye"],
                      [7, 3, 9, 7, 12, 12, 9],
                      ["case", "obl:mod", "case", "nmod", "case", "det", "nmod"],
                      ["ADP", "NOUN", "ADP", "NOUN", "ADP", "DET", "PROPN"], {})  # fmt: skip
    p = sentence_place(da.doc[3], da, set(), fr)
    assert p is not None and p.country == "LBY"
    # '… à la frontière italienne .': a border is on either side of it
    da = _intercepted(["à", "la", "frontière", "italienne"], [8, 8, 3, 8],
                      ["case", "det", "obl:mod", "amod"], ["ADP", "DET", "NOUN", "ADJ"],
                      {9: "ITA"})  # fmt: skip
    assert sentence_place(da.doc[3], da, set(), fr) is None


def test_a_summit_named_by_its_club_is_held_where_its_de_complement_says(fr) -> None:
    # 'Le président a critiqué la Russie au G20 d'Osaka .': the summit's city is the place
    da = parse(
        ["Le", "président", "a", "critiqué", "la", "Russie", "au", "G20", "d'", "Osaka", "."],
        [1, 3, 3, 3, 5, 3, 7, 3, 9, 7, 3],
        ["det", "nsubj", "aux:tense", "ROOT", "det", "obj", "case", "obl:arg", "case", "nmod",
         "punct"],
        ["DET", "NOUN", "AUX", "VERB", "DET", "PROPN", "ADP", "PROPN", "ADP", "PROPN", "PUNCT"],
        ["O"] * 9 + ["B-LOC", "O"],
    )
    place = sentence_place(da.doc[3], da, set(), fr)
    assert place is not None and (place.name, place.country) == ("Osaka", "JPN")
