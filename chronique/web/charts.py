"""Geometry for the server-drawn SVG charts: the dyad timeline and the event map.

Charts are drawn on the server as inline SVG so that pages need no chart library and show
their data without JavaScript; this module only computes coordinates, the templates draw.

The timeline's x axis is time itself: a bar starts at its period's first day and is as wide as
the period, so a gap of three months is three months wide whatever the interval, and periods
without events are empty space, never dropped. The y axis has a scale (ticks above and below
the middle line). Events dated more coarsely than the interval (only the month, only the year)
are not put on their first day: they are drawn as spans over their whole month or year.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

QUADS_UP = ("material_cooperation", "verbal_cooperation")  # from the axis outwards
QUADS_DOWN = ("material_conflict", "verbal_conflict")


@dataclass
class Timeline:
    width: int
    height: int
    mid: float
    left: float = 0
    right: float = 0
    top: float = 0
    bottom: float = 0
    bars: list[dict[str, Any]] = field(default_factory=list)
    ticks: list[dict[str, Any]] = field(default_factory=list)
    yticks: list[dict[str, Any]] = field(default_factory=list)
    scores: list[dict[str, float]] = field(default_factory=list)
    spans: list[dict[str, Any]] = field(default_factory=list)
    outside: list[dict[str, Any]] = field(default_factory=list)  # coarse spans off the axis
    max_count: int = 0
    first: str = ""
    last: str = ""


def period_end(d: date, interval: str) -> date:
    """The last day of the period that starts on `d`."""
    if interval == "day":
        return d
    if interval == "week":
        return d + timedelta(days=6)
    if interval == "month":
        return date(d.year + d.month // 12, d.month % 12 + 1, 1) - timedelta(days=1)
    return date(d.year, 12, 31)


def _nice(peak: int) -> int:
    """A round step for about four y ticks."""
    raw = max(peak / 4, 1)
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 5, 10):
        if m * mag >= raw:
            return int(m * mag)
    return int(10 * mag)


def _time_ticks(lo: date, hi: date, most: int = 8) -> list[date]:
    """Round dates (years, months or days) between lo and hi, at most `most`."""
    days = (hi - lo).days + 1
    if days > 365 * 2:
        step = max(1, math.ceil((hi.year - lo.year + 1) / most))
        return [date(y, 1, 1) for y in range(lo.year, hi.year + 2, step)
                if lo <= date(y, 1, 1) <= hi]
    if days > 62:
        months = (hi.year - lo.year) * 12 + hi.month - lo.month + 1
        step = max(1, math.ceil(months / most))
        out, y, m = [], lo.year, lo.month
        for i in range(months + 1):
            d = date(y, m, 1)
            if i % step == 0 and lo <= d <= hi:
                out.append(d)
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out
    step = max(1, math.ceil(days / most))
    return [lo + timedelta(days=i) for i in range(0, days, step)]


def timeline(series: list[dict[str, Any]], interval: str = "week", width: int = 900,
             height: int = 260, spans: list[dict[str, Any]] | None = None) -> Timeline:
    """Cooperation above the axis, conflict below, each bar split into its quad classes,
    placed and sized by date; mean score as dots; coarse-dated events as spans."""
    spans = spans or []
    top, bottom, left, right = 12, 40 if spans else 22, 34, 10
    chart = Timeline(width, height, mid=top + (height - top - bottom) / 2, left=left,
                     right=width - right, top=top, bottom=height - bottom)
    if not series and not spans:
        return chart
    starts = [date.fromisoformat(s["period"]) for s in series]
    ends = [period_end(d, interval) for d in starts]
    if not starts:  # only coarse dates: the axis is their span
        starts = [date.fromisoformat(s["start"]) for s in spans]
        ends = [date.fromisoformat(s["end"]) for s in spans]
    # the axis is the precise dates' range: a year-dated event does not stretch it; its span
    # is drawn where it overlaps and counted apart where it does not
    lo, hi = min(starts), max(ends)
    total = (hi - lo).days + 1
    plot = width - left - right
    half = (height - top - bottom) / 2

    def x_of(d: date) -> float:
        return left + (d - lo).days / total * plot

    peak = max([max(s["cooperation"], s["conflict"]) for s in series] or [1]) or 1
    step = _nice(peak)
    scale_top = max(step * math.ceil(peak / step), 1)
    chart.max_count = peak
    chart.first, chart.last = lo.isoformat(), hi.isoformat()
    for s in series:
        d = date.fromisoformat(s["period"])
        end = period_end(d, interval)
        x = x_of(d)
        w = max(x_of(end + timedelta(days=1)) - x, 1.5)
        gap = w * 0.12 if w > 6 else 0
        parts: list[dict[str, Any]] = []
        y = chart.mid
        for q in QUADS_UP:
            h = s["by_quad"].get(q, 0) / scale_top * half
            if h:
                y -= h
                parts.append({"quad": q, "y": round(y, 2), "h": round(h, 2),
                              "n": s["by_quad"][q]})
        y = chart.mid
        for q in QUADS_DOWN:
            h = s["by_quad"].get(q, 0) / scale_top * half
            if h:
                parts.append({"quad": q, "y": round(y, 2), "h": round(h, 2),
                              "n": s["by_quad"][q]})
                y += h
        chart.bars.append({
            "x": round(x + gap / 2, 2), "w": round(w - gap, 2), "period": s["period"],
            "until": end.isoformat(), "n": s["n"], "parts": parts,
            "cooperation": s["cooperation"], "conflict": s["conflict"],
            "mean_score": s["mean_score"],
            "types": ", ".join(f"{k} {v}" for k, v in sorted(s["by_type"].items())),
        })
        if s["mean_score"] is not None:
            chart.scores.append({"x": round(x + w / 2, 1),
                                 "y": round(chart.mid - s["mean_score"] / 10 * half, 1),
                                 "score": s["mean_score"]})
    for v in range(step, scale_top + 1, step):
        dy = v / scale_top * half
        chart.yticks.append({"label": v, "y": round(chart.mid - dy, 2)})
        chart.yticks.append({"label": v, "y": round(chart.mid + dy, 2)})
    chart.ticks = [{"x": round(x_of(d), 2), "label": d.isoformat() if interval in ("day", "week")
                    and total <= 62 else (d.isoformat()[:7] if total <= 730 else str(d.year))}
                   for d in _time_ticks(lo, hi)]
    lane = height - bottom + 20
    for i, s in enumerate(spans):
        a, b = date.fromisoformat(s["start"]), date.fromisoformat(s["end"])
        if b < lo or a > hi:
            chart.outside.append(s)
            continue
        a, b = max(a, lo), min(b, hi)
        chart.spans.append({
            "x": round(x_of(a), 2),
            "w": round(max(x_of(b + timedelta(days=1)) - x_of(a), 2), 2),
            "y": lane + (i % 3) * 5, "n": s["n"], "precision": s["precision"],
            "quad": s.get("quad") or "none", "start": s["start"], "end": s["end"],
            "clipped": (a, b) != (date.fromisoformat(s["start"]), date.fromisoformat(s["end"])),
        })
    return chart


def map_points(places: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Equirectangular positions (x = lon + 180, y = 90 - lat) sized by event count."""
    out = []
    for p in places:
        lat, lon = p.get("lat"), p.get("lon")
        if lat is None or lon is None or not (-90 <= lat <= 90 and -180 <= lon <= 180):
            continue
        share = p["conflict"] / p["n"] if p["n"] else 0
        out.append({**p, "x": round(lon + 180, 2), "y": round(90 - lat, 2),
                    "r": round(1.2 + math.sqrt(p["n"]) * 0.9, 2),
                    "tone": "conflict" if share > 0.5 else "cooperation"})
    return out


