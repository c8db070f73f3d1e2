"""Decide who a name or an agent phrase refers to, from the dictionary and the syntax around it.

Pronouns, bare descriptions ("the regime") and surnames standing alone are left to
:mod:`newsgraph.actors.coref`; everything that carries its identity in its own words is
resolved here. Mentions that turn out not to be actors — a country or capital used as a
place ("in Washington", "Afghanistan's southern Helmand province") — are dropped and their spans
reported so the places stage keeps them.

Name resolution — names, people, the owners of a phrase and the syntax that tells a place
from an actor — lives in :mod:`newsgraph.actors.names`; this module adds the agent phrases
("forces", "a spokeswoman", "officials") built on it, which is why ``Resolver`` extends
:class:`~newsgraph.actors.names.NameResolver`.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from newsgraph.actors import identity as ident
from newsgraph.actors.allegiance import loyal_forces
from newsgraph.actors.cameo import compose_agent, compose_under
from newsgraph.actors.dictionary import ActorDictionary
from newsgraph.actors.entries import AgentNoun, Entry
from newsgraph.actors.identity import Identity
from newsgraph.actors.mentions import Mention
from newsgraph.actors.names import NameResolver
from newsgraph.actors.normalise import normalise

# The collective kind of a body with a given sector.
COLLECTIVE = {"MIL": "military", "COP": "police", "GOV": "government", "REB": "armed_group", "PTY": "party", "OPP": "population"}
# Body nouns the parser tags as adjectives before a role ("the rebel leader", "an opposition figure").
BODY_ADJECTIVES = frozenset({"rebel", "opposition", "army", "police", "militant", "insurgent", "military"})
# Agent kinds of armed bodies, which "loyal to X" attaches to X (newsgraph.actors.allegiance).
# Words that put an armed body on no state's side: "Islamist forces", "opposition forces".
NON_STATE_SIDES = frozenset({"islamist", "jihadist", "salafist", "opposition", "insurgent", "rebel", "separatist",
                             "anti-government", "militant", "guerrilla"})
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


class Resolver(NameResolver):
    """Resolves agent phrases, on top of the names, people and owners of ``NameResolver``."""

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
        patron = self._patron(mention) or self._commander(mention)
        if patron is not None and agent.kind in ARMED_KINDS:
            mention.identity = loyal_forces(patron, agent, self.dictionary, self.day)  # "forces loyal to Haftar"
            return True
        if agent.kind == "person":
            holder = self._office_holder(mention, country)
            if holder is not None:
                mention.identity = holder  # "the Iranian foreign minister" on that day is a known person
                return True
            mention.gender = _gender_of_noun(agent.noun)
            open_role = agent.sector in ("UNK", "") and not owner_sector
            modifier = self.sector_modifier(mention) if open_role else None
            # "the Syrian rebel leader", "an army spokesman", "the opposition leader": the body the
            # modifying noun names decides a role the noun leaves open, before the state does
            base = (modifier.sector if modifier is not None else None) or owner_sector or agent.sector
            sector = self._state_role(mention, country, base or self._office_under_state_person(mention))
            mention.identity = Identity(
                key=f"anon:{mention.start}", name=text, kind="person", country=country, sector=sector, role=text,
                cameo=_member_cameo(group, sector) or _agent_cameo(agent, country, sector), gender=mention.gender,
            )
            return True
        modifier = self.sector_modifier(mention)
        if modifier is not None:
            # "rebel commanders", "army officers": the modifying noun says which body they are
            agent = replace(agent, sector=modifier.sector, kind=COLLECTIVE.get(modifier.sector, agent.kind),
                            needs_owner=False, cameo=None)
        agent = self._open_role_of_state(mention, country, agent)
        if agent.kind in ("military", "population") and self._armed_against_a_state(mention, agent):
            # "Islamist forces", "opposition forces", "jihadist fighters": armed, and no state's
            agent = replace(agent, sector="REB", kind="armed_group", needs_owner=False, cameo=None)
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

    def _commander(self, mention: Mention) -> Identity | None:
        """ "his forces", "her fighters" after a person: the armed body the person commands, read as
        "forces loyal to" them (a president's are the state's, a rebel leader's the rebels')."""
        if mention.owner_pronoun is None:
            return None
        people = [o.identity for o in mention.owners if o.identity is not None and o.identity.kind == "person"]
        return people[0] if people else None

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

    def _international_prefix(self, mention: Mention) -> str | None:
        for owner in mention.owners:
            for entry in owner.entries:
                if entry.country in ident.NON_STATE_CODES and entry.cameo:
                    return entry.cameo
        return None

    def sector_modifier(self, mention: Mention) -> AgentNoun | None:
        """The body a modifying noun names ("rebel commanders", "army officers"). The last word of
        an owner's name is the name's, not a body: "Union" in "European Union finance ministers"
        is no trade union, so the ministers stay the EU's government, not labour."""
        # the words of a multi-word agent ("opposition" in "main opposition group") are the agent's own
        inside = len(mention.agent.noun.split()) - 1 if mention.agent else 0
        named = {i for owner in mention.owners for i in owner.tokens()}
        for i in range(mention.start, mention.head - inside):
            token = self.doc[i]
            if (token.dep_ == "compound" or (token.dep_ == "amod" and token.lower_ in BODY_ADJECTIVES)) \
                    and token.head.i == mention.head and i not in named:
                found = self.dictionary.agent(token.lemma_.lower())
                if found is not None and found.sector not in ("UNK", "") and found.kind != "person" \
                        and not _whole_state_before_its_branch(found, mention.agent):
                    return found
        return None

    def _armed_against_a_state(self, mention: Mention, agent: AgentNoun) -> bool:
        armed = agent.kind == "military" or mention.agent is not None and mention.agent.kind == "military"
        words = {self.doc[i].lower_ for i in range(mention.start, mention.head)}
        return armed and bool(words & NON_STATE_SIDES)

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

    def _phrase_text(self, mention: Mention) -> str:
        start = mention.start
        while start < mention.head and self.doc[start].pos_ == "DET":
            start += 1
        end = mention.end
        for prep in self.doc[mention.head].rights:
            if prep.dep_ == "prep" and prep.lower_ == "of" and any(
                    o.identity and prep.i < o.start and o.end <= prep.right_edge.i + 1 for o in mention.owners):
                end = max(end, prep.right_edge.i + 1)  # "the mayor of Nablus", not "his chancellor of behaving …"
        # quote marks go, a possessive apostrophe stays ("the teachers' union"); a dropped mark keeps its space
        text = "".join((t.text if t.tag_ == "POS" or not t.is_quote else "") + t.whitespace_ for t in self.doc[start:end])
        return " ".join(text.split())


