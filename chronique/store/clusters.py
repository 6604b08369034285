"""The same event reported by several articles, merged into one cluster.

Two events can be one when they share a key (PLOVER type, actor countries, recipient
countries: `rows.cluster_key`), their date intervals overlap (a day inside a month is
compatible with that month) and all the articles reporting them appeared within a window (7
days): a retrospective mention of an old event stays apart, and a cluster cannot grow by
chaining week after week.

Clusters are a function of the set of stored events, not of the order they arrived in: the
members of a key are swept in date order each time a batch adds to that key. So a resumed run
and a clean run end with the same clusters, whatever was interrupted where.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

DEFAULT_WINDOW_DAYS = 7


@dataclass(frozen=True)
class Member:
    id: str
    start: date | None  # the event's date interval (the publication's when the text gives none)
    end: date | None
    pub_start: date | None  # the reporting article's publication interval
    pub_end: date | None


def _near(m: Member, g: _Group, window: timedelta) -> bool:
    """Within `window` of every report already in the cluster (no chaining week after week).

    Publication dates are intervals (a month-precision date is its whole month), so the test
    is on the gaps between intervals: at most `window` between m and each member.
    """
    if m.pub_start is None or m.pub_end is None:
        return True
    if g.latest_start is not None and m.pub_end + window < g.latest_start:
        return False
    return g.earliest_end is None or m.pub_start - window <= g.earliest_end


@dataclass
class _Group:
    members: list[Member]
    end: date  # the latest last day of the members' event dates
    latest_start: date | None  # of the members' publication intervals
    earliest_end: date | None

    def take(self, m: Member) -> None:
        self.members.append(m)
        self.end = max(self.end, m.end)  # type: ignore[type-var]
        if m.pub_start is not None:
            self.latest_start = max(self.latest_start or m.pub_start, m.pub_start)
        if m.pub_end is not None:
            self.earliest_end = min(self.earliest_end or m.pub_end, m.pub_end)


def assign(members: Iterable[Member], window_days: int = DEFAULT_WINDOW_DAYS) -> dict[str, str]:
    """Cluster id of every member: the id of the cluster's first report.

    A sweep over intervals sorted by start: a member joins the oldest open cluster whose
    dates it overlaps and whose articles are within the window of its own; otherwise it opens
    a new cluster. A cluster closes once the sweep has passed its last day. Undated members
    stay alone.
    """
    window = timedelta(days=window_days)
    out: dict[str, str] = {}
    dated = []
    for m in members:
        if m.start is None or m.end is None:
            out[m.id] = m.id
        else:
            dated.append(m)
    dated.sort(key=lambda m: (m.start, m.end, m.pub_start or date.min, m.id))
    done: list[_Group] = []
    open_: list[_Group] = []
    for m in dated:
        still = []
        for g in open_:
            (still if g.end >= m.start else done).append(g)  # type: ignore[operator]
        open_ = still
        for g in open_:
            if _near(m, g, window):
                g.take(m)
                break
        else:
            open_.append(_Group([m], m.end, m.pub_start, m.pub_end))  # type: ignore[arg-type]
    for g in done + open_:
        first = min(g.members, key=lambda m: (m.pub_start or date.max, m.id))
        for m in g.members:
            out[m.id] = first.id
    return out
