"""Streaming a corpus file line by line: gzip or not, one bounded line at a time.

Corpora (JSONL, CSV) can be larger than memory, so they are never read whole: the size limit
applies to each line, and an over-long line is skipped (and reported) without being kept.
"""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from chronique.read.base import PEEK_BYTES, ReadError, ReadItem, fail, looks_binary, os_problem

_SKIP_CHUNK = 1 << 20


def open_binary(path: str | Path) -> BinaryIO:
    """The file's bytes, decompressed when its name ends in '.gz'."""
    if str(path).lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def stream_file(
    path: str | Path, records: Callable[[BinaryIO], Iterator[ReadItem]]
) -> Iterator[ReadItem]:
    """The items `records` reads from a corpus file, opened (and gunzipped) here.

    A file that cannot be opened, starts as binary or breaks off midway ends with one error
    line naming the file, after the items read until then.
    """
    name = str(path)
    try:
        f = open_binary(path)
    except OSError as exc:
        yield fail(name, stream_problem(exc))
        return
    with f:
        try:
            check_text_start(f)
            yield from records(f)
        except ReadError as exc:
            yield fail(name, str(exc))
        except (OSError, EOFError, zlib.error) as exc:
            yield fail(name, f"stopped reading: {stream_problem(exc)}")


def check_text_start(f: BinaryIO) -> None:
    """Refuse a corpus whose first bytes are binary, before reading any further."""
    try:
        head = f.peek(PEEK_BYTES)[:PEEK_BYTES] if hasattr(f, "peek") else b""
    except (OSError, EOFError, zlib.error) as exc:
        raise ReadError(stream_problem(exc)) from exc
    if looks_binary(head):
        raise ReadError("binary file, not text")


def stream_problem(exc: BaseException) -> str:
    """A failure while streaming a (possibly compressed) file, as a short phrase."""
    if isinstance(exc, gzip.BadGzipFile):
        return "not a gzip file"
    if isinstance(exc, (EOFError, zlib.error)):
        return f"corrupt or truncated gzip data ({exc})"
    if isinstance(exc, OSError):
        return os_problem(exc)
    return f"{type(exc).__name__}: {exc}"


def iter_lines(f: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number from 1, the line's bytes) — or None for a line longer than `max_bytes`."""
    lineno = 0
    while True:
        line = f.readline(max_bytes + 1)
        if not line:
            return
        lineno += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while True:  # skip the rest of the over-long line without keeping it
                chunk = f.readline(_SKIP_CHUNK)
                if not chunk or chunk.endswith(b"\n"):
                    break
            yield lineno, None
            continue
        yield lineno, line
