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
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from newsgraph.actors.dictionary import ActorDictionary
from newsgraph.actors.entries import AgentNoun, Entry, Title
from newsgraph.actors.grammar import Grammar
from newsgraph.actors.identity import Identity
from newsgraph.actors.matcher import DictionaryMatcher

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

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
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
# The body several people of a sector make up ("commanders" of the army are the military).
ARMED = frozenset({"armed", "masked", "hooded", "uniformed", "unidentified"})  # on "men": an armed actor
COLLECTIVE_KIND = {"MIL": "military", "COP": "police", "GOV": "government", "REB": "armed_group", "PTY": "party"}
# Nouns that, as a modifier, point back to a government already named ("regime forces").
STATE_NOUNS = frozenset({"regime", "government", "administration"})
# Bodies that, as a bare modifier, point back to the body named before ("a department official").
REFERRING_COMPOUNDS = frozenset({"department", "ministry", "agency", "embassy", "party", "group", "movement"})


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
    names = _name_mentions(doc, matcher)
    taken = _taken(names, len(doc))
    _attach_titles(doc, names, taken, dictionary, grammar)
    _attach_possessors(doc, names, taken)
    agents = _agent_mentions(doc, names, taken, dictionary, grammar)
    pronouns = _pronoun_mentions(doc, taken)
    mentions = names + agents + pronouns
    mentions.sort(key=lambda m: m.start)
    return mentions


def _name_mentions(doc: Doc, matcher: DictionaryMatcher) -> list[Mention]:
    candidates: list[Mention] = []
    for match in matcher.matches(doc):
        candidates.append(Mention(match.start, match.end, doc[match.start : match.end].root.i, "name", entries=match.entries))
    for ent in doc.ents:
        if ent.label_ in ENTITY_LABELS:
            start, end = _strip_determiner(doc, ent.start, ent.end)
            candidates.append(Mention(start, end, doc[start:end].root.i, "name", label=ent.label_))
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
    for mention in kept:
        if mention.label is None:
            mention.label = _entity_label_at(doc, mention.head)
    return kept


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


def _is_person(mention: Mention) -> bool:
    """NER's PERSON label, unless the dictionary knows the name as something else ("Boko Haram")."""
    if mention.entries:
        return any(e.table == "person" for e in mention.entries)
    return mention.label == "PERSON"


def _attach_titles(doc: Doc, names: list[Mention], taken: list[Mention | None], dictionary: ActorDictionary, grammar: Grammar) -> None:
    """Grow each person's mention over the title and the country written before the name."""
    for person in [m for m in names if _is_person(m)]:
        person.kind = "person"
        person.name_start = person.start
        start = person.start
        sentence_start = doc[person.start].sent.start
        while start > sentence_start:
            step = _title_before(doc, start, sentence_start, dictionary, grammar, person, taken)
            if step is None:
                break
            start = step
        for i in range(start, person.start):
            absorbed = taken[i]
            if absorbed is not None and absorbed is not person:
                if absorbed in names:
                    names.remove(absorbed)
                    if not _is_person(absorbed):
                        person.owners.append(absorbed)
            taken[i] = person
        person.start = start


def _title_before(
    doc: Doc, start: int, floor: int, dictionary: ActorDictionary, grammar: Grammar, person: Mention,
    taken: list[Mention | None],
) -> int | None:
    """The new start if the words before ``start`` are a title, role word or country modifier."""
    window = doc[max(floor, start - 6) : start]
    cut = max((t.i + 1 for t in window if t.is_punct or t.is_quote), default=window.start)
    words = [t.text for t in doc[cut:start]]
    if not words:
        return None
    found = dictionary.longest_title_suffix(words)
    if found is not None:
        length, title = found
        if person.title is None:
            person.title = title
            person.role_words = doc[start - length : start].text
        return start - length
    before = doc[start - 1]
    modifier = grammar.role_modifiers.get(before.lower_, "missing")
    if modifier != "missing" and person.title is not None:
        if modifier:
            person.role_sector = person.role_sector or modifier
        person.role_words = f"{before.text} {person.role_words}"
        return start - 1
    if before.text in ("'s", "’s") and start - 2 >= floor:
        owner = taken[start - 2]
        if owner is not None and owner is not person and not _is_person(owner):
            return owner.start
    owner = taken[start - 1]
    if owner is not None and owner is not person and not _is_person(owner) and owner.label in ("GPE", "NORP", "ORG"):
        return owner.start
    if before.lower_ in DEFINITE and person.title is not None:
        return start - 1
    return None


