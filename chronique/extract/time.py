"""Find temporal expressions and normalise them against the article's publication date.

An event is dated by the words around it ("mardi", "la semaine prochaine", "en juillet"), and
those words only mean something relative to when the article was written. All vocabulary and
patterns live in `lexicons/<lang>/time.json`; this module compiles the lexicon's pattern
templates into regular expressions and implements a handful of language-independent resolution
operations (shift by units, ranges, calendar dates with a missing year, weekdays, decades).

Resolution never invents precision: when the publication date carries only a month (the seed
format '2023-09'), a weekday or "hier" resolves to the publication month, not to a guessed day.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from typing import Any

from chronique import lexicons
from chronique.model import PartialDate, TimeExpr

PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
DIRECTIONS = ("past", "future", "strict_past", "strict_future", "nearest", "same_week")

Interval = tuple[date, date, str]  # first day, last day, precision

_PLACEHOLDER = re.compile(r"\{([A-Z][A-Z_0-9]*)\}")
_WORD_AFTER = re.compile(r"\s+([^\W\d_][\w'’.-]*)")
_PUNCT_AFTER = re.compile(r"\s*(?:[^\w\s]|$)")


def _fold(text: str) -> str:
    """Key for table look-ups: case, curly apostrophes and runs of spaces do not matter."""
    return re.sub(r"\s+", " ", text.replace("’", "'").strip().lower())


def _phrase(word: str) -> str:
    """Regex for a lexicon word or phrase: any whitespace between words, either apostrophe."""
    return r"\s+".join(re.escape(w).replace("'", "['’]") for w in word.split())


def _alternation(words: Any, case_sensitive: bool = False) -> str:
    """One alternation over the words, longest first so that 'juil.' does not stop at 'juil'."""
    if not words:
        return "(?!)"  # an empty table matches nothing
    alts = "|".join(_phrase(w) for w in sorted(set(words), key=lambda w: (-len(w), w)))
    return f"(?-i:{alts})" if case_sensitive else f"(?:{alts})"


# What every match of a pattern (or of one of its alternatives) contains: placeholders and
# literal words.
Needs = tuple[frozenset[str], frozenset[str]]
# A rule's gate: for each top-level alternative of its pattern, its needs, and for each of its
# required groups the needs of the group's alternatives (one of them at least is met). None:
# no gate, always scan.
Gate = tuple[tuple[frozenset[str], frozenset[str], tuple[tuple[Needs, ...], ...]], ...] | None


@dataclass(frozen=True)
class _Rule:
    id: str
    regex: re.Pattern[str]
    value: dict[str, Any]
    guard: str | None
    gate: Gate = None


@dataclass(frozen=True)
class _Grammar:
    """A language's time lexicon, compiled once per process."""

    lang: str
    rules: tuple[_Rule, ...]
    months: dict[str, int]
    weekdays: dict[str, int]
    day_words: dict[str, int]
    numbers: dict[str, int]
    units: dict[str, str]
    parts: dict[str, str]
    seasons: dict[str, list[int]]
    modifiers: dict[str, str]
    function_words: frozenset[str]
    probes: dict[str, re.Pattern[str]]  # placeholder name -> its regex alone, for gates


