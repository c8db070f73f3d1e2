"""Stored records → ACLED's public CSV: its 31 export columns, with a header row.

One row per asserted event (negated, hypothetical and future events are left out, see
:func:`asserted`) whose PLOVER type, mode, CAMEO code and actors fall in one of ACLED's
event types by the table below. Everything else is **left out**: ACLED records political
violence, demonstrations and a few strategic developments, not statements, visits, aid or
sanctions, so a row for those would claim an ACLED category the event does not have.
UTF-8 CSV written by the ``csv`` module: cells holding a comma, quote or line break are
quoted, quotes doubled.

Which events become rows (first matching line wins; "unarmed" = no armed sector — not
MIL, COP, SPY, REB, PRE, PRM, UAF — and not a military, police, armed-group or country
actor; "nobody hurt" = the record counts no one killed or injured):

=====================================================  ==========================  ==================================
newsgraph event                                        ``event_type``              ``sub_event_type``
=====================================================  ==========================  ==================================
ASSAULT, mode sexual (CAMEO 1821)                      Violence against civilians  Sexual violence
ASSAULT, mode unconventional (CAMEO 204x)              Explosions/Remote violence  Chemical weapon
ASSAULT, mode suicide-attack (CAMEO 1831)              Explosions/Remote violence  Suicide bomb
ASSAULT, mode aerial or drone (CAMEO 195)              Explosions/Remote violence  Air/drone strike
ASSAULT, mode heavy-weapons (CAMEO 194)                Explosions/Remote violence  Shelling/artillery/missile attack
ASSAULT, mode explosives, sentence says "grenade"      Explosions/Remote violence  Grenade
ASSAULT, mode explosives (CAMEO 183x)                  Explosions/Remote violence  Remote explosive/landmine/IED
ASSAULT whose every source is an unarmed crowd         Riots                       Mob violence
ASSAULT on protesters (OPP), crowd-control only,       Protests                    Protest with intervention
nobody killed
ASSAULT on protesters (OPP)                            Protests                    Excessive force against protesters
ASSAULT, mode abduct, every target unarmed, nobody     Violence against civilians  Abduction/forced disappearance
hurt
ASSAULT, mode destroy only, nobody hurt                Strategic developments      Looting/property destruction
ASSAULT, targets named and every one unarmed           Violence against civilians  Attack
ASSAULT, any other (armed targets, or none named)      Battles                     Armed clash
PROTEST, mode riot, vandalize or obstruct              Riots                       Violent demonstration
PROTEST, mode demo, or no mode                         Protests                    Peaceful protest
COERCE, mode arrest, by state or external forces, or   Strategic developments      Arrests
by no one named
COERCE, mode arrest, by a non-state armed group,       Violence against civilians  Abduction/forced disappearance
every target unarmed
SUPPORT CAMEO 057, AGREE CAMEO 031x, RETREAT mode      Strategic developments      Agreement
ceasefire
=====================================================  ==========================  ==================================

An "unarmed crowd" is a population or a person of no state, armed or international sector
(villagers, protesters — not a minister). Blocking roads (PROTEST obstruct) is a violent
demonstration to ACLED, which names barricades across roads as rioting.

Left out on purpose: PROTEST strikes, hunger strikes and boycotts (ACLED counts only people
gathering in public), a non-state "arrest" of armed people, territory taken (COERCE 192:
which side won and whether it held is not in the record), and every other type.
``disorder_type`` follows the sub-event type as ACLED assigns it: Battles, explosions,
violence against civilians and mob violence are "Political violence"; protests and violent
demonstrations "Demonstrations"; excessive force against protesters "Political violence;
Demonstrations"; the rest "Strategic developments".

What each column holds, and what we put where newsgraph has no equivalent:

- ``event_id_cnty``: the event's country (ISO alpha-3 of its place, ``XXX`` when unknown)
  then ``ARTICLE_ID-EVENT_ID`` — stable across exports. ACLED's own ids use its country
  acronyms and a running number, which we do not have.
- ``event_date`` (YYYY-MM-DD), ``year``, ``time_precision``: from the event's resolved date
  as ACLED codes partial dates — a day is precision 1; a week its middle day (Thursday of
  the ISO week), precision 2; a month its 15th, precision 3. A coarser date (quarter,
  season, year) names no day ACLED could use: ``event_date`` and ``time_precision`` are
  blank, ``year`` kept. An event without a resolved date takes the publication date at
  precision 3 (the story dates it only roughly). All blank when neither is known.
- ``actor1``/``actor2``: the first source's / first target's name; ``assoc_actor_1``/
  ``assoc_actor_2``: the further sources / targets, joined by ``"; "``. A peaceful protest
  keeps no ``actor2``: ACLED records protests as the protesters' act alone, and whom they
  protest against stays in ``notes``.
- ``inter1``/``inter2``: ACLED's numeric actor-type codes (1 state forces, 2 rebel groups,
  3 political militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians,
  8 external/other forces) from the actor's sector and kind (:data:`INTER_BY_SECTOR`):
  state forces of another country than the event's place, and UN, EU or other
  international bodies, are 8; people in a protest are 6, in a riot or mob 5; unarmed
  targets of political violence 7. We never code 4 (no sector says "identity militia").
  ``interaction``: the two codes, smaller first ("17"); one actor alone is its code times
  ten ("60"); blank when the record names no actor. (ACLED's newer files can also spell
  these as labels; we keep the codebook's numbers.)
- ``civilian_targeting``: "Civilian targeting" for political violence whose ``actor2`` is
  civilian (inter 7), else blank.
- ``iso``: the ISO 3166-1 numeric code of the event's country. ``region``: **blank** (ACLED's
  own region scheme is not shipped). ``country``: the country's English name (GeoNames).
  ``admin1``: the first-level division. ``admin2``/``admin3``: **blank** (not resolved).
  ``location``: the place's name. ``latitude``/``longitude``: its coordinates.
  ``geo_precision``: 1 a city or town, 2 another named spot (a district, a landmark),
  3 a first-level division, region or whole country — ACLED's scale. Blank when the event
  has no place.
- ``source``: the article's outlet. ``source_scale``: **blank** (we do not rate outlets).
- ``notes``: the sentence stating the event. ``fatalities``: the fewest people the sentence
  says the event killed, 0 when it reports none (ACLED's convention). ``tags``: **blank**.
- ``timestamp``: when the record was stored (Unix seconds, UTC). ACLED's timestamp marks
  when an event entered or last changed in its data; ours does the same and, unlike the
  export time, does not change between exports.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsgraph.export.geo import country
from newsgraph.export.source import Stored, asserted
from newsgraph.records import Actor, Event, Extraction, Place

COLUMNS: tuple[str, ...] = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)
assert len(COLUMNS) == 31, "ACLED's export has 31 columns"

# ACLED event types, and the disorder type of each sub-event type that does not follow its event type.
BATTLES, EXPLOSIONS, VIOLENCE = "Battles", "Explosions/Remote violence", "Violence against civilians"
PROTESTS, RIOTS, STRATEGIC = "Protests", "Riots", "Strategic developments"
POLITICAL_VIOLENCE, DEMONSTRATIONS = "Political violence", "Demonstrations"
DISORDER_BY_EVENT_TYPE = {
    BATTLES: POLITICAL_VIOLENCE, EXPLOSIONS: POLITICAL_VIOLENCE, VIOLENCE: POLITICAL_VIOLENCE,
    PROTESTS: DEMONSTRATIONS, RIOTS: DEMONSTRATIONS, STRATEGIC: STRATEGIC,
}
DISORDER_BY_SUB_EVENT = {
    "Mob violence": POLITICAL_VIOLENCE,
    "Excessive force against protesters": f"{POLITICAL_VIOLENCE}; {DEMONSTRATIONS}",
}

# ASSAULT by weapon: ACLED types these by the means, whoever the target. Checked in order;
# the first whose PLOVER mode the event has, or whose CAMEO code prefixes the event's, wins.
WEAPONS: tuple[tuple[frozenset[str], tuple[str, ...], str, str], ...] = (
    (frozenset({"sexual"}), ("1821",), VIOLENCE, "Sexual violence"),
    (frozenset({"unconventional"}), ("204",), EXPLOSIONS, "Chemical weapon"),
    (frozenset({"suicide-attack"}), ("1831",), EXPLOSIONS, "Suicide bomb"),
    (frozenset({"aerial", "drone"}), ("195",), EXPLOSIONS, "Air/drone strike"),
    (frozenset({"heavy-weapons"}), ("194",), EXPLOSIONS, "Shelling/artillery/missile attack"),
    (frozenset({"explosives"}), ("183",), EXPLOSIONS, "Remote explosive/landmine/IED"),
)
# A thrown grenade is its own sub-event; a rocket-propelled one is artillery to ACLED.
GRENADE = re.compile(r"(?<!rocket-propelled )\bgrenades?\b", re.IGNORECASE)
PEACEFUL_PROTEST_MODES = frozenset({"demo"})
RIOT_MODES = frozenset({"riot", "vandalize", "obstruct"})
# Agreements: the coder's "signed a formal agreement" and "reached a deal" codes.
AGREEMENT_CAMEO = {"SUPPORT": ("057",), "AGREE": ("031",)}

# ACLED actor types.
STATE, REBELS, POLITICAL_MILITIA, RIOTERS, PROTESTERS, CIVILIANS, EXTERNAL = 1, 2, 3, 5, 6, 7, 8
# PLOVER sector → ACLED actor type, else the actor's kind; neither: a civilian. State bodies (GOV,
# LEG, JUD) count as the state, as ACLED names a government's acts; a de facto authority (PRE)
# fights the recognised state, like rebels; unaligned armed groups (UAF) and any other armed group
# (criminal gangs included) are what ACLED calls political militias.
INTER_BY_SECTOR = {
    "MIL": STATE, "COP": STATE, "SPY": STATE, "GOV": STATE, "LEG": STATE, "JUD": STATE,
    "REB": REBELS, "PRE": REBELS, "PRM": POLITICAL_MILITIA, "UAF": POLITICAL_MILITIA,
    "OPP": PROTESTERS, "IGO": EXTERNAL,
}
INTER_BY_KIND = {"military": STATE, "police": STATE, "government": STATE, "country": STATE,
                 "armed_group": POLITICAL_MILITIA}
ARMED_SECTORS = frozenset({"MIL", "COP", "SPY", "REB", "PRE", "PRM", "UAF"})
ARMED_KINDS = frozenset({"military", "police", "armed_group", "country"})
PROTESTER_SECTOR = "OPP"
CIVILIAN_TARGETING = "Civilian targeting"
GEO_PRECISION = {"city": "1", "other": "2", "admin1": "3", "region": "3", "country": "3"}
UNKNOWN_COUNTRY = "XXX"
JOIN = "; "


@dataclass(frozen=True, slots=True)
class Category:
    """Where an event falls in ACLED's typology, and how its crowds and victims are typed."""

    event_type: str
    sub_event_type: str
    crowd: int | None = None  # the actor type of the sources when they are a crowd (protesters, rioters)
    dyadic: bool = True  # False: ACLED records the act as the sources' alone (peaceful protest)

    @property
    def disorder_type(self) -> str:
        return DISORDER_BY_SUB_EVENT.get(self.sub_event_type) or DISORDER_BY_EVENT_TYPE[self.event_type]


