"""Coding one posted article without storing it: the reading the analyse page shows.

The article goes through the readers' own `make_item` (so a title becomes the first paragraph
and text is cleaned as on ingest) and then `chronique.pipeline.process`, the entry point every
command uses. spaCy pipelines are shared by the process and not made for concurrent use, so
one article is coded at a time.
"""

from __future__ import annotations

import threading
from typing import Any

from chronique.model import ArticleResult
from chronique.web.highlight import highlights
from chronique.web.queries import quad_of

_lock = threading.Lock()


class AnalyseError(ValueError):
    """The posted article cannot be read (no text, not text, a bad date)."""


def read_posted(text: str | None = None, data: bytes | None = None, filename: str | None = None,
                published: str | None = None, language: str | None = None,
                title: str | None = None) -> Any:
    """The Article of pasted text or of an uploaded file's bytes (text or HTML)."""
    from chronique.read.base import make_item
    from chronique.read.dated import has_date_line
    from chronique.read.htmlfile import parse_html
    from chronique.read.plain import parse_text_bytes

    origin = "analyse"
    if not data and text and has_date_line(text):
        data = text.encode("utf-8")  # the seed format: its first line gives the date
    if data:
        name = (filename or "").lower()
        if name.endswith((".html", ".htm")):
            item = parse_html(data, id="upload", origin=filename or origin, published=published,
                              language=language)
        else:
            item = parse_text_bytes(data, id="upload", origin=filename or origin,
                                    published=published, language=language)
        if item.article is None:
            raise AnalyseError(item.error or "the file holds no article")
        art = item.article
        if title and not art.title:
            art.text = f"{title.strip()}\n\n{art.text}"
            art.title = title.strip()
        return art
    try:
        item = make_item(id="analyse", body=text or "", origin=origin, title=title,
                         date=published, language=language)
    except ValueError as exc:
        raise AnalyseError(str(exc)) from None
    if item.article is None:
        raise AnalyseError((item.error or "no text").removeprefix(f"{origin}: "))
    return item.article


def analyse(article: Any) -> ArticleResult:
    from chronique.pipeline import process

    with _lock:
        return process(article)


def reading(result: ArticleResult) -> dict[str, Any]:
    """The JSON (and page) form of a result: the record, its text and its highlight spans."""
    out = result.to_dict(include_text=True)
    for ev in out["events"]:
        ev["quad"] = quad_of(ev["event"])
    out["highlights"] = highlights(result)
    out["stored"] = False
    return out


_loaded = threading.Event()


def preload_in_background() -> None:
    """Load the language models (French, English, the language identifier) in a thread at
    server start, so that the first analyse does not wait half a minute for them."""
    def load() -> None:
        from chronique.nlp import get_nlp, identify_language

        try:
            with _lock:
                for lang in ("fr", "en"):
                    get_nlp(lang)
                identify_language("bonjour")
        except Exception:  # noqa: BLE001 - a model that fails loads again on first use
            return
        _loaded.set()

    threading.Thread(target=load, name="chronique-preload", daemon=True).start()


def ready() -> bool:
    """Whether the models are loaded (the analyse page says when they are not yet)."""
    return _loaded.is_set()
