"""Where an international organisation sits, so that its meetings there are at home.

"EU leaders are holding talks in Brussels" is the EU meeting at its seat, not a visit the EU pays
Belgium; "the Security Council met in New York" is no trip to the United States. The seats are
data (``data/actors/seats.tsv``), keyed on organizations.tsv ids; a body without a row of its own
sits where its parent does (the Security Council where the UN does), and an actor composed from a
code rather than read from an entry ("NATO defence ministers": IGOWSTNAT) sits where the
organisation bearing that code does.
"""

from __future__ import annotations

from functools import lru_cache

from newsgraph.actors.entries import valid_country
from newsgraph.actors.tables import COLUMNS
from newsgraph.datafile import package_text, rows
from newsgraph.records import Actor

SEATS_FILE = "data/actors/seats.tsv"
ORGANIZATIONS_FILE = "data/actors/organizations.tsv"
ORG_PREFIX = "org:"


@lru_cache(maxsize=1)
def seat_table() -> dict[str, frozenset[str]]:
    """organizations.tsv id → the countries its seat lies in, checked once per process."""
    table: dict[str, frozenset[str]] = {}
    for where, cells in rows(package_text(SEATS_FILE), SEATS_FILE, ("organization", "seat", "city", "source")):
        countries = frozenset(c.strip() for c in cells["seat"].split("|") if c.strip())
        bad = [c for c in countries if not valid_country(c)]
        if not countries or bad:
            raise where.error(f"seat {cells['seat']!r} is not a list of ISO3 country codes", "write e.g. BEL or FRA|BEL")
        table[ORG_PREFIX + cells["organization"]] = countries
    return table


def seats_of(actor: Actor) -> frozenset[str]:
    """The countries ``actor``'s organisation sits in; empty for anything else. Seats are known
    for the built-in organisations only."""
    table = seat_table()
    organisations = _organisations()
    current = actor.entry if actor.entry in organisations else _bearer_of_code(actor.cameo, organisations)
    for _ in range(5):  # parents: "UN Security Council" → "United Nations"
        if current is None:
            return frozenset()
        if current in table:
            return table[current]
        current = organisations[current][0]
    return frozenset()


@lru_cache(maxsize=1)
def _organisations() -> dict[str, tuple[str | None, str | None]]:
    """organizations.tsv id → (parent id, conventional CAMEO code), read from the file itself: the
    seats need only these two columns, not a second copy of the whole actor dictionary."""
    found: dict[str, tuple[str | None, str | None]] = {}
    for _, cells in rows(package_text(ORGANIZATIONS_FILE), ORGANIZATIONS_FILE, COLUMNS["organization"]):
        parent = ORG_PREFIX + cells["parent"] if cells["parent"] else None
        found[ORG_PREFIX + cells["id"]] = (parent, cells["cameo"] or None)
    return found


def _bearer_of_code(cameo: str | None, organisations: dict[str, tuple[str | None, str | None]]) -> str | None:
    """The top-level organisation whose conventional code an actor composed from it carries."""
    if not cameo:
        return None
    return next((i for i, (parent, code) in organisations.items() if code == cameo and parent is None), None)
