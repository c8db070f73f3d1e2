"""Aggregate reads: actors and places grouped across articles, with their counts.

An actor is one ``actors.key`` however many articles name it, and a place one name, country and
coordinates; these queries fold the per-article rows into those units (most active first) for
the actor listings, actor pages, pick lists and the map.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import Engine, and_, case, func, select
from sqlalchemy.sql import ColumnElement

from newsgraph.store.listing import EventFilter, Page, escape_like, event_conditions
from newsgraph.store.schema import ActorRow, EventActorRow, EventRow, MentionRow, PlaceRow


def actors_page(
    engine: Engine, search: str | None, country: str | None, kind: str | None, limit: int, offset: int
) -> Page:
    """Actors aggregated by key, most active first, with article, mention and event counts."""
    link = EventActorRow
    sent = func.sum(case((link.role == "source", 1), else_=0))
    received = func.sum(case((link.role == "target", 1), else_=0))
    query = (
        select(
            ActorRow.key,
            func.max(ActorRow.name).label("name"),
            func.max(ActorRow.kind).label("kind"),
            func.max(ActorRow.country).label("country"),
            func.max(ActorRow.sector).label("sector"),
            func.count(func.distinct(ActorRow.article_id)).label("articles"),
            func.coalesce(sent, 0).label("sent"),
            func.coalesce(received, 0).label("received"),
        )
        .outerjoin(link, and_(link.article_id == ActorRow.article_id, link.actor_local_id == ActorRow.local_id))
        .group_by(ActorRow.key)
    )
    conditions: list[ColumnElement[bool]] = []
    if search:
        conditions.append(ActorRow.name.ilike(f"%{escape_like(search)}%", escape="\\"))
    if country:
        conditions.append(ActorRow.country == country.upper())
    if kind:
        conditions.append(ActorRow.kind == kind)
    query = query.where(*conditions)
    activity = (func.coalesce(sent, 0) + func.coalesce(received, 0)).desc()
    with engine.connect() as conn:
        total = conn.execute(select(func.count(func.distinct(ActorRow.key))).where(*conditions)).scalar_one()
        rows = conn.execute(query.order_by(activity, ActorRow.key).limit(limit).offset(offset)).all()
        mentions = _mention_counts(conn, [row.key for row in rows])
    items = [
        {**row._asdict(), "sent": int(row.sent), "received": int(row.received), "mentions": mentions.get(row.key, 0)}
        for row in rows
    ]
    return Page(int(total), limit, offset, items)


def _mention_counts(conn: Any, keys: list[str]) -> dict[str, int]:
    if not keys:
        return {}
    query = (
        select(ActorRow.key, func.count(MentionRow.pk))
        .join(
            MentionRow,
            and_(
                MentionRow.article_id == ActorRow.article_id,
                MentionRow.kind == "actor",
                MentionRow.owner == ActorRow.local_id,
            ),
        )
        .where(ActorRow.key.in_(keys))
        .group_by(ActorRow.key)
    )
    return {key: int(n) for key, n in conn.execute(query)}


def actor_identity(engine: Engine, key: str) -> dict[str, Any] | None:
    """Who an actor is, gathered from every article that names it; None when unknown."""
    query = select(
        ActorRow.article_id, ActorRow.local_id, ActorRow.name, ActorRow.kind, ActorRow.country, ActorRow.sector,
        ActorRow.role, ActorRow.cameo, ActorRow.entry,
    ).where(ActorRow.key == key)
    with engine.connect() as conn:
        rows = conn.execute(query.order_by(ActorRow.article_id, ActorRow.pk)).all()
        if not rows:
            return None
        mentions = _mention_counts(conn, [key]).get(key, 0)
    return {
        "key": key,
        "name": _most_common(row.name for row in rows),
        "names": sorted({row.name for row in rows}),
        "kind": _most_common(row.kind for row in rows),
        "country": _most_common(row.country for row in rows),
        "sector": _most_common(row.sector for row in rows),
        "roles": sorted({row.role for row in rows if row.role}),
        "cameo": _most_common(row.cameo for row in rows),
        "entry": _most_common(row.entry for row in rows),
        "articles": sorted({row.article_id for row in rows}),
        "mentions": mentions,
    }


def actor_options(engine: Engine, limit: int = 500) -> list[dict[str, str]]:
    """Keys and names of the most mentioned actors, for pick lists in the web forms."""
    query = (
        select(ActorRow.key, func.max(ActorRow.name).label("name"))
        .group_by(ActorRow.key)
        .order_by(func.count().desc(), ActorRow.key)
        .limit(limit)
    )
    with engine.connect() as conn:
        return [{"key": row.key, "name": row.name} for row in conn.execute(query)]


def places_summary(engine: Engine, f: EventFilter, limit: int, offset: int) -> Page:
    """Places grouped by name, country and coordinates, with article and event counts.

    Event counts honour ``f``; places mentioned without an event under ``f`` keep a
    count of zero, so the map still shows where the articles are set.
    """
    events = (
        select(EventRow.article_id, EventRow.place, func.count().label("n"))
        .where(EventRow.place.is_not(None), *event_conditions(f))
        .group_by(EventRow.article_id, EventRow.place)
        .subquery()
    )
    group = (PlaceRow.name, PlaceRow.country, PlaceRow.feature, PlaceRow.lat, PlaceRow.lon)
    query = (
        select(
            *group,
            func.count(func.distinct(PlaceRow.article_id)).label("articles"),
            func.coalesce(func.sum(events.c.n), 0).label("events"),
        )
        .outerjoin(events, and_(events.c.article_id == PlaceRow.article_id, events.c.place == PlaceRow.local_id))
        .group_by(*group)
    )
    if f.article:
        query = query.where(PlaceRow.article_id == f.article)
    ordered = query.order_by(func.coalesce(func.sum(events.c.n), 0).desc(), PlaceRow.name, PlaceRow.country)
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(query.subquery())).scalar_one()
        rows = conn.execute(ordered.limit(limit).offset(offset)).all()
    items = [{**row._asdict(), "events": int(row.events)} for row in rows]
    return Page(int(total), limit, offset, items)


def _most_common(values: Any) -> Any:
    counts: dict[Any, int] = defaultdict(int)
    for value in values:
        if value is not None:
            counts[value] += 1
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[0][0]
