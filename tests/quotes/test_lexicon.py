"""The cue lexicon ships with the package and refuses malformed files with a usable message."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import ConfigError
from newsgraph.quotes.lexicon import CUES_FILE, load_lexicon


def test_shipped_lexicon_holds_the_reporting_verbs() -> None:
    lexicon = load_lexicon()
    for verb in ("say", "tell", "add", "insist", "declare", "respond", "state", "warn", "note", "explain"):
        assert lexicon.entries(verb), verb
    according = [c for c in lexicon.entries("according") if c.second == "to"]
    assert according and "clause" in according[0].complements
    assert CUES_FILE.is_file()


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "cues.tsv"
    path.write_text("cue\tindirect\twhy\n" + body, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("say\tsometimes\tx\n", "indirect 'sometimes' must be one of"),
        ("say\tccomp\n", "expected 3 tab-separated fields"),
        ("say\tccomp\tx\nsay\tno\ty\n", "listed twice"),
        ("Say\tccomp\tx\n", "lower-case"),
    ],
)
def test_malformed_lexicon_names_file_line_and_fix(tmp_path: Path, body: str, message: str) -> None:
    path = _write(tmp_path, body)
    with pytest.raises(ConfigError) as raised:
        load_lexicon(path)
    assert message in str(raised.value)
    assert str(path) in str(raised.value)


def test_missing_lexicon_says_how_to_fix(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="reinstall newsgraph"):
        load_lexicon(tmp_path / "absent.tsv")
