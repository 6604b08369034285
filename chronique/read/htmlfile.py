"""Saved web pages (`.html`, `.htm`): trafilatura finds the article text, title and date.

Each block trafilatura keeps (heading, paragraph, list item, quote) becomes one paragraph,
separated by blank lines as everywhere else. The date comes from the page's metadata and
markup only: trafilatura's "extensive search" is off because it takes dates from the body text,
which are event dates, not the publication date. Without one, the caller's `published` is used.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

from chronique.read.base import (
    PEEK_BYTES,
    ReadItem,
    fail,
    looks_binary,
    make_item,
    normalize_language,
    read_file_item,
)

_DATE_PARAMS = {"extensive_search": False, "original_date": True}
_BLOCKS = {"head", "p", "item", "quote", "code", "list", "table", "row", "cell", "div"}


def _block_text(el: Any) -> str:
    for lb in el.iter("lb"):  # a line break inside a paragraph is a space
        lb.tail = " " + (lb.tail or "")
    return " ".join("".join(el.itertext()).split())


def _paragraphs(parent: Any) -> list[str]:
    """The text blocks under trafilatura's <body>, in order: a block holding blocks (a list,
    a quote of paragraphs) gives one paragraph per inner block."""
    out: list[str] = []
    for el in parent:
        if not isinstance(el.tag, str):
            continue
        inner = _paragraphs(el) if any(c.tag in _BLOCKS for c in el) else []
        if inner:
            out.extend(inner)
        elif text := _block_text(el):
            out.append(text)
    return out


def parse_html(
    data: bytes | str,
    *,
    id: str,
    origin: str,
    published: str | None = None,
    language: str | None = None,
) -> ReadItem:
    """One article from an HTML page; the page's `lang` wins over the default language."""
    import trafilatura  # heavy: imported only when a page is read

    logging.getLogger("trafilatura").setLevel(logging.ERROR)
    head = data[:PEEK_BYTES] if isinstance(data, bytes) else b""
    if looks_binary(head):
        return fail(origin, "binary file, not text")
    tree = trafilatura.load_html(data)
    if tree is None:
        return fail(origin, "not an HTML page (nothing to parse)")
    root = tree.getroottree().getroot()
    page_lang = normalize_language(root.get("lang") or root.get("xml:lang"))
    doc = trafilatura.bare_extraction(
        tree,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        date_extraction_params=_DATE_PARAMS,
    )
    body = getattr(doc, "body", None) if doc is not None else None
    paragraphs = _paragraphs(body) if body is not None else []
    if not paragraphs and doc is not None and doc.text:
        paragraphs = [p.strip() for p in re.split(r"\n+", doc.text) if p.strip()]
    if not paragraphs:
        return fail(origin, "no article text found in the HTML page")
    return make_item(
        id=id,
        body="\n\n".join(paragraphs),
        origin=origin,
        title=doc.title if doc is not None else None,
        date=doc.date if doc is not None else None,
        published=published,
        language=page_lang or language,
        url=doc.url if doc is not None else None,
        source=(doc.sitename or doc.hostname) if doc is not None else None,
    )


def read_html(
    path: str | Path,
    *,
    published: str | None = None,
    language: str | None = None,
    max_bytes: int,
) -> ReadItem:
    """An HTML file; id = the file stem. trafilatura detects the page's encoding itself."""
    return read_file_item(
        path, _parse_file, published=published, language=language, max_bytes=max_bytes
    )


def _parse_file(data: bytes, *, origin: str, **kw: Any) -> ReadItem:
    """An empty file is 'empty text', as for other files, not a page that fails to parse."""
    if not data.strip():
        return fail(origin, "empty text")
    return parse_html(data, origin=origin, **kw)
