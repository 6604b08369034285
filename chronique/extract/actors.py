"""Resolve mentions of political actors to country, sector, canonical name and Wikidata id.

All knowledge comes from the lexicons (countries and their names, adjectives, capitals and
seats of power; organisations; role nouns; named people with term dates). The code only finds
lexicon phrases in a parsed paragraph and decides which of them describes a noun phrase.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache, lru_cache
from typing import Any

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token

from chronique import lexicons
from chronique.extract.countrynames import iso_names
from chronique.extract.places import get_gazetteer
from chronique.extract.syntax import Syntax, syntax_for
from chronique.model import Actor
from chronique.nlp import get_nlp

ELECT_DAYS = 400  # how long before taking office a holder is 'le futur président'
PARTY_SECTORS = frozenset({"PTY"})  # a party member is of the party's country
PARTY_OFFICE = "party_leader"  # a party's head: a politician still, not one in public office
BODY_HEADS = frozenset({"head", PARTY_OFFICE})  # people.json roles that only head a `body`


@dataclass(frozen=True)
class Pronoun:
    base: str  # 'elle' for '-t-elle'
    number: str  # sg or pl
    gender: str | None  # f, m or None
    latest: bool = False  # a demonstrative ('ce dernier'): the last one named, not the topic


def _across_colon(head: Token, child: Token) -> bool:
    """Whether a colon stands between a word and its dependent's words."""
    lo, hi = (head.i, child.left_edge.i) if child.i > head.i else (child.right_edge.i, head.i)
    return any(t.text == ":" for t in head.doc[lo + 1 : hi])


class Pronouns:
    """A language's words that refer back to actors (`lexicons/<lang>/pronouns.json`)."""

    def __init__(self, lang: str) -> None:
        lex = lexicons.load("pronouns", lang)
        self.subject = {
            k: Pronoun(k, v["number"], v.get("gender")) for k, v in lex["subject"].items()
        }
        self.prefixes = tuple(lex.get("clitic_prefixes", []))
        self.euphonic = frozenset(lex.get("euphonic", []))
        self.relative = frozenset(lex.get("relative", []))
        self.reflexive = frozenset(lex.get("reflexive", []))
        self.titles: dict[str, str | None] = lex.get("titles", {})  # None: 'Me', 'Dr'
        self.determiners: dict[str, str] = lex.get("determiners", {})
        self.definite = frozenset(lex.get("definite", []))
        self.person_nouns = frozenset(fold(w) for w in lex.get("person_nouns", []))
        self.author_nouns = frozenset(fold(w) for w in lex.get("author_nouns", []))
        self.institution_nouns: dict[str, str | None] = {
            fold(k): v for k, v in lex.get("institution_nouns", {}).items()
        }
        self.interrogative = frozenset(lex.get("interrogative", []))
        self.plural_possessives = frozenset(lex.get("plural_possessives", []))
        self.first_person = frozenset(lex.get("first_person", {}))
        self.object_before_verb = bool(lex.get("object_before_verb", False))
        self.object = {
            k: Pronoun(k, v["number"], v.get("gender")) for k, v in lex.get("object", {}).items()
        }
        self.demonstrative = {
            k: Pronoun(k, v["number"], v.get("gender"), latest=True)
            for k, v in lex.get("demonstrative", {}).items()
        }
        self._demonstrative_words = max((len(k.split()) + k.count("-") * 2 for k in
                                         self.demonstrative), default=0)  # fmt: skip

    def lookup(self, text: str) -> Pronoun | None:
        """The subject pronoun a token spells, with the clitic marks of inversion removed."""
        low = text.lower()
        for prefix in self.prefixes:
            if low.startswith(prefix):
                low = low[len(prefix) :]
                break
        return self.subject.get(low)

    def inverted(self, tok: Token) -> Pronoun | None:
        """The subject pronoun a token spells with the hyphen of inversion ('-elle' in
        'prévient-elle', '-il' after '-t'): set after its verb, it is that verb's subject."""
        low = tok.lower_
        if not any(p and low.startswith(p) for p in self.prefixes):
            return None
        return self.lookup(tok.text)

    def object_clitic(self, tok: Token) -> bool:
        """An object pronoun of a language that sets it before its verb ('lui a dit', 'il
        leur demande')."""
        return self.object_before_verb and tok.lower_ in self.object

    def at(self, tok: Token) -> Pronoun | None:
        """The subject pronoun `tok` stands for; a euphonic '-t' the parser took for the
        subject stands for the pronoun right after it ('a -t -elle déclaré')."""
        if tok.lower_ in self.euphonic and tok.i + 1 < len(tok.doc):
            return self.lookup(tok.doc[tok.i + 1].text)
        return self.lookup(tok.text) or self.demonstrative_at(tok)

    def demonstrative_at(self, tok: Token) -> Pronoun | None:
        """The demonstrative ('ce dernier', 'celle-ci', which the tokenizer splits in three)
        that `tok` begins or ends."""
        if not self.demonstrative or not tok.is_alpha:
            return None
        doc = tok.doc
        n = self._demonstrative_words
        spans = [doc[tok.i : tok.i + k] for k in range(2, n + 1) if tok.i + k <= len(doc)]
        spans += [doc[tok.i - k + 1 : tok.i + 1] for k in range(2, n + 1) if tok.i - k + 1 >= 0]
        return next(
            (p for sp in spans if (p := self.demonstrative.get(sp.text.lower())) is not None),
            None,
        )


