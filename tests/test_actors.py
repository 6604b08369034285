"""Actor resolution from the lexicons: metonyms, adjectives, roles at a date, people, bodies."""

from __future__ import annotations

import json

import pytest
from conftest import GOLD_DEV, events_of, need, quote_containing
from handparse import actors_of, parse
from spacy.tokens import Span

from chronique.extract.actors import get_lexicon


def _entities(result):
    return {(a.text, a.country, a.sector) for a in result.entities}


def test_every_seed_gold_actor_resolves(seed_result):
    gold = json.loads(need(GOLD_DEV / "seed.json").read_text(encoding="utf-8"))
    wanted = set()
    for e in gold["events"]:
        wanted.update(c for c in e["actor"] + e["recipient"] if c not in ("IGO",))
    for q in gold["quotes"]:
        if q.get("country"):
            wanted.add(q["country"])
    found = {a.country for a in seed_result.entities}
    assert wanted <= found, wanted - found


def test_capitals_seats_and_adjectives(seed_result):
    ents = _entities(seed_result)
    assert ("Kremlin", "RUS", "GOV") in ents
    assert ("Pyongyang", "PRK", "GOV") in ents
    assert ("Moscou", "RUS", "GOV") in ents
    assert any(t == "responsables américains" and c == "USA" for t, c, _ in ents)
    assert ("Conseil de sécurité des Nations unies", "UNO", "IGO") in ents


def test_named_people_carry_country_and_wikidata(seed_result):
    by_name = {a.name: a for a in seed_result.entities if a.name}
    assert by_name["Vladimir Putin"].country == "RUS"
    assert by_name["Vladimir Putin"].wikidata == "Q7747"
    assert by_name["Kim Jong Un"].country == "PRK"


def test_role_noun_resolves_to_the_office_holder_at_the_article_date(code):
    text = "Le président américain a rencontré le président russe à Helsinki."
    r2018 = code(text, "2018-07-16")
    r2023 = code(text, "2023-03-01")
    n2018 = {a.name for a in r2018.entities if a.country == "USA"}
    n2023 = {a.name for a in r2023.entities if a.country == "USA"}
    assert "Donald Trump" in n2018 and "Joe Biden" in n2023
    assert {a.name for a in r2023.entities if a.country == "RUS"} == {"Vladimir Putin"}


def test_the_future_holder_of_an_office_is_the_one_already_chosen(code):
    # two months before the inauguration, 'le futur président américain' is the
    # president-elect; 'l'ancien' names no one; a year and a half before, nobody is chosen
    text = "Le futur président américain a critiqué la Chine mardi."
    (e,) = events_of(code(text, "2016-11-22"), "ACCUSE")
    assert [a.name for a in e.actor] == ["Donald Trump"]
    (e,) = events_of(code(text, "2015-06-02"), "ACCUSE")
    assert e.actor[0].name != "Donald Trump" and e.actor[0].country == "USA"
    (e,) = events_of(code("L'ancien président américain a critiqué la Chine.", "2016-11-22"),
                     "ACCUSE")  # fmt: skip
    assert e.actor[0].name != "Barack Obama"


def test_a_place_where_people_are_is_not_whom_they_act_for(code):
    # 'près de la frontière italienne', 'dans la région italienne du Piémont' say where the
    # migrants were, not that they are Italian
    r = code(
        "La police française a interpellé dix migrants près de la frontière italienne. "
        "Les gendarmes ont interpellé six migrants dans la région italienne du Piémont.",
        "2019-06-04",
    )
    arrests = events_of(r, "COERCE")
    assert len(arrests) == 2
    assert all(a.country != "ITA" for e in arrests for a in e.recipient)


def test_a_warship_acts_for_its_navy(code):
    # a submarine or frigate named by its flag is that country's military
    r = code("Un sous-marin russe a tiré des missiles de croisière sur des cibles en Syrie.",
             "2020-08-27")  # fmt: skip
    (e,) = events_of(r, "MOBILIZE")
    assert [(a.country, a.sector) for a in e.actor] == [("RUS", "MIL")]


def test_a_territory_with_its_own_code_has_its_adjective(code):
    # Hong Kong is coded HKG (as CAMEO and the English gold do), by name and by adjective
    r = code("L'exécutif hongkongais a menacé de poursuites les auteurs de rumeurs.", "2020-08-27")
    assert [(a.country, a.sector) for e in r.events for a in e.actor] == [("HKG", "GOV")]


def test_unknown_person_gets_country_from_title(code):
    r = code(
        "Le ministre ukrainien de l'Énergie, Ivan Petrenko, a démissionné lundi.", "2019-05-06"
    )
    (p,) = [a for a in r.entities if a.text == "Ivan Petrenko"]
    assert p.country == "UKR" and p.sector == "GOV"
    assert [(e.event, e.actor[0].country) for e in r.events] == [("RETREAT", "UKR")]


def test_sector_from_role_noun(code):
    r = code("L'armée russe a bombardé la ville de Kharkiv mardi.", "2022-03-02")
    (e,) = r.events
    assert e.event == "ASSAULT" and e.actor[0].country == "RUS" and e.actor[0].sector == "MIL"


@pytest.mark.parametrize(
    ("lang", "text", "country", "sector"),
    [
        ("fr", "Le patron de l'armée américaine a critiqué Pékin mardi.", "USA", "MIL"),
        ("fr", "Le porte-parole de la police allemande a critiqué Pékin mardi.", "DEU", "COP"),
        ("fr", "Le patron du Kremlin a critiqué Pékin mardi.", "RUS", "GOV"),
        ("en", "The leader of the Russian army criticized Beijing on Tuesday.", "RUS", "MIL"),
    ],
)
def test_a_role_heading_a_body_takes_the_body_s_sector(code, lang, text, country, sector):
    # 'patron' alone is a business boss and 'porte-parole' a government one: what they
    # head or speak for says which
    (e,) = events_of(code(text, "2022-03-02", lang), "ACCUSE")
    assert (e.actor[0].country, e.actor[0].sector) == (country, sector)


@pytest.mark.parametrize(
    ("lang", "text", "published", "name"),
    [
        ("fr", "La présidente du Rassemblement national a critiqué Bruxelles mardi.",
         "2017-03-01", "Marine Le Pen"),
        ("fr", "La présidente du Rassemblement national a critiqué Bruxelles mardi.",
         "2022-12-01", "Jordan Bardella"),
        ("fr", "Le patron du FMI a critiqué Pékin mardi.", "2017-03-01", "Christine Lagarde"),
        ("fr", "Le président de Debout la France a critiqué Bruxelles mardi.", "2018-07-02",
         "Nicolas Dupont-Aignan"),
        ("fr", "Le président de l'Assemblée nationale a critiqué Pékin mardi.", "2017-03-01",
         "Claude Bartolone"),
        ("en", "The head of the IMF criticized Beijing on Tuesday.", "2021-03-01",
         "Kristalina Georgieva"),
    ],
)  # fmt: skip
def test_the_head_of_a_body_is_whoever_headed_it_on_the_date(code, lang, text, published, name):
    (e,) = [e for e in code(text, published, lang).events if e.event == "ACCUSE"]
    assert e.actor[0].name == name and e.actor[0].kind == "person"


