"""Query parameters shared by the JSON API and the HTML pages, validated once.

The event filters (actor, type, quad, negated, date range, place, article, casualty minimums) and paging
are declared here as FastAPI dependencies, so ``/api/events``, ``/events``, the CSV
download, ``/api/graph`` and ``/network`` accept exactly the same parameters.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache
from typing import Annotated

from fastapi import Depends, Query

from newsgraph.api.errors import ApiError
from newsgraph.graph import LEVELS, GraphOptions
from newsgraph.store.listing import MAX_COUNT
from newsgraph.store.queries import EventFilter

MAX_LIMIT = 1000
DEFAULT_LIMIT = 50


@lru_cache(maxsize=1)
def plover_order() -> tuple[str, ...]:
    """PLOVER types from cooperation to conflict, as the events package declares them."""
    from newsgraph.events.tables import plover_types

    return tuple(plover_types())


@lru_cache(maxsize=1)
def plover_descriptions() -> dict[str, str]:
    from newsgraph.events.tables import plover_types

    return {name: t.description for name, t in plover_types().items()}


@dataclass(frozen=True, slots=True)
class Paging:
    limit: int
    offset: int


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0, description="items to skip")] = 0,
) -> Paging:
    return Paging(limit, offset)


def _blank(value: str | None) -> str | None:
    """HTML forms send empty fields; an empty filter means no filter."""
    return value.strip() if value and value.strip() else None


def _date(value: str | None, name: str) -> dt.date | None:
    value = _blank(value)
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ApiError(422, f"{name}={value!r} is not a date; give it as YYYY-MM-DD",
                       [{"field": name, "in": "query", "message": "expected YYYY-MM-DD"}]) from None


def _types(values: list[str]) -> tuple[str, ...]:
    wanted = tuple(dict.fromkeys(v.strip().upper() for raw in values for v in raw.split(",") if v.strip()))
    unknown = [t for t in wanted if t not in plover_order()]
    if unknown:
        raise ApiError(422, f"unknown event type(s) {', '.join(unknown)}; use PLOVER types: {', '.join(plover_order())}",
                       [{"field": "type", "in": "query", "message": f"unknown type {t}"} for t in unknown])
    return wanted


def _bool(value: str | None, name: str) -> bool | None:
    value = _blank(value)
    if value is None or value.lower() == "any":
        return None
    if value.lower() in ("true", "1", "yes"):
        return True
    if value.lower() in ("false", "0", "no"):
        return False
    raise ApiError(422, f"{name}={value!r} is not true or false",
                   [{"field": name, "in": "query", "message": "expected true, false or any"}])


def _quad(value: str | None) -> int | None:
    value = _blank(value)
    if value is None:
        return None
    if value not in ("1", "2", "3", "4"):
        raise ApiError(422, f"quad={value!r} is not a quad class; give 1 (verbal cooperation), 2 (material "
                            "cooperation), 3 (verbal conflict) or 4 (material conflict)",
                       [{"field": "quad", "in": "query", "message": "expected 1, 2, 3 or 4"}])
    return int(value)


def _minimum_help(harm: str) -> str:
    """The OpenAPI text of a casualty minimum, spelling out the two cases a client would guess wrong."""
    return (f"events whose sentence reports at least this many people {harm} (a whole number; 0 or absent: "
            "no filter; an event reporting no count never matches a positive minimum)")


def _count(value: str | None, name: str) -> int | None:
    """A casualty minimum: a whole number of people, 0 or more (parsed here, not by FastAPI,
    so that the empty field an HTML form sends means no filter rather than an error)."""
    value = _blank(value)
    if value is None:
        return None
    if not (value.isascii() and value.isdigit()):
        raise ApiError(422, f"{name}={value!r} is not a whole number of people; give 0 or more, e.g. {name}=1",
                       [{"field": name, "in": "query", "message": "expected a whole number, 0 or more"}])
    count = int(value)
    if count > MAX_COUNT:
        raise ApiError(422, f"{name}={value} is larger than any count the store holds; give at most {MAX_COUNT}",
                       [{"field": name, "in": "query", "message": f"expected at most {MAX_COUNT}"}])
    return count


def event_filter(
    actor: Annotated[str | None, Query(description="actor key, as source or target")] = None,
    partner: Annotated[str | None, Query(description="a second actor key the event also involves")] = None,
    source: Annotated[str | None, Query(description="actor key among the sources")] = None,
    target: Annotated[str | None, Query(description="actor key among the targets")] = None,
    type: Annotated[list[str], Query(description="PLOVER type(s); repeat or comma-separate")] = [],  # noqa: B006
    quad: Annotated[str | None, Query(description="quad class 1-4")] = None,
    negated: Annotated[str | None, Query(description="true, false or any")] = None,
    since: Annotated[str | None, Query(description="events dated on or after YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="events dated on or before YYYY-MM-DD")] = None,
    place: Annotated[str | None, Query(description="place name or ISO3 country code of the event's place")] = None,
    article: Annotated[str | None, Query(description="article id")] = None,
    min_killed: Annotated[str | None, Query(description=_minimum_help("killed"))] = None,
    min_injured: Annotated[str | None, Query(description=_minimum_help("injured"))] = None,
) -> EventFilter:
    start, end = _date(since, "since"), _date(until, "until")
    if start and end and start > end:
        raise ApiError(422, f"since={start} is after until={end}; swap them",
                       [{"field": "since", "in": "query", "message": "after until"}])
    return EventFilter(
        actor=_blank(actor), partner=_blank(partner), source=_blank(source), target=_blank(target), types=_types(type), quad=_quad(quad),
        negated=_bool(negated, "negated"), since=start, until=end, place=_blank(place), article=_blank(article),
        min_killed=_count(min_killed, "min_killed"), min_injured=_count(min_injured, "min_injured"),
    )


def graph_options(
    events: Annotated[EventFilter, Depends(event_filter)],
    by: Annotated[str, Query(description="node = actor (key) or country")] = "actor",
    include_negated: Annotated[bool, Query(description="count negated events too")] = False,
) -> GraphOptions:
    if by not in LEVELS:
        raise ApiError(422, f"by={by!r} is not a graph level; use one of {', '.join(LEVELS)}",
                       [{"field": "by", "in": "query", "message": f"expected one of {', '.join(LEVELS)}"}])
    return GraphOptions(events=events, by=by, include_negated=include_negated)


Filter = Annotated[EventFilter, Depends(event_filter)]
Page = Annotated[Paging, Depends(paging)]
Graph = Annotated[GraphOptions, Depends(graph_options)]
