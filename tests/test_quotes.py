"""Who said what, on real sentences: every construction the coder must read."""

from __future__ import annotations

import json

import pytest
from conftest import GOLD_DEV, need, quote_containing

from chronique.evaluate import score_article
from chronique.extract.quotes import cues_for, quote_spans


def test_seed_quotes_meet_the_gold(seed_result):
    gold = json.loads(need(GOLD_DEV / "seed.json").read_text(encoding="utf-8"))
    score = score_article(gold, seed_result).quotes
    assert score.precision >= 0.9, score
    assert score.recall >= 0.9, score


def test_offsets_point_at_the_quote_text(seed_result, seed_article):
    for q in seed_result.quotes:
        assert seed_article.text[q.start : q.end] == q.text


def test_indirect_que_clause_with_metonym_speaker(seed_result):
    q = quote_containing(seed_result, "rien à dire")
    assert q.kind == "indirect" and q.cue == "déclarer"
    assert q.speaker.country == "RUS" and "Kremlin" in q.speaker.text


def test_pronoun_speaker_resolves_to_the_person(seed_result):
    # '"Nous disposons d'informations …", a-t-elle déclaré dans un communiqué.'
    q = quote_containing(seed_result, "Nous disposons d'informations")
    assert q.kind == "direct"
    assert q.speaker.name == "Adrienne Watson" and q.speaker.country == "USA"


def test_speaker_before_colon_and_unbalanced_marks(seed_result):
    # 'le porte-parole du Kremlin, Dmitri Peskov, a répondu : "Non, je ne peux pas : "Non, …".'
    q = quote_containing(seed_result, "Non, je ne peux pas")
    assert q.kind == "direct" and "Peskov" in (q.speaker.name or "")
    assert q.speaker.country == "RUS"


def test_inverted_reporting_clause_and_affiliation_country(seed_result):
    q = quote_containing(seed_result, "reconnaître un pays à ses fréquentations")
    assert q.speaker.name == "Keir Giles" and q.speaker.country == "GBR"


def test_quote_spanning_a_paragraph_keeps_its_speaker(seed_result):
    q = quote_containing(seed_result, "autres États voyous")
    assert q.kind == "direct" and q.speaker.name == "Keir Giles"


def test_selon_x_gives_an_indirect_quote(seed_result):
    q = quote_containing(seed_result, "conclure des accords")
    assert q.cue == "selon" and q.speaker.name == "Andrei Lankov"
    assert q.speaker.country == "KOR"


def test_relative_clause_speaker_with_nationality(seed_result):
    q = quote_containing(seed_result, "train blindé")
    assert q.speaker.country == "USA" and "responsables" in q.speaker.text


def test_unnamed_group_speaker_keeps_its_description(seed_result):
    q = quote_containing(seed_result, "de plus en plus importante")
    assert "analystes" in q.speaker.text and q.speaker.country is None


def test_scare_quotes_inside_indirect_speech_are_not_separate_quotes(seed_result):
    assert not [q for q in seed_result.quotes if q.text.strip().lower() == "rien à dire"]


def test_guillemets_with_inverted_pronoun(code):
    # orangesum-20180 (2019-12-15)
    text = (
        "Dans les colonnes de La Montagne, l'ex-chef de l'Etat François Hollande a fait une "
        "confession qui a pu surprendre parents et élèves présents. « Vous avez le bon diplôme, "
        "celui que je n'ai jamais eu », a-t-il déclaré."
    )
    r = code(text, "2019-12-15")
    q = quote_containing(r, "Vous avez le bon diplôme")
    assert q.kind == "direct" and q.speaker.name == "François Hollande"
    assert q.speaker.country == "FRA"


def test_quoted_fragment_with_title_after_the_verb(code):
    # orangesum-16140 (2018-03-26)
    text = (
        'Ces mesures montrent que le Royaume-Uni et ses alliés ne "toléreront pas les tentatives '
        'continues de la Russie de bafouer le droit international", a déclaré la Première '
        "ministre britannique Theresa May, qui accuse Moscou d'avoir empoisonné l'ex-agent double "
        "russe Sergueï Skripal."
    )
    r = code(text, "2018-03-26")
    q = quote_containing(r, "toléreront pas")
    assert q.speaker.name == "Theresa May" and q.speaker.country == "GBR"


