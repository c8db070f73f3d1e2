"""The command line as users meet it: real subprocesses, real files, exit codes, messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, run_cli


def test_extract_seed_gives_the_documented_record(seed_path: Path):
    result = run_cli("extract", str(seed_path), "--published", "2014-01-07")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["schema"] == "newsgraph/1"
    article = record["article"]
    text = article["text"]
    for phrase in ("Shia-dominated", "self-reliant", "Syrian-Syrian"):
        assert phrase in text
    # one paragraph per indented paragraph of the source
    source_lines = seed_path.read_text(encoding="utf-8").splitlines()
    indented = sum(1 for line in source_lines if line.startswith("  ") and line.strip())
    assert len(text.split("\n\n")) == indented == len(record["paragraphs"])
    assert article["published"] == "2014-01-07" and article["title"]
    assert record["entities"], "spaCy entities are listed as mentions"
    for mention in record["entities"]:
        assert text[mention["start"] : mention["end"]] == mention["text"]
    for key in ("actors", "events", "quotes", "places", "dates"):
        assert isinstance(record[key], list)


def test_extract_jsonl_format_and_stdin():
    result = run_cli(
        "extract",
        "-",
        "--format",
        "jsonl",
        "--title",
        "Piped",
        stdin=b"The minister resigned on Monday. She gave no reason.",
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0])["article"]["title"] == "Piped"


def test_extract_directory_as_jsonl_has_one_record_per_article():
    result = run_cli("extract", str(EXAMPLES), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) >= 4
    assert len({r["article"]["id"] for r in records}) == len(records)


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("empty.txt", b"", "empty"),
        ("binary.txt", b"\x00\x01\x02\x03" * 200, "binary"),
        ("bad.pdf", b"%PDF-1.4 broken", "PDF"),
        ("bad.jsonl", b'{"text": "ok"\n', "malformed JSON"),
    ],
)
def test_bad_input_is_one_line_exit_2_no_traceback(tmp_path: Path, name: str, content: bytes, words: str):
    path = tmp_path / name
    path.write_bytes(content)
    result = run_cli("extract", str(path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and words in lines[0]


def test_missing_path_and_bad_date_are_clear_errors(tmp_path: Path):
    missing = run_cli("extract", str(tmp_path / "nope.txt"))
    assert missing.returncode == 2 and "no such file" in missing.stderr and "Traceback" not in missing.stderr
    bad_date = run_cli("extract", str(EXAMPLES), "--published", "07/01/2014")
    assert bad_date.returncode == 2 and "YYYY-MM-DD" in bad_date.stderr


def test_too_large_file_error_names_the_setting(tmp_path: Path):
    path = tmp_path / "big.txt"
    path.write_text("Some words here. " * 2000)
    result = run_cli("extract", str(path), env={"NEWSGRAPH_MAX_FILE_MB": "0.01"})
    assert result.returncode == 2 and "NEWSGRAPH_MAX_FILE_MB" in result.stderr


def test_ingest_continues_past_bad_files_and_lists_them(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Police arrested the opposition leader in the capital on Friday.")
    (corpus / "bad.bin").write_bytes(b"\x00\xff" * 100)
    (corpus / "empty.txt").write_text("")
    db = f"sqlite:///{tmp_path / 'n.db'}"
    result = run_cli("ingest", str(corpus), "--db", db, "--workers", "1")
    assert result.returncode == 2
    assert "1 stored" in result.stdout
    assert "bad.bin" in result.stderr and "empty.txt" in result.stderr
    listing = run_cli("articles", "--db", db)
    assert listing.returncode == 0 and len(listing.stdout.strip().splitlines()) == 1
    article_id = listing.stdout.split()[0]
    shown = run_cli("show", article_id[:8], "--db", db)
    assert json.loads(shown.stdout)["article"]["id"] == article_id
    unknown = run_cli("show", "ffffffffffff", "--db", db)
    assert unknown.returncode == 2 and "newsgraph articles" in unknown.stderr


def test_extract_summary_and_user_actor_dictionary(tmp_path: Path):
    actors = tmp_path / "mine.yaml"
    actors.write_text(
        "people:\n  - id: test-colonel\n    name: Ahmed Nasser\n    country: EGY\n    sector: MIL\n    role: Army spokesman\n"
    )
    article = tmp_path / "a.txt"
    article.write_text("Ahmed Nasser said Egyptian troops arrested three smugglers in Sinai on Monday.")
    result = run_cli("extract", str(article), "--actors", str(actors), "--published", "2015-03-03", "--format", "summary")
    assert result.returncode == 0, result.stderr
    assert "Ahmed Nasser — person, EGYMIL, Army spokesman" in result.stdout
    assert "COERCE" in result.stdout
    broken = tmp_path / "broken.yaml"
    broken.write_text("people:\n  - id: x\n    name: Y\n    country: NOWHERE\n")
    failed = run_cli("extract", str(article), "--actors", str(broken))
    assert failed.returncode == 2 and "broken.yaml" in failed.stderr and "Traceback" not in failed.stderr


def test_extract_with_a_discard_list_keeps_sport_out(tmp_path: Path):
    discards = tmp_path / "discards.txt"
    discards.write_text("BASEBALL   # sport\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Cuba beat Japan in the baseball final and Japan protested. Cuba condemned the United States.")
    result = run_cli("extract", str(article), "--discards", str(discards), "--published", "2015-03-03")
    assert result.returncode == 0, result.stderr
    assert [e["type"] for e in json.loads(result.stdout)["events"]] == ["ACCUSE"]


def test_code_sport_flag_codes_a_sports_story_the_default_leaves_alone(tmp_path: Path):
    from tests.events.test_sport import MATCH_REPORT

    article = tmp_path / "match.txt"
    article.write_text(MATCH_REPORT, encoding="utf-8")
    plain = run_cli("extract", str(article), "--published", "2016-05-02")
    flagged = run_cli("extract", str(article), "--published", "2016-05-02", "--code-sport")
    assert plain.returncode == 0 and flagged.returncode == 0, plain.stderr + flagged.stderr
    assert not json.loads(plain.stdout)["events"] and json.loads(flagged.stdout)["events"]
