"""Graph fixtures: the really ingested corpus (SQLite), built once for the session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from newsgraph.store.db import Store
from tests.api.corpus import fill_store


@pytest.fixture(scope="session")
def corpus_db(tmp_path_factory: pytest.TempPathFactory, seed_path: Path) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('graph') / 'corpus.db'}"
    fill_store(url, seed_path)
    return url


@pytest.fixture(scope="session")
def corpus_store(corpus_db: str) -> Iterator[Store]:
    with Store(corpus_db) as store:
        yield store
