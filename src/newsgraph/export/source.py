"""The store, read back for export: stored records one at a time, and whole part tables.

Both readers page through the database (records by article id, tables through a
server-side cursor), so an export of millions of articles runs in flat memory on SQLite
and PostgreSQL alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Column, select

from newsgraph.records import Event, Extraction
from newsgraph.store.db import PART_MODELS, Store
from newsgraph.store.schema import ArticleRow

# Records decoded per query: enough to amortise the round trip, small enough to stay flat.
RECORDS_PER_QUERY = 200
# Table rows fetched per round trip of the server-side cursor.
ROWS_PER_FETCH = 2000
# Columns of the store that are not part of the exported tables: the autoincrement key is
# internal, and the whole record (JSON) is what the other formats are made from.
INTERNAL_COLUMNS = frozenset({"pk", "record"})
TABLES: dict[str, Any] = {"articles": ArticleRow, **PART_MODELS}


@dataclass(frozen=True, slots=True)
class Stored:
    """A record as stored, with the time it was written (GDELT's DATEADDED)."""

    extraction: Extraction
    ingested_at: dt.datetime


def stored_records(store: Store) -> Iterator[Stored]:
    """Every stored record, in article-id order."""
    last = ""
    while True:
        query = (
            select(ArticleRow.id, ArticleRow.record, ArticleRow.ingested_at)
            .where(ArticleRow.id > last)
            .order_by(ArticleRow.id)
            .limit(RECORDS_PER_QUERY)
        )
        with store.engine.connect() as conn:
            rows = conn.execute(query).all()
        if not rows:
            return
        for row in rows:
            yield Stored(Extraction.from_dict(row.record), _utc(row.ingested_at))
        last = rows[-1].id


def table_columns(table: str) -> list[Column[Any]]:
    """The exported columns of a store table, in the table's order."""
    return [c for c in TABLES[table].__table__.columns if c.name not in INTERNAL_COLUMNS]


def table_rows(store: Store, table: str) -> Iterator[dict[str, Any]]:
    """Every row of one store table, ordered by article and then insertion."""
    model = TABLES[table]
    columns = table_columns(table)
    order = [model.id] if table == "articles" else [model.article_id, model.pk]
    query = select(*columns).order_by(*order)
    with store.engine.connect() as conn:
        for row in conn.execution_options(yield_per=ROWS_PER_FETCH).execute(query):
            yield row._asdict()


def asserted(event: Event) -> bool:
    """Whether the record says the event happened: not negated, hypothetical or future.

    GDELT and POLECAT rows have no column to say otherwise, so a row there asserts the event
    took place; "we will not send troops" must not become a troop deployment.
    """
    return not (event.negated or event.hypothetical or event.future)


def event_day(event: Event, extraction: Extraction) -> str | None:
    """The event's date if the record resolved one, else the publication date (as GDELT and POLECAT date events)."""
    return event.date or extraction.article.published


def _utc(value: dt.datetime) -> dt.datetime:
    """SQLite hands timestamps back without their zone; they were written in UTC."""
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
