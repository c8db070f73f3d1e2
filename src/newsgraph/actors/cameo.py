"""CAMEO actor codes ⇄ (country, PLOVER sector, kind), from data/actors/cameo_types.tsv.

Two jobs: compose the CAMEO code an entry carries (``IRQ`` + ``MIL`` → ``IRQMIL``) and read a
CAMEO/Phoenix code back into the fields newsgraph uses (``IGOUNOJUDICJ`` → UNO, JUD). The two
code schemes disagree on some names (CAMEO MED is media, PLOVER MED is health), which is why the
mapping is a data table rather than string slicing.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsgraph.actors.entries import ACTOR_KINDS_SET, SECTORS, valid_country
from newsgraph.errors import ConfigError

DATA = Path(__file__).resolve().parent.parent / "data" / "actors"
TYPES_FILE = DATA / "cameo_types.tsv"
USES = frozenset({"both", "read", "weak", "compose", "prefix"})

# CAMEO country codes that predate an ISO change; read as today's code.
LEGACY_COUNTRIES = {"TMP": "TLS", "KSV": "XKX", "ROM": "ROU", "ZAR": "COD"}
# The IGO families newsgraph gives their own country code (UN bodies UNO, EU bodies EUR).
IGO_FAMILIES = {"IGOUNO": "UNO", "IGOEUREEC": "EUR"}
# Composing for the non-state codes: what goes in front, and which sectors add nothing because
# the prefix already says it (the UN Secretary-General is IGOUNO, not IGOUNOGOV).
NON_STATE_PREFIX = {"UNO": "IGOUNO", "EUR": "IGOEUREEC"}
SILENT_SECTORS_AFTER_NON_STATE = frozenset({"GOV", "IGO", "NGO"})
STATE_LIKE_KINDS = frozenset({"government", "military", "police", "armed_group"})


@dataclass(frozen=True, slots=True)
class CameoType:
    code: str
    sector: str
    kind: str
    use: str


@dataclass(frozen=True, slots=True)
class Decoded:
    """What a CAMEO actor code says: country (or non-state code), PLOVER sector and actor kind."""

    code: str
    country: str | None
    sector: str | None
    kind: str


@dataclass(frozen=True, slots=True)
class CameoTable:
    read: dict[str, CameoType]
    weak: dict[str, CameoType]
    prefix: dict[str, CameoType]
    compose: dict[str, str]  # PLOVER sector -> CAMEO type ("" = nothing)


def _fail(line: int, problem: str, fix: str) -> ConfigError:
    return ConfigError(f"{TYPES_FILE}:{line}: {problem}; {fix}")


@lru_cache(maxsize=1)
def cameo_table() -> CameoTable:
    """Read and check cameo_types.tsv once per process."""
    read: dict[str, CameoType] = {}
    weak: dict[str, CameoType] = {}
    prefix: dict[str, CameoType] = {}
    compose: dict[str, str] = {}
    with TYPES_FILE.open(encoding="utf-8", newline="") as f:
        lines = [(n, line) for n, line in enumerate(f, start=1) if line.strip() and not line.startswith("#")]
    header = lines[0][1].rstrip("\n").split("\t")
    for number, line in lines[1:]:
        cells = next(csv.reader([line.rstrip("\n")], delimiter="\t", quoting=csv.QUOTE_NONE))
        row = dict(zip(header, cells, strict=False))
        t = CameoType(row["code"].strip(), row["sector"].strip(), row["kind"].strip(), row["use"].strip())
        if t.use not in USES:
            raise _fail(number, f"unknown use {t.use!r}", f"write one of {sorted(USES)}")
        if t.sector not in SECTORS:
            raise _fail(number, f"{t.sector!r} is not a PLOVER sector", f"use one of {sorted(SECTORS)}")
        if t.kind not in ACTOR_KINDS_SET:
            raise _fail(number, f"{t.kind!r} is not an actor kind", f"use one of {sorted(ACTOR_KINDS_SET)}")
        if t.use != "compose" and len(t.code) != 3:
            raise _fail(number, f"code {t.code!r} is not three letters", "CAMEO type codes have three letters")
        target = {"both": read, "read": read, "weak": weak, "prefix": prefix}.get(t.use)
        if target is not None:
            if t.code in read or t.code in weak or t.code in prefix:
                raise _fail(number, f"code {t.code} is listed twice for reading", "keep one row per CAMEO code")
            target[t.code] = t
        if t.use in ("both", "compose"):
            if t.sector in compose:
                raise _fail(number, f"sector {t.sector} composes twice", "mark one of its rows 'read'")
            compose[t.sector] = t.code
    missing = SECTORS - compose.keys()
    if missing:
        raise ConfigError(
            f"{TYPES_FILE}: no composing row for sectors {sorted(missing)}; add a 'both' or 'compose' row"
        )
    return CameoTable(read, weak, prefix, compose)


def compose(country: str | None, sector: str | None) -> str | None:
    """The CAMEO actor code for a country (or non-state code) and a PLOVER sector: IRQ + MIL → IRQMIL."""
    if country is None:
        return None
    table = cameo_table()
    head = NON_STATE_PREFIX.get(country, country)
    if sector is None:
        return head
    if country in NON_STATE_PREFIX or country in table.prefix:
        return compose_under(head, sector)
    return head + table.compose.get(sector, "")


def sector_code(sector: str | None) -> str | None:
    """CAMEO's type code for a PLOVER sector alone (JRN → MED, MED → HLH), None where CAMEO has none."""
    return cameo_table().compose.get(sector, "") or None if sector else None


