"""Score chronique's temporal expressions against the TIMEX3 values of French TimeBank.

Why: event dates are only as good as the time expressions behind them, and French TimeBank
(Bittar et al. 2011, 108 news articles from L'Est Républicain) gives every date expression a
normalised value resolved against the document's creation time (DCT), the same job
`find_times` does against an article's publication date.

For each document the text content of <TEXT> is run through
`find_times(text, 'fr', published=<DCT date>)`; gold spans are character offsets into that same
string. For every gold TIMEX3 (the DCT excluded):

* found: some predicted expression overlaps the gold span (recall);
* value-correct: the overlapping prediction with the largest overlap has an interval that lies
  inside the gold value's interval, i.e. it names the gold value when read at the gold's
  precision ('2002-05-23' is correct for gold '2002-05' or '2002'; a month is wrong for a day).
  Comparable gold values: YYYY-MM-DD (a TIME's date part too), YYYY-MM, YYYY, YYYY-Www
  (ISO week), YYYX (decade), YYXX (century). Others (XXXX-05, seasons like 1999-SU,
  weekends YYYY-Www-WE, PRESENT_REF, durations) are left out of the accuracy denominator
  but still count for recall.

Precision-ish: a prediction is a true positive when it overlaps any gold TIMEX3 of any type
(DATE, TIME, DURATION, SET), since the corpus annotates every temporal expression.

Usage: python bench/timebank.py [--data DIR] [--json] [--errors]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chronique.extract.time import find_times  # noqa: E402
from chronique.model import PartialDate, TimeExpr  # noqa: E402

DEFAULT_DATA = ROOT / ".." / "shared" / "reference" / "fr_timebank" / "Data"


@dataclass
class Gold:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass
class Document:
    id: str
    dct: str
    text: str
    timexes: list[Gold] = field(default_factory=list)


def _walk(el: ET.Element, parts: list[str], pos: list[int], out: list[Gold]) -> None:
    """Concatenate text content and record each TIMEX3's span in the concatenation."""
    if el.text:
        parts.append(el.text)
        pos[0] += len(el.text)
    for child in el:
        start = pos[0]
        _walk(child, parts, pos, out)
        if child.tag == "TIMEX3" and child.get("functionInDocument") != "CREATION_TIME":
            text = "".join(parts)[start : pos[0]]
            out.append(Gold(start, pos[0], child.get("type", ""), child.get("value", ""), text))
        if child.tail:
            parts.append(child.tail)
            pos[0] += len(child.tail)


def parse_tml(path: Path) -> Document:
    root = ET.parse(path).getroot()
    dct = None
    for t in root.iter("TIMEX3"):
        if t.get("functionInDocument") == "CREATION_TIME":
            dct = t.get("value")
            break
    if dct is None:
        raise ValueError(f"{path}: no CREATION_TIME TIMEX3")
    text_el = root.find("TEXT")
    parts: list[str] = []
    golds: list[Gold] = []
    if text_el is not None:
        _walk(text_el, parts, [0], golds)
    return Document(path.stem, dct[:10], "".join(parts), golds)


_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_DECADE = re.compile(r"^(\d{3})X$")
_CENTURY = re.compile(r"^(\d{2})XX$")


def gold_interval(value: str) -> tuple[date, date] | None:
    """The days a gold value covers, or None when it cannot be compared to an interval."""
    try:
        if m := _DAY.match(value):
            d = date(*map(int, m.groups()))
            return d, d
        if m := _MONTH.match(value):
            pd = PartialDate(int(m.group(1)), int(m.group(2)))
            return pd.first_day(), pd.last_day()
        if m := _YEAR.match(value):
            y = int(m.group(1))
            return date(y, 1, 1), date(y, 12, 31)
        if m := _WEEK.match(value):
            y, w = int(m.group(1)), int(m.group(2))
            return date.fromisocalendar(y, w, 1), date.fromisocalendar(y, w, 7)
        if m := _DECADE.match(value):
            y = int(m.group(1)) * 10
            return date(y, 1, 1), date(y + 9, 12, 31)
        if m := _CENTURY.match(value):
            y = int(m.group(1)) * 100
            return date(y, 1, 1), date(y + 99, 12, 31)
    except ValueError:
        return None
    return None


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _best(g: Gold, preds: list[TimeExpr]) -> TimeExpr | None:
    scored = [(_overlap((g.start, g.end), (p.start, p.end)), p) for p in preds]
    scored = [s for s in scored if s[0] > 0]
    return max(scored, key=lambda s: s[0])[1] if scored else None


