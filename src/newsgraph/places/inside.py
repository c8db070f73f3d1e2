"""Places inside the article's area: buildings, streets, districts, rivers — and weak namesakes.

A gazetteer of towns cannot locate "Carnegie Library", "Rue Casa Calvo" or "Meydan Racecourse",
and looking up one of their words finds a far namesake ("Carnegie", Pennsylvania; "Rue",
France; "Meydan", Turkey). News names such places because they are where the story is, so:

* a name read through a place inside it ("Kabul airport", "Carnegie Library") keeps that
  reading only when it fits the article ("Kabul airport" in an Afghan story) — otherwise it lies
  in the article's area; so does a name with a word of ``inside_words.tsv`` that the gazetteer
  knows whole only as a small town that does not fit ("Washington Square" in New Orleans news);
  a mission ("Embassy of Armenia") always lies in the area, never in the country it names;
* a name the gazetteer knows only as small towns far from everything else the article names, in
  countries the article never mentions ("Heathrow" → Heathrow, Florida, in a London story), is
  taken as such a place too (:data:`WEAK_POPULATION`, :data:`FAR_KM`).

A name with no reading at all and no inside word ("Bywater", "Ghouta") stays unknown (null
coordinates): there is no evidence it lies in the area. The article's **area** for a mention is
the town (or county) named closest to it in the text within :data:`AREA_WINDOW_CHARS`, else the
article's focus (see :func:`area_for`). The place gets its own entry — the mention's name,
feature "other", no GeoNames id, the area's point, country and admin1 — so it is never merged
with the town itself. Such entries have negative ids. All thresholds were chosen on TR-News.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING

from newsgraph.places import names
from newsgraph.places.context import distance_km
from newsgraph.places.gazetteer import Entry
from newsgraph.places.tables import inside_words

if TYPE_CHECKING:
    from newsgraph.places.mentions import Mention

# A reading of a contained name is kept when it lies this close to another place of the article
# ("Kabul airport" near "Kabul"): the place is then in that town, not at the article's area.
NEAR_ARTICLE_KM = 100.0
# A whole name with an inside word that the gazetteer knows as a town of at least this population
# is that town wherever it lies ("Cape Town", "Rock Hill", "Menlo Park"); a smaller one ("Star
# Lake", "Washington Square") must fit the article.
TOWN_NAME_MIN_POPULATION = 20_000
# A reading is "weak" (no populated place fits the name well) when the town is smaller than
# WEAK_POPULATION, lies over FAR_KM from every other place of the article, and its country has no
# other evidence in an article that names some country.
WEAK_POPULATION = 10_000
FAR_KM = 1_000.0
AREA_FEATURES = ("city", "other")  # levels that can be an area: towns and counties
# A town named within this many characters (about two sentences) is the area of a place inside
# a town; farther away the article's focus is likelier (window chosen on TR-News: 100–300 best).
AREA_WINDOW_CHARS = 300
FOCUS_FEATURES = (("city", "other"), ("admin1",))  # focus levels, most specific first
_WORD = re.compile(r"[^\W\d_]+(?:[’'][^\W\d_]+)?")


def inside_kind(text: str) -> str | None:
    """The kind of the first inside word or phrase in ``text`` ("Meydan Racecourse" → facility)."""
    words = [w.lower() for w in _WORD.findall(text)]
    if len(words) < 2 and not (words and words[0] in _SOLO):
        return None
    table = inside_words()
    joined = f" {' '.join(words)} "
    for word in words:
        if word in table:
            return table[word]
    for phrase, kind in _phrases().items():
        if f" {phrase} " in joined:
            return kind
    return None


# Single words that name a place inside a town on their own ("Capitol", "Downtown").
_SOLO = frozenset({"capitol", "downtown", "uptown", "midtown"})


@lru_cache(maxsize=1)
def _phrases() -> dict[str, str]:
    return {w: k for w, k in inside_words().items() if " " in w}


def synthetic(name: str, area: Entry) -> Entry:
    """An entry for a place inside ``area``: its own (negative) id, the area's point and region."""
    ident = -(zlib.crc32(names.key(name).encode()) + 1)
    return replace(area, id=ident, name=name, feature="other", population=0, geonameid=None, capital=False,
                   alternates=0, admin1=area.admin1 if area.feature != "country" else None,
                   admin1code=area.admin1code if area.feature != "country" else None)


