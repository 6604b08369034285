"""Modality: how sure the text is that the act happened, and on whose word.

Cues on the trigger itself (negation, conditional mood, future tense, auxiliaries) come
first; then the governing words up the parse: a claim noun or 'selon X' makes it alleged, a
denial verb denied, a planning or possibility head future or hypothetical. The cue words are
`lexicons/<lang>/modality.json`.
"""

from __future__ import annotations

from spacy.tokens import Token

from chronique.extract.actors import DocActors
from chronique.extract.events.frames import Discourse, occurring_verb, subject_actors
from chronique.extract.events.rules import Rules, governor, lemma_of
from chronique.extract.syntax import Syntax
from chronique.model import Actor


def own_cues(tok: Token, rules: Rules) -> str | None:
    """Modality said on the verb itself: negation, 'si', auxiliaries, mood and tense."""
    m, syn = rules.modality, rules.syntax
    words = [tok] + [c for c in tok.children if c.dep_ in syn.aux]
    particles = syn.words["negation_particles"]
    nor = m.get("negative_conjunctions", ())  # 'n'a ni condamné ni soutenu X'
    after = m.get("particle_negation", ())  # 'n'a tué personne', 'ne soutient plus X'
    aux = set(syn.children(tok, syn.aux))

    def own(particle: Token, word: Token) -> bool:
        """No other verb between the particle and the word: 'ne suis plus …' hung on the
        trigger of the next sentence does not negate it."""
        return not any(
            t.pos_ in ("VERB", "AUX") and t.i != tok.i and t not in aux
            for t in tok.doc[particle.i + 1 : word.i]
        )

    for c in tok.children:
        if c.lower_ in m["negation"] or (
            "Neg" in c.morph.get("Polarity") and c.lower_ not in particles
        ):
            return "negated"
        if c.dep_ in syn.cc and c.lower_ in nor:
            return "negated"
        if c.lower_ in particles and any(
            t.lower_ in m["negation"] or t.lower_ in nor or (t.lower_ in after and own(c, t))
            for t in tok.doc[c.i + 1 : c.i + 6]
        ):
            return "negated"  # 'ne suis pas encore prêt': the parser hangs 'pas' elsewhere
        if c.lower_ in particles and any(t.lower_ in nor for t in tok.subtree):
            return "negated"  # 'ni Pékin ni Moscou n'ont condamné X'
        if c.dep_ in syn.mark and c.lower_ in m["condition_marks"]:
            return "hypothetical"
    if tok.dep_ in syn.conj and any(  # 'did not condemn nor support X': 'nor' on the first
        c.dep_ in syn.cc and c.lower_ in nor and tok.head.i < c.i < tok.i for c in tok.head.children
    ):
        return "negated"
    aux_cues = m.get("aux", {})
    for w in words[1:]:
        if lemma_of(w) in aux_cues or w.lower_ in aux_cues:
            return aux_cues.get(lemma_of(w)) or aux_cues[w.lower_]
    for w in words:
        tense = tense_of(w, syn)
        if tense == "conditional":
            return "alleged"
        if tense == "future":
            return "future"
    for c in tok.children:
        if lemma_of(c) in m["alleged_modifiers"]:
            return "alleged"
    return None


def tense_of(w: Token, syn: Syntax) -> str | None:
    """'future', 'conditional' or None: the form's own ending first (grammar.json
    `tense_endings`: the tagger reads 'nous demanderons' as a present), else the tagger's."""
    written = syn.written_tense(w)
    if written is not None:
        return written
    if "Cnd" in w.morph.get("Mood"):
        return "conditional"
    if "Fut" in w.morph.get("Tense") and "Ind" in w.morph.get("Mood"):
        return "future"
    return None


def _told_in_past(verb: Token, syn: Syntax) -> bool:
    """'a assuré', 'assurait', 'avait assuré': a verb in a past tense, whose complement in
    the conditional tells what was then to come."""
    if "Fin" in verb.morph.get("VerbForm"):
        return bool({"Imp", "Past"} & set(verb.morph.get("Tense")))
    return (
        "Part" in verb.morph.get("VerbForm")
        and "Past" in verb.morph.get("Tense")
        and any(
            lemma_of(a) in syn.words["auxiliaries"] and "Fin" in a.morph.get("VerbForm")
            for a in syn.children(verb, syn.aux)
        )
    )


