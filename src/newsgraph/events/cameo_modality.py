"""The CAMEO code CAMEO itself would give an intended or refused event (data/events/intent.tsv).

PLOVER keeps "will not send troops" as MOBILIZE with negated/future flags; CAMEO has no
flags and codes intentions and refusals as their own categories (03x "express intent to …",
12x "reject …", 13x "threaten …"). The record's ``cameo`` field is the closest CAMEO code,
so it follows CAMEO's convention while ``type`` and the flags keep PLOVER's.
"""

from __future__ import annotations

import csv
from functools import lru_cache
from importlib import resources

from newsgraph.errors import ConfigError

COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, str, str]]:
    text = resources.files("newsgraph").joinpath("data/events/intent.tsv").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    table: dict[str, tuple[str, str, str]] = {}
    for number, cells in enumerate(csv.reader(rows[1:], delimiter="\t"), start=2):
        code, future, hypothetical, refusal = (cells + ["", "", ""])[:4]
        for value in (code, future, hypothetical, refusal):
            if value and not value.isdigit():
                raise ConfigError(f"data/events/intent.tsv: row {number}: {value!r} is not a CAMEO code")
        table[code] = (future, hypothetical, refusal)
    return table


def cameo_for(code: str, negated: bool, future: bool, hypothetical: bool) -> str:
    """``code`` adjusted for the event's modes: 03x for intended cooperation, 12x for refused."""
    if not (negated or future or hypothetical):
        return code
    table = _table()
    for length in range(len(code), 1, -1):
        found = table.get(code[:length])
        if found is None:
            continue
        future_code, hypothetical_code, refusal = found
        if negated:
            return refusal or code
        if hypothetical:
            return hypothetical_code or code
        return future_code or code
    return code
