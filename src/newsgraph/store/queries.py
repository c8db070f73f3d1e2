"""Read queries for the API, the web views and the actor graph.

Everything here is a parameterised SQLAlchemy expression (never SQL assembled from user
strings), and the same code runs on SQLite and PostgreSQL. Actors are identified across
articles by ``actors.key`` (their dictionary entry, else ``country|kind|name``); events by
their article id and local id (``e1``), which is also how the record names them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, and_, case, exists, false, func, or_, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql import ColumnElement, Select

from newsgraph.store.schema import (
    ActorRow,
    ArticleRow,
    EventActorRow,
    EventRow,
    MentionRow,
    PlaceRow,
    QuoteRow,
)

# Rows fetched per round trip when streaming a whole result (CSV downloads, the graph).
STREAM_CHUNK = 2000


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events a listing, a download or the graph covers; unset fields do not filter.

    ``since``/``until`` compare the event's own date: undated events pass only when no
    date bound is given (an event's date is never guessed from the publication date).
    """

    actor: str | None = None  # actor key, on either side
    partner: str | None = None  # a second actor key the event must also involve, on either side
    source: str | None = None  # actor key among the sources
    target: str | None = None  # actor key among the targets
    types: tuple[str, ...] = ()
    quad: int | None = None
    negated: bool | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    place: str | None = None  # place name (case-insensitive) or ISO3 country code of the place
    article: str | None = None


@dataclass(slots=True)
class Page:
    """One page of a listing and the size of the whole listing."""

    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "limit": self.limit, "offset": self.offset, "items": self.items}


# -- articles ------------------------------------------------------------------------


def articles_page(engine: Engine, search: str | None, limit: int, offset: int) -> Page:
    """Article summaries, newest first; ``search`` matches title or text, case-insensitively."""
    chars = func.length(ArticleRow.text).label("chars")
    base = select(
        ArticleRow.id, ArticleRow.title, ArticleRow.published, ArticleRow.source, ArticleRow.url, ArticleRow.coder, chars
    )
    conditions: list[ColumnElement[bool]] = []
    if search:
        pattern = f"%{_escape_like(search)}%"
        conditions.append(or_(ArticleRow.title.ilike(pattern, escape="\\"), ArticleRow.text.ilike(pattern, escape="\\")))
    query = base.where(*conditions).order_by(ArticleRow.published.desc().nulls_last(), ArticleRow.id)
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(ArticleRow).where(*conditions)).scalar_one()
        rows = conn.execute(query.limit(limit).offset(offset)).all()
    items = [{**row._asdict(), "published": _iso(row.published)} for row in rows]
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


# -- actors --------------------------------------------------------------------------


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
        conditions.append(ActorRow.name.ilike(f"%{_escape_like(search)}%", escape="\\"))
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


# -- events --------------------------------------------------------------------------


def _event_conditions(f: EventFilter) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if f.types:
        conditions.append(EventRow.type.in_(f.types))
    if f.quad is not None:
        conditions.append(EventRow.quad == f.quad)
    if f.negated is not None:
        conditions.append(EventRow.negated == f.negated)
    if f.since is not None:
        conditions.append(EventRow.date >= f.since)
    if f.until is not None:
        conditions.append(EventRow.date <= f.until)
    if f.article:
        conditions.append(EventRow.article_id == f.article)
    if f.place:
        place = aliased(PlaceRow)  # its own alias: the outer query may join places too
        conditions.append(
            exists(
                select(place.pk).where(
                    place.article_id == EventRow.article_id,
                    place.local_id == EventRow.place,
                    or_(func.lower(place.name) == f.place.lower(), place.country == f.place.upper()),
                )
            )
        )
    for key, role in ((f.actor, None), (f.partner, None), (f.source, "source"), (f.target, "target")):
        if key:
            conditions.append(_has_actor(key, role))
    return conditions


def _has_actor(key: str, role: str | None) -> ColumnElement[bool]:
    # Own aliases, so the subquery never correlates with the outer query's actors or links.
    link = aliased(EventActorRow)
    actor = aliased(ActorRow)
    query = (
        select(link.pk)
        .join(actor, and_(actor.article_id == link.article_id, actor.local_id == link.actor_local_id))
        .where(link.article_id == EventRow.article_id, link.event_local_id == EventRow.local_id, actor.key == key)
    )
    if role:
        query = query.where(link.role == role)
    return exists(query)


