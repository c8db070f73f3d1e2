"""What an article is about, and how much that and prominence favour each reading of a name.

Evidence for a name never includes the name itself: the four "London"s of an article about
London, Ontario must not vote for London, England. The score is a sum of named weights
(:class:`Weights`), tuned on TR-News — a gold set we do not report on — and reported on
GeoWebNews and LGL.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from newsgraph.places.gazetteer import Entry, Match

NEAR_KM = 300.0  # distance scale of the "near the article's other places" bonus
# A country "dominates" an article when it has at least this share of the country evidence;
# only then does naming it favour its towns: a world news story naming the US among five
# countries does not move "Geneva" to New York state, a local story does.
DOMINANT_SHARE = 0.5
NAMESAKE_MIN_EVIDENCE = 1
# A reading whose fame (:func:`fame`) trails the most famous reading's by FAME_GAP (log10 units of
# population plus alternate names: 1.5 ≈ thirtyfold) wins only with local evidence (a region the
# article names, a place within LOCAL_KM); a dominant country alone does not make a small namesake
# beat a world-famous city.
FAME_GAP = 1.5
LOCAL_KM = 150.0  # mentions of the other country needed before a country name means its region


@dataclass(frozen=True, slots=True)
class Weights:
    """Score weights, each a reason a reading is likelier."""

    population: float = 1.0  # per decade of population
    alternates: float = 1.0  # per decade of GeoNames alternate names: how widely known the place is
    primary: float = 1.5  # the text uses the entry's main name, not one of its alternate names
    capital: float = 1.5
    named_country: float = 3.0  # the entry's country is named in the article and dominates it (DOMINANT_SHARE)
    country_share: float = 6.0  # times the entry country's share of the article's country evidence (3 → 6 on TR-News)
    admin1_context: float = 1.25  # the entry lies in a first-level region the article names (2.5 → 1.25 on TR-News)
    near: float = 2.0  # times exp(-distance / NEAR_KM) to the nearest of the article's other places
    feature: tuple[tuple[str, float], ...] = (("country", 3.0), ("region", 2.0), ("admin1", 1.0),
                                              ("other", 0.5), ("city", 0.0))


WEIGHTS = Weights()


@dataclass(frozen=True, slots=True)
class _Evidence:
    countries: Counter[str]
    named: frozenset[str]
    admin1s: frozenset[tuple[str, str]]
    points: tuple[tuple[float, float], ...]


@dataclass(slots=True)
class Context:
    """Readings of the article's names (name key → entries) and its demonyms' countries."""

    readings: Sequence[tuple[str, Entry]]
    demonyms: Sequence[str]
    _cache: dict[str, _Evidence] = field(default_factory=dict)

    def evidence(self, exclude: str) -> _Evidence:
        """Everything but the readings of the name ``exclude`` (a name key)."""
        found = self._cache.get(exclude)
        if found is None:
            found = self._cache[exclude] = _collect((e for k, e in self.readings if k != exclude), self.demonyms)
        return found


def _collect(entries: Iterable[Entry], demonym_countries: Sequence[str]) -> _Evidence:
    countries: Counter[str] = Counter(demonym_countries)
    named: set[str] = set()
    admin1s: set[tuple[str, str]] = set()
    points = []
    for entry in entries:
        if entry.cc:
            countries[entry.cc] += 1
        if entry.feature == "country" and entry.cc:
            named.add(entry.cc)
        if entry.feature == "admin1" and entry.cc and entry.admin1code:
            admin1s.add((entry.cc, entry.admin1code))
        if entry.feature in ("city", "other", "admin1"):
            points.append((entry.lat, entry.lon))
    return _Evidence(countries, frozenset(named), frozenset(admin1s), tuple(set(points)))


def score(match: Match, evidence: _Evidence, weights: Weights = WEIGHTS) -> float:
    entry = match.entry
    total = weights.population * math.log10(entry.population + 1)
    total += weights.alternates * math.log10(entry.alternates + 1)
    total += weights.primary * match.primary
    total += weights.capital * entry.capital
    total += dict(weights.feature).get(entry.feature, 0.0)
    if entry.cc:
        seen = sum(evidence.countries.values())
        share = evidence.countries[entry.cc] / seen if seen else 0.0
        total += weights.country_share * share
        if entry.cc in evidence.named and entry.feature != "country" and share >= DOMINANT_SHARE:
            total += weights.named_country
        if entry.admin1code and (entry.cc, entry.admin1code) in evidence.admin1s and entry.feature != "admin1":
            total += weights.admin1_context
    if evidence.points:
        nearest = min(distance_km(entry.lat, entry.lon, lat, lon) for lat, lon in evidence.points)
        total += weights.near * math.exp(-nearest / NEAR_KM)
    return total


def best(matches: Sequence[Match], context: Context, key: str, weights: Weights = WEIGHTS) -> Entry | None:
    """The highest-scoring reading of a name, given the article's other names."""
    if not matches:
        return None
    if len(matches) == 1:
        return matches[0].entry
    evidence = context.evidence(key)
    if matches[0].entry.feature == "country":
        return country_or_namesake(matches[0].entry, [m.entry for m in matches[1:]], evidence)
    chosen = max(matches, key=lambda m: score(m, evidence, weights)).entry
    famous = max(matches, key=lambda m: fame(m.entry, weights)).entry
    if famous is not chosen and fame(famous, weights) - fame(chosen, weights) >= FAME_GAP \
            and not _local(chosen, evidence):
        return famous  # "Geneva" in world news naming the US: Switzerland, not Geneva, New York
    return chosen


def fame(entry: Entry, weights: Weights = WEIGHTS) -> float:
    """How widely known a place is: its population and alternate-name terms of :func:`score`."""
    return weights.population * math.log10(entry.population + 1) + weights.alternates * math.log10(entry.alternates + 1)


def _local(entry: Entry, evidence: _Evidence) -> bool:
    """Local evidence for a reading: it lies in a first-level region the article names, or within
    LOCAL_KM of another of its places. A country named, however often, is not local evidence."""
    if entry.admin1code and (entry.cc, entry.admin1code) in evidence.admin1s:
        return True
    return any(distance_km(entry.lat, entry.lon, lat, lon) <= LOCAL_KM for lat, lon in evidence.points)


def country_or_namesake(country: Entry, namesakes: Sequence[Entry], evidence: _Evidence) -> Entry:
    """A country's name is the country, unless the article is about another country that has a
    first-level region of that name: "Georgia" in Atlanta local news is the US state. The other
    country must have more evidence in the article than the named country itself."""
    for region in namesakes:
        if region.cc and evidence.countries[region.cc] > max(NAMESAKE_MIN_EVIDENCE, evidence.countries[country.cc or ""]):
            return region
    return country


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))