def test_the_head_of_a_body_inside_the_complement_is_not_the_one_named(code):
    # the group's president is not the party's
    r = code("Le président du groupe Les Républicains au Sénat a critiqué Pékin mardi.",
             "2015-06-01")  # fmt: skip
    (e,) = events_of(r, "ACCUSE")
    assert e.actor[0].name != "Nicolas Sarkozy"


def test_a_party_leader_is_still_the_candidate_a_description_names(code):
    # heading a party is no office of state: 'la candidate' may still be its leader
    r = code(
        "Marine Le Pen a présenté son programme samedi à Lyon. "
        "La candidate a ensuite critiqué Bruxelles.",
        "2017-02-06",
    )
    (e,) = events_of(r, "ACCUSE")
    assert e.actor[0].name == "Marine Le Pen"


def test_a_bare_role_noun_refers_back_to_the_narrower_role_named_before(code):
    # 'la ministre' is 'la ministre de la Justice Anne Roy' of the sentence before
    r = code(
        "La ministre de la Justice Anne Roy a présenté son budget lundi. « Nous ne céderons "
        "pas », a déclaré la ministre.",
        "2019-03-04",
    )
    (q,) = [q for q in r.quotes if "céderons" in q.text]
    assert q.speaker.name == "Anne Roy"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("« Cet accord tiendra », a affirmé le porte-parole de Vladimir Poutine.", None, "RUS"),
        ("« Cet accord tiendra », a affirmé le président russe à Donald Trump.",
         "Vladimir Putin", "RUS"),
    ],
)  # fmt: skip
def test_a_person_in_a_role_noun_s_complement_is_not_its_bearer(code, text, name, country):
    # whose spokesman, or to whom it was said: the role's bearer is someone else
    (q,) = code(text, "2019-03-04").quotes
    assert (q.speaker.name, q.speaker.country) == (name, country)


@pytest.mark.parametrize(
    ("text", "published", "name"),
    [
        # 'l'ancien Premier ministre' is the person named before who held the office, not
        # the last person named
        ("Paul Garnier a rencontré Manuel Valls lundi. « La sécurité doit rester la "
         "priorité », a écrit l'ancien Premier ministre sur Twitter.", "2018-07-23",
         "Manuel Valls"),
        # 'l'ancien secrétaire général de l'Élysée' names no office holder of France: the
        # person named before whom it describes
        ("Claude Guéant a été entendu par les juges mardi. L'ancien secrétaire général de "
         "l'Élysée a assuré que l'argent provenait de la vente de deux tableaux.",
         "2018-03-01", "Claude Guéant"),
    ],
)  # fmt: skip
def test_a_former_office_holder_is_the_one_named_who_left_it(code, text, published, name):
    (q,) = code(text, published).quotes
    assert q.speaker.name == name


@pytest.mark.parametrize(
    ("text", "published", "name", "country"),
    [
        # the NER reads 'Salvador Sobral' as one person: no El Salvador in it
        ("Le chanteur portugais Salvador Sobral a annoncé mardi mettre sa carrière entre "
         "parenthèses.", "2017-09-12", "Salvador Sobral", "PRT"),
        # 'député italien …, à bord du navire d'une ONG espagnole' is an Italian deputy
        ("« Il s'agit d'un refoulement collectif », a dénoncé Marco Rossi, député italien de "
         "gauche actuellement à bord du navire d'une ONG espagnole.", "2018-07-31",
         "Marco Rossi", "ITA"),
    ],
)  # fmt: skip
def test_a_named_speaker_s_country_is_his_title_s(code, text, published, name, country):
    (q,) = code(text, published).quotes
    assert (q.speaker.name, q.speaker.country) == (name, country)


def test_a_name_whose_article_is_fused_with_de_is_still_found(code):
    # 'des Républicains' is 'de Les Républicains', 'du Figaro' 'de Le Figaro'; the party is
    # capitalised, the American 'républicains' are not
    r = code(
        "La trésorière des Républicains a critiqué mardi le gouvernement, selon un "
        "journaliste du Figaro. Les élus des républicains américains se sont tus.",
        "2019-05-14",
    )
    named = {(a.name, a.sector) for a in r.entities}
    assert ("Les Républicains", "PTY") in named and ("Le Figaro", "MED") in named
    assert not [a for a in r.entities if a.name == "Les Républicains" and a.start > 100]


def test_lowercase_common_words_are_not_places():
    lex = get_lexicon("fr")
    assert lex.roles  # the role lexicon is loaded
    from chronique.nlp import get_nlp

    doc = get_nlp("fr")("La maison blanche du village et le kremlin de carton.")
    assert not [m for m in lex.find(doc) if m.kind in ("seat", "capital", "country")]


def test_a_name_read_with_the_affair_it_names_is_the_name_alone():
    # the NER reads 'affaire Weinstein' as one person: the affair is no part of the name
    from chronique.nlp import get_nlp

    doc = get_nlp("fr")("Le député a été interrogé mardi sur l'affaire Weinstein.")
    names = [m.data["name"] for m in get_lexicon("fr").find(doc) if m.kind == "per"]
    assert names == ["Weinstein"]


def test_a_hyphen_between_two_countries_names_no_one(code):
    # 'Ukraine-Pologne', a match: the hyphen the tagger reads as a name apposed to a
    # country is no person
    r = code("La fête a été reportée en raison d'Ukraine-Pologne, un match à risques.",
             "2016-06-21")  # fmt: skip
    assert all(e.kind != "person" for e in r.entities)


def test_a_minister_out_of_office_is_named_by_his_party_role(code):
    # between two ministries, the party's delegate general may be the person named before
    r = code(
        "Christophe Castaner a rencontré des militants lundi à Lyon. Le délégué général du "
        "parti La République en marche a ensuite estimé que la campagne serait longue.",
        "2018-03-01",
    )
    (q,) = r.quotes
    assert q.speaker.name == "Christophe Castaner"


def test_a_body_the_lexicon_also_spells_in_lower_case_matches_so():
    from chronique.nlp import get_nlp

    doc = get_nlp("fr")("Le parlement européen et la commission européenne ont voté.")
    mentions = get_lexicon("fr").find(doc)
    found = {(doc[m.start : m.end].text, m.data.get("country")) for m in mentions}
    assert ("parlement européen", "EUR") in found
    assert ("commission européenne", "EUR") in found


def test_people_and_pronoun_lexicons_say_gender():
    from chronique import lexicons
    from chronique.extract.actors import get_pronouns

    people = lexicons.load("people")["people"]
    assert {p.get("gender") for p in people} == {"f", "m"}
    fr, en = get_pronouns("fr"), get_pronouns("en")
    assert fr.lookup("-elle").gender == "f" and fr.lookup("-t-il").gender == "m"
    assert fr.lookup("ils").number == "pl" and en.lookup("She").gender == "f"
    assert fr.titles["mme"] == "f" and en.titles["mr"] == "m"


