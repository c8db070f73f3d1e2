"""The cue lexicon: which words attribute speech, and which of their complements are speech.

Kept as a data file (``data/quotes/cues.tsv``) so the list can grow without touching the
matching code; it is read once per process and checked on load, because a typo in a data
file should stop the stage with a message, not silently stop finding quotes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsgraph.errors import ConfigError

CUES_FILE = Path(__file__).resolve().parent.parent / "data" / "quotes" / "cues.tsv"
HEADER = ("cue", "indirect", "why")
# Which complements of a cue report speech (see the file's header comment).
INDIRECT_KINDS = {
    "no": frozenset(),
    "ccomp": frozenset({"ccomp"}),
    "ccomp+xcomp": frozenset({"ccomp", "xcomp"}),
    "clause": frozenset({"clause"}),
}


@dataclass(frozen=True, slots=True)
class Cue:
    """One lexicon entry: ``first`` is the verb lemma or the phrase's first word."""

    name: str
    first: str
    second: str | None  # particle of a phrasal verb ("out") or the phrase's second word ("to")
    complements: frozenset[str]


@dataclass(frozen=True, slots=True)
class Lexicon:
    by_first: dict[str, tuple[Cue, ...]]

    def entries(self, first: str) -> tuple[Cue, ...]:
        return self.by_first.get(first, ())


@lru_cache(maxsize=1)
def load_lexicon(path: Path = CUES_FILE) -> Lexicon:
    """Read and validate the cue file once per process."""
    if not path.is_file():
        raise ConfigError(f"quote cue lexicon {path} is missing; reinstall newsgraph (it ships with the package)")
    by_first: dict[str, list[Cue]] = {}
    seen: set[str] = set()
    header_seen = False
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        fields = raw.split("\t")
        if not header_seen:
            if tuple(fields) != HEADER:
                raise ConfigError(f"{path}:{number}: header must be {'<TAB>'.join(HEADER)}; fix the first line")
            header_seen = True
            continue
        cue = _entry(path, number, fields, seen)
        by_first.setdefault(cue.first, []).append(cue)
    if not by_first:
        raise ConfigError(f"{path} holds no cues; restore the file from the package")
    return Lexicon({k: tuple(v) for k, v in by_first.items()})


def _entry(path: Path, number: int, fields: list[str], seen: set[str]) -> Cue:
    if len(fields) != len(HEADER):
        raise ConfigError(f"{path}:{number}: expected {len(HEADER)} tab-separated fields, found {len(fields)}")
    name, indirect, _why = (f.strip() for f in fields)
    words = name.split()
    if not 1 <= len(words) <= 2 or name != name.lower():
        raise ConfigError(f"{path}:{number}: cue {name!r} must be one or two lower-case words")
    if indirect not in INDIRECT_KINDS:
        raise ConfigError(f"{path}:{number}: indirect {indirect!r} must be one of {', '.join(INDIRECT_KINDS)}")
    if name in seen:
        raise ConfigError(f"{path}:{number}: cue {name!r} is listed twice; keep one line")
    seen.add(name)
    return Cue(name, words[0], words[1] if len(words) == 2 else None, INDIRECT_KINDS[indirect])
