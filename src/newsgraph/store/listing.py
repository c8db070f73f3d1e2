"""What every read query shares: the event filter, its SQL conditions, and the page it returns.

The listings of :mod:`.queries`, :mod:`.event_queries` and :mod:`.aggregates` all take the same
:class:`EventFilter` and answer with the same :class:`Page`; keeping the filter's translation into
parameterised conditions in one place means an event is in or out of a listing, a download
and the graph by the same rule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql import ColumnElement

from newsgraph.store.schema import ActorRow, EventActorRow, EventRow, PlaceRow

# The largest casualty minimum a filter takes: the top of the store's INTEGER columns. A bigger
# one could match nothing, and SQLite cannot even bind it, so the API and CLI refuse it.
MAX_COUNT = 2**31 - 1


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Which events a listing, a download or the graph covers; unset fields do not filter.

    ``since``/``until`` compare the event's own date: undated events pass only when no
    date bound is given (an event's date is never guessed from the publication date).

    ``min_killed``/``min_injured`` keep events whose sentence reports at least that many
    people killed / injured. An event that reports no count (null) never meets a positive
    minimum: no number was read, so none is assumed. A minimum of 0 filters nothing, like an
    absent one — "at least 0" would otherwise silently drop every event without a count,
    which is not what someone clearing the field to 0 means.
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
    min_killed: int | None = None  # people killed, at least (0 or None: no filter)
    min_injured: int | None = None  # people injured, at least (0 or None: no filter)


@dataclass(slots=True)
class Page:
    """One page of a listing and the size of the whole listing."""

    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "limit": self.limit, "offset": self.offset, "items": self.items}


def event_conditions(f: EventFilter) -> list[ColumnElement[bool]]:
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
    conditions += _casualty_conditions(f)
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


def _casualty_conditions(f: EventFilter) -> list[ColumnElement[bool]]:
    """``killed >= n`` / ``injured >= n`` for each positive minimum.

    SQL's ``NULL >= n`` is never true, so an event that reports no count drops out of a
    positive minimum on SQLite and PostgreSQL alike, without a separate null test.
    """
    conditions: list[ColumnElement[bool]] = []
    if f.min_killed:
        conditions.append(EventRow.killed >= f.min_killed)
    if f.min_injured:
        conditions.append(EventRow.injured >= f.min_injured)
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


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def escape_like(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
