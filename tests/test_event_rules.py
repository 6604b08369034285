"""Event rules pinned on hand-built parses: every constraint, frame and check of the staged
coder, on sentences written for these tests, with trigger entries made here (so a change of
the shipped lexicon cannot hide a change of behaviour). No statistical parser runs."""

from __future__ import annotations

import json
from datetime import date

import pytest
from handparse import actors_of, code, parse, rules_with

from chronique.extract.events import REASONS
from chronique.extract.events.rules import CONSTRAINTS, event_rules, parse_rules
from chronique.lexicons import LexiconError
from chronique.model import PartialDate


def rows(table: str, lang: str = "fr"):
    """A Doc from lines 'word lemma POS head dep [morph]' (head: absolute index)."""
    cells = [line.split() for line in table.strip().splitlines()]
    return parse(
        lang,
        " ".join(c[0] for c in cells),
        words=[c[0] for c in cells],
        lemmas=[c[1] for c in cells],
        pos=[c[2] for c in cells],
        heads=[int(c[3]) for c in cells],
        deps=[c[4] for c in cells],
        morphs=[c[5] if len(c) > 5 else "" for c in cells],
    )


def entry(**kw):
    base = {"id": f"t.{kw['lemma']}", "pos": ["VERB"], "cameo": "190", "type": "ASSAULT"}
    return base | kw


def sides(c):
    return (
        sorted(a.country or f"?{a.text}" for a in c.actor),
        sorted(a.country or f"?{a.text}" for a in c.recipient),
    )


def only(cands):
    (c,) = cands
    return c


ATTACK = entry(lemma="attaquer", recipient=["obj"])

ACTIVE = """
La le DET 1 det
Russie Russie PROPN 3 nsubj
a avoir AUX 3 aux:tense
attaqué attaquer VERB 3 ROOT VerbForm=Part|Tense=Past
l' le DET 5 det
Ukraine Ukraine PROPN 3 obj
. . PUNCT 3 punct
"""


def test_active_subject_acts_on_object():
    c = only(code(rows(ACTIVE), rules_with("fr", [ATTACK])))
    assert c.reason is None
    assert sides(c) == (["RUS"], ["UKR"])
    assert c.modality == "asserted"


def test_passive_agent_acts_and_subject_is_acted_on():
    doc = rows("""
L' le DET 1 det
Ukraine Ukraine PROPN 4 nsubj:pass
a avoir AUX 4 aux:tense
été être AUX 4 aux:pass
attaquée attaquer VERB 4 ROOT VerbForm=Part|Tense=Past
par par ADP 7 case
la le DET 7 det
Russie Russie PROPN 4 obl:agent
. . PUNCT 4 punct
""")
    c = only(code(doc, rules_with("fr", [ATTACK])))
    assert sides(c) == (["RUS"], ["UKR"])


RETREAT = entry(lemma="retirer", type="RETREAT", cameo="087")


def test_object_control_makes_the_object_the_infinitive_subject():
    doc = rows("""
Paris Paris PROPN 2 nsubj
a avoir AUX 2 aux:tense
appelé appeler VERB 2 ROOT VerbForm=Part
Moscou Moscou PROPN 2 obj
à à ADP 5 mark
retirer retirer VERB 2 xcomp VerbForm=Inf
ses son DET 7 det
troupes troupe NOUN 5 obj
. . PUNCT 2 punct
""")
    c = only(code(doc, rules_with("fr", [RETREAT], object_control=["appeler"])))
    assert sides(c)[0] == ["RUS"]
    # without the control verb in the lexicon, the infinitive climbs to the main subject
    c = only(code(doc, rules_with("fr", [RETREAT], object_control=[])))
    assert sides(c)[0] == ["FRA"]


def test_a_controller_the_lexicons_cannot_place_still_acts_not_the_main_subject():
    # an invented name: the one pushed to withdraw is the general, of no known country; the
    # president who pushed him does not withdraw
    doc = rows("""
Le le DET 1 det
président président NOUN 3 nsubj
a avoir AUX 3 aux:tense
poussé pousser VERB 3 ROOT VerbForm=Part
le le DET 5 det
général général NOUN 3 obj
Arno Arno PROPN 5 appos
Veltrip Veltrip PROPN 6 flat:name
à à ADP 9 mark
retirer retirer VERB 3 xcomp VerbForm=Inf
ses son DET 11 det
troupes troupe NOUN 9 obj
. . PUNCT 3 punct
""")
    c = only(code(doc, rules_with("fr", [RETREAT], object_control=["pousser"]), home="FRA"))
    assert [a.country for a in c.actor] == [None]
    assert "Veltrip" in c.actor[0].text


def test_a_participle_of_a_control_verb_makes_the_noun_it_describes_the_actor():
    # 'Le parquet a entendu le ministre soupçonné d'avoir frappé un journaliste .': the
    # minister is suspected of striking, not the prosecutor who heard him
    strike = entry(lemma="frapper", recipient=["obj"])
    doc = rows("""
Le le DET 1 det
parquet parquet NOUN 3 nsubj
a avoir AUX 3 aux:tense
entendu entendre VERB 3 ROOT VerbForm=Part|Tense=Past
le le DET 5 det
ministre ministre NOUN 3 obj
soupçonné soupçonner VERB 5 acl VerbForm=Part|Tense=Past
d' de ADP 9 mark
avoir avoir AUX 9 aux:tense
frappé frapper VERB 6 xcomp VerbForm=Part|Tense=Past
un un DET 11 det
journaliste journaliste NOUN 9 obj
. . PUNCT 3 punct
""")
    c = only(code(doc, rules_with("fr", [strike], object_control=["soupçonner"]), home="FRA"))
    assert [a.text for a in c.actor] == ["le ministre"]


def test_forces_moved_with_no_agent_named_are_moved_by_their_own_state():
    # 'Des soldats grecs ont été déployés .': the forces' state acts; a move of a thing names
    # no one, and forces that 'sont déployés' (present passive) stand there, no act
    deploy = entry(lemma="déployer", type="MOBILIZE", cameo="152", recipient=["en"])
    table = """
Des un DET 1 det
{noun} {lemma} NOUN 5 nsubj:pass
grecs grec ADJ 1 amod
{aux} {aux_lemma} AUX 5 {aux_dep} {aux_morph}
été être AUX 5 aux:pass
déployés déployer VERB 5 ROOT VerbForm=Part|Tense=Past
. . PUNCT 5 punct
"""
    done = {"aux": "ont", "aux_lemma": "avoir", "aux_dep": "aux:tense",
            "aux_morph": "Mood=Ind|Tense=Pres|VerbForm=Fin"}  # fmt: skip
    rules = rules_with("fr", [deploy])
    c = only(code(rows(table.format(noun="soldats", lemma="soldat", **done)), rules))
    assert c.reason is None and [(a.country, a.sector) for a in c.actor] == [("GRC", "MIL")]
    c = only(code(rows(table.format(noun="tentes", lemma="tente", **done)), rules))
    assert c.reason == "no_actor"
    standing = table.replace("été être AUX 5 aux:pass\n", "- - PUNCT 5 punct\n")
    standing = standing.format(noun="soldats", lemma="soldat", aux="sont", aux_lemma="être",
                               aux_dep="aux:pass", aux_morph="Mood=Ind|Tense=Pres|VerbForm=Fin")
    assert only(code(rows(standing), rules)).reason == "no_actor"


def test_subject_climbs_out_of_an_infinitive():
    doc = rows("""
Moscou Moscou PROPN 2 nsubj
a avoir AUX 2 aux:tense
décidé décider VERB 2 ROOT VerbForm=Part
de de ADP 4 mark
retirer retirer VERB 2 xcomp VerbForm=Inf
ses son DET 6 det
troupes troupe NOUN 4 obj
. . PUNCT 2 punct
""")
    c = only(code(doc, rules_with("fr", [RETREAT])))
    assert sides(c)[0] == ["RUS"]


def test_coordinated_subjects_are_one_compound_actor():
    doc = rows("""
Moscou Moscou PROPN 4 nsubj
et et CCONJ 2 cc
Pékin Pékin PROPN 0 conj
ont avoir AUX 4 aux:tense
attaqué attaquer VERB 4 ROOT VerbForm=Part
Kiev Kiev PROPN 4 obj
. . PUNCT 4 punct
""")
    c = only(code(doc, rules_with("fr", [ATTACK])))
    assert sides(c) == (["CHN", "RUS"], ["UKR"])


SANCTION = {
    "id": "t.sanction", "lemma": "sanction", "pos": ["NOUN"], "type": "SANCTION", "cameo": "163",
    "actor": ["de", "amod"], "recipient": ["contre"], "nominal": True,
}  # fmt: skip

NOMINAL = """
Les le DET 1 det
sanctions sanction NOUN 1 ROOT Number=Plur
américaines américain ADJ 1 amod
contre contre ADP 5 case
l' le DET 5 det
Iran Iran PROPN 1 nmod
. . PUNCT 1 punct
"""


def test_nominal_trigger_takes_its_nationality_adjective_as_actor():
    c = only(code(rows(NOMINAL), rules_with("fr", [SANCTION])))
    assert sides(c) == (["USA"], ["IRN"])


def test_noun_trigger_inherits_the_subject_of_its_light_verb():
    doc = rows("""
Washington Washington PROPN 2 nsubj
a avoir AUX 2 aux:tense
imposé imposer VERB 2 ROOT VerbForm=Part
des un DET 4 det
sanctions sanction NOUN 2 obj
contre contre ADP 7 case
l' le DET 7 det
Iran Iran PROPN 4 nmod
. . PUNCT 2 punct
""")
    c = only(code(doc, rules_with("fr", [SANCTION], light_verbs=["imposer"])))
    assert sides(c) == (["USA"], ["IRN"])


def test_unplaced_actor_is_kept_unresolved_with_its_text():
    doc = rows("""
La le DET 1 det
tempête tempête NOUN 3 nsubj
a avoir AUX 3 aux:tense
attaqué attaquer VERB 3 ROOT VerbForm=Part
Zorbania Zorbania PROPN 3 obj
. . PUNCT 3 punct
""")
    c = only(code(doc, rules_with("fr", [ATTACK])))
    assert c.reason == "no_actor"  # a storm names no actor: nothing to keep
    doc = rows("""
Marius Marius PROPN 2 nsubj
Zlatev Zlatev PROPN 0 flat:name
a avoir AUX 3 aux:tense
attaqué attaquer VERB 3 ROOT VerbForm=Part
l' le DET 5 det
Ukraine Ukraine PROPN 3 obj
. . PUNCT 3 punct
""")
    c = only(code(doc, rules_with("fr", [ATTACK])))
    assert c.reason is None, c.reason
    (actor,) = c.actor
    assert not actor.resolved and "Marius" in actor.text
    assert sides(c)[1] == ["UKR"]


# -- constraints ----------------------------------------------------------------------------

JOIN = """
La le DET 1 det
Russie Russie PROPN 4 nsubj
s' se PRON 4 expl:comp
est être AUX 4 aux:tense
jointe joindre VERB 4 ROOT VerbForm=Part
à à ADP 7 case
la le DET 7 det
Chine Chine PROPN 4 obl:arg
. . PUNCT 4 punct
"""


def test_every_constraint_has_a_test_below():
    assert set(CONSTRAINTS) == {
        "reflexive", "prep", "object", "modifier", "follow", "need_governor", "complement",
        "comp_aux", "object_not", "clause_not",
    }  # fmt: skip


def _tok(doc, lemma):
    return next(t for t in doc if t.lemma_ == lemma)


@pytest.mark.parametrize(
    ("constraint", "value", "lemma", "holds"),
    [
        ("reflexive", True, "joindre", True),
        ("prep", ["à"], "joindre", True),
        ("prep", ["contre"], "joindre", False),
        ("object", ["chine"], "joindre", True),
        ("object", ["accord"], "joindre", False),
        ("follow", ["à", "chine"], "joindre", True),
        ("follow", ["avec"], "joindre", False),
    ],
)
def test_constraint_on_a_reflexive_verb(constraint, value, lemma, holds):
    doc = rows(JOIN)
    rule = entry(lemma=lemma, type="COOPERATE", cameo="061", **{constraint: value})
    rules = rules_with("fr", [rule])
    tok = _tok(doc, lemma)
    (trigger,) = rules.candidates(tok)
    assert (trigger.unmet(tok, rules) is None) is holds


def test_reflexive_constraint_fails_without_the_clitic():
    doc = rows(ACTIVE)
    rules = rules_with("fr", [entry(lemma="attaquer", reflexive=True)])
    (c,) = code(doc, rules)
    assert c.reason == "constraint:reflexive" and c.stage == "match"


def test_modifier_and_need_governor_constraints():
    doc = rows(NOMINAL)
    mod = dict(SANCTION, modifier=["américain"])
    assert only(code(doc, rules_with("fr", [mod]))).reason is None
    mod = dict(SANCTION, modifier=["européen"])
    assert only(code(doc, rules_with("fr", [mod]))).reason == "constraint:modifier"
    gov = dict(SANCTION, need_governor=["imposer"])
    assert only(code(doc, rules_with("fr", [gov]))).reason == "constraint:need_governor"


def test_most_constrained_rule_is_tried_first():
    veto = entry(lemma="attaquer", id="t.narrow", type="ACCUSE", cameo="111", object=["ukraine"])
    rules = rules_with("fr", [ATTACK, veto])
    c = only(code(rows(ACTIVE), rules))
    assert c.rule.id == "t.narrow" and c.rule.type == "ACCUSE"


# -- checks ---------------------------------------------------------------------------------

PROMISE = entry(lemma="promettre", type="AGREE", cameo="030", embeds=True)


def test_forecast_and_embedded_act():
    forecast = rows("""
Moscou Moscou PROPN 1 nsubj
promet promettre VERB 1 ROOT VerbForm=Fin
d' de ADP 3 mark
être être AUX 1 xcomp VerbForm=Inf
prudente prudent ADJ 3 xcomp
. . PUNCT 1 punct
""")
    rules = rules_with("fr", [PROMISE], non_event_complements=["être"])
    assert only(code(forecast, rules)).reason == "forecast"
    embedded = rows("""
Moscou Moscou PROPN 1 nsubj
promet promettre VERB 1 ROOT VerbForm=Fin
d' de ADP 3 mark
attaquer attaquer VERB 1 xcomp VerbForm=Inf
Kiev Kiev PROPN 3 obj
. . PUNCT 1 punct
""")
    cands = code(embedded, rules_with("fr", [PROMISE, ATTACK]))
    by = {c.rule.lemma: c for c in cands}
    assert by["promettre"].reason == "embeds_event"
    assert by["attaquer"].reason is None
    assert sides(by["attaquer"]) == (["RUS"], ["UKR"])


def test_object_not_person():
    arrest = entry(lemma="attaquer", type="COERCE", cameo="173", need_person_object=True)
    assert only(code(rows(ACTIVE), rules_with("fr", [arrest]))).reason == "object_not_person"
    doc = rows(ACTIVE.replace("l' le DET 5 det", "des un DET 5 det").replace(
        "Ukraine Ukraine PROPN 3 obj", "manifestants manifestant NOUN 3 obj"))  # fmt: skip
    rules = rules_with("fr", [arrest])
    assert only(code(doc, rules)).reason is None


def test_topic_of_another_trigger():
    doc = rows("""
Moscou Moscou PROPN 1 nsubj
rejette rejeter VERB 1 ROOT VerbForm=Fin
les le DET 3 det
sanctions sanction NOUN 1 obj
. . PUNCT 1 punct
""")
    reject = entry(lemma="rejeter", type="REJECT", cameo="120", recipient=["obj"])
    by = {c.rule.lemma: c for c in code(doc, rules_with("fr", [reject, SANCTION]))}
    assert by["sanction"].reason == "topic" and by["rejeter"].reason is None


def test_an_event_noun_after_a_moment_preposition_is_no_topic():
    """events.json moment_preps: 'Moscou a attaqué après ses sanctions': the sanctions
    are another moment of the story, not what the attack is about."""
    doc = rows("""
Moscou Moscou PROPN 2 nsubj
a avoir AUX 2 aux:tense
attaqué attaquer VERB 2 ROOT VerbForm=Part
après après ADP 5 case
ses son DET 5 det Poss=Yes
sanctions sanction NOUN 2 obl:mod Number=Plur
. . PUNCT 2 punct
""")
    sanction = SANCTION | {"actor": ["de", "amod", "poss"]}
    by = {c.rule.lemma: c for c in code(doc, rules_with("fr", [ATTACK, sanction]), named=True)}
    assert by["sanction"].reason is None and sides(by["sanction"])[0] == ["RUS"]
    rules = rules_with("fr", [ATTACK, sanction], moment_preps=[])
    by = {c.rule.lemma: c for c in code(doc, rules, named=True)}
    assert by["sanction"].reason == "topic"


def test_no_actor_no_recipient_no_second_side():
    bare = rows("""
Attaquer attaquer VERB 0 ROOT VerbForm=Inf
l' le DET 2 det
Ukraine Ukraine PROPN 0 obj
. . PUNCT 0 punct
""")
    assert only(code(bare, rules_with("fr", [ATTACK]))).reason == "no_actor"
    need = entry(lemma="attaquer", recipient=["contre"], need_recipient=True)
    assert only(code(rows(ACTIVE), rules_with("fr", [need]))).reason == "no_recipient"
    meet = entry(lemma="attaquer", type="CONSULT", cameo="040", recipient=["avec"],
                 symmetric=True)  # fmt: skip
    assert only(code(rows(ACTIVE), rules_with("fr", [meet]))).reason == "no_second_side"


def test_motive_of_a_protest_is_not_an_event():
    doc = rows("""
Les le DET 1 det
opposants opposant NOUN 2 nsubj
manifestent manifester VERB 2 ROOT VerbForm=Fin
pour pour ADP 4 mark
dénoncer dénoncer VERB 2 advcl VerbForm=Inf
Moscou Moscou PROPN 4 obj
. . PUNCT 2 punct
""")
    protest = entry(lemma="manifester", type="PROTEST", cameo="141")
    accuse = entry(lemma="dénoncer", type="ACCUSE", cameo="111", recipient=["obj"])
    cands = code(doc, rules_with("fr", [protest, accuse]), home="RUS")
    by = {c.rule.lemma: c for c in cands}
    assert by["dénoncer"].reason == "motive"
    assert by["manifester"].reason is None


def test_every_reason_is_named_once():
    assert len(REASONS) == len(set(REASONS))
    assert all(r.replace("_", "").isalpha() for r in REASONS)


# -- loading --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"recipent": ["obj"]}, "key 'recipent': unknown key"),
        ({"recipient": ["objet"]}, "'objet' is no slot"),
        ({"type": "ATTACK"}, "is no PLOVER type"),
        ({"cameo": "999"}, "is no CAMEO code"),
        ({"symmetric": "yes"}, "must be true or false"),
        ({"pos": ["VRB"]}, "key 'pos'"),
        ({"prep": ["versus"]}, "unknown preposition"),
    ],
)
def test_a_bad_entry_fails_at_load_naming_file_entry_and_key(bad, message):
    raw = {"version": "t", "triggers": [ATTACK | bad]}
    with pytest.raises(LexiconError) as err:
        parse_rules("fr", raw, "lexicons/fr/events.json")
    text = str(err.value)
    assert "lexicons/fr/events.json" in text and "t.attaquer" in text and message in text
    assert "\n" not in text


def test_duplicate_ids_and_unknown_top_level_keys_fail():
    with pytest.raises(LexiconError, match="used twice"):
        parse_rules("fr", {"version": "t", "triggers": [ATTACK, ATTACK]}, "x")
    with pytest.raises(LexiconError, match="unknown top-level key 'ligth_verbs'"):
        parse_rules("fr", {"version": "t", "triggers": [], "ligth_verbs": []}, "x")


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_shipped_lexicons_load_typed(lang):
    rules = event_rules(lang)
    assert rules.by_lemma and all(t.cameo for ts in rules.by_lemma.values() for t in ts)


def test_symmetric_types_are_defined_once():
    from chronique import lexicons
    from chronique.evaluate import SYMMETRIC_TYPES as scored
    from chronique.model import SYMMETRIC_TYPES

    assert SYMMETRIC_TYPES == scored == frozenset(lexicons.load("plover")["symmetric"])
    assert json.dumps(sorted(SYMMETRIC_TYPES))


MEET = entry(lemma="rencontrer", type="CONSULT", cameo="040", symmetric=True, recipient=["avec"])


def test_pronominal_verb_parsed_as_passive_keeps_its_subject():
    # the parser reads 'se rencontrer' with être as a passive: its subject still acts
    doc = rows("""
Paris Paris PROPN 5 nsubj:pass
et et CCONJ 2 cc
Berlin Berlin PROPN 0 conj
se se PRON 5 expl:comp
sont être AUX 5 aux:pass
rencontrés rencontrer VERB 5 ROOT VerbForm=Part
. . PUNCT 5 punct
""")
    c = only(code(doc, rules_with("fr", [MEET])))
    assert c.reason is None
    assert sorted(sides(c)[0] + sides(c)[1]) == ["DEU", "FRA"]


def test_inverted_clitic_is_no_passive_subject():
    # 'a -t -il attaqué': '-t' read as subject and '-il' as passive subject; not a passive
    doc = rows("""
Kiev Kiev PROPN 4 obj
a avoir AUX 4 aux:tense
-t -t PRON 4 nsubj
-il il PRON 4 nsubj:pass
attaqué attaquer VERB 4 ROOT VerbForm=Part
. . PUNCT 4 punct
""")
    from chronique.extract.actors import ActorMemory
    from chronique.model import Actor

    memory = ActorMemory()  # a man named before: 'il' is him
    memory.remember(Actor(text="Vladimir Poutine", country="RUS", kind="person", start=0), True)
    c = only(code(doc, rules_with("fr", [ATTACK]), memory=memory))
    assert c.reason is None
    assert sides(c) == (["RUS"], ["UKR"])
    # with no one named before, the pronoun names no one: nothing to keep
    assert only(code(doc, rules_with("fr", [ATTACK]))).reason == "no_actor"


PROTEST_NOUN = {
    "id": "t.manif", "lemma": "manifestation", "pos": ["NOUN"], "type": "PROTEST",
    "cameo": "141", "actor": ["de"], "nominal": True,
}  # fmt: skip
ARREST = entry(lemma="arrêter", type="COERCE", cameo="173")
NOUN_ONLY = """
La le DET 1 det
manifestation manifestation NOUN 1 ROOT
a avoir AUX 1 aux
rassemblé rassembler VERB 1 acl VerbForm=Part
des un DET 5 det
milliers millier NOUN 3 obj
. . PUNCT 1 punct
"""


def test_actorless_protest_noun_takes_the_home_country_only_in_a_one_country_story():
    c = only([x for x in code(rows(NOUN_ONLY), rules_with("fr", [PROTEST_NOUN]), home="BLR")])
    assert c.reason is None and c.implicit
    assert sides(c) == (["BLR"], ["BLR"])
    assert {a.kind for a in c.actor + c.recipient} == {"inferred"}
    assert {a.sector for a in c.actor} == {"CVL"} and {a.sector for a in c.recipient} == {"GOV"}
    c = only(code(rows(NOUN_ONLY), rules_with("fr", [PROTEST_NOUN]), home=None))
    assert c.reason == "no_actor"


def test_agentless_passive_arrest_is_done_by_the_home_police():
    doc = rows("""
Onze onze NUM 1 nummod
suspects suspect NOUN 4 nsubj:pass
ont avoir AUX 4 aux:tense
été être AUX 4 aux:pass
arrêtés arrêter VERB 4 ROOT VerbForm=Part
. . PUNCT 4 punct
""")
    c = only(code(doc, rules_with("fr", [ARREST]), home="TUR"))
    assert c.reason is None and sides(c)[0] == ["TUR"]
    assert {a.sector for a in c.actor} == {"COP"}
    # an active arrest names its agent: nothing is implied
    c = only(code(rows(ACTIVE.replace("attaquer", "arrêter")), rules_with("fr", [ARREST]),
                  home="TUR"))  # fmt: skip
    assert not c.implicit and sides(c)[0] == ["RUS"]