def test_x_affirme_que(code):
    r = code(
        "Le ministre russe des Affaires étrangères Sergueï Lavrov affirme que Moscou ne "
        "livrera pas d'armes à l'Iran.",
        "2019-05-02",
    )
    q = quote_containing(r, "ne livrera pas")
    assert q.kind == "indirect" and q.cue == "affirmer"
    assert q.speaker.name == "Sergei Lavrov" and q.speaker.country == "RUS"


def test_reaction_verb_after_the_quote(code):
    # orangesum-35481 (2020-08-23): 'réagir' reports speech; the quote opens its paragraph
    text = (
        "\"C'est choquant, il n'y a pas d'autre mot! Ce n'est pas seulement un crime contre "
        'une jeune fille", a réagi le Premier ministre israélien, Benjamin Netanyahu.'
    )
    q = quote_containing(code(text, "2020-08-23"), "C'est choquant")
    assert q.cue == "réagir" and q.speaker.name == "Benjamin Netanyahu"


def test_reflexive_and_two_word_reporting_verbs(code):
    exclaim = code(
        "« Nous ne céderons jamais face à Moscou », s'est exclamé le président ukrainien "
        "Volodymyr Zelensky.",
        "2023-03-02",
    )
    q = quote_containing(exclaim, "Nous ne céderons jamais")
    assert q.cue == "exclamer" and q.speaker.country == "UKR"
    known = code(
        "Le Kremlin a fait savoir que la rencontre avec les émissaires américains aurait lieu "
        "à Riyad.",
        "2025-02-17",
    )
    q = quote_containing(known, "la rencontre avec les émissaires")
    assert q.kind == "indirect" and q.cue == "savoir" and q.speaker.country == "RUS"
    # without its clitic 'inquiéter' is not speech: the worry is Washington's, not a quote
    worried = code("Le conflit inquiète la Maison Blanche, qui craint une escalade.", "2023-03-02")
    assert not [q for q in worried.quotes if q.cue == "inquiéter"]


@pytest.mark.parametrize(
    "text,expected",
    [
        ('Il a dit "oui, bien sûr" hier.', ["oui, bien sûr"]),
        ("« Nous ne céderons pas », a-t-il dit.", [" Nous ne céderons pas "]),
        (
            'Il a répondu : "Non, je ne peux pas : "Non. Rien".',
            ['Non, je ne peux pas : "Non. Rien".'],
        ),
        ('"Dans le cas de la Russie, rien.', ["Dans le cas de la Russie, rien."]),
    ],
)
def test_quote_marks_tolerate_wire_copy(text, expected):
    spans = quote_spans(text, cues_for("fr"))
    assert [text[s:e] for s, e, _ in spans] == expected


def test_elle_skips_a_man_who_spoke_last(code):
    # orangesum-32380 (2020-08-17): Cardi B is 'la rappeuse', so 'dit-elle' is hers, not
    # Biden's (the last speaker) nor Trump's (the last man named)
    text = (
        "Joe Biden a accordé un entretien à la rappeuse Cardi B, l'appelant à encourager ses "
        "fans à voter pour chasser Donald Trump du pouvoir.\n\n"
        '"Nous devons rester unis face à cette pandémie", a déclaré Joe Biden. La rappeuse se '
        "dit aussi inquiète de la façon dont Donald Trump a attisé les sentiments racistes. "
        '"Cela pourrait déclencher une guerre civile", dit-elle.'
    )
    q = quote_containing(code(text, "2020-08-17"), "guerre civile")
    assert q.speaker.name == "Cardi B"


def test_lexicon_gender_resolves_pronouns(code):
    text = (
        "Angela Merkel a reçu Emmanuel Macron à Berlin. Le président français a salué "
        "l'accord sur le budget européen. « Nous avons trouvé un compromis solide », "
        "a-t-elle affirmé."
    )
    q = quote_containing(code(text, "2020-07-21"), "compromis solide")
    assert q.speaker.name == "Angela Merkel" and q.speaker.country == "DEU"
    he = code(text.replace("a-t-elle", "a-t-il"), "2020-07-21")
    assert quote_containing(he, "compromis solide").speaker.name == "Emmanuel Macron"


