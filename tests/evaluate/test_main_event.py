"""Which coded event the evaluations take as a sentence's main one."""

from __future__ import annotations

from newsgraph.evaluate.events import _ranked
from newsgraph.pipeline import extract
from newsgraph.text.article import Metadata, make_article


def ranked_types(text: str) -> list[str]:
    record = extract(make_article(text, Metadata(published="2016-05-02"), "test"))
    return [e.type for e in _ranked(record.events)]


def test_a_threat_held_ready_is_made_and_outranks_a_clause_that_only_sets_the_scene():
    found = ranked_types("The Thai government said it was prepared to impose martial law as street battles raged between protesters and police.")
    assert found and found[0] == "THREATEN"


def test_within_a_clause_the_act_named_first_leads():
    found = ranked_types("Hundreds of refugees are continuing a hunger strike in protest at the government's refusal to accept them.")
    assert found[:1] == ["PROTEST"]
