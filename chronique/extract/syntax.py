"""One small adapter per parser label scheme, so extractors ask questions, not labels.

spaCy's French model emits Universal Dependencies labels, its English model ClearNLP ones.
Extractors call `syntax_for(lang)` and use these methods; a new language adds an adapter here
(or reuses one) and a lexicon folder, and no extractor changes.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

ELISIONS = {"d'": "de", "d’": "de", "l'": "le", "qu'": "que", "jusqu'": "jusque"}


@dataclass(frozen=True)
class Syntax:
    subj: frozenset[str]
    subj_pass: frozenset[str]
    obj: frozenset[str]
    obl: frozenset[str]  # nominal dependents that carry a preposition as a `case` child
    prep: frozenset[str]  # ClearNLP: preposition token heading its object
    pobj: frozenset[str]
    agent: frozenset[str]
    relcl: frozenset[str]
    appos: frozenset[str]
    conj: frozenset[str]
    comp: frozenset[str]  # clausal complements (que-clauses, infinitives)
    xcomp: frozenset[str]
    advcl: frozenset[str]
    aux: frozenset[str]
    neg: frozenset[str]
    name: frozenset[str]

    def children(self, tok: Token, labels: frozenset[str]) -> list[Token]:
        return [c for c in tok.children if c.dep_ in labels]

    def subjects(self, tok: Token) -> list[Token]:
        return self.children(tok, self.subj)

    def passive_subjects(self, tok: Token) -> list[Token]:
        return self.children(tok, self.subj_pass)

    def objects(self, tok: Token) -> list[Token]:
        return self.children(tok, self.obj)

    def prepositional(self, tok: Token) -> Iterator[tuple[str, Token]]:
        """(preposition lemma, noun) pairs governed by `tok`, in both label schemes."""
        for c in tok.children:
            if c.dep_ in self.obl:
                case = [g for g in c.children if g.dep_ == "case"]
                if case:
                    # "au sujet de", "à cause de": the first case word carries the meaning;
                    # its text, not its lemma (the French model lemmatises 'entre' as 'entrer')
                    word = case[0].lower_
                    yield ELISIONS.get(word, word), c
            elif c.dep_ in self.prep:
                for g in c.children:
                    if g.dep_ in self.pobj:
                        yield c.lower_, g
            elif c.dep_ in self.agent:
                for g in c.children:
                    if g.dep_ in self.pobj:
                        yield "by", g

    def conjuncts(self, tok: Token) -> list[Token]:
        """`tok` and the tokens coordinated with it ("Moscou et Pyongyang")."""
        out = [tok]
        stack = [tok]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ in self.conj and c not in out:
                    out.append(c)
                    stack.append(c)
        return out

    def is_negated(self, tok: Token) -> bool:
        for c in tok.children:
            if c.dep_ in self.neg or "Neg" in c.morph.get("Polarity"):
                return True
        return False


_FR = Syntax(
    subj=frozenset({"nsubj"}),
    subj_pass=frozenset({"nsubj:pass"}),
    obj=frozenset({"obj", "iobj"}),
    obl=frozenset({"obl", "obl:arg", "obl:mod", "obl:agent", "nmod", "iobj"}),
    prep=frozenset(),
    pobj=frozenset(),
    agent=frozenset(),
    relcl=frozenset({"acl:relcl"}),
    appos=frozenset({"appos"}),
    conj=frozenset({"conj"}),
    comp=frozenset({"ccomp", "xcomp", "acl"}),
    xcomp=frozenset({"xcomp"}),
    advcl=frozenset({"advcl"}),
    aux=frozenset({"aux", "aux:tense", "aux:pass", "cop"}),
    neg=frozenset(),
    name=frozenset({"flat:name", "flat"}),
)

_EN = Syntax(
    subj=frozenset({"nsubj"}),
    subj_pass=frozenset({"nsubjpass"}),
    obj=frozenset({"dobj", "dative"}),
    obl=frozenset(),
    prep=frozenset({"prep"}),
    pobj=frozenset({"pobj"}),
    agent=frozenset({"agent"}),
    relcl=frozenset({"relcl"}),
    appos=frozenset({"appos"}),
    conj=frozenset({"conj"}),
    comp=frozenset({"ccomp", "xcomp"}),
    xcomp=frozenset({"xcomp"}),
    advcl=frozenset({"advcl"}),
    aux=frozenset({"aux", "auxpass"}),
    neg=frozenset({"neg"}),
    name=frozenset({"compound"}),
)

_ADAPTERS = {"fr": _FR, "en": _EN}


@cache
def syntax_for(lang: str) -> Syntax:
    return _ADAPTERS[lang]
