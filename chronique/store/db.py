"""The DuckDB event store: one writer, one transaction per batch.

Crash safety rests on DuckDB's write-ahead log: a batch of articles and all their child rows
(and the cluster ids they change) are committed together or not at all, so a process killed
at any moment leaves whole batches only. Articles already stored are recognised by their
content hash before extraction, which makes a second run, or a resumed one, add nothing twice.

Every DuckDB or OS error is turned into a `StoreError` whose message is one line for people:
what went wrong, and that what was stored before is still there.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from chronique.model import ArticleResult
from chronique.store import clusters, dedup
from chronique.store.rows import TYPES, Batch, Columns, failed
from chronique.store.schema import COUNTED_TABLES, MIGRATIONS, SCHEMA_VERSION, TABLES, VIEWS


class StoreError(RuntimeError):
    """A problem with the database, as one line that needs no traceback to understand."""


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


_QUOTED = re.compile(r"\"[^\"]*\"|'[^']*'")
_PERMISSION_ERRNOS = {errno.EACCES, errno.EPERM, errno.EROFS}
_FULL_ERRNOS = {errno.ENOSPC, errno.EDQUOT}


def classify(exc: BaseException, path: str | os.PathLike[str] = "") -> str:
    """What kind of store problem `exc` is: 'lock', 'full', 'permission', 'damaged' or 'other'.

    An OSError is classified by its errno; a DuckDB error by its words, read with every path
    taken out first (quoted names, and the store's own path), so that a folder named 'corrupt'
    or 'quota' never decides what the problem is.
    """
    if isinstance(exc, OSError) and exc.errno is not None:
        if exc.errno in _PERMISSION_ERRNOS:
            return "permission"
        if exc.errno in _FULL_ERRNOS:
            return "full"
    text = " ".join(str(exc).split())
    for where in {str(path), os.path.abspath(path) if str(path) else ""} - {""}:
        text = text.replace(where, " ")
    low = _QUOTED.sub(" ", text).lower()
    if "could not set lock" in low or "conflicting lock" in low:
        return "lock"
    if any(w in low for w in ("no space left", "disk full", "disk quota")):
        return "full"
    if any(w in low for w in ("permission denied", "read-only file system",
                              "operation not permitted")):
        return "permission"
    damaged = ("not a valid duckdb database", "corrupt database", "corrupt", "checksum",
               "could not read enough bytes")
    if any(d in low for d in damaged):
        return "damaged"
    return "other"


def explain(exc: BaseException, path: str | os.PathLike[str], doing: str = "open") -> str:
    """One line saying what happened to the database at `path` and what to do about it."""
    msg = " ".join(str(exc).split())
    where = str(path)
    kind = classify(exc, path)
    if kind == "lock":
        holder = ""
        low = msg.lower()
        if "(pid " in low:
            holder = " (PID " + msg[low.index("(pid ") + 5 :].split(")")[0] + ")"
        return (
            f"{where}: the database is in use by another process{holder}; wait for it to "
            "finish, or use another --db"
        )
    if kind == "permission":
        return f"{where}: permission denied ({msg})"
    if kind == "full":
        if doing == "checkpoint":
            return (
                f"{where}: the disk is full ({msg}); every batch is committed and kept in the "
                f"write-ahead log {where}.wal, which the next open applies: free some space "
                "and run the same command again (nothing is coded twice)"
            )
        return (
            f"{where}: the disk is full ({msg}); nothing of the current batch was written and "
            "what was stored before is intact: free some space and run the same command again"
        )
    if kind == "damaged":
        return (
            f"{where}: not a DuckDB database, or a damaged one ({msg}); the file was left as "
            "it is: restore it from a backup or choose another --db"
        )
    if doing == "write":
        return (
            f"{where}: could not write ({msg}); nothing of the current batch was written and "
            "what was stored before is intact: run the same command again to resume"
        )
    return f"{where}: could not {doing} the database ({msg})"


@dataclass
class WriteStats:
    stored: int = 0
    duplicates: int = 0
    events: int = 0
    quotes: int = 0
    failed: int = 0
    unplaced: list[tuple[str, str, str | None]] = field(default_factory=list)


class Store:
    """A DuckDB file holding articles, their extraction results and the failures."""

    def __init__(self, con: duckdb.DuckDBPyConnection, path: str, read_only: bool) -> None:
        self.con = con
        self.path = path
        self.read_only = read_only
        self._dedup: dedup.NearDuplicates | None = None
        self.dup_threshold = dedup.DEFAULT_THRESHOLD
        self.window_days = clusters.DEFAULT_WINDOW_DAYS

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, path: str | os.PathLike[str], read_only: bool = False) -> Store:
        """Open (and, for writing, create) the store; StoreError on any problem."""
        where = str(path)
        if read_only and where != ":memory:" and not Path(where).exists():
            raise StoreError(f"{where}: no such database (create it with `chronique ingest`)")
        if not read_only and where != ":memory:":
            parent = Path(where).parent
            if not parent.is_dir():
                raise StoreError(f"{where}: the folder {parent} does not exist")
        try:
            con = duckdb.connect(where, read_only=read_only)
        except (duckdb.Error, OSError) as exc:
            raise StoreError(explain(exc, where)) from None
        store = cls(con, where, read_only)
        try:
            store._prepare()
        except StoreError:
            store.close()
            raise
        except (duckdb.Error, OSError) as exc:
            store.close()
            raise StoreError(explain(exc, where)) from None
        return store

    def _prepare(self) -> None:
        found = self.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()
        tables = {r[0] for r in found}
        if "meta" in tables:
            row = self.con.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if row and row[0] in MIGRATIONS and not self.read_only:
                self._migrate(row[0])
            elif row and row[0] in MIGRATIONS:
                raise StoreError(
                    f"{self.path}: made by an older chronique (schema {row[0]}); open it once "
                    f"for writing (chronique ingest) to bring it to schema {SCHEMA_VERSION}"
                )
            elif row and row[0] != SCHEMA_VERSION:
                raise StoreError(
                    f"{self.path}: made by another version of chronique (schema {row[0]}, "
                    f"this one reads {SCHEMA_VERSION})"
                )
        elif tables:
            raise StoreError(f"{self.path}: a DuckDB database, but not a chronique store")
        elif self.read_only:
            raise StoreError(f"{self.path}: an empty database (nothing ingested yet)")
        if self.read_only:
            return
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute(TABLES)
            self.con.execute(VIEWS)
            self.con.execute(
                "INSERT INTO meta VALUES ('schema', ?), ('created', ?) ON CONFLICT DO NOTHING",
                [SCHEMA_VERSION, now().isoformat(timespec="seconds")],
            )
            self.con.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    @contextlib.contextmanager
    def guard(self, doing: str = "read", os_errors: bool = True) -> Iterator[Store]:
        """Turn any DuckDB error (and OS error, unless `os_errors` is False: a block that also
        reads or writes other files) raised in the block into a one-line StoreError: for
        queries and exports that read through cursors of their own, or fetch rows of `_run`."""
        caught = (duckdb.Error, OSError) if os_errors else (duckdb.Error,)
        try:
            yield self
        except caught as exc:
            raise StoreError(explain(exc, self.path, doing)) from None

    def checkpoint(self) -> None:
        """Write the committed batches from the write-ahead log into the database file.

        Closing does this too, but in silence: on a full disk the checkpoint fails, the log
        stays (nothing is lost, the next open applies it) and the user must be told so.
        """
        if self.read_only or self.path == ":memory:":
            return
        try:
            self.con.execute("CHECKPOINT")
        except (duckdb.Error, OSError) as exc:
            raise StoreError(explain(exc, self.path, "checkpoint")) from None

    def _migrate(self, version: str) -> None:
        """Bring a store of an older schema to this one, in one transaction."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            while version in MIGRATIONS:
                for stmt in MIGRATIONS[version]:
                    self.con.execute(stmt)
                version = str(int(version) + 1)
            self.con.execute("UPDATE meta SET value = ? WHERE key = 'schema'", [version])
            self.con.execute("COMMIT")
        except BaseException:
            self._rollback()
            raise

    def close(self) -> None:
        try:
            self.con.close()
        except duckdb.Error:
            pass  # a connection invalidated by a failed write: nothing more to save

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- reading -------------------------------------------------------------------------

    def stored(self, hashes: Sequence[str]) -> set[str]:
        """Which of these content hashes are already stored."""
        if not hashes:
            return set()
        rows = self._run(
            "SELECT id FROM articles WHERE id IN (SELECT unnest($1::VARCHAR[]))", [list(hashes)]
        ).fetchall()
        return {r[0] for r in rows}

    def reader(self) -> Store:
        """A read-only view of this store on a connection of its own, for another thread
        (a DuckDB connection is not to be shared between threads); it sees committed rows."""
        try:
            return Store(self.con.cursor(), self.path, read_only=True)
        except (duckdb.Error, OSError) as exc:
            raise StoreError(explain(exc, self.path, "read")) from None

    def counts(self) -> dict[str, int]:
        out = {t: self._run(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED_TABLES}
        out["duplicates"] = self._run(
            "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL"
        ).fetchone()[0]
        out["event_clusters"] = self._run("SELECT count(*) FROM event_clusters").fetchone()[0]
        return out

    def failures(self) -> list[tuple[Any, ...]]:
        return self._run(
            "SELECT last_seen, kind, origin, error, attempts FROM failures "
            "ORDER BY last_seen, origin, error"
        ).fetchall()

    def _run(self, sql: str, params: Any = None) -> duckdb.DuckDBPyConnection:
        try:
            return self.con.execute(sql, params) if params is not None else self.con.execute(sql)
        except (duckdb.Error, OSError) as exc:
            raise StoreError(explain(exc, self.path, "read")) from None

    # -- writing -------------------------------------------------------------------------

    def near_duplicates(self) -> dedup.NearDuplicates:
        """The LSH index, built from the stored signatures the first time it is needed."""
        if self._dedup is None:
            index = dedup.NearDuplicates(self._fetch_signatures, self.dup_threshold)
            cur = self._run("SELECT id, minhash FROM articles ORDER BY seq")
            try:
                index.load(row for rows in iter(lambda: cur.fetchmany(10_000), []) for row in rows)
            except (duckdb.Error, OSError) as exc:
                raise StoreError(explain(exc, self.path, "read")) from None
            self._dedup = index
        return self._dedup

    def _fetch_signatures(self, ids: list[str]) -> list[tuple[str, str | None, bytes]]:
        return self.con.execute(
            "SELECT id, duplicate_of, minhash FROM articles "
            "WHERE id IN (SELECT unnest($1::VARCHAR[])) AND minhash IS NOT NULL",
            [ids],
        ).fetchall()

    def write(
        self,
        results: Iterable[ArticleResult],
        failures: Iterable[tuple[str, str]] = (),
        sources: Iterable[tuple[str, str, str | None]] = (),
    ) -> WriteStats:
        """Store coded articles and failures in one transaction; all or nothing.

        `failures` are (origin, error) of inputs that could not be read. A result whose errors
        say it was not coded goes to `failures` instead of `articles`, so that a later run
        tries it again; a result coded after failing before clears its failure. `sources`
        are (content hash, source id, origin) of articles read again under another id.
        """
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        index = self.near_duplicates()
        stats = WriteStats()
        stamp = now()
        aliases: dict[tuple[str, str], str | None] = {}
        for aid, sid, origin in sources:
            aliases.setdefault((aid, sid), origin)
        fails: dict[tuple[str, str], tuple[str, str | None]] = {}
        for origin, error in failures:
            fails[(origin or "", error)] = ("read", None)
        try:
            self.con.execute("BEGIN TRANSACTION")
            seq = self.con.execute("SELECT coalesce(max(seq), 0) FROM articles").fetchone()[0]
            batch = Batch()
            seen: set[str] = set()
            for r in results:
                bad = failed(r)
                if bad:
                    for e in bad:
                        fails[(r.origin or r.id, e)] = ("extract", r.content_hash)
                    stats.failed += 1
                    continue
                if r.content_hash in seen:
                    continue
                seen.add(r.content_hash)  # type: ignore[arg-type]
                aliases[(r.content_hash, r.id)] = r.origin  # type: ignore[index]
                sig = dedup.signature(r.text)
                match = index.check(r.content_hash, sig)  # type: ignore[arg-type]
                original = match.original if match else None
                seq += 1
                batch.add(
                    r,
                    seq=seq,
                    ingested_at=stamp,
                    minhash=dedup.to_bytes(sig),
                    duplicate_of=original,
                    similarity=match.similarity if match else None,
                )
                index.add(r.content_hash, sig, original)  # type: ignore[arg-type]
                stats.stored += 1
                stats.duplicates += match is not None
                stats.events += len(r.events)
                stats.quotes += len(r.quotes)
            for table, cols in batch.tables().items():
                self._insert(table, cols)
            if seen:
                self.con.execute(
                    "DELETE FROM failures WHERE article_id IN (SELECT unnest($1::VARCHAR[]))",
                    [sorted(seen)],
                )
            self._upsert_failures(fails, stamp)
            stats.unplaced = self._add_sources(aliases)
            self._recluster({k for k in batch.events.data["cluster_key"] if k})
            self.con.execute("COMMIT")
        except BaseException as exc:
            self._rollback()
            index.rolled_back()
            if isinstance(exc, (duckdb.Error, OSError)):
                raise StoreError(explain(exc, self.path, "write")) from None
            raise
        index.committed()
        return stats

    def _rollback(self) -> None:
        try:
            self.con.execute("ROLLBACK")
        except (duckdb.Error, OSError):
            pass  # no transaction open, or the connection is gone: nothing was committed

    def _insert(self, table: str, cols: Columns) -> None:
        if not len(cols):
            return
        types = TYPES[table]
        names = ", ".join(f'"{n}"' for n in cols.names)
        select = ", ".join(
            f"unnest(${i}::{types[n]}[])" for i, n in enumerate(cols.names, start=1)
        )
        self.con.execute(
            f"INSERT INTO {table} ({names}) SELECT {select}",
            [cols.data[n] for n in cols.names],
        )

    def _upsert_failures(
        self, fails: dict[tuple[str, str], tuple[str, str | None]], stamp: datetime
    ) -> None:
        if not fails:
            return
        keys = sorted(fails)
        self.con.execute(
            "INSERT INTO failures SELECT unnest($1::VARCHAR[]), unnest($2::VARCHAR[]), "
            "unnest($3::VARCHAR[]), unnest($4::VARCHAR[]), $5, $5, 1 "
            "ON CONFLICT (origin, error) DO UPDATE SET last_seen = excluded.last_seen, "
            "attempts = failures.attempts + 1, article_id = excluded.article_id",
            [
                [k[0] for k in keys],
                [k[1] for k in keys],
                [fails[k][0] for k in keys],
                [fails[k][1] for k in keys],
                stamp,
            ],
        )

    def _add_sources(
        self, aliases: dict[tuple[str, str], str | None]
    ) -> list[tuple[str, str, str | None]]:
        """Record the ids under which stored articles were read; returns the aliases of
        articles not stored (yet: still being coded, or failed), for the caller to keep."""
        if not aliases:
            return []
        stored = self.stored(sorted({k[0] for k in aliases}))
        keys = sorted(k for k in aliases if k[0] in stored)
        if keys:
            self.con.execute(
                "INSERT INTO article_sources SELECT unnest($1::VARCHAR[]), "
                "unnest($2::VARCHAR[]), unnest($3::VARCHAR[]) ON CONFLICT DO NOTHING",
                [[k[0] for k in keys], [k[1] for k in keys], [aliases[k] for k in keys]],
            )
        return [(a, s, o) for (a, s), o in aliases.items() if a not in stored]

    def record_failures(
        self,
        failures: Iterable[tuple[str, str]],
        sources: Iterable[tuple[str, str, str | None]] = (),
    ) -> None:
        """Store reader failures and aliases on their own (when no batch follows them)."""
        self.write([], failures, sources)

    def recluster_all(self) -> int:
        """Recompute every cluster (after a change of rule or window); returns the count."""
        keys = {r[0] for r in self._run(
            "SELECT DISTINCT cluster_key FROM events WHERE cluster_key IS NOT NULL"
        ).fetchall()}
        try:
            self.con.execute("BEGIN TRANSACTION")
            self._recluster(keys)
            self.con.execute("COMMIT")
        except (duckdb.Error, OSError) as exc:
            self._rollback()
            raise StoreError(explain(exc, self.path, "write")) from None
        return self._run("SELECT count(*) FROM event_clusters").fetchone()[0]

    def _recluster(self, keys: set[str]) -> None:
        """Recompute the clusters of every key the batch touched (see `clusters`)."""
        if not keys:
            return
        rows = self.con.execute(
            "SELECT e.cluster_key, e.id, e.cluster_id, e.date_start, e.date_end, "
            "a.published_start, a.published_end FROM events e "
            "JOIN articles a ON a.id = e.article_id "
            "WHERE e.cluster_key IN (SELECT unnest($1::VARCHAR[]))",
            [sorted(keys)],
        ).fetchall()
        by_key: dict[str, list[clusters.Member]] = {}
        current: dict[str, str] = {}
        for key, eid, cid, ds, de, ps, pe in rows:
            by_key.setdefault(key, []).append(clusters.Member(eid, ds, de, ps, pe))
            current[eid] = cid
        ids: list[str] = []
        cids: list[str] = []
        for members in by_key.values():
            for eid, cid in clusters.assign(members, self.window_days).items():
                if current[eid] != cid:
                    ids.append(eid)
                    cids.append(cid)
        if ids:
            self.con.execute(
                "UPDATE events SET cluster_id = m.cid FROM (SELECT unnest($1::VARCHAR[]) AS id, "
                "unnest($2::VARCHAR[]) AS cid) m WHERE events.id = m.id",
                [ids, cids],
            )
