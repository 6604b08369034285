"""Shared fixtures: the shared data folder and one coded reading of the seed per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(os.environ.get("CHRONIQUE_SHARED", Path(__file__).resolve().parents[2] / "shared"))
SEED = SHARED / "corpus" / "seed.txt"
CORPUS = SHARED / "corpus" / "orangesum_fr_politics.jsonl.gz"
GOLD_DEV = SHARED / "gold" / "dev"


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"shared data not found: {path} (../shared beside the repo)")
    return path


@pytest.fixture(scope="session")
def seed_article():
    from chronique.read import read_inputs

    items = list(read_inputs([str(need(SEED))]))
    assert items[0].article is not None
    return items[0].article


@pytest.fixture(scope="session")
def seed_result(seed_article):
    from chronique.pipeline import process

    return process(seed_article)


@pytest.fixture(scope="session")
def corpus_articles():
    """The first 40 articles of the real corpus."""
    import itertools

    from chronique.read import read_inputs

    items = itertools.islice(read_inputs([str(need(CORPUS))]), 40)
    return [i.article for i in items if i.article is not None]


@pytest.fixture(scope="session")
def code():
    """Code one French paragraph (with a publication date) and return the result."""
    from chronique.model import Article
    from chronique.pipeline import process

    def run(text: str, published: str = "2023-09-12", lang: str = "fr"):
        return process(Article(id="t", text=text, published=published, language=lang))

    return run


def quote_containing(result, fragment):
    """The result's first quote whose text contains `fragment` (case folded); fails the test
    with the quotes it has when none does."""
    found = [q for q in result.quotes if fragment.lower() in q.text.lower()]
    assert found, f"no quote containing {fragment!r}: {[q.text[:60] for q in result.quotes]}"
    return found[0]


def events_of(result, typ, actor=None, recipient=None):
    """The result's events of type `typ`, with `actor`/`recipient` among their countries."""
    return [
        e
        for e in result.events
        if e.event == typ
        and (actor is None or actor in {a.country for a in e.actor})
        and (recipient is None or recipient in {a.country for a in e.recipient})
    ]


# The integration tier: tests that run the statistical parser on text (marked `slow`). The
# fast tier (`pytest -m "not slow"`) pins rules on hand-built parses and runs in seconds; it
# may load a model's vocabulary, never parse with it.
PARSING_FIXTURES = {"seed_result", "code", "corpus_articles"}
PARSING_MODULES = {
    "test_actors", "test_english", "test_events", "test_faults", "test_ingest", "test_nlp",
    "test_places", "test_quotes", "test_store", "test_web_api", "test_web_ui", "test_offsets",
    "test_lexicon_fr", "test_lexicon_en",
}  # fmt: skip


def pytest_collection_modifyitems(config, items):
    for item in items:
        module = item.module.__name__.rsplit(".", 1)[-1]
        if PARSING_FIXTURES & set(getattr(item, "fixturenames", ())) or module in PARSING_MODULES:
            item.add_marker(pytest.mark.slow)
