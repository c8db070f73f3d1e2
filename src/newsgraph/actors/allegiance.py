"""Whose armed body "forces loyal to X" are, from what the dictionary knows of X.

"Forces loyal to Khalifa Haftar" are not Libya's military: the patron is not the owner. We
decide by X's own data:

* X is an armed group or party ("fighters loyal to Hamas") → that group, as "Hamas fighters";
* X's office is the command of a group the dictionary knows (Haftar's role "Commander of the
  Libyan National Army") → that group (LNA, LBYUAF);
* X is a state — a country, a government, or a person holding a state office on the day
  (sector GOV, MIL, COP) → the state's own body: MIL or COP for state nouns ("troops loyal to
  the president"), PRM for non-state nouns ("militias loyal to the president" are a
  pro-government paramilitary);
* anyone else (a warlord, a dissident, an unknown name) → an armed group of X's country whose
  alignment the text does not say: UAF, the sector ``groups.tsv`` gives the LNA itself.
"""

from __future__ import annotations

from datetime import date

from newsgraph.actors import identity as ident
from newsgraph.actors.dictionary import ActorDictionary
from newsgraph.actors.entries import AgentNoun
from newsgraph.actors.identity import Identity

# Sectors of a person that make them the state: their loyal forces are the state's.
STATE_OFFICE_SECTORS = frozenset({"GOV", "MIL", "COP"})
# Sectors of a person who leads non-state fighters: their forces are of the same kind.
NON_STATE_ARMED_SECTORS = frozenset({"REB", "INS", "SEP", "UAF", "PRM"})
# Sectors an armed noun keeps when it serves the state ("troops", "police"); other armed
# nouns ("militants", "militia") serving the state are its paramilitary.
STATE_ARMED_SECTORS = {"MIL": "military", "COP": "police"}


def loyal_forces(patron: Identity, agent: AgentNoun, dictionary: ActorDictionary, day: date | None) -> Identity:
    """The identity of an armed body of ``agent``'s kind loyal to ``patron``."""
    if patron.kind in ("armed_group", "party") and patron.entry:
        return patron
    commanded = _group_commanded(patron, dictionary, day)
    if commanded is not None:
        return commanded
    if patron.country and _is_state(patron):
        return _state_forces(patron.country, agent, dictionary)
    sector = patron.sector if patron.sector in NON_STATE_ARMED_SECTORS else "UAF"  # a rebel leader's are rebels
    return Identity(
        key=f"loyal:{patron.key}", name=f"forces loyal to {patron.name}", kind="armed_group", country=patron.country,
        sector=sector, cameo=ident.compose_cameo(patron.country, sector), plural=True,
    )


def _is_state(patron: Identity) -> bool:
    return patron.kind in ("country", "government") or (patron.kind == "person" and patron.sector in STATE_OFFICE_SECTORS)


def _group_commanded(patron: Identity, dictionary: ActorDictionary, day: date | None) -> Identity | None:
    """The armed group a person's office names: "Commander of the Libyan National Army"."""
    name = _group_in_role(patron)
    if patron.kind != "person" or name is None:
        return None
    groups = [e for e in dictionary.lookup(name, on=day) if e.table == "group" and e.kind == "armed_group"]
    return ident.from_entry(groups[0]) if groups else None


def _group_in_role(patron: Identity) -> str | None:
    role = patron.role or ""
    return role.split(" of ", 1)[1] if " of " in role else None


def _state_forces(country: str, agent: AgentNoun, dictionary: ActorDictionary) -> Identity:
    sector = agent.sector if agent.sector in STATE_ARMED_SECTORS else "PRM"
    kind = STATE_ARMED_SECTORS.get(sector, "armed_group")
    entry = dictionary.country(country)
    found = ident.institution(country, entry.name if entry else country, sector, kind, agent.noun)
    return found.with_details(plural=True)
