"""Readers → runner → store: the ingest loop behind `chronique ingest`.

Articles are read lazily and cut into batches; the hashes of a batch are looked up in the
store before anything is parsed, so a second run or a resumed one only codes what is missing.
Results come back from the runner in input order and each batch is written in one
transaction, reader failures of that stretch of input included.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from chronique.model import Article
from chronique.store.db import Store
from chronique.store.rows import failed

DEFAULT_BATCH = 32


class Reporter(Protocol):
    """What the ingest loop tells its user; the CLI draws a progress bar from it."""

    def start(self, total: int | None, engine: str) -> None: ...

    def advance(self, n: int) -> None: ...

    def failure(self, message: str) -> None: ...

    def warning(self, message: str) -> None: ...

    def committed(self, summary: IngestSummary) -> None: ...


class Quiet:
    def start(self, total: int | None, engine: str) -> None:
        pass

    def advance(self, n: int) -> None:
        pass

    def failure(self, message: str) -> None:
        pass

    def warning(self, message: str) -> None:
        pass

    def committed(self, summary: IngestSummary) -> None:
        pass


@dataclass
class IngestSummary:
    read: int = 0  # articles read from the inputs
    skipped: int = 0  # already stored (by content hash), or repeated in the input
    stored: int = 0
    duplicates: int = 0  # stored and linked to an earlier copy of the same story
    events: int = 0
    quotes: int = 0
    failures: int = 0  # inputs unreadable + articles the extractors could not code
    batches: int = 0
    seconds: float = 0.0
    totals: dict[str, int] = field(default_factory=dict)
    failure_messages: list[str] = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.stored / self.seconds if self.seconds > 0 else 0.0


def count_articles(paths: Sequence[str], published: str | None, language: str | None) -> int:
    """How many articles the inputs hold (a first, cheap pass: for the progress bar's ETA)."""
    from chronique.read import read_inputs

    return sum(1 for item in read_inputs(paths, published=published, language=language)
               if item.article is not None)


def ingest(
    paths: Sequence[str],
    db: str | os.PathLike[str],
    *,
    workers: int = 1,
    scheduler: Any = None,
    batch_size: int = DEFAULT_BATCH,
    published: str | None = None,
    language: str | None = None,
    reporter: Reporter | None = None,
    runner: Any = None,
    count_first: bool = False,
    limit: int | None = None,
) -> IngestSummary:
    """Code the articles of `paths` into the store at `db`; see the module docstring.

    Raises StoreError (database), RunnerError (workers) or ValueError (bad options).
    """
    from chronique.batch import make_runner
    from chronique.read import read_inputs

    if batch_size < 1:
        raise ValueError("--batch-size must be at least 1")
    rep: Reporter = reporter or Quiet()
    items = read_inputs(paths, published=published, language=language)  # ValueError early
    summary = IngestSummary()
    store = Store.open(db)
    t0 = time.perf_counter()
    try:
        with store.guard(os_errors=False):  # rows fetched from a damaged file
            store.near_duplicates()  # rebuild the LSH index before the first batch
            total = count_articles(paths, published, language) if count_first else None
            if limit is not None and total is not None:
                total = min(total, limit)
            engine = runner or make_runner(workers, scheduler)
            writer = _Writer(store, t0)
            lookup = store.reader()  # the writer thread owns the store's own connection
            try:
                rep.start(total, engine.describe())
                pending: list[tuple[str, str]] = []
                aliases: list[tuple[str, str, str | None]] = []
                chunks = _chunks(items, lookup, batch_size, summary, rep, pending, aliases, limit)
                for chunk, results in engine.map(chunks):
                    for r in results:
                        for msg in failed(r):
                            summary.failure_messages.append(msg)
                            rep.failure(msg)
                    unplaced = writer.wait(summary, rep)  # the batch before this one
                    reads, seen_as = list(pending), unplaced + aliases
                    pending.clear()
                    aliases.clear()
                    writer.submit(results, reads, seen_as, len(chunk))
                aliases[:0] = writer.wait(summary, rep)
                if pending or aliases:
                    store.record_failures(pending, aliases)
                    summary.failures += len(pending)
            finally:
                writer.close()
                lookup.close()
                if runner is None:
                    engine.close()
            summary.totals = store.counts()
            store.checkpoint()  # a full disk shows here, not in the silence of close()
            summary.seconds = time.perf_counter() - t0
    finally:
        store.close()
    return summary


class _Writer:
    """Writes batch k in a background thread while batch k+1 is read and coded.

    Parsing holds the GIL for much of its time, but DuckDB does not: inserting, indexing and
    committing a batch then cost little wall time. Batches are written one at a time, in input
    order, and every write is waited for before the next one is handed over, so the store
    holds exactly what a write in line would have left, and a batch already handed over is
    committed (or fails, raised here) before `ingest` returns, whatever stopped it.
    """

    def __init__(self, store: Store, t0: float) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.store = store
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="chronique-writer")
        self.job: Any = None  # (future, articles in the chunk, reader failures)
        self.t0 = t0

    def submit(
        self,
        results: list[Any],
        reads: list[tuple[str, str]],
        seen_as: list[tuple[str, str, str | None]],
        n: int,
    ) -> None:
        fut = self.pool.submit(self.store.write, results, reads, seen_as)
        self.job = (fut, n, len(reads))

    def wait(self, summary: IngestSummary, rep: Reporter) -> list[tuple[str, str, str | None]]:
        """Wait for the batch in flight, count it, and return its aliases still unplaced."""
        if self.job is None:
            return []
        fut, n, reads = self.job
        self.job = None
        stats = fut.result()
        summary.batches += 1
        summary.stored += stats.stored
        summary.duplicates += stats.duplicates
        summary.events += stats.events
        summary.quotes += stats.quotes
        summary.failures += stats.failed + reads
        summary.seconds = time.perf_counter() - self.t0
        rep.advance(n)
        rep.committed(summary)
        return list(stats.unplaced)  # their article is still in flight

    def close(self) -> None:
        """Let a write in flight finish (its error, if any, is dropped: another is raised)."""
        if self.job is not None:
            try:
                self.job[0].result()
            except BaseException:  # noqa: BLE001 - the exception in flight wins
                pass
            self.job = None
        self.pool.shutdown(wait=True)


