"""WHERE clauses built from filter values, with every value a bound parameter.

`chronique events` and the web reads filter events the same way (by date span, countries,
type, modality, words, near-duplicates); building those conditions in one place keeps the CLI
and the dashboard selecting the same events.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

# An event's sentence, trigger, article title or evidence holds the words (4 parameters).
EVENT_TEXT = (
    "(contains(lower(e.text), ?) OR contains(lower(e.trigger_text), ?) "
    "OR contains(lower(a.title), ?) OR EXISTS (SELECT 1 FROM evidence x "
    "WHERE x.event_id = e.id AND contains(lower(x.sentence), ?)))"
)


@dataclass
class Where:
    """Conditions joined by AND, each added with its own parameters so the two stay in step."""

    conds: list[str] = field(default_factory=list)
    params: list[Any] = field(default_factory=list)

    def add(self, cond: str, *params: Any) -> None:
        self.conds.append(cond)
        self.params.extend(params)

    def when(self, value: Any, cond: str) -> None:
        """Add `cond` with `value` bound to each of its `?`, unless the filter is empty."""
        if value:
            self.add(cond, *[value] * cond.count("?"))

    def clause(self) -> str:
        """' WHERE …', or '' when nothing is filtered."""
        return (" WHERE " + " AND ".join(self.conds)) if self.conds else ""


def event_where(
    *,
    include_duplicates: bool,
    since: date | None = None,
    until: date | None = None,
    country: str | None = None,
    actor: str | None = None,
    recipient: str | None = None,
    both: bool = False,
    event_type: str | None = None,
    modality: str | None = None,
    text: str | None = None,
    inferred: bool = True,
) -> Where:
    """Conditions on events `e` joined to their articles `a`; values must be valid already.

    An event matches `since`..`until` when its date span overlaps them; `country` is either
    side; with `both`, `actor` and `recipient` match the dyad in either direction. Without
    `inferred`, events with an actor or recipient taken from the article's frame (kind
    'inferred') are left out.
    """
    w = Where()
    w.when(since, "e.date_end >= ?")
    w.when(until, "e.date_start <= ?")
    w.when(
        country, "(list_contains(e.actor_countries, ?) OR list_contains(e.recipient_countries, ?))"
    )
    if actor and recipient and both:
        w.add(
            "((list_contains(e.actor_countries, ?) AND list_contains(e.recipient_countries, ?)) "
            "OR (list_contains(e.actor_countries, ?) AND list_contains(e.recipient_countries, ?)))",
            actor,
            recipient,
            recipient,
            actor,
        )
    else:
        w.when(actor, "list_contains(e.actor_countries, ?)")
        w.when(recipient, "list_contains(e.recipient_countries, ?)")
    w.when(event_type, "e.event = ?")
    w.when(modality, "e.modality = ?")
    w.when(text and text.lower(), EVENT_TEXT)
    if not inferred:
        w.add(
            "NOT EXISTS (SELECT 1 FROM event_actors x WHERE x.event_id = e.id "
            "AND x.kind = 'inferred')"
        )
    if not include_duplicates:
        w.add("a.duplicate_of IS NULL")
    return w
