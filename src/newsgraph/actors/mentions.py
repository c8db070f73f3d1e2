"""Find the stretches of text that refer to actors, before deciding who they are.

Four sources, in priority order, so a token belongs to at most one mention:

1. **names** — dictionary matches and spaCy PERSON / ORG / GPE / NORP entities, the
   longer span winning an overlap ("Islamic State of Iraq and Syria" over NER's
   "Islamic State of Iraq");
2. **people with their titles** — a person's name grows leftwards over its title and the
   country before it ("US Secretary of State John Kerry", "Brigadier General …");
3. **agent noun phrases** — a noun phrase headed by an agent noun ("Iraqi forces",
   "a Foreign Ministry spokeswoman", "protesters"); names inside it become its *owner*
   instead of separate mentions ("Iraqi" in "Iraqi forces");
4. **pronouns and descriptions** — "he", "its", "the group", "the regime": resolved later
   by :mod:`newsgraph.actors.coref`.

How a person's mention grows over its title lives in :mod:`newsgraph.actors.titles`; which
names own a phrase, or only stand in a list beside it, in :mod:`newsgraph.actors.owners`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsgraph.actors.clauses import clause_taken_for_a_name, misread_verb, subject_of_misread_verb
from newsgraph.actors.dictionary import ActorDictionary
from newsgraph.actors.entries import AgentNoun, Entry, Title
from newsgraph.actors.grammar import DEFINITE, Grammar
from newsgraph.actors.identity import Identity
from newsgraph.actors.matcher import DictionaryMatcher
from newsgraph.actors.owners import (
    absorb_modifiers,
    absorb_of_owner,
    attach_possessors,
    list_of_names,
    patron,
    share_conjunct_owners,
)
from newsgraph.actors.titles import attach_titles, title_tail

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

ENTITY_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# Pronouns that can refer to actors: number, gender (None = any) and whether they are persons only.
PRONOUNS: dict[str, tuple[bool, str | None, bool]] = {
    "he": (False, "m", True),
    "him": (False, "m", True),
    "his": (False, "m", True),
    "himself": (False, "m", True),
    "she": (False, "f", True),
    "her": (False, "f", True),
    "hers": (False, "f", True),
    "herself": (False, "f", True),
    "it": (False, None, False),
    "its": (False, None, False),
    "itself": (False, None, False),
    "they": (True, None, False),
    "them": (True, None, False),
    "their": (True, None, False),
    "theirs": (True, None, False),
    "themselves": (True, None, False),
}
# Dependency labels of a noun's modifiers that belong inside its noun phrase.
NP_MODIFIERS = frozenset({"det", "amod", "compound", "poss", "nummod", "quantmod", "nmod", "case", "advmod", "predet"})
# Bodies a "civilian" modifier sets against military rule, not against the state ("civilian government").
CIVILIAN_RULE = frozenset({"government", "administration", "rule", "authority", "cabinet", "regime", "leadership"})
# The body several people of a sector make up ("commanders" of the army are the military).
ARMED = frozenset({"armed", "masked", "hooded", "uniformed", "unidentified"})  # on "men": an armed actor
ARMED_SUFFIXES = ("wielding", "toting")  # "gun-wielding herdsmen", "machete-wielding youths" (one token or three)
COLLECTIVE_KIND = {"MIL": "military", "COP": "police", "GOV": "government", "REB": "armed_group", "PTY": "party"}


@dataclass(eq=False)
class Mention:
    """A stretch of tokens [start, end) that refers to an actor; ``head`` is its main token."""

    start: int
    end: int
    head: int
    kind: str  # name | person | agent | pronoun | description
    label: str | None = None
    entries: tuple[Entry, ...] = ()
    agent: AgentNoun | None = None
    title: Title | None = None
    role_words: str | None = None
    role_sector: str | None = None
    owners: list[Mention] = field(default_factory=list)  # names absorbed as modifiers / "of" objects
    patron: Mention | None = None  # whom an armed body is loyal to ("forces loyal to Haftar"): not its owner
    owner_pronoun: int | None = None  # token index of a possessive pronoun owner ("its forces")
    identity: Identity | None = None
    antecedents: tuple[Mention, ...] = ()
    plural: bool = False
    gender: str | None = None
    definite: bool = False
    name_start: int | None = None  # where the bare name starts inside a titled person mention

    def tokens(self) -> range:
        return range(self.start, self.end)


def collect_mentions(doc: Doc, dictionary: ActorDictionary, matcher: DictionaryMatcher, grammar: Grammar) -> list[Mention]:
    names = _name_mentions(doc, matcher, dictionary)
    taken = _taken(names, len(doc))
    attach_titles(doc, names, taken, dictionary, grammar)
    attach_possessors(doc, names, taken)
    agents = _agent_mentions(doc, names, taken, dictionary, grammar)
    share_conjunct_owners(doc, agents)
    pronouns = _pronoun_mentions(doc, taken)
    mentions = names + agents + pronouns
    mentions.sort(key=lambda m: m.start)
    return mentions


def _closed_bracket(doc: Doc, start: int, end: int) -> int:
    """End of a name NER cut inside its brackets: "Homeland Union (Conservatives" takes its ")"."""
    words = [t.text for t in doc[start:end]]
    if words.count("(") > words.count(")") and end < len(doc) and doc[end].text == ")":
        return end + 1
    return end


def _name_mentions(doc: Doc, matcher: DictionaryMatcher, dictionary: ActorDictionary) -> list[Mention]:
    candidates: list[Mention] = []
    for match in matcher.matches(doc):
        candidates.append(Mention(match.start, match.end, doc[match.start : match.end].root.i, "name", entries=match.entries))
    matched = list(candidates)
    for ent in doc.ents:
        if ent.label_ in ENTITY_LABELS:
            start, end = _strip_determiner(doc, ent.start, ent.end)
            end = _closed_bracket(doc, start, end)
            span = doc[start:end]
            if list_of_names(doc, start, end, matched) or _common_words_as_name(span, ent.label_, dictionary) \
                    or clause_taken_for_a_name(span, dictionary):
                continue  # a list of known names; common words ("golden geese" as NORP); a clause: no name
            candidates.append(Mention(start, end, doc[start:end].root.i, "name", label=ent.label_))
    candidates.extend(_missed_demonyms(doc, candidates, dictionary))
    candidates.extend(_missed_capitals(doc, candidates, dictionary))
    candidates.sort(key=lambda m: (m.start, -(m.end - m.start), 0 if m.entries else 1))
    kept: list[Mention] = []
    for cand in candidates:
        overlapping = [k for k in kept if k.start < cand.end and cand.start < k.end]
        if not overlapping:
            kept.append(cand)
            continue
        for other in overlapping:
            if (other.start, other.end) == (cand.start, cand.end):
                other.label = other.label or cand.label
                other.entries = other.entries or cand.entries
            elif other.entries and not other.label and cand.label:
                # NER's label still tells what kind of thing a matched name is
                other.label = cand.label
    kept = _nationality_joined_to_its_people(doc, kept, dictionary)
    for mention in kept:
        if mention.label is None:
            mention.label = _entity_label_at(doc, mention.head)
        if _capital_taken_for_a_person(doc, mention, dictionary):
            mention.label = "GPE"
        elif _demonym_taken_for_a_person(doc, mention, dictionary):
            mention.label = "NORP"
    return kept


def _nationality_joined_to_its_people(doc: Doc, kept: list[Mention], dictionary: ActorDictionary) -> list[Mention]:
    """ "Lebanese Kurds": NER sometimes splits a people named by nationality into two nationalities.
    A demonym modifying a plural people's name right after it is one name with it, as
    "Croatian Serbs" is when NER keeps it whole: the people of that country."""
    joined: list[Mention] = []
    for mention in kept:
        before = joined[-1] if joined else None
        head = doc[mention.head]
        if before is not None and before.end == mention.start and before.end - before.start == 1 and not mention.entries \
                and not before.entries and mention.label == "NORP" and head.tag_ in ("NNPS", "NNS") \
                and doc[before.head].dep_ in ("amod", "compound") and doc[before.head].head.i == head.i \
                and dictionary.country_by_demonym(doc[before.start].text) is not None:
            joined[-1] = Mention(before.start, mention.end, mention.head, "name", label="NORP")
            continue
        joined.append(mention)
    return joined


def _capital_taken_for_a_person(doc: Doc, mention: Mention, dictionary: ActorDictionary) -> bool:
    """The small model calls some capitals people ("Kiev received aid"). A bare name the dictionary
    knows as a capital and as nobody is the city, which then acts for its government or stays a place."""
    if mention.label != "PERSON" or any(e.table == "person" for e in mention.entries):
        return False
    return dictionary.country_by_capital(doc[mention.start : mention.end].text) is not None


def _demonym_taken_for_a_person(doc: Doc, mention: Mention, dictionary: ActorDictionary) -> bool:
    """The small model calls some nationalities people ("Bangladeshi troops"). A word the
    dictionary knows as a nationality and as nobody is the nationality."""
    if mention.label != "PERSON" or any(e.table == "person" for e in mention.entries):
        return False
    return dictionary.country_by_demonym(doc[mention.start : mention.end].text) is not None


def _common_words_as_name(span: Span, label: str, dictionary: ActorDictionary) -> bool:
    """The small model calls some lower-case common nouns a nationality ("geese") or an
    organisation ("pressured by congress"). Lower-case text still names people and states
    ("President obama", "tunisian rioters"), so only a NORP that is all lower case and no known
    demonym is dropped, and an ORG all in lower case: the dictionary matches no name without a
    capital either, and as a name it would be an actor with no code. Its noun is read as a common
    noun instead ("congress" without an owner is nobody; "the party congress" is the party's).
    A PERSON that is one plural agent noun ("Hoodlums attacked") is such a noun too, whatever its case,
    and so is one that opens an agent phrase ("Riot police fired")."""
    if label == "PERSON" and len(span) == 1:
        agent = dictionary.agent(span[0].lemma_.lower())
        return (agent is not None and span[0].lower_ == agent.plural.lower() != agent.noun) \
            or _opens_agent_phrase(span, dictionary)
    if label not in ("NORP", "ORG") or any(t.text[:1].isupper() for t in span):
        return False
    return label == "ORG" or not any(dictionary.country_by_demonym(t.text) for t in span)


def _opens_agent_phrase(span: Span, dictionary: ActorDictionary) -> bool:
    doc = span.doc
    words = [t.text for t in doc[span.start : span.start + dictionary.longest_agent_words]]
    for size in range(len(words), 1, -1):
        found = dictionary.longest_agent_suffix(words[:size])
        if found is not None and found[0] == size:
            return True
    return False


def _missed_demonyms(doc: Doc, found: list[Mention], dictionary: ActorDictionary) -> list[Mention]:
    """A capitalised demonym the small model left unlabelled ("Somali forces"): a nationality all
    the same. Only a modifier counts; a demonym as a head noun ("the Somali" ) is left to NER."""
    covered = {i for m in found for i in m.tokens()}
    return [Mention(t.i, t.i + 1, t.i, "name", label="NORP") for t in doc
            if t.i not in covered and t.dep_ in ("amod", "compound") and t.text[:1].isupper()
            and dictionary.country_by_demonym(t.text) is not None]


def _missed_capitals(doc: Doc, found: list[Mention], dictionary: ActorDictionary) -> list[Mention]:
    """A capital the small model left unlabelled where it acts ("Kigali accused Paris …"): a
    one-word name the dictionary knows as a capital and as nobody, as the subject of a verb."""
    covered = {i for m in found for i in m.tokens()}
    return [Mention(t.i, t.i + 1, t.i, "name", label="GPE") for t in doc
            if t.i not in covered and t.pos_ == "PROPN" and t.dep_ in ("nsubj", "nsubjpass") and t.text[:1].isupper()
            and dictionary.country_by_capital(t.text) is not None and not dictionary.lookup(t.text)]


def _entity_label_at(doc: Doc, i: int) -> str | None:
    label = doc[i].ent_type_
    return label or None


def _strip_determiner(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end - 1 and doc[start].lower_ in DEFINITE:
        start += 1
    while end > start + 1 and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
        end -= 1  # "the European Commission's": the name ends before the possessive
    return start, end


def _taken(mentions: list[Mention], size: int) -> list[Mention | None]:
    owner: list[Mention | None] = [None] * size
    for mention in mentions:
        for i in mention.tokens():
            owner[i] = mention
    return owner


def _agent_mentions(
    doc: Doc, names: list[Mention], taken: list[Mention | None], dictionary: ActorDictionary, grammar: Grammar
) -> list[Mention]:
    agents: list[Mention] = []
    for token in doc:
        if taken[token.i] is not None or (token.pos_ not in ("NOUN", "PROPN") and not _body_adjective_doer(token, grammar)):
            continue
        if token.dep_ in ("compound", "amod", "nmod") and token.head.pos_ in ("NOUN", "PROPN") \
                and not subject_of_misread_verb(token, dictionary) and not _doer_of_act(token, grammar):
            continue  # a modifier, not the head of the phrase ("regime" in "regime forces")
        lemma = token.lemma_.lower()
        agent = dictionary.agent(lemma) or dictionary.agent(token.lower_)  # "media": the lemma is "medium"
        phrase = _agent_phrase(doc, token, taken, dictionary)
        if phrase is not None:
            agent = phrase  # "main opposition group", "golden geese": the user's phrase says more than its noun
        elif lemma in grammar.person_nouns and token.tag_ in ("NN", "NNP"):
            # "a department official", "the spokeswoman": one person, whatever sector the noun implies
            agent = AgentNoun(noun=lemma, plural=lemma + "s", kind="person", sector=agent.sector if agent else "", needs_owner=False)
        agent = _titled_agent(doc, token, agent, dictionary)  # "the state attorney general": no general
        plural = _plural(token) or (agent is not None and token.lower_ == agent.plural.lower() != agent.noun)
        if agent is not None and agent.kind == "person" and plural:
            # "rebel commanders", "officials": several people of a body, coded as that body
            agent = AgentNoun(noun=agent.noun, plural=agent.plural, kind=COLLECTIVE_KIND.get(agent.sector, "population"),
                              sector=agent.sector, needs_owner=agent.needs_owner, cameo=agent.cameo)
        elif agent is not None and agent.kind == "population" and not plural and not _collective(token):
            # "a local journalist", "a human rights activist": one person of that sector
            agent = AgentNoun(noun=agent.noun, plural=agent.plural, kind="person", sector=agent.sector, needs_owner=False,
                              cameo=agent.cameo)
        armed = any(c.dep_ in ("amod", "compound") and (c.lower_ in ARMED or c.lower_.endswith(ARMED_SUFFIXES))
                    for c in token.children)
        if armed and ((agent is not None and (agent.sector == "CVL" or agent.kind == "population"))
                      or (agent is None and lemma in grammar.group_nouns)):
            # "armed men", "masked men", "armed groups": unidentified armed people, not civilians
            plural_form = agent.plural if agent is not None else lemma + "s"
            agent = AgentNoun(noun=lemma, plural=plural_form, kind="armed_group", sector="UAF", needs_owner=False)
        if agent is not None and agent.sector != "CVL" and lemma not in CIVILIAN_RULE and any(
                c.dep_ == "amod" and c.lower_ == "civilian" for c in token.children):
            # "Russian civilian advisers", "civilian contractors": not the state's officials or troops;
            # a "civilian government" is still a government (civilian as against military rule)
            agent = AgentNoun(noun=lemma, plural=agent.plural, kind="population" if plural else "person", sector="CVL",
                              needs_owner=False)
        if agent is not None and _event_reading(token, grammar):
            continue
        group_kinds = grammar.group_nouns.get(lemma)
        if (agent is None and group_kinds is None) or _glued_to_a_name(token, taken):
            continue
        start = _phrase_start(doc, token, taken)
        verb = misread_verb(token, dictionary)
        if verb is not None:
            start = max(start, verb.i + 1)  # "Police detain protesters": the object's phrase starts after the verb
        end = title_tail(doc, token, dictionary) if agent is not None and agent.kind == "person" else token.i + 1
        mention = Mention(start, end, token.i, "agent" if agent else "description", agent=agent)
        for i in range(token.i + 1, end):
            inner = taken[i]
            if inner is not None and inner in names:
                names.remove(inner)  # "of State" in "Secretary of State" is part of the title
        mention.plural = plural
        mention.definite = doc[start].lower_ in DEFINITE
        absorb_modifiers(mention, doc, names, taken, grammar)
        absorb_of_owner(mention, doc, token, names, taken, lambda name: dictionary.country_by_capital(name) is not None)
        mention.patron = patron(token, taken, grammar)
        sector_body = agent is None and _body_of_a_sector(token, mention.owners, dictionary)
        if sector_body and all(_unknown_name(o) for o in mention.owners):
            mention.owners = []  # "the Musavat opposition bloc": the unknown name is the bloc's, part of its name
        if agent is None and not (sector_body and all(_country_name(o, doc, dictionary) for o in mention.owners)) and (
                mention.owners or mention.owner_pronoun is not None or not mention.definite):
            # "the group" refers back; "a group of …" is no reference; in "the Hizbollah group" the
            # name inside is the actor, so it goes back to the names
            names.extend(o for o in mention.owners if o.start >= mention.start and o not in names)
            names.sort(key=lambda m: m.start)
            continue
        for i in mention.tokens():
            taken[i] = mention
        agents.append(mention)
    return agents


def _body_of_a_sector(head: Token, owners: list[Mention], dictionary: ActorDictionary) -> bool:
    """ "an opposition coalition", "the Musavat opposition bloc", "a Kenyan opposition group": a body
    noun led by a noun naming a sector of the population (after any names) is a body of that
    sector. It is an actor even when indefinite; names the dictionary does not know before it are
    its own name, a country owns it, and a known group keeps being the actor ("the Hamas rebel group")."""
    last = max((o.end - 1 for o in owners), default=-1)
    return any(c.dep_ == "compound" and c.i > last and _sector_noun(c, dictionary) for c in head.lefts)


def _unknown_name(mention: Mention) -> bool:
    return not mention.entries and mention.label in ("ORG", "PERSON", None)


def _country_name(mention: Mention, doc: Doc, dictionary: ActorDictionary) -> bool:
    return any(e.table == "country" for e in mention.entries) or (
        not mention.entries and dictionary.country_by_demonym(doc[mention.start : mention.end].text) is not None)


def _titled_agent(doc: Doc, token: Token, agent: AgentNoun | None, dictionary: ActorDictionary) -> AgentNoun | None:
    """A person noun that ends a longer title is the title's office: "attorney general", "director
    general" and "consul general" are no generals, whatever "general" alone would say."""
    if agent is None or agent.kind != "person" or token.i == 0:
        return agent
    words = [doc[i].text for i in range(max(0, token.i - 3), token.i + 1)]
    found = dictionary.longest_title_suffix(words)
    if found is None or found[0] < 2 or found[1].sector == agent.sector:
        return agent
    return AgentNoun(noun=agent.noun, plural=agent.plural, kind="person", sector=found[1].sector,
                     needs_owner=agent.needs_owner, cameo=agent.cameo)


def _sector_noun(token: Token, dictionary: ActorDictionary) -> bool:
    found = dictionary.agent(token.lemma_.lower())
    return found is not None and found.kind != "person" and found.sector not in ("UNK", "")


def _doer_of_act(token: Token, grammar: Grammar) -> bool:
    """ "police firing", "army shelling", "a police crackdown": a body noun compounded onto an act
    is who did it, an actor of its own (in "police station" it only says whose station)."""
    head = token.head
    return (token.dep_ == "compound" or _body_adjective_doer(token, grammar)) and (
        head.lemma_.lower() in grammar.event_nouns or head.lower_ in grammar.event_nouns)


# Body words the tagger calls adjectives before an act ("a rebel attack", "an army raid").
DOER_ADJECTIVES = frozenset({"rebel", "militant", "insurgent", "army", "police", "guerrilla"})


def _body_adjective_doer(token: Token, grammar: Grammar) -> bool:
    """ "a rebel attack", "a militant attack": a body word tagged as an adjective on an act is its doer."""
    return token.pos_ == "ADJ" and token.lower_ in DOER_ADJECTIVES and token.dep_ == "amod" and (
        token.head.lemma_.lower() in grammar.event_nouns or token.head.lower_ in grammar.event_nouns)


def _agent_phrase(doc: Doc, head: Token, taken: list[Mention | None], dictionary: ActorDictionary) -> AgentNoun | None:
    """A multi-word agent ending at ``head`` ("main opposition group" [~MOP] in a PETRARCH agents
    file), written as is or with the head's lemma ("golden geese" / "golden goose")."""
    if dictionary.longest_agent_words < 2:
        return None  # no multi-word agent in the dictionaries
    if not (dictionary.may_end_agent_phrase(head.text) or dictionary.may_end_agent_phrase(head.lemma_)):
        return None
    start, floor = head.i, max(head.sent.start, head.i - dictionary.longest_agent_words + 1)
    while start > floor and taken[start - 1] is None and doc[start - 1].is_alpha:
        start -= 1
    before = [t.text for t in doc[start : head.i]]
    if not before:
        return None
    for last in (head.text, head.lemma_):
        found = dictionary.longest_agent_suffix([*before, last])
        if found is not None and found[0] > 1:
            return found[1]
    return None


def _plural(token: Token) -> bool:
    """NNS, or a plural the tagger called NNP ("MPs", "Democrats")."""
    if token.tag_ in ("NNS", "NNPS"):
        return True
    text = token.text.lower()
    return text.endswith("s") and text != token.lemma_.lower() and not text.endswith("ss")


def _collective(token: Token) -> bool:
    """Singular nouns that still name a crowd ("the population", "the public")."""
    return token.lemma_.lower() in ("population", "public", "people", "crowd", "mob", "throng", "community", "diaspora",
                                    "opposition")


def _event_reading(token: Token, grammar: Grammar) -> bool:
    """ "Washington's opposition to Iranian participation" is an act, not the opposition party."""
    preps = grammar.event_readings.get(token.lemma_.lower(), frozenset())
    return any(c.dep_ == "prep" and c.lower_ in preps for c in token.children)


def _phrase_start(doc: Doc, head: Token, taken: list[Mention | None]) -> int:
    start = head.i
    for child in head.lefts:
        if child.dep_ in NP_MODIFIERS:
            start = min(start, child.left_edge.i)
    while start < head.i and (doc[start].is_punct or doc[start].is_quote or doc[start].dep_ in ("cc", "preconj")
                              or doc[start].tag_ == "WRB" or doc[start].pos_ == "SCONJ"):  # "When home secretary, he …"
        start += 1
    # A person's mention already covering the start keeps its tokens.
    while start < head.i and taken[start] is not None and taken[start].kind == "person":  # type: ignore[union-attr]
        start += 1
    return start


def _glued_to_a_name(head: Token, taken: list[Mention | None]) -> bool:
    """"ties with Libya almost crowds trashed …": the parser made one phrase of a name and a noun
    with an adverb hung on the noun between them, which no English noun phrase has (a noun's
    modifiers stand after such an adverb: "almost all Iraqi forces"). The phrase's place in the
    sentence is the name's ("with Libya"); the noun starts a clause the parse lost, so it is no
    actor here and the name is not its owner."""
    adverbs = [c.i for c in head.lefts if c.dep_ == "advmod" and c.tag_.startswith("RB")]
    if not adverbs:
        return False
    before = (taken[c.i] for c in head.lefts if c.i < max(adverbs) and c.dep_ in NP_MODIFIERS)
    return any(m is not None and m.kind == "name" for m in before)


def _pronoun_mentions(doc: Doc, taken: list[Mention | None]) -> list[Mention]:
    found = []
    for token in doc:
        info = PRONOUNS.get(token.lower_)
        if info is None or taken[token.i] is not None or token.pos_ not in ("PRON", "DET"):
            continue
        plural, gender, _persons_only = info
        found.append(Mention(token.i, token.i + 1, token.i, "pronoun", plural=plural, gender=gender))
    return found