def compose_under(organisation: str, sector: str | None) -> str:
    """The code of an international organisation's own people: its code, then the sector only
    where the sector says more than the organisation does. UN officials, inspectors and its
    Secretary-General are IGOUNO (not IGOUNOGOV), UN peacekeepers IGOUNOMIL, NATO troops
    IGOWSTNATMIL (CAMEO codebook ch. 3; the PETRARCH dictionaries write them so)."""
    if sector is None or sector in SILENT_SECTORS_AFTER_NON_STATE:
        return organisation
    suffix = cameo_table().compose.get(sector, "")
    if suffix and organisation.endswith(suffix):
        return organisation  # AMISOM (IGOMIL) troops are AMISOM, not IGOMILMIL
    return organisation + suffix


def compose_agent(owner: str, agent_code: str) -> str:
    """A PETRARCH agent code applied to its owner's code: ``~GGS`` follows it (GON → GONGGS),
    ``NGO~`` goes in front (GON → NGOGON). The code is the user's, kept as written."""
    code = agent_code.replace(" ", "").upper()
    if code.endswith("~") and not code.startswith("~"):
        return code.rstrip("~") + owner
    return owner + code.strip("~")


def _chunks(code: str) -> list[str]:
    return [code[i : i + 3] for i in range(0, len(code), 3)]


def decode(code: str) -> Decoded:
    """Read a CAMEO actor code: ``IRQGOV`` → (IRQ, GOV, government); ``IRQ`` → (IRQ, None, country).

    Unknown or malformed codes (regions such as ``MEA``, made-up test codes such as ``ARN``, the
    null code ``---``) keep ``country`` None; a three-letter code still reads as a country-level
    actor because that is what the CAMEO position means.
    """
    raw = code.strip().upper()
    table = cameo_table()
    if not raw.isalpha() or len(raw) % 3:
        return Decoded(code.strip(), None, None, "other")
    parts = _chunks(raw)
    head = LEGACY_COUNTRIES.get(parts[0], parts[0])
    country: str | None = head if valid_country(head) else None
    rest = parts[1:]
    prefix = table.prefix.get(parts[0])
    strong = next((table.read[p] for p in rest if p in table.read), None)
    if prefix is not None:
        # Non-state actors keep the prefix's kind; only a state-like role changes the sector
        # (IGOUNOJUDICJ is the UN's court: JUD); religion and focus modifiers do not
        # (IMGMUSALQ is an armed group, not a religious one).
        family = IGO_FAMILIES.get(raw[:9]) or IGO_FAMILIES.get(raw[:6]) or parts[0]
        role = strong if strong is not None and strong.kind in STATE_LIKE_KINDS else None
        return Decoded(raw, family if valid_country(family) else None, (role or prefix).sector, prefix.kind)
    weak = next((table.weak[p] for p in rest if p in table.weak), None)
    found = strong or weak
    if found is not None:
        return Decoded(raw, country, found.sector, found.kind)
    if len(parts) == 1:
        return Decoded(raw, country, None, "country")
    return Decoded(raw, country, None, "other")
