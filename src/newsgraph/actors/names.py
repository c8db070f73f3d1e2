"""Who a name refers to: a known person, organisation or country, or an actor it owns.

The resolver is split in two so that each part has one job. This module holds what a name
says by itself, with what the names owning a phrase say about it (whose country, which
sector), and the syntax that tells a country acting from a country used as a place.
:class:`newsgraph.actors.resolve.Resolver` builds agent phrases ("a ministry spokeswoman")
on top of it, so those phrases read their owners the same way names do.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsgraph.actors import identity as ident
from newsgraph.actors.dictionary import ActorDictionary
from newsgraph.actors.entries import Entry
from newsgraph.actors.grammar import Grammar
from newsgraph.actors.identity import Identity
from newsgraph.actors.mentions import Mention
from newsgraph.actors.normalise import normalise

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Dependency labels under which a noun acts or is acted upon (not merely located).
AGENTIVE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "iobj", "dative", "agent", "appos", "attr", "poss", "conj", "ROOT"})
# A place this populous (or an administrative area) is what an organisation-labelled name with no
# sector word most likely is ("Dorset", "Torbay").
PLACE_NAME_POPULATION = 50_000
# Table preferred for a name by the label NER gave it.
TABLE_BY_LABEL = {
    "PERSON": ("person", "group", "organization", "country"),
    "ORG": ("organization", "group", "country", "person"),
    "GPE": ("country", "organization", "group", "person"),
    "NORP": ("group", "country", "organization", "person"),
    None: ("country", "organization", "group", "person"),
}

# Sectors of a state's bodies an unknown "<country> <body>" name can be, with the actor kind each has.
BODY_KINDS = {"GOV": "government", "MIL": "military", "COP": "police", "LEG": "government"}
# Verbs of setting out whose "for" names where to ("left for Moscow", "departed for Cairo").
# Kinds of dictionary bodies that belong to one state, whose names other states' bodies share.
NATIONAL_KINDS = frozenset({"party", "government", "military", "police"})
DEPARTING_VERBS = frozenset({"leave", "depart", "head", "sail", "fly", "set"})


@dataclass
class Resolution:
    """What resolving the names of one article produced."""

    metonyms: list[tuple[int, int]] = field(default_factory=list)  # token spans used as actors


class NameResolver:
    """Resolves names and people, and reads what a phrase's owners say; the base of ``Resolver``."""

    def __init__(self, doc: Doc, dictionary: ActorDictionary, grammar: Grammar, published: dt.date | None) -> None:
        self.doc = doc
        self.dictionary = dictionary
        self.grammar = grammar
        self.day = published
        self.result = Resolution()

    # -- names -------------------------------------------------------------------------

    def resolve_name(self, mention: Mention) -> bool:
        """Give a name mention its identity; False when it is not an actor here."""
        people = self._people_of_a_country(mention)
        if people is not None:
            mention.identity = people
            return True
        if mention.kind == "person":
            mention.identity = self._person(mention)
            return True
        entry = self._best_entry(mention)
        text = self._text(mention)
        if entry is None:
            capital = self.dictionary.country_by_capital(text) if mention.label in ("GPE", "ORG", "LOC", None) else None
            if capital is not None:
                return self._capital(mention, capital)
            demonym = self.dictionary.country_by_demonym(text)
            if demonym is not None:
                return self._demonym(mention, demonym)
            mention.identity = self._unknown_name(mention, text)
            return mention.identity is not None
        if entry.table == "country":
            return self._country(mention, entry)
        if self._owned_elsewhere(mention, entry):
            # "Kenya's Liberal Democratic Party": a name shared across states, owned by another
            mention.identity = self._unknown_name(mention, self._text(mention))
            return mention.identity is not None
        mention.identity = self._owned(ident.from_entry(entry), mention)
        return True

    def _owned_elsewhere(self, mention: Mention, entry: Entry) -> bool:
        """A national body of the dictionary named with another state as its owner."""
        if entry.kind not in NATIONAL_KINDS or not entry.country or entry.country in ident.NON_STATE_CODES:
            return False
        owner = self._owner_country(mention)
        return owner is not None and owner not in ident.NON_STATE_CODES and owner != entry.country

    def _best_entry(self, mention: Mention) -> Entry | None:
        entries = list(mention.entries)
        if not entries:
            return None
        order = TABLE_BY_LABEL.get(mention.label, TABLE_BY_LABEL[None])
        entries.sort(key=lambda e: (order.index(e.table) if e.table in order else 9, not e.active_on(self.day)))
        return entries[0]

    def _country(self, mention: Mention, entry: Entry) -> bool:
        """A country named is an actor wherever it stands: "fired at Russia", "troops to Iraq".

        Only where it acts ("Iran said") is it also a metonym the places stage must skip;
        "in Iraq" stays a place as well.
        """
        mention.identity = ident.from_entry(entry)
        if not self.is_locative(mention) and self._agentive(mention):
            self.result.metonyms.append((mention.start, mention.end))
        return True

    def _capital(self, mention: Mention, country: Entry) -> bool:
        """A capital acts for its government ("Washington said"), unless it is a place."""
        if self.is_locative(mention) or not self._agentive(mention):
            return False  # "in Washington": a place, left to the places stage
        mention.identity = ident.government_of(country)
        self.result.metonyms.append((mention.start, mention.end))
        return True

    def _demonym(self, mention: Mention, country: Entry) -> bool:
        head = self.doc[mention.head]
        if head.tag_ in ("NNS", "NNPS") or (head.lower_.endswith("s") and head.pos_ in ("NOUN", "PROPN") and head.dep_ not in ("amod", "compound")):
            # "the Iraqis", "Americans": the people; "the Syrian [side]" stays the country
            mention.identity = Identity(
                key=f"people:{country.country}", name=f"{country.name} people", kind="population",
                country=country.country, sector="CVL", cameo=ident.compose_cameo(country.country, "CVL"), plural=True,
            )
            return True
        # "Iraqi towns", "the Iraqi border": the country whose place it is (a target when the
        # place is attacked), though not a metonym the places stage must skip
        mention.identity = ident.from_entry(country)
        return True

    def _unknown_name(self, mention: Mention, text: str) -> Identity | None:
        if mention.label == "ORG":
            sector = self.grammar.org_sector([t.text for t in self.doc[mention.start : mention.end]])
            if sector is None and _place_name(text):
                return None  # "visits Dorset and Torbay": a place the model took for an organisation
            owner = self._owner_country(mention) or self._nationality_in_name(mention)
            owner = owner or (self._country_in_name(mention) if sector else None)
            if sector in BODY_KINDS and owner and owner not in ident.NON_STATE_CODES and mention.end - mention.start == 2:
                # "Kenya Parliament", "the Pakistani Army": the state's body, one actor with "Pakistani troops"
                body = self.doc[mention.end - 1].text
                return ident.institution(owner, self._country_name(owner), sector, BODY_KINDS[sector], body)
            return Identity(
                key=f"org:{normalise(text)}", name=text, kind="organization", country=owner, sector=sector,
                cameo=ident.compose_cameo(owner, sector),
            )
        if mention.label == "NORP" and self.doc[mention.head].tag_ in ("NNPS", "NNS"):
            return Identity(key=f"people:{normalise(text)}", name=text, kind="population", plural=True)
        return None  # an unknown GPE is a place; an adjective like "Sunni" is an attribute

    def _people_of_a_country(self, mention: Mention) -> Identity | None:
        """ "Croatian Serbs", "Georgian Armenians": a people the dictionary does not know, named by a
        nationality and a plural, are that country's population (NER often calls them a person).
        An organisation's name ("American Airlines") is left to the organisation rules."""
        if mention.entries or mention.label not in ("NORP", "PERSON", None) or mention.title is not None:
            return None
        words = self.doc[mention.start : mention.end]
        head = self.doc[mention.head]
        if len(words) < 2 or head.i != mention.end - 1 or head.tag_ not in ("NNPS", "NNS"):
            return None
        if not all(t.text[:1].isupper() for t in words):
            return None
        country = self._nationality_in_name(mention)
        if country is None:
            return None
        return Identity(key=f"people:{normalise(words.text)}", name=words.text, kind="population", country=country,
                        sector="CVL", cameo=ident.compose_cameo(country, "CVL"), plural=True)

    def _nationality_in_name(self, mention: Mention) -> str | None:
        """ "British National Party", "Iraqi Football Association": an unknown organisation whose
        name opens with a nationality is that country's (a one-word name is the demonym itself)."""
        if mention.end - mention.start < 2:
            return None
        found = self.dictionary.country_by_demonym(self.doc[mention.start].text)
        return found.country if found is not None else None

    def _country_in_name(self, mention: Mention) -> str | None:
        """ "Kenya Parliament", "Montenegro Assembly": a state body the dictionary does not know,
        named after its country. Only for a name whose head says what body it is: "Malaysia
        Airlines" is no Malaysian state."""
        for size in range(min(3, mention.end - mention.start - 1), 0, -1):
            words = self.doc[mention.start : mention.start + size].text
            country = next((e for e in self.dictionary.lookup(words) if e.table == "country"), None)
            if country is not None:
                return country.country
        return None

    # -- people ------------------------------------------------------------------------

    def _person(self, mention: Mention) -> Identity:
        name_start = self._name_start(mention)
        name = self.doc[name_start : mention.end].text
        entries = [e for e in mention.entries if e.table == "person"] or self.dictionary.lookup(name, on=self.day)
        entries = [e for e in entries if e.table == "person"]
        if entries:
            return self._known_person(entries, mention)
        country = self._owner_country(mention) or _coded_country(mention)
        title = mention.title
        sector = self._state_role(mention, country, mention.role_sector or (title.sector if title else None))
        role = mention.role_words if title else None
        return Identity(
            key=f"person:{normalise(name)}", name=name, kind="person", country=country, sector=sector, role=role,
            cameo=ident.compose_cameo(country, sector),
        )

    def _state_role(self, mention: Mention, country: str | None, sector: str | None) -> str | None:
        """"Palestinian leader Yasser Arafat", "an Iranian spokesman": a role the noun leaves open
        (UNK) is the state's when a country, not a group or a ministry, owns it; a group's or a
        ministry's when one does ("the Hamas leader Khaled Meshaal": REB)."""
        if sector != "UNK":
            return sector
        group = self._owner_group(mention)
        owned = (group.sector if group is not None else None) or self._owner_sector(mention)
        if owned:
            return owned
        return sector if country is None or group is not None else "GOV"

    def _known_person(self, entries: list[Entry], mention: Mention) -> Identity:
        active = [e for e in entries if e.active_on(self.day)]
        entry = active[0] if active else entries[0]
        found = ident.from_entry(entry)
        title = mention.title
        stated = mention.role_sector or (title.sector if title else None)
        if self.day is None and stated and stated != entry.sector:
            active = []  # undated: "General David Petraeus" says what he is better than a later office
        if not active:
            # Named, but holding none of the offices we know on this date: keep who, not what.
            title = mention.title
            sector = self._state_role(mention, entry.country, mention.role_sector or (title.sector if title else None))
            found = found.with_details(role=mention.role_words, sector=sector, cameo=ident.compose_cameo(entry.country, sector))
        return found.with_details(key=f"person:{entry.id.split(':', 1)[-1]}")

    def _name_start(self, mention: Mention) -> int:
        """First token of the bare name inside a titled mention, past any "Ms" or "Prof"."""
        start = mention.name_start if mention.name_start is not None else mention.start
        while start < mention.end - 1 and self.doc[start].lower_.rstrip(".") in self.grammar.honorifics:
            start += 1
        return start

    # -- owners -----------------------------------------------------------------------

    def _owner_group(self, mention: Mention) -> Identity | None:
        for owner in mention.owners:
            if owner.identity is not None and owner.identity.kind in ("armed_group", "party") and owner.identity.entry:
                return owner.identity
            if owner.identity is None and owner.entries:
                entry = self._best_entry(owner)
                if entry is not None and entry.kind in ("armed_group", "party"):
                    owner.identity = ident.from_entry(entry)
                    return owner.identity
        return None

    def _owner_country(self, mention: Mention) -> str | None:
        for owner in mention.owners:
            code = self.country_of(owner)
            if code in ident.NON_STATE_CODES:
                code = self._state_behind(owner) or code
            if code:
                return code
        return None

    def _state_behind(self, organisation: Mention) -> str | None:
        """"Russia's UN ambassador": a state that owns the international body in the phrase owns
        the person too; the body is only where the office is held (RUSGOV, not IGOUNO)."""
        for owner in organisation.owners:
            code = self.country_of(owner)
            if code and code not in ident.NON_STATE_CODES:
                return code
        return None

    def _owner_sector(self, mention: Mention) -> str | None:
        country = self._owner_country(mention)
        for owner in mention.owners:
            if country not in (None, *ident.NON_STATE_CODES) and self.country_of(owner) in ident.NON_STATE_CODES:
                continue  # "Russia's UN ambassador", "the US UN envoy" serve their state, not the UN
            if owner.identity is not None and owner.identity.kind in ("organization", "government", "military", "police"):
                return owner.identity.sector
            if owner.identity is not None and owner.identity.kind in ("armed_group", "party") and owner.identity.sector:
                return owner.identity.sector  # "a Hamas spokesman" speaks for Hamas: REB
            if owner.label == "ORG":
                sector = self.grammar.org_sector([t.text for t in self.doc[owner.start : owner.end]])
                if sector:
                    return sector
        return None

    def country_of(self, owner: Mention) -> str | None:
        if owner.identity is not None and owner.identity.country:
            return owner.identity.country
        text = self._text(owner)
        for entry in owner.entries:
            if entry.country:
                return entry.country
            if entry.table == "country" and entry.cameo:
                return entry.cameo[:3]  # a user's own country code (PETRARCH's fictional "ARN")
        for found in (self.dictionary.country_by_demonym(text), self.dictionary.country_by_capital(text)):
            if found is not None:
                return found.country
        if owner.label == "NORP" and self._nationality_in_name(owner):
            return self._nationality_in_name(owner)  # "Danish Islamist media": Denmark's, of a stance
        if owner.kind == "person" and owner.identity is None:
            owner.identity = self._person(owner)
            return owner.identity.country
        return None

    def _country_name(self, code: str | None) -> str | None:
        entry = self.dictionary.country(code) if code else None
        return entry.name if entry else code

    # -- syntax ------------------------------------------------------------------------

    def is_locative(self, mention: Mention) -> bool:
        """"in Peru", "troops to Mali", "the Malian border": the name says where, not who."""
        head = self.doc[mention.head]
        if head.dep_ == "pobj" and head.head.lower_ in self.grammar.locative_preps:
            return True
        if head.dep_ == "pobj" and head.head.lower_ == "for" and head.head.head.lemma_.lower() in DEPARTING_VERBS:
            return True  # "left for Moscow": where to, not who
        if head.dep_ in ("poss", "compound") and head.head.lemma_.lower() in self.grammar.place_nouns:
            return True
        return head.dep_ == "conj" and self._is_locative_token(head.head)

    def _is_locative_token(self, token: Token) -> bool:
        if token.dep_ == "pobj" and token.head.lower_ in self.grammar.locative_preps:
            return True
        return token.dep_ == "conj" and token.head.i != token.i and self._is_locative_token(token.head)

    def _agentive(self, mention: Mention) -> bool:
        head = self.doc[mention.head]
        if head.dep_ == "pobj":
            return head.head.lower_ in ("by", "between", "with", "against", "among", "for")
        if head.dep_ in ("compound", "amod", "nmod"):
            # "the US siege", "American occupation": the doer of the act its noun names
            return head.head.lemma_.lower() not in self.grammar.place_nouns and head.head.pos_ == "NOUN"
        return head.dep_ in AGENTIVE_DEPS

    def _owned(self, found: Identity, mention: Mention) -> Identity:
        country = self._owner_country(mention)
        if country and not found.country:
            return found.with_details(country=country, cameo=ident.compose_cameo(country, found.sector))
        return found

    def _text(self, mention: Mention) -> str:
        return self.doc[mention.start : mention.end].text


def _place_name(text: str) -> bool:
    """A name the gazetteer knows as a populated place or an administrative area, and no common word."""
    from newsgraph.places.gazetteer import gazetteer  # built data, read-only here

    gaz = gazetteer()
    if gaz.is_common_word(text):
        return False
    return any(m.primary and (m.entry.feature in ("admin1", "country") or m.entry.population >= PLACE_NAME_POPULATION)
               for m in gaz.find(text))


def _coded_country(person: Mention) -> str | None:
    """The country a user's dictionary codes a person with ("ROMENDACIL [BRE]"), if any."""
    for entry in person.entries:
        if entry.table == "country":
            return entry.country or (entry.cameo[:3] if entry.cameo else None)
    return None
