"""Event coding as small stages over typed rules.

match → frame → checks → modality → date and place, per paragraph, each stage a function over
`Candidate` records; then, per article, the discourse stage (records, joint acts split, one
merge, recipients from the article's frame, a last merge). A candidate a stage drops keeps
the stage and a named reason (`candidate.REASONS`): `ArticleResult.dropped` lists them for
`chronique extract --explain` and `chronique eval --errors`.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Token

from chronique.extract.actors import DocActors
from chronique.extract.events import checks, frames
from chronique.extract.events.anchor import date_of
from chronique.extract.events.candidate import REASONS, Candidate
from chronique.extract.events.discourse import (
    event_id,
    event_key,
    infer_recipients,
    merge_events,
    split_compound,
    to_event,
)
from chronique.extract.events.frames import Discourse
from chronique.extract.events.modality import modality, tense_of
from chronique.extract.events.rules import (
    Rules,
    Trigger,
    clear_token_caches,
    event_rules,
    governor,
    lemma_of,
    prep_children,
)
from chronique.extract.places import (
    Gazetteer,
    argument_token_ids,
    place_arguments,
    sentence_place,
)
from chronique.extract.sentences import sentence_at
from chronique.model import Actor, Dropped, PartialDate, TimeExpr

__all__ = [
    "REASONS",
    "Candidate",
    "Discourse",
    "Rules",
    "Trigger",
    "code_paragraph",
    "dropped_record",
    "event_id",
    "event_key",
    "event_rules",
    "infer_recipients",
    "merge_events",
    "split_compound",
    "to_event",
]


VERB_SLOTS = frozenset(POS_IDS[p] for p in ("NOUN", "ADJ", "ADV"))  # tags of misread verbs
PROPN = POS_IDS["PROPN"]
VERB = POS_IDS["VERB"]


def verb_reading(tok: Token, da: DocActors, rules: Rules) -> list[Trigger]:
    """Trigger verbs a token may be when the parser tagged it a noun, adjective or adverb
    right after an actor ('Ankara livre des drones', 'Varsovie presse Minsk'): a lowercase
    word with no determiner whose present-tense ending gives a trigger verb's infinitive."""
    if tok.pos not in VERB_SLOTS or tok.i == 0 or not tok.is_lower:
        return []
    after_clitic = frames.clitic_subject(tok, da) is not None  # 'il leur demande de …'
    if not after_clitic and tok.i - 1 not in da.by_token and tok.doc[tok.i - 1].pos != PROPN:
        return []
    m = da.by_token.get(tok.i)
    if m is not None and m.start < tok.i:
        return []  # the end of a title: 'attaché de presse'
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    genitive = rules.syntax.words["genitive_preps"]
    if after is None or after.is_punct or after.pos_ == "CCONJ":
        return []  # a verb has its object or complement next
    if not after_clitic:  # 'il leur demande de partir' is a verb whatever follows it
        if after.lower_ in genitive:
            return []  # not 'la conseillère presse de X'
        if any(c.dep_ in rules.syntax.det and c.pos_ == "DET" for c in tok.children):
            return []  # 'la presse': a noun ('Ankara' hung on 'livre' as its determiner is not)
    return [
        e
        for lemma in rules.syntax.infinitives(tok.text)
        for e in rules.by_lemma.get(lemma, ())
        if "VERB" in e.pos
    ]


def unlemmatised(tok: Token, rules: Rules) -> list[Trigger]:
    """A present-tense verb the lemmatiser left as it is ('qu'il réclame'): the trigger
    verbs its ending gives."""
    return [
        e
        for lemma in rules.syntax.infinitives(tok.text)
        for e in rules.by_lemma.get(lemma, ())
        if "VERB" in e.pos
    ]


