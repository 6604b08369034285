"""Reported-speech constructions the quote reader must follow, each on an invented sentence."""

from __future__ import annotations

from conftest import quote_containing


def test_a_participle_the_tagger_does_not_know_still_reports(code):
    # 'tweeté' is tagged X: its tense auxiliary makes it a verb, its ending gives 'tweeter'
    r = code(
        '"Les écoles doivent rester ouvertes", a tweeté le candidat écologiste à la mairie de '
        "Lyon, Paul Garnier."
    )
    q = quote_containing(r, "Les écoles doivent rester ouvertes")
    assert q.cue == "tweeter" and q.speaker.name == "Paul Garnier"


def test_a_gerund_after_an_inverted_pronoun_speaks_for_that_pronoun(code):
    r = code(
        "Le ministre Paul Garnier a parlé mardi. « Nous ne reculerons pas », a-t-il poursuivi, "
        "en affirmant que le gouvernement attendait des excuses officielles."
    )
    q = quote_containing(r, "le gouvernement attendait des excuses")
    assert q.kind == "indirect" and q.speaker.name == "Paul Garnier"


def test_an_inverted_verb_tagged_as_a_noun_reports_with_its_gerund(code):
    # 'juge-t-il' comes out as the noun 'juge'; the gerund is hung on it as an apposition
    r = code(
        "Le maire Paul Garnier a présenté son budget mardi. « Il faudra faire des efforts », "
        "juge-t-il, rappelant que la dette de la ville a doublé en dix ans."
    )
    assert quote_containing(r, "faire des efforts").speaker.name == "Paul Garnier"
    assert quote_containing(r, "la dette de la ville a doublé").speaker.name == "Paul Garnier"


def test_the_object_after_a_gerund_is_not_its_speaker(code):
    # the parser hangs 'appelant' on the object noun and reads its own object as subject
    r = code(
        "La ministre Anne Roux a condamné lundi les frappes de la coalition, appelant la "
        "communauté internationale à sortir de son « silence complice et coupable »."
    )
    assert quote_containing(r, "silence complice et coupable").speaker.name == "Anne Roux"


def test_a_reporting_clause_closing_a_sentence_that_quoted_words_open(code):
    # the quote is not next to its verb: words of the article stand between them
    r = code(
        "Le ministre Paul Garnier a parlé mardi. « Il faudra des années pour reconstruire la "
        "confiance » entre les deux pays, surtout après la crise de l'hiver, a-t-il estimé "
        "devant la presse locale."
    )
    assert quote_containing(r, "reconstruire la confiance").speaker.name == "Paul Garnier"


def test_a_gerund_climbs_past_a_word_misread_as_a_verb_to_the_clause_subject(code):
    r = code(
        "Le commissaire européen Paul Garnier a dénoncé mardi à la veille du G20 les promesses "
        "insuffisantes des pays riches, appelant les dirigeants à mettre fin à leur « course "
        "folle vers le profit »."
    )
    assert quote_containing(r, "course folle vers le profit").speaker.name == "Paul Garnier"


def test_a_time_expression_between_the_verb_and_its_inverted_subject(code):
    r = code(
        "Les musées resteront fermés jusqu'à la fin de l'été, ont annoncé lundi les autorités "
        "sanitaires.\n\n"
        "Le pays a renforcé sa présence navale en mer Noire, envoyant deux frégates, a annoncé "
        "mardi 4 mai le ministère de la Défense.\n\n"
        "« Nous suivrons les recommandations des médecins », a déclaré lundi, Anne Roux, la "
        "ministre de la Santé, dans un communiqué."
    )
    # the subject of the reported clause is not its speaker
    assert "autorités" in quote_containing(r, "Les musées resteront fermés").speaker.text
    assert "ministère" in quote_containing(r, "renforcé sa présence navale").speaker.text
    assert quote_containing(r, "recommandations des médecins").speaker.name == "Anne Roux"


