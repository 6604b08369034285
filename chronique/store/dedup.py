"""Near-duplicate articles (the same wire story republished) by MinHash and LSH.

Exact copies never get this far: they have the same content hash and are skipped. What is left
is the same story with a new title, a changed sentence or a trimmed ending. Each stored article
keeps its MinHash signature, so the LSH index is rebuilt from the database when a run starts
and the index never disagrees with what was committed. A candidate from the index is confirmed
by its estimated Jaccard similarity before it is linked.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # datasketch 2 permutation scheme; sketches of two schemes never compare
SHINGLE = 3  # words per shingle
DEFAULT_THRESHOLD = 0.6

_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, size: int = SHINGLE) -> set[bytes]:
    """Word n-grams of the lower-cased text: punctuation and spacing changes do not count."""
    words = _WORD.findall(text.lower())
    if len(words) < size:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + size]).encode() for i in range(len(words) - size + 1)}


_TEMPLATE: MinHash | None = None


def signature(text: str) -> LeanMinHash:
    """The MinHash of a text; the permutations are made once per process (they cost ~1 ms)."""
    global _TEMPLATE
    if _TEMPLATE is None:
        _TEMPLATE = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    m = MinHash(
        num_perm=NUM_PERM, seed=SEED, permutations=_TEMPLATE.permutations, scheme=SCHEME
    )
    m.update_batch(list(shingles(text)))
    return LeanMinHash(m)


def to_bytes(m: LeanMinHash) -> bytes:
    return np.asarray(m.hashvalues, dtype="<u8").tobytes()


def from_bytes(blob: bytes) -> LeanMinHash:
    return LeanMinHash(seed=SEED, hashvalues=np.frombuffer(blob, dtype="<u8"), scheme=SCHEME)


@dataclass
class Match:
    original: str  # the stored article this one repeats (the first of the story)
    similarity: float


class NearDuplicates:
    """An LSH index over stored articles; `check` then `add` each new article in order.

    `fetch(ids)` returns (id, duplicate_of, signature bytes) of stored articles, used to
    confirm candidates without keeping every signature in memory.
    """

    def __init__(
        self,
        fetch: Callable[[list[str]], Iterable[tuple[str, str | None, bytes]]],
        threshold: float = DEFAULT_THRESHOLD,
    ) -> None:
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
        self._fetch = fetch
        self._pending: dict[str, tuple[str | None, LeanMinHash]] = {}

    def load(self, rows: Iterable[tuple[str, bytes | None]]) -> int:
        """Index stored signatures (id, blob); returns how many."""
        n = 0
        with self.lsh.insertion_session() as session:
            for aid, blob in rows:
                if blob:
                    session.insert(aid, from_bytes(blob), check_duplication=False)
                    n += 1
        return n

    def check(self, aid: str, sig: LeanMinHash) -> Match | None:
        """The most similar earlier article above the threshold, if any."""
        candidates = [c for c in self.lsh.query(sig) if c != aid]
        if not candidates:
            return None
        known: dict[str, tuple[str | None, LeanMinHash]] = {}
        stored = [c for c in candidates if c not in self._pending]
        for cid, dup, blob in self._fetch(stored) if stored else ():
            known[cid] = (dup, from_bytes(blob))
        for cid in candidates:
            if cid in self._pending:
                known[cid] = self._pending[cid]
        best: Match | None = None
        for cid in sorted(known):
            dup, other = known[cid]
            sim = float(sig.jaccard(other))
            if sim >= self.threshold and (best is None or sim > best.similarity):
                best = Match(dup or cid, sim)
        return best

    def add(self, aid: str, sig: LeanMinHash, duplicate_of: str | None) -> None:
        """Index an article of the batch being written (visible to `check` before commit)."""
        if aid in self.lsh:
            return
        self.lsh.insert(aid, sig, check_duplication=False)
        self._pending[aid] = (duplicate_of, sig)

    def committed(self) -> None:
        """The batch is in the database: its signatures can be fetched from there now."""
        self._pending.clear()

    def rolled_back(self) -> None:
        """The batch was not stored: forget its articles so the index matches the database."""
        for aid in self._pending:
            self.lsh.remove(aid)
        self._pending.clear()
