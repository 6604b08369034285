"""`chronique serve`: the store over a JSON API (`/api/v1`, OpenAPI at `/openapi.json`) and as
dashboard pages, in the spirit of Datasette: one command, one database, pages and JSON side by
side.

The app reads private copies of the store (`snapshot`), so that `chronique ingest` can write
the live file meanwhile and new articles show up without a restart. Safety rests on four
habits: templates escape everything (autoescape, no `|safe` on data), SQL takes bound
parameters only (`queries`), request bodies and page sizes are bounded, and every response
carries a Content-Security-Policy that allows scripts and styles from this server only, so an
injected `<script>` could not run even if it slipped through.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import time
from collections.abc import AsyncIterator, Iterator
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

import duckdb
from fastapi import Depends, FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from pydantic import BaseModel, Field, field_validator
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from chronique.model import MODALITIES, PLOVER_TYPES, PartialDate
from chronique.store.query import EventFilter
from chronique.web import analyse as analysing
from chronique.web import charts, queries
from chronique.web.highlight import pieces
from chronique.web.queries import Page
from chronique.web.snapshot import SnapshotReader, StoreUnavailable

HERE = Path(__file__).parent
MAX_BODY = 1_000_000  # bytes of a request body
MAX_TEXT = 200_000  # characters of an article to analyse
MAX_PAGE = 200  # rows of one page
MAX_EXPORT = 100_000  # rows of one export
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
CODE_PATTERN = r"^[A-Za-z]{3,4}$"

EventType = StrEnum("EventType", [(t, t) for t in PLOVER_TYPES])  # type: ignore[misc]
Modality = StrEnum("Modality", [(m, m) for m in MODALITIES])  # type: ignore[misc]


class Interval(StrEnum):
    day = "day"
    week = "week"
    month = "month"


class Order(StrEnum):
    asc = "asc"
    desc = "desc"


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"


SortKey = StrEnum("SortKey", [(k, k) for k in queries.EVENT_SORTS])  # type: ignore[misc]

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


class _TooLarge(HTTPException):
    def __init__(self, limit: int) -> None:
        super().__init__(413, f"request body larger than {limit} bytes")


class Guard:
    """Bounds request bodies (413) and adds the security headers to every response.

    The declared Content-Length is checked first; a body sent without one (chunked) is
    counted as it arrives, so a lying or absent header does not get past the limit.
    """

    def __init__(self, app: ASGIApp, max_body: int = MAX_BODY) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [
                    h for h in SECURITY_HEADERS if h[0] not in names]
            await send(message)

        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None:
            try:
                too_big = int(declared) > self.max_body
            except ValueError:
                too_big = False
            if too_big:
                await self._refuse(send_with_headers)
                return
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise _TooLarge(self.max_body)
            return message

        try:
            await self.app(scope, counted, send_with_headers)
        except _TooLarge:
            if not started:
                await self._refuse(send_with_headers)

    async def _refuse(self, send: Send) -> None:
        body = json.dumps({"detail": f"request body larger than {self.max_body} bytes"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"),
                                (b"content-length", str(len(body)).encode())]})
        await send({"type": "http.response.body", "body": body})


# -- request models --------------------------------------------------------------------------

class AnalyseIn(BaseModel):
    """An article to code without storing it."""

    text: str = Field(min_length=1, max_length=MAX_TEXT, description="the article text; "
                      "paragraphs separated by blank lines")
    published: str | None = Field(None, pattern=DATE_PATTERN,
                                  description="publication date YYYY, YYYY-MM or YYYY-MM-DD")
    language: str | None = Field(None, pattern=r"^(fr|en)$",
                                 description="fr or en; identified from the text when absent")
    title: str | None = Field(None, max_length=1000, description="coded as the first paragraph")

    @field_validator("published")
    @classmethod
    def _real_date(cls, v: str | None) -> str | None:
        if v is not None:
            PartialDate.parse(v)  # ValueError (so 422) on 2023-02-30
        return v


class PageOut(BaseModel):
    total: int
    page: int
    per_page: int
    pages: int
    items: list[dict[str, Any]]


# -- helpers ---------------------------------------------------------------------------------

def _none(v: str | None) -> str | None:
    """Empty form fields mean 'any'."""
    if v is None:
        return None
    v = v.strip()
    return v or None


def _bad(exc: ValueError) -> HTTPException:
    return HTTPException(422, str(exc))


def _days(since: str | None, until: str | None) -> tuple[date | None, date | None]:
    """A request's since/until as the first and the last day they cover; 422 on a bad one."""
    try:
        return queries.day(since, "since"), queries.day(until, "until", last=True)
    except ValueError as exc:
        raise _bad(exc) from None


