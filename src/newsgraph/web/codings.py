"""What hovering a highlight shows: the coding of each actor, event, quote and place.

Built as plain data (``ref → {kind, title, lines}``) and shipped to the page as JSON in a
non-executable ``<script type="application/json">`` block; the page's script puts it in
the tooltip with ``textContent``, so article text never becomes markup.
"""

from __future__ import annotations

from typing import Any

from newsgraph.summary import casualties

FLAGS = ("negated", "hypothetical", "future", "historical")


def codings(record: dict[str, Any]) -> dict[str, dict[str, Any]]:
    actors = {a["id"]: a for a in record.get("actors", ())}
    places = {p["id"]: p for p in record.get("places", ())}
    found: dict[str, dict[str, Any]] = {}
    for actor in actors.values():
        found[actor["id"]] = {"kind": "actor", "title": actor["name"], "lines": _actor_lines(actor)}
    for place in places.values():
        found[place["id"]] = {"kind": "place", "title": place["name"], "lines": _place_lines(place)}
    for quote in record.get("quotes", ()):
        speaker = actors.get(quote.get("speaker") or "")
        found[quote["id"]] = {
            "kind": "quote",
            "title": f"quote by {speaker['name']}" if speaker else "quote (speaker unknown)",
            "lines": [f"cue: {quote.get('cue') or '—'}", "direct quote" if quote.get("direct") else "reported speech"],
        }
    for event in record.get("events", ()):
        found[event["id"]] = {"kind": "event", "title": _event_title(event),
                              "lines": event_lines(event, actors, places)}
    return found


def _actor_lines(actor: dict[str, Any]) -> list[str]:
    lines = [f"kind: {actor['kind']}"]
    for field in ("country", "sector", "role", "cameo"):
        if actor.get(field):
            lines.append(f"{field}: {actor[field]}")
    lines.append(f"{len(actor.get('mentions', ()))} mention(s) in this article")
    return lines


def _place_lines(place: dict[str, Any]) -> list[str]:
    where = ", ".join(x for x in (place.get("admin1"), place.get("country")) if x)
    lines = [f"{place['feature']}" + (f" in {where}" if where else "")]
    if place.get("lat") is not None and place.get("lon") is not None:
        lines.append(f"{place['lat']:.3f}, {place['lon']:.3f}")
    return lines


def _event_title(event: dict[str, Any]) -> str:
    score = event.get("score")
    shown = f", score {score:+g}" if score is not None else ""
    return f"{event['type']} (quad {event.get('quad') or '?'}{shown})"


def names(ids: list[str], actors: dict[str, dict[str, Any]]) -> str:
    return ", ".join(actors[i]["name"] if i in actors else i for i in ids) or "—"


def event_lines(event: dict[str, Any], actors: dict[str, dict[str, Any]], places: dict[str, dict[str, Any]]) -> list[str]:
    """The coding of one event as short lines (also used on the event page)."""
    flags = [f for f in FLAGS if event.get(f)]
    place = places.get(event.get("place") or "")
    speaker = event.get("attributed_to")
    date = event.get("date")
    lines = [
        f"{names(event.get('source', []), actors)} → {names(event.get('target', []), actors)}",
        "modality: " + (", ".join(flags) if flags else "asserted as fact"),
        f"date: {date} ({event.get('date_precision') or '?'})" if date else "date: unknown",
        f"place: {place['name']}" + (f", {place['country']}" if place.get("country") else "") if place else "place: —",
        f"said by: {actors[speaker]['name']}" if speaker in actors else "said by: the article's own voice",
    ]
    harm = casualty_text(event)
    if harm:
        lines.append(f"casualties: {harm}")
    if event.get("cameo"):
        lines.append(f"CAMEO {event['cameo']}" + (f", mode {', '.join(event['mode'])}" if event.get("mode") else ""))
    return lines


def casualty_text(event: dict[str, Any]) -> str:
    """The casualties of an event dict as "3 killed, 12 injured", or "" when it reports neither.

    Takes a dict, not an Event, because pages show API rows and stored JSON records; records
    stored before the counts existed lack the keys, which reads as "none reported".
    """
    return casualties(event.get("killed"), event.get("injured"))