def _told_done(clause: Token, syn: Syntax) -> bool:
    """'a annoncé avoir arrêté X', 'a annoncé qu'elle avait arrêté X': a complement in a
    compound past tense tells an act already done, which no planning head makes future
    ('a annoncé qu'elle aura arrêté X', in the future perfect, stays future)."""
    if "Part" not in clause.morph.get("VerbForm") or "Past" not in clause.morph.get("Tense"):
        return False
    tense = [  # a tense auxiliary, not the passive's ('doivent être assignés' is to come)
        a
        for a in syn.children(clause, syn.aux)
        if a.dep_ not in syn.aux_pass and lemma_of(a) in syn.words["auxiliaries"]
    ]
    return bool(tense) and not any(
        "Fut" in a.morph.get("Tense") or "Sub" in a.morph.get("Mood") or tense_of(a, syn)
        for a in tense
    )


def _relative_pronoun(clause: Token, syn: Syntax) -> bool:
    """'l'OMS, qu'il accuse de …' hung on the main verb as its complement: a clause whose
    object or subject is a relative pronoun is a relative clause, whatever its label."""
    return any(
        "Rel" in c.morph.get("PronType") and c.dep_ in syn.obj | syn.subj
        for c in clause.children
    )


def _adjunct(tok: Token, syn) -> bool:
    """A present participle hung on a verb ('a appelé à …, exhortant X à …') is an adjunct
    of its clause, not the content of the verb's request or plan; so is a past participle
    opening the sentence ('Reçu par Macron, Poutine a promis de …': he was received)."""
    if "Part" not in tok.morph.get("VerbForm"):
        return False
    fronted = (
        tok.dep_ in syn.advcl
        and tok.i < tok.head.i
        and "Past" in tok.morph.get("Tense")
        and not syn.children(tok, syn.aux)
    )
    return (
        fronted
        or "Pres" in tok.morph.get("Tense")
        or tok.lower_.endswith(tuple(syn.words["present_participle_endings"]))
    )


def _moment(tok: Token, preps: frozenset[str], syn) -> bool:
    """Does `tok` say when its head's act happened, with one of `preps` (events.json
    moment_preps: 'avant sa visite'; future_moment_preps: then or after), or is it that
    preposition ('lors' and English 'during', which the parser makes the noun's head)?"""
    if tok.lower_ in preps:
        return True
    return any(c.dep_ in syn.case and c.lower_ in preps for c in tok.children)