def test_a_subject_with_a_preposition_is_an_adjunct_and_its_apposed_name_speaks():
    # hand-built parse: the parser's 'Dans cette lettre' as subject, the name apposed to it
    from handparse import actors_of, parse

    from chronique.extract.quotes import QuoteExtractor

    doc = parse(
        "fr",
        "Dans cette lettre , Emmanuel Macron a rappelé avoir voté contre le texte .",
        heads=[2, 2, 7, 2, 2, 4, 7, 7, 9, 7, 12, 12, 9, 7],
        deps=["case", "det", "nsubj", "punct", "appos", "flat:name", "aux:tense", "ROOT",
              "aux:tense", "xcomp", "case", "det", "obl", "punct"],
        pos=["ADP", "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "AUX", "VERB", "AUX", "VERB",
             "ADP", "DET", "NOUN", "PUNCT"],
        lemmas=["dans", "ce", "lettre", ",", "Emmanuel", "Macron", "avoir", "rappeler", "avoir",
                "voter", "contre", "le", "texte", "."],
        morphs=[""] * 8 + ["VerbForm=Inf"] + [""] * 5,
    )  # fmt: skip
    da = actors_of(doc)
    quotes = QuoteExtractor("fr").paragraph(doc, da, 0)
    assert [q.speaker.name for q in quotes if "avoir voté" in q.text] == ["Emmanuel Macron"]


def test_comme_le_rappelle_x_after_quoted_words(code):
    r = code(
        "La hausse des loyers reste forte, certains quartiers étant « touchés de plein fouet "
        "par la spéculation » comme le rappelle Le Monde."
    )
    q = quote_containing(r, "touchés de plein fouet")
    assert q.cue == "rappeler" and q.speaker.text == "Le Monde"


def test_selon_x_with_a_clause_of_its_own_still_gives_the_sentence(code):
    r = code(
        "Ces deux résultats ne sont pas incompatibles, selon la Banque mondiale, qui explique "
        "que la croissance reste fragile."
    )
    assert quote_containing(r, "ne sont pas incompatibles").speaker.name == "World Bank"
    assert quote_containing(r, "la croissance reste fragile").speaker.name == "World Bank"


def test_the_source_of_selon_is_named_without_the_preposition(code):
    r = code("Selon Novalis Partners, le marché a reculé de 12 % en un an.")
    assert quote_containing(r, "le marché a reculé").speaker.text == "Novalis Partners"


def test_critiquer_names_what_was_said_by_its_object(code):
    r = code("Le député Paul Garnier a sévèrement critiqué la fermeture des maternités rurales.")
    q = quote_containing(r, "la fermeture des maternités rurales")
    assert q.cue == "critiquer" and q.speaker.name == "Paul Garnier"


def test_a_denounced_object_with_its_participle_is_what_was_said(code):
    r = code(
        "Le sénateur Paul Garnier a dénoncé une « manoeuvre grossière » imaginée par ses "
        "adversaires pour le discréditer."
    )
    q = quote_containing(r, "imaginée par ses adversaires")
    assert q.cue == "dénoncer" and q.speaker.name == "Paul Garnier"


def test_se_dire_with_an_adjective_and_a_title_in_quotes_before_it(code):
    r = code(
        "Maria Lopez a chanté samedi à Lyon. La chanteuse connue pour son tube « Soleil de "
        "minuit » se dit aussi très inquiète de la manière dont le gouvernement a géré la crise."
    )
    q = quote_containing(r, "inquiète de la manière")
    assert q.cue == "dire" and q.speaker.name == "Maria Lopez"
    # the title before the verb is not what she says
    assert not [q for q in r.quotes if q.text.strip() == "Soleil de minuit"]


def test_a_gerund_hung_deep_in_a_reported_clause_speaks_for_the_reporter(code):
    r = code(
        "Le ministre polonais Paul Garnier a assuré jeudi que la Pologne ne chercherait pas à "
        "relancer le conflit, tout en prévenant qu'aucune attaque ne resterait impunie."
    )
    warned = [q for q in r.quotes if q.cue == "prévenir"]
    assert warned and {q.speaker.name for q in warned} == {"Paul Garnier"}


def test_the_pronoun_of_an_impersonal_verb_speaks_for_no_one(code):
    r = code(
        "Le président Paul Garnier a parlé mardi à Lyon. S'il existait un large consensus parmi "
        "les élus pour dire que la réforme était urgente, les syndicats ont jugé le calendrier "
        "« beaucoup trop serré »."
    )
    assert not [q for q in r.quotes if q.speaker.name == "Paul Garnier"]
    assert quote_containing(r, "beaucoup trop serré").speaker.text == "les syndicats"