def _placeholders(lex: dict[str, Any]) -> dict[str, tuple[str | None, str]]:
    """Placeholder name -> (capture group name or None, regex body) built from the tables."""
    cs = bool(lex.get("case_sensitive_names", False))
    months = lex["months"]
    ambiguous = {_fold(m) for m in lex.get("ambiguous_months", [])}
    bare = [m for m in months if _fold(m) not in ambiguous]
    suffixes = lex.get("day_suffixes", [])
    suffix = f"(?:{_alternation(suffixes)})?" if suffixes else ""
    day_digits = rf"(?<!\d)(?:3[01]|[12]\d|0?[1-9]){suffix}(?!\d)"
    day_words = lex.get("day_words", {})
    day = f"{day_digits}|{_alternation(day_words)}" if day_words else day_digits
    return {
        "MONTH": ("month", _alternation(months, cs)),
        "BARE_MONTH": ("month", _alternation(bare, cs)),
        "MONTHNUM": ("monthnum", r"(?:1[0-2]|0?[1-9])(?!\d)"),
        "WEEKDAY": ("weekday", _alternation(lex["weekdays"], cs)),
        "SEASON": ("season", _alternation(lex.get("seasons", {}))),
        "CENTURY": ("century", r"(?-i:[IVX]{1,5})(?:e|ème|eme)|\d{1,2}(?:st|nd|rd|th|e|ème)"),
        "DAY": ("day", day),
        "YEAR": ("year", r"(?<!\d)[12]\d{3}(?!\d|[.,]\d)"),
        "RECENT_YEAR": ("year", r"(?<![\d.,])(?:19|20)\d{2}(?!\d|[.,]\d)"),
        "YEAR2": ("yy", r"['’]?\d{2}(?!\d)"),
        "DECADE": ("decade", r"(?:1\d|20)?\d0(?!\d)"),
        "NUM": ("num", r"\d{1,3}(?!\d)|" + _alternation(lex.get("numbers", {}))),
        "UNIT": ("unit", _alternation(lex.get("units", {}))),
        "PART": ("part", _alternation(lex.get("parts", {}))),
        "MOD": ("mod", _alternation(lex.get("modifiers", {}))),
        "DAYPART": (None, _alternation(lex.get("dayparts", []))),
        "FW": (None, _alternation(lex.get("function_words", []))),
    }


def _literal(part: str) -> str:
    """Template text between placeholders: ' ?' is optional space, ' ' any space."""
    return part.replace(" ?", r"\s*").replace(" ", r"\s+").replace("'", "['’]")


def _compile(template: str, table: dict[str, tuple[str | None, str]], where: str) -> re.Pattern:
    """Expand a lexicon pattern template into a compiled, word-bounded regex."""
    out: list[str] = []
    seen: dict[str, int] = {}
    pos = 0
    for m in _PLACEHOLDER.finditer(template):
        out.append(_literal(template[pos : m.start()]))
        name = m.group(1)
        if name not in table:
            raise lexicons.LexiconError(f"{where}: unknown placeholder {{{name}}}")
        group, body = table[name]
        if group is None:
            out.append(f"(?:{body})")
        else:
            seen[group] = seen.get(group, 0) + 1
            suffix = "" if seen[group] == 1 else str(seen[group])
            out.append(f"(?P<{group}{suffix}>{body})")
        pos = m.end()
    out.append(_literal(template[pos:]))
    try:
        return re.compile(r"(?<!\w)(?:" + "".join(out) + r")(?!\w)", re.IGNORECASE)
    except re.error as exc:
        raise lexicons.LexiconError(f"{where}: bad pattern {template!r} ({exc})") from exc


def _top_level(template: str) -> list[str]:
    """The template's alternatives at depth 0 (a '|' inside a group does not split)."""
    out, depth, cur = [], 0, []
    for ch in template:
        depth += ch == "("
        depth -= ch == ")"
        if ch == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    out.append("".join(cur))
    return out


def _flatten(branch: str) -> str:
    """The branch without its groups: what is left must appear in every match of it."""
    out, depth = [], 0
    for ch in branch:
        if ch == "(":
            depth += 1
            out.append(" ")  # a dropped group separates the words around it
        elif ch == ")":
            depth -= 1
        elif depth == 0:
            out.append(ch)
    return "".join(out)


def _starts_word(template: str, i: int) -> bool:
    """Whether the item at `i` can only match at the start of a word: it opens the pattern
    (which is word-bounded) or follows a space or an apostrophe, possibly after optional
    groups that themselves end with one."""
    while True:
        if i == 0:
            return True
        prev = template[i - 1]
        if prev in " '":
            return i < 2 or template[i - 2] != "?" or prev != " "
        if prev != "?" or i < 2 or template[i - 2] != ")":
            return False
        depth, j = 0, i - 2  # find the '(' of the optional group that ends here
        while j >= 0:
            depth += template[j] == ")"
            depth -= template[j] == "("
            if depth == 0:
                break
            j -= 1
        if template[i - 3] not in " '":
            return False
        i = j


