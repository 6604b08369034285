"""The whole-corpus picture of event coding, beside the dev-gold scores: a change that helps
the gold and hurts this picture is suspect.

Codes the first N articles of the corpus and prints one JSON document: events per article,
the share of articles with none, events whose actor is unresolved or inferred, the most
frequent reasons candidates are dropped, event types, and locations by kind and precision.

    .venv/bin/python bench/corpus.py --corpus ../shared/corpus/orangesum_fr_politics.jsonl.gz
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
import time
from collections import Counter

from chronique.pipeline import process_stream, warm
from chronique.read import read_inputs


def picture(results: list) -> dict:
    n = len(results)
    events = [e for r in results for e in r.events]
    dropped = Counter(d.reason for r in results for d in r.dropped)
    unresolved = sum(1 for e in events if e.actor and not any(a.country for a in e.actor))
    inferred = sum(1 for e in events if any(a.kind == "inferred" for a in e.actor))
    placed = [e.location for e in events if e.location is not None]
    resolved = [e for e in events if any(a.country for a in e.actor)]
    by_kind = Counter(p.kind or "?" for p in placed)
    by_precision = Counter(p.precision or "?" for p in placed)
    total = len(events) or 1
    return {
        "articles": n,
        "events": len(events),
        "events_per_article": round(len(events) / n, 3) if n else 0.0,
        "articles_without_event": round(sum(1 for r in results if not r.events) / n, 4)
        if n
        else 0.0,
        "unresolved_actor_events": unresolved,
        "inferred_actor_events": inferred,
        "dropped_candidates": sum(dropped.values()),
        "dropped_by_reason": dict(dropped.most_common(12)),
        "types": dict(Counter(e.event for e in events).most_common()),
        "located": round(len(placed) / total, 4),
        "located_resolved": round(
            sum(1 for e in resolved if e.location is not None) / (len(resolved) or 1), 4
        ),
        "location_kind": {k: round(v / total, 4) for k, v in by_kind.most_common()},
        "location_precision": {k: round(v / total, 4) for k, v in by_precision.most_common()},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--n", type=int, default=300, help="articles to code (default 300; 0: all)")
    args = ap.parse_args(argv)
    warm("fr")
    items = itertools.islice(read_inputs([args.corpus]), args.n or None)
    articles = [i.article for i in items if i.article is not None]
    t0 = time.perf_counter()
    results = list(process_stream(articles))
    out = picture(results) | {"seconds": round(time.perf_counter() - t0, 1)}
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