def rows(stored: Stored) -> Iterator[list[str]]:
    """The ACLED rows of one stored record."""
    x = stored.extraction
    actors = {a.id: a for a in x.actors}
    places = {p.id: p for p in x.places}
    timestamp = str(int(stored.ingested_at.timestamp()))
    for event in x.events:
        if not asserted(event):
            continue
        sources = [actors[a] for a in event.source if a in actors]
        targets = [actors[a] for a in event.target if a in actors]
        kind = category(event, sources, targets)
        if kind is None:
            continue
        place = places.get(event.place) if event.place else None
        yield _row(x, event, kind, sources, targets if kind.dyadic else [], place, timestamp)


def _row(
    x: Extraction, event: Event, kind: Category, sources: list[Actor], targets: list[Actor],
    place: Place | None, timestamp: str,
) -> list[str]:
    home = place.country if place else None
    inter1 = inter(sources[0], home, kind.crowd) if sources else None
    inter2 = target_inter(targets[0], home, kind) if targets else None
    targeted = kind.disorder_type.startswith(POLITICAL_VIOLENCE) and inter2 == CIVILIANS
    return [
        f"{_country_code(place)}{x.article.id}-{event.id}",
        *acled_date(event.date, x.article.published),
        kind.disorder_type,
        kind.event_type,
        kind.sub_event_type,
        *_actor_columns(sources, inter1),
        *_actor_columns(targets, inter2),
        interaction(inter1, inter2),
        CIVILIAN_TARGETING if targeted else "",
        *_place_columns(place),
        x.article.source or "",
        "",
        event.evidence.text,
        str(event.killed or 0),
        "",
        timestamp,
    ]


