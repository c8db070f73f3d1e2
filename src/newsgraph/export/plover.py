"""Stored records → PLOVER event records, one JSON object per line.

Every event is exported, negated or hypothetical ones included: PLOVER defines those
auxiliary modes and the record carries them as flags. Fields, in PLOVER's order:

- ``id``: ``ARTICLE_ID-EVENT_ID``. ``date``: the event's resolved date, or null (PLOVER has
  no need of a fallback; ``cite_info.published`` holds the story's date).
- ``actor``/``recipient``: lists of actors (sources, targets), each ``{id, name, text,
  kind, country, sector, role, cameo}``; ``text`` is the first mention's words.
- ``event``: the PLOVER type. ``mode``: the first PLOVER mode or null; ``modes`` (added)
  lists them all when the coder found several.
- ``context``: **null** — we do not code PLOVER contexts.
- ``event_loc``: the event's place ``{id, name, feature, country, admin1, lat, lon,
  geonameid}`` or null.
- ``event_text``: the sentence stating the event. ``quad_code``: 1–4.
- ``event_scale``: the PLOVER score of the event type (−10..+10).
- ``text_info``: where the event is stated: ``{sentence, start, end, trigger}`` (offsets
  into the article text, ``trigger`` the trigger words with theirs).
- ``cite_info``: the article ``{article_id, title, url, source, published, language}``.
- ``coder``: the coder version that made the record.

Added fields (PLOVER readers ignore them): ``cameo``, ``goldstein``, ``negated``,
``hypothetical``, ``future``, ``historical``, ``attributed_to`` (an actor as above, or
null), ``date_precision``, ``date_reason``, ``confidence``, ``killed`` and ``injured``
(the fewest people the sentence says the event killed / injured — a vague count's lower
bound, "dozens" 24 — or null when it reports none).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from newsgraph.export.source import Stored
from newsgraph.records import Actor, Place


def rows(stored: Stored) -> Iterator[dict[str, Any]]:
    """The PLOVER records of one stored record's events."""
    x = stored.extraction
    actors = {a.id: a for a in x.actors}
    places = {p.id: p for p in x.places}
    cite = {
        "article_id": x.article.id,
        "title": x.article.title,
        "url": x.article.url,
        "source": x.article.source,
        "published": x.article.published,
        "language": x.article.language,
    }
    for event in x.events:
        ev = event.evidence
        yield {
            "id": f"{x.article.id}-{event.id}",
            "date": event.date,
            "actor": [_actor(actors[a]) for a in event.source if a in actors],
            "recipient": [_actor(actors[a]) for a in event.target if a in actors],
            "event": event.type,
            "mode": event.mode[0] if event.mode else None,
            "modes": list(event.mode),
            "context": None,
            "event_loc": _place(places[event.place]) if event.place in places else None,
            "event_text": ev.text,
            "quad_code": event.quad,
            "event_scale": event.score,
            "text_info": {
                "sentence": ev.sentence,
                "start": ev.start,
                "end": ev.end,
                "trigger": {"start": ev.trigger.start, "end": ev.trigger.end, "text": ev.trigger.text},
            },
            "cite_info": cite,
            "coder": x.coder,
            "cameo": event.cameo,
            "goldstein": event.goldstein,
            "negated": event.negated,
            "hypothetical": event.hypothetical,
            "future": event.future,
            "historical": event.historical,
            "attributed_to": _actor(actors[event.attributed_to]) if event.attributed_to in actors else None,
            "date_precision": event.date_precision,
            "date_reason": event.date_reason,
            "confidence": event.confidence,
            "killed": event.killed,
            "injured": event.injured,
        }


def _actor(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.id,
        "name": actor.name,
        "text": actor.mentions[0].text if actor.mentions else None,
        "kind": actor.kind,
        "country": actor.country,
        "sector": actor.sector,
        "role": actor.role,
        "cameo": actor.cameo,
    }


def _place(place: Place) -> dict[str, Any]:
    return {
        "id": place.id,
        "name": place.name,
        "feature": place.feature,
        "country": place.country,
        "admin1": place.admin1,
        "lat": place.lat,
        "lon": place.lon,
        "geonameid": place.geonameid,
    }
