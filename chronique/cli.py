"""Command line: extract · eval (and, registered by their modules, ingest · events · export ·
failures · serve).

Bad input is reported as one line on stderr naming the input and the problem; the batch goes
on, and the exit status is 1 when any input failed, 2 on a usage error.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from chronique.model import Article, ArticleResult
from chronique.read.base import printable

app = typer.Typer(
    help="chronique: political event data (PLOVER/CAMEO) from French and English news.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)


class Format(StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


def read_articles(
    paths: list[str], published: str | None, language: str | None, failures: list[str]
) -> Iterator[Article]:
    """Articles from the readers; each failed input is reported once and remembered."""
    from chronique.read import read_inputs

    try:
        items = read_inputs(paths, published=published, language=language)
    except ValueError as exc:
        err.print(f"chronique: {exc}", markup=False)
        raise typer.Exit(2) from None
    for item in items:
        for w in item.warnings:
            err.print(f"warning: {printable(w)}", markup=False)
        if item.article is None:
            failures.append(item.error or f"{item.origin}: unreadable")
            err.print(f"error: {printable(item.error or item.origin)}", markup=False)
            continue
        yield item.article


def _dump(result: ArticleResult) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False)


def print_table(result: ArticleResult, console: Console) -> None:
    """A reading of one article for people: speakers and quotes, events, actors."""
    console.rule(f"[bold]{result.id}[/] · published {result.published or '?'} · {result.language}")
    qt = Table(title="Who said what", show_lines=False, expand=True)
    for col in ("speaker", "country", "kind", "cue", "quote"):
        qt.add_column(col, overflow="fold")
    for q in result.quotes:
        sp = q.speaker
        qt.add_row(sp.name or sp.text, sp.country or "", q.kind, q.cue or "", q.text[:160])
    console.print(qt)
    et = Table(title="Events", expand=True)
    for col in ("type", "actor", "recipient", "modality", "date", "claimed by", "trigger"):
        et.add_column(col, overflow="fold")
    for e in result.events:
        et.add_row(
            e.event + (f"/{e.mode}" if e.mode else ""),
            ", ".join(a.country or "?" for a in e.actor),
            ", ".join(a.country or "?" for a in e.recipient),
            e.modality
            + (
                f" (denied by {', '.join(a.country or '?' for a in e.denied_by)})"
                if e.denied_by
                else ""
            ),
            (
                e.date.start
                if e.date and e.date.precision == "day"
                else f"{e.date.start[:7] if e.date.precision == 'month' else e.date.start[:4]}"
                f" ({e.date.precision})"
            )
            if e.date
            else "",
            ", ".join(a.country or a.text for a in e.attributed_to),
            (e.trigger or {}).get("text", ""),
        )
    console.print(et)
    at = Table(title="Actors", expand=True)
    for col in ("mention", "name", "country", "sector"):
        at.add_column(col, overflow="fold")
    seen = set()
    for a in result.entities:
        key = (a.text, a.country, a.sector)
        if key in seen:
            continue
        seen.add(key)
        at.add_row(a.text, a.name or "", a.country or "", a.sector or "")
    console.print(at)
    for e in result.errors:
        console.print(f"[yellow]note:[/] {e}", markup=True)


def explain(result: ArticleResult) -> str:
    """Every trigger candidate of an article in reading order: coded (with its sides) or
    dropped, with the stage, the rule id and the reason."""
    rows: list[tuple[int, str]] = []
    for e in result.events:
        for ev in e.evidence:
            sides = "{} → {}".format(
                ", ".join(a.country or f"?{a.text}" for a in e.actor) or "∅",
                ", ".join(a.country or f"?{a.text}" for a in e.recipient) or "∅",
            )
            rows.append(
                (
                    ev.start,
                    f"  {ev.start:>6}  coded    {e.event:<9} {ev.rule:<34} «{ev.trigger}» {sides}",
                )
            )
    for d in result.dropped:
        rows.append(
            (
                d.start,
                f"  {d.start:>6}  dropped  {d.type:<9} {d.rule:<34} «{d.trigger}»"
                f" at {d.stage}: {d.reason}",
            )
        )
    head = (
        f"{result.id} · {len(result.events)} event(s), {len(result.dropped)} dropped candidate(s)"
    )
    return "\n".join([head] + [line for _, line in sorted(rows)]) + "\n"


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="files, directories, or - for stdin"),
    fmt: Format = typer.Option(Format.jsonl, "--format", "-f", help="jsonl, json or table"),
    published: str = typer.Option(None, help="publication date for inputs that give none"),
    language: str = typer.Option(None, help="language for inputs that declare none (fr, en)"),
    show: bool = typer.Option(
        False, "--explain", help="list each trigger candidate: coded, or dropped and why"
    ),
) -> None:
    """Read articles and print their actors, quotes and events."""
    from chronique.pipeline import process_stream
    from chronique.store.rows import is_failure

    failures: list[str] = []
    articles = read_articles(paths, published, language, failures)
    console = Console(width=160) if fmt == Format.table else None
    out = sys.stdout
    first = True
    if fmt == Format.json and not show:
        out.write("[")
    n = 0
    for result in process_stream(articles):
        n += 1
        for e in result.errors:
            if is_failure(e):
                failures.append(e)
                err.print(f"error: {printable(e)}", markup=False)
        if show:
            out.write(explain(result))
        elif fmt == Format.table:
            print_table(result, console)  # type: ignore[arg-type]
        elif fmt == Format.json:
            out.write(("" if first else ",\n") + _dump(result))
        else:
            out.write(_dump(result) + "\n")
        first = False
        out.flush()
    if fmt == Format.json and not show:
        out.write("]\n")
    if failures:
        err.print(f"{len(failures)} input(s) failed, {n} article(s) processed", markup=False)
        raise typer.Exit(1)


@app.command("eval")
def eval_cmd(
    gold_dir: Path = typer.Argument(..., help="folder of gold JSON files (GOLD.md)"),
    inputs: list[str] = typer.Argument(None, help="articles to code, or JSONL results"),
    errors: bool = typer.Option(False, "--errors", help="list each false positive/negative"),
    as_json: bool = typer.Option(False, "--json", help="print the scores as JSON"),
    plover: Path = typer.Option(None, "--plover", help="score on PLOVER English gold records"),
    half: str = typer.Option(
        None, "--half", help="score one half of the fixed split: tune (even ids) or check (odd)"
    ),
) -> None:
    """Score chronique against gold readings (shared/GOLD.md rules)."""
    from chronique import evaluate
    from chronique.pipeline import process_stream

    if plover is not None:
        recs = evaluate.load_plover_gold(plover)
        arts = [Article(id=r["id"], text=r["text"], language="en") for r in recs]
        preds = list(process_stream(arts))
        s = evaluate.score_plover(recs, preds)
        print(
            json.dumps(s, ensure_ascii=False, indent=1)
            if as_json
            else evaluate.format_plover_report(s, errors=errors)
        )
        return
    try:
        golds = evaluate.load_gold(gold_dir)
    except (OSError, ValueError) as exc:
        err.print(f"chronique eval: {gold_dir}: {exc}", markup=False)
        raise typer.Exit(2) from None
    if half is not None:
        if half not in evaluate.HALVES:
            err.print(f"chronique eval: --half {half!r}: use tune or check", markup=False)
            raise typer.Exit(2)
        golds = {k: g for k, g in golds.items() if evaluate.half_of(k) == half}
    failures: list[str] = []
    wanted = set(golds)
    results: dict[str, ArticleResult] = {}
    to_code = []
    for p in inputs or []:
        if p.endswith((".results.jsonl", ".results.json")):
            results.update(evaluate.load_results(p))
        else:
            to_code.append(p)
    if to_code:
        arts = (a for a in read_articles(to_code, None, None, failures) if a.id in wanted)
        for r in process_stream(arts):
            results[r.id] = r
    score = evaluate.score_corpus(golds, results)
    if as_json:
        print(json.dumps(score.to_dict(), ensure_ascii=False, indent=1))
    else:
        print(evaluate.format_report(score, errors=errors))


# -- the event store: ingest · failures · events · export (chronique.store) ---------------------

DEFAULT_DB = "chronique.duckdb"


class EventsFormat(StrEnum):
    table = "table"
    jsonl = "jsonl"


class ExportFormat(StrEnum):
    csv = "csv"
    parquet = "parquet"
    jsonl = "jsonl"
    plover = "plover"
    gdelt = "gdelt"


def _store_fail(command: str, exc: Exception) -> typer.Exit:
    err.print(f"chronique {command}: {printable(str(exc))}", markup=False)
    return typer.Exit(1)


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="files, directories, or - for stdin"),
    db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB file to create or add to"),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="local worker processes"),
    scheduler: str = typer.Option(
        None, "--scheduler", help="Dask scheduler address, e.g. tcp://host:8786"
    ),
    batch_size: int = typer.Option(
        32, "--batch-size", min=1, help="articles per chunk and per transaction"
    ),
    published: str = typer.Option(None, help="publication date for inputs that give none"),
    language: str = typer.Option(None, help="language for inputs that declare none (fr, en)"),
    limit: int = typer.Option(None, "--limit", min=1, help="stop after this many articles"),
) -> None:
    """Code articles into a DuckDB store; idempotent, and resumable after a crash."""
    import time

    from chronique.batch import RunnerError
    from chronique.store import StoreError
    from chronique.store.ingest import ingest as run_ingest
    from chronique.store.progress import BarReporter, LineReporter

    tty = err.is_terminal
    reporter = BarReporter(err) if tty else LineReporter(err)
    t0 = time.perf_counter()
    try:
        summary = run_ingest(
            paths,
            db,
            workers=workers,
            scheduler=scheduler,
            batch_size=batch_size,
            published=published,
            language=language,
            reporter=reporter,
            count_first=tty and "-" not in paths,
            limit=limit,
        )
    except ValueError as exc:
        reporter.stop()
        err.print(f"chronique ingest: {exc}", markup=False)
        raise typer.Exit(2) from None
    except (StoreError, RunnerError) as exc:
        reporter.stop()
        raise _store_fail("ingest", exc) from None
    except KeyboardInterrupt:
        reporter.stop()
        err.print(
            f"chronique ingest: interrupted after {time.perf_counter() - t0:.0f} s; every "
            "committed batch is kept: run the same command again to resume",
            markup=False,
        )
        raise typer.Exit(130) from None
    reporter.stop()
    s, t = summary, summary.totals
    err.print(
        f"{s.stored} article(s) stored ({s.duplicates} near-duplicate), {s.events} event(s), "
        f"{s.quotes} quote(s), {s.failures} failure(s), {s.skipped} already stored; "
        f"{s.seconds:.1f} s, {s.rate:.1f} articles/s",
        markup=False,
    )
    err.print(
        f"{db}: {t['articles']} articles ({t['duplicates']} near-duplicates), "
        f"{t['events']} events in {t['event_clusters']} merged events, {t['quotes']} quotes, "
        f"{t['failures']} failures",
        markup=False,
    )
    if s.failures:
        raise typer.Exit(1)


@app.command()
def failures(
    db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB file written by ingest"),
    fmt: EventsFormat = typer.Option(EventsFormat.table, "--format", "-f", help="table or jsonl"),
) -> None:
    """List the inputs and articles that could not be read or coded."""
    from chronique.store import Store, StoreError

    try:
        with Store.open(db, read_only=True) as store, store.guard():
            rows = store.failures()
    except StoreError as exc:
        raise _store_fail("failures", exc) from None
    if fmt == EventsFormat.jsonl:
        for when, kind, origin, error, attempts in rows:
            print(
                json.dumps(
                    {
                        "time": when.isoformat(timespec="seconds"),
                        "kind": kind,
                        "input": origin,
                        "error": error,
                        "attempts": attempts,
                    },
                    ensure_ascii=False,
                )
            )
        return
    table = Table(title=f"{len(rows)} failure(s) in {db}", expand=True)
    for col in ("time", "kind", "input", "error", "tries"):
        table.add_column(col, overflow="fold")
    for when, kind, origin, error, attempts in rows:
        table.add_row(
            when.isoformat(sep=" ", timespec="seconds"),
            kind,
            printable(origin),
            printable(error),
            str(attempts),
        )
    Console(width=160).print(table)


@app.command()
def events(
    db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB file written by ingest"),
    since: str = typer.Option(None, help="events ending on or after YYYY[-MM[-DD]]"),
    until: str = typer.Option(None, help="events starting on or before YYYY[-MM[-DD]]"),
    actor: str = typer.Option(None, help="actor country (ISO 3166 alpha-3, e.g. RUS)"),
    recipient: str = typer.Option(None, help="recipient country (ISO alpha-3)"),
    event_type: str = typer.Option(None, "--type", help="PLOVER type, e.g. ACCUSE"),
    modality: str = typer.Option(None, help="asserted, alleged, denied, future, …"),
    text: str = typer.Option(None, help="words in the sentence, trigger or title"),
    duplicates: bool = typer.Option(
        False, "--duplicates", help="include events of near-duplicate articles"
    ),
    inferred: bool = typer.Option(
        True,
        "--inferred/--no-inferred",
        help="include events whose actor or recipient is inferred from the article's frame",
    ),
    resolved_only: bool = typer.Option(
        False, "--resolved-only", help="only events whose every actor and recipient has a country"
    ),
    limit: int = typer.Option(50, "--limit", min=0, help="at most this many (0: all)"),
    fmt: EventsFormat = typer.Option(EventsFormat.table, "--format", "-f", help="table or jsonl"),
) -> None:
    """Query stored events."""
    from chronique.store import Store, StoreError
    from chronique.store.query import EventFilter, event_records
    from chronique.store.query import events as find_events

    flt = EventFilter(
        since, until, actor, recipient, event_type, modality, text, duplicates, inferred,
        resolved_only,
    )
    try:
        flt.where()
    except ValueError as exc:
        err.print(f"chronique events: {exc}", markup=False)
        raise typer.Exit(2) from None
    try:
        with Store.open(db, read_only=True) as store, store.guard():
            rows = find_events(store, flt, limit or None)
            records = event_records(store, rows) if fmt == EventsFormat.jsonl else []
    except StoreError as exc:
        raise _store_fail("events", exc) from None
    if fmt == EventsFormat.jsonl:
        for rec in records:
            print(json.dumps(rec, ensure_ascii=False))
        return
    table = Table(title=f"{len(rows)} event(s)", expand=True)
    for col in ("date", "type", "actor", "recipient", "modality", "articles", "source", "text"):
        table.add_column(col, overflow="fold")
    for r in rows:
        when = r["date_start"] or ""
        if r["date_end"] and r["date_end"] != r["date_start"]:
            when = f"{when}…{r['date_end']}"
        table.add_row(
            when,
            r["event"] + (f"/{r['mode']}" if r["mode"] else ""),
            ",".join(r["actor_countries"] or []),
            ",".join(r["recipient_countries"] or []),
            r["modality"],
            str(r["cluster_articles"] or 1),
            printable(r["article"] or ""),  # stored text is normalised, but older stores…
            printable((r["text"] or "")[:140]),
        )
    Console(width=160).print(table)


@app.command()
def export(
    db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB file written by ingest"),
    fmt: ExportFormat = typer.Option(
        ..., "--format", "-f", help="csv, parquet, jsonl, plover or gdelt"
    ),
    out: Path = typer.Option(..., "--out", "-o", help="file to write"),
    table: str = typer.Option(
        "events",
        "--table",
        help="for csv/parquet: events, clusters, articles, "
        "article_sources, paragraphs, entities, quotes, evidence, event_actors or failures",
    ),
    location_kind: str | None = typer.Option(
        None, "--location-kind", help="keep only events whose location was found this way: "
        "sentence (named in the event's clause), article (the article's setting), actor (the "
        "country its sides imply); several: sentence,article",
    ),
) -> None:
    """Export the store: tables (CSV/Parquet), results (JSONL), PLOVER JSONL, GDELT 2.0 TSV."""
    from chronique.store import Store, StoreError
    from chronique.store.export import export as run_export

    try:
        with Store.open(db, read_only=True) as store:
            n = run_export(store, fmt.value, out, table, location_kind)
    except ValueError as exc:
        err.print(f"chronique export: {exc}", markup=False)
        raise typer.Exit(2) from None
    except StoreError as exc:
        raise _store_fail("export", exc) from None
    err.print(f"{n} record(s) written to {out}", markup=False)


@app.command()
def serve(
    db: Path = typer.Option(DEFAULT_DB, "--db", help="DuckDB file written by ingest"),
    host: str = typer.Option(
        "127.0.0.1",
        "--host",
        help="address to listen on (0.0.0.0: every interface, reachable from other machines)",
    ),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="TCP port"),
    refresh: float = typer.Option(
        1.0, "--refresh", min=0.0, help="seconds between checks of the database for new data"
    ),
) -> None:
    """Serve the store as a JSON API (/api/v1, /openapi.json) and dashboard pages."""
    try:
        import uvicorn

        from chronique.web import create_app
    except ImportError as exc:  # pragma: no cover - a dependency
        err.print(f"chronique serve: needs the web dependencies ({exc})", markup=False)
        raise typer.Exit(1) from None
    if not db.exists():
        err.print(
            f"chronique serve: warning: {db} does not exist yet; pages will say so until "
            "`chronique ingest` creates it",
            markup=False,
        )
    err.print(f"chronique serve: {db} on http://{host}:{port}/ (Ctrl-C to stop)", markup=False)
    # Host headers other than the local names are refused (DNS rebinding) unless --host opens
    # the server to other machines.
    local = host in ("127.0.0.1", "localhost", "::1")
    uvicorn.run(create_app(db, interval=refresh, preload=True,
                           **({} if local else {"hosts": None})),
                host=host, port=port, log_level="warning")


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
