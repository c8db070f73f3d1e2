"""PETRARCH discard lists: phrases that mark a sentence, or a whole story, as no political news.

A user's discard file ("+TYPHOON", "BASEBALL", "+Manchester United") keeps sports and weather
stories out of the event data, as PETRARCH does: a sentence holding a sentence-level phrase
yields no events, and a story holding a story-level phrase (marked ``+``) yields none at all.
Phrases match whole words, ignoring case; ``_`` stands for a space as in the other PETRARCH
dictionaries. Lines starting with ``#`` and text after `` #`` are comments.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from newsgraph.document.document import Document
from newsgraph.errors import ConfigError
from newsgraph.records import Event


@dataclass(frozen=True)
class Discards:
    story: tuple[str, ...] = ()
    sentence: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.story or self.sentence)

    def story_phrase(self, text: str) -> str | None:
        """The story-level phrase found anywhere in ``text``, if any."""
        return _first_match(self.story, text)

    def sentence_phrase(self, text: str) -> str | None:
        return _first_match(self.sentence, text)


def parse_discards(text: str) -> Discards:
    story: list[str] = []
    sentence: list[str] = []
    for line in text.splitlines():
        phrase = line.split(" #", 1)[0].strip()
        if not phrase or phrase.startswith("#"):
            continue
        target = story if phrase.startswith("+") else sentence
        words = " ".join(phrase.lstrip("+").replace("_", " ").split())
        if words:
            target.append(words.casefold())
    return Discards(tuple(dict.fromkeys(story)), tuple(dict.fromkeys(sentence)))


@lru_cache(maxsize=8)
def load_discards(paths: tuple[Path, ...]) -> Discards:
    story: list[str] = []
    sentence: list[str] = []
    for path in paths:
        try:
            text = Path(path).read_text(encoding="utf-8", errors="replace")
        except OSError as err:
            raise ConfigError(f"{path}: cannot read the discard list ({err.strerror}); check the path") from None
        found = parse_discards(text)
        story.extend(found.story)
        sentence.extend(found.sentence)
    return Discards(tuple(dict.fromkeys(story)), tuple(dict.fromkeys(sentence)))


def drop_discarded(events: Sequence[Event], document: Document, discards: Discards) -> tuple[Event, ...]:
    """The events that survive the user's discard list (all of them when it is empty)."""
    if not discards or not events:
        return tuple(events)
    if discards.story_phrase(document.text):
        return ()
    dropped = {i for i, s in enumerate(document.sentences) if discards.sentence_phrase(document.text[s.start : s.end])}
    kept = [e for e in events if e.evidence.sentence not in dropped]
    return tuple(replace(e, id=f"e{n}") for n, e in enumerate(kept, start=1))


def _first_match(phrases: tuple[str, ...], text: str) -> str | None:
    if not phrases:
        return None
    folded = " ".join(text.casefold().split())
    for phrase in phrases:
        if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", folded):
            return phrase
    return None