def test_acquiescer_reports(code):
    r = code(
        "« C'est vrai, nous devons aller voter en masse », acquiesce la chanteuse Maria Lopez."
    )
    assert quote_containing(r, "aller voter en masse").speaker.name == "Maria Lopez"


def test_an_inverted_verb_tagged_as_a_noun_before_a_name(code):
    r = code(
        "Paul Garnier a parlé mardi. Anne Roux lui a répondu. « Ce projet est une provocation "
        "pure et simple », juge Anne Roux, ce lundi 16 janvier sur France Inter."
    )
    q = quote_containing(r, "une provocation pure et simple")
    assert q.cue == "juger" and q.speaker.name == "Anne Roux"


def test_a_name_right_before_a_verb_without_subject_is_its_speaker():
    # hand-built parse: the name read as the object of the clause before it
    from handparse import actors_of, parse

    from chronique.extract.quotes import QuoteExtractor

    doc = parse(
        "fr",
        "Des médias ont spéculé , la Norvège a indiqué qu' elle doute .",
        heads=[1, 3, 3, 8, 3, 6, 3, 8, 8, 11, 11, 8, 8],
        deps=["det", "nsubj", "aux:tense", "advcl", "punct", "det", "obj", "aux:tense", "ROOT",
              "mark", "nsubj", "ccomp", "punct"],
        pos=["DET", "NOUN", "AUX", "VERB", "PUNCT", "DET", "PROPN", "AUX", "VERB", "SCONJ",
             "PRON", "VERB", "PUNCT"],
        lemmas=["un", "média", "avoir", "spéculer", ",", "le", "Norvège", "avoir", "indiquer",
                "que", "il", "douter", "."],
    )  # fmt: skip
    da = actors_of(doc)
    da.entities()
    quotes = QuoteExtractor("fr").paragraph(doc, da, 0)
    assert [q.speaker.country for q in quotes if "elle doute" in q.text] == ["NOR"]


def test_a_gerund_after_a_coordination_speaks_for_the_nearest_clause():
    # hand-built parse: the gerund hung on the first clause of the coordination
    from handparse import actors_of, parse

    from chronique.extract.quotes import QuoteExtractor

    doc = parse(
        "fr",
        "Les élèves ont repris les cours mais le Japon a refusé , estimant que le danger reste .",
        heads=[1, 3, 3, 3, 5, 3, 10, 8, 10, 10, 3, 12, 3, 16, 15, 16, 12, 3],
        deps=["det", "nsubj", "aux:tense", "ROOT", "det", "obj", "cc", "det", "nsubj",
              "aux:tense", "conj", "punct", "advcl", "mark", "det", "nsubj", "ccomp", "punct"],
        pos=["DET", "NOUN", "AUX", "VERB", "DET", "NOUN", "CCONJ", "DET", "PROPN", "AUX", "VERB",
             "PUNCT", "VERB", "SCONJ", "DET", "NOUN", "VERB", "PUNCT"],
        lemmas=["le", "élève", "avoir", "reprendre", "le", "cours", "mais", "le", "Japon",
                "avoir", "refuser", ",", "estimer", "que", "le", "danger", "rester", "."],
        morphs=[""] * 12 + ["Tense=Pres|VerbForm=Part"] + [""] * 5,
    )  # fmt: skip
    da = actors_of(doc)
    da.entities()
    quotes = QuoteExtractor("fr").paragraph(doc, da, 0)
    assert [q.speaker.country for q in quotes if "le danger reste" in q.text] == ["JPN"]


def test_a_fronted_infinitive_adjunct_reports_for_the_main_subject(code):
    r = code(
        "Après avoir répété plusieurs fois qu'elle ne serait pas candidate, la ministre Anne "
        "Roux a finalement annoncé jeudi qu'elle le serait."
    )
    repeated = [q for q in r.quotes if q.cue == "répéter"]
    assert [q.speaker.name for q in repeated] == ["Anne Roux"]
    assert repeated[0].text.endswith("pas candidate")  # not the main clause after it


def test_an_inverted_reporting_clause_between_commas_before_the_quote(code):
    r = code(
        "Les tests sont rassurants. Mais, souligne le chercheur Paul Garnier, « le nombre de cas "
        "étant très faible, il faut rester prudent »."
    )
    q = quote_containing(r, "il faut rester prudent")
    assert q.cue == "souligner" and q.speaker.name == "Paul Garnier"


