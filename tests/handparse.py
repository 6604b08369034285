"""Hand-built parses for rule tests, as spaCy tests its syntax iterators: a rule is pinned on a
known parse, so the test says what the rule does whatever the statistical parser would do.

`parse("fr", "La Russie a attaqué l'Ukraine", heads=[1, 3, 3, 3, 5, 3],
deps=["det", "nsubj", "aux:tense", "ROOT", "det", "obj"], pos=[...])` builds the Doc on the
language model's vocabulary (so the actor lexicon's matcher reads it) without running the
parser. Heads are absolute token indices; words are split on spaces unless `words` is given.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from chronique.extract.actors import ActorMemory, DocActors
from chronique.extract.events import Discourse, code_paragraph
from chronique.extract.events.rules import TYPE_SETS, WORD_SETS, Rules, event_rules, parse_rules
from chronique.extract.places import get_gazetteer
from chronique.model import PartialDate
from chronique.nlp import get_nlp


def parse(
    lang: str,
    text: str,
    heads: list[int],
    deps: list[str],
    pos: list[str],
    lemmas: list[str] | None = None,
    morphs: list[str] | None = None,
    words: list[str] | None = None,
) -> Doc:
    words = words or text.split(" ")
    n = len(words)
    assert len(heads) == len(deps) == len(pos) == n, (len(heads), len(deps), len(pos), n)
    spaces = [not (i + 1 < n and words[i + 1] in ",.") and not w.endswith("'") for i, w in
              enumerate(words)]  # fmt: skip
    spaces[-1] = False
    return Doc(
        get_nlp(lang).vocab,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        lemmas=lemmas or [w.lower() for w in words],
        morphs=morphs or [""] * n,
    )


def actors_of(
    doc: Doc, lang: str = "fr", when: date = date(2023, 9, 12), memory: ActorMemory | None = None
) -> DocActors:
    return DocActors(doc, lang, 0, when, memory or ActorMemory())


def rules_with(lang: str, triggers: list[dict], **lists: list[str]) -> Rules:
    """The language's rules with only these trigger entries (and lists), for a test that must
    not depend on the shipped lexicon's content."""
    shipped = event_rules(lang)
    base = {k: sorted(getattr(shipped, k)) for k in WORD_SETS + TYPE_SETS}
    base.update(lists)
    return parse_rules(lang, {"version": "test", "triggers": triggers, **base}, "test")


def code(doc: Doc, rules: Rules, lang: str = "fr", home: str | None = None, memory=None,
         quotes=(), named: bool = False, scene: str | None = None):  # fmt: skip
    """All candidates of a hand-built paragraph, coded and dropped; `memory` holds the
    people named before it, `quotes` the paragraph's quoted words with their speakers;
    with `named`, the paragraph's names are listed first, as the pipeline does."""
    da = actors_of(doc, lang, memory=memory)
    if named:
        da.entities()
    return code_paragraph(
        doc, da, [], rules, Discourse(home=home, scene=scene, quotes=list(quotes)),
        PartialDate.parse("2023-09-12"), get_gazetteer(lang),
    )  # fmt: skip
