"""Read queries for the API, the web views and the actor graph.

Everything here is a parameterised SQLAlchemy expression (never SQL assembled from user
strings), and the same code runs on SQLite and PostgreSQL. Actors are identified across
articles by ``actors.key`` (their dictionary entry, else ``country|kind|name``); events by
their article id and local id (``e1``), which is also how the record names them.

The reads are split by job: :mod:`.listing` holds the shared filter and page, :mod:`.event_queries`
the events and the graph's links, :mod:`.aggregates` actors and places grouped across articles;
this module holds the per-article reads (articles, quotes) and re-exports the rest, so callers
import every query from here.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, and_, func, or_, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql import ColumnElement

from newsgraph.store.aggregates import actor_identity, actor_options, actors_page, places_summary
from newsgraph.store.event_queries import event_detail, event_links, events_page, iter_events
from newsgraph.store.listing import EventFilter, Page, escape_like, iso
from newsgraph.store.schema import ActorRow, ArticleRow, QuoteRow


def articles_page(engine: Engine, search: str | None, limit: int, offset: int) -> Page:
    """Article summaries, newest first; ``search`` matches title or text, case-insensitively."""
    chars = func.length(ArticleRow.text).label("chars")
    base = select(
        ArticleRow.id, ArticleRow.title, ArticleRow.published, ArticleRow.source, ArticleRow.url, ArticleRow.coder, chars
    )
    conditions: list[ColumnElement[bool]] = []
    if search:
        pattern = f"%{escape_like(search)}%"
        conditions.append(or_(ArticleRow.title.ilike(pattern, escape="\\"), ArticleRow.text.ilike(pattern, escape="\\")))
    query = base.where(*conditions).order_by(ArticleRow.published.desc().nulls_last(), ArticleRow.id)
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(ArticleRow).where(*conditions)).scalar_one()
        rows = conn.execute(query.limit(limit).offset(offset)).all()
    items = [{**row._asdict(), "published": iso(row.published)} for row in rows]
    return Page(int(total), limit, offset, items)


def article_record(engine: Engine, article_id: str) -> dict[str, Any] | None:
    """The stored record of one article, by exact id (the API never guesses from a prefix)."""
    with engine.connect() as conn:
        record = conn.execute(select(ArticleRow.record).where(ArticleRow.id == article_id)).scalar_one_or_none()
    return record


def actor_keys(engine: Engine, article_id: str) -> dict[str, str]:
    """Local actor id → cross-article key, for one article's links."""
    query = select(ActorRow.local_id, ActorRow.key).where(ActorRow.article_id == article_id)
    with engine.connect() as conn:
        return {row.local_id: row.key for row in conn.execute(query)}


def quotes_page(
    engine: Engine, speaker: str | None, search: str | None, article: str | None, limit: int, offset: int
) -> Page:
    """Quotes with their speaker (``speaker`` filters by actor key) and article."""
    who = aliased(ActorRow)
    query = (
        select(
            QuoteRow.article_id, QuoteRow.local_id, QuoteRow.text, QuoteRow.start, QuoteRow.end, QuoteRow.cue,
            QuoteRow.direct, QuoteRow.speaker.label("speaker_id"), who.key.label("speaker_key"),
            who.name.label("speaker_name"), ArticleRow.title.label("article_title"),
            ArticleRow.published.label("article_published"),
        )
        .join(ArticleRow, ArticleRow.id == QuoteRow.article_id)
        .outerjoin(who, and_(who.article_id == QuoteRow.article_id, who.local_id == QuoteRow.speaker))
    )
    conditions: list[ColumnElement[bool]] = []
    if speaker:
        conditions.append(who.key == speaker)
    if search:
        conditions.append(QuoteRow.text.ilike(f"%{escape_like(search)}%", escape="\\"))
    if article:
        conditions.append(QuoteRow.article_id == article)
    query = query.where(*conditions)
    count = (
        select(func.count())
        .select_from(QuoteRow)
        .outerjoin(who, and_(who.article_id == QuoteRow.article_id, who.local_id == QuoteRow.speaker))
        .where(*conditions)
    )
    order = [ArticleRow.published.desc().nulls_last(), QuoteRow.article_id, QuoteRow.pk]
    with engine.connect() as conn:
        total = conn.execute(count).scalar_one()
        rows = conn.execute(query.order_by(*order).limit(limit).offset(offset)).all()
    items = [
        {
            "id": f"{row.article_id}/{row.local_id}",
            "article_id": row.article_id,
            "local_id": row.local_id,
            "text": row.text,
            "start": row.start,
            "end": row.end,
            "cue": row.cue,
            "direct": bool(row.direct),
            "speaker": {"id": row.speaker_id, "key": row.speaker_key, "name": row.speaker_name}
            if row.speaker_id
            else None,
            "article": {"id": row.article_id, "title": row.article_title, "published": iso(row.article_published)},
        }
        for row in rows
    ]
    return Page(int(total), limit, offset, items)


__all__ = [
    "EventFilter",
    "Page",
    "articles_page",
    "article_record",
    "actor_keys",
    "actors_page",
    "actor_identity",
    "actor_options",
    "events_page",
    "iter_events",
    "event_detail",
    "event_links",
    "quotes_page",
    "places_summary",
]