def category(event: Event, sources: Sequence[Actor], targets: Sequence[Actor]) -> Category | None:
    """The ACLED event and sub-event type of an event (the module's table), or None to leave it out."""
    if event.type == "ASSAULT":
        return _assault(event, sources, targets)
    if event.type == "PROTEST":
        return _protest(set(event.mode))
    if event.type == "COERCE" and "arrest" in event.mode:
        return _arrest(sources, targets)
    if _is_agreement(event):
        return Category(STRATEGIC, "Agreement")
    return None


def _assault(event: Event, sources: Sequence[Actor], targets: Sequence[Actor]) -> Category:
    modes = set(event.mode)
    hurt = bool(event.killed or event.injured)
    weapon = _weapon(event, modes)
    if weapon is not None:
        return weapon
    if sources and all(_crowd(a) for a in sources):
        return Category(RIOTS, "Mob violence", crowd=RIOTERS)
    if any(a.sector == PROTESTER_SECTOR for a in targets):
        gentle = modes == {"crowd-control"} and not event.killed
        return Category(PROTESTS, "Protest with intervention" if gentle else "Excessive force against protesters")
    unarmed_victims = bool(targets) and not any(armed(a) for a in targets)
    if "abduct" in modes and unarmed_victims and not hurt:
        return Category(VIOLENCE, "Abduction/forced disappearance")
    if modes == {"destroy"} and not hurt:
        return Category(STRATEGIC, "Looting/property destruction")
    if unarmed_victims:
        return Category(VIOLENCE, "Attack")
    return Category(BATTLES, "Armed clash")


