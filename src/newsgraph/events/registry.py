"""Event coders behind one small interface, registered under versioned names.

The interface (``CodingInput``, ``EventCoder``) and the registry live apart from the rule
coder so that any coder, and the modules the rule coder is built from, can use them without
importing the rule coder itself. Built-in coders enter like plugins: ``rules.plover.v1``
registers itself when ``newsgraph.events`` (which imports coder.py) is imported.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

from newsgraph.actors import ActorStage
from newsgraph.document.document import Document
from newsgraph.events.implied import ImpliedParticipants
from newsgraph.records import Actor, DateRef, Event, Place, Quote

DEFAULT_CODER = "rules.plover.v1"


@dataclass(frozen=True)
class CodingInput:
    document: Document
    actors: ActorStage
    quotes: tuple[Quote, ...] = ()
    places: tuple[Place, ...] = ()
    dates: tuple[DateRef, ...] = ()
    # where doers the text implies but does not name are collected ("protests erupted", "were
    # arrested in Dhaka"); the caller adds them to the record's actors. None: code only named sources.
    implied: ImpliedParticipants | None = None

    def actor(self, actor_id: str) -> Actor:
        """The actor stage's actor, or one the coder implied while coding ("police" of an arrest)."""
        for implied in self.implied.actors if self.implied is not None else ():
            if implied.id == actor_id:
                return implied
        return self.actors.actor(actor_id)


class EventCoder(Protocol):
    name: str

    def code(self, inputs: CodingInput) -> tuple[Event, ...]: ...


Factory = Callable[[tuple[Path, ...]], EventCoder]
_REGISTRY: dict[str, Factory] = {}


def register(name: str) -> Callable[[Factory], Factory]:
    """Make a coder available by a versioned name; the factory gets the user's verb files."""

    def add(factory: Factory) -> Factory:
        _REGISTRY[name] = factory
        return factory

    return add


@lru_cache(maxsize=8)
def get_coder(name: str = DEFAULT_CODER, verb_files: tuple[Path, ...] = ()) -> EventCoder:
    from newsgraph.errors import ConfigError

    if name not in _REGISTRY:
        raise ConfigError(f"no event coder named {name!r}; available: {', '.join(sorted(_REGISTRY))}")
    return _REGISTRY[name](tuple(verb_files))