def _chunks(
    items: Iterator[Any],
    store: Store,
    size: int,
    summary: IngestSummary,
    rep: Reporter,
    pending: list[tuple[str, str]],
    aliases: list[tuple[str, str, str | None]],
    limit: int | None,
) -> Iterator[list[Article]]:
    """Batches of articles not stored yet; reader failures go to `pending` on the way, and
    the ids of articles skipped as already stored to `aliases`."""
    seen: set[str] = set()
    buf: list[Article] = []

    def todo() -> list[Article]:
        stored = store.stored([a.content_hash for a in buf])
        out = []
        for a in buf:
            h = a.content_hash
            if h in stored or h in seen:
                summary.skipped += 1
                aliases.append((h, a.id, a.origin))
                continue
            seen.add(h)
            out.append(a)
        skipped = len(buf) - len(out)
        if skipped:
            rep.advance(skipped)
        return out

    warn = getattr(rep, "warning", None)  # reporters written before warnings were reported
    for item in items:
        if warn is not None:
            for w in item.warnings:
                warn(w)
        if item.article is None:
            msg = item.error or f"{item.origin}: unreadable"
            pending.append((item.origin, msg))
            summary.failure_messages.append(msg)
            rep.failure(msg)
            continue
        if limit is not None and summary.read >= limit:
            break
        summary.read += 1
        buf.append(item.article)
        if len(buf) >= size:
            batch = todo()
            buf = []
            if batch:
                yield batch
    if buf:
        batch = todo()
        if batch:
            yield batch
