"""Article-level discourse: records from candidates, joint acts split, mentions merged, and
the recipient an untargeted act takes from the article's frame.

Everything here works on the article's list of events and explicit flags; no state survives
the call.
"""

from __future__ import annotations

import dataclasses
import hashlib

from chronique.extract.events.candidate import Candidate
from chronique.extract.events.rules import Rules
from chronique.extract.sentences import sentence_at
from chronique.model import SYMMETRIC_TYPES, Actor, Event, Evidence


def _side_key(actors: list[Actor]) -> tuple[str, ...]:
    return tuple(sorted({a.country or f"?{a.text}" for a in actors}))


def event_key(ev: Event) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """Type and side countries: what makes two mentions one event (an unresolved side
    counts by its text)."""
    return (ev.event, _side_key(ev.actor), _side_key(ev.recipient))


def event_id(article_id: str, ev: Event) -> str:
    t, a, r = event_key(ev)
    raw = f"{article_id}|{t}|{','.join(a)}|{','.join(r)}"
    return hashlib.sha1(raw.encode()).hexdigest()[:16]


def to_event(c: Candidate, rules: Rules, article_id: str, paragraph: int, offset: int,
             text: str | None = None) -> Event:  # fmt: skip
    """The record for a coded candidate; `text` is the paragraph's (spaCy rebuilds it)."""
    e, tok = c.rule, c.token
    sentence = sentence_at(tok.doc.text if text is None else text, tok.idx)
    typ = rules.scores.get(e.type, {})
    score = typ.get("modes", {}).get(e.mode, typ.get("score"))
    trig = tok.doc[tok.i : tok.i + 1]
    aux = [x for x in tok.children if x.dep_ in rules.syntax.aux and x.i < tok.i]
    if aux:
        trig = tok.doc[min(a.i for a in aux) : tok.i + 1]
    start, end = offset + trig.start_char, offset + trig.end_char
    ev = Event(
        id="",
        event=e.type,
        mode=e.mode,
        context=list(e.context),
        actor=c.actor,
        recipient=c.recipient,
        modality=c.modality,
        attributed_to=c.attributed_to,
        denied_by=c.denied_by,
        date=c.date,
        location=c.place,
        cameo=e.cameo,
        score=score,
        text=sentence,
        trigger={"text": trig.text, "start": start, "end": end},
        rule=e.id,
        evidence=[Evidence(sentence, trig.text, start, end, e.id, paragraph)],
    )
    ev.id = event_id(article_id, ev)
    return ev


MODALITY_REFINES = {("alleged", "denied"), ("asserted", "denied")}


def split_compound(ev: Event, article_id: str) -> list[Event]:
    """One record per acting country for one-sided acts ('Moscou et Pyongyang ont démenti').

    Gold readings and event-data users count a joint denial as one act by each country;
    consultations and cooperation keep both sides in one record.
    """
    countries: list[str | None] = []
    for a in ev.actor:
        if a.country not in countries:
            countries.append(a.country)
    if ev.event in SYMMETRIC_TYPES or len(countries) < 2:
        return [ev]
    out = []
    for country in countries:
        part = dataclasses.replace(ev, actor=[a for a in ev.actor if a.country == country])
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


def inferred(country: str, named: Actor | None, sector: str | None) -> Actor:
    """A recipient taken from the article's frame, named as the article names `country`."""
    return Actor(
        text=named.text if named else country,
        name=named.name if named else None,
        country=country,
        sector=sector,
        wikidata=named.wikidata if named else None,
        kind="inferred",
    )


def home_government(ev: Event, home: str | None, first: dict[str, Actor],
                    rules: Rules) -> Actor | None:  # fmt: skip
    """'L'opposition dénonce le rejet des candidatures': a home challenger's untargeted
    protest or demand is aimed at its own government."""
    own = {a.country for a in ev.actor}
    if home is None or own != {home}:
        return None
    challengers = set(rules.groups.get("challenger_sectors", []))
    if not all(a.sector in challengers for a in ev.actor):
        return None
    return inferred(home, first.get(home), "GOV")


def counterpart(ev: Event, counts: dict[str, int], first: dict[str, Actor]) -> Actor | None:
    """The country named most often after the actor's own, when it clearly is one."""
    own = {a.country for a in ev.actor}
    ranked = sorted(((n, c) for c, n in counts.items() if c not in own), reverse=True)
    own_count = max((counts.get(c, 0) for c in own if c), default=0)
    if (
        not ranked
        or ranked[0][0] < 2
        or (len(ranked) > 1 and ranked[1][0] == ranked[0][0])
        or ranked[0][0] * 3 < own_count  # a domestic story: no foreign counterpart
    ):
        return None
    src = first.get(ranked[0][1])  # none when only the country's press names it
    return inferred(ranked[0][1], src, src.sector if src else "GOV")


def domestic(ev: Event, home: str | None, counts: dict[str, int], bodies: int,
             first: dict[str, Actor]) -> Actor | None:  # fmt: skip
    """In a story about one country, a home actor's untargeted demand, accusation or
    refusal is aimed at its own country ('la sénatrice a dénoncé …' in an American story)
    when no foreign country, and no international body ('l'ONU', 'l'UE': `bodies` counts
    their mentions), is named as often as a third of the home's mentions: 'appeler à garder
    espoir' at a UN conference addresses no one. An article naming one country only, at
    least three times, is about it even when no place or nationality says so."""
    own = {a.country for a in ev.actor}
    if home is None and len(counts) == 1 and min(counts.values()) >= 3:
        home = next(iter(counts))
    if home is None or own != {home}:
        return None
    foreign = max([n for c, n in counts.items() if c != home] + [bodies])
    if foreign * 3 >= counts.get(home, 0):
        return None
    return inferred(home, first.get(home), "GOV")


def infer_recipients(events: list[Event], inferable: set[int], entities: list[Actor],
                     home: str | None, rules: Rules, article_id: str) -> None:  # fmt: skip
    """Give recipient-less directed acts the article's main counterpart: the country named
    most often after the actor's own, if it is named at least twice and more than any other;
    a home challenger's act its own government. Only acts one of whose triggers starts at an
    offset in `inferable` (a verb naming no target and taking no object) take one.

    'Pyongyang a menacé de renforcer sa présence militaire' threatens South Korea: news
    leaves the target to the article's frame. An act whose actor is unresolved takes none.
    """
    counts: dict[str, int] = {}
    first: dict[str, Actor] = {}
    bodies: dict[str, int] = {}  # mentions of each international body
    for a in entities:
        if a.country in rules.group_codes:
            bodies[a.country] = bodies.get(a.country, 0) + 1
        elif a.country and len(a.country) == 3:
            counts[a.country] = counts.get(a.country, 0) + 1
            if a.sector in rules.press_sectors:
                continue  # 'a déclaré sur Europe 1': the radio names no state's government
            if a.kind == "country" and first.get(a.country, a).kind != "country":
                first[a.country] = a  # the state itself names its government best
            first.setdefault(a.country, a)
    for ev in events:
        if ev.recipient or not any(x.start in inferable for x in ev.evidence):
            continue  # some telling of the act names no target and takes no object
        if not all(a.resolved for a in ev.actor):
            continue
        target = (
            home_government(ev, home, first, rules)
            or counterpart(ev, counts, first)
            or domestic(ev, home, counts, max(bodies.values(), default=0), first)
        )
        if target is not None:
            ev.recipient = [target]
            ev.id = event_id(article_id, ev)
