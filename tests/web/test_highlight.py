"""Server-side highlighting: escaped, lossless, deterministic with nested and crossing spans."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from newsgraph.web.highlight import Links, highlighted, marks_of, segments


class TextAndMarks(HTMLParser):
    """The text content of the generated HTML, and the (start, end, refs) of each highlight."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.marks: list[tuple[int, int, list[str]]] = []
        self.tags: list[str] = []
        self.open: list[tuple[int, dict[str, str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "span":
            self.open.append((len(self.text), {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            start, attrs = self.open.pop()
            self.marks.append((start, len(self.text), attrs["data-refs"].split()))
            assert (int(attrs["data-start"]), int(attrs["data-end"])) == (start, len(self.text))

    def handle_data(self, data: str) -> None:
        self.text += data


def record(text: str, **parts: Any) -> dict[str, Any]:
    return {"article": {"id": "abc", "text": text}, "actors": parts.get("actors", []), "events": parts.get("events", []),
            "quotes": parts.get("quotes", []), "places": parts.get("places", [])}


def actor(ident: str, *spans: tuple[int, int]) -> dict[str, Any]:
    return {"id": ident, "name": ident, "kind": "country", "mentions": [{"start": s, "end": e} for s, e in spans]}


def event(ident: str, start: int, end: int) -> dict[str, Any]:
    return {"id": ident, "type": "AID", "evidence": {"trigger": {"start": start, "end": end}}}


TEXT = 'He said "<b>Iran & Iraq</b> agreed" today.'


def parse(html: str) -> TextAndMarks:
    parser = TextAndMarks()
    parser.feed(html)
    return parser


def test_text_is_escaped_and_kept_whole() -> None:
    rec = record(TEXT, actors=[actor("a1", (12, 16))], quotes=[{"id": "q1", "start": 9, "end": 34}],
                 events=[event("e1", 28, 34)])
    html = str(highlighted(rec, None))
    assert "<b>" not in html and "&lt;b&gt;" in html and "&amp;" in html
    parsed = parse(html)
    assert parsed.text == TEXT
    assert set(parsed.tags) == {"span"}  # a preview (no links) has no anchors


def test_each_ref_covers_exactly_its_span_even_when_spans_cross() -> None:
    # a quote, an actor inside it, and an event trigger crossing the quote's end
    rec = record(TEXT, actors=[actor("a1", (12, 16), (19, 23))], quotes=[{"id": "q1", "start": 9, "end": 30}],
                 events=[event("e1", 28, 34)], places=[{"id": "p1", "name": "Iraq", "mentions": [{"start": 19, "end": 23}]}])
    parsed = parse(str(highlighted(rec, None)))
    covered: dict[str, set[int]] = {}
    for start, end, refs in parsed.marks:
        for ref in refs:
            covered.setdefault(ref, set()).update(range(start, end))
    assert covered == {"a1": set(range(12, 16)) | set(range(19, 23)), "q1": set(range(9, 30)),
                       "e1": set(range(28, 34)), "p1": set(range(19, 23))}


def test_links_prefer_the_event_then_the_actor() -> None:
    rec = record("Iran aided Iraq", actors=[actor("a1", (0, 4)), actor("a2", (11, 15))], events=[event("e1", 0, 10)])
    html = str(highlighted(rec, Links("abc", {"a1": "country:IRN", "a2": "IRQ|x"}, {})))
    assert '<a href="/events/abc/e1">Iran</a>' in html
    assert '<a href="/actors/IRQ%7Cx">Iraq</a>' in html
    assert '<a href="/events/abc/e1"> aided</a>' in html  # the rest of the trigger, outside the actor
    assert html.count("<a ") == 3

def test_output_does_not_depend_on_input_order() -> None:
    parts = dict(actors=[actor("a1", (12, 16)), actor("a2", (12, 23))], events=[event("e1", 12, 16)],
                 quotes=[{"id": "q1", "start": 9, "end": 34}])
    reversed_parts = {k: list(reversed(v)) for k, v in parts.items()}
    assert highlighted(record(TEXT, **parts), None) == highlighted(record(TEXT, **reversed_parts), None)


def test_bad_offsets_are_clipped_or_dropped() -> None:
    rec = record("short", actors=[actor("a1", (3, 99), (4, 4), (-5, 1))])
    marks = marks_of(rec)
    assert [(m.start, m.end) for m in marks] == [(0, 1), (3, 5)]
    assert [(s, e) for s, e, _ in segments("short", marks)] == [(0, 1), (1, 3), (3, 5)]
