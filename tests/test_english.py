"""English event coding: the lexicon's shape, one real sentence per PLOVER type, modality cues,
and an accuracy floor on the English PLOVER gold records (shared/reference)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import events_of

from chronique import lexicons
from chronique.model import PLOVER_TYPES, Article
from chronique.pipeline import process, process_stream

SHARED = Path(os.environ.get("CHRONIQUE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
PLOVER_GOLD = SHARED / "reference" / "PLOVER_GSR_CAMEO.json"

# measured 0.55 (177/322) when this floor was set; a few points below, so a regression fails
TYPE_ACCURACY_FLOOR = 0.50
# actor country end to end (all records) was 0.54, then 0.60 when set; the share among
# records whose type is right falls as coverage reaches sentences whose actor needs knowledge
# the text lacks ('Yoruba leaders'), so it only guards against a collapse
ACTOR_ALL_FLOOR = 0.55
# coverage 0.925 and type first 0.764 when set (from 0.808 and 0.637): a few points below
COVERAGE_FLOOR = 0.88
TYPE_FIRST_FLOOR = 0.72
ACTOR_GIVEN_TYPE_FLOOR = 0.72

TRIGGER_KEYS = {
    "self_target",
    "need_person_object",
    "id",
    "lemma",
    "pos",
    "type",
    "cameo",
    "mode",
    "context",
    "object",
    "reflexive",
    "prep",
    "follow",
    "modifier",
    "recipient",
    "actor",
    "symmetric",
    "nominal",
    "need_recipient",
    "need_governor",
    "complement",
    "comp_aux",
    "embeds",
    "example",
}


def code(text: str):
    return process(Article(id="en-test", text=text, language="en", published="2019-05-02"))


events = events_of


# -- the lexicon files ----------------------------------------------------------------------


def test_events_lexicon_has_the_french_shape_and_covers_every_type():
    en, fr = lexicons.load("events", "en"), lexicons.load("events", "fr")
    assert set(fr) <= set(en)
    ids = [t["id"] for t in en["triggers"]]
    assert len(ids) == len(set(ids))
    for t in en["triggers"]:
        assert set(t) <= TRIGGER_KEYS, t["id"]
        assert t["type"] in PLOVER_TYPES, t["id"]
        assert t["id"].startswith(f"en.{t['type'].lower()}."), t["id"]
        assert t["lemma"] == t["lemma"].lower(), t["id"]
        assert t["pos"] and set(t["pos"]) <= {"VERB", "NOUN", "ADJ"}, t["id"]
    assert {t["type"] for t in en["triggers"]} == set(PLOVER_TYPES)


def test_modality_lexicon_has_the_french_keys_and_an_aux_table():
    en, fr = lexicons.load("modality", "en"), lexicons.load("modality", "fr")
    assert set(fr) <= set(en)
    assert en["aux"]["will"] == "future"
    assert en["aux"]["could"] == "hypothetical"
    assert {"deny", "reject"} <= set(en["denial_heads"])


# -- one sentence per type, from the PLOVER gold file ----------------------------------------

GOLD_CASES = [
    ("PLOVER-GSR01-AGREE-0004", "AGREE", "JOR"),  # Jordan and Britain have agreed to undertake
    ("PLOVER-GSR01-CONSULT-0003", "CONSULT", "TWN"),  # Taiwan's Vice Foreign Minister visited
    ("PLOVER-GSR01-SUPPORT-0002", "SUPPORT", "USA"),  # A top U.S. official today praised Haiti's
    ("PLOVER-GSR01-CONCEDE-0005", "CONCEDE", "SRB"),  # Serbia lifted a night curfew
    ("PLOVER-GSR01-COOPERATE-0004", "COOPERATE", "ZMB"),  # Zambia extradited … to Britain
    ("PLOVER-GSR01-AID-0003", "AID", "USA"),  # The United States continued to send arms
    ("PLOVER-GSR01-RETREAT-0017", "RETREAT", "UGA"),  # Five hundred Ugandan rebels surrendered
    ("PLOVER-GSR01-DEMAND-0005", "REQUEST", "CHN"),  # The PRC on Tuesday demanded that the US
    ("PLOVER-GSR01-DISAPPROVE-0003", "ACCUSE", "ZWE"),  # Mugabe today accused the United States
    ("PLOVER-GSR01-REJECT-0002", "REJECT", "YEM"),  # Yemen has rejected a U.S. request
    ("PLOVER-GSR01-THREATEN-0002", "THREATEN", "IRN"),  # Iran on Tuesday threatened to cut off
    ("PLOVER-GSR01-PROTEST-0017", "PROTEST", "FRA"),  # Angry French paper workers blocked
    ("PLOVER-GSR01-SANCTION-0003", "SANCTION", "CHE"),  # Switzerland … expelled two Russian
    ("PLOVER-GSR01-MOBILIZE-0005", "MOBILIZE", "ISR"),  # Israel has strengthened its forces
    ("PLOVER-GSR01-COERCE-0012", "COERCE", "ISR"),  # Israeli soldiers arrested more than 100
    ("PLOVER-GSR01-ASSAULT-0008", "ASSAULT", "PSE"),  # Two Palestinian suicide bombers killed
]


@pytest.fixture(scope="module")
def plover():
    """The English gold records and chronique's reading of each, keyed by record id."""
    from chronique.evaluate import load_plover_gold

    if not PLOVER_GOLD.exists():
        pytest.skip(f"shared data not found: {PLOVER_GOLD}")
    records = load_plover_gold(PLOVER_GOLD)
    arts = [Article(id=r["id"], text=r["text"], language="en") for r in records]
    return records, {p.id: p for p in process_stream(arts)}