_OPTIONAL = re.compile(r"\{[A-Z][A-Z_0-9]*\}[?*]|[^\W\d_]+[?*]")


def _needs(flat: str, template: str | None) -> Needs:
    """Placeholders and words of `flat` (a branch without its groups) that are not optional;
    with `template`, a placeholder that can only start a word is probed as such ('NAME<')."""
    flat = _OPTIONAL.sub(" ", flat)
    names = frozenset(
        n + "<" if template is not None and _starts_word(template, template.index("{" + n + "}"))
        else n
        for n in _PLACEHOLDER.findall(flat)
    )
    words = frozenset(
        w.lower() for w in re.findall(r"[^\W\d_]{2,}", _PLACEHOLDER.sub(" ", flat))
    )
    return names, words


def _required_groups(branch: str) -> list[str]:
    """The bodies of the branch's top-level groups that every match goes through: plain or
    non-capturing groups with no quantifier that allows skipping them. Look-arounds, inline
    flags and named groups are left out (they only loosen the gate)."""
    out, depth, open_at = [], 0, 0
    for i, ch in enumerate(branch):
        if ch == "(":
            depth += 1
            if depth == 1:
                open_at = i
        elif ch == ")":
            depth -= 1
            if depth == 0:
                body = branch[open_at + 1 : i]
                if branch[i + 1 : i + 2] in ("?", "*") or branch[i + 1 : i + 3] == "{0":
                    continue
                if body.startswith("?:"):
                    out.append(body[2:])
                elif not body.startswith("?"):
                    out.append(body)
    return out


def _gate(template: str) -> Gate:
    """What a text must contain for the template to match anywhere in it.

    Sound by construction, never exact: character classes, escapes, optional items and groups
    within groups are dropped, so a gate only ever lets too much through. A required group
    ('l'(?:an|année) (?:dernier|passé)') needs one of its alternatives. Scanning 60 rules
    over every paragraph was the cost of this module; most paragraphs hold no month, weekday
    or year, and their rules are skipped on a few substring tests.
    """
    t = re.sub(r"\\.", " ", template)
    t = re.sub(r"\[[^\]]*\]", " ", t)
    gates = []
    for branch in _top_level(t):
        names, words = _needs(_flatten(branch), template)
        groups = []
        for body in _required_groups(branch):
            alts = tuple(_needs(_flatten(alt), None) for alt in _top_level(body))
            if all(n or w for n, w in alts):  # an alternative that needs nothing: no help
                groups.append(alts)
        if not names and not words and not groups:
            return None
        gates.append((names, words, tuple(groups)))
    return tuple(gates)


def _open_rules(text: str, g: _Grammar) -> list[tuple[int, _Rule]]:
    """The rules (with their lexicon index) whose gates `text` passes: some alternative of
    the gate has all its words in the text and all its placeholders found by their probes.

    Written out as loops, each word and placeholder tested once per text: this runs for every
    rule on every paragraph, and generator expressions cost more than the tests themselves.
    """
    low = text.lower()
    has: dict[str, bool] = {}  # word or placeholder name -> found in the text
    probes = g.probes
    out = []
    for i, r in enumerate(g.rules):
        gate = r.gate
        if gate is None:
            out.append((i, r))
            continue
        for names, words, groups in gate:
            ok = True
            for w in words:
                found = has.get(w)
                if found is None:
                    found = has[w] = w in low
                if not found:
                    ok = False
                    break
            if ok:
                for n in names:
                    found = has.get(n)
                    if found is None:
                        found = has[n] = probes[n].search(text) is not None
                    if not found:
                        ok = False
                        break
            if ok:
                for alts in groups:
                    if not any(_met(n, w, has, low, text, probes) for n, w in alts):
                        ok = False
                        break
            if ok:
                out.append((i, r))
                break
    return out


