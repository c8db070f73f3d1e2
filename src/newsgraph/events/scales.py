"""Quad class, PLOVER score and Goldstein value of a coded event, from the data tables.

The quad class and the score come from the PLOVER type (data/events/plover.tsv); the
Goldstein value from the CAMEO code (data/events/cameo.tsv), falling back to its parent
code when a 4-digit code has no value of its own.
"""

from __future__ import annotations


def event_scales(plover_type: str, cameo: str | None) -> tuple[int | None, float | None, float | None]:
    from newsgraph.events.tables import goldstein, plover_types

    found = plover_types().get(plover_type)
    quad = found.quad if found else None
    score = found.score if found else None
    return quad, score, goldstein(cameo) if cameo else None
