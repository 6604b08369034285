"""Temporal expressions: finding them, and resolving them against the publication date.

Sentences marked 'seed' are taken from /work/shared/corpus/seed.txt (published '2023-09', a
month only), where no expression may be resolved to an invented day.
"""

from __future__ import annotations

import pytest

from chronique import lexicons
from chronique.extract import time as tm
from chronique.extract.time import date_span_for, find_times
from chronique.model import PartialDate, TimeExpr

SEED = PartialDate.parse("2023-09")
WED = PartialDate.parse("2020-06-17")  # a Wednesday

SEED_TEXT = (
    "Le Kremlin a déclaré mardi qu'il n'avait \"rien à dire\" au sujet des affirmations de "
    "responsables américains selon lesquelles le dirigeant nord-coréen Kim Jong Un prévoyait de "
    "se rendre en Russie ce mois-ci pour rencontrer le président Vladimir Poutine.\n\n"
    "Ces commentaires ont été faits après que le New York Times a cité des responsables "
    "américains et alliés anonymes qui ont déclaré que Kim Jong Un prévoyait de se rendre en "
    "Russie dès la semaine prochaine pour rencontrer M. Poutine.\n\n"
    "Le ministre russe de la défense, Sergei Shoigu, qui s'est rendu à Pyongyang en juillet pour "
    "assister à des démonstrations d'armes, a déclaré lundi que les deux pays discutaient.\n\n"
    "Ce voyage serait la première visite à l'étranger de Kim depuis plus de quatre ans.\n\n"
    "Les États-Unis ont récemment imposé des sanctions à trois entités.\n\n"
    "La Corée du Nord a procédé à six essais nucléaires depuis 2006 et a testé plusieurs "
    "missiles au cours des dernières années.\n\n"
    "La Russie s'est jointe à la Chine pour la première fois depuis qu'il a commencé à punir "
    "Pyongyang en 2006."
)


def one(text: str, lang: str = "fr", published: PartialDate | None = WED) -> TimeExpr:
    found = find_times(text, lang, published)
    assert len(found) == 1, found
    return found[0]


def span(t: TimeExpr) -> tuple[str, str, str]:
    return t.value_start, t.value_end, t.precision


# --- the seed article (publication month only) ---------------------------------------------


def test_seed_article_expressions_and_values() -> None:
    got = [(t.text, *span(t)) for t in find_times(SEED_TEXT, "fr", SEED)]
    month = ("2023-09-01", "2023-09-30", "month")
    assert got == [
        ("mardi", *month),
        ("ce mois-ci", *month),
        ("la semaine prochaine", *month),
        ("en juillet", "2023-07-01", "2023-07-31", "month"),
        ("lundi", *month),
        ("récemment", "2023-08-01", "2023-09-30", "month"),
        ("depuis 2006", "2006-01-01", "2006-12-31", "year"),
        ("au cours des dernières années", "2020-09-01", "2023-09-30", "year"),
        ("en 2006", "2006-01-01", "2006-12-31", "year"),
    ]


def test_seed_weekday_is_the_publication_month_not_an_invented_day() -> None:
    t = one("Le Kremlin a déclaré mardi qu'il n'avait rien à dire.", published=SEED)
    assert (t.text, t.rule) == ("mardi", "fr.weekday")
    assert span(t) == ("2023-09-01", "2023-09-30", "month")


def test_seed_rules_are_lexicon_ids() -> None:
    rules = {t.text: t.rule for t in find_times(SEED_TEXT, "fr", SEED)}
    assert rules["depuis 2006"] == "fr.since_year"
    assert rules["ce mois-ci"] == "fr.this_month"
    assert rules["la semaine prochaine"] == "fr.next_week"
    ids = {r["id"] for r in lexicons.load("time", "fr")["rules"]}
    assert set(rules.values()) <= ids


def test_next_week_with_a_day_precise_date_is_the_following_iso_week() -> None:
    t = one("Kim prévoyait de se rendre en Russie dès la semaine prochaine.", published=WED)
    assert span(t) == ("2020-06-22", "2020-06-28", "week")


