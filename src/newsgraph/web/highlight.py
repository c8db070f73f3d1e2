"""Record offsets → the reader's highlighted article text, built server-side and escaped.

Spans (quotes, place mentions, actor mentions, event triggers) may nest or cross. The
text is cut at every span boundary into segments; each segment becomes one element
carrying every span that covers it (``data-refs``, CSS classes per kind), so any overlap
renders deterministically and the text itself is never duplicated or reordered: the
element's ``textContent`` is exactly ``article.text``. A segment links to the most
specific thing under it — event trigger, then actor, then place.

Every piece of text and every attribute value goes through :func:`markupsafe.escape`;
nothing from the article reaches the page unescaped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from markupsafe import Markup, escape

# Outer to inner: the order of classes and refs on a segment, and of link preference reversed.
KIND_ORDER = ("quote", "place", "actor", "event")
LINK_PREFERENCE = ("event", "actor", "place")


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    kind: str
    ref: str

    @property
    def order(self) -> tuple[int, int, int, str]:
        return (KIND_ORDER.index(self.kind), self.start, -self.end, self.ref)


def marks_of(record: dict[str, Any]) -> list[Mark]:
    """Every highlightable span of the record, clipped to the text; empty spans dropped."""
    size = len(record["article"]["text"])
    found: list[Mark] = []
    for quote_ in record.get("quotes", ()):
        found.append(Mark(quote_["start"], quote_["end"], "quote", quote_["id"]))
    for place in record.get("places", ()):
        found += [Mark(m["start"], m["end"], "place", place["id"]) for m in place.get("mentions", ())]
    for actor in record.get("actors", ()):
        found += [Mark(m["start"], m["end"], "actor", actor["id"]) for m in actor.get("mentions", ())]
    for event in record.get("events", ()):
        trigger = event["evidence"]["trigger"]
        found.append(Mark(trigger["start"], trigger["end"], "event", event["id"]))
    clipped = [Mark(max(0, m.start), min(size, m.end), m.kind, m.ref) for m in found]
    return sorted({m for m in clipped if m.start < m.end}, key=lambda m: m.order)


def segments(text: str, marks: list[Mark]) -> list[tuple[int, int, list[Mark]]]:
    """The text cut at every mark boundary: (start, end, marks covering it in KIND_ORDER)."""
    cuts = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    by_start: dict[int, list[Mark]] = {}
    for mark in marks:
        by_start.setdefault(mark.start, []).append(mark)
    active: list[Mark] = []
    pieces = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        active = [m for m in active if m.end > start] + by_start.get(start, [])
        active.sort(key=lambda m: m.order)
        pieces.append((start, end, list(active)))
    return pieces


@dataclass(frozen=True, slots=True)
class Links:
    """Where a click on a highlight goes; None when the article is not stored (paste preview)."""

    article_id: str
    actor_keys: dict[str, str]
    place_names: dict[str, str]

    def href(self, mark: Mark) -> str | None:
        if mark.kind == "event":
            return f"/events/{quote(self.article_id, safe='')}/{quote(mark.ref, safe='')}"
        if mark.kind == "actor" and mark.ref in self.actor_keys:
            return "/actors/" + quote(self.actor_keys[mark.ref], safe="")
        if mark.kind == "place" and mark.ref in self.place_names:
            return "/events?" + urlencode({"place": self.place_names[mark.ref]})
        return None


def highlighted(record: dict[str, Any], links: Links | None) -> Markup:
    """The article text as escaped HTML with one element per highlighted segment."""
    text = record["article"]["text"]
    out: list[str] = []
    for start, end, covering in segments(text, marks_of(record)):
        piece = escape(text[start:end])
        if not covering:
            out.append(str(piece))
            continue
        kinds = sorted({m.kind for m in covering}, key=KIND_ORDER.index)
        attrs = {
            "class": "hl " + " ".join(f"hl-{k}" for k in kinds),
            "data-refs": " ".join(m.ref for m in covering),
            "data-start": str(start),
            "data-end": str(end),
        }
        href = _link(covering, links)
        inner = f"<a href=\"{escape(href)}\">{piece}</a>" if href else str(piece)
        out.append(f"<span {_attrs(attrs)}>{inner}</span>")
    return Markup("".join(out))


def _link(covering: list[Mark], links: Links | None) -> str | None:
    if links is None:
        return None
    for kind in LINK_PREFERENCE:
        for mark in reversed(covering):
            if mark.kind == kind:
                href = links.href(mark)
                if href:
                    return href
    return None


def _attrs(attrs: dict[str, str]) -> str:
    return " ".join(f'{name}="{escape(value)}"' for name, value in attrs.items())