def test_agentless_arrest_in_a_story_told_through_its_towns_is_done_by_their_police():
    # 'Le suspect a été arrêté' where the actors name no country but the places are in one
    doc = rows("""
Le le DET 1 det
suspect suspect NOUN 4 nsubj:pass
a avoir AUX 4 aux:tense
été être AUX 4 aux:pass
arrêté arrêter VERB 4 ROOT VerbForm=Part
. . PUNCT 4 punct
""")
    c = only(code(doc, rules_with("fr", [ARREST]), scene="USA"))
    assert c.reason is None and c.implicit and sides(c) == (["USA"], ["USA"])
    # the home, when the actors name one, is the story's country
    assert sides(only(code(doc, rules_with("fr", [ARREST]), home="FRA", scene="USA")))[0] == ["FRA"]
    # neither: nobody acts
    assert only(code(doc, rules_with("fr", [ARREST]))).reason == "no_actor"


def test_an_unnamed_home_group_undergoing_a_passive_act_takes_the_home_country():
    # 'des manifestants ont été arrêtés par la police' in a French story: French ones
    doc = rows("""
Des un DET 1 det
manifestants manifestant NOUN 4 nsubj:pass
ont avoir AUX 4 aux:tense
été être AUX 4 aux:pass
arrêtés arrêter VERB 4 ROOT VerbForm=Part
par par ADP 7 case
la le DET 7 det
police police NOUN 4 obl:agent
. . PUNCT 4 punct
""")
    arrest = entry(lemma="arrêter", type="COERCE", cameo="173", recipient=["obj"])
    c = only(code(doc, rules_with("fr", [arrest]), home="FRA"))
    assert c.reason is None and sides(c) == (["FRA"], ["FRA"])
    assert [(a.sector, a.kind) for a in c.recipient] == [("CVL", "inferred")]


def test_each_coordinated_unnamed_home_group_takes_the_home_country():
    # 'soutenir leur chef et la police' in an American story: the police are American even
    # when the first conjunct names no one
    doc = rows("""
Washington Washington PROPN 1 nsubj
soutient soutenir VERB 1 ROOT VerbForm=Fin|Tense=Pres
leur son DET 3 det
chef chef NOUN 1 obj
et et CCONJ 6 cc
la le DET 6 det
police police NOUN 3 conj
. . PUNCT 1 punct
""")
    back = entry(lemma="soutenir", type="SUPPORT", cameo="051", recipient=["obj"])
    c = only(code(doc, rules_with("fr", [back]), home="USA"))
    assert c.reason is None
    assert [(a.country, a.sector, a.kind) for a in c.recipient] == [("USA", "COP", "inferred")]


BEFORE_MEETING = """
Avant avant ADP 2 mark
de de ADP 2 mark
rencontrer rencontrer VERB 6 advcl VerbForm=Inf
Poutine Poutine PROPN 2 obj
, , PUNCT 6 punct
Macron Macron PROPN 6 nsubj
appelle appeler VERB 6 ROOT VerbForm=Fin|Tense=Pres
Kiev Kiev PROPN 6 obj
. . PUNCT 6 punct
"""


def test_a_clause_of_time_or_purpose_is_done_by_the_subject_not_the_object():
    # 'Avant de rencontrer Poutine, Macron appelle Kiev': Macron meets Putin; object control
    # ('appeler Kiev à rencontrer Poutine') is for complements only
    meet = entry(lemma="rencontrer", type="CONSULT", cameo="040", recipient=["obj"])
    rules = rules_with("fr", [meet], object_control=["appeler"], moment_preps=["avant"])
    c = only(code(rows(BEFORE_MEETING), rules))
    assert c.reason is None and sides(c) == (["FRA"], ["RUS"])
    rules = rules_with("fr", [meet], object_control=["appeler"], moment_preps=[])
    assert sides(only(code(rows(BEFORE_MEETING), rules)))[0] == ["UKR"]


def test_a_clause_of_time_parsed_as_the_root_is_done_by_the_main_clause_subject():
    # 'Après avoir rencontré Poutine, Macron appelle Kiev' with the main clause hung under
    # the participle
    doc = rows("""
Après après ADP 2 mark
avoir avoir AUX 2 aux:tense VerbForm=Inf
rencontré rencontrer VERB 2 ROOT VerbForm=Part|Tense=Past
Poutine Poutine PROPN 2 obj
, , PUNCT 2 punct
Macron Macron PROPN 6 nsubj
appelle appeler VERB 2 advcl VerbForm=Fin|Tense=Pres
Kiev Kiev PROPN 6 obj
. . PUNCT 2 punct
""")
    meet = entry(lemma="rencontrer", type="CONSULT", cameo="040", recipient=["obj"])
    c = only(code(doc, rules_with("fr", [meet], moment_preps=["après"])))
    assert c.reason is None and sides(c) == (["FRA"], ["RUS"])
    assert only(code(doc, rules_with("fr", [meet], moment_preps=[]))).reason == "no_actor"


def test_a_participle_with_its_own_subject_and_auxiliary_is_no_state():
    # 'Le président, X a condamné Y' with 'condamné' hung on 'ministre' as if it
    # described him: its subject and auxiliary make it a clause of its own
    doc = rows("""
Le le DET 1 det
président président NOUN 1 ROOT
, , PUNCT 5 punct
Poutine Poutine PROPN 5 nsubj
a avoir AUX 5 aux:tense VerbForm=Fin
condamné condamner VERB 1 acl VerbForm=Part|Tense=Past
Kiev Kiev PROPN 5 obj
. . PUNCT 1 punct
""")
    c = only(code(doc, rules_with("fr", [CONDEMN])))
    assert c.reason is None and sides(c) == (["RUS"], ["UKR"])


def test_a_subject_hung_inside_the_phrase_between_auxiliary_and_participle_acts():
    # 'Washington a lui aussi « condamné X »' with the subject hung on 'lui' and the
    # participle the root
    doc = rows("""
Washington Washington PROPN 2 nsubj
a avoir AUX 2 aux:tense VerbForm=Fin
lui lui PRON 5 iobj PronType=Prs|Person=3
aussi aussi ADV 2 advmod
" " PUNCT 2 punct
condamné condamner VERB 5 ROOT VerbForm=Part|Tense=Past
Moscou Moscou PROPN 5 obj
. . PUNCT 5 punct
""")
    c = only(code(doc, rules_with("fr", [CONDEMN])))
    assert c.reason is None and sides(c) == (["USA"], ["RUS"])


def test_a_participle_with_an_agent_acts_on_the_subject_of_the_clause_it_opens():
    # 'Reçu par Macron, Poutine promet de …': Macron receives Putin (not Putin someone);
    # he was received, which is not the content of the promise (modality)
    doc = rows("""
Reçu recevoir VERB 5 advcl VerbForm=Part|Tense=Past
par par ADP 2 case
Macron Macron PROPN 0 obl:agent
, , PUNCT 0 punct
Poutine Poutine PROPN 5 nsubj
promet promettre VERB 5 ROOT VerbForm=Fin|Tense=Pres
. . PUNCT 5 punct
""")
    host = entry(lemma="recevoir", type="CONSULT", cameo="043", recipient=["obj"])
    c = only(code(doc, rules_with("fr", [host])))
    assert c.reason is None and sides(c) == (["FRA"], ["RUS"])
    assert c.modality == "asserted"


def test_a_participle_with_an_agent_acts_on_the_noun_it_describes():
    # 'des journalistes russes arrêtés par la police turque': the Turkish police arrested
    # Russian journalists
    doc = rows("""
Ankara Ankara PROPN 1 nsubj
expulse expulser VERB 1 ROOT VerbForm=Fin|Tense=Pres
des un DET 3 det
journalistes journaliste NOUN 1 obj
russes russe ADJ 3 amod
arrêtés arrêter VERB 3 acl VerbForm=Part|Tense=Past
par par ADP 8 case
la le DET 8 det
police police NOUN 5 obl:agent
turque turc ADJ 8 amod
. . PUNCT 1 punct
""")
    arrest = entry(lemma="arrêter", type="COERCE", cameo="173", recipient=["obj"])
    c = only(code(doc, rules_with("fr", [arrest])))
    assert c.reason is None and sides(c) == (["TUR"], ["RUS"])


def test_a_participle_set_apart_on_the_subject_of_another_act_is_an_act_of_its_own():
    # 'Le journaliste, arrêté par la police, a été libéré': two events; 'des avions soutenus
    # par X ont bombardé Y' describes the actor (describes_actor)
    doc = rows("""
Le le DET 1 det
journaliste journaliste NOUN 9 nsubj:pass
russe russe ADJ 1 amod
, , PUNCT 4 punct
arrêté arrêter VERB 1 acl VerbForm=Part|Tense=Past
par par ADP 6 case
Ankara Ankara PROPN 4 obl:agent
, , PUNCT 4 punct
a avoir AUX 9 aux:tense
libéré libérer VERB 9 ROOT VerbForm=Part|Tense=Past
. . PUNCT 9 punct
""")
    arrest = entry(lemma="arrêter", type="COERCE", cameo="173", recipient=["obj"])
    free = entry(lemma="libérer", type="RETREAT", cameo="0874", recipient=["obj"])
    cands = code(doc, rules_with("fr", [arrest, free]))
    (c,) = [c for c in cands if c.rule.type == "COERCE"]
    assert c.reason is None and sides(c) == (["TUR"], ["RUS"])
    glued = rows("""
Le le DET 1 det
journaliste journaliste NOUN 8 nsubj:pass
russe russe ADJ 1 amod
arrêté arrêter VERB 1 acl VerbForm=Part|Tense=Past
par par ADP 5 case
Ankara Ankara PROPN 3 obl:agent
a avoir AUX 8 aux:tense
été être AUX 8 aux:pass
libéré libérer VERB 8 ROOT VerbForm=Part|Tense=Past
. . PUNCT 8 punct
""")
    cands = code(glued, rules_with("fr", [arrest, free]))
    (c,) = [c for c in cands if c.rule.type == "COERCE"]
    assert c.reason == "describes_actor"


def test_a_word_of_a_fixed_phrase_read_as_the_object_is_no_recipient():
    # 'Damas pointe du doigt Paris' parsed with 'doigt' the object and 'Paris' hung on it
    doc = rows("""
Damas Damas PROPN 1 nsubj
pointe pointer VERB 1 ROOT VerbForm=Fin|Tense=Pres
du de ADP 3 case
doigt doigt NOUN 1 obj
Paris Paris PROPN 3 nmod
. . PUNCT 1 punct
""")
    blame = entry(lemma="pointer", type="ACCUSE", cameo="112", follow=["de", "doigt"],
                  recipient=["obj"])  # fmt: skip
    c = only(code(doc, rules_with("fr", [blame])))
    assert c.reason is None and sides(c) == (["SYR"], ["FRA"])


def test_an_arrest_acts_on_a_friend_or_on_the_noun_its_participle_follows():
    # groups.json person_nouns: 'un ami de X a été interpellé' acts on a person; 'la police
    # relâche la personne interpellée': the participle acts on the noun right before it
    held = entry(lemma="interpeller", type="COERCE", cameo="173", recipient=["obj"],
                 need_person_object=True)  # fmt: skip
    friend = rows("""
Un un DET 1 det
ami ami NOUN 4 nsubj:pass
a avoir AUX 4 aux:tense
été être AUX 4 aux:pass
interpellé interpeller VERB 4 ROOT VerbForm=Part|Tense=Past
. . PUNCT 4 punct
""")
    assert only(code(friend, rules_with("fr", [held]), home="FRA")).reason is None
    after = rows("""
Paris Paris PROPN 1 nsubj
relâche relâcher VERB 1 ROOT VerbForm=Fin|Tense=Pres
la le DET 3 det
personne personne NOUN 1 obj
interpellée interpeller VERB 3 acl VerbForm=Part|Tense=Past
. . PUNCT 1 punct
""")
    assert only(code(after, rules_with("fr", [held]))).reason != "object_not_person"
    # set apart by a comma, it may say she was challenged, not held: a person is needed
    apart = rows("""
Paris Paris PROPN 1 nsubj
relâche relâcher VERB 1 ROOT VerbForm=Fin|Tense=Pres
la le DET 3 det
personne personne NOUN 1 obj
, , PUNCT 5 punct
interpellée interpeller VERB 3 acl VerbForm=Part|Tense=Past
. . PUNCT 1 punct
""")
    assert only(code(apart, rules_with("fr", [held]))).reason == "object_not_person"


STATEMENT = """
des un DET 1 det
déclarations déclaration NOUN 1 ROOT
de de ADP 3 case
Paris Paris PROPN 1 nmod
accusant accuser VERB 1 acl VerbForm=Part|Tense=Pres
Damas Damas PROPN 4 obj
. . PUNCT 1 punct
"""


def test_a_participle_describing_a_statement_acts_for_its_author():
    # 'des déclarations de Paris accusant Damas': Paris accuses; the parser may hang the
    # participle on the author itself ('un communiqué du ministère appelant …')
    accuse = entry(lemma="accuser", type="ACCUSE", cameo="112", recipient=["obj"])
    c = only(code(rows(STATEMENT), rules_with("fr", [accuse])))
    assert c.reason is None and sides(c) == (["FRA"], ["SYR"])
    on_author = STATEMENT.replace("accuser VERB 1 acl", "accuser VERB 3 acl")
    c = only(code(rows(on_author), rules_with("fr", [accuse])))
    assert c.reason is None and sides(c) == (["FRA"], ["SYR"])
    # a noun that is no statement has no author who acts ('des militaires de Paris')
    rules = rules_with("fr", [accuse], statement_heads=[])
    assert only(code(rows(STATEMENT), rules)).reason == "no_actor"


DETACHED = """
Washington Washington PROPN 0 ROOT
a avoir AUX 1 ROOT VerbForm=Fin|Tense=Pres
de de ADP 4 case
son son DET 4 det Poss=Yes
côté côté NOUN 1 obj
condamné condamner VERB 4 acl VerbForm=Part|Tense=Past
l' le DET 7 det
Ukraine Ukraine PROPN 5 obj
. . PUNCT 1 punct
"""


def test_a_participle_set_apart_from_its_auxiliary_by_an_adverbial_acts_with_its_subject():
    # 'Washington a de son côté condamné X', read as 'côté' described by 'condamné', with
    # the name a root of its own: the auxiliary's subject acts
    c = only(code(rows(DETACHED), rules_with("fr", [CONDEMN])))
    assert c.reason is None and sides(c) == (["USA"], ["UKR"])
    # a participle describing a noun after a verb of its own is a state: nobody named acts
    doc = rows(DETACHED.replace("a avoir AUX", "voit voir VERB"))
    assert only(code(doc, rules_with("fr", [CONDEMN]))).reason == "no_actor"
    # and so is one describing a noun with an article ('est le candidat soutenu par X')
    doc = rows(DETACHED.replace("son son DET 4 det Poss=Yes", "le le DET 4 det Definite=Def"))
    assert only(code(doc, rules_with("fr", [CONDEMN]))).reason == "no_actor"


BORDERS = entry(lemma="fermer", type="COERCE", cameo="191", object=["frontière"],
               recipient=["à", "aux", "avec"])  # fmt: skip


def test_an_agentless_passive_on_a_thing_names_the_home_actor_but_no_target():
    # 'Les frontières ont été fermées': closed by the home state, aimed at no one named
    doc = rows("""
Les le DET 1 det
frontières frontière NOUN 4 nsubj:pass
ont avoir AUX 4 aux:tense
été être AUX 4 aux:pass
fermées fermer VERB 4 ROOT VerbForm=Part
. . PUNCT 4 punct
""")
    c = only(code(doc, rules_with("fr", [BORDERS]), home="PRK"))
    assert c.reason is None and c.implicit and sides(c) == (["PRK"], [])


def test_an_unnamed_home_body_as_passive_agent_takes_the_home_country():
    # 'un suspect tué par la police' in an American story
    doc = rows("""
un un DET 1 det
suspect suspect NOUN 1 ROOT
tué tuer VERB 1 acl VerbForm=Part|Tense=Past
par par ADP 5 case
la le DET 5 det
police police NOUN 2 obl:agent
. . PUNCT 1 punct
""")
    kill = entry(lemma="tuer", recipient=["obj"])
    c = only(code(doc, rules_with("fr", [kill]), home="USA"))
    assert c.reason is None and sides(c)[0] == ["USA"]


CALL = entry(lemma="appeler", type="REQUEST", cameo="101", prep=["à"], recipient=["obj"])


def test_preposition_hung_on_the_infinitive_meets_the_prep_constraint():
    # 'Rome a appelé à reprendre le dialogue': the parser hangs 'à' on the infinitive
    doc = rows("""
Rome Rome PROPN 2 nsubj
a avoir AUX 2 aux:tense
appelé appeler VERB 2 ROOT VerbForm=Part
à à ADP 4 mark
reprendre reprendre VERB 2 xcomp VerbForm=Inf
le le DET 6 det
dialogue dialogue NOUN 4 obj
. . PUNCT 2 punct
""")
    c = only(code(doc, rules_with("fr", [CALL])))
    assert c.reason is None and sides(c)[0] == ["ITA"]
    # a nominal complement with another preposition does not satisfy it
    doc = rows("""
Rome Rome PROPN 2 nsubj
a avoir AUX 2 aux:tense
appelé appeler VERB 2 ROOT VerbForm=Part
pour pour ADP 4 mark
reprendre reprendre VERB 2 advcl VerbForm=Inf
. . PUNCT 2 punct
""")
    assert only(code(doc, rules_with("fr", [CALL]))).reason == "constraint:prep"


AGREE_V = entry(lemma="convenir", type="AGREE", cameo="030", symmetric=True, recipient=["avec"])


def test_a_body_of_members_agrees_alone_but_a_single_country_needs_a_partner():
    members = rows("""
Les le DET 1 det
ministres ministre NOUN 6 nsubj Number=Plur
de de ADP 4 case
l' le DET 4 det
UE UE PROPN 1 nmod
ont avoir AUX 6 aux:tense
convenu convenir VERB 6 ROOT VerbForm=Part
. . PUNCT 6 punct
""")
    c = only(code(members, rules_with("fr", [AGREE_V])))
    assert c.reason is None and sides(c) == (["EUR"], [])
    alone = rows("""
Le le DET 1 det
gouvernement gouvernement NOUN 5 nsubj
de de ADP 3 case
Rome Rome PROPN 1 nmod
a avoir AUX 5 aux:tense
convenu convenir VERB 5 ROOT VerbForm=Part
. . PUNCT 5 punct
""")
    assert only(code(alone, rules_with("fr", [AGREE_V]))).reason == "no_second_side"


DELIVER = entry(lemma="livrer", type="AID", cameo="071", recipient=["obj", "à"])


def test_trigger_verb_tagged_as_a_noun_after_its_subject_is_read_as_a_verb():
    # the parser tags 'livre' a noun heading the sentence; by position it is the verb
    doc = rows("""
Ankara Ankara PROPN 1 nmod
livre livre NOUN 1 ROOT
des de ADP 3 case
drones drone NOUN 1 nmod
à à ADP 5 case
Bakou Bakou PROPN 1 nmod
. . PUNCT 1 punct
""")
    c = only(code(doc, rules_with("fr", [DELIVER])))
    assert c.verb_reading and c.reason is None
    assert sides(c) == (["TUR"], ["AZE"])
    # with a determiner it is the noun ('le livre'): no verb reading
    doc = rows("""
le le DET 1 det
livre livre NOUN 1 ROOT
de de ADP 3 case
Bakou Bakou PROPN 1 nmod
. . PUNCT 1 punct
""")
    assert code(doc, rules_with("fr", [DELIVER])) == []


def test_the_triggers_own_time_expression_dates_it_before_its_governors():
    from handparse import actors_of

    from chronique.extract.events import Discourse, code_paragraph
    from chronique.extract.places import get_gazetteer
    from chronique.model import PartialDate, TimeExpr

    # a noun trigger under its light verb: 'jeudi' hangs on the strikes themselves, 'mardi' on
    # the verb; the strikes' own date wins though 'mardi' comes first
    doc = rows("""
Moscou Moscou PROPN 2 nsubj
a avoir AUX 2 aux:tense
mené mener VERB 2 ROOT VerbForm=Part
mardi mardi NOUN 2 obl:mod
des un DET 5 det
frappes frappe NOUN 2 obj Number=Plur
jeudi jeudi NOUN 5 nmod
. . PUNCT 2 punct
""")
    strike = {
        "id": "t.frappe", "lemma": "frappe", "pos": ["NOUN"], "type": "ASSAULT",
        "cameo": "195", "actor": ["de"], "nominal": True,
    }  # fmt: skip

    def expr(word: str, day: str) -> TimeExpr:
        start = doc.text.index(word)
        return TimeExpr(word, start, start + len(word), day, day, "day")

    times = [expr("mardi", "2023-09-12"), expr("jeudi", "2023-09-14")]
    (c,) = code_paragraph(
        doc, actors_of(doc), times, rules_with("fr", [strike], light_verbs=["mener"]), Discourse(),
        PartialDate.parse("2023-09-12"), get_gazetteer("fr"),
    )  # fmt: skip
    assert c.date.start == "2023-09-14"


ACCUSE_V = entry(lemma="reprocher", type="ACCUSE", cameo="111", recipient=["iobj", "à"])


def test_se_voir_plus_infinitive_is_undergone_by_the_subject():
    doc = rows("""
Minsk Minsk PROPN 3 nsubj
s' se PRON 3 expl:comp
est être AUX 3 aux:tense
vu voir VERB 3 ROOT VerbForm=Part
reprocher reprocher VERB 3 xcomp VerbForm=Inf
la le DET 6 det
répression répression NOUN 4 obj
par par ADP 8 case
Bruxelles Bruxelles PROPN 4 obl:agent
. . PUNCT 3 punct
""")
    c = only(code(doc, rules_with("fr", [ACCUSE_V])))
    assert c.reason is None
    assert sides(c)[1] == ["BLR"]
    assert "BLR" not in sides(c)[0]


def _accusation(actor: str):
    from chronique.model import Actor, Event, Evidence

    return Event(
        id="x", event="ACCUSE", actor=[Actor(text=actor, country=actor, sector="GOV")],
        evidence=[Evidence("s", "a dénoncé", 10, 19, "t.accuse")],
    )  # fmt: skip


def _mentions(**counts: int):
    from chronique.model import Actor

    return [Actor(text=c, country=c, sector="GOV") for c, n in counts.items() for _ in range(n)]


@pytest.mark.parametrize(
    ("mentions", "expected"),
    [
        ({"USA": 6, "VNM": 1}, "USA"),  # a domestic story: aimed at its own country
        ({"USA": 3, "IRN": 4}, "IRN"),  # a clear foreign counterpart
        ({"USA": 3, "IRN": 2, "IRQ": 2}, None),  # two counterparts tie, not domestic: none
    ],
)
def test_untargeted_act_takes_the_frames_recipient(mentions, expected):
    from chronique.extract.events import infer_recipients

    ev = _accusation("USA")
    rules = event_rules("fr")
    infer_recipients([ev], {10}, _mentions(**mentions), "USA", rules, "a")
    got = [a.country for a in ev.recipient]
    assert got == ([expected] if expected else [])
    assert all(a.kind == "inferred" for a in ev.recipient)
    # an act not marked inferable keeps no recipient
    ev = _accusation("USA")
    infer_recipients([ev], set(), _mentions(**mentions), "USA", rules, "a")
    assert ev.recipient == []


def test_an_act_told_twice_takes_the_frames_recipient_when_one_telling_is_untargeted():
    # '« … », demande X, qui réclame Y': the first telling takes an object, the second none
    from chronique.extract.events import infer_recipients
    from chronique.model import Evidence

    ev = _accusation("USA")
    ev.evidence.insert(0, Evidence("s", "demande", 2, 9, "t.accuse"))
    infer_recipients([ev], {10}, _mentions(USA=6), "USA", event_rules("fr"), "a")
    assert [a.country for a in ev.recipient] == ["USA"]