def _found(item: dict[str, Any] | None, what: str) -> dict[str, Any]:
    """The item looked up, or 404 when there is none."""
    if item is None:
        raise HTTPException(404, f"no such {what}")
    return item


def _upper(code: str | None) -> str | None:
    return code.upper() if code else None


def _value(choice: StrEnum | None) -> str | None:
    """A validated choice (type, modality…) as the plain string the queries take."""
    return choice.value if choice else None


def event_filter(
    since: Annotated[str | None, Query(pattern=DATE_PATTERN, description="YYYY[-MM[-DD]]: "
                                       "events ending on or after")] = None,
    until: Annotated[str | None, Query(pattern=DATE_PATTERN, description="YYYY[-MM[-DD]]: "
                                       "events starting on or before")] = None,
    actor: Annotated[str | None, Query(pattern=CODE_PATTERN,
                                       description="actor country code, e.g. PRK")] = None,
    recipient: Annotated[str | None, Query(pattern=CODE_PATTERN,
                                           description="recipient country code")] = None,
    type: Annotated[EventType | None, Query(description="PLOVER event type")] = None,  # noqa: A002
    modality: Annotated[Modality | None, Query()] = None,
    text: Annotated[str | None, Query(max_length=200, description="words in the sentence, "
                                      "trigger or title")] = None,
    duplicates: Annotated[bool, Query(description="include near-duplicate articles")] = False,
    inferred: Annotated[bool, Query(description="include events whose actor or recipient "
                                    "is inferred from the article's frame")] = True,
) -> EventFilter:
    flt = EventFilter(since, until, actor, recipient, _value(type), _value(modality), text,
                      duplicates, inferred)
    try:
        queries.where(flt)
    except ValueError as exc:
        raise _bad(exc) from None
    return flt


def paging(page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
           per_page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50) -> Page:
    return Page(page, per_page)


