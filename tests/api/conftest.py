"""API fixtures: one ingested corpus per backend for the whole session (ingestion is the slow part).

Read-only tests share it; tests that write use the function-scoped ``db_url`` fixture of
tests/conftest.py (a fresh store on SQLite and on PostgreSQL).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.api import create_app
from tests.api.corpus import fill_store, postgres_database, seed_article_id

BASE_URL = "http://127.0.0.1"  # the server checks Host on loopback; TestClient's default host is not one


@pytest.fixture(scope="session", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def corpus_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, seed_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('corpus') / 'corpus.db'}"
        fill_store(url, seed_path)
        yield url
        return
    with postgres_database(request.getfixturevalue("postgres_server")) as url:
        fill_store(url, seed_path)
        yield url


@pytest.fixture(scope="session")
def client(corpus_url: str) -> Iterator[TestClient]:
    with TestClient(create_app(corpus_url), base_url=BASE_URL, raise_server_exceptions=False) as c:
        yield c


@pytest.fixture(scope="session")
def seed_id(seed_path: Path) -> str:
    return seed_article_id(seed_path)


def app_client(url: str, **options: object) -> TestClient:
    return TestClient(create_app(url, **options), base_url=BASE_URL, raise_server_exceptions=False)  # type: ignore[arg-type]