def _weapon(event: Event, modes: set[str]) -> Category | None:
    cameo = event.cameo or ""
    for weapon_modes, codes, event_type, sub_event_type in WEAPONS:
        if modes & weapon_modes or cameo.startswith(codes):
            if sub_event_type == "Remote explosive/landmine/IED" and GRENADE.search(event.evidence.text):
                return Category(event_type, "Grenade")
            return Category(event_type, sub_event_type)
    return None


def _protest(modes: set[str]) -> Category | None:
    if modes & RIOT_MODES:
        return Category(RIOTS, "Violent demonstration", crowd=RIOTERS)
    if not modes or modes & PEACEFUL_PROTEST_MODES:
        return Category(PROTESTS, "Peaceful protest", crowd=PROTESTERS, dyadic=False)
    return None  # strikes, hunger strikes, boycotts: no one gathers in public


def _arrest(sources: Sequence[Actor], targets: Sequence[Actor]) -> Category | None:
    """Only a state arrests; ACLED codes an armed group's "arrest" of civilians as an abduction."""
    if not sources or any(inter(a, None, None) in (STATE, EXTERNAL) for a in sources):
        return Category(STRATEGIC, "Arrests")
    if any(armed(a) for a in sources) and targets and not any(armed(a) for a in targets):
        return Category(VIOLENCE, "Abduction/forced disappearance")
    return None


def _is_agreement(event: Event) -> bool:
    if event.type == "RETREAT":
        return "ceasefire" in event.mode
    codes = AGREEMENT_CAMEO.get(event.type)
    return bool(codes and event.cameo and event.cameo.startswith(codes))