def test_pour_qui_gives_the_view_of_the_name_before_it(code):
    r = code(
        "Et même s'il était voté, le président Paul Garnier, pour qui les sénateurs ne sont pas "
        "assez sérieux pour l'adopter, y opposerait son veto."
    )
    q = quote_containing(r, "les sénateurs ne sont pas assez sérieux")
    assert q.speaker.name == "Paul Garnier" and "veto" not in q.text


def test_a_narrative_infinitive_speaks_for_the_noun_before_it(code):
    r = code("Et les économistes de noter que deux enquêtes ont mesuré l'effet des taxes.")
    q = quote_containing(r, "deux enquêtes ont mesuré")
    assert q.cue == "noter" and q.speaker.text == "les économistes"


def test_a_gerund_hung_on_the_quoted_verb_speaks_for_the_quote_reporter():
    # hand-built parse: ', affirmant que …' hung on the verb inside the quoted words
    from handparse import actors_of, parse

    from chronique.extract.quotes import QuoteExtractor, cues_for, quote_spans

    doc = parse(
        "fr",
        "« Nous partirons » , déclare Emmanuel Macron , affirmant que la France reste .",
        heads=[2, 2, 2, 2, 5, 2, 5, 6, 9, 2, 13, 12, 13, 9, 2],
        deps=["punct", "nsubj", "ROOT", "punct", "punct", "parataxis", "nsubj", "flat:name",
              "punct", "advcl", "mark", "det", "nsubj", "ccomp", "punct"],
        pos=["PUNCT", "PRON", "VERB", "PUNCT", "PUNCT", "VERB", "PROPN", "PROPN", "PUNCT",
             "VERB", "SCONJ", "DET", "PROPN", "VERB", "PUNCT"],
        lemmas=["«", "nous", "partir", "»", ",", "déclarer", "Emmanuel", "Macron", ",",
                "affirmer", "que", "le", "France", "rester", "."],
        morphs=[""] * 9 + ["Tense=Pres|VerbForm=Part"] + [""] * 5,
    )  # fmt: skip
    da = actors_of(doc)
    da.entities()
    spans = quote_spans(doc.text, cues_for("fr"))
    da.memory.quoted.extend((s, e) for s, e, _ in spans)
    quotes = QuoteExtractor("fr").paragraph(doc, da, 0, spans)
    assert [q.speaker.name for q in quotes if "la France reste" in q.text] == ["Emmanuel Macron"]


def test_an_infinitive_adjunct_after_the_verb_is_not_the_subject_s_words(code):
    # 'pour avoir appelé « … »' is what the one criticised said, not the critic
    r = code(
        "Anne Roux a parlé dimanche à Nancy. Au passage, elle a égratigné Marie Dufresnoy, "
        "seule femme candidate, pour avoir appelé « à être aidée » dans sa campagne."
    )
    assert not [q for q in r.quotes if "être aidée" in q.text and q.speaker.name == "Anne Roux"]


def test_a_gerund_after_an_inverted_noun_subject_speaks_for_it(code):
    # the verb before the gerund has its subject after it: that subject says the rest
    r = code(
        "« Je resterai dans cette ville jusqu'au bout », assure le maire Paul Garnier, se "
        "disant toutefois triste d'être obligé de fermer l'usine."
    )
    q = quote_containing(r, "triste d'être obligé")
    assert q.kind == "indirect" and q.speaker.name == "Paul Garnier"
    assert q.text.startswith("toutefois triste")  # the adjective opens what is said


def test_a_gerund_the_parser_hung_on_its_own_infinitive_still_reports(code):
    # 'en précisant ne pas avoir V-é' comes out with the gerund as an adjunct of the
    # infinitive, or fused with 'en' into its marker
    r = code(
        "La ministre Claire Vasseur a parlé lundi. « Ce soir je suis prête à partir », "
        "a-t-elle ajouté, en précisant ne pas avoir prévenu ses collègues du gouvernement."
    )
    q = quote_containing(r, "ne pas avoir prévenu ses collègues")
    assert q.speaker.name == "Claire Vasseur"


def test_a_bare_participle_before_the_subject_is_not_the_gerund_s_verb(code):
    # 'Accusé par X de …, Y a défendu …, estimant que …': Y speaks, never the agent X
    r = code(
        "Accusé par le régime de Kim Jong-un d'avoir perdu la raison, le président américain "
        "a défendu sa formule sur « le feu et la colère », estimant qu'elle n'était "
        "« peut-être pas assez dure ».",
    )
    assert all(q.speaker.country != "PRK" for q in r.quotes)


