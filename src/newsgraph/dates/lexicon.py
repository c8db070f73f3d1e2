"""The dates stage's word lists, read once from ``data/dates/words.tsv`` and validated.

Weekday and month names, counts, units, relative words and the verbs that mark a future
clause are vocabulary, not logic: they live in one data file so they can be read,
reviewed and extended without touching the matching code. Each ``kind`` says how its
``value`` column is read; a row that does not fit is a :class:`~newsgraph.errors.ConfigError`
naming the line, so a bad edit fails at load time instead of silently dropping dates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsgraph.errors import ConfigError

WORDS_FILE = Path(__file__).resolve().parent.parent / "data" / "dates" / "words.tsv"

# How each kind's value column is read: "int", "text" (kept as written) or "none" (ignored).
KIND_VALUES = {
    "weekday": "int",
    "month": "int",
    "month_abbr": "int",
    "number": "int",
    "unit": "text",
    "daypart": "none",
    "deictic": "int",
    "relative": "int",
    "modifier": "none",
    "part_position": "int",
    "season": "text",
    "ordinal": "int",
    "century": "int",
    "context": "none",
    "future_aux": "none",
    "future_head": "none",
    "future_state": "none",
    "nearby": "none",
    "named_day": "none",
    "until": "none",
    "range_link": "none",
    "season_context": "none",
}


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Every word list, keyed by kind, word → value (None for kinds without values)."""

    words: dict[str, dict[str, int | str | None]]

    def values(self, kind: str) -> dict[str, int | str | None]:
        return self.words[kind]

    def number(self, kind: str, word: str) -> int:
        """The integer value of ``word`` (any case, spaces collapsed) in ``kind``."""
        value = self.words[kind][normal(word)]
        assert isinstance(value, int)
        return value

    def text(self, kind: str, word: str) -> str:
        value = self.words[kind][normal(word)]
        assert isinstance(value, str)
        return value

    def has(self, kind: str, word: str) -> bool:
        return normal(word) in self.words[kind]

    def alternation(self, *kinds: str) -> str:
        """A regex alternation of the kinds' words, longest first so 'this past' beats 'this'."""
        words = sorted({w for k in kinds for w in self.words[k]}, key=lambda w: (-len(w), w))
        return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + ")"


def normal(word: str) -> str:
    """Lookup form: lower case, one space between words, no abbreviation dot."""
    return " ".join(word.lower().rstrip(".").split())


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return read_lexicon(WORDS_FILE)


def read_lexicon(path: Path) -> Lexicon:
    """Parse and validate the TSV (``kind, word, value, note``; ``#`` lines are comments)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise ConfigError(f"{path}: cannot read the dates word list ({err}); reinstall newsgraph") from err
    words: dict[str, dict[str, int | str | None]] = {kind: {} for kind in KIND_VALUES}
    header_seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            header_seen = True
            if cells[:3] != ["kind", "word", "value"]:
                raise ConfigError(f"{path}:{number}: header must start kind, word, value; restore the file's header")
            continue
        kind, word, value = _row(path, number, cells)
        words[kind][word] = value
    missing = [kind for kind, entries in words.items() if not entries]
    if missing:
        raise ConfigError(f"{path}: no words of kind {', '.join(missing)}; the dates stage needs them all")
    return Lexicon(words)


def _row(path: Path, number: int, cells: list[str]) -> tuple[str, str, int | str | None]:
    where = f"{path}:{number}"
    if len(cells) < 3:
        raise ConfigError(f"{where}: expected kind, word, value separated by tabs; fix the row")
    kind, word, raw = cells[0].strip(), cells[1], cells[2].strip()
    if kind not in KIND_VALUES:
        raise ConfigError(f"{where}: unknown kind {kind!r}; use one of {', '.join(KIND_VALUES)}")
    if not word.strip() or word != normal(word):
        raise ConfigError(f"{where}: word {word!r} must be lower case, single-spaced, without a final dot")
    how = KIND_VALUES[kind]
    if how == "none":
        return kind, word, None
    if how == "text":
        if not raw:
            raise ConfigError(f"{where}: {kind} {word!r} needs a value; fill the value column")
        return kind, word, raw
    try:
        return kind, word, int(raw)
    except ValueError:
        raise ConfigError(f"{where}: {kind} {word!r} needs an integer value, not {raw!r}; fix the value column") from None
