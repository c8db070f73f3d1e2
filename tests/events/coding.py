"""Helpers the event tests share: code one text as an article, pick its one event of a type."""

from __future__ import annotations

from newsgraph.pipeline import extract
from newsgraph.records import Event, Extraction
from newsgraph.text.article import Metadata, make_article


def code(text: str, published: str = "2015-03-02") -> Extraction:
    return extract(make_article(text, Metadata(published=published), "test"))


def only(record: Extraction, kind: str) -> Event:
    found = [e for e in record.events if e.type == kind]
    assert len(found) == 1, [(e.type, e.cameo) for e in record.events]
    return found[0]
