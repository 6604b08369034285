"""Checks: named tests a candidate must pass to be coded; each failing one gives a reason.

Two registries, tried in order: before the frame is filled (they read only the parse and the
other triggers of the paragraph) and after (they read the sides). A check returns the key of
`candidate.REASONS` that drops the candidate, or None.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from chronique.extract.actors import DocActors
from chronique.extract.events.candidate import Candidate
from chronique.extract.events.frames import moment_phrase, prep_actors
from chronique.extract.events.rules import Rules, Trigger, counted, lemma_of, register
from chronique.extract.syntax import Syntax


@dataclass
class Paragraph:
    """What a check may look at besides its candidate: the parse, the rules, and the
    triggers matched in the same paragraph (token id → rule)."""

    da: DocActors
    rules: Rules
    matched: dict[int, Trigger]


CheckFn = Callable[[Candidate, Paragraph], str | None]
BEFORE_FRAME: dict[str, CheckFn] = {}
AFTER_FRAME: dict[str, CheckFn] = {}


def check(registry: dict[str, CheckFn], reason: str) -> Callable[[CheckFn], CheckFn]:
    """Register a check under the reason it gives."""
    return register(registry, reason)


def _complements(tok: Token, p: Paragraph) -> list[Token]:
    """Clausal complements, and infinitive clauses of purpose ('called X on Monday to
    congratulate him': the call is made for that act)."""
    syn = p.rules.syntax
    return [
        c
        for c in tok.children
        if c.dep_ in syn.comp or (c.dep_ in syn.advcl and "Inf" in c.morph.get("VerbForm"))
    ]


@check(BEFORE_FRAME, "forecast")
def _forecast(c: Candidate, p: Paragraph) -> str | None:
    # 'promet d'être la plus regardée': a forecast, not a promise; 'ordered X to appear':
    # the complement is what the object must do, no forecast
    if (
        c.rule.embeds
        and not p.rules.syntax.objects(c.token)
        and any(lemma_of(x) in p.rules.non_event_complements for x in _complements(c.token, p))
    ):
        return "forecast"
    return None


@check(BEFORE_FRAME, "embeds_event")
def _embeds_event(c: Candidate, p: Paragraph) -> str | None:
    # 'promettent de renforcer leur coopération': the embedded act counts; so does an act
    # named as the object ('ordered air strikes on the city')
    if not c.rule.embeds:
        return None
    # ('called X to discuss Y': an act of the call's own type leaves the call standing)
    if any(
        t.i in p.matched and p.matched[t.i].type != c.rule.type
        for x in _complements(c.token, p)
        for t in x.subtree
    ):
        return "embeds_event"
    syn = p.rules.syntax
    objects = syn.children(c.token, syn.direct_obj)
    acts = [p.matched[o.i] for o in objects if o.i in p.matched]
    if any(a.nominal and not a.need_recipient for a in acts):  # one that may stand alone
        return "embeds_event"
    return None


@check(BEFORE_FRAME, "describes_actor")
def _describes_actor(c: Candidate, p: Paragraph) -> str | None:
    """'the coalition fighting the rebels has declared a ceasefire', 'warplanes supported by
    X pounded Y': a participle on the subject of another trigger says who that actor is."""
    syn, tok = p.rules.syntax, c.token
    if c.rule.nominal or tok.dep_ not in syn.acl or "Part" not in tok.morph.get("VerbForm"):
        return None
    noun = tok.head
    if noun.dep_ not in syn.subj | syn.subj_pass:
        return None
    if tok.i > 0 and tok.nbor(-1).text == "," and "Past" in tok.morph.get("Tense"):
        return None  # 'le journaliste, arrêté mardi par la police, a été libéré': told apart
    verb = noun.head
    if verb.i in p.matched or any(
        rule.nominal and tok.doc[i].head.i == verb.i for i, rule in p.matched.items()
    ):  # 'has declared a ceasefire': the act is the noun its verb governs
        return "describes_actor"
    return None


@check(BEFORE_FRAME, "object_not_person")
def _object_not_person(c: Candidate, p: Paragraph) -> str | None:
    """'interpelle la France': a challenge, not an arrest. A person, a group with a sector
    or a noun for people ('onze suspects') is acted on; passive subjects count as objects,
    and so does the noun a participle describes ('la personne interpellée')."""
    if not c.rule.need_person_object:
        return None
    syn, da, tok = p.rules.syntax, p.da, c.token
    acted_on = syn.objects(tok) + syn.passive_subjects(tok)
    if tok.dep_ in syn.acl and "Past" in tok.morph.get("Tense") and (
        tok.head.i == tok.i - 1 or syn.children(tok, syn.aux_pass)
    ):
        acted_on.append(tok.head)  # 'la personne interpellée', 'les frères, ayant été
        # abattus': the noun it describes (set apart by a comma, 'X, interpellée par des
        # élus', it may say she was challenged)
    elif tok.dep_ in syn.acl and "Past" in tok.morph.get("Tense") and _coerced_by(tok, p):
        acted_on.append(tok.head)  # 'le journaliste, arrêté par la police chinoise'
    acted_on += counted(acted_on, syn, p.rules.quantity_heads)  # 'des milliers d'hommes'
    for o in acted_on:
        if lemma_of(o) in p.rules.person_nouns or _clitic_person(o, tok, syn):
            return None
        a = da.actor(o, loose=True)
        if a is not None and (a.kind == "person" or (a.kind == "group" and a.sector)):
            return None
    return "object_not_person"


def _clitic_person(o: Token, verb: Token, syn: Syntax) -> bool:
    """'la police l'a arrêté', 'pour les arrêter', 'se faire arrêter': a personal pronoun
    set before the verb as its object stands for whoever it names, a person as often as not;
    only nouns can show they name things. A reflexive one only after a causative ('se
    faire arrêter'): on the verb itself ('s'en remettre à X') it makes another verb."""
    if o.pos_ != "PRON" or o.i >= verb.i or not o.morph.get("Person"):
        return False
    if "Yes" not in o.morph.get("Reflex"):
        return bool(o.morph.get("Number"))  # 'l'', 'les'; not 'en', 'y', which have none
    causative = syn.words["causative_verbs"]
    return any(lemma_of(c) in causative and o.i < c.i < verb.i for c in verb.children)


def _coerced_by(part: Token, p: Paragraph) -> bool:
    """Does a participle set apart from its noun ('X, arrêté par la police') name as its
    agent a body that coerces (groups.json `coercive_sectors`)? Then it tells what that body
    did to X; by anyone else ('X, interpellée par des élus') it may be a challenge."""
    syn = p.rules.syntax
    sectors = set(p.rules.groups.get("coercive_sectors", []))
    return any(
        a.sector in sectors
        for a in prep_actors(part, syn.words["agent_preps"], p.da, p.rules)
    )


def under_trigger(tok: Token, p: Paragraph) -> bool:
    """Is this noun the topic of another trigger ('des négociations sur les sanctions')?
    Not when a preposition makes it another moment ('une diatribe après des exercices').
    """
    if moment_phrase(tok, p.rules):
        return False
    t = tok
    for _ in range(3):
        if t.head.i == t.i:
            return False
        t = t.head
        if t.i in p.matched:
            return not p.matched[t.i].embeds
        if t.pos_ == "VERB" and lemma_of(t) not in p.rules.light_verbs:
            return False
    return False


def explicit_actor(c: Candidate, p: Paragraph) -> bool:
    """Does a noun trigger name its own actor ('les sanctions de l'UE', 'américaines')?"""
    preps = tuple(s for s in c.rule.actor if s not in ("amod", "poss"))
    if prep_actors(c.token, preps, p.da, p.rules):
        return True
    return any(
        c2.dep_ in p.rules.syntax.amod
        and (m := p.da.by_token.get(c2.i)) is not None
        and m.kind == "adjective"
        for c2 in c.token.children
    )


@check(AFTER_FRAME, "asks_question")
def _question(c: Candidate, p: Paragraph) -> str | None:
    # '« Attaquer la Libye, ça faisait partie des droits de l'homme ? », demande X': a
    # question asked, no demand made
    return "asks_question" if c.asks and c.rule.type in p.rules.question_types else None


@check(AFTER_FRAME, "reports_speech")
def _reports_speech(c: Candidate, p: Paragraph) -> str | None:
    # '« … », a soutenu le ministre', '« … », s'est défendu X': saying, not supporting
    return "reports_speech" if c.reports and lemma_of(c.token) in p.rules.speech_verbs else None


@check(AFTER_FRAME, "topic")
def _topic(c: Candidate, p: Paragraph) -> str | None:
    # the topic of a talk, a deal or a refusal is not itself an event
    if c.rule.nominal and under_trigger(c.token, p) and not explicit_actor(c, p):
        return "topic"
    return None


@check(AFTER_FRAME, "no_actor")
def _no_actor(c: Candidate, p: Paragraph) -> str | None:
    return None if c.actor else "no_actor"


@check(AFTER_FRAME, "actor_not_agent")
def _actor_not_agent(c: Candidate, p: Paragraph) -> str | None:
    """An act only some bodies do (the police arrest): a named person not of the sectors
    that do it in person (a judge), or a body of another sector, does something else ('le
    député a interpellé le ministre' challenges him). A state, or a body of unknown kind or
    sector, may act through its forces; a group made the article's own ('des militants'
    in a French story, kind inferred) keeps its sector."""
    bodies, people = c.rule.actor_sectors, c.rule.person_sectors
    if bodies and any(
        (a.kind == "person" and a.name and a.sector not in people)
        or (a.kind in ("group", "organization", "inferred") and a.sector and a.sector not in bodies)
        for a in c.actor
    ):
        return "actor_not_agent"
    return None


VISIT = "visit"  # the PLOVER mode of CONSULT that travels to the recipient


@check(AFTER_FRAME, "home_trip")
def _home_trip(c: Candidate, p: Paragraph) -> str | None:
    """'X se rendait de Tomsk à Moscou', 'le Premier ministre japonais s'est rendu à
    Tokyo': a visit to a place standing for the actor's own state (its capital, its name)
    is a trip at home, as one to any other town of it is, not a visit to someone."""
    if c.rule.mode != VISIT or not c.recipient:
        return None
    home = {a.country for a in c.actor if a.country}
    if home and all(a.kind == "country" and a.country in home for a in c.recipient):
        return "home_trip"
    return None


@check(AFTER_FRAME, "no_recipient")
def _no_recipient(c: Candidate, p: Paragraph) -> str | None:
    return "no_recipient" if c.rule.need_recipient and not c.recipient else None


@check(AFTER_FRAME, "no_second_side")
def _no_second_side(c: Candidate, p: Paragraph) -> str | None:
    """A symmetric act needs two sides, unless its one actor is a body of several members
    acting together ('les ministres de l'UE ont convenu d'une position commune')."""
    if c.rule.symmetric and len(c.actor) == 1 and not c.recipient:
        if c.actor[0].country not in p.rules.group_codes:
            return "no_second_side"
    return None


def run(registry: dict[str, CheckFn], c: Candidate, p: Paragraph) -> str | None:
    """The first reason a registry's checks give, or None."""
    for fn in registry.values():
        reason = fn(c, p)
        if reason is not None:
            return reason
    return None


def asking_head(c: Candidate, p: Paragraph) -> int | None:
    """The request or threat whose infinitive complement `c` is, an act of another type ('a
    appelé Moscou à retirer ses troupes', 'menace de relâcher les détenus'): what is asked
    or threatened is not an act."""
    syn, tok = p.rules.syntax, c.token
    if "Inf" not in tok.morph.get("VerbForm") or tok.dep_ not in syn.xcomp | syn.advcl | syn.acl:
        return None
    head = p.matched.get(tok.head.i)
    if head is None or head.type not in p.rules.asking_types or head.type == c.rule.type:
        return None  # 'menacer d'attaquer' read as one threat keeps its own code
    return tok.head.i


def protest_head(c: Candidate, p: Paragraph) -> int | None:
    """The protest trigger whose purpose clause `c` heads ('manifester pour réclamer Y')."""
    syn, tok = p.rules.syntax, c.token
    if tok.dep_ not in syn.advcl | syn.xcomp | syn.acl:
        return None
    if not any(x.lower_ in p.rules.purpose_marks for x in tok.children):
        return None
    head = p.matched.get(tok.head.i)
    absorbing = p.rules.motive_absorbing_types
    return tok.head.i if head is not None and head.type in absorbing else None
