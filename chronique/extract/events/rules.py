"""Trigger rules as typed records, checked when they load.

A trigger entry of `lexicons/<lang>/events.json` is one coding rule (as a PETRARCH2 dictionary
line is): a lemma, its parts of speech, the PLOVER type and CAMEO code it codes, where its
sides are read, and constraints that must hold on the parse. Loading turns every entry into
a frozen `Trigger`; an unknown key, slot, flag, part of speech, type or CAMEO code is an error
naming the file, the entry and the key, so a misspelt key can no longer be ignored in silence.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any, TypeVar

from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Token

from chronique import lexicons
from chronique.extract.syntax import Syntax, syntax_for
from chronique.lexicons import LexiconError
from chronique.model import PLOVER_TYPES

SLOTS = frozenset({"obj", "iobj", "obj_owner", "comp_subj"})  # recipient slots beside preps
ACTOR_SLOTS = frozenset({"amod", "poss"})  # a noun trigger's actor: adjective, possessive
FLAGS = (
    "nominal", "symmetric", "need_recipient", "need_person_object", "self_target", "embeds",
)  # fmt: skip
PARTS_OF_SPEECH = frozenset({"VERB", "NOUN", "PROPN", "ADJ", "AUX"})
REQUIRED = ("id", "lemma", "pos", "type", "cameo")
TEXT_KEYS = ("mode", "example")
LIST_KEYS = ("context", "recipient", "actor", "actor_sectors", "person_sectors")

# The lists beside the triggers, each a set of lemmas or words (see the file's comment).
WORD_SETS = (
    "light_verbs", "co_actor_heads", "object_control", "non_event_complements", "between",
    "noun_date_preps", "purpose_marks", "stative_participles", "quantity_heads",
    "domestic_objects", "claim_objects", "owner_heads", "kind_heads", "question_marks",
    "speech_verbs", "undergoing_heads", "occurrence_verbs", "moment_preps", "statement_heads",
    "future_moment_preps", "witness_verbs",
)  # fmt: skip
TYPE_SETS = (
    "infer_recipient", "motive_absorbing_types", "object_clitic_types", "question_types",
    "asking_types", "governed_modality_types", "pairing_types",
)  # fmt: skip
# Type by construction (see the file's comment): each {"type", "types": {type: CAMEO code} or
# "cameo", "words", optional "skip" and "sectors"}; a construction the file leaves out never
# applies.
CONSTRUCTIONS = ("refusal", "conditional_threat", "hostile_condition", "verbal_attack")
FILE_KEYS = frozenset(
    {"version", "source", "comment", "triggers", "unnamed_agent", *CONSTRUCTIONS, *WORD_SETS,
     *TYPE_SETS}
)


# -- constraints: a registry, tried in this order -----------------------------------------

F = TypeVar("F")
Check = Callable[[Token, Any, "Rules"], bool]
CONSTRAINTS: dict[str, Check] = {}
EXCLUDING = frozenset({"object_not", "clause_not"})  # constraints that only rule a reading out


def _excluding(name: str, value: Any) -> bool:
    """Does this constraint only rule a reading out ('reflexive': false does)?"""
    return name in EXCLUDING or (name == "reflexive" and value is False)


def register(registry: dict[str, F], name: str) -> Callable[[F], F]:
    """A decorator adding a function to a registry under `name`, in definition order."""

    def add(fn: F) -> F:
        registry[name] = fn
        return fn

    return add


def constraint(name: str) -> Callable[[Check], Check]:
    """Register a trigger constraint under the entry key that carries its value."""
    return register(CONSTRAINTS, name)


POSITION_WINDOW = 8  # words after a misread verb that its preposition or object may be


def words_after(tok: Token) -> list[Token]:
    """The words after a misread verb up to its clause's punctuation, at most
    `POSITION_WINDOW`: where its preposition, object and target are read by position."""
    out = []
    for t in tok.doc[tok.i + 1 : tok.i + 1 + POSITION_WINDOW]:
        if t.is_punct:
            break
        out.append(t)
    return out


def lemma_of(tok: Token) -> str:
    return tok.lemma_.lower()




def nominal_dependents(tok: Token, syn: Syntax, depth: int = 2) -> list[Token]:
    """Objects, obliques, noun modifiers, conjuncts and appositions down to `depth` levels."""
    labels = syn.nominal | syn.conj | syn.appos
    out: list[Token] = []
    frontier = [tok]
    for _ in range(depth):
        nxt = [c for t in frontier for c in t.children if c.dep_ in labels]
        out.extend(nxt)
        frontier = nxt
    return out


def prep_children(tok: Token, rules: Rules) -> list[tuple[str, Token]]:
    """(preposition, noun) pairs of `tok`; for a noun, also 'entre' one level down
    ('les négociations sur les armes entre X et Y': 'entre' hangs off 'armes'), and those of
    the noun it is a compound of."""
    syn = rules.syntax
    out = list(syn.prepositional(tok))
    if tok.pos_ == "NOUN" and tok.dep_ in syn.compound and tok.head.pos_ == "NOUN":
        out.extend(syn.prepositional(tok.head))  # 'a mediation mission between X and Y'
    if tok.pos_ == "NOUN":
        for _, noun in list(out):
            out.extend((p, n) for p, n in syn.prepositional(noun) if p in rules.between)
    return out


@constraint("reflexive")
def _reflexive(tok: Token, value: bool, rules: Rules) -> bool:
    """true: 'se rendre à'; false: the plain verb only ('arrêter X', not 's'arrêter')."""
    return any(reflexive_clitic(c, tok, rules) for c in tok.children) == value


def reflexive_clitic(c: Token, verb: Token, rules: Rules) -> bool:
    """Is `c` the verb's reflexive clitic? 'nous' in 'nous demandons' is its subject, 'm''
    in 'il m'a demandé' its object (a first or second person clitic is reflexive only with
    a subject of that person: 'je me demande'), "s'" in "s'il" the conjunction."""
    syn = rules.syntax
    if c.lower_ not in rules.reflexive or c.pos_ != "PRON" or c.dep_ in syn.subj:
        return False  # "s'" of "s'il" is tagged a conjunction
    causer = passive_auxiliary(verb, syn)
    if causer is not None and c.i < causer.i:
        return False  # 's'est fait arrêter': the clitic is the auxiliary 'faire''s
    person = c.morph.get("Person")
    if not person or person == ["3"]:
        return True
    return any(s.pos_ == "PRON" and s.morph.get("Person") == person for s in syn.subjects(verb))


def passive_auxiliary(verb: Token, syn: Syntax) -> Token | None:
    """'s'est fait agresser par X' parsed with 'fait' an auxiliary of the infinitive: the
    verb of grammar.json `passive_verbs` before `verb` that makes its subject undergo it."""
    return next(
        (
            x
            for x in verb.children
            if x.i < verb.i and x.lemma_.lower() in syn.words["passive_verbs"]
        ),
        None,
    )


def complement_marks(tok: Token, rules: Rules) -> set[str]:
    """The words introducing the trigger's clausal complements: 'appeler à reprendre' has
    'à' hung on the infinitive, not on the verb; the parser may label that infinitive as a
    complement, an adverbial clause or an oblique, or hang it on the verb's object
    ('appeler les partis à respecter …' read as 'les partis à respecter')."""
    syn = rules.syntax
    labels = syn.comp | syn.advcl | syn.obl
    out = {c.lower_ for c in syn.children(tok, syn.mark)}
    infinitives = [x for x in tok.children if x.dep_ in labels]
    for o in syn.objects(tok):
        infinitives.extend(x for c in syn.conjuncts(o) for x in c.children if x.dep_ in syn.acl)
    for up in tok.ancestors:
        # ', appelant X à V' with 'à V' hung on the noun or the clause the adjunct hangs on:
        # the infinitive that starts right where the trigger's phrase ends is its complement
        infinitives.extend(x for x in up.children if x.dep_ in labels
                           and x.i > tok.i and x.left_edge.i == tok.right_edge.i + 1)  # fmt: skip
        if up.i > tok.i and any(m.i == tok.right_edge.i + 1 for m in syn.children(up, syn.mark)):
            infinitives.append(up)  # 'a appelé X à ne pas V' parsed with V the sentence's root
    for x in infinitives:
        if "Inf" in x.morph.get("VerbForm"):
            out.update(syn.word(m.text) for m in x.children if m.dep_ in syn.mark | syn.case)
    return out


@constraint("prep")
def _prep(tok: Token, value: frozenset[str], rules: Rules) -> bool:
    syn = rules.syntax
    preps = {p for p, _ in prep_children(tok, rules)} | complement_marks(tok, rules)
    # 'committed to opening', 'charged with creating': a preposition heading a gerund
    preps |= {c.lower_ for c in syn.children(tok, syn.prep)}
    # 'appeler au calme': the article fused with 'à' is still 'à' (grammar.json contractions)
    preps |= {syn.word(p) for p in preps}
    return bool(preps & value)


@constraint("object")
def _object(tok: Token, value: frozenset[str], rules: Rules) -> bool:
    """'convoquer l'ambassadeur'; in the passive ('l'ambassadeur a été convoqué') or a past
    participle modifying its noun ('les sanctions imposées par X'), what is acted on is the
    subject or that noun (a present participle's noun acts: 'des pays réclamant X'); the
    title before a name counts ('released journalist Ana Lima')."""
    measures = rules.quantity_heads | rules.kind_heads
    return bool(_object_lemmas(tok, rules.syntax, measures) & value)


@constraint("object_not")
def _object_not(tok: Token, value: frozenset[str], rules: Rules) -> bool:
    """'a reçu une lettre de X', 'a accueilli la nouvelle', 'les efforts déployés': an object
    of one of these lemmas (a thing, not a guest or a force), read as `object` reads it,
    rules the reading out."""
    measures = rules.quantity_heads | rules.kind_heads
    return not _object_lemmas(tok, rules.syntax, measures) & value


def counted(nouns: list[Token], syn: Syntax, measures: frozenset[str]) -> list[Token]:
    """What those of `nouns` that are measures count: their genitive complement ('a batch
    of peacekeepers', 'des milliers d'hommes')."""
    genitive = syn.words["genitive_preps"]
    return [
        n
        for d in nouns
        if lemma_of(d) in measures
        for p, n in syn.prepositional(d)
        if p in genitive
    ]


@lru_cache(maxsize=256)
def _object_lemmas(tok: Token, syn: Syntax, measures: frozenset[str]) -> frozenset[str]:
    """What `tok` acts on, as lemmas; kept for the token's other rules while one paragraph
    is matched (`clear_token_caches`; a Token hashes and compares by its Doc and position).
    The title before a name counts ('released journalist Ana Lima'), and so do the noun
    before a measure or a generic head and what a measure counts (`measures`: 'eased the
    curfew hours', 'deployed peacekeeping troops', 'withdrew a batch of peacekeepers')."""
    found = nominal_dependents(tok, syn) + syn.passive_subjects(tok)
    found += [o for o in syn.objects(tok) if o not in found]  # past a date: 'fermé le 3 mai ses …'
    found += [
        c
        for d in found
        if d.pos_ == "PROPN" or lemma_of(d) in measures
        for c in syn.children(d, syn.compound)
    ]
    found += counted(found, syn, measures)  # 'withdrew a batch of peacekeepers'
    forms = tok.morph.get("VerbForm")
    if tok.pos_ in ("VERB", "AUX") and tok.dep_ in syn.acl and "Part" in forms:
        if "Pres" not in tok.morph.get("Tense"):
            found.append(tok.head)
    return frozenset(lemma_of(d) for d in found)


def clear_token_caches() -> None:
    """Forget what was read off tokens: called before a paragraph is matched, so that a Doc
    changed since (a test's hand-built parse) is read anew."""
    _object_lemmas.cache_clear()


@constraint("modifier")
def _modifier(tok: Token, value: frozenset[str], rules: Rules) -> bool:
    syn = rules.syntax
    mods = {lemma_of(c) for c in tok.children if c.dep_ in syn.amod | syn.nmod | syn.compound}
    return bool(mods & value)


@constraint("follow")
def _follow(tok: Token, value: tuple[str, ...], rules: Rules) -> bool:
    nxt = [t for t in tok.doc[tok.i + 1 : tok.i + 5] if t.pos_ != "DET"]
    return tuple(lemma_of(t) for t in nxt[: len(value)]) == value


@constraint("clause_not")
def _clause_not(tok: Token, value: frozenset[str], rules: Rules) -> bool:
    """'a soutenu que X', 's'est demandé si X': a clause of its own introduced by one of these
    words makes the verb one of saying or wondering, and rules the reading out."""
    syn = rules.syntax
    clauses = [c for c in tok.children if c.dep_ in syn.comp | syn.obj]
    # 'a demandé au ministre pourquoi il …': the question word opening the clause is its
    # adverb, not its mark
    return not any(
        m.lower_ in value for c in clauses for m in [*syn.children(c, syn.mark), c.left_edge]
    )


@constraint("complement")
def _complement(tok: Token, value: frozenset[str], rules: Rules) -> bool:
    """'found the minister guilty', 'was found guilty', 'sent experts to investigate': a
    clausal or predicative complement, or an infinitive of purpose, headed by one of these
    lemmas."""
    syn = rules.syntax
    heads = [
        c
        for c in tok.children
        if c.dep_ in syn.comp | syn.predicative
        or (c.dep_ in syn.advcl and "Inf" in c.morph.get("VerbForm"))
    ]
    # 'soutient n'avoir jamais rencontré X': a compound infinitive is headed by its
    # participle; its infinitive auxiliary is the verb the complement begins with
    heads += [
        a for c in heads for a in syn.children(c, syn.aux) if "Inf" in a.morph.get("VerbForm")
    ]
    return any(lemma_of(c) in value for c in heads)


@constraint("comp_aux")
def _comp_aux(tok: Token, value: frozenset[str], rules: Rules) -> bool:
    """'said that Iran must stop': a clausal complement with one of these auxiliaries."""
    syn = rules.syntax
    return any(
        x.lower_ in value for c in syn.children(tok, syn.ccomp) for x in syn.children(c, syn.aux)
    )


def governor(tok: Token, rules: Rules) -> Token:
    """The word a noun trigger depends on; past the noun it qualifies when it is a compound
    ('launched a mediation effort': 'launched') and past a quantity it counts ('began a new
    round of exercises': 'began') and past a date the parser hung it on ('a opposé
    mercredi son veto', 'a annoncé le 3 mai la fermeture': as `Syntax.objects` reads it)."""
    syn = rules.syntax
    head = tok.head
    verb = syn.hung_on_date(tok)
    if verb is not None:
        return verb
    if tok.dep_ in syn.compound and head.i != tok.i and head.pos_ in ("NOUN", "PROPN"):
        return head.head
    if (
        tok.dep_ in syn.pobj
        and head.lower_ in syn.words["genitive_preps"]
        and lemma_of(head.head) in rules.quantity_heads
    ):
        return head.head.head
    return head


@constraint("need_governor")
def _need_governor(tok: Token, value: frozenset[str], rules: Rules) -> bool:
    return lemma_of(governor(tok, rules)) in value


# -- records ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Trigger:
    """One coding rule."""

    id: str
    lemma: str
    pos: frozenset[str]
    type: str
    cameo: str
    mode: str | None = None
    example: str | None = None
    context: tuple[str, ...] = ()
    recipient: tuple[str, ...] = ()
    actor: tuple[str, ...] = ()
    # the bodies that do the act, by sector (empty: anyone), and the named people who do it
    # in person ('le juge X'); others do something else: 'le député a interpellé le
    # ministre' challenges him, the police arrest
    actor_sectors: frozenset[str] = frozenset()
    person_sectors: frozenset[str] = frozenset()
    nominal: bool = False
    symmetric: bool = False
    need_recipient: bool = False
    need_person_object: bool = False
    self_target: bool = False
    embeds: bool = False
    constraints: tuple[tuple[str, Any], ...] = ()  # (registry name, value), registry order

    def value(self, name: str) -> Any:
        """A constraint's value, or None when the rule has none."""
        return next((v for n, v in self.constraints if n == name), None)

    def accepts_pos(self, pos: str) -> bool:
        # the parser often tags a capitalised noun trigger as a name
        return pos in self.pos or (pos == "PROPN" and "NOUN" in self.pos)

    def unmet(self, tok: Token, rules: Rules) -> str | None:
        """The first constraint `tok` fails, or None when the rule holds."""
        for name, value in self.constraints:
            if not CONSTRAINTS[name](tok, value, rules):
                return name
        return None

    def unmet_by_position(self, tok: Token, rules: Rules) -> str | None:
        """`unmet` for a verb the parser read as a noun ('Varsovie presse Minsk de …'),
        whose arcs say nothing: its preposition and object are read from the words after
        it, up to the clause's punctuation; other constraints as usual."""
        window = words_after(tok)
        nouns = [lemma_of(t) for t in window if t.pos_ in ("NOUN", "PROPN")][:2]
        for name, value in self.constraints:
            if name == "prep":
                held = any(rules.syntax.word(t.text) in value for t in window)
            elif name == "object":
                held = any(n in value for n in nouns)
            else:
                held = CONSTRAINTS[name](tok, value, rules)
            if not held:
                return name
        return None


@dataclass(frozen=True)
class Construction:
    """A construction that gives an act another type: the type, the CAMEO code for each
    type it applies to (None: every type but `type` and those in `skip`), its cue words."""

    type: str
    cameo: str
    codes: dict[str, str] | None
    words: frozenset[str]
    skip: frozenset[str]
    sectors: frozenset[str] = frozenset()  # the sides it needs, by sector (verbal_attack)

    def code_for(self, typ: str) -> str | None:
        """The CAMEO code an act of type `typ` takes under this construction, or None."""
        if self.codes is not None:
            return self.codes.get(typ)
        return None if typ == self.type or typ in self.skip else self.cameo


def parse_construction(raw: Any, where: str) -> Construction:
    if not isinstance(raw, dict) or raw.get("type") not in PLOVER_TYPES:
        raise LexiconError(f"{where}: must be an object with a PLOVER 'type'")
    codes = raw.get("types")
    cameo = str(raw.get("cameo", ""))
    for code in [*(codes or {}).values(), *([cameo] if codes is None else [])]:
        if str(code) not in cameo_codes():
            raise LexiconError(f"{where}: {code!r} is no CAMEO code PLOVER keeps")
    bad = [t for t in [*(codes or {}), *raw.get("skip", [])] if t not in PLOVER_TYPES]
    if bad:
        raise LexiconError(f"{where}: {bad[0]!r} is no PLOVER type")
    return Construction(
        type=raw["type"],
        cameo=cameo,
        codes={t: str(c) for t, c in codes.items()} if codes is not None else None,
        words=frozenset(raw.get("words", [])),
        skip=frozenset(raw.get("skip", [])),
        sectors=frozenset(raw.get("sectors", [])),
    )


@dataclass(frozen=True)
class Rules:
    """Everything the event coder knows of one language, loaded once."""

    lang: str
    by_lemma: dict[str, tuple[Trigger, ...]]
    pos_ids: frozenset[int]  # parts of speech any trigger has: most tokens stop there
    syntax: Syntax
    reflexive: frozenset[str]
    light_verbs: frozenset[str]
    co_actor_heads: frozenset[str]
    object_control: frozenset[str]
    non_event_complements: frozenset[str]
    between: frozenset[str]
    noun_date_preps: frozenset[str]
    purpose_marks: frozenset[str]
    stative_participles: frozenset[str]
    quantity_heads: frozenset[str]
    domestic_objects: frozenset[str]
    claim_objects: frozenset[str]
    owner_heads: frozenset[str]
    kind_heads: frozenset[str]
    question_marks: frozenset[str]
    speech_verbs: frozenset[str]
    undergoing_heads: frozenset[str]
    occurrence_verbs: frozenset[str]
    moment_preps: frozenset[str]
    statement_heads: frozenset[str]
    future_moment_preps: frozenset[str]
    witness_verbs: frozenset[str]
    infer_recipient: frozenset[str]
    object_clitic_types: frozenset[str]
    motive_absorbing_types: frozenset[str]
    asking_types: frozenset[str]
    question_types: frozenset[str]
    governed_modality_types: frozenset[str]
    pairing_types: frozenset[str]
    constructions: dict[str, Construction]
    unnamed_agent: dict[str, Any]  # types, instruments, causes, text (empty: never)
    modality: dict[str, Any]
    groups: dict[str, Any]
    scores: dict[str, Any]
    implicit_home_agent: dict[str, tuple[str, str]]  # type → home (actor, recipient) sectors
    group_codes: frozenset[str]  # actor codes of bodies of several members (EUR, UNO…)
    own_group_types: frozenset[str] = frozenset()  # verbal acts aimed at the actor's own groups
    press_sectors: frozenset[str] = frozenset()  # an interview with them is no meeting
    crowd_types: frozenset[str] = frozenset()  # implicit home agents of a crowd's verb
    person_nouns: frozenset[str] = frozenset()  # groups.json: nouns for people of no kind
    moved_force_types: frozenset[str] = frozenset()  # a passive move of forces: their state's
    force_sectors: frozenset[str] = frozenset()

    def candidates(self, tok: Token) -> tuple[Trigger, ...]:
        return self.by_lemma.get(lemma_of(tok)) or self.by_lemma.get(tok.lower_) or ()


def _fail(where: str, entry: str, key: str, problem: str) -> LexiconError:
    return LexiconError(f"{where}: trigger {entry!r}: key {key!r}: {problem}")


def parse_trigger(raw: dict[str, Any], where: str, prepositions: frozenset[str]) -> Trigger:
    """One entry as a typed record, or a LexiconError naming the entry and the key."""
    entry = str(raw.get("id", "?"))
    for key in REQUIRED:
        if key not in raw:
            raise _fail(where, entry, key, "missing")
    known = {*REQUIRED, *TEXT_KEYS, *LIST_KEYS, *FLAGS, *CONSTRAINTS}
    for key in raw:
        if key not in known:
            raise _fail(where, entry, key, "unknown key")
    pos = raw["pos"]
    if not isinstance(pos, list) or not pos or any(p not in PARTS_OF_SPEECH for p in pos):
        raise _fail(
            where, entry, "pos", f"must list parts of speech from {sorted(PARTS_OF_SPEECH)}"
        )
    if raw["type"] not in PLOVER_TYPES:
        raise _fail(where, entry, "type", f"{raw['type']!r} is no PLOVER type")
    if str(raw["cameo"]) not in cameo_codes():
        raise _fail(where, entry, "cameo", f"{raw['cameo']!r} is no CAMEO code PLOVER keeps")
    for key in FLAGS:
        if key in raw and not isinstance(raw[key], bool):
            raise _fail(where, entry, key, "must be true or false")
    for key in TEXT_KEYS:
        if key in raw and not isinstance(raw[key], str):
            raise _fail(where, entry, key, "must be a string")
    lists: dict[str, tuple[str, ...]] = {}
    for key in LIST_KEYS:
        value = raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _fail(where, entry, key, "must be a list of strings")
        lists[key] = tuple(value)
    for slot in lists["recipient"]:
        if slot not in SLOTS and slot not in prepositions:
            raise _fail(where, entry, "recipient", f"{slot!r} is no slot and no known preposition")
    for slot in lists["actor"]:
        if slot not in ACTOR_SLOTS and slot not in prepositions:
            raise _fail(where, entry, "actor", f"{slot!r} is no slot and no known preposition")
    for key in ("actor_sectors", "person_sectors"):
        for sector in lists[key]:
            if not (len(sector) == 3 and sector.isalpha() and sector.isupper()):
                raise _fail(where, entry, key, f"{sector!r} is no sector code")
    constraints: list[tuple[str, Any]] = []
    for name in CONSTRAINTS:  # registry order: cheapest and most selective first
        if name not in raw:
            continue
        value = raw[name]
        if name == "reflexive":
            if not isinstance(value, bool):
                raise _fail(where, entry, name, "must be true or false")
            constraints.append((name, value))  # false: the verb without its clitic
            continue
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise _fail(where, entry, name, "must be a list of strings")
        if not value:
            continue  # an empty list constrains nothing
        if name == "prep" and any(v not in prepositions for v in value):
            raise _fail(where, entry, name, "names an unknown preposition")
        constraints.append((name, tuple(value) if name == "follow" else frozenset(value)))
    return Trigger(
        id=entry,
        lemma=str(raw["lemma"]).lower(),
        pos=frozenset(pos),
        type=raw["type"],
        cameo=str(raw["cameo"]),
        mode=raw.get("mode"),
        example=raw.get("example"),
        context=lists["context"],
        recipient=lists["recipient"],
        actor=lists["actor"],
        actor_sectors=frozenset(lists["actor_sectors"]),
        person_sectors=frozenset(lists["person_sectors"]),
        **{k: bool(raw.get(k, False)) for k in FLAGS},
        constraints=tuple(constraints),
    )


@cache
def cameo_codes() -> frozenset[str]:
    return frozenset(lexicons.load("cameo")["codes"])


def parse_rules(lang: str, data: dict[str, Any], where: str) -> Rules:
    unknown = [k for k in data if k not in FILE_KEYS]
    if unknown:
        raise LexiconError(f"{where}: unknown top-level key {unknown[0]!r}")
    syntax = syntax_for(lang)
    prepositions = syntax.words["prepositions"] | frozenset(syntax.contractions)
    by_lemma: dict[str, list[Trigger]] = {}
    seen: set[str] = set()
    for raw in data["triggers"]:
        t = parse_trigger(raw, where, prepositions)
        if t.id in seen:
            raise _fail(where, t.id, "id", "used twice")
        seen.add(t.id)
        by_lemma.setdefault(t.lemma, []).append(t)
    for entries in by_lemma.values():
        # the most constrained reading is tried first: 'opposer son veto' before 'opposer';
        # a constraint that only rules things out ('object_not') makes a reading no narrower
        entries.sort(key=lambda t: -sum(not _excluding(n, v) for n, v in t.constraints))
    for key in TYPE_SETS:
        bad = [t for t in data.get(key, []) if t not in PLOVER_TYPES]
        if bad:
            raise LexiconError(f"{where}: {key}: {bad[0]!r} is no PLOVER type")
    constructions = {
        k: parse_construction(data[k], f"{where}: {k}") for k in CONSTRUCTIONS if k in data
    }
    unnamed = data.get("unnamed_agent", {})
    bad = [t for t in unnamed.get("types", []) if t not in PLOVER_TYPES]
    if bad:
        raise LexiconError(f"{where}: unnamed_agent: {bad[0]!r} is no PLOVER type")
    pos = {p for entries in by_lemma.values() for t in entries for p in t.pos}
    if "NOUN" in pos:
        pos.add("PROPN")
    mod = lexicons.load("modality", lang)
    groups = lexicons.load("groups", lang)
    plover = lexicons.load("plover")
    bad = [t for t in plover.get("implicit_home_agent", {}) if t not in PLOVER_TYPES]
    if bad:
        raise LexiconError(f"lexicons/plover.json: implicit_home_agent: {bad[0]!r} is no type")
    bad = [t for t in plover.get("crowd_types", []) if t not in plover["implicit_home_agent"]]
    if bad:
        raise LexiconError(f"lexicons/plover.json: crowd_types: {bad[0]!r} has no home agent")
    return Rules(
        lang=lang,
        by_lemma={k: tuple(v) for k, v in by_lemma.items()},
        pos_ids=frozenset(POS_IDS[p] for p in pos if p in POS_IDS),
        syntax=syntax,
        reflexive=frozenset(lexicons.load("pronouns", lang).get("reflexive", [])),
        **{k: frozenset(data.get(k, [])) for k in WORD_SETS + TYPE_SETS},
        constructions=constructions,
        unnamed_agent={
            k: (frozenset(v) if isinstance(v, list) else v) for k, v in unnamed.items()
        },
        modality={k: (frozenset(v) if isinstance(v, list) else v) for k, v in mod.items()},
        groups=groups,
        person_nouns=frozenset(groups.get("person_nouns", [])),
        scores=plover["types"],
        group_codes=frozenset(plover.get("group_codes", [])),
        own_group_types=frozenset(plover.get("own_group_types", [])),
        press_sectors=frozenset(plover.get("press_sectors", [])),
        crowd_types=frozenset(plover.get("crowd_types", [])),
        moved_force_types=frozenset(plover.get("moved_force_types", [])),
        force_sectors=frozenset(plover.get("force_sectors", [])),
        implicit_home_agent={
            t: (v[0], v[1]) for t, v in plover.get("implicit_home_agent", {}).items()
        },
    )


@cache
def event_rules(lang: str) -> Rules:
    """The language's trigger rules, validated; raises LexiconError on a bad entry."""
    return parse_rules(lang, lexicons.load("events", lang), f"lexicons/{lang}/events.json")