def test_an_international_body_named_often_makes_a_story_not_domestic():
    from chronique.extract.events import infer_recipients

    rules = event_rules("fr")
    # 'appeler à garder espoir' at a UN conference: the UN named as often as a third of
    # France's mentions, so the untargeted call is not aimed at France itself
    ev = _accusation("FRA")
    infer_recipients([ev], {10}, _mentions(FRA=9, UNO=3), "FRA", rules, "a")
    assert ev.recipient == []
    ev = _accusation("FRA")
    infer_recipients([ev], {10}, _mentions(FRA=9, UNO=2), "FRA", rules, "a")
    assert [a.country for a in ev.recipient] == ["FRA"]


def test_an_article_naming_one_country_only_is_domestic_without_a_home():
    from chronique.extract.events import infer_recipients

    rules = event_rules("fr")
    # people only (no place, no nationality word), all American: the home is not set, yet
    # the story is about the United States
    ev = _accusation("USA")
    infer_recipients([ev], {10}, _mentions(USA=4), None, rules, "a")
    assert [(a.country, a.kind) for a in ev.recipient] == [("USA", "inferred")]
    # named twice only: too little to say what the story is about
    ev = _accusation("USA")
    infer_recipients([ev], {10}, _mentions(USA=2), None, rules, "a")
    assert ev.recipient == []


RELEASED = entry(lemma="libérer", type="RETREAT", cameo="0841", recipient=["obj"])


def test_a_participle_coordinated_with_one_describing_a_noun_describes_it_too():
    # 'Paris a dénoncé l'arrestation de militants, détenus lundi puis libérés': released by
    # whoever held them, not by Paris; the parser hangs 'libérés' on the date
    doc = rows("""
Paris Paris PROPN 2 nsubj
a avoir AUX 2 aux:tense
dénoncé dénoncer VERB 2 ROOT VerbForm=Part|Tense=Past
l' le DET 4 det
arrestation arrestation NOUN 2 obj
de de ADP 6 case
militants militant NOUN 4 nmod
, , PUNCT 8 punct
détenus détenir VERB 6 acl VerbForm=Part|Tense=Past
lundi lundi NOUN 8 obl:mod
puis puis CCONJ 11 cc
libérés libérer VERB 9 conj VerbForm=Part|Tense=Past
. . PUNCT 2 punct
""")
    c = only(code(doc, rules_with("fr", [RELEASED])))
    assert c.reason == "no_actor" and not c.actor
    # coordinated with a verb of a clause, the participle acts for that clause's subject
    doc = rows("""
Ankara Ankara PROPN 1 nsubj
arrête arrêter VERB 1 ROOT Mood=Ind|Tense=Pres|VerbForm=Fin
Dupont Dupont PROPN 1 obj
puis puis CCONJ 5 cc
a avoir AUX 5 aux:tense
libéré libérer VERB 1 conj VerbForm=Part|Tense=Past
Durand Durand PROPN 5 obj
. . PUNCT 1 punct
""")
    c = only(code(doc, rules_with("fr", [RELEASED])))
    assert c.reason is None and sides(c)[0] == ["TUR"]


STRIKE_NOUN = entry(lemma="frappe", pos=["NOUN"], type="ASSAULT", cameo="195", nominal=True,
                    actor=["de", "amod"], recipient=["contre"])  # fmt: skip


@pytest.mark.parametrize(
    "verb, lemma, actor",
    [("menées", "mener", ["TUR"]), ("confirmées", "confirmer", [])],
)
def test_the_agent_of_a_participle_that_only_tells_the_act_does_not_do_it(verb, lemma, actor):
    # 'des frappes menées par Ankara': Ankara strikes; 'des frappes confirmées par Ankara':
    # Ankara says so (events.json witness_verbs)
    doc = rows(f"""
Des un DET 1 det
frappes frappe NOUN 6 nsubj
{verb} {lemma} VERB 1 acl VerbForm=Part|Tense=Past
par par ADP 4 case
Ankara Ankara PROPN 2 obl:agent
ont avoir AUX 6 aux:tense
touché toucher VERB 6 ROOT VerbForm=Part|Tense=Past
Idleb Idleb PROPN 6 obj
. . PUNCT 6 punct
""")
    c = only(code(doc, rules_with("fr", [STRIKE_NOUN])))
    assert [a.country for a in c.actor] == actor


DEMONSTRATE = entry(lemma="manifester", type="PROTEST", cameo="141", recipient=["contre"])


@pytest.mark.parametrize(
    "head, lemma, counted, acts",
    [
        ("milliers", "millier", "personnes personne", True),  # a quantity of people
        ("personnes", "personne", None, True),
        ("milliers", "millier", "voitures voiture", False),  # a quantity of things
    ],
)
def test_a_crowd_of_no_stated_country_demonstrates_where_its_clause_puts_it(
    head, lemma, counted, acts
):
    # 'Des milliers de personnes ont manifesté à Minsk': Belarus's people, against its state
    if counted:
        word, word_lemma = counted.split()
        of = f"de de ADP 3 case\n{word} {word_lemma} NOUN 1 nmod"
    else:
        of = "- - PUNCT 1 punct\n- - PUNCT 1 punct"
    table = f"""
Des un DET 1 det
{head} {lemma} NOUN 5 nsubj
{of}
ont avoir AUX 5 aux:tense
manifesté manifester VERB 5 ROOT VerbForm=Part|Tense=Past
{{place}}
. . PUNCT 5 punct
"""
    doc = rows(table.format(place="à à ADP 7 case\nMinsk Minsk PROPN 5 obl:mod"))
    c = only(code(doc, rules_with("fr", [DEMONSTRATE])))
    expected = [("BLR", "CVL", "inferred")] if acts else []
    assert [(a.country, a.sector, a.kind) for a in c.actor] == expected
    if acts:
        assert [(a.country, a.sector) for a in c.recipient] == [("BLR", "GOV")]
    # a clause naming no place names no one, whatever the article's home
    doc = rows(table.format(place="vendredi vendredi NOUN 5 obl:mod\nsoir soir NOUN 6 nmod"))
    assert not only(code(doc, rules_with("fr", [DEMONSTRATE]), home="BLR")).actor


def test_the_press_names_no_states_government():
    # 'a déclaré sur Europe 1': a French act inferred to aim at France in a story that
    # names France first through its press is aimed at the state, not at the radio
    from chronique.extract.events import infer_recipients
    from chronique.model import Actor

    press = [Actor(text="Radio Z", country="FRA", sector="MED") for _ in range(4)]
    ev = _accusation("FRA")
    infer_recipients([ev], {10}, press + _mentions(FRA=4), "FRA", event_rules("fr"), "a")
    assert [(a.country, a.text) for a in ev.recipient] == [("FRA", "FRA")]
    ev = _accusation("FRA")  # named by the press alone: the country's code names it
    infer_recipients([ev], {10}, press, "FRA", event_rules("fr"), "a")
    assert [(a.country, a.text) for a in ev.recipient] == [("FRA", "FRA")]
    ev = _accusation("USA")  # a foreign counterpart named by its press alone
    infer_recipients([ev], {10}, press + _mentions(USA=1), "USA", event_rules("fr"), "a")
    assert [(a.country, a.text, a.sector) for a in ev.recipient] == [("FRA", "FRA", "GOV")]


BLOCK = entry(lemma="bloquer", type="REJECT", cameo="120", recipient=["obj"])


def test_an_act_on_home_legislative_business_is_aimed_at_the_actors_country():
    doc = rows("""
Washington Washington PROPN 2 nsubj
a avoir AUX 2 aux:tense
bloqué bloquer VERB 2 ROOT VerbForm=Part|Tense=Past
le le DET 4 det
projet projet NOUN 2 obj
de de ADP 6 case
loi loi NOUN 4 nmod
. . PUNCT 2 punct
""")
    rules = rules_with("fr", [BLOCK], domestic_objects=["loi"])
    c = only(code(doc, rules))
    assert c.reason is None
    assert sides(c) == (["USA"], ["USA"])
    assert [a.kind for a in c.recipient] == ["inferred"] and not c.infer
    # without the list, the thing blocked names no one: the act waits for the frame
    c = only(code(doc, rules_with("fr", [BLOCK], domestic_objects=[])))
    assert sides(c) == (["USA"], []) and c.infer
    # an actor of no country said has no home to aim at: no recipient of no country
    doc = rows("""
Le le DET 1 det
sénateur sénateur NOUN 3 nsubj
a avoir AUX 3 aux:tense
bloqué bloquer VERB 3 ROOT VerbForm=Part|Tense=Past
le le DET 5 det
projet projet NOUN 3 obj
de de ADP 7 case
loi loi NOUN 5 nmod
. . PUNCT 3 punct
""")
    c = only(code(doc, rules))
    assert [a.country for a in c.actor] == [None] and c.recipient == [] and not c.infer


def test_legislative_business_of_another_country_or_body_is_not_home_business():
    doc = rows("""
Washington Washington PROPN 2 nsubj
a avoir AUX 2 aux:tense
bloqué bloquer VERB 2 ROOT VerbForm=Part|Tense=Past
la le DET 4 det
loi loi NOUN 2 obj
iranienne iranien ADJ 4 amod
. . PUNCT 2 punct
""")
    rules = rules_with("fr", [BLOCK], domestic_objects=["loi"])
    assert sides(only(code(doc, rules))) == (["USA"], ["IRN"])  # the law's owner
    doc = rows("""
Washington Washington PROPN 2 nsubj
a avoir AUX 2 aux:tense
bloqué bloquer VERB 2 ROOT VerbForm=Part|Tense=Past
le le DET 4 det
texte texte NOUN 2 obj
à à ADP 7 case
l' le DET 7 det
ONU ONU PROPN 2 obl:mod
. . PUNCT 2 punct
""")
    c = only(code(doc, rules_with("fr", [BLOCK], domestic_objects=["texte"])))
    assert sides(c)[1] == []


STRIKE_N = entry(lemma="frappe", pos=["NOUN"], nominal=True, actor=["amod", "de"],
                 recipient=["contre"])


def test_an_event_noun_agent_of_a_participle_acts_on_what_it_describes():
    doc = rows("""
le le DET 1 det
général général NOUN 11 nsubj
iranien iranien ADJ 1 amod
, , PUNCT 4 punct
visé viser VERB 1 acl VerbForm=Part|Tense=Past
par par ADP 7 case
une un DET 7 det
frappe frappe NOUN 4 obl:agent
américaine américain ADJ 7 amod
, , PUNCT 4 punct
est être AUX 11 cop
mort mort ADJ 11 ROOT
. . PUNCT 11 punct
""")
    (c,) = [c for c in code(doc, rules_with("fr", [STRIKE_N])) if c.token.i == 7]
    assert c.reason is None
    assert sides(c) == (["USA"], ["IRN"])
    # the same noun with no agent role ('une frappe américaine') names no target
    doc[5].dep_ = "det"
    (c,) = [c for c in code(doc, rules_with("fr", [STRIKE_N])) if c.token.i == 7]
    assert sides(c)[1] == []


def test_a_denial_of_an_unattributed_claim_takes_no_recipient_from_the_frame():
    deny = entry(lemma="démentir", type="REJECT", cameo="120", recipient=["obj"])
    table = """
Damas Damas PROPN 2 nsubj
a avoir AUX 2 aux:tense
démenti démentir VERB 2 ROOT VerbForm=Part|Tense=Past
les le DET 4 det
{noun} {noun} NOUN 2 obj
. . PUNCT 2 punct
"""
    rules = rules_with("fr", [deny], claim_objects=["accusation"])
    c = only(code(rows(table.format(noun="accusation")), rules))
    assert c.reason is None and sides(c) == (["SYR"], []) and not c.infer
    # an offer refused is aimed at whoever made it: the article's counterpart may be given
    c = only(code(rows(table.format(noun="offre")), rules))
    assert c.reason is None and c.infer


def test_a_place_name_is_no_unresolved_actor():
    visit = entry(lemma="visiter", type="CONSULT", cameo="042", recipient=["obj"], symmetric=True)
    doc = rows("""
Paris Paris PROPN 1 nsubj
visite visiter VERB 1 ROOT VerbForm=Fin
Marseille Marseille PROPN 1 obj
. . PUNCT 1 punct
""")
    # a city of the gazetteer is a place, not a second side the resolver missed
    assert only(code(doc, rules_with("fr", [visit]))).reason == "no_second_side"
    doc = rows("""
Paris Paris PROPN 1 nsubj
visite visiter VERB 1 ROOT VerbForm=Fin
Zorbanov Zorbanov PROPN 1 obj
. . PUNCT 1 punct
""")
    c = only(code(doc, rules_with("fr", [visit])))
    assert c.reason is None and sides(c) == (["FRA"], ["?Zorbanov"])


def _said_by(doc, first: int, last: int, country: str):
    """Quoted words from token `first` to token `last`, said by someone of `country`."""
    from chronique.model import Actor, Quote

    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    speaker = Actor(text="le ministre", country=country, sector="GOV", kind="person")
    return Quote(speaker, doc.text[start:end], "direct", "déclarer", start, end)


QUOTED_WE = """
« « PUNCT 4 punct
Nous nous PRON 4 nsubj
avons avoir AUX 4 aux:tense
déjà déjà ADV 4 advmod
attaqué attaquer VERB 4 ROOT VerbForm=Part|Tense=Past
l' le DET 6 det
Ukraine Ukraine PROPN 4 obj
» » PUNCT 4 punct
, , PUNCT 10 punct
a avoir AUX 10 aux:tense
déclaré déclarer VERB 4 parataxis VerbForm=Part|Tense=Past
le le DET 12 det
ministre ministre NOUN 10 nsubj
. . PUNCT 4 punct
"""


def test_first_person_in_quoted_words_is_their_speaker():
    doc = rows(QUOTED_WE)
    c = only(code(doc, rules_with("fr", [ATTACK]), quotes=[_said_by(doc, 1, 6, "RUS")]))
    assert c.reason is None
    assert sides(c) == (["RUS"], ["UKR"])
    # the same words with no speaker known: 'nous' names no one
    assert only(code(doc, rules_with("fr", [ATTACK]))).reason == "no_actor"


DENOUNCE = entry(lemma="dénoncer", type="ACCUSE", cameo="111", recipient=["obj"])

ADJUNCT_OF_REPORT = """
« « PUNCT 3 punct
Kiev Kiev PROPN 3 nsubj
doit devoir VERB 3 ROOT VerbForm=Fin
céder céder VERB 3 xcomp VerbForm=Inf
» » PUNCT 3 punct
, , PUNCT 6 punct
estime estimer VERB 3 parataxis VerbForm=Fin
t t SCONJ 6 punct
-il il PRON 7 dep
, , PUNCT 10 punct
dénonçant dénoncer VERB 6 xcomp VerbForm=Part|Tense=Pres
l' le DET 12 det
Ukraine Ukraine PROPN 10 obj
. . PUNCT 6 punct
"""


def test_participle_adjunct_of_a_reporting_clause_acts_for_the_speaker():
    doc = rows(ADJUNCT_OF_REPORT)
    quote = _said_by(doc, 1, 3, "RUS")
    c = only(code(doc, rules_with("fr", [DENOUNCE]), quotes=[quote]))
    assert c.reason is None
    assert sides(c) == (["RUS"], ["UKR"])
    assert only(code(doc, rules_with("fr", [DENOUNCE]))).reason == "no_actor"


def test_present_participle_the_tagger_calls_past_is_no_adjectival_state():
    doc = rows("""
La le DET 1 det
Russie Russie PROPN 3 nsubj
a avoir AUX 3 aux:tense
renforcé renforcer VERB 3 ROOT VerbForm=Part|Tense=Past
sa son DET 5 det
présence présence NOUN 3 obj
, , PUNCT 7 punct
attaquant attaquer VERB 5 acl VerbForm=Part|Tense=Past
l' le DET 9 det
Ukraine Ukraine PROPN 7 obj
. . PUNCT 3 punct
""")
    c = only(code(doc, rules_with("fr", [ATTACK])))
    assert c.reason is None
    assert sides(c) == (["RUS"], ["UKR"])


CALL_ON = entry(lemma="appeler", type="REQUEST", cameo="100", prep=["à"], recipient=["obj"])


def test_prep_of_an_infinitive_hung_on_the_object_meets_the_prep_constraint():
    # 'appeler les partis à respecter …' parsed as 'les partis à respecter'
    doc = rows("""
Londres Londres PROPN 2 nsubj
a avoir AUX 2 aux:tense
appelé appeler VERB 2 ROOT VerbForm=Part|Tense=Past
les le DET 4 det
Irlandais Irlandais PROPN 2 obj
à à ADP 6 mark
respecter respecter VERB 4 acl VerbForm=Inf
l' le DET 8 det
accord accord NOUN 6 obj
. . PUNCT 2 punct
""")
    c = only(code(doc, rules_with("fr", [CALL_ON])))
    assert c.reason is None
    assert sides(c)[0] == ["GBR"]
    # an infinitive hung on the object with no 'à' does not meet it
    doc[5].dep_ = "det"
    assert only(code(doc, rules_with("fr", [CALL_ON]))).reason == "constraint:prep"


def test_a_named_body_of_no_country_fills_the_recipient_slot():
    # 'la communauté internationale' names a target no country stands for: the act is not
    # given the article's counterpart
    doc = rows("""
Moscou Moscou PROPN 2 nsubj
a avoir AUX 2 aux:tense
appelé appeler VERB 2 ROOT VerbForm=Part|Tense=Past
la le DET 4 det
communauté communauté NOUN 2 obj
internationale international ADJ 4 amod
à à ADP 7 mark
agir agir VERB 2 xcomp VerbForm=Inf
. . PUNCT 2 punct
""")
    c = only(code(doc, rules_with("fr", [CALL_ON])))
    assert c.reason is None
    assert sides(c) == (["RUS"], ["?la communauté internationale"])
    assert not c.infer


def test_a_deployment_is_one_sided_but_an_untargeted_threat_takes_the_frame():
    doc = rows("""
La le DET 1 det
Russie Russie PROPN 3 nsubj
a avoir AUX 3 aux:tense
déployé déployer VERB 3 ROOT VerbForm=Part|Tense=Past
des un DET 5 det
troupes troupe NOUN 3 obj
. . PUNCT 3 punct
""")
    (c,) = [c for c in code(doc, event_rules("fr")) if c.reason is None and c.token.i == 3]
    assert c.rule.type == "MOBILIZE" and not c.infer
    doc = rows("""
La le DET 1 det
Russie Russie PROPN 3 nsubj
a avoir AUX 3 aux:tense
menacé menacer VERB 3 ROOT VerbForm=Part|Tense=Past
de de ADP 5 mark
riposter riposter VERB 3 xcomp VerbForm=Inf
. . PUNCT 3 punct
""")
    (c,) = [c for c in code(doc, event_rules("fr")) if c.reason is None and c.token.i == 3]
    assert c.rule.type == "THREATEN" and c.infer


def test_a_place_of_origin_is_not_whom_a_person_acts_for():
    criticise = entry(lemma="critiquer", type="ACCUSE", cameo="111", recipient=["obj"])
    doc = rows("""
Le le DET 1 det
député député NOUN 6 nsubj
d' de ADP 3 case
origine origine NOUN 1 nmod
turque turc ADJ 1 amod
a avoir AUX 6 aux:tense
critiqué critiquer VERB 6 ROOT VerbForm=Part|Tense=Past
Paris Paris PROPN 6 obj
. . PUNCT 6 punct
""")
    c = only(code(doc, rules_with("fr", [criticise])))
    assert "TUR" not in sides(c)[0]
    assert sides(c)[1] == ["FRA"]
    # the same adjective on the person is their country
    doc = rows("""
Le le DET 1 det
député député NOUN 4 nsubj
turc turc ADJ 1 amod
a avoir AUX 4 aux:tense
critiqué critiquer VERB 4 ROOT VerbForm=Part|Tense=Past
Paris Paris PROPN 4 obj
. . PUNCT 4 punct
""")
    assert sides(only(code(doc, rules_with("fr", [criticise]))))[0] == ["TUR"]


def test_a_prepositional_target_naming_a_thing_gives_its_owner():
    protest = entry(lemma="protester", type="ACCUSE", cameo="111", recipient=["contre"])
    doc = rows("""
Paris Paris PROPN 2 nsubj
a avoir AUX 2 aux:tense
protesté protester VERB 2 ROOT VerbForm=Part|Tense=Past
contre contre ADP 5 case
la le DET 5 det
politique politique NOUN 2 obl:arg
de de ADP 7 case
Moscou Moscou PROPN 5 nmod
. . PUNCT 2 punct
""")
    c = only(code(doc, rules_with("fr", [protest])))
    assert sides(c) == (["FRA"], ["RUS"])


DEPLOYMENT = entry(lemma="déploiement", pos=["NOUN"], type="MOBILIZE", cameo="150", nominal=True,
                   actor=["de"], recipient=[])  # fmt: skip


def test_an_event_nouns_agent_acts():
    # 'le déploiement par Ankara de navires', 'le déploiement de navires annoncé par Ankara'
    doc = rows("""
le le DET 1 det
déploiement déploiement NOUN 1 ROOT
par par ADP 3 case
Ankara Ankara PROPN 1 nmod
de de ADP 5 case
navires navire NOUN 1 nmod
. . PUNCT 1 punct
""")
    assert sides(only(code(doc, rules_with("fr", [DEPLOYMENT]))))[0] == ["TUR"]
    doc = rows("""
le le DET 1 det
déploiement déploiement NOUN 1 ROOT
de de ADP 3 case
navires navire NOUN 1 nmod
annoncé annoncer VERB 1 acl VerbForm=Part|Tense=Past
par par ADP 6 case
Ankara Ankara PROPN 4 obl:agent
. . PUNCT 1 punct
""")
    assert sides(only(code(doc, rules_with("fr", [DEPLOYMENT]))))[0] == ["TUR"]


IMPOSE = entry(lemma="imposer", type="SANCTION", cameo="163", object=["sanction"],
               recipient=["contre"])  # fmt: skip


def test_object_constraint_reads_the_noun_a_participle_modifies():
    doc = rows("""
les le DET 1 det
sanctions sanction NOUN 1 ROOT
imposées imposer VERB 1 acl VerbForm=Part|Tense=Past
par par ADP 4 case
Washington Washington PROPN 2 obl:agent
contre contre ADP 6 case
Téhéran Téhéran PROPN 2 obl:arg
. . PUNCT 1 punct
""")
    c = only(code(doc, rules_with("fr", [IMPOSE])))
    assert c.reason is None
    assert sides(c) == (["USA"], ["IRN"])
    doc[1].lemma_ = "taxe"  # 'les taxes imposées': no sanction
    assert only(code(doc, rules_with("fr", [IMPOSE]))).reason == "constraint:object"


CONDEMN = entry(lemma="condamner", type="ACCUSE", cameo="111", recipient=["obj"])


def test_an_object_the_parser_hangs_on_a_day_name_is_the_object():
    doc = rows("""
Pékin Pékin PROPN 2 nsubj
a avoir AUX 2 aux:tense
condamné condamner VERB 2 ROOT VerbForm=Part|Tense=Past
vendredi vendredi NOUN 2 obl:mod
des de ADP 5 case
manœuvres manœuvre NOUN 3 nmod
japonaises japonais ADJ 5 acl
. . PUNCT 2 punct
""")
    c = only(code(doc, rules_with("fr", [CONDEMN])))
    assert sides(c) == (["CHN"], ["JPN"])
    assert not c.infer


CLOSE_BORDERS = entry(
    lemma="fermer", type="COERCE", cameo="191", object=["frontière"], recipient=["obj_owner"]
)
EXPEL = entry(lemma="expulser", type="COERCE", cameo="174", recipient=["obj"])


def test_an_object_the_parser_hangs_on_a_date_with_a_month_is_the_object():
    # 'Oslo a fermé le 3 mai ses frontières': the object hung on the month, past the number
    doc = rows("""
Oslo Oslo PROPN 2 nsubj
a avoir AUX 2 aux:tense
fermé fermer VERB 2 ROOT VerbForm=Part|Tense=Past
le le DET 4 det
3 3 NUM 2 obl:mod
mai mai NOUN 4 nmod
ses son DET 7 det
frontières frontière NOUN 5 nmod
. . PUNCT 2 punct
""")
    c = only(code(doc, rules_with("fr", [CLOSE_BORDERS])))
    assert c.reason is None
    # the same noun hung on a word that is no date: no object, the reading drops
    doc = rows("""
Oslo Oslo PROPN 2 nsubj
a avoir AUX 2 aux:tense
fermé fermer VERB 2 ROOT VerbForm=Part|Tense=Past
le le DET 4 det
3 3 NUM 2 obl:mod
juges juge NOUN 4 nmod
ses son DET 7 det
frontières frontière NOUN 5 nmod
. . PUNCT 2 punct
""")
    assert only(code(doc, rules_with("fr", [CLOSE_BORDERS]))).reason == "constraint:object"


