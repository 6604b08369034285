"""The first-name lexicon (`lexicons/first_names.json`, built by bench/make_first_names.py)."""

from __future__ import annotations

import pytest

from chronique import lexicons
from chronique.extract.actors import first_names, fold


def test_the_lexicon_loads_with_names_of_both_genders():
    data = lexicons.load("first_names")
    assert str(data["version"]) == "2"
    assert len(data["f"]) > 1000 and len(data["m"]) > 1000
    assert set(first_names().values()) == {"f", "m"}


def test_no_name_is_in_both_lists_once_folded():
    data = lexicons.load("first_names")
    f, m = {fold(n) for n in data["f"]}, {fold(n) for n in data["m"]}
    assert not f & m
    # and no list repeats a name under two spellings ('Éric', 'Eric')
    assert len(f) == len(data["f"]) and len(m) == len(data["m"])


def test_each_list_is_sorted():
    data = lexicons.load("first_names")
    assert data["f"] == sorted(data["f"]) and data["m"] == sorted(data["m"])


@pytest.mark.parametrize(
    ("name", "gender"),
    [
        ("Jack", "m"), ("Jean", "m"), ("Jean-Pierre", "m"), ("Éric", "m"), ("Eric", "m"),
        ("Patrice", "m"), ("Gérald", "m"), ("George", "m"), ("Volodymyr", "m"),
        ("Élise", "f"), ("Elise", "f"), ("Laurence", "f"), ("Ségolène", "f"), ("Mary", "f"),
        ("Marie-France", "f"), ("Jennifer", "f"), ("Kamala", "f"), ("Marine", "f"),
    ],
)  # fmt: skip
def test_common_first_names_give_their_gender(name, gender):
    assert first_names().get(fold(name)) == gender


@pytest.mark.parametrize(
    "name",
    [
        "Dominique", "Camille", "Claude", "Sasha", "Sacha", "Alix", "Charlie", "Morgan",
        "Andrea",  # a man in Italy, a woman in Germany
        "Kim",  # a family name, written first ('Kim Jong-un')
        "France", "Prince",  # a country, a title
    ],
)  # fmt: skip
def test_names_borne_by_both_sexes_and_misleading_words_are_left_out(name):
    assert fold(name) not in first_names()


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "Claire Vasseur a critiqué le budget. Jack Morel a ensuite défendu le texte. "
            "« Ce budget est injuste », a-t-elle répété.",
            "Ce budget est injuste",
        ),
        (
            "Claire Vasseur a dénoncé jeudi le projet de rocade. Jack Morel a pris la parole "
            "après elle. « Ce tracé est une erreur », a-t-elle affirmé.",
            "Ce tracé est une erreur",
        ),
    ],
)
def test_elle_is_not_the_man_named_last_when_his_first_name_says_he_is_one(code, text, said):
    # 'Jack Morel' is in no lexicon: only his first name says 'elle' is not him
    r = code(text)
    (q,) = [q for q in r.quotes if said in q.text]
    assert q.speaker.name == "Claire Vasseur"