def score_class(score: float | None) -> str:
    """A colour class for a mean PLOVER score on a colour-blind-safe diverging scale."""
    if score is None:
        return "s-none"
    for limit, name in ((-5, "s-conf2"), (-1, "s-conf1"), (1, "s-neutral"), (5, "s-coop1")):
        if score < limit:
            return name
    return "s-coop2"


def network(data: dict[str, Any], size: int = 640, most: int = 40) -> dict[str, Any]:
    """A circular layout of the busiest nodes: edges as curved arrows whose width is the
    number of events and whose colour is the mean score; nodes sized by events both ways."""
    nodes = data["nodes"][:most]
    keep = {n["id"] for n in nodes}
    c = size / 2
    radius = size / 2 - 70
    pos: dict[str, tuple[float, float]] = {}
    out_nodes = []
    peak = max([n["in"] + n["out"] for n in nodes] or [1])
    for i, n in enumerate(nodes):
        a = 2 * math.pi * i / max(len(nodes), 1) - math.pi / 2
        x, y = c + radius * math.cos(a), c + radius * math.sin(a)
        pos[n["id"]] = (x, y)
        lx, ly = c + (radius + 22) * math.cos(a), c + (radius + 22) * math.sin(a)
        out_nodes.append({**n, "x": round(x, 1), "y": round(y, 1), "lx": round(lx, 1),
                          "ly": round(ly, 1), "anchor": "start" if math.cos(a) > 0.2 else
                          "end" if math.cos(a) < -0.2 else "middle",
                          "r": round(4 + 10 * math.sqrt((n["in"] + n["out"]) / peak), 1),
                          "tone": score_class(n.get("mean_score"))})
    wpeak = max([e["weight"] for e in data["edges"]] or [1])
    edges = []
    for e in data["edges"]:
        if e["source"] not in keep or e["target"] not in keep:
            continue
        (x1, y1), (x2, y2) = pos[e["source"]], pos[e["target"]]
        # bend towards the centre, on the left of the direction: a→b and b→a do not overlap
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        dx, dy = x2 - x1, y2 - y1
        qx, qy = mx - dy * 0.15, my + dx * 0.15
        edges.append({**e, "d": f"M{x1:.1f},{y1:.1f} Q{qx:.1f},{qy:.1f} {x2:.1f},{y2:.1f}",
                      "w": round(0.8 + 5 * e["weight"] / wpeak, 2),
                      "tone": score_class(e.get("mean_score"))})
    return {"size": size, "nodes": out_nodes, "edges": edges,
            "hidden": max(len(data["nodes"]) - len(nodes), 0)}
