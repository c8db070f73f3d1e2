"""Whose police, protesters and civilians they are, read from where their events happen.

The actor stage gives no country to "police" or "four children" when no state is named
around them: a place is where, not who, and an official speaking about Somalia is not
Somali. Local actors are the exception. Police who "arrested 20 men in Dhaka" are
Bangladesh's police, protesters who "clashed with police in Cairo" are Egyptian protesters,
and the children "killed in shelling in the Gaza Strip" are Palestinian civilians. The
field's event data codes them so ("Police Forces of Bangladesh", "Civilians (Palestine)"),
and newsgraph already does for the doers it implies (``implied.py``). This pass gives the
same answer for the ones the text names.

It runs after coding because the events are what tie an actor to a place. An actor gets a
country when its own name holds a place ("the Mumbai police"), or else when every place its
events are anchored to lies in that one country. Events without a place say nothing either
way. Words for people away from home (tourists, hostages, foreigners) keep an actor unplaced,
because they name people who are not locals; refugees and migrants are of another sector.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from newsgraph.actors.identity import compose_cameo
from newsgraph.records import Actor, Event, Place

# Sectors whose members act where they live: police, courts, civilians, protesters and opposition crowds.
LOCAL_SECTORS = frozenset({"COP", "JUD", "CVL", "OPP"})
# Kinds of actor that can be local (a court is of kind government). A party or an organisation
# named without a country is a body the dictionary did not know, not a crowd.
LOCAL_KINDS = frozenset({"police", "population", "person", "government"})
# Words that name people away from home: where they were is not whose they are.
AWAY_FROM_HOME = frozenset(
    {"foreign", "foreigner", "foreigners", "tourist", "tourists", "visitor", "visitors", "hostage", "hostages",
     "passenger", "passengers", "expatriate", "expatriates", "exile", "exiles"}
)


def locate_local_actors(actors: Iterable[Actor], events: Iterable[Event], places: Iterable[Place]) -> tuple[Actor, ...]:
    """``actors`` with each unplaced local actor given the country of the place its own name
    holds ("Mumbai police"), else the one country its events happen in."""
    places = tuple(places)
    countries = _countries_of_events(events, {place.id: place.country for place in places})
    located: list[Actor] = []
    for actor in actors:
        found = _countries_named_in(actor, places) or countries.get(actor.id, set())
        if len(found) == 1 and _local(actor):
            country = found.pop()
            actor = replace(actor, country=country, cameo=compose_cameo(country, actor.sector))
        located.append(actor)
    return tuple(located)


def _countries_of_events(events: Iterable[Event], country_of_place: dict[str, str | None]) -> dict[str, set[str]]:
    """Actor id → the countries of the places its events are anchored to."""
    found: dict[str, set[str]] = {}
    for event in events:
        country = country_of_place.get(event.place) if event.place else None
        if country is None:
            continue
        for actor_id in (*event.source, *event.target):
            found.setdefault(actor_id, set()).add(country)
    return found


def _countries_named_in(actor: Actor, places: tuple[Place, ...]) -> set[str]:
    """Countries of the places named inside the actor's own mentions ("the Mumbai police")."""
    return {place.country for place in places if place.country for where in place.mentions
            if any(m.start <= where.start and where.end <= m.end for m in actor.mentions)}


def _local(actor: Actor) -> bool:
    if actor.country is not None or actor.sector not in LOCAL_SECTORS or actor.kind not in LOCAL_KINDS:
        return False
    words = {word.lower() for mention in (actor.name, *(m.text for m in actor.mentions)) for word in mention.split()}
    return not words & AWAY_FROM_HOME