def test_gold_cases_cover_every_type():
    assert {t for _, t, _ in GOLD_CASES} == set(PLOVER_TYPES)


@pytest.mark.parametrize(("rid", "typ", "actor"), GOLD_CASES, ids=[c[0][13:] for c in GOLD_CASES])
def test_plover_gold_sentence(plover, rid, typ, actor):
    records, coded = plover
    gold = next(r for r in records if r["id"] == rid)
    assert gold["event"] == typ and actor in gold["actor_country"]
    result = coded[rid]
    got = [(e.event, [a.country for a in e.actor]) for e in result.events]
    assert events(result, typ, actor), got


def test_plover_gold_accuracy_floor(plover):
    from chronique.evaluate import score_plover

    records, coded = plover
    s = score_plover(records, coded.values())
    assert s["type"]["accuracy"] >= TYPE_ACCURACY_FLOOR, s["type"]
    assert s["actor"]["accuracy"] >= ACTOR_GIVEN_TYPE_FLOOR, s["actor"]
    assert s["actor_all"]["accuracy"] >= ACTOR_ALL_FLOOR, s["actor_all"]
    assert s["coverage"]["accuracy"] >= COVERAGE_FLOOR, s["coverage"]
    assert s["type_first"]["accuracy"] >= TYPE_FIRST_FLOOR, s["type_first"]
    for t in PLOVER_TYPES:
        assert s["per_type"][t]["correct"] > 0, t


# -- hand-written news sentences ------------------------------------------------------------

NEWS_CASES = [
    (
        "AGREE",
        "The United States and Japan signed a new security agreement in Tokyo on Tuesday.",
        "USA",
        None,
    ),
    (
        "CONSULT",
        "Chinese President Xi Jinping met Russian President Vladimir Putin in Moscow.",
        "CHN",
        "RUS",
    ),
    ("CONSULT", "North Korea and Russia held talks in Pyongyang on Wednesday.", "PRK", None),
    ("CONSULT", "The Japanese prime minister paid a visit to India last week.", "JPN", "IND"),
    ("SUPPORT", "France praised Morocco for its efforts to stabilise the region.", "FRA", "MAR"),
    ("CONCEDE", "The Egyptian government lifted the state of emergency in Sinai.", "EGY", None),
    (
        "COOPERATE",
        "Japan and South Korea agreed to share intelligence on North Korean missiles.",
        "JPN",
        None,
    ),
    ("AID", "The United States delivered 31 Abrams tanks to Ukraine.", "USA", "UKR"),
    ("RETREAT", "Russia withdrew its troops from the city of Kherson.", "RUS", None),
    ("RETREAT", "The Pakistani prime minister resigned on Sunday.", "PAK", None),
    ("REQUEST", "China called on the United States to stop arming Taiwan.", "CHN", "USA"),
    ("REQUEST", "Ukraine urged Germany to deliver Leopard tanks.", "UKR", "DEU"),
    ("ACCUSE", "Moscow accused Washington of fuelling the conflict.", "RUS", "USA"),
    ("REJECT", "Russia vetoed the Security Council resolution on Monday.", "RUS", "UNO"),
    ("THREATEN", "China warned Taiwan against any move toward independence.", "CHN", "TWN"),
    (
        "PROTEST",
        "French workers staged a nationwide strike against the pension reform.",
        "FRA",
        None,
    ),
    ("SANCTION", "The European Union imposed new sanctions on Russia on Friday.", "EUR", "RUS"),
    ("SANCTION", "Germany expelled two Russian diplomats on Monday.", "DEU", "RUS"),
    ("MOBILIZE", "North Korea carried out a ballistic missile test on Sunday.", "PRK", None),
    ("MOBILIZE", "Russia deployed troops to the border with Ukraine.", "RUS", None),
    ("COERCE", "Iran seized a Greek oil tanker in the Gulf.", "IRN", "GRC"),
    ("ASSAULT", "Russia launched a missile attack on Kyiv on Monday.", "RUS", "UKR"),
    ("ASSAULT", "Russian forces shelled the Ukrainian city of Kharkiv.", "RUS", "UKR"),
]


