"""Who asserts an event, and whether it lies in the past: attribution and the historical mode.

An event inside a quote, under a verb of saying or alleged by an accuser is that speaker's
claim (``attributed_to``); the article's own voice is none. An event dated two or more years
before publication is ``historical``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from newsgraph.events.arguments import ALLEGING_VERBS
from newsgraph.events.modality import DENYING_VERBS, SPEECH_LEMMAS, Modality
from newsgraph.records import Quote

if TYPE_CHECKING:
    from newsgraph.events.arguments import ArgumentReader

SPEAKER_PRONOUNS = frozenset({"we", "i", "us", "me"})


# Years before publication after which an event counts as historical.
HISTORICAL_YEARS = 2


def quote_at(quotes: Sequence[Quote], char: int) -> Quote | None:
    inside = [q for q in quotes if q.start <= char < q.end]
    return min(inside, key=lambda q: q.end - q.start) if inside else None


def speaker_pronoun_subject(token) -> bool:  # type: ignore[no-untyped-def]
    current = token
    for _ in range(5):
        for child in current.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ in SPEAKER_PRONOUNS:
                return True
        if current.dep_ not in ("xcomp", "conj", "advcl", "pcomp", "prep", "acomp") or current.head.i == current.i:
            return False
        current = current.head
    return False


def attribution(quote: Quote | None, token, reader: ArgumentReader, modality: Modality) -> str | None:  # type: ignore[no-untyped-def]
    """Who asserts the event: the speaker of the quote it sits in, of the verb of saying over it,
    the accuser of an alleged act ("Iran accused Israel of attacking …" is Iran's claim), or the
    claimant of an act claimed."""
    if quote is not None and quote.speaker:
        return quote.speaker
    if token.dep_ == "pcomp" and token.head.lower_ in ("of", "for") and token.head.head.lemma_.lower() in ALLEGING_VERBS:
        accusers, _ = reader.subject_of(token.head.head)
        if accusers:
            return accusers[0]
    claimants = reader.claimant(token)
    if claimants:
        return claimants[0]  # "IS claimed responsibility for the bombing": IS's own claim
    if token.dep_ == "advcl" and token.head.lemma_.lower() in SPEECH_LEMMAS:
        speakers, _ = reader.subject_of(token.head)  # "…, activists said, killing twelve people"
        return speakers[0] if speakers else None
    if not modality.reported:
        return None
    current = token
    for _ in range(8):
        if current.dep_ == "ccomp" and current.head.lemma_.lower() in SPEECH_LEMMAS | DENYING_VERBS:
            speakers, _ = reader.subject_of(current.head)
            return speakers[0] if speakers else None
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def historical(value: str | None, published: str | None, modality: Modality) -> bool:
    if not value or not published or modality.future:
        return False
    try:
        year = int(value[:4])
    except ValueError:
        return False
    return year <= dt.date.fromisoformat(published).year - HISTORICAL_YEARS
