"""The plain records passed between stages, and the extraction record they add up to.

Every stage reads and writes these frozen dataclasses and nothing else, so a stage can be
tested, replaced or run in another process (the batch pool, a Spark executor) without
dragging spaCy or a database session along. The JSON shape produced by
:meth:`Extraction.to_dict` is the public contract described in the README ("The record");
fields may be added, never renamed or dropped without bumping :data:`SCHEMA`.

Offsets are Python string indices into ``Article.text``; every ``text`` field beside a
``start``/``end`` pair equals ``article.text[start:end]``.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

SCHEMA = "newsgraph/1"

ACTOR_KINDS = (
    "person",
    "government",
    "military",
    "police",
    "armed_group",
    "party",
    "organization",
    "country",
    "population",
    "other",
)

PLACE_FEATURES = ("city", "admin1", "country", "region", "other")
DATE_PRECISIONS = ("day", "week", "month", "quarter", "season", "year", "decade", "century")


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One cleaned news article; ``id`` is a stable hash of ``text``."""

    id: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: str | None = None  # ISO date YYYY-MM-DD
    language: str = "en"
    text: str


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the article text."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Paragraph:
    index: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True, slots=True)
class Entity:
    """A named-entity mention as the parser labelled it (before actor resolution)."""

    start: int
    end: int
    text: str
    label: str
    sentence: int


@dataclass(frozen=True, slots=True)
class Actor:
    """One real-world actor of the article with every mention that refers to it."""

    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    cameo: str | None = None
    mentions: tuple[Span, ...] = ()
    entry: str | None = None  # dictionary entry it was resolved to, if any


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where an event is stated: its sentence and the trigger words."""

    sentence: int
    start: int
    end: int
    text: str
    trigger: Span


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom, coded in PLOVER with the closest CAMEO code."""

    id: str
    type: str
    cameo: str | None
    source: tuple[str, ...]
    target: tuple[str, ...]
    evidence: Evidence
    mode: tuple[str, ...] = ()
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    historical: bool = False
    attributed_to: str | None = None
    place: str | None = None
    date: str | None = None
    date_precision: str | None = None
    date_reason: str | None = None
    quad: int | None = None
    score: float | None = None
    goldstein: float | None = None
    confidence: float = 0.0
    coder: str | None = None
    reciprocal: bool = False  # a two-sided act ("met with", "talks between"): targets act on sources too
    depth: int = 0  # clauses between the trigger and its sentence's main verb (0: the main assertion)
    # The fewest people the sentence says the act killed / injured ("two dead", "killing 12",
    # "a man was shot dead"); None when it reports no deaths / injuries. A count the text leaves
    # vague is its lower bound ("soldiers were killed": 2; "dozens": 24).
    killed: int | None = None
    injured: int | None = None


@dataclass(frozen=True, slots=True)
class Quote:
    id: str
    text: str
    start: int
    end: int
    speaker: str | None = None
    cue: str | None = None
    direct: bool = True


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    feature: str
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class DateRef:
    text: str
    start: int
    end: int
    value: str | None
    precision: str | None


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything newsgraph knows about one article: the unit stored, served and exported."""

    article: Article
    coder: str
    paragraphs: tuple[Paragraph, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    entities: tuple[Entity, ...] = ()
    actors: tuple[Actor, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    places: tuple[Place, ...] = ()
    dates: tuple[DateRef, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready record in the documented field order."""
        return {
            "schema": SCHEMA,
            "coder": self.coder,
            "article": _plain(self.article),
            "actors": [_plain(a) for a in self.actors],
            "events": [_plain(e) for e in self.events],
            "quotes": [_plain(q) for q in self.quotes],
            "places": [_plain(p) for p in self.places],
            "dates": [_plain(d) for d in self.dates],
            "paragraphs": [_plain(p) for p in self.paragraphs],
            "sentences": [_plain(s) for s in self.sentences],
            "entities": [_plain(e) for e in self.entities],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Extraction:
        """Rebuild a record from its JSON form (stored records, Spark output, files)."""
        if data.get("schema") != SCHEMA:
            from newsgraph.errors import RecordError

            raise RecordError(
                f"record has schema {data.get('schema')!r}, this newsgraph reads {SCHEMA!r}; "
                "re-extract the article with this version"
            )
        return cls(
            article=_build(Article, data["article"]),
            coder=data.get("coder") or "",
            paragraphs=tuple(_build(Paragraph, p) for p in data.get("paragraphs", ())),
            sentences=tuple(_build(Sentence, s) for s in data.get("sentences", ())),
            entities=tuple(_build(Entity, e) for e in data.get("entities", ())),
            actors=tuple(_build_actor(a) for a in data.get("actors", ())),
            events=tuple(_build_event(e) for e in data.get("events", ())),
            quotes=tuple(_build(Quote, q) for q in data.get("quotes", ())),
            places=tuple(_build_place(p) for p in data.get("places", ())),
            dates=tuple(_build(DateRef, d) for d in data.get("dates", ())),
        )


def _plain(obj: Any) -> Any:
    """Dataclass → dict/list tree, tuples as lists, keeping declared field order."""
    if hasattr(obj, "__dataclass_fields__"):
        return {f.name: _plain(getattr(obj, f.name)) for f in fields(obj)}
    if isinstance(obj, (list, tuple)):
        return [_plain(x) for x in obj]
    return obj


def _build(cls: type, data: dict[str, Any]) -> Any:
    known = {f.name for f in fields(cls)}
    return cls(**{k: v for k, v in data.items() if k in known})


def _spans(items: Any) -> tuple[Span, ...]:
    return tuple(_build(Span, m) for m in items or ())


def _build_actor(data: dict[str, Any]) -> Actor:
    actor: Actor = _build(Actor, {**data, "mentions": ()})
    return _replace(actor, mentions=_spans(data.get("mentions")))


def _build_place(data: dict[str, Any]) -> Place:
    place: Place = _build(Place, {**data, "mentions": ()})
    return _replace(place, mentions=_spans(data.get("mentions")))


def _build_event(data: dict[str, Any]) -> Event:
    ev = data["evidence"]
    evidence = Evidence(
        sentence=ev["sentence"],
        start=ev["start"],
        end=ev["end"],
        text=ev["text"],
        trigger=_build(Span, ev["trigger"]),
    )
    base = {**data, "evidence": evidence}
    for key in ("mode", "source", "target"):
        base[key] = tuple(data.get(key) or ())
    event: Event = _build(Event, base)
    return event


def _replace(obj: Any, **changes: Any) -> Any:
    return replace(obj, **changes)


__all__ = [
    "SCHEMA",
    "ACTOR_KINDS",
    "PLACE_FEATURES",
    "DATE_PRECISIONS",
    "Article",
    "Span",
    "Paragraph",
    "Sentence",
    "Entity",
    "Actor",
    "Evidence",
    "Event",
    "Quote",
    "Place",
    "DateRef",
    "Extraction",
]