@pytest.mark.parametrize(
    ("typ", "text", "actor", "recipient"),
    NEWS_CASES,
    ids=[f"{c[0]}-{i}" for i, c in enumerate(NEWS_CASES)],
)
def test_news_sentence(typ, text, actor, recipient):
    result = code(text)
    found = events(result, typ, actor, recipient)
    assert found, [
        (e.event, [a.country for a in e.actor], [a.country for a in e.recipient])
        for e in result.events
    ]


# -- modality --------------------------------------------------------------------------------


def test_will_visit_is_future():
    (visit,) = events(
        code("Chinese President Xi Jinping will visit Russia next week."), "CONSULT", "CHN", "RUS"
    )
    assert visit.modality == "future"
    assert visit.trigger["text"] == "will visit"


def test_could_attack_is_hypothetical():
    (attack,) = events(
        code("Israel could attack Iranian nuclear sites, officials said."), "ASSAULT", "ISR"
    )
    assert attack.modality == "hypothetical"


def test_did_not_attack_is_negated():
    (attack,) = events(code("Russia did not attack the port of Odesa on Monday."), "ASSAULT", "RUS")
    assert attack.modality == "negated"


def test_denied_supply_of_weapons_is_denied():
    result = code("Russia denied supplying weapons to North Korea.")
    (aid,) = events(result, "AID", "RUS", "PRK")
    assert aid.modality == "denied"
    assert {a.country for a in aid.denied_by} == {"RUS"}


def test_pledged_aid_is_the_aid_itself_planned():
    # 'pledge to V' embeds the act: the AID is coded, as future, rather than a bare AGREE
    result = code("Germany pledged to send more air defence systems to Ukraine.")
    (aid,) = events(result, "AID", "DEU", "UKR")
    assert aid.modality == "future"
    assert not events(result, "AGREE", "DEU")


def test_refused_meeting_is_not_asserted():
    result = code("Israel refused to meet the Jordanian king in Tel Aviv.")
    assert events(result, "REJECT", "ISR")
    for meet in events(result, "CONSULT", "ISR"):
        assert meet.modality in ("negated", "hypothetical")


def test_light_verb_carries_negation_to_its_noun_trigger():
    from chronique.model import Article
    from chronique.pipeline import process

    r = process(
        Article(
            id="neg",
            text="Russia did not launch an attack on Kyiv.",
            language="en",
            published="2022-03-01",
        )
    )
    assert [(e.event, e.modality) for e in r.events] == [("ASSAULT", "negated")]


# -- actors a quantity, a group noun or a pronoun stands for ---------------------------------


@pytest.mark.parametrize(
    ("text", "typ", "actor"),
    [
        ("Thousands of Chilean miners demonstrated in the capital on Friday.", "PROTEST", "CHL"),
        ("A group of Turkish lawyers criticized the new law on Monday.", "ACCUSE", "TUR"),
        ("Members of the Iraqi army attacked the village.", "ASSAULT", "IRQ"),
    ],
)
def test_partitive_head_takes_the_actor_of_its_complement(text, typ, actor):
    result = code(text)
    assert events(result, typ, actor), [(e.event, [a.text for a in e.actor]) for e in result.events]


def test_role_phrase_is_not_read_as_a_partitive():
    (acc,) = events(code("Members of parliament criticized the minister."), "ACCUSE")
    assert [a.sector for a in acc.actor] == ["LEG"]


def test_collective_nouns_name_an_actor():
    result = code("Several Asian countries called for talks with the rebels.")
    assert events(result, "REQUEST"), [(e.event, e.actor) for e in result.events]


