"""The closed-class words the actor stage reads syntax with (data/actors/grammar.tsv)."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from newsgraph.errors import ConfigError

CATEGORIES = ("locative_prep", "place_noun", "role_modifier", "group_noun", "person_noun", "org_word", "event_reading")
SECTOR_CODES = frozenset(
    "GOV MIL COP JUD LEG PTY REB SPY PRM UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE REL SOC IGO NGO".split()
)


@dataclass(frozen=True)
class Grammar:
    locative_preps: frozenset[str]
    place_nouns: frozenset[str]
    role_modifiers: dict[str, str | None] = field(default_factory=dict)
    group_nouns: dict[str, frozenset[str]] = field(default_factory=dict)
    person_nouns: frozenset[str] = frozenset()
    org_words: dict[str, str] = field(default_factory=dict)
    event_readings: dict[str, frozenset[str]] = field(default_factory=dict)


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    text = resources.files("newsgraph").joinpath("data/actors/grammar.tsv").read_text(encoding="utf-8")
    return parse_grammar(text, "data/actors/grammar.tsv")


def parse_grammar(text: str, name: str) -> Grammar:
    rows: dict[str, list[tuple[str, str]]] = {c: [] for c in CATEGORIES}
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip() and not line.startswith("#")]
    header = lines[0][1].split("\t") if lines else []
    if header[:2] != ["word", "category"]:
        raise ConfigError(f"{name}: the header must start with word<TAB>category; fix the first line")
    for number, row in zip((n for n, _ in lines[1:]), csv.reader((line for _, line in lines[1:]), delimiter="\t"), strict=True):
        word, category, value = (row + ["", ""])[:3]
        if category not in rows:
            raise ConfigError(f"{name}:{number}: unknown category {category!r}; use one of {', '.join(CATEGORIES)}")
        if category in ("role_modifier", "org_word") and value and value not in SECTOR_CODES:
            raise ConfigError(f"{name}:{number}: {value!r} is not a PLOVER sector code")
        rows[category].append((word, value))
    return Grammar(
        locative_preps=frozenset(w for w, _ in rows["locative_prep"]),
        place_nouns=frozenset(w for w, _ in rows["place_noun"]),
        role_modifiers={w: (v or None) for w, v in rows["role_modifier"]},
        group_nouns={w: frozenset(v.split("|")) for w, v in rows["group_noun"]},
        person_nouns=frozenset(w for w, _ in rows["person_noun"]),
        org_words={w: v for w, v in rows["org_word"]},
        event_readings={w: frozenset(v.split("|")) for w, v in rows["event_reading"]},
    )