EXPELLED_MONDAY = """
Rome Rome PROPN 2 nsubj
a avoir AUX 2 aux:tense
expulsé expulser VERB 2 ROOT VerbForm=Part|Tense=Past
lundi lundi NOUN 2 obl:mod
3 3 NUM 3 nmod
mai mai NOUN 4 nmod
des de ADP 7 case
diplomates diplomate NOUN 5 nmod
russes russe ADJ 7 amod
. . PUNCT 2 punct
"""


def test_a_partitive_object_hung_on_a_day_and_month_takes_the_recipient():
    # 'Rome a expulsé lundi 3 mai des diplomates russes': 'des' read as a preposition
    c = only(code(rows(EXPELLED_MONDAY), rules_with("fr", [EXPEL])))
    assert sides(c) == (["ITA"], ["RUS"])
    # 'aux diplomates' hung there is a true preposition's noun, no object
    doc = rows(EXPELLED_MONDAY.replace("des de ADP", "aux à ADP"))
    assert sides(only(code(doc, rules_with("fr", [EXPEL]))))[1] != ["RUS"]


SHUTDOWN = entry(
    lemma="fermeture", pos=["NOUN"], type="SANCTION", cameo="161", nominal=True,
    need_governor=["annoncer"],
)


def test_a_noun_trigger_hung_on_a_date_is_governed_by_the_verb_before_the_date():
    # 'Oslo a annoncé le 3 mai la fermeture': the noun hung on the month, the verb governs it
    doc = rows("""
Oslo Oslo PROPN 2 nsubj
a avoir AUX 2 aux:tense
annoncé annoncer VERB 2 ROOT VerbForm=Part|Tense=Past
le le DET 4 det
3 3 NUM 2 obj
mai mai NOUN 4 nmod
la le DET 7 det
fermeture fermeture NOUN 5 nmod
. . PUNCT 2 punct
""")
    c = only(code(doc, rules_with("fr", [SHUTDOWN])))
    assert c.reason is None and sides(c)[0] == ["NOR"]


def test_a_month_that_is_also_a_word_is_a_date_only_beside_a_number():
    # 'Oslo may close the border': the modal is no month; 'on May 3' is a date
    from chronique.extract.syntax import syntax_for

    syn = syntax_for("en")
    doc = parse(
        "en", "Oslo may close its border on May 3",
        heads=[2, 2, 2, 4, 2, 2, 5, 6],
        deps=["nsubj", "aux", "ROOT", "poss", "dobj", "prep", "pobj", "nummod"],
        pos=["PROPN", "AUX", "VERB", "PRON", "NOUN", "ADP", "PROPN", "NUM"],
    )  # fmt: skip
    assert not syn.is_date_word(doc[1]) and syn.is_date_word(doc[6])
    assert syn.objects(doc[2]) == [doc[4]]


AID_PLAN = entry(
    lemma="plan", pos=["NOUN"], type="AID", cameo="070", nominal=True, object=["aide"],
    need_governor=["dévoiler"], recipient=["à", "au"], self_target=True,
)
AID_PLAN_TO_MALI = """
Oslo Oslo PROPN 2 nsubj
a avoir AUX 2 aux:tense
dévoilé dévoiler VERB 2 ROOT VerbForm=Part|Tense=Past
un un DET 4 det
plan plan NOUN 2 obj
d' de ADP 6 case
aide aide NOUN 4 nmod
au à ADP 8 case
Mali Mali PROPN 6 nmod
. . PUNCT 2 punct
"""


def test_a_noun_trigger_reads_its_target_off_the_noun_that_met_its_object():
    # 'un plan d'aide au Mali': 'au Mali' hangs on 'aide', the noun the object constraint named
    c = only(code(rows(AID_PLAN_TO_MALI), rules_with("fr", [AID_PLAN])))
    assert sides(c) == (["NOR"], ["MLI"])
    # an aid plan naming no one aids the actor's own people
    doc = rows(AID_PLAN_TO_MALI.replace("au à ADP 8 case", "pour pour ADP 8 case"))
    assert sides(only(code(doc, rules_with("fr", [AID_PLAN])))) == (["NOR"], ["NOR"])


CRITICISE = entry(lemma="critiquer", type="ACCUSE", cameo="111", recipient=["obj"])
RECEIVED_THEN = """
Emmanuel Emmanuel PROPN 3 nsubj
Macron Macron PROPN 0 flat:name
a avoir AUX 3 aux:tense
reçu recevoir VERB 3 ROOT VerbForm=Part|Tense=Past
Vladimir Vladimir PROPN 3 obj
Poutine Poutine PROPN 4 flat:name
. . PUNCT 3 punct
Ce ce DET 8 det
dernier dernier ADJ 10 nsubj
a avoir AUX 10 aux:tense
critiqué critiquer VERB 10 ROOT VerbForm=Part|Tense=Past
Kiev Kiev PROPN 10 obj
. . PUNCT 10 punct
"""


def test_a_demonstrative_subject_is_the_last_one_named_not_the_topic():
    # 'X a reçu Y. Ce dernier a critiqué Z': Y; 'Il a critiqué Z' would be X, the subject
    rules = rules_with("fr", [CRITICISE])
    c = only([c for c in code(rows(RECEIVED_THEN), rules, named=True) if c.rule.type == "ACCUSE"])
    assert c.reason is None and sides(c) == (["RUS"], ["UKR"])
    doc = rows(
        RECEIVED_THEN.replace("Ce ce DET 8 det", "Il il PRON 10 nsubj").replace(
            "dernier dernier ADJ 10 nsubj", "aussi aussi ADV 10 advmod"
        )
    )
    c = only([c for c in code(doc, rules, named=True) if c.rule.type == "ACCUSE"])
    assert sides(c)[0] == ["FRA"]


HOST_GUEST = entry(
    lemma="recevoir", type="CONSULT", cameo="043", recipient=["obj"], need_recipient=True,
    object_not=["lettre"],
)
RECEIVED_LETTER = """
Oslo Oslo PROPN 2 nsubj
a avoir AUX 2 aux:tense
reçu recevoir VERB 2 ROOT VerbForm=Part|Tense=Past
une un DET 4 det
lettre lettre NOUN 2 obj
de de ADP 6 case
Rome Rome PROPN 4 nmod
. . PUNCT 2 punct
"""


def test_object_not_rules_a_thing_received_out_of_a_meeting():
    # 'Oslo a reçu une lettre de Rome' is no visit; 'Oslo a reçu l'envoyé de Rome' is one
    c = only(code(rows(RECEIVED_LETTER), rules_with("fr", [HOST_GUEST])))
    assert c.reason == "constraint:object_not"
    doc = rows(RECEIVED_LETTER.replace("une un DET", "l' le DET").replace(
        "lettre lettre NOUN", "envoyé envoyé NOUN"))  # fmt: skip
    c = only(code(doc, rules_with("fr", [HOST_GUEST])))
    assert c.reason is None and sides(c) == (["NOR"], ["ITA"])


HOSTED_REFUGEES = """
Oslo Oslo PROPN 2 nsubj
a avoir AUX 2 aux:tense
reçu recevoir VERB 2 ROOT VerbForm=Part|Tense=Past
une un DET 4 det
partie partie NOUN 2 obj
des de ADP 6 case
réfugiés réfugié NOUN 4 nmod
syriens syrien ADJ 6 amod
. . PUNCT 2 punct
"""


def test_hosting_refugees_counted_by_a_quantity_is_no_visit():
    """'a reçu une partie des réfugiés syriens': what a quantity counts is what is hosted
    (events.json quantity_heads), and refugees are no guests of state (the shipped hosting
    rules' object_not)."""
    cands = code(rows(HOSTED_REFUGEES), event_rules("fr"))
    visits = [c for c in cands if c.rule.type == "CONSULT"]
    assert visits and all(c.reason == "constraint:object_not" for c in visits)
    doc = rows(HOSTED_REFUGEES.replace("réfugiés réfugié NOUN", "ministres ministre NOUN"))
    assert any(c.rule.type == "CONSULT" and c.reason is None
               for c in code(doc, event_rules("fr")))  # fmt: skip


MAINTAINED = """
Moscou Moscou PROPN 2 nsubj
a avoir AUX 2 aux:tense
soutenu soutenir VERB 2 ROOT VerbForm=Part|Tense=Past
que que SCONJ 6 mark
Kiev Kiev PROPN 6 nsubj
avait avoir AUX 6 aux:tense
rompu rompre VERB 2 ccomp VerbForm=Part|Tense=Past
la le DET 8 det
trêve trêve NOUN 6 obj
. . PUNCT 2 punct
"""


def test_a_verb_with_a_clause_of_its_own_says_or_wonders():
    """clause_not: 'a soutenu que …' maintains a claim, it backs no one; 'a soutenu Kiev'
    supports."""
    support = [c for c in code(rows(MAINTAINED), event_rules("fr")) if c.rule.type == "SUPPORT"]
    assert support and all(c.reason == "constraint:clause_not" for c in support)
    backed = rows("""
Moscou Moscou PROPN 2 nsubj
a avoir AUX 2 aux:tense
soutenu soutenir VERB 2 ROOT VerbForm=Part|Tense=Past
Kiev Kiev PROPN 2 obj
. . PUNCT 2 punct
""")
    (c,) = [c for c in code(backed, event_rules("fr")) if c.rule.type == "SUPPORT"]
    assert c.reason is None and sides(c) == (["RUS"], ["UKR"])


@pytest.mark.parametrize(
    ("table", "asks"),
    [
        (  # 'nous' is the subject: a demand
            """
Nous nous PRON 1 nsubj Number=Plur|Person=1
demandons demander VERB 1 ROOT Person=1|Tense=Pres|VerbForm=Fin
une un DET 3 det
enquête enquête NOUN 1 obj
. . PUNCT 1 punct
""",
            True,
        ),
        (  # 'm'' is whom the demand is made to
            """
Il il PRON 3 nsubj Person=3
m' me PRON 3 iobj Number=Sing|Person=1
a avoir AUX 3 aux:tense
demandé demander VERB 3 ROOT VerbForm=Part|Tense=Past
une un DET 5 det
enquête enquête NOUN 3 obj
. . PUNCT 3 punct
""",
            True,
        ),
        (  # 'je me demande si …': wondering
            """
Je je PRON 2 nsubj Number=Sing|Person=1
me me PRON 2 expl:comp Number=Sing|Person=1|Reflex=Yes
demande demander VERB 2 ROOT Person=1|Tense=Pres|VerbForm=Fin
si si SCONJ 5 mark
Kiev Kiev PROPN 5 nsubj
ment mentir VERB 2 ccomp Person=3|Tense=Pres|VerbForm=Fin
. . PUNCT 2 punct
""",
            False,
        ),
    ],
)
def test_a_clitic_is_reflexive_only_with_a_subject_of_its_person(table, asks):
    """'se demander' wonders; 'nous demandons', 'il m'a demandé' ask."""
    found = [c for c in code(rows(table), event_rules("fr")) if c.rule.id == "fr.request.demander"]
    assert bool(found and found[0].reason in (None, "no_actor")) == asks, [
        (c.rule.id, c.reason) for c in found
    ]


def test_showing_an_intention_is_no_demonstration():
    """'a manifesté l'intention de partir' shows; 'ont manifesté contre X' protests."""
    doc = rows("""
Washington Washington PROPN 2 nsubj
a avoir AUX 2 aux:tense
manifesté manifester VERB 2 ROOT VerbForm=Part|Tense=Past
l' le DET 4 det
intention intention NOUN 2 obj
de de ADP 6 mark
partir partir VERB 4 acl VerbForm=Inf
. . PUNCT 2 punct
""")
    found = [c for c in code(doc, event_rules("fr")) if c.rule.id == "fr.protest.manifester"]
    assert found and all(c.reason == "constraint:object_not" for c in found)


MADE_TO_UNDERGO = """
Des un DET 1 det
journalistes journaliste NOUN 6 nsubj:pass
russes russe ADJ 1 amod
se se PRON 6 expl:comp Person=3|Reflex=Yes
sont être AUX 6 aux:tense
fait faire AUX 6 dep VerbForm=Part|Tense=Past
agresser agresser VERB 6 ROOT VerbForm=Inf
par par ADP 9 case
des un DET 9 det
soldats soldat NOUN 6 obl:agent
ukrainiens ukrainien ADJ 9 amod
. . PUNCT 6 punct
"""


def test_se_faire_with_an_infinitive_is_undergone_by_its_subject():
    """grammar.json passive_verbs: 'X s'est fait agresser par Y', with 'fait' read as an
    auxiliary of the infinitive, is Y's act on X; the clitic is the auxiliary's, so a plain
    reading ('arrêter', not 's'arrêter') still applies."""
    assault = entry(lemma="agresser", recipient=["obj"], reflexive=False)
    c = only(code(rows(MADE_TO_UNDERGO), rules_with("fr", [assault])))
    assert c.reason is None and sides(c) == (["UKR"], ["RUS"])


def test_a_personal_verbs_expletive_il_is_its_subject():
    # the parser labels 'Il se rendra à Oslo' like 'Il faut partir': only an impersonal verb
    # ('falloir', 's'agir', 'il y a') has no subject in its 'il'
    from chronique.extract.syntax import syntax_for

    syn = syntax_for("fr")
    doc = rows("""
Il il PRON 2 expl:subj
se se PRON 2 expl:comp
rendra rendre VERB 2 ROOT VerbForm=Fin
à à ADP 4 case
Oslo Oslo PROPN 2 obl:mod
. . PUNCT 2 punct
""")
    assert syn.subjects(doc[2]) == [doc[0]]
    doc = rows("""
Il il PRON 1 expl:subj
faut falloir VERB 1 ROOT VerbForm=Fin
partir partir VERB 1 xcomp VerbForm=Inf
. . PUNCT 1 punct
""")
    assert syn.subjects(doc[1]) == []


PRAISE = entry(lemma="féliciter", type="SUPPORT", cameo="051", recipient=["obj"])
HOST = entry(lemma="recevoir", type="CONSULT", cameo="043", recipient=["obj"])

CLITIC = """
Tokyo Tokyo PROPN 1 nsubj
reçoit recevoir VERB 1 ROOT VerbForm=Fin
Séoul Séoul PROPN 1 obj
. . PUNCT 1 punct
Pékin Pékin PROPN 7 nsubj
les le PRON 7 obj
a avoir AUX 7 aux:tense
félicités féliciter VERB 7 ROOT VerbForm=Part|Tense=Past
. . PUNCT 7 punct
"""


def test_an_object_clitic_stands_for_those_named_before_other_than_the_actor():
    cands = code(rows(CLITIC), rules_with("fr", [PRAISE, HOST]), named=True)
    praise = next(c for c in cands if c.rule.type == "SUPPORT")
    assert praise.reason is None
    assert sides(praise)[0] == ["CHN"]
    assert set(sides(praise)[1]) <= {"JPN", "KOR"} and sides(praise)[1]
    # a pronoun after the auxiliary is emphatic ('a lui aussi félicité'), not the object
    doc = rows(CLITIC)
    for i, (w, head, dep) in enumerate([("a", 7, "aux:tense"), ("eux", 7, "obj")], start=5):
        doc[i].lemma_, doc[i].head, doc[i].dep_ = w, doc[head], dep
    cands = code(doc, rules_with("fr", [PRAISE, HOST]), named=True)
    praise = next(c for c in cands if c.rule.type == "SUPPORT")
    assert sides(praise)[1] == []


READY = entry(lemma="prêt", pos=["ADJ"], type="AGREE", cameo="030", prep=["à"])


def test_negation_whose_pas_the_parser_hangs_elsewhere_still_negates():
    doc = rows("""
Rome Rome PROPN 5 nsubj
n' ne ADV 5 advmod
est être AUX 5 cop
pas pas ADV 4 advmod
encore encore ADV 5 advmod
prête prêt ADJ 5 ROOT
à à ADP 7 mark
négocier négocier VERB 5 xcomp VerbForm=Inf
. . PUNCT 5 punct
""")
    assert only(code(doc, rules_with("fr", [READY]))).modality == "negated"
    doc = rows("""
Rome Rome PROPN 4 nsubj
ne ne ADV 4 advmod
s' se PRON 4 expl:comp
est être AUX 4 aux:tense
dit dire VERB 4 ROOT VerbForm=Part
pas pas ADV 4 advmod
prête prêt ADJ 4 xcomp
à à ADP 8 mark
négocier négocier VERB 6 xcomp VerbForm=Inf
. . PUNCT 4 punct
""")
    assert only(code(doc, rules_with("fr", [READY]))).modality == "negated"


URGE = entry(lemma="exhorter", type="REQUEST", cameo="100", recipient=["obj"])


def test_a_gerund_adjunct_is_not_the_content_of_its_heads_request():
    doc = rows("""
Dakar Dakar PROPN 2 nsubj
a avoir AUX 2 aux:tense
appelé appeler VERB 2 ROOT VerbForm=Part|Tense=Past
au à ADP 4 case
calme calme NOUN 2 obl:arg
, , PUNCT 6 punct
exhortant exhorter VERB 2 xcomp VerbForm=Part|Tense=Pres
Bamako Bamako PROPN 6 obj
à à ADP 9 mark
négocier négocier VERB 6 xcomp VerbForm=Inf
. . PUNCT 2 punct
""")
    c = only(code(doc, rules_with("fr", [URGE])))
    assert sides(c) == (["SEN"], ["MLI"])
    assert c.modality == "asserted"


def test_a_body_named_in_apposition_is_the_object():
    doc = rows("""
Bamako Bamako PROPN 2 nsubj
a avoir AUX 2 aux:tense
exhorté exhorter VERB 2 ROOT VerbForm=Part|Tense=Past
la le DET 4 det
Communauté communauté NOUN 2 obj
régionale régional ADJ 4 amod
( ( PUNCT 7 punct
Cédéao Cédéao PROPN 4 appos
) ) PUNCT 7 punct
. . PUNCT 2 punct
""")
    c = only(code(doc, rules_with("fr", [URGE])))
    assert sides(c) == (["MLI"], ["IGO"])


FUND = entry(lemma="débloquer", type="AID", cameo="071", recipient=["pour"])


def test_a_home_group_in_a_prepositional_target_takes_the_home_country():
    doc = rows("""
Le le DET 1 det
ministre ministre NOUN 2 nsubj
débloque débloquer VERB 2 ROOT VerbForm=Fin
des un DET 4 det
fonds fonds NOUN 2 obj
pour pour ADP 7 case
les le DET 7 det
agriculteurs agriculteur NOUN 2 obl:arg
. . PUNCT 2 punct
""")
    c = only(code(doc, rules_with("fr", [FUND]), home="FRA"))
    assert sides(c)[1] == ["FRA"]
    assert c.recipient[0].kind == "inferred"


def test_a_participle_parsed_as_the_conjunct_of_a_controlled_infinitive_keeps_the_subject():
    praise = entry(lemma="saluer", type="SUPPORT", cameo="051", recipient=["obj"])
    doc = rows("""
Dakar Dakar PROPN 2 nsubj
a avoir AUX 2 aux:tense
exhorté exhorter VERB 2 ROOT VerbForm=Part|Tense=Past
Bamako Bamako PROPN 2 obj
à à ADP 5 mark
négocier négocier VERB 2 xcomp VerbForm=Inf
et et CCONJ 7 cc
salué saluer VERB 5 conj VerbForm=Part|Tense=Past
Niamey Niamey PROPN 7 obj
. . PUNCT 2 punct
""")
    c = only(code(doc, rules_with("fr", [praise])))
    assert sides(c) == (["SEN"], ["NER"])


CRITICISE = entry(lemma="critiquer", type="ACCUSE", cameo="111", recipient=["obj"])


def test_criticising_an_act_is_aimed_at_its_agent_not_at_whom_it_concerns():
    doc = rows("""
Paris Paris PROPN 2 nsubj
a avoir AUX 2 aux:tense
critiqué critiquer VERB 2 ROOT VerbForm=Part|Tense=Past
la le DET 4 det
violation violation NOUN 2 obj
de de ADP 6 case
souveraineté souveraineté NOUN 4 nmod
grecque grec ADJ 6 amod
par par ADP 10 case
la le DET 10 det
Turquie Turquie PROPN 4 nmod
. . PUNCT 2 punct
""")
    assert sides(only(code(doc, rules_with("fr", [CRITICISE])))) == (["FRA"], ["TUR"])
    # the parser hangs 'par la Turquie' on the active verb
    doc = rows("""
Paris Paris PROPN 2 nsubj
a avoir AUX 2 aux:tense
critiqué critiquer VERB 2 ROOT VerbForm=Part|Tense=Past
la le DET 4 det
violation violation NOUN 2 obj
de de ADP 6 case
souveraineté souveraineté NOUN 4 nmod
grecque grec ADJ 6 amod
par par ADP 10 case
la le DET 10 det
Turquie Turquie PROPN 2 obl:mod
. . PUNCT 2 punct
""")
    assert sides(only(code(doc, rules_with("fr", [CRITICISE])))) == (["FRA"], ["TUR"])

    # ... and on the complement next to it ('la répression des manifestations par X')
    doc = rows("""
Paris Paris PROPN 2 nsubj
a avoir AUX 2 aux:tense
critiqué critiquer VERB 2 ROOT VerbForm=Part|Tense=Past
la le DET 4 det
répression répression NOUN 2 obj
des de ADP 6 case
manifestations manifestation NOUN 4 nmod
par par ADP 9 case
la le DET 9 det
Turquie Turquie PROPN 6 nmod
. . PUNCT 2 punct
""")
    assert sides(only(code(doc, rules_with("fr", [CRITICISE])))) == (["FRA"], ["TUR"])


SAID_MUST = """
Oslo Oslo PROPN 1 nsubj
said say VERB 1 ROOT VerbForm=Fin|Tense=Past
Bern Bern PROPN 4 nsubj
must must AUX 4 aux VerbForm=Fin
pay pay VERB 1 ccomp VerbForm=Inf
. . PUNCT 1 punct
"""


@pytest.mark.parametrize(("value", "holds"), [(["must"], True), (["should"], False)])
def test_comp_aux_constraint_reads_the_complement_clause(value, holds):
    doc = rows(SAID_MUST, "en")
    rule = entry(lemma="say", type="REQUEST", cameo="100", comp_aux=value)
    rules = rules_with("en", [rule])
    tok = _tok(doc, "say")
    (trigger,) = rules.candidates(tok)
    assert (trigger.unmet(tok, rules) is None) is holds


FOUND_GUILTY = """
Oslo Oslo PROPN 1 nsubj
found find VERB 1 ROOT VerbForm=Fin|Tense=Past
Bern Bern PROPN 3 nsubj
guilty guilty ADJ 1 ccomp
. . PUNCT 1 punct
"""

WAS_FOUND_GUILTY = """
Bern Bern PROPN 2 nsubjpass
was be AUX 2 auxpass VerbForm=Fin
found find VERB 2 ROOT VerbForm=Part|Tense=Past
guilty guilty ADJ 2 oprd
. . PUNCT 2 punct
"""


SENT_TO_INVESTIGATE = """
Oslo Oslo PROPN 1 nsubj
sent send VERB 1 ROOT VerbForm=Fin|Tense=Past
experts expert NOUN 1 dobj
to to PART 4 aux
investigate investigate VERB 1 advcl VerbForm=Inf
. . PUNCT 1 punct
"""