def _met(
    names: frozenset[str],
    words: frozenset[str],
    has: dict[str, bool],
    low: str,
    text: str,
    probes: dict[str, re.Pattern[str]],
) -> bool:
    """Whether the text holds these words and placeholders (`has` remembers each test)."""
    for w in words:
        found = has.get(w)
        if found is None:
            found = has[w] = w in low
        if not found:
            return False
    for n in names:
        found = has.get(n)
        if found is None:
            found = has[n] = probes[n].search(text) is not None
        if not found:
            return False
    return True


@cache
def _grammar(lang: str) -> _Grammar:
    lex = lexicons.load("time", lang)
    table = _placeholders(lex)
    rules = []
    for i, r in enumerate(lex["rules"]):
        where = f"{lang}/time.json rule {r.get('id', i)}"
        op = r.get("value", {}).get("op")
        if op not in _OPS:
            raise lexicons.LexiconError(f"{where}: unknown op {op!r}")
        if op == "period" and not (
            isinstance(r["value"].get("from"), int)
            and isinstance(r["value"].get("to"), int)
            and 1 <= r["value"]["from"] <= r["value"]["to"] <= 9999
        ):
            raise lexicons.LexiconError(f"{where}: a period needs years 'from' <= 'to'")
        if r["value"].get("direction", "past") not in DIRECTIONS:
            raise lexicons.LexiconError(f"{where}: unknown direction {r['value']['direction']!r}")
        rules.append(
            _Rule(
                r["id"],
                _compile(r["pattern"], table, where),
                r["value"],
                r.get("guard"),
                _gate(r["pattern"]),
            )
        )
    if bad := set(lex.get("modifiers", {}).values()) - set(DIRECTIONS):
        raise lexicons.LexiconError(f"{lang}/time.json: unknown modifier directions {bad}")
    fold_map = lambda d: {_fold(k): v for k, v in d.items()}  # noqa: E731
    return _Grammar(
        lang=lang,
        rules=tuple(rules),
        months=fold_map(lex["months"]),
        weekdays=fold_map(lex["weekdays"]),
        day_words=fold_map(lex.get("day_words", {})),
        numbers=fold_map(lex.get("numbers", {})),
        units=fold_map(lex.get("units", {})),
        parts=fold_map(lex.get("parts", {})),
        seasons=fold_map(lex.get("seasons", {})),
        modifiers=fold_map(lex.get("modifiers", {})),
        function_words=frozenset(_fold(w) for w in lex.get("function_words", [])),
        probes={
            **{name: re.compile(body, re.IGNORECASE) for name, (_, body) in table.items()},
            **{
                name + "<": re.compile(rf"(?<!\w)(?:{body})", re.IGNORECASE)
                for name, (_, body) in table.items()
            },
        },
    )


# --- calendar arithmetic -------------------------------------------------------------------


