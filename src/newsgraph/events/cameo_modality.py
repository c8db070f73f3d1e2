"""The CAMEO code CAMEO itself would give an intended or refused event (data/events/intent.tsv).

PLOVER keeps "will not send troops" as MOBILIZE with negated/future flags; CAMEO has no
flags and codes intentions and refusals as their own categories (03x "express intent to …",
12x "reject …", 13x "threaten …"). The record's ``cameo`` field is the closest CAMEO code,
so it follows CAMEO's convention while ``type`` and the flags keep PLOVER's.
"""

from __future__ import annotations

from functools import lru_cache

from newsgraph.datafile import package_text, rows

COOPERATIVE_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, str, str]]:
    name = "data/events/intent.tsv"
    table: dict[str, tuple[str, str, str]] = {}
    for where, cells in rows(package_text(name), name, ("code", "future", "hypothetical", "refusal")):
        for value in cells.values():
            if value and not value.isdigit():
                raise where.error(f"{value!r} is not a CAMEO code", "write digits with leading zeros, e.g. 0332")
        table[cells["code"]] = (cells["future"], cells["hypothetical"], cells["refusal"])
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
