"""What every reader shares: the `ReadItem` it yields and the checks that keep bad input in.

A reader never raises on bad input: it yields a `ReadItem` whose `error` is one line naming the
input (path, path:line or '-') and the problem, so that one bad file never stops a batch.

Encoding policy: text must be UTF-8 (a BOM is dropped; UTF-16 with a BOM is accepted too). Text
that is not UTF-8 but decodes cleanly as Windows-1252 (a superset of printable Latin-1, the usual
legacy encoding of French text) is read with a warning; anything else is reported as
"not UTF-8 text". Bytes with NULs or many control characters are "binary file, not text".
"""

from __future__ import annotations

import email.utils
import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from chronique.model import Article, PartialDate

DEFAULT_MAX_BYTES = 20_000_000
PEEK_BYTES = 8192

# Known inputs, longest suffix first so that '.jsonl.gz' wins over '.gz'.
JSONL_SUFFIXES = (".jsonl.gz", ".ndjson.gz", ".jsonl", ".ndjson")
CSV_SUFFIXES = (".csv.gz", ".csv")
HTML_SUFFIXES = (".html", ".htm")
JSON_SUFFIXES = (".json",)
TEXT_SUFFIXES = (".txt",)
KNOWN_SUFFIXES = JSONL_SUFFIXES + CSV_SUFFIXES + HTML_SUFFIXES + JSON_SUFFIXES + TEXT_SUFFIXES


class ReadError(Exception):
    """One input cannot be read; the message is the problem, without the origin."""


@dataclass
class ReadItem:
    """One article read, or one input that failed.

    `error` and each of `warnings` are whole lines that start with the origin
    ("corpus.jsonl:17: malformed JSON (...)"), ready for a result's `errors` list.
    """

    article: Article | None  # None when the input failed
    error: str | None = None  # the one-line message when it failed
    warnings: list[str] = field(default_factory=list)
    origin: str = ""

    @property
    def ok(self) -> bool:
        return self.article is not None


def fail(origin: str, problem: str) -> ReadItem:
    return ReadItem(article=None, error=f"{origin}: {problem}", origin=origin)


def suffix_of(path: str | Path) -> str:
    """The known suffix of a file name ('.jsonl.gz', '.txt'…), lower-cased, or ''."""
    name = os.path.basename(str(path)).lower()
    for suffix in KNOWN_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return suffix
    return ""


def stem_of(path: str | Path) -> str:
    """A file's name without its known suffix: 'corpus.jsonl.gz' -> 'corpus'."""
    name = os.path.basename(str(path))
    suffix = suffix_of(name)
    if suffix:
        return name[: -len(suffix)]
    return Path(name).stem or name


def os_problem(exc: OSError) -> str:
    """An OSError as a short lower-case phrase, without the path it already names."""
    if isinstance(exc, FileNotFoundError):
        return "no such file or directory"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, IsADirectoryError):
        return "is a directory"
    return (exc.strerror or str(exc) or type(exc).__name__).lower()


