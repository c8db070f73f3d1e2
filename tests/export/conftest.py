"""A store filled by real ingestion of examples/, on SQLite and PostgreSQL (``db_url``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import text

from newsgraph.ingest import ingest
from newsgraph.store.db import Store
from tests.conftest import EXAMPLES


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store(db_url) as filled:
        report = ingest([str(EXAMPLES)], filled, workers=1)
        assert report.stored >= 5 and not report.errors
        counts = filled.counts()
        assert counts["events"] > 0 and counts["places"] > 0 and counts["actors"] > 0, counts
        yield filled


def query(store: Store, sql: str) -> list[dict[str, Any]]:
    """Rows straight from the store's tables, as the exports are checked against them."""
    with store.engine.connect() as conn:
        return [dict(row._mapping) for row in conn.execute(text(sql))]


def asserted_events(store: Store) -> list[dict[str, Any]]:
    return query(
        store,
        "SELECT e.*, a.published AS published, a.url AS url FROM events e JOIN articles a ON a.id = e.article_id "
        "WHERE NOT e.negated AND NOT e.hypothetical AND NOT e.future ORDER BY e.article_id, e.pk",
    )


def event_actors(store: Store) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """(article, event, role) → the linked actors' rows, in the order they were stored."""
    rows = query(
        store,
        "SELECT ac.*, ea.event_local_id, ea.role AS link FROM event_actors ea "
        "JOIN actors ac ON ac.article_id = ea.article_id AND ac.local_id = ea.actor_local_id ORDER BY ea.pk",
    )
    linked: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for row in rows:
        linked.setdefault((row["article_id"], row["event_local_id"], row["link"]), []).append(row)
    return linked


def places(store: Store) -> dict[tuple[str, str], dict[str, Any]]:
    return {(p["article_id"], p["local_id"]): p for p in query(store, "SELECT * FROM places")}
