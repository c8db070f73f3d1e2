"""Document → actors: find mentions, resolve them, link references, merge per entity.

The result keeps, besides the :class:`~newsgraph.records.Actor` records, a token-level
index so the event and quote stages can ask "which actor is this token?" — including
pronouns and, for "they", every member of a coordination.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from newsgraph.actors.acronyms import defined_acronyms
from newsgraph.actors.congress import national_congresses
from newsgraph.actors.coref import Coreference
from newsgraph.actors.dictionary import ActorDictionary
from newsgraph.actors.grammar import Grammar, grammar
from newsgraph.actors.identity import Identity
from newsgraph.actors.matcher import DictionaryMatcher
from newsgraph.actors.mentions import Mention, collect_mentions
from newsgraph.actors.owners import LIST_JOINERS
from newsgraph.actors.resolve import Resolver
from newsgraph.document.document import Document
from newsgraph.records import Actor, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass(frozen=True)
class ActorStage:
    """The actors of one article and where in the text each one is mentioned."""

    actors: tuple[Actor, ...] = ()
    metonyms: tuple[tuple[int, int], ...] = ()  # character spans of names used as actors
    token_actors: dict[int, tuple[str, ...]] = field(default_factory=dict)

    def actor_at(self, start: int, end: int) -> str | None:
        """The actor with a mention containing the character span [start, end)."""
        for actor in self.actors:
            for m in actor.mentions:
                if m.start <= start and end <= m.end:
                    return actor.id
        return None

    def actors_of_token(self, i: int) -> tuple[str, ...]:
        return self.token_actors.get(i, ())

    def actor(self, actor_id: str) -> Actor:
        for actor in self.actors:
            if actor.id == actor_id:
                return actor
        raise KeyError(actor_id)


@dataclass(frozen=True)
class ActorResources:
    dictionary: ActorDictionary
    matcher: DictionaryMatcher
    grammar: Grammar


@lru_cache(maxsize=4)
def resources(extra: tuple[Path, ...] = ()) -> ActorResources:
    """Dictionary, matcher and grammar, built once per process (and per user dictionary set)."""
    from newsgraph.document.nlp import load_nlp

    dictionary = ActorDictionary.load(extra)
    return ActorResources(dictionary, DictionaryMatcher(dictionary, load_nlp().tokenizer), grammar())


def find_actors(document: Document, extra_dictionaries: Sequence[Path] = ()) -> ActorStage:
    res = resources(tuple(extra_dictionaries))
    doc = document.doc
    published = dt.date.fromisoformat(document.article.published) if document.article.published else None
    mentions = _outside_dateline(collect_mentions(doc, res.dictionary, res.matcher, res.grammar), document)
    resolver = Resolver(doc, res.dictionary, res.grammar, published)
    _adopt_acronyms(defined_acronyms(doc, mentions), resolver)
    kept = [m for m in mentions if m.identity is not None or m.kind not in ("name", "person") or resolver.resolve_name(m)]
    owners = [o for m in kept for o in m.owners if o.identity is None and o not in kept]
    for owner in owners:
        resolver.resolve_name(owner)
    coref = Coreference(doc, kept, resolver, res.dictionary, res.grammar)
    coref.link_names(extra=owners)
    # in place: coref holds this list
    kept[:] = [m for m in kept if not _town_read_as_person(m, doc) and not _place_of_an_event(m, doc, res.grammar)]
    for mention in kept:
        if mention.kind == "agent" and mention.owner_pronoun is None:
            resolver.resolve_agent(mention)
    kept = _split_coordinated_owners(kept, resolver)
    coref.resolve_in_order()
    national_congresses(kept, doc, coref.countries)  # "Congress" in a story about Peru is Peru's
    coref.merge_descriptions()
    coref.infer_countries()
    return _assemble(document, kept, resolver.result.metonyms)


LOCATIVE_PREPS = frozenset({"in", "near", "to", "from", "at", "outside", "around", "into"})
TRAVEL_VERBS = frozenset({"visit", "tour", "reach", "enter", "leave"})  # their object is a place
TOWN_POPULATION = 100_000  # a lone unknown "person" named like a town this big is the town


def _adopt_acronyms(pairs: list[tuple[Mention, Mention]], resolver: Resolver) -> None:
    """Each use of an acronym the article defined is whom its defining name resolves to."""
    for use, definer in pairs:
        if definer.identity is None:
            if definer.kind == "agent":
                resolver.resolve_agent(definer)
            else:
                resolver.resolve_name(definer)
        use.entries = ()  # never the dictionary's other bearer of the same letters
        use.identity = definer.identity


def _town_read_as_person(mention: Mention, doc) -> bool:  # type: ignore[no-untyped-def]
    """"bombed Aleppo and Homs", "fighting near Homs", "he visits Manchester, Leicester …": the
    small model calls the town a person or an organisation. A one-word name nobody introduced or
    coded, standing where places stand, and a sizeable town in the gazetteer, is that town (the
    places stage reads it), not an actor."""
    identity = mention.identity
    if mention.kind not in ("person", "name") or mention.end - mention.start != 1 or identity is None:
        return False
    if identity.kind not in ("person", "organization") or identity.entry or identity.country or identity.sector:
        return False
    if identity.role or mention.title is not None:
        return False
    token = doc[mention.start]
    placed = (token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPS) or (
        token.dep_ == "conj" and (token.head.ent_type_ in ("GPE", "LOC") or _is_town(token.head.text))) or (
        token.dep_ == "dobj" and token.head.lemma_.lower() in TRAVEL_VERBS)
    return placed and _is_town(token.text)


def _place_of_an_event(mention: Mention, doc: Doc, grammar: Grammar) -> bool:
    """"the 1981 Toxteth riots", "the Dayton talks": a name nobody coded, compounded onto a noun
    naming an event, says where the event happened (NER often calls it a person). It is no actor;
    a known name there still acts ("the Hamas attack") or is the topic ("the Iraq war")."""
    identity = mention.identity
    if mention.kind not in ("person", "name") or identity is None or mention.title is not None:
        return False
    if identity.entry or identity.country or identity.sector or identity.role:
        return False
    head = doc[mention.head]
    noun = head.head
    return head.dep_ in ("compound", "nmod") and noun.i >= mention.end and (
        noun.lemma_.lower() in grammar.event_nouns or noun.lower_ in grammar.event_nouns)


def _is_town(name: str) -> bool:
    from newsgraph.places.gazetteer import gazetteer  # the gazetteer is built data, read-only here

    return any(m.primary and m.entry.feature == "city" and m.entry.population >= TOWN_POPULATION
               for m in gazetteer().find(name))


def _outside_dateline(mentions: list[Mention], document: Document) -> list[Mention]:
    """"MOSCOW, Russia: …" says where the story was filed; Moscow does not act in it."""
    span = document.dateline()
    if span is None:
        return mentions
    doc = document.doc
    return [m for m in mentions if not (span[0] <= doc[m.start].idx and doc[m.end - 1].idx < span[1])]


def _split_coordinated_owners(mentions: list[Mention], resolver: Resolver) -> list[Mention]:
    """"US and British activists", "French and German troops": one phrase, one actor per country.

    Each further country gets a sibling mention over the same words; the phrase itself then
    stands for all of them, as a coordination does.
    """
    result: list[Mention] = []
    for mention in mentions:
        owners = _coordinated_country_owners(mention, resolver)
        if len(owners) < 2 or mention.identity is None:
            result.append(mention)
            continue
        siblings = []
        for owner in owners[1:]:
            sibling = replace(mention, owners=[owner], identity=None, antecedents=())
            if resolver.resolve_agent(sibling) and sibling.identity is not None and sibling.identity.key != mention.identity.key:
                siblings.append(sibling)
        mention.owners = [o for o in mention.owners if o not in owners[1:]]
        resolver.resolve_agent(mention)
        result.extend(siblings)
        result.append(mention)
        if siblings:
            mention.antecedents = (mention, *siblings)
    return result


def _coordinated_country_owners(mention: Mention, resolver: Resolver) -> list[Mention]:
    if mention.kind != "agent" or not mention.plural or len(mention.owners) < 2:
        return []
    doc = resolver.doc
    countries = [o for o in mention.owners if resolver.country_of(o)]
    first = countries[0] if countries else None
    if first is None:
        return []
    linked = {t.i for t in doc[first.head].conjuncts} | _listed_with(doc, first, countries)
    return [first, *(o for o in countries[1:] if o.head in linked)]


def _listed_with(doc: Doc, first: Mention, others: list[Mention]) -> set[int]:
    """Heads of the names written after ``first`` as one list ("Fornost and Gondor"), whatever
    the parser made of it: only commas and conjunctions stand between one item and the next."""
    heads: set[int] = set()
    end = first.end
    for other in sorted((o for o in others if o.start >= first.end), key=lambda o: o.start):
        between = doc[end : other.start]
        if not len(between) or any(t.lower_ not in LIST_JOINERS for t in between):
            break
        heads.add(other.head)
        end = other.end
    return heads


def _assemble(document: Document, mentions: list[Mention], metonym_tokens: list[tuple[int, int]]) -> ActorStage:
    doc = document.doc
    text = document.text
    ids: dict[str, str] = {}
    identities: dict[str, Identity] = {}
    spans: dict[str, list[Span]] = {}
    token_actors: dict[int, tuple[str, ...]] = {}
    for mention in mentions:
        if mention.identity is None:
            continue
        key = mention.identity.key
        if key not in ids:
            ids[key] = f"a{len(ids) + 1}"
            spans[key] = []
        identities[key] = _richer(identities.get(key), mention.identity)
        start, end = doc[mention.start].idx, doc[mention.end - 1].idx + len(doc[mention.end - 1].text)
        spans[key].append(Span(start, end, text[start:end]))
        members = mention.antecedents if len(mention.antecedents) > 1 else ()
        actor_ids = tuple(ids[m.identity.key] for m in members if m.identity and m.identity.key in ids) or (ids[key],)
        for i in mention.tokens():
            token_actors[i] = actor_ids
    actors = tuple(_actor(ids[key], identities[key], spans[key]) for key in ids)
    # Names of people, groups and organisations are never places, whatever NER labelled them
    # ("the regime of Assad" comes out as a GPE); nor are countries and capitals that act.
    named = [*mentions, *(o for m in mentions for o in m.owners)]
    not_places = [(m.start, m.end) for m in named if m.identity is not None and m.kind in ("name", "person")
                  and m.identity.kind != "country"]
    metonyms = tuple(
        (doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)) for s, e in (*metonym_tokens, *not_places)
    )
    return ActorStage(actors=actors, metonyms=metonyms, token_actors=token_actors)


def _richer(old: Identity | None, new: Identity) -> Identity:
    """Keep the identity that knows most (a later mention may carry the title or country)."""
    if old is None:
        return new
    score = lambda i: sum(x is not None for x in (i.country, i.sector, i.role, i.entry))  # noqa: E731
    return new if score(new) > score(old) else old


def _actor(actor_id: str, identity: Identity, mentions: list[Span]) -> Actor:
    return Actor(
        id=actor_id,
        name=identity.name,
        kind=identity.kind,
        country=identity.country,
        sector=identity.sector,
        role=identity.role,
        cameo=identity.cameo,
        mentions=tuple(sorted(set(mentions), key=lambda s: (s.start, s.end))),
        entry=identity.entry,
    )