def modality(tok: Token, da: DocActors, rules: Rules,
             disc: Discourse) -> tuple[str, list[Actor], list[Actor]]:  # fmt: skip
    """(modality, attributed to, denied by) for a trigger."""
    m, syn = rules.modality, rules.syntax
    attributed: list[Actor] = []
    denied_by: list[Actor] = []
    found: str | None = own_cues(tok, rules)
    gov = governor(tok, rules)
    if found is None and tok.pos_ == "NOUN" and lemma_of(gov) in rules.light_verbs:
        found = own_cues(gov, rules)  # 'did not launch an attack', 'va mener des frappes'
    elif found is None and tok.pos_ == "ADJ" and tok.dep_ in syn.xcomp:
        found = own_cues(gov, rules)  # 'ne s'est pas dit prêt à …'
    elif found is None and tok.pos_ == "NOUN" and (occ := occurring_verb(tok, rules)):
        # 'la rencontre n'aura pas lieu', 'des discussions doivent se tenir lundi'
        found = own_cues(occ, rules) or (
            "future"
            if occ.dep_ in syn.xcomp and lemma_of(occ.head) in m["future_heads"]
            else None
        )
    if found == "negated":
        return found, attributed, denied_by
    # 'a annoncé qu'il recevrait X le 19 août', 'a assuré qu'il soutiendrait X': a
    # conditional told under a planning head or in the complement of a past is the future
    # of that past, not a journalist's hedge
    conditional = found == "alleged" and any(
        tense_of(w, syn) == "conditional" for w in [tok, *syn.children(tok, syn.aux)]
    )
    if conditional and tok.dep_ in syn.ccomp and _told_in_past(tok.head, syn):
        found = "future"
    relative = set(da.pronouns.relative)
    settled = False  # past a tensed relative clause: no planning or supposing head applies
    cur = tok
    for _ in range(8):
        for c in list(cur.children) + [g for s in syn.subjects(cur) for g in s.children]:
            if c.dep_ in syn.obl | syn.nmod:
                case = [g.lower_ for g in c.children if g.dep_ in syn.case]
                if case and case[0] in m["according_to"] and c.lower_ not in relative:
                    attributed = attributed or da.actors(c)
                    found = found or "alleged"
            elif c.lower_ in m["according_to"]:  # English: 'according' → 'to' → object
                sources = [g for g in c.subtree if g.dep_ in syn.pobj]
                if sources:
                    attributed = attributed or da.actors(sources[0])
                    found = found or "alleged"
        h = cur.head
        if h.i == cur.i or (cur.dep_ in syn.conj and syn.subjects(cur)):
            break  # a coordinated clause with its own subject stands on its own
        if (
            cur.dep_ in syn.conj
            and "Inf" in h.morph.get("VerbForm")
            and "Inf" not in cur.morph.get("VerbForm")
            and h.head.i != h.i
        ):
            # 'a enjoint X de lever … et réitéré son soutien': a participle read as the
            # infinitive's conjunct goes with the main verb, not inside what X is asked
            cur = h.head
            continue
        if cur.dep_ in syn.conj and "Part" in cur.morph.get("VerbForm") and h.pos_ == "NOUN":
            # 'a annoncé un renfort de la présence … et appelé X à …': a participle the
            # parser hangs on the first verb's object is that verb's conjunct
            for _ in range(4):
                if h.pos_ == "VERB" or h.head.i == h.i:
                    break
                h = h.head
        lemma = lemma_of(h)
        if (
            (cur.dep_ in syn.relcl or _relative_pronoun(cur, syn))
            and lemma not in m["claim_nouns"]
            and (syn.children(cur, syn.aux) or "Fin" in cur.morph.get("VerbForm"))
        ):
            # 'menace de V une escalade, qui a été condamnée par X': a tensed relative is
            # not what the head above plans or supposes (a source above still reports it)
            settled = True
        clausal = syn.xcomp | syn.acl | syn.ccomp
        if lemma in m["claim_nouns"] and cur.dep_ in syn.relcl | syn.acl | syn.nmod:
            owner = [
                a
                for c in h.children
                if c.dep_ in syn.amod | syn.nmod
                for a in (da.actors(c) if c.dep_ in syn.nmod else [da.actor(c)])
                if a is not None and a.country
            ]
            attributed = attributed or owner
            found = found or "alleged"
        elif lemma in m["denial_heads"] and cur.dep_ not in syn.conj:
            # 'a démenti ces informations et a accusé X': the accusation is made, not denied
            denied_by = [a for a in subject_actors(h, da, rules, disc) if a.resolved]
            return "denied", attributed, denied_by
        elif lemma in m["alleging_heads"] and cur.dep_ in clausal | syn.obl:
            if lemma in m.get("accusing_heads", ()):
                attributed = attributed or [
                    a for a in subject_actors(h, da, rules, disc) if a.resolved
                ]
                found = found or "alleged"
        elif lemma in m.get("negating_heads", ()) and cur.dep_ in clausal | syn.obl:
            found = found or "negated"
        elif (
            lemma in m.get("success_heads", ())
            and cur.dep_ in clausal | syn.obl
            and own_cues(h, rules) == "negated"
        ):
            found = found or "negated"  # 'n'est pas parvenu à conclure': not concluded
        elif _adjunct(cur, syn):
            pass  # ', exhortant X à …' goes with its clause, not inside what the head asks
        elif _moment(cur, rules.moment_preps, syn) and (
            cur.i == tok.i or cur.lower_ in rules.moment_preps
        ):
            # 'lors de sa visite, il a menacé X de …': when it threatened, not the threat;
            # 'il rencontrera X lors de sa visite': as future as the act it dates
            dated = own_cues(h, rules) == "future" or lemma in m["future_heads"]
            if dated and _moment(cur, rules.future_moment_preps, syn):
                found = found or "future"
        elif settled:
            pass
        elif (
            lemma in m.get("prohibiting_heads", ())
            and cur.dep_ in clausal | syn.obj
            and own_cues(h, rules) != "negated"
        ):
            found = found or "hypothetical"  # 'lui interdit de rencontrer X': not done
        elif (
            lemma in m["future_heads"]
            and cur.dep_ not in syn.subj | syn.conj
            and not _told_done(cur, syn)
        ):
            found = "future" if conditional and cur.i == tok.i else found or "future"
        elif lemma in m["hypothetical_heads"] and cur.dep_ not in syn.subj | syn.conj:
            found = found or "hypothetical"
        cur = h
    return found or "asserted", attributed, denied_by
