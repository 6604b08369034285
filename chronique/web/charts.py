"""Geometry for the server-drawn SVG charts: the dyad timeline and the event map.

Charts are drawn on the server as inline SVG so that pages need no chart library and show
their data without JavaScript; this module only computes coordinates, the templates draw.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

MAX_SLOTS = 1000  # beyond this many periods the gaps are left out (the bars would be < 1 px)


@dataclass
class Timeline:
    width: int
    height: int
    mid: float
    bars: list[dict[str, Any]] = field(default_factory=list)
    ticks: list[dict[str, Any]] = field(default_factory=list)
    scores: list[dict[str, float]] = field(default_factory=list)
    max_count: int = 0


def _next(d: date, interval: str) -> date:
    if interval == "day":
        return d + timedelta(days=1)
    if interval == "week":
        return d + timedelta(days=7)
    return date(d.year + d.month // 12, d.month % 12 + 1, 1)


def filled(series: list[dict[str, Any]], interval: str) -> list[dict[str, Any]]:
    """The series with an empty bucket for every period without events, so that the x axis
    is time and not the list of busy periods."""
    if len(series) < 2:
        return series
    by = {s["period"]: s for s in series}
    first, last = date.fromisoformat(series[0]["period"]), date.fromisoformat(series[-1]["period"])
    out: list[dict[str, Any]] = []
    d = first
    while d <= last:
        key = d.isoformat()
        out.append(by.get(key) or {"period": key, "n": 0, "cooperation": 0, "conflict": 0,
                                   "mean_score": None, "by_type": {}})
        if len(out) > MAX_SLOTS:
            return series
        d = _next(d, interval)
    return out


def timeline(series: list[dict[str, Any]], interval: str = "week", width: int = 900,
             height: int = 240, max_ticks: int = 8) -> Timeline:
    """Cooperation above the axis, conflict below, one slot per period; mean score as dots."""
    top, bottom, left, right = 12, 22, 8, 8
    chart = Timeline(width, height, mid=top + (height - top - bottom) / 2)
    series = filled(series, interval)
    if not series:
        return chart
    n = len(series)
    slot = min((width - left - right) / n, 60.0)
    half = (height - top - bottom) / 2
    peak = max(max(s["cooperation"], s["conflict"]) for s in series) or 1
    chart.max_count = peak
    for i, s in enumerate(series):
        x = left + i * slot
        w = max(slot * 0.8, 0.6)
        up = s["cooperation"] / peak * half
        down = s["conflict"] / peak * half
        chart.bars.append({
            "x": round(x, 2), "w": round(w, 2), "period": s["period"], "n": s["n"],
            "coop_y": round(chart.mid - up, 2), "coop_h": round(up, 2),
            "conf_y": round(chart.mid, 2), "conf_h": round(down, 2),
            "cooperation": s["cooperation"], "conflict": s["conflict"],
            "mean_score": s["mean_score"],
            "types": ", ".join(f"{k} {v}" for k, v in sorted(s["by_type"].items())),
        })
        if s["mean_score"] is not None:
            y = chart.mid - s["mean_score"] / 10 * half
            chart.scores.append({"x": round(x + w / 2, 1), "y": round(y, 1),
                                 "score": s["mean_score"]})
    step = max(1, math.ceil(n / max_ticks))
    chart.ticks = [{"x": round(left + i * slot, 2), "label": series[i]["period"]}
                   for i in range(0, n, step) if left + i * slot < width - 64]
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
