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

from newsgraph.actors.seats import seats_of
from newsgraph.places import clause_place

if TYPE_CHECKING:
    from newsgraph.events.arguments import Arguments
    from newsgraph.events.lexicon_row import LexiconRow
    from newsgraph.events.registry import CodingInput
    from newsgraph.events.triggers import Trigger
    from newsgraph.records import Event, Span

# (PLOVER type, mode or None for any mode) of the acts a host state receives.
HOSTED_ACTS = frozenset({("CONSULT", None), ("PROTEST", "demo"), ("MOBILIZE", None), ("ASSAULT", None)})
VISIT, MAKE_A_VISIT = "visit", "042"  # CAMEO 042: "travel to another location for a meeting or other event"
HOST_A_VISIT = "043"
# Prepositions that put an act inside a place or bring it there, not beside or out of it.
HOST_PREPOSITIONS = frozenset({"in", "at", "on", "against", "inside", "within", "throughout", "to", "into"})
HOST_ROLE = "host of the event"
# Sectors of private people: a teacher "arriving in London" or a firm's chief in Beijing pays no
# state a visit, though a crowd of them can protest at one.
PRIVATE_SECTORS = frozenset({"CVL", "EDU", "LAB", "AGR", "BUS", "MED", "JRN", "REF", "CRM", "SPT"})


def hosted(row: LexiconRow, args: Arguments, where: Span, inputs: CodingInput) -> tuple[LexiconRow, Arguments]:
    """``row`` and ``args`` with the host as target when the act is hosted; a meeting or summit
    attended abroad is then a visit to the host ("will attend a summit in Switzerland")."""
    prepositions = HOST_PREPOSITIONS | ({row.prep} if row.mode == VISIT and row.prep == "for" else set())  # "left for Moscow"
    host = host_target(row.type or "", (row.mode,) if row.mode else (), args.source, where, inputs, prepositions)
    if not host:
        return row, args
    if row.type == "CONSULT" and row.mode != VISIT:
        row = replace(row, mode=VISIT, cameo=MAKE_A_VISIT)
    return row, replace(args, target=host, target_via="host")


# Prepositions that make a visit the occasion of another act ("held talks with X during a visit to Y").
OCCASION_PREPOSITIONS = frozenset({"during", "on"})


def fold_occasion_visits(events: list[Event], coded: list[tuple[Trigger, Event]], inputs: CodingInput) -> list[Event]:
    """ "Petraeus held talks with President Suleiman during a visit to Beirut": the visit is the
    occasion of the talks with the host, one encounter already coded both ways by the talks; the
    visit is dropped (the talks keep Beirut as their place). A visit that is the occasion of talks
    with someone not of the host state ("met the UN envoy during a visit to Beirut") stays."""
    meetings = [(t, e) for t, e in coded if e.type == "CONSULT" and VISIT not in e.mode and e.target]
    dropped: set[int] = set()
    for trigger, visit in coded:
        token = trigger.token
        if visit.type != "CONSULT" or VISIT not in visit.mode or token.dep_ != "pobj" \
                or token.head.lower_ not in OCCASION_PREPOSITIONS:
            continue
        hosts = {inputs.actor(t).country for t in visit.target} - {None}
        for meeting_trigger, meeting in meetings:
            governs = token.head.head.i in (meeting_trigger.token.i, meeting_trigger.token.head.i)
            if governs and set(visit.source) <= set(meeting.source) \
                    and any(inputs.actor(t).country in hosts for t in meeting.target):
                dropped.add(id(visit))
                break
    return [e for e in events if id(e) not in dropped]


def with_venue_visits(events: list[Event], inputs: CodingInput) -> list[Event]:
    """``events`` with a visit to the venue after each meeting held in a country none of its
    parties belongs to: "Obama and Putin will meet in Zurich" is each one's trip to Switzerland
    (CAMEO 042), as PETRARCH's gold codes it. The venue is where they met, not a party that
    hosted them, so the visit is one-way; the meeting's own modes carry over ("will meet":
    future visits)."""
    made = {(e.evidence.sentence, s, t) for e in events if e.type == "CONSULT" and VISIT in e.mode
            for s in e.source for t in e.target}
    out: list[Event] = []
    for event in events:
        out.append(event)
        if not _meeting(event):
            continue
        parties = tuple(dict.fromkeys(event.source + event.target))
        venue = host_target("CONSULT", event.mode, parties, event.evidence.trigger, inputs)
        visitors = tuple(p for p in parties if venue and (event.evidence.sentence, p, venue[0]) not in made)
        if not visitors:
            continue
        made.update((event.evidence.sentence, p, venue[0]) for p in visitors)
        mode = (VISIT,) if event.type == "CONSULT" else event.mode  # a promised meeting's visit is promised too
        out.append(replace(event, id=f"{event.id}v", mode=mode, cameo=MAKE_A_VISIT, source=visitors, target=venue,
                           reciprocal=False))
    return out


def _meeting(event: Event) -> bool:
    """A meeting between named parties, held or promised (CAMEO 04x, not itself a visit)."""
    return (event.type in ("CONSULT", "AGREE") and bool(event.target) and VISIT not in event.mode
            and (event.cameo or "").startswith("04") and event.cameo not in (MAKE_A_VISIT, HOST_A_VISIT))


def host_target(kind: str, mode: tuple[str, ...], source: tuple[str, ...], where: Span,
                inputs: CodingInput, prepositions: frozenset[str] = HOST_PREPOSITIONS) -> tuple[str, ...]:
    """The host state's actor id for a hosted act at ``where`` by foreign ``source``, else ()."""
    if not _hosted(kind, mode) or inputs.implied is None:
        return ()
    place = clause_place(inputs.document, inputs.places, where.start, where.end, prepositions)
    if place is None or place.country is None:
        return ()
    doers = [inputs.actor(actor_id) for actor_id in source]
    countries = {doer.country for doer in doers}
    if None in countries or place.country in countries:
        return ()  # a doer of no known state, or one at home: nobody hosts it
    if all(place.country in seats_of(doer) for doer in doers):
        return ()  # "EU leaders are holding talks in Brussels": an organisation at its seat
    if kind == "CONSULT" and any(doer.sector in PRIVATE_SECTORS for doer in doers):
        return ()
    states = [a for a in inputs.actors.actors if a.kind == "country" and a.country == place.country]
    if states:
        return (states[0].id,)
    mention = next((m for m in place.mentions if where.start - 400 < m.start < where.end + 400), place.mentions[0])
    return (inputs.implied.host(place.country, mention),)


def _hosted(kind: str, mode: tuple[str, ...]) -> bool:
    return any(kind == hosted and (wanted is None or wanted in mode) for hosted, wanted in HOSTED_ACTS)
