"""Who said what: direct and indirect reported speech with its speaker.

Direct quotes are found from quotation marks (tolerating the unbalanced marks of wire copy)
and tied to the reporting clause beside them; indirect quotes from a reporting verb's
que-clause and from 'selon X'. Speakers are resolved through the actor resolver, pronouns
through the article's memory of who spoke last.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property

import numpy as np
from spacy.attrs import LEMMA, LOWER, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Token

from chronique import lexicons
from chronique.extract import offsets
from chronique.extract.actors import DocActors, Pronoun, fold, get_pronouns, morph_gender
from chronique.extract.sentences import sentence_end, sentence_start
from chronique.extract.syntax import syntax_for
from chronique.model import Actor, Quote, TimeExpr

_WORD = re.compile(r"[^\s']+'?")


def _words(phrase: str) -> tuple[str, ...]:
    """A lexicon phrase as the tokenizer splits it: "d'après" → ("d'", "après")."""
    return tuple(_WORD.findall(phrase.lower().replace("’", "'")))


def _clitic(entry: str, reflexive: frozenset[str]) -> str | None:
    """The reflexive clitic a lexicon verb entry starts with ('s'exclamer', 'se réjouir')."""
    for c in sorted(reflexive, key=len, reverse=True):
        c = c.replace("’", "'")
        if entry.startswith(c) and (c.endswith("'") or entry[len(c) : len(c) + 1] == " "):
            return c
    return None


VERB_IDS = frozenset({POS_IDS["VERB"], POS_IDS["AUX"]})
NOUN_ID = POS_IDS["NOUN"]
OTHER_ID = POS_IDS["X"]  # 'a tweeté': a participle the tagger did not know
UNKNOWN_IDS = frozenset({OTHER_ID, POS_IDS["PROPN"]})  # or took for a name


@dataclass
class Cues:
    verbs: frozenset[str]  # every lemma that may report speech, with the conditions below
    reflexive: frozenset[str]  # 's'exclamer': only with its reflexive clitic
    preceded_by: dict[str, str]  # 'faire savoir': 'savoir' after a form of 'faire'
    according_to: tuple[tuple[str, ...], ...]  # each phrase as tokens: ("d'", "après")
    impersonal: frozenset[str]
    infinitive_verbs: frozenset[str]
    open_marks: str
    close_marks: str
    clitics: frozenset[str]  # reflexive clitics, as tokens
    complementizers: frozenset[str]
    lemma_from_form: tuple[tuple[str, str], ...]
    for_whom: frozenset[str]
    object_verbs: frozenset[str]
    document_nouns: frozenset[str]
    evidence_nouns: frozenset[str]  # 'selon les chiffres du ministère': the ministry's
    colon_excluded: frozenset[str]
    gerund_endings: tuple[str, ...]
    as_markers: frozenset[str]  # '« … » comme le rappelle X': the words the verb follows
    adjective_verbs: frozenset[str]  # 'se dit inquiète de …': the adjective says it
    impersonal_verbs: frozenset[str]  # 'il existe', 'il faut': their pronoun is no one
    aside_nouns: frozenset[str]  # 'affirme de son côté X': an aside's noun
    adverbial_phrases: tuple[str, ...]  # '« … », a de son côté dénoncé X': passed over
    fragment_verbs: frozenset[str]  # 'a dénoncé la « répression »': quoted words are theirs
    relay_sectors: frozenset[str]  # 'a rapporté Le Monde': a medium relays, keeps no floor
    # (lemma hash, form hash) -> (gives a reporting verb, has a gerund ending), and lemma hash
    # -> a document noun: what every token of every paragraph is asked, remembered
    seen_forms: dict[tuple[int, int], tuple[bool, bool]] = field(default_factory=dict)
    seen_lemmas: dict[int, bool] = field(default_factory=dict)


@cache
def cues_for(lang: str) -> Cues:
    lex = lexicons.load("reporting", lang)
    clitics = get_pronouns(lang).reflexive
    plain, reflexive, preceded_by = set(), set(), {}
    for entry in lex["verbs"]:
        entry = entry.replace("’", "'")
        clitic = _clitic(entry, clitics)
        if clitic is not None:
            reflexive.add(entry[len(clitic) :].strip())
        elif " " in entry:
            first, last = entry.rsplit(" ", 1)
            preceded_by[last] = first
        else:
            plain.add(entry)
    return Cues(
        verbs=frozenset(plain | reflexive | set(preceded_by)),
        reflexive=frozenset(reflexive - plain),
        preceded_by={k: v for k, v in preceded_by.items() if k not in plain},
        according_to=tuple(_words(a) for a in lex["according_to"]),
        impersonal=frozenset(lex["impersonal"]),
        infinitive_verbs=frozenset(lex.get("infinitive_verbs", [])),
        open_marks="".join(lex["quote_marks"]["open"]),
        close_marks="".join(lex["quote_marks"]["close"]),
        clitics=frozenset(c.replace("’", "'") for c in clitics),
        complementizers=frozenset(lex.get("complementizers", [])),
        lemma_from_form=tuple((a, b) for a, b in lex.get("lemma_from_form", [])),
        for_whom=frozenset(lex.get("for_whom", [])),
        object_verbs=frozenset(lex.get("object_verbs", [])),
        document_nouns=frozenset(lex.get("document_nouns", [])),
        evidence_nouns=frozenset(lex.get("evidence_nouns", [])),
        colon_excluded=frozenset(lex.get("colon_verbs_excluded", [])),
        gerund_endings=tuple(lex.get("gerund_endings", [])),
        as_markers=frozenset(lex.get("as_markers", [])),
        adjective_verbs=frozenset(lex.get("adjective_verbs", [])),
        impersonal_verbs=frozenset(lex.get("impersonal_verbs", [])),
        aside_nouns=frozenset(lex.get("aside_nouns", [])),
        adverbial_phrases=tuple(p.replace("’", "'") for p in lex.get("adverbial_phrases", [])),
        fragment_verbs=frozenset(lex.get("fragment_verbs", [])),
        relay_sectors=frozenset(lex.get("relay_sectors", [])),
    )


def quote_spans(text: str, cues: Cues) -> list[tuple[int, int, bool]]:
    """(start, end, closed) of quoted passages; an unclosed quote runs to the paragraph's end.

    A straight double quote opens when it follows a space, a colon or the start and precedes
    a non-space; nested openings before a closing mark are treated as part of the quote.
    """
    spans = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch not in cues.open_marks and ch not in cues.close_marks:
            continue
        before = text[i - 1] if i > 0 else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if ch in cues.open_marks and ch in cues.close_marks:  # ambiguous straight quote
            opening = (before.isspace() or before in ":(—-'’") and not after.isspace()
        else:
            opening = ch in cues.open_marks
        if opening:
            if depth == 0:
                start = i + 1
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                spans.append((start, i, True))
    if depth > 0:
        spans.append((start, len(text), False))
    return spans


def _clean(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in '"«“,:'):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in '"»”,«“'):
        # an opening mark at the end opens the next quote ('… reste chère. « Le taux …')
        end -= 1
    return start, end