def _attach_possessors(doc: Doc, names: list[Mention], taken: list[Mention | None]) -> None:
    """ "Egypt's Supreme Council of the Armed Forces": a possessive country or organisation owns the name after it."""
    for mention in list(names):
        if mention.kind == "person" or mention.start < 2 or doc[mention.start - 1].text not in ("'s", "’s", "'"):
            continue
        owner = taken[mention.start - 2]
        if owner is None or owner is mention or owner.kind == "person" or owner not in names:
            continue
        names.remove(owner)
        mention.owners.append(owner)
        for i in range(owner.start, mention.start):
            taken[i] = mention
        mention.start = owner.start


def _agent_mentions(
    doc: Doc, names: list[Mention], taken: list[Mention | None], dictionary: ActorDictionary, grammar: Grammar
) -> list[Mention]:
    agents: list[Mention] = []
    for token in doc:
        if taken[token.i] is not None or token.pos_ not in ("NOUN", "PROPN"):
            continue
        if token.dep_ in ("compound", "amod", "nmod") and token.head.pos_ in ("NOUN", "PROPN"):
            continue  # a modifier, not the head of the phrase ("regime" in "regime forces")
        lemma = token.lemma_.lower()
        agent = dictionary.agent(lemma)
        if lemma in grammar.person_nouns and token.tag_ in ("NN", "NNP"):
            # "a department official", "the spokeswoman": one person, whatever sector the noun implies
            agent = AgentNoun(noun=lemma, plural=lemma + "s", kind="person", sector=agent.sector if agent else "", needs_owner=False)
        plural = _plural(token) or (agent is not None and token.lower_ == agent.plural.lower() != agent.noun)
        if agent is not None and agent.kind == "person" and plural:
            # "rebel commanders", "officials": several people of a body, coded as that body
            agent = AgentNoun(noun=lemma, plural=agent.plural, kind=COLLECTIVE_KIND.get(agent.sector, "population"),
                              sector=agent.sector, needs_owner=agent.needs_owner)
        elif agent is not None and agent.kind == "population" and not plural and not _collective(token):
            # "a local journalist", "a human rights activist": one person of that sector
            agent = AgentNoun(noun=lemma, plural=agent.plural, kind="person", sector=agent.sector, needs_owner=False)
        if agent is not None and agent.sector == "CVL" and any(c.dep_ == "amod" and c.lower_ in ARMED for c in token.children):
            # "armed men", "masked men": unidentified armed people, not civilians
            agent = AgentNoun(noun=lemma, plural=agent.plural, kind="armed_group", sector="UAF", needs_owner=False)
        if agent is not None and agent.sector != "CVL" and any(c.dep_ == "amod" and c.lower_ == "civilian" for c in token.children):
            # "Russian civilian advisers", "civilian contractors": not the state's officials or troops
            agent = AgentNoun(noun=lemma, plural=agent.plural, kind="population" if plural else "person", sector="CVL",
                              needs_owner=False)
        if agent is not None and _event_reading(token, grammar):
            continue
        group_kinds = grammar.group_nouns.get(lemma)
        if agent is None and group_kinds is None:
            continue
        start = _phrase_start(doc, token, taken)
        end = _title_tail(doc, token, dictionary) if agent is not None and agent.kind == "person" else token.i + 1
        mention = Mention(start, end, token.i, "agent" if agent else "description", agent=agent)
        for i in range(token.i + 1, end):
            inner = taken[i]
            if inner is not None and inner in names:
                names.remove(inner)  # "of State" in "Secretary of State" is part of the title
        mention.plural = plural
        mention.definite = doc[start].lower_ in DEFINITE
        _absorb_modifiers(mention, doc, names, taken)
        _absorb_of_owner(mention, doc, token, names, taken)
        if agent is None and (mention.owners or mention.owner_pronoun is not None or not mention.definite):
            # "the group" refers back; "a group of …" is no reference; in "the Hizbollah group" the
            # name inside is the actor, so it goes back to the names
            names.extend(o for o in mention.owners if o.start >= mention.start and o not in names)
            names.sort(key=lambda m: m.start)
            continue
        for i in mention.tokens():
            taken[i] = mention
        agents.append(mention)
    return agents


