"""The word list loads, and a bad edit fails loudly with the file, line and fix."""

from pathlib import Path

import pytest

from newsgraph.dates.lexicon import KIND_VALUES, lexicon, read_lexicon
from newsgraph.errors import ConfigError


def test_shipped_word_list_has_every_kind() -> None:
    lex = lexicon()
    assert set(lex.words) == set(KIND_VALUES)
    assert lex.number("weekday", "Sunday") == 6
    assert lex.number("month_abbr", "Sept.") == 9
    assert lex.text("season", "fall") == "FA"


def _write(tmp_path: Path, rows: list[str]) -> Path:
    path = tmp_path / "words.tsv"
    good = [f"{kind}\tx{kind}\t1" if KIND_VALUES[kind] == "int" else f"{kind}\tx{kind}\tv" for kind in KIND_VALUES]
    path.write_text("\n".join(["kind\tword\tvalue\tnote", *good, *rows]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("weekday\tfunday\tseven", "needs an integer value"),
        ("planet\tmars\t4", "unknown kind 'planet'"),
        ("month\tMarch\t3", "must be lower case"),
        ("season\tmonsoon\t", "needs a value"),
    ],
)
def test_bad_rows_name_the_line(tmp_path: Path, row: str, message: str) -> None:
    path = _write(tmp_path, [row])
    with pytest.raises(ConfigError) as err:
        read_lexicon(path)
    assert message in str(err.value)
    assert f"{path}:{len(KIND_VALUES) + 2}" in str(err.value)


def test_a_missing_kind_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "words.tsv"
    path.write_text("kind\tword\tvalue\nweekday\tmonday\t0\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="no words of kind"):
        read_lexicon(path)
