"""Code PLOVER events from parsed paragraphs: trigger, arguments, modality, date, place.

Triggers, their argument frames and the modality cues come from the language's lexicons
(`events.json`, `modality.json`, `groups.json`); this module only walks the parse. Each
trigger mention becomes an `Event` with one `Evidence`; `merge_events` then folds mentions of
the same act into one record per article.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from typing import Any

from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

from chronique import lexicons
from chronique.extract import offsets
from chronique.extract.actors import DocActors, Person
from chronique.extract.places import (
    argument_token_ids,
    get_gazetteer,
    place_arguments,
    sentence_place,
)
from chronique.extract.sentences import sentence_at
from chronique.model import Actor, DateSpan, Event, Evidence, PartialDate, Place, TimeExpr

NOMINAL_DEPS = ("obj", "obl", "obl:arg", "obl:mod", "nmod", "nsubj:pass", "dobj", "pobj", "iobj")
CLIMB_DEPS = ("xcomp", "acl", "conj", "advcl", "ccomp")
AUX_LEMMAS = {"avoir", "être", "have", "be"}


@dataclass
class EventLexicon:
    lang: str
    by_lemma: dict[str, list[dict[str, Any]]]
    modality: dict[str, Any]
    groups: dict[str, Any]
    scores: dict[str, Any]
    pos_ids: frozenset[int] = frozenset()  # parts of speech any trigger may have


@cache
def event_lexicon(lang: str) -> EventLexicon:
    by_lemma: dict[str, list[dict[str, Any]]] = {}
    for entry in lexicons.load("events", lang)["triggers"]:
        by_lemma.setdefault(entry["lemma"].lower(), []).append(entry)
    constraints = ("object", "reflexive", "prep", "follow", "modifier", "need_governor")
    for entries in by_lemma.values():
        # the most constrained reading is tried first: 'opposer son veto' before 'opposer'
        entries.sort(key=lambda e: -sum(1 for c in constraints if e.get(c)))
    mod = lexicons.load("modality", lang)
    pos = {p for entries in by_lemma.values() for e in entries for p in e["pos"]}
    if "NOUN" in pos:
        pos.add("PROPN")  # the parser often tags a capitalised noun trigger as a name
    return EventLexicon(
        lang,
        by_lemma,
        {k: (set(v) if isinstance(v, list) else v) for k, v in mod.items()},
        lexicons.load("groups", lang),
        lexicons.load("plover")["types"],
        frozenset(POS_IDS[p] for p in pos if p in POS_IDS),
    )


@dataclass
class Mention:
    """One trigger occurrence before merging."""

    entry: dict[str, Any]
    token: Token
    actor: list[Actor]
    recipient: list[Actor]
    modality: str
    attributed_to: list[Actor] = field(default_factory=list)
    denied_by: list[Actor] = field(default_factory=list)
    date: DateSpan | None = None
    place: Place | None = None
    infer: bool = False  # may take the article's main counterpart as recipient


class EventExtractor:
    """Event mentions of one article, paragraph by paragraph in reading order."""

    def __init__(
        self,
        lang: str,
        article_id: str,
        published: PartialDate | None,
        home: str | None = None,
    ):
        self.lang = lang
        self.home = home  # the country the article is about, if one dominates
        self.article_id = article_id
        self.published = published
        self.lex = event_lexicon(lang)
        self.gazetteer = get_gazetteer(lang)
        self.pairs: list[list[Actor]] = []
        events_lex = lexicons.load("events", lang)
        self.light_verbs = set(events_lex.get("light_verbs", []))
        self.co_actor_heads = set(events_lex.get("co_actor_heads", []))
        self.infer_types = set(events_lex.get("infer_recipient", []))
        self.object_control = set(events_lex.get("object_control", []))
        self.between = set(events_lex.get("between", []))
        self.not_events = set(events_lex.get("non_event_complements", []))
        self.domestic = set(self.lex.groups.get("domestic_sectors", []))
        self.challengers = set(self.lex.groups.get("challenger_sectors", []))
        self.noun_date_preps = set(events_lex.get("noun_date_preps", []))
        self.person_nouns = set(self.lex.groups.get("person_nouns", []))
        self.former = set(self.lex.groups.get("former_markers", []))
        self.purpose_marks = set(events_lex.get("purpose_marks", []))
        self.absorbing_types = set(events_lex.get("motive_absorbing_types", []))
        self.to_infer: list[Event] = []

    # -- trigger matching ---------------------------------------------------------------

    def _lemma(self, tok: Token) -> str:
        return tok.lemma_.lower()

    def _dependents(self, tok: Token, depth: int = 2) -> list[Token]:
        out = []
        frontier = [tok]
        for _ in range(depth):
            nxt = []
            for t in frontier:
                for c in t.children:
                    if c.dep_ in NOMINAL_DEPS or c.dep_ in ("conj", "appos"):
                        out.append(c)
                        nxt.append(c)
            frontier = nxt
        return out

    def _prep_children(self, tok: Token, da: DocActors) -> list[tuple[str, Token]]:
        out = list(da.syn.prepositional(tok))
        if tok.pos_ == "NOUN":
            # 'les négociations sur les armes entre X et Y': 'entre' hangs off 'armes'
            for _, noun in list(out):
                out.extend((p, n) for p, n in da.syn.prepositional(noun) if p in self.between)
        return out

    def match(self, tok: Token, da: DocActors) -> dict[str, Any] | None:
        if tok.pos not in self.lex.pos_ids:
            return None  # cheaper than the lemma look-up, and most tokens stop here
        entries = self.lex.by_lemma.get(self._lemma(tok)) or self.lex.by_lemma.get(tok.lower_)
        if not entries:
            return None
        for e in entries:
            if tok.pos_ not in e["pos"] and not (tok.pos_ == "PROPN" and "NOUN" in e["pos"]):
                continue
            if e.get("reflexive") and not any(
                c.lower_ in da.pronouns.reflexive for c in tok.children
            ):
                continue
            if e.get("prep"):
                preps = {p for p, _ in self._prep_children(tok, da)}
                preps |= {c.lower_ for c in tok.children if c.dep_ == "mark"}
                if not preps & set(e["prep"]):
                    continue
            if e.get("object"):
                lemmas = {self._lemma(d) for d in self._dependents(tok)}
                if not lemmas & set(e["object"]):
                    continue
            if e.get("modifier"):
                mods = {self._lemma(c) for c in tok.children if c.dep_ in ("amod", "nmod")}
                if not mods & set(e["modifier"]):
                    continue
            if e.get("follow"):
                nxt = [t for t in tok.doc[tok.i + 1 : tok.i + 5] if t.pos_ != "DET"]
                if [self._lemma(t) for t in nxt[: len(e["follow"])]] != e["follow"]:
                    continue
            if e.get("need_governor") and self._lemma(tok.head) not in e["need_governor"]:
                continue
            return e
        return None

    # -- arguments ----------------------------------------------------------------------

    def _subject_actors(self, tok: Token, da: DocActors) -> list[Actor]:
        """The acting subject, climbing out of infinitives, participles and coordinations.

        'X se joint à Y pour V' makes Y a co-actor of V; a finite verb the parser left
        without a subject takes the actor phrase right before it.
        """
        cur = tok
        co: list[Actor] = []
        came_from_inf = False
        for _ in range(6):
            subs = da.syn.subjects(cur)
            passive = da.syn.passive_subjects(cur) or any(
                c.dep_ in ("aux:pass", "auxpass") for c in cur.children
            )
            if not subs and not passive and cur.pos_ in ("VERB", "AUX") and self._finite(cur, da):
                subs = self._left_subject(cur, da)
            if subs:
                out = []
                for s in subs:
                    out.extend(self._group(s, da) or da.actors(s) or self._home(s, da))
                return _dedupe(out + co)
            if cur.head.i == cur.i:
                return co
            if cur.dep_ == "ccomp" and "Inf" not in cur.morph.get("VerbForm"):
                return co
            inf_or_part = bool({"Inf", "Part"} & set(cur.morph.get("VerbForm")))
            aux_head = self._lemma(cur.head) in AUX_LEMMAS  # 'd'avoir empoisonné' misparsed
            if (
                cur.dep_ not in CLIMB_DEPS
                and not aux_head
                and not (came_from_inf and cur.pos_ == "NOUN")
            ):
                if not (inf_or_part and cur.dep_ in ("acl",)):
                    return co
            came_from_inf = inf_or_part or came_from_inf
            head = cur.head
            if self._lemma(head) in self.object_control and cur.dep_ in ("xcomp", "advcl", "acl"):
                # 'appeler les États-Unis à extrader', 'accuser Moscou d'avoir empoisonné':
                # the infinitive's subject is the head's object
                controllers = [a for o in da.syn.objects(head) for a in da.actors(o)]
                if controllers:
                    return _dedupe(controllers)
            if self._lemma(head) in self.co_actor_heads and cur.dep_ in ("advcl", "xcomp"):
                co.extend(self._prep_actors(head, ["à", "avec", "with"], da))
            cur = head
        return co

    def _finite(self, verb: Token, da: DocActors) -> bool:
        forms = set(verb.morph.get("VerbForm"))
        if "Fin" in forms:
            return True
        return "Part" in forms and any(c.dep_ in da.syn.aux for c in verb.children)

    def _left_subject(self, verb: Token, da: DocActors) -> list[Token]:
        """The actor phrase just left of a verb the parser gave no subject."""
        first = min([verb] + [c for c in verb.children if c.dep_ in da.syn.aux], key=lambda t: t.i)
        # not bounded by the sentence: a parser that misses the subject often splits there
        for t in reversed(list(verb.doc[max(0, first.i - 12) : first.i])):
            if t.is_punct and t.text not in ("'", "’"):
                break
            if t.pos_ in ("ADV", "DET") or t.dep_ in ("expl:comp", "expl:pass", "flat:name"):
                continue
            if t.i in da.by_token or t.pos_ in ("PROPN",):
                while t.dep_ in da.syn.conj and t.head.i != t.i and t.head.i < t.i:
                    t = t.head
                m = da.by_token.get(t.i)
                if m is not None:
                    t = verb.doc[m.start : m.end].root
                return [t]
            if t.pos_ in ("NOUN", "PROPN", "PRON"):
                continue
            break
        return []

    def _home(self, tok: Token, da: DocActors) -> list[Actor]:
        """'La police a arrêté …' in an article about Israel: an unnamed home actor (police,
        opposition, protesters, government) is of the article's country, marked inferred."""
        if self.home is None or tok.pos_ not in ("NOUN", "PROPN"):
            return []
        a = da.actor(tok, loose=True)
        if a is None or a.country or a.kind != "group" or a.sector not in self.domestic:
            return []
        a.country, a.kind = self.home, "inferred"
        holder = self._home_office_holder(tok, da, self.home)
        if holder is not None:  # 'le chef du gouvernement' in a British story: its holder
            a.name, a.wikidata, a.sector = holder.name, holder.wikidata, holder.sector or a.sector
        return [a]

    def _home_office_holder(self, tok: Token, da: DocActors, home: str) -> Person | None:
        """Who holds the office a role noun names ('le chef du gouvernement') in the home
        country at the article date; not for a former holder ('l'ancien président')."""
        span = next((m for m in da.mentions if m.kind == "role" and m.start <= tok.i < m.end), None)
        role = (span.data if span else None) or da.lex.role_of(tok)
        if not role or not role.get("role"):
            return None
        start, end = (span.start, span.end) if span else (tok.i, tok.i + 1)
        for c in tok.children:
            if c.lower_ in self.former:
                return None
            if c.dep_ == "nmod" and not start <= c.i < end:
                return None  # 'le porte-parole de la Coalition …' speaks for someone else
        return da.lex.office_holder(role["role"], home, da.when)

    def _group(self, tok: Token, da: DocActors) -> list[Actor] | None:
        """'les deux pays' → the last pair of actors named together."""
        g = self.lex.groups
        if tok.lower_ not in g["pair_nouns"] and self._lemma(tok) not in g["pair_nouns"]:
            return None
        if not any(c.lower_ in g["pair_numerals"] for c in tok.children):
            return None
        if not self.pairs:
            return None
        return [
            Actor(
                text=tok.doc[tok.left_edge.i : tok.i + 1].text,
                name=a.name,
                country=a.country,
                sector=a.sector,
                wikidata=a.wikidata,
                kind=a.kind,
            )
            for a in self.pairs[-1]
        ]

    def _prep_actors(self, tok: Token, preps: list[str], da: DocActors) -> list[Actor]:
        out: list[Actor] = []
        for p, noun in self._prep_children(tok, da):
            if p in preps or (p in ("du", "des", "d'") and "de" in preps):
                out.extend(da.actors(noun))
        return out

    def _arguments(
        self, tok: Token, e: dict[str, Any], da: DocActors
    ) -> tuple[list[Actor], list[Actor]]:
        actor: list[Actor] = []
        recipient: list[Actor] = []
        rec_spec = e.get("recipient", [])
        if e.get("nominal"):
            for spec in e.get("actor", []):
                if spec in self.between:
                    for p, noun in self._prep_children(tok, da):
                        if p == spec:
                            both = da.actors(noun)
                            actor, recipient = both[:1], both[1:]
                elif spec == "amod":
                    actor.extend(da.owner(tok, of=False))
                elif spec == "poss":
                    for c in tok.children:
                        if "Yes" in c.morph.get("Poss"):
                            a = da.memory.latest_actor(da.offset + c.idx)
                            if a is not None:
                                actor.append(a)
                else:
                    actor.extend(self._prep_actors(tok, [spec], da))
                if actor:
                    break
            governor = tok.head
            light = self._lemma(governor) in self.light_verbs | set(e.get("need_governor", []))
            if governor.i != tok.i and governor.pos_ in ("VERB", "AUX") and light:
                inherited = self._subject_actors(governor, da)
                if inherited and (not actor or e.get("symmetric")):
                    actor = inherited
        else:
            passive = da.syn.passive_subjects(tok)
            for ps in passive:
                recipient.extend(da.actors(ps))
            adjectival = (
                tok.dep_ in ("acl", "amod")
                and "Part" in tok.morph.get("VerbForm")
                and "Past" in tok.morph.get("Tense")
            )  # 'des bébés bloqués en Russie': a state, acted on by nobody named
            if (
                passive
                or adjectival
                or any(c.dep_ in ("aux:pass", "auxpass") for c in tok.children)
            ):
                # 'sanctionné par les États-Unis': only the agent acts
                actor = self._prep_actors(tok, ["par", "by"], da)
            else:
                actor = self._subject_actors(tok, da)
        for spec in rec_spec:
            if spec in ("obj", "iobj", "obj_owner"):
                labels = ("iobj", "dative") if spec == "iobj" else ("obj", "dobj")
                for o in [o for o in da.syn.objects(tok) if o.dep_ in labels]:
                    found = (
                        []
                        if spec == "obj_owner"
                        else (self._group(o, da) or da.actors(o) or self._home(o, da))
                    )
                    recipient.extend(found or da.owner(o))
            elif spec in self.between and e.get("nominal"):
                continue
            else:
                recipient.extend(self._prep_actors(tok, [spec], da))
                for o in da.syn.objects(tok):
                    recipient.extend(self._prep_actors(o, [spec], da))
        actor = _dedupe(actor)
        recipient = [r for r in _dedupe(recipient) if all(r.key() != a.key() for a in actor)]
        if e.get("symmetric") and len(actor) >= 2 and not recipient:
            actor, recipient = actor[:1], actor[1:]
        return actor, recipient

    # -- modality -----------------------------------------------------------------------

    def _own_cues(self, tok: Token, da: DocActors) -> str | None:
        m = self.lex.modality
        words = [tok] + [c for c in tok.children if c.dep_ in da.syn.aux]
        for c in tok.children:
            if c.lower_ in m["negation"] or (
                "Neg" in c.morph.get("Polarity") and c.lower_ not in ("ne", "n'", "n’")
            ):
                return "negated"
            if c.dep_ == "mark" and c.lower_ in m["condition_marks"]:
                return "hypothetical"
        aux_cues = m.get("aux", {})
        for w in words[1:]:
            if self._lemma(w) in aux_cues or w.lower_ in aux_cues:
                return aux_cues.get(self._lemma(w)) or aux_cues[w.lower_]
        for w in words:
            if "Cnd" in w.morph.get("Mood"):
                return "alleged"
            if "Fut" in w.morph.get("Tense") and "Ind" in w.morph.get("Mood"):
                return "future"
        for c in tok.children:
            if self._lemma(c) in m["alleged_modifiers"]:
                return "alleged"
        return None

    def _modality(self, tok: Token, da: DocActors) -> tuple[str, list[Actor], list[Actor]]:
        m = self.lex.modality
        attributed: list[Actor] = []
        denied_by: list[Actor] = []
        found: str | None = self._own_cues(tok, da)
        gov = tok.head
        if found is None and tok.pos_ == "NOUN" and self._lemma(gov) in self.light_verbs:
            found = self._own_cues(gov, da)  # 'did not launch an attack', 'va mener des frappes'
        if found == "negated":
            return found, attributed, denied_by
        cur = tok
        for _ in range(8):
            for c in list(cur.children) + [g for s in da.syn.subjects(cur) for g in s.children]:
                if c.dep_ in da.syn.obl or c.dep_ in ("obl", "nmod"):
                    case = [g.lower_ for g in c.children if g.dep_ == "case"]
                    if (
                        case
                        and case[0] in m["according_to"]
                        and c.lower_ not in ("lequel", "laquelle", "lesquels", "lesquelles")
                    ):
                        attributed = attributed or da.actors(c)
                        found = found or "alleged"
                elif c.lower_ in m["according_to"]:  # English: 'according' → 'to' → object
                    sources = [g for g in c.subtree if g.dep_ in da.syn.pobj]
                    if sources:
                        attributed = attributed or da.actors(sources[0])
                        found = found or "alleged"
            h = cur.head
            if h.i == cur.i or (cur.dep_ in da.syn.conj and da.syn.subjects(cur)):
                break  # a coordinated clause with its own subject stands on its own
            lemma = self._lemma(h)
            if lemma in m["claim_nouns"] and cur.dep_ in da.syn.relcl | {"acl", "nmod"}:
                owner = [
                    a
                    for c in h.children
                    if c.dep_ in ("amod", "nmod")
                    for a in (da.actors(c) if c.dep_ == "nmod" else [da.actor(c)])
                    if a is not None and a.country
                ]
                attributed = attributed or owner
                found = found or "alleged"
            elif lemma in m["denial_heads"]:
                denied_by = self._subject_actors(h, da)
                return "denied", attributed, denied_by
            elif lemma in m["alleging_heads"] and cur.dep_ in ("xcomp", "acl", "ccomp", "obl"):
                if lemma in m.get("accusing_heads", ()):
                    attributed = attributed or self._subject_actors(h, da)
                    found = found or "alleged"
            elif lemma in m.get("negating_heads", ()) and cur.dep_ in ("xcomp", "acl", "obl:arg"):
                found = found or "negated"
            elif lemma in m["future_heads"] and cur.dep_ not in ("nsubj", "conj"):
                found = found or "future"
            elif lemma in m["hypothetical_heads"] and cur.dep_ not in ("nsubj", "conj"):
                found = found or "hypothetical"
            cur = h
        return found or "asserted", attributed, denied_by

    # -- date and place -----------------------------------------------------------------

    def _governor(self, tok: Token) -> Token:
        t = tok
        for _ in range(6):
            if t.pos_ in ("VERB",) or t.head.i == t.i:
                return t
            t = t.head
        return t

    def _date(self, tok: Token, times: list[TimeExpr], da: DocActors) -> DateSpan | None:
        targets = {tok.i, self._governor(tok).i}
        for t in times:
            rel = t.start - da.offset
            toks = offsets.starting_in(tok.doc, rel, t.end - da.offset)
            if not toks or toks[0].sent != tok.sent:
                continue
            if self._dates_a_noun(tok, toks):
                continue  # 'les élections du 8 septembre': it dates the elections, not the act
            gov = {self._governor(x).i for x in toks} | {x.head.i for x in toks}
            if gov & targets:
                return DateSpan(t.value_start, t.value_end, t.precision, t.text)
        if self.published is None:
            return None
        p = self.published
        return DateSpan(p.first_day().isoformat(), p.last_day().isoformat(), p.precision, None)

    def _dates_a_noun(self, trigger: Token, toks: Span) -> bool:
        """A time expression joined to another noun by 'de' ('les élections du 8
        septembre') dates that noun. A bare weekday the parser hangs on a noun ('par les
        États-Unis mardi') still dates the act."""
        inside = {x.i for x in toks}
        outer = [x.head for x in toks if x.head.i not in inside]
        if not any(h.pos_ in ("NOUN", "PROPN") and h.i != trigger.i for h in outer):
            return False
        words = list(toks) + [c for x in toks for c in x.children if c.i not in inside]
        return any(w.lower_ in self.noun_date_preps for w in words)

    def _place(
        self, tok: Token, da: DocActors, arguments: list[Actor], event_type: str
    ) -> Place | None:
        ids = argument_token_ids(tok.doc, da.offset, arguments)
        return sentence_place(tok, da, ids, self.gazetteer, event_type)

    # -- paragraph ----------------------------------------------------------------------

    def paragraph(self, doc: Doc, da: DocActors, times: list[TimeExpr]) -> list[Mention]:
        found: list[Mention] = []
        matched: dict[int, dict[str, Any]] = {}
        for tok in doc:
            e = self.match(tok, da)
            if e is not None:
                matched[tok.i] = e
        for i, e in matched.items():
            tok = doc[i]
            if e.get("embeds") and any(
                self._lemma(c) in self.not_events for c in tok.children if c.dep_ in da.syn.comp
            ):
                continue  # 'promet d'être la plus regardée': a forecast, not a promise
            if e.get("embeds") and any(
                t.i in matched for c in tok.children if c.dep_ in da.syn.comp for t in c.subtree
            ):
                continue  # 'promettent de renforcer leur coopération': the embedded act counts
            if e.get("need_person_object") and not self._person_object(tok, da):
                continue  # 'interpelle la France': a challenge, not an arrest
            topic = e.get("nominal") and self._under_trigger(tok, matched)
            actor, recipient = self._arguments(tok, e, da)
            if not recipient and e.get("self_target"):
                recipient = self._own_population(actor)
            if topic and not self._explicit_actor(tok, e, da):
                continue  # the topic of a talk, a deal or a refusal is not itself an event
            if not actor and e.get("symmetric") and recipient:
                continue
            if not actor:
                continue
            if e.get("need_recipient") and not recipient:
                continue
            if e.get("symmetric") and len(actor) == 1 and not recipient:
                continue
            if len(actor) + len(recipient) >= 2 and e.get("symmetric"):
                self.pairs.append(actor + recipient)
            elif len(actor) >= 2:
                self.pairs.append(actor)
            modality, attributed, denied_by = self._modality(tok, da)
            if len(denied_by) >= 2:
                self.pairs.append(denied_by)
            span = self._date(tok, times, da)
            if modality == "asserted" and span is not None and self.published is not None:
                years = int(self.lex.modality.get("historical_years", 1))
                limit = self.published.first_day() - timedelta(days=365 * years)
                if date.fromisoformat(span.end) < limit:
                    modality = "historical"
            mention = Mention(
                e,
                tok,
                actor,
                recipient,
                modality,
                attributed,
                denied_by,
                span,
                self._place(tok, da, place_arguments(e, actor, recipient), e["type"]),
            )
            mention.infer = (
                not recipient
                and not e.get("nominal")
                and e["type"] in self.infer_types
                and not self._slot_filled(tok, e, da)
            )
            found.append(
                mention
            )  # 'Moscou et Pyongyang ont démenti' also names the pair for what follows
        # 'une grève pour dénoncer les violences': when the protest is coded, what it
        # denounces or demands is its motive, not an event of its own
        coded = {m.token.i for m in found}
        return [m for m in found if self._protest_head(m.token, matched, da) not in coded]

    def _slot_filled(self, tok: Token, e: dict[str, Any], da: DocActors) -> bool:
        """Does the sentence say who the act is aimed at, even if not as a country?
        ('imposé des sanctions à trois entités': yes; 'a menacé de riposter': no)."""
        spec = set(e.get("recipient", []))
        objects = da.syn.objects(tok)
        for t in [tok] + objects:
            if any(p in spec for p, _ in self._prep_children(t, da)):
                return True
        # an object naming someone, or a pronoun standing for them, fills the slot; a clause,
        # a thing ('a rejeté une offre') or nothing leaves the target to the article's frame
        return any(o.pos_ == "PRON" or da.actorish(o) for o in objects)

    def _person_object(self, tok: Token, da: DocActors) -> bool:
        """Does the verb act on people: a person, a group with a sector ('des manifestants'),
        or a noun for people ('onze suspects')? Passive subjects count as objects."""
        for o in da.syn.objects(tok) + da.syn.passive_subjects(tok):
            if self._lemma(o) in self.person_nouns:
                return True
            a = da.actor(o, loose=True)
            if a is not None and (a.kind == "person" or (a.kind == "group" and a.sector)):
                return True
        return False

    def _protest_head(
        self, tok: Token, matched: dict[int, dict[str, Any]], da: DocActors
    ) -> int | None:
        """The protest trigger whose purpose clause `tok` heads ('manifester pour réclamer
        Y'), or None."""
        if tok.dep_ not in da.syn.advcl | da.syn.xcomp | {"acl"}:
            return None
        if not any(c.lower_ in self.purpose_marks for c in tok.children):
            return None
        head = matched.get(tok.head.i)
        return tok.head.i if head is not None and head["type"] in self.absorbing_types else None

    def _own_population(self, actor: list[Actor]) -> list[Actor]:
        """A ban or curfew naming no target applies to the state's own people."""
        return [
            Actor(text=a.country, country=a.country, sector="CVL", kind="inferred")
            for a in actor
            if a.country and len(a.country) == 3
        ][:1]  # the country's people (CVL), not the person or body who bans

    def _under_trigger(self, tok: Token, matched: dict[int, dict[str, Any]]) -> bool:
        t = tok
        for _ in range(3):
            if t.head.i == t.i:
                return False
            t = t.head
            if t.i in matched:
                return not matched[t.i].get("embeds")
            if t.pos_ == "VERB" and self._lemma(t) not in self.light_verbs:
                return False
        return False

    def _explicit_actor(self, tok: Token, e: dict[str, Any], da: DocActors) -> bool:
        preps = [p for p in e.get("actor", []) if p not in ("amod", "poss")]
        if self._prep_actors(tok, preps, da):
            return True
        return any(
            c.dep_ == "amod" and (m := da.by_token.get(c.i)) is not None and m.kind == "adjective"
            for c in tok.children
        )

    def to_event(self, m: Mention, paragraph: int, offset: int, text: str | None = None) -> Event:
        """The record for a mention; `text` is the paragraph's (spaCy rebuilds Doc.text)."""
        e = m.entry
        tok = m.token
        sentence = sentence_at(tok.doc.text if text is None else text, tok.idx)
        typ = self.lex.scores.get(e["type"], {})
        score = typ.get("modes", {}).get(e.get("mode"), typ.get("score"))
        trig = tok.doc[tok.i : tok.i + 1]
        aux = [c for c in tok.children if c.dep_.startswith("aux") and c.i < tok.i]
        if aux:
            trig = tok.doc[min(a.i for a in aux) : tok.i + 1]
        start, end = offset + trig.start_char, offset + trig.end_char
        ev = Event(
            id="",
            event=e["type"],
            mode=e.get("mode"),
            context=list(e.get("context", [])),
            actor=m.actor,
            recipient=m.recipient,
            modality=m.modality,
            attributed_to=m.attributed_to,
            denied_by=m.denied_by,
            date=m.date,
            location=m.place,
            cameo=e.get("cameo"),
            score=score,
            text=sentence,
            trigger={"text": trig.text, "start": start, "end": end},
            rule=e["id"],
            evidence=[Evidence(sentence, trig.text, start, end, e["id"], paragraph)],
        )
        ev.id = event_id(self.article_id, ev)
        if m.infer:
            self.to_infer.append(ev)
        return ev

    def _home_government(self, ev: Event, first: dict[str, Actor]) -> Actor | None:
        """'L'opposition dénonce le rejet des candidatures': a home challenger's untargeted
        protest or demand is aimed at its own government."""
        own = {a.country for a in ev.actor}
        if self.home is None or own != {self.home}:
            return None
        if not all(a.sector in self.challengers for a in ev.actor):
            return None
        return _inferred(self.home, first.get(self.home), "GOV")

    def _counterpart(
        self, ev: Event, counts: dict[str, int], first: dict[str, Actor]
    ) -> Actor | None:
        """The country named most often after the actor's own, when it clearly is one."""
        own = {a.country for a in ev.actor}
        ranked = sorted(((n, c) for c, n in counts.items() if c not in own), reverse=True)
        own_count = max((counts.get(c, 0) for c in own), default=0)
        if (
            not ranked
            or ranked[0][0] < 2
            or (len(ranked) > 1 and ranked[1][0] == ranked[0][0])
            or ranked[0][0] * 3 < own_count  # a domestic story: no foreign counterpart
        ):
            return None
        src = first[ranked[0][1]]
        return _inferred(ranked[0][1], src, src.sector)

    def infer_recipients(self, events: list[Event], entities: list[Actor]) -> None:
        """Give recipient-less directed acts the article's main counterpart.

        'Pyongyang a menacé de renforcer sa présence militaire' threatens South Korea: news
        leaves the target to the article's frame. The counterpart is the country named most
        often after the actor's own, if it is named at least twice and more than any other.
        """
        counts: dict[str, int] = {}
        first: dict[str, Actor] = {}
        for a in entities:
            if a.country and len(a.country) == 3 and a.country not in ("UNO", "EUR", "IGO", "NGO"):
                counts[a.country] = counts.get(a.country, 0) + 1
                first.setdefault(a.country, a)
        keep = {id(ev) for ev in events}
        for ev in self.to_infer:
            if id(ev) not in keep:
                continue
            target = self._home_government(ev, first) or self._counterpart(ev, counts, first)
            if target is not None:
                ev.recipient = [target]
                ev.id = event_id(self.article_id, ev)
        self.to_infer = []