def test_offsets_are_shifted_and_point_at_the_text() -> None:
    offset = 1234
    found = find_times(SEED_TEXT, "fr", SEED, offset=offset)
    assert found
    for t in found:
        assert SEED_TEXT[t.start - offset : t.end - offset] == t.text
    assert [t.start for t in found] == sorted(t.start for t in found)


# --- day-precise publication: weekday and relative-day resolution -------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Il l'a annoncé mardi.", ("2020-06-16", "2020-06-16", "day")),
        ("Il l'a annoncé mercredi.", ("2020-06-17", "2020-06-17", "day")),
        ("Il l'a annoncé jeudi.", ("2020-06-11", "2020-06-11", "day")),
        ("Il l'a annoncé hier.", ("2020-06-16", "2020-06-16", "day")),
        ("Il l'a annoncé hier soir.", ("2020-06-16", "2020-06-16", "day")),
        ("Il l'a annoncé avant-hier.", ("2020-06-15", "2020-06-15", "day")),
        ("Il l'annoncera demain.", ("2020-06-18", "2020-06-18", "day")),
        ("Il l'a annoncé aujourd'hui.", ("2020-06-17", "2020-06-17", "day")),
        ("Il l'a annoncé ce matin.", ("2020-06-17", "2020-06-17", "day")),
        ("Il viendra mardi prochain.", ("2020-06-23", "2020-06-23", "day")),
        ("Il est venu mercredi dernier.", ("2020-06-10", "2020-06-10", "day")),
        ("Il l'a dit la semaine dernière.", ("2020-06-08", "2020-06-14", "week")),
        ("Il l'a dit le mois dernier.", ("2020-05-01", "2020-05-31", "month")),
        ("Il viendra le mois prochain.", ("2020-07-01", "2020-07-31", "month")),
        ("Il l'a dit cette année.", ("2020-01-01", "2020-12-31", "year")),
        ("Il l'a dit l'an dernier.", ("2019-01-01", "2019-12-31", "year")),
        ("Il viendra l'année prochaine.", ("2021-01-01", "2021-12-31", "year")),
        ("Il l'a dit il y a deux semaines.", ("2020-06-01", "2020-06-07", "week")),
        ("Il viendra dans trois jours.", ("2020-06-20", "2020-06-20", "day")),
        ("Il est venu en juillet.", ("2019-07-01", "2019-07-31", "month")),
        ("Il est venu en juin.", ("2020-06-01", "2020-06-30", "month")),
        ("Il est parti début juillet.", ("2019-07-01", "2019-07-10", "month")),
        ("Il est parti mi-mars.", ("2020-03-11", "2020-03-20", "month")),
        ("Il est parti fin 2019.", ("2019-09-01", "2019-12-31", "year")),
        ("Il l'a dit récemment.", ("2020-05-17", "2020-06-17", "month")),
        ("C'était le 5 septembre 2023.", ("2023-09-05", "2023-09-05", "day")),
        ("C'était 5 septembre 2023.", ("2023-09-05", "2023-09-05", "day")),
        ("C'était le 1er mai.", ("2020-05-01", "2020-05-01", "day")),
        ("C'était dans les années 60.", ("1960-01-01", "1969-12-31", "year")),
    ],
)
def test_french_resolution(text: str, expected: tuple[str, str, str]) -> None:
    assert span(one(text)) == expected


def test_weekday_with_day_and_month_picks_the_year_it_agrees_with() -> None:
    t = one(
        "La réunion aura lieu le jeudi 16 septembre.", published=PartialDate.parse("1999-09-04")
    )
    assert span(t) == ("1999-09-16", "1999-09-16", "day")


def test_veille_and_lendemain_follow_the_previous_dated_expression() -> None:
    found = find_times("Le 5 septembre 2023, il a signé. Le lendemain, il est parti.", "fr", WED)
    assert [(t.text, t.value_start) for t in found] == [
        ("Le 5 septembre 2023", "2023-09-05"),
        ("Le lendemain", "2023-09-06"),
    ]
    assert one("La veille, il avait menti.").value_start == "2020-06-16"


def test_year_only_publication_keeps_year_for_finer_words() -> None:
    year = PartialDate.parse("2023")
    assert span(one("Il l'a dit hier.", published=year)) == ("2023-01-01", "2023-12-31", "year")
    assert span(one("en juillet", published=year))[:2] == ("2023-07-01", "2023-07-31")


