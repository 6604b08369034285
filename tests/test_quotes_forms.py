"""Reported-speech constructions the quote reader must follow, each on an invented sentence."""

from __future__ import annotations


def _quote(result, fragment):
    found = [q for q in result.quotes if fragment.lower() in q.text.lower()]
    assert found, f"no quote containing {fragment!r}: {[q.text[:60] for q in result.quotes]}"
    return found[0]


def test_a_participle_the_tagger_does_not_know_still_reports(code):
    # 'tweeté' is tagged X: its tense auxiliary makes it a verb, its ending gives 'tweeter'
    r = code(
        '"Les écoles doivent rester ouvertes", a tweeté le candidat écologiste à la mairie de '
        "Lyon, Paul Garnier."
    )
    q = _quote(r, "Les écoles doivent rester ouvertes")
    assert q.cue == "tweeter" and q.speaker.name == "Paul Garnier"
