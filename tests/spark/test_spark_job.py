"""The Spark job in local[2] mode codes a small corpus exactly as `newsgraph extract` does.

Needs Java (Debian ``openjdk-17-jre-headless``, installed by scripts/system-deps.sh); the
test fails, not skips, without it. One Spark session serves the module (≈10 s to start).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from itertools import islice
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from newsgraph.records import Article
from newsgraph.store.db import Store
from newsgraph.text.readers import read_inputs
from tests.conftest import DATASETS, EXAMPLES, run_cli

pytestmark = [
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore:PySpark does not yet fully support pandas:FutureWarning"),
]

BBC = DATASETS / "bbc_news_fulltext" / "bbc_news_2004_2005.jsonl"
BAD_ROW = {"title": "a row without text"}


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from newsgraph.spark.session import spark_session

    session = spark_session("local[2]")
    assert session.sparkContext.master == "local[2]"
    yield session
    session.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """examples/ as JSONL rows, four BBC articles, and one row without text (line 6)."""
    rows: list[dict[str, Any]] = []
    for article in read_inputs([str(EXAMPLES)]):
        assert isinstance(article, Article)
        rows.append({"text": article.text, "title": article.title, "url": article.url, "source": article.source,
                     "published": article.published})
    rows.insert(5, BAD_ROW)
    with BBC.open(encoding="utf-8") as lines:
        rows.extend(json.loads(line) for line in islice(lines, 1100, 1104))
    path = tmp_path_factory.mktemp("spark") / "corpus.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def expected(corpus: Path) -> dict[str, dict[str, Any]]:
    result = run_cli("extract", str(corpus), "--format", "jsonl")
    assert result.returncode == 2 and f"{corpus}:6: the line has no \"text\" string" in result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 9
    return {r["article"]["id"]: r for r in records}


def _output(folder: Path) -> list[dict[str, Any]]:
    return ds.dataset(folder, format="parquet").to_table().to_pylist()


def test_jsonl_corpus_gives_the_records_of_newsgraph_extract(spark: Any, corpus: Path, expected: dict, tmp_path: Path):
    from newsgraph.spark.job import spark_extract

    out = tmp_path / "out"
    report = spark_extract(str(corpus), str(out), master="local[2]", partitions=2, batch_size=4)
    assert (report.rows, report.records, report.failed, report.partitions) == (10, 9, 1, 2)
    assert report.errors == [f'{corpus.name}:6: the line has no "text" string; '
                             'give each line as {"text": "...", "title": ...}']
    rows = _output(out)
    coded = {r["id"]: r for r in rows if r["error"] is None}
    assert set(coded) == set(expected)
    for article_id, row in coded.items():
        record = json.loads(row["record"])
        assert record == expected[article_id]
        assert (row["title"], row["coder"], row["events"]) == (
            record["article"]["title"], record["coder"], len(record["events"]))
    assert sum(r["events"] for r in coded.values()) > 0


def test_parquet_corpus_gives_the_same_records(spark: Any, corpus: Path, expected: dict, tmp_path: Path):
    from newsgraph.spark.job import spark_extract

    rows = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    parquet = tmp_path / "corpus.parquet"
    pq.write_table(pa.Table.from_pylist(rows), parquet, row_group_size=3)
    report = spark_extract(str(parquet), str(tmp_path / "out"), master="local[2]", batch_size=4)
    assert (report.records, report.failed) == (9, 1)
    coded = {r["id"]: json.loads(r["record"]) for r in _output(tmp_path / "out") if r["error"] is None}
    assert coded == expected


def test_load_stores_the_records_once(spark: Any, corpus: Path, expected: dict, tmp_path: Path):
    from newsgraph.spark.job import spark_extract

    out = tmp_path / "out"
    spark_extract(str(corpus), str(out), master="local[2]", batch_size=4)
    db = f"sqlite:///{tmp_path / 'store.db'}"
    first = run_cli("load", str(out), "--db", db)
    assert first.returncode == 2  # the row without text is reported
    assert first.stdout.startswith(f"9 stored, 0 already stored, 1 failed (10 rows read) → {db}")
    assert f'{corpus.name}:6: the line has no "text" string' in first.stderr
    with Store(db) as store:
        assert store.counts()["articles"] == 9
        for article_id, record in expected.items():
            assert store.record(article_id) == record
    again = run_cli("load", str(out), "--db", db)
    assert again.stdout.startswith("0 stored, 9 already stored, 1 failed (10 rows read)")


def test_existing_output_is_refused_before_spark_starts(corpus: Path, tmp_path: Path):
    (tmp_path / "out").mkdir()
    result = run_cli("spark-extract", str(corpus), str(tmp_path / "out"))
    assert result.returncode == 2
    assert result.stderr.strip() == f"error: {tmp_path / 'out'} already exists; remove it or give --overwrite to replace it"
