"""Event reads: pages and streams of coded events for the API, and the raw links of the actor graph.

Every event query selects through :func:`~newsgraph.store.listing.event_conditions`, so a page,
a download and the graph agree on which events an :class:`~newsgraph.store.listing.EventFilter`
covers; each event comes back with its actors, place, speaker, evidence sentence and the
casualties its sentence reports (``killed``/``injured``, null when it reports none).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Engine, and_, false, func, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql import Select

from newsgraph.store.listing import EventFilter, Page, event_conditions, iso
from newsgraph.store.schema import ActorRow, ArticleRow, EventActorRow, EventRow, PlaceRow

# Rows fetched per round trip when streaming a whole result (CSV downloads, the graph).
STREAM_CHUNK = 2000


def _events_select(f: EventFilter) -> Select[Any]:
    speaker = aliased(ActorRow)
    sentence = func.substr(ArticleRow.text, EventRow.start + 1, EventRow.end - EventRow.start)
    return (
        select(
            EventRow.article_id, EventRow.local_id, EventRow.type, EventRow.mode, EventRow.cameo, EventRow.quad,
            EventRow.score, EventRow.goldstein, EventRow.negated, EventRow.hypothetical, EventRow.future,
            EventRow.historical, EventRow.date, EventRow.date_precision, EventRow.date_reason, EventRow.confidence,
            EventRow.killed, EventRow.injured,
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
        .where(*event_conditions(f))
    )


def _event_order(ascending: bool) -> list[Any]:
    date = EventRow.date.asc().nulls_last() if ascending else EventRow.date.desc().nulls_last()
    return [date, EventRow.article_id, EventRow.pk]


def events_page(engine: Engine, f: EventFilter, limit: int, offset: int, ascending: bool = False) -> Page:
    """Events matching ``f`` with their actors, place, speaker and evidence sentence."""
    with engine.connect() as conn:
        total = conn.execute(select(func.count()).select_from(EventRow).where(*event_conditions(f))).scalar_one()
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
        "date": iso(row.date),
        "date_precision": row.date_precision,
        "date_reason": row.date_reason,
        "confidence": row.confidence,
        "killed": row.killed,
        "injured": row.injured,
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
        "article": {"id": row.article_id, "title": row.article_title, "published": iso(row.article_published)},
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
            EventRow.negated, EventRow.hypothetical, EventRow.future, EventRow.date, reciprocal, EventRow.killed,
            EventRow.injured, EventActorRow.role,
            ActorRow.key, ActorRow.name, ActorRow.kind, ActorRow.country, ActorRow.sector,
        )
        .join(EventActorRow, and_(EventActorRow.article_id == EventRow.article_id,
                                  EventActorRow.event_local_id == EventRow.local_id))
        .join(ActorRow, and_(ActorRow.article_id == EventActorRow.article_id,
                             ActorRow.local_id == EventActorRow.actor_local_id))
        .where(*event_conditions(f))
        .order_by(EventRow.article_id, EventRow.pk, EventActorRow.pk)
    )
    with engine.connect() as conn:
        result = conn.execution_options(yield_per=STREAM_CHUNK).execute(links)
        for row in result:
            yield {**row._asdict(), "date": iso(row.date), "reciprocal": bool(row.reciprocal)}