@pytest.mark.parametrize(
    ("table", "value", "holds"),
    [
        (SENT_TO_INVESTIGATE, ["investigate"], True),
        (FOUND_GUILTY, ["guilty"], True),
        (WAS_FOUND_GUILTY, ["guilty"], True),
        (FOUND_GUILTY, ["innocent"], False),
    ],
)
def test_complement_constraint_reads_a_clausal_or_predicative_complement(table, value, holds):
    doc = rows(table, "en")
    verb = next(t for t in doc if t.dep_ == "ROOT")
    rule = entry(lemma=verb.lemma_, type="ACCUSE", cameo="116", complement=value)
    rules = rules_with("en", [rule])
    tok = verb
    (trigger,) = rules.candidates(tok)
    assert (trigger.unmet(tok, rules) is None) is holds


WILL_NOT_LIFT = """
Oslo Oslo PROPN 3 nsubj
will will AUX 3 aux VerbForm=Fin
not not PART 3 neg
lift lift VERB 3 ROOT VerbForm=Inf
the the DET 5 det
ban ban NOUN 3 dobj Number=Sing
. . PUNCT 3 punct
"""

BOYCOTT_UNLESS = """
Oslo Oslo PROPN 2 nsubj
will will AUX 2 aux VerbForm=Fin
boycott boycott VERB 2 ROOT VerbForm=Inf
talks talk NOUN 2 dobj Number=Plur
unless unless SCONJ 6 mark
Bern Bern PROPN 6 nsubj
yields yield VERB 2 advcl VerbForm=Fin|Tense=Pres
. . PUNCT 2 punct
"""

REFUSAL = {"type": "REJECT", "words": ["will"], "types": {"CONCEDE": "124"}}
ULTIMATUM = {"type": "THREATEN", "cameo": "130", "words": ["unless"], "skip": ["REQUEST"]}


def test_refusal_construction_retypes_a_concession_negated_with_will():
    lift = entry(lemma="lift", type="CONCEDE", cameo="081")
    (c,) = code(rows(WILL_NOT_LIFT, "en"), rules_with("en", [lift], refusal=REFUSAL), "en")
    assert (c.rule.type, c.rule.cameo, c.modality) == ("REJECT", "124", "asserted")
    (c,) = code(rows(WILL_NOT_LIFT, "en"), rules_with("en", [lift]), "en")
    assert (c.rule.type, c.modality) == ("CONCEDE", "negated")


def test_ultimatum_construction_retypes_a_conditional_announced_act():
    boycott = entry(lemma="boycott", type="PROTEST", cameo="143")
    rules = rules_with("en", [boycott], conditional_threat=ULTIMATUM)
    (c,) = code(rows(BOYCOTT_UNLESS, "en"), rules, "en")
    assert (c.rule.type, c.rule.cameo) == ("THREATEN", "130")
    request = entry(lemma="boycott", type="REQUEST", cameo="100")
    rules = rules_with("en", [request], conditional_threat=ULTIMATUM)
    (c,) = code(rows(BOYCOTT_UNLESS, "en"), rules, "en")
    assert c.rule.type == "REQUEST"


def test_construction_with_an_unknown_type_is_refused():
    with pytest.raises(LexiconError):
        rules_with("en", [], refusal={"type": "REJECT", "words": [], "types": {"YIELD": "124"}})


def test_a_present_tense_verb_left_unlemmatised_is_read_through_its_ending():
    claim = entry(lemma="réclamer", type="REQUEST", cameo="100", recipient=["à"])
    doc = rows("""
Moscou Moscou PROPN 1 nsubj
réclame réclame VERB 1 ROOT VerbForm=Fin
des un DET 3 det
garanties garantie NOUN 1 obj
. . PUNCT 1 punct
""")
    c = only(code(doc, rules_with("fr", [claim])))
    assert c.reason is None and c.rule.lemma == "réclamer"
    assert sides(c)[0] == ["RUS"]


CALL = entry(lemma="appeler", type="REQUEST", cameo="100", prep=["à"], recipient=["obj"])

# 'Berlin a jugé le texte insuffisant, appelant Varsovie à agir': the parser hangs the
# participle on the object noun before the comma
ADJUNCT_ON_THING = """
Berlin Berlin PROPN 2 nsubj
a avoir AUX 2 aux:tense
jugé juger VERB 2 ROOT VerbForm=Part|Tense=Past
le le DET 4 det
texte texte NOUN 2 obj
insuffisant insuffisant ADJ 4 amod
, , PUNCT 7 punct
appelant appeler VERB 4 acl VerbForm=Part|Tense=Pres
Varsovie Varsovie PROPN 7 obj
à à ADP 10 mark
agir agir VERB 7 xcomp VerbForm=Inf
. . PUNCT 2 punct
"""


def test_participle_adjunct_hung_on_a_thing_acts_for_the_clause_subject():
    c = only(code(rows(ADJUNCT_ON_THING), rules_with("fr", [CALL])))
    assert c.reason is None
    assert sides(c) == (["DEU"], ["POL"])


def test_participle_adjunct_after_a_named_object_still_goes_with_the_subject():
    # 'Berlin a critiqué Moscou, appelant …': news prose hangs the adjunct on the clause
    doc = rows(ADJUNCT_ON_THING.replace("texte texte NOUN", "Moscou Moscou PROPN"))
    c = only(code(doc, rules_with("fr", [CALL])))
    assert sides(c) == (["DEU"], ["POL"])


def test_object_constraint_reads_the_noun_of_a_past_participle_only():
    # a present participle's noun is who acts, not what is acted on
    rule = CALL | {"id": "t.appeler_texte", "object": ["texte"]}
    (c,) = code(rows(ADJUNCT_ON_THING), rules_with("fr", [rule]))
    assert c.reason == "constraint:object"


def test_participle_adjunct_of_a_reported_clause_about_a_thing_goes_with_the_reporter():
    # 'Berlin a estimé que la mesure restait floue, appelant Varsovie à agir'
    doc = rows("""
Berlin Berlin PROPN 2 nsubj
a avoir AUX 2 aux:tense
estimé estimer VERB 2 ROOT VerbForm=Part|Tense=Past
que que SCONJ 6 mark
la le DET 5 det
mesure mesure NOUN 6 nsubj
restait rester VERB 2 ccomp VerbForm=Fin|Tense=Imp|Mood=Ind
floue flou ADJ 6 xcomp
, , PUNCT 9 punct
appelant appeler VERB 6 advcl VerbForm=Part|Tense=Pres
Varsovie Varsovie PROPN 9 obj
à à ADP 12 mark
agir agir VERB 9 xcomp VerbForm=Inf
. . PUNCT 2 punct
""")
    c = only(code(doc, rules_with("fr", [CALL])))
    assert sides(c) == (["DEU"], ["POL"])


def test_a_body_named_after_its_kind_without_preposition_is_the_object():
    # 'l'organisation Cédéao' with the name read as a bare noun modifier
    doc = rows("""
Bamako Bamako PROPN 2 nsubj
a avoir AUX 2 aux:tense
exhorté exhorter VERB 2 ROOT VerbForm=Part|Tense=Past
l' le DET 4 det
organisation organisation NOUN 2 obj
Cédéao Cédéao PROPN 4 nmod
. . PUNCT 2 punct
""")
    c = only(code(doc, rules_with("fr", [URGE])))
    assert sides(c) == (["MLI"], ["IGO"])


def shipped(entry_id: str) -> dict:
    from chronique.lexicons import load

    (e,) = [t for t in load("events", "fr")["triggers"] if t["id"] == entry_id]
    return e


@pytest.mark.parametrize("entry_id", ["fr.support.soutien", "fr.accuse.critique_noun",
                                      "fr.threaten.menace", "fr.request.appel_noun",
                                      "fr.consult.rencontre", "fr.consult.entretien"])  # fmt: skip
def test_agentive_event_nouns_take_their_possessor_as_actor(entry_id):
    # 'Elle a renouvelé son soutien à Kiev': whose support is whom the possessive points to
    e = shipped(entry_id)
    prep = e["recipient"][0]
    doc = rows(f"""
Elle elle PRON 1 nsubj
a avoir AUX 2 aux:tense
renouvelé renouveler VERB 2 ROOT VerbForm=Part|Tense=Past
son son DET 4 det Poss=Yes
{e['lemma']} {e['lemma']} NOUN 2 obj
{prep} {prep} ADP 6 case
Kiev Kiev PROPN 4 nmod
. . PUNCT 2 punct
""")
    from chronique.extract.actors import ActorMemory
    from chronique.model import Actor

    memory = ActorMemory()
    memory.remember(Actor(text="Annalena Baerbock", country="DEU", kind="person", start=0), True)
    c = only(code(doc, rules_with("fr", [e]), memory=memory))
    assert sides(c) == (["DEU"], ["UKR"])


def test_a_subject_labelled_passive_beside_a_tense_auxiliary_only_acts():
    # 'Les députés l'ont rejeté': no passive auxiliary, so the subject rejects
    doc = rows("""
Les le DET 1 det
députés député NOUN 5 nsubj:pass
britanniques britannique ADJ 1 amod
l' le PRON 5 obj
ont avoir AUX 5 aux:tense
rejeté rejeter VERB 5 ROOT VerbForm=Part|Tense=Past
. . PUNCT 5 punct
""")
    reject = entry(lemma="rejeter", type="REJECT", cameo="120", recipient=["obj"])
    c = only(code(doc, rules_with("fr", [reject])))
    assert c.reason is None and sides(c)[0] == ["GBR"]


def test_reflexive_false_keeps_the_plain_verb_only():
    stop = entry(lemma="arrêter", type="COERCE", cameo="173", recipient=["obj"], reflexive=False)
    doc = rows("""
Tout tout PRON 2 nsubj
s' se PRON 3 expl:comp
est être AUX 3 aux:tense
arrêté arrêter VERB 3 ROOT VerbForm=Part|Tense=Past
. . PUNCT 3 punct
""")
    (c,) = code(doc, rules_with("fr", [stop]))
    assert c.reason == "constraint:reflexive"
    assert only(code(rows(ACTIVE.replace("attaqué attaquer", "arrêté arrêter")),
                     rules_with("fr", [stop]))).reason is None  # fmt: skip


OWN_GROUP = """
Washington Washington PROPN 2 nsubj
a avoir AUX 2 aux:tense
appelé appeler VERB 2 ROOT VerbForm=Part|Tense=Past
les le DET 4 det
élus élu NOUN 2 obj
à à ADP 6 mark
agir agir VERB 2 xcomp VerbForm=Inf
. . PUNCT 2 punct
"""


def test_an_unnamed_domestic_group_spoken_to_is_of_the_actors_country():
    c = only(code(rows(OWN_GROUP), rules_with("fr", [CALL])))
    assert sides(c) == (["USA"], ["USA"])
    assert c.recipient[0].kind == "inferred"
    # a foreign one is not ('les élus étrangers')
    doc = rows("""
Washington Washington PROPN 2 nsubj
a avoir AUX 2 aux:tense
appelé appeler VERB 2 ROOT VerbForm=Part|Tense=Past
les le DET 4 det
élus élu NOUN 2 obj
étrangers étranger ADJ 4 amod
à à ADP 7 mark
agir agir VERB 2 xcomp VerbForm=Inf
. . PUNCT 2 punct
""")
    assert sides(only(code(doc, rules_with("fr", [CALL]))))[1] != ["USA"]


def test_a_nominal_triggers_target_hung_on_its_light_verb():
    # 'Lima a adressé ses félicitations à Quito': 'à Quito' hangs on the verb
    praise = entry(lemma="félicitation", pos=["NOUN"], type="SUPPORT", cameo="051",
                   nominal=True, need_governor=["adresser"], recipient=["à"])  # fmt: skip
    doc = rows("""
Lima Lima PROPN 2 nsubj
a avoir AUX 2 aux:tense
adressé adresser VERB 2 ROOT VerbForm=Part|Tense=Past
ses son DET 4 det Poss=Yes
félicitations félicitation NOUN 2 obj
à à ADP 6 case
Quito Quito PROPN 2 obl:arg
. . PUNCT 2 punct
""")
    assert sides(only(code(doc, rules_with("fr", [praise])))) == (["PER"], ["ECU"])


ENJOIN = entry(lemma="enjoindre", type="REQUEST", cameo="100", prep=["de"], recipient=["obj"])
SUPPORT = entry(lemma="réitérer", type="SUPPORT", cameo="051", recipient=["à"])


def test_a_participle_read_as_the_requested_infinitives_conjunct_is_asserted():
    # 'Bamako a enjoint Abuja de lever … et réitéré son soutien à Paris'
    doc = rows("""
Bamako Bamako PROPN 2 nsubj
a avoir AUX 2 aux:tense
enjoint enjoindre VERB 2 ROOT VerbForm=Part|Tense=Past
Abuja Abuja PROPN 2 obj
de de ADP 5 mark
lever lever VERB 2 xcomp VerbForm=Inf
ses son DET 7 det
sanctions sanction NOUN 5 obj
et et CCONJ 9 cc
réitéré réitérer VERB 5 conj VerbForm=Part|Tense=Past
son son DET 11 det
soutien soutien NOUN 9 obj
à à ADP 13 case
Paris Paris PROPN 9 obl:arg
. . PUNCT 2 punct
""")
    cands = code(doc, rules_with("fr", [ENJOIN, SUPPORT]))
    (support,) = [c for c in cands if c.rule.type == "SUPPORT"]
    assert support.modality == "asserted"
    assert sides(support) == (["MLI"], ["FRA"])


def test_an_act_told_by_its_own_sides_source_is_asserted():
    from types import SimpleNamespace

    from chronique.extract.events import own_account
    from chronique.model import Actor

    kim = Actor(text="Kim", country="PRK", kind="person")
    c = SimpleNamespace(actor=[kim], modality="alleged",
                        attributed_to=[Actor(text="KCNA", country="PRK", kind="org")])  # fmt: skip
    own_account(c)
    assert c.modality == "asserted" and c.attributed_to
    seoul = Actor(text="Séoul", country="KOR", kind="capital")
    other = SimpleNamespace(actor=[kim], modality="alleged", attributed_to=[seoul])
    own_account(other)
    assert other.modality == "alleged"


def _date_in(doc, trigger_text: str, published: str = "2023-09-14"):
    from handparse import actors_of

    from chronique.extract.events.anchor import date_of
    from chronique.extract.time import find_times

    when = PartialDate.parse(published)
    times = find_times(doc.text, "fr", when)
    tok = next(t for t in doc if t.text == trigger_text)
    return date_of(tok, times, actors_of(doc), event_rules("fr"), when)


RECEIVED_AND_INVITED = """
La le DET 1 det
ministre ministre NOUN 3 nsubj
a avoir AUX 3 aux:tense
reçu recevoir VERB 3 ROOT VerbForm=Part
mardi mardi NOUN 3 obl:mod
son son DET 6 det Poss=Yes
homologue homologue NOUN 3 obj
et et CCONJ 8 cc
invité inviter VERB {invited_head} conj VerbForm=Part
le le DET 10 det
voisin voisin NOUN 8 obj
à à ADP 12 mark
négocier négocier VERB 8 xcomp VerbForm=Inf
. . PUNCT 3 punct
"""


@pytest.mark.parametrize("invited_head", [3, 6])
def test_a_verb_coordinated_with_a_dated_verb_takes_its_day(invited_head):
    # 'mardi' (published Thursday 14th) dates 'a reçu'; 'invité', sharing its subject and
    # auxiliary, happened that day too, also when the parser hangs it on the first object
    doc = rows(RECEIVED_AND_INVITED.format(invited_head=invited_head))
    assert _date_in(doc, "invité").start == "2023-09-12"


def test_a_coordinated_verb_with_its_own_subject_keeps_the_publication_day():
    doc = rows("""
La le DET 1 det
ministre ministre NOUN 3 nsubj
a avoir AUX 3 aux:tense
reçu recevoir VERB 3 ROOT VerbForm=Part
mardi mardi NOUN 3 obl:mod
son son DET 6 det Poss=Yes
homologue homologue NOUN 3 obj
et et CCONJ 11 cc
le le DET 9 det
voisin voisin NOUN 11 nsubj
a avoir AUX 11 aux:tense
invité inviter VERB 3 conj VerbForm=Part
Paris Paris PROPN 11 obj
. . PUNCT 3 punct
""")
    assert _date_in(doc, "invité").start == "2023-09-14"


def test_an_infinitive_under_a_noun_takes_the_time_of_the_finite_verb_above():
    # 'lundi' (published Thursday 14th) dates 'ont défilé'; 'soutenir', an infinitive under
    # 'marche' with no tense of its own, happened then
    doc = rows("""
Les le DET 1 det
militants militant NOUN 3 nsubj
ont avoir AUX 3 aux:tense
défilé défiler VERB 3 ROOT VerbForm=Part
lundi lundi NOUN 3 obl:mod
pour pour ADP 7 case
une un DET 7 det
marche marche NOUN 3 obl:mod
destinée destiner VERB 7 acl VerbForm=Part
à à ADP 10 mark
soutenir soutenir VERB 8 xcomp VerbForm=Inf
le le DET 12 det
maire maire NOUN 10 obj
. . PUNCT 3 punct
""")
    assert _date_in(doc, "soutenir").start == "2023-09-11"


def test_an_infinitive_under_an_undated_finite_verb_is_not_dated_past_it():
    # 'marcheront' is finite and names no time: 'lundi' of 'ont dit' does not reach 'soutenir'
    doc = rows("""
Les le DET 1 det
militants militant NOUN 3 nsubj
ont avoir AUX 3 aux:tense
dit dire VERB 3 ROOT VerbForm=Part
lundi lundi NOUN 3 obl:mod
qu' que SCONJ 7 mark
ils il PRON 7 nsubj
marcheront marcher VERB 3 ccomp VerbForm=Fin
pour pour ADP 9 mark
soutenir soutenir VERB 7 advcl VerbForm=Inf
le le DET 11 det
maire maire NOUN 9 obj
. . PUNCT 3 punct
""")
    assert _date_in(doc, "soutenir").start == "2023-09-14"


VETO_ON_DAY = """
La le DET 1 det
Chine Chine PROPN 3 nsubj
a avoir AUX 3 aux:tense
opposé opposer VERB 3 ROOT VerbForm=Part|Tense=Past
mercredi mercredi NOUN 3 obl:mod
son son DET 6 det Poss=Yes
veto veto NOUN 4 nmod
à à ADP 9 case
la le DET 9 det Definite=Def
résolution résolution NOUN 6 nmod
. . PUNCT 3 punct
"""


def test_a_noun_the_parser_hangs_on_a_day_name_is_governed_by_the_verb():
    # 'a opposé mercredi son veto': the parser hangs 'veto' on 'mercredi'; the light verb
    # the entry asks for is still 'opposer'
    veto = entry(lemma="veto", id="t.veto", pos=["NOUN"], type="REJECT", cameo="129",
                 nominal=True, need_governor=["opposer"])  # fmt: skip
    (c,) = code(rows(VETO_ON_DAY), rules_with("fr", [veto]))
    assert c.reason != "constraint:need_governor"


ANNOUNCING_VETO = """
En en ADP 1 mark
annonçant annoncer VERB 7 advcl VerbForm=Part|Tense=Pres
son son DET 3 det Poss=Yes
veto veto NOUN 1 obj
, , PUNCT 1 punct
Pékin Pékin PROPN 7 nsubj
a avoir AUX 7 aux:tense
critiqué critiquer VERB 7 ROOT VerbForm=Part|Tense=Past
Paris Paris PROPN 7 obj
. . PUNCT 7 punct
"""


@pytest.mark.parametrize(("word", "day"), [("critiqué", "2023-09-12"), ("veto", "2023-09-12")])
def test_an_act_at_an_event_the_article_dated_takes_its_date(word, day):
    # the veto was dated Tuesday 12th earlier in the article (published Thursday 14th): the
    # criticism made 'en annonçant son veto', and 'son veto' named again, are of that day
    from handparse import actors_of

    from chronique.extract.events.anchor import date_of
    from chronique.extract.time import find_times
    from chronique.model import DateSpan

    doc = rows(ANNOUNCING_VETO)
    dated = {"REJECT": DateSpan("2023-09-12", "2023-09-12", "day", "mardi")}
    tok = next(t for t in doc if t.text == word)
    when = PartialDate.parse("2023-09-14")
    got = date_of(tok, find_times(doc.text, "fr", when), actors_of(doc), event_rules("fr"),
                  when, dated)  # fmt: skip
    assert got.start == day
    assert date_of(tok, [], actors_of(doc), event_rules("fr"), when, {}).start == "2023-09-14"


SHOT_BY_POLICE = """
Un un DET 1 det
homme homme NOUN {root} {homme_dep}
soupçonné soupçonner VERB {part_head} {part_dep} VerbForm=Part|Tense=Past
de de ADP 4 case
vol vol NOUN 2 obl:arg
, , PUNCT 8 punct
a avoir AUX 8 aux:tense
été être AUX 8 aux:pass
blessé blesser VERB {verb_head} advcl VerbForm=Part|Tense=Past
par par ADP 11 case
la le DET 11 det
police police NOUN 8 obl:agent
. . PUNCT {root} punct
"""


@pytest.mark.parametrize(
    "shape",
    [  # the participle read as the root, its subject the noun; or the noun itself as root
        dict(root=2, homme_dep="nsubj", part_head=2, part_dep="ROOT", verb_head=2),
        dict(root=1, homme_dep="ROOT", part_head=1, part_dep="acl", verb_head=2),
    ],
)
def test_a_verb_hung_under_its_subjects_reduced_relative_keeps_that_subject(shape):
    # 'Un homme soupçonné de vol, a été blessé par la police': the parser takes the reduced
    # relative for the main clause; the passive's undergoer is still the man, so the rule
    # asking for a person acted on holds
    doc = rows(SHOT_BY_POLICE.format(**shape).replace("{root}", str(shape["root"])))
    syn = event_rules("fr").syntax
    verb = next(t for t in doc if t.text == "blessé")
    assert [t.text for t in syn.passive_subjects(verb)] == ["homme"]
    hurt = entry(lemma="blesser", recipient=["obj"], need_person_object=True)
    (c,) = [c for c in code(doc, rules_with("fr", [hurt])) if c.token.text == "blessé"]
    assert c.reason != "object_not_person"


def test_a_verb_under_a_clause_with_its_own_subject_takes_no_displaced_subject():
    # 'Un homme, que la police a arrêté, a été …': the relative clause's subject is its own
    doc = rows("""
Un un DET 1 det
homme homme NOUN 1 ROOT
, , PUNCT 7 punct
que que PRON 7 obj PronType=Rel
la le DET 5 det
police police NOUN 7 nsubj
a avoir AUX 7 aux:tense
arrêté arrêter VERB 1 acl:relcl VerbForm=Part
, , PUNCT 11 punct
a avoir AUX 11 aux:tense
été être AUX 11 aux:pass
blessé blesser VERB 7 advcl VerbForm=Part
. . PUNCT 1 punct
""")
    verb = next(t for t in doc if t.text == "blessé")
    assert event_rules("fr").syntax.passive_subjects(verb) == []


ANNOUNCED_AND_CALLED = """
Le le DET 1 det
ministre ministre NOUN 3 nsubj
a avoir AUX 3 aux:tense
annoncé annoncer VERB 3 ROOT VerbForm=Part
un un DET 5 det
renfort renfort NOUN 3 obj
de de ADP 8 case
la le DET 8 det
présence présence NOUN 5 nmod
militaire militaire ADJ 8 amod
et et CCONJ 11 cc
appelé appeler VERB {called_head} conj VerbForm=Part|Tense=Past
Athènes Athènes PROPN 11 obj
à à ADP 14 mark
négocier négocier VERB 11 xcomp VerbForm=Inf
. . PUNCT 3 punct
"""


@pytest.mark.parametrize("called_head", [3, 8])
def test_a_participle_coordinated_with_an_announcement_is_not_announced(called_head):
    # 'a annoncé un renfort … et appelé Athènes à négocier': the call is made, not planned,
    # also when the parser hangs the participle on the announced noun phrase
    call = entry(lemma="appeler", type="REQUEST", cameo="100", recipient=["obj"])
    doc = rows(ANNOUNCED_AND_CALLED.format(called_head=called_head))
    (c,) = code(doc, rules_with("fr", [call]))
    assert c.modality == "asserted"


