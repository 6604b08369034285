"""Generalise, never memorise: the lexicons' example sentences are written for them, so none
repeats six words in a row of an article the coder is scored on (the dev gold articles and the
seed). A rule written from one dev sentence usually shows itself by its example."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

from conftest import CORPUS, GOLD_DEV, SEED, need

import chronique

LEXICONS = Path(chronique.__file__).parent / "lexicons"
N = 6


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _grams(text: str) -> set[tuple[str, ...]]:
    w = _words(text)
    return {tuple(w[i : i + N]) for i in range(len(w) - N + 1)}


def _dev_texts() -> list[str]:
    ids = {p.stem for p in need(GOLD_DEV).glob("*.json")}
    texts = [need(SEED).read_text(encoding="utf-8")]
    with gzip.open(need(CORPUS), "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row.get("id") in ids:
                texts.append(row["text"])
    return texts


def _examples(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "example" and isinstance(v, str):
                yield v
            else:
                yield from _examples(v)
    elif isinstance(node, list):
        for v in node:
            yield from _examples(v)


def test_no_lexicon_example_repeats_dev_article_wording():
    dev: set[tuple[str, ...]] = set()
    for t in _dev_texts():
        dev |= _grams(t)
    copied = [
        (path.relative_to(LEXICONS).as_posix(), ex)
        for path in sorted(LEXICONS.rglob("*.json"))
        for ex in _examples(json.loads(path.read_text(encoding="utf-8")))
        if _grams(ex) & dev
    ]
    assert not copied, copied


def test_the_scan_finds_a_copied_sentence():
    text = "Le ministre a réaffirmé lundi son soutien total au gouvernement voisin."
    assert _grams("Hier, le ministre a réaffirmé lundi son soutien total.") & _grams(text)
