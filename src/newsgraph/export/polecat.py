"""Stored records → POLECAT's public TSV: its 40 columns, with a header row.

One row per asserted event (negated, hypothetical and future events are left out, see
:func:`asserted`). An event with several sources or targets keeps them in one row, their
values joined by ``"; "`` in each actor column, in the same order in every column. Plain
TSV: no quoting; tabs and line breaks inside values become spaces.

What each column holds, and what we put where newsgraph has no equivalent:

- ``Event ID``: ``ARTICLE_ID-EVENT_ID`` (stable across exports).
- ``Event Date``: the event's resolved date, else the publication date (POLECAT dates
  events by their story); blank when neither is known.
- ``Event Type``/``Event Mode``: PLOVER type and modes (modes joined by ``"; "``).
- ``Event Intensity``: the PLOVER score of the event (−10..+10). ``Quad Code``: 1–4.
- ``Contexts``: **blank** — we do not code PLOVER contexts.
- Actor / Recipient ``Name`` (the actor's name), ``Country`` (ISO alpha-3 or a non-state
  code), ``Primary … Sector`` (the first actor's PLOVER sector), ``… Sectors`` (every
  actor's), ``Title`` (the role, e.g. "Prime Minister"), ``Name Raw`` (the first mention's
  text). **Blank**: ``Actor COW``/``Recipient COW`` (no Correlates of War table is
  shipped) and ``Wikipedia Actor ID``/``Wikipedia Recipient ID`` (we do not link to
  Wikipedia).
- Place columns from the event's place: ``Placename``, ``City`` (for a city), ``Province``
  (the first-level division), ``Country`` (the country's name), ``Latitude``,
  ``Longitude``, ``GeoNames ID``, ``Raw Placename`` (the first mention's text),
  ``Feature Type`` (ours: city, admin1, country, region or other). **Blank**: ``District``.
- ``Source``/``Publication Date``/``Language``: the article's. ``Version``: the coder
  version that made the record.
- ``Story People``/``Story Organizations``/``Story Locations``: the article's person
  actors, its organisational actors (governments, militaries, police, armed groups, parties,
  organisations) and its places, joined by ``"; "``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from newsgraph.export.geo import country
from newsgraph.export.source import Stored, asserted, event_day
from newsgraph.records import Actor, Place


def _actor_column_names(side: str) -> tuple[str, ...]:
    return (
        f"{side} Name", f"{side} Country", f"{side} COW", f"Primary {side} Sector", f"{side} Sectors",
        f"{side} Title", f"{side} Name Raw", f"Wikipedia {side} ID",
    )


COLUMNS: tuple[str, ...] = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code", "Contexts",
    *_actor_column_names("Actor"),
    *_actor_column_names("Recipient"),
    "Placename", "City", "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID",
    "Raw Placename", "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version",
)
assert len(COLUMNS) == 40, "POLECAT's public files have 40 columns"

JOIN = "; "
ORGANISATION_KINDS = frozenset({"government", "military", "police", "armed_group", "party", "organization"})


def rows(stored: Stored) -> Iterator[list[str]]:
    """The POLECAT rows of one stored record."""
    x = stored.extraction
    article = x.article
    actors = {a.id: a for a in x.actors}
    places = {p.id: p for p in x.places}
    story = [
        _join(a.name for a in x.actors if a.kind == "person"),
        _join(a.name for a in x.actors if a.kind in ORGANISATION_KINDS),
        _join(p.name for p in x.places),
    ]
    for event in x.events:
        if not asserted(event):
            continue
        yield [
            f"{article.id}-{event.id}",
            event_day(event, x) or "",
            event.type,
            _join(event.mode),
            _number(event.score),
            _number(event.quad),
            "",
            *_actor_columns([actors[a] for a in event.source if a in actors]),
            *_actor_columns([actors[a] for a in event.target if a in actors]),
            *_place_columns(places.get(event.place) if event.place else None),
            article.source or "",
            article.published or "",
            *story,
            article.language,
            x.coder,
        ]


def _actor_columns(actors: Sequence[Actor]) -> list[str]:
    return [
        _join(a.name for a in actors),
        _join(a.country or "" for a in actors),
        "",
        actors[0].sector or "" if actors else "",
        _join(a.sector or "" for a in actors),
        _join(a.role or "" for a in actors),
        _join(a.mentions[0].text if a.mentions else "" for a in actors),
        "",
    ]


def _place_columns(place: Place | None) -> list[str]:
    if place is None:
        return [""] * 10
    state = country(place.country)
    return [
        place.name,
        place.name if place.feature == "city" else "",
        "",
        place.admin1 or "",
        state.name if state else "",
        _number(place.lat),
        _number(place.lon),
        _number(place.geonameid),
        place.mentions[0].text if place.mentions else "",
        place.feature,
    ]


def _join(values: Iterator[str] | Sequence[str]) -> str:
    items = list(values)
    return JOIN.join(items) if any(items) else ""


def _number(value: float | int | None) -> str:
    if value is None:
        return ""
    return repr(value) if isinstance(value, float) else str(value)