def _events_select(f: EventFilter) -> Select[Any]:
    speaker = aliased(ActorRow)
    sentence = func.substr(ArticleRow.text, EventRow.start + 1, EventRow.end - EventRow.start)
    return (
        select(
            EventRow.article_id, EventRow.local_id, EventRow.type, EventRow.mode, EventRow.cameo, EventRow.quad,
            EventRow.score, EventRow.goldstein, EventRow.negated, EventRow.hypothetical, EventRow.future,
            EventRow.historical, EventRow.date, EventRow.date_precision, EventRow.date_reason, EventRow.confidence,
            EventRow.start, EventRow.end, EventRow.trigger_start, EventRow.trigger_end, EventRow.trigger_text,
            EventRow.coder, EventRow.place.label("place_id"), sentence.label("sentence"),
            ArticleRow.title.label("article_title"), ArticleRow.published.label("article_published"),
            PlaceRow.name.label("place_name"), PlaceRow.country.label("place_country"),
            PlaceRow.lat.label("place_lat"), PlaceRow.lon.label("place_lon"),
            EventRow.attributed_to.label("attributed_id"),
            speaker.key.label("attributed_key"), speaker.name.label("attributed_name"),
        )
        .join(ArticleRow, ArticleRow.id == EventRow.article_id)
        .outerjoin(PlaceRow, and_(PlaceRow.article_id == EventRow.article_id, PlaceRow.local_id == EventRow.place))
        .outerjoin(speaker, and_(speaker.article_id == EventRow.article_id, speaker.local_id == EventRow.attributed_to))
        .where(*_event_conditions(f))
    )


def _event_order(ascending: bool) -> list[Any]:
    date = EventRow.date.asc().nulls_last() if ascending else EventRow.date.desc().nulls_last()
    return [date, EventRow.article_id, EventRow.pk]


def events_page(engine: Engine, f: EventFilter, limit: int, offset: int, ascending: bool = False) -> Page:
    """Events matching ``f`` with their actors, place, speaker and evidence sentence."""
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(EventRow).where(*_event_conditions(f))).scalar_one()
        rows = conn.execute(_events_select(f).order_by(*_event_order(ascending)).limit(limit).offset(offset)).all()
        items = _with_actors(conn, rows)
    return Page(int(total), limit, offset, items)


def iter_events(engine: Engine, f: EventFilter) -> Iterator[dict[str, Any]]:
    """Every event matching ``f``, streamed in chunks (for downloads of any size)."""
    offset = 0
    while True:
        with engine.connect() as conn:
            query = _events_select(f).order_by(*_event_order(False)).limit(STREAM_CHUNK).offset(offset)
            rows = conn.execute(query).all()
            items = _with_actors(conn, rows)
        yield from items
        if len(rows) < STREAM_CHUNK:
            return
        offset += STREAM_CHUNK


def event_detail(engine: Engine, article_id: str, local_id: str) -> dict[str, Any] | None:
    """One event by article id and local id, or None."""
    f = EventFilter(article=article_id)
    with engine.connect() as conn:
        rows = conn.execute(_events_select(f).where(EventRow.local_id == local_id)).all()
        items = _with_actors(conn, rows)
    return items[0] if items else None


def _with_actors(conn: Any, rows: Sequence[Any]) -> list[dict[str, Any]]:
    """Event rows → dicts, each with its source and target actors (one extra query per page)."""
    articles = sorted({row.article_id for row in rows})
    sides: dict[tuple[str, str], dict[str, list[dict[str, Any]]]] = defaultdict(lambda: {"source": [], "target": []})
    if articles:
        query = (
            select(
                EventActorRow.article_id, EventActorRow.event_local_id, EventActorRow.role,
                ActorRow.local_id, ActorRow.key, ActorRow.name, ActorRow.country, ActorRow.sector,
            )
            .join(
                ActorRow,
                and_(ActorRow.article_id == EventActorRow.article_id, ActorRow.local_id == EventActorRow.actor_local_id),
            )
            .where(EventActorRow.article_id.in_(articles))
            .order_by(EventActorRow.pk)
        )
        for link in conn.execute(query):
            actor = {"id": link.local_id, "key": link.key, "name": link.name, "country": link.country,
                     "sector": link.sector}
            sides[(link.article_id, link.event_local_id)][link.role].append(actor)
    return [_event_dict(row, sides[(row.article_id, row.local_id)]) for row in rows]


