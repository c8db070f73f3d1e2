"""The reader's highlights sit exactly on the record's offsets, in the real DOM."""

from __future__ import annotations

from typing import Any

import pytest

from tests.web.conftest import Page

pytestmark = pytest.mark.browser

# Offsets of every highlighted element inside #article-text, measured on its text nodes.
MEASURE = """() => {
  const root = document.getElementById("article-text");
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const offsets = new Map();
  let at = 0, node;
  while ((node = walker.nextNode())) { offsets.set(node, at); at += node.data.length; }
  const marks = Array.from(root.querySelectorAll(".hl")).map(el => {
    const first = document.createTreeWalker(el, NodeFilter.SHOW_TEXT).nextNode();
    const start = offsets.get(first);
    return {start: start, end: start + el.textContent.length, dataStart: Number(el.dataset.start),
            dataEnd: Number(el.dataset.end), refs: el.dataset.refs.split(" "), cls: el.className};
  });
  return {text: root.textContent, marks: marks};
}"""


def record_spans(record: dict[str, Any]) -> dict[str, set[int]]:
    """Character positions each record item (a1, e3, q2, p1) should cover."""
    covered: dict[str, set[int]] = {}

    def add(ref: str, start: int, end: int) -> None:
        covered.setdefault(ref, set()).update(range(start, end))

    for actor in record["actors"]:
        for m in actor["mentions"]:
            add(actor["id"], m["start"], m["end"])
    for place in record["places"]:
        for m in place["mentions"]:
            add(place["id"], m["start"], m["end"])
    for quote in record["quotes"]:
        add(quote["id"], quote["start"], quote["end"])
    for event in record["events"]:
        add(event["id"], event["evidence"]["trigger"]["start"], event["evidence"]["trigger"]["end"])
    return {ref: chars for ref, chars in covered.items() if chars}


def test_highlights_match_the_record_offsets(page: Page, api: Any, seed_id: str) -> None:
    record = api(f"/api/articles/{seed_id}")["record"]
    page.open(f"/articles/{seed_id}", ready="#article-text .hl")
    found = page.tab.evaluate(MEASURE)
    assert found["text"] == record["article"]["text"]
    drawn: dict[str, set[int]] = {}
    for mark in found["marks"]:
        assert (mark["start"], mark["end"]) == (mark["dataStart"], mark["dataEnd"])
        for ref in mark["refs"]:
            drawn.setdefault(ref, set()).update(range(mark["start"], mark["end"]))
    expected = record_spans(record)
    assert set(drawn) == set(expected)
    for ref, chars in expected.items():
        assert drawn[ref] == chars, ref
    kinds = {"a": "hl-actor", "e": "hl-event", "q": "hl-quote", "p": "hl-place"}
    for mark in found["marks"]:
        for ref in mark["refs"]:
            assert kinds[ref[0]] in mark["cls"]
    assert {"hl-actor", "hl-event", "hl-quote", "hl-place"} <= {c for m in found["marks"] for c in m["cls"].split()}
    page.assert_clean()


def test_hover_shows_the_coding(page: Page, api: Any, seed_id: str) -> None:
    record = api(f"/api/articles/{seed_id}")["record"]
    actors = {a["id"]: a["name"] for a in record["actors"]}
    page.open(f"/articles/{seed_id}", ready="#article-text .hl-event")
    trigger = page.tab.locator("#article-text .hl-event").first
    event_id = trigger.get_attribute("data-refs").split()[-1]
    event = next(e for e in record["events"] if e["id"] == event_id)
    trigger.hover()
    tip = page.tab.locator("#tooltip")
    tip.wait_for(state="visible")
    text = tip.inner_text()
    assert f"event {event_id}: {event['type']}" in text
    sources = ", ".join(actors[a] for a in event["source"]) or "—"
    assert f"{sources} →" in text
    assert "modality:" in text and "date:" in text and "place:" in text and "said by:" in text
    page.shot("12-reader-hover")
    page.tab.mouse.move(0, 0)
    tip.wait_for(state="hidden")
    page.assert_clean()
