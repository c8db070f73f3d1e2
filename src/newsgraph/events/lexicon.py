"""The trigger lexicon: data/events/lexicon.tsv plus any PETRARCH verb dictionaries a user gives.

Rows are indexed by (trigger lemma, part of speech). For one trigger, rows with an object or
preposition constraint are tried before the bare row, so "send troops" (MOBILIZE) wins over
a plain "send", and a verb with only constrained rows ("sign" an agreement) is no event
without its object. Between rows of equal constraint, a user's dictionary wins over ours.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from newsgraph.datafile import Where, package_text, rows
from newsgraph.events.lexicon_row import LexiconRow

COLUMNS = ("trigger", "pos", "object", "prep", "type", "mode", "cameo", "target", "note")
# An optional last column: where the source is when it is not the subject.
OPTIONAL_COLUMNS = ("source",)
# A row of this type says the words are NOT an event ("met its commitments" is no meeting).
NOT_AN_EVENT = "-"
PLOVER_TYPES = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT".split()
)
TARGET_PLACES = frozenset({"dobj", "iobj", "dative", "poss", "none", "subj", "clause_subj", "object_party", "clause_party", "protested"})
BUILTIN = "data/events/lexicon.tsv"


@dataclass(frozen=True)
class Lexicon:
    rows: dict[tuple[str, str], tuple[LexiconRow, ...]] = field(default_factory=dict)
    version: str = ""

    def candidates(self, lemma: str, pos: str) -> tuple[LexiconRow, ...]:
        return self.rows.get((lemma, pos), ())

    def __len__(self) -> int:
        return sum(len(v) for v in self.rows.values())

    @property
    def event_nouns(self) -> frozenset[str]:
        """Lemmas that name an event as a noun ("attack", "talks"): they have places, not owners."""
        return frozenset(lemma for lemma, pos in self.rows if pos == "NOUN")


@lru_cache(maxsize=4)
def load_lexicon(extra: tuple[Path, ...] = ()) -> Lexicon:
    """The built-in lexicon plus PETRARCH verb dictionaries; a user's row beats ours of equal reach."""
    text = package_text(BUILTIN)
    rows = list(parse_lexicon(text, BUILTIN))
    digest = hashlib.sha256(text.encode())
    for path in extra:
        from newsgraph.events.petrarch_verbs import read_verb_dictionary

        converted = read_verb_dictionary(path)
        rows.extend(converted.rows)
        digest.update(path.read_bytes())
    return Lexicon(rows=_index(rows), version=digest.hexdigest()[:8])


def parse_lexicon(text: str, name: str) -> Iterable[LexiconRow]:
    for where, cells in rows(text, name, COLUMNS, OPTIONAL_COLUMNS):
        yield _row(cells, where)


def _row(cells: dict[str, str], where: Where) -> LexiconRow:
    trigger, pos, obj, prep, kind = cells["trigger"], cells["pos"], cells["object"], cells["prep"], cells["type"]
    mode, cameo, target, note, source = cells["mode"], cells["cameo"], cells["target"], cells["note"], cells["source"]
    if not trigger:
        raise where.error("empty trigger", "give the lemma that triggers the event")
    if pos not in ("VERB", "NOUN"):
        raise where.error(f"pos {pos!r} is neither VERB nor NOUN", "write VERB or NOUN")
    if kind not in PLOVER_TYPES and kind != NOT_AN_EVENT:
        raise where.error(f"{kind!r} is not a PLOVER type", f"use one of {', '.join(sorted(PLOVER_TYPES))} (or - for no event)")
    if kind == NOT_AN_EVENT and not (obj or prep):
        raise where.error("a '-' (no event) row has no object or preposition", "say which frame of the trigger is no event")
    if kind != NOT_AN_EVENT and (not cameo.isdigit() or not 2 <= len(cameo) <= 4):
        raise where.error(f"CAMEO code {cameo!r} is not 2–4 digits", "write the code with its leading zeros, e.g. 072")
    places = tuple(p for p in target.split("|") if p)
    sources = tuple(p for p in source.split("|") if p)
    for place in places + sources:
        if place not in TARGET_PLACES and not place.startswith("prep:"):
            raise where.error(f"target {place!r} is not a place in the parse", "use dobj, iobj, dative, poss, subj, none or prep:<word>")
    return LexiconRow(
        trigger=trigger.lower(), pos=pos, object=tuple(o for o in obj.lower().split("|") if o), prep=prep.lower() or None,
        type=kind, mode=mode or None, cameo=cameo, target=places or ("dobj",), note=note, source_dictionary=BUILTIN,
        source=sources,
    )


def _index(rows: Iterable[LexiconRow]) -> dict[tuple[str, str], tuple[LexiconRow, ...]]:
    grouped: dict[tuple[str, str], list[LexiconRow]] = {}
    for row in rows:
        grouped.setdefault((row.trigger, row.pos), []).append(row)
    # most constrained rows first (an object says more than a preposition); at equal constraint the
    # user's dictionary before ours, since supplying one is how a user corrects our coding (stable
    # sort keeps file order)
    return {
        key: tuple(sorted(group, key=lambda r: (-(2 * bool(r.object) + bool(r.prep)), r.source_dictionary == BUILTIN)))
        for key, group in grouped.items()
    }
