"""Parquet corpus → article rows, streamed one row group at a time.

A Parquet file of articles has a ``text`` column and optionally ``title``, ``url``,
``source`` and ``published`` (or ``date``), the same fields as a JSONL corpus. Each row is
handed to the JSONL reader as the JSON line it would be in a JSONL file, so both containers
clean text, read dates and report bad rows the same way: a corpus converted from JSONL to
Parquet (or coded by the Spark job, which does the same) gives the same records.

Only the known columns are read, in batches of :data:`ROWS_PER_READ`, so memory depends on
the row-group size, not on the file's.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from newsgraph.errors import InputError, JsonlError
from newsgraph.text.article import Metadata
from newsgraph.text.formats import read_jsonl

# The columns an article row may have; any others (ids, categories...) are not read.
ARTICLE_COLUMNS = ("text", "title", "url", "source", "published", "date")
# Rows converted per read: a few MB of text at most, whatever the file's size.
ROWS_PER_READ = 1024

Source = Path | IO[bytes]


def read_parquet(source: Source, name: str) -> Iterator[tuple[str, Metadata, str] | InputError]:
    """(text, metadata, where) for every row, or an error for a row without text.

    ``where`` is ``FILE:ROW`` with rows counted from 1, like ``FILE:LINE`` for JSONL.
    """
    try:
        parquet = _open(source, name)
    except InputError as exc:
        yield exc
        return
    columns = [c for c in ARTICLE_COLUMNS if c in parquet.schema_arrow.names]
    if "text" not in columns:
        yield InputError(
            name,
            f'the Parquet file has no "text" column (it has: {", ".join(parquet.schema_arrow.names)})',
            "give a table with a text column and optional title, url, source, published",
        )
        return
    for item in read_jsonl(_json_lines(parquet, columns), name):
        if isinstance(item, JsonlError):
            # The lines are ours, so the only complaint left is a missing or null text.
            yield InputError(item.path, 'the row has no "text" value', "fill its text cell or drop the row")
        else:
            yield item


def parquet_rows(path: Path) -> int:
    """The number of rows, read from the file's footer (for a progress bar)."""
    try:
        return int(_open(path, str(path)).metadata.num_rows)
    except InputError:
        return 1


def _open(source: Source, name: str) -> Any:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(source)
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise InputError(
            name, f"the Parquet file is corrupt or unreadable ({exc})", "write it again, or give the articles as JSONL"
        ) from exc


def _json_lines(parquet: Any, columns: list[str]) -> Iterator[bytes]:
    for batch in parquet.iter_batches(batch_size=ROWS_PER_READ, columns=columns):
        for row in batch.to_pylist():
            present = {k: v for k, v in row.items() if v is not None}
            yield json.dumps(present, ensure_ascii=False, default=str).encode("utf-8", "replace")
