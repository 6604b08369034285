"""Sentence bounds read from punctuation, for evidence and quote spans.

The parser's sentence split follows its (sometimes wrong) tree: a subject it failed to
attach can end up in a sentence of its own. Punctuation is what a reader sees.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

_SENTENCE_END = re.compile(r"[.!?…](?=[\"»”]?\s+[A-ZÀ-ÖØ-Þ«\"“\-–]|[\"»”]?\s*$)")
_ABBREVIATION = re.compile(r"(^|[\s(])(M|Mme|MM|Dr|St|[A-Z])$")


def _ends(text: str, start: int = 0):
    for m in _SENTENCE_END.finditer(text, start):
        before = text[max(0, m.start() - 3) : m.start()]
        if m.group() == "." and _ABBREVIATION.search(before):
            continue  # 'M. Moon', 'J. Biden': an abbreviation, not a full stop
        yield m.end()


@lru_cache(maxsize=64)
def _all_ends(text: str) -> tuple[int, ...]:
    """Every sentence end of a paragraph, found once: events and quotes ask many times."""
    return tuple(_ends(text))


def sentence_end(text: str, start: int) -> int:
    """End of the sentence that contains `start`."""
    return next(_ends(text, start), len(text))


def sentence_start(text: str, pos: int) -> int:
    """Start of the sentence that contains `pos` (after the previous full stop)."""
    ends = _all_ends(text)
    k = bisect_right(ends, pos)
    begin = ends[k - 1] if k else 0
    while begin < len(text) and text[begin].isspace():
        begin += 1
    return begin


def sentence_at(text: str, pos: int) -> str:
    return text[sentence_start(text, pos) : sentence_end(text, pos)].strip()