def test_title_or_article_gives_an_unknown_person_a_gender(code):
    r = code(
        "La porte-parole de l'ONG, Inès Fontvieille, a rencontré le ministre Karim Dallal. "
        "« Rien n'a été promis », a-t-elle indiqué.",
        "2021-05-04",
    )
    (q,) = [q for q in r.quotes if "Rien n'a été promis" in q.text]
    assert q.speaker.name == "Inès Fontvieille"


def test_northern_ireland_is_british_not_irish(code):
    # orangesum-19352: the Queen greets Northern Ireland's deputy first minister
    r = code(
        "Saluant le vice-premier ministre d'Irlande du Nord, la reine a plaisanté.", "2016-06-27"
    )
    assert {a.country for a in r.entities if "Irlande" in a.text} == {"GBR"}


def test_euphonic_t_resolves_as_its_pronoun():
    """'a -t -elle': the parser may take '-t' for the subject; it stands for 'elle'."""
    from chronique.extract.actors import ActorMemory, DocActors
    from chronique.nlp import get_nlp

    doc = get_nlp("fr")("Angela Merkel est arrivée à Paris. Peut-être a-t-elle rencontré Macron.")
    da = DocActors(doc, "fr", 0, None, ActorMemory())
    da.entities()  # feeds the article memory
    (t,) = [t for t in doc if t.lower_ == "-t"]
    a = da.actor(t)
    assert (a.text, a.name) == ("elle", "Angela Merkel")


# -- the resolver as a careful reader (issue 10, item 3) ------------------------------------


def _remembered(memory, actor, is_person, **note):
    from chronique.extract.actors import Note

    memory.remember(actor, is_person, None, Note(**note))


def test_plural_pronoun_reads_its_number_from_the_lexicon_not_its_spelling():
    from chronique.extract.actors import ActorMemory, get_pronouns
    from chronique.model import Actor

    they = get_pronouns("en").subject["they"]
    assert they.number == "pl"  # 'they' ends in no 's' and is still plural
    m = ActorMemory()
    _remembered(m, Actor("Japan", country="JPN", kind="country", start=0), False, sent=0)
    _remembered(m, Actor("Ann Poe", name="Ann Poe", country="USA", start=20), True, sent=0)
    a = m.resolve_pronoun("they", 50, 40, plural=they.number == "pl")
    assert a is not None and a.country == "JPN"


def test_pronoun_speaker_prefers_the_subject_to_the_object_of_the_last_sentence():
    from chronique.extract.actors import ActorMemory
    from chronique.model import Actor

    m = ActorMemory()
    _remembered(m, Actor("Paul Roux", name="Paul Roux", start=0), True, sent=0, subject=True)
    _remembered(m, Actor("Luc Vidal", name="Luc Vidal", start=25), True, sent=0)
    a = m.resolve_speaker("il", 60, gender="m")
    assert a is not None and a.name == "Paul Roux"


def test_a_singular_pronoun_in_its_sentence_takes_the_person_subject_before_a_body():
    # 'Paul Roux recevait la médaille de l'université de Lyon, où il a appelé …' and
    # 'Paul Roux a réagi à la mise en examen de Luc Vidal, disant qu'il …': Paul Roux
    from chronique.extract.actors import ActorMemory
    from chronique.model import Actor

    m = ActorMemory()
    _remembered(m, Actor("Paul Roux", name="Paul Roux", country="FRA", start=0), True,
                sent=0, subject=True)  # fmt: skip
    _remembered(m, Actor("Luc Vidal", name="Luc Vidal", start=40), True, sent=0)
    _remembered(m, Actor("l'université", name="Lyon University", country="FRA", start=60),
                False, sent=0)  # fmt: skip
    a = m.resolve_pronoun("il", 90, 0, gender="m")
    assert a is not None and a.name == "Paul Roux"
    # no person in its sentence: the body named there
    m2 = ActorMemory()
    _remembered(m2, Actor("l'université", name="Lyon University", country="FRA", start=60),
                False, sent=0)  # fmt: skip
    assert m2.resolve_pronoun("il", 90, 0, gender="m").name == "Lyon University"


def test_the_source_of_a_report_is_not_the_pronoun_of_its_sentence():
    # 'Paul Roux a comparu. Selon les informations de la radio, il a critiqué …': the radio
    # is the source, 'il' is Paul Roux
    from chronique.extract.actors import ActorMemory
    from chronique.model import Actor

    m = ActorMemory()
    _remembered(m, Actor("Paul Roux", name="Paul Roux", country="FRA", start=0), True,
                sent=0, subject=True)  # fmt: skip
    _remembered(m, Actor("la radio", name="Radio Une", country="BEL", start=50), False,
                sent=30, source=True)  # fmt: skip
    a = m.resolve_pronoun("il", 70, 30, gender="m")
    assert a is not None and a.name == "Paul Roux"
    # named in the sentence as no source, the body would be taken
    m2 = ActorMemory()
    _remembered(m2, Actor("la radio", name="Radio Une", country="BEL", start=50), False,
                sent=30)  # fmt: skip
    assert m2.resolve_pronoun("il", 70, 30, gender="m").name == "Radio Une"


def test_a_source_named_before_a_pronoun_in_its_sentence_is_not_its_actor(code):
    text = (
        "Vladimir Poutine a reçu lundi le ministre. Selon les informations de RTL, il a "
        "ensuite vivement critiqué l'Ukraine."
    )
    r = code(text, "2019-10-15")
    (e,) = events_of(r, "ACCUSE")
    assert [a.country for a in e.actor] == ["RUS"]


def test_a_demonstrative_is_the_last_one_named_of_its_number_and_gender():
    from chronique.extract.actors import ActorMemory, get_pronouns
    from chronique.model import Actor

    demo = get_pronouns("fr").demonstrative
    m = ActorMemory()
    _remembered(m, Actor("Paul Roux", name="Paul Roux", start=0), True, sent=0, subject=True)
    _remembered(m, Actor("Luc Vidal", name="Luc Vidal", start=25), True, sent=0)
    _remembered(m, Actor("Japon", country="JPN", kind="country", start=40), False, sent=0)
    assert m.resolve_latest(demo["ce dernier"], 60).name == "Luc Vidal"
    assert m.resolve_latest(demo["ces derniers"], 60).country == "JPN"


def test_definite_description_is_the_office_holder_named_before():
    from chronique.extract.actors import ActorMemory, Office, Person
    from chronique.model import Actor

    m = ActorMemory()
    holder = Person("Anne Roy", "FRA", "GOV", None, [Office("head_of_state", "FRA", None, None)])
    _remembered(m, Actor("Anne Roy", name="Anne Roy", country="FRA", start=0), True, person=holder)
    _remembered(m, Actor("Jean Bel", name="Jean Bel", country="FRA", start=30), True, subject=True)
    found = m.described(80, "chef de l'etat", "head_of_state", None, None, None)
    assert found is not None and found.name == "Anne Roy"
    # a role the text gave someone else ('le maire X') is not free for another description
    m2 = ActorMemory()
    _remembered(m2, Actor("Jean Bel", name="Jean Bel", start=0), True, roles={"maire"})
    _remembered(m2, Actor("Anne Roy", name="Anne Roy", start=30), True)
    assert m2.described(80, "maire", None, None, None, None).name == "Jean Bel"
    assert m2.described(80, "ministre", None, None, None, None).name == "Anne Roy"