def test_selon_reports_the_words_of_the_person_who_spoke(code):
    # orangesum-35254 (2020-08-26): KCNA reports what Kim said
    text = (
        "Le dirigeant nord-coréen Kim Jong Un a présidé une réunion du bureau politique. "
        'Kim a pointé "certaines lacunes" dans les efforts de prévention et demandé des '
        'mesures plus fortes pour remédier à ces "carences", selon KCNA.'
    )
    q = quote_containing(code(text, "2020-08-26"), "des mesures plus fortes")
    assert q.cue == "selon" and q.speaker.name == "Kim Jong Un"
    # no words of the person: the source stays the speaker
    r = code(
        "Le président Donald Trump a été hospitalisé vendredi soir, selon la Maison Blanche.",
        "2020-10-03",
    )
    q = quote_containing(r, "hospitalisé")
    assert q.speaker.name != "Donald Trump" and q.speaker.country == "USA"


# -- constructions of reported speech (issue 10, item 5), on invented sentences --------------


@pytest.mark.slow
def test_d_apres_x_gives_x_as_source(code):
    r = code("D'après le ministre russe de la Défense, l'armée a repoussé une attaque nocturne.")
    q = quote_containing(r, "l'armée a repoussé une attaque")
    assert q.speaker.country == "RUS"


@pytest.mark.slow
def test_gerund_reporting_verb_speaks_for_its_clause_subject(code):
    r = code(
        "Le député Paul Garnier a voté contre la réforme, estimant qu'elle menace les retraites."
    )
    assert quote_containing(r, "menace les retraites").speaker.name == "Paul Garnier"


@pytest.mark.slow
def test_pour_x_comma_gives_x_view(code):
    r = code("Pour l'économiste Claire Vautrin, la croissance restera faible cette année.")
    assert quote_containing(r, "la croissance restera faible").speaker.name == "Claire Vautrin"


@pytest.mark.slow
def test_postposed_reporting_clause_after_an_unquoted_clause(code):
    r = code("Le sommet se tiendra à Genève au mois de juin, a annoncé le diplomate Tomas Berger.")
    assert quote_containing(r, "Le sommet se tiendra à Genève").speaker.name == "Tomas Berger"


@pytest.mark.slow
def test_colon_after_a_verb_that_does_not_report(code):
    r = code("Marie Dufresnoy a réagi sur les réseaux sociaux : « C'est une honte pour le pays ».")
    assert quote_containing(r, "une honte pour le pays").speaker.name == "Marie Dufresnoy"


@pytest.mark.slow
def test_pronoun_speaker_is_the_subject_not_the_object(code):
    r = code(
        "Paul Garnier a vivement critiqué Emmanuel Macron mardi soir. "
        "« Cette politique est un échec complet », a-t-il déclaré."
    )
    assert quote_containing(r, "un échec complet").speaker.name == "Paul Garnier"


@pytest.mark.slow
def test_noun_object_of_an_announcing_verb_is_what_was_said(code):
    r = code(
        "Le ministre de l'Intérieur Hugo Lambertin a annoncé la fermeture des frontières du pays."
    )
    assert quote_containing(r, "la fermeture des frontières").speaker.name == "Hugo Lambertin"


@pytest.mark.slow
def test_infinitive_with_its_auxiliary_is_reported_speech(code):
    r = code("La médecin Irina Salova a affirmé avoir récupéré le t-shirt de l'opposant.")
    assert quote_containing(r, "avoir récupéré le t-shirt").speaker.name == "Irina Salova"


@pytest.mark.slow
def test_a_document_speaks_for_its_author(code):
    r = code("Selon un rapport de l'OCDE, la dette publique va encore augmenter cette année.")
    assert quote_containing(r, "la dette publique va encore augmenter").speaker.country == "IGO"


@pytest.mark.slow
def test_english_according_to_and_subject_before_verb(code):
    r = code(
        "According to the Russian defence ministry, the army repelled an attack overnight. "
        'Paul Garner criticised Joe Biden on Tuesday. "This policy is a failure," he said.',
        lang="en",
    )
    assert quote_containing(r, "the army repelled an attack").speaker.country == "RUS"
    assert quote_containing(r, "This policy is a failure").speaker.name == "Paul Garner"