def _add(d: date, n: int, unit: str) -> date:
    """d moved by n units; month and year steps clamp the day (31 Mar - 1 month = 28/29 Feb)."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    months = n * 12 if unit == "year" else n
    y, m = divmod(d.year * 12 + d.month - 1 + months, 12)
    return date(y, m + 1, min(d.day, calendar.monthrange(y, m + 1)[1]))


def _unit_interval(d: date, unit: str) -> Interval:
    """The day, ISO week (Monday-Sunday), month or year that contains d."""
    if unit == "day":
        return d, d, "day"
    if unit == "week":
        monday = d - timedelta(days=d.weekday())
        return monday, monday + timedelta(days=6), "week"
    if unit == "month":
        return d.replace(day=1), d.replace(day=calendar.monthrange(d.year, d.month)[1]), "month"
    return date(d.year, 1, 1), date(d.year, 12, 31), "year"


def _coarser(a: str, b: str) -> str:
    return a if PRECISION_RANK[a] >= PRECISION_RANK[b] else b


def _narrow(iv: Interval, part: str) -> Interval:
    """First, middle or last third of a month, a year or a run of years ('début juillet')."""
    start, end, prec = iv
    if part not in ("early", "mid", "late"):
        return iv
    k = ("early", "mid", "late").index(part)
    if prec == "month":
        last = end.day
        bounds = [(1, 10), (11, 20), (21, last)][k]
        return start.replace(day=bounds[0]), start.replace(day=bounds[1]), prec
    if prec == "year" and start.year == end.year:
        first_month, last_month = [(1, 4), (5, 8), (9, 12)][k]
        last_day = calendar.monthrange(start.year, last_month)[1]
        return date(start.year, first_month, 1), date(start.year, last_month, last_day), prec
    if prec == "year":
        n = end.year - start.year + 1
        cuts = [0, n // 3, 2 * n // 3, n]
        return (
            date(start.year + cuts[k], 1, 1),
            date(start.year + cuts[k + 1] - 1, 12, 31),
            prec,
        )
    return iv


def _choose(cands: list[Interval], anchor: Interval, direction: str) -> Interval | None:
    """Pick among readings of a date with no year by the direction relative to the anchor.

    'past' is the latest reading that starts on or before the anchor's end (news reports the
    past); the strict variants exclude the anchor itself unless the anchor is too coarse to
    tell ('le 5 septembre dernier' in an article dated only '2023-09').
    """
    a_start, a_end, a_prec = anchor

    def finer(c: Interval) -> bool:
        return PRECISION_RANK[c[2]] < PRECISION_RANK[a_prec]

    if direction == "past":
        ok = [c for c in cands if c[0] <= a_end]
        return max(ok, key=lambda c: c[0]) if ok else None
    if direction == "future":
        ok = [c for c in cands if c[1] >= a_start]
        return min(ok, key=lambda c: c[0]) if ok else None
    if direction == "strict_past":
        ok = [c for c in cands if c[1] < a_start or (finer(c) and c[0] <= a_end)]
        return max(ok, key=lambda c: c[0]) if ok else None
    if direction == "strict_future":
        ok = [c for c in cands if c[0] > a_end or (finer(c) and c[1] >= a_start)]
        return min(ok, key=lambda c: c[0]) if ok else None

    def gap(c: Interval) -> int:  # days between the reading and the anchor, 0 when they meet
        return max((c[0] - a_end).days, (a_start - c[1]).days, 0)

    return min(cands, key=gap) if cands else None


# --- resolution operations -----------------------------------------------------------------


@dataclass
class _Match:
    """A regex match with access to its named groups through the language's tables."""

    m: re.Match[str]
    g: _Grammar

    def text(self, name: str) -> str | None:
        """The group's text; a repeated placeholder in another alternative stands in for it."""
        groups = self.m.groupdict()
        for key in (name, name + "2", name + "3"):
            if groups.get(key) is not None:
                return groups[key]
        return None

    def lookup(self, name: str, table: dict[str, Any]) -> Any:
        t = self.text(name)
        return None if t is None else table.get(_fold(t))

    def day(self, name: str = "day") -> int | None:
        t = self.text(name)
        if t is None:
            return None
        digits = re.match(r"\d+", t)
        return int(digits.group()) if digits else self.g.day_words.get(_fold(t))

    def number(self) -> int | None:
        t = self.text("num")
        if t is None:
            return None
        return int(t) if t.isdigit() else self.g.numbers.get(_fold(t))


def _direction(spec: dict[str, Any], mm: _Match, default: str = "past") -> str:
    mod = mm.lookup("mod", mm.g.modifiers)
    return mod or spec.get("direction", default)


