"""Placeholder: the quotes stage is being built (issue 5). Returns nothing rather than guesses."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.document.document import Document


@dataclass(frozen=True, slots=True)
class QuoteFinding:
    """A quote as found in the text; the pipeline turns ``speaker_span`` into an actor id."""

    text: str
    start: int
    end: int
    direct: bool
    cue: str | None = None
    cue_span: tuple[int, int] | None = None
    speaker_span: tuple[int, int] | None = None


def find_quotes(document: Document) -> tuple[QuoteFinding, ...]:
    return ()