def test_an_opening_mark_ending_a_reported_sentence_is_not_part_of_it(code):
    r = code(
        "Selon une étude de l'OCDE publiée jeudi, la France reste chère. « Le taux moyen "
        "va baisser de deux points cette année », selon cette étude."
    )
    q = quote_containing(r, "la France reste chère")
    assert q.text.endswith("chère.")


def test_contre_argumenter_reports(code):
    r = code("Le maire Paul Garnier a contre-argumenté que la loi ne suffirait pas à protéger "
             "les forêts.")  # fmt: skip
    assert quote_containing(r, "la loi ne suffirait pas").cue == "contre-argumenter"


def test_a_hyphen_split_from_an_inverted_pronoun_is_no_speaker(code):
    # 'écrivent-elles' comes out as 'écrivent', '-', 'elles' with the hyphen a subject
    r = code(
        "Les filles Bush ont écrit une lettre aux soeurs Obama. « Profitez de la fac, c'est "
        "ce que nous avons fait », écrivent-elles."
    )
    assert all(any(ch.isalpha() for ch in q.speaker.text or "") for q in r.quotes)


def test_an_adverbial_phrase_between_auxiliary_and_participle_is_passed_over(code):
    # reporting.json adverbial_phrases: the parser reads 'de son côté' as the subject and
    # 'd'abord' as the root; the inverted subject after the participle still speaks
    r = code(
        "« Cette décision est tout à fait inacceptable pour nous », a de son côté dénoncé le "
        "maire de Lille, Arnaud Delcourt."
    )
    assert quote_containing(r, "tout à fait inacceptable").speaker.name == "Arnaud Delcourt"
    r = code(
        "« Ce projet de loi ne passera pas au Sénat cet automne », a d'abord tweeté le "
        "sénateur Paul Garnier."
    )
    assert quote_containing(r, "ne passera pas au Sénat").speaker.name == "Paul Garnier"


def test_the_pronoun_of_quant_a_elle_is_not_the_speaker(code):
    # 'quant à elle' read as the verb's subject would send the quote to the last woman named
    r = code(
        "Marie Dupont a quitté le pays en mars. « Le parti était alors très peu critique "
        "envers le gouvernement », avait quant à elle commenté la députée Sandrine Lefort."
    )
    assert quote_containing(r, "très peu critique").speaker.name == "Sandrine Lefort"


def test_a_definite_media_noun_refers_back_to_the_outlet_named_before(code):
    # pronouns.json institution_nouns: 'le quotidien' is the last outlet named
    r = code(
        "Le Parisien a publié une longue enquête lundi. « Il s'agit du plus grand réseau "
        "jamais démantelé dans la région », rappelle le quotidien."
    )
    q = quote_containing(r, "plus grand réseau")
    assert (q.speaker.name, q.speaker.country, q.speaker.sector) == ("Le Parisien", "FRA", "MED")


def test_a_foreign_outlet_the_lexicons_miss_is_named_by_its_title(code):
    # roles.json media nouns: 'le quotidien kényan X' is an outlet of Kenya named X, not Kenya
    r = code("« Le scrutin a été truqué par le pouvoir », écrit le quotidien kényan Daily Nation.")
    sp = quote_containing(r, "truqué par le pouvoir").speaker
    assert (sp.name, sp.country, sp.sector) == ("Daily Nation", "KEN", "MED")


def test_a_name_hung_on_the_outlet_it_spoke_to_is_not_of_that_outlet(code):
    # 'à CNN Angela Moreno' parsed with the name an oblique of 'CNN': she is no CNN journalist
    r = code("« Je ne sais pas du tout quoi faire », a raconté à CNN Angela Moreno, 14 ans.")
    sp = quote_containing(r, "quoi faire").speaker
    assert sp.name == "Angela Moreno" and sp.sector != "MED"


def test_selon_after_words_said_to_someone_keeps_the_one_who_said_them(code):
    # 'lui aurait dit X, selon le quotidien': 'lui' is whom X spoke to, never the speaker
    r = code(
        "Le Parisien a rencontré Marc Petit. « Cela vous donnera le temps de réfléchir à la "
        "suite », lui aurait dit Paul Garnier, selon le quotidien."
    )
    said = [q for q in r.quotes if "le temps de réfléchir" in q.text]
    assert said and {q.speaker.name for q in said} == {"Paul Garnier"}


