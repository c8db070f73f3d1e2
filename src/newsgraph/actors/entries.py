"""The rows of the actor dictionary: entries (who), agent nouns (what kind of body) and titles.

Kept apart from the loader so the actor stage, the Phoenix reader and tests share one definition
and importing them costs nothing. The code lists here are the vocabulary every data file is
checked against on load.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from newsgraph.records import ACTOR_KINDS

ACTOR_KINDS_SET = frozenset(ACTOR_KINDS)
TABLES = ("country", "organization", "group", "person")
ID_PREFIX = {"country": "country", "organization": "org", "group": "group", "person": "person"}

# PLOVER actor sector codes (ONTOLOGY.md, "Sectors").
SECTORS = frozenset(
    "GOV MIL COP JUD LEG PTY REB SPY PRM UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE REL SOC IGO NGO".split()
)
# Codes allowed in a `country` cell besides ISO 3166-1 alpha-3: PLOVER/CAMEO non-state actor
# codes (IGO intergovernmental, UNO United Nations, EUR European Union, NGO non-governmental,
# IMG international militarised group, MNC multinational company, ISM international social
# movement) and XKX, the user-assigned code for Kosovo that the EU and the World Bank use.
NON_STATE = frozenset({"IGO", "UNO", "EUR", "NGO", "IMG", "MNC", "ISM"})
EXTRA_COUNTRIES = frozenset({"XKX"})
RANKS = frozenset("head_of_state head_of_government minister officer official legislator judge religious other".split())


@lru_cache(maxsize=1)
def iso3_codes() -> frozenset[str]:
    """Every ISO 3166-1 alpha-3 code (pycountry) plus the extra codes above."""
    import pycountry

    return frozenset(c.alpha_3 for c in pycountry.countries) | EXTRA_COUNTRIES


def valid_country(code: str) -> bool:
    return code in NON_STATE or code in iso3_codes()


@dataclass(frozen=True, slots=True)
class Entry:
    """One actor the dictionary knows, or one dated tenure of a person.

    ``cameo`` is the composed CAMEO actor code: the ISO3 for a country, country + sector for
    people and national bodies (``USAGOV``), the conventional code for IGOs (``IGOUNO``).
    """

    id: str
    table: str
    name: str
    kind: str
    country: str | None
    sector: str | None
    role: str | None
    cameo: str | None
    aliases: tuple[str, ...]
    start: date | None
    end: date | None
    parent: str | None
    source: str

    def active_on(self, day: date | None) -> bool:
        """True when ``day`` is None (no date known) or inside [start, end], both inclusive."""
        if day is None:
            return True
        if self.start is not None and day < self.start:
            return False
        return not (self.end is not None and day > self.end)


@dataclass(frozen=True, slots=True)
class AgentNoun:
    """A head noun that makes a noun phrase an actor ("forces", "protesters").

    ``needs_owner``: the noun names no actor until a country or organisation owns it
    ("Iraqi forces", "the ministry"); without one it is a sector on its own ("protesters").
    ``cameo`` is the CAMEO agent code for nouns read from a Phoenix agents file (``~GOV``,
    ``NGO~``) or given in an agents table's ``cameo`` column (``~`` alone: CAMEO codes the noun by
    its owner only), and None where the code is composed from country and sector.
    """

    noun: str
    plural: str
    kind: str
    sector: str
    needs_owner: bool
    cameo: str | None = None
    source: str = ""


@dataclass(frozen=True, slots=True)
class Title:
    """A title or office written before or after a name ("Brig. Gen.", "Foreign Minister")."""

    title: str
    role: str
    kind: str
    sector: str
    rank: str
    source: str = ""
