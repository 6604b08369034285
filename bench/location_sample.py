"""Draw a seeded random sample of coded events for reading their locations by hand.

Usage: python bench/location_sample.py RESULTS.jsonl [--n 100] [--seed 14] > sample.tsv
RESULTS.jsonl is `chronique extract` output. One line per event: article id, type, actor and
recipient countries, the location (name, country, precision, kind) and the event's sentence,
for a reader to write a verdict against the text. The verdicts kept in
bench/location_verdicts.tsv name events by article and trigger offset, not by their text.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("results")
    ap.add_argument("--n", type=int, default=100)
    ap.add_argument("--seed", type=int, default=14)
    args = ap.parse_args()
    events = []
    with open(args.results, encoding="utf-8") as fh:
        for line in fh:
            r = json.loads(line)
            for e in r["events"]:
                events.append((r["id"], e))
    rng = random.Random(args.seed)
    picked = sorted(rng.sample(range(len(events)), min(args.n, len(events))))
    # csv quoting: a sentence that opens with a quotation mark must not swallow the next row
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(
        ["n", "article", "type", "actor", "recipient", "location", "country", "precision",
         "kind", "trigger_start", "sentence"]
    )  # fmt: skip
    for k, i in enumerate(picked, 1):
        aid, e = events[i]
        loc = e.get("location") or {}
        out.writerow(
            [
                str(k),
                aid,
                e["event"],
                ",".join(a["country"] or "?" for a in e["actor"]),
                ",".join(a["country"] or "?" for a in e["recipient"]),
                loc.get("name") or "",
                loc.get("country") or "",
                loc.get("precision") or "",
                loc.get("kind") or "",
                str((e.get("trigger") or {}).get("start", "")),
                " ".join((e.get("text") or "").split())[:300],
            ]
        )

if __name__ == "__main__":
    main()
