"""CSV corpora (`.csv`, `.csv.gz`): a header row, then one article per record.

Columns (any case): `text` (required), `id`, `published` or `date`, `title`, `url`, `source`,
`language`. The delimiter (',' ';' or tab) is taken from the header line, as French spreadsheet
exports use ';'. Streamed like JSONL: a bad record is reported as `path:LINE` (the line where
the record starts) and the others are still read.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from chronique.read.base import ReadError, ReadItem, fail, item_from_record, size_text, stem_of
from chronique.read.lines import iter_lines, stream_file

TEXT_COLUMNS = ("text",)


class _Lines:
    """Decodes physical lines for the csv module and remembers what went wrong on which line."""

    def __init__(self, lines: Iterator[tuple[int, bytes | None]], max_bytes: int) -> None:
        self._lines = lines
        self._max_bytes = max_bytes
        self.lineno = 0
        self.problems: dict[int, tuple[str, bool]] = {}  # line -> (message, is_error)

    def __iter__(self) -> Iterator[str]:
        for lineno, raw in self._lines:
            self.lineno = lineno
            if raw is None:
                self.problems[lineno] = (
                    f"record longer than the limit of {size_text(self._max_bytes)}; skipped",
                    True,
                )
                yield "\n"
                continue
            if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                yield raw.decode("utf-8")
            except UnicodeDecodeError:
                self.problems[lineno] = ("not UTF-8; decoded as Windows-1252 (cp1252)", False)
                yield raw.decode("cp1252", errors="replace")

    def take(self, first: int, last: int) -> tuple[str | None, list[str]]:
        """The error (if any) and the warnings recorded on lines first..last, forgotten after."""
        error, warnings = None, []
        for n in range(first, last + 1):
            if n in self.problems:
                msg, is_error = self.problems.pop(n)
                if is_error:
                    error = error or msg
                else:
                    warnings.append(msg)
        return error, warnings


def _delimiter(header: str) -> str:
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def read_csv(
    path: str | Path,
    *,
    published: str | None = None,
    language: str | None = None,
    max_bytes: int,
) -> Iterator[ReadItem]:
    """Stream a CSV file; a record without `id` gets 'STEM:LINE'."""
    name, stem = str(path), stem_of(path)
    yield from stream_file(path, lambda f: _records(f, name, stem, published, language, max_bytes))


def _records(
    f: object,
    name: str,
    stem: str,
    published: str | None,
    language: str | None,
    max_bytes: int,
) -> Iterator[ReadItem]:
    lines = _Lines(iter_lines(f, max_bytes), max_bytes)  # type: ignore[arg-type]
    text_lines = iter(lines)
    header_line = next(text_lines, None)
    while header_line is not None and not header_line.strip():
        header_line = next(text_lines, None)
    if header_line is None:
        raise ReadError("empty CSV file (no header row)")
    delimiter = _delimiter(header_line)
    header = [h.strip().lower() for h in next(csv.reader([header_line], delimiter=delimiter))]
    if not any(c in header for c in TEXT_COLUMNS):
        shown = ", ".join(h for h in header if h)[:200] or "none"
        raise ReadError(f"no 'text' column in the header (columns: {shown})")

    if csv.field_size_limit() < max_bytes:  # process-wide; only ever raised, up to the limit
        csv.field_size_limit(max_bytes)
    reader = csv.reader(text_lines, delimiter=delimiter)
    last = lines.lineno
    while True:
        first = last + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            last = lines.lineno
            lines.take(first, last)
            yield fail(f"{name}:{first}", f"malformed CSV record ({exc})")
            continue
        last = lines.lineno
        error, warnings = lines.take(first, last)
        if not any(cell.strip() for cell in row):
            continue  # blank line
        origin = f"{name}:{first}"
        if error:
            yield fail(origin, error)
            continue
        if len(row) > len(header):
            warnings.append(f"{len(row)} fields for {len(header)} columns; extra fields ignored")
        record = {h: v for h, v in zip(header, row, strict=False) if h}
        yield item_from_record(
            record,
            origin=origin,
            default_id=f"{stem}:{first}",
            published=published,
            language=language,
            warnings=warnings,
        )