def test_group_noun_keeps_an_unplaced_actor():
    # 'settlers' names people although no lexicon places them: the event stays, unresolved
    (attack,) = events(code("Dozens of Jewish settlers attacked a village overnight."), "ASSAULT")
    assert [a.text for a in attack.actor] == ["Jewish settlers"]


def test_reported_pronoun_stands_for_an_unplaced_subject():
    result = code("The Free Mountain Front announced it would release the captured pilots.")
    (release,) = events(result, "RETREAT")
    assert [a.text for a in release.actor] == ["The Free Mountain Front"]


# -- type by construction ----------------------------------------------------------------------


def test_concession_refused_with_will_is_a_rejection():
    (rej,) = events(code("Canada will not lift the ban on Chilean salmon."), "REJECT", "CAN")
    assert rej.modality == "asserted" and rej.cameo == "124"
    assert not events(code("Canada will not lift the ban on Chilean salmon."), "CONCEDE")


def test_concession_that_did_not_happen_stays_negated():
    (con,) = events(code("Canada did not lift the ban on Chilean salmon."), "CONCEDE", "CAN")
    assert con.modality == "negated"


def test_refused_meeting_with_will_is_a_rejection():
    (rej,) = events(code("Peru will not meet the Chilean delegation."), "REJECT", "PER", "CHL")
    assert rej.cameo == "125"


def test_act_announced_unless_a_condition_is_met_is_a_threat():
    result = code("The Labour Party said it will boycott the vote unless the president resigns.")
    (threat,) = events(result, "THREATEN")
    assert threat.modality == "asserted"
    assert not events(result, "PROTEST")


def test_act_announced_without_condition_stays_itself():
    result = code("The Labour Party said it will boycott the vote.")
    assert events(result, "PROTEST") and not events(result, "THREATEN")


def test_reported_obligation_on_another_actor_is_a_demand():
    result = code("Sweden said that Norway must share the fishing data.")
    assert events(result, "REQUEST", "SWE", "NOR")
    first = min(result.events, key=lambda e: e.trigger["start"])
    assert first.event == "REQUEST"


def test_obligation_on_oneself_is_no_demand():
    assert not events(code("Sweden said it must protect its fishermen."), "REQUEST")


# -- acts told without their author ----------------------------------------------------------


def test_agentless_passive_keeps_the_act_with_an_unnamed_actor():
    (attack,) = events(code("Two Kenyan police officers were killed near the border."), "ASSAULT")
    assert [(a.kind, a.country) for a in attack.actor] == [("unnamed", None)]
    assert [a.country for a in attack.recipient] == ["KEN"]


def test_weapon_as_subject_keeps_the_act():
    assert events(code("A roadside bomb killed three Malian soldiers on Sunday."), "ASSAULT")


@pytest.mark.parametrize(
    "text",
    [
        "Forty villagers were killed in a landslide in Nepal.",
        "The flood killed twelve people in Kerala.",
        "The families of the miners who were killed met the minister.",
    ],
)
def test_no_unnamed_author_for_causes_subjects_or_descriptions(text):
    assert not events(code(text), "ASSAULT")


# -- vocabulary and frames read from the PLOVER classes ----------------------------------------


@pytest.mark.parametrize(
    ("text", "typ", "actor"),
    [
        ("Kenya launched a mediation effort between the two Sudanese factions.", "CONSULT", "KEN"),
        ("Norway ended its mediation efforts between the rival parties.", "SANCTION", "NOR"),
        ("Serbia broke off talks with Kosovo on Monday.", "SANCTION", "SRB"),
        ("Malian troops remained on alert near the border.", "MOBILIZE", "MLI"),
        ("The Kenyan government met the demands of the striking nurses.", "CONCEDE", "KEN"),
        ("A Turkish court released the Greek journalist Nikos Pappas.", "RETREAT", "TUR"),
        ("Peru announced the release of two Chilean fishermen.", "RETREAT", "PER"),
        ("A Chilean judge ordered Marco Rossi to appear for questioning.", "REQUEST", "CHL"),
        ("Vietnam is committed to opening its markets to foreign banks.", "AGREE", "VNM"),
        ("Chad opened its borders to Sudanese refugees.", "AID", "TCD"),
        ("A Turkish court released German journalist Anna Weber on Friday.", "RETREAT", "TUR"),
        ("Peru and Chile failed to reach agreement on the fishing quotas.", "REJECT", "PER"),
    ],
)
def test_plover_construction(text, typ, actor):
    result = code(text)
    assert events(result, typ, actor), [(e.event, [a.text for a in e.actor]) for e in result.events]


