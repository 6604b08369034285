"""CSV corpora (`.csv`, `.csv.gz`): a header row, then one article per record.

Columns (any case): `text` (required), `id`, `published` or `date`, `title`, `url`, `source`,
`language`. The delimiter (',' ';' or tab) is taken from the header line, as French spreadsheet
exports use ';'. Streamed like JSONL: a bad record is reported as `path:LINE` (the line where
the record starts) and the others are still read.
"""

from __future__ import annotations

import csv
from collections import deque
from collections.abc import Iterator
from pathlib import Path

from chronique.read.base import ReadError, ReadItem, fail, item_from_record, size_text, stem_of
from chronique.read.lines import iter_lines, stream_file

TEXT_COLUMNS = ("text",)


class _Lines:
    """Decodes physical lines for the csv module and remembers what went wrong on which line.

    The lines of the record being read are kept (`record`), so that after a malformed record the
    lines it swallowed can be given again (`again`) and read as records of their own.
    """

    def __init__(self, lines: Iterator[tuple[int, bytes | None]], max_bytes: int) -> None:
        self._lines = lines
        self._max_bytes = max_bytes
        self._again: deque[tuple[int, str]] = deque()
        self.lineno = 0
        self.record: list[tuple[int, str]] = []
        self.problems: dict[int, tuple[str, bool]] = {}  # line -> (message, is_error)

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        """The next line; an iterator, not a generator, so that it can go on after the end
        when lines are given again."""
        if self._again:
            lineno, text = self._again.popleft()
        else:
            nxt = next(self._lines, None)
            if nxt is None:
                raise StopIteration
            lineno, text = nxt[0], self._decode(*nxt)
        self.lineno = lineno
        self.record.append((lineno, text))
        return text

    def _decode(self, lineno: int, raw: bytes | None) -> str:
        if raw is None:
            self.problems[lineno] = (
                f"record longer than the limit of {size_text(self._max_bytes)}; skipped",
                True,
            )
            return "\n"
        if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            self.problems[lineno] = ("not UTF-8; decoded as Windows-1252 (cp1252)", False)
            return raw.decode("cp1252", errors="replace")

    def again(self, lines: list[tuple[int, str]]) -> None:
        """Give `lines` again, before any line not read yet."""
        self._again.extendleft(reversed(lines))

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


def _csv_problem(exc: csv.Error, delimiter: str) -> str:
    msg = str(exc)
    if "unexpected end of data" in msg:
        return "unclosed quote (the quoted field that starts here never ends)"
    if "expected after" in msg:
        return (f"stray quote in a quoted field (a quote inside a field is written \"\", and "
                f"a closing quote is followed by {delimiter!r} or the end of the line)")
    return msg


def _is_record(line: str, delimiter: str, fields: int) -> bool:
    """Whether one physical line reads, alone, as a whole record of `fields` fields."""
    try:
        rows = list(csv.reader([line], delimiter=delimiter, strict=True))
    except csv.Error:
        return False
    return len(rows) == 1 and len(rows[0]) == fields


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


def _resync(lines: _Lines, exc: csv.Error, first: int, delimiter: str, fields: int) -> str:
    """The message for a malformed record; when the lines it took in read as records (a quote
    left open swallows the rows after it), they are given again to the reader."""
    swallowed = [(n, t) for n, t in lines.record if n > first]
    following = [(n, t) for n, t in swallowed if t.strip()]
    if following and _is_record(following[0][1], delimiter, fields):
        lines.take(first, first)
        lines.again(swallowed)
        lines.lineno = first
        return (
            f"malformed CSV record: unclosed quote (its field runs on over the next "
            f"{len(swallowed)} line(s), which look like records); record skipped, the lines "
            "after it are read on their own"
        )
    problem = f"malformed CSV record: {_csv_problem(exc, delimiter)}"
    lines.take(first, lines.lineno)
    return f"{problem}; record skipped (lines {first}-{lines.lineno})" if swallowed else (
        f"{problem}; record skipped")


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
    reader = csv.reader(text_lines, delimiter=delimiter, strict=True)
    last = lines.lineno
    while True:
        first = last + 1
        lines.record = []
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield fail(f"{name}:{first}", _resync(lines, exc, first, delimiter, len(header)))
            last = lines.lineno
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
