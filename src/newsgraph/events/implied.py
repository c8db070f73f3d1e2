"""Doers an event implies when the text names none: "rallies were held", "50 were arrested".

A demonstration is by definition done by demonstrators, so "Violent protests erupted in
Bogota" states who acted as plainly as "protesters clashed with police" does — only without
a noun phrase for the actor stage to find; and an arrest is by definition made by the police
of the place ("over 100 activists were arrested in Dhaka"). The field's event data codes
both so (ACLED's "Protesters (Colombia)", "Police Forces of Bangladesh"); newsgraph does the
same, and only for these two kinds of act: an attack or a killing with no doer named stays
uncoded, since nothing in "a bomb exploded" says who set it.

The implied actor is an ordinary record actor (kind ``population``, the sector the agent
dictionary gives protesters) whose mentions are the event words themselves, so its evidence
is visible, and whose ``role`` says it was implied. One actor stands for all the doers of one
kind in one country in the article; a crowd event with no country implies nobody, an arrest
the police of no country named (see unnamed_doers.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from newsgraph.actors.identity import compose_cameo
from newsgraph.records import Actor, Span

# (PLOVER type, mode) of an act → who carries it out when nobody is named: name, kind, sector.
# Protesters and the like take the agent dictionary's sector for them (OPP).
IMPLIED_DOERS = {
    ("PROTEST", "demo"): ("protesters", "population", "OPP"),
    ("PROTEST", "riot"): ("rioters", "population", "OPP"),
    ("PROTEST", "strike"): ("strikers", "population", "OPP"),
    ("COERCE", "arrest"): ("police", "police", "COP"),
}
IMPLIED_ROLE = "implied by the event"


@dataclass
class ImpliedParticipants:
    """Actors implied while coding one article, numbered after the actor stage's own."""

    first_number: int
    actors: list[Actor] = field(default_factory=list)

    def doer(self, kind: str, mode: str | None, country: str | None, words: Span) -> str | None:
        """Id of who carried out a ``kind``/``mode`` act at ``words`` in ``country``; None when
        the act implies nobody."""
        implied = IMPLIED_DOERS.get((kind, mode or ""))
        if implied is None:
            return None
        name, actor_kind, sector = implied
        return self.body(name, actor_kind, sector, country, words, IMPLIED_ROLE)

    def body(self, name: str, kind: str, sector: str, country: str | None, words: Span, role: str) -> str:
        """Id of the one implied body ``name`` of ``country`` in the article, with ``words`` among its mentions."""
        for number, actor in enumerate(self.actors):
            if actor.name == name and actor.country == country and actor.sector == sector:
                if words not in actor.mentions:
                    self.actors[number] = _with_mention(actor, words)
                return actor.id
        actor = Actor(
            id=f"a{self.first_number + len(self.actors)}", name=name, kind=kind, country=country,
            sector=sector, role=role, cameo=compose_cameo(country, sector), mentions=(words,),
        )
        self.actors.append(actor)
        return actor.id

    def host(self, country: str, words: Span) -> str:
        """Id of the state ``country`` as the host of an act at the place named by ``words``."""
        from newsgraph.actors.dictionary import default_dictionary
        from newsgraph.events.hosts import HOST_ROLE

        for number, actor in enumerate(self.actors):
            if actor.kind == "country" and actor.country == country:
                if words not in actor.mentions:
                    self.actors[number] = _with_mention(actor, words)
                return actor.id
        entry = default_dictionary().country(country)
        actor = Actor(
            id=f"a{self.first_number + len(self.actors)}", name=entry.name if entry else country, kind="country",
            country=country, role=HOST_ROLE, cameo=country, mentions=(words,), entry=entry.id if entry else None,
        )
        self.actors.append(actor)
        return actor.id


def _with_mention(actor: Actor, words: Span) -> Actor:
    return replace(actor, mentions=tuple(sorted((*actor.mentions, words), key=lambda s: (s.start, s.end))))
