"""JSON Lines corpora (`.jsonl`, `.ndjson`, gzipped or not): one article object per line.

Streamed lazily, one line at a time, so a corpus of any size reads in constant memory; a bad
line (malformed JSON, not UTF-8, missing text, too long) is reported as `path:LINE` and the
other lines are still read.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from chronique.read.base import (
    ReadError,
    ReadItem,
    decode_bytes,
    fail,
    item_from_record,
    size_text,
    stem_of,
)
from chronique.read.lines import iter_lines, stream_file


def parse_json_line(raw: bytes) -> tuple[object, str | None]:
    """(the decoded JSON value, an encoding warning or None); raises ReadError."""
    try:
        text, warning = decode_bytes(raw)
    except ReadError as exc:
        raise ReadError(str(exc).replace("binary file", "binary data")) from exc
    try:  # raw tabs or other control characters in strings are normalised later, not refused
        return json.loads(text, strict=False), warning
    except json.JSONDecodeError as exc:
        raise ReadError(f"malformed JSON ({json_problem(exc)} at col {exc.colno})") from exc


def json_problem(exc: json.JSONDecodeError) -> str:
    """The decoder's message without its own trailing 'at' ('Invalid control character at')."""
    return exc.msg.removesuffix(" at").strip()


def records_from_lines(
    lines: Iterable[tuple[int, bytes | None]],
    *,
    name: str,
    stem: str,
    published: str | None,
    language: str | None,
    max_bytes: int,
) -> Iterator[ReadItem]:
    """One ReadItem per non-blank line; `name` is the origin prefix (a path or '-')."""
    for lineno, raw in lines:
        origin = f"{name}:{lineno}"
        if raw is None:
            yield fail(origin, f"line longer than the limit of {size_text(max_bytes)}; skipped")
            continue
        if not raw.strip():
            continue
        try:
            record, warning = parse_json_line(raw)
        except ReadError as exc:
            yield fail(origin, str(exc))
            continue
        yield item_from_record(
            record,
            origin=origin,
            default_id=f"{stem}:{lineno}",
            published=published,
            language=language,
            warnings=[warning] if warning else None,
        )


def read_jsonl(
    path: str | Path,
    *,
    published: str | None = None,
    language: str | None = None,
    max_bytes: int,
) -> Iterator[ReadItem]:
    """Stream a JSONL file; a record without `id` gets 'STEM:LINE'."""
    yield from stream_file(
        path,
        lambda f: records_from_lines(
            iter_lines(f, max_bytes),
            name=str(path),
            stem=stem_of(path),
            published=published,
            language=language,
            max_bytes=max_bytes,
        ),
    )