def _inferred(country: str, named: Actor | None, sector: str | None) -> Actor:
    """A recipient taken from the article's frame, named as the article names `country`."""
    return Actor(
        text=named.text if named else country,
        name=named.name if named else None,
        country=country,
        sector=sector,
        wikidata=named.wikidata if named else None,
        kind="inferred",
    )


def _dedupe(actors: list[Actor]) -> list[Actor]:
    out: list[Actor] = []
    for a in actors:
        if a.country and all(a.country != b.country or a.sector != b.sector for b in out):
            out.append(a)
    return out


def event_key(ev: Event) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    return (
        ev.event,
        tuple(sorted({a.country or "" for a in ev.actor})),
        tuple(sorted({a.country or "" for a in ev.recipient})),
    )


def event_id(article_id: str, ev: Event) -> str:
    t, a, r = event_key(ev)
    raw = f"{article_id}|{t}|{','.join(a)}|{','.join(r)}"
    return hashlib.sha1(raw.encode()).hexdigest()[:16]


MODALITY_REFINES = {("alleged", "denied"), ("asserted", "denied")}


SYMMETRIC_TYPES = {"CONSULT", "COOPERATE", "AGREE"}


def split_compound(ev: Event, article_id: str) -> list[Event]:
    """One record per acting country for one-sided acts ('Moscou et Pyongyang ont démenti').

    Gold readings and event-data users count a joint denial as one act by each country;
    consultations and cooperation keep both sides in one record.
    """
    countries = []
    for a in ev.actor:
        if a.country not in countries:
            countries.append(a.country)
    if ev.event in SYMMETRIC_TYPES or len(countries) < 2:
        return [ev]
    out = []
    for c in countries:
        part = dataclasses.replace(ev, actor=[a for a in ev.actor if a.country == c])
        part.evidence = list(ev.evidence)
        part.id = event_id(article_id, part)
        out.append(part)
    return out