def test_without_publication_date_only_absolute_expressions() -> None:
    found = find_times(
        "Mardi, il a rappelé le 5 septembre et la crise de 2008, depuis 2006, en juillet 2019.",
        "fr",
        None,
    )
    assert [t.text for t in found] == ["2008", "depuis 2006", "en juillet 2019"]


def test_longest_match_wins_and_expressions_do_not_overlap() -> None:
    found = find_times("Il est arrivé le mardi 5 septembre 2023 à Moscou.", "fr", WED)
    assert [t.text for t in found] == ["le mardi 5 septembre 2023"]
    found = find_times("fin septembre 2000, puis début juillet", "fr", WED)
    assert [t.text for t in found] == ["fin septembre 2000", "début juillet"]
    assert span(found[0]) == ("2000-09-21", "2000-09-30", "month")


# --- false positives and the ambiguous 'mai' -----------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "La maison de Maintenon est mainte fois citée.",
        "L'armée a déployé 1500 soldats et 2000 soldats de plus.",
        "Il y a 2006 personnes inscrites.",
        "Mai a déclaré qu'elle viendrait.",
        "La sonde est arrivée sur Mars.",
        "Le projet a été abandonné.",
        "Les accords du Vendredi Saint tiennent toujours.",
        "Une hausse de 12,5 % pour 300 euros.",
    ],
)
def test_no_false_positives(text: str) -> None:
    assert find_times(text, "fr", WED) == []


@pytest.mark.parametrize(
    "text, expected_text, start",
    [
        ("Il est venu le 3 mai.", "le 3 mai", "2020-05-03"),
        ("Il est venu en mai.", "en mai", "2020-05-01"),
        ("Il est venu début mai.", "début mai", "2020-05-01"),
        ("Il est venu mi-mai.", "mi-mai", "2020-05-11"),
        ("Le sommet de mai a échoué.", "de mai", "2020-05-01"),
        ("Il est venu en Mai 2019.", "en Mai 2019", "2019-05-01"),
    ],
)
def test_mai_is_a_month_only_with_a_cue(text: str, expected_text: str, start: str) -> None:
    t = one(text)
    assert (t.text, t.value_start) == (expected_text, start)


def test_impossible_date_is_not_a_day() -> None:
    assert all(t.precision != "day" for t in find_times("le 31 février 2023", "fr", WED))


# --- English --------------------------------------------------------------------------------


ENGLISH_CASES = [
    ("The Kremlin said on Tuesday it had nothing to say.", ("2020-06-16", "2020-06-16", "day")),
    ("He left yesterday.", ("2020-06-16", "2020-06-16", "day")),
    ("He left last week.", ("2020-06-08", "2020-06-14", "week")),
    ("He will travel next month.", ("2020-07-01", "2020-07-31", "month")),
    ("He visited Pyongyang in July.", ("2019-07-01", "2019-07-31", "month")),
    ("six nuclear tests since 2006", ("2006-01-01", "2006-12-31", "year")),
    ("The US recently imposed sanctions.", ("2020-05-17", "2020-06-17", "month")),
    ("It happened on September 5.", ("2020-09-05", "2020-09-05", "day")),
    ("It happened on 5 September 2023.", ("2023-09-05", "2023-09-05", "day")),
    ("It happened on September 5, 2023.", ("2023-09-05", "2023-09-05", "day")),
    ("It happened two weeks ago.", ("2020-06-01", "2020-06-07", "week")),
    ("He resigned last year.", ("2019-01-01", "2019-12-31", "year")),
    ("They met in early March.", ("2020-03-01", "2020-03-10", "month")),
]


@pytest.mark.parametrize("text, expected", ENGLISH_CASES)
def test_english_resolution(text: str, expected: tuple[str, str, str]) -> None:
    assert span(one(text, "en")) == expected


def test_english_may_and_quantities() -> None:
    found = find_times("Theresa May said she may go in May. 2000 soldiers left.", "en", WED)
    assert [(t.text, t.value_start) for t in found] == [("in May", "2020-05-01")]


