"""The same input gives the same records whatever the hash seed and worker count.

Spark executors, pool workers and a one-process run are all different Python processes
with different string-hash seeds; a stage whose output depends on set or dict iteration
order would make their records differ, which this test catches.
"""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

import pytest

from tests.conftest import DATASETS, EXAMPLES, run_cli

BBC = DATASETS / "bbc_news_fulltext" / "bbc_news_2004_2005.jsonl"


@pytest.mark.slow
def test_records_do_not_depend_on_hash_seed_or_workers(tmp_path: Path):
    corpus = tmp_path / "corpus.jsonl"
    with BBC.open(encoding="utf-8") as lines:
        corpus.write_text("".join(islice(lines, 400, 416)), encoding="utf-8")
    runs = {}
    for seed, workers in (("1", "1"), ("2", "2"), ("3", "1")):
        result = run_cli("extract", str(EXAMPLES), str(corpus), "--format", "jsonl", "--workers", workers,
                         env={"PYTHONHASHSEED": seed, "NEWSGRAPH_BATCH_SIZE": "4"})
        assert result.returncode == 0, result.stderr
        runs[(seed, workers)] = [json.loads(line) for line in result.stdout.splitlines()]
    reference = runs[("1", "1")]
    assert len(reference) >= 16 + 5 and sum(len(r["events"]) for r in reference) > 0
    for key, records in runs.items():
        assert records == reference, f"records differ with PYTHONHASHSEED={key[0]}, --workers {key[1]}"