def match(
    doc: Doc, rules: Rules, da: DocActors | None = None
) -> tuple[dict[int, Trigger], list[Candidate], set[int]]:
    """Stage 1: the rule each token triggers (first rule whose constraints hold), the
    tokens whose lemma has rules but none whose constraints hold (dropped as 'constraint'),
    and the tokens read as verbs against their tag (`verb_reading`)."""
    clear_token_caches()
    matched: dict[int, Trigger] = {}
    unmet: list[Candidate] = []
    as_verb: set[int] = set()
    for tok in doc:
        entries = []
        if tok.pos in rules.pos_ids:  # cheaper than the lemma look-up: most tokens stop here
            entries = [e for e in rules.candidates(tok) if e.accepts_pos(tok.pos_)]
            if not entries and tok.pos == VERB and tok.lemma_ == tok.lower_:
                entries = unlemmatised(tok, rules)
        misread = False
        if not entries and da is not None:
            entries = verb_reading(tok, da, rules)
            misread = bool(entries)
            if misread:
                as_verb.add(tok.i)
        failed = None
        for e in entries:
            failed = e.unmet_by_position(tok, rules) if misread else e.unmet(tok, rules)
            if failed is None:
                matched[tok.i] = e
                break
        else:
            # 'il leur demande de …' read as a noun phrase: when no noun reading holds, the
            # verb the words around it make it
            if entries and not misread and da is not None and frames.clitic_subject(tok, da):
                for e in verb_reading(tok, da, rules):
                    if e.unmet_by_position(tok, rules) is None:
                        matched[tok.i] = e
                        as_verb.add(tok.i)
                        break
        if tok.i not in matched:
            if entries and failed is not None:
                c = Candidate(entries[-1], tok)
                c.drop("match", f"constraint:{failed}")
                unmet.append(c)
    return matched, unmet, as_verb


def slot_filled(c: Candidate, da: DocActors, rules: Rules) -> bool:
    """Does the sentence say who the act is aimed at, even if not as an actor?
    ('imposé des sanctions à trois entités': yes; 'a menacé de riposter': no)."""
    spec = set(c.rule.recipient)
    objects = rules.syntax.objects(c.token)
    for t in [c.token] + objects:
        if any(p in spec for p, _ in prep_children(t, rules)):
            return True
    # an object naming someone, or a pronoun standing for them, fills the slot; a clause,
    # a thing ('a rejeté une offre') or nothing leaves the target to the article's frame
    return any(o.pos_ == "PRON" or da.actorish(o) for o in objects)


def _historical(span_end: str, published: PartialDate | None, rules: Rules) -> bool:
    if published is None:
        return False
    years = int(rules.modality.get("historical_years", 1))
    return date.fromisoformat(span_end) < published.first_day() - timedelta(days=365 * years)


def _own_population(c: Candidate) -> None:
    """A ban or curfew naming no target applies to the state's own people (CVL), not to
    the person or body who bans."""
    if c.recipient or not c.rule.self_target:
        return
    for a in c.actor:
        if a.country and len(a.country) == 3:
            c.recipient = [Actor(text=a.country, country=a.country, sector="CVL", kind="inferred")]
            return


def unattributed_claim(c: Candidate, rules: Rules) -> bool:
    """'a réfuté les accusations': an act on a claim (events.json claim_objects) answers its
    author; with none named, the article's counterpart is a guess (media, investigators,
    rights groups make such claims as often): no recipient is inferred. An owner of the
    claim ('les accusations américaines') is read by the frame as the recipient already."""
    return any(lemma_of(o) in rules.claim_objects for o in rules.syntax.objects(c.token))


def own_business(c: Candidate, da: DocActors, rules: Rules) -> bool:
    """'Le président a bloqué le texte', 'a dénoncé une résolution': an untargeted act on a
    bill, a motion or a candidacy (events.json domestic_objects) is aimed at the actor's own
    country, its legislature or its candidates, when the object names no other country and
    the sentence no international body (a resolution at the UN is not home business)."""
    if not rules.domestic_objects:
        return False
    own = {a.country for a in c.actor}
    syn = rules.syntax
    objects = [
        o
        for o in syn.objects(c.token)
        if lemma_of(o) in rules.domestic_objects
        or any(lemma_of(n) in rules.domestic_objects for n in syn.children(o, syn.nmod))
    ]
    if not objects:
        return False
    for o in objects:
        for t in o.subtree:
            m = da.by_token.get(t.i)
            if m is not None and m.country and m.country not in own:
                return False
    for t in c.token.sent:
        m = da.by_token.get(t.i)
        if m is not None and m.country in rules.group_codes:
            return False
    return True


