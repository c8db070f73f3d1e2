"""Placeholder: the dates stage is being built (issue 5). Returns nothing rather than guesses."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.document.document import Document
from newsgraph.records import DateRef


@dataclass(frozen=True, slots=True)
class EventDate:
    value: str | None
    precision: str | None
    reason: str | None


def find_dates(document: Document) -> tuple[DateRef, ...]:
    return ()


def anchor_event(document: Document, dates: tuple[DateRef, ...], trigger_start: int, trigger_end: int) -> EventDate:
    return EventDate(None, None, None)