def test_an_epithet_the_press_gives_someone_refers_back_to_them():
    # 'X a commenté l'entretien de Y, où le magnat a …': the subject named last is no magnate
    from chronique.extract.actors import ActorMemory, Person
    from chronique.model import Actor

    m = ActorMemory()
    known = Person("Rex Tower", "USA", "GOV", None, [], "m", frozenset({"magnat"}))
    _remembered(m, Actor("Rex Tower", name="Rex Tower", country="USA", start=0), True,
                person=known)  # fmt: skip
    _remembered(m, Actor("Jean Bel", name="Jean Bel", country="FRA", start=30), True, subject=True)
    found = m.described(80, "magnat", None, "m", None, None)
    assert found is not None and found.name == "Rex Tower"
    # a person noun nobody is known by still goes to the subject named last
    assert m.described(80, "chanteur", None, "m", None, None).name == "Jean Bel"


def test_people_lexicon_epithets_load_folded():
    lex = get_lexicon("fr")
    assert all(e == e.lower() for p in lex.people for e in p.epithets)
    assert any(p.epithets for p in lex.people)


@pytest.mark.slow
def test_unknown_person_placed_by_title_is_remembered(code):
    r = code(
        "Le président ougandais Samuel Okwiri a reçu des diplomates lundi. "
        "« Nous voulons la paix », a affirmé M. Okwiri.",
        "2021-03-02",
    )
    (q,) = [q for q in r.quotes if "voulons la paix" in q.text]
    assert q.speaker.country == "UGA"


def test_a_description_naming_another_country_is_not_the_official_described_before(code):
    # the Russian representative is remembered with his role; the Syrian one is another man
    r = code(
        "Le représentant russe a vivement critiqué Washington au Conseil de sécurité. Le "
        "représentant du régime syrien a pour sa part rejeté toutes ces accusations.",
        "2016-12-14",
    )
    (e,) = events_of(r, "REJECT")
    assert [a.country for a in e.actor] == ["SYR"]


SPEAKERS = [
    pytest.param(
        # 'le ministre turc' names one person: 'a-t-il déclaré' is him, not the one he
        # criticised
        "Le ministre turc a vivement critiqué Emmanuel Macron mardi soir. « Nous ne "
        "reculerons sur aucun de ces dossiers », a-t-il déclaré devant la presse.",
        "2020-10-27", "aucun de ces dossiers", "country", "TUR",
        id="an unnamed official, not the person acted on",
    ),
    pytest.param(
        # the president-elect is the one named before who holds the office once in it
        "Donald Trump a reçu lundi le patron d'une grande banque à New York. « C'est un "
        "homme remarquable et un grand ami », a déclaré le président élu devant la presse.",
        "2017-01-09", "homme remarquable", "name", "Donald Trump",
        id="the president-elect",
    ),
    pytest.param(
        # 'ce vieux sexagénaire barbu', the noun tagged an adjective: the activist named
        # before, though the text gave him a role ('le militant')
        "Le militant Paul Martin est venu de Lyon samedi pour le meeting. « Ce candidat parle "
        "enfin pour les gens comme nous », se félicite ce vieux sexagénaire barbu.",
        "2020-09-07", "gens comme nous", "name", "Paul Martin",
        id="a person noun after a demonstrative",
    ),
    pytest.param(
        # 'l'acteur' is the subject of the sentence before (given a role there), not the
        # president named last in it
        "Installé en Belgique depuis 2013, le militant Jean Valmont a longuement comparé "
        "Vladimir Poutine à Emmanuel Macron. « Personne ne peut me dicter mes amitiés », "
        "s'insurge l'acteur.",
        "2018-09-24", "dicter mes amitiés", "name", "Jean Valmont",
        id="a person noun, not an office holder named in passing",
    ),
]  # fmt: skip


@pytest.mark.parametrize("text, day, words, field, expected", SPEAKERS)
def test_a_later_reference_to_a_speaker_is_the_one_it_stands_for(
    code, text, day, words, field, expected
):
    (q,) = [q for q in code(text, day).quotes if words in q.text]
    assert getattr(q.speaker, field) == expected


@pytest.mark.slow
def test_role_noun_speaker_is_the_person_named_before(code):
    r = code(
        "Jeanne Martinot a quitté le gouvernement mardi après deux ans de fonctions. "
        "« Je pars sans aucun regret », a déclaré la ministre.",
        "2021-03-02",
    )
    (q,) = [q for q in r.quotes if "sans aucun regret" in q.text]
    assert q.speaker.name == "Jeanne Martinot"


@pytest.mark.slow
def test_a_body_named_by_its_kind_is_the_one_named_before(code):
    r = code(
        "Amnesty International a publié un long rapport sur le Sahel mardi. "
        "L'ONG a déclaré que des centaines de civils avaient été arrêtés sans motif.",
        "2021-03-02",
    )
    (q,) = [q for q in r.quotes if "centaines de civils" in q.text]
    assert q.speaker.name == "Amnesty International"


def _read(texts, lang="fr"):
    from chronique.extract.actors import ActorMemory, DocActors
    from chronique.nlp import get_nlp

    memory, out = ActorMemory(), []
    for t in texts:
        out.extend(DocActors(get_nlp(lang)(t), lang, 0, None, memory).entities())
    return [(a.text, a.country) for a in out]


@pytest.mark.slow
def test_former_and_short_country_names_come_from_iso_codes():
    found = _read(["La Yougoslavie et le Zaïre ont disparu, les US restent."])
    assert ("Yougoslavie", "YUG") in found and ("Zaïre", "ZAR") in found
    assert ("US", "USA") in found


def test_iso_names_skip_inverted_forms_and_current_names_of_former_states():
    from chronique.extract.countrynames import iso_names

    names = {n: c for c, _, ns in iso_names("fr") for n in ns}
    assert names["Tchécoslovaquie"] == "CSK"
    assert not any("," in n for n in names)
    assert names.get("Yémen", "YEM") == "YEM"  # the former South Yemen is not 'Yémen'


@pytest.mark.slow
def test_the_north_is_north_korea_only_in_a_korean_story():
    korean = _read(["Séoul a proposé des pourparlers.", "Le Nord a rejeté l'offre."])
    assert ("Nord", "PRK") in korean
    assert not [c for t, c in _read(["Le Nord a voté contre la réforme."]) if t == "Nord"]


@pytest.mark.slow
def test_brussels_is_the_eu_where_the_eu_is_in_focus():
    eu = _read(["L'Union européenne a réagi.", "Bruxelles a menacé Varsovie de sanctions."])
    assert ("Bruxelles", "EUR") in eu
    assert ("Bruxelles", "BEL") in _read(["Bruxelles a menacé Varsovie de sanctions."])


@pytest.mark.slow
def test_party_adjective_places_a_senator_in_an_american_story():
    found = _read(
        [
            "Les Etats-Unis et Washington ont réagi mardi.",
            "Le sénateur républicain John Doweling a critiqué le projet.",
        ]
    )
    assert ("John Doweling", "USA") in found


