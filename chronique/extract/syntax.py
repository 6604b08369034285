"""The parser's labels and the language's function words, asked for by role, never by name.

spaCy's French model emits Universal Dependencies labels, its English model ClearNLP ones;
both label sets and the function words (auxiliaries, prepositions, contractions, negation
particles) live in `lexicons/<lang>/grammar.json`. Extractors call
`syntax_for(lang)` and ask its methods, so a new language adds a lexicon folder and no
extractor changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from chronique import lexicons
from chronique.lexicons import LexiconError

LABEL_ROLES = (
    "subj", "subj_pass", "obj", "direct_obj", "indirect_obj", "obl", "prep", "pobj", "agent",
    "relcl", "appos", "conj", "comp", "xcomp", "ccomp", "advcl", "acl", "aux", "aux_pass", "neg",
    "name", "mark", "case", "cc", "punct", "det", "amod", "nmod", "compound", "poss", "expl",
    "nominal", "climb", "predicative",
)  # fmt: skip
WORD_LISTS = (
    "auxiliaries", "agent_preps", "comitative_preps", "genitive_preps", "locative_preps",
    "negation_particles", "prepositions", "passive_verbs", "present_participle_endings",
    "time_nouns",
)  # fmt: skip


@dataclass(frozen=True, eq=False)
class Syntax:
    """One language's label sets (by role) and function words (one object per language,
    hashed by identity: a key of the rules' caches)."""

    lang: str
    labels: dict[str, frozenset[str]]
    words: dict[str, frozenset[str]]
    contractions: dict[str, str]
    present_endings: tuple[tuple[str, str], ...] = ()

    def __post_init__(self) -> None:
        # `syn.subj`, `syn.conj`…: each role's labels as a plain attribute (read in hot loops)
        for role, labels in self.labels.items():
            object.__setattr__(self, role, labels)

    def __getattr__(self, role: str) -> frozenset[str]:
        raise AttributeError(role)  # an unknown role is a programming error

    def children(self, tok: Token, labels: frozenset[str]) -> list[Token]:
        return [c for c in tok.children if c.dep_ in labels]

    def subjects(self, tok: Token) -> list[Token]:
        own = self.children(tok, self.labels["subj"])
        if own or self.children(tok, self.labels["aux_pass"]):
            return own
        return self.displaced_subjects(tok)

    def passive_subjects(self, tok: Token) -> list[Token]:
        own = self.children(tok, self.labels["subj_pass"])
        if own or not self.children(tok, self.labels["aux_pass"]):
            return own
        return self.displaced_subjects(tok)

    def displaced_subjects(self, tok: Token) -> list[Token]:
        """'Un homme soupçonné de X, qui …, a été arrêté': the parser takes the subject's
        reduced relative for the main clause (its participle, or the noun itself, as the
        sentence root) and hangs the real verb, tensed but subjectless, under it; that verb's
        subject is the root's subject, or the root noun."""
        if (
            tok.dep_ not in self.labels["advcl"]
            or not (self.children(tok, self.labels["aux"]) or "Fin" in tok.morph.get("VerbForm"))
            or self.children(tok, self.labels["subj"] | self.labels["subj_pass"])
        ):
            return []
        root = tok
        for _ in range(4):
            if root.head.i == root.i:
                break
            root = root.head
            if root.head.i != root.i and any(
                "Rel" not in c.morph.get("PronType")
                for c in self.children(root, self.labels["subj"] | self.labels["subj_pass"])
            ):
                return []  # a clause with its own subject between: the verb is of that clause
        if root.head.i != root.i or root.i > tok.i:
            return []
        if root.pos_ in ("NOUN", "PROPN"):
            return [root]
        if "Part" in root.morph.get("VerbForm") and not self.children(root, self.labels["aux"]):
            return self.children(root, self.labels["subj"] | self.labels["subj_pass"])
        return []

    def objects(self, tok: Token) -> list[Token]:
        """The verb's objects; 'a condamné vendredi des manœuvres' has its object hung on
        the day name by the parser, and the day is no object."""
        out: list[Token] = []
        for c in tok.children:
            if c.lower_ in self.words["time_nouns"]:
                nmod = self.labels["nmod"]
                out.extend(n for n in c.children if n.dep_ in nmod and n.left_edge.i == c.i + 1)
            elif c.dep_ in self.labels["obj"]:
                out.append(c)
        return out

    def passive_label_only(self, tok: Token) -> bool:
        """A subject labelled passive with no passive auxiliary beside it ('M. X a insisté',
        'les députés l'ont rejeté'): the parser's label, not a passive."""
        return bool(self.passive_subjects(tok)) and not any(
            c.dep_ in self.labels["aux_pass"] for c in tok.children
        )

    def is_passive(self, tok: Token) -> bool:
        passive = self.passive_subjects(tok)
        return bool(passive) or any(c.dep_ in self.labels["aux_pass"] for c in tok.children)

    def word(self, text: str) -> str:
        """A preposition's or article's canonical form: 'du' → 'de', "d'" → 'de'."""
        low = text.lower()
        return self.contractions.get(low, low)

    def infinitives(self, form: str) -> list[str]:
        """Infinitives a present-tense form may belong to ('livre' → 'livrer')."""
        low = form.lower()
        return [
            low[: len(low) - len(end)] + inf
            for end, inf in self.present_endings
            if low.endswith(end) and len(low) > len(end) + 1
        ]

    def prepositional(self, tok: Token) -> Iterator[tuple[str, Token]]:
        """(preposition, noun) pairs governed by `tok`, in both label schemes; 's'est rendu
        lundi matin à X' has 'à X' hung on the day name by the parser, and it is the verb's."""
        for c in tok.children:
            if c.lower_ in self.words["time_nouns"] and c.dep_ not in self.labels["case"]:
                yield from (
                    (p, n) for p, n in self.prepositional(c)
                    if n.i > c.i and p not in self.words["genitive_preps"]
                )  # fmt: skip
            if c.dep_ in self.labels["obl"]:
                case = [g for g in c.children if g.dep_ in self.labels["case"]]
                if case:
                    # "au sujet de", "à cause de": the first case word carries the meaning;
                    # its text, not its lemma (the French model lemmatises 'entre' as 'entrer')
                    word = case[0].lower_
                    if "'" in word or "’" in word:
                        word = self.contractions.get(word, word)  # "d'" → 'de'
                    yield word, c
            elif c.dep_ in self.labels["prep"]:
                for g in c.children:
                    if g.dep_ in self.labels["pobj"]:
                        yield c.lower_, g
            elif c.dep_ in self.labels["agent"]:
                for g in c.children:
                    if g.dep_ in self.labels["pobj"]:
                        yield next(iter(self.words["agent_preps"])), g

    def conjuncts(self, tok: Token) -> list[Token]:
        """`tok` and the tokens coordinated with it ("Moscou et Pyongyang")."""
        out = [tok]
        stack = [tok]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ in self.labels["conj"] and c not in out:
                    out.append(c)
                    stack.append(c)
        return out

    def is_negated(self, tok: Token) -> bool:
        for c in tok.children:
            if c.dep_ in self.labels["neg"] or "Neg" in c.morph.get("Polarity"):
                return True
        return False


def _build(lang: str, data: dict) -> Syntax:
    where = f"lexicons/{lang}/grammar.json"
    labels = data.get("labels", {})
    missing = [r for r in LABEL_ROLES if r not in labels]
    unknown = [r for r in labels if r not in LABEL_ROLES]
    if missing or unknown:
        raise LexiconError(f"{where}: labels: missing {missing}, unknown {unknown}")
    absent = [k for k in WORD_LISTS if k not in data]
    if absent:
        raise LexiconError(f"{where}: missing word lists {absent}")
    return Syntax(
        lang=lang,
        labels={r: frozenset(v) for r, v in labels.items()},
        words={k: frozenset(data[k]) for k in WORD_LISTS},
        contractions=dict(data.get("contractions", {})),
        present_endings=tuple((e, i) for e, i in data.get("present_endings", [])),
    )


@cache
def syntax_for(lang: str) -> Syntax:
    return _build(lang, lexicons.load("grammar", lang))
