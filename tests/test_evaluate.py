"""Scoring against gold files: hand-made predictions for the seed article's gold.

The seed gold is copied here (required events, a few optional ones, the quotes) so that the
tests run without the shared data; one test also reads the shared gold folder when present.
"""

from __future__ import annotations

import copy
import itertools
import json
import os
import random
from pathlib import Path

import pytest

from chronique.evaluate import (
    format_plover_report,
    format_report,
    is_person_name,
    load_gold,
    load_plover_gold,
    load_results,
    max_weight_matching,
    score_article,
    score_corpus,
    score_plover,
    speaker_match,
)
from chronique.model import (
    Actor,
    ArticleResult,
    DateSpan,
    Event,
    Evidence,
    PartialDate,
    Quote,
)

SHARED = Path(os.environ.get("CHRONIQUE_SHARED", Path(__file__).resolve().parents[2] / "shared"))


def _ev(types, actor, recipient, modality, date, **kw):
    return {
        "event": types,
        "actor": actor,
        "recipient": recipient,
        "modality": modality,
        "date": date,
        "note": kw.pop("note", ""),
        **kw,
    }


SEED = {
    "article": "seed",
    "published": "2023-09",
    "language": "fr",
    "events": [
        _ev(["CONSULT", "AGREE"], ["PRK"], ["RUS"], "future", "2023-09", symmetric=True),
        _ev(["CONSULT"], ["RUS"], ["PRK"], "asserted", "2023-09", symmetric=True),
        _ev(["AID"], ["PRK"], ["RUS"], ["alleged", "denied"], "2023", note="must not be asserted"),
        _ev(["REJECT"], ["RUS"], ["USA"], "asserted", "2023-09"),
        _ev(["REJECT"], ["PRK"], ["USA"], "asserted", "2023-09"),
        _ev(["REJECT"], ["CHN"], ["USA"], "asserted", "2023"),
        _ev(["AGREE", "COOPERATE"], ["RUS"], ["PRK"], "future", "2023-09", symmetric=True),
        _ev(["SANCTION"], ["USA"], [], "asserted", "2023"),
        _ev(["CONSULT"], ["RUS"], ["PRK"], "historical", "2023-07", optional=True),
        _ev(["ACCUSE"], ["GBR"], ["RUS"], "asserted", "2023-09", optional=True),
        _ev(
            ["AGREE", "COOPERATE", "AID"],
            ["PRK"],
            ["RUS"],
            "hypothetical",
            "2023-09",
            optional=True,
        ),
    ],
    "quotes": [
        {"speaker": "Kremlin", "country": "RUS", "kind": "indirect", "contains": "rien à dire"},
        {
            "speaker": "Adrienne Watson",
            "country": "USA",
            "kind": "indirect",
            "contains": "progressaient activement",
        },
        {
            "speaker": "Adrienne Watson",
            "country": "USA",
            "kind": "direct",
            "contains": "Nous disposons d'informations",
        },
        {
            "speaker": "responsables américains et alliés anonymes",
            "country": "USA",
            "kind": "indirect",
            "contains": "dès la semaine prochaine",
        },
        {
            "speaker": "Dmitri Peskov",
            "country": "RUS",
            "kind": "direct",
            "contains": "Non, je ne peux pas",
        },
        {
            "speaker": "Keir Giles",
            "country": "GBR",
            "kind": "direct",
            "contains": "reconnaître un pays à ses fréquentations",
        },
        {
            "speaker": "Keir Giles",
            "country": "GBR",
            "kind": "direct",
            "contains": "autres États voyous",
            "optional": True,
        },
    ],
}
N_REQUIRED = 8


def span(value: str) -> DateSpan:
    pd = PartialDate.parse(value)
    return DateSpan(str(pd.first_day()), str(pd.last_day()), pd.precision)