@pytest.mark.slow
def test_periphrasis_for_a_head_of_state_and_two_word_verb(code):
    r = code(
        '"Nous verrons bien le moment venu", a répondu le locataire de la Maison Blanche. '
        "Le président américain a laissé entendre que le sommet pourrait être reporté.",
        "2019-01-05",
    )
    assert quote_containing(r, "Nous verrons bien").speaker.name == "Donald Trump"
    assert quote_containing(r, "le sommet pourrait être reporté").speaker.name == "Donald Trump"


@pytest.mark.slow
def test_gerund_whose_subject_the_parser_hung_on_the_auxiliary(code):
    r = code(
        "Paul Garnier a une nouvelle fois défendu vendredi son projet de loi, avertissant "
        "qu'il était prêt à attendre plusieurs mois."
    )
    assert quote_containing(r, "prêt à attendre plusieurs mois").speaker.name == "Paul Garnier"


def test_inverted_pronoun_after_a_spaced_euphonic_t(code):
    # wire copy drops the hyphen: 'estime t-il' is 'estime-t-il'
    text = (
        "La ministre suédoise des Affaires étrangères Ann Linde a parlé mardi à Stockholm. "
        "Le président finlandais Sauli Niinistö a répondu le lendemain. "
        "« La Russie doit retirer ses troupes de la frontière », estime t-il encore."
    )
    q = quote_containing(code(text), "retirer ses troupes")
    assert q.kind == "direct"
    assert q.speaker.country == "FIN"


def test_quoted_words_in_the_clause_of_a_verb_that_says_something(code):
    text = (
        "Le président sénégalais Macky Sall a répondu jeudi, en appelant les militaires à "
        "« rendre le pouvoir aux civils sans délai ». "
        "Le chancelier allemand Olaf Scholz a qualifié l'attaque d'« inacceptable et barbare ». "
        "Le ministre a visité la « ville aux cent clochers » mardi."
    )
    r = code(text)
    q = quote_containing(r, "rendre le pouvoir aux civils")
    assert q.kind == "direct" and q.speaker.country == "SEN"
    assert quote_containing(r, "inacceptable et barbare").speaker.country == "DEU"
    # a visit says nothing: its quoted words are a name, not a quote
    assert not [q for q in r.quotes if "clochers" in q.text]


def test_sentence_initial_selon_and_postposed_clause_after_a_misread_subject(code):
    text = (
        "Selon la Banque mondiale, plus de la moitié des habitants du Niger vit sous le seuil "
        "de pauvreté. "
        "Ce seront donc quelque deux millions d'euros qui seront versés aux agriculteurs, a "
        "précisé le ministre de l'Agriculture Julien Denormandie. "
        "Les chercheurs de l'université d'Oxford calculent que deux millions de décès ont été "
        "évités en Europe."
    )
    r = code(text, "2020-08-12")
    assert quote_containing(r, "plus de la moitié des habitants").speaker.name == "World Bank"
    q = quote_containing(r, "deux millions d'euros qui seront versés")
    assert q.kind == "indirect" and q.speaker.name == "Julien Denormandie"
    assert quote_containing(r, "deux millions de décès").kind == "indirect"


def test_this_study_is_the_study_named_before(code):
    text = (
        "Une étude de l'OCDE publiée jeudi dresse un bilan sévère des finances publiques. "
        "« Le taux moyen d'imposition atteint 25 % dans la zone », selon cette étude."
    )
    q = quote_containing(code(text, "2020-08-12"), "Le taux moyen d'imposition")
    assert q.speaker.name == "OECD"


@pytest.mark.slow
def test_statements_inside_a_reported_clause(code):
    r = code(
        "La ministre Hélène Brunet a assuré que la Belgique ne fermerait pas ses frontières, "
        "tout en prévenant que la situation restait très fragile."
    )
    found = [q for q in r.quotes if "la situation restait" in q.text]
    assert found and {q.speaker.name for q in found} == {"Hélène Brunet"}
    # the warning is a statement of its own, not folded into the clause it ends
    assert any(q.text.startswith("que la situation restait") for q in found)
    # but what a speaker says they think is one statement of theirs, even with a name
    # between them: 'X a affirmé qu'il pensait que …'
    r = code(
        "Un ancien conseiller du président sud-coréen Park Ji-hoon a affirmé qu'il pensait "
        "que le dirigeant était malade."
    )
    (thought,) = [q for q in r.quotes if "le dirigeant était malade" in q.text]
    assert thought.speaker.text.startswith("Un ancien conseiller")
    assert thought.speaker.country == "KOR"


