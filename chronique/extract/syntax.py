"""The parser's labels and the language's function words, asked for by role, never by name.

spaCy's French model emits Universal Dependencies labels, its English model ClearNLP ones;
both label sets and the function words (auxiliaries, prepositions, contractions, negation
particles) live in `lexicons/<lang>/grammar.json`. Extractors call
`syntax_for(lang)` and ask its methods, so a new language adds a lexicon folder and no
extractor changes.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache

from spacy.tokens import Token

from chronique import lexicons
from chronique.lexicons import LexiconError

LABEL_ROLES = (
    "subj", "subj_pass", "obj", "direct_obj", "indirect_obj", "obl", "prep", "pobj", "agent",
    "relcl", "appos", "conj", "comp", "xcomp", "ccomp", "advcl", "acl", "aux", "aux_pass", "neg",
    "name", "mark", "case", "cc", "punct", "det", "amod", "nmod", "compound", "poss", "expl",
    "nominal", "climb", "predicative", "expl_subj", "misread_obj", "advmod", "fixed",
)  # fmt: skip
WORD_LISTS = (
    "auxiliaries", "agent_preps", "comitative_preps", "genitive_preps", "locative_preps",
    "negation_particles", "prepositions", "passive_verbs", "present_participle_endings",
    "time_nouns", "partitive_articles", "impersonal_verbs", "causative_verbs", "inverted_clitics",
    "dative_preps",
)  # fmt: skip

TENSES = ("future", "conditional")  # the tenses `Syntax.written_tense` can read off a form


@dataclass(frozen=True, eq=False)
class Syntax:
    """One language's label sets (by role) and function words (one object per language,
    hashed by identity: a key of the rules' caches)."""

    lang: str
    labels: dict[str, frozenset[str]]
    words: dict[str, frozenset[str]]
    contractions: dict[str, str]
    present_endings: tuple[tuple[str, str], ...] = ()
    bare_prepositions: dict[str, str] = field(default_factory=dict)
    months: frozenset[str] = frozenset()  # the time grammar's, as it matches them
    ambiguous_months: frozenset[str] = frozenset()
    months_case_sensitive: bool = False
    tense_endings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    future_stems: tuple[tuple[str, str], ...] = ()
    stem_folds: tuple[tuple[str, str], ...] = ()

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
        return (
            self.inverted_clitics(tok)
            or self.personal_expletives(tok)
            or self.copula_subjects(tok)
            or self.displaced_subjects(tok)
        )

    def inverted_clitics(self, tok: Token) -> list[Token]:
        """'« … », a-t-elle indiqué vendredi': the parser may hang the inverted subject
        pronoun on the auxiliary it follows rather than on the verb; it is the verb's
        subject (grammar.json `inverted_clitics`; the euphonic '-t' is none)."""
        clitics = self.words["inverted_clitics"]
        return [
            c
            for a in self.children(tok, self.labels["aux"])
            for c in a.children
            if c.i > a.i and c.lower_ in clitics
        ]

    def copula_subjects(self, tok: Token) -> list[Token]:
        """'X sont en droit de …' with the subject hung on the copula rather than on
        the predicate noun: the predicate's subject, which an infinitive under it inherits."""
        if tok.pos_ not in ("NOUN", "ADJ", "PROPN"):
            return []
        return [
            s
            for a in self.children(tok, self.labels["aux"])
            for s in self.children(a, self.labels["subj"])
        ]

    def personal_expletives(self, tok: Token) -> list[Token]:
        """'Il se rendra à Moscou' with 'il' labelled an impersonal subject by the parser:
        only an impersonal verb ('il faut', 'il s'agit', 'il y a', not after a causative:
        'il a fait valoir') or a passive ('il a été décidé') has one; any other verb's 'il'
        is its subject."""
        causative = any(
            c.i < tok.i and c.lemma_.lower() in self.words["causative_verbs"] for c in tok.children
        )  # 'il a fait valoir que …'
        if tok.pos_ != "VERB" or (
            tok.lemma_.lower() in self.words["impersonal_verbs"] and not causative
        ):
            return []
        if "Part" in tok.morph.get("VerbForm") and not self.children(tok, self.labels["aux"]):
            return []
        return [c for c in self.children(tok, self.labels["expl_subj"]) if c.pos_ == "PRON"]

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
        """The verb's objects; 'a condamné vendredi des manœuvres', 'a fermé le 3 mai ses
        frontières' have their object hung on the date by the parser, and the date is no
        object."""
        out: list[Token] = []
        for c in tok.children:
            date = self.date_words(c)
            if date:
                out.extend(self.after_date(date))
            elif c.dep_ in self.labels["obj"]:
                out.append(c)
        return out or self.misread_objects(tok)

    def definite(self, noun: Token) -> bool:
        """A noun with a definite or demonstrative article ('la finale', 'ces frappes'): it
        points back at one named before."""
        return any(
            d.dep_ in self.labels["det"]
            and ("Def" in d.morph.get("Definite") or "Dem" in d.morph.get("PronType"))
            for d in noun.children
        )

    def misread_objects(self, tok: Token) -> list[Token]:
        """'La France a critiqué Washington' with the name read as a complement or an
        adverb: a bare proper noun right after a verb that has no object is its object."""
        if tok.pos_ != "VERB":
            return []
        return [
            c
            for c in tok.children
            if c.dep_ in self.labels["misread_obj"]
            and c.pos_ == "PROPN"
            and c.left_edge.i == tok.i + 1
            and not any(g.dep_ in self.labels["case"] | self.labels["mark"] for g in c.children)
        ]

    def is_date_word(self, t: Token) -> bool:
        """A day name, a part of the day, a month, or a day number before its month; a
        month name that is also a word ('May', 'mars') only beside a number or after a
        preposition ('le 3 mai', 'en mai')."""
        if t.lower_ in self.words["time_nouns"]:
            return True
        if self.is_month(t):
            return (
                self._month_key(t) not in self.ambiguous_months
                or any(
                    (n.pos_ == "NUM" and abs(n.i - t.i) == 1) or n.dep_ in self.labels["case"]
                    for n in t.children
                )
                or (t.head.pos_ == "NUM" and abs(t.head.i - t.i) == 1)
            )
        return t.pos_ == "NUM" and any(self.is_month(n) and n.i == t.i + 1 for n in t.children)

    def is_month(self, t: Token) -> bool:
        return self._month_key(t) in self.months

    def _month_key(self, t: Token) -> str:
        """A word as the time grammar spells its months: as written, or in lower case."""
        return t.text if self.months_case_sensitive else t.lower_

    def date_words(self, c: Token) -> list[Token]:
        """The words of the date `c` heads as a verb's dependent ('vendredi', 'lundi 3 mai',
        'le 3 mai dernier', 'en mai'): `c` and its day, month and year dependents next to
        it; empty when `c` heads no date."""
        if c.dep_ in self.labels["case"] or not self.is_date_word(c):
            return []
        out = [c]
        stack = [c]
        while stack:
            t = stack.pop()
            for n in t.children:
                if n in out or abs(n.i - t.i) != 1:
                    continue
                if self.is_date_word(n) or n.pos_ == "NUM" or n.dep_ in self.labels["amod"]:
                    out.append(n)
                    stack.append(n)
        return sorted(out, key=lambda t: t.i)

    def after_date(self, date: list[Token]) -> list[Token]:
        """The nouns the parser hung on a date's words that begin right after it, bare or
        with a partitive article ('adopté lundi des sanctions'): the verb's objects."""
        end = date[-1].i
        return [
            n
            for t in date
            for n in t.children
            if n not in date
            and n.left_edge.i == end + 1
            and n.pos_ in ("NOUN", "PROPN", "PRON")
            and all(
                g.lower_ in self.words["partitive_articles"]
                for g in n.children
                if g.dep_ in self.labels["case"]
            )
        ]

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

    def written_tense(self, tok: Token) -> str | None:
        """'future' or 'conditional' when a finite verb's form is its future stem and one of
        grammar.json `tense_endings`, whatever tense the tagger gave it ('nous demanderons'
        tagged present); None otherwise, and always for a language with no such endings."""
        if not self.tense_endings or "Fin" not in tok.morph.get("VerbForm"):
            return None
        return self._tense_of(tok.lower_, tok.lemma_.lower())

    @lru_cache(maxsize=4096)  # noqa: B019 (one Syntax per language, kept for the run)
    def _tense_of(self, form: str, lemma: str) -> str | None:
        stems = {self._fold(lemma)} | {
            self._fold(lemma[: len(lemma) - len(end)] + stem)
            for end, stem in self.future_stems
            if lemma.endswith(end)
        }
        form = self._fold(form)
        for tense, endings in self.tense_endings.items():
            if any(form.endswith(e) and form[: len(form) - len(e)] in stems for e in endings):
                return tense
        return None

    def _fold(self, word: str) -> str:
        bare = "".join(
            ch for ch in unicodedata.normalize("NFD", word) if unicodedata.category(ch) != "Mn"
        )
        for a, b in self.stem_folds:
            bare = bare.replace(a, b)
        return bare

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
        lundi matin à X' has 'à X' hung on the date by the parser, and it is the verb's."""
        for c in tok.children:
            date = self.date_words(c)
            if date:
                yield from (
                    (p, n) for t in date for p, n in self._own_prepositional(t)
                    if n.i > date[-1].i and p not in self.words["genitive_preps"]
                )  # fmt: skip
        yield from self._own_prepositional(tok)

    def hung_on_date(self, tok: Token) -> Token | None:
        """The word the date `tok` is hung on depends on, when `tok` begins right after the
        date ('a annoncé le 3 mai la fermeture de …': 'annoncé'); else None."""
        root = tok.head
        if root.i == tok.i or not self.is_date_word(root):
            return None
        while root.head.i != root.i and self.is_date_word(root.head):
            root = root.head
        date = self.date_words(root)
        if root.head.i == root.i or tok not in self.after_date(date):
            return None
        return root.head

    def case_word(self, noun: Token) -> str | None:
        """The preposition a noun's phrase begins with ("au sujet de", "à cause de": the first
        case word carries the meaning), by its text, not its lemma (the French model
        lemmatises 'entre' as 'entrer'), a contraction resolved ("d'" → 'de')."""
        case = [g for g in noun.children if g.dep_ in self.labels["case"]]
        if not case:
            return None
        word = case[0].lower_
        if "'" in word or "’" in word:
            word = self.contractions.get(word, word)
        return word

    def bare_phrase(self, tok: Token) -> tuple[str, Token] | None:
        """'A Berlin, X a critiqué …': a capital preposition written without its accent,
        which the parser reads as a noun heading the phrase with the place as its modifier;
        (the preposition it stands for, the place noun right after it), else None."""
        prep = self.bare_prepositions.get(tok.text)
        if prep is None or tok.i + 1 >= len(tok.doc):
            return None
        noun = tok.doc[tok.i + 1]
        if noun.head.i != tok.i or noun.dep_ not in self.labels["nmod"]:
            return None
        return prep, noun

    def _own_prepositional(self, tok: Token) -> Iterator[tuple[str, Token]]:
        for c in tok.children:
            if c.dep_ in self.labels["obl"]:
                word = self.case_word(c)
                if word is not None:
                    yield word, c
                elif bare := self.bare_phrase(c):
                    yield bare
            elif c.dep_ in self.labels["prep"]:
                for g in c.children:
                    if g.dep_ in self.labels["pobj"]:
                        yield c.lower_, g
            elif c.dep_ in self.labels["agent"]:
                for g in c.children:
                    if g.dep_ in self.labels["pobj"]:
                        yield next(iter(self.words["agent_preps"])), g

    def conjuncts(self, tok: Token) -> list[Token]:
        """`tok` and the tokens coordinated with it ("Moscou et Pyongyang"); the parser may
        hang the second on the first one's last name ('Vladimir Poutine et Emmanuel Macron':
        'Emmanuel' under 'Poutine')."""
        out = [tok]
        stack = [tok]
        conj, name = self.labels["conj"], self.labels["name"]
        while stack:
            t = stack.pop()
            kids = [*t.children, *(g for c in t.children if c.dep_ in name for g in c.children)]
            for c in kids:
                if c.dep_ in conj and c not in out:
                    out.append(c)
                    stack.append(c)
        return out

    def is_negated(self, tok: Token) -> bool:
        for c in tok.children:
            if c.dep_ in self.labels["neg"] or "Neg" in c.morph.get("Polarity"):
                return True
        return False


def _build(lang: str, data: dict, time: dict | None = None) -> Syntax:
    time = time or {}
    where = f"lexicons/{lang}/grammar.json"
    labels = data.get("labels", {})
    missing = [r for r in LABEL_ROLES if r not in labels]
    unknown = [r for r in labels if r not in LABEL_ROLES]
    if missing or unknown:
        raise LexiconError(f"{where}: labels: missing {missing}, unknown {unknown}")
    absent = [k for k in WORD_LISTS if k not in data]
    if absent:
        raise LexiconError(f"{where}: missing word lists {absent}")
    tenses = set(data.get("tense_endings", {})) - set(TENSES)
    if tenses:
        raise LexiconError(f"{where}: tense_endings: unknown tenses {sorted(tenses)}")
    return Syntax(
        lang=lang,
        labels={r: frozenset(v) for r, v in labels.items()},
        words={k: frozenset(data[k]) for k in WORD_LISTS},
        contractions=dict(data.get("contractions", {})),
        present_endings=tuple((e, i) for e, i in data.get("present_endings", [])),
        bare_prepositions=dict(data.get("bare_prepositions", {})),
        months=frozenset(time.get("months", ())),
        ambiguous_months=frozenset(time.get("ambiguous_months", ())),
        months_case_sensitive=bool(time.get("case_sensitive_names")),
        tense_endings={t: tuple(e) for t, e in data.get("tense_endings", {}).items()},
        future_stems=tuple(data.get("future_stems", {}).items()),
        stem_folds=tuple((a, b) for a, b in data.get("stem_folds", [])),
    )


@cache
def syntax_for(lang: str) -> Syntax:
    # month names are the time grammar's (`time.json`), read here so they are kept once
    return _build(lang, lexicons.load("grammar", lang), lexicons.load("time", lang))
