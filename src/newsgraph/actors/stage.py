"""Placeholder: the actor stage is being built (issue 3)."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.document.document import Document
from newsgraph.records import Actor


@dataclass(frozen=True)
class ActorStage:
    actors: tuple[Actor, ...] = ()
    metonyms: tuple[tuple[int, int], ...] = ()

    def actor_at(self, start: int, end: int) -> str | None:
        for actor in self.actors:
            for m in actor.mentions:
                if m.start <= start and end <= m.end:
                    return actor.id
        return None


def find_actors(document: Document) -> ActorStage:
    return ActorStage()
