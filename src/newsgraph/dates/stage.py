"""Document → dates: time expressions normalised against the publication date, and event dates.

:func:`find_dates` finds date expressions by their surface shape
(:mod:`~newsgraph.dates.patterns`), keeps those the parse confirms
(:mod:`~newsgraph.dates.context`) and normalises each against the article's publication
date (:mod:`~newsgraph.dates.resolve`, :mod:`~newsgraph.dates.calendar`). Durations
("four-day", "nearly a decade", "the past two years"), frequencies ("each season"),
vague references ("now", "recently", "several years ago") and dates relative to the story
rather than to publication ("the next day", "two years after the war") are not DateRefs:
they name no point on the calendar we can compute.

:func:`anchor_event` gives an event the date of its own clause (:mod:`~newsgraph.dates.anchor`),
falling back to the publication date with that reason stated.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from newsgraph.dates.anchor import PUBLICATION_REASON, choose, reason
from newsgraph.dates.context import DocView
from newsgraph.dates.patterns import SHAPES, Candidate, scan
from newsgraph.dates.resolve import Resolution, resolve
from newsgraph.document.document import Document
from newsgraph.records import DateRef

SHAPE_ORDER = {name: rank for rank, name in enumerate(SHAPES)}


@dataclass(frozen=True, slots=True)
class EventDate:
    value: str | None  # ISO: 2014-01-05, 2014-W01, 2014-01, 2014, ... (see newsgraph.dates.resolve)
    precision: str | None  # day | week | month | quarter | season | year | decade | century
    reason: str | None  # which expression (or the publication date) it came from, and why


def find_dates(document: Document) -> tuple[DateRef, ...]:
    """Every date expression of the article with its normalised value, in text order."""
    text = document.article.text
    candidates = scan(text)
    if not candidates:
        return ()
    published = _published(document.article.published)
    view = DocView(document.doc)
    found: list[tuple[Candidate, Resolution]] = []
    for candidate in candidates:
        if not view.is_date(candidate):
            continue

        def tense(c: Candidate = candidate) -> str | None:
            return view.tense(c.start, c.end)

        resolution = resolve(candidate, published, tense)
        if resolution is not None:
            found.append((candidate, resolution))
    return tuple(
        DateRef(text=text[c.start : c.end], start=c.start, end=c.end, value=r.value, precision=r.precision)
        for c, r in select(found)
    )


def select(found: list[tuple[Candidate, Resolution]]) -> list[tuple[Candidate, Resolution]]:
    """Non-overlapping matches, the longest first ("January 5, 2014" over "2014")."""
    ranked = sorted(found, key=lambda f: (-(f[0].end - f[0].start), f[0].start, SHAPE_ORDER[f[0].shape]))
    chosen: list[tuple[Candidate, Resolution]] = []
    for item in ranked:
        c = item[0]
        if all(c.end <= other.start or other.end <= c.start for other, _ in chosen):
            chosen.append(item)
    return sorted(chosen, key=lambda f: f[0].start)


def anchor_event(document: Document, dates: tuple[DateRef, ...], trigger_start: int, trigger_end: int) -> EventDate:
    """The date of the event whose trigger is at [trigger_start, trigger_end), with the reason."""
    published = document.article.published
    picked = choose(document.doc, dates, trigger_start, trigger_end)
    if picked is not None:
        date, how = picked
        return EventDate(date.value, date.precision, reason(date, published, how))
    if published:
        return EventDate(published, "day", PUBLICATION_REASON)
    return EventDate(None, None, None)


def _published(value: str | None) -> dt.date | None:
    """The publication date as a date; Article.published is already YYYY-MM-DD or None."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