def size_text(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n >= 100_000 else f"{n:,} bytes"


def read_limited(path: str | Path, max_bytes: int) -> bytes:
    """The whole file, refusing (before reading) one larger than `max_bytes`."""
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            raise ReadError(
                f"file too large ({size_text(size)}, limit {size_text(max_bytes)} per article)"
            )
        with open(path, "rb") as f:
            data = f.read(max_bytes + 1)  # a FIFO or a growing file has no useful st_size
    except OSError as exc:
        raise ReadError(os_problem(exc)) from exc
    if len(data) > max_bytes:
        raise ReadError(f"file too large (over the limit of {size_text(max_bytes)} per article)")
    return data


def read_file_item(
    path: str | Path,
    parse: Callable[..., ReadItem],
    *,
    published: str | None,
    language: str | None,
    max_bytes: int,
) -> ReadItem:
    """A file that holds one article: its bytes (within the limit) go to `parse` with the file
    stem as id, so every one-article format reads and names its files alike."""
    origin = str(path)
    try:
        data = read_limited(path, max_bytes)
    except ReadError as exc:
        return fail(origin, str(exc))
    return parse(data, id=stem_of(path), origin=origin, published=published, language=language)


_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def looks_binary(chunk: bytes) -> bool:
    """NUL bytes, or more than 5% control characters, mean the bytes are not text."""
    if chunk.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a BOM is text
        return False
    if b"\x00" in chunk:
        return True
    return len(_CONTROL.findall(chunk)) > max(2, len(chunk) // 20)


_CP1252_ONLY_WARNING = "not UTF-8; decoded as Windows-1252 (cp1252)"


def decode_bytes(data: bytes) -> tuple[str, str | None]:
    """Bytes to text under the encoding policy above: (text, warning or None)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), None
        except UnicodeDecodeError as exc:
            raise ReadError("not valid UTF-16 text") from exc
    if looks_binary(data[:PEEK_BYTES]) or b"\x00" in data:
        raise ReadError("binary file, not text")
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError as exc:  # the byte that cp1252 cannot decode either
            raise ReadError(
                f"not UTF-8 text, nor Windows-1252 (byte 0x{data[exc.start]:02x} at offset "
                f"{exc.start} is neither)"
            ) from None
        return text, _CP1252_ONLY_WARNING


_DATE = re.compile(
    r"^(\d{4})(?:([-/.])(\d{1,2})(?:\2(\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)?)?)?)?$",
    re.IGNORECASE,
)
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")


def normalize_date(value: Any) -> str:
    """A source's date as 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', keeping its precision.

    ISO datetimes keep the day as written (no conversion to UTC: the day the source printed is
    the publication day). Also accepts '2023/09/05', '20230905' and RFC 2822 dates.
    Raises ValueError with a short reason.
    """
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise ValueError(f"not a date: {value!r}")
    s = str(value).strip()
    m = _DATE.match(s)
    if m:
        y, mo, d = m.group(1), m.group(3), m.group(4)
    elif m := _COMPACT_DATE.match(s):
        y, mo, d = m.groups()
    else:
        parsed = email.utils.parsedate_tz(s) if re.search(r"[A-Za-z]{3}", s) else None
        if not parsed:
            raise ValueError(f"unparseable date {s!r}")
        y, mo, d = str(parsed[0]), str(parsed[1]), str(parsed[2])
    iso = y + (f"-{int(mo):02d}" if mo else "") + (f"-{int(d):02d}" if d else "")
    try:
        PartialDate.parse(iso)
    except ValueError:
        raise ValueError(f"unparseable date {s!r} (no such day or month)") from None
    return iso


def normalize_language(value: Any) -> str | None:
    """'fr-FR', 'FR', 'fr_CA' -> 'fr'; empty or not a string -> None."""
    if not isinstance(value, str):
        return None
    code = re.split(r"[-_]", value.strip().lower(), maxsplit=1)[0]
    return code if re.fullmatch(r"[a-z]{2,3}", code) else None


# Control characters (Unicode Cc) other than tab and newline never belong in article text: a
# NUL or an escape sequence would reach terminals and TSV exports raw, and splits words for the
# parser. Vertical tab, form feed, the C0 separators and NEL break lines; the rest is removed.
_LINE_BREAKS = re.compile("[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")


def normalize_text(text: str) -> tuple[str, int]:
    """`text` in Unicode NFC, with CR/CRLF and other line separators as '\n' and every other
    control character but tab removed; returns (text, how many characters were removed or
    replaced, not counting CR)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, breaks = _LINE_BREAKS.subn("\n", text)
    text, removed = _CONTROLS.subn("", text)
    return unicodedata.normalize("NFC", text), breaks + removed


_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """`text` safe for a terminal or a TSV cell: control characters (but tab and newline)
    shown as escapes ('\\x1b'), never sent raw. For what was stored before reading normalised
    text, and for file names, which are never normalised."""
    return _UNPRINTABLE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def one_line(text: str) -> tuple[str, int]:
    """A field that is one line (title, id, URL, source): normalised, whitespace collapsed."""
    text, n = normalize_text(text)
    return " ".join(text.split()), n


_LINE_END = re.compile(r"[.!?…»\"”:;)]\s*$")
_HAS_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def clean_text(text: str) -> str:
    """Normalise newlines and Unicode (NFC) and trim; paragraphs stay separated by blank lines.

    Text with no blank line at all but one sentence-ending line per paragraph (a common export
    form) gets a blank line between its lines, so that paragraphs are parsed one at a time.
    Hard-wrapped text (lines ending mid-sentence) is left as it is.
    """
    text = normalize_text(text)[0].lstrip("\ufeff").strip()
    if "\n" in text and not _HAS_BLANK_LINE.search(text):
        lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
        ended = sum(1 for ln in lines if _LINE_END.search(ln))
        if len(lines) >= 2 and ended >= 0.8 * len(lines):
            text = "\n\n".join(lines)
    return text


def join_title(title: str | None, body: str) -> str:
    """The coded text: the title as its own first paragraph, unless the body starts with it."""
    if not title:
        return body
    first = body.split("\n\n", 1)[0].strip()
    if first.rstrip(" .") == title.rstrip(" ."):
        return body
    return f"{title}\n\n{body}" if body else title


def _as_text(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    s = str(value).strip()
    return s or None


def _field(value: Any, counter: list[int]) -> str | None:
    """A one-line field, normalised; the control characters taken out are added to `counter`."""
    s = _as_text(value)
    if s is None:
        return None
    s, n = one_line(s)
    counter[0] += n
    return s or None


# A publication date later than this many days after today is kept, with a warning: a clock or
# a template error more likely than news from the future.
FUTURE_DAYS = 2


def future_warning(published: str, today: date | None = None) -> str | None:
    """The warning for a publication date that starts after tomorrow, or None."""
    today = today or date.today()
    try:
        first = PartialDate.parse(published).first_day()
    except ValueError:
        return None
    if first > today + timedelta(days=FUTURE_DAYS - 1):
        return f"publication date {published} is in the future (today is {today.isoformat()})"
    return None


def make_item(
    *,
    id: str,
    body: Any,
    origin: str,
    title: Any = None,
    date: Any = None,
    published: str | None = None,
    language: Any = None,
    url: Any = None,
    source: Any = None,
    warnings: list[str] | None = None,
) -> ReadItem:
    """Build the Article of one input, or the error saying why there is none.

    `date` is the source's own date (kept at its precision); `published` is the caller's
    fallback (CLI --published), used when the source has none or an unparseable one.
    `warnings` are problems (without origin) already found while reading this input.
    Every text field is normalised here (`normalize_text`), whatever the reader, and the control
    characters removed are counted in one warning.
    """
    notes = [f"{origin}: {w}" for w in warnings or []]
    if body is None:
        return fail(origin, "missing text")
    if not isinstance(body, str):
        return fail(origin, f"text is not a string (got {type(body).__name__})")
    removed = [normalize_text(body)[1]]
    text_body = clean_text(body)
    if not text_body:
        return fail(origin, "empty text")
    title_s = _field(title, removed)
    url_s, source_s = _field(url, removed), _field(source, removed)
    id_s, n = normalize_text(str(id))
    removed[0] += n
    if removed[0]:
        notes.append(f"{origin}: {removed[0]} control character(s) removed from the text")

    pub: str | None = None
    raw_date = _as_text(date) if not isinstance(date, int) else date
    if raw_date is not None:
        try:
            pub = normalize_date(raw_date)
        except ValueError as exc:
            fallback = f"; using {published}" if published else "; publication date unknown"
            notes.append(f"{origin}: {exc}{fallback}")
            pub = published
        else:
            if ahead := future_warning(pub):
                notes.append(f"{origin}: {ahead}")
    else:
        pub = published
        if pub is None:
            notes.append(f"{origin}: publication date unknown")

    article = Article(
        id=id_s.strip() or str(id),
        text=join_title(title_s, text_body),
        published=pub,
        language=normalize_language(language),
        title=title_s,
        url=url_s,
        source=source_s,
        origin=origin,
    )
    return ReadItem(article=article, warnings=notes, origin=origin)


def item_from_record(
    record: Any,
    *,
    origin: str,
    default_id: str,
    published: str | None,
    language: str | None,
    warnings: list[str] | None = None,
) -> ReadItem:
    """A JSON object or CSV row with fields id, text, published|date, title, url, source,
    language (missing or empty fields are None; the record's language wins over the default)."""
    if not isinstance(record, dict):
        return fail(origin, f"not a JSON object (got {type(record).__name__})")
    rec = {str(k).strip().lower(): v for k, v in record.items()}

    def first(*keys: str) -> Any:
        for k in keys:
            v = rec.get(k)
            if v is not None and v != "":
                return v
        return None

    text = rec.get("text")
    if text is None:
        return fail(origin, "missing text")
    return make_item(
        id=_as_text(first("id")) or default_id,
        body=text,
        origin=origin,
        title=first("title"),
        date=first("published", "date"),
        published=published,
        language=normalize_language(first("language", "lang")) or language,
        url=first("url"),
        source=first("source"),
        warnings=warnings,
    )
