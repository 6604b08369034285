"""Text files: one article per file, in the seed format when the first line is a date line.

Without a date line the publication date comes from the caller's `published` (CLI
--published); without that too the article is still read, with the warning
"publication date unknown".
"""

from __future__ import annotations

from pathlib import Path

from chronique.read.base import ReadError, ReadItem, decode_bytes, fail, read_file_item
from chronique.read.dated import parse_dated


def parse_text_bytes(
    data: bytes,
    *,
    id: str,
    origin: str,
    published: str | None = None,
    language: str | None = None,
) -> ReadItem:
    """One article from the bytes of a text file (decoding policy in `read.base`)."""
    try:
        text, warning = decode_bytes(data)
    except ReadError as exc:
        return fail(origin, str(exc))
    return parse_dated(
        text,
        id=id,
        origin=origin,
        published=published,
        language=language,
        warnings=[warning] if warning else None,
    )


def read_text_file(
    path: str | Path,
    *,
    published: str | None = None,
    language: str | None = None,
    max_bytes: int,
) -> ReadItem:
    """A `.txt` file (or any file of unknown type named explicitly); id = the file stem."""
    return read_file_item(
        path, parse_text_bytes, published=published, language=language, max_bytes=max_bytes
    )
