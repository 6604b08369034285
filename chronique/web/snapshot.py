"""Reading the store while `chronique ingest` writes it: private snapshot copies.

DuckDB lets one process write a file and no other process open it meanwhile, not even
read-only; and a reader that holds the file open would stop an ingest from starting. So the
server never opens the live file: it copies it (and its write-ahead log) into a private folder
and reads the copy. A copy is checked before use (the file must not change while it is copied,
and the copy must open and hold a chronique schema) and is replaced, when the live file
changes, by a newer one; requests still reading the old copy finish on it. If no good copy can
be made yet, requests get `StoreUnavailable`, which the app answers with 503 and a message.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
import time
import weakref
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import duckdb

from chronique.store.schema import SCHEMA_VERSION

T = TypeVar("T")
MEMO_SIZE = 256


class StoreUnavailable(RuntimeError):
    """No readable copy of the store exists yet; the message says why, for people."""


Signature = tuple[tuple[int, int] | None, tuple[int, int] | None]


def _stat(path: Path) -> tuple[int, int] | None:
    try:
        st = path.stat()
    except FileNotFoundError:
        return None
    return (st.st_mtime_ns, st.st_size)


@dataclass
class Snapshot:
    """One copy of the store, open read-only, with the requests reading it counted."""

    path: Path
    con: duckdb.DuckDBPyConnection
    signature: Signature
    taken_at: float
    users: int = 0
    retired: bool = False
    lock: threading.Lock = field(default_factory=threading.Lock)
    memo: dict[Hashable, Any] = field(default_factory=dict)  # results computed on this copy

    def discard(self) -> None:
        with contextlib.suppress(duckdb.Error):
            self.con.close()
        for p in (self.path, Path(f"{self.path}.wal")):
            with contextlib.suppress(OSError):
                p.unlink()


class SnapshotReader:
    """Hands out read-only cursors on a recent copy of the store at `db`.

    `interval` bounds how often the live file is looked at (a `stat`, cheap) and so how stale
    a page can be while an ingest runs.
    """

    def __init__(self, db: str | os.PathLike[str], interval: float = 1.0,
                 workdir: str | os.PathLike[str] | None = None, attempts: int = 3) -> None:
        self.db = Path(db)
        self.wal = Path(f"{self.db}.wal")
        self.interval = interval
        self.attempts = attempts
        self._own_dir = workdir is None
        self.dir = Path(workdir or tempfile.mkdtemp(prefix="chronique-serve-"))
        if self._own_dir:  # removed at exit even when the app's shutdown never ran
            weakref.finalize(self, shutil.rmtree, str(self.dir), True)
        self._current: Snapshot | None = None
        self._checked = 0.0
        self._n = 0
        self._lock = threading.Lock()  # guards _current and the counters
        self._refreshing = threading.Lock()  # one copy at a time
        self.last_error: str | None = None

    # -- public ----------------------------------------------------------------------------

    @contextlib.contextmanager
    def cursor(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """A cursor on the newest good copy; StoreUnavailable when there is none."""
        snap = self._acquire()
        cur = snap.con.cursor()
        try:
            yield cur
        finally:
            with contextlib.suppress(duckdb.Error):
                cur.close()
            self._release(snap)

    def cached(self, key: Hashable, compute: Callable[[duckdb.DuckDBPyConnection], T]) -> T:
        """`compute(cursor)` once per snapshot and key: a copy never changes, so an aggregate
        read from it stays true until the next copy. The value is shared: do not mutate it."""
        snap = self._acquire()
        try:
            with snap.lock:
                if key in snap.memo:
                    return snap.memo[key]
            cur = snap.con.cursor()
            try:
                value = compute(cur)
            finally:
                with contextlib.suppress(duckdb.Error):
                    cur.close()
            with snap.lock:
                if len(snap.memo) >= MEMO_SIZE:
                    snap.memo.pop(next(iter(snap.memo)))
                snap.memo[key] = value
            return value
        finally:
            self._release(snap)

    def info(self) -> dict[str, object]:
        snap = self._current
        return {
            "db": str(self.db),
            "snapshot_taken": snap.taken_at if snap else None,
            "last_error": self.last_error,
        }

    def close(self) -> None:
        """Drop the copies (at shutdown); a later request would make a new one."""
        with self._lock:
            snap, self._current = self._current, None
        if snap is not None:
            snap.discard()
        if self._own_dir:
            shutil.rmtree(self.dir, ignore_errors=True)

    # -- internals -------------------------------------------------------------------------

    def _signature(self) -> Signature:
        return (_stat(self.db), _stat(self.wal))

    def _acquire(self) -> Snapshot:
        now = time.monotonic()
        if self._current is None or now - self._checked >= self.interval:
            self._checked = now
            self._maybe_refresh(wait=self._current is None)
        with self._lock:
            snap = self._current
            if snap is None:
                raise StoreUnavailable(self.last_error or f"{self.db}: not readable yet")
            snap.users += 1
            return snap

    def _release(self, snap: Snapshot) -> None:
        with self._lock:
            snap.users -= 1
            done = snap.retired and snap.users == 0
        if done:
            snap.discard()

    def _maybe_refresh(self, wait: bool) -> None:
        sig = self._signature()
        if self._current is not None and sig == self._current.signature:
            return
        # Only one request copies; the others go on reading the copy they have.
        if not self._refreshing.acquire(blocking=wait):
            return
        try:
            if self._current is not None and self._signature() == self._current.signature:
                return
            snap = self._take()
            if snap is None:
                return
            with self._lock:
                old, self._current = self._current, snap
                if old is not None:
                    old.retired = True
                    drop = old.users == 0
                else:
                    drop = False
            if old is not None and drop:
                old.discard()
        finally:
            self._refreshing.release()

    def _take(self) -> Snapshot | None:
        """Copy the live file until a copy is consistent and readable; None if none is."""
        if _stat(self.db) is None:
            self.last_error = f"{self.db}: no such database yet (create it with `chronique ingest`)"
            return None
        self.dir.mkdir(parents=True, exist_ok=True)  # again after close(): an app restarted
        for _ in range(self.attempts):
            before = self._signature()
            self._n += 1
            target = self.dir / f"snapshot-{self._n}.duckdb"
            try:
                shutil.copyfile(self.db, target)
                if before[1] is not None:
                    shutil.copyfile(self.wal, f"{target}.wal")
            except FileNotFoundError:
                # the log vanished between stat and copy: a checkpoint ran; copy again
                self._remove(target)
                continue
            except OSError as exc:
                self._remove(target)
                self.last_error = f"{self.db}: could not copy the database ({exc})"
                return None
            if self._signature() != before:
                self._remove(target)  # written to while copied: the copy may be torn
                time.sleep(0.05)
                continue
            try:
                con = duckdb.connect(str(target), read_only=True)
            except duckdb.Error as exc:
                self._remove(target)
                self.last_error = f"{self.db}: the database is being written ({exc})"
                continue
            problem = self._check(con)
            if problem:
                con.close()
                self._remove(target)
                self.last_error = problem
                return None
            self.last_error = None
            return Snapshot(target, con, before, time.time())
        if self.last_error is None or "being written" not in self.last_error:
            self.last_error = f"{self.db}: the database is being written; try again in a moment"
        return None

    def _check(self, con: duckdb.DuckDBPyConnection) -> str | None:
        try:
            found = con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
            tables = {r[0] for r in found}
            if "meta" not in tables or "events" not in tables:
                return f"{self.db}: not a chronique store (or nothing ingested yet)"
            row = con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except duckdb.Error as exc:
            return f"{self.db}: could not read the database ({exc})"
        if row and row[0] != SCHEMA_VERSION:
            return (f"{self.db}: made by another version of chronique (schema {row[0]}, "
                    f"this one reads {SCHEMA_VERSION})")
        return None

    @staticmethod
    def _remove(target: Path) -> None:
        for p in (target, Path(f"{target}.wal")):
            with contextlib.suppress(OSError):
                p.unlink()