# --- helpers and lexicon shape --------------------------------------------------------------


def test_date_span_for() -> None:
    assert date_span_for(SEED) == ("2023-09-01", "2023-09-30", "month")
    assert date_span_for(WED) == ("2020-06-17", "2020-06-17", "day")
    assert date_span_for(PartialDate.parse("2023")) == ("2023-01-01", "2023-12-31", "year")
    assert date_span_for(None) is None


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_lexicon_shape(lang: str) -> None:
    lex = lexicons.load("time", lang)
    assert {"version", "source", "comment", "months", "weekdays", "rules"} <= set(lex)
    assert sorted(set(lex["months"].values())) == list(range(1, 13))
    assert sorted(set(lex["weekdays"].values())) == list(range(7))
    ids = [r["id"] for r in lex["rules"]]
    assert len(ids) == len(set(ids)) and all(i.startswith(f"{lang}.") for i in ids)
    tm._grammar(lang)  # every pattern compiles


def test_unknown_placeholder_is_a_lexicon_error() -> None:
    with pytest.raises(lexicons.LexiconError):
        tm._compile("{NOPE} jours", {}, "test")


def test_gates_keep_only_rules_that_can_match() -> None:
    gate = tm._gate("(?:(?:le|du|au) )?(?:{WEEKDAY} )?{DAY} {MONTH} {YEAR}")
    assert gate == ((frozenset({"DAY<", "MONTH<", "YEAR<"}), frozenset(), ()),)
    # two alternatives; a required group needs one of its own alternatives
    assert tm._gate("ce (?:week-end|weekend)|le lendemain") == (
        (
            frozenset(),
            frozenset({"ce"}),
            (((frozenset(), frozenset({"week", "end"})), (frozenset(), frozenset({"weekend"}))),),
        ),
        (frozenset(), frozenset({"le", "lendemain"}), ()),
    )
    assert tm._gate("l'(?:an|année) (?:dernier|passé)") == (
        (
            frozenset(),
            frozenset(),
            (
                ((frozenset(), frozenset({"an"})), (frozenset(), frozenset({"année"}))),
                ((frozenset(), frozenset({"dernier"})), (frozenset(), frozenset({"passé"}))),
            ),
        ),
    )
    # an optional item, a look-around, or a group one of whose alternatives needs nothing
    # says nothing: no gate, the rule always runs
    assert tm._gate("l'(?:an|a) (?:x|y)?") is None
    assert tm._gate("(?<!x)(?=avant)l'(?:an|a)") is None
    assert tm._gate("{MONTH}? hier") == ((frozenset(), frozenset({"hier"}), ()),)
    g = tm._grammar("fr")
    plain = "Le ministre a réuni son cabinet pour discuter du budget de la défense."
    dated = "Le 12 mars 2021, le ministre a réuni son cabinet, puis hier encore."
    assert len(tm._open_rules(plain, g)) < len(g.rules) // 3
    ids = {r.id for _, r in tm._open_rules(dated, g)}
    assert {"fr.date_dmy", "fr.yesterday"} <= ids


def test_gates_let_unusual_forms_through() -> None:
    """Capitals, curly apostrophes, line breaks and hyphenless spellings inside a rule's
    required groups: the gated scan still finds what the full scan finds."""
    texts = [
        "L’ANNÉE DERNIÈRE, le conseil a voté.",
        "Il est parti l'an\npassé pour Lyon.",
        "Ce WEEKEND-là, rien ne bougea.",
        "Ils reviendront l’année Prochaine.",
        "Fin Mars, la commission siègera.",
    ]
    for text in texts:
        full = find_times(text, "fr", WED, gated=False)
        assert full, text
        assert find_times(text, "fr", WED) == full, text


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_gated_scan_finds_what_a_full_scan_finds(lang: str) -> None:
    """Gates only skip work: on real text the expressions are exactly the full scan's."""
    import gzip
    import itertools
    import json

    from conftest import CORPUS, SHARED, need

    if lang == "fr":
        with gzip.open(need(CORPUS), "rt", encoding="utf-8") as fh:
            rows = [json.loads(line) for line in itertools.islice(fh, 150)]
        texts = [
            (p, PartialDate.parse(r["published"])) for r in rows for p in r["text"].split("\n")
        ]
    else:
        records = json.loads(need(SHARED / "reference" / "PLOVER_GSR_CAMEO.json").read_text())
        texts = [(r["eventText"], WED) for r in records if r.get("eventText")]
        texts += [(text, WED) for text, _ in ENGLISH_CASES]
    texts += [(t, SEED) for t in SEED_TEXT.split("\n\n")]
    found = 0
    for text, pub in texts:
        full = find_times(text, lang, pub, gated=False)
        assert find_times(text, lang, pub) == full, text
        found += len(full)
    assert found > (100 if lang == "fr" else len(ENGLISH_CASES) - 1)


