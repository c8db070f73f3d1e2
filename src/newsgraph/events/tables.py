"""The code tables of event coding: PLOVER types (data/events/plover.tsv) and CAMEO codes (cameo.tsv).

Every event newsgraph emits carries a PLOVER type with its quad and score, and the closest
CAMEO code with its Goldstein value; converted PETRARCH dictionaries and the gold-data
evaluations translate CAMEO codes through the same tables. They are read once, on first use
(no spaCy, a few milliseconds), and checked cell by cell so that a bad edit — a misspelt type,
a code without leading zero, a mode the type does not have — fails at load time with the
file, the line and the fix, instead of surfacing later as a wrong event.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from newsgraph.datafile import Where
from newsgraph.datafile import rows as _rows
from newsgraph.errors import ConfigError

DATA = Path(__file__).resolve().parent.parent / "data" / "events"
PLOVER_FILE = DATA / "plover.tsv"
CAMEO_FILE = DATA / "cameo.tsv"
PLOVER_COLUMNS = ("type", "quad", "score", "modes", "description", "source")
CAMEO_COLUMNS = ("code", "name", "goldstein", "plover", "mode", "context", "source")

CODE = re.compile(r"^(?:0[1-9]|1\d|20)\d{0,2}$")  # CAMEO roots 01..20, then up to two digits
TYPE_NAME = re.compile(r"^[A-Z]+$")
MODE_NAME = re.compile(r"^[a-z][a-z-]*$")
CONTEXT_NAME = re.compile(r"^[a-z][a-z_]*$")
ROOTS = tuple(f"{n:02d}" for n in range(1, 21))

# CAMEO root → the Phoenix "penta-class" (0 neutral, 1 verbal cooperation, 2 material cooperation,
# 3 verbal conflict, 4 material conflict). ConfliBERT's cameo_class labels follow it: the Phoenix
# pipeline's own conversion puts 16 (reduce relations) in 3, and ConfliBERT's sentences about
# expelling diplomats or suspending aid are labelled 3. GDELT's QuadClass differs (09 → 2,
# 14 → 3, 16 → 4); our events take their quad from the PLOVER type, not from this table.
PENTA_CLASS_OF_ROOT: dict[str, int] = {
    "01": 0, "02": 0, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "09": 3, "10": 3,
    "11": 3, "12": 3, "13": 3, "14": 4, "15": 4, "16": 3, "17": 4, "18": 4, "19": 4, "20": 4,
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class PloverType:
    type: str
    quad: int
    score: float
    modes: tuple[str, ...]
    description: str


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    name: str
    goldstein: float
    plover: str | None
    mode: str | None
    context: str | None  # PLOVER contexts, "|"-joined as in the file ("crime|corruption")


def _number(where: Where, column: str, value: str, low: float, high: float) -> float:
    try:
        number = float(value)
    except ValueError:
        fix = f"write a number between {low:g} and {high:g}"
        raise where.error(f"{column} {value!r} is not a number", fix) from None
    if not low <= number <= high:
        raise where.error(f"{column} {value} is outside {low:g}..{high:g}", "check the value against its source")
    return number


def parse_plover(text: str, name: str) -> dict[str, PloverType]:
    """The PLOVER types of a plover.tsv text, by name; ``name`` is used in error messages."""
    types: dict[str, PloverType] = {}
    for where, cells in _rows(text, name, PLOVER_COLUMNS):
        kind = cells["type"]
        if not TYPE_NAME.match(kind):
            raise where.error(f"type {kind!r} is not an upper-case PLOVER type name", "write it like ASSAULT")
        if kind in types:
            raise where.error(f"type {kind} appears twice", "keep one row per type")
        if cells["quad"] not in ("1", "2", "3", "4"):
            raise where.error(f"quad {cells['quad']!r} is not 1, 2, 3 or 4", "use the quad class of the type")
        modes = tuple(m for m in cells["modes"].split("|") if m)
        for mode in modes:
            if not MODE_NAME.match(mode):
                raise where.error(f"mode {mode!r} is not a lower-case name", "write modes like air-strike, | separated")
        if len(set(modes)) != len(modes):
            raise where.error("a mode is listed twice", "list each mode once")
        if not cells["description"]:
            raise where.error("empty description", "describe the type in one line")
        score = _number(where, "score", cells["score"], -10, 10)
        types[kind] = PloverType(kind, int(cells["quad"]), score, modes, cells["description"])
    if not types:
        raise ConfigError(f"{name}: no PLOVER types; restore the file from the package")
    return types


def _cameo_row(where: Where, cells: dict[str, str], types: dict[str, PloverType]) -> CameoCode:
    code = cells["code"]
    if not CODE.match(code):
        raise where.error(
            f"code {code!r} is not a CAMEO event code", "write 2-4 digits with the leading zero, root 01-20 (\"0311\")"
        )
    if not cells["name"]:
        raise where.error(f"code {code} has no name", "give it a short name")
    goldstein = _number(where, "goldstein", cells["goldstein"], -10, 10)
    plover, mode = cells["plover"] or None, cells["mode"] or None
    if plover is not None and plover not in types:
        raise where.error(
            f"unknown PLOVER type {plover!r}", f"use one of {', '.join(types)} or leave the cell empty"
        )
    if mode is not None:
        if plover is None:
            raise where.error(f"mode {mode!r} without a PLOVER type", "fill the plover cell or empty the mode")
        if mode not in types[plover].modes:
            raise where.error(
                f"mode {mode!r} is not a mode of {plover} ({'|'.join(types[plover].modes) or 'it has none'})",
                "use one of its modes, leave the cell empty, or declare the mode in plover.tsv",
            )
    contexts = [c for c in cells["context"].split("|") if c]
    for context in contexts:
        if not CONTEXT_NAME.match(context):
            raise where.error(f"context {context!r} is not a lower-case name", "write them like human_rights, | separated")
    return CameoCode(code, cells["name"], goldstein, plover, mode, "|".join(contexts) or None)


def parse_cameo(text: str, name: str, types: dict[str, PloverType]) -> dict[str, CameoCode]:
    """The CAMEO codes of a cameo.tsv text, checked against the PLOVER ``types``."""
    codes: dict[str, CameoCode] = {}
    places: dict[str, Where] = {}
    for where, cells in _rows(text, name, CAMEO_COLUMNS):
        row = _cameo_row(where, cells, types)
        if row.code in codes:
            raise where.error(f"code {row.code} appears twice (first on line {places[row.code].line})", "keep one row")
        codes[row.code] = row
        places[row.code] = where
    for code, where in places.items():
        parent = code[:-1] if len(code) == 4 else code[:2]
        if len(code) > 2 and parent not in codes:
            raise where.error(f"code {code} has no parent row {parent}", f"add the row for {parent}")
    missing = [root for root in ROOTS if root not in codes]
    if missing:
        raise ConfigError(f"{name}: root codes {', '.join(missing)} are missing; every root 01-20 needs a row")
    return codes


@lru_cache(maxsize=1)
def plover_types() -> dict[str, PloverType]:
    """The 16 PLOVER types of data/events/plover.tsv (read once)."""
    return parse_plover(PLOVER_FILE.read_text(encoding="utf-8"), str(PLOVER_FILE))


@lru_cache(maxsize=1)
def cameo_codes() -> dict[str, CameoCode]:
    """Every CAMEO code of data/events/cameo.tsv (read once)."""
    return parse_cameo(CAMEO_FILE.read_text(encoding="utf-8"), str(CAMEO_FILE), plover_types())


def cameo_root(code: str) -> str:
    """The two-digit root of a CAMEO code: "0311" → "03"."""
    if not CODE.match(code):
        raise ValueError(f"{code!r} is not a CAMEO event code (2-4 digits, root 01-20)")
    return code[:2]


def find_code(code: str) -> CameoCode | None:
    """The row of ``code``, else of its 3-digit, then 2-digit parent; None for an unknown root.

    Dictionaries and gold files use codes the codebook never had ("0357", "1951"); their
    nearest listed ancestor is the best reading of them.
    """
    if not CODE.match(code):
        return None
    codes = cameo_codes()
    for candidate in (code, code[:3], code[:2]):
        if candidate in codes:
            return codes[candidate]
    return None


def cameo_to_plover(code: str) -> tuple[str | None, str | None]:
    """(PLOVER type, mode) of a CAMEO code, through its parents; (None, None) when it has none."""
    row = find_code(code)
    return (row.plover, row.mode) if row else (None, None)


def goldstein(code: str) -> float | None:
    """The Goldstein value of a CAMEO code (or of its nearest listed parent); None if unknown."""
    row = find_code(code)
    return row.goldstein if row else None


def quad_of_root(root: str) -> int:
    """The Phoenix penta-class (0-4) of a CAMEO root or code — the label scheme of ConfliBERT's data."""
    return PENTA_CLASS_OF_ROOT[cameo_root(root)]