def test_home_country_counts_state_bodies_but_not_international_ones():
    from types import SimpleNamespace

    from chronique.extract.actors import Mention, home_country

    def doc(*mentions):
        return SimpleNamespace(mentions=[Mention(0, 1, k, {"country": c}) for k, c in mentions])

    # three mentions of Kenya against two of Uganda: no clear home by places alone
    places = [("country", "KEN"), ("capital", "KEN"), ("adjective", "KEN"),
              ("country", "UGA"), ("adjective", "UGA")]  # fmt: skip
    assert home_country([doc(*places)]) is None
    # Kenyan state bodies named twice more make Kenya the story's country
    assert home_country([doc(*places, ("org", "KEN"), ("org", "KEN"))]) == "KEN"
    # the UN is no country
    assert home_country([doc(*places, ("org", "UNO"), ("org", "UNO"))]) is None


def test_home_country_falls_back_on_the_towns_a_story_is_told_in():
    from types import SimpleNamespace

    from chronique.extract.actors import Mention, home_country

    def doc(*mentions):
        return SimpleNamespace(mentions=[Mention(0, 1, k, {"country": c}) for k, c in mentions])

    # one mention of the US: no home by actors; three towns of the US make it the scene
    story = [doc(("adjective", "USA"))]
    assert home_country(story) is None
    assert home_country(story, located=["USA", "USA", "USA"]) == "USA"
    # towns split between two countries say nothing
    assert home_country(story, located=["USA", "CAN", "CAN", "USA"]) is None
    # actors that point at a country keep it, whatever towns are named
    french = [doc(("country", "FRA"), ("adjective", "FRA"), ("capital", "FRA"))]
    assert home_country(french, located=["BEL"] * 6) == "FRA"


def test_people_of_another_country_hold_a_home_off_but_never_make_one():
    from types import SimpleNamespace

    from chronique.extract.actors import Mention, Person, home_country

    def doc(*mentions):
        return SimpleNamespace(
            mentions=[
                Mention(0, 1, "person", {"person": Person(c, c, "GOV", None)})
                if k == "person"
                else Mention(0, 1, k, {"country": c})
                for k, c in mentions
            ]
        )

    # a French politician's plan for Syria: Syria is named four times, France never, but
    # the one speaking is French four times over; the story is not set in Syria
    talked_of = [("country", "SYR")] * 4
    assert home_country([doc(*talked_of)]) == "SYR"
    assert home_country([doc(*talked_of, *[("person", "FRA")] * 4)]) is None
    # people of the home country itself keep it home
    assert home_country([doc(*talked_of, ("person", "SYR"), ("person", "FRA"))]) == "SYR"
    # people alone never make a home: a country must be named as a place
    assert home_country([doc(*[("person", "FRA")] * 5)]) is None


@pytest.mark.slow
def test_a_seat_description_refers_back_to_the_deputy_named_before(code):
    r = code(
        "Le député Paul Garnier a présenté une chanson.\n\n"
        "Le député des Français de l'étranger a expliqué que le morceau était un hommage."
    )
    (q,) = [q for q in r.quotes if "hommage" in q.text]
    assert q.speaker.name == "Paul Garnier" and q.speaker.country == "FRA"


def test_a_role_and_its_other_name_are_one_description():
    # 'la ministre de la Justice X …, a noté la garde des Sceaux': the same person
    from chronique.extract.actors import ActorMemory, role_key
    from chronique.model import Actor

    keeper = get_lexicon("fr").roles["garde des sceaux"]
    assert role_key(keeper) == "ministre de la justice"
    m = ActorMemory()
    _remembered(m, Actor("Anne Roy", name="Anne Roy", start=0), True,
                roles={"ministre de la justice"})  # fmt: skip
    _remembered(m, Actor("Jean Bel", name="Jean Bel", start=30), True, subject=True)
    assert m.described(80, role_key(keeper), None, "f", None, None).name == "Anne Roy"


@pytest.mark.slow
def test_election_candidates_are_of_the_country_the_story_is_about(code):
    r = code(
        "Le Malawi vote mardi pour élire son président. Au Malawi, la campagne a été tendue "
        "et le Malawi craint des violences.\n\nLe secrétaire général de l'ONU Jean Dupont a "
        "appelé les candidats et leurs partis à faire preuve de retenue.",
        "2019-12-02",
    )
    (e,) = [e for e in r.events if e.event == "REQUEST"]
    assert [a.country for a in e.actor] == ["UNO"]
    assert [a.country for a in e.recipient] == ["MWI"]


def test_a_surname_that_is_a_word_needs_its_capital(code):
    # 'Le maire Paul Roux' is a mayor, not the minister the lexicon calls 'Le Maire'
    r = code("Le maire Paul Roux a vivement critiqué le gouvernement italien.")
    assert all(a.name != "Bruno Le Maire" for a in r.entities)
    r = code("Le ministre Bruno Le Maire a vivement critiqué le gouvernement italien.")
    assert any(a.name == "Bruno Le Maire" for a in r.entities)


# -- French members of parliament (legislators.json) ----------------------------------------


def test_a_deputy_named_in_full_is_a_french_legislator(code):
    # Fannette Charvier: a deputy of the 15th legislature that people.json does not list
    r = code(
        "« Ce budget oublie les communes rurales », a déclaré Fannette Charvier mardi.",
        "2019-10-15",
    )
    (q,) = [q for q in r.quotes if "communes rurales" in q.text]
    assert (q.speaker.name, q.speaker.country, q.speaker.sector) == (
        "Fannette Charvier",
        "FRA",
        "LEG",
    )


def test_a_deputys_surname_alone_is_not_the_deputy(code):
    # the full name is known ...
    r = code("Fannette Charvier a voté contre le budget mardi.", "2019-10-15")
    assert any(a.name == "Fannette Charvier" and a.country == "FRA" for a in r.entities)
    # ... but a bare surname, never named in full before, is nobody the lexicon knows
    r = code(
        "« Ce budget oublie les communes rurales », a déclaré Mme Charvier mardi.", "2019-10-15"
    )
    assert all(a.name != "Fannette Charvier" for a in r.entities)
    assert all(q.speaker is None or q.speaker.name != "Fannette Charvier" for q in r.quotes)


def test_hand_compiled_people_win_over_legislators_on_a_shared_alias(monkeypatch):
    from chronique import lexicons
    from chronique.extract.actors import ActorLexicon, fold

    real = lexicons.load

    def load(name, lang=None):
        if name != "legislators":
            return real(name, lang)
        clash = {"name": "Emmanuel Macron", "country": "FRA", "sector": "LEG", "gender": "m",
                 "aliases": ["Emmanuel Macron", "Macron"]}  # fmt: skip
        other = {"name": "Zélie Vautrinot", "country": "FRA", "sector": "LEG", "gender": "f",
                 "aliases": ["Zélie Vautrinot"]}  # fmt: skip
        return {"version": 1, "people": [clash, other]}

    monkeypatch.setattr(lexicons, "load", load)
    lex = ActorLexicon("fr")
    _, macron = lex.entries[f"person|{fold('Emmanuel Macron')}"]
    assert macron["person"].wikidata == "Q3052772" and macron["person"].offices
    assert lex.entries[f"person|{fold('Macron')}"][1]["person"] is macron["person"]
    _, zelie = lex.entries[f"person|{fold('Zélie Vautrinot')}"]
    assert (zelie["person"].country, zelie["person"].sector) == ("FRA", "LEG")


