"""Highlight spans of an article: actors, event triggers, time expressions and quotes.

Spans overlap (a quote holds actors and triggers), so the page does not nest tags: the text
is cut at every span boundary and each piece carries the kinds of all spans covering it. The
pieces are plain strings; the template escapes them like any other text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from chronique.model import ArticleResult

KINDS = ("quote", "actor", "time", "trigger")


def _name(a: Any) -> str:
    name = a.name or a.text
    return f"{name} ({a.country})" if a.country else name


def highlights(result: ArticleResult) -> list[dict[str, Any]]:
    """Every span to mark in `result.text`, as {start, end, kind, label, event?}."""
    n = len(result.text or "")
    spans: list[dict[str, Any]] = []

    def add(start: int | None, end: int | None, kind: str, label: str, **extra: Any) -> None:
        if start is None or end is None or not 0 <= start < end <= n:
            return
        spans.append({"start": start, "end": end, "kind": kind, "label": label, **extra})

    for q in result.quotes:
        add(q.start, q.end, "quote", f"{q.kind} quote of {_name(q.speaker)}")
    for a in result.entities:
        add(a.start, a.end, "actor", _name(a) + (f", {a.sector}" if a.sector else ""))
    for t in result.times:
        when = t.value_start if t.value_start == t.value_end else f"{t.value_start}…{t.value_end}"
        add(t.start, t.end, "time", f"{when} ({t.precision})")
    for i, e in enumerate(result.events):
        label = f"{e.event} · {e.modality}"
        seen: set[tuple[int, int]] = set()
        for ev in e.evidence:
            if (ev.start, ev.end) not in seen:
                seen.add((ev.start, ev.end))
                add(ev.start, ev.end, "trigger", label, event=i)
        trig = e.trigger or {}
        if not seen and trig.get("start") is not None:
            add(trig.get("start"), trig.get("end"), "trigger", label, event=i)
    spans.sort(key=lambda s: (s["start"], -s["end"], KINDS.index(s["kind"])))
    return spans


@dataclass
class Piece:
    text: str
    kinds: tuple[str, ...]
    labels: tuple[str, ...]
    events: tuple[int, ...]

    @property
    def css(self) -> str:
        return " ".join(f"hl-{k}" for k in self.kinds)

    @property
    def title(self) -> str:
        return " | ".join(self.labels)


def pieces(text: str, spans: list[dict[str, Any]]) -> list[Piece]:
    """`text` cut at every span boundary; each piece knows the spans that cover it."""
    cuts = {0, len(text)}
    for s in spans:
        cuts.update((s["start"], s["end"]))
    bounds = sorted(c for c in cuts if 0 <= c <= len(text))
    out: list[Piece] = []
    for lo, hi in zip(bounds, bounds[1:], strict=False):
        cover = [s for s in spans if s["start"] <= lo and hi <= s["end"]]
        kinds = tuple(k for k in KINDS if any(s["kind"] == k for s in cover))
        labels = tuple(dict.fromkeys(s["label"] for s in cover))
        events = tuple(sorted({s["event"] for s in cover if "event" in s}))
        out.append(Piece(text[lo:hi], kinds, labels, events))
    return out