def _op_shift(spec: dict[str, Any], mm: _Match, anchor: Interval | None) -> Interval | None:
    if anchor is None:
        return None
    unit = spec.get("unit", "day")
    if unit == "UNIT":
        unit = mm.lookup("unit", mm.g.units)
    n = spec.get("n", 0)
    if isinstance(n, str):
        num = mm.number()
        if num is None or unit is None:
            return None
        n = -num if n.startswith("-") else num
    if unit not in PRECISION_RANK:
        return None
    if PRECISION_RANK[unit] < PRECISION_RANK[anchor[2]]:
        return anchor  # "hier" in an article dated only by month: the month, no invented day
    return _unit_interval(_add(anchor[0], int(n), unit), unit)


def _op_range(spec: dict[str, Any], mm: _Match, anchor: Interval | None) -> Interval | None:
    if anchor is None:
        return None
    unit = spec.get("unit", "month")
    start = _add(anchor[0], int(spec.get("from", -1)), unit)
    end = _add(anchor[1], int(spec.get("to", 0)), unit)
    return start, end, _coarser(spec.get("precision", unit), anchor[2])


def _op_weekday(spec: dict[str, Any], mm: _Match, anchor: Interval | None) -> Interval | None:
    if anchor is None:
        return None
    wd = mm.lookup("weekday", mm.g.weekdays)
    if wd is None:
        wd = spec.get("weekday")
    if wd is None:
        return None
    if anchor[2] != "day":
        return anchor  # a weekday cannot be placed in a month or a year
    ref = anchor[0]
    direction = _direction(spec, mm)
    extra = timedelta(days=int(spec.get("days", 1)) - 1)  # a weekend is two days
    if direction == "same_week":
        d = ref - timedelta(days=ref.weekday()) + timedelta(days=wd)
        return d, d + extra, "day"
    days = (ref + timedelta(days=k) for k in range(-7, 8))
    cands = [(d, d + extra, "day") for d in days if d.weekday() == wd]
    return _choose(cands, anchor, direction)


def _op_month_day(spec: dict[str, Any], mm: _Match, anchor: Interval | None) -> Interval | None:
    """'Le 3, …' in a chronology: that day of the anchor's month, or of the month before when
    the day is after the anchor's (a story of 12 May telling 'le 20' means 20 April)."""
    day = mm.day("day")
    if anchor is None or day is None or anchor[2] == "year":
        return None
    ref = anchor[0]
    y, m = ref.year, ref.month
    if anchor[2] in ("day", "week") and day > anchor[1].day and anchor[1].month == m:
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    try:
        d = date(y, m, day)
    except ValueError:
        return None
    return d, d, "day"


def _year_from_two_digits(yy: int, anchor: Interval | None) -> int:
    """'octobre 98' is the latest such year up to ten years after the anchor."""
    if anchor is None:
        return 2000 + yy if yy <= 30 else 1900 + yy
    limit = anchor[1].year + 10
    y = limit - ((limit - yy) % 100)
    return y


def _op_date(spec: dict[str, Any], mm: _Match, anchor: Interval | None) -> Interval | None:
    month = mm.lookup("month", mm.g.months)
    if month is None and mm.text("monthnum"):
        month = int(mm.text("monthnum"))  # type: ignore[arg-type]
    day = mm.day("day")
    day2 = mm.day("day2") if mm.m.groupdict().get("day") is not None else None
    year: int | None = None
    if mm.text("year"):
        year = int(mm.text("year"))  # type: ignore[arg-type]
    elif mm.text("yy"):
        year = _year_from_two_digits(int(mm.text("yy").lstrip("'’")), anchor)  # type: ignore[union-attr]

    season = mm.lookup("season", mm.g.seasons)

    def reading(y: int) -> Interval | None:
        try:
            if season:  # [first month, last month]; winter runs into the next year
                first_m, last_m = season
                last_y = y + 1 if last_m < first_m else y
                return (
                    date(y, first_m, 1),
                    date(last_y, last_m, calendar.monthrange(last_y, last_m)[1]),
                    "month",
                )
            if month and day:
                first = date(y, month, day)
                last = date(y, month, day2) if day2 else first
                return (first, last, "day") if last >= first else None
            if month:
                return _unit_interval(date(y, month, 1), "month")
            return _unit_interval(date(y, 1, 1), "year")
        except ValueError:
            return None  # 31 février

    if year is not None:
        return reading(year)
    if anchor is None or (month is None and season is None):
        return None
    cands = [c for y in range(anchor[0].year - 1, anchor[1].year + 2) if (c := reading(y))]
    wd = mm.lookup("weekday", mm.g.weekdays)
    if wd is not None and day:
        agreeing = [c for c in cands if c[0].weekday() == wd]
        if agreeing:  # "jeudi 16 septembre" names the year in which the 16th is a Thursday
            return _choose(agreeing, anchor, "nearest")
    return _choose(cands, anchor, _direction(spec, mm))


