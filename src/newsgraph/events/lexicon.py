"""The trigger lexicon: data/events/lexicon.tsv plus any PETRARCH verb dictionaries a user gives.

Rows are indexed by (trigger lemma, part of speech). For one trigger, rows with an object or
preposition constraint are tried before the bare row, so "send troops" (MOBILIZE) wins over
a plain "send", and a verb with only constrained rows ("sign" an agreement) is no event
without its object.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from newsgraph.errors import ConfigError
from newsgraph.events.lexicon_row import LexiconRow

COLUMNS = ("trigger", "pos", "object", "prep", "type", "mode", "cameo", "target", "note")
# An optional last column: where the source is when it is not the subject.
OPTIONAL_COLUMNS = ("source",)
# A row of this type says the words are NOT an event ("met its commitments" is no meeting).
NOT_AN_EVENT = "-"
PLOVER_TYPES = frozenset(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION MOBILIZE COERCE ASSAULT".split()
)
TARGET_PLACES = frozenset({"dobj", "iobj", "dative", "poss", "none", "subj"})
BUILTIN = "data/events/lexicon.tsv"


@dataclass(frozen=True)
class Lexicon:
    rows: dict[tuple[str, str], tuple[LexiconRow, ...]] = field(default_factory=dict)
    version: str = ""

    def candidates(self, lemma: str, pos: str) -> tuple[LexiconRow, ...]:
        return self.rows.get((lemma, pos), ())

    def __len__(self) -> int:
        return sum(len(v) for v in self.rows.values())


@lru_cache(maxsize=4)
def load_lexicon(extra: tuple[Path, ...] = ()) -> Lexicon:
    """The built-in lexicon, then PETRARCH verb dictionaries (their rows after ours)."""
    text = resources.files("newsgraph").joinpath(BUILTIN).read_text(encoding="utf-8")
    rows = list(parse_lexicon(text, BUILTIN))
    digest = hashlib.sha256(text.encode())
    for path in extra:
        from newsgraph.events.petrarch_verbs import read_verb_dictionary

        converted = read_verb_dictionary(path)
        rows.extend(converted.rows)
        digest.update(path.read_bytes())
    return Lexicon(rows=_index(rows), version=digest.hexdigest()[:8])


def parse_lexicon(text: str, name: str) -> Iterable[LexiconRow]:
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip() and not line.startswith("#")]
    header = tuple(lines[0][1].split("\t")) if lines else ()
    if header not in (COLUMNS, COLUMNS + OPTIONAL_COLUMNS):
        raise ConfigError(f"{name}: the header must be {'<TAB>'.join(COLUMNS)}[<TAB>source]; fix the first data line")
    width = len(COLUMNS + OPTIONAL_COLUMNS)
    for (number, _), cells in zip(lines[1:], csv.reader((line for _, line in lines[1:]), delimiter="\t"), strict=True):
        yield _row(cells + [""] * (width - len(cells)), f"{name}:{number}")


def _row(cells: Sequence[str], where: str) -> LexiconRow:
    trigger, pos, obj, prep, kind, mode, cameo, target, note, source = (c.strip() for c in cells[: len(COLUMNS) + 1])
    if not trigger:
        raise ConfigError(f"{where}: empty trigger; give the lemma that triggers the event")
    if pos not in ("VERB", "NOUN"):
        raise ConfigError(f"{where}: pos {pos!r} must be VERB or NOUN")
    if kind not in PLOVER_TYPES and kind != NOT_AN_EVENT:
        raise ConfigError(f"{where}: {kind!r} is not a PLOVER type; use one of {', '.join(sorted(PLOVER_TYPES))} (or - for no event)")
    if kind == NOT_AN_EVENT and not (obj or prep):
        raise ConfigError(f"{where}: a '-' (no event) row needs an object or preposition to say when the trigger is no event")
    if kind != NOT_AN_EVENT and (not cameo.isdigit() or not 2 <= len(cameo) <= 4):
        raise ConfigError(f"{where}: CAMEO code {cameo!r} must be 2–4 digits with leading zeros")
    places = tuple(p for p in target.split("|") if p)
    sources = tuple(p for p in source.split("|") if p)
    for place in places + sources:
        if place not in TARGET_PLACES and not place.startswith("prep:"):
            raise ConfigError(f"{where}: target {place!r} is not one of dobj, iobj, dative, poss, none or prep:<word>")
    return LexiconRow(
        trigger=trigger.lower(), pos=pos, object=tuple(o for o in obj.lower().split("|") if o), prep=prep.lower() or None,
        type=kind, mode=mode or None, cameo=cameo, target=places or ("dobj",), note=note, source_dictionary=BUILTIN,
        source=sources,
    )


def _index(rows: Iterable[LexiconRow]) -> dict[tuple[str, str], tuple[LexiconRow, ...]]:
    grouped: dict[tuple[str, str], list[LexiconRow]] = {}
    for row in rows:
        grouped.setdefault((row.trigger, row.pos), []).append(row)
    # most constrained rows first, our own rows before converted ones (stable sort keeps file order)
    return {
        key: tuple(sorted(group, key=lambda r: (-(bool(r.object) + bool(r.prep)), r.source_dictionary != BUILTIN)))
        for key, group in grouped.items()
    }