def test_legislators_lexicon_names_people_by_full_name_only():
    from chronique import lexicons
    from chronique.extract.actors import fold

    data = lexicons.load("legislators")
    assert "ODbL" in data["source"]
    people = lexicons.load("people")["people"]
    hand = {fold(a) for p in people for a in [p["name"], *p.get("aliases", [])]}
    for p in data["people"]:
        assert p["country"] == "FRA" and p["sector"] in ("LEG", None) and p["gender"] in "fm"
        assert not p.get("offices")
        for alias in p["aliases"]:
            assert len(alias.split()) >= 2, alias  # never a bare surname or first name
            assert fold(alias) not in hand, alias  # people.json's entry is the one


# -- circles around someone, outlets, parties --------------------------------------------


def test_a_circle_around_someone_acts_for_them_and_is_not_them(code):
    r = code("Le bureau du Premier ministre israélien a démenti cette information.", "2019-10-15")
    (e,) = events_of(r, "REJECT")
    (a,) = e.actor
    assert (a.country, a.sector, a.kind, a.name) == ("ISR", "GOV", "group", None)
    r = code("L'entourage de Vladimir Poutine a démenti cette information.", "2019-10-15")
    (e,) = events_of(r, "REJECT")
    (a,) = e.actor
    assert (a.country, a.kind) == ("RUS", "group") and a.name != "Vladimir Putin"


def test_a_demonstrative_circle_noun_is_an_anaphor_not_a_circle(code):
    # 'un proche du président' is someone of his circle; 'ce proche du président' refers back
    # to a person named before, and is never read as the circle
    r = code("Un proche du président américain a démenti cette information.", "2019-10-15")
    (e,) = events_of(r, "REJECT")
    assert [(a.country, a.kind) for a in e.actor] == [("USA", "group")]
    r = code("Ce proche du président américain a démenti cette information.", "2019-10-15")
    assert all(a.kind != "group" for e in r.events for a in e.actor)


@pytest.mark.parametrize(
    ("text", "heads", "deps", "pos", "lemmas", "country", "sector"),
    [
        (  # a quantity: the people it counts act
            "Des milliers de manifestants tunisiens ont défilé", [1, 6, 3, 1, 3, 6, 6],
            "det nsubj case nmod amod aux:tense ROOT", "DET NOUN ADP NOUN ADJ AUX VERB",
            "un millier de manifestant tunisien avoir défiler", "TUN", "CVL",
        ),
        (  # a part: the body it is part of acts
            "Des membres de l' armée malienne ont tiré", [1, 7, 4, 4, 1, 4, 7, 7],
            "det nsubj case det nmod amod aux:tense ROOT", "DET NOUN ADP DET NOUN ADJ AUX VERB",
            "un membre de le armée malien avoir tirer", "MLI", "MIL",
        ),
        (  # a following: the leader's country, as civilians, not his government
            "Les partisans du président chilien ont défilé", [1, 6, 3, 1, 3, 6, 6],
            "det nsubj case nmod amod aux:tense ROOT", "DET NOUN ADP NOUN ADJ AUX VERB",
            "le partisan de président chilien avoir défiler", "CHL", "CVL",
        ),
    ],
)
def test_a_quantity_part_or_following_acts_as_what_its_complement_names(
    text, heads, deps, pos, lemmas, country, sector
):
    """'des milliers de X', 'des membres de X', 'les partisans de X' (groups.json
    partitive_heads, follower_nouns): the head names no one; its complement says who."""
    doc = parse("fr", text, heads, deps.split(), pos.split(), lemmas=lemmas.split())
    a = actors_of(doc).actor(doc[1])
    assert a is not None and (a.country, a.sector) == (country, sector)


def test_a_nationality_noun_counted_or_singular_names_citizens_not_the_state():
    """'un Français a été arrêté', 'deux Canadiens inculpés': people of the country (so
    an arrest acts on people); 'les Russes ont bombardé' may be Russia's forces."""
    doc = parse("fr", "Un Français a été arrêté", [1, 4, 4, 4, 4],
                "det nsubj:pass aux:tense aux:pass ROOT".split(), "DET NOUN AUX AUX VERB".split(),
                lemmas="un français avoir être arrêter".split(),
                morphs=["Number=Sing", "Number=Plur", "", "", ""])  # fmt: skip
    a = actors_of(doc).actor(doc[1])
    assert a is not None and (a.country, a.sector, a.kind) == ("FRA", "CVL", "group")
    doc = parse("fr", "Les Russes ont bombardé", [1, 3, 3, 3],
                "det nsubj aux:tense ROOT".split(), "DET NOUN AUX VERB".split(),
                lemmas="le russe avoir bombarder".split(),
                morphs=["Number=Plur", "Number=Plur", "", ""])  # fmt: skip
    a = actors_of(doc).actor(doc[1])
    assert a is not None and (a.country, a.sector) == ("RUS", "GOV")


def test_the_followers_of_an_office_of_no_country_said_are_civilians():
    """'les partisans du sénateur' with no country for the senator: still his followers,
    civilians (home_actor gives them the story's country), not a legislature."""
    doc = parse("fr", "Les partisans du sénateur ont défilé", [1, 5, 3, 1, 5, 5],
                "det nsubj case nmod aux:tense ROOT".split(), "DET NOUN ADP NOUN AUX VERB".split(),
                lemmas="le partisan de sénateur avoir défiler".split())  # fmt: skip
    a = actors_of(doc).actor(doc[1], loose=True)
    assert a is not None and (a.country, a.sector, a.kind) == (None, "CVL", "group")


def test_a_cardinal_read_as_the_head_noun_counts_the_people_hung_on_it():
    """'Deux cents infirmières' parsed with 'cents' as the head noun and 'infirmières' as its
    adjective: the nurses act, as 'des centaines d'infirmières' would."""
    doc = parse("fr", "Deux cents infirmières ont manifesté", [1, 4, 1, 4, 4],
                "nummod nsubj amod aux:tense ROOT".split(), "NUM NOUN ADJ AUX VERB".split(),
                lemmas="deux cent infirmier avoir manifester".split())  # fmt: skip
    a = actors_of(doc).actor(doc[1], loose=True)
    assert a is not None and (a.text, a.sector) == ("infirmières", "LAB")
    # a number hung on a place names no one
    doc = parse("fr", "Deux cents kilomètres ont été parcourus", [1, 5, 1, 5, 5, 5],
                "nummod nsubj:pass amod aux:tense aux:pass ROOT".split(),
                "NUM NOUN ADJ AUX AUX VERB".split(),
                lemmas="deux cent kilomètre avoir être parcourir".split())  # fmt: skip
    assert actors_of(doc).actor(doc[1], loose=True) is None
    # a group is no number: 'le groupe jihadiste' is the group, named by what it is
    doc = parse("fr", "Le groupe jihadiste a revendiqué", [1, 4, 1, 4, 4],
                "det nsubj amod aux:tense ROOT".split(), "DET NOUN ADJ AUX VERB".split(),
                lemmas="le groupe jihadiste avoir revendiquer".split())  # fmt: skip
    assert actors_of(doc).partitive_of(doc[1]) is None


