"""Date of a candidate: the time expression of its own clause (places: extract/places.py).

A time expression dates the trigger when it hangs on the trigger or on its governing verb;
one joined to another noun by 'de' ('les élections du 8 septembre') dates that noun. With
none, an event reported as news takes the publication date at its precision.
"""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Span, Token

from chronique.extract import offsets
from chronique.extract.actors import DocActors
from chronique.extract.events.rules import Rules
from chronique.extract.time import event_anchored
from chronique.model import DateSpan, PartialDate, TimeExpr


def governor(tok: Token) -> Token:
    """The verb a noun trigger depends on ('mener des frappes' → 'mener')."""
    t = tok
    for _ in range(6):
        if t.pos_ in ("VERB",) or t.head.i == t.i:
            return t
        t = t.head
    return t


def dates_a_noun(trigger: Token, toks: Span, rules: Rules) -> bool:
    """A time expression joined to another noun by 'de' dates that noun. A bare weekday the
    parser hangs on a noun ('par les États-Unis mardi') still dates the act."""
    inside = {x.i for x in toks}
    outer = [x.head for x in toks if x.head.i not in inside]
    if not any(h.pos_ in ("NOUN", "PROPN") and h.i != trigger.i for h in outer):
        return False
    words = list(toks) + [c for x in toks for c in x.children if c.i not in inside]
    return any(w.lower_ in rules.noun_date_preps for w in words)


def date_of(tok: Token, times: list[TimeExpr], da: DocActors, rules: Rules,
            published: PartialDate | None,
            dated: dict[str, DateSpan] | None = None) -> DateSpan | None:  # fmt: skip
    """The time expression of the trigger's own clause, before one of its governing verb's
    ('a annoncé mardi qu'il attaquerait le 3'), before one of a verb it is coordinated with,
    else the publication date. 'Au lendemain
    de l'attaque' counts from the attack when the article has dated it (`dated`: event
    type → the date of the first event of that type dated by its own clause)."""
    own, gov_verb = tok.i, governor(tok).i
    shared = _coordinated_with(governor(tok), rules)
    host = _nonfinite_host(tok, rules)
    best: tuple[int, TimeExpr] | None = None
    timed: set[int] = set()  # the sentence's time words, whichever noun or verb they date
    for t in times:
        toks = offsets.starting_in(tok.doc, t.start - da.offset, t.end - da.offset)
        if not toks or toks[0].sent != tok.sent:
            continue
        timed.update(x.i for x in toks)
        if dates_a_noun(tok, toks, rules):
            continue  # 'les élections du 8 septembre': it dates the elections, not the act
        heads = {governor(x).i for x in toks} | {x.head.i for x in toks}
        rank = (0 if own in heads else 1 if gov_verb in heads else 2 if shared & heads
                else 3 if host in heads else None)
        if rank is not None and (best is None or rank < best[0]):
            best = (rank, t)
    if best is None:
        best = _continued(tok, times, da, rules)
    if best is None and dated:
        again = _at_dated_event(tok, rules, dated, timed)
        if again is not None:
            return again
    if best is not None:
        t = best[1]
        shifted = _from_event(t, tok.doc, da, rules, times, dated or {})
        if shifted is not None:
            return shifted
        return DateSpan(t.value_start, t.value_end, t.precision, t.text)
    if published is None:
        return None
    p = published
    return DateSpan(p.first_day().isoformat(), p.last_day().isoformat(), p.precision, None)


def _coordinated_with(verb: Token, rules: Rules) -> set[int]:
    """'a annoncé mercredi un renfort et appelé les deux pays à …': a verb coordinated with
    an earlier one and sharing its subject (it has none of its own) happened at that verb's
    time when it names none itself."""
    out: set[int] = set()
    t = verb
    for _ in range(3):
        if t.dep_ not in rules.syntax.conj or t.head.i == t.i or rules.syntax.subjects(t):
            break
        t = governor(t.head)  # a participle the parser hangs on the first verb's object
        out.add(t.i)
    return out


def _nonfinite_host(tok: Token, rules: Rules) -> int | None:
    """'rassemblés lundi pour une parade destinée à soutenir X': an infinitive or participle
    with no tense of its own happens at the time of the finite verb it hangs under (through
    the nouns between), never past a finite verb."""
    t = governor(tok)
    if t.pos_ != "VERB" or not _nonfinite(t, rules):
        return None
    for _ in range(6):
        if t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ == "VERB" and not _nonfinite(t, rules):
            return t.i
    return None


