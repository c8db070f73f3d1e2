"""Whose Congress a bare "Congress" is.

The dictionary reads "Congress" as the US Congress, as most English news means it. In a story
about Peru, the Philippines or Brazil the word names that state's own legislature, which is also
called Congress (``data/actors/congresses.tsv``). So after coreference, a bare "Congress" whose
country in focus is one of those states becomes that state's legislature (``PERLEG``); anywhere
else, including a story that names no such state or names several, it stays the US Congress.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from newsgraph.actors import identity as ident
from newsgraph.actors.entries import valid_country
from newsgraph.datafile import package_text, rows

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from newsgraph.actors.countries import CountriesInFocus
    from newsgraph.actors.mentions import Mention

CONGRESSES_FILE = "data/actors/congresses.tsv"
US_CONGRESS = "org:us-congress"
BARE_WORDS = frozenset({"congress", "the congress"})


@lru_cache(maxsize=1)
def congresses() -> dict[str, str]:
    """Country (ISO3) → the name of its legislature called Congress, checked once per process."""
    found: dict[str, str] = {}
    for where, cells in rows(package_text(CONGRESSES_FILE), CONGRESSES_FILE, ("country", "name", "source")):
        if not valid_country(cells["country"]):
            raise where.error(f"{cells['country']!r} is not an ISO3 country code", "write e.g. PER")
        found[cells["country"]] = cells["name"]
    return found


def national_congresses(mentions: list[Mention], doc: Doc, countries: CountriesInFocus) -> None:
    """Make each bare "Congress" in focus of a state with its own Congress that state's legislature."""
    for mention in mentions:
        identity = mention.identity
        if identity is None or identity.key != US_CONGRESS or doc[mention.start : mention.end].text.lower() not in BARE_WORDS:
            continue
        country = countries.country_in_focus(mention)
        if country in congresses():
            mention.identity = ident.Identity(key=f"LEG:{country}", name=congresses()[country], kind="government",
                                              country=country, sector="LEG", cameo=ident.compose_cameo(country, "LEG"))
