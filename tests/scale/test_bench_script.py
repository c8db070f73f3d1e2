"""`make bench` refuses clearly when its corpus is missing, and runs end to end on a small one."""

from __future__ import annotations

import json
import subprocess
import sys
from itertools import islice
from pathlib import Path

import pytest

from tests.conftest import DATASETS, ROOT

BENCH = ROOT / "scripts" / "bench.py"


def test_missing_corpus_is_a_clear_error(tmp_path: Path):
    missing = tmp_path / "nowhere.jsonl"
    result = subprocess.run([sys.executable, str(BENCH), "--corpus", str(missing)], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.startswith(f"bench: corpus not found at {missing}\n")
    assert "--corpus PATH or NEWSGRAPH_BENCH_CORPUS" in result.stderr


@pytest.mark.slow
def test_bench_writes_its_results(tmp_path: Path):
    corpus = tmp_path / "small.jsonl"
    with (DATASETS / "bbc_news_fulltext" / "bbc_news_2004_2005.jsonl").open(encoding="utf-8") as lines:
        corpus.write_text("".join(islice(lines, 12)), encoding="utf-8")
    out = tmp_path / "results.json"
    result = subprocess.run(
        [sys.executable, str(BENCH), "--corpus", str(corpus), "--workers", "2", "--batch-size", "4",
         "--profile-sample", "4", "--out", str(out)],
        capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stderr
    results = json.loads(out.read_text())
    for key in ("parse_articles_per_s", "extract_articles_per_s", "ingest_articles_per_s", "extract_ratio",
                "ingest_ratio", "peak_rss_mb", "workers", "articles"):
        assert results[key] is not None, key
    assert results["articles"] == 12 and results["workers"] == 2
    assert results["machine"]["cores"] and results["machine"]["python"] and results["machine"]["date"]
    assert set(results["profile"]["ms_per_article"]) >= {"spacy_parse", "actors", "dates", "places", "quotes", "events"}
    assert "b/a (extract / parse)" in result.stdout