def _nonfinite(verb: Token, rules: Rules) -> bool:
    forms = verb.morph.get("VerbForm")
    return bool(forms) and forms[0] in ("Inf", "Part") and not any(
        c.dep_ in rules.syntax.aux for c in verb.children)


def _held_types(noun: Token, rules: Rules) -> list[str]:
    """The event types a noun reads as, its constraints met ('l'attaque': an assault)."""
    return [e.type for e in rules.candidates(noun)
            if e.unmet(noun, rules) in (None, "need_governor")]  # fmt: skip


def _definite(noun: Token) -> bool:
    return any(
        "Def" in d.morph.get("Definite") or "Yes" in d.morph.get("Poss")
        for d in noun.children
        if d.pos_ == "DET"
    )


def _at_dated_event(tok: Token, rules: Rules, dated: dict[str, DateSpan],
                    timed: set[int]) -> DateSpan | None:  # fmt: skip
    """An act placed at an event the article already dated ('En annonçant son veto, X a
    dénoncé …', 'Lors de la réunion, X a …'), or that event named again ('son veto',
    'l'attaque': a definite noun of a type dated before), has that event's date; not when
    the noun phrase names a time of its own ('la prise d'otages des Jeux de 1972')."""

    def again(n: Token) -> bool:
        return (n.pos_ == "NOUN" and _definite(n)
                and not any(n.left_edge.i <= i <= n.right_edge.i for i in timed))  # fmt: skip

    if again(tok):
        base = next((dated[ty] for ty in _held_types(tok, rules) if ty in dated), None)
        if base is not None:
            return base
    verb = governor(tok)
    syn = rules.syntax
    for adj in verb.children:
        if adj.dep_ not in syn.advcl | syn.obl or adj.i > verb.i:
            continue
        nouns = [adj] + [c for c in adj.children if c.dep_ in syn.obj | syn.obl | syn.nmod]
        for n in nouns:
            if not again(n):
                continue
            base = next((dated[ty] for ty in _held_types(n, rules) if ty in dated), None)
            if base is not None:
                return base
    return None


def _continued(tok: Token, times: list[TimeExpr], da: DocActors,
               rules: Rules) -> tuple[int, TimeExpr] | None:  # fmt: skip
    """'Mercredi soir, X a déploré … Il a appelé …': a sentence that goes on about the
    previous one's subject, through a pronoun and with no time of its own, keeps the time
    that dated the previous sentence's main verb."""
    verb = governor(tok)
    subs = rules.syntax.subjects(verb)
    if not subs or not all(da.pronouns.at(s) is not None for s in subs):
        return None
    start = tok.sent.start
    if start == 0:
        return None
    prev = tok.doc[start - 1].sent
    for t in times:
        toks = offsets.starting_in(tok.doc, t.start - da.offset, t.end - da.offset)
        if not toks or toks[0].sent != prev or dates_a_noun(prev.root, toks, rules):
            continue
        if {x.head.i for x in toks} & {prev.root.i}:
            return 1, t
    return None


def _from_event(t: TimeExpr, doc, da: DocActors, rules: Rules, times: list[TimeExpr],
                dated: dict[str, DateSpan]) -> DateSpan | None:  # fmt: skip
    """'au lendemain de l'attaque': the day after the attack the article dated before, when
    no date follows the expression itself ('au lendemain du 8 mai' is already right)."""
    n = event_anchored(da.lang).get(t.rule or "")
    if n is None:
        return None
    if any(0 <= u.start - t.end <= 6 for u in times if u is not t):
        return None
    after = offsets.starting_in(doc, t.end - da.offset, t.end - da.offset + 40)
    noun = next((x for x in after if x.pos_ in ("NOUN", "PROPN")), None)
    if noun is None:
        return None
    # the noun's reading whose constraints hold ('l'attaque': an assault, not a verbal one)
    base = next((dated[ty] for ty in _held_types(noun, rules) if ty in dated), None)
    if base is None:
        return None
    day = date.fromisoformat(base.start) + timedelta(days=n)
    return DateSpan(day.isoformat(), day.isoformat(), "day", t.text)

