"""In-article coreference by rules: surnames, pronouns, descriptions, appositions.

No neural coreference model can be installed here (PLATFORM.md), and news prose is regular
enough for rules on the parse: a surname points to the full name used elsewhere in the
article; "he"/"she" to the most salient person of matching gender (subjects first, nearest
sentence first); "it"/"its" to the nearest state or organisation; "the group" to the
nearest armed group; "the regime" to the government just named; a role alone ("the
official") to the person introduced with that role; and a description such as "the deputy
chairman of Egypt's Supreme Council of the Armed Forces" to the compatible named person who follows it.

The search for an earlier mention lives in :mod:`newsgraph.actors.antecedents` and the
country an unowned state body or official belongs to in :mod:`newsgraph.actors.countries`;
this module links pronouns, names and descriptions with them.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from newsgraph.actors import identity as ident
from newsgraph.actors.antecedents import Antecedents
from newsgraph.actors.countries import CountriesInFocus
from newsgraph.actors.dictionary import ActorDictionary
from newsgraph.actors.entries import AgentNoun
from newsgraph.actors.grammar import Grammar
from newsgraph.actors.identity import Identity
from newsgraph.actors.mentions import PRONOUNS, Mention
from newsgraph.actors.normalise import normalise, surname_keys
from newsgraph.actors.owners import STATE_NOUNS
from newsgraph.actors.resolve import MEMBER_KINDS, Resolver

if TYPE_CHECKING:
    from spacy.tokens import Doc

# How far back "the official" may look for the person introduced by that role.
ROLE_WINDOW_SENTENCES = 8
# How far ahead a description may look for the named person it introduces.
CATAPHORA_SENTENCES = 4
# Predicates of "it is …" with nothing referred to ("it is clear that", "it is back to the same").
EXPLETIVE_PREDICATES = frozenset(
    {"clear", "unclear", "possible", "impossible", "likely", "unlikely", "important", "necessary", "true", "hard",
     "difficult", "easy", "time", "back", "obvious", "evident", "certain", "uncertain", "known", "unknown", "worth",
     "too", "so", "enough", "up", "now", "here", "there", "about", "because", "as", "same", "different", "early", "late"}
)
# Verbs whose subject "it" is usually no actor ("it seems", "it remains to be seen"), or is a
# thing whose parts or sense they give ("It includes calling for an end to the bombing": a plan).
EXPLETIVE_HEADS = frozenset({"be", "seem", "appear", "remain", "happen", "take", "matter", "look", "become", "include",
                             "involve", "contain", "comprise", "mean", "entail", "cost"})
# Nouns that, with "the" and no owner, mean the institution of the state in focus.
STATE_BODIES = frozenset({"government", "regime", "administration", "army", "military", "police", "navy", "cabinet", "ministry", "parliament", "congress", "junta", "authority", "court", "policeman", "policewoman", "police officer", "riot police", "security force", "troop", "soldier"})
# State bodies that still act as their sector when the text names no country for them.
UNOWNED_SECTORS = frozenset({"COP", "MIL", "JUD"})
# Sectors whose bodies a definite noun refers back to whatever their kind ("the court": a national
# court of kind government or an international one of kind organisation).
BODY_SECTORS = frozenset({"JUD"})
NON_PERSON_SINGULAR = frozenset({"country", "government", "organization", "armed_group", "party", "military", "police"})
# Kinds of body a role can be held in that "the group" or "the movement" may point back to.
GROUP_KINDS = frozenset({"armed_group", "party", "organization"})


@lru_cache(maxsize=1)
def _gender_detector():  # type: ignore[no-untyped-def]
    import gender_guesser.detector as gender

    return gender.Detector(case_sensitive=False)


def first_name_gender(name: str) -> str | None:
    words = name.split()
    if len(words) < 2:
        return None
    guess = _gender_detector().get_gender(words[0])
    return {"male": "m", "mostly_male": "m", "female": "f", "mostly_female": "f"}.get(guess)


class Coreference:
    """Resolves, in text order, every mention whose identity depends on earlier ones."""

    def __init__(self, doc: Doc, mentions: list[Mention], resolver: Resolver, dictionary: ActorDictionary, grammar: Grammar):
        self.context = Antecedents(doc, mentions)
        self.countries = CountriesInFocus(self.context, grammar, resolver.is_locative)
        self.doc = doc
        self.mentions = mentions
        self.resolver = resolver
        self.dictionary = dictionary
        self.grammar = grammar
        self.sentence_of = self.context.sentence_of

    # -- names -------------------------------------------------------------------------

    def link_names(self, extra: list[Mention] | None = None) -> None:
        """Surnames and short forms take the identity of the full name used in the article."""
        pool = self.mentions + (extra or [])
        people = [m for m in pool if m.kind == "person" and m.identity is not None]
        full: dict[str, Identity] = {}
        for mention in people:
            assert mention.identity is not None
            for key in surname_keys(mention.identity.name, mention.identity.country):
                if len(mention.identity.name.split()) > 1:
                    full.setdefault(key, mention.identity)
        for mention in people:
            assert mention.identity is not None
            name = mention.identity.name
            if len(name.split()) > 1 or mention.identity.entry:
                continue
            found = full.get(normalise(name)) or self._dictionary_surname(name)
            if found is not None:
                mention.identity = _merge(found, mention.identity)
        for mention in pool:
            # NER sometimes labels a surname GPE or ORG ("the regime of Assad", "Lavrov said")
            unknown = mention.identity is None or (not mention.entries and mention.identity.kind == "organization")
            if unknown and mention.kind == "name" and mention.end - mention.start == 1:
                word = self.doc[mention.start].text
                found = full.get(normalise(word)) or (self._dictionary_surname(word) if word[:1].isupper() else None)
                if found is not None:
                    mention.identity = found
                    mention.kind = "person"
        for mention in people:
            assert mention.identity is not None
            if mention.identity.gender is None:
                mention.identity = mention.identity.with_details(gender=first_name_gender(mention.identity.name))

    def _dictionary_surname(self, surname: str) -> Identity | None:
        holders = self.dictionary.people_by_surname(surname, on=self.resolver.day)
        active = [e for e in holders if e.active_on(self.resolver.day)]
        ids = {e.id for e in active}
        if len(ids) != 1:
            return None
        found = ident.from_entry(active[0])
        return found.with_details(key=f"person:{active[0].id.split(':', 1)[-1]}")

    # -- pronouns and descriptions -----------------------------------------------------

    def resolve_in_order(self) -> None:
        for mention in self.mentions:
            if mention.kind in ("agent", "description") and self._named_right_after(mention):
                continue
            if mention.identity is not None:
                if mention.kind == "agent" and mention.definite and not mention.owners and _anonymous(mention.identity):
                    self._person_by_role(mention)
                continue
            if mention.kind == "pronoun":
                self._pronoun(mention)
            elif mention.kind in ("agent", "description"):
                self._description(mention)

    def _named_right_after(self, mention: Mention) -> bool:
        """ "the group Islamic State of Iraq and Syria": the name that follows is who it is."""
        if not mention.definite or mention.owners:
            return False
        for other in self.mentions:
            if other.start == mention.end and other.kind in ("name", "person") and other.identity is not None:
                mention.identity = other.identity
                mention.antecedents = (other,)
                return True
            if other.start > mention.end:
                break
        return False

    def _person_by_role(self, mention: Mention) -> None:
        """ "the official said": the person introduced earlier as "a department official"."""
        noun = self.doc[mention.head].lemma_.lower()

        def same_role(i: Identity) -> bool:
            return i.kind == "person" and not i.plural and bool(i.role) and noun in (i.role or "").lower()

        found = self.context.antecedent(mention.start, same_role, window=ROLE_WINDOW_SENTENCES)
        if found is not None and found.identity is not None:
            mention.identity = found.identity
            mention.antecedents = (found,)

    def _pronoun(self, mention: Mention) -> None:
        token = self.doc[mention.head]
        if token.lower_ == "it" and _expletive(token):
            return  # "it is clear that …", "it remains to be seen"
        plural, gender, _ = PRONOUNS[token.lower_]
        if gender is not None:
            wanted: Callable[[Identity], bool] = lambda i: i.kind == "person" and i.gender in (gender, None)  # noqa: E731
        elif plural:
            wanted = lambda i: i.plural or i.kind in NON_PERSON_SINGULAR  # noqa: E731
        else:
            wanted = lambda i: i.kind in NON_PERSON_SINGULAR and not i.plural  # noqa: E731
        coargument = _clause_subjects(token)
        found = self.context.antecedent(mention.start, wanted, eligible=lambda m: m.head not in coargument)
        if plural and gender is None:
            people = self.context.coordination_before(mention.start, {"person"})
            if people and (found is None or people[0].start > found.start):
                found = people[0]  # "Obama and Putin said they …": the two people together
        if found is not None:
            mention.antecedents = self.context.with_coordinated(found) if plural else (found,)
            mention.identity = found.identity

    def _description(self, mention: Mention) -> None:
        if mention.owner_pronoun is not None:
            owner = self._owner_from_reference(mention)
            if owner is not None:
                mention.owners.append(owner)
            if self.resolver.resolve_agent(mention):
                return
        agent = mention.agent
        if agent is not None and agent.kind == "person":
            return
        if agent is not None and mention.plural and self._members_of_a_body(mention):
            return
        kinds = self.grammar.group_nouns.get(self.doc[mention.head].lemma_.lower(), frozenset())
        if agent is not None:
            kinds = kinds | {agent.kind}
        if mention.plural and self.doc[mention.start].lower_ in ("both", "the", "these", "those", "all"):
            members = self.context.coordination_before(mention.start, kinds | {"country", "government"})
            if members:
                mention.identity = members[0].identity
                mention.antecedents = members
                return
        sector = self.resolver.sector_modifier(mention) if agent is None else None
        if sector is not None and (mention.owners or not mention.definite):
            self._body_of_a_sector(mention, sector)  # "a Kenyan opposition group" refers back to nobody
            return
        state_body = agent is not None and self._state_body(mention)
        if not mention.definite and not state_body:
            return
        # "the court" after "the International Criminal Court": any court named before, whatever its kind
        same_body = agent is not None and agent.sector in BODY_SECTORS
        # "the judges" after "protesters": a crowd refers back only to a crowd of its own sector
        crowd_sector = agent.sector if agent is not None and agent.kind == "population" and agent.sector not in (None, "UNK") else None
        wanted = lambda i: (i.kind in kinds and (sector is None or i.sector == sector.sector)  # noqa: E731
                            and (crowd_sector is None or i.sector in (crowd_sector, None))) or (
            same_body and i.kind != "person" and i.sector == agent.sector)  # type: ignore[union-attr]
        found = self.context.antecedent(mention.start, wanted) if mention.definite else None
        if found is None and mention.definite:
            found = self._group_owning_a_role(mention.start, wanted)
        if found is not None and found.identity is not None:
            mention.identity = found.identity
            mention.antecedents = (found,)
            return
        if sector is not None:
            self._body_of_a_sector(mention, sector)
            return
        if agent is None or not state_body:
            return  # "the same forces" may be anyone's; "the army" is the state's
        country = self.countries.country_in_focus(mention)
        if country is not None:
            mention.identity = ident.institution(country, self.resolver._country_name(country), agent.sector, agent.kind, agent.noun)
        elif agent.sector in UNOWNED_SECTORS:
            # "police fired tear gas" where no country is in view: still the police (CAMEO ---COP)
            mention.identity = ident.institution(None, None, agent.sector, agent.kind, agent.noun)

    def _group_owning_a_role(self, position: int, wanted: Callable[[Identity], bool]) -> Mention | None:
        """ "A Taliban spokesman said the group attacked the base": the group named only as the
        owner of a role just before is who "the group" is, when nothing else fits."""
        owners = [o for m in self.context.mentions if m.end <= position for o in m.owners
                  if o.identity is not None and o.identity.kind in GROUP_KINDS and wanted(o.identity)]
        return owners[-1] if owners else None

    def _members_of_a_body(self, mention: Mention) -> bool:
        """ "Leaders of the opposition coalition", "members of the rebel group": people named by
        their place in a body written after them act as that body, as "Hamas fighters" are Hamas.
        Only a body that is not a state: "officials of Iran" are owned by their country instead."""
        for prep in self.doc[mention.head].rights:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for body in (m for m in self.mentions if m.head in {o.i for o in prep.children if o.dep_ == "pobj"}):
                if body.identity is None and body.kind in ("agent", "description"):
                    self._description(body)
                if body.identity is not None and body.identity.kind in MEMBER_KINDS:
                    mention.identity = body.identity
                    mention.antecedents = (body,)
                    return True
        return False

    def _body_of_a_sector(self, mention: Mention, sector: AgentNoun) -> None:
        """ "the opposition coalition", "a rebel alliance": a body noun led by a noun that names a
        sector of the population is a body of that sector, when no such body was named before it."""
        lemma = self.doc[mention.head].lemma_.lower()
        mention.agent = AgentNoun(noun=lemma, plural=lemma + "s", kind=sector.kind, sector=sector.sector, needs_owner=False)
        if not self.resolver.resolve_agent(mention):
            mention.agent = None

    def _state_body(self, mention: Mention) -> bool:
        """A body only a state has: "the army", "riot police", "security forces" (not "the forces"),
        and any body the state itself is written before ("government forces", "regime troops")."""
        head = self.doc[mention.head]
        modifiers = [c.lemma_.lower() for c in head.lefts if c.dep_ == "compound"]
        phrase = " ".join([*modifiers, head.lemma_.lower()])
        of_the_state = any(m in STATE_NOUNS for m in modifiers)
        # bare "officers" beating protesters are police (the agent noun's sector); "army officers",
        # "chief executive officer" or "press officer" are left to their modifiers
        bare_officers = head.lemma_.lower() == "officer" and head.tag_ == "NNS" and not any(
            c.dep_ in ("compound", "amod", "nmod", "poss") for c in head.lefts)
        return bool(mention.agent and mention.agent.noun in STATE_BODIES) or phrase in STATE_BODIES or of_the_state \
            or bare_officers

    def _owner_from_reference(self, mention: Mention) -> Mention | None:
        """Owner of "its forces" / "regime forces" / "a department official"."""
        assert mention.owner_pronoun is not None
        token = self.doc[mention.owner_pronoun]
        word = token.lemma_.lower()
        if word in ("his", "her"):
            return self.context.antecedent(mention.owner_pronoun, lambda i: i.kind == "person")
        coordinated = self._conjunct_before(mention)
        if coordinated is not None and word in ("its", "their"):
            return coordinated  # "the Sharif government and its security forces"
        if word in self.grammar.group_nouns and token.dep_ == "compound":
            named = lambda i: word in i.name.lower() and i.kind != "person"  # noqa: E731
            return self.context.antecedent(mention.owner_pronoun, named, window=ROLE_WINDOW_SENTENCES)
        if word in STATE_BODIES:
            # "government forces": the government named before, else the country in focus
            found = self.context.antecedent(mention.owner_pronoun, lambda i: i.kind == "government")
            return found or self.context.antecedent(mention.owner_pronoun, lambda i: i.kind == "country")
        # "Croatian Serbs said their forces …": a people of a country owns what "their" points to as well
        return self.context.antecedent(mention.owner_pronoun, lambda i: i.country is not None and (
            i.kind in NON_PERSON_SINGULAR or (word == "their" and i.kind == "population" and i.plural)))

    def _conjunct_before(self, mention: Mention) -> Mention | None:
        head = self.doc[mention.head]
        if head.dep_ != "conj":
            return None
        for other in self.mentions:
            if other.head == head.head.i and other.identity is not None:
                return other
        return None

    # -- countries from context ----------------------------------------------------------

    def infer_countries(self) -> None:
        """Give state officials with no country named the state the passage is about.

        The rules are :meth:`newsgraph.actors.countries.CountriesInFocus.infer_countries`.
        """
        self.countries.infer_countries()

    # -- appositions and introductions -------------------------------------------------

    def merge_descriptions(self) -> None:
        """Fold role descriptions into the named person they describe (apposition or next mention)."""
        for description in self.mentions:
            identity = description.identity
            if description.kind != "agent" or identity is None or identity.kind != "person" or not identity.key.startswith("anon:"):
                continue
            if description.plural:
                continue  # "female MPs" describe several people, not the one named next
            named = self._apposed_person(description) or self._introduced_person(description)
            if named is None or named.identity is None:
                continue
            merged = _merge(named.identity, identity, prefer_role=True)
            for mention in self.mentions:
                if mention.identity is not None and mention.identity.key in (identity.key, named.identity.key):
                    mention.identity = merged

    def _apposed_person(self, description: Mention) -> Mention | None:
        """ "Staffan de Mistura, the UN envoy": the person right before a comma and an apposition."""
        head = self.doc[description.head]
        for mention in self.mentions:
            if mention.kind != "person" or mention.identity is None:
                continue
            other = self.doc[mention.head]
            if (head.dep_ == "appos" and head.head.i == other.i) or (other.dep_ == "appos" and other.head.i == head.i):
                return mention
            adjacent = mention.end < len(self.doc) and self.doc[mention.end].text == "," and mention.end + 1 == description.start
            if adjacent and head.dep_ == "appos":
                return mention  # the parser hung the apposition on an earlier conjunct
        return None

    def _introduced_person(self, description: Mention) -> Mention | None:
        """ "the deputy chairman of X said …" then "General Y told reporters": Y is the chairman."""
        if not description.definite or not description.owners:
            return None
        assert description.identity is not None
        start = self.sentence_of[description.head]
        for mention in self.mentions:
            if mention.start <= description.end or mention.kind != "person" or mention.identity is None:
                continue
            if self.sentence_of[mention.head] - start > CATAPHORA_SENTENCES:
                return None
            if _compatible(mention.identity, description.identity):
                return mention
        return None


def _clause_subjects(pronoun) -> set[int]:  # type: ignore[no-untyped-def]
    """Heads of the subject of the clause whose object ``pronoun`` is, or is in ("the sentries
    killed one of them"): a plain pronoun there never means its own clause's subject, which
    would be "themselves" (binding)."""
    if pronoun.dep_ in ("nsubj", "nsubjpass", "poss") or pronoun.lower_.endswith(("self", "selves")):
        return set()
    verb = pronoun
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return set()
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return {t.i for s in subjects for t in (s, *s.conjuncts)}


def _expletive(token) -> bool:  # type: ignore[no-untyped-def]
    """ "it" with nothing to refer to: "it is clear that", "it seems", "it is back to the same"."""
    if token.dep_ == "expl":
        return True
    head = token.head
    if head.lemma_ in EXPLETIVE_HEADS and head.lemma_ != "be":
        return True
    if head.lemma_ != "be":
        return False
    predicates = [c for c in head.children if c.dep_ in ("acomp", "attr", "advmod")]
    if any(c.lemma_.lower() in EXPLETIVE_PREDICATES for c in predicates):
        return True
    return any(c.dep_ in ("ccomp", "csubj") for c in head.children) and not any(c.dep_ == "acomp" for c in head.children)


def _anonymous(identity: Identity) -> bool:
    return identity.key.startswith("anon:")


def _compatible(named: Identity, described: Identity) -> bool:
    if named.entry:
        return False  # a dictionary person is already fully known
    for a, b in ((named.country, described.country), (named.sector, described.sector)):
        if a and b and a != b:
            return False
    return True


def _merge(main: Identity, extra: Identity, prefer_role: bool = False) -> Identity:
    """``main``'s identity, with what ``extra`` knows and ``main`` does not."""
    role = (extra.role or main.role) if prefer_role else (main.role or extra.role)
    country = main.country or extra.country
    sector = main.sector or extra.sector
    cameo = main.cameo if main.country and main.sector else ident.compose_cameo(country, sector)
    return main.with_details(role=role, country=country, sector=sector, cameo=cameo, gender=main.gender or extra.gender)
