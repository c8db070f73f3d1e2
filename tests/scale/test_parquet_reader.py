"""Parquet corpora read like their JSONL twins: same articles, same errors, streamed by row group."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.errors import InputError
from newsgraph.records import Article
from newsgraph.text.readers import count_inputs, read_inputs
from tests.conftest import DATASETS

BBC = DATASETS / "bbc_news_fulltext" / "bbc_news_2004_2005.jsonl"


def _bbc_rows(count: int) -> list[dict[str, object]]:
    with BBC.open(encoding="utf-8") as lines:
        return [json.loads(next(lines)) for _ in range(count)]


def test_parquet_gives_the_same_articles_as_jsonl(tmp_path: Path):
    rows = _bbc_rows(30)
    for number, row in enumerate(rows):
        row["url"] = f"https://example.org/{number}"
        row["published"] = f"2005-03-{number % 28 + 1:02d}"
    jsonl = tmp_path / "corpus.jsonl"
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    table = pa.Table.from_pylist(rows).set_column(
        list(rows[0]).index("published"), "published",
        pa.array([dt.date.fromisoformat(str(r["published"])) for r in rows], pa.date32()),
    )
    parquet = tmp_path / "corpus.parquet"
    pq.write_table(table, parquet, row_group_size=7)  # five row groups
    assert pq.ParquetFile(parquet).num_row_groups == 5
    from_jsonl = list(read_inputs([str(jsonl)]))
    from_parquet = list(read_inputs([str(parquet)]))
    assert all(isinstance(a, Article) for a in from_parquet)
    assert from_parquet == from_jsonl
    assert from_parquet[3].published == "2005-03-04" and from_parquet[3].title == rows[3]["title"]
    assert count_inputs([str(parquet)]) == 30


def test_bad_rows_and_files_are_errors_that_name_the_row(tmp_path: Path):
    parquet = tmp_path / "mixed.parquet"
    pq.write_table(pa.table({"text": ["A minister resigned on Monday.", None, "   "], "title": ["a", "b", "c"]}), parquet)
    items = list(read_inputs([str(parquet)]))
    assert isinstance(items[0], Article)
    assert str(items[1]) == f'{parquet}:2: the row has no "text" value; fill its text cell or drop the row'
    assert isinstance(items[2], InputError) and str(items[2]).startswith(f"{parquet}:3: ")

    no_text = tmp_path / "no-text.parquet"
    pq.write_table(pa.table({"body": ["x"]}), no_text)
    (error,) = list(read_inputs([str(no_text)]))
    assert str(error) == (
        f'{no_text}: the Parquet file has no "text" column (it has: body); '
        "give a table with a text column and optional title, url, source, published"
    )

    broken = tmp_path / "broken.parquet"
    broken.write_bytes(b"PAR1 this is not really parquet")
    (error,) = list(read_inputs([str(broken)]))
    assert isinstance(error, InputError) and "the Parquet file is corrupt or unreadable" in str(error)


def test_a_directory_mixes_parquet_with_other_files(tmp_path: Path):
    pq.write_table(pa.table({"text": ["Iran and Iraq signed a trade deal on Tuesday."]}), tmp_path / "a.parquet")
    (tmp_path / "b.txt").write_text("Police arrested two men in Lagos on Friday.\n", encoding="utf-8")
    articles = list(read_inputs([str(tmp_path)]))
    assert [type(a) for a in articles] == [Article, Article]
    assert count_inputs([str(tmp_path)]) == 2