@cache
def get_pronouns(lang: str) -> Pronouns:
    return Pronouns(lang)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case and strip accents: lexicon matching must survive 'Etats-Unis'. Cached: the
    same words are folded again and again."""
    nfkd = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    return "".join(c for c in nfkd if not unicodedata.combining(c))


@dataclass
class Mention:
    start: int  # token index in the Doc
    end: int
    kind: str  # country, capital, seat, adjective, org, person, per, role
    data: dict[str, Any]

    @property
    def country(self) -> str | None:
        return self.data.get("country") or self.data.get("code")


@dataclass
class Office:
    role: str
    country: str
    start: date | None
    end: date | None
    body: str | None = None  # the organisation headed ('Rassemblement national'), by its name


@dataclass
class Person:
    name: str
    country: str | None
    sector: str | None
    wikidata: str | None
    offices: list[Office] = field(default_factory=list)
    gender: str | None = None  # f or m: which pronouns may refer to the person
    # folded person nouns the press calls them by ('le magnat de l'immobilier' → 'magnat'),
    # so that such a description refers back to them when they are named before
    epithets: frozenset[str] = frozenset()


def _d(value: str | None) -> date | None:
    if not value:
        return None
    parts = [int(x) for x in value.split("-")]
    while len(parts) < 3:
        parts.append(1)
    return date(*parts)


class ActorLexicon:
    """The actor lexicons of one language compiled into a spaCy PhraseMatcher."""

    def __init__(self, lang: str):
        self.lang = lang
        nlp = get_nlp(lang)
        self.matcher = PhraseMatcher(nlp.vocab, attr="NORM")
        self.entries: dict[str, tuple[str, dict[str, Any]]] = {}
        self.roles: dict[str, dict[str, Any]] = {}
        self.people: list[Person] = []
        self._make = nlp.make_doc
        self._patterns: dict[str, list[Doc]] = {}
        self.proper: set[str] = set()  # keys whose lexicon form is capitalised
        self.lower: set[str] = set()  # keys the lexicon also spells in lower case
        self._spellings: dict[str, set[str]] = {}

        countries = lexicons.load("countries", lang)
        for c in countries["countries"]:
            base = {"country": c["code"], "name": c.get("name"), "wikidata": c.get("wikidata")}
            for kind, key in (
                ("country", "names"),
                ("capital", "capitals"),
                ("seat", "seats"),
                ("adjective", "adjectives"),
            ):
                for alias in c.get(key, []):
                    self._add(kind, alias, base | {"sector": "GOV"})
        # names whose country depends on the article: 'le Nord' in a Korean story, 'Bruxelles'
        # for the EU where the EU is in focus, 'républicain' in an American story
        self.contextual: dict[str, dict[str, Any]] = {}
        for entry in countries.get("contextual", []):
            self.contextual[fold(entry["text"])] = entry
        known = {c["code"]: c for c in countries["countries"]}
        for code, name, names in iso_names(lang, frozenset(countries.get("iso_skip", []))):
            # the hand lexicon wins (added first); ISO fills in every other form and place
            c = known.get(code, {})
            base = {"country": code, "name": c.get("name") or name, "wikidata": c.get("wikidata")}
            for alias in names:
                self._add("country", alias, base | {"sector": "GOV"})
        groups = lexicons.load("groups", lang)
        # 'du Figaro', 'des Républicains': the article a name begins with, fused with 'de'
        self.fused: dict[str, frozenset[str]] = {}
        for fused, article in groups.get("article_contractions", {}).items():
            self.fused[article] = self.fused.get(article, frozenset()) | {fused}
        for o in lexicons.load("organizations", lang)["organizations"]:
            data = {
                "country": o.get("country") or o.get("code"),
                "sector": o.get("sector"),
                "name": o.get("name"),
                "wikidata": o.get("wikidata"),
            }
            for alias in o.get("aliases", []) + [o.get("name", "")]:
                if alias:
                    self._add("org", alias, data)
                    self._add_fused("org", alias, data)
        self.place_nouns = set(groups.get("place_nouns", []))
        self.genitive = frozenset(groups.get("genitive", []))
        self.former = frozenset(groups.get("former_markers", []))
        self.elect = frozenset(groups.get("elect_markers", []))
        self.origin_nouns = frozenset(groups.get("origin_nouns", []))
        self.topic_nouns = frozenset(groups.get("topic_nouns", []))
        self.partitive = frozenset(groups.get("partitive_heads", []))
        self.circle = frozenset(groups.get("circle_nouns", []))
        self.followers = frozenset(groups.get("follower_nouns", []))
        self.kin = frozenset(groups.get("kin_nouns", []))
        self.movements = frozenset(groups.get("movement_sectors", []))
        reporting = lexicons.load("reporting", lang)
        self.according_to = set(reporting.get("according_to", []))
        self.complementizers = set(reporting.get("complementizers", []))
        self.reporting_verbs = {fold(v) for v in reporting.get("verbs", []) if " " not in v}
        roles = lexicons.load("roles", lang)
        self.bodies = frozenset(fold(b) for b in roles.get("bodies", []))
        self.heads = frozenset(fold(h) for h in roles.get("heads", []))
        self.state_nouns = tuple(fold(n) for n in roles.get("state_office_nouns", []))
        self.jurisdictions = frozenset(fold(n) for n in roles.get("jurisdiction_nouns", []))
        for r in roles["roles"]:
            self.roles[fold(r["text"])] = r
            self._add("role", r["text"], dict(r))
        # the hand-compiled people first: their entries (with offices) win on a shared alias
        for p in lexicons.load("people")["people"] + lexicons.load("legislators")["people"]:
            person = Person(
                p["name"],
                p.get("country"),
                p.get("sector"),
                p.get("wikidata"),
                [
                    Office(
                        o["role"],
                        o["country"],
                        _d(o.get("start")),
                        _d(o.get("end")),
                        o.get("body"),
                    )
                    for o in p.get("offices", [])
                ],
                p.get("gender"),
                frozenset(fold(e) for e in p.get("epithets", [])),
            )
            self.people.append(person)
            for alias in set(p.get("aliases", [])) | {p["name"]}:
                self._add("person", alias, {"person": person})
        spelled = {
            key.split("|", 1)[1] for key in self.entries if not key.startswith("fused|")
        }  # 'Républicains' after 'des' is the party; 'républicains' alone may be American
        for folded, entry in self.contextual.items():
            if folded not in spelled:  # 'Bruxelles' is already the capital, 'Nord' is not
                self._add("contextual", entry["text"], dict(entry))
        for key, docs in self._patterns.items():
            self.matcher.add(key, docs)
        self._patterns = {}
        self._spellings = {}

    def _add(self, kind: str, alias: str, data: dict[str, Any]) -> None:
        alias = alias.strip()
        if not alias:
            return
        key = f"{kind}|{fold(alias)}"
        # first entry wins (lexicon order expresses priority), but every spelling of it
        # ('François', 'Francois') must still match
        self.entries.setdefault(key, (kind, data))
        if alias[:1].isupper():
            self.proper.add(key)
        elif alias[:1].islower():
            self.lower.add(key)  # also spelt in lower case ('parlement européen'): either goes
        seen = self._spellings.setdefault(key, set())
        for v in {alias, alias.lower(), fold(alias)} - seen:
            seen.add(v)
            self._patterns.setdefault(key, []).append(self._make(v))

    def _add_fused(self, kind: str, alias: str, data: dict[str, Any]) -> None:
        """'Le Figaro' is also 'Figaro' right after 'du' ('selon les informations du
        Figaro'), and only there."""
        first, _, rest = alias.partition(" ")
        after = self.fused.get(first.lower())
        if after and rest:
            self._add("fused", rest, {"kind": kind, "data": data, "after": after})

    def find(self, doc: Doc) -> list[Mention]:
        """Lexicon mentions in `doc`, longest first, without overlaps."""
        found = []
        for match_id, start, end in self.matcher(doc):
            key = doc.vocab.strings[match_id]
            kind, data = self.entries[key]
            if kind == "fused":
                if start == 0 or doc[start - 1].lower_ not in data["after"]:
                    continue
                kind, data = data["kind"], data["data"]
                if not _capitalised(doc[start:end]):
                    continue
            if kind in ("country", "capital", "seat", "org", "person", "contextual") and (
                key in self.proper and key not in self.lower and not _capitalised(doc[start:end])
            ):
                continue  # 'Maison Blanche' is a seat of power, 'maison blanche' is not
            if kind == "person" and end - start > 1 and doc[start:end].text.split()[-1].islower():
                continue  # 'Le Maire' is a minister, 'Le maire Paul Roux' a mayor ('Kim Jong-un'
                # ends in a capitalised word, split by the tokenizer)
            found.append(Mention(start, end, kind, data))
        found.sort(key=lambda m: (-(m.end - m.start), m.start))
        taken: set[int] = set()
        out = []
        for m in found:
            if taken.intersection(range(m.start, m.end)):
                continue
            taken.update(range(m.start, m.end))
            out.append(m)
        for ent in doc.ents:
            if ent.label_ not in ("PER", "PERSON"):
                continue
            inside = [m for m in out if ent.start <= m.start and m.end <= ent.end]
            longer = bool(inside) and all(m.end - m.start < len(ent) for m in inside)
            people = all(m.kind == "person" for m in inside)
            place = (
                all(m.kind in ("country", "capital") for m in inside)
                and all(t.text[:1].isupper() for t in doc[ent.start : ent.end])
                and not (ent.start > 0 and doc[ent.start - 1].pos_ == "ADP")
            )  # 'Salvador Sobral' is no country; 'à Ankara Omer Celik' is a place, then a person
            whole = inside[0] if len(inside) == 1 and inside[0].end == ent.end else None
            framed = (  # 'sur Twitter Joe Biden': words before a whole name, none a first name
                people and whole is not None and whole.end - whole.start > 1
                and not any(fold(t.text) in first_names() for t in doc[ent.start : whole.start])
            )  # fmt: skip
            if longer and (people or place) and not framed:
                # 'Yoon Do-han' is not the 'Yoon' of the lexicon: a longer name is another person
                out = [m for m in out if m not in inside]
                taken.difference_update(i for m in inside for i in range(m.start, m.end))
            start = ent.start
            while start < ent.end - 1 and doc[start].lower_ in self.topic_nouns:
                start += 1  # 'l'affaire Benalla' read as a person: the name is 'Benalla'
            words = [t.text for t in doc[start : ent.end] if t.is_alpha]
            if all(w.isupper() for w in words) and any(len(w) > 3 for w in words):
                continue  # 'LA MUSIQUE CONTRE LE FANATISME': a subhead, no name ('BHL' is)
            if not taken.intersection(range(start, ent.end)):
                name = doc[start : ent.end].text
                out.append(Mention(start, ent.end, "per", {"name": name}))
                taken.update(range(start, ent.end))
        return sorted(out, key=lambda m: m.start)

    def office_holder(self, role: str, country: str, when: date | None) -> Person | None:
        """Who held `role` for `country` on `when` (the latest holder when no date)."""
        best: tuple[date, Person] | None = None
        for p in self.people:
            for o in p.offices:
                if o.role != role or o.country != country:
                    continue
                if when is not None:
                    if not _during(o, when):
                        continue
                    return p
                key = o.start or date.min
                if best is None or key > best[0]:
                    best = (key, p)
        return best[1] if best else None

    def body_holder(self, body: str, role: str | None, when: date | None) -> Person | None:
        """Who headed the organisation named `body` on `when` (people.json offices with a
        `body`): any of its offices when `role` is None (the noun says only 'the head of'),
        else that office ('le secrétaire général de l'ONU')."""
        if when is None:
            return None  # a party's head changes too often to guess without a date
        for p in self.people:
            for o in p.offices:
                if o.body == body and (role is None or o.role == role) and _during(o, when):
                    return p
        return None

    def next_holder(self, role: str, country: str, when: date | None) -> Person | None:
        """Who took `role` for `country` soonest after `when`, within `ELECT_DAYS`: 'le futur
        président américain' in January 2017 is the president-elect."""
        if when is None:
            return None
        best: tuple[date, Person] | None = None
        for p in self.people:
            for o in p.offices:
                if o.role != role or o.country != country or o.start is None:
                    continue
                if when < o.start <= when + timedelta(days=ELECT_DAYS):
                    if best is None or o.start < best[0]:
                        best = (o.start, p)
        return best[1] if best else None

    def state_office(self, role: dict[str, Any]) -> bool:
        """An office of state ('ministre de la Justice', 'chef de la diplomatie'), whose
        bearer serves a country, not a party, club or firm."""
        text = fold(role["text"])
        return any(text == n or text.startswith(n + " ") for n in self.state_nouns)

    def role_of(self, tok: Token) -> dict[str, Any] | None:
        return self.roles.get(fold(tok.text)) or self.roles.get(fold(tok.lemma_))


def role_key(role: dict[str, Any]) -> str:
    """What a role noun says of its bearer, one key for synonyms: 'le garde des Sceaux' is
    'le ministre de la Justice' (roles.json `same`)."""
    return fold(role.get("same") or role["text"])


def _cardinal(tok: Token) -> bool:
    """A number word the parser made a noun ('cents' in 'deux cents')."""
    return tok.vocab[tok.lemma_.lower()].like_num


def _identify(actor: Actor, who: Person | Actor) -> None:
    """Give a mention the identity of a known person (name, country, sector, Wikidata)."""
    actor.name, actor.country, actor.sector, actor.wikidata = (
        who.name,
        who.country,
        who.sector,
        who.wikidata,
    )


def _capitalised(span: Span) -> bool:
    """Proper-name lexicon entries must start with a capital or be an all-caps acronym; one
    that opens on an article is judged by the word after it, which the article's case does not
    change: 'selon le Parisien' names the paper, 'Le monde entier' does not."""
    if len(span) > 1 and span[0].pos_ == "DET":
        return span[1].text[:1].isupper()
    first = span[0].text
    return first[:1].isupper() or (len(span) == 1 and first.isupper())


@cache
def first_names() -> dict[str, str]:
    """Folded first name → the gender it most often gives (`lexicons/first_names.json`)."""
    data = lexicons.load("first_names")
    return {fold(n): g for g in ("f", "m") for n in data.get(g, [])}


@cache
def get_lexicon(lang: str) -> ActorLexicon:
    return ActorLexicon(lang)


class DocActors:
    """Actor resolution within one parsed paragraph, with article-level memory for pronouns."""

    def __init__(
        self,
        doc: Doc,
        lang: str,
        offset: int,
        when: date | None,
        memory: ActorMemory,
        text: str | None = None,
    ):
        self.doc = doc
        self.lang = lang
        self.offset = offset
        self.when = when
        self.memory = memory
        self.lex = get_lexicon(lang)
        self.pronouns = get_pronouns(lang)
        self.syn: Syntax = syntax_for(lang)
        self.text = doc.text if text is None else text  # spaCy rebuilds Doc.text per access
        self.mentions = self.lex.find(doc)
        self._recording = False
        self.by_token: dict[int, Mention] = {}
        for m in self.mentions:
            for i in range(m.start, m.end):
                self.by_token[i] = m

    # -- noun phrases -------------------------------------------------------------------

    def phrase(self, head: Token) -> list[Token]:
        """The tokens describing `head`: its subtree minus clauses and coordinated heads."""
        skip = (
            self.syn.relcl
            | self.syn.comp
            | self.syn.advcl
            | self.syn.conj
            | self.syn.punct
            | self.syn.cc
        )
        out = [head]
        stack = [head]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ in skip and not self._apposed(c):
                    continue
                if any(
                    g.dep_ in self.syn.case and g.lower_ in self.lex.according_to
                    for g in c.children
                ):
                    continue  # 'la Corée du Nord, selon Séoul, …': the source is not the actor
                if c.pos_ in ("VERB", "AUX") and c.dep_ not in self.syn.amod:
                    continue
                if t.i == head.i and c.i < head.i and c.dep_ in self.syn.case:
                    continue  # 'selon la firme X': the preposition is no part of the name
                if (
                    t.i == head.i
                    and c.dep_ in self.syn.subj
                    and any(g.dep_ in self.syn.case for g in head.children)
                ):
                    continue  # 'X était à Rabat': the copula's subject is where, not who, it is
                if _across_colon(t, c):
                    continue  # 'Italie : X hospitalisé': a headline's label, not X's title
                out.append(c)
                stack.append(c)
        name = self.by_token.get(head.i)
        if name is not None and name.kind in PERSON_KINDS and name.start == head.i:
            seen = {t.i for t in out}
            # 'Vladimir Poutine et Emmanuel Macron' with 'Macron' hung on the verb: a name
            # the parser broke apart is still the name the lexicon or the NER found
            out += [t for t in head.doc[name.start : name.end] if t.i not in seen]
        return sorted(out, key=lambda t: t.i)

    def _apposed(self, tok: Token) -> bool:
        """A comma-separated name after a title is an apposition even when parsed as conj."""
        if tok.dep_ in self.syn.appos:
            return True
        if tok.dep_ not in self.syn.conj:
            return False
        if any(c.dep_ in self.syn.cc for c in tok.children):
            return False
        prev = tok.doc[tok.i - 1] if tok.i > 0 else None
        return bool(
            prev is not None
            and prev.text == ","
            and self.by_token.get(tok.i)
            and self.by_token[tok.i].kind in PERSON_KINDS
        )

    def heads(self, tok: Token) -> list[Token]:
        """Coordinated heads of an argument ('Moscou et Pyongyang' → two actors)."""
        return [t for t in self.syn.conjuncts(tok) if t.i == tok.i or not self._apposed(t)]

    def actors(self, tok: Token) -> list[Actor]:
        out = []
        for h in self.heads(tok):
            a = self.actor(h)
            if a is not None and a.country and all(a.key() != b.key() for b in out):
                out.append(a)
        return out

    def actor(self, head: Token, loose: bool = False) -> Actor | None:
        """The actor a noun phrase headed by `head` refers to, or None.

        With `loose`, a phrase naming no country ('les analystes') still gives an actor
        with its text and sector: a speaker need not be a state.
        """
        low = head.text.lower()
        pronoun = self.pronouns.at(head)
        if pronoun is not None and pronoun.latest:
            return self.memory.resolve_latest(pronoun, self.offset + head.idx)
        if pronoun is not None:
            sent_start = self.offset + head.sent.start_char
            return self.memory.resolve_pronoun(
                pronoun.base,
                self.offset + head.idx,
                sent_start,
                pronoun.gender,
                plural=pronoun.number == "pl",
            )
        if low in self.pronouns.relative and head.head.dep_ in self.syn.relcl:
            return self.actor(head.head.head, loose)
        labelled = self._labelled(head)
        if labelled is not None:
            return self.actor(labelled, loose)
        inner = self.partitive_of(head)
        if inner is not None:
            return self.actor(inner, loose)
        toks = self.phrase(head)
        circle = self._circle(head, toks)
        if circle is not None:
            return circle
        return self._from_tokens(toks, head, loose)

    def _labelled(self, head: Token) -> Token | None:
        """'Affaire X : la France expulse …', 'Brexit : Marine Le Pen se défend': a
        headline's label parsed as the subject, with who acts hung on it after the colon."""
        return next(
            (
                c
                for c in head.children
                if c.i > head.i
                and c.dep_ in self.syn.nmod | self.syn.appos
                and _across_colon(head, c)
                and self.actorish(c)
            ),
            None,
        )

    def words_actor(self, toks: list[Token]) -> Actor | None:
        """The actor a run of words names on its own, whatever the parser hung on it: the
        sides of a verb it misread as a noun ('La Pologne presse la Biélorussie de …' parsed
        as one noun phrase). Its head is its first word the lexicons name, else its first
        noun or name."""
        head = next((t for t in toks if t.i in self.by_token), None) or next(
            (t for t in toks if t.pos_ in ("PROPN", "NOUN")), None
        )
        if head is None:
            return None
        a = self._from_tokens(toks, head)
        return a if a is not None and a.country else None

    def _span_actor(self, toks: list[Token]) -> Actor:
        """An actor bearing the words of `toks` (a phrase, in order) and their article offsets."""
        first, last = toks[0], toks[-1]
        end = last.idx + len(last.text)
        return Actor(
            text=self.text[first.idx : end], start=self.offset + first.idx, end=self.offset + end
        )

    def _circle_owner(self, head: Token) -> Token | None:
        """The owner noun of a circle noun ('le bureau *du Premier ministre*')."""
        if head.i in self.by_token or not (
            head.lemma_.lower() in self.lex.circle or self._follower(head)
        ):
            return None
        if any("Dem" in c.morph.get("PronType") for c in head.children):
            return None  # 'cette proche du maire' refers back to someone named before
        return next(
            (noun for p, noun in self.syn.prepositional(head) if p in self.lex.genitive), None
        )

    def _circle(self, head: Token, toks: list[Token]) -> Actor | None:
        """'le bureau du Premier ministre israélien', "l'entourage de Donald Trump": a circle
        around someone (groups.json circle_nouns) acts for them, with their country and
        sector, and is not them: what it says is its own, not its owner's words."""
        owner = self._circle_owner(head)
        found = self.actor(owner, loose=True) if owner is not None else None
        if found is None or not (found.country or self._follower(head)):
            return None  # 'les partisans du sénateur', of no country said, are still no senate
        actor = self._span_actor(toks)
        sector = found.sector
        if self._follower(head) and (sector not in self.lex.movements or self._kin(head)):
            sector = "CVL"  # 'les partisans du président' are not his government
        actor.country, actor.sector, actor.kind = found.country, sector, "group"
        self._remember(actor, person=False, head=head)
        return actor

    def _follower(self, head: Token) -> bool:
        """'les partisans du président', 'des sympathisants du Hezbollah' (groups.json
        follower_nouns), 'le frère de X' (kin_nouns): a following acts with its owner's
        country, as a circle does."""
        return (
            head.lemma_.lower() in self.lex.followers
            or head.lower_ in self.lex.followers
            or self._kin(head)
        )

    def _kin(self, head: Token) -> bool:
        """'le frère de X', 'la veuve de Y' (groups.json kin_nouns): a relative, a civilian
        of the relative's country."""
        return head.lemma_.lower() in self.lex.kin or head.lower_ in self.lex.kin

    def partitive_of(self, head: Token) -> Token | None:
        """'Thousands of Kurds', 'a group of hackers', 'members of the army': a quantity or
        part names no one; the noun of its genitive complement does."""
        if head.i in self.by_token or head.lemma_.lower() not in self.lex.partitive:
            return None
        for p, noun in self.syn.prepositional(head):
            if p in self.lex.genitive:
                return noun
        if not _cardinal(head):
            return None  # 'le groupe jihadiste X' is no count of jihadists
        for c in head.children:  # 'deux cents infirmières' with 'infirmières' as its adjective
            if c.dep_ in self.syn.amod and c.i > head.i and self.lex.role_of(c) is not None:
                return c
        return None

    def _counted(self, tok: Token) -> bool:
        """A people noun the parser read as the adjective of a number ('deux cents
        infirmières'): partitive_of has found it the phrase's head."""
        return (
            tok.dep_ in self.syn.amod
            and tok.head.lemma_.lower() in self.lex.partitive
            and _cardinal(tok.head)
        )

    def _titled(self, head: Token) -> Token:
        """The noun a name stands beside as its title ('le président ougandais X',
        'X, ministre turc des Affaires étrangères'): what the text says of the person."""
        if any(c.dep_ in self.syn.case for c in head.children):
            return head  # 'le maire d'Ouman': a complement of the title, not its bearer
        for t in (head.head, *[c for c in head.children if c.dep_ in self.syn.appos]):
            if t.i == head.i or t.pos_ not in ("NOUN", "PROPN"):
                continue
            linked = (
                t.head.i == head.i
                or head.dep_ in self.syn.appos | self.syn.name | self.syn.nmod | self.syn.compound
            )
            if linked and self._title_noun(t):
                return t
        return self._title_beside(head) or head

    def _title_beside(self, head: Token) -> Token | None:
        """'Le secrétaire général de l'ONU(,) X a …' parsed as two subjects, or the title as
        an adjunct: the role phrase ending right before the name (or its comma) is its title."""
        if head.i == 0 or head.head.i == head.i:
            return None
        end = head.i - 2 if head.nbor(-1).is_punct and head.i > 1 else head.i - 1
        for t in head.head.children:
            if (
                t.i < head.i
                and t.right_edge.i == end
                and t.pos_ == "NOUN"
                and self._title_noun(t)
                and not any(c.dep_ in self.syn.case | self.syn.mark for c in t.children)
            ):  # 'en tant que président, X …' says what X is, it is no title
                return t
        return None

    def _title_noun(self, tok: Token) -> bool:
        """A role noun, one word or part of a multiword role ('secrétaire général'), that
        names no one itself."""
        kind = self._kind_at(tok)
        return (self.lex.role_of(tok) is not None or kind == "role") and kind not in PERSON_KINDS

    def _kind_at(self, tok: Token) -> str | None:
        m = self.by_token.get(tok.i)
        return m.kind if m is not None else None

    def _person_at(self, tok: Token) -> bool:
        return self._kind_at(tok) in PERSON_KINDS

    def _definite(self, head: Token) -> tuple[bool, str | None]:
        """Whether `head` is a singular definite description, and the gender its article gives."""
        if "Plur" in head.morph.get("Number"):
            return False, None
        for c in head.children:
            if c.dep_ in self.syn.det:
                low = c.lower_.replace("’", "'")
                gender = self.pronouns.determiners.get(low)
                if (
                    gender is None
                    and "Fem" in head.morph.get("Gender")
                    and head.lower_ != head.lemma_.lower()
                ):
                    gender = "f"  # 'l'élue', 'l'avocate': an elided article, a feminine form
                return low in self.pronouns.definite, gender
        return False, None

    def _body_at(self, tok: Token) -> bool:
        """A known organisation named at `tok`."""
        return self._kind_at(tok) == "org"

    def actorish(self, head: Token) -> bool:
        """Can this noun name an actor? A lexicon name, a role noun, a proper noun."""
        if head.lemma_.lower() in self.lex.place_nouns:
            return False
        inner = self.partitive_of(head)
        if inner is not None:
            return self.actorish(inner)
        owner = self._circle_owner(head)
        if owner is not None and self.actorish(owner):
            return True  # 'le bureau du Premier ministre'; not 'le Bureau australien de la
            # sécurité des transports', whose nationality says who it is
        return (
            head.i in self.by_token
            or head.pos_ == "PROPN"
            or self.lex.role_of(head) is not None
            or self._unlisted_name(head) is not None
            or (
                fold(head.lemma_) in self.lex.heads
                and any(
                    p in self.lex.genitive and self._body_at(n)
                    for p, n in self.syn.prepositional(head)
                )
            )  # 'le chef du RN', 'the head of the IMF': the body's head
            or any(
                c.dep_ in self.syn.appos and (self._person_at(c) or self._body_at(c))
                for c in head.children
            )  # 'la Communauté des États … (Cédéao)': the apposed name says who
            or any(
                c.dep_ in self.syn.nmod
                and self._body_at(c)
                and not any(g.dep_ in self.syn.case for g in c.children)
                for c in head.children
            )  # 'l'organisation X' read as a modifier with no preposition: X says who
            or any(c.dep_ in self.syn.name and c.i in self.by_token for c in head.children)
            or any(
                c.dep_ in self.syn.amod | self.syn.compound | self.syn.poss
                and (m := self.by_token.get(c.i)) is not None
                and m.kind in ("adjective", "country", "capital", "seat", "org")
                for c in head.children
            )  # 'les chars israéliens', 'Israeli tanks': the nationality names the actor
        )

    def owner(self, head: Token, of: bool = True) -> list[Actor]:
        """Whose thing a noun names: 'l'initiative des États-Unis', 'les allégations
        américaines', "Russia's invasion" → that country."""
        out = []
        for c in head.children:
            m = self.by_token.get(c.i)
            if (
                c.dep_ in self.syn.amod | self.syn.compound | self.syn.acl  # parser: 'acl'
                and m is not None
                and m.kind == "adjective"
            ):
                a = self._from_tokens([c], c)
                if a is not None:
                    out.append(a)
            elif of and c.dep_ in self.syn.poss:
                out.extend(self.actors(c))
        if of:
            for p, noun in self.syn.prepositional(head):
                if p in self.lex.genitive:
                    out.extend(self.actors(noun))
        return out

    def _from_tokens(self, toks: list[Token], head: Token, loose: bool = False) -> Actor | None:
        if not self.actorish(head):
            return self._anaphor(head, toks)
        title = self._titled(head) if self._person_at(head) else head
        if title.i != head.i:
            toks = sorted({*toks, *self.phrase(title)}, key=lambda t: t.i)
        idx = {t.i for t in toks}
        ms = [m for m in self.mentions if not idx.isdisjoint(range(m.start, m.end))]
        own = self.lex.role_of(head)
        if own is not None and self._person_role(head, own):
            names = [
                m for m in ms if not self._governed(m) and not self._apposed_in_complement(m, head)
            ]  # 'le porte-parole de X', 'le conseiller du président X' is not X
        else:
            names = ms  # 'le régime de Bachar al-Assad', 'l'administration Trump': theirs
        if (at := self.by_token.get(head.i)) is not None and at.kind == "org":
            # 'a raconté à CNN Angela Moreno' parsed with the name an oblique of the outlet:
            # a body is not the person hung on it so ('le député PS X' still names X)
            oblique = self.syn.obl - self.syn.nmod
            names = [
                m
                for m in names
                if m.kind not in PERSON_KINDS
                or self.doc[m.start : m.end].root.dep_ not in oblique
            ]
        person = (
            next((m for m in ms if m.kind in PERSON_KINDS and m.start <= head.i < m.end), None)
            or next((m for m in names if m.kind == "person"), None)
            or next((m for m in names if m.kind == "per"), None)
        )  # the name the phrase is headed by or apposed to, not one in a complement
        # of a role noun ('le porte-parole de Vladimir Poutine', 'le président à Donald Trump')
        if person is None:
            person = self._unlisted_name(head)
        located = [
            p
            for m in ms
            if (p := self._place(m)) is not None
            and not self._origin(m)
            and not self._topic(m, idx)
            and not self._setting(m, idx)
        ]
        posted = [m for m in located if self._posted_at(m)]
        if posted and len(posted) < len(located):
            # 'l'ambassadeur d'Iran en France', 'représentant en France du Kurdistan syrien':
            # where someone serves is not whom they act for
            located = [m for m in located if m not in posted]
        if not located:
            # 'le porte-parole du Kremlin' is one role in the lexicon: the seat inside it says
            # whose spokesman
            located = [p for m in ms if m.kind == "role" for p in self._inner_places(m)]
        # a multi-word role around the head ('Premier ministre') says more than the head alone
        role = (
            next((m.data for m in ms if m.kind == "role" and m.start <= head.i < m.end), None)
            or self.lex.role_of(head)
            or next((m.data for m in ms if m.kind == "role"), None)
        )
        actor = self._span_actor(toks)
        if person is not None:
            actor.kind = "person"
            gender = None
            if person.kind == "person":
                _identify(actor, person.data["person"])
                gender = person.data["person"].gender
            else:
                surface = self.doc[person.start : person.end].text
                start = self._untitled(person)  # 'M. Okwiri' is the Okwiri named before
                bare = [t.text for t in self.doc[start : person.end]]
                known = self.memory.person_by_surname(" ".join(bare))
                if known is not None:
                    _identify(actor, known)
                elif start > person.start and (
                    entry := self.lex.entries.get(f"person|{fold(' '.join(bare))}")
                ):
                    # 'M. Netanyahu' with no one named before: the lexicon's person of
                    # that name, as 'Netanyahu' alone is
                    _identify(actor, entry[1]["person"])
                    gender = entry[1]["person"].gender
                else:
                    actor.name = surface
            gender = gender or self._gender_cue(person)
            if not actor.country and located:
                # the affiliation said last ("… de Chatham House", "… de Séoul") is the person's,
                # of those the title itself takes ('député italien …, à bord du navire d'une
                # ONG espagnole' is Italian)
                own = [m for m in located if title.i != person.start and self._governs(title, m)]
                actor.country = (own or located)[-1].country
            elif not actor.country and not located and (where := self._jurisdiction(toks)):
                # 'le maire de New York, X', 'la sénatrice de Californie X': the place an
                # office is of is the country it serves
                actor.country = where
            elif (
                not actor.country
                and not located
                and role is not None
                and self.lex.state_office(role)
                and not self._former(head)
            ):
                # 'le ministre de la Justice X' with no country said, in a story about Turkey:
                # a Turkish minister
                actor.country = self.memory.dominant()
            if not actor.sector:
                actor.sector = self._led_sector(role, located + ms, title) or (role or {}).get(
                    "sector"
                ) or ("GOV" if located and located[-1].kind != "org" else None)
                if located and located[-1].kind == "org" and located[-1].data.get("sector"):
                    actor.sector = actor.sector or located[-1].data["sector"]
            orgs = [m for m in located if m.kind == "org"]
            note = Note(
                roles=({role_key(role)} if role else set()) | self._person_nouns(title, person),
                affiliation=orgs[-1].data.get("name") if orgs else None,
                person=person.data["person"] if person.kind == "person" else None,
            )
            self._remember(actor, person=True, gender=gender, head=head, note=note)
            return actor
        definite, det_gender = self._definite(head)
        named = any(
            t.pos_ == "PROPN" and t.i not in self.by_token and not self._complement(t, head)
            for t in toks
        )  # a name the NER missed ('… de la MEC Chifundo Kachale'), not a place it governs
        head_of = self._body_head(head, role, located)
        if head_of is not None:
            # 'le président du MoDem': the body's head then, before anyone the text described
            return self._as_holder(actor, head_of, head)
        if role is not None and definite and not named and self._person_role(head, role):
            found = self._described(actor, head, role, located, det_gender)
            if found is not None:
                return found
        elif definite and not located and not named and self._institution_noun(head):
            body = self._institution(actor, head, role)
            if body is not None:
                return body
        elif role is None and not named and located and self._person_noun(head):
            # 'l'acteur français': the actor named before, of that country or of none known;
            # else one unnamed person of it ('un chanteur russe'), never the country itself
            # 'l'acteur' says its gender by the noun's form when the article is elided
            det_gender = det_gender or morph_gender(head)
            if definite:
                found = self._described(actor, head, None, located, det_gender, anyone=True)
                if found is not None:
                    return found
            actor.country, actor.kind = located[-1].country, "group"
            self._remember(actor, person=det_gender is not None, gender=det_gender, head=head)
            return actor
        if not located:
            # 'le porte-parole de Vladimir Poutine', 'l'ancien ministre de François Hollande'
            # act for the person's country
            whose = next(
                (
                    m.data["person"].country
                    for m in ms
                    if role is not None
                    and m.kind == "person"
                    and m.start > head.i
                    and self._genitive_of(self.doc[m.start : m.end].root, head)
                ),
                None,
            )
            if (loose or whose) and (head.pos_ in ("NOUN", "PROPN") or self._counted(head)):
                actor.sector = self._led_sector(role, ms, head) or (role or {}).get("sector")
                actor.kind = "group"
                actor.country = whose
                return actor
            return None
        main = located[0]
        if (
            role is not None
            and role.get("role")
            and main.kind in ("country", "adjective", "capital", "seat")
            and not main.start <= head.i < main.end  # 'en Égypte, le chef de l'État a …':
            # a role apposed to a country names no one of it (a parse of the next subject)
            and self._governs(head, main)
            and (not self._former(head) or self._elect(head))
        ):
            find = self.lex.next_holder if self._elect(head) else self.lex.office_holder
            holder = find(role["role"], main.country or "", self.when)
            if holder is not None:
                return self._as_holder(actor, holder, head, main.country, role.get("sector"))
        actor.country = main.country
        actor.name = main.data.get("name")
        actor.wikidata = main.data.get("wikidata")
        actor.kind = "organization" if main.kind == "org" else "country"
        if role is not None and role.get("sector"):
            actor.sector = self._led_sector(role, located + ms, head) or role["sector"]
            actor.kind = "group"
            if actor.sector == "MED":
                # a media noun's phrase names the outlet, not its country: 'le quotidien
                # allemand Bild' is Bild; 'le quotidien kényan The Standard' keeps the name
                # the lexicons miss
                outlet = next((m for m in located if m.kind == "org" and m.data.get("sector")
                               == "MED"), None)  # fmt: skip
                if outlet is not None:
                    actor.name, actor.wikidata = outlet.data["name"], outlet.data.get("wikidata")
                    actor.country = outlet.country or actor.country
                    actor.kind = "organization"
                elif named and (name := self._missed_name(toks, head)) is not None:
                    actor.name, actor.wikidata = name, None
        elif self._citizens(head, main):
            actor.sector, actor.kind = "CVL", "group"
        else:
            actor.sector = main.data.get("sector") or "GOV"
        # 'le ministre turc', 'une diplomate russe': one person, unnamed, whom 'il'/'elle'
        # may stand for ('… a critiqué X. « … », a-t-il déclaré' is the minister, not X);
        # its role kept, so that only a description of that role is later taken for it
        one = role is not None and not named and self._person_role(head, role)
        gender = det_gender if one else None
        note = Note(roles={role_key(role)}) if role is not None and gender else None
        self._remember(actor, person=gender is not None, gender=gender, head=head, note=note)
        return actor

    def _citizens(self, head: Token, main: Mention) -> bool:
        """'un Français', 'l'Allemand', 'deux Canadiens': a nationality noun counted or
        singular names people of the country, not its state ('les Russes ont bombardé …'
        may be Russia's forces)."""
        if main.kind != "adjective" or not main.start <= head.i < main.end:
            return False
        if not head.text[:1].isupper() or head.pos_ not in ("NOUN", "PROPN"):
            return False
        counted = any(c.pos_ == "NUM" for c in head.children)
        one = any(c.pos_ == "DET" and "Sing" in c.morph.get("Number") for c in head.children)
        return counted or one or "Plur" not in head.morph.get("Number")  # 'un Français'

    def _jurisdiction(self, toks: list[Token]) -> str | None:
        """The country of the place whose office a local office noun of the phrase names
        ('maire de Borja', 'préfet des Pyrénées-Atlantiques'; roles.json
        jurisdiction_nouns), from the gazetteer: a town's name is no actor mention."""
        for t in toks:
            if fold(t.lemma_) not in self.lex.jurisdictions:
                continue
            for p, noun in self.syn.prepositional(t):
                if p not in self.lex.genitive:
                    continue
                start = min(w.i for w in noun.subtree if w.dep_ not in self.syn.case | self.syn.det)
                end = start
                while end < len(self.doc) and (
                    self.doc[end].text[:1].isupper() or self.doc[end].text == "-"
                ):
                    end += 1
                if end == start:
                    continue
                place = get_gazetteer(self.lang).lookup(self.doc[start:end].text, small=True)
                if place is not None and place.country:
                    return place.country
        return None

    def _missed_name(self, toks: list[Token], head: Token) -> str | None:
        """The first run of capitalised words in the phrase no lexicon knows, outside the
        head's complements ('The Standard' in 'le quotidien kényan The Standard')."""
        run = [
            t
            for t in toks
            if t.pos_ in ("PROPN", "X")
            and t.text[:1].isupper()
            and t.i not in self.by_token
            and not self._complement(t, head)
        ]
        if not run:
            return None
        inside = {t.i for t in toks}
        end = run[0].i
        while end + 1 in inside and self.doc[end + 1].text[:1].isupper():
            end += 1  # 'Daily Nation' with 'Nation' tagged as a noun
        return self.doc[run[0].i : end + 1].text

    def _as_holder(
        self,
        actor: Actor,
        holder: Person,
        head: Token,
        country: str | None = None,
        sector: str | None = None,
    ) -> Actor:
        """The phrase names `holder` (an office's or a body's head): their identity, with the
        phrase's country and sector where the lexicon gives none, remembered as a person."""
        actor.kind = "person"
        _identify(actor, holder)
        actor.country = actor.country or country
        actor.sector = actor.sector or sector
        self._remember(
            actor, person=True, gender=holder.gender, head=head, note=Note(person=holder)
        )
        return actor

    def _led_sector(self, role: dict[str, Any] | None, mentions: list[Mention],
                    head: Token) -> str | None:  # fmt: skip
        """'le patron de la police', 'le porte-parole de Renault': a role that heads or
        speaks for a body (roles.json `leads`) has the sector of the body its complement
        names (an organisation, a seat, a group noun such as 'l'armée'), when it has one."""
        if not role or not role.get("leads"):
            return None
        for m in mentions:
            if (
                m.kind in ("org", "seat", "role")
                and m.start > head.i
                and m.data.get("sector")
                and self._genitive_of(self.doc[m.start : m.end].root, head)
            ):
                return m.data["sector"]
        return None

    def _body_head(
        self, head: Token, role: dict[str, Any] | None, located: list[Mention]
    ) -> Person | None:
        """'la présidente du Rassemblement national', 'le secrétaire général de l'ONU': a noun
        naming the head of the organisation in its 'de' complement (roles.json `heads`, or a
        role with an office of that body) is whoever held that office on the article's date."""
        if self._former(head) or self._elect(head):
            return None
        keys = {fold(head.text), fold(head.lemma_)}
        keys |= {
            fold(f"{c.text} {head.text}" if c.i < head.i else f"{head.text} {c.text}")
            for c in head.children
            if c.dep_ in self.syn.amod and abs(c.i - head.i) == 1
        }  # 'premier secrétaire', 'directeur général'
        heads = bool(keys & self.lex.heads)
        office = (role or {}).get("role")
        if not heads and not office:
            return None
        for m in located:
            if m.kind != "org" or m.start <= head.i or not m.data.get("name"):
                continue
            tok = self.doc[m.start : m.end].root
            while (
                tok.head.i != head.i
                and tok.head.i != tok.i
                and (
                    m.start <= tok.head.i < m.end
                    or (tok.head.dep_ in self.syn.prep and tok.head.head.i == head.i)
                )  # 'the head *of* the IMF': the preposition heads the body
            ):
                tok = tok.head
            if tok.head.i == head.i and self._genitive_of(tok, head):
                # the body itself is the complement: not 'le président du groupe LFI'
                return self.lex.body_holder(m.data["name"], None if heads else office, self.when)
        return None

    def _governed(self, m: Mention) -> bool:
        """A name introduced by a preposition ('de Vladimir Poutine', 'à Donald Trump'): the
        complement of a noun, not that noun's own name."""
        root = self.doc[m.start : m.end].root
        return any(c.dep_ in self.syn.case and c.i < m.start for c in root.children)

    def _apposed_in_complement(self, m: Mention, head: Token) -> bool:
        """'le conseiller du président X': a name apposed to a role or person noun in the
        head's prepositional complement is that noun's bearer."""
        tok = self.doc[m.start : m.end].root
        for _ in range(4):
            if tok.i == head.i or tok.head.i == tok.i:
                return False
            if not m.start <= tok.i < m.end and (
                any(c.dep_ in self.syn.case for c in tok.children) and self._other_person(tok)
            ):
                return True
            tok = tok.head
        return False

    def _genitive_of(self, tok: Token, head: Token) -> bool:
        """Whether `tok` is in the 'de' complement of `head` ('le patron *de la police*'),
        not in a phrase hung on it otherwise ('le directeur de campagne, *sur CNN*')."""
        while tok.head.i != head.i:
            if tok.head.i == tok.i or tok.head.i < head.i:
                return False
            tok = tok.head
        if tok.dep_ in self.syn.prep:
            return tok.lower_ in self.lex.genitive  # 'the leader *of* the army': 'of' heads it
        return any(c.dep_ in self.syn.case and c.lower_ in self.lex.genitive for c in tok.children)

    def _origin(self, m: Mention) -> bool:
        """'le député d'origine coréenne': a place that says where someone comes from,
        not whom they act for."""
        doc, origin = self.doc, self.lex.origin_nouns
        near = [doc[m.start : m.end].root.head]  # the parser may hang it on the person
        near += [doc[i] for i in (m.start - 1, m.end) if 0 <= i < len(doc)]
        return any(t.lemma_.lower() in origin or t.lower_ in origin for t in near)

    def _topic(self, m: Mention, idx: set[int]) -> bool:
        """'un ancien combattant de la guerre du Vietnam', 'l'expert de la crise syrienne': a
        place under a noun of what is dealt with (groups.json topic_nouns), within the
        phrase, is its subject matter, not whom its bearer acts for."""
        t = self.doc[m.start : m.end].root
        topics = self.lex.topic_nouns
        while t.head.i != t.i and t.head.i in idx:
            t = t.head
            if t.lemma_.lower() in topics or t.lower_ in topics:
                return True
        return False

    def _setting(self, m: Mention, idx: set[int]) -> bool:
        """'dix migrants près de la frontière italienne', 'des civils dans la région
        syrienne de X': a place under a geographic noun (groups.json place_nouns) introduced
        as a location ('à', 'dans', 'près de'), within the phrase, is where its bearer is,
        not whom they act for."""
        t = self.doc[m.start : m.end].root
        while t.head.i != t.i and t.head.i in idx:
            t = t.head
            if t.lemma_.lower() not in self.lex.place_nouns:
                continue
            for c in t.children:
                if c.dep_ not in self.syn.case:
                    continue
                if self.syn.word(c.text) in self.syn.words["locative_preps"]:
                    return True
                if c.i > 0 and self.doc[c.i - 1].pos_ == "ADV":
                    return True  # 'près de', 'loin de', wherever the adverb is hung
        return False

    def _posted_at(self, m: Mention) -> bool:
        """A place named after a locative preposition ('en France', 'à Paris')."""
        root = self.doc[m.start : m.end].root
        return any(
            c.dep_ in self.syn.case and self.syn.word(c.text) in self.syn.words["locative_preps"]
            for c in root.children
        )

    def _complement(self, tok: Token, head: Token) -> bool:
        """Whether `tok` sits in a prepositional complement of `head` ('le député des
        Bouches-du-Rhône'), rather than naming the head's bearer."""
        t = tok
        while t.i != head.i and t.head.i != t.i:
            if any(c.dep_ in self.syn.case for c in t.children):
                return True
            t = t.head
        return False

    def _unlisted_name(self, head: Token) -> Mention | None:
        """A proper name set beside a noun that the NER missed ('la médecin Irina Salova');
        never beside a place or body the lexicon knows ('Ukraine-Pologne', a match)."""
        if self._kind_at(head) is not None and not self.lex.role_of(head):
            return None
        for c in head.children:
            if c.dep_ in self.syn.appos and c.pos_ == "PROPN" and c.i not in self.by_token:
                toks = [c] + [g for g in c.children if g.dep_ in self.syn.name]
                start, end = min(t.i for t in toks), max(t.i for t in toks) + 1
                words = self.doc[start:end]
                if all(t.pos_ == "PROPN" and any(ch.isalpha() for ch in t.text) for t in words):
                    return Mention(start, end, "per", {"name": self.doc[start:end].text})
        return None

    def _governs(self, head: Token, m: Mention) -> bool:
        """Whether a place names the role's own country ('le président français', 'le
        président de la France'), not that of a body the role belongs to ('le président de
        l'Association des maires de France')."""
        span = self.by_token.get(head.i)
        role_toks = set(range(span.start, span.end)) if span and span.kind == "role" else set()
        role_toks.add(head.i)
        root = self.doc[m.start : m.end].root
        return root.head.i in role_toks or root.i in role_toks

    def _of_body(self, head: Token) -> bool:
        """'le président de l'Association …': the head of a body, not of a state."""
        span = self.by_token.get(head.i)
        inside = set(range(span.start, span.end)) if span and span.kind == "role" else {head.i}
        for p, noun in self.syn.prepositional(head):
            if p in self.lex.genitive and noun.i not in inside:
                m = self.by_token.get(noun.i)
                if m is None or m.kind not in ("country", "capital", "seat", "adjective"):
                    return True
        return False

    def _former(self, head: Token) -> bool:
        """'l'ancien président': a former holder, not the one at the article date."""
        return any(c.lower_ in self.lex.former for c in head.children)

    def _elect(self, head: Token) -> bool:
        """'le futur président', 'le président élu': the next holder, already chosen."""
        return any(c.lower_ in self.lex.elect for c in head.children)

    def _inner_places(self, m: Mention) -> list[Mention]:
        """The country, capital or seat a multi-word role names inside it ('porte-parole du
        *Kremlin*', 'chef du *Pentagone*')."""
        for i in range(m.start + 1, m.end):
            if not self.doc[i].text[:1].isupper():
                continue
            for j in range(m.end, i, -1):  # the longest name first
                folded = fold(self.doc[i:j].text)
                for kind in ("seat", "capital", "country"):
                    entry = self.lex.entries.get(f"{kind}|{folded}")
                    if entry is not None:
                        return [Mention(i, j, kind, entry[1])]
        return []

    def _place(self, m: Mention) -> Mention | None:
        """The country-bearing reading of a mention, where the article decides it: 'le Nord'
        is North Korea once a Korea has been named, 'Bruxelles' the EU once the EU has been
        named more than Belgium, 'républicain' American in a story about the United States."""
        entry = self.lex.contextual.get(fold(self.doc[m.start : m.end].text))
        if entry is None:
            return m if m.kind in PLACE_KINDS else None
        after = entry.get("after")
        if after and (m.start == 0 or self.doc[m.start - 1].lower_ not in after):
            return m if m.kind in PLACE_KINDS else None
        named = self.memory.named
        when = entry.get("when", [])
        ok = any(named.get(c, 0) for c in when)
        if ok and entry.get("over"):
            ok = named.get(entry["code"], 0) > named.get(entry["over"], 0)
        if ok and entry.get("dominant"):
            ok = self.memory.dominant(least=1) == entry["code"]
        if not ok:
            return m if m.kind in PLACE_KINDS else None
        data = {"country": entry["code"], "name": entry.get("name"), "sector": "GOV"}
        kind = entry.get("kind", "country")
        return Mention(m.start, m.end, kind, data)

    def _person_role(self, head: Token, role: dict[str, Any]) -> bool:
        """A role noun that names one person ('le maire'), not a body ('la présidence')."""
        keys = {fold(head.text), fold(head.lemma_)}
        return not keys & (self.lex.bodies | self.pronouns.institution_nouns.keys())

    def _described(
        self,
        actor: Actor,
        head: Token,
        role: dict[str, Any] | None,
        located: list[Mention],
        gender: str | None,
        anyone: bool = False,
    ) -> Actor | None:
        """A definite description of a person resolved to the one named earlier it describes
        ('le chef de l'Etat' → the head of state named before; 'la ministre' → the last
        minister, else the last woman or person of unknown gender named)."""
        places = [m for m in located if m.kind != "org" and self._governs(head, m)]
        orgs = [m for m in located if m.kind == "org"]
        elect = self._elect(head)
        former = self._former(head) and not elect
        if places and (role or {}).get("role") and not former:
            return None  # 'le président ougandais': the office holder, or a group
        # 'le député des Français de l'étranger': a seat's place describes the deputy named
        # before; it names no office holder
        office = None if former or self._of_body(head) else (role or {}).get("role")
        pos = self.offset + head.idx
        # 'le président élu' holds the office once in it: someone named who holds it then
        when = self.when + timedelta(days=ELECT_DAYS) if elect and self.when else self.when
        own = {
            m.country
            for m in located
            if m.country and (m.kind != "org" or m.data.get("sector") in PARTY_SECTORS)
        }  # 'le ministre turc', 'la députée travailliste' is no one of another country
        fixed = (role or {}).get("country")  # one office in the world: 'le pape argentin'
        found = self.memory.described(
            pos,
            role_key(role) if role else fold(head.lemma_),
            office,
            gender,
            orgs[-1].data.get("name") if orgs else None,
            when,
            anyone=anyone,
            former=(role or {}).get("role") if former else None,
        )
        if found is not None and found.country and own and found.country not in own | {fixed}:
            found = None
        body = (role or {}).get("body")
        if found is None and body and not former:
            # 'le président du Sénat' (roles.json `body`): whoever headed that body then, if
            # the article is about the country the body belongs to
            home = self.memory.dominant()
            holder = self.lex.body_holder(body, None, when)
            if holder is not None and (home is None or role.get("country") in (None, home)):
                return self._as_holder(actor, holder, head)
        if found is None and office:
            home = self.memory.dominant()
            find = self.lex.next_holder if elect else self.lex.office_holder
            holder = find(office, home, self.when) if home else None
            if holder is not None:
                _identify(actor, holder)
                actor.kind = "inferred"  # the country is the article's frame, not the text's
                actor.sector = actor.sector or (role or {}).get("sector")
                return actor
        if found is None:
            return None
        out = _copy(found, actor.text)
        out.start, out.end = actor.start, actor.end
        if not out.country and (places or orgs):
            # the seat's country is the person's, else the party's ('l'eurodéputé FN')
            out.country = (places or orgs)[0].country
        known = self.memory.note(found)
        note = Note(roles={role_key(role)} if role else set(), person=known.person)
        note.affiliation = known.affiliation
        gender = self.memory.genders.get(fold(out.name or ""))
        self._remember(out, person=True, gender=gender, head=head, note=note)
        return out

    def _institution_noun(self, head: Token) -> bool:
        return bool({fold(head.text), fold(head.lemma_)} & self.pronouns.institution_nouns.keys())

    def _institution(self, actor: Actor, head: Token, role: dict[str, Any] | None) -> Actor | None:
        """'l'ONG' → the last NGO named; 'la présidence' → the government of the country the
        article is about."""
        sector = self.pronouns.institution_nouns.get(fold(head.text))
        if sector is None:
            sector = self.pronouns.institution_nouns.get(fold(head.lemma_))
        sector = sector or (role or {}).get("sector")
        if sector == "GOV":
            home = self.memory.dominant()
            if home is None:
                return None
            # taken from the article's frame, as events mark their home actors
            actor.country, actor.sector, actor.kind = home, sector, "inferred"
            return actor
        found = self.memory.institution(self.offset + head.idx, sector)
        if found is None:
            return None
        out = _copy(found, actor.text)
        out.start, out.end = actor.start, actor.end
        return out

    def _anaphor(self, head: Token, toks: list[Token]) -> Actor | None:
        """A noun that only refers back: 'la chanteuse' (a person noun), 'l'ONG' (a body)."""
        key = fold(head.lemma_) if head.lemma_ else fold(head.text)
        definite, gender = self._definite(head)
        # 'ce sexagénaire' is often tagged an adjective: with its article it is a noun
        if not definite or head.pos_ not in ("NOUN", "ADJ") or any(t.pos_ == "PROPN" for t in toks):
            return None
        actor = self._span_actor(toks)
        if key in self.pronouns.person_nouns or fold(head.text) in self.pronouns.person_nouns:
            return self._described(actor, head, None, [], gender, anyone=True)
        return None

    def _remember(
        self,
        actor: Actor,
        person: bool,
        gender: str | None = None,
        head: Token | None = None,
        note: Note | None = None,
    ) -> None:
        if not self._recording:
            return
        note = note or Note()
        if head is not None:
            note.sent = self.offset + head.sent.start_char
            note.subject = self._is_subject(head)
            note.reported = note.subject and self._in_reported_clause(head)
            name = [head, *(c for c in head.children if c.dep_ in self.syn.name)]
            note.paired = head.dep_ in self.syn.conj or any(
                c.dep_ in self.syn.conj for t in name for c in t.children
            )  # the parser hangs 'et son épouse' on the name's last word
            note.source = self._source(head)
        self.memory.remember(actor, person, gender, note)

    def _in_reported_clause(self, head: Token) -> bool:
        """Whether the clause `head` is the subject of is what a reporting verb says ('… en
        écrivant que X a tenu des propos …'): its complement, or a clause opened by a bare
        complementizer the parser hung on it otherwise ('que' alone, not 'parce que')."""
        tok = head
        for _ in range(3):
            if tok.dep_ in self.syn.subj | self.syn.subj_pass or tok.head.i == tok.i:
                break
            tok = tok.head
        verb = tok.head
        while verb.dep_ in self.syn.conj and verb.head.i != verb.i:
            verb = verb.head
        if fold(verb.head.lemma_ or verb.head.text) not in self.lex.reporting_verbs:
            return False  # 'on sait que X est …', 'c'est alors que X …': X may have the floor
        if verb.dep_ in self.syn.ccomp:
            return True
        marks = [c for c in verb.children if c.dep_ in self.syn.mark]
        if marks:
            return (
                len(marks) == 1
                and fold(marks[0].text) in self.lex.complementizers
                and not any(c.dep_ in self.syn.fixed for c in marks[0].children)
            )
        # the parser may hang 'que' on the subject's title ('que Mme X a …'): the word before
        # the subject phrase, itself after a verb or noun ('écrit que', 'dit à la presse que';
        # not 'parce que', 'alors que')
        at = tok.left_edge.i
        if fold(self.doc[at].text) not in self.lex.complementizers:
            while at >= 1 and self.doc[at - 1].lower_ in self.pronouns.titles:
                at -= 1
            at -= 1
        return (
            at >= 1
            and fold(self.doc[at].text) in self.lex.complementizers
            and self.doc[at - 1].pos_ in ("VERB", "AUX", "NOUN", "PROPN")
        )

    def _source(self, head: Token) -> bool:
        """Named as the source of the report around it ('selon X', 'selon les informations
        de X'): a pronoun later in its sentence speaks of someone else."""
        tok = head
        hops = self.syn.nmod | self.syn.appos | self.syn.name
        for _ in range(3):
            if any(
                g.dep_ in self.syn.case and g.lower_ in self.lex.according_to
                for g in tok.children
            ):
                return True
            if tok.dep_ not in hops or tok.head.i == tok.i:
                return False
            tok = tok.head
        return False

    def person_noun(self, tok: Token) -> Actor | None:
        """A person noun after a definite or demonstrative article, whatever the parser hung
        them on ('la chanteuse', 'ce vieux sexagénaire barbu' with its last adjective
        read as the head): the person named before that it describes."""
        if not self._person_noun(tok):
            return None
        det = None
        for t in reversed(self.doc[max(0, tok.i - 3) : tok.i]):
            if t.pos_ == "DET":
                det = t
                break
            if t.pos_ != "ADJ":
                return None
        low = det.lower_.replace("’", "'") if det is not None else ""
        if det is None or low not in self.pronouns.definite or "Plur" in tok.morph.get("Number"):
            return None
        actor = self._span_actor(list(self.doc[det.i : tok.i + 1]))
        gender = self.pronouns.determiners.get(low)
        return self._described(actor, tok, None, [], gender, anyone=True)

    def _person_nouns(self, title: Token, name: Mention) -> set[str]:
        """The person noun a name is introduced with ('le directeur de l'agence, X'), kept
        as one of its roles: a later 'le directeur' is that person."""
        return {
            key
            for t in {title, self.doc[name.start : name.end].root.head}
            if not name.start <= t.i < name.end
            and (key := fold(t.lemma_ or t.text)) in self.pronouns.person_nouns
        }

    def unnamed_person(self, head: Token) -> Actor | None:
        """'a indiqué un témoin', 'selon une habitante': someone the text does not name, as a
        speaker, kept with their description (no country: never a side of an event)."""
        if not self._person_noun(head) or head.pos_ not in ("NOUN", "ADJ"):
            return None
        found = self._span_actor(self.phrase(head))
        found.kind = "group"
        return found

    def _person_noun(self, head: Token) -> bool:
        return bool({fold(head.lemma_), fold(head.text)} & self.pronouns.person_nouns)

    def _bare_description(self, head: Token) -> bool:
        """A definite role noun naming no one and nowhere ('le chef de l'Etat', 'la
        ministre'): an anaphor the resolver ties to someone named before."""
        if head.dep_ in self.syn.appos | self.syn.name or not self._definite(head)[0]:
            return False
        return not any(
            (m := self.by_token.get(t.i)) is not None and m.kind != "role"
            for t in self.phrase(head)
        )

    def _is_subject(self, tok: Token) -> bool:
        """Named as its clause's subject, itself or as the title or name beside one; not in
        a complement the subject governs ('le bilan de X a été publié' is no act of X) nor
        as another person's name ('le conseiller du président X')."""
        first = True  # the phrase's own head, or a word of its role ('chef d'État')
        for _ in range(3):
            if tok.dep_ in self.syn.subj | self.syn.subj_pass:
                return True
            if tok.dep_ not in self.syn.appos | self.syn.name | self.syn.nmod | self.syn.compound:
                return False
            if self._inside_role(tok):
                tok = tok.head
                continue
            if (
                any(c.dep_ in self.syn.case for c in tok.children)
                and (first or self._other_person(tok))
                and not (first and fold(tok.head.lemma_) in self.pronouns.author_nouns)
            ):
                return False  # 'la réponse du président' is his: he is its subject
            first = False
            tok = tok.head
        return False

    def _inside_role(self, tok: Token) -> bool:
        """'Intérieur' in 'le ministre de l'Intérieur': a word of the role above it."""
        m = self.by_token.get(tok.i)
        return m is not None and m.kind == "role" and m.start <= tok.head.i < m.end

    def _other_person(self, tok: Token) -> bool:
        """A role or person noun that is not part of the role above it: 'président' in 'le
        conseiller du président X' (X is the president), not 'Intérieur' in 'le ministre de
        l'Intérieur X' nor a party, place or body ('le député des Tories X', 'le maire de Lyon
        X', 'la présidente du groupe au Sénat X'), which the parser makes the name's head alike."""
        if self._inside_role(tok):
            return False
        m = self.by_token.get(tok.i)
        return (m is not None and m.kind == "role" and self._person_role(tok, m.data)) or fold(
            tok.lemma_ or tok.text
        ) in self.pronouns.person_nouns

    def _gender_cue(self, name: Mention) -> str | None:
        """The gender the words around a name give its bearer: a title right before it
        ('Mme', 'Mr'), or the article of the noun it stands beside ('la rappeuse Cardi B',
        'la porte-parole, Maud Bregeon'), else its first name."""
        for at in (name.start - 1, name.start):  # 'Mme' before the name or inside it
            if 0 <= at < name.end - 1:
                if (g := self.pronouns.titles.get(self.doc[at].lower_)) is not None:
                    return g
        head = self.doc[name.start : name.end].root
        nouns = []
        if name.start > 0 and self.doc[name.start - 1].pos_ == "NOUN":
            nouns.append(self.doc[name.start - 1])
        if (
            head.dep_ in self.syn.appos | self.syn.name | self.syn.nmod | self.syn.compound
            and head.head.pos_ == "NOUN"
            and not any(c.dep_ in self.syn.case for c in head.children)
        ):
            nouns.append(head.head)
        for noun in nouns:
            for c in noun.children:
                if c.dep_ in self.syn.det and (g := self.pronouns.determiners.get(c.lower_)):
                    return g
        # 'Élise Lucet', 'Me Axel Dumas': the gender a first name most often gives
        return first_names().get(fold(self.doc[self._untitled(name)].text))

    def _untitled(self, name: Mention) -> int:
        """Where a name mention starts past its titles ('M.', 'Me', 'Mgr'), keeping a word."""
        first = name.start
        while first < name.end - 1 and self.doc[first].lower_ in self.pronouns.titles:
            first += 1
        return first

    def entities(self) -> list[Actor]:
        """Every actor mention in the paragraph, each resolved on its own noun phrase.

        Only this pass feeds the article's memory, so that how events and quotes resolve
        their arguments never changes what a later pronoun refers to.
        """
        self._recording = True
        try:
            return self._entities()
        finally:
            self._recording = False

    def _entities(self) -> list[Actor]:
        out = []
        for m in self.mentions:
            head = self.doc[m.start : m.end].root
            if m.kind == "role" and not self._bare_description(head):
                continue
            kind = m.kind
            if kind == "contextual":
                kind = self.lex.contextual[fold(self.doc[m.start : m.end].text)].get("kind", kind)
            if kind == "adjective":
                head = head.head if self._adjective_of(head) else head
                if self.lex.role_of(head) is None and head.i not in self.by_token:
                    continue  # 'missiles nord-coréens', 'de fabrication russe': no actor named
            a = self._from_tokens(self.phrase(head), head) if head is not None else None
            if a is None or not a.country:
                continue
            span = self.doc[m.start : m.end]
            if kind == "adjective":  # 'responsables américains', 'le dirigeant nord-coréen'
                span = self.doc[min(head.i, m.start) : max(head.i + 1, m.end)]
            a.text = span.text
            a.start = self.offset + span.start_char
            a.end = self.offset + span.end_char
            out.append(a)
        return out

    def _adjective_of(self, tok: Token) -> bool:
        """Does the nationality adjective `tok` qualify the noun above it? The parser may
        take it for a part of a name or a bare complement ('le ministre kényan' read as
        'ministre' + flat or nmod 'kényan'): a lower-case word with no preposition is
        neither."""
        if tok.dep_ in self.syn.amod:
            return True
        return (
            tok.dep_ in self.syn.name | self.syn.nmod
            and tok.text.islower()
            and tok.head.pos_ == "NOUN"
            and not any(c.dep_ in self.syn.case for c in tok.children)
        )


HOME_KINDS = ("country", "capital", "seat", "adjective")
PLACE_KINDS = ("country", "capital", "seat", "adjective", "org")
PERSON_KINDS = ("person", "per")  # a people-lexicon name, a name the NER found


def _leader(counts: dict[str, int], least: int, ratio: float) -> str | None:
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or ranked[0] < least or (len(ranked) > 1 and ranked[0] < ratio * ranked[1]):
        return None
    return max(counts, key=lambda c: counts[c])


def home_country(docs: list[DocActors], least: int = 3, ratio: float = 2.0,
                 located: Iterable[str | None] = ()) -> str | None:  # fmt: skip
    """The country an article is about, when one dominates its mentions: named at least
    `least` times and `ratio` times as often as any other. A bilateral story has none, nor
    does one that names people of another country as often ('Sarkozy' on Syria: the country
    talked about is not the story's).

    A story told through its towns ('à Marseille', 'près de Times Square') names its country
    seldom: when the actors alone point at no country, the countries of the places named
    after a locative word (`located`) count beside them."""
    home = _home_by(docs, least, ratio, [])
    if home is None:
        home = _home_by(docs, least, ratio, [c for c in located if c])
    return home


def _home_by(docs: list[DocActors], least: int, ratio: float, located: list[str]) -> str | None:
    places: dict[str, int] = {}
    for c in located:
        places[c] = places.get(c, 0) + 1
    people: dict[str, int] = {}
    groups = frozenset(lexicons.load("plover").get("group_codes", []))
    for da in docs:
        for m in da.mentions:
            c, counts = m.country, places
            if m.kind == "person":
                c, counts = m.data["person"].country, people
            elif m.kind not in HOME_KINDS and m.kind != "org":  # a state body ('KCNA') says where
                continue
            if c and len(c) == 3 and c not in groups:
                counts[c] = counts.get(c, 0) + 1
    home = _leader(places, least, ratio)
    both = {c: places.get(c, 0) + people.get(c, 0) for c in places.keys() | people.keys()}
    return home if home is not None and _leader(both, least, ratio) == home else None


@dataclass
class Note:
    """What the text has said of a remembered actor, for anaphora a careful reader resolves."""

    sent: int = -1  # article offset of the start of its sentence
    subject: bool = False  # named as a clause's subject (not its object)
    paired: bool = False  # coordinated with another ('X et son épouse'): 'ils' may be them
    source: bool = False  # named as the source of a report ('selon les informations de X')
    reported: bool = False  # subject of a clause another says ('X écrit que Y a …'): Y is
    # what X speaks of, not who has the floor after X's words
    roles: set[str] = field(default_factory=set)  # folded role nouns it was given
    affiliation: str | None = None  # the organisation it was said to belong to
    person: Person | None = None  # its people-lexicon entry, for the offices it held


class ActorMemory:
    """What an article has mentioned so far, for pronoun and 'the two countries' resolution."""

    def __init__(self) -> None:
        self.persons: list[tuple[int, Actor]] = []
        self.actors: list[tuple[int, Actor]] = []
        self.speakers: list[tuple[int, Actor]] = []
        self.quoted: list[tuple[int, int]] = []  # article offsets of quoted passages
        self._starts: list[int] = []  # `quoted` sorted by start, for `in_quote`
        self._reach: list[int] = []
        self._spans_seen = 0
        self.genders: dict[str, str] = {}  # folded name -> f/m, as the text or lexicon says
        self.notes: dict[int, Note] = {}  # id(actor) -> what the text said of it
        self.countries: dict[str, int] = {}  # country -> mentions so far
        self.named: dict[str, int] = {}  # country or body code -> actors naming it so far

    def note(self, actor: Actor) -> Note:
        return self.notes.get(id(actor)) or Note()

    def spoke(self, actor: Actor, pos: int) -> None:
        self.speakers.append((pos, actor))

    def in_quote(self, pos: int) -> bool:
        """Is the article offset inside a quoted passage? By binary search over the spans."""
        if self._spans_seen != len(self.quoted):
            spans = sorted(self.quoted)
            self._starts = [s for s, _ in spans]
            self._reach = []  # the furthest end among the spans starting so far
            for _, e in spans:
                self._reach.append(max(e, self._reach[-1] if self._reach else e))
            self._spans_seen = len(self.quoted)
        i = bisect_right(self._starts, pos) - 1
        return i >= 0 and self._reach[i] > pos

    def _outside_quotes(self, pool: list[tuple[int, Actor]]) -> list[tuple[int, Actor]]:
        return [(p, a) for p, a in pool if not self.in_quote(p)]

    def _agreeing(
        self, pool: list[tuple[int, Actor]], gender: str | None
    ) -> list[tuple[int, Actor]]:
        """The candidates a pronoun of `gender` may refer to: none known to be the other."""
        if gender is None:
            return pool
        return [(p, a) for p, a in pool if self.genders.get(fold(a.name or "")) in (None, gender)]

    def _named(self, pool: list[tuple[int, Actor]]) -> list[tuple[int, Actor]]:
        """Candidates that say who they are: an anaphor left unresolved names no one."""
        return [(p, a) for p, a in pool if a.name or a.country]

    def resolve_speaker(
        self,
        pronoun: str,
        pos: int,
        window: int = 1500,
        gender: str | None = None,
        plural: bool = False,
    ) -> Actor | None:
        """A pronoun subject of a reporting verb ('a-t-elle déclaré').

        News copy keeps the floor with the last speaker, or gives it to the subject of a
        later sentence ('X a critiqué Y. « … », a-t-il dit' is X): the people named as
        objects in between are usually what the speech is about. Without either, the last
        person (or, for a plural, the last actor) named outside quotes.
        """
        pool = [(p, a) for p, a in self.speakers if pos - window <= p < pos]
        if not plural:
            pool += [
                (p, a)
                for p, a in self._outside_quotes(self.persons)
                if pos - window <= p < pos and self.note(a).subject and not self.note(a).reported
            ]
        recent = self._named(self._agreeing(pool, gender))
        if recent:
            return self._latest(recent, pronoun, pos)
        pool = self._outside_quotes(self.actors if plural else self.persons)
        return self._latest(self._named(self._agreeing(pool, gender)), pronoun, pos)

    def person_by_surname(self, surname: str) -> Actor | None:
        """'M. Kim' after 'Kim Jong Un', 'Mme Le Pen' after 'Marine Le Pen': the last named
        person whose name ends the same (or, for one word, begins the same)."""
        words = fold(surname).split()
        if not words:
            return None
        n = len(words)
        for _, a in reversed(self.persons):
            if not a.name or not a.country:
                continue
            known = fold(a.name).split()
            if (
                words == known
                or (n == 1 and len(known) > 1 and words[0] in {known[-1], known[0]})
                or (1 < n < len(known) and known[-n:] == words)
            ):
                return a
        return None

    def _latest(self, pool: list[tuple[int, Actor]], pronoun: str, pos: int) -> Actor | None:
        before = [(p, a) for p, a in pool if p < pos]
        if not before:
            return None
        _, a = max(before, key=lambda x: x[0])
        return _copy(a, pronoun.strip("-"))

    def remember(
        self,
        actor: Actor,
        person: bool,
        gender: str | None = None,
        note: Note | None = None,
    ) -> None:
        pos = actor.start or 0
        (self.persons if person else self.actors).append((pos, actor))
        if gender and actor.name:
            self.genders.setdefault(fold(actor.name), gender)
        if note is not None:
            self.notes[id(actor)] = note
        if actor.country and len(actor.country) == 3 and actor.kind == "country":
            self.countries[actor.country] = self.countries.get(actor.country, 0) + 1
        if actor.country:
            self.named[actor.country] = self.named.get(actor.country, 0) + 1

    def dominant(self, least: int = 2) -> str | None:
        """The country the article has been about so far, when one clearly leads."""
        ranked = sorted(self.countries.items(), key=lambda x: -x[1])
        if not ranked or ranked[0][1] < least:
            return None
        if len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]:
            return None
        return ranked[0][0]

    def latest_actor(self, pos: int, text: str = "") -> Actor | None:
        """The last actor named before `pos`, for possessives ('sa guerre'), under `text`
        (the possessive's own word; the antecedent's words when not given)."""
        return self._latest(self._outside_quotes(self.actors + self.persons), text, pos)

    def resolve_pronoun(
        self,
        pronoun: str,
        pos: int,
        sent_start: int = -1,
        gender: str | None = None,
        plural: bool = False,
    ) -> Actor | None:
        """A subject pronoun: an actor named earlier in its sentence (for a singular, a person
        first), else the last person (singular) or actor (plural) named outside quotes, the
        subject of its sentence before its objects; never one known to be of the other
        gender."""
        if plural:
            gender = None  # 'ils' may stand for men and women
        here = self._named(
            self._agreeing(
                [
                    (p, a)
                    for p, a in self._outside_quotes(self.actors + self.persons)
                    if sent_start <= p < pos and not self.note(a).source
                ],
                gender,
            )
        )
        if here and not plural:
            # 'X recevait la distinction de l'université, où il a …', 'X a réagi à la mise en
            # examen de Y, indiquant qu'il …': a person of its sentence before a body named
            # after them, its subject first
            people = [(p, a) for p, a in here if any(a is b for _, b in self.persons)]
            subjects = [(p, a) for p, a in people if self.note(a).subject]
            here = subjects or people or here
        if here:
            return self._latest(here, pronoun, pos)
        persons = self._named(self._agreeing(self._outside_quotes(self.persons), gender))
        if not plural and persons:
            return self._salient(persons, pronoun, pos)
        pool = self._outside_quotes(self.actors if plural else self.persons + self.actors)
        named = self._named(self._agreeing(pool, gender))
        # the latest sentence's subject before its objects ('X a critiqué Y. Il a …' is X)
        if plural:
            return self._latest(self._pair_subject(named, pos) or named, pronoun, pos)
        return self._salient(named, pronoun, pos)

    def _pair_subject(
        self, actors: list[tuple[int, Actor]], pos: int
    ) -> list[tuple[int, Actor]]:
        """'X et son épouse sont arrivés à Paris. Ils …': people coordinated as the subject of
        the latest sentence that names anyone are who a plural subject pronoun stands for,
        before a place or body named after them."""
        people = [
            (p, a)
            for p, a in self._named(self._outside_quotes(self.persons))
            if p < pos and self.note(a).subject and self.note(a).paired
        ]
        if not people:
            return []
        last = max(self.note(a).sent for _, a in people)
        latest = max((self.note(a).sent for p, a in actors if p < pos), default=-1)
        return [(p, a) for p, a in people if self.note(a).sent == last] if last >= latest else []

    def subject_pair(self, pos: int, text: str) -> list[Actor]:
        """'X et Y sont arrivés au palais ; leur entretien …': the sides coordinated as the
        subject of the latest sentence that names anyone before `pos`, when they are two
        or more, under `text` (the possessive's word)."""
        pool = self._named(self._outside_quotes(self.actors + self.persons))
        before = [(p, a) for p, a in pool if p < pos]
        if not before:
            return []
        last = max(self.note(a).sent for _, a in before)
        paired = [a for _, a in sorted(before, key=lambda x: x[0])
                  if self.note(a).sent == last and self.note(a).paired and a.country]
        if not any(self.note(a).subject for a in paired):
            return []  # 'X a reçu Y et Z': a pair of objects
        out: list[Actor] = []
        for a in paired:
            if all(a.key() != b.key() for b in out):
                out.append(_copy(a, text))
        return out if len(out) >= 2 else []

    def resolve_latest(self, pronoun: Pronoun, pos: int) -> Actor | None:
        """A demonstrative ('ce dernier', 'celle-ci', 'ceux-ci'): the last person (or,
        plural, actor) named before it outside quotes that agrees with it, whatever its
        role in its sentence ('X a reçu Y. Ce dernier a …' is Y)."""
        gender = pronoun.gender if pronoun.number == "sg" else None
        pool = self.persons if pronoun.number == "sg" else self.actors + self.persons
        named = self._named(self._agreeing(self._outside_quotes(pool), gender))
        return self._latest(named, pronoun.base, pos)

    def resolve_object(self, pronoun: Pronoun, pos: int, not_of: list[Actor]) -> Actor | None:
        """An object clitic ('pour le féliciter', 'les a condamnés'): the last person (or,
        plural, actor) named before it outside quotes that is not the act's own actor."""
        pool = self.actors + self.persons if pronoun.number == "pl" else self.persons
        gender = pronoun.gender if pronoun.number == "sg" else None
        own = {a.key() for a in not_of} | {a.name for a in not_of if a.name}
        candidates = [
            (p, a)
            for p, a in self._named(self._agreeing(self._outside_quotes(pool), gender))
            if a.key() not in own and a.name not in own
        ]
        return self._latest(candidates, pronoun.base, pos)

    def _salient(self, pool: list[tuple[int, Actor]], pronoun: str, pos: int) -> Actor | None:
        """The latest sentence's subject among the candidates, else its latest one."""
        before = [(p, a) for p, a in pool if p < pos]
        if not before:
            return None
        last = max(self.note(a).sent for _, a in before)
        sent = [(p, a) for p, a in before if self.note(a).sent == last]
        subjects = [(p, a) for p, a in sent if self.note(a).subject]
        return self._latest(subjects or sent, pronoun, pos)

    def described(
        self,
        pos: int,
        role: str | None,
        office: str | None,
        gender: str | None,
        affiliation: str | None,
        when: date | None,
        window: int = 3000,
        anyone: bool = False,
        former: str | None = None,
    ) -> Actor | None:
        """The person a definite description ('le chef de l'Etat', 'la ministre', 'le
        leader de LFI', 'la chanteuse', 'l'ancien Premier ministre': `former`, an office held
        before `when`) refers back to: one holding its office, else one the
        text gave its role or organisation, else the last person (subject or speaker first)
        it may be, none known to hold another role, belong elsewhere or be of the other
        gender."""
        pool = self._agreeing(
            [
                (p, a)
                for p, a in self._outside_quotes(self.persons)
                if pos - window <= p < pos and a.name
            ],
            gender,
        )
        if not pool:
            return None
        if office:
            holders = [(p, a) for p, a in pool if _holds(self.note(a).person, office, when)]
            if holders:
                return _last(holders)
        if former:
            before = [(p, a) for p, a in pool if _held_before(self.note(a).person, former, when)]
            if before:
                return _last(before)
        if role:
            # 'la ministre' is 'la ministre de la Justice' named before: a narrower role
            same = [
                (p, a)
                for p, a in pool
                if any(r == role or r.startswith(role + " ") for r in self.note(a).roles)
            ]
            if same:
                return _last(same)
            known = [(p, a) for p, a in pool if role in _epithets(self.note(a).person)]
            if known:
                return _last(known)  # what a reader knows of them: 'le magnat' → Trump
        if affiliation:
            members = [(p, a) for p, a in pool if self.note(a).affiliation == affiliation]
            if members:
                return _last(members)
            # 'le président de l'AMF' is no head of state: one known to hold an office is not
            pool = [(p, a) for p, a in pool if not _office_holder(self.note(a).person, when)]
        if office:
            return None  # 'le ministre de l'Intérieur' is not whoever was named last
        if anyone:
            # 'l'acteur', 'ce sexagénaire': a person noun fits anyone but one in office then
            # (the president named in passing is not 'the actor'), whatever role they were
            # given ('X, ancien combattant, …')
            free = [(p, a) for p, a in pool if not _holds(self.note(a).person, None, when)]
        else:
            free = [
                (p, a)
                for p, a in pool
                if not self.note(a).roles
                and (affiliation is None or self.note(a).affiliation in (None, affiliation))
            ]
        lead = [(p, a) for p, a in free if self.note(a).subject]
        lead += [(p, a) for p, a in self.speakers if pos - window <= p < pos and a.name]
        lead = [(p, a) for p, a in lead if any(a is b for _, b in free)]
        return _last(lead or free)

    def institution(self, pos: int, sector: str | None, window: int = 3000) -> Actor | None:
        """The organisation 'l'ONG', 'l'agence' refers back to: the last one of its sector."""
        pool = [
            (p, a)
            for p, a in self._outside_quotes(self.actors)
            if pos - window <= p < pos
            and a.kind == "organization"
            and (sector is None or a.sector == sector)
        ]
        return _last(pool)