def _days(text: str, lang: str = "fr", pub: PartialDate = WED) -> list[tuple[str, str]]:
    return [(t.text, t.value_start) for t in find_times(text, lang, pub) if t.precision == "day"]


def test_a_bare_day_of_a_chronology_is_in_the_publication_month_or_the_one_before() -> None:
    assert _days("Le 4, les grévistes ont voté la reprise.") == [("Le 4", "2020-06-04")]
    # after the publication day (the 17th): the month before
    assert _days("Le 28, le conseil a tranché.") == [("Le 28", "2020-05-28")]
    # a story dated by its month only: that month
    month = PartialDate.parse("2020-06")
    assert _days("Le 28, le conseil a tranché.", pub=month) == [("Le 28", "2020-06-28")]
    assert _days("On the 2nd, the board resigned.", "en") == [("On the 2nd", "2020-06-02")]
    # no comma after the number: a count or an article number, not a day
    assert _days("Le 4 juillet est férié.") == [("Le 4 juillet", "2020-07-04")]
    assert _days("Il cite le 12 de la liste.") == []
    assert _days("Le 31, rien.", pub=PartialDate.parse("2020-04")) == []  # no 31 April


def test_au_lendemain_and_a_la_veille_of_a_date_in_the_sentence() -> None:
    got = _days("Au lendemain du 2 mars 2020, la commission a siégé.")
    assert got[0] == ("Au lendemain", "2020-03-03")
    got = _days("À la veille du scrutin du 14 juin, le parti a manifesté.")
    assert got[0] == ("À la veille", "2020-06-13")
    got = _days("On the eve of the June 14 vote, the party marched.", "en")
    assert got[0] == ("On the eve", "2020-06-13")
    # the date belongs to the next sentence: the previous day-precise one, as 'le lendemain'
    got = _days("Le 10 juin, il a signé. Au lendemain de la signature, il est parti. Le 2 mai.")
    assert got[1] == ("Au lendemain", "2020-06-11")
    # nothing dated before or after: the day after publication
    assert _days("Au lendemain de l'annonce, il est parti.") == [("Au lendemain", "2020-06-18")]


@pytest.mark.parametrize(
    "text, lang, expected",
    [
        ("Pendant la Seconde Guerre mondiale, la ville fut bombardée.", "fr",
         ("1939-01-01", "1945-12-31", "year")),
        ("Il a servi durant la guerre d'Algérie.", "fr", ("1954-01-01", "1962-12-31", "year")),
        ("The base was built during the Cold War.", "en", ("1947-01-01", "1991-12-31", "year")),
    ],
)  # fmt: skip
def test_a_named_period_after_a_preposition_of_time_is_its_years(text, lang, expected) -> None:
    assert span(one(text, lang)) == expected


def test_a_named_period_that_only_describes_a_noun_dates_nothing() -> None:
    # 'les anciens combattants de la guerre d'Algérie' act now: no preposition of time
    assert find_times("Les anciens combattants de la guerre d'Algérie ont défilé.", "fr", WED) == []


def test_a_period_rule_needs_its_years() -> None:
    bad = {"id": "fr.x", "pattern": "la guerre", "value": {"op": "period", "from": 1950}}
    lex = lexicons.load("time", "fr") | {"rules": [bad]}
    tm._grammar.cache_clear()
    try:
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(tm.lexicons, "load", lambda name, lang: lex)
            with pytest.raises(lexicons.LexiconError, match="needs years"):
                tm._grammar("fr")
    finally:
        tm._grammar.cache_clear()
