"""Hostile article text, quotes, titles and URLs are shown as text and never run."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

import pytest

from newsgraph.text.article import article_id
from tests.web.conftest import PAYLOADS, XSS_TEXT, XSS_TITLE, Page

pytestmark = pytest.mark.browser

NOT_OURS = """() => ({
  xss: typeof window.__xss,
  injectedImages: document.querySelectorAll('img[src="x"]').length,
  inlineScripts: Array.from(document.querySelectorAll('script:not([src])'))
      .filter(s => s.type !== 'application/json').length,
  scriptLinks: document.querySelectorAll('a[href^="javascript:"]').length,
})"""


def assert_inert(page: Page, where: str) -> None:
    state = page.tab.evaluate(NOT_OURS)
    assert state == {"xss": "undefined", "injectedImages": 0, "inlineScripts": 0, "scriptLinks": 0}, where


def hostile_id() -> str:
    return article_id(XSS_TEXT)


def test_stored_payloads_stay_text_everywhere(page: Page, api: Any) -> None:
    aid = hostile_id()
    body = api(f"/api/articles/{aid}")
    record = body["record"]
    page.open(f"/articles/{aid}", ready="#article-text")
    assert_inert(page, "reader")
    shown = page.tab.locator("#article-text").inner_text()
    for payload in PAYLOADS:
        assert payload in shown
    assert page.tab.locator("#article-title").inner_text() == XSS_TITLE
    for element in page.tab.locator("#article-text .hl-quote").all()[:3]:
        element.hover()  # the tooltip shows the quote's coding with the payload inside
        assert_inert(page, "reader tooltip")
    page.shot("13-xss-reader")
    pages = ["/", "/articles", f"/events?article={aid}", "/events", "/actors", "/network", "/map",
             f"/articles?q={quote('<script>')}"]
    pages += [f"/actors/{quote(key, safe='')}" for key in sorted(set(body["actor_keys"].values()))[:4]]
    pages += [f"/events/{aid}/{e['id']}" for e in record["events"][:3]]
    for path in pages:
        page.open(path)
        page.tab.wait_for_load_state("networkidle")
        assert_inert(page, path)
    page.open("/articles")
    assert XSS_TITLE in page.tab.locator("#articles-table").inner_text()
    page.shot("14-xss-articles")
    page.assert_clean()


def test_pasted_payload_stays_text(page: Page) -> None:
    page.open("/paste")
    page.tab.fill("textarea[name=text]", XSS_TEXT)
    page.tab.fill("input[name=title]", XSS_TITLE)
    page.tab.locator("#paste-form button[type=submit]").click()
    page.tab.wait_for_selector("#article-text")
    assert_inert(page, "paste preview")
    assert page.tab.locator("#article-text").text_content() == XSS_TEXT
    page.assert_clean()