@pytest.mark.slow
def test_authors_and_scientists_are_speakers(code):
    r = code(
        "Une étude de l'université de Lausanne paraît mardi. Les auteurs soulignent que la "
        "pollution a baissé de moitié. Les scientifiques estiment que la tendance va durer."
    )
    assert quote_containing(r, "la pollution a baissé").speaker is not None
    assert quote_containing(r, "la tendance va durer").speaker is not None


@pytest.mark.slow
def test_a_document_speaks_inverted_or_through_its_author(code):
    r = code(
        "Les écoles fermées ont réduit la contagion de moitié, estime une étude publiée mardi."
        "\n\nUne autre étude menée par l'Organisation mondiale de la santé estime que les "
        "masques ont évité un million de cas."
    )
    assert quote_containing(r, "réduit la contagion").speaker.kind == "document"
    assert quote_containing(r, "les masques ont évité").speaker.country == "UNO"


@pytest.mark.slow
def test_a_reporting_verb_tagged_as_a_noun_still_reports(code):
    r = code("Les chercheurs calculent par ailleurs que deux millions de cas ont été évités.")
    assert quote_containing(r, "deux millions de cas").speaker.text == "Les chercheurs"


def test_an_unnamed_domestic_body_speaks_for_the_home_country():
    from chronique.extract.quotes import home_speakers
    from chronique.model import Actor, Quote

    def quote(sp):
        return Quote(speaker=sp, text="…", kind="indirect", cue="estimer", start=0, end=1)

    body = quote(Actor(text="la présidence", sector="GOV", kind="group"))
    study = quote(Actor(text="les auteurs", sector="EDU", kind="group"))
    person = quote(Actor(text="Jean Dupont", sector="GOV", kind="person"))
    abroad = quote(Actor(text="le ministère", country="DEU", sector="GOV", kind="group"))
    home_speakers([body, study, person, abroad], "FRA", frozenset({"GOV"}))
    assert body.speaker.country == "FRA"
    assert study.speaker.country is None and person.speaker.country is None
    assert abroad.speaker.country == "DEU"
    home_speakers([quote(Actor(text="le ministère", sector="GOV", kind="group"))], None,
                  frozenset({"GOV"}))  # fmt: skip


@pytest.mark.slow
def test_a_name_after_que_is_not_the_speaker(code):
    r = code(
        "Le président brésilien Lula a salué les soldats.\n\nM. Lula a néanmoins insisté sur "
        'le fait que selon lui le Brésil avait "sauvé des milliers de vies".'
    )
    assert {q.speaker.country for q in r.quotes if "sauvé des milliers" in q.text} == {"BRA"}
    assert all(q.speaker.kind == "person" for q in r.quotes if "sauvé des milliers" in q.text)

@pytest.mark.parametrize("lang", ["fr", "en"])
def test_reporting_prefilter_keeps_every_reporting_verb(lang):
    """`_maybe_reporting` reads arrays to skip words before `_is_reporting` looks at them:
    it must keep every token that test accepts (a gerund, a form left unlemmatised, a
    reflexive verb), twice in a row (the second time from its memory)."""
    from chronique.extract.quotes import QuoteExtractor
    from chronique.nlp import get_nlp

    texts = {
        "fr": "Le maire estime que la ville paiera, affirmant qu'il s'est exclamé hier. "
        "Selon la ministre, le préfet a déclaré avoir tout fait et glisse qu'il reviendra.",
        "en": "The mayor said the city would pay, adding that he had warned them. "
        "According to the minister, the governor claims he will return.",
    }
    doc = get_nlp(lang)(texts[lang])
    q = QuoteExtractor(lang)
    accepted = [t.i for t in doc if q._is_reporting(t)]
    assert len(accepted) >= 2
    for _ in range(2):
        kept = q._maybe_reporting(doc)
        assert set(accepted) <= set(kept)
        assert kept == sorted(kept)


@pytest.mark.slow
def test_more_reporting_verbs(code):
    r = code(
        '"Le pays doit changer de cap", décrit le sénateur Paul Garnier. La ministre Anne Roux '
        "espère que le texte sera voté avant l'été."
    )
    assert quote_containing(r, "changer de cap").speaker.name == "Paul Garnier"
    assert quote_containing(r, "sera voté").speaker.name == "Anne Roux"


