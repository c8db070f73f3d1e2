"""Store → the event-data field's exchange formats.

=================  =====================================================================
``plover-jsonl``   one PLOVER event record per line, every event (:mod:`.plover`)
``polecat-tsv``    POLECAT's public 40-column TSV with a header (:mod:`.polecat`)
``gdelt-tsv``      GDELT 2.0's 61-column event TSV, no header (:mod:`.gdelt`)
``acled-csv``      ACLED's 31-column CSV with a header, events ACLED types (:mod:`.acled`)
``csv``            one CSV file per store table, in a folder (:mod:`.tables`)
``parquet``        one Parquet file per store table, in a folder (:mod:`.tables`)
=================  =====================================================================

Each module's docstring lists what goes in every column and what we put where newsgraph
has no equivalent. The single-file formats stream record by record, the folder formats
table by table, so exporting a large store runs in flat memory.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from newsgraph.errors import ExportError
from newsgraph.export import acled, gdelt, plover, polecat
from newsgraph.export.source import Stored, stored_records
from newsgraph.store.db import Store

FORMATS = ("plover-jsonl", "polecat-tsv", "gdelt-tsv", "acled-csv", "csv", "parquet")
FOLDER_FORMATS = ("csv", "parquet")
STDOUT = "-"



@dataclass
class ExportReport:
    format: str
    destination: str
    rows: dict[str, int] = field(default_factory=dict)  # table or file → rows written
    articles: int = 0


def export(store: Store, fmt: str, out: str | None = None) -> ExportReport:
    """Write the store's records in format ``fmt`` to ``out`` (a file, ``-``, or a folder)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt in FOLDER_FORMATS:
        return _export_folder(store, fmt, out)
    destination = out or STDOUT
    report = ExportReport(fmt, "stdout" if destination == STDOUT else destination)
    records = _counted(stored_records(store), report)
    with _text_output(destination) as handle:
        if fmt == "plover-jsonl":
            count = _write_jsonl(handle, (row for s in records for row in plover.rows(s)))
        elif fmt == "polecat-tsv":
            count = _write_tsv(handle, polecat.COLUMNS, (row for s in records for row in polecat.rows(s)))
        elif fmt == "acled-csv":
            count = _write_csv(handle, acled.COLUMNS, (row for s in records for row in acled.rows(s)))
        else:
            count = _write_tsv(handle, None, (row for s in records for row in gdelt.rows(s)))
    report.rows[fmt] = count
    return report


def _export_folder(store: Store, fmt: str, out: str | None) -> ExportReport:
    from newsgraph.export.tables import write_csv_tables, write_parquet_tables

    if not out or out == STDOUT:
        raise ExportError(f"{fmt} writes one file per table into a folder; give it with --out FOLDER")
    folder = Path(out)
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{out} is a file; {fmt} needs a folder — give a new or existing folder with --out")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        writer: Callable[[Store, Path], dict[str, int]] = write_csv_tables if fmt == "csv" else write_parquet_tables
        rows = writer(store, folder)
    except OSError as exc:
        raise ExportError(f"cannot write to {out} ({exc.strerror or exc}); check the path and its permissions") from exc
    return ExportReport(fmt, str(folder), rows, rows.get("articles", 0))


def _counted(records: Iterator[Stored], report: ExportReport) -> Iterator[Stored]:
    for stored in records:
        report.articles += 1
        yield stored


@contextmanager
def _text_output(destination: str) -> Iterator[IO[str]]:
    if destination == STDOUT:
        yield sys.stdout
        sys.stdout.flush()
        return
    try:
        handle = open(destination, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise ExportError(
            f"cannot write to {destination} ({exc.strerror or exc}); check the path and its permissions"
        ) from exc
    with handle:
        yield handle


def _write_jsonl(handle: IO[str], rows: Iterable[dict[str, Any]]) -> int:
    count = 0
    for row in rows:
        handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        count += 1
    return count


def _write_tsv(handle: IO[str], header: tuple[str, ...] | None, rows: Iterable[list[str]]) -> int:
    """Plain TSV as GDELT and POLECAT publish it: no quoting, so no tab or line break inside a cell."""
    if header:
        handle.write("\t".join(header) + "\n")
    count = 0
    for row in rows:
        handle.write("\t".join(_plain_cell(cell) for cell in row) + "\n")
        count += 1
    return count


def _write_csv(handle: IO[str], header: tuple[str, ...], rows: Iterable[list[str]]) -> int:
    """Quoted CSV as ACLED publishes it: a cell may hold commas, quotes and line breaks (notes do)."""
    writer = csv.writer(handle)
    writer.writerow(header)
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def _plain_cell(value: str) -> str:
    return " ".join(value.split()) if ("\t" in value or "\n" in value or "\r" in value) else value


__all__ = ["FORMATS", "FOLDER_FORMATS", "ExportError", "ExportReport", "export"]
