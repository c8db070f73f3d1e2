"""The PLOVER and CAMEO code tables: content checked against the published sources, validation pinned."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from newsgraph.errors import ConfigError
from newsgraph.events.tables import (
    CAMEO_FILE,
    PLOVER_FILE,
    cameo_codes,
    cameo_root,
    cameo_to_plover,
    find_code,
    goldstein,
    parse_cameo,
    parse_plover,
    plover_types,
    quad_of_root,
)
from tests.conftest import DATASETS, ROOT

PLOVER_16 = set(
    "AGREE CONSULT SUPPORT CONCEDE COOPERATE AID RETREAT REQUEST ACCUSE REJECT THREATEN PROTEST SANCTION "
    "MOBILIZE COERCE ASSAULT".split()
)
# The rows where cameo.tsv knowingly departs from CAMEO2PLOVER-2021 (each says why in its source cell).
CORRECTED_MODES = {"085", "1321", "1712", "175", "195"}


def _published_c2p() -> dict[str, tuple[str, str]]:
    """code → (PLOVER type, mode) from the PLOVER repository's CAMEO2PLOVER-2021 table (first entry wins)."""
    table: dict[str, tuple[str, str]] = {}
    for line in (DATASETS / "plover_gsr" / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        match = re.match(r"^(\d+):\s*([^#]*)", line)
        if match and match.group(1) not in table:
            parts = [p.strip() for p in match.group(2).split(",")] + ["", ""]
            table[match.group(1)] = (parts[0], parts[1])
    return table


def test_plover_table_has_the_16_types_with_the_projects_quads() -> None:
    types = plover_types()
    assert set(types) == PLOVER_16
    quads = {name: t.quad for name, t in types.items()}
    assert {n for n, q in quads.items() if q == 1} == {"AGREE", "CONSULT", "SUPPORT", "CONCEDE"}
    assert {n for n, q in quads.items() if q == 2} == {"COOPERATE", "AID", "RETREAT"}
    assert {n for n, q in quads.items() if q == 3} == {"REQUEST", "ACCUSE", "REJECT", "THREATEN"}
    assert quads["SANCTION"] == 4  # ONTOLOGY.md: the project takes SANCTION as material conflict
    assert types["ASSAULT"].score == -9 and types["AID"].score == 10
    assert "aerial" in types["ASSAULT"].modes and types["AGREE"].modes == ()


def test_cameo_table_covers_every_code_of_the_gdelt_codebook() -> None:
    codes = cameo_codes()
    published = [
        line.split("\t")[0]
        for line in (DATASETS / "cameo_phoenix_dictionaries" / "CAMEO.eventcodes.txt").read_text().splitlines()[1:]
        if re.match(r"^\d{2,4}\t", line)
    ]
    assert len(published) == 310
    assert set(published) <= set(codes)
    assert len(codes) == 313  # + 106 (missing from GDELT's name list) + 1213/1214 (PLOVER's table)
    assert {len(c) for c in codes} == {2, 3, 4}
    assert all(code[:2] in codes for code in codes)


def test_cameo_table_agrees_with_the_published_cameo_to_plover_table() -> None:
    codes, published = cameo_codes(), _published_c2p()
    assert len(published) > 250
    for code, (kind, mode) in published.items():
        row = codes[code]
        assert row.plover == kind, code
        if code not in CORRECTED_MODES and len(code) > 2:
            assert (row.mode or "") == mode, code
    statements = [c for c in codes if c[:2] in ("01", "02")]
    assert statements and all(codes[c].plover is None for c in statements)


def test_goldstein_values_are_the_gdelt_scale() -> None:
    assert goldstein("01") == 0.0 and goldstein("130") == -4.4 and goldstein("13") == -6.0
    assert goldstein("057") == 8.0 and goldstein("0874") == 10.0 and goldstein("182") == -9.5
    assert goldstein("1213") == goldstein("121") == -4.0  # not in GDELT's table: the parent's value
    values = [row.goldstein for row in cameo_codes().values()]
    assert min(values) == -10.0 and max(values) == 10.0


def test_lookups_fall_back_to_the_parent_code() -> None:
    assert cameo_to_plover("0311") == ("AGREE", None)
    assert cameo_to_plover("195") == ("ASSAULT", "aerial")
    assert cameo_to_plover("0357") == cameo_to_plover("035")  # a code the codebook never had
    assert cameo_to_plover("084") == ("RETREAT", None) and cameo_to_plover("08") == ("CONCEDE", None)
    assert cameo_to_plover("020") == (None, None)  # appeals have no PLOVER type
    assert cameo_to_plover("99") == (None, None) and goldstein("75A") is None
    assert goldstein("1951") == goldstein("195")
    assert find_code("173") is not None and find_code("173").mode == "arrest"  # type: ignore[union-attr]


def test_roots_and_penta_classes() -> None:
    assert cameo_root("0311") == "03" and cameo_root("20") == "20"
    for bad in ("3", "311", "21", "abcd", "03111"):  # "311" would be root 31, which does not exist
        with pytest.raises(ValueError, match="is not a CAMEO event code"):
            cameo_root(bad)
    assert [quad_of_root(r) for r in ("01", "02", "03", "05", "06", "08", "09", "13", "14", "15", "16", "20")] == [
        0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 3, 4,
    ]
    assert quad_of_root("0311") == 1


def _edit(path_text: str, code: str, column: int, value: str) -> str:
    """The table text with one cell of the row starting with ``code`` replaced."""
    lines = path_text.splitlines()
    for i, line in enumerate(lines):
        cells = line.split("\t")
        if cells[0] == code:
            cells[column] = value
            lines[i] = "\t".join(cells)
            return "\n".join(lines)
    raise AssertionError(f"no row {code}")


@pytest.mark.parametrize(
    ("code", "column", "value", "message"),
    [
        ("0311", 3, "AGREEE", r"unknown PLOVER type 'AGREEE'; use one of AGREE"),
        ("0311", 0, "311", r"code '311' is not a CAMEO event code; write 2-4 digits with the leading zero"),
        ("195", 2, "minus ten", r"goldstein 'minus ten' is not a number; write a number between -10 and 10"),
        ("195", 4, "drones", r"mode 'drones' is not a mode of ASSAULT \(abduct\|beat.*\); use one of its modes"),
        ("020", 4, "assist", r"mode 'assist' without a PLOVER type; fill the plover cell"),
        ("195", 2, "-12", r"goldstein -12 is outside -10..10"),
        ("0311", 5, "Economic", r"context 'Economic' is not a lower-case name"),
    ],
)
def test_a_bad_cameo_cell_is_reported_with_file_line_and_fix(code: str, column: int, value: str, message: str) -> None:
    text = _edit(CAMEO_FILE.read_text(encoding="utf-8"), code, column, value)
    line = 1 + next(i for i, row in enumerate(text.splitlines()) if row.split("\t")[0] == (value if column == 0 else code))
    with pytest.raises(ConfigError, match=rf"^cameo\.tsv:{line}: {message}"):
        parse_cameo(text, "cameo.tsv", plover_types())


def test_structural_errors_of_the_cameo_table() -> None:
    text = CAMEO_FILE.read_text(encoding="utf-8")
    rows = text.splitlines()
    with pytest.raises(ConfigError, match=r"code 0311 appears twice"):
        parse_cameo(text + "\n" + next(r for r in rows if r.startswith("0311\t")), "cameo.tsv", plover_types())
    with pytest.raises(ConfigError, match=r"code 0311 has no parent row 031; add the row for 031"):
        parse_cameo("\n".join(r for r in rows if not r.startswith("031\t")), "cameo.tsv", plover_types())
    with pytest.raises(ConfigError, match=r"the header is .*; it must be code<TAB>name<TAB>goldstein"):
        parse_cameo(text.replace("code\tname\t", "code\tlabel\t", 1), "cameo.tsv", plover_types())
    with pytest.raises(ConfigError, match=r"root codes 20 are missing"):
        parse_cameo("\n".join(r for r in rows if not r.startswith("20")), "cameo.tsv", plover_types())


def test_a_bad_plover_row_is_reported() -> None:
    text = PLOVER_FILE.read_text(encoding="utf-8")
    with pytest.raises(ConfigError, match=r"^plover\.tsv:\d+: quad '5' is not 1, 2, 3 or 4"):
        parse_plover(text.replace("SANCTION\t4\t", "SANCTION\t5\t"), "plover.tsv")
    with pytest.raises(ConfigError, match=r"mode 'Heavy Weapons' is not a lower-case name"):
        parse_plover(text.replace("heavy-weapons", "Heavy Weapons"), "plover.tsv")
    with pytest.raises(ConfigError, match=r"type ASSAULT appears twice"):
        parse_plover(text + next(r for r in text.splitlines() if r.startswith("ASSAULT")) + "\n", "plover.tsv")


def test_tables_load_fast_without_spacy() -> None:
    code = (
        "import sys, time; t = time.perf_counter(); from newsgraph.events.tables import plover_types, cameo_codes; "
        "plover_types(); cameo_codes(); print(round(time.perf_counter() - t, 3), 'spacy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    seconds, spacy = out.stdout.split()
    assert spacy == "False"
    assert float(seconds) < 1.5  # the budget for a stage's one-time load; measured ≈ 0.2 s incl. package import


def test_no_lexicon_row_lists_an_object_twice() -> None:
    from newsgraph.events.lexicon import load_lexicon

    for rows in load_lexicon().rows.values():
        for row in rows:
            assert len(set(row.object)) == len(row.object), (row.trigger, row.note)