def merge_events(events: list[Event], article_id: str = "") -> list[Event]:
    """One record per distinct event: mentions with the same type and sides fold together.

    The first mention sets the record; a later denial of an alleged act refines it, and a
    more precise date inside the first one's interval replaces it. A mention without a
    recipient folds into a same-type, same-actor mention of the same sentence that has one.
    """
    split = [part for ev in events for part in split_compound(ev, article_id)]
    with_rec = {(ev.event, event_key(ev)[1], ev.text): ev for ev in split if ev.recipient}
    out: dict[tuple[str, tuple[str, ...], tuple[str, ...]], Event] = {}
    for ev in split:
        if not ev.recipient:
            twin = with_rec.get((ev.event, event_key(ev)[1], ev.text))
            if twin is not None and twin is not ev:
                twin.evidence.extend(x for x in ev.evidence if x not in twin.evidence)
                continue
        key = event_key(ev)
        first = out.get(key)
        if first is None:
            out[key] = ev
            continue
        first.evidence.extend(x for x in ev.evidence if x not in first.evidence)
        if (first.modality, ev.modality) in MODALITY_REFINES:
            first.modality = ev.modality
            first.denied_by = first.denied_by or ev.denied_by
        first.attributed_to = first.attributed_to or ev.attributed_to
        first.location = first.location or ev.location
        if (
            first.date is not None
            and ev.date is not None
            and ev.date.text
            and not first.date.text
            and first.date.start <= ev.date.start
            and ev.date.end <= first.date.end
        ):
            first.date = ev.date
    return list(out.values())
