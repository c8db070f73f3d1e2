"""The layout of a PETRARCH verb dictionary file: comments, ``---`` blocks, verb lines, synsets.

Reading the file is one job and interpreting its patterns another (:mod:`.petrarch_frames`):
this module only splits the text into blocks of verbs and raw pattern lines, collects the
``&SYNSET`` definitions, and counts and reports what it met (:class:`VerbDictionary`), so the
converter in :mod:`.petrarch_verbs` works on blocks and never on raw lines.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from newsgraph.events.lexicon_row import LexiconRow
from newsgraph.events.petrarch_frames import (
    PARTICLES,
    PREPOSITIONS,
    TRAILING_CODE,
    Synsets,
    lemma_forms,
    primary_code,
)

BLOCK = re.compile(r"^---\s*(?P<name>[^\[]*?)\s*(?:\[(?P<code>[^\]]*)\])?[^\[]*---")
# Copula heads ("IS_DETERMINED") name a state, not an act: no verb frame.
COPULAS = frozenset({"is", "are", "am", "was", "were", "be", "been"})
# Second words that make a compound verb no verb frame: "KILLED_AND" lists an inflected,
# coordinated form; "ANGERED_BY" is a passive.
NOT_FRAMES = {"and": "coordination form", "or": "coordination form", "by": "passive form"}


@dataclass(frozen=True, slots=True)
class Skipped:
    """A dictionary line that gave no lexicon row, and why."""

    source_dictionary: str
    line: int
    text: str
    kind: str  # null-code, reverse-code, unknown-code, no-plover, pre-verb, duplicate, ...
    reason: str


@dataclass
class VerbDictionary:
    """The lexicon rows converted from one PETRARCH verb dictionary, with what was left out."""

    source_dictionary: str
    rows: list[LexiconRow] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    blocks: int = 0
    verbs: int = 0  # verb lines (a head verb with its forms)
    patterns: int = 0  # "- ..." pattern lines
    synsets: dict[str, tuple[str, ...]] = field(default_factory=dict)
    verbs_without_code: int = 0  # null default: no bare row, patterns only
    approximate_rows: int = 0  # rows whose pattern lost a constraint
    duplicate_rows: int = 0  # rows of a kept pattern whose frame an earlier row already had

    def skipped_by_kind(self) -> dict[str, int]:
        return dict(Counter(s.kind for s in self.skipped).most_common())


@dataclass
class Verb:
    line: int
    trigger: str  # lemma, or "verb particle"
    object: tuple[str, ...]
    prep: str | None
    code: str | None  # own or block default; None = null code


@dataclass
class Block:
    name: str
    code: str | None
    verbs: list[Verb] = field(default_factory=list)
    patterns: list[tuple[int, str]] = field(default_factory=list)


def _lines(text: str) -> list[tuple[int, str]]:
    """(line number, content) without ``<!-- -->`` and ``#`` comments or blank lines."""
    lines: list[tuple[int, str]] = []
    in_comment = False
    for number, line in enumerate(text.splitlines(), start=1):
        if in_comment:
            if "-->" not in line:
                continue
            line, in_comment = line.split("-->", 1)[1], False
        while "<!--" in line:
            before, _, after = line.partition("<!--")
            line, in_comment = (before + after.split("-->", 1)[1], False) if "-->" in after else (before, True)
        line = line.split("#", 1)[0].strip()
        if line:
            lines.append((number, line))
    return lines


def read_blocks(text: str, out: VerbDictionary, synsets: Synsets) -> list[Block]:
    """Blocks with their verbs and pattern lines; synset definitions go to ``synsets``."""
    blocks: list[Block] = []
    label: str | None = None  # the synset being defined: "+" lines are its members
    for number, line in _lines(text):
        if line.startswith("+") and label is not None:
            synsets[label].append(line[1:].strip())
            continue
        label = None
        if line.startswith("&"):
            label = line.split()[0].rstrip("_")
            synsets.setdefault(label, [])
        elif line.startswith("---"):
            match = BLOCK.match(line)
            code = primary_code(match.group("code")) if match and match.group("code") else None
            blocks.append(Block(match.group("name").strip() if match else line.strip("- "), code))
            out.blocks += 1
        elif line.startswith("~"):
            out.skipped.append(Skipped(out.source_dictionary, number, line, "transformation",
                                       "verb transformation (an event nested in another) has no frame equivalent"))
        elif line.startswith("-"):
            out.patterns += 1
            if blocks:
                blocks[-1].patterns.append((number, line))
            else:
                out.skipped.append(Skipped(out.source_dictionary, number, line, "no-block", "before any block"))
        elif blocks:
            _read_verb(number, line, blocks[-1], out)
    return blocks



def _read_verb(number: int, line: str, block: Block, out: VerbDictionary) -> None:
    """A verb line: ``HEAD {inflected forms} [own code]``; the head is the base form."""
    out.verbs += 1
    own = TRAILING_CODE.search(line)
    code = primary_code(own.group("code")) if own else block.code
    head = re.sub(r"\{[^}]*\}", " ", line[: own.start()] if own else line).split()
    verb = _verb_frame(number, head[0], code, out) if head else None
    if verb is not None:
        out.verbs_without_code += code is None
        block.verbs.append(verb)


def _verb_frame(number: int, head: str, code: str | None, out: VerbDictionary) -> Verb | None:
    """A verb head ("SPEED", "+CARRY_OUT", "+ASK_FOR") as trigger, object and preposition."""
    words = [w for w in head.split("_") if w]
    problem = None
    if any(w.startswith("+") for w in words[1:]):
        problem = "words before the verb of a compound verb cannot be a frame"
    words = [w.lstrip("+").lower() for w in words]
    verb, rest = words[0], words[1:]
    if verb in COPULAS:
        problem = problem or "copula form ('is determined') is not a verb frame"
    elif rest and rest[0] in NOT_FRAMES:
        problem = problem or f"{NOT_FRAMES[rest[0]]} ({head}) is not a verb frame"
    trigger, prep = verb, None
    obj: tuple[str, ...] = ()
    if rest and rest[0] in PARTICLES:
        trigger, rest = f"{verb} {rest[0]}", rest[1:]
    if rest and rest[0] not in PREPOSITIONS:
        obj, rest = lemma_forms(rest[0]), rest[1:]
    if rest and rest[0] in PREPOSITIONS:
        prep, rest = rest[0], rest[1:]
    if rest:
        problem = problem or f"compound verb {head} is longer than verb, particle, object, preposition"
    if problem:
        out.skipped.append(Skipped(out.source_dictionary, number, head, "compound-verb", problem))
        return None
    return Verb(number, trigger, obj, prep, code)
