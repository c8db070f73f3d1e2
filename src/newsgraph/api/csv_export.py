"""Events → CSV rows for the download button and ``/api/events?format=csv``.

One row per event; several sources or targets are joined with `` | ``. Text cells that a
spreadsheet would run as a formula (starting with ``= + - @`` or a tab) get a leading
apostrophe (OWASP's advice against CSV injection); numbers are written as numbers.

``killed``/``injured`` come last so that readers indexing the older columns by position
keep working; an empty cell there means the sentence reports no deaths or injuries.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from typing import Any

COLUMNS = (
    "article_id", "event_id", "date", "date_precision", "type", "mode", "cameo", "quad", "score", "goldstein",
    "negated", "hypothetical", "future", "historical", "source_keys", "source_names", "target_keys", "target_names",
    "attributed_to", "place", "place_country", "lat", "lon", "trigger", "sentence", "article_title",
    "article_published", "killed", "injured",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
JOIN = " | "


def event_row(event: dict[str, Any]) -> list[Any]:
    place = event["place"] or {}
    speaker = event["attributed_to"] or {}
    values: dict[str, Any] = {
        "article_id": event["article_id"],
        "event_id": event["local_id"],
        "date": event["date"],
        "date_precision": event["date_precision"],
        "type": event["type"],
        "mode": JOIN.join(event["mode"]),
        "cameo": event["cameo"],
        "quad": event["quad"],
        "score": event["score"],
        "goldstein": event["goldstein"],
        "negated": event["negated"],
        "hypothetical": event["hypothetical"],
        "future": event["future"],
        "historical": event["historical"],
        "source_keys": JOIN.join(a["key"] for a in event["source"]),
        "source_names": JOIN.join(a["name"] for a in event["source"]),
        "target_keys": JOIN.join(a["key"] for a in event["target"]),
        "target_names": JOIN.join(a["name"] for a in event["target"]),
        "attributed_to": speaker.get("name"),
        "place": place.get("name"),
        "place_country": place.get("country"),
        "lat": place.get("lat"),
        "lon": place.get("lon"),
        "trigger": event["evidence"]["trigger"]["text"],
        "sentence": event["evidence"]["text"],
        "article_title": event["article"]["title"],
        "article_published": event["article"]["published"],
        "killed": event["killed"],
        "injured": event["injured"],
    }
    return [_cell(values[c]) for c in COLUMNS]


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_chunks(events: Iterable[dict[str, Any]], chunk_rows: int = 500) -> Iterator[str]:
    """The CSV text in pieces, header first, so a large download streams."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    rows = 0
    for event in events:
        writer.writerow(event_row(event))
        rows += 1
        if rows % chunk_rows == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