def event(kind, actors, recipients=(), modality="asserted", date="2023-09", start=None, eid=None):
    return Event(
        id=eid or f"{kind}-{'-'.join(actors)}-{'-'.join(recipients)}",
        event=kind,
        actor=[Actor(text=c, country=c) for c in actors],
        recipient=[Actor(text=c, country=c) for c in recipients],
        modality=modality,
        date=span(date) if date else None,
        text=f"sentence for {kind}",
        evidence=[Evidence(f"sentence for {kind}", kind.lower(), start, start + 1, "test")]
        if start is not None
        else [],
    )


def perfect_events(gold: dict) -> list[Event]:
    """One event per required gold event, with its first type, modality and its date."""
    out = []
    for g in gold["events"]:
        if g.get("optional"):
            continue
        modality = g["modality"] if isinstance(g["modality"], str) else g["modality"][0]
        out.append(event(g["event"][0], g["actor"], g["recipient"], modality, g["date"]))
    return out


def result(events=(), quotes=(), article="seed") -> ArticleResult:
    return ArticleResult(
        id=article,
        published="2023-09",
        language="fr",
        title=None,
        events=list(events),
        quotes=list(quotes),
    )


def counts(score):
    return (score.events.tp, score.events.fp, score.events.fn)


def without(events, kind, actor):
    return [e for e in events if not (e.event == kind and e.actor[0].country == actor)]


# --- events ------------------------------------------------------------------------------------


def test_perfect_prediction_scores_one():
    s = score_article(SEED, result(perfect_events(SEED)))
    assert counts(s) == (N_REQUIRED, 0, 0)
    assert s.events.precision == s.events.recall == s.events.f1 == 1.0
    assert s.modality_right == N_REQUIRED and s.date_right == s.date_scored == N_REQUIRED
    assert [e for e in s.errors if e["what"] == "event"] == []


def test_nothing_predicted_counts_required_only():
    s = score_article(SEED, result())
    assert counts(s) == (0, 0, N_REQUIRED)
    assert s.events.f1 == 0.0


@pytest.mark.skipif(not (SHARED / "gold" / "dev").is_dir(), reason="shared gold not present")
def test_shared_gold_loads_and_seed_perfect_scores_one():
    golds = load_gold(SHARED / "gold" / "dev")
    assert "seed" in golds and len(golds) >= 11
    seed = golds["seed"]
    required = sum(not g["optional"] for g in seed["events"])
    s = score_article(seed, result(perfect_events(seed)))
    assert counts(s) == (required, 0, 0)
    assert s.modality_right == required and s.date_right == s.date_scored == required


def test_swapped_directed_event_is_fn_and_fp():
    events = without(perfect_events(SEED), "AID", "PRK") + [
        event("AID", ["RUS"], ["PRK"], "alleged", "2023")
    ]
    s = score_article(SEED, result(events))
    assert counts(s) == (N_REQUIRED - 1, 1, 1)
    fp = next(e for e in s.errors if e["error"] == "FP")
    assert "swapped" in fp["reason"] and fp["evidence"] == "sentence for AID"
    fn = next(e for e in s.errors if e["error"] == "FN")
    assert fn["type"] == "AID" and fn["note"] == "must not be asserted"


def test_wrong_type_is_fn_and_fp():
    events = without(perfect_events(SEED), "AID", "PRK") + [
        event("SANCTION", ["PRK"], ["RUS"], "alleged", "2023")
    ]
    s = score_article(SEED, result(events))
    assert counts(s) == (N_REQUIRED - 1, 1, 1)
    assert s.per_type["SANCTION"].fp == 1 and s.per_type["AID"].fn == 1


def test_wrong_recipient_is_caught():
    events = without(perfect_events(SEED), "REJECT", "CHN") + [
        event("REJECT", ["CHN"], ["PRK"], date="2023")
    ]
    s = score_article(SEED, result(events))
    assert counts(s) == (N_REQUIRED - 1, 1, 1)


