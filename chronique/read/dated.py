"""The seed format: a first line ' date YYYY-MM[-DD] ' followed, on the same line, by the text.

The date keeps the precision written (the seed gives only a month), so that later stages never
invent a publication day. The leading space, a colon after 'date' and the letter case are
tolerated; the text may also start on the next line.
"""

from __future__ import annotations

import re

from chronique.read.base import ReadItem, make_item

# A date-shaped token after 'date': validated later, so that ' date 2023-13 …' is reported as an
# unparseable date rather than silently read as text.
DATE_LINE = re.compile(
    r"^\ufeff?[ \t]*date[ \t]*:?[ \t]+(?P<date>\d{4}(?:[-/.]\d{1,2}){0,2})(?=\s|$)[ \t]*",
    re.IGNORECASE,
)


def split_date_line(text: str) -> tuple[str | None, str]:
    """(the date token, the text after it) or (None, text) when there is no date line."""
    m = DATE_LINE.match(text)
    if not m:
        return None, text
    return m.group("date"), text[m.end() :]


def has_date_line(text: str) -> bool:
    return DATE_LINE.match(text) is not None


def parse_dated(
    text: str,
    *,
    id: str,
    origin: str,
    published: str | None = None,
    language: str | None = None,
    warnings: list[str] | None = None,
) -> ReadItem:
    """An article from seed-format text; without a date line it is read as plain text."""
    date, body = split_date_line(text)
    return make_item(
        id=id,
        body=body,
        origin=origin,
        date=date,
        published=published,
        language=language,
        warnings=warnings,
    )
