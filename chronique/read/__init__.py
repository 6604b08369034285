"""Readers: turn input paths into `Article`s, one `ReadItem` each, never raising on bad input.

    for item in read_inputs(["seed.txt", "corpus.jsonl.gz", "pages/", "-"]):
        if item.article is None: report(item.error)
        else: code(item.article); report(item.warnings)

Formats, chosen by file name: seed-format or plain text (.txt, and any explicitly named file of
unknown type), JSONL (.jsonl, .ndjson, optionally .gz), CSV (.csv, .csv.gz), HTML (.html,
.htm), JSON (.json: one object or a list), directories (recursively) and '-' for stdin.
`published` is the date used when a source gives none; `language` the language assumed when a
source declares none.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path

from chronique.read.base import (
    CSV_SUFFIXES,
    DEFAULT_MAX_BYTES,
    HTML_SUFFIXES,
    JSON_SUFFIXES,
    JSONL_SUFFIXES,
    KNOWN_SUFFIXES,
    ReadItem,
    fail,
    normalize_date,
    normalize_language,
    os_problem,
    suffix_of,
)
from chronique.read.csvfile import read_csv
from chronique.read.dirs import list_dir, no_files_problem
from chronique.read.htmlfile import read_html
from chronique.read.jsonfile import read_json
from chronique.read.jsonl import read_jsonl
from chronique.read.plain import read_text_file
from chronique.read.stdin import read_stdin

__all__ = ["DEFAULT_MAX_BYTES", "KNOWN_SUFFIXES", "ReadItem", "read_inputs", "read_path"]


def read_inputs(
    paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    published: str | None = None,
    language: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[ReadItem]:
    """Every article of every input, lazily, in order.

    Raises ValueError at once (before reading anything) for a bad `published`, `language` or
    `max_bytes`: those are the caller's mistakes, not bad input.
    """
    if published is not None:
        try:
            published = normalize_date(published)
        except ValueError as exc:
            raise ValueError(f"published: {exc}; expected YYYY, YYYY-MM or YYYY-MM-DD") from None
    if max_bytes <= 0:
        raise ValueError("max_bytes must be positive")
    lang = normalize_language(language) if language else None
    if language and lang is None:
        raise ValueError(f"language: {language!r} is not a language code such as 'fr' or 'en'")
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return _read_all(list(paths), published, lang, max_bytes)


def _read_all(
    paths: list[str | os.PathLike[str]], published: str | None, language: str | None, max_bytes: int
) -> Iterator[ReadItem]:
    for p in paths:
        yield from read_path(p, published=published, language=language, max_bytes=max_bytes)


def read_path(
    path: str | os.PathLike[str],
    *,
    published: str | None = None,
    language: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Iterator[ReadItem]:
    """The articles of one input (a file, a directory or '-'); never raises on bad input."""
    name = os.fspath(path)
    kw = {"published": published, "language": language, "max_bytes": max_bytes}
    if name == "-":
        yield from _guard(read_stdin(**kw), name)
        return
    p = Path(name)
    try:
        is_dir = stat.S_ISDIR(os.stat(p).st_mode)  # follows links: a loop is ELOOP, not 'missing'
    except FileNotFoundError:
        dangling = os.path.islink(p)
        yield fail(name, "broken symbolic link" if dangling else "no such file or directory")
        return
    except OSError as exc:
        yield fail(name, os_problem(exc))
        return
    if is_dir:
        entries = list_dir(p)
        if len(entries) == 1 and entries[0][1] is not None and entries[0][0] == p:
            yield fail(name, f"{entries[0][1]} (the folder cannot be listed)")
            return
        if not entries:
            yield fail(name, no_files_problem())
        for f, problem in entries:
            if problem is not None:
                yield fail(str(f), f"{problem} (the folder cannot be listed; its files were "
                           "not read)")
            else:
                yield from _read_file(f, kw)
        return
    yield from _read_file(p, kw)


def _read_file(path: Path, kw: dict) -> Iterator[ReadItem]:
    suffix = suffix_of(path)
    if suffix in JSONL_SUFFIXES:
        items: Iterator[ReadItem] = read_jsonl(path, **kw)
    elif suffix in CSV_SUFFIXES:
        items = read_csv(path, **kw)
    elif suffix in JSON_SUFFIXES:
        items = read_json(path, **kw)
    elif suffix in HTML_SUFFIXES:
        items = iter([_call(read_html, path, kw)])
    else:  # .txt, or a file of unknown type named explicitly: text
        items = iter([_call(read_text_file, path, kw)])
    yield from _guard(items, str(path))


def _call(reader, path: Path, kw: dict) -> ReadItem:  # type: ignore[no-untyped-def]
    try:
        return reader(path, **kw)
    except Exception as exc:  # a reader bug must not stop the batch
        return fail(str(path), f"could not be read ({type(exc).__name__}: {exc})")


def _guard(items: Iterator[ReadItem], name: str) -> Iterator[ReadItem]:
    """Yield from a reader; an unexpected exception ends that input with one error line."""
    try:
        yield from items
    except Exception as exc:
        yield fail(name, f"stopped reading ({type(exc).__name__}: {exc})")