@pytest.mark.slow
def test_a_demonstrative_speaker_is_the_last_one_named(code):
    # 'ce dernier' is the last person named (the guest), not the subject before him
    r = code(
        "Le président Emmanuel Macron a reçu jeudi son homologue russe Vladimir Poutine. "
        '"Nous ne céderons rien sur la sécurité", a affirmé ce dernier.',
        "2019-08-20",
    )
    assert quote_containing(r, "ne céderons rien").speaker.name == "Vladimir Putin"


@pytest.mark.slow
def test_an_adverb_between_the_quote_and_its_inverted_reporting_verb(code):
    r = code(
        "Le sénateur Paul Garnier multiplie les interviews. "
        '"La réforme a été poussée trop loin", a-t-il encore assuré sur une radio mercredi. '
        '"Le texte doit être retiré", a ensuite ajouté le sénateur.'
    )
    assert quote_containing(r, "poussée trop loin").speaker.name == "Paul Garnier"
    assert quote_containing(r, "doit être retiré").speaker is not None


@pytest.mark.slow
def test_a_pronoun_subject_with_an_apposed_name_gives_the_name(code):
    # '"…", a justifié l'un d'eux, Marc Tissot': one of the voters, named
    r = code(
        "Des électeurs attendaient devant le bureau de vote. "
        '"Les gens veulent vraiment voter", a justifié l\'un d\'eux, Marc Tissot, un chauffeur.'
    )
    assert quote_containing(r, "veulent vraiment voter").speaker.name == "Marc Tissot"


@pytest.mark.slow
def test_convenir_que_reports_what_the_speaker_concedes(code):
    # 'convient' is lemmatised 'convier' by the tagger: the lexicon's ending rewrite reads it
    r = code("Le chercheur Louis Perrin convient que le projet est trop coûteux.")
    q = quote_containing(r, "le projet est trop coûteux")
    assert q.cue == "convenir" and q.speaker.name == "Louis Perrin"


@pytest.mark.slow
def test_a_first_name_gives_an_unknown_persons_gender_to_pronouns(code):
    # 'il' is not the woman named as the subject before: her first name says she is one
    r = code(
        "Élise Roux a rencontré jeudi le maire Paul Dumas. "
        '"Nous avons longuement parlé du budget", a-t-il déclaré.'
    )
    assert quote_containing(r, "longuement parlé").speaker.name == "Paul Dumas"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("said", "speaker"),
    [
        ('"Vous pouvez compter sur nous", lui a dit Volodymyr Zelensky.', "Volodymyr Zelensky"),
        ('"Vous pouvez compter sur nous", lui a-t-il assuré.', "Joe Biden"),
    ],
)
def test_to_whom_the_words_were_said_is_not_who_said_them(code, said, speaker):
    # 'lui' before the reporting verb is its indirect object, the guest
    r = code(f"Joe Biden a reçu Emmanuel Macron à la Maison Blanche. {said}")
    assert quote_containing(r, "compter sur nous").speaker.name == speaker


