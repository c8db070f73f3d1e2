"""Mentions → gazetteer entries: which "Alexandria", which "Springfield".

Order of evidence (each step only narrows what the previous one left):

1. **Hard readings.** A country's name is the country (never a building or a namesake town),
   with one exception: a first-level region of the same name in the country the article is
   about ("Georgia" in US local news; "Atlanta, Georgia") — see
   :func:`~newsgraph.places.context.country_or_namesake`. A name in our own regions table
   ("Middle East", "Gaza Strip") is that region. A qualifier ("Tripoli, Lebanon",
   "Long Beach, CA") keeps only places inside it; a type word ("Helmand province", "Rapides
   Parish") keeps only that level; a bare name shared by a big city and the region around it
   ("Tehran", "Kandahar") is the city; small places known only by an odd alternate name drop out.
2. **Article context.** Countries and first-level regions the article names or implies
   (demonyms such as "Iraqi", places resolved without doubt) make their places likelier;
   places near the article's other places are likelier (local news names neighbours).
3. **Prominence.** Population, how widely known (alternate names), main name over alternate
   name, capitals.

4. **Inside the area.** Buildings, streets and districts ("Carnegie Library", "Rue Casa Calvo"),
   names read through a town inside them, and small far namesakes ("Heathrow", Florida) are
   placed in the article's own area (:mod:`newsgraph.places.inside`); abbreviations ("B.C.",
   "Calif.", "NSW") name their region (:mod:`newsgraph.places.abbreviations`), a bare code
   ("BC") only in an article about that region's country.

Steps 2 and 3 are the score of :mod:`newsgraph.places.context`.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsgraph.places import inside, names
from newsgraph.places.abbreviations import postal_only, rows_for
from newsgraph.places.context import WEIGHTS, Context, Weights, best
from newsgraph.places.gazetteer import Entry, Gazetteer, Match
from newsgraph.places.mentions import Mention
from newsgraph.places.tables import demonym_endings, demonyms, inside_words

# Feature families a mention's type word allows.
KIND_FEATURES = {"admin1": ("admin1", "region"), "admin2": ("other",), "region": ("region", "other", "admin1")}
CITY_FOR_REGION_SHARE = 0.2  # see _city_named_after
ALTERNATE_MIN_POPULATION = 100_000  # see _without_obscure_alternates
# Readings scored per name, most populous first: "Washington" has over a hundred namesakes and
# the 50th is never the answer in news.
CANDIDATE_LIMIT = 50
DEMONYM_CITY_MIN_POPULATION = 100_000  # see _demonym_of
COUNTY_WORDS = ("County", "Parish")  # type words tried after a bare name with no reading
CONTEXT_ROUNDS = 1  # extra rounds in which every first reading serves as context for the others


def candidates(mention: Mention, gaz: Gazetteer) -> tuple[list[Match], bool]:
    """Gazetteer entries the mention's name can denote (before context), and whether they are
    the readings of a name *inside* it rather than of the name itself: "Carnegie" of "Carnegie
    Library", or "Washington" of "Washington Township" when no township of that name is known.
    Such readings must fit the article (:mod:`newsgraph.places.inside`); they still count as
    evidence for other names, as streets are often named for the next town ("West Tyler Street"
    in Athens, Texas; measured on TR-News)."""
    if mention.pinned is not None:
        entry = gaz.admin1(*mention.pinned)
        return ([Match(entry, True)] if entry is not None else []), False
    abbreviated = _abbreviated(mention, gaz)
    if abbreviated is not None:
        return abbreviated, False
    named = demonyms().get(mention.name)
    if named is not None:  # only given spans are ever demonyms: find_mentions skips them
        entry = gaz.country(named) if len(named) == 2 and named.isupper() else None
        readings = [Match(entry, True)] if entry is not None else [m for m in gaz.find(named) if _curated(m.entry)]
        return readings[:1], False
    whole: list[Match] = []
    if mention.kind is not None:  # "Basra province", "Metcalfe County" may be names of their own
        whole = list(gaz.find(mention.text))
    typed_inside = mention.kind == "admin2" and names.key(mention.name) != names.key(mention.text)
    if typed_inside and not any(m.entry.feature == "other" for m in whole):
        return list(gaz.find(mention.name)), True  # "Washington Township": no such township known
    matches = whole or list(gaz.find(mention.name)) or list(gaz.find(mention.text))
    if postal_only(mention.name):  # "SA" is no town "Sa" / "Siá": codes name countries and regions
        matches = [m for m in matches if m.entry.feature != "city"]
    if not matches and mention.source in ("given", "ner"):
        matches = _county_named(mention.name, gaz)
    if not matches and mention.source == "given":
        matches = _demonym_of(mention.name, gaz)
    if not matches and (mention.source == "given" or inside.inside_kind(mention.text)):
        return _inner_place(mention.name, gaz), True
    return matches, False


def _demonym_of(name: str, gaz: Gazetteer) -> list[Match]:
    """The place a demonym our table lacks is formed from ("Ohioans" → Ohio, "Dagestani" →
    Dagestan), by the endings of demonym_endings.tsv; only main names count, and only cities big
    enough to have a demonym of their own ("Londoners"; not "Appalachians" → Appalachia, Virginia)."""
    if not name[:1].isupper() or " " in name.strip() and not name.split()[-1][:1].isupper():
        return []
    for ending, place_ending in demonym_endings():
        if not name.endswith(ending) or len(name) - len(ending) < 3:
            continue
        found = [m for m in gaz.find(name[:len(name) - len(ending)] + place_ending) if m.primary and (
            m.entry.feature != "city" or m.entry.population >= DEMONYM_CITY_MIN_POPULATION)]
        if found:
            return found
    return []


def _county_named(name: str, gaz: Gazetteer) -> list[Match]:
    """A bare county or parish name the gazetteer knows only with its type word ("Gwinnett",
    "Avoyelles"): US county names are not indexed bare because most are also towns' names, so a
    name with no reading at all is tried as a county."""
    for word in COUNTY_WORDS:
        found = [m for m in gaz.find(f"{name} {word}") if m.entry.feature == "other"]
        if found:
            return found
    return []


def _abbreviated(mention: Mention, gaz: Gazetteer) -> list[Match] | None:
    """Readings of a state or province abbreviation ("Calif.", "B.C.", "NSW"), else None.

    A bare capital-letter code may also be a country's ("US", "UK"), kept beside the regions.
    """
    rows = rows_for(mention.name)
    if not rows:
        return None
    found = [Match(e, True) for e in (gaz.admin1(r.iso2, r.code) for r in rows) if e is not None]
    if postal_only(mention.name):
        found += [m for m in gaz.find(mention.name) if m.entry.feature == "country"]
    return found


def _inner_place(name: str, gaz: Gazetteer) -> list[Match]:
    """For a given span the gazetteer lacks, the longest place name inside it.

    Gold toponyms include expressions such as "Kabul airport" or "Brands Hatch circuit",
    located by the place they contain. Demonyms inside do not count ("French Quarter" is not
    in France).
    """
    words = name.split()
    for size in range(len(words) - 1, 0, -1):
        for first in range(len(words) - size + 1):
            window = " ".join(words[first:first + size]).strip(",.;:’'")
            if (not window[:1].isupper() or gaz.is_common_word(window) or window in demonyms()
                    or window.lower() in inside_words()):
                continue
            found = [m for m in gaz.find(window) if m.primary]
            if found:
                return found
    return []


def _inside(entry: Entry, cc: str, code: str | None) -> bool:
    return entry.cc == cc and (code is None or entry.admin1code == code)


def hard_filter(mention: Mention, matches: list[Match], qualifier: Entry | None) -> list[Match]:
    """Step 1 of the module docstring; never returns an empty list when given a non-empty one."""
    if not matches:
        return matches
    countries = [m for m in matches if m.entry.feature == "country" and m.primary]
    if countries and mention.kind is None and qualifier is None:
        namesakes = [m for m in matches if m.primary and m.entry.feature == "admin1" and m.entry.cc != countries[0].entry.cc]
        return countries[:1] + namesakes[:1]  # see _country_or_namesake
    curated = [m for m in matches if m.primary and _curated(m.entry)]
    if curated and qualifier is None:
        return curated
    kept = _without_obscure_alternates(matches)
    if qualifier is not None:
        if qualifier.feature == "admin1" and countries and countries[0].entry.cc != qualifier.cc:
            kept = [m for m in kept if m.entry.feature != "country"] or kept  # "Atlanta, Georgia"
        code = qualifier.admin1code if qualifier.feature == "admin1" else None
        inside = [m for m in kept if m.entry is not qualifier and _inside(m.entry, qualifier.cc or "", code)]
        kept = inside or kept
    if mention.kind is not None:
        level = [m for m in kept if m.entry.feature in KIND_FEATURES[mention.kind]]
        kept = level or kept
    else:
        kept = [m for m in kept if not _city_named_after(m.entry, kept)] or kept
    return kept


def _without_obscure_alternates(matches: list[Match]) -> list[Match]:
    """Drop small places found only under an alternate name when some place has it as its main name.

    GeoNames lists odd alternate names ("Washington" for a town in New York state, "Alexandria"
    for Mashhad); only a big place (ALTERNATE_MIN_POPULATION) keeps an alternate-name reading
    against a main-name one ("New York" for New York City, whose main name is longer).
    """
    if not any(m.primary for m in matches):
        return matches
    return [m for m in matches if m.primary or m.entry.population >= ALTERNATE_MIN_POPULATION]


def _containing(readings: list[Match], inner: list[Match]) -> Entry | None:
    """The first reading of a qualifier that contains a reading of what it qualifies.

    "Atlanta, Georgia": the state, because an Atlanta lies in it; "Tbilisi, Georgia": the country.
    """
    for reading in readings:
        q = reading.entry
        code = q.admin1code if q.feature == "admin1" else None
        if q.feature in ("country", "admin1") and any(
                m.entry is not q and _inside(m.entry, q.cc or "", code) for m in inner if m.primary):
            return q
    return None


def _curated(entry: Entry) -> bool:
    """An entry of our own regions table or a continent (seas, "Middle East", "Gaza Strip")."""
    return entry.feature == "region" or (entry.feature == "other" and entry.admin1code is None)


def _city_named_after(entry: Entry, matches: Sequence[Match]) -> bool:
    """An admin1 region that a big city of the same name inside it stands for ("Tehran", "Kandahar").

    The city must hold at least CITY_FOR_REGION_SHARE of the region's population: "Tehran"
    is the city, but "California" is the state, not the town of 11,000 in Maryland or the one in
    California.
    """
    if entry.feature != "admin1":
        return False
    return any(m.entry.feature == "city" and m.entry.cc == entry.cc
               and m.entry.admin1code == entry.admin1code
               and m.entry.population >= CITY_FOR_REGION_SHARE * entry.population for m in matches)


def resolve_mentions(mentions: Sequence[Mention], gaz: Gazetteer, demonym_countries: Sequence[str],
                     weights: Weights = WEIGHTS) -> list[Entry | None]:
    """Each mention's entry (None when the gazetteer has no reading), using the whole article.

    Qualifiers are resolved first (they restrict what they follow); then places with a single
    reading form the context; then every mention is scored against it. One sense per
    discourse: an unqualified repeat of a name ("Springfield" after "Springfield, Illinois")
    takes the reading of its qualified or first mention.
    """
    found, inner = [], []
    for m in mentions:
        readings, from_inner = candidates(m, gaz)
        found.append(readings)
        inner.append(from_inner)
    keys = [names.key(m.name) for m in mentions]
    qualifiers: dict[int, Entry | None] = {}
    for i, m in enumerate(mentions):
        if m.qualifier is not None and m.qualifier not in qualifiers:
            readings = hard_filter(mentions[m.qualifier], found[m.qualifier], None)
            qualifiers[m.qualifier] = _containing(readings, found[i]) or best(readings, Context((), ()), "", weights)
    kept = [hard_filter(m, found[i], qualifiers.get(m.qualifier) if m.qualifier is not None else None)
            for i, m in enumerate(mentions)]
    sure = {i: ms[0].entry for i, ms in enumerate(kept) if len([x for x in ms if x.primary]) == 1 and ms[0].primary}
    sure.update({i: e for i, e in qualifiers.items() if e is not None})
    context = Context([(keys[i], e) for i, e in sure.items()], demonym_countries)
    chosen = _choose(kept, keys, sure, context, weights)
    for _ in range(CONTEXT_ROUNDS):  # re-read each name in the light of the others' readings
        context = Context([(keys[i], e) for i, e in enumerate(chosen) if e is not None], demonym_countries)
        chosen = _choose(kept, keys, sure, context, weights)
    chosen = _without_unsupported_codes(mentions, _one_sense(mentions, chosen), keys, demonym_countries)
    return inside.relocate(mentions, chosen, inner, demonym_countries)


def _without_unsupported_codes(mentions: Sequence[Mention], chosen: list[Entry | None], keys: Sequence[str],
                               demonym_countries: Sequence[str]) -> list[Entry | None]:
    """A bare code read as a region ("BC", "WA") only when the article names its country otherwise."""
    out = list(chosen)
    for i, m in enumerate(mentions):
        entry = chosen[i]
        if entry is None or entry.feature != "admin1" or m.pinned is not None or not postal_only(m.name):
            continue
        countries = set(demonym_countries) | {e.cc for j, e in enumerate(chosen) if e is not None and keys[j] != keys[i]}
        if entry.cc not in countries:
            out[i] = None
    return out


def _choose(kept: list[list[Match]], keys: list[str], sure: dict[int, Entry], context: Context,
            weights: Weights) -> list[Entry | None]:
    """Best reading per mention; repeated names with the same candidates are scored once."""
    memo: dict[tuple[str, tuple[int, ...]], Entry | None] = {}
    out: list[Entry | None] = []
    for i, ms in enumerate(kept):
        if i in sure:
            out.append(sure[i])
            continue
        slot = (keys[i], tuple(m.entry.id for m in ms))
        if slot not in memo:
            memo[slot] = best(ms[:CANDIDATE_LIMIT], context, keys[i], weights)
        out.append(memo[slot])
    return out


def _one_sense(mentions: Sequence[Mention], chosen: list[Entry | None]) -> list[Entry | None]:
    first: dict[str, Entry] = {}
    for i, m in enumerate(mentions):  # qualified or typed mentions define the name's sense first
        entry = chosen[i]
        if entry is not None and (m.qualifier is not None or m.kind is not None):
            first.setdefault(names.key(m.name), entry)
    for i, m in enumerate(mentions):
        entry = chosen[i]
        if entry is not None and entry.feature != "country":
            first.setdefault(names.key(m.name), entry)
    out = []
    for i, m in enumerate(mentions):
        entry = chosen[i]
        shared = first.get(names.key(m.name))
        if entry is not None and entry.feature != "country" and m.qualifier is None and shared is not None:
            entry = shared
        out.append(entry)
    return out