def test_a_foreign_outlet_in_the_lexicon_speaks_as_itself(code):
    # organizations.json: 'Bild' is a German outlet; 'le quotidien allemand Bild' is Bild, of
    # Germany, not Germany
    r = code("Selon Bild, le gouvernement prépare de nouvelles sanctions contre Moscou.")
    sp = quote_containing(r, "nouvelles sanctions").speaker
    assert (sp.name, sp.country, sp.sector) == ("Bild", "DEU", "MED")
    r = code("Selon le quotidien allemand Die Welt, Berlin prépare de nouvelles sanctions.")
    sp = quote_containing(r, "nouvelles sanctions").speaker
    assert (sp.name, sp.country, sp.kind) == ("Die Welt", "DEU", "organization")


def test_a_title_after_the_verb_speaks_through_the_name_apposed_to_it(code):
    # the parser hangs the verb on the name after the comma: the title alone named no one
    r = code(
        "« Les besoins sont immenses dans toute la région », a souligné la directrice générale "
        "de l'ONG Terre Verte, Daniela Ferri."
    )
    assert quote_containing(r, "besoins sont immenses").speaker.name == "Daniela Ferri"


def test_confier_and_reveler_report_their_infinitive(code):
    """reporting.json infinitive_verbs += confier, révéler, ajouter, avouer …: 'a confié,
    lors d'un meeting, vouloir quitter son parti' reports what she wants."""
    r = code(
        "La sénatrice Anne Roux a confié, lors d'un meeting à Lille, vouloir quitter son parti. "
        "Le ministre Paul Garnier a révélé avoir reçu des menaces de mort."
    )
    assert quote_containing(r, "vouloir quitter son parti").speaker.name == "Anne Roux"
    assert quote_containing(r, "avoir reçu des menaces").speaker.name == "Paul Garnier"


def test_plaisanter_reports(code):
    r = code("« Je n'ai jamais su danser », a plaisanté l'ancien ministre Paul Garnier.")
    assert quote_containing(r, "jamais su danser").speaker.name == "Paul Garnier"


def test_comme_le_rapporte_x_gives_the_rest_of_its_sentence(code):
    """reporting.json as_markers: 'Comme le rapporte X, <clause>' and '<clause>, comme l'a
    expliqué X' report the clause; an aside in the middle of a sentence reports nothing."""
    r = code(
        "Comme le rapporte le quotidien Le Parisien, le pont a été fermé à la circulation. "
        "Le gouvernement va supprimer cinq mille postes, comme l'a expliqué le ministre Paul "
        "Garnier. Avec ce plan, comme le rappelle Le Parisien, de nouvelles écoles ouvriront."
    )
    assert quote_containing(r, "le pont a été fermé").speaker.name == "Le Parisien"
    assert quote_containing(r, "supprimer cinq mille postes").speaker.name == "Paul Garnier"
    assert not [q for q in r.quotes if q.text.startswith("Avec ce plan")]


def test_selon_figures_of_a_body_gives_the_body(code):
    """reporting.json evidence_nouns: 'selon les chiffres du ministère' is the ministry's."""
    r = code("Selon les chiffres du ministère italien de la Santé, douze hôpitaux ont fermé.")
    q = quote_containing(r, "douze hôpitaux ont fermé")
    assert q.speaker.country == "ITA" and q.speaker.sector == "GOV"


def test_quoted_words_standing_alone_are_those_of_who_the_sentence_before_reports(code):
    """Quoted words with no reporting clause of their own, right after a sentence that
    reports someone (in the same paragraph, or closing the one before), are that speaker's."""
    r = code(
        "Le ministre Paul Vernet a dénoncé mardi le projet de réforme. « Nous ne reculerons "
        "sur aucun point de ce texte. »\n\nLa sénatrice Anne Roux s'interroge sur la suite du "
        "calendrier.\n\n« Qui peut croire que ce texte sera voté avant l'été ? »"
    )
    assert quote_containing(r, "Nous ne reculerons").speaker.name == "Paul Vernet"
    assert quote_containing(r, "Qui peut croire").speaker.name == "Anne Roux"