def test_optional_events_neither_help_nor_hurt():
    base = score_article(SEED, result(perfect_events(SEED)))
    extra = [
        event("ACCUSE", ["GBR"], ["RUS"]),  # matches only an optional gold
        event("AGREE", ["PRK"], ["RUS"], "hypothetical"),  # optional absorbs it
    ]
    s = score_article(SEED, result(perfect_events(SEED) + extra))
    assert counts(s) == counts(base) == (N_REQUIRED, 0, 0)
    assert s.optional_events_matched == 2
    # and not predicting them costs nothing: the base prediction has none of them
    assert base.optional_events_matched == 0 and base.events.fn == 0


def test_symmetric_events_match_swapped_and_merged():
    gold = {
        "article": "t",
        "events": [_ev(["CONSULT"], ["PRK"], ["RUS"], "asserted", "2023")],
        "quotes": [],
    }
    swapped = score_article(gold, result([event("CONSULT", ["RUS"], ["PRK"], date="2023")]))
    assert counts(swapped) == (1, 0, 0) and swapped.matches[0]["how"] == "swapped"
    merged = score_article(gold, result([event("CONSULT", ["PRK", "RUS"], [], date="2023")]))
    assert counts(merged) == (1, 0, 0) and merged.matches[0]["how"] == "merged"
    one_side = score_article(gold, result([event("CONSULT", ["PRK"], [], date="2023")]))
    assert counts(one_side) == (0, 1, 1)


def test_symmetric_flag_and_directed_types():
    flagged = _ev(["SUPPORT"], ["RUS"], ["CHN"], "asserted", "2023", symmetric=True)
    plain = _ev(["SUPPORT"], ["RUS"], ["CHN"], "asserted", "2023")
    pred = [event("SUPPORT", ["CHN"], ["RUS"], date="2023")]
    assert counts(score_article({"article": "t", "events": [flagged]}, result(pred))) == (1, 0, 0)
    assert counts(score_article({"article": "t", "events": [plain]}, result(pred))) == (0, 1, 1)


def test_each_gold_matched_once():
    events = perfect_events(SEED) + [event("REJECT", ["CHN"], ["USA", "PRK"], date="2023")]
    s = score_article(SEED, result(events))
    assert counts(s) == (N_REQUIRED, 1, 0)
    fp = next(e for e in s.errors if e["error"] == "FP")
    assert fp["reason"].startswith("duplicate")


def test_required_gold_preferred_over_optional():
    required = _ev(["CONSULT"], ["RUS"], ["PRK"], "asserted", "2023-09")
    optional = _ev(["CONSULT"], ["RUS"], ["PRK"], "historical", "2023-07", optional=True)
    pred = [event("CONSULT", ["RUS"], ["PRK"], "future", "2022")]  # modality and date wrong
    for golds in ([optional, required], [required, optional]):
        s = score_article({"article": "t", "events": golds}, result(pred))
        assert counts(s) == (1, 0, 0) and s.optional_events_matched == 0


def test_alignment_prefers_the_gold_direction():
    golds = [
        _ev(["CONSULT"], ["PRK"], ["RUS"], "asserted", "2023", symmetric=True),
        _ev(["CONSULT"], ["RUS"], ["PRK"], "asserted", "2023", symmetric=True),
    ]
    for preds in (["PRK", "RUS"], ["RUS", "PRK"]):
        events = [event("CONSULT", [a], [b], date="2023") for a, b in (preds, preds[::-1])]
        s = score_article({"article": "t", "events": golds}, result(events))
        assert counts(s) == (2, 0, 0)
        assert [m["how"] for m in s.matches] == ["exact", "exact"]


def test_repeated_mentions_collapse_to_one_prediction():
    events = perfect_events(SEED) + [event("REJECT", ["CHN"], ["USA"], date="2023", eid="again")]
    assert counts(score_article(SEED, result(events))) == (N_REQUIRED, 0, 0)