def connection(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    with request.app.state.reader.cursor() as con:
        yield con


Con = Annotated[duckdb.DuckDBPyConnection, Depends(connection)]


def _http_url(url: str | None) -> str | None:
    """Only http(s) URLs become links: a `javascript:` URL in an article stays text."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


def _qs(params: dict[str, Any], **changes: Any) -> str:
    """A query string from `params` with `changes`, leaving out empty values."""
    merged = {**params, **changes}
    return urlencode({k: v for k, v in merged.items() if v not in (None, "", False)})


# -- the app ---------------------------------------------------------------------------------

def create_app(db: str | os.PathLike[str], *, interval: float = 1.0,
               max_body: int = MAX_BODY) -> FastAPI:
    """The FastAPI app over the store at `db` (which may not exist yet: pages say so)."""
    reader = SnapshotReader(db, interval=interval)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        reader.close()

    app = FastAPI(
        title="chronique",
        version="1",
        summary="PLOVER political events from French and English news: events, claims, quotes.",
        lifespan=lifespan,
        docs_url=None,  # the interactive docs load assets from a CDN: not served
        redoc_url=None,
    )
    app.state.reader = reader
    app.add_middleware(Guard, max_body=max_body)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["http_url"] = _http_url
    env.globals.update(country=queries.country_name, qs=_qs, types=PLOVER_TYPES,
                       modalities=MODALITIES, sorts=list(queries.EVENT_SORTS))
    templates = Jinja2Templates(env=env)
    app.state.templates = templates

    def page(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        snap = reader.info()
        ctx.setdefault("title", name.removesuffix(".html"))
        return templates.TemplateResponse(request, name, {"snapshot": snap, **ctx},
                                          status_code=status)

    @app.exception_handler(StoreUnavailable)
    async def unavailable(request: Request, exc: StoreUnavailable) -> Response:
        headers = {"Retry-After": "2"}
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": str(exc)}, 503, headers=headers)
        return page(request, "error.html", 503, title="store unavailable",
                    message=str(exc), headers_note="Retry in a moment.")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        if request.url.path.startswith(("/api/", "/static/", "/openapi")):
            return JSONResponse({"detail": exc.detail}, exc.status_code,
                                headers=getattr(exc, "headers", None))
        return page(request, "error.html", exc.status_code, title=str(exc.status_code),
                    message=str(exc.detail))

    _api(app)
    _pages(app, page)
    return app


def _api(app: FastAPI) -> None:
    """JSON routes under /api/v1."""
    p = "/api/v1"

    @app.get(f"{p}/status", tags=["store"])
    def status(request: Request, con: Con) -> dict[str, Any]:
        """What the server reads: counts and when the snapshot was taken."""
        return {**queries.status(con), **request.app.state.reader.info()}

    @app.get(f"{p}/overview", tags=["aggregates"])
    def overview(request: Request,
                 actor: Annotated[str, Query(pattern=CODE_PATTERN)] = "RUS",
                 recipient: Annotated[str, Query(pattern=CODE_PATTERN)] = "PRK",
                 interval: Interval | None = None) -> dict[str, Any]:
        """Totals, the dyad's conflict/cooperation timeline, top dyads and event locations."""
        return _overview(request, actor.upper(), recipient.upper(), _value(interval))

    @app.get(f"{p}/events", tags=["events"], response_model=PageOut)
    def list_events(con: Con, flt: Annotated[EventFilter, Depends(event_filter)],
                    pg: Annotated[Page, Depends(paging)], sort: SortKey = SortKey["date"],
                    order: Order = Order.asc) -> dict[str, Any]:
        """Events matching the filter, one page at a time."""
        try:
            return queries.events(con, flt, pg, sort.value, order.value)
        except ValueError as exc:
            raise _bad(exc) from None

    @app.get(f"{p}/events/export", tags=["events"],
             responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {}}}})
    def export_events(request: Request, flt: Annotated[EventFilter, Depends(event_filter)],
                      format: ExportFormat = ExportFormat.csv,  # noqa: A002
                      sort: SortKey = SortKey["date"], order: Order = Order.asc,
                      limit: Annotated[int, Query(ge=1, le=MAX_EXPORT)] = MAX_EXPORT
                      ) -> StreamingResponse:
        """Every event of the filter (up to `limit`) as CSV or JSON lines, streamed."""
        ctx = request.app.state.reader.cursor()
        con = ctx.__enter__()
        try:
            names, rows = queries.iter_events(con, flt, limit, sort.value, order.value)
        except BaseException:
            ctx.__exit__(None, None, None)
            raise

        def stream() -> Iterator[str]:
            try:
                if format == ExportFormat.csv:
                    yield from _csv(names, rows)
                else:
                    yield from _jsonl(con, rows)
            finally:
                ctx.__exit__(None, None, None)

        media = "text/csv" if format == ExportFormat.csv else "application/x-ndjson"
        name = f"chronique-events.{'csv' if format == ExportFormat.csv else 'jsonl'}"
        return StreamingResponse(stream(), media_type=media,
                                 headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @app.get(f"{p}/events/{{event_id}}", tags=["events"])
    def one_event(con: Con, event_id: Annotated[str, PathParam(max_length=200)]) -> dict[str, Any]:
        """One event with its actors in every role and its evidence."""
        return _found(queries.event(con, event_id), "event")

    @app.get(f"{p}/claims", tags=["events"], response_model=PageOut)
    def list_claims(con: Con, pg: Annotated[Page, Depends(paging)],
                    country: Annotated[str | None, Query(pattern=CODE_PATTERN)] = None,
                    duplicates: bool = False) -> dict[str, Any]:
        """Contested claims: events alleged or denied, with who asserts and who denies."""
        return queries.claims(con, pg, _upper(country), duplicates)

    @app.get(f"{p}/quotes", tags=["quotes"], response_model=PageOut)
    def list_quotes(con: Con, pg: Annotated[Page, Depends(paging)],
                    country: Annotated[str | None, Query(pattern=CODE_PATTERN)] = None,
                    speaker: Annotated[str | None, Query(max_length=200)] = None,
                    text: Annotated[str | None, Query(max_length=200)] = None,
                    article: Annotated[str | None, Query(max_length=200)] = None,
                    duplicates: bool = False) -> dict[str, Any]:
        """Who said what: quotes with their speaker, filtered by country, speaker or words."""
        return queries.quotes(con, pg, _upper(country), speaker, text, article, duplicates)

    @app.get(f"{p}/articles", tags=["articles"], response_model=PageOut)
    def list_articles(con: Con, pg: Annotated[Page, Depends(paging)],
                      text: Annotated[str | None, Query(max_length=200)] = None,
                      since: Annotated[str | None, Query(pattern=DATE_PATTERN)] = None,
                      until: Annotated[str | None, Query(pattern=DATE_PATTERN)] = None,
                      language: Annotated[str | None, Query(pattern=r"^[a-z]{2}$")] = None,
                      duplicates: bool = True) -> dict[str, Any]:
        """Stored articles, newest first."""
        lo, hi = _days(since, until)
        return queries.articles(con, pg, text, lo, hi, language, duplicates)

    @app.get(f"{p}/articles/{{key}}", tags=["articles"])
    def one_article(con: Con, key: Annotated[str, PathParam(max_length=200)]) -> dict[str, Any]:
        """An article (by content hash or source id) with its events, quotes and highlights."""
        return _found(queries.article(con, key), "article")

    @app.get(f"{p}/actors", tags=["actors"], response_model=PageOut)
    def list_actors(con: Con, pg: Annotated[Page, Depends(paging)],
                    q: Annotated[str | None, Query(max_length=100)] = None) -> dict[str, Any]:
        """Actor codes by activity (events both ways and quotes)."""
        return queries.actors(con, pg, q)

    @app.get(f"{p}/actors/{{code}}", tags=["actors"])
    def one_actor(con: Con, code: Annotated[str, PathParam(pattern=CODE_PATTERN)],
                  limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 50) -> dict[str, Any]:
        """An actor: events as actor and recipient, quotes, partners and adversaries."""
        found = queries.actor(con, code.upper(), limit)
        if not (found["as_actor"]["total"] or found["as_recipient"]["total"]
                or found["quotes"]["total"]):
            raise HTTPException(404, "no events or quotes for this actor")
        return found

    @app.get(f"{p}/timeseries", tags=["aggregates"])
    def timeseries(con: Con, interval: Interval = Interval.week,
                   country: Annotated[str | None, Query(pattern=CODE_PATTERN,
                                                        description="either side")] = None,
                   actor: Annotated[str | None, Query(pattern=CODE_PATTERN)] = None,
                   recipient: Annotated[str | None, Query(pattern=CODE_PATTERN)] = None,
                   both: Annotated[bool, Query(description="the dyad in both directions")] = False,
                   since: Annotated[str | None, Query(pattern=DATE_PATTERN)] = None,
                   until: Annotated[str | None, Query(pattern=DATE_PATTERN)] = None,
                   modality: Modality | None = None,
                   duplicates: bool = False) -> dict[str, Any]:
        """Events per day or week (or month) by PLOVER type and quad class, with mean score."""
        lo, hi = _days(since, until)
        return queries.timeseries(con, interval.value, _upper(country), _upper(actor),
                                  _upper(recipient), both, lo, hi, _value(modality), duplicates)

    @app.get(f"{p}/network", tags=["aggregates"])
    def network(con: Con,
                since: Annotated[str | None, Query(pattern=DATE_PATTERN)] = None,
                until: Annotated[str | None, Query(pattern=DATE_PATTERN)] = None,
                type: EventType | None = None,  # noqa: A002
                modality: Modality | None = None,
                min_weight: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
                limit: Annotated[int, Query(ge=1, le=1000)] = 200,
                duplicates: bool = False) -> dict[str, Any]:
        """Who acts on whom: directed country edges weighted by number of events."""
        lo, hi = _days(since, until)
        return queries.network(con, lo, hi, _value(type), _value(modality), min_weight, limit,
                               duplicates)

    @app.post(f"{p}/analyse", tags=["analyse"])
    def analyse(body: AnalyseIn) -> dict[str, Any]:
        """Code one article now and return its reading; nothing is stored."""
        try:
            art = analysing.read_posted(body.text, published=body.published,
                                        language=body.language, title=body.title)
        except analysing.AnalyseError as exc:
            raise HTTPException(422, str(exc)) from None
        return analysing.reading(analysing.analyse(art))


def _overview(request: Request, actor: str, recipient: str, interval: str | None
              ) -> dict[str, Any]:
    """The overview aggregates, computed once per snapshot (the landing page's cost)."""
    return request.app.state.reader.cached(
        ("overview", actor, recipient, interval),
        lambda con: queries.overview(con, actor, recipient, interval))


def _csv(names: list[str], rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    """CSV in chunks; list columns (countries) joined with ';'."""
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(names)
    for i, r in enumerate(rows, start=1):
        writer.writerow(";".join(v) if isinstance(v, list) else v for v in r.values())
        if i % 500 == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def _jsonl(con: duckdb.DuckDBPyConnection, rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    """The full event records, as `chronique events --format jsonl` prints them."""
    from chronique.store import Store
    from chronique.store.query import event_records

    store = Store(con, "snapshot", read_only=True)
    chunk: list[dict[str, Any]] = []
    for r in rows:
        chunk.append(r)
        if len(chunk) == 500:
            yield "".join(json.dumps(x, ensure_ascii=False) + "\n"
                          for x in event_records(store, chunk))
            chunk = []
    if chunk:
        yield "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in event_records(store, chunk))


# -- pages -----------------------------------------------------------------------------------

def _pages(app: FastAPI, page: Any) -> None:
    """Server-rendered pages; each reads the same queries as the API."""

    def filters(request: Request) -> dict[str, str]:
        keys = ("since", "until", "actor", "recipient", "type", "modality", "text", "duplicates",
                "sort", "order")
        return {k: v for k in keys if (v := _none(request.query_params.get(k)))}

    def page_of(request: Request, size: int = 50) -> Page:
        try:
            n = int(request.query_params.get("page", "1"))
        except ValueError:
            n = 1
        return Page(min(max(n, 1), 1_000_000), size)

    @app.get("/", include_in_schema=False)
    def overview(request: Request) -> HTMLResponse:
        q = request.query_params
        error = None
        actor, recipient = (q.get("actor") or "RUS"), (q.get("recipient") or "PRK")
        interval = _none(q.get("interval"))
        try:
            actor = queries.check_code(actor, "actor") or "RUS"
            recipient = queries.check_code(recipient, "recipient") or "PRK"
            if interval not in (None, *queries.INTERVALS):
                raise ValueError(f"interval: {interval!r} is not day, week or month")
        except ValueError as exc:
            error, actor, recipient, interval = str(exc), "RUS", "PRK", None
        data = _overview(request, actor, recipient, interval)
        return page(request, "overview.html", 422 if error else 200, title="overview",
                    error=error, data=data, actor=actor, recipient=recipient,
                    chart=charts.timeline(data["timeline"]["series"],
                                         data["timeline"]["interval"]),
                    points=charts.map_points(data["places"]))

    @app.get("/events", include_in_schema=False)
    def events(request: Request, con: Con) -> HTMLResponse:
        f = filters(request)
        flt = EventFilter(f.get("since"), f.get("until"), f.get("actor"), f.get("recipient"),
                          f.get("type"), f.get("modality"), f.get("text"),
                          f.get("duplicates") in ("1", "true", "on"))
        sort, order = f.get("sort", "date"), f.get("order", "asc")
        try:
            result = queries.events(con, flt, page_of(request), sort, order)
            error = None
        except ValueError as exc:
            result, error = Page().wrap(0, []), str(exc)
        export = {k: v for k, v in f.items() if k not in ("sort", "order")}
        return page(request, "events.html", 422 if error else 200, title="events", f=f,
                    result=result, error=error, sort=sort, order=order, export=export)

    @app.get("/claims", include_in_schema=False)
    def claims(request: Request, con: Con) -> HTMLResponse:
        country, error = _none(request.query_params.get("country")), None
        try:
            country = queries.check_code(country, "country")
        except ValueError as exc:
            country, error = None, str(exc)
        result = queries.claims(con, page_of(request), country)
        return page(request, "claims.html", 422 if error else 200, title="claims",
                    result=result, country=country or "", error=error)

    @app.get("/articles", include_in_schema=False)
    def articles(request: Request, con: Con) -> HTMLResponse:
        text = _none(request.query_params.get("text"))
        result = queries.articles(con, page_of(request), text=text)
        return page(request, "articles.html", title="articles", result=result, text=text or "")

    @app.get("/articles/{key}", include_in_schema=False)
    def article(request: Request, con: Con, key: str) -> HTMLResponse:
        art = _found(queries.article(con, key[:200]), "article")
        return page(request, "article.html", title=art["title"] or art["source_id"] or "article",
                    art=art, pieces=pieces(art["text"] or "", art["highlights"]))

    @app.get("/actors", include_in_schema=False)
    def actors(request: Request, con: Con) -> HTMLResponse:
        q = _none(request.query_params.get("q"))
        result = queries.actors(con, page_of(request), q)
        return page(request, "actors.html", title="actors", result=result, q=q or "")

    @app.get("/actors/{code}", include_in_schema=False)
    def actor(request: Request, con: Con, code: str) -> HTMLResponse:
        try:
            code = queries.check_code(code, "actor") or ""
        except ValueError as exc:
            raise HTTPException(404, str(exc)) from None
        data = queries.actor(con, code)
        return page(request, "actor.html", title=data["name"], a=data)

    @app.get("/analyse", include_in_schema=False)
    def analyse_form(request: Request) -> HTMLResponse:
        return page(request, "analyse.html", title="analyse", form={}, reading=None)

    @app.post("/analyse", include_in_schema=False)
    def analyse_post(
        request: Request,
        text: Annotated[str, Form(max_length=MAX_TEXT)] = "",
        published: Annotated[str, Form(max_length=40)] = "",
        language: Annotated[str, Form(max_length=5)] = "",
        title: Annotated[str, Form(max_length=1000)] = "",
        upload: Annotated[UploadFile | None, File()] = None,
    ) -> HTMLResponse:
        form = {"text": text, "published": published, "language": language, "title": title}
        data = upload.file.read(MAX_BODY + 1) if upload is not None and upload.filename else b""
        t0 = time.perf_counter()
        try:
            if not data and not text.strip():
                raise analysing.AnalyseError("paste a text or choose a file")
            if language and language not in ("fr", "en"):
                raise analysing.AnalyseError("language: fr or en")
            art = analysing.read_posted(text if not data else None, data or None,
                                        upload.filename if upload else None, _none(published),
                                        _none(language), _none(title))
            if len(art.text) > MAX_TEXT:
                raise analysing.AnalyseError(f"the article is longer than {MAX_TEXT} characters")
        except analysing.AnalyseError as exc:
            return page(request, "analyse.html", 422, title="analyse", form=form, reading=None,
                        error=str(exc))
        result = analysing.analyse(art)
        reading = analysing.reading(result)
        if data and not text:
            form["text"] = art.text
        return page(request, "analyse.html", title="analyse", form=form, reading=reading,
                    pieces=pieces(reading["text"], reading["highlights"]),
                    seconds=time.perf_counter() - t0)
