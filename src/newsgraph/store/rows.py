"""Extraction record → table rows, as plain dicts ready for bulk insert.

Kept apart from the database code so that the same flattening serves the store, the CSV
and Parquet exports and the Spark loader.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from newsgraph.records import Actor, Extraction

Rows = dict[str, list[dict[str, Any]]]


def actor_key(actor: Actor) -> str:
    """Identity of an actor across articles: its dictionary entry, else country/kind/name."""
    if actor.entry:
        return actor.entry
    return f"{actor.country or '-'}|{actor.kind}|{actor.name.casefold()}"


def article_row(extraction: Extraction, now: dt.datetime | None = None) -> dict[str, Any]:
    article = extraction.article
    return {
        "id": article.id,
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "published": _date(article.published),
        "language": article.language,
        "text": article.text,
        "coder": extraction.coder,
        "record": extraction.to_dict(),
        "ingested_at": now or dt.datetime.now(dt.UTC),
    }


def part_rows(extraction: Extraction) -> Rows:
    """Rows for every part table, keyed by table name."""
    aid = extraction.article.id
    coder = extraction.coder
    mentions = [
        {
            "article_id": aid,
            "kind": "entity",
            "owner": None,
            "label": e.label,
            "start": e.start,
            "end": e.end,
            "text": e.text,
            "coder": coder,
        }
        for e in extraction.entities
    ]
    for actor in extraction.actors:
        mentions += [_owned_mention(aid, coder, "actor", actor.id, m.start, m.end, m.text) for m in actor.mentions]
    for place in extraction.places:
        mentions += [_owned_mention(aid, coder, "place", place.id, m.start, m.end, m.text) for m in place.mentions]
    return {
        "actors": [
            {
                "article_id": aid,
                "local_id": a.id,
                "key": actor_key(a),
                "name": a.name,
                "kind": a.kind,
                "country": a.country,
                "sector": a.sector,
                "role": a.role,
                "cameo": a.cameo,
                "entry": a.entry,
                "coder": coder,
            }
            for a in extraction.actors
        ],
        "mentions": mentions,
        "events": [_event_row(aid, coder, e) for e in extraction.events],
        "event_actors": [
            {"article_id": aid, "event_local_id": e.id, "actor_local_id": actor, "role": role}
            for e in extraction.events
            for role, actors in (("source", e.source), ("target", e.target))
            for actor in actors
        ],
        "quotes": [
            {
                "article_id": aid,
                "local_id": q.id,
                "speaker": q.speaker,
                "text": q.text,
                "start": q.start,
                "end": q.end,
                "cue": q.cue,
                "direct": q.direct,
                "coder": coder,
            }
            for q in extraction.quotes
        ],
        "places": [
            {
                "article_id": aid,
                "local_id": p.id,
                "name": p.name,
                "feature": p.feature,
                "country": p.country,
                "admin1": p.admin1,
                "lat": p.lat,
                "lon": p.lon,
                "geonameid": p.geonameid,
                "coder": coder,
            }
            for p in extraction.places
        ],
        "dates": [
            {
                "article_id": aid,
                "text": d.text,
                "start": d.start,
                "end": d.end,
                "value": d.value,
                "precision": d.precision,
                "coder": coder,
            }
            for d in extraction.dates
        ],
    }


def _owned_mention(aid: str, coder: str, kind: str, owner: str, start: int, end: int, text: str) -> dict[str, Any]:
    return {
        "article_id": aid,
        "kind": kind,
        "owner": owner,
        "label": None,
        "start": start,
        "end": end,
        "text": text,
        "coder": coder,
    }


def _event_row(aid: str, coder: str, e: Any) -> dict[str, Any]:
    ev = e.evidence
    return {
        "article_id": aid,
        "local_id": e.id,
        "type": e.type,
        "mode": list(e.mode),
        "cameo": e.cameo,
        "negated": e.negated,
        "hypothetical": e.hypothetical,
        "future": e.future,
        "historical": e.historical,
        "attributed_to": e.attributed_to,
        "place": e.place,
        "date": _date(e.date),
        "date_precision": e.date_precision,
        "date_reason": e.date_reason,
        "quad": e.quad,
        "score": e.score,
        "goldstein": e.goldstein,
        "confidence": e.confidence,
        "reciprocal": e.reciprocal,
        "killed": e.killed,
        "injured": e.injured,
        "sentence": ev.sentence,
        "start": ev.start,
        "end": ev.end,
        "trigger_start": ev.trigger.start,
        "trigger_end": ev.trigger.end,
        "trigger_text": ev.trigger.text,
        "coder": e.coder or coder,
    }


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
