"""Capitals and countries used as actors ("Washington said", "Pyongyang rejected").

A capital or country that is the subject of a speech or decision verb, or of any verb carrying
a modal ("Moscow would not support"), or a capital acting on an object ("Tehran playing a
role"), names a government, not a location: it belongs to the
actor stage, and it must not become a map point (PITFALLS §4). So does a capital owning a
stance noun ("Washington's opposition", "Moscow's envoy"). The actor stage may pass the spans
it decided itself; this detector covers the common cases when it passes none.

Conjoined subjects share the reading: in "the US and Iran have declared", both are actors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.places.gazetteer import Entry
from newsgraph.places.tables import cues

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_MODAL_TAGS = ("MD",)


def is_metonymic_subject(doc: Doc, start: int, end: int, entry: Entry | None) -> bool:
    """True when the toponym at [start, end) names a government acting or speaking.

    Only capitals and countries are read this way: "Mosul fell" is still a place.
    """
    if entry is None or not (entry.feature == "country" or entry.capital):
        return False
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    root = span.root
    while root.dep_ == "conj" and root.head is not root:  # "the US and Iran declared"
        root = root.head
    if root.dep_ == "nsubj":
        return _actor_verb(root.head) or (entry.capital and _acts_on_something(root.head))
    if root.dep_ == "poss" and entry.capital:
        return root.head.lemma_.lower() in cues()["stance_noun"]
    return False


def _acts_on_something(verb: Token) -> bool:
    """A capital doing something to something ("Tehran playing a role", "Beijing built islands").

    Cities are rarely the active subject of a transitive verb unless they stand for their
    government; intransitive uses ("Kabul fell") stay places.
    """
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children)


def _actor_verb(verb: Token) -> bool:
    """A speech/decision verb, or any verb with a modal auxiliary ("would do", "must accept")."""
    if verb.lemma_.lower() in cues()["speech_verb"]:
        return True
    return any(child.dep_ == "aux" and child.tag_ in _MODAL_TAGS for child in verb.children)


def overlaps(start: int, end: int, spans: tuple[tuple[int, int], ...]) -> bool:
    return any(s < end and start < e for s, e in spans)