def relocate(mentions: Sequence[Mention], chosen: Sequence[Entry | None], inner: Sequence[bool],
             demonym_countries: Sequence[str]) -> list[Entry | None]:
    """Readings after moving places inside the article's area there (module docstring).

    ``inner[i]`` says mention i was read through a name inside it ("Carnegie" of "Carnegie
    Library"); such a reading stands only when it fits the article, and then gives the point of
    the mention's own entry. A whole name with an inside word ("Mount Pleasant", "Star Lake")
    read as a town stays that town when it fits the article.
    """
    kinds = [inside_kind(m.text) if m.source != "gazetteer" else None for m in mentions]
    keys = [names.key(m.name) for m in mentions]
    moved = [kinds[i] is not None or (inner[i] and chosen[i] is not None) for i in range(len(mentions))]
    settled = [(i, e) for i, e in enumerate(chosen) if e is not None and not moved[i]]
    weak = {i for i, e in settled if mentions[i].qualifier is None
            and is_weak(e, *_evidence(i, settled, keys, demonym_countries))}
    placed = [(mentions[i].start, e) for i, e in settled if i not in weak]
    focus = focus_of([e for _, e in placed])
    out = list(chosen)
    for i, m in enumerate(mentions):
        if not moved[i] and i not in weak:
            continue
        entry = chosen[i]
        if entry is not None and moved[i] and not inner[i] and kinds[i] != "foreign" and entry.feature != "city":
            continue  # a region or county of that whole name: "Western Cape", "Long Island"
        area = area_for(m.start, placed, focus)
        if area is None:
            continue
        others, _ = _evidence(i, [(j, e) for j, e in settled if j not in weak], keys, demonym_countries)
        whole_town = entry is not None and not inner[i] and entry.population >= TOWN_NAME_MIN_POPULATION
        fits = (entry is not None and i not in weak and kinds[i] != "foreign"
                and (whole_town or fits_article(entry, area, others)))
        name = m.text if m.kind else m.name
        if fits and not inner[i]:
            continue  # the town of that whole name: "Rock Hill", "Cape Town", "Mount Pleasant" in Texas news
        out[i] = synthetic(name, entry if fits and entry is not None else area)
    return out


def _evidence(i: int, settled: Sequence[tuple[int, Entry]], keys: Sequence[str],
              demonym_countries: Sequence[str]) -> tuple[list[Entry], Counter[str]]:
    """The article's other places (not of mention i's name) and its country evidence without them."""
    others = [e for j, e in settled if keys[j] != keys[i]]
    countries: Counter[str] = Counter(demonym_countries)
    countries.update(e.cc for e in others if e.cc)
    return others, countries


def area_for(position: int, placed: Sequence[tuple[int, Entry]], focus: Entry | None) -> Entry | None:
    """The town or county named closest to ``position`` within AREA_WINDOW_CHARS, else the focus.

    ``placed`` holds (character offset, entry) of the article's resolved places.
    """
    near = [(abs(start - position), e) for start, e in placed
            if e.feature in AREA_FEATURES and e.id > 0 and abs(start - position) <= AREA_WINDOW_CHARS]
    if near:
        return min(near, key=lambda t: t[0])[1]
    return focus


def focus_of(entries: Sequence[Entry]) -> Entry | None:
    """The most-mentioned town or county, else the most-mentioned first-level region."""
    for features in FOCUS_FEATURES:
        counts = Counter(e.id for e in entries if e.feature in features and e.id > 0)
        if counts:
            top = counts.most_common(1)[0][0]
            return next(e for e in entries if e.id == top)
    return None


def fits_article(entry: Entry, area: Entry, others: Sequence[Entry]) -> bool:
    """Whether a contained name's reading belongs to the article rather than being a namesake.

    A country or region fits when the area is not inside it more precisely ("University of
    California" in a Los Angeles story lies in Los Angeles). A town fits when it lies in a
    first-level region the article names, or within NEAR_ARTICLE_KM of the area or of another
    of the article's places: "Hampton Avenue" in a St. Louis story is not in Hampton, Virginia.
    """
    if entry.feature in ("country", "admin1", "region"):
        return not _contains(entry, area)
    if any(o.feature == "admin1" and _contains(o, entry) for o in others):
        return True  # "Mount Pleasant" in a story that names Texas
    return any(distance_km(entry.lat, entry.lon, o.lat, o.lon) <= NEAR_ARTICLE_KM
               for o in (area, *others) if o.id != entry.id and o.id > 0)


def _contains(region: Entry, place: Entry) -> bool:
    if region.feature == "country":
        return place.cc == region.cc
    if region.feature == "admin1":
        return place.cc == region.cc and place.admin1code == region.admin1code
    return False


def is_weak(entry: Entry, others: Sequence[Entry], countries: Counter[str]) -> bool:
    """A small town far from all the article's other places, in a country it never mentions."""
    if entry.feature != "city" or entry.population >= WEAK_POPULATION or not countries:
        return False
    if countries.get(entry.cc or "", 0) > 0:
        return False
    return all(distance_km(entry.lat, entry.lon, o.lat, o.lon) > FAR_KM for o in others)