@lru_cache(maxsize=4)
def office_holders(dictionary: ActorDictionary) -> dict[tuple[str, str], tuple[Entry, ...]]:
    """(country, role) → the dictionary's tenures of that office."""
    index: dict[tuple[str, str], list[Entry]] = {}
    for entry in dictionary.entries():
        if entry.table == "person" and entry.country and entry.role:
            index.setdefault((entry.country, entry.role.casefold()), []).append(entry)
    return {key: tuple(value) for key, value in index.items()}


def _agent_cameo(agent: AgentNoun, country: str | None, sector: str | None) -> str | None:
    """The code a user's PETRARCH agents file gives the noun ("GOLDEN_GOOSE [~GGS]": Gondor's golden
    geese are GONGGS), applied to a state owner as PETRARCH does, while the noun's own sector
    stands; else the code composed from country and sector."""
    if agent.cameo and country and country not in ident.NON_STATE_CODES and sector == agent.sector:
        return compose_agent(country, agent.cameo)
    return ident.compose_cameo(country, sector)


def _member_cameo(group: Identity | None, sector: str | None) -> str | None:
    """ "A Hamas spokesman" speaks for Hamas: a group with a CAMEO code of its own (PSEREBHMS)
    gives it to the people who hold its roles, as it gives it to the group."""
    return group.cameo if group is not None and group.sector == sector else None


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