def _op_decade(spec: dict[str, Any], mm: _Match, anchor: Interval | None) -> Interval | None:
    text = mm.text("decade")
    if text is None:
        return None
    if len(text) == 4:
        starts = [int(text)]
    elif anchor is None:
        return None
    else:
        starts = [
            c * 100 + int(text) for c in range(anchor[0].year // 100 - 1, anchor[0].year // 100 + 1)
        ]
    cands = [(date(s, 1, 1), date(s + 9, 12, 31), "year") for s in starts]
    if len(cands) == 1:
        return cands[0]
    return _choose(cands, anchor, _direction(spec, mm))  # type: ignore[arg-type]


_ROMAN = {"I": 1, "V": 5, "X": 10}


def _op_century(spec: dict[str, Any], mm: _Match, anchor: Interval | None) -> Interval | None:
    """'XIXe siècle' / '19th century': 1800-1899, the usual reading in news."""
    text = mm.text("century")
    if text is None:
        return None
    digits = re.match(r"\d+", text)
    if digits:
        n = int(digits.group())
    else:
        letters = [_ROMAN[c] for c in re.match(r"[IVX]+", text).group()]  # type: ignore[union-attr]
        n = sum(
            -v if i + 1 < len(letters) and v < letters[i + 1] else v for i, v in enumerate(letters)
        )
    if not 1 <= n <= 22:
        return None
    start = (n - 1) * 100
    return date(max(start, 1), 1, 1), date(start + 99, 12, 31), "year"


def _op_period(spec: dict[str, Any], mm: _Match, anchor: Interval | None) -> Interval | None:
    """A named period of history ('pendant la Seconde Guerre mondiale'): the years the
    rule gives, a fact about the name, not about the article."""
    return date(spec["from"], 1, 1), date(spec["to"], 12, 31), "year"


_OPS = {
    "period": _op_period,
    "century": _op_century,
    "shift": _op_shift,
    "range": _op_range,
    "weekday": _op_weekday,
    "date": _op_date,
    "month_day": _op_month_day,
    "decade": _op_decade,
}


def _resolve(rule: _Rule, mm: _Match, anchor: Interval | None) -> Interval | None:
    iv = _OPS[rule.value["op"]](rule.value, mm, anchor)
    if iv is None:
        return None
    part = mm.lookup("part", mm.g.parts) or rule.value.get("part")
    return _narrow(iv, part) if part else iv


def _guard_ok(rule: _Rule, text: str, end: int, g: _Grammar) -> bool:
    """Reject a match whose right context says it is not a date ('2000 soldats')."""
    if rule.guard == "punct":
        return bool(_PUNCT_AFTER.match(text, end))
    if rule.guard == "quantity":
        m = _WORD_AFTER.match(text, end)
        if not m:
            return True
        if not m.group(1)[:1].islower():
            return True  # a capitalised word starts a name or a sentence
        word = _fold(m.group(1))
        head = word.split("'")[0] + "'" if "'" in word else word
        return word in g.function_words or head in g.function_words
    return True


# --- public API ----------------------------------------------------------------------------


_SENTENCE_END = re.compile(r"[.!?;]\s")


def _following_day(
    text: str, later: list[tuple[int, int, int, _Rule, _Match]], end: int, pub: Interval | None
) -> Interval | None:
    """The day named by the first day-precise expression after `end` in the same sentence:
    the X of 'au lendemain de X' ('au lendemain du 8 mai', 'à la veille des élections du 8
    mai')."""
    for start, _, _, rule, mm in later:
        if _SENTENCE_END.search(text, end, start):
            return None
        if rule.value.get("anchor") in ("context", "following"):
            continue
        iv = _resolve(rule, mm, pub)
        if iv is not None and iv[2] == "day" and iv[0] == iv[1]:
            return iv
    return None


def date_span_for(published: PartialDate | None) -> tuple[str, str, str] | None:
    """(first day, last day, precision) of the publication date: the default event date."""
    if published is None:
        return None
    return published.first_day().isoformat(), published.last_day().isoformat(), published.precision


def find_times(
    text: str,
    lang: str,
    published: PartialDate | None,
    offset: int = 0,
    gated: bool = True,
) -> list[TimeExpr]:
    """Temporal expressions in `text`, resolved against `published`, in text order.

    Overlapping matches are settled longest first (then leftmost, then lexicon order).
    Expressions that need the publication date are dropped when it is None. Relative words
    anchored in context ('la veille', 'le lendemain') use the previous day-precise expression
    of the same text, else the publication date; those anchored on what follows ('au
    lendemain du 8 mai') use the next day-precise expression of the same sentence.
    `gated=False` scans every rule (the gates skip rules that cannot match; the result is the
    same, which the tests check).
    """
    g = _grammar(lang)
    pub: Interval | None = None
    if published is not None:
        pub = (published.first_day(), published.last_day(), published.precision)
    cands: list[tuple[int, int, int, _Rule, _Match]] = []
    rules = _open_rules(text, g) if gated else list(enumerate(g.rules))
    for index, rule in rules:
        contextual = rule.value.get("anchor") == "context"
        for m in rule.regex.finditer(text):
            if m.end() == m.start() or not _guard_ok(rule, text, m.end(), g):
                continue
            mm = _Match(m, g)
            if not contextual and _resolve(rule, mm, pub) is None:
                continue
            cands.append((m.start(), m.end(), index, rule, mm))
    cands.sort(key=lambda c: (c[0] - c[1], c[0], c[2]))
    chosen: list[tuple[int, int, int, _Rule, _Match]] = []
    taken = bytearray(len(text))  # characters already covered by a longer expression
    for c in cands:
        if not any(taken[c[0] : c[1]]):
            chosen.append(c)
            taken[c[0] : c[1]] = b"\x01" * (c[1] - c[0])
    chosen.sort(key=lambda c: c[0])
    out: list[TimeExpr] = []
    last_day: Interval | None = None
    for i, (start, end, _, rule, mm) in enumerate(chosen):
        anchor = pub
        if rule.value.get("anchor") == "following":
            # 'au lendemain de l'annonce': no date follows, so the context's, as 'le lendemain'
            anchor = _following_day(text, chosen[i + 1 :], end, pub) or last_day or pub
        elif rule.value.get("anchor") == "context" and last_day is not None:
            anchor = last_day
        iv = _resolve(rule, mm, anchor)
        if iv is None:
            continue
        if iv[2] == "day" and iv[0] == iv[1]:
            last_day = iv
        out.append(
            TimeExpr(
                text=text[start:end],
                start=offset + start,
                end=offset + end,
                value_start=iv[0].isoformat(),
                value_end=iv[1].isoformat(),
                precision=iv[2],
                rule=rule.id,
            )
        )
    return out


@cache
def event_anchored(lang: str) -> dict[str, int]:
    """Rules that shift from what follows them ('au lendemain de X', 'à la veille de X'):
    rule id → days to add to the date of X when X is an event the article has dated."""
    out: dict[str, int] = {}
    for r in lexicons.load("time", lang)["rules"]:
        v = r.get("value", {})
        if v.get("op") == "shift" and v.get("anchor") == "following" and v.get("unit") == "day":
            out[r["id"]] = int(v["n"])
    return out