def own_account(c: Candidate) -> None:
    """'Kim a demandé des mesures, selon KCNA': an act told by its own side's source (the
    actor's government or state media) is not disputed: asserted, the source kept."""
    own = {a.country for a in c.actor if a.country}
    if c.modality == "alleged" and c.attributed_to and own:
        if all(a.country in own for a in c.attributed_to):
            c.modality = "asserted"


def _refusal(c: Candidate, rules: Rules) -> None:
    """'will not lift the embargo', 'won't end the strike': a concession or retreat refused
    with an auxiliary of will is an act of refusal now (REJECT), not a concession that did
    not happen."""
    con = rules.constructions.get("refusal")
    code = con.code_for(c.rule.type) if con else None
    if con is None or code is None or c.modality != "negated":
        return
    tok = c.token
    heads = [tok, governor(tok, rules)] if tok.pos_ == "NOUN" else [tok]
    syn = rules.syntax
    said = [x.lower_ for h in heads for x in h.children if x.dep_ in syn.aux]
    if tok.dep_ in syn.xcomp:
        said.append(lemma_of(tok.head))  # 'failed to reach agreement'
    # 'ne lèvera pas', 'n'accepterait pas': the tense or the conditional says will
    future = "Fut" in tok.morph.get("Tense") or tense_of(tok, syn) is not None
    if future or any(w in con.words for w in said):
        c.rule = replace(c.rule, type=con.type, cameo=code, mode=None)
        c.modality = "asserted"


def _verbal_attack(c: Candidate, rules: Rules) -> None:
    """'Sarkozy a attaqué Cambadélis', 'Trump a attaqué Macron dans un tweet': a named
    politician (a person of one of the construction's sectors) attacking a person or a
    political body attacks in words (ACCUSE), as no politician strikes in person; a
    country as target ('Trump attaque la Syrie') stays an attack by its state."""
    con = rules.constructions.get("verbal_attack")
    code = con.code_for(c.rule.type) if con else None
    if con is None or code is None or lemma_of(c.token) not in con.words:
        return
    speakers = c.actor and all(
        a.kind == "person" and a.sector in con.sectors for a in c.actor
    )
    targets = c.recipient and all(
        a.kind == "person" or (a.kind in ("group", "organization") and a.sector in con.sectors)
        for a in c.recipient
    )
    if speakers and targets:
        c.rule = replace(c.rule, type=con.type, cameo=code, mode=None)


def _ultimatum(c: Candidate, rules: Rules) -> None:
    """'will boycott the vote unless the president resigns', 'may halt its mediation if the
    fighting goes on': an act announced on a condition the other side must meet is a threat
    (conditional_threat: any act; hostile_condition: the hostile types it lists)."""
    if c.modality not in ("future", "hypothetical"):
        return
    syn = rules.syntax
    tok = c.token
    heads = [tok, governor(tok, rules)] if tok.pos_ == "NOUN" else [tok]
    marks = {
        m.lower_
        for h in heads
        for clause in syn.children(h, syn.advcl)
        for m in syn.children(clause, syn.mark)
    }
    for name in ("conditional_threat", "hostile_condition"):
        con = rules.constructions.get(name)
        code = con.code_for(c.rule.type) if con else None
        if con is not None and code is not None and marks & con.words:
            c.rule = replace(c.rule, type=con.type, cameo=code, mode=None)
            c.modality = "asserted"
            return


def _crowd_at(c: Candidate, da: DocActors, rules: Rules, gazetteer: Gazetteer) -> None:
    """'Plus de 100.000 personnes ont manifesté à Minsk', 'des centaines de personnes
    manifestent à Londres': a crowd of no stated country demonstrates as the
    people of the country where its clause puts it, against that state when it names no
    target (plover.json implicit_home_agent sectors); a clause naming no place names no one
    ('des millions de jeunes ont manifesté sur cinq continents')."""
    place = sentence_place(c.token, da, frozenset(), gazetteer, c.rule.type, c.rule.mode)
    sectors = rules.implicit_home_agent.get(c.rule.type)
    if place is None or not place.country or sectors is None:
        return
    people, state = frames.people_and_state(place.country, sectors)
    c.actor = [people]
    c.recipient = c.recipient or [state]


