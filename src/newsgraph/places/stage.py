"""Document → places: toponyms found, told apart from metonyms, resolved and merged.

``find_places`` returns one :class:`~newsgraph.records.Place` per real place of the article
("Iraq" and "Iraq's", "Helmand" and "Helmand province" are one place), numbered p1, p2 … in
order of first mention, each with every literal mention. ``anchor_event`` gives an event its
place (see :mod:`newsgraph.places.anchor`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from newsgraph.document.document import Document
from newsgraph.places.anchor import anchor_event as _anchor_event
from newsgraph.places.context import WEIGHTS, Weights
from newsgraph.places.gazetteer import Entry, Gazetteer, gazetteer
from newsgraph.places.mentions import Mention, find_mentions, link_qualifiers, mention_for_span
from newsgraph.places.metonymy import is_metonymic_subject, overlaps
from newsgraph.places.resolve import resolve_mentions
from newsgraph.places.tables import demonyms
from newsgraph.records import Place, Span

# Sources whose mentions are kept as places even when the gazetteer has no reading for them:
# the parser called them places, so they are reported with unknown (null) coordinates.
UNRESOLVED_KEPT_SOURCES = ("ner",)


@dataclass(frozen=True, slots=True)
class Resolved:
    """A mention with its reading; ``metonym`` marks a capital/country used as an actor."""

    mention: Mention
    entry: Entry | None
    metonym: bool = False


def find_places(document: Document, metonyms: Sequence[tuple[int, int]] = ()) -> tuple[Place, ...]:
    """The article's places, each with all its literal mentions (metonyms excluded)."""
    gaz = gazetteer()
    resolved = resolve_document(document, find_mentions(document, gaz), gaz, tuple(metonyms))
    return _places(document, [r for r in resolved if not r.metonym], gaz)


def resolve_spans(document: Document, spans: Sequence[tuple[int, int]], weights: Weights = WEIGHTS,
                  focus_fallback: bool = False) -> list[Entry | None]:
    """Readings of given spans (e.g. gold toponyms) in their article's context.

    The spans are read as mentions; the article's own detected mentions that do not overlap
    them add context (countries, regions, nearby places), exactly as in :func:`find_places`.
    Buildings, streets and districts are located in the article's area as in
    :func:`find_places` (:mod:`newsgraph.places.inside`). With ``focus_fallback`` a span still
    unread ("Bywater", "Ghouta": no inside word, no reading) gets the article's focus place
    (:func:`focus`): "somewhere in that town". Nothing says it lies there, so ``find_places``
    never does this; evaluations report it separately.
    """
    gaz = gazetteer()
    given = [mention_for_span(document, gaz, s, e) for s, e in spans]
    detected = [m for m in find_mentions(document, gaz) if not any(overlaps(m.start, m.end, ((s, e),))
                                                                  for s, e in spans)]
    merged = sorted([*given, *detected], key=lambda m: m.start)
    merged = link_qualifiers(document.doc, gaz, merged, document.text)
    entries = resolve_mentions(merged, gaz, article_demonyms(document), weights)
    by_span = {(m.start, m.end): e for m, e in zip(merged, entries, strict=True) if m.source == "given"}
    found = [by_span.get((s, e)) for s, e in spans]
    if focus_fallback:
        centre = focus([e for e in entries if e is not None])
        found = [e if e is not None else centre for e in found]
    return found


def focus(entries: Sequence[Entry]) -> Entry | None:
    """The article's focus: its most-mentioned town (or county), else region, else country."""
    for features in (("city", "other"), ("admin1",), ("country",)):
        counts = Counter(e.id for e in entries if e.feature in features and e.id > 0)
        if counts:
            top = counts.most_common(1)[0][0]
            return next(e for e in entries if e.id == top)
    return None


def resolve_document(document: Document, mentions: list[Mention], gaz: Gazetteer,
                     metonyms: tuple[tuple[int, int], ...] = ()) -> list[Resolved]:
    entries = resolve_mentions(mentions, gaz, article_demonyms(document))
    out = []
    for mention, entry in zip(mentions, entries, strict=True):
        metonym = overlaps(mention.start, mention.end, metonyms) or is_metonymic_subject(
            document.doc, mention.start, mention.end, entry)
        out.append(Resolved(mention, entry, metonym))
    return out


def anchor_event(document: Document, places: tuple[Place, ...], trigger_start: int, trigger_end: int) -> str | None:
    """The place id of the event whose trigger is at [trigger_start, trigger_end).

    Order: (1) a place attached by a locative preposition (in/near/at/around/outside/across…)
    to the trigger or its clause, found in the dependency parse; (2) else the nearest place
    mention in the same sentence that is the object of a locative preposition, then any
    nearest mention there that is not a modifier ("US Secretary of State"); (3) else the
    article's dateline place; (4) else None.
    """
    return _anchor_event(document, places, trigger_start, trigger_end)


def article_demonyms(document: Document) -> list[str]:
    """Countries named by demonyms in the text ("Iraqi", "South Korean"), one per occurrence."""
    table, pattern = _country_demonyms()
    return [table[match.group(0)] for match in pattern.finditer(document.text)]


@lru_cache(maxsize=1)
def _country_demonyms() -> tuple[dict[str, str], re.Pattern[str]]:
    table = {form: place for form, place in demonyms().items() if len(place) == 2 and place.isupper()}
    forms = sorted(table, key=len, reverse=True)  # "South Korean" before "Korean"
    return table, re.compile(r"\b(?:" + "|".join(re.escape(f) for f in forms) + r")\b")


def _places(document: Document, resolved: list[Resolved], gaz: Gazetteer) -> tuple[Place, ...]:
    groups: dict[object, list[Resolved]] = {}
    for r in resolved:
        if r.entry is not None:
            groups.setdefault(r.entry.id, []).append(r)
        elif r.mention.source in UNRESOLVED_KEPT_SOURCES:
            groups.setdefault(("unresolved", r.mention.name.casefold()), []).append(r)
    ordered = sorted(groups.values(), key=lambda rs: rs[0].mention.start)
    text = document.text
    places = []
    for number, group in enumerate(ordered, start=1):
        spans = tuple(Span(r.mention.start, r.mention.end, text[r.mention.start:r.mention.end]) for r in group)
        places.append(_place(f"p{number}", group[0], spans, gaz))
    return tuple(places)


def _place(place_id: str, first: Resolved, spans: tuple[Span, ...], gaz: Gazetteer) -> Place:
    entry = first.entry
    if entry is None:
        return Place(id=place_id, name=first.mention.name, feature="other", mentions=spans)
    name = entry.name if entry.feature in ("country", "admin1") else first.mention.name
    admin1 = entry.admin1 if entry.feature in ("city", "other", "admin1") else None
    return Place(id=place_id, name=name, feature=entry.feature, country=gaz.iso3(entry.cc), admin1=admin1,
                 lat=entry.lat, lon=entry.lon, geonameid=entry.geonameid, mentions=spans)
