"""In-article coreference by rules: surnames, pronouns, descriptions, appositions.

No neural coreference model can be installed here (PLATFORM.md), and news prose is regular
enough for rules on the parse: a surname points to the full name used elsewhere in the
article; "he"/"she" to the most salient person of matching gender (subjects first, nearest
sentence first); "it"/"its" to the nearest state or organisation; "the group" to the
nearest armed group; "the regime" to the government just named; a role alone ("the
official") to the person introduced with that role; and a description such as "the deputy
chairman of Egypt's Supreme Council of the Armed Forces" to the compatible named person who follows it.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from newsgraph.actors import identity as ident
from newsgraph.actors.dictionary import ActorDictionary
from newsgraph.actors.grammar import Grammar
from newsgraph.actors.identity import Identity
from newsgraph.actors.mentions import PRONOUNS, Mention
from newsgraph.actors.normalise import normalise, surname_keys
from newsgraph.actors.owners import STATE_NOUNS
from newsgraph.actors.resolve import STATE_SECTORS, Resolver

if TYPE_CHECKING:
    from spacy.tokens import Doc

# How far back (in sentences) a pronoun or description may look for its antecedent.
WINDOW_SENTENCES = 4
# How far back "the official" may look for the person introduced by that role.
ROLE_WINDOW_SENTENCES = 8
# How far ahead a description may look for the named person it introduces.
CATAPHORA_SENTENCES = 4
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# Predicates of "it is …" with nothing referred to ("it is clear that", "it is back to the same").
EXPLETIVE_PREDICATES = frozenset(
    {"clear", "unclear", "possible", "impossible", "likely", "unlikely", "important", "necessary", "true", "hard",
     "difficult", "easy", "time", "back", "obvious", "evident", "certain", "uncertain", "known", "unknown", "worth",
     "too", "so", "enough", "up", "now", "here", "there", "about", "because", "as", "same", "different", "early", "late"}
)
# Verbs whose subject "it" is usually no actor ("it seems", "it remains to be seen").
EXPLETIVE_HEADS = frozenset({"be", "seem", "appear", "remain", "happen", "take", "matter", "look", "become"})
# Nouns that, with "the" and no owner, mean the institution of the state in focus.
STATE_BODIES = frozenset({"government", "regime", "administration", "army", "military", "police", "navy", "cabinet", "ministry", "parliament", "congress", "junta", "authority", "policeman", "policewoman", "police officer", "riot police", "security force", "troop", "soldier"})
# State bodies that still act as their sector when the text names no country for them.
UNOWNED_SECTORS = frozenset({"COP", "MIL"})
# Nouns a country's name is compounded onto as their topic, not their owner ("the Iraq war",
# "the Iran deal"); "a British party canvasser" is the party's.
TOPIC_NOUNS = frozenset(
    {"war", "conflict", "crisis", "invasion", "occupation", "deal", "agreement", "accord", "inquiry", "issue", "question",
     "dossier", "debate", "policy", "sanctions", "embargo", "situation", "file", "problem", "dispute", "row", "affair"}
)
# A place name read for the state in view must be this populous in the gazetteer, so that a
# village sharing a name with a region ("Wales", South Africa) does not decide whose police act.
PLACE_POPULATION = 100_000
NON_PERSON_SINGULAR = frozenset({"country", "government", "organization", "armed_group", "party", "military", "police"})


def _speaks_for_a_state(found: Identity) -> bool:
    """A country, its government, or one of its office holders ("Obama" names the US as well)."""
    if found.country is None:
        return False
    return found.kind in ("country", "government") or (found.kind == "person" and found.sector in STATE_SECTORS)


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
        self.doc = doc
        self.mentions = mentions
        self.resolver = resolver
        self.dictionary = dictionary
        self.grammar = grammar
        self.sentence_of = [0] * len(doc)
        for number, sent in enumerate(doc.sents):
            for i in range(sent.start, sent.end):
                self.sentence_of[i] = number

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

        found = self._antecedent(mention.start, same_role, window=ROLE_WINDOW_SENTENCES)
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
        found = self._antecedent(mention.start, wanted)
        if plural and gender is None:
            people = self._coordination_before(mention.start, {"person"})
            if people and (found is None or people[0].start > found.start):
                found = people[0]  # "Obama and Putin said they …": the two people together
        if found is not None:
            mention.antecedents = self._with_coordinated(found) if plural else (found,)
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
        kinds = self.grammar.group_nouns.get(self.doc[mention.head].lemma_.lower(), frozenset())
        if agent is not None:
            kinds = kinds | {agent.kind}
        if mention.plural and self.doc[mention.start].lower_ in ("both", "the", "these", "those", "all"):
            members = self._coordination_before(mention.start, kinds | {"country", "government"})
            if members:
                mention.identity = members[0].identity
                mention.antecedents = members
                return
        state_body = agent is not None and self._state_body(mention)
        if not mention.definite and not state_body:
            return
        found = self._antecedent(mention.start, lambda i: i.kind in kinds) if mention.definite else None
        if found is not None and found.identity is not None:
            mention.identity = found.identity
            mention.antecedents = (found,)
            return
        if agent is None or not state_body:
            return  # "the same forces" may be anyone's; "the army" is the state's
        country = self._country_in_focus(mention)
        if country is not None:
            mention.identity = ident.institution(country, self.resolver._country_name(country), agent.sector, agent.kind, agent.noun)
        elif agent.sector in UNOWNED_SECTORS:
            # "police fired tear gas" where no country is in view: still the police (CAMEO ---COP)
            mention.identity = ident.institution(None, None, agent.sector, agent.kind, agent.noun)

    def _state_body(self, mention: Mention) -> bool:
        """A body only a state has: "the army", "riot police", "security forces" (not "the forces"),
        and any body the state itself is written before ("government forces", "regime troops")."""
        head = self.doc[mention.head]
        modifiers = [c.lemma_.lower() for c in head.lefts if c.dep_ == "compound"]
        phrase = " ".join([*modifiers, head.lemma_.lower()])
        of_the_state = any(m in STATE_NOUNS for m in modifiers)
        return bool(mention.agent and mention.agent.noun in STATE_BODIES) or phrase in STATE_BODIES or of_the_state

    def _country_in_focus(self, mention: Mention) -> str | None:
        """Whose police or army an unowned "police" / "the authorities" are.

        The one country named in the same sentence ("Police in Caracas, Venezuela"), by a state,
        its officials or a national party ("police are investigating a British National Party
        leaflet"); else the state named most recently, or whose office holder was ("Obama …
        pressured by congress"), else the article's dominant country (over half of its country
        mentions) — unless the sentence's own places all lie in one other country ("homes in
        south Wales" after a paragraph on Iraq): what the sentence says wins over a country named
        before. Places alone decide nothing (a place is where, not who); they only correct a
        country carried over from earlier. None when the text does not say.
        """
        here = self.sentence_of[mention.head]
        same = {m.identity.country for m in self.mentions if m.identity is not None and m.identity.country
                and (m.identity.kind in ("country", "government", "party") or m.identity.sector in STATE_SECTORS | {"PTY"})
                and self.sentence_of[m.head] == here and not self._only_a_base(m)  # "…, an Ethiopian official said"
                and not self._topic_of_a_noun(m)}  # "resigned from the government over the Iraq war"
        if len(same) == 1:
            return same.pop()
        earlier = self._country_named_before(mention)
        places = self._countries_of_places(here) if not same and earlier is not None else set()
        return places.pop() if len(places) == 1 else earlier

    def _country_named_before(self, mention: Mention) -> str | None:
        """The state named most recently (or whose office holder was), else the article's dominant country."""
        state = self._antecedent(mention.start, _speaks_for_a_state, eligible=lambda m: not self._topic_of_a_noun(m))
        if state is not None and state.identity is not None:
            return state.identity.country
        counts: dict[str, int] = {}
        for m in self.mentions:
            if m.identity is not None and m.identity.kind in ("country", "government") and m.identity.country \
                    and not self._only_a_base(m) and not self._topic_of_a_noun(m):
                counts[m.identity.country] = counts.get(m.identity.country, 0) + 1
        if counts:
            top, n = max(counts.items(), key=lambda kv: kv[1])
            if n * 2 > sum(counts.values()):
                return top
        return None

    def _countries_of_places(self, sentence: int) -> set[str]:
        """Countries of the places a sentence names and no actor took ("homes in south Wales"):
        each place's most populous namesake in the gazetteer, if it is big enough to be the one
        meant (PLACE_POPULATION)."""
        from newsgraph.places.gazetteer import gazetteer  # built data, read-only here

        taken = {i for m in self.mentions for i in m.tokens()}
        gaz = gazetteer()
        found: set[str] = set()
        for ent in self.doc.ents:
            if ent.label_ not in ("GPE", "LOC") or self.sentence_of[ent.start] != sentence or ent.start in taken:
                continue
            matches = [m.entry for m in gaz.find(ent.text) if m.primary]
            top = max(matches, key=lambda e: e.population, default=None)
            country = gaz.iso3(top.cc) if top is not None and top.population >= PLACE_POPULATION else None
            if country is not None:
                found.add(country)
        return found

    def _only_a_base(self, mention: Mention) -> bool:
        """'a UK-based group', 'the London-based monitor': where someone sits, not whose state acts."""
        head = self.doc[mention.head]
        return head.head.lower_ == "based" or (mention.end + 1 < len(self.doc) and self.doc[mention.end + 1].lower_ == "based")

    def _coordination_before(self, position: int, kinds: frozenset[str] | set[str]) -> tuple[Mention, ...]:
        """ "The US and Iran … both governments": the nearest coordination of such actors."""
        for candidate in reversed(self.mentions):
            if candidate.end > position or candidate.identity is None or candidate.identity.kind not in kinds:
                continue
            if self.sentence_of[position] - self.sentence_of[candidate.head] > 1:
                return ()
            members = self._with_coordinated(candidate)
            if len(members) > 1:
                return members
        return ()

    def _owner_from_reference(self, mention: Mention) -> Mention | None:
        """Owner of "its forces" / "regime forces" / "a department official"."""
        assert mention.owner_pronoun is not None
        token = self.doc[mention.owner_pronoun]
        word = token.lemma_.lower()
        if word in ("his", "her"):
            return self._antecedent(mention.owner_pronoun, lambda i: i.kind == "person")
        coordinated = self._conjunct_before(mention)
        if coordinated is not None and word in ("its", "their"):
            return coordinated  # "the Sharif government and its security forces"
        if word in self.grammar.group_nouns and token.dep_ == "compound":
            named = lambda i: word in i.name.lower() and i.kind != "person"  # noqa: E731
            return self._antecedent(mention.owner_pronoun, named, window=ROLE_WINDOW_SENTENCES)
        if word in STATE_BODIES:
            # "government forces": the government named before, else the country in focus
            found = self._antecedent(mention.owner_pronoun, lambda i: i.kind == "government")
            return found or self._antecedent(mention.owner_pronoun, lambda i: i.kind == "country")
        return self._antecedent(mention.owner_pronoun, lambda i: i.kind in NON_PERSON_SINGULAR and i.country is not None)

    def _conjunct_before(self, mention: Mention) -> Mention | None:
        head = self.doc[mention.head]
        if head.dep_ != "conj":
            return None
        for other in self.mentions:
            if other.head == head.head.i and other.identity is not None:
                return other
        return None

    def _antecedent(self, position: int, wanted: Callable[[Identity], bool], window: int = WINDOW_SENTENCES,
                    eligible: Callable[[Mention], bool] | None = None) -> Mention | None:
        """The most salient earlier mention whose identity passes ``wanted`` (and which, where
        ``eligible`` is given, stands where that test allows)."""
        here = self.sentence_of[position]
        best: tuple[float, Mention] | None = None
        for candidate in self.mentions:
            if candidate.end > position:
                break
            if candidate.identity is None or not wanted(candidate.identity) or self._only_a_base(candidate):
                continue
            if eligible is not None and not eligible(candidate):
                continue
            distance = here - self.sentence_of[candidate.head]
            if distance > window:
                continue
            score = -10.0 * distance + (4.0 if self.doc[candidate.head].dep_ in SUBJECT_DEPS else 0.0)
            score += candidate.start / max(1, len(self.doc))  # nearer wins a tie
            if best is None or score >= best[0]:
                best = (score, candidate)
        return best[1] if best else None

    def _with_coordinated(self, found: Mention) -> tuple[Mention, ...]:
        """ "The US and Iran … their backing": a plural pronoun takes the whole coordination."""
        head = self.doc[found.head]
        group = {head.i} | {t.i for t in head.conjuncts}
        members = tuple(m for m in self.mentions if m.head in group and m.identity is not None)
        return members if len(members) > 1 else (found,)

    # -- countries from context ----------------------------------------------------------

    def infer_countries(self) -> None:
        """A state official with no country named belongs to the state the passage is about.

        "The Iranian government issued a curt response … a Foreign Ministry spokeswoman
        responded": the spokeswoman is Iranian. Only officials of state sectors are inferred,
        only from a government or country in the same or the previous sentence, and only in the
        sentence that introduces the actor ("King Hassan of Morocco … he"): "Ex-Labour MP George
        Galloway …" then "… operations in Iraq. Mr Galloway …" does not make the MP Iraqi, the
        passage that turned to Iraq being about someone else. A country that is only the topic of
        a noun ("his opposition to the war on Iraq", "the Iraq war") is no state in view either.
        """
        introduced: dict[str, int] = {}
        for mention in self.mentions:
            identity = mention.identity
            if identity is None:
                continue
            sentence = self.sentence_of[mention.head]
            if introduced.setdefault(identity.key, sentence) != sentence:
                continue
            if identity.country or identity.sector not in STATE_SECTORS:
                continue
            if identity.kind not in ("person", "organization") or identity.entry:
                continue
            state = self._antecedent(mention.start, lambda i: i.country is not None and i.kind in ("government", "country"),
                                     window=1, eligible=lambda m: not self._topic_of_a_noun(m))
            if state is None or state.identity is None:
                continue
            country = state.identity.country
            updated = identity.with_details(country=country, cameo=ident.compose_cameo(country, identity.sector))
            for other in self.mentions:
                if other.identity is not None and other.identity.key == identity.key:
                    other.identity = updated

    def _topic_of_a_noun(self, mention: Mention) -> bool:
        """ "the war on Iraq", "talks with Iran", "sanctions against Syria": a name in a noun's
        prepositional object other than a place ("groups in Zimbabwe") or an "of" owner ("King
        Hassan of Morocco") is what the noun is about, not the state whose people act here."""
        token = self.doc[mention.head]
        while token.dep_ == "conj" and token.head.i != token.i:
            token = token.head  # "the war on Iraq and Syria"
        if token.dep_ == "compound" and token.head.lemma_.lower() in TOPIC_NOUNS:
            return True  # "the Iraq war", "the Iran deal": the name only says what the noun is about
        prep = token.head
        if token.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.pos_ not in ("NOUN", "PROPN"):
            return False
        return prep.lower_ != "of" and prep.lower_ not in self.grammar.locative_preps

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
