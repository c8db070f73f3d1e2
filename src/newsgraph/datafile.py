"""Reading the project's TSV data files: one place for comments, headers and line-precise errors.

Every dictionary, lexicon and table under ``newsgraph/data`` is a tab-separated file with
``#`` comment lines and a header row. Loaders read them through :func:`rows`, so a broken
row always fails the same way: the file, the line, what is wrong and how to fix it.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from importlib import resources

from newsgraph.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Where:
    """A line of a data file, to name in an error."""

    path: str
    line: int

    def error(self, problem: str, fix: str) -> ConfigError:
        return ConfigError(f"{self.path}:{self.line}: {problem}; {fix}")


def package_text(relative: str) -> str:
    """A data file shipped in the package, e.g. ``data/events/lexicon.tsv``."""
    return resources.files("newsgraph").joinpath(relative).read_text(encoding="utf-8")


def rows(
    text: str, name: str, columns: tuple[str, ...], optional: tuple[str, ...] = ()
) -> Iterator[tuple[Where, dict[str, str]]]:
    """Data rows of a TSV with ``#`` comments, checked against the expected header.

    ``optional`` columns may be left out of the header (older files); their cells read "".
    """
    body = [(n, line.rstrip("\r\n")) for n, line in enumerate(text.splitlines(), start=1)]
    body = [(n, line) for n, line in body if line.strip() and not line.startswith("#")]
    if not body:
        raise ConfigError(f"{name}: no header and no rows; restore the file from the package")
    number, header = body[0]
    found = tuple(c.strip() for c in header.split("\t"))
    width = len(found)
    if found not in {columns + optional[:k] for k in range(len(optional) + 1)}:
        raise Where(name, number).error(
            f"the header is {header!r}", f"it must be {'<TAB>'.join(columns + optional)} (tab-separated, in this order)"
        )
    every = columns + optional
    for number, line in body[1:]:
        cells = line.split("\t")
        where = Where(name, number)
        if len(cells) > width:
            raise where.error(f"{len(cells)} cells, expected {width}", "remove the extra tabs")
        cells += [""] * (len(every) - len(cells))
        yield where, dict(zip(every, (c.strip() for c in cells), strict=True))
