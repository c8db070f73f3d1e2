"""Whom an act done on another state's soil is done to, when the text names nobody: the host.

"Obama arrived in Beijing", "US and British activists staged a protest in Beijing" and
"Russia is conducting military exercises in Alaska" name a doer and a place but no target.
A place is where, not who — except that a state receives every visit made to it, and a
foreign crowd's protest or a foreign army's show of force on its soil is aimed at it. CAMEO
coders (GDELT's, PETRARCH's) code these dyads against the host state; without a target an
event is no CAMEO dyad at all, and a visit is not a meeting of visitor and host.

Only these acts, only when the event's own clause puts it in a place ("in", "at", "to",
"into" — not "from" or "near"), and only when every doer belongs to a state that is not the
host: a country's own police, protesters or army acting at home have no host. The host is the
state actor the actor stage already found for that country, else an implied one whose
evidence is the place name and whose ``role`` says why it is there.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from newsgraph.places import clause_place

if TYPE_CHECKING:
    from newsgraph.events.arguments import Arguments
    from newsgraph.events.lexicon_row import LexiconRow
    from newsgraph.events.registry import CodingInput
    from newsgraph.records import Span

# (PLOVER type, mode or None for any mode) of the acts a host state receives.
HOSTED_ACTS = frozenset({("CONSULT", None), ("PROTEST", "demo"), ("MOBILIZE", None), ("ASSAULT", None)})
VISIT, MAKE_A_VISIT = "visit", "042"  # CAMEO 042: "travel to another location for a meeting or other event"
# Prepositions that put an act inside a place or bring it there, not beside or out of it.
HOST_PREPOSITIONS = frozenset({"in", "at", "on", "against", "inside", "within", "throughout", "to", "into"})
HOST_ROLE = "host of the event"
# Sectors of private people: a teacher "arriving in London" or a firm's chief in Beijing pays no
# state a visit, though a crowd of them can protest at one.
PRIVATE_SECTORS = frozenset({"CVL", "EDU", "LAB", "AGR", "BUS", "MED", "JRN", "REF", "CRM", "SPT"})


def hosted(row: LexiconRow, args: Arguments, where: Span, inputs: CodingInput) -> tuple[LexiconRow, Arguments]:
    """``row`` and ``args`` with the host as target when the act is hosted; a meeting or summit
    attended abroad is then a visit to the host ("will attend a summit in Switzerland")."""
    host = host_target(row.type or "", (row.mode,) if row.mode else (), args.source, where, inputs)
    if not host:
        return row, args
    if row.type == "CONSULT" and row.mode != VISIT:
        row = replace(row, mode=VISIT, cameo=MAKE_A_VISIT)
    return row, replace(args, target=host, target_via="host")


def host_target(kind: str, mode: tuple[str, ...], source: tuple[str, ...], where: Span,
                inputs: CodingInput) -> tuple[str, ...]:
    """The host state's actor id for a hosted act at ``where`` by foreign ``source``, else ()."""
    if not _hosted(kind, mode) or inputs.implied is None:
        return ()
    place = clause_place(inputs.document, inputs.places, where.start, where.end, HOST_PREPOSITIONS)
    if place is None or place.country is None:
        return ()
    doers = [inputs.actor(actor_id) for actor_id in source]
    countries = {doer.country for doer in doers}
    if None in countries or place.country in countries:
        return ()  # a doer of no known state, or one at home: nobody hosts it
    if kind == "CONSULT" and any(doer.sector in PRIVATE_SECTORS for doer in doers):
        return ()
    states = [a for a in inputs.actors.actors if a.kind == "country" and a.country == place.country]
    if states:
        return (states[0].id,)
    mention = next((m for m in place.mentions if where.start - 400 < m.start < where.end + 400), place.mentions[0])
    return (inputs.implied.host(place.country, mention),)


def _hosted(kind: str, mode: tuple[str, ...]) -> bool:
    return any(kind == hosted and (wanted is None or wanted in mode) for hosted, wanted in HOSTED_ACTS)
