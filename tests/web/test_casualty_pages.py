"""Casualty counts on the HTML pages, rendered by the app itself (no browser needed).

The store holds only the hand-built record of tests/casualties.py: an attack reporting
3 killed and 12 injured, and a condemnation reporting none. tests/web/test_pages.py checks
the same event page in Chromium. The casualty filter of the events page runs on SQLite and
PostgreSQL, like the API it shares its parameters with.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import parse_qs, quote, urlsplit

import pytest
from fastapi.testclient import TestClient

from newsgraph.store.db import Store
from newsgraph.store.rows import actor_key
from newsgraph.web.codings import casualty_text, event_lines
from tests.api.conftest import app_client
from tests.casualties import HARMFUL, HARMLESS, INJURED, KILLED, SHOWN, casualty_record


@pytest.fixture
def client(tmp_path: Path):  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'casualties.db'}"
    with Store(url) as store:
        store.save([casualty_record()])
    with app_client(url) as c:
        yield c


def facts(html: str) -> str:
    """The event page's fact list, where the casualties line belongs."""
    return html[html.index('<dl class="facts">'):html.index("</dl>")]


def test_event_page_shows_casualties_only_when_reported(client: TestClient) -> None:
    aid = casualty_record().article.id
    harmful = client.get(f"/events/{aid}/{HARMFUL}")
    harmless = client.get(f"/events/{aid}/{HARMLESS}")
    assert harmful.status_code == harmless.status_code == 200
    assert f'<dt>casualties</dt><dd id="event-casualties">{SHOWN}</dd>' in facts(harmful.text)
    assert "casualties" not in facts(harmless.text) and "killed" not in facts(harmless.text)


def test_event_lists_show_the_compact_form(client: TestClient) -> None:
    aid = casualty_record().article.id
    listing = client.get("/events", params={"article": aid}).text
    rows = {ident: listing[listing.index(f'data-event="{aid}/{ident}"'):] for ident in (HARMFUL, HARMLESS)}
    harmful_row = rows[HARMFUL][:rows[HARMFUL].index("</tr>")]
    harmless_row = rows[HARMLESS][:rows[HARMLESS].index("</tr>")]
    assert f'<span class="flag flag-casualties">{SHOWN}</span>' in harmful_row
    assert "flag-casualties" not in harmless_row
    attacker = casualty_record().actors[0]  # the source of both events
    timeline = client.get(f"/actors/{quote(actor_key(attacker), safe='')}").text
    assert timeline.count(f'<span class="flag flag-casualties">{SHOWN}</span>') == 1


def test_casualty_wording_and_reader_tooltip() -> None:
    assert casualty_text({"killed": 3, "injured": 12}) == SHOWN
    assert casualty_text({"killed": 1, "injured": None}) == "1 killed"
    assert casualty_text({"killed": None, "injured": 4}) == "4 injured"
    assert casualty_text({"killed": 0, "injured": None}) == "0 killed"
    assert casualty_text({"killed": None, "injured": None}) == casualty_text({}) == ""
    record = casualty_record().to_dict()
    actors = {a["id"]: a for a in record["actors"]}
    places = {p["id"]: p for p in record["places"]}
    harmful, harmless = (event_lines(e, actors, places) for e in record["events"])
    assert f"casualties: {SHOWN}" in harmful
    assert not [line for line in harmless if "casualties" in line]


@pytest.fixture
def filtered_client(db_url: str) -> Iterator[TestClient]:
    """The same one-record store, on each backend (the filter is SQL, so both must agree)."""
    with Store(db_url) as store:
        store.save([casualty_record()])
    with app_client(db_url) as c:
        yield c


class EventsPage(HTMLParser):
    """What the events page shows of its filter: field values, the CSV link, the rows listed."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.fields: dict[str, str | None] = {}
        self.download = ""
        self.rows: set[str] = set()
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "input" and found.get("name"):
            self.fields[str(found["name"])] = found.get("value")
        elif tag == "a" and found.get("id") == "download-csv":
            self.download = found.get("href") or ""
        elif tag == "tr" and found.get("data-event"):
            self.rows.add(str(found["data-event"]))


def test_events_page_casualty_filter_keeps_its_values_and_the_csv_link_carries_them(
    filtered_client: TestClient,
) -> None:
    aid = casualty_record().article.id
    response = filtered_client.get("/events", params={"min_killed": KILLED, "min_injured": INJURED})
    assert response.status_code == 200
    shown = EventsPage(response.text)
    assert (shown.fields["min_killed"], shown.fields["min_injured"]) == (str(KILLED), str(INJURED))
    assert shown.rows == {f"{aid}/{HARMFUL}"}
    carried = parse_qs(urlsplit(shown.download).query)
    assert (carried["min_killed"], carried["min_injured"], carried["format"]) == ([str(KILLED)], [str(INJURED)], ["csv"])
    table = filtered_client.get(shown.download).text
    assert [r["event_id"] for r in csv.DictReader(io.StringIO(table))] == [HARMFUL]
    above = EventsPage(filtered_client.get("/events", params={"min_killed": KILLED + 1}).text)
    assert above.rows == set() and above.fields["min_killed"] == str(KILLED + 1) and above.fields["min_injured"] == ""


def test_events_page_empty_casualty_fields_filter_nothing(filtered_client: TestClient) -> None:
    aid = casualty_record().article.id
    for params in ({}, {"min_killed": "", "min_injured": ""}, {"min_killed": "0", "min_injured": "0"}):
        shown = EventsPage(filtered_client.get("/events", params=params).text)
        assert shown.rows == {f"{aid}/{HARMFUL}", f"{aid}/{HARMLESS}"}, params
        assert shown.fields["min_killed"] == params.get("min_killed", ""), params


def test_bad_casualty_minimum_is_an_escaped_error_page(filtered_client: TestClient) -> None:
    response = filtered_client.get("/events", params={"min_killed": "<b>-1</b>"}, headers={"Accept": "text/html"})
    assert response.status_code == 422 and response.headers["content-type"].startswith("text/html")
    assert "<b>-1</b>" not in response.text and "&lt;b&gt;-1&lt;/b&gt;" in response.text
    assert "0 or more" in response.text
