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
import json
import os
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

import duckdb
from fastapi import Depends, FastAPI, File, Form, HTTPException, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader
from pydantic import BaseModel, Field, field_validator
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from chronique.model import MODALITIES, PLOVER_TYPES, PartialDate
from chronique.web import analyse as analysing
from chronique.web import charts, params, queries, views
from chronique.web.highlight import pieces
from chronique.web.params import MAX_PAGE, Params
from chronique.web.snapshot import SnapshotReader, StoreUnavailable

HERE = Path(__file__).parent
MAX_BODY = 1_000_000  # bytes of a request body
MAX_TEXT = 200_000  # characters of an article to analyse
MAX_EXPORT = 100_000  # rows of one export
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"

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


# -- parameters, as the OpenAPI schema documents them (params.parse checks them) -------------

def _param(name: str, description: str, *, many: bool = False, kind: str = "string",
           enum: tuple[str, ...] | None = None) -> dict[str, Any]:
    schema: dict[str, Any] = {"type": kind}
    if enum:
        schema["enum"] = list(enum)
    if many:
        schema = {"type": "array", "items": schema}
    out = {"name": name, "in": "query", "required": False, "schema": schema,
           "description": description}
    if many:
        out.update(style="form", explode=True)
    return out


P = {
    "since": _param("since", "YYYY[-MM[-DD]]: events ending on or after"),
    "until": _param("until", "YYYY[-MM[-DD]]: events starting on or before"),
    "actor": _param("actor", "actor code, e.g. PRK"),
    "recipient": _param("recipient", "recipient code"),
    "country": _param("country", "either side (several: any of them)", many=True),
    "type": _param("type", "PLOVER type (several: any of them)", many=True, enum=PLOVER_TYPES),
    "modality": _param("modality", "modalities to count; default asserted and historical "
                       "(what the text asserts happened); 'all' for every one", many=True,
                       enum=("all", *MODALITIES)),
    "text": _param("text", "words in the sentence, trigger, evidence or title (accents and "
                   "case ignored)"),
    "source": _param("source", "article source (several: any of them)", many=True),
    "month": _param("month", "YYYY-MM of the event (YYYY when only its year is known); "
                    "several: any", many=True),
    "place": _param("place", "event location name"),
    "duplicates": _param("duplicates", "include near-duplicate articles", kind="boolean"),
    "inferred": _param("inferred", "include events with a side inferred from the article's "
                       "frame (default true)", kind="boolean"),
    "resolved": _param("resolved", "only events whose every actor and recipient has a "
                       "country", kind="boolean"),
    "sort": _param("sort", "sort key", enum=params.SORTS),
    "order": _param("order", "asc or desc", enum=("asc", "desc")),
    "page": _param("page", "page number, from 1", kind="integer"),
    "per_page": _param("per_page", f"rows per page, at most {MAX_PAGE}", kind="integer"),
    "interval": _param("interval", "period of the timeline", enum=params.INTERVALS),
    "both": _param("both", "the dyad in both directions", kind="boolean"),
    "min_weight": _param("min_weight", "least events of an edge", kind="integer"),
    "limit": _param("limit", "at most this many", kind="integer"),
    "q": _param("q", "words (accents and case ignored); actors by any lexicon name"),
    "speaker": _param("speaker", "words of the speaker's name or mention"),
    "article": _param("article", "article id or content hash"),
    "language": _param("language", "fr or en"),
    "facets": _param("facets", "add facet counts (type, modality, country, source, month)",
                     kind="boolean"),
    "format": _param("format", "csv, jsonl or geojson", enum=("csv", "jsonl", "geojson")),
}
FILTER = ("since", "until", "actor", "recipient", "country", "type", "modality", "text",
          "source", "month", "place", "duplicates", "inferred", "resolved")
PAGED = ("page", "per_page")


def _doc(*names: str) -> dict[str, Any]:
    return {"parameters": [P[n] for n in names]}


# -- helpers ---------------------------------------------------------------------------------

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


def _is_api(request: Request) -> bool:
    return request.url.path.startswith(("/api/", "/static/", "/openapi"))


def _flag(request: Request, key: str) -> bool:
    return (request.query_params.get(key) or "").lower() in params.TRUE


def _validation_message(exc: RequestValidationError) -> str:
    """FastAPI's validation errors as one line naming the fields, without the input."""
    parts = []
    for e in exc.errors()[:5]:
        loc = ".".join(str(x) for x in e.get("loc", ()) if x not in ("body", "query", "path"))
        parts.append(f"{loc or 'request'}: {str(e.get('msg', 'invalid'))[:120]}")
    return "; ".join(parts) or "invalid request"