@pytest.mark.parametrize(
    "text",
    [
        "The company released a new smartphone on Friday.",
        "The band released its third album last spring.",
        "Our players remained on the field after the match.",
        "The new bridge met the safety requirements.",
        "The chef ended his cooking efforts at midnight.",
    ],
)
def test_non_political_senses_code_nothing(text):
    result = code(text)
    assert not result.events, [(e.event, e.trigger) for e in result.events]


def test_person_named_like_a_town_still_acts():
    # 'Toledo' is a town in the gazetteer, but the NER reads 'Maria Toledo' as a person
    (rej,) = events(code("Senator Maria Toledo rejected the offer."), "REJECT")
    assert [a.name for a in rej.actor] == ["Maria Toledo"]


def test_ordered_act_named_as_object_is_the_act():
    result = code("The Nigerian president ordered air strikes on the rebel camps.")
    assert events(result, "ASSAULT", "NGA") and not events(result, "REQUEST")


def test_weapon_subject_takes_the_agent_of_its_participle():
    result = code("The shells fired by the Sudanese army struck a camp in Chad.")
    assert events(result, "ASSAULT", "SDN"), [(e.event, e.actor) for e in result.events]


def test_hostile_act_announced_on_a_condition_is_a_threat():
    result = code("Peru will expel the Chilean ambassador if Chile arms the rebels.")
    assert events(result, "THREATEN", "PER") and not events(result, "SANCTION")


def test_friendly_act_on_a_condition_stays_itself():
    result = code("Peru will meet the Chilean envoy if Chile frees the sailors.")
    assert events(result, "CONSULT", "PER") and not events(result, "THREATEN")


def test_act_counted_by_a_quantity_takes_the_verb_above_it():
    result = code("Kenya and Uganda began a new round of joint military exercises.")
    assert events(result, "COOPERATE", "KEN")


def test_light_verb_in_the_passive_gives_its_agent():
    result = code("The war games were staged by Kenyan troops and Ugandan marines.")
    assert events(result, "COOPERATE", "KEN"), [(e.event, e.actor) for e in result.events]


def test_finite_verb_hung_on_the_noun_before_it_takes_that_noun_as_subject():
    text = "Police are beating detainees in the north, a Kenyan rights group protested on Monday."
    assert events(code(text), "PROTEST"), [(e.event, e.actor) for e in code(text).events]


def test_agentless_accusation_keeps_the_act():
    assert events(code("The Malian minister has been accused of selling state land."), "ACCUSE")


def test_call_made_to_congratulate_is_the_congratulation_by_the_caller():
    result = code("The Kenyan president called the Ugandan leader on Monday to congratulate him.")
    assert events(result, "SUPPORT", "KEN"), [(e.event, e.actor) for e in result.events]


def test_call_made_to_discuss_stays_a_call():
    result = code("The Kenyan president called his Ugandan counterpart on Monday to discuss trade.")
    assert events(result, "CONSULT", "KEN", "UGA")


def test_participle_describing_the_actor_is_background():
    result = code("Sudanese warplanes supported by Egypt bombed the rebel camps in Darfur.")
    assert events(result, "ASSAULT", "SDN")
    assert not events(result, "SUPPORT")


def test_participle_on_an_object_is_still_coded():
    result = code("Sudan bombed rebels supported by Chad.")
    assert events(result, "SUPPORT")


def test_calling_off_a_strike_is_a_concession():
    assert events(code("Chilean miners called off their strike on Friday."), "CONCEDE", "CHL")


def test_act_told_twice_keeps_the_telling_with_its_author():
    result = code("Four Malian soldiers were killed when a suicide bomber attacked a checkpoint.")
    (attack,) = events(result, "ASSAULT")
    assert [a.kind for a in attack.actor] != ["unnamed"]
    assert [a.country for a in attack.recipient] == ["MLI"]


def test_ordered_aid_with_no_recipient_keeps_the_order():
    assert events(code("The Malian president ordered federal aid on Monday."), "REQUEST")


def test_mediation_between_two_sides_names_them_as_recipients():
    result = code("Kenya launched a mediation effort between Ethiopia and Eritrea.")
    (med,) = events(result, "CONSULT", "KEN")
    assert {a.country for a in med.recipient} == {"ETH", "ERI"}


def test_an_office_acts_for_its_owner():
    result = code("The Kenyan president's office condemned the raid by Somali militants.")
    assert events(result, "ACCUSE", "KEN")


def test_a_campaign_acts_for_its_owner():
    result = code("Chile's presidential campaign filed a lawsuit against Peru on Monday.")
    assert events(result, "ACCUSE", "CHL")