def evaluate(data: Path) -> dict[str, Any]:
    files = sorted(data.glob("*.tml"))
    if not files:
        raise SystemExit(f"no .tml files in {data}")
    stats: dict[str, dict[str, int]] = {}
    n_pred = n_pred_tp = 0
    errors: list[dict[str, Any]] = []
    t_find = 0.0
    t0 = time.perf_counter()
    for path in files:
        doc = parse_tml(path)
        t1 = time.perf_counter()
        preds = find_times(doc.text, "fr", PartialDate.parse(doc.dct))
        t_find += time.perf_counter() - t1
        n_pred += len(preds)
        for p in preds:
            if any(_overlap((p.start, p.end), (g.start, g.end)) for g in doc.timexes):
                n_pred_tp += 1
            else:
                errors.append({"doc": doc.id, "kind": "spurious", "text": p.text, "rule": p.rule})
        for g in doc.timexes:
            s = stats.setdefault(
                g.type,
                {"gold": 0, "found": 0, "comparable": 0, "comparable_found": 0, "value_correct": 0},
            )
            s["gold"] += 1
            best = _best(g, preds)
            s["found"] += best is not None
            iv = gold_interval(g.value) if g.type in ("DATE", "TIME") else None
            if iv is None:
                if best is None and g.type == "DATE":
                    errors.append(
                        {"doc": doc.id, "kind": "missed", "text": g.text, "gold": g.value}
                    )
                continue
            s["comparable"] += 1
            if best is None:
                errors.append({"doc": doc.id, "kind": "missed", "text": g.text, "gold": g.value})
                continue
            s["comparable_found"] += 1
            ok = (
                iv[0] <= date.fromisoformat(best.value_start)
                and date.fromisoformat(best.value_end) <= iv[1]
            )
            s["value_correct"] += ok
            if not ok:
                errors.append(
                    {
                        "doc": doc.id,
                        "kind": "wrong_value",
                        "text": g.text,
                        "gold": g.value,
                        "pred_text": best.text,
                        "pred": f"{best.value_start}..{best.value_end} {best.precision}",
                        "rule": best.rule,
                        "dct": doc.dct,
                    }
                )
    total = time.perf_counter() - t0

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 4) if b else None

    by_type = {}
    for typ, s in sorted(stats.items()):
        by_type[typ] = {
            **s,
            "recall": ratio(s["found"], s["gold"]),
            "value_accuracy": ratio(s["value_correct"], s["comparable"]),
            "value_accuracy_when_found": ratio(s["value_correct"], s["comparable_found"]),
        }
    return {
        "documents": len(files),
        "by_type": by_type,
        "predictions": n_pred,
        "predictions_overlapping_gold": n_pred_tp,
        "precision": ratio(n_pred_tp, n_pred),
        "seconds_find_times": round(t_find, 3),
        "seconds_total": round(total, 3),
        "errors": errors,
    }


def _table(r: dict[str, Any]) -> str:
    def pct(x: float | None) -> str:
        return "   -  " if x is None else f"{100 * x:5.1f}%"

    lines = [
        f"French TimeBank: {r['documents']} documents, DCT as publication date",
        f"{'type':<9}{'gold':>6}{'found':>7}{'recall':>9}{'compar.':>9}{'correct':>9}"
        f"{'val.acc':>9}{'acc|found':>11}",
    ]
    for typ, s in r["by_type"].items():
        lines.append(
            f"{typ:<9}{s['gold']:>6}{s['found']:>7}{pct(s['recall']):>9}{s['comparable']:>9}"
            f"{s['value_correct']:>9}{pct(s['value_accuracy']):>9}"
            f"{pct(s['value_accuracy_when_found']):>11}"
        )
    lines.append(
        f"predictions {r['predictions']}, overlapping a gold TIMEX3 "
        f"{r['predictions_overlapping_gold']} (precision {pct(r['precision']).strip()})"
    )
    lines.append(f"time: find_times {r['seconds_find_times']}s, total {r['seconds_total']}s")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder of .tml files")
    ap.add_argument("--json", action="store_true", help="print the results as JSON")
    ap.add_argument("--errors", action="store_true", help="list misses and wrong values")
    args = ap.parse_args(argv)
    r = evaluate(args.data.resolve())
    if args.json:
        if not args.errors:
            r = {k: v for k, v in r.items() if k != "errors"}
        print(json.dumps(r, ensure_ascii=False, indent=1))
        return 0
    print(_table(r))
    if args.errors:
        for e in r["errors"]:
            print(json.dumps(e, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