SPEAKER_CASES = [
    # the paper relays what happened to the minister: 'a-t-il écrit' is the minister's
    (
        "Le ministre italien Karim Benali a été brièvement hospitalisé à Rome après une "
        'chute, a rapporté Le Monde. "Je vais bien", a-t-il écrit.',
        "Je vais bien", "country", "ITA",
    ),
    # 'bureau' is a circle noun ('le bureau du Premier ministre'); a bureau whose complement
    # names no one is still the body its nationality adjective says
    (
        '"Le débris provient bien du navire disparu", a indiqué le Bureau canadien de la '
        "sécurité des transports.",
        "provient bien du navire", "country", "CAN",
    ),
    # 'a t-il lancé' is a common misspelling of 'a-t-il lancé'
    (
        "Le ministre Paul Roux a rencontré les grévistes. "
        '"Je n\'ai aucune leçon à recevoir de vous", a t-il lancé.',
        "aucune leçon", "name", "Paul Roux",
    ),
    # 'tweeté', a participle the tagger does not know, read as a name or left untagged with
    # its auxiliary hung elsewhere
    (
        "Le ministre Paul Roux a parlé. "
        '"Nos routes sont notre première richesse", a-t-il tweeté.',
        "notre première richesse", "name", "Paul Roux",
    ),
    (
        '"Je reviendrai plus tôt que vous ne le croyez", avait tweeté Ada Colau.',
        "plus tôt que vous", "name", "Ada Colau",
    ),
    (
        # 'a' of 'a tweeté' left untagged too: an auxiliary still, skipped like one
        '"Il faut un référendum sur les retraites", a tweeté vendredi Ada Colau.',
        "un référendum sur les retraites", "name", "Ada Colau",
    ),
    # 'faire valoir' is a two-word reporting verb: after its clause, and with 'il' (which
    # the parser reads as impersonal before 'valoir')
    (
        "Le débat a duré. Les Français vivent dans une « forme d'insouciance » face au danger, "
        "a fait valoir Paul Roux.",
        "forme d'insouciance", "name", "Paul Roux",
    ),
    (
        "Le ministre Paul Roux a été interrogé. Il a fait valoir que la réforme était "
        "nécessaire.",
        "la réforme était nécessaire", "name", "Paul Roux",
    ),
    # a medium named between the verb and its inverted subject is not the speaker
    (
        "« Le feu a tout détruit », a raconté au journal Le Monde une habitante du quartier.",
        "le feu a tout détruit", "text", "une habitante du quartier",
    ),
    # ... and so is one set off by a comma after it, while an aside ends at its noun
    (
        "La mairie se retrouve, elle, en première ligne pour endiguer le phénomène : « Nous "
        "allons lancer une campagne sur les réseaux sociaux pour prévenir les jeunes », "
        "explique à BFMTV, Paul Roux, directeur général adjoint de la société.",
        "lancer une campagne", "name", "Paul Roux",
    ),
    (
        "« Rien n'est enterré », affirme de son côté le MoDem.",
        "rien n'est enterré", "name", "MoDem",
    ),
    # a Radio France station is a medium, not France
    (
        "« La musique adoucit les mœurs », a déclaré France Musique.",
        "adoucit les mœurs", "name", "Radio France",
    ),
    # someone the text does not name speaks under their description
    (
        "La police est intervenue vers midi. « Il y avait du sang partout », a indiqué un "
        "témoin.",
        "du sang partout", "text", "un témoin",
    ),
    # a reporting verb of the lexicon's latest additions
    (
        '"Nous aimons votre pays et votre cuisine", s\'est écrié le président américain.',
        "votre cuisine", "country", "USA",
    ),
]  # fmt: skip