def code_paragraph(doc: Doc, da: DocActors, times: list[TimeExpr], rules: Rules,
                   disc: Discourse, published: PartialDate | None,
                   gazetteer: Gazetteer) -> list[Candidate]:  # fmt: skip
    """Every candidate of a paragraph in reading order; those not coded carry a reason."""
    matched, out, as_verb = match(doc, rules, da)
    para = checks.Paragraph(da, rules, matched)
    kept: list[Candidate] = []
    for i, rule in matched.items():
        c = Candidate(rule, doc[i], verb_reading=i in as_verb)
        out.append(c)
        reason = checks.run(checks.BEFORE_FRAME, c, para)
        if reason is not None:
            c.drop("checks", reason)
            continue
        frames.fill(c, da, rules, disc)
        _own_population(c)
        if not c.actor and frames.crowd_subject(c, rules):
            _crowd_at(c, da, rules, gazetteer)
        reason = checks.run(checks.AFTER_FRAME, c, para)
        if reason is not None:
            c.drop("frame" if reason == "no_actor" else "checks", reason)
            continue
        disc.remember(c, rules.pairing_types)
        # 'menace d'utiliser l'arme nucléaire', 'se dit prêt à riposter': the governor an entry
        # needs makes the act a threat; how sure the text is of the threat is read from it
        governed = c.rule.value("need_governor") and c.rule.type in rules.governed_modality_types
        told = governor(c.token, rules) if governed else c.token
        c.modality, c.attributed_to, c.denied_by = modality(told, da, rules, disc)
        own_account(c)
        _refusal(c, rules)
        _ultimatum(c, rules)
        _verbal_attack(c, rules)
        if len(c.denied_by) >= 2:
            disc.pairs.append(c.denied_by)
        c.date = date_of(c.token, times, da, rules, published, disc.dated)
        if c.date is not None and c.date.text and c.date.precision == "day":
            disc.dated.setdefault(rule.type, c.date)  # 'l'attaque' dated for later
        if (
            c.modality == "asserted"
            and c.date is not None
            and _historical(c.date.end, published, rules)
        ):
            c.modality = "historical"
        disc.remember_author(c)
        sides = place_arguments(rule.mode, c.actor, c.recipient)
        not_places = argument_token_ids(doc, da.offset, sides)
        c.place = sentence_place(c.token, da, not_places, gazetteer, rule.type, rule.mode)
        c.infer = (
            not c.recipient
            and (not rule.nominal or c.implicit)
            and len({a.country for a in c.actor}) == 1  # a joint act is split, not aimed
            and all(a.country for a in c.actor)  # an actor of no country has no home
            and rule.type in rules.infer_recipient
            and not slot_filled(c, da, rules)
            and not unattributed_claim(c, rules)
        )
        if c.infer and own_business(c, da, rules):
            (country,) = {a.country for a in c.actor}
            c.recipient = [Actor(text=country, country=country, sector="GOV", kind="inferred")]
            c.infer = False
        kept.append(c)
    # 'une grève pour dénoncer les violences': when the protest is coded, what it
    # denounces or demands is its motive, not an event of its own
    coded = {c.token.i for c in kept}
    for c in kept:
        if checks.protest_head(c, para) in coded:
            c.drop("checks", "motive")
        elif checks.asking_head(c, para) in coded:
            c.drop("checks", "asked")
        elif [a.kind for a in c.actor] == ["unnamed"]:
            told = [
                d
                for d in kept
                if d is not c and d.rule.type == c.rule.type and d.token in c.token.subtree
            ]
            if told:
                c.drop("checks", "same_act")
                told[0].recipient = told[0].recipient or c.recipient  # the victims named
    out.sort(key=lambda c: c.token.i)
    return out


def dropped_record(c: Candidate, offset: int, paragraph: int, text: str) -> Dropped:
    """The article result's trace of a candidate that was not coded."""
    tok: Token = c.token
    return Dropped(
        type=c.rule.type,
        rule=c.rule.id,
        trigger=tok.text,
        start=offset + tok.idx,
        end=offset + tok.idx + len(tok.text),
        stage=c.stage or "",
        reason=c.reason or "",
        sentence=sentence_at(text, tok.idx),
        paragraph=paragraph,
    )
