"""Offset look-ups by binary search agree with a scan of the whole Doc, and the faster
serialisation and warm-up keep what they replace."""

from __future__ import annotations

import dataclasses

from chronique.extract import offsets


def test_offsets_agree_with_a_scan(seed_article) -> None:
    from chronique.nlp import get_nlp

    text = seed_article.paragraphs()[0].text
    doc = get_nlp("fr")(text)
    for char in range(0, len(text) + 1, 7):
        assert [t.i for t in offsets.after(doc, char, 6)] == [t.i for t in doc if t.idx >= char][:6]
        assert [t.i for t in offsets.before(doc, char, 6)] == [
            t.i for t in doc if t.idx + len(t.text) <= char
        ][-6:]
        end = char + 25
        assert [t.i for t in offsets.starting_in(doc, char, end)] == [
            t.i for t in doc if char <= t.idx < end
        ]
    assert len(offsets.after(doc, len(text), 3)) == 0


def test_plain_is_asdict(seed_result) -> None:
    expected = dataclasses.asdict(seed_result)
    expected.pop("text")
    assert seed_result.to_dict() == expected
    assert seed_result.events and seed_result.quotes


def test_warm_loads_every_lazy_table() -> None:
    from chronique.extract.actors import get_lexicon
    from chronique.extract.events import event_rules
    from chronique.extract.places import get_gazetteer
    from chronique.extract.quotes import cues_for
    from chronique.extract.time import _grammar
    from chronique.pipeline import warm

    loaders = (get_lexicon, event_rules, get_gazetteer, cues_for, _grammar)
    for f in loaders:
        f.cache_clear()
    warm("en")
    assert all(f.cache_info().currsize == 1 for f in loaders)
    assert get_gazetteer("en")._small is not None  # the small-town tier too, built lazily
