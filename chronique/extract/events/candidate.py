"""The record every event stage reads and fills: one trigger occurrence and its frame."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from chronique.extract.events.rules import Trigger
from chronique.model import Actor, DateSpan, Place

# Why a candidate is not coded. Each reason is named once here; stages return these keys.
REASONS: dict[str, str] = {
    "constraint": "the trigger's lemma matched but a constraint of every rule failed",
    "forecast": "an 'embeds' verb whose complement is a state: a forecast, not a commitment",
    "embeds_event": "the embedded act is coded instead ('promettent de renforcer')",
    "object_not_person": "the rule acts on people and its object is none",
    "topic": "the topic of another trigger (a talk about sanctions), with no actor of its own",
    "no_actor": "no subject, agent or owner names anyone",
    "no_recipient": "the rule needs a recipient and the sentence names none",
    "home_trip": "a visit to a place standing for the actor's own state ('s'est rendu à "
    "Moscou' said of a Russian): a trip at home, not a visit to anyone",
    "no_second_side": "a symmetric act with only one side",
    "motive": "what a coded protest denounces or demands: its motive, not an event",
    "asked": "what a coded request or threat asks for or threatens ('appelle Moscou à retirer "
    "ses troupes', 'menace de relâcher les détenus'): the request or threat carries it",
    "same_act": "an act told without its author whose clause tells it again with one "
    "('were killed when a bomber attacked'): the telling with the author is kept",
    "describes_actor": "a participle describing the actor of another act ('the warplanes "
    "supported by X pounded Y'): background, the main act is coded",
    "asks_question": "a verb reporting a question ('« … ? », demande X'): asking, not demanding",
    "actor_not_agent": "the rule is done by bodies of certain sectors (the police arrest) and "
    "its actor is a person or body of another ('le député a interpellé le ministre')",
    "reports_speech": "a verb that, set after quoted words, only says them ('« … », a soutenu "
    "X' maintains, no support)",
}


@dataclass
class Candidate:
    """A trigger occurrence and what the stages found for it, before it becomes an Event."""

    rule: Trigger
    token: Token
    actor: list[Actor] = field(default_factory=list)
    recipient: list[Actor] = field(default_factory=list)
    modality: str = "asserted"
    attributed_to: list[Actor] = field(default_factory=list)
    denied_by: list[Actor] = field(default_factory=list)
    date: DateSpan | None = None
    place: Place | None = None
    infer: bool = False  # may take the article's main counterpart as recipient
    asks: bool = False  # reports quoted words that are a question
    reports: bool = False  # set after quoted words, as the clause that reports them
    implicit: bool = False  # its actor is the home country's, the text names none
    verb_reading: bool = False  # a verb the parser tagged otherwise: sides read by position
    stage: str | None = None  # where it was dropped
    reason: str | None = None  # a key of REASONS, None while it stands

    def drop(self, stage: str, reason: str) -> None:
        assert reason in REASONS or reason.startswith("constraint:"), reason
        self.stage, self.reason = stage, reason
