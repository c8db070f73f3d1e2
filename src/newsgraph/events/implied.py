"""Participants a crowd event implies when the text names none: "rallies were held across the country".

A demonstration is by definition done by demonstrators, so "Violent protests erupted in
Bogota" states who acted as plainly as "protesters clashed with police" does — only without
a noun phrase for the actor stage to find. The field's protest data (ACLED's "Protesters
(Colombia)") codes such crowds as an actor of the country where they gathered; newsgraph does
the same, and only for crowd events: an attack with no attacker named stays uncoded, since
nothing in "a bomb exploded" says who set it.

The implied actor is an ordinary record actor (kind ``population``, the sector the agent
dictionary gives protesters) whose mentions are the event words themselves, so its evidence
is visible, and whose ``role`` says it was implied. One actor stands for all the crowds of one
kind in one country in the article; a crowd event with no place implies nobody (the coder
asks only when it knows the country).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from newsgraph.actors.identity import compose_cameo
from newsgraph.records import Actor, Span

# Crowd modes of PROTEST and who carries them out.
PARTICIPANTS = {"demo": "protesters", "riot": "rioters", "strike": "strikers"}
CROWD_SECTOR = "OPP"  # the agent dictionary's sector for protesters, rioters and demonstrators
IMPLIED_ROLE = "implied by the event"


@dataclass
class ImpliedParticipants:
    """Actors implied while coding one article, numbered after the actor stage's own."""

    first_number: int
    actors: list[Actor] = field(default_factory=list)

    def crowd(self, mode: str | None, country: str | None, words: Span) -> str | None:
        """Id of the crowd behind a ``mode`` event at ``words`` in ``country``; None when the
        mode is no crowd's."""
        name = PARTICIPANTS.get(mode or "")
        if name is None:
            return None
        for number, actor in enumerate(self.actors):
            if actor.name == name and actor.country == country:
                if words not in actor.mentions:
                    self.actors[number] = _with_mention(actor, words)
                return actor.id
        actor = Actor(
            id=f"a{self.first_number + len(self.actors)}", name=name, kind="population", country=country,
            sector=CROWD_SECTOR, role=IMPLIED_ROLE, cameo=compose_cameo(country, CROWD_SECTOR), mentions=(words,),
        )
        self.actors.append(actor)
        return actor.id


def _with_mention(actor: Actor, words: Span) -> Actor:
    return replace(actor, mentions=tuple(sorted((*actor.mentions, words), key=lambda s: (s.start, s.end))))