def _title_tail(doc: Doc, head: Token, dictionary: ActorDictionary) -> int:
    """End of a title that runs past its head noun: "Secretary of State", "Minister of Defence"."""
    end = head.i + 1
    if end + 1 < len(doc) and doc[end].lower_ == "of":
        stop = end + 1
        while stop < len(doc) and stop < end + 4 and doc[stop].pos_ == "PROPN":
            stop += 1
        words = [t.text for t in doc[head.left_edge.i : stop] if t.pos_ not in ("DET", "PUNCT")]
        for first in range(len(words)):
            if dictionary.title(" ".join(words[first:])) is not None:
                return stop
    return end


def _plural(token: Token) -> bool:
    """NNS, or a plural the tagger called NNP ("MPs", "Democrats")."""
    if token.tag_ in ("NNS", "NNPS"):
        return True
    text = token.text.lower()
    return text.endswith("s") and text != token.lemma_.lower() and not text.endswith("ss")


def _collective(token: Token) -> bool:
    """Singular nouns that still name a crowd ("the population", "the public")."""
    return token.lemma_.lower() in ("population", "public", "people", "crowd", "community", "diaspora", "opposition")


def _event_reading(token: Token, grammar: Grammar) -> bool:
    """ "Washington's opposition to Iranian participation" is an act, not the opposition party."""
    preps = grammar.event_readings.get(token.lemma_.lower(), frozenset())
    return any(c.dep_ == "prep" and c.lower_ in preps for c in token.children)


def _phrase_start(doc: Doc, head: Token, taken: list[Mention | None]) -> int:
    start = head.i
    for child in head.lefts:
        if child.dep_ in NP_MODIFIERS:
            start = min(start, child.left_edge.i)
    while start < head.i and (doc[start].is_punct or doc[start].is_quote or doc[start].dep_ in ("cc", "preconj")):
        start += 1
    # A person's mention already covering the start keeps its tokens.
    while start < head.i and taken[start] is not None and taken[start].kind == "person":  # type: ignore[union-attr]
        start += 1
    return start


def _absorb_modifiers(mention: Mention, doc: Doc, names: list[Mention], taken: list[Mention | None]) -> None:
    for i in range(mention.start, mention.head):
        inner = taken[i]
        if inner is not None and inner is not mention and inner in names:
            names.remove(inner)
            mention.owners.append(inner)
        elif doc[i].lower_ in ("its", "their", "his", "her") and doc[i].dep_ == "poss":
            mention.owner_pronoun = i
        elif doc[i].dep_ == "compound" and doc[i].lemma_.lower() in STATE_NOUNS | REFERRING_COMPOUNDS:
            mention.owner_pronoun = i  # "regime forces", "a department official": named before


def _absorb_of_owner(mention: Mention, doc: Doc, head: Token, names: list[Mention], taken: list[Mention | None]) -> None:
    """ "the government of Prime Minister Nawaz Sharif", "a court in Guyana": the object owns the phrase.

    "of" takes any name; "in" and "from" only a country or a group ("police in Lagos" is a
    place, not an owner; "soldiers from Gondor" and "fighters from ISIL" are owned).
    """
    for prep in head.rights:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "in", "from"):
            continue
        objects = [o for o in prep.children if o.dep_ == "pobj"]
        for obj in [*objects, *(c for o in objects for c in o.conjuncts)]:  # "lawmakers in Arnor and Gondor"
            owner = taken[obj.i]
            if owner is None and prep.lower_ == "of":
                # "the mayor of the West Bank city of Nablus": the country in the object's modifiers
                owner = _country_modifier(obj, taken)
            if owner is None or owner is mention or obj.i < mention.end:
                continue  # inside the phrase itself ("Secretary of State") it is the title, not an owner
            if prep.lower_ != "of" and not any(e.table in ("country", "group") for e in owner.entries):
                continue
            mention.owners.append(owner)


def _country_modifier(token: Token, taken: list[Mention | None]) -> Mention | None:
    for child in token.children:
        found = taken[child.i] if child.dep_ in ("compound", "amod", "poss") else None
        if found is not None and any(e.table == "country" for e in found.entries):
            return found
    return None


def _pronoun_mentions(doc: Doc, taken: list[Mention | None]) -> list[Mention]:
    found = []
    for token in doc:
        info = PRONOUNS.get(token.lower_)
        if info is None or taken[token.i] is not None or token.pos_ not in ("PRON", "DET"):
            continue
        plural, gender, _persons_only = info
        found.append(Mention(token.i, token.i + 1, token.i, "pronoun", plural=plural, gender=gender))
    return found
