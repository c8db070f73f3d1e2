"""PETRARCH discard lists: a user's phrases that keep sport and weather out of the event data."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.errors import ConfigError
from newsgraph.events.discards import load_discards, parse_discards
from newsgraph.pipeline import Options, extract
from newsgraph.text.article import Metadata, make_article

DISCARDS = """\
# story-level phrases carry a '+'
+TYPHOON   # weather
+World_Golf Championships
BASEBALL
"""


def test_story_and_sentence_phrases_are_read_apart_and_match_whole_words():
    discards = parse_discards(DISCARDS)
    assert discards.story == ("typhoon", "world golf championships")
    assert discards.sentence == ("baseball",)
    assert discards.story_phrase("After the Typhoon hit, …") == "typhoon"
    assert discards.story_phrase("Typhoons are rare") is None  # a whole word, not a prefix
    assert discards.sentence_phrase("the  BASEBALL\nteam") == "baseball"


def _code(text: str, discard_file: Path) -> list[str]:
    article = make_article(text, Metadata(published="2016-05-02"), "test")
    return [e.type for e in extract(article, Options(discard_files=(discard_file,))).events]


def test_a_sentence_phrase_drops_that_sentence_and_a_story_phrase_the_whole_article(tmp_path: Path):
    path = tmp_path / "discards.txt"
    path.write_text(DISCARDS, encoding="utf-8")
    sentence_level = "Cuba condemned the United States. Cuba beat Japan in a baseball final and Japan protested."
    assert _code(sentence_level, path) == ["ACCUSE"]
    story_level = "Cuba condemned the United States. A typhoon hit Japan on Sunday."
    assert _code(story_level, path) == []
    assert "ACCUSE" in _code(story_level.replace("A typhoon", "A storm"), path)


def test_an_unreadable_discard_list_is_a_clear_error(tmp_path: Path):
    with pytest.raises(ConfigError, match="cannot read the discard list"):
        load_discards((tmp_path / "missing.txt",))
