"""Score chronique on a local file of English sentences that each carry one PLOVER label.

Why: the English PLOVER gold in shared/reference has 322 records; larger labelled sets exist
(for instance the PLV split of the Zero-Shot-PLOVER data, TSV with `sentence` and `gold_root`
columns) but carry no licence that lets chronique ship them. This script reads such a file
from a path the user gives (kept outside the repository) and prints the figures of
`chronique eval --plover`: coverage (a sentence gets any event), type-first (its first event
in reading order has the gold type) and the lenient any-event type accuracy, per type too.

Labels are upper-cased; the pre-2021 names map as in `evaluate.PLOVER_RENAMES`, and YIELD,
which PLOVER-2021 split into CONCEDE (verbal) and RETREAT (material), accepts either.
The file has no countries, so the actor/recipient lines read 0 or count empty sides.

Input: .tsv, .csv or .jsonl (gzip allowed). Usage:
  python bench/plover_train.py FILE [--text-col sentence] [--type-col gold_root] [--limit N]
                               [--json] [--errors]
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from chronique import evaluate  # noqa: E402
from chronique.model import PLOVER_TYPES, Article  # noqa: E402

# labels of older PLOVER/CAMEO versions that PLOVER-2021 split: any of these types is right
SPLIT_LABELS = {"YIELD": ["CONCEDE", "RETREAT"]}


def _open(path: Path):
    if path.suffix == ".gz":
        return gzip.open(path, "rt", encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")


def _rows(path: Path) -> list[dict[str, Any]]:
    name = path.name.removesuffix(".gz")
    with _open(path) as fh:
        if name.endswith(".jsonl"):
            return [json.loads(line) for line in fh if line.strip()]
        if name.endswith(".json"):
            return list(json.load(fh))
        dialect = "excel-tab" if name.endswith(".tsv") else "excel"
        return list(csv.DictReader(fh, dialect=dialect))


def load_records(path: Path, text_col: str, type_col: str) -> tuple[list[dict], list[str]]:
    """Records in the shape `evaluate.score_plover` reads, and one line per skipped row."""
    records: list[dict] = []
    skipped: list[str] = []
    for i, row in enumerate(_rows(path)):
        text = str(row.get(text_col) or "").strip()
        label = str(row.get(type_col) or "").strip().upper()
        label = evaluate.PLOVER_RENAMES.get(label, label)
        accept = SPLIT_LABELS.get(label, [label])
        if not text or not set(accept) <= set(PLOVER_TYPES):
            skipped.append(f"row {i + 1}: no text or unknown label {label!r}")
            continue
        records.append(
            {
                "id": f"row-{i + 1}",
                "text": text,
                "event": label,
                "accept": accept,
                "actor_country": [],
                "recipient_country": [],
            }
        )
    return records, skipped


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("file", type=Path)
    ap.add_argument("--text-col", default="sentence")
    ap.add_argument("--type-col", default="gold_root")
    ap.add_argument("--limit", type=int, default=0, help="score only the first N rows")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--errors", action="store_true", help="list the sentences missed")
    a = ap.parse_args(argv)
    try:
        records, skipped = load_records(a.file, a.text_col, a.type_col)
    except (OSError, ValueError, csv.Error) as exc:
        print(f"plover_train: {a.file}: {exc}", file=sys.stderr)
        return 2
    if a.limit:
        records = records[: a.limit]
    for line in skipped:
        print(f"plover_train: {a.file}: {line}", file=sys.stderr)
    if not records:
        print(f"plover_train: {a.file}: no labelled sentence read", file=sys.stderr)
        return 2
    from chronique.pipeline import process_stream

    arts = [Article(id=r["id"], text=r["text"], language="en") for r in records]
    s = evaluate.score_plover(records, process_stream(arts))
    if a.json:
        print(json.dumps(s, ensure_ascii=False, indent=1))
    else:
        print(evaluate.format_plover_report(s, errors=a.errors), end="")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