def test_modality_list_accepted():
    def with_aid_modality(modality):
        events = without(perfect_events(SEED), "AID", "PRK") + [
            event("AID", ["PRK"], ["RUS"], modality, "2023")
        ]
        return score_article(SEED, result(events))

    assert with_aid_modality("alleged").modality_right == N_REQUIRED
    assert with_aid_modality("denied").modality_right == N_REQUIRED
    wrong = with_aid_modality("asserted")
    assert wrong.modality_right == N_REQUIRED - 1 and wrong.events.tp == N_REQUIRED
    assert any(e["error"] == "modality" and e["type"] == "AID" for e in wrong.errors)


def test_collapsed_key_keeps_first_event_in_article_order():
    gold = {"article": "t", "events": [_ev(["AID"], ["PRK"], ["RUS"], "alleged", "2023")]}
    first_asserted = [
        event("AID", ["PRK"], ["RUS"], "alleged", "2023", start=200, eid="b"),
        event("AID", ["PRK"], ["RUS"], "asserted", "2023", start=10, eid="a"),
    ]
    s = score_article(gold, result(first_asserted))
    assert counts(s) == (1, 0, 0) and s.modality_right == 0
    first_alleged = [
        event("AID", ["PRK"], ["RUS"], "alleged", "2023", start=10, eid="a"),
        event("AID", ["PRK"], ["RUS"], "asserted", "2023", start=200, eid="b"),
    ]
    assert score_article(gold, result(first_alleged)).modality_right == 1


def test_date_interval_containment():
    month = {"article": "t", "events": [_ev(["AID"], ["PRK"], ["RUS"], "asserted", "2023-09")]}
    day = {"article": "t", "events": [_ev(["AID"], ["PRK"], ["RUS"], "asserted", "2023-09-05")]}
    pred_day = result([event("AID", ["PRK"], ["RUS"], date="2023-09-05")])
    pred_month = result([event("AID", ["PRK"], ["RUS"], date="2023-09")])
    pred_other = result([event("AID", ["PRK"], ["RUS"], date="2023-08-31")])
    pred_none = result([event("AID", ["PRK"], ["RUS"], date=None)])
    assert score_article(month, pred_day).date_right == 1
    assert score_article(day, pred_month).date_right == 0
    assert score_article(month, pred_other).date_right == 0
    s = score_article(month, pred_none)
    assert (s.date_right, s.date_scored, s.events.tp) == (0, 1, 1)


def test_result_does_not_depend_on_list_order():
    events = perfect_events(SEED) + [
        event("CONSULT", ["PRK"], ["RUS"], "asserted"),  # same key as a perfect one: collapses
        event("AGREE", ["PRK"], ["RUS"], "hypothetical"),
        event("AID", ["RUS"], ["PRK"]),
        event("REJECT", ["CHN"], ["USA", "PRK"], "future", "2023"),
    ]
    for i, e in enumerate(events):  # article order is given by offsets, not by list order
        e.evidence = [Evidence(e.text, e.event.lower(), 10 * i, 10 * i + 1, "test")]
    ref = score_article(SEED, result(events))
    key = (counts(ref), ref.modality_right, ref.date_right, ref.optional_events_matched)
    rng = random.Random(7)
    for _ in range(20):
        gold = copy.deepcopy(SEED)
        rng.shuffle(gold["events"])
        shuffled = list(events)
        rng.shuffle(shuffled)
        s = score_article(gold, result(shuffled))
        assert (counts(s), s.modality_right, s.date_right, s.optional_events_matched) == key


def test_matching_is_maximal():
    rng = random.Random(3)
    for _ in range(200):
        n, m = rng.randint(1, 5), rng.randint(1, 5)
        w = [[rng.choice([0, 0, 1, 5, 9]) for _ in range(m)] for _ in range(n)]
        pairs = max_weight_matching(w)
        assert len({i for i, _ in pairs}) == len({j for _, j in pairs}) == len(pairs)
        assert all(w[i][j] > 0 for i, j in pairs)
        best = 0
        if n <= m:
            for perm in itertools.permutations(range(m), n):
                best = max(best, sum(w[i][perm[i]] for i in range(n)))
        else:
            for perm in itertools.permutations(range(n), m):
                best = max(best, sum(w[perm[j]][j] for j in range(m)))
        assert sum(w[i][j] for i, j in pairs) == best


