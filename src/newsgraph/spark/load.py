"""Spark output (a Parquet folder of records) → the store, in batched transactions.

The folder is read a batch of rows at a time, each record rebuilt from its JSON and the
batch written in one transaction through :meth:`Store.save`, which skips articles the
store already holds from the same coder — loading the same folder twice stores nothing
new, and a load interrupted half-way resumes like an ingest. Rows the Spark job could not
code (an ``error`` instead of a record) are listed in the report, not stored.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph import settings
from newsgraph.errors import MissingInputError, NewsgraphError
from newsgraph.records import Extraction
from newsgraph.store.db import Store

Progress = Callable[[int], None]
REQUIRED_COLUMNS = ("record", "error", "origin")


@dataclass
class LoadReport:
    rows: int = 0
    stored: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)


def load(folder: str, store: Store, *, batch_size: int | None = None, progress: Progress | None = None) -> LoadReport:
    """Store every record of a ``spark-extract`` output folder (or a single Parquet file)."""
    dataset = open_records(folder)
    size = batch_size or int(settings.get("batch_size"))
    advance = progress or (lambda n: None)
    report = LoadReport()
    for batch in dataset.to_batches(columns=list(REQUIRED_COLUMNS), batch_size=size):
        extractions = []
        for record, error, origin in zip(*(batch.column(c).to_pylist() for c in REQUIRED_COLUMNS), strict=True):
            report.rows += 1
            if error:
                report.errors.append(f"{origin}: {error}")
            else:
                extractions.append(Extraction.from_dict(json.loads(record)))
        saved = store.save(extractions) if extractions else 0
        report.stored += saved
        report.skipped += len(extractions) - saved
        advance(batch.num_rows)
    return report


def count_rows(folder: str) -> int:
    return int(open_records(folder).count_rows())


def open_records(folder: str) -> Any:
    """The Parquet dataset under ``folder``, checked to be spark-extract output."""
    import pyarrow as pa
    import pyarrow.dataset as ds

    if not Path(folder).exists():
        raise MissingInputError(folder, "no such file or directory", "give the OUT folder of `newsgraph spark-extract`")
    try:
        dataset = ds.dataset(folder, format="parquet")
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise NewsgraphError(f"{folder}: cannot read it as Parquet ({exc}); give the OUT folder of `newsgraph spark-extract`") from exc
    missing = [c for c in REQUIRED_COLUMNS if c not in dataset.schema.names]
    if missing or not dataset.files:
        raise NewsgraphError(
            f"{folder}: not spark-extract output (no {', '.join(missing) or 'Parquet files'}); "
            "give the OUT folder of `newsgraph spark-extract`"
        )
    return dataset
