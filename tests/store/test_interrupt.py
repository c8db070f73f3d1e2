"""A real ingest process killed with SIGKILL mid-way, then rerun, ends like an uninterrupted run."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from newsgraph.store.db import Store
from tests.conftest import DATASETS, NEWSGRAPH

ARTICLES = 48


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = DATASETS / "bbc_news_fulltext" / "bbc_news_2004_2005.jsonl"
    if not source.exists():
        pytest.fail(f"benchmark corpus missing at {source}")
    path = tmp_path_factory.mktemp("corpus") / "articles.jsonl"
    with source.open() as src, path.open("w") as out:
        for _, line in zip(range(ARTICLES), src, strict=False):
            row = json.loads(line)
            out.write(json.dumps({"title": row["title"], "text": row["text"]}) + "\n")
    return path


def _ingest(corpus: Path, db: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [NEWSGRAPH, "ingest", str(corpus), "--db", db, "--workers", "1", "--batch-size", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


def test_killed_ingest_resumes_to_the_same_counts(corpus: Path, db_url: str, tmp_path: Path):
    killed = _ingest(corpus, db_url)
    deadline = time.monotonic() + 120
    with Store(db_url) as store:
        while store.counts()["articles"] < 6:
            if killed.poll() is not None:
                error = killed.stderr.read().decode()[-2000:] if killed.stderr else ""
                pytest.fail(f"ingest finished (exit {killed.returncode}) before it could be interrupted: {error}")
            assert time.monotonic() < deadline
            time.sleep(0.05)
    os.kill(killed.pid, signal.SIGKILL)
    killed.wait()
    with Store(db_url) as store:
        partial = store.counts()["articles"]
    assert 6 <= partial < ARTICLES

    rerun = _ingest(corpus, db_url)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err.decode()

    reference_db = f"sqlite:///{tmp_path / 'reference.db'}"
    whole = _ingest(corpus, reference_db)
    whole.communicate(timeout=300)
    with Store(db_url) as resumed, Store(reference_db) as reference:
        assert resumed.counts() == reference.counts()
        assert resumed.counts()["articles"] == ARTICLES
