"""The event store: a DuckDB file of articles, events and their evidence, with exports.

    with Store.open("chronique.duckdb") as store:
        store.write(results)            # one transaction per batch; idempotent by content hash

`chronique.store.ingest` runs the pipeline into a store, `query` reads events back,
`export` writes CSV, Parquet, JSONL, PLOVER JSONL and GDELT 2.0 TSV.
"""

from __future__ import annotations

from chronique.store.db import Store, StoreError, WriteStats
from chronique.store.schema import SCHEMA_VERSION

__all__ = ["SCHEMA_VERSION", "Store", "StoreError", "WriteStats"]