def test_violating_a_truce_is_an_assault():
    result = code("Ethiopian forces violated the truce with Eritrea on Sunday.")
    (first,) = result.events[:1]
    assert first.event == "ASSAULT" and first.cameo == "196"


def test_a_hyphenated_cease_fire_is_a_ceasefire():
    assert events(code("Yemen declared a cease-fire with Oman on Friday."), "RETREAT", "YEM")


def test_a_measure_of_a_restriction_counts_as_the_restriction():
    # 'curfew hours': the restriction is named by the noun before the measure
    result = code("Bolivia eased the curfew hours in its capital on Monday.")
    assert events(result, "CONCEDE", "BOL")


def test_letting_people_go_free_is_a_release():
    assert events(code("Eritrea let free three Swedish reporters on Monday."), "RETREAT", "ERI")


def test_rolling_back_and_reversing_are_concessions():
    assert events(code("Canada rolled back tariffs on Mexican steel on Monday."), "CONCEDE", "CAN")
    assert events(code("Peru reversed its ban on Chilean fruit on Monday."), "CONCEDE", "PER")


def test_support_expressed_for_a_thing_is_support():
    result = code("Norway reiterated its support for the peace process on Monday.")
    assert events(result, "SUPPORT", "NOR")


def test_issuing_a_warrant_is_coercion():
    result = code("A Ghanaian court issued a warrant against a former minister on Monday.")
    assert events(result, "COERCE")


def test_finding_guilty_is_an_accusation_on_the_one_found_guilty():
    result = code("A Dutch court found the Serbian general guilty of war crimes.")
    (found,) = events(result, "ACCUSE")
    assert found.cameo == "116" and [a.country for a in found.recipient] == ["SRB"]
    assert events(code("The Serbian general was found guilty by a Dutch court."), "ACCUSE", "NLD")


def test_burning_a_flag_is_a_protest():
    assert events(code("Serbian students burned Croatian flags in Belgrade."), "PROTEST", "SRB")


def test_returning_seized_wildlife_is_a_return():
    result = code("Peru returned seized turtles to Ecuador on Monday.")
    assert events(result, "RETREAT", "PER", "ECU")


def test_joining_an_investigation_is_investigating():
    assert events(code("The FBI joined an investigation into the Kenyan bank."), "ACCUSE", "USA")


def test_us_agencies_are_known_by_their_acronyms():
    result = code("With its partners, USAID provided tents to Haiti.")
    assert events(result, "AID", "USA")
    assert events(code("ICE returned stolen paintings to Italy on Monday."), "RETREAT", "USA")


def test_villagers_released_are_people():
    assert events(code("Rebels in Mali released twelve villagers on Monday."), "RETREAT")


def test_deploying_peacekeeping_troops_is_aid():
    # 'peacekeeping troops': the compound before a generic head says what the troops are
    result = code("Ghana announced the deployment of peacekeeping troops to Mali.")
    assert events(result, "AID") and not events(result, "MOBILIZE")
    result = code("Nepal deployed peacekeeping forces in Lebanon on Monday.")
    assert events(result, "AID", "NPL") and not events(result, "MOBILIZE")
    assert events(code("Nepal deployed troops in Lebanon on Monday."), "MOBILIZE", "NPL")


def test_sending_experts_to_investigate_is_investigating():
    result = code("The UN sent experts to Mali to investigate the killings.")
    assert result.events[0].event == "ACCUSE"
    assert events(result, "ACCUSE", "UNO", "MLI")


def test_ceasing_military_operations_is_a_retreat():
    result = code("Ethiopia ceased its military operations in Tigray on Monday.")
    assert result.events[0].event == "RETREAT" and not events(result, "ASSAULT")


def test_withdrawing_a_batch_of_peacekeepers_is_a_sanction():
    # what the quantity counts is what the verb acts on
    assert events(code("Kenya withdrew a batch of peacekeepers from Somalia."), "SANCTION", "KEN")


def test_suspending_aid_donations_is_a_sanction():
    assert events(code("Peru suspended aid donations to Bolivia."), "SANCTION", "PER", "BOL")


def test_a_commenced_offensive_takes_the_subject_of_commence():
    result = code("Turkey commenced ground assaults on Kurdish fighters.")
    assert events(result, "ASSAULT", "TUR")


def test_forcing_a_plane_to_land_is_coercion():
    assert events(code("Turkish jets forced a Syrian plane to land in Ankara."), "COERCE", "TUR")
