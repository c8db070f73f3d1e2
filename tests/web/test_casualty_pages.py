"""Casualty counts on the HTML pages, rendered by the app itself (no browser needed).

The store holds only the hand-built record of tests/casualties.py: an attack reporting
3 killed and 12 injured, and a condemnation reporting none. tests/web/test_pages.py checks
the same event page in Chromium.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from newsgraph.store.db import Store
from newsgraph.store.rows import actor_key
from newsgraph.web.codings import casualty_text, event_lines
from tests.api.conftest import app_client
from tests.casualties import HARMFUL, HARMLESS, SHOWN, casualty_record


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
