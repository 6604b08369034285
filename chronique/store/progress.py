"""How `chronique ingest` reports progress: a rich bar on a terminal, plain lines otherwise.

The plain lines (one per committed batch at most every few seconds, and always the first)
keep logs readable and tell a supervising process that data has been committed.
"""

from __future__ import annotations

import time

from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from chronique.read.base import printable
from chronique.store.ingest import IngestSummary


class RateColumn(ProgressColumn):
    """Articles per second over the whole run (rich's own speed is a short moving window)."""

    def render(self, task: Task) -> Text:
        elapsed = task.elapsed or 0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:5.1f} articles/s", style="progress.data.speed")


class Warnings:
    """Reader warnings (a date unknown, control characters removed, a legacy encoding…): the
    first ones are printed, then one line says that more are not; a corpus without dates
    would otherwise print one line per article."""

    SHOWN = 20

    def __init__(self) -> None:
        self.count = 0

    def show(self, console: Console, message: str) -> None:
        self.count += 1
        if self.count <= self.SHOWN:
            console.print(f"warning: {printable(message)}", markup=False, highlight=False)
        elif self.count == self.SHOWN + 1:
            console.print(f"warning: more warnings are not shown (the first {self.SHOWN} were)",
                          markup=False, highlight=False)


class BarReporter:
    def __init__(self, console: Console) -> None:
        self.console = console
        self.progress = Progress(
            TextColumn("[bold]ingest[/]"),
            BarColumn(bar_width=24),
            MofNCompleteColumn(),
            RateColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            TextColumn("{task.description}"),
            console=console,
            transient=False,
        )
        self.task = None
        self.warnings = Warnings()

    def start(self, total: int | None, engine: str) -> None:
        self.progress.start()
        self.progress.console.print(f"ingest: coding {engine}", markup=False, highlight=False)
        self.task = self.progress.add_task("", total=total)

    def advance(self, n: int) -> None:
        self.progress.advance(self.task, n)  # type: ignore[arg-type]

    def failure(self, message: str) -> None:
        self.progress.console.print(
            f"[red]error:[/] {escape(printable(message))}", markup=True, highlight=False
        )

    def warning(self, message: str) -> None:
        self.warnings.show(self.console, message)

    def committed(self, summary: IngestSummary) -> None:
        self.progress.update(
            self.task,  # type: ignore[arg-type]
            description=f"{summary.stored} stored, {summary.failures} failed",
        )

    def stop(self) -> None:
        self.progress.stop()


class LineReporter:
    def __init__(self, console: Console, every: float = 5.0) -> None:
        self.console = console
        self.every = every
        self.done = 0
        self.total: int | None = None
        self.last = 0.0
        self.t0 = time.perf_counter()
        self.warnings = Warnings()

    def start(self, total: int | None, engine: str) -> None:
        self.total = total
        self.t0 = time.perf_counter()
        self.console.print(f"ingest: coding {engine}", markup=False, highlight=False)

    def advance(self, n: int) -> None:
        self.done += n

    def failure(self, message: str) -> None:
        self.console.print(f"error: {printable(message)}", markup=False, highlight=False)

    def warning(self, message: str) -> None:
        self.warnings.show(self.console, message)

    def committed(self, summary: IngestSummary) -> None:
        t = time.perf_counter()
        if summary.batches > 1 and t - self.last < self.every:
            return
        self.last = t
        of = f"/{self.total}" if self.total else ""
        rate = self.done / (t - self.t0) if t > self.t0 else 0.0
        self.console.print(
            f"ingest: {self.done}{of} articles done, {summary.stored} stored, "
            f"{summary.events} events, {summary.failures} failed ({rate:.1f} articles/s)",
            markup=False,
            highlight=False,
        )

    def stop(self) -> None:
        pass
