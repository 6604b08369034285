"""Standard input ('-'): JSONL when every non-blank line is a JSON object, else one article in
the seed format (when it starts with a date line) or plain text.

Up to `max_bytes` is buffered to decide; input larger than that is streamed on as JSONL if all
its lines so far were JSON objects (a corpus piped in), and refused otherwise.
"""

from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Iterable, Iterator
from typing import IO, Any

from chronique.read.base import ReadItem, fail, size_text
from chronique.read.jsonl import records_from_lines
from chronique.read.plain import parse_text_bytes

NAME = "-"
STEM = "stdin"


def _byte_lines(stream: IO[Any]) -> Iterator[bytes]:
    for line in stream:
        yield line if isinstance(line, bytes) else line.encode("utf-8", "surrogateescape")


def _is_json_object(line: bytes) -> bool:
    try:
        return isinstance(json.loads(line), dict)
    except (ValueError, UnicodeDecodeError):
        return False


def read_stdin(
    *,
    published: str | None = None,
    language: str | None = None,
    max_bytes: int,
    stream: IO[Any] | None = None,
) -> Iterator[ReadItem]:
    """Read '-': the binary buffer of sys.stdin when it has one (so the encoding policy of
    files applies), else its text. The single article's id is 'stdin'."""
    if stream is None:
        stream = getattr(sys.stdin, "buffer", None) or sys.stdin
    lines = _byte_lines(stream)
    buffered: list[bytes] = []
    total, all_json, any_content = 0, True, False
    for line in lines:
        buffered.append(line)
        total += len(line)
        if line.strip():
            any_content = True
            all_json = all_json and _is_json_object(line)
        if total > max_bytes:
            break
    else:
        if any_content and all_json:
            yield from _jsonl(buffered, published, language, max_bytes)
        else:
            yield parse_text_bytes(
                b"".join(buffered), id=STEM, origin=NAME, published=published, language=language
            )
        return
    if all_json:
        yield from _jsonl(itertools.chain(buffered, lines), published, language, max_bytes)
    else:
        yield fail(NAME, f"input too large (over the limit of {size_text(max_bytes)} per article)")


def _jsonl(
    lines: Iterable[bytes], published: str | None, language: str | None, max_bytes: int
) -> Iterator[ReadItem]:
    numbered = ((n, raw if len(raw) <= max_bytes else None) for n, raw in enumerate(lines, start=1))
    yield from records_from_lines(
        numbered,
        name=NAME,
        stem=STEM,
        published=published,
        language=language,
        max_bytes=max_bytes,
    )
