"""The closed-class words the actor stage reads syntax with (data/actors/grammar.tsv)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from newsgraph.datafile import package_text, rows

CATEGORIES = ("locative_prep", "place_noun", "role_modifier", "group_noun", "person_noun", "org_word", "event_reading", "honorific", "allegiance", "backing", "event_noun")
SECTOR_CODES = frozenset(
    "GOV MIL COP JUD LEG PTY REB SPY PRM UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE REL SOC IGO NGO".split()
)
# Determiners that make a noun phrase definite: "the group" refers back, "a group" does not.
DEFINITE = frozenset({"the", "this", "that", "these", "those"})


@dataclass(frozen=True)
class Grammar:
    locative_preps: frozenset[str]
    place_nouns: frozenset[str]
    role_modifiers: dict[str, str | None] = field(default_factory=dict)
    group_nouns: dict[str, frozenset[str]] = field(default_factory=dict)
    person_nouns: frozenset[str] = frozenset()
    org_words: dict[str, str] = field(default_factory=dict)
    event_readings: dict[str, frozenset[str]] = field(default_factory=dict)
    honorifics: frozenset[str] = frozenset()
    allegiances: dict[str, frozenset[str]] = field(default_factory=dict)
    backing_participles: frozenset[str] = frozenset()
    event_nouns: frozenset[str] = frozenset()

    def org_sector(self, words: Sequence[str]) -> str | None:
        """The sector an unknown organisation's name tells by its ending, the longest listed ending
        first: "Press Agency" is a news agency (JRN), where any other "… Agency" is the state's (GOV).
        In "X of Y" the ending is X's ("Ministry of Water Resources", "University of Tehran"), except
        a bank's: "Bank of England" is the state's and "Bank of America" a firm, so it tells nothing."""
        if "of" in words[1:]:
            found = self._ending_sector(words[: words.index("of", 1)])
            return found if found != "BUS" else None
        return self._ending_sector(words)

    def _ending_sector(self, words: Sequence[str]) -> str | None:
        longest = max((len(w.split()) for w in self.org_words), default=0)
        for size in range(min(longest, len(words)), 0, -1):
            found = self.org_words.get(" ".join(words[-size:]))
            if found:
                return found
        return None


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    return parse_grammar(package_text("data/actors/grammar.tsv"), "data/actors/grammar.tsv")


def parse_grammar(text: str, name: str) -> Grammar:
    found: dict[str, list[tuple[str, str]]] = {c: [] for c in CATEGORIES}
    for where, cells in rows(text, name, ("word", "category"), ("value",)):
        category, value = cells["category"], cells["value"]
        if category not in found:
            raise where.error(f"unknown category {category!r}", f"use one of {', '.join(CATEGORIES)}")
        if category in ("role_modifier", "org_word") and value and value not in SECTOR_CODES:
            raise where.error(f"{value!r} is not a PLOVER sector code", "use a sector such as GOV, MIL, COP")
        found[category].append((cells["word"], value))
    return Grammar(
        locative_preps=frozenset(w for w, _ in found["locative_prep"]),
        place_nouns=frozenset(w for w, _ in found["place_noun"]),
        role_modifiers={w: (v or None) for w, v in found["role_modifier"]},
        group_nouns={w: frozenset(v.split("|")) for w, v in found["group_noun"]},
        person_nouns=frozenset(w for w, _ in found["person_noun"]),
        org_words={w: v for w, v in found["org_word"]},
        event_readings={w: frozenset(v.split("|")) for w, v in found["event_reading"]},
        honorifics=frozenset(w for w, _ in found["honorific"]),
        allegiances={w: frozenset(v.split("|")) for w, v in found["allegiance"]},
        backing_participles=frozenset(w for w, _ in found["backing"]),
        event_nouns=frozenset(w for w, _ in found["event_noun"]),
    )
