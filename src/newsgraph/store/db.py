"""Records ⇄ database. SQLite file by default, PostgreSQL by URL; migrated on open.

Writes are all-or-nothing per batch: an article's row and every part row are inserted in
one transaction, so a crash, Ctrl-C or ``kill -9`` leaves either the whole article or
none of it, and a rerun carries on where the last commit ended.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, delete, event, func, insert, or_, select
from sqlalchemy.exc import ArgumentError, OperationalError, SQLAlchemyError

from newsgraph import settings
from newsgraph.errors import StoreError
from newsgraph.records import Extraction
from newsgraph.store import rows as rowmaker
from newsgraph.store.schema import (
    ActorRow,
    ArticleRow,
    Base,
    DateRow,
    EventActorRow,
    EventRow,
    MentionRow,
    PlaceRow,
    QuoteRow,
)

PART_MODELS: dict[str, type[Base]] = {
    "actors": ActorRow,
    "mentions": MentionRow,
    "events": EventRow,
    "event_actors": EventActorRow,
    "quotes": QuoteRow,
    "places": PlaceRow,
    "dates": DateRow,
}
MIGRATIONS = Path(__file__).parent / "migrations"


class Store:
    """The database holding articles and their extraction records."""

    def __init__(self, url: str | None = None) -> None:
        self.url = url or str(settings.get("db"))
        self.engine = open_engine(self.url)
        migrate(self.engine, self.url)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing -------------------------------------------------------------------

    def coders(self, article_ids: Iterable[str]) -> dict[str, str]:
        """The coder that made each stored article among ``article_ids``."""
        ids = list(dict.fromkeys(article_ids))
        found: dict[str, str] = {}
        with self.engine.connect() as conn:
            for chunk in _chunks(ids, 500):
                query = select(ArticleRow.id, ArticleRow.coder).where(ArticleRow.id.in_(chunk))
                found.update({row.id: row.coder for row in conn.execute(query)})
        return found

    def save(self, extractions: Sequence[Extraction]) -> int:
        """Store a batch in one transaction, replacing articles coded by another coder.

        Articles already stored by the same coder are left alone. Returns how many
        articles were written.
        """
        stored = self.coders(x.article.id for x in extractions)
        fresh: dict[str, Extraction] = {}
        for extraction in extractions:
            if stored.get(extraction.article.id) != extraction.coder:
                fresh[extraction.article.id] = extraction
        if not fresh:
            return 0
        now = dt.datetime.now(dt.UTC)
        parts: dict[str, list[dict[str, Any]]] = {name: [] for name in PART_MODELS}
        for extraction in fresh.values():
            for name, rows in rowmaker.part_rows(extraction).items():
                parts[name].extend(rows)
        replaced = [aid for aid in fresh if aid in stored]
        try:
            with self.engine.begin() as conn:
                if replaced:
                    self._delete(conn, replaced)
                conn.execute(insert(ArticleRow), [rowmaker.article_row(x, now) for x in fresh.values()])
                for name, rows in parts.items():
                    if rows:
                        conn.execute(insert(PART_MODELS[name]), rows)
        except SQLAlchemyError as exc:
            raise StoreError(
                f"could not write to {self.display_url}: {exc.__class__.__name__}: {exc.orig if hasattr(exc, 'orig') else exc}"
            ) from exc
        return len(fresh)

    def delete(self, article_ids: Sequence[str]) -> None:
        with self.engine.begin() as conn:
            self._delete(conn, list(article_ids))

    @staticmethod
    def _delete(conn: Any, article_ids: list[str]) -> None:
        for model in PART_MODELS.values():
            conn.execute(delete(model).where(model.article_id.in_(article_ids)))  # type: ignore[attr-defined]
        conn.execute(delete(ArticleRow).where(ArticleRow.id.in_(article_ids)))

    # -- reading -------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """Row count of every table."""
        models: dict[str, Any] = {"articles": ArticleRow, **PART_MODELS}
        with self.engine.connect() as conn:
            return {name: int(conn.execute(select(func.count()).select_from(m)).scalar_one()) for name, m in models.items()}

    def articles(self, limit: int = 50, offset: int = 0, search: str | None = None) -> list[dict[str, Any]]:
        """Article summaries, newest first; ``search`` matches title or text (case-insensitive)."""
        query = select(
            ArticleRow.id,
            ArticleRow.title,
            ArticleRow.published,
            ArticleRow.source,
            ArticleRow.url,
            ArticleRow.coder,
            func.length(ArticleRow.text).label("chars"),
        )
        if search:
            pattern = f"%{search}%"
            query = query.where(or_(ArticleRow.title.ilike(pattern), ArticleRow.text.ilike(pattern)))
        query = query.order_by(ArticleRow.published.desc().nulls_last(), ArticleRow.id).limit(limit).offset(offset)
        with self.engine.connect() as conn:
            return [
                {**row._asdict(), "published": row.published.isoformat() if row.published else None}
                for row in conn.execute(query)
            ]

    def record(self, article_id: str) -> dict[str, Any] | None:
        """The stored extraction record of an article, by id or an unambiguous id prefix."""
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(ArticleRow.id, ArticleRow.record)
                .where(ArticleRow.id.like(f"{_escape_like(article_id)}%", escape="\\"))
                .limit(2)
            ).all()
        if len(rows) != 1:
            if len(rows) > 1:
                raise StoreError(f"article id prefix {article_id!r} is ambiguous; give more characters")
            return None
        record: dict[str, Any] = rows[0].record
        return record

    @property
    def display_url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)


def open_engine(url: str) -> Engine:
    """An engine with the pragmas that make SQLite safe for concurrent readers and crashes."""
    try:
        engine = create_engine(url, future=True)
    except (ArgumentError, ImportError, ValueError) as exc:
        raise StoreError(
            f"cannot use database URL {url!r} ({exc}); give sqlite:///FILE or postgresql+psycopg://USER@HOST/DB"
        ) from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cursor = dbapi_conn.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


def migrate(engine: Engine, url: str) -> None:
    """Bring the schema up to the newest Alembic revision."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as conn:
            _hold_migration_lock(conn)
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
    except OperationalError as exc:
        raise StoreError(
            f"cannot open the database {engine.url.render_as_string(hide_password=True)} ({exc.orig}); "
            "check the path or server, or set --db / NEWSGRAPH_DB"
        ) from exc


# Any constant: the PostgreSQL advisory lock that newsgraph processes migrating one database share.
MIGRATION_LOCK_KEY = 7_318_552_014


def _hold_migration_lock(conn: Any) -> None:
    """Two processes opening a new store at once (two ``ingest`` runs, a server and an ingest)
    must not both create its tables: the second would fail on "table already exists". The lock
    makes the second wait until the first has committed; it then finds the schema current.
    SQLite: take the write lock before the first statement (pysqlite would otherwise run each
    CREATE on its own); PostgreSQL: a transaction-scoped advisory lock."""
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    elif conn.dialect.name == "postgresql":
        conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({MIGRATION_LOCK_KEY})")


def _chunks(items: list[str], size: int) -> Iterable[list[str]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
