"""Read-only lookups in the built gazetteer (an SQLite file; see :mod:`newsgraph.places.build`).

SQLite keeps the 240k entries and 740k names on disk: opening it costs milliseconds and a
few MB per process, the operating system shares its pages between worker processes, and an
indexed lookup costs ~10 µs. Lookups are memoised per process because an article repeats
its places.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsgraph.places import names
from newsgraph.places.cache import ensure_gazetteer

LOOKUP_MEMO = 20_000  # distinct name keys remembered per process
SQLITE_CACHE_KB = 8_000  # page cache per connection; the OS page cache is shared anyway


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place."""

    id: int
    name: str
    feature: str  # city | admin1 | country | region | other
    cc: str | None  # ISO 3166-1 alpha-2
    admin1: str | None
    admin1code: str | None
    lat: float
    lon: float
    population: int
    geonameid: int | None
    capital: bool
    alternates: int  # GeoNames alternate names in any script: how widely known the place is


@dataclass(frozen=True, slots=True)
class Match:
    """An entry found under a name, and whether that name is one of its main names."""

    entry: Entry
    primary: bool


_COLUMNS = "e.id, e.name, e.feature, e.cc, e.admin1, e.admin1code, e.lat, e.lon, e.population, e.geonameid, e.capital, e.alternates"


class Gazetteer:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        self._con.execute(f"PRAGMA cache_size=-{SQLITE_CACHE_KB}")
        self._iso3 = dict(self._con.execute("SELECT cc, iso3 FROM countries"))
        self._country = {cc: self._entry_by_id(e) for cc, e in self._con.execute("SELECT cc, entry FROM countries")}
        self.lookup = lru_cache(maxsize=LOOKUP_MEMO)(self._lookup)
        self._common = lru_cache(maxsize=LOOKUP_MEMO)(self._common_uncached)
        self._admin1_memo: dict[tuple[str, str | None], Entry | None] = {}  # ~4,000 regions at most

    def _entry_by_id(self, entry_id: int) -> Entry:
        row = self._con.execute(f"SELECT {_COLUMNS} FROM entries e WHERE e.id = ?", (entry_id,)).fetchone()
        return _entry(row)

    def _lookup(self, k: str) -> tuple[Match, ...]:
        """Every entry indexed under the name key ``k`` (see :func:`names.key`), most populous first."""
        rows = self._con.execute(
            f"SELECT {_COLUMNS}, n.is_primary FROM names n JOIN entries e ON e.id = n.entry "
            "WHERE n.key = ? ORDER BY e.population DESC",
            (k,),
        ).fetchall()
        return tuple(Match(_entry(row[:-1]), bool(row[-1])) for row in rows)

    def find(self, name: str) -> tuple[Match, ...]:
        return self.lookup(names.key(name))

    def is_common_word(self, name: str) -> bool:
        """True when the name is also a frequent English word ("Mobile", "Reading")."""
        return self._common(names.key(name))

    def _common_uncached(self, k: str) -> bool:
        return self._con.execute("SELECT 1 FROM common WHERE key = ?", (k,)).fetchone() is not None

    def has(self, name: str) -> bool:
        return bool(self.lookup(names.key(name)))

    def admin1(self, cc: str, code: str | None) -> Entry | None:
        """The first-level region with GeoNames admin1 code ``code`` in country ``cc``."""
        slot = (cc, code)
        if slot not in self._admin1_memo:
            self._admin1_memo[slot] = self._admin1_uncached(cc, code)
        return self._admin1_memo[slot]

    def _admin1_uncached(self, cc: str, code: str | None) -> Entry | None:
        row = self._con.execute(
            f"SELECT {_COLUMNS} FROM entries e WHERE e.cc = ? AND e.admin1code = ? AND e.feature = 'admin1' "
            "ORDER BY e.population DESC LIMIT 1",
            (cc, code),
        ).fetchone()
        return _entry(row) if row else None

    def country(self, cc: str | None) -> Entry | None:
        return self._country.get(cc) if cc else None

    def iso3(self, cc: str | None) -> str | None:
        return self._iso3.get(cc) if cc else None

    def countries(self) -> dict[str, Entry]:
        return dict(self._country)


def _entry(row: tuple) -> Entry:  # type: ignore[type-arg]
    return Entry(row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9], bool(row[10]),
                 row[11])


_opened: dict[int, Gazetteer] = {}


def gazetteer() -> Gazetteer:
    """This process's gazetteer (built on first use; one connection per process, never shared over fork)."""
    pid = os.getpid()
    found = _opened.get(pid)
    if found is None:
        found = Gazetteer(ensure_gazetteer())
        _opened.clear()
        _opened[pid] = found
    return found
