"""The store's tables → one CSV or Parquet file per record part, in a folder.

``articles.csv``/``.parquet`` plus one file for each part table (actors, mentions,
events, event_actors, quotes, places, dates), with the store's columns in its order,
minus the internal row key and the article's whole-record JSON (export ``plover-jsonl``
or read the store for that). Rows keep their ``article_id`` and local ids (``a1``,
``e1``...), so the tables join the same way as in the database.

Types: Parquet columns take the store's types (strings, 64-bit integers, doubles,
booleans, dates, UTC timestamps; ``events.mode`` a list of strings). CSV is UTF-8 with a
header row; empty cell = null, booleans ``true``/``false``, dates ISO 8601, and list
cells (``events.mode``) joined by ``;``. ``events.killed``/``events.injured`` are integers,
null (an empty CSV cell) when the event's sentence reports no deaths or injuries.
"""

from __future__ import annotations

import csv
import datetime as dt
from itertools import islice
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, Boolean, Date, DateTime, Float, Integer

from newsgraph.export.source import TABLES, table_columns, table_rows
from newsgraph.store.db import Store

LIST_SEPARATOR = ";"
ROWS_PER_PARQUET_BATCH = 10_000  # rows converted to Arrow at a time


def write_csv_tables(store: Store, folder: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    for table in TABLES:
        names = [c.name for c in table_columns(table)]
        with (folder / f"{table}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(names)
            count = 0
            for row in table_rows(store, table):
                writer.writerow([_csv_cell(row[n]) for n in names])
                count += 1
        counts[table] = count
    return counts


def write_parquet_tables(store: Store, folder: Path) -> dict[str, int]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    counts: dict[str, int] = {}
    for table in TABLES:
        schema = arrow_schema(table)
        count = 0
        with pq.ParquetWriter(folder / f"{table}.parquet", schema) as writer:
            rows = table_rows(store, table)
            while chunk := list(islice(rows, ROWS_PER_PARQUET_BATCH)):
                writer.write_batch(pa.RecordBatch.from_pylist(chunk, schema=schema))
                count += len(chunk)
        counts[table] = count
    return counts


def arrow_schema(table: str) -> Any:
    """The Arrow schema of an exported table, from the store's column types."""
    import pyarrow as pa

    return pa.schema([pa.field(c.name, _arrow_type(c.type), nullable=True) for c in table_columns(table)])


def _arrow_type(kind: Any) -> Any:
    import pyarrow as pa

    if isinstance(kind, JSON):
        return pa.list_(pa.string())  # events.mode: the only JSON part column, a list of codes
    if isinstance(kind, Boolean):
        return pa.bool_()
    if isinstance(kind, Integer):
        return pa.int64()
    if isinstance(kind, Float):
        return pa.float64()
    if isinstance(kind, DateTime):
        return pa.timestamp("us", tz="UTC")
    if isinstance(kind, Date):
        return pa.date32()
    return pa.string()


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime):
        return (value if value.tzinfo else value.replace(tzinfo=dt.UTC)).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return LIST_SEPARATOR.join(str(v) for v in value)
    return value