CONDEMNED_THREAT = """
Pyongyang Pyongyang PROPN 1 nsubj
menace menacer VERB 1 ROOT Mood=Ind|Tense=Pres|VerbForm=Fin
de de ADP 3 mark
lancer lancer VERB 1 xcomp VerbForm=Inf
une un DET 5 det
offensive offensive NOUN 3 obj
, , PUNCT 10 punct
qui qui PRON 10 nsubj:pass PronType=Rel
a avoir AUX 10 aux:tense
été être AUX 10 aux:pass
condamnée condamner VERB 5 {relative} VerbForm=Part|Tense=Past
par par ADP 12 case
Séoul Séoul PROPN 10 obl:agent
. . PUNCT 1 punct
"""


@pytest.mark.parametrize(("relative", "modality"), [("acl:relcl", "asserted"),
                                                    ("acl", "hypothetical")])  # fmt: skip
def test_a_tensed_relative_under_a_threat_is_asserted(relative, modality):
    # 'menace de lancer une offensive, qui a été condamnée par Séoul': the condemnation
    # happened; the threat's hypothetical reaches only what it threatens
    condemn = entry(lemma="condamner", type="ACCUSE", cameo="122", recipient=["obj"])
    doc = rows(CONDEMNED_THREAT.format(relative=relative))
    (c,) = code(doc, rules_with("fr", [condemn]))
    assert c.modality == modality


CALLING_ADJUNCT = """
Berlin Berlin PROPN 1 nsubj
juge juger VERB 1 ROOT VerbForm=Fin
que que SCONJ 5 mark
la le DET 4 det
réforme réforme NOUN 5 nsubj
traîne traîner VERB 1 ccomp VerbForm=Fin
, , PUNCT 5 punct
appelant appeler VERB 5 advcl VerbForm=Part|Tense=Pres
Paris Paris PROPN 7 obj
à à ADP 10 mark
agir agir VERB {agir_head} advcl VerbForm=Inf
. . PUNCT 1 punct
"""


@pytest.mark.parametrize("agir_head", [7, 5])
def test_an_infinitive_hung_on_the_clause_right_after_the_trigger_is_its_complement(agir_head):
    # ', appelant Paris à agir': the parser may hang 'à agir' on the clause 'appelant'
    # hangs on; the call's 'à' complement is still there
    call = entry(lemma="appeler", type="REQUEST", cameo="100", recipient=["obj"], prep=["à"])
    doc = rows(CALLING_ADJUNCT.format(agir_head=agir_head))
    (c,) = code(doc, rules_with("fr", [call]))
    assert c.reason != "constraint:prep"


WARN = entry(lemma="prévenir", type="THREATEN", cameo="130", recipient=["obj"])
INVERTED_INCISE = """
« « PUNCT 3 punct
Le le DET 2 det
problème problème NOUN 3 nsubj
dépasse dépasser VERB 3 ROOT VerbForm=Fin
la le DET 5 det
Turquie Turquie PROPN 8 nsubj
» » PUNCT 3 punct
, , PUNCT 8 punct
prévient prévenir VERB 3 parataxis VerbForm=Fin
-elle lui PRON 8 obj
. . PUNCT 3 punct
"""


def test_an_inverted_pronoun_after_reported_words_is_the_speaker_not_the_object():
    # the parser takes a country named in the reported words for the subject and the
    # inverted pronoun for the object: the pronoun speaks, the country is what is talked of
    from chronique.extract.actors import ActorMemory
    from chronique.model import Actor

    doc = rows(INVERTED_INCISE)
    memory = ActorMemory()  # a woman named before: 'elle' is her
    woman = Actor(text="Anne Morel", name="Anne Morel", country="FRA", kind="person", start=0)
    memory.remember(woman, True, gender="f")
    c = only(code(doc, rules_with("fr", [WARN]), memory=memory))
    assert c.reason is None
    assert sides(c) == (["FRA"], [])
    # with no one named before, no one is known to speak: never the country talked of
    assert only(code(doc, rules_with("fr", [WARN]))).reason == "no_actor"


PROTEST_WORDS = entry(lemma="insurger", type="ACCUSE", cameo="111", recipient=["contre", "obj"])
POSTPOSED_SPEAKER = """
« « PUNCT 4 punct
Un un DET 2 det
chanteur chanteur NOUN 8 nsubj
belge belge ADJ 2 amod
ment mentir VERB 8 ccomp VerbForm=Fin
» » PUNCT 4 punct
, , PUNCT 8 punct
s' se PRON 8 expl:comp
insurgeait insurger VERB 8 ROOT VerbForm=Fin
un un DET 10 det
présentateur présentateur NOUN 8 obj
américain américain ADJ 10 amod
. . PUNCT 8 punct
"""


def test_a_reporting_verb_after_a_direct_quote_acts_for_its_speaker():
    # the parser hangs the quoted words' subject on the reporting verb and reads the
    # speaker after it as its object: the speaker acts, aimed at no one named
    doc = rows(POSTPOSED_SPEAKER)
    c = only(code(doc, rules_with("fr", [PROTEST_WORDS]), quotes=[_said_by(doc, 1, 4, "USA")]))
    assert c.reason is None
    assert sides(c) == (["USA"], [])


def _said_after(doc, first: int, last: int, speaker_at: int, country: str):
    """Quoted words from token `first` to `last`, said by the person named at `speaker_at`."""
    from chronique.model import Actor, Quote

    start, end = doc[first].idx, doc[last].idx + len(doc[last])
    who = doc[speaker_at]
    speaker = Actor(text=who.text, name=who.text, country=country, kind="person",
                    start=who.idx, end=who.idx + len(who))  # fmt: skip
    return Quote(speaker, doc.text[start:end], "direct", "déclarer", start, end)


ACCUSE_WORDS = entry(lemma="accuser", type="ACCUSE", cameo="112", recipient=["obj"])
SPLIT_INCISE = """
« « PUNCT 2 punct
Rome Rome PROPN 2 nsubj
ment mentir VERB 2 ROOT VerbForm=Fin
» » PUNCT 2 punct
, , PUNCT 6 punct
a avoir AUX 6 aux:tense
accusé accuser VERB 6 ROOT VerbForm=Part|Tense=Past
vendredi vendredi NOUN 6 obj
Anna Anna PROPN 6 obj
Lind Lind PROPN 8 flat:name
. . PUNCT 6 punct
"""


def test_a_reporting_verb_cut_from_its_quote_with_its_speaker_as_object_acts_for_it():
    # the parser ends the sentence with the quote and reads the speaker after the verb as
    # its object: the speaker accuses, the day and the speaker are no recipient
    doc = rows(SPLIT_INCISE)
    said = _said_after(doc, 1, 2, 8, "SWE")
    c = only(code(doc, rules_with("fr", [ACCUSE_WORDS]), quotes=[said]))
    assert c.reason is None and sides(c) == (["SWE"], [])


ASK = entry(lemma="demander", type="REQUEST", cameo="100", recipient=["iobj", "à"])
MAINTAIN = entry(lemma="soutenir", type="SUPPORT", cameo="051", recipient=["obj"])
ASKED = """
« « PUNCT 2 punct
Rome Rome PROPN 2 nsubj
ment mentir VERB 6 ccomp VerbForm=Fin
? ? PUNCT 2 punct
» » PUNCT 2 punct
, , PUNCT 6 punct
demande demander VERB 6 ROOT VerbForm=Fin
Anna Anna PROPN 6 nsubj
Lind Lind PROPN 7 flat:name
. . PUNCT 6 punct
"""


def test_a_verb_after_quoted_words_that_ask_or_only_say_them_codes_nothing():
    # '« … ? », demande X' asks; '« … », soutient X' maintains; '« … ! », demande X' demands
    rules = rules_with("fr", [ASK, MAINTAIN], question_marks=["?"], question_types=["REQUEST"],
                       speech_verbs=["soutenir"])  # fmt: skip
    doc = rows(ASKED)
    c = only(code(doc, rules, quotes=[_said_after(doc, 1, 3, 7, "SWE")]))
    assert c.reason == "asks_question"
    doc = rows(ASKED.replace("? ? PUNCT", "! ! PUNCT"))
    c = only(code(doc, rules, quotes=[_said_after(doc, 1, 3, 7, "SWE")]))
    assert c.reason is None  # the parser's subject after the verb acts
    doc = rows(
        ASKED.replace("? ? PUNCT", "! ! PUNCT").replace("demande demander", "soutient soutenir")
    )
    c = only(code(doc, rules, quotes=[_said_after(doc, 1, 3, 7, "SWE")]))
    assert c.reason == "reports_speech"


def test_a_place_under_a_noun_of_what_is_dealt_with_is_no_affiliation():
    # 'a fighter of the war in Chad' is not Chadian: the war is what he dealt with
    criticise = entry(lemma="critiquer", type="ACCUSE", cameo="111", recipient=["obj"])
    doc = rows("""
Un un DET 1 det
combattant combattant NOUN 8 nsubj
de de ADP 4 case
la le DET 4 det
guerre guerre NOUN 1 nmod
du de ADP 6 case
Tchad Tchad PROPN 4 nmod
a avoir AUX 8 aux:tense
critiqué critiquer VERB 8 ROOT VerbForm=Part|Tense=Past
Paris Paris PROPN 8 obj
. . PUNCT 8 punct
""")
    c = only(code(doc, rules_with("fr", [criticise])))
    assert "TCD" not in sides(c)[0]
    assert sides(c)[1] == ["FRA"]
    # a place right under the person's noun still says whom the person acts for
    doc = rows("""
Un un DET 1 det
combattant combattant NOUN 5 nsubj
du de ADP 3 case
Tchad Tchad PROPN 1 nmod
a avoir AUX 5 aux:tense
critiqué critiquer VERB 5 ROOT VerbForm=Part|Tense=Past
Paris Paris PROPN 5 obj
. . PUNCT 5 punct
""")
    assert sides(only(code(doc, rules_with("fr", [criticise]))))[0] == ["TCD"]


def test_participle_adjunct_on_a_predicate_adjective_acts_for_the_clause_subject():
    # 'Berlin a jugé la situation grave, appelant Varsovie à agir', the participle hung as a
    # parataxis of the adjective: no climb leads from it to a subject
    doc = rows(PREDICATE_ADJUNCT)
    c = only(code(doc, rules_with("fr", [CALL])))
    assert c.reason is None
    assert sides(c) == (["DEU"], ["POL"])


PREDICATE_ADJUNCT = """
Berlin Berlin PROPN 2 nsubj
a avoir AUX 2 aux:tense
jugé juger VERB 2 ROOT VerbForm=Part|Tense=Past
la le DET 4 det
situation situation NOUN 2 obj
grave grave ADJ 2 xcomp
, , PUNCT 7 punct
appelant appeler VERB 5 parataxis VerbForm=Part|Tense=Pres
Varsovie Varsovie PROPN 7 obj
à à ADP 10 mark
agir agir VERB 7 xcomp VerbForm=Inf
. . PUNCT 2 punct
"""


def test_participle_adjunct_skips_a_noun_the_tagger_read_as_an_infinitive():
    # the adjective hangs on a name the tagger took for an infinitive verb: that is no
    # clause with a subject of its own, the adjunct goes on to the main verb
    doc = rows(PREDICATE_ADJUNCT.replace("situation situation NOUN 2 obj",
                                         "situation situation VERB 2 obj VerbForm=Inf")
               .replace("grave grave ADJ 2 xcomp", "grave grave ADJ 4 amod"))
    c = only(code(doc, rules_with("fr", [CALL])))
    assert sides(c) == (["DEU"], ["POL"])


def test_complement_of_an_adjunct_hung_on_the_main_clause_still_marks_it():
    # 'Berlin a salué le texte, appelant Varsovie à agir' with 'à agir' hung on the root,
    # two levels above the participle
    doc = rows("""
Berlin Berlin PROPN 2 nsubj
a avoir AUX 2 aux:tense
salué saluer VERB 2 ROOT VerbForm=Part|Tense=Past
le le DET 4 det
texte texte NOUN 2 obj
, , PUNCT 6 punct
appelant appeler VERB 4 acl VerbForm=Part|Tense=Pres
Varsovie Varsovie PROPN 6 obj
à à ADP 9 mark
agir agir VERB 2 advcl VerbForm=Inf
. . PUNCT 2 punct
""")
    c = only(code(doc, rules_with("fr", [CALL])))
    assert c.reason is None
    assert sides(c) == (["DEU"], ["POL"])


VISIT = entry(lemma="rendre", type="CONSULT", cameo="042", reflexive=True, prep=["à"],
              recipient=["à"], need_recipient=True)  # fmt: skip


def test_a_place_the_parser_hung_on_a_day_name_is_the_verbs():
    # 'Le ministre italien s'est rendu jeudi soir à Madrid': 'à Vienne' hangs on 'jeudi'
    doc = rows("""
Le le DET 1 det
ministre ministre NOUN 5 nsubj
italien italien ADJ 1 amod
s' se PRON 5 expl:comp
est être AUX 5 aux:tense
rendu rendre VERB 5 ROOT VerbForm=Part|Tense=Past
jeudi jeudi NOUN 5 obl:mod
soir soir NOUN 6 nmod
à à ADP 9 case
Madrid Madrid PROPN 6 nmod
. . PUNCT 5 punct
""")
    c = only(code(doc, rules_with("fr", [VISIT])))
    assert c.reason is None
    assert sides(c) == (["ITA"], ["ESP"])


# 'Le secrétaire général de l'Otan Jean Dupont a appelé le Mali à agir': the parser reads the
# title and the name as two subjects of the verb
TITLE_AS_SUBJECT = """
Le le DET 1 det
secrétaire secrétaire NOUN 9 nsubj
général général ADJ 1 amod
de de ADP 5 case
l' le DET 5 det
Otan Otan PROPN 1 nmod
Jean Jean PROPN 9 nsubj
Dupont Dupont PROPN 6 flat:name
a avoir AUX 9 aux:tense
appelé appeler VERB 9 ROOT VerbForm=Part|Tense=Past
le le DET 11 det
Mali Mali PROPN 9 obj
à à ADP 13 mark
agir agir VERB 9 xcomp VerbForm=Inf
. . PUNCT 9 punct
"""


def _named_person(doc, start, end):
    from spacy.tokens import Span

    doc.ents = [Span(doc, start, end, label="PER")]
    return doc


def test_a_title_read_as_a_second_subject_places_the_name_beside_it():
    doc = _named_person(rows(TITLE_AS_SUBJECT), 6, 8)
    c = only(code(doc, rules_with("fr", [CALL])))
    assert c.reason is None
    assert sides(c) == (["NATO"], ["MLI"])  # not a second, unplaced 'Jean Dupont'


def test_a_role_after_a_preposition_is_no_title_of_the_name_after_it():
    # 'En ministre, Jean Dupont a appelé …': what he acts as, said in passing, not a
    # title the parser failed to attach
    doc = _named_person(rows("""
En en ADP 1 case
ministre ministre NOUN 6 obl:mod
, , PUNCT 6 punct
Jean Jean PROPN 6 nsubj
Dupont Dupont PROPN 3 flat:name
a avoir AUX 6 aux:tense
appelé appeler VERB 6 ROOT VerbForm=Part|Tense=Past
. . PUNCT 6 punct
"""), 3, 5)
    assert actors_of(doc).actor(doc[3]).text == "Jean Dupont"
    # 'Le ministre, Jean Dupont, a appelé …' with the title read as an adjunct: his title
    doc = _named_person(rows("""
Le le DET 1 det
ministre ministre NOUN 7 obl:mod
, , PUNCT 7 punct
Jean Jean PROPN 7 nsubj
Dupont Dupont PROPN 3 flat:name
, , PUNCT 7 punct
a avoir AUX 7 aux:tense
appelé appeler VERB 7 ROOT VerbForm=Part|Tense=Past
. . PUNCT 7 punct
"""), 3, 5)
    assert actors_of(doc).actor(doc[3]).text == "Le ministre, Jean Dupont"



def test_a_title_the_parser_apposes_to_a_country_is_no_one_of_that_country():
    # 'au Liban, le chef de l'État a salué …' read with the title apposed to 'Liban': the
    # title is the next clause's subject, not Lebanon's head of state
    doc = rows("""
au au ADP 1 case
Liban Liban PROPN 9 obl:mod
, , PUNCT 1 punct
le le DET 4 det
chef chef NOUN 1 appos
de de ADP 7 case
l' le DET 7 det
État État NOUN 4 nmod
a avoir AUX 9 aux:tense
salué saluer VERB 9 ROOT
""")
    da = actors_of(doc, when=date(2020, 8, 6))
    (lebanon,) = [a for a in da.entities() if a.country == "LBN"]
    assert lebanon.kind != "person" and lebanon.name != "Michel Aoun"


def test_what_a_measure_counts_meets_an_object_constraint():
    # 'a condamné les militants à huit mois de prison', the measure hung on the object
    doc = rows("""
Le le DET 1 det
juge juge NOUN 3 nsubj
a avoir AUX 3 aux:tense
condamné condamner VERB 3 ROOT
les le DET 5 det
militants militant NOUN 3 obj
à à ADP 8 case
huit huit NUM 8 nummod
mois mois NOUN 5 nmod
de de ADP 10 case
prison prison NOUN 8 nmod
""")
    blame = entry(id="t.blame", lemma="condamner", type="ACCUSE", cameo="111",
                  recipient=["obj"])  # fmt: skip
    sentence = entry(id="t.sentence", lemma="condamner", type="COERCE", cameo="173",
                     object=["prison"], recipient=["obj"])  # fmt: skip
    c = only(code(doc, rules_with("fr", [blame, sentence])))
    assert c.rule.type == "COERCE"
    c = only(code(doc, rules_with("fr", [blame, sentence], quantity_heads=[])))
    assert c.rule.type == "ACCUSE"


POLICE_ARREST = entry(lemma="interpeller", type="COERCE", cameo="173", mode="arrest",
               recipient=["obj"], actor_sectors=["COP"], person_sectors=["JUD"])  # fmt: skip


def test_an_act_only_some_bodies_do_is_dropped_when_another_does_it():
    # 'Jean Dupont a interpellé le ministre .': a named person challenges, the police arrest
    doc = _named_person(rows("""
Jean Jean PROPN 3 nsubj
Dupont Dupont PROPN 0 flat:name
a avoir AUX 3 aux:tense
interpellé interpeller VERB 3 ROOT VerbForm=Part|Tense=Past
le le DET 5 det
ministre ministre NOUN 3 obj
. . PUNCT 3 punct
"""), 0, 2)
    c = only(code(doc, rules_with("fr", [POLICE_ARREST])))
    assert c.reason == "actor_not_agent"
    assert c.reason in REASONS
    # 'La police a interpellé le ministre .'
    doc = rows("""
La le DET 1 det
police police NOUN 3 nsubj
a avoir AUX 3 aux:tense
interpellé interpeller VERB 3 ROOT VerbForm=Part|Tense=Past
le le DET 5 det
ministre ministre NOUN 3 obj
. . PUNCT 3 punct
""")
    c = only(code(doc, rules_with("fr", [POLICE_ARREST]), home="FRA"))
    assert c.reason is None and c.actor[0].sector == "COP"
    # a rule without the list is done by anyone
    doc = _named_person(rows("""
Jean Jean PROPN 3 nsubj
Dupont Dupont PROPN 0 flat:name
a avoir AUX 3 aux:tense
interpellé interpeller VERB 3 ROOT VerbForm=Part|Tense=Past
le le DET 5 det
ministre ministre NOUN 3 obj
. . PUNCT 3 punct
"""), 0, 2)
    c = only(code(doc, rules_with("fr", [POLICE_ARREST | {"actor_sectors": []}])))
    assert c.reason is None
    # a named person of a sector that does it in person: 'le juge Jean Dupont a interpellé …'
    doc = _named_person(rows("""
le le DET 1 det
juge juge NOUN 5 nsubj
Jean Jean PROPN 1 appos
Dupont Dupont PROPN 2 flat:name
a avoir AUX 5 aux:tense
interpellé interpeller VERB 5 ROOT VerbForm=Part|Tense=Past
deux deux NUM 7 nummod
hommes homme NOUN 5 obj
. . PUNCT 5 punct
"""), 2, 4)
    c = only(code(doc, rules_with("fr", [POLICE_ARREST])))
    assert [a.sector for a in c.actor] == ["JUD"] and c.reason is None
    c = only(code(doc, rules_with("fr", [POLICE_ARREST | {"person_sectors": []}])))
    assert c.reason == "actor_not_agent"


def test_a_home_group_of_another_sector_does_not_arrest():
    # 'Des militants ont interpellé les touristes' in a French story: the activists, made
    # French by the article (kind inferred), challenge; the police of the story arrest
    table = """
Des un DET 1 det
{noun} {noun} NOUN 3 nsubj
ont avoir AUX 3 aux:tense
interpellé interpeller VERB 3 ROOT VerbForm=Part|Tense=Past
les le DET 5 det
touristes touriste NOUN 3 obj
. . PUNCT 3 punct
"""
    c = only(code(rows(table.format(noun="militants")), rules_with("fr", [POLICE_ARREST]),
                  home="FRA"))  # fmt: skip
    assert [(a.kind, a.country) for a in c.actor] == [("inferred", "FRA")]
    assert c.reason == "actor_not_agent"
    c = only(code(rows(table.format(noun="policiers")), rules_with("fr", [POLICE_ARREST]),
                  home="FRA"))  # fmt: skip
    assert c.reason is None and [a.sector for a in c.actor] == ["COP"]


def test_a_sector_list_holds_sector_codes():
    with pytest.raises(LexiconError, match="actor_sectors"):
        rules_with("fr", [POLICE_ARREST | {"actor_sectors": ["police"]}])
    with pytest.raises(LexiconError, match="person_sectors"):
        rules_with("fr", [POLICE_ARREST | {"person_sectors": ["juge"]}])


def test_an_infinitive_with_its_auxiliary_takes_its_controllers_subject():
    # 'Paul , affirmant aux juges avoir renoncé à tout , ...': 'avoir renoncé' is an
    # infinitive; its subject is the speaker's, not the nouns before it ('juges')
    doc = rows("""
La le DET 1 det
France France PROPN 2 nsubj
insiste insister VERB 2 ROOT VerbForm=Fin
, , PUNCT 4 punct
affirmant affirmer VERB 2 advcl VerbForm=Part|Tense=Pres
aux à ADP 7 case
juges juge NOUN 4 obl:arg
belges belge ADJ 6 amod
avoir avoir AUX 9 aux:tense VerbForm=Inf
renoncé renoncer VERB 4 xcomp VerbForm=Part|Tense=Past
. . PUNCT 2 punct
""")
    c = only(code(doc, rules_with("fr", [RETREAT | {"lemma": "renoncer", "id": "t.renoncer"}])))
    assert sides(c)[0] == ["FRA"]


def test_a_subject_hung_on_the_copula_is_the_predicate_nouns_for_its_infinitive():
    # 'Les Belges sont en droit de critiquer Paris': the parser hangs the subject on 'sont'
    # rather than on 'droit', and the infinitive under 'droit' is the Belgians' act
    doc = rows("""
Les le DET 1 det
Belges Belge PROPN 2 nsubj
sont être AUX 4 cop VerbForm=Fin
en en ADP 4 case
droit droit NOUN 4 ROOT
de de ADP 6 mark
critiquer critiquer VERB 4 acl VerbForm=Inf
Paris Paris PROPN 6 obj
. . PUNCT 4 punct
""")
    blame = entry(lemma="critiquer", type="ACCUSE", cameo="111", recipient=["obj"])
    c = only(code(doc, rules_with("fr", [blame])))
    assert sides(c) == (["BEL"], ["FRA"])


