"""Titles around a person's name: "US Secretary of State John Kerry", "Brigadier General …".

A person's mention grows leftwards over the title, role words and country written before
the name, and an agent noun that is a title ("the Secretary of State") ends where the title
does. The rules lean on the dictionary's titles, not on the parse, which is why they live
apart from :mod:`newsgraph.actors.mentions`: that module finds spans from the parse, this one
widens a person's span by what the dictionary knows. :class:`Mention` is needed for types only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.actors.dictionary import ActorDictionary
from newsgraph.actors.grammar import DEFINITE, Grammar
from newsgraph.actors.phoenix import country_code_only

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from newsgraph.actors.mentions import Mention

# Dictionary tables whose names own a title written after them, whatever label NER gave the name.
OWNING_TABLES = frozenset({"country", "group", "organization"})


def attach_titles(doc: Doc, names: list[Mention], taken: list[Mention | None], dictionary: ActorDictionary, grammar: Grammar) -> None:
    """Grow each person's mention over the title and the country written before the name."""
    for person in [m for m in names if _is_person(m) or _titled_person_coded_as_country(doc, m, dictionary)]:
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


def title_tail(doc: Doc, head: Token, dictionary: ActorDictionary) -> int:
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


def _is_person(mention: Mention) -> bool:
    """NER's PERSON label, unless the dictionary knows the name as something else ("Boko Haram")."""
    if mention.entries:
        return any(e.table == "person" for e in mention.entries)
    return mention.label == "PERSON"


def _titled_person_coded_as_country(doc: Doc, mention: Mention, dictionary: ActorDictionary) -> bool:
    """PETRARCH writes a person of a country with the bare country code ("ROMENDACIL [BRE]").
    A name a user's file codes so, which NER calls a person and a title precedes ("Bree President
    Romendacil"), is that person: the title then gives the sector, as PETRARCH's agents do."""
    if mention.label != "PERSON" or not mention.entries or not all(country_code_only(e) for e in mention.entries):
        return False
    words = [t.text for t in doc[max(doc[mention.start].sent.start, mention.start - 4) : mention.start]]
    return bool(words) and dictionary.longest_title_suffix(words) is not None


HYPHENS = frozenset({"-", "–"})  # inside a title ("co-chairman", "vice-president"), not a boundary


def _title_before(
    doc: Doc, start: int, floor: int, dictionary: ActorDictionary, grammar: Grammar, person: Mention,
    taken: list[Mention | None],
) -> int | None:
    """The new start if the words before ``start`` are a title, role word or country modifier."""
    window = doc[max(floor, start - 6) : start]
    cut = max((t.i + 1 for t in window if (t.is_punct and t.text not in HYPHENS) or t.is_quote), default=window.start)
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
    hyphenated = before.text in HYPHENS and start - 2 >= floor  # "co-chairman", "vice-president"
    qualifier = doc[start - 2] if hyphenated else before
    modifier = grammar.role_modifiers.get(qualifier.lower_, "missing")
    if modifier != "missing" and person.title is not None:
        if modifier:
            person.role_sector = person.role_sector or modifier
        joined = hyphenated or (person.role_words or "").startswith(tuple(HYPHENS))
        person.role_words = doc[qualifier.i : start].text + ("" if joined else " ") + (person.role_words or "")
        return qualifier.i
    before = doc[start - 1]
    if person.title is not None:
        start = _past_descriptions(doc, start, floor)  # "Ithilen's awful and evil minister Calimehtar"
        before = doc[start - 1]
    if before.text in ("'s", "’s") and start - 2 >= floor:
        owner = taken[start - 2]
        if owner is not None and owner is not person and not _is_person(owner):
            return owner.start
    owner = taken[start - 1]
    if owner is not None and owner is not person and not _is_person(owner) and (
            owner.label in ("GPE", "NORP", "ORG") or any(e.table in OWNING_TABLES for e in owner.entries)):
        # "US Secretary of State …"; a country NER missed ("Bree President …"); a party NER took
        # for a person ("the Fidesz leader …"): the dictionary says it is a body, so it owns the title
        return owner.start
    if before.lower_ in DEFINITE and person.title is not None:
        return start - 1
    return None


def _past_descriptions(doc: Doc, start: int, floor: int) -> int:
    """Where a titled person's phrase continues left of adjectives that only describe the office
    holder ("awful and evil minister"), if a possessive owner stands before them; else ``start``."""
    k = start
    while k > floor and (doc[k - 1].pos_ == "ADJ" or doc[k - 1].dep_ == "cc" or doc[k - 1].text == ","):
        k -= 1
    return k if floor < k < start and doc[k - 1].text in ("'s", "’s") else start