# --- quotes ------------------------------------------------------------------------------------


def person(name, country, text=None):
    return Actor(text=text or name, name=name, country=country, kind="person")


def quote(speaker, text, kind="direct"):
    return Quote(speaker=speaker, text=text, kind=kind, cue=None, start=0, end=len(text))


def qcounts(score):
    return (score.quotes.tp, score.quotes.fp, score.quotes.fn)


def test_quotes_by_name_pronoun_country_and_loose_text():
    quotes = [
        quote(
            Actor("Le Kremlin", name="Kremlin", country="RUS", kind="organization"),
            "il n'avait rien à dire",
            "indirect",
        ),
        quote(
            person("Adrienne Watson", "USA", "La porte-parole du Conseil, Adrienne Watson"),
            "les négociations progressaient activement",
            "indirect",
        ),
        # pronoun 'a-t-elle déclaré' resolved to Watson; typographic apostrophe, odd spacing
        quote(
            person("Adrienne Watson", "USA", "elle"),
            "NOUS  DISPOSONS\n d’informations selon lesquelles",
        ),
        # unnamed officials matched by country
        quote(
            Actor("Washington", country="USA", kind="country"),
            "Kim se rendrait en Russie dès la semaine prochaine",
            "indirect",
        ),
        quote(person("Dmitri Peskov", "RUS", "M. Peskov"), 'Non, je ne peux pas : "Non'),
        quote(person("Keir Giles", "GBR"), "vous pouvez reconnaître un pays à ses fréquentations"),
    ]
    s = score_article(SEED, result(quotes=quotes))
    assert qcounts(s) == (6, 0, 0)
    assert s.quotes.f1 == 1.0


def test_optional_quote_neither_helps_nor_hurts():
    q = quote(person("Keir Giles", "GBR"), "d'autres États voyous")
    s = score_article(SEED, result(quotes=[q]))
    assert qcounts(s) == (0, 0, 6) and s.optional_quotes_matched == 1


def test_wrong_speaker_or_text_is_caught():
    quotes = [
        # right text, wrong named person
        quote(person("Adrienne Watson", "USA"), "Non, je ne peux pas"),
        # a named gold person is not matched by country alone
        quote(
            Actor("un expert britannique", country="GBR", kind="group"),
            "reconnaître un pays à ses fréquentations",
        ),
        # an unnamed gold speaker is not matched by a different named person of its country
        quote(person("Adrienne Watson", "USA"), "dès la semaine prochaine", "indirect"),
        # right speaker, text not in the gold
        quote(person("Dmitri Peskov", "RUS"), "tout va bien"),
    ]
    s = score_article(SEED, result(quotes=quotes))
    assert qcounts(s) == (0, 4, 6)
    reasons = [e["reason"] for e in s.errors if e["what"] == "quote" and e["error"] == "FP"]
    assert sum("speaker does not resolve" in r for r in reasons) == 3


def test_gold_quote_matched_once():
    q = quote(person("Dmitri Peskov", "RUS"), "Non, je ne peux pas")
    s = score_article(SEED, result(quotes=[q, copy.deepcopy(q)]))
    assert qcounts(s) == (1, 1, 5)


