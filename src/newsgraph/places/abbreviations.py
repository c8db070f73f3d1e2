"""Abbreviated first-level regions: "Calif.", "N.Y.", "B.C.", "Ont.", "NSW", "CA", "BC".

News abbreviates states and provinces after a town ("Long Beach, CA", "Vancouver, B.C.") and
on their own ("a B.C. man", "the NSW government"). Dotted and stylebook forms ("Calif.",
"Ont.", "Qld") name their region wherever they stand. A bare postal code ("BC", "WA", "NT")
is also an ordinary abbreviation or word, and some codes name regions of two countries ("WA":
Washington and Western Australia), so on its own it is read as a region only in an article
that names that region's country (see :func:`postal_only`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsgraph.places.tables import AbbreviationRow, admin1_abbreviations

_POSTAL = re.compile(r"[A-Z]{2,3}")


def rows_for(form: str) -> tuple[AbbreviationRow, ...]:
    """Regions an abbreviation may name, US states first ("WA": Washington, Western Australia)."""
    table = _table()
    found = table.get(form.strip())
    if found is None and not form.endswith("."):
        found = table.get(form.strip() + ".")  # "Calif" for "Calif.", "N.Y" for "N.Y."
    return found or ()


def postal_only(form: str) -> bool:
    """A bare postal code ("BC", "NSW"): needs the region's country named in the article."""
    return _POSTAL.fullmatch(form.strip()) is not None


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[AbbreviationRow, ...]]:
    out: dict[str, list[AbbreviationRow]] = {}
    for row in admin1_abbreviations():
        for form in (row.postal, *row.ap):
            if form != row.postal and "." not in form and len(form) > 4:
                continue  # a full name ("Texas", "Alaska" in the AP column) is no abbreviation
            out.setdefault(form, []).append(row)
            if "." in form:
                out.setdefault(form.replace(". ", "."), []).append(row)  # "W. Va." / "W.Va."
    return {form: tuple(dict.fromkeys(rows)) for form, rows in out.items()}

