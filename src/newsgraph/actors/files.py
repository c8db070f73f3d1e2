"""Read actor rows from files: our built-in TSVs and users' TSV and YAML files.

Each reader yields rows to :mod:`newsgraph.actors.tables`, which checks every cell; here only the
file-level checks live (header present, known columns, cell counts, YAML shape), each reported
with the file and line.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

from newsgraph.actors.tables import COLUMNS, TABLE_NAMES, RowReader, Rows, Where, read_row
from newsgraph.errors import ConfigError


def _tsv_lines(path: Path) -> Iterator[tuple[int, list[str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        for number, line in enumerate(f, start=1):
            line = line.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            yield number, [cell.strip() for cell in line.split("\t")]


def _tsv_rows(path: Path, allowed: set[str], required: Iterable[str]) -> Iterator[tuple[Where, dict[str, str]]]:
    lines = _tsv_lines(path)
    try:
        number, header = next(lines)
    except StopIteration:
        raise ConfigError(f"{path}: the file has no header row; start it with the column names") from None
    where = Where(str(path), number)
    unknown = [c for c in header if c not in allowed]
    if unknown:
        raise where.error(f"unknown column(s) {unknown}", f"the columns are: {', '.join(sorted(allowed))}")
    missing = [c for c in required if c not in header]
    if missing:
        raise where.error(f"missing column(s) {missing}", "add them to the header row (a column may stay empty)")
    for number, cells in lines:
        if len(cells) > len(header):
            raise Where(str(path), number).error(
                f"{len(cells)} cells for {len(header)} columns", "remove the extra tab or add the column to the header"
            )
        yield Where(str(path), number), dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True))


def read_builtin(path: Path, table: str) -> Rows:
    """One of our data files: every column of the schema must be in its header, every row sourced."""
    rows = Rows()
    columns = COLUMNS[table]
    for where, cells in _tsv_rows(path, set(columns), columns):
        read_row(rows, RowReader(where, table, cells, builtin=True))
    return rows


def read_user_tsv(path: Path) -> Rows:
    """A user TSV: a `table` column says which table each row belongs to."""
    rows = Rows()
    allowed = {"table"} | {c for cols in COLUMNS.values() for c in cols}
    for where, cells in _tsv_rows(path, allowed, ("table",)):
        table = TABLE_NAMES.get(cells.get("table", "").strip().lower())
        if table is None:
            raise where.error(f"table {cells.get('table')!r} is not known", f"use one of {sorted(set(TABLE_NAMES))}")
        read_row(rows, RowReader(where, table, cells, builtin=False))
    return rows


def read_user_yaml(path: Path) -> Rows:
    """A user YAML file: a mapping of table name → list of rows (mappings with the TSV columns)."""
    import yaml

    from newsgraph.actors.yamlines import load_with_lines

    try:
        document = load_with_lines(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 0
        raise ConfigError(f"{path}:{line}: not valid YAML ({err}); check indentation and quoting") from None
    rows = Rows()
    if document is None:
        return rows
    if not isinstance(document, dict):
        raise ConfigError(f"{path}:1: the file is not a mapping; start with e.g. 'groups:' then a list of rows")
    for key, items in document.items():
        if key == "__line__":
            continue
        table = TABLE_NAMES.get(str(key).lower())
        if table is None:
            raise ConfigError(f"{path}: unknown section {key!r}; use {', '.join(sorted(set(TABLE_NAMES)))}")
        for item in items or []:
            line = item.get("__line__", 0) if isinstance(item, dict) else 0
            where = Where(str(path), line)
            if not isinstance(item, dict):
                raise where.error(f"a {table} row is not a mapping", "write each row as 'column: value' lines")
            cells = {k: v for k, v in item.items() if k != "__line__"}
            unknown = [c for c in cells if c not in COLUMNS[table]]
            if unknown:
                raise where.error(
                    f"unknown column(s) {unknown} for {key}", f"the columns are: {', '.join(COLUMNS[table])}"
                )
            read_row(rows, RowReader(where, table, cells, builtin=False))
    return rows