# who a later pronoun or description stands for: the person introduced with a person noun,
# not a name in a complement of the subject or of another person's title
REFERENCE_CASES = [
    # 'le statut de Paul Martin' is no act of Paul Martin's: 'il' is still the director
    (
        "Le directeur de l'hôpital, Marc Duval, a été entendu mardi par les députés. "
        "Il a rappelé que le statut de Paul Martin avait été modifié. "
        "« Nous ne pouvions pas faire davantage », explique-t-il.",
        "faire davantage", "name", "Marc Duval",
    ),
    # a name the parser hangs on its party ('le député des Verts X') is still the subject
    (
        "Le député des Verts Jean Morel a interpellé le ministre Paul Roux dans l'hémicycle. "
        "« Pouvez-vous enfin nous répondre sur ce dossier ? », a-t-il demandé.",
        "enfin nous répondre", "name", "Jean Morel",
    ),
    # the person noun she was introduced with ('la directrice de l'agence, X') names her later
    (
        "La directrice de l'agence, Claire Dupuis, a été entendue mardi. "
        "La directrice générale a par ailleurs expliqué avoir rencontré Paul Martin.",
        "avoir rencontré", "name", "Claire Dupuis",
    ),
    # 'l'avocate': the elided article says nothing, the feminine form does
    (
        "Le détenu Marc Duval a reçu mardi Claire Lenoir au parloir. L'avocate a affirmé que "
        "le procès était inéquitable.",
        "le procès était inéquitable", "name", "Claire Lenoir",
    ),
    # where someone serves is not whom they act for
    (
        "« Nous pouvons trouver une solution », a déclaré l'ambassadeur d'Iran en France, "
        "Ali Rezaï.",
        "trouver une solution", "country", "IRN",
    ),
    (
        "« Avec la France, un pays allié, on peut trouver une solution », a déclaré Karim "
        "Saleh, représentant en France du Kurdistan syrien.",
        "un pays allié", "country", "SYR",
    ),
    # a medium that relays quoted words does not take the floor from the man they are about
    (
        "Le suspect Paul Roux a été arrêté lundi. Sa lettre promettait « un bain de sang dans "
        "tout le pays », rapporte Le Monde. « Nous frapperons encore et encore », "
        "écrivait-il.",
        "nous frapperons encore", "name", "Paul Roux",
    ),
    # 'le conseiller du président X' is not X
    (
        "Le conseiller spécial du président Paul Durand a déclaré que la réforme serait "
        "retirée.",
        "la réforme serait retirée", "name", None,
    ),
    # a name after a body the role hangs on ('au Sénat X') names the role's bearer
    (
        "Affaire Dubois : le Premier ministre répond. Le Premier ministre a répondu à la "
        "tribune du Sénat après une question de la présidente du groupe communiste au Sénat "
        "Claire Martin, qui demandait de « mettre un terme aux violences policières dans les "
        "manifestations ».",
        "mettre un terme", "name", "Claire Martin",
    ),
    # 'Mme Le Pen' is the Marine Le Pen named before: a surname of two words
    (
        "Marine Le Pen veut se rendre à Londres. « Je lui pardonne beaucoup », a ironisé Mme "
        "Le Pen sur une chaîne publique.",
        "je lui pardonne", "name", "Marine Le Pen",
    ),
    # 'il' is not the woman a title inside her name ('Mme Martin') says she is
    (
        "M. Dupont assure que Mme Martin a été invitée. « Le royaume est un État de droit », "
        "souligne-t-il.",
        "un état de droit", "name", "M. Dupont",
    ),
    # a reporting verb coordinated with the one before shares its subject
    (
        "Le ministre a critiqué ce projet et assure que le pays ne l'acceptera jamais.",
        "le pays ne l'acceptera", "text", "Le ministre",
    ),
    # an unnamed speaker described by a trade or a situation is kept with their description
    (
        "« J'ai vu la guerre de près », affirme un vétéran de l'armée.",
        "la guerre de près", "kind", "group",
    ),
    # 'Me' gives no gender: the first name after it does ('elle' is not Me Axel Martin)
    (
        "La juge Claire Petit a rejeté la demande. Me Axel Martin a dénoncé la décision. "
        "« Le dossier était vide », a-t-elle ajouté.",
        "le dossier était vide", "name", "Claire Petit",
    ),
    # the subject of what a speaker writes does not take the floor from her
    (
        "Mme Durand explique sa démarche en écrivant que Mme Martin « a tenu des propos "
        "choquants sur les réfugiés ». « Sa venue ne servirait pas l'intérêt général », "
        "poursuit-elle.",
        "sa venue ne servirait", "name", "Mme Durand",
    ),
    # a party's adjective says the described deputy's country: not the French one named last
    # (the British party, as no one of it was named)
    (
        "Mme Durand a écrit au ministère de l'Intérieur. La députée Marine Le Pen lui a "
        "répondu jeudi. « Je vous exhorte à lui refuser l'entrée dans le pays », conclut la "
        "députée travailliste.",
        "je vous exhorte", "country", "GBR",
    ),
    # the tenant of Matignon is the Prime Minister, not the head of state
    (
        "Emmanuel Macron était à Berlin. Le locataire de Matignon a déclaré jeudi : « nous "
        "ferons toute la lumière sur cette affaire ».",
        "toute la lumière", "name", "Élisabeth Borne",
    ),
    # 'l'acteur français' is the man named before, not France
    (
        "Dans un entretien, Pierre Lenoir estime que la campagne est une farce. L'acteur "
        "français explique aussi que le vote est une leçon. "
        "« La confiance est brisée, le peuple veut reprendre la main », dit-il.",
        "la confiance est brisée", "name", "Pierre Lenoir",
    ),
    # a person noun with a nationality and no one named before: one person of that country
    (
        "Hier, un chanteur russe a affirmé que la guerre était une erreur.",
        "la guerre était une erreur", "kind", "group",
    ),
]  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize(("text", "words", "field", "expected"), SPEAKER_CASES + REFERENCE_CASES)
def test_who_speaks(code, text, words, field, expected):
    """The speaker after the quote, and who a later pronoun or description names."""
    assert getattr(quote_containing(code(text), words).speaker, field) == expected