def test_a_misread_verb_takes_its_constraints_and_sides_from_the_words_around_it():
    # 'Tokyo livre des armes à Kiev' with 'Tokyo' hung on 'livre' as its determiner and
    # 'Kiev' on 'armes': the object constraint and the 'à' slot are read by position
    doc = rows("""
Tokyo Tokyo PROPN 1 det
livre livre NOUN 1 ROOT
des de ADP 3 case
armes arme NOUN 1 nmod
à à ADP 5 case
Kiev Kiev PROPN 3 nmod
. . PUNCT 1 punct
""")
    c = only(code(doc, rules_with("fr", [DELIVER | {"object": ["arme"]}])))
    assert c.verb_reading and c.reason is None
    assert sides(c) == (["JPN"], ["UKR"])
    # 'La Pologne presse la Biélorussie de libérer …' parsed as one noun phrase: the phrase is
    # cut at the verb, the 'de' the rule needs is found after it
    doc = rows("""
La le DET 1 det
Pologne Pologne PROPN 1 ROOT
presse presse NOUN 1 acl
la le DET 4 det
Biélorussie Biélorussie PROPN 1 nmod
de de ADP 6 mark
libérer libérer VERB 1 acl VerbForm=Inf
les le DET 8 det
détenus détenu NOUN 6 obj
. . PUNCT 1 punct
""")
    press = entry(lemma="presser", type="REQUEST", cameo="100", prep=["de"], recipient=["obj"])
    c = only(code(doc, rules_with("fr", [press])))
    assert c.verb_reading and c.reason is None
    assert sides(c) == (["POL"], ["BLR"])
    assert [a.text for a in c.actor] == ["La Pologne"]
    # a noun after a title is no verb when a complement, not an object, follows it
    doc = rows("""
La le DET 1 det
ministre ministre NOUN 6 nsubj
polonaise polonais ADJ 1 amod
presse presse NOUN 1 nmod
de de ADP 5 case
Varsovie Varsovie PROPN 3 nmod
parle parler VERB 6 ROOT VerbForm=Fin
. . PUNCT 6 punct
""")
    assert code(doc, rules_with("fr", [press])) == []


def test_the_target_hung_on_a_partitive_object_read_as_an_oblique():
    # 'Le Canada va envoyer de l'aide au Mali': the parser reads 'de' as the preposition of
    # 'aide' and hangs 'au Mali' on the noun; the noun is the verb's object all the same
    doc = rows("""
Le le DET 1 det
Canada Canada PROPN 2 nsubj
va aller VERB 2 ROOT VerbForm=Fin
envoyer envoyer VERB 2 xcomp VerbForm=Inf
de de ADP 6 case
l' le DET 6 det Definite=Def
aide aide NOUN 3 obl:arg
au au ADP 8 case
Mali Mali PROPN 6 nmod
. . PUNCT 2 punct
""")
    send = entry(lemma="envoyer", type="AID", cameo="070", recipient=["à", "au"])
    c = only(code(doc, rules_with("fr", [send])))
    assert sides(c) == (["CAN"], ["MLI"])


def test_a_bare_name_after_the_verb_is_its_object_whatever_the_parser_called_it():
    # 'Oslo a blâmé Ankara' with the name read as a complement (xcomp): it is the object
    doc = rows("""
Oslo Oslo PROPN 2 nsubj
a avoir AUX 2 aux:tense
blâmé blâmer VERB 2 ROOT VerbForm=Part
Ankara Ankara PROPN 2 xcomp
. . PUNCT 2 punct
""")
    blame = entry(lemma="blâmer", type="ACCUSE", cameo="111", recipient=["obj"])
    assert sides(only(code(doc, rules_with("fr", [blame])))) == (["NOR"], ["TUR"])
    # a name with a preposition is no object ('a blâmé à Ankara': a place)
    doc = rows("""
Oslo Oslo PROPN 2 nsubj
a avoir AUX 2 aux:tense
blâmé blâmer VERB 2 ROOT VerbForm=Part
à à ADP 4 case
Ankara Ankara PROPN 2 obl:arg
. . PUNCT 2 punct
""")
    assert sides(only(code(doc, rules_with("fr", [blame])))) == (["NOR"], [])


def test_what_a_request_asks_for_is_not_an_act():
    # 'Oslo a appelé Ankara à retirer ses soldats': the request is coded, the withdrawal
    # it asks for is not
    doc = rows("""
Oslo Oslo PROPN 2 nsubj
a avoir AUX 2 aux:tense
appelé appeler VERB 2 ROOT VerbForm=Part
Ankara Ankara PROPN 2 obj
à à ADP 5 mark
retirer retirer VERB 2 xcomp VerbForm=Inf
ses son DET 7 det
soldats soldat NOUN 5 obj
. . PUNCT 2 punct
""")
    found = code(doc, rules_with("fr", [CALL, RETREAT]))
    assert [(c.rule.type, c.reason) for c in found] == [("REQUEST", None), ("RETREAT", "asked")]
    # without a coded request, the same infinitive is read as before
    (c,) = [c for c in code(doc, rules_with("fr", [RETREAT]))]
    assert c.reason != "asked"
    # 'Oslo a menacé de retirer ses soldats': what is threatened is no act either
    doc = rows("""
Oslo Oslo PROPN 2 nsubj
a avoir AUX 2 aux:tense
menacé menacer VERB 2 ROOT VerbForm=Part
de de ADP 4 mark
retirer retirer VERB 2 xcomp VerbForm=Inf
ses son DET 6 det
soldats soldat NOUN 4 obj
. . PUNCT 2 punct
""")
    threat = entry(lemma="menacer", type="THREATEN", cameo="130", prep=["de"])
    found = code(doc, rules_with("fr", [threat, RETREAT]))
    assert [(c.rule.type, c.reason) for c in found] == [("THREATEN", None), ("RETREAT", "asked")]


def test_a_word_after_a_subject_pronoun_and_an_object_clitic_is_a_verb():
    # 'il leur demande de partir' read as 'il' (expletive) + 'leur demande' (a noun with a
    # possessive): no noun reading holds, the verb one does, and 'il' is its subject
    doc = rows("""
Puis puis ADV 3 advmod
il il PRON 3 expl:subj
leur son DET 3 det
demande demande NOUN 3 ROOT
de de ADP 5 mark
partir partir VERB 3 xcomp VerbForm=Inf
. . PUNCT 3 punct
""")
    from chronique.extract.actors import ActorMemory
    from chronique.model import Actor

    ask = entry(lemma="demander", type="REQUEST", cameo="100")
    request = entry(lemma="demande", pos=["NOUN"], type="REQUEST", cameo="100", nominal=True,
                    need_governor=["formuler"])  # fmt: skip
    memory = ActorMemory()  # a man named before: 'il' is him
    memory.remember(Actor(text="Pedro Sánchez", country="ESP", kind="person", start=0), True)
    c = only(code(doc, rules_with("fr", [ask, request]), memory=memory))
    assert c.verb_reading and c.reason is None and c.rule.lemma == "demander"
    assert sides(c)[0] == ["ESP"]
    # with no subject pronoun before it, a possessive is what it is: 'à leur demande'
    doc = rows("""
Puis puis ADV 3 advmod
à à ADP 3 case
leur son DET 3 det
demande demande NOUN 3 ROOT
de de ADP 5 mark
partir partir VERB 3 xcomp VerbForm=Inf
. . PUNCT 3 punct
""")
    c = only(code(doc, rules_with("fr", [ask, request]), memory=memory))
    assert not c.verb_reading and c.reason == "constraint:need_governor"


@pytest.mark.parametrize(("typ", "governed", "modality"), [
    ("THREATEN", ["THREATEN"], "asserted"),  # the threat is made
    ("THREATEN", [], "hypothetical"),  # what 'menacer' governs is only threatened
])  # fmt: skip
def test_a_threat_its_governor_makes_takes_the_governors_modality(typ, governed, modality):
    # 'Pyongyang menace de lancer une offensive, qui …': the threat is the offensive's entry
    threat = entry(lemma="lancer", type=typ, cameo="138", object=["offensive"],
                   need_governor=["menacer"])  # fmt: skip
    doc = rows(CONDEMNED_THREAT.format(relative="acl:relcl"))
    (c,) = [c for c in code(doc, rules_with("fr", [threat], governed_modality_types=governed))
            if c.reason is None]  # fmt: skip
    assert (c.rule.type, c.modality) == (typ, modality)


ADVISED_TRIP = """
Londres Londres PROPN 2 nsubj
a avoir AUX 2 aux:tense
déconseillé déconseiller VERB 2 ROOT VerbForm=Part|Tense=Past
à à ADP 5 case
ses son DET 5 det
ressortissants ressortissant NOUN 2 obl:arg
de de ADP 8 mark
se se PRON 8 expl:comp
rendre rendre VERB 5 acl VerbForm=Inf
en en ADP 10 case
Iran Iran PROPN 8 obl:arg
. . PUNCT 2 punct
"""


@pytest.mark.parametrize(("control", "actor"), [(["déconseiller"], None), ([], "GBR")])
def test_the_noun_an_advised_infinitive_hangs_on_is_its_subject(control, actor):
    # 'Londres a déconseillé à ses ressortissants de se rendre en Iran': the nationals would
    # travel, not London; the parser hangs the infinitive on the noun
    trip = entry(lemma="rendre", type="CONSULT", cameo="042", recipient=["en"])
    (c,) = code(rows(ADVISED_TRIP), rules_with("fr", [trip], object_control=control))
    assert (c.actor[0].country if c.actor else None) == actor


DENIED_THEN = """
Moscou Moscou PROPN 2 nsubj
a avoir AUX 2 aux:tense
démenti démentir VERB 2 ROOT VerbForm=Part|Tense=Past
ces ce DET 4 det
informations information NOUN 2 obj
et et CCONJ 7 cc
a avoir AUX 7 aux:tense
accusé accuser VERB 2 {dep} VerbForm=Part|Tense=Past
Kiev Kiev PROPN 7 obj
. . PUNCT 2 punct
"""


@pytest.mark.parametrize(("dep", "modality"), [("conj", "asserted"), ("xcomp", "denied")])
def test_a_verb_coordinated_with_a_denial_is_not_denied(dep, modality):
    # 'Moscou a démenti ces informations et a accusé Kiev': the accusation is made; an act
    # the denial governs is denied
    accuse = entry(lemma="accuser", type="ACCUSE", cameo="112", recipient=["obj"])
    (c,) = code(rows(DENIED_THEN.format(dep=dep)), rules_with("fr", [accuse]))
    assert c.modality == modality


def test_a_name_the_parser_broke_apart_is_one_side() -> None:
    """'Vladimir Poutine et Emmanuel Macron ont attaqué Kiev' parsed with 'Emmanuel' under
    'Poutine' and 'Macron' on the verb: two sides, each with its whole name."""
    doc = rows("""
Vladimir Vladimir PROPN 6 nsubj
Poutine Poutine PROPN 0 flat:name
et et CCONJ 3 cc
Emmanuel Emmanuel PROPN 1 conj
Macron Macron PROPN 6 advmod
ont avoir AUX 6 aux:tense
attaqué attaquer VERB 6 ROOT VerbForm=Part
Kiev Kiev PROPN 6 obj
. . PUNCT 6 punct
""")
    c = only(code(doc, rules_with("fr", [ATTACK])))
    assert sides(c) == (["FRA", "RUS"], ["UKR"])
    assert sorted(a.text for a in c.actor) == ["Emmanuel Macron", "Vladimir Poutine"]


TALK = entry(lemma="entretien", pos=["NOUN"], type="CONSULT", cameo="040", nominal=True,
             symmetric=True, actor=["de", "poss"], recipient=["avec"])  # fmt: skip
DENOUNCE = entry(lemma="dénoncer", type="ACCUSE", cameo="111", recipient=["obj"])

DURING_TALK = """
Le le DET 1 det
président président NOUN 4 nsubj
iranien iranien ADJ 1 amod
a avoir AUX 4 aux:tense
insisté insister VERB 4 ROOT VerbForm=Part|Tense=Past
pendant pendant ADP 7 case
un un DET 7 det
entretien entretien NOUN 4 obl:mod
avec avec ADP 9 case
{other} {other} PROPN 7 nmod
. . PUNCT 4 punct
"""


def test_a_meeting_noun_dating_the_clause_is_the_subjects_meeting():
    # 'X a insisté pendant un entretien avec Y': X met Y (events.json moment_preps)
    doc = rows(DURING_TALK.format(other="Poutine"))
    c = only(code(doc, rules_with("fr", [TALK], moment_preps=["pendant"])))
    assert c.reason is None and sides(c) == (["IRN"], ["RUS"])
    assert only(code(doc, rules_with("fr", [TALK], moment_preps=[]))).reason == "no_actor"
    # 'pendant un entretien avec Mediapart': an interview, the press is no side met
    # (plover.json press_sectors)
    doc = rows(DURING_TALK.format(other="Mediapart"))
    c = only(code(doc, rules_with("fr", [TALK], moment_preps=["pendant"])))
    assert c.reason == "no_actor"


LORS_TALK = """
Lors lors ADV 9 advmod
d' de ADP 3 case
un un DET 3 det
entretien entretien NOUN 0 obl:arg
avec avec ADP 5 case
Poutine Poutine PROPN 3 nmod
, , PUNCT 9 punct
Macron Macron PROPN 9 nsubj
a avoir AUX 9 aux:tense
{verb} {lemma} VERB 9 ROOT VerbForm=Part|Tense=Past
Kiev Kiev PROPN 9 obj
. . PUNCT 9 punct
"""


def test_a_meeting_under_lors_is_no_topic_of_the_clause():
    # 'Lors d'un entretien avec Poutine, Macron a dénoncé Kiev': the parser makes 'lors' the
    # noun's head; the meeting is Macron's and another moment than the denunciation
    doc = rows(LORS_TALK.format(verb="dénoncé", lemma="dénoncer"))
    talk, accuse = code(doc, rules_with("fr", [TALK, DENOUNCE], moment_preps=["lors"]))
    assert talk.reason is None and sides(talk) == (["FRA"], ["RUS"])
    assert accuse.reason is None and sides(accuse) == (["FRA"], ["UKR"])
    talk, _ = code(doc, rules_with("fr", [TALK, DENOUNCE], moment_preps=[]))
    assert talk.reason == "topic"


def test_a_meeting_dating_a_threat_is_not_what_is_threatened():
    # 'Lors d'un entretien avec Poutine, Macron a menacé Kiev': the threat's content is
    # hypothetical, the meeting when it was made is not
    doc = rows(LORS_TALK.format(verb="menacé", lemma="menacer"))
    c = only(code(doc, rules_with("fr", [TALK], moment_preps=["lors"])))
    assert c.reason is None and c.modality == "asserted"


def test_a_meeting_dating_a_future_act_is_future():
    # 'Macron dénoncera Kiev lors d'un entretien avec Poutine': the meeting is to come,
    # after 'lors' (future_moment_preps), not after 'après'
    doc = rows("""
Macron Macron PROPN 1 nsubj
dénoncera dénoncer VERB 1 ROOT Mood=Ind|Tense=Fut|VerbForm=Fin
Kiev Kiev PROPN 1 obj
lors lors ADV 1 advmod
d' de ADP 6 case
un un DET 6 det
entretien entretien NOUN 3 obl:arg
avec avec ADP 8 case
Poutine Poutine PROPN 6 nmod
. . PUNCT 1 punct
""")
    rules = rules_with("fr", [TALK], moment_preps=["lors"], future_moment_preps=["lors"])
    c = only(code(doc, rules))
    assert c.reason is None and sides(c) == (["FRA"], ["RUS"]) and c.modality == "future"
    rules = rules_with("fr", [TALK], moment_preps=["lors"], future_moment_preps=[])
    assert only(code(doc, rules)).modality == "asserted"


def test_a_possessive_in_a_moment_phrase_is_the_clause_subjects():
    # 'Lors de sa visite à Kiev, Macron a dénoncé …' after another person was named: the
    # visit is the subject's, whoever was named last
    from chronique.extract.actors import ActorMemory
    from chronique.model import Actor

    doc = rows("""
Lors lors ADV 8 advmod
de de ADP 3 case
sa son DET 3 det Poss=Yes
visite visite NOUN 0 obl:arg
à à ADP 5 case
Kiev Kiev PROPN 3 nmod
, , PUNCT 8 punct
Macron Macron PROPN 8 nsubj
dénonce dénoncer VERB 8 ROOT Mood=Ind|Tense=Pres|VerbForm=Fin
. . PUNCT 8 punct
""")
    visit = entry(lemma="visite", pos=["NOUN"], type="CONSULT", cameo="042", nominal=True,
                  actor=["poss"], recipient=["à"])  # fmt: skip
    memory = ActorMemory()
    memory.remember(Actor(text="Olaf Scholz", country="DEU", kind="person", start=0), True)
    c = only(code(doc, rules_with("fr", [visit], moment_preps=["lors"]), memory=memory))
    assert c.reason is None and sides(c) == (["FRA"], ["UKR"])
    c = only(code(doc, rules_with("fr", [visit], moment_preps=[]), memory=memory))
    assert sides(c)[0] == ["DEU"]


FUSED = """
Moscou Moscou PROPN 2 nsubj
a avoir AUX 2 aux:tense
appelé appeler VERB 2 ROOT VerbForm=Part|Tense=Past
au au ADP 4 case
Japon Japon PROPN 2 obl:arg
. . PUNCT 2 punct
"""


def test_a_preposition_fused_with_its_article_is_still_that_preposition():
    # 'appeler au Japon': 'au' is 'à le' (grammar.json contractions), for the constraint
    # that asks for 'à' and for the recipient read after 'à'
    call = entry(lemma="appeler", type="REQUEST", cameo="100", prep=["à"], recipient=["à"])
    c = only(code(rows(FUSED), rules_with("fr", [call])))
    assert c.reason is None and sides(c) == (["RUS"], ["JPN"])
    phone = entry(lemma="appeler", type="CONSULT", cameo="040", recipient=["à"])
    assert sides(only(code(rows(FUSED), rules_with("fr", [phone])))) == (["RUS"], ["JPN"])


def test_an_infinitive_complement_parsed_as_the_root_still_completes_the_verb():
    # 'Le président, Macron, a de son côté appelé Moscou à se retirer' with 'se retirer' the
    # sentence's root and 'appelé' a participle describing 'côté': 'à' right after the
    # object is the complement's mark, and the root's subject is the auxiliary's
    doc = rows("""
Le le DET 1 det
président président NOUN 13 nsubj
, , PUNCT 3 punct
Macron Macron PROPN 1 appos
, , PUNCT 13 punct
a avoir AUX 13 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin
de de ADP 8 case
son son DET 8 det Poss=Yes
côté côté NOUN 5 obl:arg
appelé appeler VERB 8 acl VerbForm=Part|Tense=Past
Moscou Moscou PROPN 9 xcomp
à à ADP 13 mark
se se PRON 13 expl:comp
retirer retirer VERB 13 ROOT VerbForm=Inf
. . PUNCT 13 punct
""")
    call = entry(lemma="appeler", type="REQUEST", cameo="100", prep=["à"])
    c = only(code(doc, rules_with("fr", [call])))
    assert c.reason is None and sides(c)[0] == ["FRA"]


def test_people_a_quantity_counts_or_a_passive_participle_describes_are_acted_on():
    # 'exécuter des milliers d'hommes' (events.json quantity_heads) and 'les suspects,
    # ayant été arrêtés hier' (a passive participle apart from its noun) act on people
    execute = entry(lemma="exécuter", recipient=["obj"], need_person_object=True)
    doc = rows("""
Moscou Moscou PROPN 2 nsubj
a avoir AUX 2 aux:tense
exécuté exécuter VERB 2 ROOT VerbForm=Part|Tense=Past
des un DET 4 det
milliers millier NOUN 2 obj
de de ADP 6 case
hommes homme NOUN 4 nmod
. . PUNCT 2 punct
""")
    assert only(code(doc, rules_with("fr", [execute]))).reason is None
    assert only(code(doc, rules_with("fr", [execute], quantity_heads=[]))).reason == (
        "object_not_person"
    )
    arrest = entry(lemma="arrêter", type="COERCE", cameo="173", need_person_object=True)
    doc = rows("""
Les le DET 1 det
suspects suspect NOUN 1 ROOT
, , PUNCT 6 punct
ayant avoir AUX 6 aux:tense
été être AUX 6 aux:pass
hier hier ADV 6 advmod
arrêtés arrêter VERB 1 acl VerbForm=Part|Tense=Past
. . PUNCT 1 punct
""")
    assert only(code(doc, rules_with("fr", [arrest]))).reason != "object_not_person"


def test_the_accused_are_people():
    # groups.json person_nouns: 'juger les accusés' tries people
    judge = entry(lemma="juger", type="COERCE", cameo="1721", need_person_object=True)
    doc = rows("""
Le le DET 1 det
tribunal tribunal NOUN 3 nsubj
a avoir AUX 3 aux:tense
jugé juger VERB 3 ROOT VerbForm=Part|Tense=Past
les le DET 5 det
accusés accusé NOUN 3 obj
. . PUNCT 3 punct
""")
    assert only(code(doc, rules_with("fr", [judge]))).reason != "object_not_person"


def test_an_inferred_government_is_named_as_the_state_not_as_its_first_person():
    # 'Dupond-Moretti dénonce une surenchère' in a French story: aimed at France, named as
    # the article names the state ('la France'), not as the first French person named
    from chronique.extract.events import infer_recipients
    from chronique.model import Actor

    people = [Actor(text="Dupond-Moretti", country="FRA", sector="GOV", kind="person")]
    state = [Actor(text="la France", country="FRA", sector="GOV", kind="country")]
    ev = _accusation("FRA")
    infer_recipients([ev], {10}, people * 3 + state, "FRA", event_rules("fr"), "a")
    assert [(a.text, a.country, a.kind) for a in ev.recipient] == [
        ("la France", "FRA", "inferred")
    ]


def test_a_name_apposed_to_a_subject_is_the_same_side():
    # 'Le maire de Lyon, Jean Dupont, a négocié' parsed with two subjects: one side, so a
    # joint act has no second side ('Jean Dupont' is no partner of the mayor)
    doc = rows("""
Le le DET 1 det
maire maire NOUN 9 nsubj
de de ADP 3 case
Lyon Lyon PROPN 1 nmod
, , PUNCT 1 punct
Jean Jean PROPN 9 nsubj
Dupont Dupont PROPN 5 flat:name
, , PUNCT 9 punct
a avoir AUX 9 aux:tense
négocié négocier VERB 9 ROOT VerbForm=Part|Tense=Past
. . PUNCT 9 punct
""")
    talk = entry(lemma="négocier", type="CONSULT", cameo="040", symmetric=True, recipient=["avec"])
    assert only(code(doc, rules_with("fr", [talk]))).reason == "no_second_side"
    # 'La candidate, Kamala Harris, a dénoncé Pékin': the side is the name that resolves
    doc = rows("""
La le DET 1 det
candidate candidat NOUN 7 nsubj
, , PUNCT 1 punct
Kamala Kamala PROPN 7 nsubj
Harris Harris PROPN 3 flat:name
, , PUNCT 7 punct
a avoir AUX 7 aux:tense
dénoncé dénoncer VERB 7 ROOT VerbForm=Part|Tense=Past
Pékin Pékin PROPN 7 obj
. . PUNCT 7 punct
""")
    c = only(code(doc, rules_with("fr", [DENOUNCE])))
    assert c.reason is None and sides(c) == (["USA"], ["CHN"])


def test_a_question_word_opening_the_clause_makes_a_question_not_a_demand():
    # 'Kiev a demandé à Berlin pourquoi il tardait': 'pourquoi' is the clause's adverb,
    # not its mark, and still makes the clause a question
    doc = rows("""
Kiev Kiev PROPN 2 nsubj
a avoir AUX 2 aux:tense
demandé demander VERB 2 ROOT VerbForm=Part|Tense=Past
à à ADP 4 case
Berlin Berlin PROPN 2 obl:arg
pourquoi pourquoi ADV 7 advmod
il il PRON 7 nsubj
tardait tarder VERB 2 ccomp Mood=Ind|Tense=Imp|VerbForm=Fin
. . PUNCT 2 punct
""")
    ask = entry(lemma="demander", type="REQUEST", cameo="100", recipient=["à"],
                clause_not=["si", "pourquoi"])  # fmt: skip
    assert only(code(doc, rules_with("fr", [ask]))).reason == "constraint:clause_not"


THREAT = entry(lemma="menacer", type="THREATEN", cameo="130", recipient=["obj"])


