"""A store filled by real ingestion: the example articles and the seed, as users would load them."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsgraph.ingest import ingest
from newsgraph.store.db import Store
from newsgraph.text.article import Metadata
from tests.conftest import EXAMPLES

SEED_PUBLISHED = "2014-01-07"


def fill_store(url: str, seed: Path, extra: tuple[tuple[Path, Metadata], ...] = ()) -> None:
    """Ingest examples/ and the seed (published 2014-01-07), then any extra files, into ``url``."""
    with Store(url) as store:
        jobs = [(EXAMPLES, Metadata()), (seed, Metadata(published=SEED_PUBLISHED)), *extra]
        for path, meta in jobs:
            report = ingest([str(path)], store, overrides=meta, workers=1)
            assert not report.errors, report.errors
            assert report.read >= 1


@contextmanager
def postgres_database(server: str) -> Iterator[str]:
    """A fresh database on the test session's PostgreSQL server, dropped afterwards."""
    from sqlalchemy import create_engine, text

    name = "ng_" + uuid.uuid4().hex[:12]
    admin = create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield f"{server}/{name}"
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def seed_article_id(seed: Path) -> str:
    """The id the seed gets in the store: the same reader and cleaning as ingestion."""
    from newsgraph.text.readers import read_path

    items = list(read_path(str(seed), Metadata(published=SEED_PUBLISHED)))
    return items[0].id  # type: ignore[union-attr]