def morph_gender(tok: Token) -> str | None:
    """The grammatical gender the tagger gives a word, as 'm' or 'f'."""
    return {"Masc": "m", "Fem": "f"}.get(next(iter(tok.morph.get("Gender")), ""))


def _last(pool: list[tuple[int, Actor]]) -> Actor | None:
    return max(pool, key=lambda x: x[0])[1] if pool else None


def _epithets(person: Person | None) -> frozenset[str]:
    return person.epithets if person is not None else frozenset()


def _office_holder(person: Person | None, when: date | None) -> bool:
    """Known to hold an office of state on `when` (ever, when None), not only to head a party
    or an assembly ('l'élu LR' may be the Senate's president); a minister between two
    offices may be named by his party role ('le délégué général de LREM')."""
    if person is None:
        return False
    return any(o.role not in BODY_HEADS and _during(o, when) for o in person.offices)


def _held_before(person: Person | None, office: str, when: date | None) -> bool:
    """Had the person left `office` by `when` ('l'ancien Premier ministre')?"""
    return person is not None and any(
        o.role == office and o.end is not None and (when is None or o.end <= when)
        for o in person.offices
    )


def _during(o: Office, when: date | None) -> bool:
    """Was the office held on `when` (at any time, when None)?"""
    return when is None or (
        (o.start is None or o.start <= when) and (o.end is None or o.end >= when)
    )


def _holds(person: Person | None, office: str | None, when: date | None) -> bool:
    """Does the person hold `office` (None: any public office) on `when` (None: ever)?"""
    if person is None:
        return False
    return any(
        (o.role == office if office is not None else o.role != PARTY_OFFICE) and _during(o, when)
        for o in person.offices
    )


def _copy(a: Actor, text: str) -> Actor:
    """A referring expression standing for `a`: its identity under the words that refer."""
    return Actor(
        text=text or a.text,
        name=a.name,
        country=a.country,
        sector=a.sector,
        wikidata=a.wikidata,
        kind=a.kind,
    )