class QuoteExtractor:
    """Quotes of one article, paragraph by paragraph, in reading order."""

    def __init__(self, lang: str):
        self.lang = lang
        self.syn = syntax_for(lang)
        self.cues = cues_for(lang)
        self.pronouns = get_pronouns(lang)
        self.last_direct: tuple[Actor, int] | None = None  # speaker, paragraph index
        # the reporting verb that ends the last paragraph, with its reader and index
        self.closing_report: tuple[Token, DocActors, int] | None = None
        self.authors: dict[str, Actor] = {}  # document noun → author of the last one named
        self.times: list[tuple[int, int]] = []  # the paragraph's time expressions
        self._aside_doc: Doc | None = None  # the paragraph `_aside_ids` were read from
        self._aside_ids: frozenset[int] = frozenset()

    def _clitic(self, tok: Token) -> bool:
        """'s'' or 'se' as a token of its own ('s'est exclamé')."""
        return tok.lower_.replace("’", "'") in self.cues.clitics

    def _lemma(self, tok: Token) -> str:
        """The verb's lemma; a present-tense form the tagger left as it is ('estime',
        'glisse') is rewritten by the lexicon's endings when that gives a reporting verb."""
        return self._lemma_of(tok.lemma_, tok.lower_)

    def _lemma_of(self, lemma_text: str, low: str) -> str:
        lemma = lemma_text.lower()
        if lemma in self.cues.verbs:
            return lemma
        for end, base in self.cues.lemma_from_form:
            if low.endswith(end) and (cand := low[: len(low) - len(end)] + base) in self.cues.verbs:
                return cand
        return lemma

    def _gerund(self, tok: Token) -> bool:
        """', avertissant que …': a present participle, tagged as one or not. Every one ends
        in one of the lexicon's endings, checked first: reading the morphology is slow."""
        endings = self.cues.gerund_endings
        if endings and not tok.lower_.endswith(endings):
            return False
        if "Part" in tok.morph.get("VerbForm") and "Pres" in tok.morph.get("Tense"):
            return True
        return bool(endings) and tok.pos_ in ("ADJ", "NOUN", "VERB")

    def _maybe_reporting(self, doc: Doc) -> list[int]:
        """The tokens `_is_reporting` may accept: those whose lemma (or form) gives a
        reporting verb, tagged as a verb or a noun or ending as a gerund. Read from arrays and
        remembered per (lemma, form): building a Token for every word cost more."""
        cues = self.cues
        memo = cues.seen_forms
        if len(memo) > 500_000:  # a long run meets ever more forms: keep memory flat
            memo.clear()
        strings = doc.vocab.strings
        endings = cues.gerund_endings
        out = []
        for i, (pos, lemma, lower) in enumerate(doc.to_array([POS, LEMMA, LOWER]).tolist()):
            known = memo.get((lemma, lower))
            if known is None:
                low = strings[lower]
                known = memo[(lemma, lower)] = (
                    self._lemma_of(strings[lemma], low) in cues.verbs,
                    bool(endings) and low.endswith(endings),
                )
            if known[0] and (pos in VERB_IDS or known[1] or pos == NOUN_ID or pos in UNKNOWN_IDS):
                out.append(i)  # a noun: a present-tense form the tagger misread
        return out

    def _is_reporting(self, tok: Token) -> bool:
        if tok.pos not in VERB_IDS and not self._unknown_participle(tok):
            # a gerund the tagger missed, else no reporting verb
            endings = self.cues.gerund_endings
            if not endings or not tok.lower_.endswith(endings):
                # 'Les chercheurs calculent que …' tagged as a noun: a known present-tense
                # form with a subject and a reported clause of its own
                return tok.pos == NOUN_ID and self._verb_tagged_noun(tok)
            if not self._gerund(tok) or tok.dep_ in self.syn.subj | self.syn.direct_obj:
                return False
        lemma = self._lemma(tok)
        if lemma not in self.cues.verbs:
            return False
        if lemma in self.cues.reflexive:
            return any(self._clitic(c) for c in tok.children)
        if lemma in self.cues.preceded_by:
            first = self.cues.preceded_by[lemma]
            return any(t.lemma_.lower() == first for t in tok.doc[max(0, tok.i - 3) : tok.i])
        return True

    def _inverted_noun(self, tok: Token) -> bool:
        """'« … », juge Manuel Valls': right after quoted words, a present-tense form tagged as
        a noun with a name after it is the reporting verb of an inverted clause."""
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        lemma = self._lemma(tok)
        return (
            tok.pos == NOUN_ID
            and nxt is not None
            and nxt.pos_ in ("PROPN", "DET")
            and lemma != tok.lemma_.lower()
            and lemma in self.cues.verbs
            and lemma not in self.cues.reflexive
        )

    def _subject_before(self, verb: Token, qs: int, da: DocActors) -> bool:
        """'La chanteuse du tube « … » se dit …': a verb whose subject stands before the
        quoted words does not report them."""
        return any(t.idx < qs for t in self._true_subjects(da.syn.subjects(verb), da))

    def _true_subjects(self, subjects: list[Token], da: DocActors) -> list[Token]:
        """'Dans cette tribune, M. X a rappelé …' parsed with the phrase as subject: a
        subject with a preposition is an adjunct the parser misread; the name apposed to it
        is the subject."""
        out = []
        for s in subjects:
            if not any(ch.isalpha() for ch in s.text):
                continue  # 'écrivent -elles' split at its hyphen: the hyphen is no subject
            if self._in_aside(s):
                continue  # '« … », a quant à elle commenté X': 'elle' is no subject there
            if any(c.dep_ in da.syn.case for c in s.children):
                out.extend(da.syn.children(s, da.syn.appos))
            elif (inverted := self._after_clitic(s, da)) is not None:
                out.append(inverted)
            else:
                out.append(s)
        return out

    @staticmethod
    def _to_whom(tok: Token, da: DocActors) -> bool:
        """An object clitic before its verb ('lui a dit', 'leur a assuré'): to whom the
        words were said, never their speaker."""
        return tok.pos_ == "PRON" and da.pronouns.object_clitic(tok)

    def _after_clitic(self, s: Token, da: DocActors) -> Token | None:
        """'« … », lui a dit X', 'leur a expliqué X': an object clitic (in a language whose
        object pronouns come before the verb) read as the subject, with a name after the
        verb: that name is the subject."""
        verb = s.head
        if (
            not self._to_whom(s, da)
            or not s.i < verb.i
            or any(t.dep_ not in da.syn.aux for t in s.doc[s.i + 1 : verb.i])
        ):
            return None
        after = [
            c
            for c in verb.children
            if c.i > verb.i and c.dep_ in da.syn.obj | da.syn.subj and da.actorish(c)
        ]
        return after[0] if after else None

    def _incise_before(self, doc: Doc, qs: int, da: DocActors) -> Token | None:
        """The verb of ', souligne le chercheur X, "…"': a reporting verb after a comma (or
        opening its sentence), its inverted subject, then a comma and the quote."""
        before = [t for t in offsets.before(doc, qs, 10) if t.text not in self.cues.open_marks]
        if len(before) < 3 or before[-1].text != ",":
            return None
        for k in range(len(before) - 2, -1, -1):
            v = before[k]
            if not self._is_reporting(v):
                continue
            prev = doc[v.i - 1] if v.i > 0 else None
            if prev is not None and not (prev.text == "," or prev.is_sent_start):
                return None
            if any(s.i < v.i for s in da.syn.subjects(v)):
                return None  # 'X souligne, "…"' is no incise
            inside = {t.i for t in v.subtree}
            if all(t.i in inside or t.is_punct for t in before[k + 1 : -1]):
                return v
            return None
        return None

    def _narrative(self, verb: Token, da: DocActors) -> bool:
        """'Et les analystes de relever que …': an infinitive after 'de' hung on the noun that
        opens its sentence is that noun's act."""
        head = verb.head
        return (
            "Inf" in verb.morph.get("VerbForm")
            and verb.dep_ in da.syn.acl
            and head.pos_ in ("NOUN", "PROPN")
            and head.i < verb.i
            and head.left_edge.i - head.sent.start <= 2
            and any(c.dep_ in da.syn.mark and c.lower_ in da.lex.genitive for c in verb.children)
        )

    def _name_before(self, verb: Token, da: DocActors) -> Actor | None:
        """'…, la Norvège avait indiqué que …' parsed with the name as another verb's
        object: a name that ends right before the verb (its auxiliary, adverbs and negation
        aside) is its subject."""
        doc = verb.doc
        j = verb.i - 1
        while j >= 0 and (
            doc[j].dep_ in da.syn.aux or doc[j].pos_ == "ADV" or self._clitic(doc[j])
        ):
            j -= 1
        m = da.by_token.get(j) if j >= 0 else None
        if m is None or m.end != j + 1 or m.kind not in ("person", "per", "org", "country"):
            return None
        root = doc[m.start : m.end].root
        if any(c.dep_ in da.syn.case for c in root.children) or self._in_quotes(root, da):
            return None  # 'à Séoul a indiqué …': a place, not a subject
        return da.actor(root, loose=True)

    def _governing_verb(self, tok: Token, da: DocActors) -> Token | None:
        """The clause verb above `tok`, through the noun or clause the parser hung it on: the
        first verb with a subject of its own, or the root."""
        h = self._gerund_head_infinitive(tok, da) or tok  # above its own infinitive
        if h.head.i == h.i:
            # '"…", assure X, se disant …' parsed with the gerund as the root: the tensed
            # reporting verb hung on it before it
            before = [c for c in h.children if self._reports_before(c, tok, da)]
            return before[-1] if before else None
        for _ in range(6):
            if h.head.i == h.i:
                return None
            h = h.head
            if not (h.pos in VERB_IDS or self._is_reporting(h)):
                continue
            if h.head.i == h.i or da.syn.subjects(h) or self._aux_subjects(h, da):
                if self._in_quotes(h, da) and not self._in_quotes(tok, da):
                    # '« … », décrit X, déplorant que …' hung on the quoted words' verb: the
                    # reporting verb of those words speaks
                    said = [
                        c
                        for c in h.children
                        if c.i < tok.i and not self._in_quotes(c, da) and self._is_reporting(c)
                    ]
                    return said[-1] if said else None
                if h.dep_ in da.syn.ccomp and self._is_reporting(h.head):
                    return h.head  # 'X a assuré que Y …, tout en prévenant que …': X warns
                # 'A a fait …, mais B a refusé, estimant que …': the nearest clause before
                # the gerund speaks, not the first of the coordination
                near = [
                    c
                    for c in da.syn.children(h, da.syn.conj)
                    if h.i < c.i < tok.i and c.pos in VERB_IDS and da.syn.subjects(c)
                ]
                return near[-1] if near else h
            if self._inverted(h, da) or self._gerund(h):
                return h  # a gerund climbs on from there
            if self._reports_before(h, tok, da):
                return h  # '"…", a ajouté X, en précisant …': a subject after its verb
        return None

    def _inverted(self, verb: Token, da: DocActors) -> list[Token]:
        """'juge-t-il', 'a-t-elle ajouté': a subject pronoun after its verb; a gerund climbs
        to the verb it hangs on ('a-t-elle poursuivi, tout en affirmant que …') and takes
        this one."""
        near = list(verb.children)
        if self._unknown_participle(verb):
            # 'a -t -il tweeté' with the pronoun hung on the auxiliary's euphonic 't'
            near += [t for t in verb.doc[max(0, verb.i - 3) : verb.i] if t.lower_.startswith("-")]
        return [
            c
            for c in near
            if (c.i > verb.i or c.lower_.startswith("-"))
            and not any(g.dep_ in da.syn.case for g in c.children)  # 'quant à elle'
            and (p := da.pronouns.at(c)) is not None  # 'estime t -il': after a euphonic 't'
            and (p.number == "pl" or p.gender is not None)  # 'it' names no speaker
        ]

    def _takes_floor(self, speaker: Actor) -> bool:
        """A person or a body speaking for itself keeps the floor for a later 'il'; a medium
        relaying the news ('…, rapporte Le Monde') does not."""
        return speaker.kind == "person" or speaker.sector not in self.cues.relay_sectors

    def _with_name(self, found: Actor, noun: Token, da: DocActors) -> Actor:
        """'a souligné la directrice de l'ONG, Daniela Bernacchi' with the name parsed apart
        from its title: the person the title is apposed to speaks, in the title's sector."""
        if found.kind not in ("group", "unnamed") or found.name is not None:
            return found
        named = self._apposed_name(noun, da)
        if named is None or named.kind != "person":
            return found
        named.sector = named.sector or found.sector
        named.country = named.country or found.country
        return named

    def _apposed_name(self, noun: Token, da: DocActors) -> Actor | None:
        """The person named right after the phrase of `noun` and a comma, whatever the parser
        hung the name on ('…, a déclaré le porte-parole de l'ONG, Anna Roux.')."""
        doc = noun.doc
        end = max(t.i for t in noun.subtree)
        if end + 2 >= len(doc) or doc[end + 1].text != ",":
            return None
        m = da.by_token.get(end + 2)
        if m is None or m.start != end + 2 or m.kind not in ("person", "per"):
            return None
        after = doc[m.end] if m.end < len(doc) else None
        if after is not None and not after.is_punct:
            return None  # '…, Anna Roux a ajouté': the name opens a clause of its own
        return da.actor(doc[m.start : m.end].root, loose=True)

    @staticmethod
    def _phrase_end(noun: Token, da: DocActors) -> int:
        """Where a prepositional phrase after a verb ends: its noun's own name ('Post' of 'au
        Washington Post', which the parser may leave untied), else its subtree, up to a
        person's name the parser hung on it ('sur Twitter Melania Trump')."""
        m = da.by_token.get(noun.i)
        end = noun.i
        for x in noun.doc[noun.i + 1 : noun.right_edge.i + 1]:
            mx = da.by_token.get(x.i)
            if mx is not None and mx.start == x.i and mx.kind in ("person", "per"):
                break
            end = x.i
        return max(end, m.end - 1) if m is not None else end

    def _reports_before(self, verb: Token, tok: Token, da: DocActors) -> bool:
        """A tensed reporting verb before `tok`, outside the quote, whose subject may follow
        it: the verb a gerund after it goes on from."""
        return (
            verb.i < tok.i
            and self._is_reporting(verb)
            and self._tensed(verb, da)
            and not self._in_quotes(verb, da)
        )

    @staticmethod
    def _tensed(verb: Token, da: DocActors) -> bool:
        """A finite verb or one with its auxiliary ('assure', 'a ajouté'), which may have its
        subject after it; not a bare participle ('Accusé par X, …')."""
        return "Fin" in verb.morph.get("VerbForm") or bool(da.syn.children(verb, da.syn.aux))

    def _gerund_head_infinitive(self, tok: Token, da: DocActors) -> Token | None:
        """', en précisant ne pas avoir …': the infinitive a reporting gerund introduces when
        the parser hung the gerund on it, fused with its 'en' into a marker of it or as its
        adjunct; None otherwise."""
        if self._lemma(tok) not in self.cues.infinitive_verbs:
            return None
        up = tok.head
        if tok.dep_ in da.syn.fixed and up.dep_ in da.syn.mark:
            up = up.head  # 'en précisant' one marker
        elif tok.dep_ not in da.syn.advcl or not da.syn.children(tok, da.syn.mark):
            return None
        return up if up.i > tok.i and self._infinitive(up, da) else None

    def _unknown_participle(self, tok: Token) -> bool:
        """'a tweeté', 'avait tweeté', 'a-t-il tweeté': a lower-case word the tagger could not
        place (or took for a name) right after a tense auxiliary is a verb's participle,
        whatever the parser hung the auxiliary on."""
        if tok.pos not in UNKNOWN_IDS or not tok.is_lower:
            return False
        if any(c.dep_ in self.syn.aux for c in tok.children):
            return True
        for t in reversed(tok.doc[max(0, tok.i - 4) : tok.i]):
            if t.lower_.startswith("-") or t.lower_ in self.cues.clitics or self._in_aside(t):
                continue  # '-t', '-il', "s'", "d'abord"
            return t.lemma_.lower() in self.syn.words["auxiliaries"]
        return False

    def _verb_tagged_noun(self, tok: Token) -> bool:
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        inverted = nxt is not None and (
            nxt.lower_ in self.pronouns.euphonic or nxt.lower_.startswith(self.pronouns.prefixes)
        )
        if inverted and self.pronouns.at(nxt) is not None:
            pass  # 'juge-t-il' tagged as a noun: a verb with its inverted subject
        elif not self.syn.subjects(tok) or not self.syn.children(tok, self.syn.ccomp):
            return False
        lemma = self._lemma(tok)
        return lemma != tok.lemma_.lower() and lemma in self.cues.verbs

    def _reporter_above(
        self, pronoun_tok: Token, pronoun: Pronoun, da: DocActors
    ) -> Actor | None:
        """'X a affirmé qu'il pensait que …': a pronoun subject of a clause another speaker
        reports is that speaker, when they agree, whoever was named in between."""
        verb = pronoun_tok.head
        if verb.dep_ not in da.syn.ccomp or not self._is_reporting(verb.head):
            return None
        outer = [s for s in self._true_subjects(da.syn.subjects(verb.head), da) if s.i < verb.i]
        if len(outer) != 1:
            return None
        subj = outer[0]
        plural = "Plur" in subj.morph.get("Number")
        if (pronoun.number == "pl") != plural:
            return None
        actor = da.actor(subj, loose=True)
        if actor is None or not (actor.name or actor.country):
            return None
        gender = morph_gender(subj) or da.memory.genders.get(fold(actor.name or ""))
        if pronoun.number == "sg" and pronoun.gender and gender and gender != pronoun.gender:
            return None
        return actor

    def _speaker_of(
        self, verb: Token, da: DocActors, quote: tuple[int, int] | None
    ) -> Actor | None:
        """The speaker of a reporting verb: its subject (climbing out of 's'est contenté
        d'indiquer'), an inverted pronoun ('juge-t-il'), else a name right after it."""
        doc = verb.doc
        head = verb
        syn = da.syn
        if (
            self._gerund(verb)
            and verb.dep_ in syn.advcl | syn.acl
            and verb.head.dep_ in syn.ccomp
            and self._is_reporting(verb.head.head)
        ):
            # 'X a assuré que Y …, tout en prévenant que …': a gerund the parser hung in the
            # reported clause reports for whoever reports that clause
            head = verb.head.head
        for _ in range(3):
            own = da.syn.subjects(head)
            if not own and da.syn.passive_label_only(head):
                own = da.syn.passive_subjects(head)  # 'M. X a insisté' read as a passive
            if self._gerund(head):
                own = [s for s in own if s.i < head.i]  # ', appelant X à …': X is no subject
            subjects = [
                s
                for s in self._true_subjects(own + self._aux_subjects(head, da), da)
                + self._inverted(head, da)
                if not (quote and quote[0] <= s.idx < quote[1])
            ]
            if subjects:
                break
            if self._gerund(head):
                # ', estimant que …': the gerund's speaker is its clause's subject, whatever
                # the parser hung it on ('a condamné les frappes, appelant …': the object)
                up = self._governing_verb(head, da)
                if up is None:
                    break
                head = up
                continue
            if (
                head.dep_ in syn.conj
                and head.head.i < head.i
                and head.head.pos_ in ("VERB", "AUX")
            ):
                # 'X a critiqué le projet et assure que …': a verb coordinated with the one
                # before shares its subject
                head = head.head
                continue
            if head.dep_ not in da.syn.xcomp | da.syn.comp | da.syn.advcl:
                break
            if not self._infinitive(head, da):  # "après avoir répété que …" too
                break
            if "Inf" not in head.morph.get("VerbForm") and head.i > head.head.i:
                break  # 'a critiqué X pour avoir appelé …': X appealed, not the critic
            head = head.head
        if not subjects and self._narrative(verb, da):
            subjects = [verb.head]  # 'Et les analystes de relever que …'
        for s in subjects:
            if s.pos == NOUN_ID and s.lemma_.lower() in self.cues.document_nouns:
                # 'le rapport de l'OCDE estime que …', 'leur article estime …': the document's
                # author speaks
                return self._document(s, da)
            pronoun = da.pronouns.at(s)
            if (
                pronoun is not None
                and self._lemma(s.head) in self.cues.impersonal_verbs
                and not (s.head.i == verb.i and self._is_reporting(verb))  # 'il a fait valoir'
            ):
                return None  # 's'il existait un consensus pour dire que …': no one speaks
            if pronoun is not None and pronoun.latest:
                return da.memory.resolve_latest(pronoun, da.offset + s.idx)
            if pronoun is not None and (outer := self._reporter_above(s, pronoun, da)):
                return outer
            if pronoun is not None and (pronoun.number == "pl" or pronoun.gender is not None):
                plural = pronoun.number == "pl"
                return da.memory.resolve_speaker(
                    pronoun.base,
                    da.offset + s.idx,
                    gender=None if plural else pronoun.gender,
                    plural=plural,
                )
            low = s.text.lower().lstrip("-")
            for prefix in da.pronouns.prefixes:
                low = low.removeprefix(prefix)
            if low in self.cues.impersonal:
                return None
            a = da.actor(s, loose=True) or da.unnamed_person(s)
            if a is not None:
                return a
        if self._gerund(verb):
            if (
                head is verb
                or head.i > verb.i
                or self._gerund(head)
                or not self._is_reporting(head)
                or not self._tensed(head, da)
            ):
                return None  # what follows a gerund is its object, never its subject
            verb = head  # '"…", assure X, se disant …': the inverted subject of its verb
        if not subjects and (before := self._name_before(verb, da)) is not None:
            return before
        # inverted clause: 'a déclaré le porte-parole …, Yoon Do-han', 'a indiqué lors d'une
        # conférence de presse Anna Mitianina': a title right after the verb, else the first
        # name before the clause ends
        skip_to = verb.i
        for t in doc[verb.i + 1 : min(len(doc), verb.i + 12)]:
            if t.i <= skip_to:
                continue
            if t.i > verb.i + 8:
                break
            if t.dep_ in syn.case and t.head.i > t.i and t.head.head.i == verb.i:
                # 'a expliqué au Washington Post un ancien agent': the verb's prepositional
                # phrase (a medium, a place) stands between it and its inverted subject
                aside = t.head.lemma_.lower() in self.cues.aside_nouns
                skip_to = t.head.i if aside else self._phrase_end(t.head, da)
                continue
            if t.text == "," and skip_to == t.i - 1 > verb.i:
                skip_to = t.i  # 'a déclaré à l'AFP, Edgar Ngbaba'
                continue
            if (
                t.pos_ in ("NOUN", "ADJ")
                and not (t.pos_ == "NOUN" and da.actorish(t))  # 'le patron des députés PS'
                and (described := da.person_noun(t)) is not None
            ):
                return described  # ', se félicite ce vieux sexagénaire', ', juge la chanteuse'
            if t.pos_ == "NOUN" and not da.actorish(t) and (u := da.unnamed_person(t)):
                return self._with_name(u, t, da)  # ', raconte une habitante'
            if t.pos_ in ("ADV", "DET", "ADJ") or self._euphonic(t, da) or self._timing(t):
                continue
            if t.pos_ == "NOUN" and t.lemma_.lower() in self.cues.document_nouns:
                return self._document(t, da)  # ', estime une étude publiée lundi'
            if t.pos_ in ("NOUN", "PROPN") and da.actorish(t) and not self._in_quotes(t, da):
                found = da.actor(t, loose=True)
                return self._with_name(found, t, da) if found is not None else None
            if t.pos_ == "PRON":
                # 'a justifié l'un d'eux, Marc Tissot': the name apposed to the pronoun (or
                # coordinated with its complement, as the parser may read it)
                named = [
                    c
                    for c in t.subtree
                    if c.i > t.i and c.dep_ in syn.appos | syn.conj and da.actorish(c)
                ]
                if named:
                    return da.actor(named[0], loose=True)
            break
        window = doc[skip_to + 1 : min(len(doc), verb.i + 12)]
        stop = next(
            (
                t.i
                for t in window
                if (t.text in (",", ".", ";", ":") and not self._timing(t))
                or t.pos_ == "VERB"
                or self._that(t)
            ),
            verb.i + 12,
        )  # a name after 'que' is the reported clause's subject, not the speaker
        found = [
            m
            for t in window
            if t.i < stop
            and (m := da.by_token.get(t.i)) is not None
            and m.start == t.i
            and not self._in_quotes(t, da)
            and not any(c.dep_ in da.syn.case for c in doc[m.start : m.end].root.children)
        ]  # a subject is neither quoted words nor in a prepositional phrase ('au Monde')
        for kinds in (("person", "per"), ("org", "country", "capital", "seat")):
            for m in found:
                if m.kind in kinds:
                    return da.actor(doc[m.start : m.end].root, loose=True)
        return None

    def paragraph(
        self,
        doc: Doc,
        da: DocActors,
        index: int,
        spans: list[tuple[int, int, bool]] | None = None,
        times: list[TimeExpr] | None = None,
    ) -> list[Quote]:
        """The paragraph's quotes; `spans` are its `quote_spans` when the caller has them,
        `times` its time expressions (absolute offsets), which stand between a verb and its
        inverted subject ('a annoncé mardi 4 mai le ministère')."""
        text = da.text
        self.times = [(t.start - da.offset, t.end - da.offset) for t in times or []]
        out: list[Quote] = []
        if spans is None:
            spans = quote_spans(text, self.cues)
        direct = [s for s in spans if s[1] - s[0] > 1]
        used_verbs: set[int] = set()

        self._note_documents(doc, da)
        # indirect speech first: its spans tell which quoted words are only scare quotes
        indirect: list[Quote] = []
        by_verb: dict[int, Quote] = {}  # reporting verb's token -> its quote
        for i in self._maybe_reporting(doc):
            tok = doc[i]
            if not self._is_reporting(tok):
                continue
            comp = [
                c
                for c in tok.children
                if c.dep_ in da.syn.comp
                and c.pos_ in ("VERB", "AUX", "ADJ", "NOUN")
                and any(self._that(g) for g in c.children if g.dep_ in da.syn.mark)
            ]
            infinitive = [
                c
                for c in tok.children
                if c.dep_ in da.syn.xcomp | da.syn.ccomp  # 'ne pas avoir V-é' read as ccomp
                and self._infinitive(c, da)
                and c.i > tok.i
                and self._lemma(tok) in self.cues.infinitive_verbs
            ]
            if not infinitive and (carried := self._gerund_head_infinitive(tok, da)):
                infinitive = [carried]  # 'en précisant avoir …' with the gerund hung on it
            stated = [
                c
                for c in tok.children
                if c.dep_ in da.syn.xcomp
                and c.pos_ == "ADJ"
                and c.i > tok.i
                and self._lemma(tok) in self.cues.adjective_verbs
                and any(self._clitic(g) for g in tok.children)
            ]  # 'se dit inquiète de …', 'se déclare favorable à …'
            if not comp and stated and (not infinitive or stated[0].i < infinitive[0].i):
                # 'se dit triste d'être …': the adjective opens what is said
                cstart = min(t.idx for t in stated[0].subtree)
                cend = sentence_end(text, cstart)
            elif not comp and infinitive:
                # 'a indiqué avoir récupéré le t-shirt', 'a expliqué se baser sur …'
                cstart = min(t.idx for t in infinitive[0].subtree if t.i > tok.i)
                cend = sentence_end(text, cstart)
            elif not comp and (said := self._as_clause(tok, da)) is not None:
                cstart, cend = said  # 'Comme le rapporte X, le pont a été fermé'
            elif not comp:
                nxt = doc[tok.i + 1 : tok.i + 5]
                marks = [t for t in nxt if self._that(t)]
                bounds = (
                    (marks[0].idx, sentence_end(text, marks[0].idx))
                    if marks
                    else self._object(tok, da) or self._postposed(tok, da)
                )
                if bounds is None:
                    continue
                cstart, cend = bounds
            else:
                sub = list(comp[0].subtree)
                cstart = min(t.idx for t in sub)
                cend = max(t.idx + len(t.text) for t in sub)
                if cstart > tok.idx:
                    cend = max(cend, sentence_end(text, cstart))  # parses cut clauses short
                    if tok.dep_ in da.syn.advcl and tok.head.i > tok.i:
                        # 'Après avoir répété que …, X a annoncé …': up to the main clause
                        last = tok.right_edge
                        cend = min(cend, last.idx + len(last.text))
            if any(s <= cstart < e for s, e, _ in direct):
                continue  # the complement is itself a direct quote
            if any(
                0 <= tok.idx - e <= 12 and not self._subject_before(tok, qs, da)
                for qs, e, _ in direct
            ):
                # '"…", a déclaré X, conscient que …': the quote before is its speech, unless
                # the verb's subject comes before it ('La chanteuse du « tube » se dit …')
                continue
            # the reported words hold no speaker ('Les écoles resteront fermées, ont
            # annoncé les autorités')
            speaker = self._speaker_of(tok, da, (cstart, cend))
            if speaker is None:
                continue
            s, e = _clean(text, cstart, cend)
            outer = by_verb.get(tok.head.i) if tok.dep_ in da.syn.ccomp else None
            if outer is not None and outer.speaker.key() == speaker.key():
                # 'X a affirmé qu'il pensait que …': what X thought is what X said, once
                if outer.start <= da.offset + s and da.offset + e <= outer.end:
                    continue
            used_verbs.add(tok.i)
            indirect.append(
                Quote(
                    speaker,
                    text[s:e],
                    "indirect",
                    self._lemma(tok),
                    da.offset + s,
                    da.offset + e,
                    index,
                )
            )
            by_verb[tok.i] = indirect[-1]
            if self._takes_floor(speaker):
                da.memory.spoke(speaker, da.offset + tok.idx)

        for first, tok in self._according_to(doc):
            objects = [c for c in tok.children if c.dep_ in da.syn.pobj]
            src = objects[0] if objects else tok.head  # 'according to X': X is its object
            while first.i <= src.i <= tok.i and src.head.i != src.i:
                src = src.head  # "d'après": the phrase hangs on its source noun
            if src.lower_ in da.pronouns.relative | da.pronouns.interrogative:
                continue
            if any(s <= tok.idx < e for s, e, _ in direct):
                continue
            speaker = self._source(src, da)
            if speaker is None:
                continue
            sent = tok.sent
            own = {t.i for t in src.subtree}  # 'selon X, qui explique que …': X's own clause
            if any(sent.start <= v < sent.end and v not in own for v in used_verbs):
                continue  # 'Selon KCNA, M. Kim a dit que …': the reported speaker is the source
            anchor = first.head if objects else src.head
            reported = self._reported_person(anchor, da, tok.idx, direct)
            if reported is not None and reported.name != speaker.name:
                speaker = reported  # 'Kim a demandé …, selon KCNA': Kim's words, KCNA's report
            src_tokens = list(src.subtree)
            a, b = min(t.i for t in src_tokens + [tok]), max(t.i for t in src_tokens)
            stop = next((t.i for t in doc[tok.i + 1 : b + 1] if t.is_punct), None)
            if stop is not None and a <= sent.start + 1:
                b = stop - 1  # 'Selon la Banque mondiale, …' parsed with the source as root
            if a <= sent.start + 1:
                s, e = doc[b].idx + len(doc[b].text), sent.end_char
            else:
                # the sentence as punctuation bounds it: the parser may have cut it short
                s, e = min(sent.start_char, sentence_start(text, tok.idx)), doc[a].idx
            s, e = _clean(text, s, e)
            if e - s < 10:
                continue
            indirect.append(
                Quote(
                    speaker, text[s:e], "indirect", tok.lower_, da.offset + s, da.offset + e, index
                )
            )

        indirect.extend(self._for_whom(doc, da, index, direct, indirect))

        for qs, qe, _closed in direct:
            inside = [q for q in indirect if q.start - da.offset <= qs and qe <= q.end - da.offset]
            if inside:
                continue  # a quoted fragment of an indirect statement
            speaker, cue = self._direct_speaker(doc, da, qs, qe)
            heading = self._heading(text, qs, qe)  # a subheading: no fragment, no carry
            if speaker is None and not heading:
                speaker, cue = self._fragment_speaker(doc, da, qs, qe)
            if speaker is None and self.last_direct is not None and not heading:
                # a second quote of the same paragraph, or one opening the next paragraph,
                # goes on with the last speaker quoted
                last, where = self.last_direct
                if (where == index and self._stands_alone(text, qs)) or (
                    where == index - 1 and qs <= 1
                ):
                    speaker, cue = last, None
            if speaker is None and not heading and _closed and self._stands_alone(text, qs):
                if self._plain_quote(text, qs, qe):
                    speaker = self._reporter_before(doc, da, qs, qe, index)
            if speaker is None:
                continue
            s, e = _clean(text, qs, qe)
            if len(text[s:e].split()) < 3:
                continue
            out.append(
                Quote(speaker, text[s:e], "direct", cue, da.offset + s, da.offset + e, index)
            )
            if self._takes_floor(speaker):
                da.memory.spoke(speaker, da.offset + qs)
            self.last_direct = (speaker, index)
        out.extend(indirect)
        last = self._report_root(doc, da, len(doc))
        self.closing_report = (last, da, index) if last is not None else None
        return sorted(out, key=lambda q: q.start)

    def _plain_quote(self, text: str, qs: int, qe: int) -> bool:
        """Quoted words as a reader sees them (the caller has ruled out a subheading in
        capitals): no marks inside (narrative between two quotes whose marks a paragraph
        pairs wrongly), not a short line of its own (a subheading), none set between dashes
        or glued to the next word ('- « … » -', '« … »Le')."""
        marks = self.cues.open_marks + self.cues.close_marks
        if any(m in text[qs:qe] for m in marks):
            return False
        before = text[:qs].rstrip().rstrip(self.cues.open_marks).rstrip()
        after = text[qe:].lstrip(self.cues.close_marks)
        glued = bool(after) and after[0].isalpha()
        words = text[qs:qe].split()
        if not words:
            return False
        if not before and not after.strip(" -") and len(words) < 8 and words[-1][-1].isalnum():
            return False  # a short line of its own with no full stop: a subheading
        return not glued and not before.endswith("-") and not after.lstrip().startswith("-")

    @staticmethod
    def _heading(text: str, qs: int, qe: int) -> bool:
        """Quoted words in capitals: a subheading ('« UNE CRISE SANS PRÉCÉDENT »'), which
        repeats words quoted in the text and carries no speaker of its own."""
        letters = [c for c in text[qs:qe] if c.isalpha()]
        return bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)

    def _report_root(self, doc: Doc, da: DocActors, end: int) -> Token | None:
        """The reporting verb heading the last sentence that ends before token `end`, outside
        quoted words, else None."""
        last = _last_word(doc, end)
        if last is None:
            return None
        root = last.sent.root
        if root.i > last.i or self._in_quotes(root, da) or not self._is_reporting(root):
            return None
        return root

    def _reporter_before(
        self, doc: Doc, da: DocActors, qs: int, qe: int, index: int
    ) -> Actor | None:
        """'X a dénoncé le projet mardi. « Nous ne reculerons pas. »': quoted words that
        stand as a sentence of their own with no reporting clause are the words of who the
        sentence before reports, in their paragraph or closing the one before."""
        inside = offsets.starting_in(doc, qs, qe)
        first = inside[0].i if len(inside) else len(doc)
        if _last_word(doc, first) is not None:
            root = self._report_root(doc, da, first)
            return self._speaker_of(root, da, (qs, qe)) if root is not None else None
        if self.closing_report is None or self.closing_report[2] != index - 1:
            return None
        root, before, _ = self.closing_report
        end = len(before.text)
        return self._speaker_of(root, before, (end, end))

    def _stands_alone(self, text: str, qs: int) -> bool:
        """Quoted words that open their sentence ('… a-t-il dit. « Ensuite, … »'), not a
        phrase inside another clause ('a visité la « ville aux cent clochers »')."""
        before = text[:qs].rstrip().rstrip(self.cues.open_marks).rstrip()
        return not before or before[-1] in ".!?:;…" or before[-1] in self.cues.close_marks

    def _fragment_speaker(
        self, doc: Doc, da: DocActors, qs: int, qe: int
    ) -> tuple[Actor | None, str | None]:
        """'a appelé les militaires à « rendre le pouvoir »', 'a dénoncé la « répression »':
        quoted words inside the clause of a verb that says something (fragment_verbs) are
        its subject's words."""
        inside = offsets.starting_in(doc, qs, qe)
        if not len(inside):
            return None, None
        first, last = inside[0].i, inside[-1].i
        outside = [t.head for t in inside if not first <= t.head.i <= last]
        if not outside:
            return None, None
        head = outside[0]
        for _ in range(3):
            lemma = self._lemma(head)
            if head.pos_ in ("VERB", "AUX") and lemma in self.cues.fragment_verbs:
                return self._speaker_of(head, da, (qs, qe)), lemma
            if head.head.i == head.i:
                break
            head = head.head
        return None, None

    def _aux_subjects(self, verb: Token, da: DocActors) -> list[Token]:
        """A subject the parser hung on the auxiliary ('X a … défendu': X under 'a')."""
        return [s for a in verb.children if a.dep_ in da.syn.aux for s in da.syn.subjects(a)]

    def _in_quotes(self, tok: Token, da: DocActors) -> bool:
        pos = da.offset + tok.idx
        return da.memory.in_quote(pos)

    def _infinitive(self, verb: Token, da: DocActors) -> bool:
        """'avoir récupéré' is an infinitive clause though its head is a participle."""
        if "Inf" in verb.morph.get("VerbForm"):
            return True
        return any(c.dep_ in da.syn.aux and "Inf" in c.morph.get("VerbForm") for c in verb.children)

    def _source(self, src: Token, da: DocActors) -> Actor | None:
        """Who a 'selon' phrase names: a document's or figures' author ('selon un rapport de
        l'OCDE', 'selon les chiffres du ministère'); 'selon cette étude' names the author of
        the last study the article named."""
        lemma = src.lemma_.lower()
        if lemma in self.cues.evidence_nouns and (author := self._author(src, da)) is not None:
            return author  # 'selon les chiffres du ministère'
        if lemma in self.cues.document_nouns:
            author = self._author(src, da)
            if author is not None:
                return author
            if lemma in self.authors:
                return self.authors[lemma]
        return da.actor(src, loose=True) or da.unnamed_person(src)

    def _author(self, doc_noun: Token, da: DocActors) -> Actor | None:
        """'le rapport de l'OCDE'; 'une étude menée par X', 'Réalisée par X, cette étude …'."""
        for p, n in da.syn.prepositional(doc_noun):
            if p in da.lex.genitive and (a := da.actor(n, loose=True)) is not None:
                return a
        agents = da.syn.words["agent_preps"]
        participles = [c for c in doc_noun.children if c.dep_ in da.syn.acl | da.syn.amod]
        if doc_noun.dep_ in da.syn.subj:
            participles += [c for c in doc_noun.head.children if c.dep_ in da.syn.advcl]
        for part in participles:
            if "Part" not in part.morph.get("VerbForm"):
                continue
            for p, n in da.syn.prepositional(part):
                if p in agents and (a := da.actor(n, loose=True)) is not None:
                    return a
        return None

    def _document(self, doc_noun: Token, da: DocActors) -> Actor:
        """A document that says something speaks for its author: one named with it, else
        the author of the last document of that kind (or of any kind, for 'leur article'),
        else the document itself."""
        author = self._author(doc_noun, da)
        if author is None:
            author = self.authors.get(doc_noun.lemma_.lower()) or self.authors.get("")
        if author is not None:
            return author
        toks = da.phrase(doc_noun)
        first, last = toks[0], toks[-1]
        return Actor(
            text=doc_noun.doc.text[first.idx : last.idx + len(last.text)],
            start=da.offset + first.idx,
            end=da.offset + last.idx + len(last.text),
            kind="document",
        )

    def _note_documents(self, doc: Doc, da: DocActors) -> None:
        """Remember who wrote each document the paragraph names ('une étude de l'OCDE')."""
        memo = self.cues.seen_lemmas
        if len(memo) > 500_000:
            memo.clear()
        strings = doc.vocab.strings
        nouns = self.cues.document_nouns
        for i, (pos, lemma) in enumerate(doc.to_array([POS, LEMMA]).tolist()):
            if pos != NOUN_ID:
                continue
            known = memo.get(lemma)
            if known is None:
                known = memo[lemma] = strings[lemma].lower() in nouns
            if not known:
                continue
            tok = doc[i]
            if tok.pos == NOUN_ID and tok.lemma_.lower() in self.cues.document_nouns:
                author = self._author(tok, da)
                if author is not None:
                    self.authors[tok.lemma_.lower()] = author
                    self.authors[""] = author  # the last author of any document

    def _that(self, tok: Token) -> bool:
        return tok.lower_.replace("’", "'") in self.cues.complementizers

    def _timing(self, tok: Token) -> bool:
        """A word of a time expression ('lundi', 'jeudi 13 août'), or the comma after one
        ('a déclaré lundi, X')."""
        if any(s <= tok.idx < e for s, e in self.times):
            return True
        return (
            tok.is_punct
            and tok.i > 0
            and any(s <= tok.doc[tok.i - 1].idx < e for s, e in self.times)
        )

    def _inverted_pronoun(self, tok: Token, da: DocActors) -> bool:
        """'-t', '-il' of 'a-t-il': an inverted subject pronoun or its euphonic 't'."""
        low = tok.lower_
        return (self._euphonic(tok, da) or low.startswith(da.pronouns.prefixes)) and (
            da.pronouns.at(tok) is not None
        )

    def _euphonic(self, tok: Token, da: DocActors) -> bool:
        low = tok.lower_
        return low in da.pronouns.euphonic or low in da.pronouns.prefixes

    def _according_to(self, doc: Doc) -> list[tuple[Token, Token]]:
        """First and last tokens of each 'selon' / "d'après" / 'according to'."""
        by_last: dict[int, list[tuple[str, ...]]] = {}
        for words in self.cues.according_to:
            by_last.setdefault(doc.vocab.strings.add(words[-1]), []).append(words)
        lowers = doc.to_array("LOWER")  # hashes: no Token built for the words that cannot end one
        out = []
        for i in np.flatnonzero(np.isin(lowers, list(by_last))):
            i = int(i)
            for words in by_last[int(lowers[i])]:
                n = len(words)
                if (
                    i + 1 >= n
                    and tuple(t.lower_.replace("’", "'") for t in doc[i + 1 - n : i + 1]) == words
                ):
                    out.append((doc[i + 1 - n], doc[i]))
                    break
        return out

    def _as_clause(self, verb: Token, da: DocActors) -> tuple[int, int] | None:
        """'Comme le rapporte X, <clause>', '<clause>, comme l'a expliqué X': a reporting
        verb led by an `as_markers` word and its object pronoun reports the rest of its
        sentence; the (start, end) of that rest, else None."""
        doc, sent = verb.doc, verb.sent
        near = doc[max(sent.start, verb.i - 4) : verb.i]
        mark = next((t for t in near if t.lower_ in self.cues.as_markers), None)
        if mark is None or any(
            t.pos_ not in ("PRON", "DET", "AUX") for t in doc[mark.i + 1 : verb.i]
        ):
            return None
        own = [t for t in doc[mark.i : sent.end] if t.i <= verb.i or verb.is_ancestor(t)]
        last = max(own, key=lambda t: t.i)
        if mark.i <= sent.start + 1:
            rest = [t for t in doc[last.i + 1 : sent.end] if not t.is_punct]
            if not rest:
                return None
            return rest[0].idx, sentence_end(da.text, rest[0].idx)
        before = [t for t in doc[sent.start : mark.i] if not t.is_punct]
        if not before or any(not t.is_punct for t in doc[last.i + 1 : sent.end]):
            return None  # 'Avec le but, comme le rapporte X, de …': an aside, not a report
        return before[0].idx, before[-1].idx + len(before[-1].text)

    def _object(self, verb: Token, da: DocActors) -> tuple[int, int] | None:
        """'a annoncé la mort de X', 'a démenti toute ingérence': the noun object of a verb
        that reports by naming what was said."""
        if self._lemma(verb) not in self.cues.object_verbs:
            return None
        for o in da.syn.objects(verb):
            if o.pos_ != "NOUN" or o.i < verb.i or o.i in da.by_token:
                continue
            if not any(c.dep_ in da.syn.det for c in o.children):
                continue
            of = [n for p, n in da.syn.prepositional(o) if p in da.lex.genitive]
            of += [  # 'a dénoncé une résolution conçue par X pour …'
                c for c in da.syn.children(o, da.syn.acl) if "Part" in c.morph.get("VerbForm")
            ]
            sub = list(o.subtree)
            if not of or len(sub) < 4:
                continue  # 'a annoncé son veto' names no content; 'la mort de X' does
            return sub[0].idx, sub[-1].idx + len(sub[-1].text)
        return None

    @staticmethod
    def _adverb_of(tok: Token, verb: Token, da: DocActors) -> bool:
        """An adverb of the verb that is no negation ('a-t-il encore assuré', 'a ensuite
        ajouté')."""
        return (
            tok.pos_ == "ADV"
            and tok.head.i == verb.i
            and tok.dep_ not in da.syn.neg
            and "Neg" not in tok.morph.get("Polarity")
            and tok.lower_ not in da.syn.words["negation_particles"]
        )

    def _postposed(self, verb: Token, da: DocActors) -> tuple[int, int] | None:
        """'Le sommet aura lieu en mai, a annoncé X.': the clause before a reporting verb
        set after a comma, its subject inverted after it."""
        doc = verb.doc
        i = verb.i - 1
        first = self.cues.preceded_by.get(self._lemma(verb))  # ', a fait valoir X'
        while i >= 0 and (
            doc[i].dep_ in da.syn.aux
            or (first is not None and doc[i].lemma_.lower() == first)
            or self._clitic(doc[i])
            or self._inverted_pronoun(doc[i], da)
            or self._adverb_of(doc[i], verb, da)
        ):
            i -= 1  # ', a-t-il encore estimé': auxiliary, euphonic 't', pronoun, adverb
        if i <= 0 or doc[i].text != ",":
            return None
        form = verb.morph.get("VerbForm")
        finite = "Fin" in form or any(c.dep_ in da.syn.aux for c in verb.children)
        if not finite or ("Part" in form and "Pres" in verb.morph.get("Tense")):
            return None  # ', promettant …' is a gerund, not an inverted reporting clause
        subjects = da.syn.subjects(verb)
        after = next(
            (t for t in doc[verb.i + 1 :] if not (self._euphonic(t, da) or self._timing(t))), None
        )
        early = [s for s in subjects if s.i < i]  # 'a-t-il' between comma and verb is inverted
        inverted = after is not None and after.pos_ in ("DET", "PROPN")
        if early and not inverted:
            return None  # a subject before the comma is the parser's, when one follows
        if not subjects and (after is None or after.pos_ not in ("PROPN", "NOUN", "DET", "PRON")):
            return None
        start = sentence_start(da.text, doc[i].idx)
        if doc[i].idx - start < 15:
            return None
        return start, doc[i].idx

    def _for_whom(
        self,
        doc: Doc,
        da: DocActors,
        index: int,
        direct: list[tuple[int, int, bool]],
        indirect: list[Quote],
    ) -> list[Quote]:
        """'Pour X, la situation est grave.': a sentence opened by a 'for whom' preposition,
        an actor and a comma gives that actor's view."""
        out: list[Quote] = self._for_whom_relative(doc, da, index)
        text = da.text
        for sent in doc.sents:
            first = sent[0]
            if first.lower_ not in self.cues.for_whom or first.dep_ not in da.syn.case:
                continue
            noun = first.head
            comma = next((t for t in doc[noun.i + 1 : sent.end] if t.text == ","), None)
            if comma is None or comma.i - noun.i > 8:
                continue
            if any(s <= comma.idx < e for s, e, _ in direct):
                continue
            if any(q.start <= da.offset + comma.idx < q.end for q in indirect):
                continue
            named = [
                t
                for t in doc[noun.i : comma.i]
                if (m := da.by_token.get(t.i)) and m.kind in ("person", "per")
            ]
            speaker = da.actor(named[0] if named else noun, loose=True)
            if speaker is None or speaker.kind not in ("person", "organization"):
                continue  # 'Pour la Corée du Nord, …' is a topic more often than a view
            s, e = _clean(text, comma.idx + 1, sentence_end(text, comma.idx + 1))
            if len(text[s:e].split()) < 3:
                continue
            cue = first.lower_
            out.append(
                Quote(speaker, text[s:e], "indirect", cue, da.offset + s, da.offset + e, index)
            )
        return out

    def _for_whom_relative(self, doc: Doc, da: DocActors, index: int) -> list[Quote]:
        """'X, pour qui la réforme est urgente, …': the relative clause is X's view."""
        out: list[Quote] = []
        for t in doc[1:-2]:
            rel = doc[t.i + 1]
            if (
                t.lower_ not in self.cues.for_whom
                or rel.lower_ not in da.pronouns.relative
                or doc[t.i - 1].text != ","
            ):
                continue
            # the antecedent: the name that ends before the comma (the parser often loses
            # the relative clause), else the noun the clause hangs on
            m = da.by_token.get(t.i - 2) if t.i >= 2 else None
            if m is not None and m.end == t.i - 1:
                speaker = da.actor(doc[m.start : m.end].root, loose=True)
            elif rel.head.dep_ in da.syn.relcl:
                speaker = da.actor(rel.head.head, loose=True)
            else:
                continue
            if speaker is None or speaker.kind not in ("person", "organization"):
                continue
            start = doc[rel.i + 1].idx
            end = sentence_end(da.text, start)
            comma = next(
                (c.idx for c in doc[rel.i + 1 :] if c.text == "," and not self._in_quotes(c, da)),
                end,
            )
            s, e = _clean(da.text, start, min(end, comma))
            if len(da.text[s:e].split()) < 3:
                continue
            out.append(
                Quote(
                    speaker, da.text[s:e], "indirect", t.lower_, da.offset + s, da.offset + e, index
                )  # fmt: skip
            )
        return out

    def _reported_person(
        self, verb: Token, da: DocActors, at: int, direct: list[tuple[int, int, bool]]
    ) -> Actor | None:
        """The person whose words a 'selon X' clause reports, when the sentence reports
        words (a speech verb, or quoted words): the subject of the verb the clause hangs on,
        else a person named at the start of the sentence (the parser often loses a long
        subject). 'X a été hospitalisé, selon son entourage' reports no words of X's."""
        if verb.pos_ not in ("VERB", "AUX"):
            return None
        while verb.dep_ in da.syn.conj and verb.head.i != verb.i:
            verb = verb.head  # 'Kim a pointé … et demandé …'
        start, end = sentence_start(da.text, at), sentence_end(da.text, at)
        speech = any(self._is_reporting(v) for v in [verb, *da.syn.children(verb, da.syn.conj)])
        if not speech and not any(start <= qs and qe <= end for qs, qe, _ in direct):
            return None
        subjects = [
            t
            for t in self._true_subjects(da.syn.subjects(verb), da)  # not 'lui' in 'lui a dit X'
            if t.pos_ in ("NOUN", "PROPN", "PRON")
        ]
        if not any(t.pos_ in ("NOUN", "PROPN") for t in subjects):
            first = offsets.after(da.doc, start, 1)
            m = da.by_token.get(first[0].i) if len(first) else None
            if m is not None and m.kind in ("person", "per"):
                subjects = [da.doc[m.start : m.end].root]
        for t in subjects:
            a = da.actor(t)
            if a is not None and a.kind == "person":
                return a
        return None

    @cached_property
    def _adverbial_firsts(self) -> frozenset[str]:
        """The first token of each adverbial phrase ("d'" of "d'abord", 'de' of 'de son
        côté'): only a token spelled so may begin one."""
        return frozenset(
            re.match(r"[^\s']+'?", p).group(0) for p in self.cues.adverbial_phrases if p.strip()
        )

    def _adverbial_end(self, tok: Token, text: str) -> int:
        """Where an adverbial phrase of reporting.json starting at `tok` ends, else -1;
        `text` is its Doc's text (which a Doc rebuilds at each `doc.text`)."""
        low = text[tok.idx : tok.idx + 40].lower().replace("’", "'")
        for phrase in self.cues.adverbial_phrases:
            if low.startswith(phrase) and not low[len(phrase) : len(phrase) + 1].isalpha():
                return tok.idx + len(phrase)
        return -1

    def _in_aside(self, tok: Token) -> bool:
        """Is `tok` part of an adverbial phrase of reporting.json ('a d'abord tweeté')? The
        phrases are looked for once per paragraph."""
        doc = tok.doc
        if self._aside_doc is not doc:
            ids: set[int] = set()
            text = doc.text
            firsts = self._adverbial_firsts
            for t in doc:
                if t.lower_.replace("’", "'") not in firsts:
                    continue
                end = self._adverbial_end(t, text)
                if end >= 0:
                    ids.update(x.i for x in doc[t.i : t.i + 8] if x.idx < end)
            self._aside_doc, self._aside_ids = doc, frozenset(ids)
        return tok.i in self._aside_ids

    def _direct_speaker(
        self, doc: Doc, da: DocActors, qs: int, qe: int
    ) -> tuple[Actor | None, str | None]:
        # after the quote, next to it: '", a-t-elle déclaré' / '", a déclaré Keir Giles'
        as_said = False
        skipped = 0
        for k, t in enumerate(offsets.after(doc, qe, 12)):
            if self._in_aside(t):
                skipped += 1
                continue  # '", a de son côté dénoncé X', '", a d'abord tweeté X'
            if (self._adverb_of(t, t.head, da) or self._to_whom(t, da)) and t.head.i > t.i:
                skipped += 1
                continue  # '", a-t-il encore assuré', '", lui a-t-il assuré'
            if k - skipped >= 6:
                break  # six words past the quote, adverbs and object clitics aside
            if (
                t.is_punct
                or t.dep_ in da.syn.aux
                or t.pos_ == "AUX"
                or t.lower_.startswith("-")
                or t.lemma_.lower() in da.syn.words["auxiliaries"]
            ):
                continue  # an auxiliary, whatever the parser made of it ('a tweeté': X, dep)
            if self._euphonic(t, da) and t.head.i > t.i:
                continue  # '", a t-il lancé': the euphonic 't' written without its hyphen
            if self._clitic(t):
                continue  # '", s'est exclamé X'
            if t.lower_ in self.cues.as_markers:
                as_said = True  # '« … » comme le rappelle X'
                continue
            if as_said and t.pos_ == "PRON" and t.dep_ in da.syn.obj:
                continue
            if t.dep_ in da.syn.subj and t.head.i > t.i and self._is_reporting(t.head):
                continue  # '"…," she added': the subject before its verb
            if (self._is_reporting(t) or self._inverted_noun(t)) and not self._subject_before(
                t, qs, da
            ):
                a = self._speaker_of(t, da, (qs, qe))
                if a is not None:
                    return a, self._lemma(t)
            break
        # before the quote: 'X a répondu : "…"'
        before = offsets.before(doc, qs, 6)
        for t in reversed(before):
            if self._is_reporting(t):
                a = self._speaker_of(t, da, (qs, qe))
                if a is not None:
                    return a, self._lemma(t)
                break
            if not (t.is_punct or t.pos_ in ("ADV", "ADP", "DET", "AUX")):
                break  # only ':' and the like may stand between the verb and its quote
        # 'Mais, souligne le chercheur X, "…"': an inverted reporting clause set between
        # commas right before the quote
        incise = self._incise_before(doc, qs, da)
        if incise is not None:
            a = self._speaker_of(incise, da, (qs, qe))
            if a is not None:
                return a, self._lemma(incise)
        # 'X a réagi sur Twitter : "…"': the subject of the clause a colon ends
        marks = [t for t in before if t.text not in self.cues.open_marks]
        if marks and marks[-1].text == ":":
            verb = marks[-1].head
            while verb.dep_ in da.syn.conj and verb.head.i != verb.i:
                verb = verb.head
            if (
                verb.pos_ == "VERB"
                and verb.i < marks[-1].i
                and verb.lemma_.lower() not in self.cues.colon_excluded
                and da.syn.subjects(verb)
            ):
                a = self._speaker_of(verb, da, (qs, qe))
                if a is not None:
                    return a, None
        return None, None


def _last_word(doc: Doc, end: int) -> Token | None:
    """The last token before token `end` that is neither punctuation nor space."""
    return next((t for t in reversed(doc[:end]) if not (t.is_punct or t.is_space)), None)


def home_speakers(quotes: list[Quote], home: str | None, sectors: frozenset[str]) -> None:
    """'la présidence a réagi', 'le ministère estime que …' in an article about one country:
    an unnamed domestic body that speaks is of that country, as for the actors of events."""
    if home is None:
        return
    for q in quotes:
        sp = q.speaker
        if sp is not None and not sp.country and sp.kind == "group" and sp.sector in sectors:
            sp.country = home
