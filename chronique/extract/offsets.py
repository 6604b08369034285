"""Character offsets to tokens by binary search, so extractors never scan a whole Doc per look-up.

Iterating a spaCy Doc builds a Python Token object per token; a list comprehension over the
Doc for every quote or time expression made that the largest cost of extraction. The start
and end offsets are computed once per Doc and kept in `Doc.user_data`.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from spacy.attrs import IDX, LENGTH
from spacy.tokens import Doc, Span

_KEY = "chronique.offsets"


def _bounds(doc: Doc) -> tuple[list[int], list[int]]:
    got = doc.user_data.get(_KEY)
    if got is None:
        arr = doc.to_array([IDX, LENGTH])  # read from the Doc's C arrays: no Token built
        starts = arr[:, 0].tolist() if len(doc) else []
        ends = (arr[:, 0] + arr[:, 1]).tolist() if len(doc) else []
        got = doc.user_data[_KEY] = (starts, ends)
    return got


def starting_in(doc: Doc, start: int, end: int) -> Span:
    """Tokens whose first character lies in [start, end)."""
    starts, _ = _bounds(doc)
    return doc[bisect_left(starts, start) : bisect_left(starts, end)]


def after(doc: Doc, char: int, n: int) -> Span:
    """The first `n` tokens that start at or after `char`."""
    starts, _ = _bounds(doc)
    i = bisect_left(starts, char)
    return doc[i : i + n]


def before(doc: Doc, char: int, n: int) -> Span:
    """The last `n` tokens that end at or before `char`."""
    _, ends = _bounds(doc)
    j = bisect_right(ends, char)
    return doc[max(0, j - n) : j]