def test_predicative_participle_subject_undergoes_the_act():
    # 'X se dit menacé par Y': a participle completing a verb describes that verb's subject,
    # who undergoes the act; the agent, when one is named, does it
    doc = rows("""
Le le DET 1 det
Maroc Maroc PROPN 4 nsubj
s' se PRON 4 expl:comp
est être AUX 4 aux:tense
dit dire VERB 4 ROOT VerbForm=Part|Tense=Past
menacé menacer VERB 4 xcomp VerbForm=Part|Tense=Past|Voice=Pass
par par ADP 8 case
l' le DET 8 det
Algérie Algérie PROPN 5 obl:agent
. . PUNCT 4 punct
""")
    c = only(code(doc, rules_with("fr", [THREAT])))
    assert c.reason is None
    assert sides(c) == (["DZA"], ["MAR"])


def test_predicative_participle_without_agent_names_no_actor():
    # 'X reste menacé': X is threatened by nobody the sentence names, never the threatener
    doc = rows("""
Le le DET 1 det
Maroc Maroc PROPN 2 nsubj
reste rester VERB 2 ROOT VerbForm=Fin
menacé menacer VERB 2 xcomp VerbForm=Part|Tense=Past|Voice=Pass
. . PUNCT 2 punct
""")
    c = only(code(doc, rules_with("fr", [THREAT])))
    assert c.reason == "no_actor"


HOLD = entry(lemma="détenir", type="COERCE", cameo="173", recipient=["obj"],
             need_person_object=True)  # fmt: skip


def test_a_clitic_object_pronoun_may_stand_for_people():
    # 'les militaires l'ont détenu': only a noun can show that it names a thing
    doc = rows("""
Les le DET 1 det
militaires militaire NOUN 4 nsubj
l' le PRON 4 obj Number=Sing|Person=3
ont avoir AUX 4 aux:tense
détenu détenir VERB 4 ROOT VerbForm=Part|Tense=Past
. . PUNCT 4 punct
""")
    assert only(code(doc, rules_with("fr", [HOLD]))).reason is None


def test_an_adverbial_clitic_and_a_bare_reflexive_are_no_people():
    # 'en' (no number) names no one; 'se' on the verb itself makes another verb
    doc = rows("""
Ils il PRON 3 nsubj Number=Plur|Person=3
s' se PRON 3 expl:comp Person=3|Reflex=Yes
en en PRON 3 obj Person=3
détiennent détenir VERB 3 ROOT VerbForm=Fin
. . PUNCT 3 punct
""")
    assert only(code(doc, rules_with("fr", [HOLD]))).reason == "object_not_person"


def test_a_reflexive_after_a_causative_is_acted_on():
    # 'se faire détenir par la police': the subject is held
    doc = rows("""
Ils il PRON 1 nsubj Number=Plur|Person=3
craignent craindre VERB 1 ROOT VerbForm=Fin
de de ADP 5 mark
se se PRON 5 obj Person=3|Reflex=Yes
faire faire AUX 5 dep VerbForm=Inf
détenir détenir VERB 1 xcomp VerbForm=Inf
par par ADP 8 case
la le DET 8 det
police police NOUN 5 obl:agent
. . PUNCT 1 punct
""")
    assert only(code(doc, rules_with("fr", [HOLD]))).reason is None


APART = """
Le le DET 1 det
journaliste journaliste NOUN 9 nsubj
, , PUNCT 3 punct
détenu détenir VERB 1 acl VerbForm=Part|Tense=Past
par par ADP 6 case
la le DET 6 det
{agent} {agent} NOUN 3 obl:agent
, , PUNCT 3 punct
a avoir AUX 9 aux:tense
écrit écrire VERB 9 ROOT VerbForm=Part|Tense=Past
. . PUNCT 9 punct
"""


def test_a_participle_set_apart_tells_what_a_coercive_body_did_to_the_noun():
    # 'le journaliste, détenu par la police, …' is held; 'X, interpellé(e) par des élus'
    # may be challenged: only a body of groups.json coercive_sectors makes the noun acted on
    held = [c for c in code(rows(APART.format(agent="police")), rules_with("fr", [HOLD]))]
    assert only(held).reason != "object_not_person"
    other = [c for c in code(rows(APART.format(agent="mairie")), rules_with("fr", [HOLD]))]
    assert only(other).reason == "object_not_person"


def test_a_compound_infinitive_complement_begins_with_its_auxiliary():
    # 'soutient n'avoir jamais rencontré X': the complement constraint reads 'avoir', the
    # infinitive auxiliary of the participle that heads the clause
    claim = entry(lemma="soutenir", type="SUPPORT", cameo="051", complement=["avoir"])
    doc = rows("""
Lima Lima PROPN 1 nsubj
soutient soutenir VERB 1 ROOT VerbForm=Fin
n' ne ADV 5 advmod
avoir avoir AUX 5 aux:tense VerbForm=Inf
jamais jamais ADV 5 advmod
rencontré rencontrer VERB 1 xcomp VerbForm=Part|Tense=Past
Quito Quito PROPN 5 obj
. . PUNCT 1 punct
""")
    assert only(code(doc, rules_with("fr", [claim]))).reason is None


VISIT_TO = entry(lemma="rendre", type="CONSULT", cameo="042", mode="visit", reflexive=True,
                 prep=["à"], recipient=["à"], need_recipient=True)  # fmt: skip

TRIP = """
Le le DET 1 det
président président NOUN 5 nsubj
russe russe ADJ 1 amod
s' se PRON 5 expl:comp
est être AUX 5 aux:tense
rendu rendre VERB 5 ROOT VerbForm=Part|Tense=Past
à à ADP 7 case
{city} {city} PROPN 5 obl:arg
. . PUNCT 5 punct
"""


def test_a_visit_to_the_actors_own_capital_is_a_trip_at_home():
    at_home = only(code(rows(TRIP.format(city="Moscou")), rules_with("fr", [VISIT_TO])))
    assert at_home.reason == "home_trip"
    abroad = only(code(rows(TRIP.format(city="Damas")), rules_with("fr", [VISIT_TO])))
    assert abroad.reason is None and sides(abroad) == (["RUS"], ["SYR"])


VERBAL = {"type": "ACCUSE", "types": {"ASSAULT": "111"}, "words": ["attaquer"],
          "sectors": ["GOV", "LEG", "PTY", "OPP"]}  # fmt: skip

POLITICIANS = """
Trump Trump PROPN 2 nsubj
a avoir AUX 2 aux:tense
attaqué attaquer VERB 2 ROOT VerbForm=Part|Tense=Past
{target} {target} PROPN 2 obj
. . PUNCT 2 punct
"""


def test_a_politician_attacking_a_person_attacks_in_words():
    # events.json verbal_attack: 'Trump a attaqué Macron' criticises; 'Trump a attaqué
    # la Syrie' stays an attack by his state
    doc = rows(POLITICIANS.format(target="Macron"))
    c = only(code(doc, rules_with("fr", [ATTACK], verbal_attack=VERBAL)))
    assert (c.rule.type, c.rule.cameo, sides(c)) == ("ACCUSE", "111", (["USA"], ["FRA"]))
    assert only(code(doc, rules_with("fr", [ATTACK]))).rule.type == "ASSAULT"
    state = rows(POLITICIANS.format(target="Syrie"))
    c = only(code(state, rules_with("fr", [ATTACK], verbal_attack=VERBAL)))
    assert c.rule.type == "ASSAULT"


def test_a_reading_only_ruled_out_by_a_reflexive_is_no_narrower():
    # 'reflexive': false only rules a reading out: 'demander la libération de X' takes the
    # reading its object names (1053), not the plain one listed first (100)
    plain = entry(lemma="demander", id="t.plain", type="REQUEST", cameo="100", reflexive=False,
                  recipient=["obj"])  # fmt: skip
    release = entry(lemma="demander", id="t.release", type="REQUEST", cameo="1053",
                    object=["libération"], recipient=["obj"])  # fmt: skip
    doc = rows("""
Paris Paris PROPN 1 nsubj
demande demander VERB 1 ROOT VerbForm=Fin
la le DET 3 det
libération libération NOUN 1 obj
. . PUNCT 1 punct
""")
    assert only(code(doc, rules_with("fr", [plain, release]))).rule.cameo == "1053"


def test_a_date_after_a_side_preposition_is_no_side():
    # 'attacked Peru on Monday': 'on' may introduce a target ('an attack on X'), never a day
    attack_on = entry(lemma="attack", recipient=["obj", "on"])
    doc = rows("""
Chile Chile PROPN 1 nsubj
attacked attack VERB 1 ROOT VerbForm=Fin|Tense=Past
Peru Peru PROPN 1 dobj
on on ADP 1 prep
Monday Monday PROPN 3 pobj
. . PUNCT 1 punct
""", lang="en")
    c = only(code(doc, rules_with("en", [attack_on]), lang="en"))
    assert sides(c) == (["CHL"], ["PER"])


def test_a_clause_with_a_relative_pronoun_is_no_content_of_the_verb_above():
    # 'a annoncé quitter l'OMS, qu'il accuse de …' with the relative clause hung on
    # 'annoncé' as its complement: the accusation is made now, not announced for later
    accuse = entry(lemma="accuser", type="ACCUSE", cameo="112", recipient=["obj"])
    doc = rows("""
Washington Washington PROPN 2 nsubj
a avoir AUX 2 aux:tense
annoncé annoncer VERB 2 ROOT VerbForm=Part|Tense=Past
quitter quitter VERB 2 xcomp VerbForm=Inf
l' le DET 5 det
OMS OMS PROPN 3 obj
, , PUNCT 2 punct
qu' que PRON 9 obj PronType=Rel
il il PRON 9 nsubj Person=3|Number=Sing
accuse accuser VERB 2 ccomp VerbForm=Fin|Mood=Ind|Tense=Pres
. . PUNCT 2 punct
""")
    c = only(code(doc, rules_with("fr", [accuse])))
    assert c.modality == "asserted", c.modality


ANNOUNCED = """
Ankara Ankara PROPN 2 nsubj
a avoir AUX 2 aux:tense
annoncé annoncer VERB 2 ROOT VerbForm=Part|Tense=Past
{aux} {aux_lemma} AUX 4 aux:tense {aux_morph}
arrêté arrêter VERB 2 xcomp VerbForm=Part|Tense=Past
Dupont Dupont PROPN 4 obj
. . PUNCT 2 punct
"""


@pytest.mark.parametrize(
    "aux, aux_lemma, aux_morph, expected",
    [
        ("avoir", "avoir", "VerbForm=Inf", "asserted"),  # 'a annoncé avoir arrêté X'
        ("aura", "avoir", "VerbForm=Fin|Tense=Fut", "future"),  # '… qu'il aura arrêté X'
    ],
)
def test_a_compound_past_under_a_planning_head_is_done(aux, aux_lemma, aux_morph, expected):
    arrest = entry(lemma="arrêter", type="COERCE", cameo="173", recipient=["obj"])
    doc = rows(ANNOUNCED.format(aux=aux, aux_lemma=aux_lemma, aux_morph=aux_morph))
    assert only(code(doc, rules_with("fr", [arrest]))).modality == expected


NOR_FR = """
La le DET 1 det
France France PROPN 5 nsubj
n' ne ADV 5 advmod Polarity=Neg
a avoir AUX 5 aux:tense
ni ni CCONJ 5 cc
condamné condamner VERB 5 ROOT VerbForm=Part|Tense=Past
ni ni CCONJ 7 cc
soutenu soutenir VERB 5 conj VerbForm=Part|Tense=Past
la le DET 9 det
Russie Russie PROPN 7 obj
. . PUNCT 5 punct
"""

NOR_SUBJECTS = """
Ni ni CCONJ 2 cc
la le DET 2 det
Chine Chine PROPN 8 nsubj
ni ni CCONJ 5 cc
la le DET 5 det
Russie Russie PROPN 2 conj
n' ne ADV 8 advmod Polarity=Neg
ont avoir AUX 8 aux:tense
condamné condamner VERB 8 ROOT VerbForm=Part|Tense=Past
l' le DET 10 det
Ukraine Ukraine PROPN 8 obj
. . PUNCT 8 punct
"""

NOR_EN = """
The the DET 1 det
minister minister NOUN 4 nsubj
did do AUX 4 aux
not not PART 4 neg Polarity=Neg
condemn condemn VERB 4 ROOT VerbForm=Inf
nor nor CCONJ 4 cc
support support VERB 4 conj VerbForm=Inf
Russia Russia PROPN 6 dobj
. . PUNCT 4 punct
"""

AND_EN = """
The the DET 1 det
minister minister NOUN 2 nsubj
condemned condemn VERB 2 ROOT VerbForm=Fin|Tense=Past
Ukraine Ukraine PROPN 2 dobj
and and CCONJ 2 cc
supported support VERB 2 conj VerbForm=Fin|Tense=Past
Russia Russia PROPN 5 dobj
. . PUNCT 2 punct
"""


def test_a_negative_conjunction_negates_each_verb_it_joins():
    # 'ni … ni …' (the cc on each conjunct, as UD hangs it) and 'ni X ni Y ne V'
    condemn = entry(lemma="condamner", type="ACCUSE", cameo="111", recipient=["obj"])
    support = entry(lemma="soutenir", type="SUPPORT", cameo="051", recipient=["obj"])
    cands = code(rows(NOR_FR), rules_with("fr", [condemn, support]))
    assert sorted(c.modality for c in cands) == ["negated", "negated"]
    cands = code(rows(NOR_SUBJECTS), rules_with("fr", [condemn]))
    assert [c.modality for c in cands] and {c.modality for c in cands} == {"negated"}


def test_nor_negates_the_verb_after_it_not_and():
    # ClearNLP hangs 'nor' on the first conjunct: the second is negated through it
    condemn = entry(lemma="condemn", type="ACCUSE", cameo="111", recipient=["obj"])
    support = entry(lemma="support", type="SUPPORT", cameo="051", recipient=["obj"])
    rules = rules_with("en", [condemn, support])
    by_type = {c.rule.type: c.modality for c in code(rows(NOR_EN, "en"), rules, "en")}
    assert by_type == {"ACCUSE": "negated", "SUPPORT": "negated"}
    by_type = {c.rule.type: c.modality for c in code(rows(AND_EN, "en"), rules, "en")}
    assert by_type == {"ACCUSE": "asserted", "SUPPORT": "asserted"}


@pytest.mark.parametrize(
    "word, pos, particle, expected",
    [
        ("personne", "PRON", True, "negated"),  # 'Ankara n'a tué personne'
        ("rien", "PRON", True, "negated"),
        ("personne", "NOUN", False, "asserted"),  # 'Ankara a tué une personne'
    ],
)
def test_a_word_after_the_negation_particle_negates(word, pos, particle, expected):
    kill = entry(lemma="tuer", type="ASSAULT", cameo="190", recipient=["obj"])
    ne = "n' ne ADV 3 advmod Polarity=Neg" if particle else "une un DET 4 det"
    doc = rows(f"""
Ankara Ankara PROPN 3 nsubj
{ne}
a avoir AUX 3 aux:tense
tué tuer VERB 3 ROOT VerbForm=Part|Tense=Past
{word} {word} {pos} 3 obj
. . PUNCT 3 punct
""")
    assert only(code(doc, rules_with("fr", [kill]))).modality == expected


def test_a_word_after_the_particle_of_another_verb_negates_nothing():
    # a heading glued to the next sentence: 'NE SUIS PLUS LÀ Ankara a tué Dupont', its
    # particle hung on the trigger; 'plus' belongs to 'suis'
    kill = entry(lemma="tuer", type="ASSAULT", cameo="190", recipient=["obj"])
    doc = rows("""
NE ne ADV 6 advmod Polarity=Neg
SUIS être AUX 6 dep Mood=Ind|Tense=Pres|VerbForm=Fin
PLUS plus ADV 6 advmod
LÀ là ADV 6 advmod
Ankara Ankara PROPN 6 nsubj
a avoir AUX 6 aux:tense
tué tuer VERB 6 ROOT VerbForm=Part|Tense=Past
Dupont Dupont PROPN 6 obj
. . PUNCT 6 punct
""")
    assert only(code(doc, rules_with("fr", [kill]))).modality == "asserted"


TOLD_CONDITIONAL = """
Macron Macron PROPN 2 nsubj
a avoir AUX 2 aux:tense
annoncé annoncer VERB 2 ROOT VerbForm=Part|Tense=Past
qu' que SCONJ 5 mark
il il PRON 5 nsubj
recevrait recevoir VERB 2 ccomp {morph}
Poutine Poutine PROPN 5 obj
. . PUNCT 2 punct
"""


@pytest.mark.parametrize("morph", ["Mood=Cnd|VerbForm=Fin", "Mood=Ind|Tense=Imp|VerbForm=Fin"])
def test_a_conditional_under_a_planning_head_is_the_future_of_a_past(morph):
    # 'a annoncé qu'il recevrait X': what was announced is to come, not a hedge; alone, the
    # conditional is the journalist's (alleged), whatever tense the tagger gave the form
    meet = entry(lemma="recevoir", type="CONSULT", cameo="043", recipient=["obj"])
    rules = rules_with("fr", [meet])
    assert only(code(rows(TOLD_CONDITIONAL.format(morph=morph)), rules)).modality == "future"
    alone = rows(f"""
Macron Macron PROPN 1 nsubj
recevrait recevoir VERB 1 ROOT {morph}
Poutine Poutine PROPN 1 obj
. . PUNCT 1 punct
""")
    assert only(code(alone, rules)).modality == "alleged"


TAGGED_PRESENT = """
Ankara Ankara PROPN 1 nsubj
{verb} {lemma} VERB 1 ROOT Mood=Ind|Tense=Pres|VerbForm=Fin
Dupont Dupont PROPN 1 obj
. . PUNCT 1 punct
"""


@pytest.mark.parametrize(
    "verb, lemma, expected",
    [
        ("dénoncerons", "dénoncer", "future"),  # a future the tagger read as a present
        ("dénoncera", "dénoncer", "future"),
        ("appellera", "appeler", "future"),  # 'll' folded to the infinitive's 'l'
        ("dénoncerait", "dénoncer", "alleged"),  # a conditional read as a present
        ("soutiendraient", "soutenir", "alleged"),  # an irregular stem, by the lemma's end
        ("dénonce", "dénoncer", "asserted"),
        ("dénoncez", "dénoncer", "asserted"),
        ("courons", "courir", "asserted"),  # 'cour' + 'ons' is no future stem
    ],
)
def test_a_future_or_conditional_is_read_off_the_form(verb, lemma, expected):
    # the tagger gives about one future in eight 'Tense=Pres'; the ending says otherwise
    accuse = entry(lemma=lemma, type="ACCUSE", cameo="111", recipient=["obj"])
    doc = rows(TAGGED_PRESENT.format(verb=verb, lemma=lemma))
    assert only(code(doc, rules_with("fr", [accuse]))).modality == expected


@pytest.mark.parametrize(
    "aux, verb, expected",
    [
        ("a avoir AUX 2 aux:tense Mood=Ind|Tense=Pres|VerbForm=Fin",
         "assuré assurer VERB 2 ROOT VerbForm=Part|Tense=Past", "future"),
        ("bien bien ADV 2 advmod",
         "assurait assurer VERB 2 ROOT Mood=Ind|Tense=Imp|VerbForm=Fin", "future"),
        ("bien bien ADV 2 advmod",
         "assure assurer VERB 2 ROOT Mood=Ind|Tense=Pres|VerbForm=Fin", "alleged"),
    ],
)  # fmt: skip
def test_a_conditional_told_in_the_past_is_to_come(aux, verb, expected):
    # 'X a assuré qu'il recevrait Y': the conditional is the future of the past it is told
    # in (concordance of tenses), whatever the verb of saying; told in the present it stays
    # a hedge
    meet = entry(lemma="recevoir", type="CONSULT", cameo="043", recipient=["obj"])
    doc = rows(f"""
Macron Macron PROPN 2 nsubj
{aux}
{verb}
qu' que SCONJ 5 mark
il il PRON 5 nsubj
recevrait recevoir VERB 2 ccomp Mood=Cnd|VerbForm=Fin
Poutine Poutine PROPN 5 obj
. . PUNCT 2 punct
""")
    assert only(code(doc, rules_with("fr", [meet]))).modality == expected


def test_a_condition_mark_on_the_verb_makes_it_hypothetical():
    # 'Si Ankara dénonce Dupont, …': the condition is read on the verb itself, before its
    # tense, as the negation is
    accuse = entry(lemma="dénoncer", type="ACCUSE", cameo="111", recipient=["obj"])
    doc = rows("""
Si si SCONJ 2 mark
Ankara Ankara PROPN 2 nsubj
dénonce dénoncer VERB 6 advcl Mood=Ind|Tense=Pres|VerbForm=Fin
Dupont Dupont PROPN 2 obj
, , PUNCT 2 punct
il il PRON 6 nsubj
partira partir VERB 6 ROOT Mood=Ind|Tense=Fut|VerbForm=Fin
. . PUNCT 6 punct
""")
    assert only(code(doc, rules_with("fr", [accuse]))).modality == "hypothetical"


def test_an_act_urged_forbidden_or_prevented_is_not_done():
    # 'La police a empêché Greenpeace de bloquer le port .': prevented, so not done; so for
    # an act urged or forbidden
    block = entry(lemma="bloquer", type="PROTEST", cameo="144", recipient=["obj"])
    table = """
La le DET 1 det
police police NOUN 3 nsubj
a avoir AUX 3 aux:tense
{head} {lemma} VERB 3 ROOT VerbForm=Part|Tense=Past
Greenpeace Greenpeace PROPN 3 obj
de de ADP 6 mark
bloquer bloquer VERB 3 xcomp VerbForm=Inf
le le DET 8 det
port port NOUN 6 obj
. . PUNCT 3 punct
"""
    heads = [("empêché", "empêcher"), ("encouragé", "encourager"), ("interdit", "interdire")]
    for head, lemma in heads:
        doc = rows(table.format(head=head, lemma=lemma))
        c = only(code(doc, rules_with("fr", [block], object_control=[lemma])))
        assert c.modality == "hypothetical", lemma
    # 'Cela n'a pas empêché Greenpeace de bloquer le port .': it did block it
    doc = rows("""
Cela cela PRON 3 nsubj
n' ne ADV 3 advmod
a avoir AUX 3 aux:tense
empêché empêcher VERB 3 ROOT VerbForm=Part|Tense=Past
pas pas ADV 3 advmod
Greenpeace Greenpeace PROPN 3 obj
de de ADP 7 mark
bloquer bloquer VERB 3 xcomp VerbForm=Inf
le le DET 9 det
port port NOUN 7 obj
. . PUNCT 3 punct
""")
    c = only(code(doc, rules_with("fr", [block], object_control=["empêcher"])))
    assert c.modality == "asserted"


def test_a_language_without_tense_endings_reads_the_tagger_alone():
    from chronique.extract.syntax import syntax_for

    doc = rows(TAGGED_PRESENT.format(verb="dénoncera", lemma="dénoncer"))
    assert syntax_for("fr").written_tense(doc[1]) == "future"
    assert syntax_for("en").written_tense(doc[1]) is None


def test_a_tense_the_language_does_not_know_is_refused():
    from chronique.extract.syntax import _build
    from chronique.lexicons import LexiconError, load

    data = dict(load("grammar", "fr"), tense_endings={"aorist": ["a"]})
    with pytest.raises(LexiconError, match="unknown tenses"):
        _build("fr", data)


def test_a_passive_infinitive_under_a_planning_head_is_to_come():
    # 'X doit être arrêté': the passive's auxiliary tells no past; the arrest is to come
    arrest = entry(lemma="arrêter", type="COERCE", cameo="173", recipient=["obj"])
    doc = rows("""
Dupont Dupont PROPN 1 nsubj
doit devoir VERB 1 ROOT VerbForm=Fin|Tense=Pres
être être AUX 3 aux:pass VerbForm=Inf
arrêté arrêter VERB 1 xcomp VerbForm=Part|Tense=Past
par par ADP 6 case
la le DET 6 det
Turquie Turquie PROPN 3 obl:agent
. . PUNCT 1 punct
""")
    assert only(code(doc, rules_with("fr", [arrest]))).modality == "future"