def test_speaker_name_rules():
    peskov = {"speaker": "Dmitri Peskov", "country": "RUS"}
    assert speaker_match(peskov, person("Dmitry Peskov", "RUS")) == "name"  # surname
    assert speaker_match(peskov, Actor("M. Peskov", country=None)) == "name"
    assert speaker_match(peskov, person("Sergei Shoigu", "RUS")) is None
    kim_yo = {"speaker": "Kim Yo Jong", "country": "PRK"}
    assert speaker_match(kim_yo, person("Kim Jong Un", "PRK")) is None
    lankov = {"speaker": "Andrei Lankov", "country": "KOR"}
    assert speaker_match(lankov, person("Andreï Lankov", "RUS")) == "name"  # accents folded
    local = {"speaker": "les autorités locales", "country": "RUS"}
    assert speaker_match(local, Actor("les autorités", country="UKR", kind="group")) is None
    assert speaker_match(local, Actor("les autorités", country="RUS", kind="group")) == "name"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Keir Giles", True),
        ("Kim Jong Un", True),
        ("Bachar Al-Assad", True),
        ("Kremlin", False),
        ("La Corée du Nord", False),
        ("responsables américains", False),
        ("Un ancien conseiller du défunt président sud-coréen Kim Dae-jung", False),
        ("l'armée nord-coréenne", False),
    ],
)
def test_is_person_name(name, expected):
    assert is_person_name(name) is expected


# --- corpus, report, loaders -------------------------------------------------------------------


def test_corpus_counts_missing_results_as_false_negatives():
    other = copy.deepcopy(SEED)
    other["article"] = "other"
    results = {"seed": result(perfect_events(SEED)), "stray": result(article="stray")}
    s = score_corpus({"seed": SEED, "other": other}, results)
    assert s.missing == ["other"] and s.unscored == ["stray"]
    assert (s.events.tp, s.events.fp, s.events.fn) == (N_REQUIRED, 0, N_REQUIRED)
    assert s.quotes.fn == 12  # 6 required quotes in each article, none predicted
    assert s.events.recall == 0.5


def test_report_and_json():
    events = without(perfect_events(SEED), "AID", "PRK") + [event("AID", ["RUS"], ["PRK"])]
    s = score_corpus({"seed": SEED}, {"seed": result(events)})
    d = json.loads(json.dumps(s.to_dict()))
    assert d["events"]["fp"] == 1 and d["per_type"]["AID"]["fn"] == 1
    text = format_report(s, errors=True)
    assert "events" in text and "AID RUS→PRK" in text and "evidence: sentence for AID" in text
    assert "must not be asserted" in text
    assert "evidence:" not in format_report(s, errors=False)


def test_load_gold_checks_types(tmp_path):
    (tmp_path / "a.json").write_text(json.dumps(SEED), encoding="utf-8")
    assert list(load_gold(tmp_path)) == ["seed"]
    bad = copy.deepcopy(SEED)
    bad["article"] = "bad"
    bad["events"][0]["event"] = ["MEET"]
    (tmp_path / "b.json").write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(ValueError, match="b.json"):
        load_gold(tmp_path)


def test_load_results_roundtrip(tmp_path):
    r = result(perfect_events(SEED), [quote(person("Keir Giles", "GBR"), "un pays")])
    path = tmp_path / "out.jsonl"
    path.write_text(json.dumps(r.to_dict()) + "\n", encoding="utf-8")
    back = load_results(path)
    assert counts(score_article(SEED, back["seed"])) == (N_REQUIRED, 0, 0)


# --- English PLOVER gold -----------------------------------------------------------------------


