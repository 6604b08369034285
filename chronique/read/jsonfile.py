"""A `.json` file holding one article object, or a list of them (an API dump, a fixture).

Read whole, so the per-article size limit applies to the file: corpora belong in JSONL.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from chronique.read.base import (
    ReadError,
    ReadItem,
    decode_bytes,
    fail,
    item_from_record,
    read_limited,
    stem_of,
)
from chronique.read.jsonl import json_problem


def read_json(
    path: str | Path,
    *,
    published: str | None = None,
    language: str | None = None,
    max_bytes: int,
) -> Iterator[ReadItem]:
    """One object -> one article (id defaults to the stem); a list -> one per element,
    with origin 'path[INDEX]' and id defaulting to 'STEM:INDEX'."""
    name, stem = str(path), stem_of(path)
    try:
        text, warning = decode_bytes(read_limited(path, max_bytes))
    except ReadError as exc:
        yield fail(name, str(exc))
        return
    if not text.strip():
        yield fail(name, "empty text")
        return
    try:
        data = json.loads(text, strict=False)
    except json.JSONDecodeError as exc:
        yield fail(
            name, f"malformed JSON ({json_problem(exc)} at line {exc.lineno} col {exc.colno})"
        )
        return
    warnings = [warning] if warning else None
    common = {"published": published, "language": language, "warnings": warnings}
    if isinstance(data, list):
        if not data:
            yield fail(name, "empty JSON list, no articles")
        for i, record in enumerate(data):
            yield item_from_record(
                record, origin=f"{name}[{i}]", default_id=f"{stem}:{i}", **common
            )
    else:
        yield item_from_record(data, origin=name, default_id=stem, **common)