def test_a_relative_of_someone_is_a_civilian_of_their_country():
    """groups.json kin_nouns: 'la veuve de l'opposant russe' is Russian, a civilian,
    and not the opposition figure himself."""
    doc = parse("fr", "La veuve de l' opposant russe a accusé", [1, 7, 4, 4, 1, 4, 7, 7],
                "det nsubj case det nmod amod aux:tense ROOT".split(),
                "DET NOUN ADP DET NOUN ADJ AUX VERB".split(),
                lemmas="le veuve de le opposant russe avoir accuser".split())  # fmt: skip
    a = actors_of(doc).actor(doc[1])
    assert a is not None and (a.country, a.sector, a.kind) == ("RUS", "CVL", "group")


def test_a_following_of_a_movement_keeps_its_sector():
    """'les sympathisants de l'opposition' are of the opposition; a leader's partisans are
    no government."""
    lemmas = "le sympathisant de le opposition biélorusse avoir défiler".split()
    doc = parse("fr", "Les sympathisants de l' opposition biélorusse ont défilé", [1, 6, 4, 4, 1,
                4, 6, 6], "det nsubj case det nmod amod aux:tense ROOT".split(),
                "DET NOUN ADP DET NOUN ADJ AUX VERB".split(), lemmas=lemmas)  # fmt: skip
    a = actors_of(doc).actor(doc[1])
    assert a is not None and (a.country, a.sector, a.kind) == ("BLR", "OPP", "group")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Le maire de Béziers, Paul Garnier, a condamné l'attaque de la mairie.", "FRA"),
        ("La sénatrice de Californie, Anne Roux, a critiqué la Russie.", "USA"),
        ("Le procureur de Düsseldorf, Hans Weber, a accusé la police.", "DEU"),
    ],
)
def test_a_local_office_serves_the_country_of_its_place(code, text, country):
    """roles.json jurisdiction_nouns: a town or a state is no actor mention, but the
    gazetteer knows whose it is."""
    r = code(text, "2019-10-15")
    assert any(a.kind == "person" and a.country == country for e in r.events for a in e.actor), [
        (e.event, e.actor) for e in r.events
    ]


def test_french_outlets_are_french_media(code):
    r = code("Selon Europe 1, le gouvernement va reculer. « Rien n'est décidé », a dit RTL.")
    found = {(a.text, a.country, a.sector) for a in r.entities}
    assert ("Europe 1", "FRA", "MED") in found and ("RTL", "FRA", "MED") in found


def test_a_description_resolved_to_a_person_of_no_country_takes_its_party(code):
    text = (
        "Paul Dumarchais a critiqué la réforme lundi. « C'est une erreur », a déclaré le député "
        "LR."
    )
    r = code(text, "2019-10-15")
    (q,) = [q for q in r.quotes if "erreur" in q.text]
    assert (q.speaker.name, q.speaker.country) == ("Paul Dumarchais", "FRA")


def test_a_name_opening_on_an_article_is_judged_by_the_word_after_it(code):
    r = code("Selon le Parisien, le ministre a refusé. Le monde entier regarde Paris.")
    found = {(a.text, a.country) for a in r.entities}
    assert ("le Parisien", "FRA") in found  # the paper, article in lower case
    assert not any(a.text.lower() == "le monde" for a in r.entities)  # the world, not the paper


def test_a_plural_pronoun_after_a_coordinated_subject_stands_for_those_people(code):
    text = (
        "Donald Trump et son épouse sont arrivés lundi à Paris. Ils se sont rendus à l'Élysée "
        "mardi."
    )
    r = code(text, "2019-10-15")
    (e,) = events_of(r, "CONSULT")
    assert [a.country for a in e.actor] == ["USA"] and [a.country for a in e.recipient] == ["FRA"]


def test_french_and_american_state_bodies_are_known(code):
    r = code(
        "La Cour des comptes a épinglé la SNCF. La Cour des comptes européenne a critiqué la "
        "Commission. La SEC a infligé une amende à la banque, a indiqué la Fed."
    )
    found = {(a.text, a.country) for a in r.entities}
    assert ("Cour des comptes", "FRA") in found and ("SNCF", "FRA") in found
    assert ("Cour des comptes européenne", "EUR") in found
    assert ("SEC", "USA") in found and ("Fed", "USA") in found


def test_a_seat_inside_a_role_says_whose_it_is(code):
    r = code("Le porte-parole du Kremlin a déclaré mardi que les sanctions étaient illégales.")
    (q,) = [q for q in r.quotes if "sanctions" in q.text]
    assert q.speaker.country == "RUS"


def test_a_minister_named_without_country_serves_the_country_of_the_story(code):
    """roles.json state_office_nouns: 'le ministre de la Justice X' in a story about Turkey is
    Turkish; 'le président du club X' is no one's head of state."""
    text = (
        "La Turquie a arrêté des milliers de militaires après le putsch manqué. Ankara réclame "
        "l'extradition du prédicateur. Le ministre de la Justice Ahmet Kaya a accusé dimanche "
        "les États-Unis de protéger les putschistes. Le président du club Kemal Aydin a "
        "critiqué jeudi le Portugal."
    )
    r = code(text, "2016-07-17")
    (accuse,) = [e for e in r.events if e.trigger["text"] == "a accusé"]
    assert [a.country for a in accuse.actor] == ["TUR"]
    club = [e for e in r.events if e.trigger["text"] == "a critiqué"]
    assert all(a.country != "TUR" for e in club for a in e.actor)


def test_a_description_of_another_nationality_is_not_the_person_named_before(code):
    text = (
        "Dmitri Peskov a dénoncé lundi les sanctions. Mardi, le maire de Londres a déclaré que "
        "la ville restait sûre."
    )
    r = code(text, "2019-10-15")
    (q,) = [q for q in r.quotes if "ville restait" in q.text]
    assert q.speaker.country == "GBR" and q.speaker.name != "Dmitry Peskov"


