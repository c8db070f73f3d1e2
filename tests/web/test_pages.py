"""Every page renders with data in Chromium; reader → actor → event click-through; filters."""

from __future__ import annotations

import csv
import io
from typing import Any
from urllib.parse import quote

import pytest

from tests.casualties import HARMFUL, HARMLESS, KILLED, SHOWN, casualty_record
from tests.web.conftest import SCREENSHOTS, Page

pytestmark = pytest.mark.browser


def test_screenshots_folder_is_announced() -> None:
    print(f"\nscreenshots: {SCREENSHOTS}")


def test_home_and_lists(page: Page, api: Any) -> None:
    counts = api("/api/status")["counts"]
    page.open("/")
    assert page.tab.locator(".count").first.inner_text().strip().startswith(str(counts["articles"]))
    page.shot("01-home")
    page.open("/articles")
    assert page.tab.locator("#articles-table tbody tr").count() == counts["articles"]
    page.shot("02-articles")
    page.open("/actors")
    top = api("/api/actors?limit=50")["items"]
    names = page.tab.locator("#actors-table tbody tr td:first-child a").all_inner_texts()
    assert names == [a["name"] for a in top]
    page.shot("03-actors")
    page.assert_clean()


def test_reader_actor_event_click_through(page: Page, api: Any, seed_id: str) -> None:
    record = api(f"/api/articles/{seed_id}")["record"]
    page.open(f"/articles/{seed_id}", ready="#article-text .hl")
    assert page.tab.locator("#article-title").inner_text() == record["article"]["title"]
    page.shot("04-reader")
    # an actor mention that is not also an event trigger links to the actor page
    link = page.tab.locator("#article-text .hl-actor:not(.hl-event) a").first
    ref = link.locator("xpath=..").get_attribute("data-refs").split()[-1]
    key = api(f"/api/articles/{seed_id}")["actor_keys"][ref]
    link.click()
    page.tab.wait_for_url(f"**/actors/{quote(key, safe='')}")
    actor = api(f"/api/actors/{quote(key, safe='')}")
    assert page.tab.locator("#actor-name").inner_text() == actor["actor"]["name"]
    rows = page.tab.locator("#timeline-table tbody tr")
    assert rows.count() == len(actor["events"]["items"]) > 0
    assert page.tab.locator("#partners-table tbody tr[data-partner]").count() == len(actor["partners"])
    page.shot("05-actor")
    rows.first.locator("a.event-link").click()
    page.tab.wait_for_url("**/events/*/*")
    first = actor["events"]["items"][0]
    assert page.tab.url.endswith(f"/events/{first['article_id']}/{first['local_id']}")
    assert page.tab.locator("#event-title").inner_text().startswith(first["type"])
    assert page.tab.locator("#event-evidence mark").inner_text() == first["evidence"]["trigger"]["text"]
    page.shot("06-event")
    page.tab.locator("#event-article").click()
    page.tab.wait_for_url(f"**/articles/{first['article_id']}")
    page.assert_clean()


def test_event_page_and_list_show_casualties(page: Page) -> None:
    aid = casualty_record().article.id
    page.open(f"/events/{aid}/{HARMFUL}")
    assert page.tab.locator("#event-casualties").inner_text() == SHOWN
    page.shot("18-event-casualties")
    page.open(f"/events/{aid}/{HARMLESS}")
    assert page.tab.locator("#event-casualties").count() == 0
    assert "killed" not in page.tab.locator("dl.facts").inner_text()
    page.open(f"/events?article={aid}")
    shown = {HARMFUL: page.tab.locator(f"tr[data-event='{aid}/{HARMFUL}'] .flag-casualties").all_inner_texts(),
             HARMLESS: page.tab.locator(f"tr[data-event='{aid}/{HARMLESS}'] .flag-casualties").all_inner_texts()}
    assert shown == {HARMFUL: [SHOWN], HARMLESS: []}
    page.assert_clean()


