"""Ingest of mixed inputs (files, JSONL, Parquet) with workers: batched transactions, repeats skipped, resumable."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from sqlalchemy import event

from newsgraph.ingest import ingest
from newsgraph.store.db import Store
from tests.conftest import DATASETS, EXAMPLES

BBC = DATASETS / "bbc_news_fulltext" / "bbc_news_2004_2005.jsonl"
BBC_ROWS = 10
REPEATS = 3


def _inputs(folder: Path) -> tuple[Path, int]:
    """examples/ + BBC rows as Parquet + some of them again as JSONL + an empty file; returns (folder, examples)."""
    shutil.copytree(EXAMPLES, folder)
    examples = sum(1 for p in EXAMPLES.iterdir() if p.suffix != ".jsonl") + sum(
        1 for line in (EXAMPLES / "wire-briefs.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()
    )
    with BBC.open(encoding="utf-8") as lines:
        rows = [json.loads(next(lines)) for _ in range(BBC_ROWS)]
    pq.write_table(pa.Table.from_pylist(rows), folder / "x-bbc.parquet", row_group_size=4)
    (folder / "y-repeats.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows[:REPEATS]), encoding="utf-8")
    (folder / "z-empty.txt").write_text("   \n", encoding="utf-8")
    return folder, examples


def test_mixed_inputs_stream_into_batched_transactions(db_url: str, tmp_path: Path):
    folder, examples = _inputs(tmp_path / "in")
    unique = examples + BBC_ROWS
    size = 4
    ticks: list[int] = []
    with Store(db_url) as store:
        commits: list[int] = []
        event.listen(store.engine, "commit", lambda conn: commits.append(1))
        report = ingest([str(folder)], store, workers=2, batch_size=size, progress=ticks.append)
        assert report.stored == unique and report.skipped == REPEATS and report.read == unique + REPEATS
        assert [str(e).split(":")[0] for e in report.errors] == [str(folder / "z-empty.txt")]
        assert store.counts()["articles"] == unique
        # one transaction per batch of records written (a batch of repeats only writes nothing)
        assert math.ceil(unique / size) <= len(commits) <= math.ceil((unique + REPEATS) / size)
        assert sum(ticks) == unique + REPEATS + 1

        commits.clear()
        again = ingest([str(folder)], store, workers=2, batch_size=size)
        assert again.stored == 0 and again.skipped == unique + REPEATS and not commits


@pytest.mark.slow
def test_an_interrupted_ingest_finishes_on_the_next_run(db_url: str, tmp_path: Path):
    folder, examples = _inputs(tmp_path / "in")
    unique = examples + BBC_ROWS

    class Stop(Exception):
        pass

    seen = 0

    def stop_after_two_batches(n: int) -> None:
        nonlocal seen
        seen += n
        if seen >= 8:
            raise Stop

    with Store(db_url) as store:
        try:
            ingest([str(folder)], store, workers=2, batch_size=4, progress=stop_after_two_batches)
        except Stop:
            pass
        partial = store.counts()["articles"]
        assert 0 < partial < unique
        rest = ingest([str(folder)], store, workers=2, batch_size=4)
        assert rest.stored == unique - partial
        assert store.counts()["articles"] == unique
