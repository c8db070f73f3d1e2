"""Who a mention refers to, as a plain value: the unit actors are merged on.

Two mentions with the same :attr:`Identity.key` are one actor of the article. Keys are
built so that different surface forms of one entity meet: a dictionary entry's id;
"gov:IRQ" for "the Iraqi government", "the Saddam regime" and "Baghdad said";
"MIL:IRQ" for "Iraqi forces" and "the Iraqi army"; a person's full name.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from newsgraph.actors.cameo import compose as compose_code
from newsgraph.actors.cameo import sector_code
from newsgraph.actors.entries import Entry

# Kinds that stand for a state's institutions, keyed on the sector they imply.
SECTOR_KINDS = {"GOV": "government", "MIL": "military", "COP": "police"}
# The CAMEO prefix of non-state actors whose "country" is an international code.
NON_STATE_CODES = {"IGO", "UNO", "EUR", "NGO", "IMG", "MNC", "ISM", "NGM"}


@dataclass(frozen=True, slots=True)
class Identity:
    key: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    cameo: str | None = None
    entry: str | None = None
    plural: bool = False
    gender: str | None = None  # "m" | "f" for people when known

    def with_details(self, **changes: object) -> Identity:
        return replace(self, **changes)  # type: ignore[arg-type]


def compose_cameo(country: str | None, sector: str | None) -> str | None:
    """CAMEO actor code: country followed by the sector. An international code composes by
    CAMEO's rule instead (UNO + GOV → IGOUNO, UNO + MIL → IGOUNOMIL): the organisation's own
    code comes first and a sector it already implies is not repeated."""
    if country in NON_STATE_CODES or (country and sector and sector != country):
        return compose_code(country, sector)  # in CAMEO's names: PLOVER's JRN is CAMEO's MED
    return country or sector_code(sector)


def from_entry(entry: Entry) -> Identity:
    """The identity a dictionary entry stands for."""
    cameo = entry.cameo or compose_cameo(entry.country, entry.sector if entry.table != "country" else None)
    return Identity(
        key=entry.id,
        name=entry.name,
        kind=entry.kind,
        country=entry.country,
        sector=entry.sector,
        role=entry.role,
        cameo=cameo,
        entry=entry.id,
    )


def government_of(country: Entry) -> Identity:
    """The government a country name or capital stands for when it acts ("Washington said")."""
    return institution(country.country, country.name, "GOV", "government", "government")


def institution(country: str | None, country_name: str | None, sector: str, kind: str, noun: str) -> Identity:
    """A state institution or sector group of a country: "Iraqi forces" → MIL:IRQ."""
    owner = country_name or (country or "")
    state_body = kind in SECTOR_KINDS.values()
    label = {"GOV": "government", "MIL": "military", "COP": "police"}.get(sector, noun) if state_body else noun
    return Identity(
        key=f"{sector}:{country or '-'}" + ("" if state_body else f":{noun}"),
        name=f"{owner} {label}".strip(),
        kind=kind,
        country=country,
        sector=sector,
        cameo=compose_cameo(country, sector),
    )