def test_events_filter_and_download(page: Page, api: Any) -> None:
    page.open("/events")
    everything = api("/api/events?limit=1")["total"]
    assert page.tab.locator("#events-table tbody tr").count() == min(everything, 50)
    page.tab.locator("select[name=type]").select_option("ASSAULT")
    page.tab.locator("select[name=negated]").select_option("false")
    page.tab.locator("#event-filters button[type=submit]").click()
    page.tab.wait_for_url("**/events?*type=ASSAULT*")
    expected = api("/api/events?type=ASSAULT&negated=false&limit=1000")
    rows = page.tab.locator("#events-table tbody tr")
    assert rows.count() == min(expected["total"], 50) > 0
    assert set(rows.locator("a.event-link").all_inner_texts()) == {"ASSAULT"}
    page.shot("07-events-filtered")
    href = page.tab.locator("#download-csv").get_attribute("href")
    assert "type=ASSAULT" in href and "format=csv" in href
    download = page.tab.request.get(page.base + href)
    assert download.ok and download.headers["content-type"].startswith("text/csv")
    lines = list(csv.DictReader(io.StringIO(download.text())))
    assert len(lines) == expected["total"] and {r["type"] for r in lines} == {"ASSAULT"}
    page.assert_clean()


def test_events_casualty_fields_filter_and_stay_filled(page: Page, api: Any) -> None:
    page.open("/events")
    page.tab.locator("input[name=min_killed]").fill(str(KILLED))
    page.tab.locator("#event-filters button[type=submit]").click()
    page.tab.wait_for_url(f"**/events?*min_killed={KILLED}*")
    assert page.tab.locator("input[name=min_killed]").input_value() == str(KILLED)
    assert page.tab.locator("input[name=min_injured]").input_value() == ""
    expected = api(f"/api/events?min_killed={KILLED}&limit=1000")["total"]
    assert page.tab.locator("#events-table tbody tr").count() == min(expected, 50) > 0
    assert f"min_killed={KILLED}" in page.tab.locator("#download-csv").get_attribute("href")
    page.assert_clean()


def test_map_draws_boundaries_and_places(page: Page, api: Any) -> None:
    page.open("/map", ready="#map[data-ready=true]")
    assert page.tab.locator("#map path.country").count() > 150  # Natural Earth 1:110m has 177 countries
    located = [p for p in api("/api/places?limit=1000")["items"] if p["lat"] is not None]
    assert located and page.tab.locator("#map circle.place").count() == len(located)
    assert page.tab.locator("#places-table tbody tr").count() == api("/api/places?limit=1000")["total"]
    page.shot("08-map")
    page.open("/map?type=ASSAULT", ready="#map[data-ready=true]")
    with_events = [p for p in api("/api/places?limit=1000&type=ASSAULT")["items"] if p["events"] and p["lat"] is not None]
    assert page.tab.locator("#map circle.place:not(.hollow)").count() == len(with_events)
    page.assert_clean()


def test_paste_an_article(page: Page) -> None:
    page.open("/paste")
    text = ("Iran accused Israel of attacking its nuclear scientists on Monday.\n\n"
            "Iranian Foreign Minister Javad Zarif told reporters in Tehran that Israel would pay for it.")
    page.tab.fill("textarea[name=text]", text)
    page.tab.fill("input[name=published]", "2015-07-14")
    page.shot("09-paste-form")
    page.tab.locator("#paste-form button[type=submit]").click()
    page.tab.wait_for_selector("#article-text")
    assert page.tab.locator("#preview-notice").is_visible()
    assert page.tab.locator("#article-text").text_content() == text
    assert page.tab.locator("#article-text .hl-actor").count() > 0
    assert page.tab.locator("#article-text a").count() == 0  # a preview links nowhere
    page.shot("10-paste-result")
    page.open("/paste")
    page.tab.fill("textarea[name=text]", text)
    page.tab.check("input[name=store]")
    page.tab.locator("#paste-form button[type=submit]").click()
    page.tab.wait_for_selector("#article-text")
    assert page.tab.locator("#preview-notice").count() == 0
    assert page.tab.locator("#article-text .hl-actor a").count() > 0
    page.assert_clean()


def test_api_docs_work_offline(page: Page) -> None:
    page.open("/docs", ready=".swagger-ui .opblock")
    assert page.tab.locator(".swagger-ui .opblock").count() >= 12
    page.shot("11-api-docs")
    page.assert_clean()
