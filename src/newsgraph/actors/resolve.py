"""Decide who a name or an agent phrase refers to, from the dictionary and the syntax around it.

Pronouns, bare descriptions ("the regime") and surnames standing alone are left to
:mod:`newsgraph.actors.coref`; everything that carries its identity in its own words is
resolved here. Mentions that turn out not to be actors — a country or capital used as a
place ("in Washington", "Afghanistan's southern Helmand province") — are dropped and their spans
reported so the places stage keeps them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from newsgraph.actors import identity as ident
from newsgraph.actors.allegiance import loyal_forces
from newsgraph.actors.cameo import compose_agent, compose_under
from newsgraph.actors.dictionary import ActorDictionary
from newsgraph.actors.entries import AgentNoun, Entry
from newsgraph.actors.grammar import Grammar
from newsgraph.actors.identity import Identity
from newsgraph.actors.mentions import Mention
from newsgraph.actors.normalise import normalise

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# Dependency labels under which a noun acts or is acted upon (not merely located).
AGENTIVE_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "iobj", "dative", "agent", "appos", "attr", "poss", "conj", "ROOT"})
# The collective kind of a body with a given sector.
COLLECTIVE = {"MIL": "military", "COP": "police", "GOV": "government", "REB": "armed_group", "PTY": "party", "OPP": "population"}
# Agent kinds of armed bodies, which "loyal to X" attaches to X (newsgraph.actors.allegiance).
ARMED_KINDS = frozenset({"military", "armed_group", "police"})
# Agent kinds whose plural, owned by a group, means the group itself ("Hamas fighters").
MEMBER_KINDS = frozenset({"armed_group", "military", "population", "party"})
# Sectors of the state's own people: whoever holds one serves a state.
STATE_SECTORS = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD"})
# The state's own armed, policing and intelligence bodies, which keep their sector under a
# modifier naming the whole state ("government troops" are the military, not the government).
STATE_BRANCH_SECTORS = frozenset({"MIL", "COP", "SPY"})
# Adjectives that say nothing about which group is meant ("the same forces", "other troops").
# Adjectives of amount, size, rank or worth: they describe how much or how good, not which body
# ("extensive intelligence", "a full party" are no actors without an owner).
GENERIC_ADJECTIVES = frozenset({
    "same", "other", "such", "own", "several", "many", "new", "more", "some", "few", "various", "local", "foreign",
    "additional", "extra", "further", "remaining", "armed", "security", "extensive", "full", "whole", "entire",
    "large", "small", "big", "huge", "major", "minor", "key", "main", "top", "senior", "junior", "current",
    "previous", "latest", "vital", "crucial", "important", "valuable", "credible", "reliable", "detailed", "good",
    "bad", "better", "best", "worst",
})
# Table preferred for a name by the label NER gave it.
TABLE_BY_LABEL = {
    "PERSON": ("person", "group", "organization", "country"),
    "ORG": ("organization", "group", "country", "person"),
    "GPE": ("country", "organization", "group", "person"),
    "NORP": ("group", "country", "organization", "person"),
    None: ("country", "organization", "group", "person"),
}


@dataclass
class Resolution:
    """What resolving the names of one article produced."""

    metonyms: list[tuple[int, int]] = field(default_factory=list)  # token spans used as actors


class Resolver:
    def __init__(self, doc: Doc, dictionary: ActorDictionary, grammar: Grammar, published: dt.date | None) -> None:
        self.doc = doc
        self.dictionary = dictionary
        self.grammar = grammar
        self.day = published
        self.result = Resolution()

    # -- names -------------------------------------------------------------------------

    def resolve_name(self, mention: Mention) -> bool:
        """Give a name mention its identity; False when it is not an actor here."""
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
        mention.identity = self._owned(ident.from_entry(entry), mention)
        return True

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
        if not self._is_locative(mention) and self._agentive(mention):
            self.result.metonyms.append((mention.start, mention.end))
        return True

    def _capital(self, mention: Mention, country: Entry) -> bool:
        """A capital acts for its government ("Washington said"), unless it is a place."""
        if self._is_locative(mention) or not self._agentive(mention):
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
            owner = self._owner_country(mention) or self._nationality_in_name(mention)
            return Identity(
                key=f"org:{normalise(text)}", name=text, kind="organization", country=owner, sector=sector,
                cameo=ident.compose_cameo(owner, sector),
            )
        if mention.label == "NORP" and self.doc[mention.head].tag_ in ("NNPS", "NNS"):
            return Identity(key=f"people:{normalise(text)}", name=text, kind="population", plural=True)
        return None  # an unknown GPE is a place; an adjective like "Sunni" is an attribute

    def _nationality_in_name(self, mention: Mention) -> str | None:
        """ "British National Party", "Iraqi Football Association": an unknown organisation whose
        name opens with a nationality is that country's (a one-word name is the demonym itself)."""
        if mention.end - mention.start < 2:
            return None
        found = self.dictionary.country_by_demonym(self.doc[mention.start].text)
        return found.country if found is not None else None

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

    # -- agent phrases -----------------------------------------------------------------

    def resolve_agent(self, mention: Mention) -> bool:
        """Identity of "Iraqi forces" / "a Foreign Ministry spokeswoman"; False when it needs coref."""
        agent = mention.agent
        if agent is None:
            return False
        country = self._owner_country(mention)
        owner_sector = self._owner_sector(mention)
        text = self._phrase_text(mention)
        group = self._owner_group(mention)
        if group is not None and agent.kind in MEMBER_KINDS and mention.plural:
            mention.identity = group  # "Islamic State militants", "Hamas fighters": the group itself
            return True
        patron = self._patron(mention)
        if patron is not None and agent.kind in ARMED_KINDS:
            mention.identity = loyal_forces(patron, agent, self.dictionary, self.day)  # "forces loyal to Haftar"
            return True
        if agent.kind == "person":
            holder = self._office_holder(mention, country)
            if holder is not None:
                mention.identity = holder  # "the Iranian foreign minister" on that day is a known person
                return True
            mention.gender = _gender_of_noun(agent.noun)
            sector = self._state_role(mention, country, owner_sector or agent.sector or self._office_under_state_person(mention))
            mention.identity = Identity(
                key=f"anon:{mention.start}", name=text, kind="person", country=country, sector=sector, role=text,
                cameo=_agent_cameo(agent, country, sector), gender=mention.gender,
            )
            return True
        modifier = self._sector_modifier(mention)
        if modifier is not None:
            # "rebel commanders", "army officers": the modifying noun says which body they are
            agent = replace(agent, sector=modifier.sector, kind=COLLECTIVE.get(modifier.sector, agent.kind),
                            needs_owner=False, cameo=None)
        agent = self._open_role_of_state(mention, country, agent)
        if country is None and agent.needs_owner and not self._described(mention):
            return False
        name = self._country_name(country)
        mention.identity = ident.institution(country, name, agent.sector, agent.kind, agent.noun if country else text)
        mention.identity = mention.identity.with_details(cameo=_agent_cameo(agent, country, agent.sector))
        prefix = self._international_prefix(mention)
        if prefix and (country is None or country in ident.NON_STATE_CODES):
            # "NATO troops": the organisation's own code, then the sector (IGOWSTNATMIL)
            mention.identity = mention.identity.with_details(cameo=compose_under(prefix, agent.sector))
        if country is None:
            key = f"{agent.sector}:-:{normalise(text)}"
            mention.identity = mention.identity.with_details(key=key, name=text, plural=mention.plural)
        elif mention.plural:
            mention.identity = mention.identity.with_details(plural=True)  # "Palestinian leaders … they"
        return True

    def _office_under_state_person(self, mention: Mention) -> str | None:
        """ "The prime minister and his chancellor": a title owned by a person who serves a state
        (an office holder, or a known politician of a country) is an office of that state, so it
        has the sector titles.tsv gives the title (Chancellor: GOV). The noun alone ("chancellor"
        of a university?) says nothing, which is why only such an owner lets the title speak."""
        if not any(o.identity is not None and _serves_a_state(o.identity) for o in mention.owners):
            return None
        words = [t.text for t in self.doc[mention.start : mention.end]
                 if t.pos_ not in ("DET", "PART", "PUNCT", "PRON") and t.dep_ != "poss"]
        found = self.dictionary.longest_title_suffix(words) if words else None
        return found[1].sector if found is not None and found[0] == len(words) and found[1].sector else None

    def _patron(self, mention: Mention) -> Identity | None:
        """Who the armed body of "forces loyal to X" serves, X resolved as a name if not yet."""
        patron = mention.patron
        if patron is None:
            return None
        if patron.identity is None and not self.resolve_name(patron):
            return None
        return patron.identity

    def _open_role_of_state(self, mention: Mention, country: str | None, agent: AgentNoun) -> AgentNoun:
        """"Iranian leaders", "Eriadori and Calenardhon leaders": several holders of a role the
        noun leaves open are, like one of them, the state's when a country owns them."""
        if agent.sector != "UNK" or agent.cameo or self._state_role(mention, country, "UNK") != "GOV":
            return agent
        return replace(agent, sector="GOV", kind="government")

    def _office_holder(self, mention: Mention, country: str | None) -> Identity | None:
        """The one person who held the office a title names, in that country, on the article's date."""
        if country is None or mention.plural:
            return None
        owned = {i for o in mention.owners for i in range(o.start, o.end)}
        words = [t.text for t in self.doc[mention.start : mention.end] if t.i not in owned and t.pos_ not in ("DET", "PART", "PUNCT")]
        found = self.dictionary.longest_title_suffix(words) if words else None
        if found is None or found[0] != len(words):
            return None  # more words than the title: "a former foreign minister" is someone else
        holders = [e for e in office_holders(self.dictionary).get((country, found[1].role.casefold()), ()) if e.active_on(self.day)]
        if self.day is None or len({e.id for e in holders}) != 1:
            return None
        entry = holders[0]
        return ident.from_entry(entry).with_details(key=f"person:{entry.id.split(':', 1)[-1]}")

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

    def _international_prefix(self, mention: Mention) -> str | None:
        for owner in mention.owners:
            for entry in owner.entries:
                if entry.country in ident.NON_STATE_CODES and entry.cameo:
                    return entry.cameo
        return None

    def _sector_modifier(self, mention: Mention):  # type: ignore[no-untyped-def]
        """The body a modifying noun names ("rebel commanders", "army officers"). The last word of
        an owner's name is the name's, not a body: "Union" in "European Union finance ministers"
        is no trade union, so the ministers stay the EU's government, not labour."""
        # the words of a multi-word agent ("opposition" in "main opposition group") are the agent's own
        inside = len(mention.agent.noun.split()) - 1 if mention.agent else 0
        named = {i for owner in mention.owners for i in owner.tokens()}
        for i in range(mention.start, mention.head - inside):
            token = self.doc[i]
            if token.dep_ == "compound" and token.head.i == mention.head and i not in named:
                found = self.dictionary.agent(token.lemma_.lower())
                if found is not None and found.sector not in ("UNK", "") and found.kind != "person" \
                        and not _whole_state_before_its_branch(found, mention.agent):
                    return found
        return None

    def _described(self, mention: Mention) -> bool:
        """ "Sunni Islamist forces", "tribal militias", "US-backed forces": a group named by what it
        is or who backs it, not whose."""
        for owner in mention.owners:
            if owner.label == "NORP" and owner.identity is None:
                return True
        if any(self.doc[i].lower_ in self.grammar.backing_participles for i in range(mention.start, mention.head)):
            return True
        return any(self.doc[i].pos_ == "ADJ" and self.doc[i].dep_ == "amod" and self.doc[i].lower_ not in GENERIC_ADJECTIVES
                   for i in range(mention.start, mention.head))

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
        if owner.kind == "person" and owner.identity is None:
            owner.identity = self._person(owner)
            return owner.identity.country
        return None

    def _country_name(self, code: str | None) -> str | None:
        entry = self.dictionary.country(code) if code else None
        return entry.name if entry else code

    # -- syntax ------------------------------------------------------------------------

    def _is_locative(self, mention: Mention) -> bool:
        head = self.doc[mention.head]
        if head.dep_ == "pobj" and head.head.lower_ in self.grammar.locative_preps:
            return True
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

    def _phrase_text(self, mention: Mention) -> str:
        start = mention.start
        while start < mention.head and self.doc[start].pos_ == "DET":
            start += 1
        end = mention.end
        for prep in self.doc[mention.head].rights:
            if prep.dep_ == "prep" and prep.lower_ == "of" and any(o.identity for o in mention.owners):
                end = max(end, prep.right_edge.i + 1)
        words = [t for t in self.doc[start:end] if not t.is_quote]
        return "".join(t.text + t.whitespace_ for t in words).strip()


