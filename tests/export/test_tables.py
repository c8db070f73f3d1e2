"""CSV and Parquet exports: one file per store table, read back with csv and pyarrow, equal to the tables."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from newsgraph.export import ExportError, export
from newsgraph.store.db import Store
from tests.casualties import HARMFUL, HARMLESS, INJURED, KILLED, casualty_record
from tests.conftest import run_cli
from tests.export.conftest import query

BOOLEANS = ("negated", "hypothetical", "future", "historical", "direct", "reciprocal")
TABLES = ("articles", "actors", "mentions", "events", "event_actors", "quotes", "places", "dates")


def _stored(store: Store, table: str) -> list[dict[str, Any]]:
    order = "id" if table == "articles" else "article_id, pk"
    rows = query(store, f"SELECT * FROM {table} ORDER BY {order}")
    for row in rows:
        row.pop("pk", None)
        row.pop("record", None)
    return rows


def _read_back(text: str, stored: Any) -> Any:
    """A CSV cell decoded into the type the store holds, to compare with the stored value."""
    if text == "":
        return "" if stored == "" else None
    if isinstance(stored, bool):
        return {"true": True, "false": False}[text]
    if isinstance(stored, int):
        return int(text)
    if isinstance(stored, float):
        return float(text)
    if isinstance(stored, list):
        return text.split(";")
    if isinstance(stored, dt.date):
        return dt.date.fromisoformat(text)
    return text


def test_csv_tables_round_trip(store: Store, tmp_path: Path):
    report = export(store, "csv", str(tmp_path / "out"))
    counts = store.counts()
    assert report.rows == counts
    for table in TABLES:
        with (tmp_path / "out" / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
        stored = _stored(store, table)
        assert len(rows) == counts[table] == len(stored)
        assert set(rows[0]) == set(stored[0]), f"{table}: the store's columns"
        for got, want in zip(rows, stored, strict=True):
            for column, value in want.items():
                if column == "ingested_at":
                    assert dt.datetime.fromisoformat(got[column]).tzinfo is not None
                elif column == "mode":
                    assert got[column] == ";".join(value if isinstance(value, list) else _json_list(value))
                elif column in BOOLEANS:
                    assert got[column] == ("true" if value in (True, 1) else "false"), (table, column)
                else:
                    assert _read_back(got[column], value) == value, (table, column, got[column])


def _json_list(value: str) -> list[str]:
    import json

    return list(json.loads(value))


def test_parquet_tables_round_trip(store: Store, tmp_path: Path):
    report = export(store, "parquet", str(tmp_path / "out"))
    counts = store.counts()
    assert report.rows == counts
    for table in TABLES:
        read = pq.read_table(tmp_path / "out" / f"{table}.parquet")
        stored = _stored(store, table)
        assert read.num_rows == counts[table] == len(stored)
        assert set(read.column_names) == set(stored[0])
        for got, want in zip(read.to_pylist(), stored, strict=True):
            for column, value in want.items():
                if column in ("ingested_at",):
                    assert got[column].tzinfo is not None
                elif column in ("published", "date"):
                    assert (got[column].isoformat() if got[column] else None) == (str(value) if value else None)
                elif column == "mode":
                    assert got[column] == (value if isinstance(value, list) else _json_list(value))
                elif column in BOOLEANS:
                    assert got[column] is bool(value)
                else:
                    assert got[column] == value, (table, column)
    events = pq.read_table(tmp_path / "out" / "events.parquet")
    assert pa.types.is_list(events.schema.field("mode").type)
    assert pa.types.is_string(events.schema.field("mode").type.value_type)
    assert pa.types.is_int64(events.schema.field("quad").type)
    assert pa.types.is_date32(pq.read_table(tmp_path / "out" / "articles.parquet").schema.field("published").type)


def test_event_tables_carry_casualty_counts(store: Store, tmp_path: Path):
    record = casualty_record()
    store.save([record])
    export(store, "csv", str(tmp_path / "csv"))
    export(store, "parquet", str(tmp_path / "parquet"))
    with (tmp_path / "csv" / "events.csv").open(encoding="utf-8", newline="") as handle:
        written = [r for r in csv.DictReader(handle) if r["article_id"] == record.article.id]
    read = pq.read_table(tmp_path / "parquet" / "events.parquet")
    rows = [r for r in read.to_pylist() if r["article_id"] == record.article.id]
    assert {r["local_id"]: (r["killed"], r["injured"]) for r in written} == {
        HARMFUL: (str(KILLED), str(INJURED)), HARMLESS: ("", "")}
    assert {r["local_id"]: (r["killed"], r["injured"]) for r in rows} == {
        HARMFUL: (KILLED, INJURED), HARMLESS: (None, None)}
    assert pa.types.is_int64(read.schema.field("killed").type) and pa.types.is_int64(read.schema.field("injured").type)


def test_folder_formats_need_a_folder(store: Store, tmp_path: Path):
    with pytest.raises(ExportError, match="give it with --out FOLDER"):
        export(store, "csv", None)
    file = tmp_path / "a-file"
    file.write_text("x")
    with pytest.raises(ExportError, match="is a file"):
        export(store, "parquet", str(file))


def test_export_command(store: Store, tmp_path: Path):
    out = tmp_path / "events.tsv"
    result = run_cli("export", "--format", "gdelt-tsv", "--db", store.url, "--out", str(out))
    assert result.returncode == 0, result.stderr
    rows = out.read_text(encoding="utf-8").splitlines()
    assert rows and all(len(r.split("\t")) == 61 for r in rows)
    assert f"({len(rows)} gdelt-tsv rows)" in result.stderr
    to_stdout = run_cli("export", "--format", "plover-jsonl", "--db", store.url)
    assert to_stdout.returncode == 0 and len(to_stdout.stdout.splitlines()) == store.counts()["events"]
    missing = run_cli("export", "--format", "csv", "--db", store.url)
    assert missing.returncode == 2
    assert missing.stderr.strip() == "error: csv writes one file per table into a folder; give it with --out FOLDER"


def test_the_cli_offers_every_format():
    from newsgraph import cli  # registers cli_scale's commands; importing cli_scale first is circular
    from newsgraph.export import FORMATS

    cli_scale = __import__("newsgraph.cli_scale", fromlist=["EXPORT_FORMATS"])
    assert cli.main.commands["export"] is cli_scale.export_command

    assert cli_scale.EXPORT_FORMATS == FORMATS
