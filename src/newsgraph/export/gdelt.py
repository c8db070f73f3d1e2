"""Stored records → GDELT 2.0 event table: the 61 tab-separated columns, in GDELT's order.

One row per (source actor, target actor) pair of every asserted event — GDELT has one
Actor1 and one Actor2 per row, so an event with two sources and one target gives two
rows; an event without a source or target gives one row with that side blank. Events the
record marks negated, hypothetical or future are left out (see :func:`asserted`). The file
is plain TSV like GDELT's own: no header, no quoting; tabs and line breaks inside values
become spaces.

What each column holds, and what we put where newsgraph has no equivalent:

- ``GLOBALEVENTID``: a stable 60-bit integer hashed from article id, event id and actor
  pair (GDELT numbers its rows sequentially; ours must not change between exports).
- ``SQLDATE``/``MonthYear``/``Year``/``FractionDate``: the event's resolved date, else the
  article's publication date (which is how GDELT dates its events); blank when neither is
  known. ``FractionDate`` = year + day-of-year / 365, four decimals, as GDELT computes it.
- ``Actor*Code`` the actor's CAMEO code; ``Actor*Name`` its name in capitals (GDELT's
  style); ``Actor*CountryCode`` its ISO alpha-3 country when that is a state.
  ``Actor*KnownGroupCode``: the actor's non-state PLOVER code (UNO, EUR, IGO, NGO...) —
  PLOVER's codes, which differ from CAMEO's list for a few groups (CAMEO writes the EU
  as EEC). ``Actor*Type1Code``: the PLOVER sector (GOV, MIL, COP, BUS...), blank for UNK.
  **Not filled** (we do not code them): ``Actor*EthnicCode``, ``Actor*Religion1Code``,
  ``Actor*Religion2Code``, ``Actor*Type2Code``, ``Actor*Type3Code``.
- ``IsRootEvent``: 1 when the event is stated in the article's first paragraph (GDELT's
  definition: the lead paragraph), else 0.
- ``EventCode``/``EventBaseCode``/``EventRootCode``: the CAMEO code and its first three
  and two digits; blank when the event has no CAMEO equivalent. ``QuadClass``: our quad
  class (1–4, the same scale). ``GoldsteinScale``: the CAMEO Goldstein value.
- ``NumMentions``/``NumSources``/``NumArticles``: 1 — each row comes from one mention in
  one article; we do not merge events across articles.
- ``AvgTone``: **blank** — newsgraph computes no tone.
- ``Actor1Geo_*``/``Actor2Geo_*``: **blank, type 0** — we do not locate actors, only events.
- ``ActionGeo_*`` from the event's place: ``Type`` 1 country, 2 US state, 3 US city,
  4 other city (and regions or other points with coordinates: GDELT has no better type),
  5 other first-level division; 0 and blanks when the event has no place or the place has
  no coordinates. ``FullName`` "place, division, country" as GDELT writes it.
  ``CountryCode`` the FIPS 10-4 code (from GeoNames' country table). ``ADM1Code``: for a
  country, its FIPS code (as GDELT does); **blank below country level** — the record keeps
  the division's name, not its FIPS code. ``ADM2Code``: **blank**. ``FeatureID``: for a
  country its FIPS code (as GDELT), otherwise the **GeoNames id** (GDELT uses GNS/GNIS
  feature ids, which we do not have).
- ``DATEADDED``: when the article was stored (UTC, YYYYMMDDHHMMSS).
- ``SOURCEURL``: the article's URL; blank when it has none.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from itertools import product

from newsgraph.export.geo import country
from newsgraph.export.source import Stored, asserted, event_day
from newsgraph.records import Actor, Event, Place

ACTOR_FIELDS = (
    "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
    "Type1Code", "Type2Code", "Type3Code",
)
GEO_FIELDS = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{f}" for f in ACTOR_FIELDS),
    *(f"Actor2{f}" for f in ACTOR_FIELDS),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"Actor1Geo_{f}" for f in GEO_FIELDS),
    *(f"Actor2Geo_{f}" for f in GEO_FIELDS),
    *(f"ActionGeo_{f}" for f in GEO_FIELDS),
    "DATEADDED", "SOURCEURL",
)
assert len(COLUMNS) == 61, "GDELT 2.0 events have 61 columns"

# GDELT's geographic resolution codes.
GEO_COUNTRY, GEO_US_STATE, GEO_US_CITY, GEO_WORLD_CITY, GEO_WORLD_STATE = 1, 2, 3, 4, 5
UNKNOWN_SECTOR = "UNK"
EVENT_ID_HEX_DIGITS = 15  # 60 bits: fits the signed 64-bit integer GDELT tools expect


def rows(stored: Stored) -> Iterator[list[str]]:
    """The GDELT rows of one stored record."""
    x = stored.extraction
    actors = {a.id: a for a in x.actors}
    places = {p.id: p for p in x.places}
    lead = {s.index for s in x.sentences if s.paragraph == 0}
    for event in x.events:
        if not asserted(event):
            continue
        sources = [actors.get(a) for a in event.source] or [None]
        targets = [actors.get(a) for a in event.target] or [None]
        for pair, (actor1, actor2) in enumerate(product(sources, targets)):
            yield [
                str(global_event_id(x.article.id, event.id, pair)),
                *_date_fields(event_day(event, x)),
                *_actor_fields(actor1),
                *_actor_fields(actor2),
                "1" if event.evidence.sentence in lead else "0",
                *_event_fields(event),
                "1", "1", "1", "",
                *_blank_geo(),
                *_blank_geo(),
                *_geo_fields(places.get(event.place) if event.place else None),
                stored.ingested_at.astimezone(dt.UTC).strftime("%Y%m%d%H%M%S"),
                x.article.url or "",
            ]


def global_event_id(article_id: str, event_id: str, pair: int) -> int:
    digest = hashlib.sha256(f"{article_id}/{event_id}/{pair}".encode()).hexdigest()
    return int(digest[:EVENT_ID_HEX_DIGITS], 16)


def _date_fields(day: str | None) -> list[str]:
    if not day:
        return ["", "", "", ""]
    try:
        date = dt.date.fromisoformat(day[:10])
    except ValueError:
        return ["", "", "", ""]
    fraction = date.year + date.timetuple().tm_yday / 365
    return [date.strftime("%Y%m%d"), date.strftime("%Y%m"), str(date.year), f"{fraction:.4f}"]


def _actor_fields(actor: Actor | None) -> list[str]:
    if actor is None:
        return [""] * len(ACTOR_FIELDS)
    state = country(actor.country)
    known_group = actor.country if actor.country and state is None else ""
    sector = actor.sector if actor.sector and actor.sector != UNKNOWN_SECTOR else ""
    return [actor.cameo or "", actor.name.upper(), state.iso3 if state else "", known_group, "", "", "", sector, "", ""]


def _event_fields(event: Event) -> list[str]:
    code = event.cameo or ""
    return [code, code[:3], code[:2], _number(event.quad), _number(event.goldstein)]


def _blank_geo() -> list[str]:
    return ["0"] + [""] * (len(GEO_FIELDS) - 1)


def _geo_fields(place: Place | None) -> list[str]:
    if place is None or place.lat is None or place.lon is None:
        return _blank_geo()
    state = country(place.country)
    fips = state.fips if state and state.fips else ""
    country_name = state.name if state else None
    if place.feature == "country":
        parts, adm1, feature_id = [place.name], fips, fips
    else:
        parts = [place.name, place.admin1 or "", country_name or ""]
        adm1, feature_id = "", str(place.geonameid) if place.geonameid is not None else ""
    full_name = ", ".join(p for p in parts if p)
    return [str(geo_type(place)), full_name, fips, adm1, "", repr(place.lat), repr(place.lon), feature_id]


def geo_type(place: Place) -> int:
    us = place.country == "USA"
    if place.feature == "country":
        return GEO_COUNTRY
    if place.feature == "admin1":
        return GEO_US_STATE if us else GEO_WORLD_STATE
    if place.feature == "city":
        return GEO_US_CITY if us else GEO_WORLD_CITY
    return GEO_WORLD_CITY


def _number(value: float | int | None) -> str:
    if value is None:
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)

