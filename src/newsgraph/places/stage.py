"""Placeholder: the places stage is being built (issue 5). Returns nothing rather than guesses."""

from __future__ import annotations

from collections.abc import Sequence

from newsgraph.document.document import Document
from newsgraph.records import Place


def find_places(document: Document, metonyms: Sequence[tuple[int, int]] = ()) -> tuple[Place, ...]:
    return ()


def anchor_event(document: Document, places: tuple[Place, ...], trigger_start: int, trigger_end: int) -> str | None:
    return None
