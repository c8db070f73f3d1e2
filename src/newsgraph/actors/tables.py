"""Check actor dictionary rows cell by cell and turn them into entries, agent nouns and titles.

Every row of data/actors/ and of every ``--actors`` file goes through here (the file readers are
in :mod:`newsgraph.actors.files`), so a typo in a code,
a date the wrong way round or a missing column is reported once, with the file, the line and
the fix, instead of surfacing later as a wrong actor. Cross-row checks (aliases shared between
entries, parents that do not exist) run after merging, in :mod:`newsgraph.actors.merge`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from newsgraph.actors.cameo import compose
from newsgraph.actors.entries import (
    ACTOR_KINDS_SET,
    ID_PREFIX,
    RANKS,
    SECTORS,
    AgentNoun,
    Entry,
    Title,
    iso3_codes,
    valid_country,
)
from newsgraph.actors.normalise import CASE_MARK, normalise, split_alias
from newsgraph.datafile import Where
from newsgraph.errors import ConfigError

COLUMNS: dict[str, tuple[str, ...]] = {
    "country": ("iso3", "iso2", "name", "aliases", "demonyms", "capital", "capital_aliases", "source"),
    "organization": ("id", "name", "aliases", "kind", "country", "sector", "cameo", "parent", "source"),
    "group": ("id", "name", "aliases", "kind", "country", "sector", "cameo", "start", "end", "source"),
    "person": ("id", "name", "aliases", "country", "sector", "role", "start", "end", "source"),
    "agent": ("noun", "plural", "kind", "sector", "needs_owner", "source", "cameo"),
    "title": ("title", "role", "kind", "sector", "rank", "source"),
}
REQUIRED: dict[str, tuple[str, ...]] = {
    "country": ("iso3", "iso2", "name"),
    "organization": ("id", "name", "kind"),
    "group": ("id", "name", "kind"),
    "person": ("id", "name", "country", "role"),
    "agent": ("noun", "kind", "sector", "needs_owner"),
    "title": ("title", "role", "kind", "sector", "rank"),
}
BUILTIN_FILES = {
    "country": "countries.tsv",
    "organization": "organizations.tsv",
    "group": "groups.tsv",
    "person": "people.tsv",
    "agent": "agents.tsv",
    "title": "titles.tsv",
}
# Names a user may give a table: the YAML keys and the values of a user TSV's `table` column.
TABLE_NAMES = {
    "country": "country", "countries": "country",
    "organization": "organization", "organizations": "organization", "organisation": "organization",
    "organisations": "organization", "org": "organization", "orgs": "organization",
    "group": "group", "groups": "group",
    "person": "person", "people": "person", "persons": "person",
    "agent": "agent", "agents": "agent",
    "title": "title", "titles": "title",
}  # fmt: skip
LIST_CELLS = frozenset({"aliases", "demonyms", "capital_aliases"})
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
CODE = re.compile(r"^(?:[A-Z]{3})+$")
AGENT_CODE = re.compile(r"^(?:~(?:[A-Z]{3})*|(?:[A-Z]{3})+~)$")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
YES = {"yes": True, "true": True, "y": True, "no": False, "false": False, "n": False}


@dataclass(frozen=True, slots=True)
class Located:
    """An entry with where it was read, its case-sensitive forms and (countries) its extra names."""

    entry: Entry
    where: Where
    forms: tuple[tuple[str, bool], ...]  # (name or alias as written, case-sensitive?)
    demonyms: tuple[tuple[str, bool], ...] = ()
    capitals: tuple[tuple[str, bool], ...] = ()
    foreign: bool = False  # read from a Phoenix file: exempt from the shared-alias check


@dataclass
class Rows:
    """Everything one file contributed, in file order."""

    entries: list[Located] = field(default_factory=list)
    agents: list[tuple[AgentNoun, Where]] = field(default_factory=list)
    titles: list[tuple[Title, Where]] = field(default_factory=list)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def _items(value: Any) -> list[str]:
    """A list cell: ``a|b|c`` in TSV, a YAML list or a ``|``-joined YAML string."""
    if value is None:
        return []
    parts = value if isinstance(value, list) else _text(value).split("|")
    return [p for p in (_text(v) for v in parts) if p]


class RowReader:
    """Turns one row (a mapping of column → cell) of a given table into checked records."""

    def __init__(self, where: Where, table: str, cells: Mapping[str, Any], builtin: bool) -> None:
        self.where = where
        self.table = table
        self.cells = cells
        self.builtin = builtin

    def fail(self, problem: str, fix: str) -> ConfigError:
        return self.where.error(problem, fix)

    def text(self, column: str) -> str:
        return _text(self.cells.get(column))

    def optional(self, column: str) -> str | None:
        return self.text(column) or None

    def forms(self, column: str) -> tuple[tuple[str, bool], ...]:
        out = []
        for item in _items(self.cells.get(column)):
            alias, exact = split_alias(item)
            if not alias or not normalise(alias):
                raise self.fail(f"empty alias {item!r} in {column}", "remove it or write the name after '='")
            out.append((alias, exact))
        return tuple(out)

    def source(self) -> str:
        given = self.text("source")
        if given:
            return given
        if self.builtin:
            raise self.fail("the source cell is empty", "name where the fact can be checked (e.g. 'ISO 3166-1')")
        return f"user file {self.where.path}:{self.where.line}"

    def choice(self, column: str, allowed: Iterable[str], what: str, empty_ok: bool = False) -> str | None:
        value = self.text(column)
        if not value and empty_ok:
            return None
        if value not in allowed:
            raise self.fail(f"{column} {value!r} is not {what}", f"use one of: {', '.join(sorted(allowed))}")
        return value

    def country(self, column: str = "country", empty_ok: bool = True) -> str | None:
        value = self.text(column).upper()
        if not value and empty_ok:
            return None
        if not valid_country(value):
            raise self.fail(
                f"{column} {value!r} is not an ISO 3166-1 alpha-3 code or a non-state code",
                "use e.g. IRQ, USA, PSE, XKX, or IGO/UNO/EUR/NGO/IMG/MNC/ISM",
            )
        return value

    def day(self, column: str) -> date | None:
        value = self.cells.get(column)
        if isinstance(value, date):
            return value
        raw = _text(value)
        if not raw:
            return None
        try:
            if not DAY.match(raw):
                raise ValueError(raw)
            return date.fromisoformat(raw)
        except ValueError:
            raise self.fail(
                f"{column} {raw!r} is not a date", "write YYYY-MM-DD (a year alone as YYYY-01-01)"
            ) from None

    def span(self) -> tuple[date | None, date | None]:
        start, end = self.day("start"), self.day("end")
        if start and end and start > end:
            raise self.fail(f"start {start} is after end {end}", "swap them or correct the wrong one")
        return start, end

    def ident(self) -> str:
        raw = self.text("id")
        prefix = ID_PREFIX[self.table] + ":"
        slug = raw[len(prefix) :] if raw.startswith(prefix) else raw
        if not SLUG.match(slug):
            raise self.fail(
                f"id {raw!r} is not a slug", "use lower-case letters, digits and '-' (e.g. 'un-security-council')"
            )
        return prefix + slug

    def cameo(self, country: str | None, sector: str | None) -> str | None:
        given = self.text("cameo").upper()
        if given and not CODE.match(given):
            raise self.fail(f"cameo {given!r} is not a CAMEO actor code", "write 3-letter blocks, e.g. IGOUNO, IRQMIL")
        return given or compose(country, sector)

    def agent_cameo(self) -> str | None:
        """An agent noun's CAMEO code as PETRARCH agents files write it: ``~GOV`` after the owner's
        code, ``NGO~`` before it, and ``~`` alone for a noun CAMEO codes by its owner only."""
        given = self.text("cameo").upper().replace(" ", "")
        if given and not AGENT_CODE.match(given):
            raise self.fail(f"cameo {given!r} is not a CAMEO agent code",
                            "write ~ and 3-letter blocks after it (~MIL) or before it (NGO~), or ~ alone")
        return given or None

    def check_required(self) -> None:
        for column in REQUIRED[self.table]:
            if not self.text(column):
                raise self.fail(
                    f"the {column} cell is empty", f"every {self.table} row needs {', '.join(REQUIRED[self.table])}"
                )


def read_row(rows: Rows, reader: RowReader) -> None:
    """Check one row and add what it yields to ``rows``."""
    reader.check_required()
    builder = {
        "country": _country,
        "organization": _organization,
        "group": _group,
        "person": _person,
        "agent": _agent,
        "title": _title,
    }[reader.table]
    builder(rows, reader)


def _country(rows: Rows, r: RowReader) -> None:
    iso3 = r.text("iso3").upper()
    if iso3 not in iso3_codes():
        raise r.fail(f"iso3 {iso3!r} is not an ISO 3166-1 alpha-3 code", "check the code in ISO 3166-1 (Kosovo is XKX)")
    iso2 = r.text("iso2").upper()
    if not re.fullmatch(r"[A-Z]{2}", iso2):
        raise r.fail(f"iso2 {iso2!r} is not two letters", "write the ISO 3166-1 alpha-2 code")
    expected = _alpha2(iso3)
    if expected and expected != iso2:
        raise r.fail(f"iso2 {iso2} does not belong to {iso3}", f"ISO 3166-1 gives {expected}")
    name = r.text("name")
    aliases = r.forms("aliases")
    capital = r.forms("capital")
    entry = Entry(
        f"country:{iso3}", "country", name, "country", iso3, None, None, iso3,
        tuple(a for a, _ in aliases), None, None, None, r.source(),
    )  # fmt: skip
    rows.entries.append(
        Located(entry, r.where, ((name, False), *aliases), r.forms("demonyms"), capital + r.forms("capital_aliases"))
    )


def _alpha2(iso3: str) -> str | None:
    import pycountry

    found = pycountry.countries.get(alpha_3=iso3)
    return found.alpha_2 if found is not None else ("XK" if iso3 == "XKX" else None)


def _body(rows: Rows, r: RowReader, start: date | None, end: date | None, parent: str | None) -> None:
    kind = r.choice("kind", ACTOR_KINDS_SET, "an actor kind")
    country = r.country()
    sector = r.choice("sector", SECTORS, "a PLOVER sector", empty_ok=True)
    name = r.text("name")
    aliases = r.forms("aliases")
    entry = Entry(
        r.ident(), r.table, name, kind or "other", country, sector, None, r.cameo(country, sector),
        tuple(a for a, _ in aliases), start, end, parent, r.source(),
    )  # fmt: skip
    rows.entries.append(Located(entry, r.where, ((name, False), *aliases)))


def _organization(rows: Rows, r: RowReader) -> None:
    parent = r.text("parent")
    if parent and not SLUG.match(parent.removeprefix("org:")):
        raise r.fail(f"parent {parent!r} is not an organisation id", "give the id of another organizations row")
    _body(rows, r, None, None, "org:" + parent.removeprefix("org:") if parent else None)


def _group(rows: Rows, r: RowReader) -> None:
    start, end = r.span()
    _body(rows, r, start, end, None)


def _person(rows: Rows, r: RowReader) -> None:
    country = r.country(empty_ok=False)
    sector = r.choice("sector", SECTORS, "a PLOVER sector", empty_ok=True)
    start, end = r.span()
    name = r.text("name")
    aliases = r.forms("aliases")
    entry = Entry(
        r.ident(), "person", name, "person", country, sector, r.text("role"), compose(country, sector),
        tuple(a for a, _ in aliases), start, end, None, r.source(),
    )  # fmt: skip
    rows.entries.append(Located(entry, r.where, ((name, False), *aliases)))


def _agent(rows: Rows, r: RowReader) -> None:
    owner = r.text("needs_owner").lower()
    if owner not in YES:
        raise r.fail(f"needs_owner {owner!r} is not yes or no", "write yes or no")
    noun = AgentNoun(
        normalise(r.text("noun")),
        normalise(r.text("plural")),
        r.choice("kind", ACTOR_KINDS_SET, "an actor kind") or "other",
        r.choice("sector", SECTORS, "a PLOVER sector") or "UNK",
        YES[owner],
        r.agent_cameo(),
        r.source(),
    )
    rows.agents.append((noun, r.where))


def _title(rows: Rows, r: RowReader) -> None:
    title = Title(
        r.text("title"),
        r.text("role"),
        r.choice("kind", ACTOR_KINDS_SET, "an actor kind") or "other",
        r.choice("sector", SECTORS, "a PLOVER sector") or "UNK",
        r.choice("rank", RANKS, "a rank") or "other",
        r.source(),
    )
    rows.titles.append((title, r.where))


def case_key(text: str, exact: bool) -> str:
    """The index key of a form: normalised, or ``=`` + case-kept normalisation when case-sensitive."""
    return CASE_MARK + normalise(text, keep_case=True) if exact else normalise(text)
