"""Where extraction runs: in this process, in a local process pool, or on a Dask cluster.

Every runner takes chunks of articles and gives back each chunk with its results, in the order
the chunks were given, with a bounded number of chunks in flight: the single writer then
commits batches in input order (so a resumed run stores what a clean run stores) and memory
stays flat however large the corpus. Workers load the spaCy models once (the module-level
cache of `chronique.nlp.get_nlp`) and keep them for every chunk they are sent.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any, Protocol

from chronique.model import Article, ArticleResult

Chunk = list[Article]


class RunnerError(RuntimeError):
    """The execution engine failed (a worker died, the scheduler is unreachable)."""


# spaCy pipelines are not documented as thread-safe: a Dask worker started with several
# threads runs its chunks one at a time (the GIL would serialise most of the work anyway).
_ONE_AT_A_TIME = threading.Lock()


def extract_chunk(articles: Chunk) -> list[ArticleResult]:
    """The unit of work sent to a worker: one `process_batch` over a chunk of articles."""
    from chronique.pipeline import process_batch

    with _ONE_AT_A_TIME:
        return process_batch(articles)


def _pool_worker_init(parent: int) -> None:
    """Ctrl-C is the writer's to handle: workers ignore it and are shut down cleanly.

    A worker whose writer was killed (kill -9) would block for ever on the result pipe that
    nobody reads, holding its models in memory. On Linux the kernel ends it with its parent
    (PR_SET_PDEATHSIG); elsewhere, and as a fallback, a watchdog thread ends it within a
    second (the thread may wait for the parser to give up the GIL: hence the signal first).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the signal was asked for
        os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.2)
        os._exit(1)

    threading.Thread(target=watch, name="chronique-parent-watch", daemon=True).start()


def _die_with_parent() -> None:
    """Ask the Linux kernel to SIGKILL this process when its parent ends (no-op elsewhere)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # the watchdog thread still ends the worker


def warm_worker(languages: tuple[str, ...] = ()) -> int:
    """Load the pipelines of `languages` now (before timing, or before the first chunk)."""
    from chronique.pipeline import warm

    for lang in languages:
        warm(lang)
    return os.getpid()


def _pause_then_warm(languages: tuple[str, ...]) -> int:
    time.sleep(0.5)  # keep this worker busy so that the next warm task goes to another one
    return warm_worker(languages)


class Runner(Protocol):
    workers: int

    def map(self, chunks: Iterable[Chunk]) -> Iterator[tuple[Chunk, list[ArticleResult]]]: ...

    def warm(self, languages: tuple[str, ...]) -> None: ...

    def close(self) -> None: ...

    def describe(self) -> str: ...


def _ordered(
    submit: Any, chunks: Iterable[Chunk], depth: int
) -> Iterator[tuple[Chunk, list[ArticleResult]]]:
    """Submit up to `depth` chunks ahead and yield results in submission order."""
    pending: deque[tuple[Chunk, Any]] = deque()
    it = iter(chunks)
    exhausted = False
    while True:
        while not exhausted and len(pending) < depth:
            try:
                chunk = next(it)
            except StopIteration:
                exhausted = True
                break
            pending.append((chunk, submit(chunk)))
        if not pending:
            return
        chunk, fut = pending.popleft()
        yield chunk, fut.result()


class InlineRunner:
    """Extraction in this process: no start-up cost, the default for one worker."""

    workers = 1

    def map(self, chunks: Iterable[Chunk]) -> Iterator[tuple[Chunk, list[ArticleResult]]]:
        from chronique.pipeline import pipelined

        held: deque[Chunk] = deque()

        def feed() -> Iterator[Chunk]:
            for chunk in chunks:
                held.append(chunk)
                yield chunk

        # the next chunk is parsed while this one is coded (chronique.pipeline.pipelined)
        for results in pipelined(feed()):
            yield held.popleft(), results

    def warm(self, languages: tuple[str, ...]) -> None:
        warm_worker(languages)

    def close(self) -> None:
        pass

    def describe(self) -> str:
        return "in this process"


class ProcessRunner:
    """A local pool of processes (spawned, so none inherits the writer's database handle)."""

    def __init__(self, workers: int, depth: int | None = None) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self.workers = workers
        self.depth = depth or 2 * workers
        self.pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_pool_worker_init,
            initargs=(os.getpid(),),
        )

    def map(self, chunks: Iterable[Chunk]) -> Iterator[tuple[Chunk, list[ArticleResult]]]:
        from concurrent.futures.process import BrokenProcessPool

        try:
            yield from _ordered(lambda c: self.pool.submit(extract_chunk, c), chunks, self.depth)
        except BrokenProcessPool as exc:
            raise RunnerError(
                f"a worker process died ({exc}); out of memory? try fewer --workers"
            ) from None

    def warm(self, languages: tuple[str, ...]) -> None:
        """Start every worker and load the models in it (two rounds: a fast worker may have
        taken two tasks of the first one)."""
        for _ in range(2):
            futs = [self.pool.submit(_pause_then_warm, languages) for _ in range(self.workers)]
            for f in futs:
                f.result()

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)

    def describe(self) -> str:
        return f"{self.workers} local worker processes"