SUBJECT_PARSES = [
    # the parser hangs the name on the party: still the subject's own name
    ("Le député des Verts Jean Morel a interpellé Paul Roux", [1, 7, 3, 1, 3, 4, 7, 7, 7, 8],
     "det nsubj case nmod appos flat:name aux:tense ROOT obj flat:name",
     "DET NOUN ADP PROPN PROPN PROPN AUX VERB PROPN PROPN", [(4, 6), (8, 10)], True),
    # ... or on a word of the subject's own role
    ("Le ministre de l' Intérieur Jean Morel a interpellé Paul Roux",
     [1, 8, 4, 4, 1, 4, 5, 8, 8, 8, 9],
     "det nsubj case det nmod appos flat:name aux:tense ROOT obj flat:name",
     "DET NOUN ADP DET PROPN PROPN PROPN AUX VERB PROPN PROPN", [(5, 7), (9, 11)], True),
    # the name of another person of the subject's complement: not the subject
    ("Le conseiller du président Jean Morel a interpellé Paul Roux",
     [1, 7, 3, 1, 3, 4, 7, 7, 7, 8],
     "det nsubj case nmod appos flat:name aux:tense ROOT obj flat:name",
     "DET NOUN ADP NOUN PROPN PROPN AUX VERB PROPN PROPN", [(4, 6), (8, 10)], False),
    # a genitive of the subject: not the subject
    ("La voiture de Jean Morel a heurté Paul Roux", [1, 6, 3, 1, 3, 6, 6, 6, 7],
     "det nsubj case nmod flat:name aux:tense ROOT obj flat:name",
     "DET NOUN ADP PROPN PROPN AUX VERB PROPN PROPN", [(3, 5), (7, 9)], False),
    # unless the subject is what they said: 'la réponse de X' is X's act
    ("La réponse de Jean Morel a surpris Paul Roux", [1, 6, 3, 1, 3, 6, 6, 6, 7],
     "det nsubj case nmod flat:name aux:tense ROOT obj flat:name",
     "DET NOUN ADP PROPN PROPN AUX VERB PROPN PROPN", [(3, 5), (7, 9)], True),
]  # fmt: skip


def test_a_former_president_named_by_surname_alone(code):
    """people.json: 'Hollande' alone is François Hollande (the corpus names the Dutch province
    'la Hollande' almost never)."""
    r = code("Le président Hollande a reçu mardi le roi du Maroc.", "2016-12-12")
    assert [(e.event, [a.country for a in e.actor]) for e in r.events] == [("CONSULT", ["FRA"])]


def test_a_titled_surname_is_the_known_person_of_that_name(code):
    """'M. Netanyahu', 'MM. Netanyahu et Dupont' with no one named before: the people
    lexicon's person, as 'Netanyahu' alone is."""
    r = code("Mike Pompeo est arrivé en Israël. Il a discuté mercredi avec M. Netanyahu.",
             "2020-05-13")  # fmt: skip
    (talk,) = [e for e in r.events if e.trigger["text"] == "a discuté"]
    assert [a.country for a in talk.recipient] == ["ISR"]
    r = code("Mike Pompeo est arrivé en Israël. Il a discuté avec MM. Netanyahu et Dupont.",
             "2020-05-13")  # fmt: skip
    (talk,) = [e for e in r.events if e.trigger["text"] == "a discuté"]
    assert "ISR" in [a.country for a in talk.recipient]


def test_where_someone_was_is_not_who_they_are():
    """'Jean Morel était à Rabat': the parser makes the place the copula's head and the
    person its subject; the place names Morocco, not the man."""
    doc = parse(
        "fr", "Jean Morel était à Rabat .", [4, 0, 4, 4, 4, 4],
        "nsubj flat:name cop case ROOT punct".split(), "PROPN PROPN AUX ADP NOUN PUNCT".split(),
    )
    doc.ents = [Span(doc, 0, 2, "PER")]
    found = {a.text: (a.name, a.country) for a in actors_of(doc).entities()}
    assert found["Rabat"] == ("Morocco", "MAR")


@pytest.mark.parametrize(("text", "heads", "deps", "pos", "people", "subject"), SUBJECT_PARSES)
def test_which_named_person_is_the_subject(text, heads, deps, pos, people, subject):
    """A later 'il' prefers subjects: a name in the subject's complement is none."""
    doc = parse("fr", text, heads, deps.split(), pos.split())
    doc.ents = [Span(doc, s, e, "PER") for s, e in people]
    da = actors_of(doc)
    da.entities()
    noted = {a.name: da.memory.note(a).subject for _, a in da.memory.persons}
    assert noted == {"Jean Morel": subject, "Paul Roux": False}


def test_a_subhead_in_capitals_the_ner_reads_as_a_person_is_no_person():
    """'LA MUSIQUE CONTRE LE FANATISME': a later 'elle' must not find a person there; an
    acronym of a person's initials ('BHL') still is one."""
    doc = parse("fr", "LA MUSIQUE CONTRE LE FANATISME BHL a parlé", [1, 1, 4, 4, 1, 7, 7, 7],
                "det ROOT case det nmod nsubj aux:tense ROOT".split(),
                "DET NOUN ADP DET NOUN PROPN AUX VERB".split())  # fmt: skip
    doc.ents = [Span(doc, 4, 5, "PER"), Span(doc, 5, 6, "PER")]
    da = actors_of(doc)
    assert [(m.kind, doc[m.start : m.end].text) for m in da.mentions] == [("per", "BHL")]


def test_the_pope_acts_for_the_holy_see_whatever_his_origin(code):
    """'le pape François' is the Pope (VAT), and 'le pape argentin' is he, not Argentina; his
    statement is made at his seat."""
    r = code("Le pape François a critiqué la France mardi.", published="2018-06-27")
    pope = events_of(r, "ACCUSE", "VAT", "FRA")
    assert pope and pope[0].location.name == "Vatican"
    r = code(
        "Emmanuel Macron a rencontré le pape François mardi. L'entretien accordé par le pape "
        "argentin a duré une heure. « La France doit accueillir », a déclaré le pape.",
        published="2018-06-27",
    )
    speaker = quote_containing(r, "doit accueillir").speaker
    assert (speaker.name, speaker.country) == ("Pope Francis", "VAT")


@pytest.mark.parametrize("label", ["flat:name", "nmod", "amod"])
def test_a_nationality_adjective_the_parser_hangs_as_a_name_still_qualifies_its_noun(label):
    """'Le ministre kényan était en colère': the parser may hang 'kényan' on 'ministre' as
    a name or a bare complement; the entity is still the Kenyan minister, a person a later
    'il' can stand for, not the country."""
    doc = parse(
        "fr", "Le ministre kényan était en colère .", [1, 5, 1, 5, 5, 5, 5],
        ["det", "nsubj", label, "cop", "case", "ROOT", "punct"],
        "DET NOUN ADJ AUX ADP NOUN PUNCT".split(),
    )
    (found,) = actors_of(doc).entities()
    assert (found.text, found.country, found.sector) == ("ministre kényan", "KEN", "GOV")


def test_a_company_described_by_its_trade_and_nationality_is_a_business(code):
    """roles.json v16: 'le géant américain', 'le groupe pétrolier français', 'la compagnie
    aérienne allemande' are firms of that country, not its government."""
    r = code(
        "Le géant américain de l'informatique a accusé la Chine d'espionnage. Le groupe "
        "pétrolier français a critiqué la Russie. La compagnie aérienne allemande a dénoncé "
        "les sanctions de l'Iran."
    )
    sectors = {(a.country, a.sector) for e in r.events for a in e.actor}
    assert {("USA", "BUS"), ("FRA", "BUS"), ("DEU", "BUS")} <= sectors, sectors
    assert not {("USA", "GOV"), ("FRA", "GOV"), ("DEU", "GOV")} & sectors