@lru_cache(maxsize=4)
def office_holders(dictionary: ActorDictionary) -> dict[tuple[str, str], tuple[Entry, ...]]:
    """(country, role) → the dictionary's tenures of that office."""
    index: dict[tuple[str, str], list[Entry]] = {}
    for entry in dictionary.entries():
        if entry.table == "person" and entry.country and entry.role:
            index.setdefault((entry.country, entry.role.casefold()), []).append(entry)
    return {key: tuple(value) for key, value in index.items()}


def _coded_country(person: Mention) -> str | None:
    """The country a user's dictionary codes a person with ("ROMENDACIL [BRE]"), if any."""
    for entry in person.entries:
        if entry.table == "country":
            return entry.country or (entry.cameo[:3] if entry.cameo else None)
    return None


def _agent_cameo(agent: AgentNoun, country: str | None, sector: str | None) -> str | None:
    """The code a user's PETRARCH agents file gives the noun ("GOLDEN_GOOSE [~GGS]": Gondor's golden
    geese are GONGGS), applied to a state owner as PETRARCH does, while the noun's own sector
    stands; else the code composed from country and sector."""
    if agent.cameo and country and country not in ident.NON_STATE_CODES and sector == agent.sector:
        return compose_agent(country, agent.cameo)
    return ident.compose_cameo(country, sector)


def _serves_a_state(found: Identity) -> bool:
    """A person holding a state office, or a known person of a country whose office on the day
    the dictionary does not say (a head of government out of the dated table)."""
    if found.kind != "person":
        return False
    return found.sector in STATE_SECTORS or (found.sector is None and found.country is not None and found.entry is not None)


def _whole_state_before_its_branch(modifier: AgentNoun, head: AgentNoun | None) -> bool:
    """ "government troops", "regime forces": a modifier naming the whole state says whose armed
    body the head is, not which body it is; such troops are the state's military (SYRMIL), as
    "government officials" stay its government because "officials" are GOV themselves."""
    return head is not None and modifier.sector == "GOV" and head.sector in STATE_BRANCH_SECTORS


def _gender_of_noun(noun: str) -> str | None:
    if noun.endswith(("woman", "women")) or noun in ("queen", "princess", "actress"):
        return "f"
    if noun.endswith(("man", "men")) and not noun.endswith("human"):
        return "m"
    return None