class DaskRunner:
    """Chunks sent to a Dask distributed scheduler; results come back here for writing."""

    def __init__(self, address: Any, depth: int | None = None, timeout: float = 10) -> None:
        try:
            from distributed import Client
        except ImportError:  # pragma: no cover - a dependency
            raise RunnerError("--scheduler needs the 'distributed' package") from None
        try:
            self.client = (
                address if hasattr(address, "submit") else Client(address, timeout=timeout)
            )
        except (OSError, TimeoutError) as exc:
            raise RunnerError(f"could not reach the Dask scheduler at {address} ({exc})") from None
        self._own = not hasattr(address, "submit")
        # the runner reports a lost scheduler in one line: the client's own reconnection
        # tracebacks would only bury it
        for name in ("distributed.client", "distributed.comm", "distributed.core"):
            logging.getLogger(name).setLevel(logging.CRITICAL)
        threads = sum(self.client.nthreads().values()) or 1
        self.workers = threads
        self.depth = depth or 2 * threads

    def map(self, chunks: Iterable[Chunk]) -> Iterator[tuple[Chunk, list[ArticleResult]]]:
        import asyncio
        import concurrent.futures

        from distributed import KilledWorker

        def submit(chunk: Chunk) -> Any:
            return self.client.submit(extract_chunk, chunk, pure=False)

        lost = "every committed batch is kept: run the same command again to resume"
        try:
            yield from _ordered(submit, chunks, self.depth)
        except KilledWorker as exc:
            raise RunnerError(f"Dask workers died while coding a chunk ({exc}); {lost}") from None
        except (OSError, TimeoutError) as exc:  # CommClosedError is an OSError
            raise RunnerError(f"lost the Dask scheduler ({_one_line(exc)}); {lost}") from None
        except (concurrent.futures.CancelledError, asyncio.CancelledError) as exc:
            # FutureCancelledError: the client cancels what is in flight when the scheduler
            # connection is lost
            raise RunnerError(f"lost the Dask scheduler ({_one_line(exc)}); {lost}") from None

    def warm(self, languages: tuple[str, ...]) -> None:
        self.client.run(warm_worker, languages)

    def close(self) -> None:
        if self._own:
            self.client.close()

    def describe(self) -> str:
        return f"Dask scheduler {self.client.scheduler.address} ({self.workers} threads)"


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 300 else text[:297] + "..."


def make_runner(workers: int = 1, scheduler: Any = None) -> Runner:
    """The runner for the CLI options: a Dask scheduler wins over local workers."""
    if scheduler:
        return DaskRunner(scheduler)
    if workers <= 1:
        return InlineRunner()
    return ProcessRunner(workers)