def test_a_subheading_in_quotes_takes_no_speaker(code):
    """Quoted words in capitals, or a short line of their own, are a subheading: neither the
    last speaker nor the sentence before speaks them."""
    r = code(
        "« Nous ne reculerons sur aucun point de ce texte », a déclaré le ministre Paul Vernet."
        "\n\n« UNE RÉFORME SANS ISSUE »\n\nLa sénatrice Anne Roux a dénoncé le projet."
        "\n\n« Une réforme sans issue »\n\nLe texte sera examiné en juin."
    )
    assert not [q for q in r.quotes if "sans issue" in q.text.lower()]


def test_words_quoted_under_a_verb_of_wanting_or_proposing_are_the_subjects(code):
    """reporting.json fragment_verbs += vouloir, enjoindre, taxer, proposer: the quoted words
    of what a speaker wants or proposes are the speaker's."""
    r = code(
        "Le candidat Paul Garnier veut « mobiliser toutes les forces vives » du pays. La "
        "sénatrice Anne Roux a proposé de « réformer le code électoral » avant l'été."
    )
    assert quote_containing(r, "mobiliser toutes les forces").speaker.name == "Paul Garnier"
    assert quote_containing(r, "réformer le code électoral").speaker.name == "Anne Roux"


def test_quoted_words_in_capitals_are_no_fragment_of_a_verb(code):
    # a subheading the parser hangs on the verb before it is no words of its subject
    r = code("Le ministre Paul Garnier a salué « UNE RÉFORME HISTORIQUE ET NÉCESSAIRE » lundi.")
    assert not [q for q in r.quotes if "HISTORIQUE" in q.text]


def test_quant_a_elle_after_the_participle_is_no_inverted_subject(code):
    """'a déclaré quant à elle X': the pronoun after 'quant à' is no subject set after its
    verb; X is who speaks, with or without a woman named before."""
    for before in ("", "Marie Dupont a quitté le pays en mars. "):
        r = code(
            before + "« La situation est grave et il faut agir vite », a déclaré quant à elle "
            "la ministre Anne Roux."
        )
        assert quote_containing(r, "agir vite").speaker.name == "Anne Roux"


def test_a_sheriff_after_a_postposed_verb_speaks_before_the_channel(code):
    """roles.json: 'shérif' is a police office; '…, a annoncé le shérif du comté sur la
    chaîne Fox News' is the sheriff's word, not the channel's."""
    r = code(
        "Au moins quatre personnes sont mortes dans la fusillade, a annoncé le shérif du comté "
        "sur la chaîne Fox News."
    )
    q = quote_containing(r, "quatre personnes sont mortes")
    assert q.speaker.sector == "COP" and q.speaker.name != "Fox News"


def test_a_demand_after_quoted_words_reports_them_and_its_speaker_acts(code):
    # 'réclamer' and 'implorer' report what they close (reporting.json verbs); the inverted
    # speaker, which the parser reads as the verb's object, makes the demand
    r = code("« Il faut la justice maintenant », a réclamé Joe Biden.", "2020-05-08")
    assert quote_containing(r, "Il faut la justice").speaker.name == "Joe Biden"
    assert [(e.event, e.actor[0].country) for e in r.events] == [("REQUEST", "USA")]
    r = code("« Aidez-moi à rentrer », a imploré Anne Roux.")
    assert quote_containing(r, "Aidez-moi à rentrer").speaker.name == "Anne Roux"


def test_a_platform_before_a_whole_name_is_not_part_of_it(code):
    # 'sur Twitter Joe Biden' read by the NER as one name: a word before a whole name that
    # is no first name does not make another person ('Jill Biden' would)
    r = code("« Il faut la justice maintenant », a déclaré sur Twitter Joe Biden.", "2020-05-08")
    q = quote_containing(r, "Il faut la justice")
    assert q.speaker.name == "Joe Biden" and q.speaker.country == "USA"


def test_defending_after_quoted_words_is_saying_them(code):
    # '« … », a défendu X' argues: a quote of X (reporting.json verbs), no act of support
    # (events.json speech_verbs)
    r = code("« Nos tests sont les meilleurs », a défendu le président Trump.", "2020-05-08")
    assert quote_containing(r, "Nos tests sont les meilleurs").speaker.name == "Donald Trump"
    assert [e.event for e in r.events] == []
