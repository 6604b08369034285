"""The syntax adapter on hand-built French parses: what it reads through the parser's
known misattachments, so that the rules above it see the clause a reader sees."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from chronique.extract.syntax import syntax_for

FR_VOCAB = spacy.blank("fr").vocab


def test_an_inverted_pronoun_hung_on_the_auxiliary_is_the_verbs_subject() -> None:
    # '« Non » , a -t -elle indiqué vendredi .': the parser hangs '-elle' on 'a', not on the
    # verb, when a date follows the verb
    doc = Doc(
        FR_VOCAB,
        words=["«", "Non", "»", ",", "a", "-t", "-elle", "indiqué", "vendredi", "."],
        heads=[1, 7, 1, 7, 7, 4, 4, 7, 7, 7],
        deps=["punct", "ccomp", "punct", "punct", "aux:tense", "dep", "dep", "ROOT", "obl:mod",
              "punct"],
        pos=["PUNCT", "INTJ", "PUNCT", "PUNCT", "AUX", "PRON", "PRON", "VERB", "NOUN", "PUNCT"],
    )  # fmt: skip
    syn = syntax_for("fr")
    assert [t.text for t in syn.subjects(doc[7])] == ["-elle"]  # not the euphonic '-t'


def test_a_capital_a_the_parser_reads_as_a_noun_is_the_preposition() -> None:
    # 'A Berlin , il a parlé .'
    doc = Doc(
        FR_VOCAB,
        words=["A", "Berlin", ",", "il", "a", "parlé", "."],
        heads=[5, 0, 5, 5, 5, 5, 5],
        deps=["obl:mod", "nmod", "punct", "nsubj", "aux:tense", "ROOT", "punct"],
        pos=["X", "PROPN", "PUNCT", "PRON", "AUX", "VERB", "PUNCT"],
    )
    syn = syntax_for("fr")
    assert [(p, n.text) for p, n in syn.prepositional(doc[5])] == [("à", "Berlin")]
    assert syntax_for("en").bare_phrase(doc[0]) is None  # English has no such preposition


def test_a_name_coordinated_on_the_last_word_of_the_first_is_a_conjunct() -> None:
    # 'Ana Pereira et Tomás Ruiz ont signé .': the parser hangs 'Tomás' on 'Pereira'
    doc = Doc(
        FR_VOCAB,
        words=["Ana", "Pereira", "et", "Tomás", "Ruiz", "ont", "signé", "."],
        heads=[6, 0, 3, 1, 3, 6, 6, 6],
        deps=["nsubj", "flat:name", "cc", "conj", "flat:name", "aux:tense", "ROOT", "punct"],
        pos=["PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "AUX", "VERB", "PUNCT"],
    )  # fmt: skip
    syn = syntax_for("fr")
    assert [t.text for t in syn.conjuncts(doc[0])] == ["Ana", "Tomás"]