def _event_dict(row: Any, sides: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    return {
        "id": f"{row.article_id}/{row.local_id}",
        "article_id": row.article_id,
        "local_id": row.local_id,
        "type": row.type,
        "mode": list(row.mode or []),
        "cameo": row.cameo,
        "quad": row.quad,
        "score": row.score,
        "goldstein": row.goldstein,
        "negated": bool(row.negated),
        "hypothetical": bool(row.hypothetical),
        "future": bool(row.future),
        "historical": bool(row.historical),
        "date": _iso(row.date),
        "date_precision": row.date_precision,
        "date_reason": row.date_reason,
        "confidence": row.confidence,
        "source": sides["source"],
        "target": sides["target"],
        "attributed_to": {"id": row.attributed_id, "key": row.attributed_key, "name": row.attributed_name}
        if row.attributed_id
        else None,
        "place": {"id": row.place_id, "name": row.place_name, "country": row.place_country, "lat": row.place_lat,
                  "lon": row.place_lon}
        if row.place_id
        else None,
        "evidence": {
            "start": row.start,
            "end": row.end,
            "text": row.sentence,
            "trigger": {"start": row.trigger_start, "end": row.trigger_end, "text": row.trigger_text},
        },
        "article": {"id": row.article_id, "title": row.article_title, "published": _iso(row.article_published)},
        "coder": row.coder,
    }


def event_links(engine: Engine, f: EventFilter) -> Iterator[dict[str, Any]]:
    """One row per (event, actor, role) matching ``f``: the raw material of the actor graph.

    ``reciprocal`` (a two-sided act such as talks) is read when the events table has the
    column, and is false otherwise.
    """
    column = EventRow.__table__.c.get("reciprocal")
    reciprocal = (column if column is not None else false()).label("reciprocal")
    links = (
        select(
            EventRow.article_id, EventRow.local_id, EventRow.type, EventRow.quad, EventRow.score, EventRow.goldstein,
            EventRow.negated, EventRow.hypothetical, EventRow.future, EventRow.date, reciprocal, EventActorRow.role,
            ActorRow.key, ActorRow.name, ActorRow.kind, ActorRow.country, ActorRow.sector,
        )
        .join(EventActorRow, and_(EventActorRow.article_id == EventRow.article_id,
                                  EventActorRow.event_local_id == EventRow.local_id))
        .join(ActorRow, and_(ActorRow.article_id == EventActorRow.article_id,
                             ActorRow.local_id == EventActorRow.actor_local_id))
        .where(*_event_conditions(f))
        .order_by(EventRow.article_id, EventRow.pk, EventActorRow.pk)
    )
    with engine.connect() as conn:
        result = conn.execution_options(yield_per=STREAM_CHUNK).execute(links)
        for row in result:
            yield {**row._asdict(), "date": _iso(row.date), "reciprocal": bool(row.reciprocal)}


# -- quotes and places ---------------------------------------------------------------


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
        conditions.append(QuoteRow.text.ilike(f"%{_escape_like(search)}%", escape="\\"))
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
            "article": {"id": row.article_id, "title": row.article_title, "published": _iso(row.article_published)},
        }
        for row in rows
    ]
    return Page(int(total), limit, offset, items)


def places_summary(engine: Engine, f: EventFilter, limit: int, offset: int) -> Page:
    """Places grouped by name, country and coordinates, with article and event counts.

    Event counts honour ``f``; places mentioned without an event under ``f`` keep a
    count of zero, so the map still shows where the articles are set.
    """
    events = (
        select(EventRow.article_id, EventRow.place, func.count().label("n"))
        .where(EventRow.place.is_not(None), *_event_conditions(f))
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


# -- helpers -------------------------------------------------------------------------


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _most_common(values: Any) -> Any:
    counts: dict[Any, int] = defaultdict(int)
    for value in values:
        if value is not None:
            counts[value] += 1
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))[0][0]


def _escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


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