@pytest.mark.skipif(
    not (SHARED / "reference" / "PLOVER_GSR_CAMEO.json").is_file(), reason="no reference"
)
def test_load_plover_gold():
    recs = load_plover_gold(SHARED / "reference" / "PLOVER_GSR_CAMEO.json")
    assert len(recs) == 322 and len({r["id"] for r in recs}) == 322
    kinds = {r["event"] for r in recs}
    assert not kinds & {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT", "DOCUMENT"}
    demand = next(r for r in recs if r["id"] == "PLOVER-GSR01-DEMAND-0001")
    assert demand["event"] == "REQUEST" and demand["actor_country"] == ["POL"]
    assert demand["recipient_country"] == ["RUS"]
    assert all(isinstance(r["recipient_country"], list) for r in recs)


def test_score_plover():
    recs = [
        {
            "id": "a",
            "text": "A",
            "event": "REQUEST",
            "actor_country": ["POL"],
            "recipient_country": ["RUS"],
        },
        {
            "id": "b",
            "text": "B",
            "event": "ACCUSE",
            "actor_country": ["IGO"],
            "recipient_country": ["MNE"],
        },
        {
            "id": "c",
            "text": "C",
            "event": "ASSAULT",
            "actor_country": ["ISR"],
            "recipient_country": [],
        },
        {
            "id": "d",
            "text": "D",
            "event": "AGREE",
            "actor_country": ["USA"],
            "recipient_country": [],
        },
        {
            "id": "e",
            "text": "E",
            "event": "REJECT",
            "actor_country": ["CIV"],
            "recipient_country": ["SEN"],
        },
    ]
    preds = [
        result([event("REQUEST", ["POL"], ["RUS"])], article="a"),
        result([event("ACCUSE", ["UNO"], ["SRB"])], article="b"),  # UNO counts as IGO
        result([event("THREATEN", ["ISR"])], article="c"),
        result([], article="d"),
    ]
    s = score_plover(recs, preds)
    assert s["type"] == {"correct": 2, "n": 5, "accuracy": 0.4}
    assert s["actor"]["correct"] == 2 and s["actor"]["n"] == 2
    assert s["recipient"]["correct"] == 1
    assert s["no_event"] == 1 and s["missing"] == ["e"]
    assert s["per_type"]["ASSAULT"]["predicted_instead"] == {"THREATEN": 1}
    assert "event type" in format_plover_report(s, errors=True)


def test_score_plover_coverage_and_type_first_in_reading_order():
    recs = [
        {"id": k, "text": k, "event": t, "actor_country": [], "recipient_country": []}
        for k, t in (("a", "ACCUSE"), ("b", "ACCUSE"), ("c", "AGREE"), ("d", "SUPPORT"))
    ]
    recs.append(
        {
            "id": "y",
            "text": "y",
            "event": "YIELD",
            "accept": ["CONCEDE", "RETREAT"],
            "actor_country": [],
            "recipient_country": [],
        }
    )
    preds = [
        # listed out of order: the ACCUSE mention comes first in the sentence
        result([event("REJECT", [], start=20), event("ACCUSE", [], start=3)], article="a"),
        result([event("REJECT", [], start=2), event("ACCUSE", [], start=30)], article="b"),
        result([event("AGREE", [], start=0)], article="c"),
        result([], article="d"),
        result([event("RETREAT", [], start=5)], article="y"),
    ]
    s = score_plover(recs, preds)
    assert s["coverage"] == {"correct": 4, "n": 5, "accuracy": 0.8}
    assert s["type_first"]["correct"] == 3  # a, c and y (RETREAT is one of YIELD's types)
    assert s["type_first_coded"] == {"correct": 3, "n": 4, "accuracy": 0.75}
    assert s["type"]["correct"] == 4  # b counts when any event may have the type
    assert s["per_type"]["ACCUSE"]["first"] == 1 and s["per_type"]["SUPPORT"]["coverage"] == 0
    report = format_plover_report(s)
    assert "coverage" in report and "type first" in report


def test_a_speaker_matches_the_gold_under_any_spelling_the_lexicon_knows():
    from chronique.evaluate import speaker_match
    from chronique.model import Actor

    putin = Actor(text="le président russe", name="Vladimir Putin", country="RUS",
                  sector="GOV", wikidata="Q7747", kind="person")  # fmt: skip
    gold = {"speaker": "Vladimir Poutine", "country": "RUS"}
    assert speaker_match(gold, putin) == "name"
    other = Actor(text="le président russe", name="Dmitri Medvedev", country="RUS",
                  sector="GOV", wikidata="Q23530", kind="person")  # fmt: skip
    assert speaker_match(gold, other) is None
