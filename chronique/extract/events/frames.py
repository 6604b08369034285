"""Argument frames: who acts and on whom, read from the parse around a trigger.

Subjects climb out of infinitives, participles and coordinations; a passive's agent acts; a
control verb's object is its infinitive's subject; a noun trigger's actor is its owner, a
nationality adjective or the subject of its light verb. A side whose phrase names someone the
resolver cannot place is kept with its text and no country (`Actor.resolved` is False): the
event stays visible and countable instead of vanishing.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import cache

from spacy.tokens import Token

from chronique.extract.actors import DocActors, Person
from chronique.extract.events.candidate import Candidate
from chronique.extract.events.rules import (
    Rules,
    Trigger,
    counted,
    lemma_of,
    passive_auxiliary,
    prep_children,
    reflexive_clitic,
    words_after,
)
from chronique.extract.events.rules import governor as governing_word
from chronique.extract.places import get_gazetteer
from chronique.extract.syntax import Syntax
from chronique.model import UNREALISED, Actor, DateSpan, Quote


@dataclass
class Discourse:
    """What the article has said so far that later sentences lean on: its home country,
    the last pair of actors named together ('les deux pays') and the quoted words of the
    paragraph being coded, whose speakers say 'je' and 'nous'."""

    home: str | None = None
    scene: str | None = None  # the home, or failing it the country the story's towns are in
    pairs: list[list[Actor]] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    dated: dict[str, DateSpan] = field(default_factory=dict)  # event type → first own date
    authors: dict[str, list[Actor]] = field(default_factory=dict)  # event type → last named

    def remember(self, c: Candidate, pairing: frozenset[str] = frozenset()) -> None:
        """'Moscou et Pyongyang ont démenti' names the pair for what follows, and so does a
        meeting of one side with the other (`pairing` types: 'X a reçu Y. Les deux hommes
        ont …')."""
        actor = [a for a in c.actor if a.resolved]
        recipient = [a for a in c.recipient if a.resolved]
        if len(actor) + len(recipient) >= 2 and (c.rule.symmetric or c.rule.type in pairing):
            self.pairs.append(actor + recipient)
        elif len(actor) >= 2:
            self.pairs.append(actor)

    def remember_author(self, c: Candidate) -> None:
        """Who did the last act of each type, for 'ces frappes' later: only an act told as
        done or alleged, once its modality is read ('n'a pas frappé', 'frappera' did none)."""
        named = [a for a in c.actor if a.resolved and a.kind not in ("inferred", "unnamed")]
        if named and c.modality not in UNREALISED:
            self.authors[c.rule.type] = named


def dedupe(actors: list[Actor]) -> list[Actor]:
    """One actor per (country, sector); unresolved sides once per text."""
    out: list[Actor] = []
    for a in actors:
        if a.resolved:
            if all(a.country != b.country or a.sector != b.sector for b in out):
                out.append(a)
        elif all(b.resolved or b.text != a.text for b in out):
            out.append(a)
    return out


def sides(tok: Token, da: DocActors) -> list[Actor]:
    """The actors a noun phrase names; when none resolves, the phrase itself, unresolved,
    if it names someone (a person, a group with a role, a proper noun). A pronoun with no
    antecedent names no one: there is nothing to keep."""
    found = da.actors(tok)
    if found:
        return found
    out: list[Actor] = []
    for h in da.heads(tok):
        if da.pronouns.at(h) is not None:
            a = da.actor(h)
            if a is not None:
                out.append(a)  # a person named before, of no known country
            continue
        a = da.actor(h, loose=True)
        if a is not None and not a.country and not is_place(h, da):
            out.append(a)
    return out


def is_place(tok: Token, da: DocActors) -> bool:
    """A name the gazetteer knows as a city or region ('à Marseille') names a place, not
    an actor the resolver failed to place."""
    if tok.pos_ != "PROPN":
        return False
    m = da.by_token.get(tok.i)
    if m is not None and m.kind in ("person", "per"):
        return False  # 'Mandela', 'Mourão' name people here, whatever towns bear the name
    span = tok.doc[tok.left_edge.i : tok.right_edge.i + 1]
    gazetteer = get_gazetteer(da.lang)
    return gazetteer.lookup(tok.text) is not None or gazetteer.lookup(span.text) is not None


def finite(verb: Token, da: DocActors) -> bool:
    forms = set(verb.morph.get("VerbForm"))
    if "Fin" in forms:
        return True
    # a participle with a finite auxiliary ('a renoncé'); one with an infinitive auxiliary
    # ('affirmant avoir renoncé') is an infinitive clause, whose subject is its controller's
    aux = [c for c in verb.children if c.dep_ in da.syn.aux]
    return "Part" in forms and bool(aux) and not any("Inf" in a.morph.get("VerbForm") for a in aux)


def left_subject(verb: Token, da: DocActors) -> list[Token]:
    """The actor phrase just left of a verb the parser gave no subject."""
    syn = da.syn
    first = min([verb] + [c for c in verb.children if c.dep_ in syn.aux], key=lambda t: t.i)
    # not bounded by the sentence: a parser that misses the subject often splits there
    for t in reversed(list(verb.doc[max(0, first.i - 12) : first.i])):
        if t.is_punct and t.text not in ("'", "’"):
            break
        if t.pos_ in ("ADV", "DET") or t.dep_ in syn.expl | syn.name:
            continue
        if t.i in da.by_token or t.pos_ in ("PROPN",):
            while t.dep_ in syn.conj and t.head.i != t.i and t.head.i < t.i:
                t = t.head
            m = da.by_token.get(t.i)
            if m is not None:
                t = verb.doc[m.start : m.end].root
            return [t]
        if t.pos_ in ("NOUN", "PROPN", "PRON"):
            continue
        break
    return []


def home_actor(tok: Token, da: DocActors, rules: Rules, disc: Discourse) -> list[Actor]:
    """'La police a arrêté …' in an article about Israel: an unnamed home actor (police,
    opposition, protesters, government) is of the article's country, marked inferred; each
    of coordinated phrases is read ('soutenir leur chef et la police')."""
    if disc.home is None:
        return []
    domestic = set(rules.groups.get("domestic_sectors", []))
    out = []
    for h in da.heads(tok):
        if h.pos_ not in ("NOUN", "PROPN"):
            continue
        a = da.actor(h, loose=True)
        if a is None or a.country or a.kind != "group" or a.sector not in domestic:
            continue
        a.country, a.kind = disc.home, "inferred"
        holder = home_office_holder(h, da, rules, disc.home)
        if holder is not None:  # 'le chef du gouvernement' in a British story: its holder
            a.name, a.wikidata = holder.name, holder.wikidata
            a.sector = holder.sector or a.sector
        out.append(a)
    return out


def home_office_holder(tok: Token, da: DocActors, rules: Rules, home: str) -> Person | None:
    """Who holds the office a role noun names ('le chef du gouvernement') in the home
    country at the article date; not for a former holder ('l'ancien président')."""
    span = next((m for m in da.mentions if m.kind == "role" and m.start <= tok.i < m.end), None)
    role = (span.data if span else None) or da.lex.role_of(tok)
    if not role or not role.get("role"):
        return None
    start, end = (span.start, span.end) if span else (tok.i, tok.i + 1)
    former = set(rules.groups.get("former_markers", []))
    for c in tok.children:
        if c.lower_ in former:
            return None
        if c.dep_ in da.syn.nmod and not start <= c.i < end:
            return None  # 'le porte-parole de la Coalition …' speaks for someone else
    return da.lex.office_holder(role["role"], home, da.when)


def group(tok: Token, rules: Rules, disc: Discourse) -> list[Actor] | None:
    """'les deux pays' → the last pair of actors named together."""
    g = rules.groups
    if tok.lower_ not in g["pair_nouns"] and lemma_of(tok) not in g["pair_nouns"]:
        return None
    if not any(c.lower_ in g["pair_numerals"] for c in tok.children):
        return None
    if not disc.pairs:
        return None
    text = tok.doc[tok.left_edge.i : tok.i + 1].text
    return [
        Actor(text=text, name=a.name, country=a.country, sector=a.sector, wikidata=a.wikidata,
              kind=a.kind)
        for a in disc.pairs[-1]
    ]  # fmt: skip


def prep_actors(tok: Token, preps: frozenset[str] | tuple[str, ...], da: DocActors,
                rules: Rules, owner: bool = False,
                disc: Discourse | None = None) -> list[Actor]:  # fmt: skip
    """Actors of the prepositional phrases of `tok` introduced by one of `preps`; with
    `owner`, a phrase naming a thing gives its owner ('son soutien à la présence des forces
    françaises' is aimed at France)."""
    syn = rules.syntax
    out: list[Actor] = []
    for p, noun in prep_children(tok, rules):
        canonical = syn.word(p)  # 'du', 'des' count where 'de' is asked, 'au' where 'à' is
        if (p in preps or canonical in preps) and not syn.is_date_word(noun):
            # a date is never a side: 'attacked X on Tuesday'
            found = sides(noun, da)
            if disc is not None and not any(a.resolved for a in found):
                found = home_actor(noun, da, rules, disc) or found  # 'pour les viticulteurs'
            if not found and owner and not da.actorish(noun):
                found = da.owner(noun)
            out.extend(found)
    return out


def quoted_speaker(tok: Token, da: DocActors, disc: Discourse) -> list[Actor]:
    """'« Nous avons demandé … », a déclaré X': a first-person pronoun inside quoted words
    stands for their speaker (a plural one for the body the speaker speaks for)."""
    if tok.lower_ not in da.pronouns.first_person:
        return []
    at = da.offset + tok.idx
    for q in disc.quotes:
        if q.start <= at < q.end:
            return [replace(q.speaker)]
    return []


def adjunct_speaker(tok: Token, da: DocActors, disc: Discourse) -> list[Actor]:
    """'« … », estime-t-il, dénonçant X': a participle adjunct of the clause that reports
    quoted words acts for their speaker, when the parse gives it no subject of its own."""
    if "Part" not in tok.morph.get("VerbForm") or "Pres" not in tok.morph.get("Tense"):
        return []
    at = da.offset + tok.idx
    sent_start = da.offset + tok.sent.start_char
    before = [q for q in disc.quotes if sent_start <= q.start and q.end <= at]
    return [replace(before[-1].speaker)] if before else []


def inverted_clitic(verb: Token, da: DocActors) -> Token | None:
    """'prévient-elle', 'a-t-il dénoncé': the subject pronoun set with the hyphen of
    inversion right after the verb or its auxiliary."""
    syn = da.syn
    first = min([verb.i] + [c.i for c in verb.children if c.dep_ in syn.aux])
    for t in verb.doc[first + 1 : verb.i + 3]:
        if t.i == verb.i or t.lower_ in da.pronouns.euphonic:
            continue
        if da.pronouns.inverted(t) is not None:
            return t
        if t.i > verb.i or t.pos_ not in ("AUX", "PRON"):
            break
    return None


def incise_mark(verb: Token, da: DocActors) -> Token | None:
    """The punctuation a reporting clause set after the words it reports opens with ('…»,
    prévient-elle', '…", s'insurgeait X'): the verb, its clitics and auxiliaries come right
    after it."""
    syn = da.syn
    first = min([verb.i] + [c.i for c in verb.children if c.dep_ in syn.aux])
    j = first - 1
    while (
        j >= verb.sent.start
        and verb.doc[j].pos_ == "PRON"
        and verb.doc[j].head.i == verb.i
        and verb.doc[j].dep_ not in syn.subj
    ):
        j -= 1  # 's'insurgeait', 'l'a dénoncé'; not ', il a dénoncé'
    if j < verb.sent.start or not verb.doc[j].is_punct:
        return None
    if j == verb.sent.start and (j == 0 or not verb.doc[j - 1].is_punct):
        return None  # a sentence opening on punctuation; unless the parser cut the
        # sentence at the comma after the closing mark ('…", a accusé X')
    return verb.doc[j]


def incise(tok: Token, da: DocActors, rules: Rules,
           disc: Discourse) -> tuple[list[Actor] | None, frozenset[int]] | None:  # fmt: skip
    """'« … la Syrie … », prévient-elle', '« Un acteur français qui … », s'insurgeait un
    présentateur': nothing in the words a verb reports is its subject or object, whatever
    the parser hung on it. The speaker acts: the speaker of the quote that ends where the
    clause opens, else whom the inverted pronoun stands for as a speaker (never someone
    named in the reported words); without a pronoun, the phrase after the verb, which the
    parser may read as its object, is the speaker, and a subject the parser took from the
    reported words gives way to it. Returns the actor (None where the parser's subject
    stands) and the objects the verb does not have; None for a verb that reports nothing
    before it."""
    mark = incise_mark(tok, da)
    if mark is None:
        return None
    said = [q for q in _quotes_ending_at(mark, da, disc) if q.speaker is not None]
    clitic = inverted_clitic(tok, da)
    if clitic is None and not said:
        return None
    syn = rules.syntax
    objects = syn.objects(tok)
    own = syn.subjects(tok) + syn.passive_subjects(tok)
    after = False
    if clitic is not None:
        skip = frozenset(o.i for o in objects if o.i < mark.i or o.i <= clitic.i)
    else:
        if any(s.i > tok.i for s in own):
            return None  # the parser found the speaker after the verb
        start = said[-1].speaker.start  # '…", a dénoncé X': X speaks, unless named before
        after = start is None or start > da.offset + tok.idx
        skip = frozenset(o.i for o in objects if o.i < mark.i or after)
    if clitic is None and not any(s.i < mark.i for s in own):
        if not own and after and said[-1].speaker.start is not None:
            # '…", a accusé vendredi X': no subject at all, X read as the object speaks
            return [replace(said[-1].speaker)], skip
        return None, skip
    speaker = da.pronouns.at(clitic) if clitic is not None else None
    if said:
        return [replace(said[-1].speaker)], skip
    if speaker is None:
        return [], skip
    plural = speaker.number == "pl"
    found = da.memory.resolve_speaker(
        speaker.base, da.offset + clitic.idx, gender=None if plural else speaker.gender,
        plural=plural,
    )  # fmt: skip
    return ([found] if found is not None else []), skip


def reported_quote(tok: Token, da: DocActors, disc: Discourse) -> Quote | None:
    """The quoted words a reporting clause set after them opens on ('« … », demande X')."""
    mark = incise_mark(tok, da)
    said = _quotes_ending_at(mark, da, disc) if mark is not None else []
    return said[-1] if said else None


def _quotes_ending_at(mark: Token, da: DocActors, disc: Discourse) -> list[Quote]:
    """Direct quotes whose words end at the mark: '«…», a-t-il dit' (not a clause read as
    reported)."""
    at = da.offset + mark.idx
    return [q for q in disc.quotes if q.kind == "direct" and q.end <= at + 1 and at - q.end <= 3]


def office_owner(tok: Token, da: DocActors, rules: Rules) -> list[Actor]:
    """'the minister's office condemned …', "the president's campaign filed …": a noun of
    events.json owner_heads, naming no one itself, acts for whoever owns it."""
    if lemma_of(tok) not in rules.owner_heads:
        return []
    return da.owner(tok)


def _argument(tok: Token, da: DocActors, rules: Rules, disc: Discourse,
              owner: bool = False) -> list[Actor]:  # fmt: skip
    """A pair ('les deux pays'), the speaker a quoted 'nous' stands for, the actors named, a
    home actor, the owner of a thing ('les avoirs de la Russie', with `owner`), else the
    phrase itself, unresolved."""
    found = (
        group(tok, rules, disc)
        or quoted_speaker(tok, da, disc)
        or da.actors(tok)
        or home_actor(tok, da, rules, disc)
        or office_owner(tok, da, rules)
    )
    if not found and owner:
        # 'a critiqué la violation de leur souveraineté par la Turquie': an act's agent
        # is whom the act on it is aimed at, before whoever the act concerns
        agents = rules.syntax.words["agent_preps"]
        found = prep_actors(tok, agents, da, rules, disc=disc)
        nmod = rules.syntax.nmod
        inner = [c for c in tok.children if c.dep_ in nmod]
        inner += [g for c in inner for g in c.children if g.dep_ in nmod]
        for n in inner:
            # 'la répression des manifestations par l'exécutif': the parser hangs the agent
            # on the complement next to it, which names no one
            if not found and not da.actors(n):
                found = prep_actors(n, agents, da, rules, disc=disc)
        verb = tok.head
        if not found and verb.i != tok.i and not passive(verb, rules):
            # the parser hangs that 'par X' on the active verb, where no agent can be
            found = [
                a
                for p, n in prep_children(verb, rules)
                if rules.syntax.word(p) in agents and n.i > tok.i
                for a in sides(n, da)
            ]
        found = found or da.owner(tok)
    return found or sides(tok, da)


def pronominal(verb: Token, rules: Rules) -> bool:
    """'se rencontrer', 's'est rendue': a verb with a reflexive clitic takes être without
    being passive, so what the parser calls its passive subject is its subject."""
    return any(c.lower_ in rules.reflexive for c in verb.children)


def active_with_passive_label(verb: Token, rules: Rules) -> bool:
    """'Les députés l'ont rejeté' read with a passive subject but only a tense auxiliary:
    no passive auxiliary, so the subject acts."""
    syn = rules.syntax
    return any(c.dep_ in syn.aux for c in verb.children) and syn.passive_label_only(verb)


def subjects(verb: Token, rules: Rules) -> list[Token]:
    """The verb's subjects; a pronominal verb's 'passive' subject counts, and so does one
    the parser labelled passive beside a tense auxiliary only."""
    syn = rules.syntax
    own = syn.subjects(verb)
    if own:
        return own
    if pronominal(verb, rules) or active_with_passive_label(verb, rules):
        return syn.passive_subjects(verb)
    return []


def _apposed_subject(s: Token, own: list[Token]) -> bool:
    """'Le maire de X, Jean Dupont, va …' parsed with two subjects: a name right after a
    comma that closes another subject's phrase is that subject's apposition, not a second
    side (a coordination has its 'et')."""
    return s.pos_ == "PROPN" and s.i > 1 and any(
        o.i < s.i and s.i - 2 <= o.right_edge.i < s.i and s.doc[s.i - 1].text == ","
        and o.pos_ == "NOUN"
        for o in own
    )


def passive(verb: Token, rules: Rules) -> bool:
    """A true passive: an auxiliary or subject of the passive, no active subject beside it
    (the parser reads 'a-t-il' as '-t' subject and '-il' passive subject) and no reflexive
    clitic (a pronominal verb)."""
    syn = rules.syntax
    return (
        syn.is_passive(verb)
        and not syn.subjects(verb)
        and not pronominal(verb, rules)
        and not active_with_passive_label(verb, rules)
    )


def present_participle(tok: Token) -> bool:
    return "Part" in tok.morph.get("VerbForm") and "Pres" in tok.morph.get("Tense")


def past_participle(tok: Token, syn: Syntax) -> bool:
    """A past participle, not a present one the tagger gives a past tense (', déployant X';
    grammar.json present_participle_endings)."""
    return (
        "Part" in tok.morph.get("VerbForm")
        and "Past" in tok.morph.get("Tense")
        and not tok.lower_.endswith(tuple(syn.words["present_participle_endings"]))
    )


def participle_adjunct(tok: Token) -> bool:
    """', appelant X à …': a present participle set off by a comma."""
    return present_participle(tok) and tok.i > 0 and tok.nbor(-1).is_punct


def subject_actors(tok: Token, da: DocActors, rules: Rules, disc: Discourse) -> list[Actor]:
    """The acting subject, climbing out of infinitives, participles and coordinations.

    'X se joint à Y pour V' makes Y a co-actor of V; a finite verb the parser left without
    a subject takes the actor phrase right before it. A participle adjunct set off by a
    comma (', appelant Y à V') that the parser hung where no climb leads (on an adjective,
    as a parataxis) goes with the subject of the nearest verb above it, when that verb has one.
    """
    found = _climb_subject(tok, da, rules, disc)
    if found or not participle_adjunct(tok):
        return found
    clauses = (a for a in tok.ancestors
               if a.pos_ in ("VERB", "AUX") and "Inf" not in a.morph.get("VerbForm"))  # fmt: skip
    host = next(clauses, None)
    if host is None or host.i > tok.i or not subjects(host, rules):
        return found
    return _climb_subject(host, da, rules, disc)


def _dative(verb: Token, syn: Syntax) -> list[Token]:
    """The nouns a verb's 'à' introduces ('conseiller à ses ressortissants de …')."""
    return [
        c
        for c in verb.children
        if c.dep_ in syn.obl | syn.indirect_obj
        and c.pos_ in ("NOUN", "PROPN", "PRON")
        and syn.case_word(c) in syn.words["dative_preps"]
    ]


def _own_clause(part: Token, syn: Syntax) -> bool:
    """'La ministre, X a condamné …' with 'condamné' hung on 'ministre': a participle with
    a subject and a finite auxiliary of its own is a clause, not a state of the noun ('le
    terroriste ayant tué' still describes the terrorist)."""
    return bool(syn.children(part, syn.subj)) and any(
        "Fin" in a.morph.get("VerbForm") for a in syn.children(part, syn.aux)
    )


def detached_auxiliary(tok: Token, syn: Syntax) -> Token | None:
    """'Washington a de son côté condamné …', 'X a, elle aussi, dénoncé …': a past participle
    set apart from its finite auxiliary by a short adverbial phrase, which the parser reads
    as a noun phrase the participle describes. That auxiliary is the clause's verb."""
    forms = set(tok.morph.get("VerbForm"))
    if "Part" not in forms or "Past" not in tok.morph.get("Tense") or tok.i < 3:
        return None
    if any(c.dep_ in syn.aux | syn.subj | syn.subj_pass for c in tok.children):
        return None
    for i in range(tok.i - 1, max(0, tok.i - 6), -1):
        t = tok.doc[i]
        if t.lemma_.lower() in syn.words["auxiliaries"] and "Fin" in t.morph.get("VerbForm"):
            gap = tok.doc[t.i + 1 : tok.i]
            inside = t.i < tok.head.i < tok.i or tok.head.i in (t.i, tok.i)
            return t if len(gap) >= 2 and inside else None
        if not _adverbial_word(t):
            return None
    return None


def _adverbial_word(t: Token) -> bool:
    """A word of 'de son côté', 'pour sa part', 'quant à lui', 'elle aussi', 'en effet': no
    article (a noun with one is what the participle describes: 'le candidat soutenu par X'),
    no pronoun but a personal one ('celui des forces déployées')."""
    if t.pos_ == "ADV" or t.text in (",", '"', "«", "“"):
        return True  # 'a lui aussi « condamné … »': a quote may open on the participle
    if t.pos_ == "ADP":
        return "Def" not in t.morph.get("Definite")  # 'des', 'du' carry an article
    if t.pos_ == "DET":
        return "Yes" in t.morph.get("Poss")
    if t.pos_ == "PRON":
        return "Prs" in t.morph.get("PronType") or bool(t.morph.get("Person"))
    return t.pos_ == "NOUN"


def _statement_described(part: Token, rules: Rules) -> Token | None:
    """The statement noun (events.json statement_heads) a present participle describes,
    the parser hanging it there or on the statement's author ('un communiqué du ministère
    appelant Kiev à …' with 'appelant' on 'ministère')."""
    if not present_participle(part):
        return None
    head = part.head
    if lemma_of(head) in rules.statement_heads:
        return head
    if head.dep_ in rules.syntax.nmod and lemma_of(head.head) in rules.statement_heads:
        return head.head
    return None


def _authors(statement: Token, da: DocActors, rules: Rules) -> list[Actor]:
    """Who a statement is by: its owner ('les déclarations de Paris') or the agent of a
    participle describing it ('le texte proposé par la France')."""
    agents = rules.syntax.words["agent_preps"]
    return da.owner(statement) or [
        a
        for c in statement.children
        if c.dep_ in rules.syntax.acl and "Part" in c.morph.get("VerbForm")
        for a in prep_actors(c, agents, da, rules)
    ]


def _adverbial_clause(verb: Token, rules: Rules) -> bool:
    """'Avant de rencontrer X, Macron a appelé Kiev', 'pour convaincre X, …': a clause of
    time or purpose (events.json moment_preps, purpose_marks) is no complement of the verb
    it hangs on; the verb's object does not do what it says, its subject does."""
    marks = rules.moment_preps | rules.purpose_marks
    return any(
        c.dep_ in rules.syntax.mark | rules.syntax.case and c.lower_ in marks
        for c in verb.children
        if c.i < verb.i
    )


def _main_clause_below(root: Token, da: DocActors, rules: Rules) -> Token | None:
    """A clause of time or purpose the parser made the root, with the main clause hung
    under it ('Après s'être entretenus en privé, les deux chefs d'État ont donné …'): that
    finite clause, whose subject does what the adverbial clause says."""
    if finite(root, da) or not _adverbial_clause(root, rules):
        return None
    syn = rules.syntax
    below = [c for c in root.children if c.dep_ in syn.advcl | syn.conj and c.i > root.i]
    return next((c for c in below if finite(c, da) and subjects(c, rules)), None)


def _climb_subject(tok: Token, da: DocActors, rules: Rules, disc: Discourse) -> list[Actor]:
    syn = rules.syntax
    cur = tok
    aux = detached_auxiliary(tok, syn)
    if aux is not None:
        # the subject may hang on the auxiliary or on a word of the phrase between
        subs = [s for t in tok.doc[aux.i : tok.i] for s in subjects(t, rules)]
        if not subs and aux.dep_ in syn.aux and aux.head.i > tok.i:
            subs = subjects(aux.head, rules)  # 'X a de son côté appelé Y à V', V the root
        if subs:
            return dedupe([a for s in subs for a in _argument(s, da, rules, disc)])
        cur = aux
    co: list[Actor] = []
    came_from_inf = False
    adjunct = participle_adjunct(tok)
    for _ in range(6):
        subs = subjects(cur, rules)
        if not subs and not passive(cur, rules) and cur.pos_ in ("VERB", "AUX") and finite(cur, da):
            subs = left_subject(cur, da)
        if subs:
            out: list[Actor] = []
            for s in subs:
                own = _argument(s, da, rules, disc)
                if _apposed_subject(s, subs):
                    # 'Le maire de X, Jean Dupont, va …' read as two subjects: one side,
                    # named by whichever of the two resolves
                    out = own if any(a.resolved for a in own) or not out else out
                    continue
                out.extend(own)
            if not out and cur.dep_ in syn.ccomp and all(da.pronouns.at(s) for s in subs):
                # 'the rebel front announced it will return …': the pronoun stands for the
                # subject of the clause it is reported in, even one the lexicons cannot place
                out = [a for s in subjects(cur.head, rules) for a in sides(s, da)]
            if not out and adjunct and cur.i != tok.i and cur.dep_ in syn.ccomp:
                # 'X a estimé que la mesure restait floue, appelant Y à …': a thing is the
                # reported clause's subject; the adjunct goes with whoever reported it
                out = subject_actors(cur.head, da, rules, disc)
            return dedupe(out + co)
        if cur.head.i == cur.i:
            main = _main_clause_below(cur, da, rules)
            if main is None:
                return co
            cur = main  # 'Après s'être entretenus, les deux chefs d'État ont …' inverted
            continue
        forms = set(cur.morph.get("VerbForm"))
        if cur.dep_ in syn.ccomp and "Inf" not in forms:
            return co
        if cur.dep_ in syn.acl and "Fin" in forms and cur.head.pos_ in ("NOUN", "PROPN"):
            # ', a rights group protested here': a finite verb the parser hung on the noun
            # before it has that noun as its subject
            return dedupe(_argument(cur.head, da, rules, disc) + co)
        statement = _statement_described(cur, rules) if cur.dep_ in syn.acl else None
        authors = _authors(statement, da, rules) if statement is not None else []
        if authors:
            # 'des déclarations de Paris accusant Damas de …': the statement's author acts;
            # a statement of no author said goes on to the verb above ('a voté une
            # résolution interdisant …')
            return dedupe(authors + co)
        inf_or_part = bool({"Inf", "Part"} & forms)
        aux_head = lemma_of(cur.head) in syn.words["auxiliaries"]  # 'd'avoir empoisonné' misparsed
        if (
            cur.dep_ not in syn.climb
            and not aux_head
            and not (came_from_inf and (cur.pos_ == "NOUN" or adjunct and cur.pos_ == "PROPN"))
            and not (inf_or_part and cur.dep_ in syn.acl)
        ):
            return co
        came_from_inf = inf_or_part or came_from_inf
        head = cur.head
        if (
            cur.dep_ in syn.conj
            and "Inf" in head.morph.get("VerbForm")
            and "Inf" not in forms
            and head.head.i != head.i
        ):
            # 'a enjoint X de lever … et réitéré …' parsed as the infinitive's conjunct:
            # the participle goes with the main verb, not with what X is asked to do
            cur = head.head
            continue
        if (
            lemma_of(head) in rules.object_control
            and cur.dep_ in syn.xcomp | syn.advcl | syn.acl
            and not _adverbial_clause(cur, rules)
        ):
            # 'appeler les États-Unis à extrader', 'accuser Moscou d'avoir empoisonné',
            # 'conseiller à ses ressortissants de partir': the infinitive's subject is the
            # head's object, or the noun its 'à' introduces
            objects = syn.objects(head) + _dative(head, syn)
            controllers = [a for o in objects for a in da.actors(o)]
            if controllers:
                return dedupe(controllers)
            # 'a poussé le ministre Jean Dupont à démissionner': someone the lexicons cannot
            # place is still the one who acts, never the head's own subject
            controllers = [a for o in objects for a in sides(o, da)]
            if controllers:
                return dedupe(controllers)
            if (
                not objects
                and head.dep_ in syn.acl
                and "Part" in head.morph.get("VerbForm")
                and "Past" in head.morph.get("Tense")
                and head.head.pos_ in ("NOUN", "PROPN")
            ):
                # 'le ministre soupçonné d'avoir menacé …', 'les pays appelés à retirer …':
                # the noun the participle describes is the one suspected or asked (after a
                # comma the parser hangs the participle on the main verb: not read here)
                return dedupe(sides(head.head, da) + co)
        if (
            lemma_of(head) in rules.object_control
            and came_from_inf
            and cur.pos_ in ("NOUN", "PROPN", "PRON")
            and cur.dep_ in syn.obj | syn.obl | syn.indirect_obj
        ):
            # 'a déconseillé à ses ressortissants de se rendre en Iran', with the infinitive
            # hung on the noun: that noun is its subject, even one the lexicons cannot
            # place; the head's own subject never is
            return dedupe(da.actors(cur) + co)
        if lemma_of(head) in rules.co_actor_heads and cur.dep_ in syn.advcl | syn.xcomp:
            co.extend(prep_actors(head, syn.words["comitative_preps"], da, rules))
        cur = head
    return co


def light_governor(tok: Token, rule: Trigger, rules: Rules) -> Token | None:
    """The light verb a noun trigger depends on ('mener des frappes', or a verb its entry
    names under need_governor), else None."""
    governor = governing_word(tok, rules)
    light = rules.light_verbs | (rule.value("need_governor") or frozenset())
    return governor if governor.i != tok.i and lemma_of(governor) in light else None


def undergoer(tok: Token, da: DocActors, rules: Rules) -> list[Actor]:
    """'le général iranien, visé par une frappe américaine', 'le convoi a été touché par une
    frappe': an event noun that is the agent of a participle or a passive verb acts on what
    the participle describes or on the passive's subject."""
    syn = rules.syntax
    agents = syn.words["agent_preps"]
    if not any(c.dep_ in syn.case and syn.word(c.text) in agents for c in tok.children):
        return []
    head = tok.head
    if head.dep_ in syn.acl and "Part" in head.morph.get("VerbForm"):
        return sides(head.head, da)
    if head.pos_ in ("VERB", "AUX") and passive(head, rules):
        return [a for s in subjects(head, rules) for a in sides(s, da)]
    return []


def _nominal_actor(tok: Token, c: Candidate, da: DocActors, rules: Rules,
                   disc: Discourse) -> tuple[list[Actor], list[Actor]]:  # fmt: skip
    syn = rules.syntax
    actor: list[Actor] = []
    recipient: list[Actor] = []
    e = c.rule
    for spec in e.actor:
        if spec in rules.between:
            for p, noun in prep_children(tok, rules) + _clause_between(tok, rules):
                if p == spec:
                    both = sides(noun, da)
                    actor, recipient = both[:1], both[1:]
                    break
        elif spec == "amod":
            actor.extend(da.owner(tok, of=False))
        elif spec == "poss":
            dated = moment_verb(tok, rules)
            for child in tok.children:
                if e.symmetric and child.lower_ in da.pronouns.plural_possessives:
                    continue  # 'leur entretien': the pair's, read below
                if "Yes" not in child.morph.get("Poss"):
                    continue
                if dated is not None:
                    # 'Lors de sa visite à Londres, Obama a …': the clause's subject's
                    actor.extend(subject_actors(dated, da, rules, disc))
                if not actor:
                    a = da.memory.latest_actor(da.offset + child.idx, child.text)
                    if a is not None:
                        actor.append(a)
        else:
            actor.extend(prep_actors(tok, (spec,), da, rules))
        if actor:
            break
    if not actor and e.symmetric:
        actor, recipient = _possessors(tok, da) or (actor, recipient)
    if not actor:
        # 'le déploiement par Ankara d'un navire', 'les critiques émises par Paris': an
        # event noun's agent, on the noun or on a participle that modifies it
        agents = syn.words["agent_preps"]
        actor = prep_actors(tok, agents, da, rules)
        for c in tok.children:
            if (
                not actor
                and c.dep_ in syn.acl
                and "Part" in c.morph.get("VerbForm")
                and lemma_of(c) not in rules.witness_verbs  # 'confirmées par l'OSDH'
            ):
                actor = prep_actors(c, agents, da, rules)
    governor = light_governor(tok, e, rules)
    if governor is not None and governor.pos_ in ("VERB", "AUX"):
        inherited = subject_actors(governor, da, rules, disc)
        if not inherited and passive(governor, rules):
            # 'the war games were staged by X and Y': the agent of the light verb acts
            inherited = prep_actors(governor, rules.syntax.words["agent_preps"], da, rules)
        if inherited and (not actor or e.symmetric):
            actor = inherited
    if not actor and e.symmetric:
        actor = _meeting_attendee(tok, e, da, rules, disc)
    undergone = _undergone_by(tok, da, rules, disc)
    if undergone:
        # 'X a essuyé les critiques de Y': X is criticised; only the noun's own owner acts
        keys = {u.key() for u in undergone}
        actor = [a for a in actor if a.key() not in keys]
        genitive = syn.words["genitive_preps"]
        if not actor and not genitive & set(e.recipient):
            # 'a reçu des excuses de Tokyo': the noun's genitive owner, unless the genitive
            # is what it acts on ('obtenir la libération de X')
            owners = prep_actors(tok, genitive, da, rules)
            actor = [a for a in owners if a.key() not in keys]
        return actor, undergone
    if not recipient and e.recipient and not e.symmetric:
        recipient = undergoer(tok, da, rules)
    return actor, recipient


def moment_phrase(tok: Token, rules: Rules) -> bool:
    """Does the noun `tok` say when another act happened, after a preposition of events.json
    moment_preps ('durant un entretien'), which the parser may make its head ('lors' in
    'lors d'un entretien', English 'during')?"""
    syn, preps = rules.syntax, rules.moment_preps
    return tok.head.lower_ in preps or any(
        c.dep_ in syn.case and c.lower_ in preps for c in tok.children
    )


def moment_verb(tok: Token, rules: Rules) -> Token | None:
    """The verb whose act the noun `tok` dates ('a souligné durant un entretien'), else
    None."""
    if not moment_phrase(tok, rules):
        return None
    head = tok.head.head if tok.head.lower_ in rules.moment_preps else tok.head
    return head if head.pos_ in ("VERB", "AUX") and head.i != tok.i else None


def _meeting_attendee(tok: Token, e: Trigger, da: DocActors, rules: Rules,
                      disc: Discourse) -> list[Actor]:  # fmt: skip
    """'X a souligné lors d'un entretien avec Y': a meeting noun that says when the clause's
    act happened and names the other side was the subject's meeting. Not without that
    side: 'a déclaré lors d'une réunion' says no one was met."""
    verb = moment_verb(tok, rules)
    if verb is None:
        return []
    others = tuple(p for p in e.recipient if p not in rules.between)
    met = prep_actors(tok, others, da, rules) if others else []
    if not any(a.sector not in rules.press_sectors for a in met):
        return []  # 'lors d'un entretien avec Le Monde': an interview, no meeting
    return subject_actors(verb, da, rules, disc)


def _clause_between(tok: Token, rules: Rules) -> list[tuple[str, Token]]:
    """'Une rencontre aura lieu jeudi entre X et Y', 'des pourparlers doivent s'ouvrir
    entre X et Y': the parser hangs the 'entre' phrase of a meeting noun that is a subject
    on the verb saying it takes place, or on a phrase of that verb ('doivent se tenir à
    Genève entre X et Y')."""
    verb = occurring_verb(tok, rules)
    if verb is None:
        return []
    syn = rules.syntax
    phrases = list(syn.prepositional(verb))
    phrases += [pn for _, n in phrases for pn in syn.prepositional(n)]  # 'à Genève entre X'
    return [(p, n) for p, n in phrases if p in rules.between]


def occurring_verb(tok: Token, rules: Rules) -> Token | None:
    """The verb that says the event noun `tok` takes place, when `tok` (or a quantity it
    counts) is its subject: 'aura lieu' in 'une rencontre aura lieu', 'se tenir' in 'des
    discussions doivent se tenir'."""
    syn = rules.syntax
    subj = tok
    if tok.dep_ in syn.nmod and lemma_of(tok.head) in rules.quantity_heads:
        subj = tok.head
    if subj.dep_ not in syn.subj | syn.subj_pass or subj.head.pos_ not in ("VERB", "AUX"):
        return None
    verbs = [subj.head, *(c for c in subj.head.children if c.dep_ in syn.xcomp)]
    return next((v for v in verbs if _occurrence(v, rules)), None)


def _occurrence(verb: Token, rules: Rules) -> bool:
    """Does `verb` say that something takes place ('avoir lieu', 'se tenir', 'éclater';
    events.json `occurrence_verbs`)? Not 'reste un sujet sensible entre X et Y'."""
    lemma = lemma_of(verb)
    keys = {lemma, *(f"{lemma} {lemma_of(c)}" for c in verb.children)}
    reflexive = any(reflexive_clitic(c, verb, rules) for c in verb.children)
    return any(
        base in keys and (reflexive or not own)
        for own, base in _occurrence_entries(rules.occurrence_verbs, rules.reflexive)
    )


@cache
def _occurrence_entries(
    entries: frozenset[str], reflexive: frozenset[str]
) -> tuple[tuple[bool, str], ...]:
    """Each entry as (needs the reflexive clitic, verb): "s'ouvrir" is (True, 'ouvrir')."""
    out = []
    for e in entries:
        clitic = next((r for r in reflexive if e.startswith(r) and (r.endswith(("'", "’"))
                       or e.startswith(r + " "))), None)  # fmt: skip
        out.append((True, e[len(clitic):].strip()) if clitic else (False, e))
    return tuple(out)


def _possessors(tok: Token, da: DocActors) -> tuple[list[Actor], list[Actor]] | None:
    """'X et Y sont arrivés au palais ; leur tête-à-tête a duré une heure': a meeting
    noun with a possessive of several owners is the meeting of the pair named last as a
    subject."""
    for child in tok.children:
        if child.i < tok.i and child.lower_ in da.pronouns.plural_possessives:
            pair = da.memory.subject_pair(da.offset + child.idx, child.text)
            if pair:
                return pair[:1], pair[1:]
    return None


def _undergone_by(tok: Token, da: DocActors, rules: Rules, disc: Discourse) -> list[Actor]:
    """Who undergoes an event noun under an undergoing head (events.json undergoing_heads):
    the subject of 'a essuyé les critiques', 'a subi des sanctions', 'fait l'objet de
    critiques', 'est la cible de frappes'."""
    gov = governing_word(tok, rules)
    heads = rules.undergoing_heads
    if gov.i == tok.i:
        return []
    if lemma_of(gov) not in heads and not any(
        lemma_of(o) in heads for o in rules.syntax.objects(gov)
    ):  # 'a fait l'objet de critiques' with 'critiques' hung on 'fait'
        return []
    if gov.pos_ not in ("VERB", "AUX") and not subjects(gov, rules):
        gov = gov.head  # 'fait l'objet de': the support verb's subject
    return subject_actors(gov, da, rules, disc)


def _verbal_actor(tok: Token, da: DocActors, rules: Rules,
                  disc: Discourse) -> tuple[list[Actor], list[Actor]]:  # fmt: skip
    syn = rules.syntax
    head = tok.head
    if (
        tok.dep_ in syn.xcomp
        and head.lemma_.lower() in syn.words["passive_verbs"]
        and pronominal(head, rules)
    ):
        # 'X s'est vu reprocher …': X undergoes the act; only an agent acts
        agents = syn.words["agent_preps"]
        actor = prep_actors(tok, agents, da, rules) + prep_actors(head, agents, da, rules)
        return actor, [a for s in subjects(head, rules) for a in sides(s, da)]
    causer = passive_auxiliary(tok, syn)
    if (
        causer is not None
        and causer.pos_ in ("AUX", "VERB")
        and "Inf" in tok.morph.get("VerbForm")
        and pronominal(tok, rules)
    ):
        # 'X s'est fait agresser par Y' parsed with 'fait' an auxiliary of the infinitive:
        # X undergoes the act, Y does it
        agents = syn.words["agent_preps"]
        return prep_actors(tok, agents, da, rules), [
            a for s in subjects(tok, rules) for a in sides(s, da)
        ]
    if _predicative_participle(tok, syn):
        # 'X s'est dit menacé par Y', 'X reste visé par Y': X undergoes what Y does
        agents = prep_actors(tok, syn.words["agent_preps"], da, rules, disc=disc)
        subject = subject_actors(tok.head, da, rules, disc)
        if not agents and lemma_of(tok) in rules.stative_participles:
            return subject, []  # 'X se dit opposé à …': a stance of X's own
        return agents, subject
    recipient: list[Actor] = []
    is_passive = passive(tok, rules)
    undergone = _participle_undergoer(tok, da, rules, disc) if not is_passive else None
    if undergone is not None:
        return undergone
    agents = prep_actors(tok, syn.words["agent_preps"], da, rules, disc=disc) if is_passive else []
    if is_passive and not agents and lemma_of(tok) in rules.stative_participles:
        # 'Israel is opposed to …', 'Hanoi is committed to …': a stance of the subject's own
        return [a for s in syn.passive_subjects(tok) for a in _argument(s, da, rules, disc)], []
    if is_passive:
        for ps in syn.passive_subjects(tok):
            # 'des manifestants ont été interpellés' in a French story: French ones
            recipient.extend(_argument(ps, da, rules, disc))
    if is_passive or _adjectival(tok, syn):
        # 'sanctionné par les États-Unis': only the agent acts
        return prep_actors(tok, syn.words["agent_preps"], da, rules, disc=disc), recipient
    return subject_actors(tok, da, rules, disc), recipient


def _adjectival(tok: Token, syn: Syntax) -> bool:
    """'des bébés bloqués en Russie': a past participle describing a noun is a state, acted
    on by nobody named but its agent; so is one coordinated with it ('trois militants,
    placés en garde à vue puis relâchés': released, by whoever held them)."""
    if not past_participle(tok, syn) or detached_auxiliary(tok, syn) is not None:
        return False
    if tok.dep_ in syn.conj and not syn.children(tok, syn.aux | syn.subj):
        # the parser may hang the second participle on a noun of the first one's phrase
        verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
        return verb is not None and _adjectival(verb, syn)
    return tok.dep_ in syn.acl | syn.amod and not _own_clause(tok, syn)


def _predicative_participle(tok: Token, syn: Syntax) -> bool:
    """A past participle that completes a verb other than an auxiliary ('s'est dit menacé',
    'reste visé', 'se sent trahi'): it describes that verb's subject, who undergoes the act,
    as a passive's subject does. Not one with an object or an auxiliary of its own (an
    active verb the parser hung there)."""
    return (
        tok.dep_ in syn.xcomp
        and past_participle(tok, syn)
        and tok.head.pos_ == "VERB"
        and lemma_of(tok.head) not in syn.words["auxiliaries"]
        and not syn.children(tok, syn.aux | syn.subj | syn.obj)
    )


def _participle_undergoer(tok: Token, da: DocActors, rules: Rules,
                          disc: Discourse) -> tuple[list[Actor], list[Actor]] | None:  # fmt: skip
    """'Reçu à Versailles par Macron, Poutine a …', 'des journalistes arrêtés par la police':
    a past participle with an agent but no auxiliary or subject of its own is a passive
    whose agent acts on the subject of the clause it opens, or on the noun it describes.
    None when it is no such participle."""
    syn = rules.syntax
    if "Part" not in tok.morph.get("VerbForm") or "Past" not in tok.morph.get("Tense"):
        return None
    if tok.dep_ not in syn.advcl | syn.acl or syn.children(tok, syn.aux | syn.subj):
        return None
    agents = prep_actors(tok, syn.words["agent_preps"], da, rules, disc=disc)
    if not agents:
        return None
    head = tok.head
    if tok.dep_ in syn.acl:
        undergoers = _argument(head, da, rules, disc) if head.pos_ in ("NOUN", "PROPN") else []
    else:
        undergoers = [a for s in subjects(head, rules) for a in _argument(s, da, rules, disc)]
    # one the text cannot place leaves the recipient to the article's frame
    return agents, [a for a in undergoers if a.country]


def _past_fixed_words(obj: Token, c: Candidate, rules: Rules) -> list[Token]:
    """'a pointé du doigt les États-Unis' read with 'doigt' the object and the target hung on
    it: a word of the entry's fixed phrase (follow) is no argument; the noun after it is."""
    if lemma_of(obj) not in (c.rule.value("follow") or ()):
        return [obj]
    syn = rules.syntax
    after = [
        n
        for n in obj.children
        if n.dep_ in syn.nmod | syn.appos and n.i > obj.i and syn.case_word(n) is None
    ]
    return after or [obj]  # 'serrer la main du roi': the object's owner, as before


def _recipients(tok: Token, c: Candidate, da: DocActors, rules: Rules,
                disc: Discourse, skip: frozenset[int] = frozenset()) -> list[Actor]:  # fmt: skip
    syn = rules.syntax
    out: list[Actor] = []
    for spec in c.rule.recipient:
        if spec in ("obj", "iobj", "obj_owner"):
            labels = syn.indirect_obj if spec == "iobj" else syn.direct_obj | syn.misread_obj
            # an object the parser hung on a day name ('a condamné vendredi des …') is direct
            objects = [o for o in syn.objects(tok) if o.i not in skip]
            objects = [n for o in objects for n in _past_fixed_words(o, c, rules)]
            for o in [o for o in objects if o.dep_ in labels or o.head.i != tok.i]:
                out.extend(
                    da.owner(o) if spec == "obj_owner" else _argument(o, da, rules, disc, True)
                )
        elif spec == "comp_subj":
            # 'warned that Iran would…': the clause's subject is who the act is aimed at
            for comp in syn.children(tok, syn.ccomp):
                for s in syn.subjects(comp):
                    out.extend(sides(s, da))
        elif spec in rules.between and c.rule.nominal and spec in c.rule.actor:
            continue  # 'talks between X and Y' name both actors; a mediation between them
            # names its recipients
        else:
            out.extend(prep_actors(tok, (spec,), da, rules, owner=True, disc=disc))
            for o in syn.objects(tok) + _object_nouns(tok, c, rules) + _partitive(tok, rules):
                out.extend(prep_actors(o, (spec,), da, rules, owner=True, disc=disc))
    if not out and c.rule.nominal:
        # 'a adressé ses félicitations à X': the parser hangs the target on the light verb
        governor = light_governor(tok, c.rule, rules)
        preps = tuple(p for p in c.rule.recipient if p not in ("obj", "iobj", "obj_owner"))
        if governor is not None and preps and tok.dep_ in syn.direct_obj:
            out = prep_actors(governor, preps, da, rules, owner=True, disc=disc)
    return out


def _partitive(tok: Token, rules: Rules) -> list[Token]:
    """An object whose partitive article the parser read as a preposition ('apporter de
    l'aide au Liban', 'livrer des armes à Kiev' with 'de'/'des' as its case): the target
    phrase hangs on it."""
    syn = rules.syntax
    if tok.pos_ not in ("VERB", "AUX"):
        return []  # 'la visite du président': a noun's 'du' is a genitive
    partitives = syn.words["partitive_articles"]
    out = []
    for o in syn.children(tok, syn.obl):
        cases = [c for c in o.children if c.dep_ in syn.case and c.i < o.i]
        if len(cases) != 1:
            continue
        case = cases[0]
        articles = [d for d in o.children if d.dep_ in syn.det and case.i < d.i < o.i]
        if case.lower_ in partitives or (
            syn.word(case.text) in syn.words["genitive_preps"] and articles
        ):
            out.append(o)
    return out


def _object_nouns(tok: Token, c: Candidate, rules: Rules) -> list[Token]:
    """The nouns a noun trigger's object constraint was met by ('un plan de soutien aux
    pêcheurs': 'soutien'): the target phrase hangs on them."""
    wanted = c.rule.value("object") if c.rule.nominal else None
    if not wanted:
        return []
    syn = rules.syntax
    return [n for n in syn.children(tok, syn.nmod) if lemma_of(n) in wanted]


def object_clitics(tok: Token, c: Candidate, da: DocActors, rules: Rules,
                   actor: list[Actor]) -> list[Actor]:  # fmt: skip
    """'pour le féliciter', 'il les a accusés': an object clitic of a trigger whose
    recipient is its object stands for the last one named who is not the actor."""
    if c.rule.type not in rules.object_clitic_types:
        return []
    if "obj" not in c.rule.recipient and "iobj" not in c.rule.recipient:
        return []
    out: list[Actor] = []
    before = da.pronouns.object_before_verb
    syn = rules.syntax
    first = min([tok.i] + [a.i for a in tok.children if a.dep_ in syn.aux])
    for o in syn.objects(tok):
        pronoun = da.pronouns.object.get(o.lower_)
        if o.pos_ != "PRON" or pronoun is None or (o.i < first) != before:
            continue  # 'a lui aussi dénoncé': an emphatic pronoun, not the object
        a = da.memory.resolve_object(pronoun, da.offset + o.idx, actor)
        if a is not None:
            out.append(a)
    return out


def _by_position(c: Candidate, da: DocActors, rules: Rules,
                 disc: Discourse) -> tuple[list[Actor], list[Actor]]:  # fmt: skip
    """A verb the parser misread has no reliable arcs: its subject is the actor phrase just
    before it, its object (for an 'obj' slot) the actor named right after it, a prepositional
    slot's the actor right after that preposition ('livre des drones à Bakou'). A phrase the
    parser ran across the verb ('La Pologne presse la Biélorussie' as one noun phrase) is
    cut at the verb."""
    tok = c.token
    pronoun = clitic_subject(tok, da)  # 'il leur demande de …'
    if pronoun is not None:
        actor = _argument(pronoun, da, rules, disc)
    else:
        before = da.words_actor(_run_before(tok))
        actor = [before] if before is not None else []
    if not actor:
        actor = [a for s in left_subject(tok, da) for a in _argument(s, da, rules, disc)]
    recipient: list[Actor] = []
    window = words_after(tok)
    for spec in c.rule.recipient:
        if spec == "obj":
            start = 0
        else:
            start = next(
                (k + 1 for k, t in enumerate(window)
                 if t.pos_ == "ADP" and rules.syntax.word(t.text) == spec),
                None,
            )  # fmt: skip
            if start is None:
                continue
        words = []
        for t in window[start:]:
            if t.pos_ in PHRASE_ENDS or t.dep_ in rules.syntax.mark:
                break
            if words or t.pos_ != "ADV" or t.i in da.by_token:
                words.append(t)  # 'tacle alors le président': not 'alors'
        a = da.words_actor(words) if words else None
        if a is not None:
            recipient.append(a)
            break
    return actor, recipient


PHRASE_ENDS = frozenset({"ADP", "SCONJ", "CCONJ", "VERB", "AUX", "PRON"})


def clitic_subject(tok: Token, da: DocActors) -> Token | None:
    """The subject pronoun of a word that follows it and an object clitic ('il leur
    demande', 'elle lui reproche'): such a word is a verb whatever its tag, 'leur' no
    possessive and 'il' no expletive."""
    if tok.i < 2:
        return None
    clitic, subject = tok.doc[tok.i - 1], tok.doc[tok.i - 2]
    if not da.pronouns.object_clitic(clitic) or subject.lower_ not in da.pronouns.subject:
        return None
    return subject


def _run_before(tok: Token) -> list[Token]:
    """The words just before `tok`, back to the first that ends a phrase: 'X s'exécute, et
    la ministre allemande tacle …' gives 'la ministre allemande'."""
    out: list[Token] = []
    for t in reversed(tok.doc[max(0, tok.i - 8) : tok.i]):
        if t.is_punct or t.pos_ in PHRASE_ENDS:
            break
        out.append(t)
    return out[::-1]


def implicit_agent(c: Candidate, rules: Rules, disc: Discourse) -> tuple[list[Actor], list[Actor]]:
    """'La manifestation de samedi', 'onze suspects ont été arrêtés' in an article about one
    country: a protest noun or an agentless arrest names no actor, and the reader takes the
    home country's people or police acting on its government or people (plover.json
    implicit_home_agent): (actor, recipient), both marked inferred. A passive whose subject is
    a thing (a verb rule with an object constraint: 'les frontières sont fermées') is aimed at
    no one the text names: the actor only."""
    sectors = rules.implicit_home_agent.get(c.rule.type)
    home = disc.home or disc.scene  # 'interpellé près de Times Square': the police there
    if home is None or sectors is None:
        return [], []
    if not (c.rule.nominal or passive(c.token, rules)):
        return [], []
    actor, recipient = people_and_state(home, sectors)
    on_thing = not c.rule.nominal and c.rule.value("object")
    return [actor], [] if on_thing else [recipient]


def moved_forces(c: Candidate, da: DocActors, rules: Rules) -> list[Actor]:
    """'Des troupes américaines ont été déployées en Pologne', 'des soldats seront déployés':
    forces moved with no agent named were moved by their own state; the forces (plover.json
    moved_force_types, force_sectors) are the actor. A passive in the present or the
    imperfect ('30.000 soldats sont déployés en Corée') tells where forces stand, no act."""
    tok = c.token
    if c.rule.type not in rules.moved_force_types or c.rule.nominal or not passive(tok, rules):
        return []
    syn = rules.syntax
    auxes = syn.children(tok, syn.aux)
    if all(a.dep_ in syn.labels["aux_pass"] and _standing(a) for a in auxes):
        return []
    return [
        a
        for m in syn.passive_subjects(tok)
        for a in da.actors(m)
        if a.country and a.sector in rules.force_sectors
    ]


def _standing(aux: Token) -> bool:
    """A form of the passive auxiliary that tells a state: present or imperfect indicative."""
    return "Ind" in aux.morph.get("Mood") and bool({"Pres", "Imp"} & set(aux.morph.get("Tense")))


def people_and_state(country: str, sectors: tuple[str, str]) -> tuple[Actor, Actor]:
    """The country's people (or police) and its government, as plover.json
    implicit_home_agent names their sectors, both marked inferred."""
    people, state = (Actor(text=country, country=country, sector=s, kind="inferred")
                     for s in sectors)  # fmt: skip
    return people, state


def crowd_subject(c: Candidate, rules: Rules) -> bool:
    """'Des milliers de personnes ont manifesté', 'quelque 200 personnes se sont
    rassemblées': a verb of plover.json crowd_types whose subjects are people of no stated
    kind (groups.json person_nouns, or a quantity of them)."""
    if c.rule.type not in rules.crowd_types or c.rule.nominal:
        return False

    def crowd(s: Token) -> bool:
        heads = [s, *counted([s], rules.syntax, rules.quantity_heads)]  # 'des milliers de …'
        return any(lemma_of(h) in rules.person_nouns for h in heads)

    found = subjects(c.token, rules)
    return bool(found) and all(crowd(s) for s in found)


def unnamed_agent(c: Candidate, da: DocActors, rules: Rules) -> list[Actor]:
    """'Three soldiers were killed', 'a roadside bomb killed two policemen': the act is
    told but nobody is named as its author. For the types of events.json `unnamed_agent`,
    a verb in the passive without an agent naming anyone, or with a weapon or attack as
    its subject, takes an unnamed actor (kind 'unnamed', no country) instead of being lost;
    not when a natural cause or an accident is said ('killed in an earthquake'), nor in a
    clause describing a noun."""
    spec = rules.unnamed_agent
    tok = c.token
    if not spec or c.rule.nominal or c.rule.type not in spec["types"]:
        return []
    if tok.dep_ in rules.syntax.relcl | rules.syntax.acl:
        return []  # 'the women who were killed': what a noun is said to have undergone
    if any(d.pos_ == "NOUN" and lemma_of(d) in spec["causes"] for d in tok.subtree):
        return []
    if not passive(tok, rules):
        subs = subjects(tok, rules)
        if not subs or any(lemma_of(s) not in spec["instruments"] for s in subs):
            return []
        # 'the missiles fired by the Israeli army struck …': who fired them acts
        agents = rules.syntax.words["agent_preps"]
        users = [
            a
            for s in subs
            for acl in rules.syntax.children(s, rules.syntax.acl)
            for a in prep_actors(acl, agents, da, rules)
        ]
        if users:
            return users
    return [Actor(text=spec["text"], kind="unnamed")]


def act_author(tok: Token, actor: list[Actor], rules: Rules, disc: Discourse) -> list[Actor]:
    """'La Russie a bombardé Idlib. La Turquie a condamné ces frappes.': an act named again
    by a definite or demonstrative event noun, with nothing saying whose, is aimed at whoever
    did the last act of that type the article coded (never the actor itself)."""
    own = {a.country for a in actor}
    for o in rules.syntax.objects(tok):
        if o.pos_ != "NOUN" or not rules.syntax.definite(o):
            continue
        if any(c.dep_ in rules.syntax.nmod | rules.syntax.amod for c in o.children):
            continue  # 'les frappes russes', 'les frappes de la coalition': said whose
        for e in rules.candidates(o):
            if not e.nominal or e.unmet(o, rules) not in (None, "need_governor"):
                continue
            authors = [a for a in disc.authors.get(e.type, []) if a.country not in own]
            if authors:
                return [replace(a, kind="inferred") for a in authors]
    return []


def own_groups(c: Candidate, actor: list[Actor], recipient: list[Actor], rules: Rules,
               disc: Discourse) -> None:  # fmt: skip
    """'Washington a appelé les élus à …' in a story of two countries: an unnamed domestic
    group the actor speaks to or of is of the actor's country (plover.json own_group_types);
    with a home country, home_actor has placed it already."""
    countries = {a.country for a in actor}
    if disc.home is not None or len(countries) != 1 or None in countries:
        return
    if c.rule.type not in rules.own_group_types:
        return
    domestic = set(rules.groups.get("domestic_sectors", []))
    foreign = set(rules.groups.get("foreign_markers", []))
    (country,) = countries
    for r in recipient:
        words = r.text.split()
        named = any(w[:1].isupper() for w in words[1:])  # 'le Gouvernement d'union'
        named = named or bool(foreign & {w.lower() for w in words})  # 'un dirigeant étranger'
        if not r.country and r.kind == "group" and r.sector in domestic and not named:
            r.country, r.kind = country, "inferred"


def fill(c: Candidate, da: DocActors, rules: Rules, disc: Discourse) -> None:
    """Fill the candidate's actor and recipient sides."""
    tok = c.token
    skip: frozenset[int] = frozenset()  # objects the parser gave a reporting clause
    if c.verb_reading:
        actor, recipient = _by_position(c, da, rules, disc)
    elif c.rule.nominal:
        actor, recipient = _nominal_actor(tok, c, da, rules, disc)
    else:
        actor, recipient = _verbal_actor(tok, da, rules, disc)
        reported = incise(tok, da, rules, disc)
        words = reported_quote(tok, da, disc)
        c.reports = reported is not None or words is not None
        c.asks = words is not None and words.text.rstrip().endswith(tuple(rules.question_marks))
        if reported is not None:
            speaker, skip = reported
            if speaker is not None:
                actor = speaker
                recipient = []  # its 'passive subject' was in the reported words too
        actor = actor or adjunct_speaker(tok, da, disc)
    recipient = recipient + _recipients(tok, c, da, rules, disc, skip)
    recipient += object_clitics(tok, c, da, rules, actor)
    if not recipient and not c.rule.nominal and "obj" in c.rule.recipient:
        recipient = act_author(tok, actor, rules, disc)
    actor = dedupe(actor)
    own_groups(c, actor, recipient, rules, disc)
    recipient = [r for r in dedupe(recipient) if all(r.key() != a.key() for a in actor)]
    if c.rule.symmetric and len(actor) >= 2 and not recipient:
        actor, recipient = actor[:1], actor[1:]
    if not actor:
        actor, home_recipient = implicit_agent(c, rules, disc)
        c.implicit = bool(actor)
        recipient = recipient or home_recipient
    if not actor:
        actor = moved_forces(c, da, rules)
        recipient = [r for r in recipient if all(r.key() != a.key() for a in actor)]
    if not actor:
        actor = unnamed_agent(c, da, rules)
    c.actor, c.recipient = actor, recipient
