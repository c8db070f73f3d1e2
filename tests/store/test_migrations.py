"""Schema migrations on SQLite and PostgreSQL: an older store is upgraded in place, rows kept.

A store at revision 0002 (before the casualty counts) is built by running the migrations
up to 0002 and writing a record the way that version did, without ``killed``/``injured``;
opening it with ``Store`` must add the columns, keep every row and read the counts as
"none reported".
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, MetaData, insert, inspect, select

from newsgraph.records import Extraction
from newsgraph.store import rows as rowmaker
from newsgraph.store.db import MIGRATIONS, Store, open_engine
from newsgraph.store.queries import EventFilter, events_page
from newsgraph.store.schema import Base, EventRow
from tests.casualties import HARMFUL, HARMLESS, INJURED, KILLED, casualty_record, counts

HEAD = "0003"
CASUALTY_COLUMNS = {"killed", "injured"}


def alembic_config(conn: Any) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = conn
    return config


def migrate_to(engine: Engine, revision: str, down: bool = False) -> None:
    with engine.begin() as conn:
        (command.downgrade if down else command.upgrade)(alembic_config(conn), revision)


def revision_of(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def event_columns(engine: Engine) -> set[str]:
    return {c["name"] for c in inspect(engine).get_columns("events")}


def old_record(record: Extraction) -> dict[str, Any]:
    """The record as a store at 0002 holds it: written before events had casualty counts."""
    data = record.to_dict()
    data["events"] = [{k: v for k, v in e.items() if k not in CASUALTY_COLUMNS} for e in data["events"]]
    return data


def write_as_0002(engine: Engine, record: Extraction) -> None:
    """Insert the record's rows through the tables as they are at 0002 (reflected, not the models)."""
    tables = MetaData()
    tables.reflect(engine)
    parts = rowmaker.part_rows(record)
    with engine.begin() as conn:
        conn.execute(insert(tables.tables["articles"]), [{**rowmaker.article_row(record), "record": old_record(record)}])
        for name, rows in parts.items():
            known = set(tables.tables[name].columns.keys())
            if rows:
                conn.execute(insert(tables.tables[name]), [{k: v for k, v in r.items() if k in known} for r in rows])


def test_the_store_opens_at_the_newest_revision_matching_the_models(db_url: str):
    with Store(db_url) as store:
        assert ScriptDirectory.from_config(alembic_config(None)).get_current_head() == HEAD
        assert revision_of(store.engine) == HEAD
        assert CASUALTY_COLUMNS <= event_columns(store.engine)
        with store.engine.connect() as conn:
            assert compare_metadata(MigrationContext.configure(conn), Base.metadata) == []


def test_a_0002_store_gains_the_casualty_columns_and_keeps_its_rows(db_url: str):
    record = casualty_record()
    engine = open_engine(db_url)
    try:
        migrate_to(engine, "0002")
        assert revision_of(engine) == "0002" and not CASUALTY_COLUMNS & event_columns(engine)
        write_as_0002(engine, record)
    finally:
        engine.dispose()
    with Store(db_url) as store:  # opening the store migrates it
        assert revision_of(store.engine) == HEAD and CASUALTY_COLUMNS <= event_columns(store.engine)
        assert store.counts()["articles"] == 1 and store.counts()["events"] == 2
        stored = store.record(record.article.id)
        listed = events_page(store.engine, EventFilter(), 10, 0).items
        store.save([replace(record, coder="test-coder/2")])  # re-coding fills the counts in
        recoded = events_page(store.engine, EventFilter(), 10, 0).items
    assert stored is not None and stored == old_record(record)
    rebuilt = Extraction.from_dict(stored)
    assert [(e.killed, e.injured) for e in rebuilt.events] == [(None, None), (None, None)]
    assert rebuilt == replace(record, events=tuple(replace(e, killed=None, injured=None) for e in record.events))
    assert counts(listed) == {HARMFUL: (None, None), HARMLESS: (None, None)}
    assert {e["local_id"]: e["evidence"]["trigger"]["text"] for e in listed} == {HARMFUL: "attacked",
                                                                                  HARMLESS: "condemned"}
    assert counts(recoded) == {HARMFUL: (KILLED, INJURED), HARMLESS: (None, None)}


def test_downgrading_to_0002_drops_only_the_casualty_columns(db_url: str):
    record = casualty_record()
    with Store(db_url) as store:
        store.save([record])
        before = event_columns(store.engine)
    engine = open_engine(db_url)
    try:
        migrate_to(engine, "0002", down=True)
        assert revision_of(engine) == "0002"
        assert event_columns(engine) == before - CASUALTY_COLUMNS
        with engine.connect() as conn:
            kept = conn.execute(select(EventRow.local_id).order_by(EventRow.local_id)).scalars().all()
    finally:
        engine.dispose()
    assert kept == [HARMFUL, HARMLESS]


def _open_when_released(url: str, barrier: Any, results: Any) -> None:
    barrier.wait()
    try:
        with Store(url) as store:
            store.counts()
        results.put("ok")
    except Exception as exc:  # reported to the test, which shows it
        results.put(repr(exc))


def test_processes_opening_a_new_store_at_once_all_succeed(db_url: str):
    """Two ingest runs (or a server and an ingest) started on a new store must not both create
    its tables; without the migration lock some of them fail on "table already exists"."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(4), context.Queue()
    workers = [context.Process(target=_open_when_released, args=(db_url, barrier, results)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
    assert [results.get(timeout=10) for _ in workers] == ["ok"] * 4
    with Store(db_url) as store:
        assert store.counts()["articles"] == 0