def _crowd(actor: Actor) -> bool:
    """Unarmed people acting as a crowd: no armed sector, and not the state or an international body."""
    return not armed(actor) and inter(actor, None, None) in (PROTESTERS, CIVILIANS)


def armed(actor: Actor) -> bool:
    """Whether the actor can fight back: an armed sector, or a military, police, armed-group or state actor."""
    return actor.sector in ARMED_SECTORS or actor.kind in ARMED_KINDS


def inter(actor: Actor, home: str | None, crowd: int | None) -> int:
    """ACLED's actor type of a source (or a target outside political violence).

    ``home`` is the event's country (ISO alpha-3) when its place is known: a state's forces
    acting elsewhere are external forces to ACLED, and so are UN, EU and other
    international bodies (their records carry a non-state code such as UNO for country).
    ``crowd`` is the type of an unarmed source in a protest (6) or a riot (5).
    """
    code = INTER_BY_SECTOR.get(actor.sector or "") or INTER_BY_KIND.get(actor.kind)
    if crowd is not None and not armed(actor):
        return crowd
    if code == STATE and _foreign(actor, home):
        return EXTERNAL
    return code or CIVILIANS


def target_inter(actor: Actor, home: str | None, kind: Category) -> int:
    """A target's actor type: ACLED calls every unarmed victim of political violence a civilian."""
    if actor.sector == PROTESTER_SECTOR:
        return PROTESTERS
    if kind.disorder_type.startswith(POLITICAL_VIOLENCE) and not armed(actor):
        return CIVILIANS
    return inter(actor, home, None)


def _foreign(actor: Actor, home: str | None) -> bool:
    if not actor.country:
        return False
    if country(actor.country) is None:
        return True  # UNO, EUR, IGO...: an international body, never a state's own forces
    return home is not None and country(home) is not None and actor.country != home


def interaction(inter1: int | None, inter2: int | None) -> str:
    """ACLED's joined code: both types, smaller first; one actor alone is its type times ten."""
    codes = sorted(c for c in (inter1, inter2) if c is not None)
    if not codes:
        return ""
    return str(codes[0] * 10) if len(codes) == 1 else f"{codes[0]}{codes[1]}"


def acled_date(value: str | None, published: str | None) -> list[str]:
    """``event_date``, ``year`` and ``time_precision`` of a resolved date, else of the publication date."""
    if value:
        return _resolved_date(value)
    if published:
        day = published[:10]
        return [day, day[:4], "3"]
    return ["", "", ""]


def _resolved_date(value: str) -> list[str]:
    """ACLED's day and precision for a TimeML value (2014-01-05, 2014-W01, 2014-01, 2014-Q1, 2014...)."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return [value, value[:4], "1"]
    week = re.fullmatch(r"(\d{4})-W(\d{2})", value)
    if week:
        try:
            middle = dt.date.fromisocalendar(int(week[1]), int(week[2]), 4)
        except ValueError:
            return ["", week[1], ""]
        return [middle.isoformat(), str(middle.year), "2"]
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return [f"{value}-15", value[:4], "3"]
    year = value[:4] if re.match(r"\d{4}", value) else ""
    return ["", year, ""]


def _actor_columns(actors: Sequence[Actor], code: int | None) -> list[str]:
    if not actors:
        return ["", "", ""]
    return [actors[0].name, JOIN.join(a.name for a in actors[1:]), str(code) if code is not None else ""]


def _country_code(place: Place | None) -> str:
    state = country(place.country) if place else None
    return state.iso3 if state else UNKNOWN_COUNTRY


def _place_columns(place: Place | None) -> list[str]:
    """``iso`` through ``geo_precision`` (10 columns)."""
    if place is None:
        return [""] * 10
    state = country(place.country)
    admin1 = place.admin1 or (place.name if place.feature == "admin1" else "")
    return [
        str(state.numeric) if state and state.numeric else "",
        "",
        state.name if state else "",
        admin1,
        "",
        "",
        place.name,
        _number(place.lat),
        _number(place.lon),
        GEO_PRECISION.get(place.feature, ""),
    ]


def _number(value: float | None) -> str:
    return "" if value is None else repr(value)