LOCAL_HOSTS = ("127.0.0.1", "localhost", "[::1]", "::1", "testserver")


class HostCheck:
    """Refuses requests whose Host header is not one of `hosts` (421): a page of another site
    resolving its own name to 127.0.0.1 (DNS rebinding) cannot read the API. `None` accepts
    any host (`chronique serve --host` on a non-local address)."""

    def __init__(self, app: ASGIApp, hosts: tuple[str, ...] | None) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.hosts is not None:
            host = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
            name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
            if name.lower() not in self.hosts:
                body = json.dumps({"detail": "unexpected Host header"}).encode()
                await send({"type": "http.response.start", "status": 421,
                            "headers": [(b"content-type", b"application/json"),
                                        (b"content-length", str(len(body)).encode())]})
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)


# -- the app ---------------------------------------------------------------------------------

def create_app(db: str | os.PathLike[str], *, interval: float = 1.0,
               max_body: int = MAX_BODY, hosts: tuple[str, ...] | None = LOCAL_HOSTS,
               preload: bool = False) -> FastAPI:
    """The FastAPI app over the store at `db` (which may not exist yet: pages say so).

    `hosts`: the Host header values served (None: any). `preload`: load the language
    models at start, so that the first analyse does not wait for them.
    """
    reader = SnapshotReader(db, interval=interval)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if preload:
            analysing.preload_in_background()
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
    app.add_middleware(HostCheck, hosts=hosts)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    env = Environment(loader=FileSystemLoader(HERE / "templates"), autoescape=True,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["http_url"] = _http_url
    env.globals.update(country=queries.country_name, qs=_qs, types=PLOVER_TYPES,
                       modalities=MODALITIES, asserted=params.ASSERTED,
                       sorts=list(queries.EVENT_SORTS))
    templates = Jinja2Templates(env=env)
    app.state.templates = templates

    def page(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        snap = reader.info()
        ctx.setdefault("title", name.removesuffix(".html"))
        return templates.TemplateResponse(request, name, {"snapshot": snap, **ctx},
                                          status_code=status)

    def error(request: Request, status: int, message: str,
              headers: dict[str, str] | None = None, note: str | None = None) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": message}, status, headers=headers)
        titles = {404: "not found", 422: "bad request", 503: "store unavailable"}
        return page(request, "error.html", status, title=titles.get(status, str(status)),
                    message=message, headers_note=note, code=status)

    @app.exception_handler(StoreUnavailable)
    async def unavailable(request: Request, exc: StoreUnavailable) -> Response:
        return error(request, 503, str(exc), {"Retry-After": "2"}, "Retry in a moment.")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = str(exc.detail) if exc.status_code != 404 or exc.detail != "Not Found" \
            else "no such page"
        return error(request, exc.status_code, message, getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        return error(request, 422, _validation_message(exc))

    @app.exception_handler(params.BadParam)
    async def bad_param(request: Request, exc: params.BadParam) -> Response:
        return error(request, 422, str(exc))

    @app.exception_handler(params.NotFound)
    async def not_found(request: Request, exc: params.NotFound) -> Response:
        return error(request, 404, str(exc))

    _routes(app, page)
    return app


def _parse(request: Request, **defaults: Any) -> Params:
    return params.parse(request.query_params, **defaults)


def _routes(app: FastAPI, page: Any) -> None:
    """Each view once: its page and its `/api/v1` endpoint read the same data function."""
    api = "/api/v1"

    def both(name: str, page_path: str | None, api_path: str, fn: views.View, template: str,
             doc: str, names: tuple[str, ...], tags: list[str], defaults: dict[str, Any] | None
             = None, extra: Any = None) -> None:
        defaults = defaults or {}

        def data(p: Params) -> dict[str, Any]:
            # once per snapshot and query: a snapshot never changes (the value is shared and
            # never mutated)
            return app.state.reader.cached((name, p.link(), p.page),
                                           lambda c: fn(c, p))

        def json_route(request: Request) -> JSONResponse:
            return JSONResponse(data(_parse(request, **defaults)))

        json_route.__doc__ = doc
        app.add_api_route(f"{api}{api_path}", json_route, methods=["GET"], tags=tags,
                          name=f"api_{name}", openapi_extra=_doc(*names),
                          response_class=JSONResponse)
        if page_path is None:
            return

        def html_route(request: Request) -> HTMLResponse:
            p = _parse(request, **defaults)
            found = data(p)
            more = extra(p, found) if extra else {}
            return page(request, template, title=name, data=found, result=found, p=p, **more)

        app.add_api_route(page_path, html_route, methods=["GET"], include_in_schema=False,
                          name=f"page_{name}")

    @app.get(f"{api}/status", tags=["store"])
    def status(request: Request, con: Con) -> dict[str, Any]:
        """What the server reads: counts and when the snapshot was taken."""
        return {**queries.status(con), **request.app.state.reader.info()}

    both("overview", "/", "/overview", views.overview, "overview.html",
         "Totals (of the modalities chosen, and of each apart), the busiest or chosen dyad's "
         "timeline by quad class, top dyads and event locations with the unplaced count.",
         ("actor", "recipient", "interval", *FILTER[4:]), ["aggregates"],
         extra=lambda p, data: views.overview_charts(data))

    def events_data(p: Params, facets: bool) -> dict[str, Any]:
        """A page of events, read once per snapshot and query (a snapshot never changes)."""
        return app.state.reader.cached(("events", p.link(), p.page, facets),
                                       lambda c: views.events(c, p, facets=facets))

    # the page always shows facets; the API adds them on request (facets=true)
    def events_api(request: Request) -> JSONResponse:
        return JSONResponse(events_data(_parse(request), _flag(request, "facets")))

    events_api.__doc__ = "Events matching the filter, one page at a time (facets on request)."
    app.add_api_route(f"{api}/events", events_api, methods=["GET"], tags=["events"],
                      openapi_extra=_doc(*FILTER, "sort", "order", *PAGED, "facets"))

    @app.get("/events", include_in_schema=False)
    def events_page(request: Request) -> HTMLResponse:
        p = _parse(request)
        data = events_data(p, True)
        return page(request, "events.html", title="events", data=data, result=data, p=p)

    @app.get(f"{api}/events/export", tags=["events"], openapi_extra=_doc(
        *FILTER, "sort", "order", "format", "limit"),
        responses={200: {"content": {"text/csv": {}, "application/x-ndjson": {},
                                     "application/geo+json": {}}}})
    def export_events(request: Request) -> StreamingResponse:
        """Every event of the filter, in its sort (up to `limit`), as CSV, JSON lines or
        GeoJSON (placed events), streamed."""
        p = _parse(request)
        fmt = request.query_params.get("format") or "csv"
        if fmt not in ("csv", "jsonl", "geojson"):
            raise params.BadParam(f"format: {params.shown(fmt)} is not csv, jsonl or geojson")
        limit = min(p.limit if "limit" in request.query_params else MAX_EXPORT, MAX_EXPORT)
        ctx = request.app.state.reader.cursor()
        con = ctx.__enter__()
        try:
            names, rows = queries.iter_events(con, p, limit)
        except BaseException:
            ctx.__exit__(None, None, None)
            raise

        def stream() -> Iterator[str]:
            try:
                if fmt == "csv":
                    yield from views.csv_rows(names, rows)
                elif fmt == "jsonl":
                    yield from views.jsonl_rows(con, rows)
                else:
                    yield from views.geojson(con, p, limit)
            finally:
                ctx.__exit__(None, None, None)

        media = {"csv": "text/csv; charset=utf-8", "jsonl": "application/x-ndjson",
                 "geojson": "application/geo+json"}[fmt]
        name = f"chronique-events.{fmt}"
        return StreamingResponse(stream(), media_type=media,
                                 headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @app.get(f"{api}/events/{{event_id}}", tags=["events"])
    def one_event(con: Con, event_id: Annotated[str, PathParam(max_length=200)]) -> dict[str, Any]:
        """One event with its actors in every role, evidence, paragraph and cluster."""
        return views.event(con, event_id)

    @app.get("/events/{event_id}", include_in_schema=False)
    def event_page(request: Request, con: Con, event_id: str) -> HTMLResponse:
        e = views.event(con, event_id)
        return page(request, "event.html", title=f"{e['event']} event", e=e)

    both("claims", "/claims", "/claims", views.claims, "claims.html",
         "Contested claims: events alleged or denied, with who asserts and who denies "
         "(every modality).", ("country", "since", "until", "type", "text", "duplicates",
                               "inferred", "resolved", *PAGED), ["events"])
    both("quotes", "/quotes", "/quotes", views.quotes, "quotes.html",
         "Who said what: quotes with their speaker, by country, speaker, words, article and "
         "publication date.", ("country", "speaker", "text", "article", "since", "until",
                               "duplicates", *PAGED), ["quotes"])
    both("articles", "/articles", "/articles", views.articles, "articles.html",
         "Stored articles, newest first.", ("text", "since", "until", "language", *PAGED),
         ["articles"])

    @app.get(f"{api}/articles/{{key}}", tags=["articles"])
    def one_article(con: Con, key: Annotated[str, PathParam(max_length=200)]) -> dict[str, Any]:
        """An article (by content hash or source id) with its events, quotes and highlights."""
        return views.article(con, key)

    @app.get("/articles/{key}", include_in_schema=False)
    def article_page(request: Request, con: Con, key: str) -> HTMLResponse:
        art = views.article(con, key)
        return page(request, "article.html", title=art["title"] or art["source_id"] or "article",
                    art=art, pieces=pieces(art["text"] or "", art["highlights"]))

    both("actors", "/actors", "/actors", views.actors, "actors.html",
         "Actor codes by activity (events both ways, of the modalities chosen, and quotes); "
         "q finds them by any lexicon name.", ("q", "modality", "since", "until",
                                              "duplicates", "inferred", "resolved", *PAGED),
         ["actors"])

    def actor_data(request: Request, con: duckdb.DuckDBPyConnection, code: str
                   ) -> dict[str, Any]:
        try:
            c = params.code(code, "actor") or ""
        except params.BadParam as exc:
            raise params.NotFound(str(exc)) from None
        return views.actor(con, c, _parse(request))

    @app.get(f"{api}/actors/{{code}}", tags=["actors"], openapi_extra=_doc(
        "modality", "since", "until", "duplicates", "inferred", "resolved", "per_page"))
    def one_actor(request: Request, con: Con,
                  code: Annotated[str, PathParam(max_length=20)]) -> dict[str, Any]:
        """An actor: events as actor and recipient, quotes, partners and adversaries."""
        return actor_data(request, con, code)

    @app.get("/actors/{code}", include_in_schema=False)
    def actor_page(request: Request, con: Con, code: str) -> HTMLResponse:
        data = actor_data(request, con, code)
        return page(request, "actor.html", title=data["name"], a=data, p=_parse(request))

    both("timeseries", None, "/timeseries", views.timeseries, "",
         "Events per period by PLOVER type and quad class, with mean score; events dated "
         "more coarsely than the period come apart as spans.",
         ("interval", "both", *FILTER), ["aggregates"])
    both("network", "/network", "/network", views.network, "network.html",
         "Who acts on whom: directed edges weighted by events, with mean scores.",
         (*FILTER, "min_weight", "limit"), ["aggregates"],
         extra=lambda p, data: {"graph": charts.network(data)})
    both("map", "/map", "/places", views.places, "map.html",
         "Event locations of the filter and the number of unplaced events.", FILTER,
         ["aggregates"], extra=lambda p, data: {"points": charts.map_points(data["places"])})
    both("search", "/search", "/search", views.search, "search.html",
         "One search across actors (by any lexicon name), events, quotes and articles; "
         "accents and case ignored.", ("q",), ["search"])

    @app.post(f"{api}/analyse", tags=["analyse"])
    def analyse(body: AnalyseIn) -> dict[str, Any]:
        """Code one article now and return its reading; nothing is stored."""
        try:
            art = analysing.read_posted(body.text, published=body.published,
                                        language=body.language, title=body.title)
        except analysing.AnalyseError as exc:
            raise HTTPException(422, str(exc)) from None
        return analysing.reading(analysing.analyse(art))

    @app.get("/analyse", include_in_schema=False)
    def analyse_form(request: Request) -> HTMLResponse:
        return page(request, "analyse.html", title="analyse", form={}, reading=None,
                    ready=analysing.ready())

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
            if published.strip():
                try:
                    PartialDate.parse(published.strip())
                except ValueError:
                    raise analysing.AnalyseError(
                        f"published: {params.shown(published.strip())} is not a date "
                        "YYYY, YYYY-MM or YYYY-MM-DD") from None
            art = analysing.read_posted(text if not data else None, data or None,
                                        upload.filename if upload else None, _none(published),
                                        _none(language), _none(title))
            if len(art.text) > MAX_TEXT:
                raise analysing.AnalyseError(f"the article is longer than {MAX_TEXT} characters")
        except analysing.AnalyseError as exc:
            return page(request, "analyse.html", 422, title="analyse", form=form, reading=None,
                        error=str(exc), ready=analysing.ready())
        result = analysing.analyse(art)
        reading = analysing.reading(result)
        if data and not text:
            form["text"] = art.text
        return page(request, "analyse.html", title="analyse", form=form, reading=reading,
                    pieces=pieces(reading["text"], reading["highlights"]),
                    seconds=time.perf_counter() - t0, ready=True)


def _none(v: str | None) -> str | None:
    """Empty form fields mean 'any'."""
    if v is None:
        return None
    v = v.strip()
    return v or None
