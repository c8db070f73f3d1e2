from __future__ import annotations

import pytest

from newsgraph.actors import ActorStage, find_actors
from newsgraph.document.document import Document, parse
from newsgraph.records import Actor
from newsgraph.text.article import Metadata, make_article


class Found:
    """An article's actors with helpers to look them up by a mention's text."""

    def __init__(self, text: str, published: str | None) -> None:
        self.document: Document = parse(make_article(text, Metadata(published=published), "test"))
        self.stage: ActorStage = find_actors(self.document)

    def of(self, words: str, nth: int = 0) -> Actor:
        """The actor holding the nth mention whose text is exactly ``words``."""
        seen = 0
        for start in _find_all(self.document.text, words):
            actor_id = self.stage.actor_at(start, start + len(words))
            if actor_id is not None:
                if seen == nth:
                    return self.stage.actor(actor_id)
                seen += 1
        raise AssertionError(f"no actor mention {words!r} (#{nth}); actors: {[a.name for a in self.stage.actors]}")

    def has(self, words: str) -> bool:
        return any(self.stage.actor_at(s, s + len(words)) for s in _find_all(self.document.text, words))


def _find_all(text: str, words: str) -> list[int]:
    found, start = [], text.find(words)
    while start != -1:
        found.append(start)
        start = text.find(words, start + 1)
    return found


@pytest.fixture
def actors_of():
    return lambda text, published="2016-05-02": Found(text, published)
