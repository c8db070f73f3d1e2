"""Merge the rows of several files (later files override earlier ones) and check them together.

The checks that need every row at once live here: a name or alias shared by two entries of the
same table (the resolver could not tell them apart unless their dates separate them), demonyms
or capitals shared by two countries, and organisation parents that do not exist.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from newsgraph.actors.entries import AgentNoun, Entry, Title
from newsgraph.actors.normalise import normalise
from newsgraph.actors.tables import Located, Rows, Where, case_key


@dataclass
class Merged:
    """The winning rows, in load order; people keep one row per tenure."""

    entries: dict[str, list[Located]] = field(default_factory=dict)
    agents: dict[str, tuple[AgentNoun, Where]] = field(default_factory=dict)
    titles: dict[str, tuple[Title, Where]] = field(default_factory=dict)

    def located(self) -> list[Located]:
        return [loc for rows in self.entries.values() for loc in rows]


def _check_own_duplicates(rows: Rows) -> None:
    """Within one file an id appears once (people: once per tenure, so many rows may share it)."""
    seen: dict[str, Where] = {}
    for loc in rows.entries:
        if loc.foreign or loc.entry.table == "person":
            continue
        first = seen.setdefault(loc.entry.id, loc.where)
        if first is not loc.where:
            raise loc.where.error(
                f"id {loc.entry.id} is already used at line {first.line}",
                "give each row its own id (or merge the rows)",
            )
    for what, items in (("noun", rows.agents), ("title", rows.titles)):
        firsts: dict[str, Where] = {}
        for item, where in items:
            key = normalise(item.noun if isinstance(item, AgentNoun) else item.title)
            if isinstance(item, AgentNoun) and item.cameo is not None:
                continue  # Phoenix agent files repeat nouns; the later row wins, as in PETRARCH
            first = firsts.setdefault(key, where)
            if first is not where:
                raise where.error(f"{what} {key!r} is already listed at line {first.line}", "keep one row per " + what)


def merge(sources: Sequence[Rows]) -> Merged:
    """Apply ``sources`` in order: an id given again replaces every earlier row with that id."""
    merged = Merged()
    for rows in sources:
        _check_own_duplicates(rows)
        fresh: dict[str, list[Located]] = defaultdict(list)
        for loc in rows.entries:
            fresh[loc.entry.id].append(loc)
        for ident, locs in fresh.items():
            merged.entries.pop(ident, None)
            merged.entries[ident] = locs
        for noun, where in rows.agents:
            merged.agents[noun.noun] = (noun, where)
        for title, where in rows.titles:
            merged.titles[normalise(title.title)] = (title, where)
    check(merged)
    return merged


def _overlap(a: Entry, b: Entry) -> bool:
    """Two entries can both be meant on some day (an entry with neither date is meant on every day)."""
    if (a.start is None and a.end is None) or (b.start is None and b.end is None):
        return True
    return (a.start or date.min) <= (b.end or date.max) and (b.start or date.min) <= (a.end or date.max)


def _check_shared(label: str, keyed: dict[tuple[str, str], list[Located]], dated: bool) -> None:
    for (_table, key), locs in keyed.items():
        ids = {loc.entry.id for loc in locs}
        if len(ids) < 2:
            continue
        for i, a in enumerate(locs):
            for b in locs[i + 1 :]:
                if a.entry.id == b.entry.id:
                    continue
                if dated and not _overlap(a.entry, b.entry):
                    continue
                late, early = b, a
                raise late.where.error(
                    f"{label} {key!r} of {late.entry.id} is also used by {early.entry.id} "
                    f"({early.where.path}:{early.where.line})",
                    "remove it from one of them, give both dates that do not overlap, "
                    f"or reuse the id {early.entry.id} to override that entry",
                )


def check(merged: Merged) -> None:
    """Cross-row checks over the merged rows of our own formats (Phoenix rows are exempt)."""
    forms: dict[tuple[str, str], list[Located]] = defaultdict(list)
    demonyms: dict[tuple[str, str], list[Located]] = defaultdict(list)
    capitals: dict[tuple[str, str], list[Located]] = defaultdict(list)
    for loc in merged.located():
        if loc.foreign:
            continue
        table = loc.entry.table
        for text, exact in loc.forms:
            bucket = forms[(table, case_key(text, exact))]
            if loc not in bucket:
                bucket.append(loc)
        for text, exact in loc.demonyms:
            demonyms[(table, case_key(text, exact))].append(loc)
        for text, exact in loc.capitals:
            capitals[(table, case_key(text, exact))].append(loc)
        parent = loc.entry.parent
        if parent is not None and parent not in merged.entries:
            raise loc.where.error(f"parent {parent} does not exist", "use the id of an organizations row")
    _check_shared("name or alias", forms, dated=True)
    _check_shared("demonym", demonyms, dated=False)
    _check_shared("capital", capitals, dated=False)
