"""Acronyms an article defines for itself: "the British National Party (BNP)".

A dictionary knows many bodies by the same few letters (BNP is also Bangladesh's nationalist
party), and the article's own definition is the only evidence of which one it means. So every
use of a defined acronym is the actor the defining name resolves to, fixed before the other
mentions are resolved (so that "the BNP leader" takes the right country); a name that is no
actor leaves its acronym unknown too, instead of letting the letters pick a stranger.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc

    from newsgraph.actors.mentions import Mention

MIN_LETTERS, MAX_LETTERS = 2, 8


def defined_acronyms(doc: Doc, mentions: list[Mention]) -> list[tuple[Mention, Mention]]:
    """(use of an acronym, the name that defined it) for every use, the bracketed one included."""
    everything = list(_with_owners(mentions))
    definitions = _definitions(doc, everything)
    if not definitions:
        return []
    pairs = []
    for mention in everything:
        definer = definitions.get(doc[mention.start : mention.end].text)
        if definer is not None and definer is not mention:
            pairs.append((mention, definer))
    return pairs


def _with_owners(mentions: Iterable[Mention]) -> Iterable[Mention]:
    for mention in mentions:
        yield mention
        yield from _with_owners(mention.owners)


def _definitions(doc: Doc, mentions: list[Mention]) -> dict[str, Mention]:
    """Acronym → the name just before it in brackets, when its letters are that name's initials."""
    found: dict[str, Mention] = {}
    for mention in mentions:
        end = mention.end
        if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
            continue
        letters = doc[end + 1].text
        if _spells(letters, [t.text for t in doc[mention.start : mention.end]]):
            found.setdefault(letters, mention)
    return found


def _spells(letters: str, words: list[str]) -> bool:
    """ "ISIL" for "Islamic State of Iraq and the Levant"; "FARC" for its Spanish name's English
    translation too, so the initials are compared as a bag, not in order."""
    if not (MIN_LETTERS <= len(letters) <= MAX_LETTERS and letters.isalpha() and letters.isupper()):
        return False
    initials = Counter(w[0].upper() for w in words if w[:1].isupper())
    return len(words) > 1 and not Counter(letters) - initials
