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
            err.print(f"warning: {w}", markup=False)
        if item.article is None:
            failures.append(item.error or f"{item.origin}: unreadable")
            err.print(f"error: {item.error}", markup=False)
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


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="files, directories, or - for stdin"),
    fmt: Format = typer.Option(Format.jsonl, "--format", "-f", help="jsonl, json or table"),
    published: str = typer.Option(None, help="publication date for inputs that give none"),
    language: str = typer.Option(None, help="language for inputs that declare none (fr, en)"),
) -> None:
    """Read articles and print their actors, quotes and events."""
    from chronique.pipeline import process_stream

    failures: list[str] = []
    articles = read_articles(paths, published, language, failures)
    console = Console(width=160) if fmt == Format.table else None
    out = sys.stdout
    first = True
    if fmt == Format.json:
        out.write("[")
    n = 0
    for result in process_stream(articles):
        n += 1
        for e in result.errors:
            if "extractor failed" in e or "not supported" in e:
                failures.append(e)
                err.print(f"error: {e}", markup=False)
        if fmt == Format.table:
            print_table(result, console)  # type: ignore[arg-type]
        elif fmt == Format.json:
            out.write(("" if first else ",\n") + _dump(result))
        else:
            out.write(_dump(result) + "\n")
        first = False
        out.flush()
    if fmt == Format.json:
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


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
