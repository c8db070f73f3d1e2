"""Browser fixtures: a store filled by real ingestion, a real `newsgraph serve`, Debian's Chromium.

The store holds examples/, the seed (published 2014-01-07), one hostile article whose
text, quote, title and URL carry script payloads, and one hand-built record whose attack
reports casualties (tests/casualties.py). Screenshots go to
test-artifacts/screenshots/ (printed at the end of the run).
"""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsgraph.store.db import Store
from newsgraph.text.article import Metadata
from tests.api.corpus import fill_store, seed_article_id
from tests.casualties import casualty_record
from tests.conftest import NEWSGRAPH, ROOT

SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run"]

XSS_TITLE = '<img src=x onerror="window.__xss=3">Ministers meet'
XSS_URL = "javascript:window.__xss=4"
XSS_TEXT = (
    "Iran accused Israel of attacking its nuclear scientists on Monday. "
    "The statement ended with <script>window.__xss=1</script> in full.\n\n"
    "\u201c<img src=x onerror=\"window.__xss=2\"> is not a threat,\u201d Iranian Foreign Minister "
    "Javad Zarif told reporters in Tehran on Monday.\n\n"
    "Israel rejected the accusation and the United States urged both countries to hold talks."
)
PAYLOADS = ("<script>window.__xss=1</script>", '<img src=x onerror="window.__xss=2">')


@pytest.fixture(scope="session")
def xss_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("xss") / "hostile.txt"
    path.write_text(XSS_TEXT, encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory, seed_path: Path, xss_file: Path) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('web') / 'web.db'}"
    hostile = Metadata(title=XSS_TITLE, url=XSS_URL, published="2020-03-02")
    fill_store(url, seed_path, extra=((xss_file, hostile),))
    with Store(url) as store:
        store.save([casualty_record()])
    return url


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="session")
def server(web_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`newsgraph serve` as a user runs it, on a free loopback port."""
    port = _free_port()
    log = (tmp_path_factory.mktemp("serve") / "serve.log").open("w")
    process = subprocess.Popen([NEWSGRAPH, "serve", "--db", web_db, "--port", str(port)], stdout=log, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/api/status", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                log.flush()
                pytest.fail("newsgraph serve did not start: " + Path(log.name).read_text())
            time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()


@pytest.fixture(scope="session")
def api(server: str):  # type: ignore[no-untyped-def]
    """GET a JSON document from the running server."""

    def get(path: str) -> Any:
        with urllib.request.urlopen(server + path, timeout=30) as response:
            return json.load(response)

    return get


@pytest.fixture(scope="session")
def seed_id(seed_path: Path) -> str:
    return seed_article_id(seed_path)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing; install Debian's chromium (scripts/system-deps.sh does)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Page:
    """A Chromium tab that records script errors and failed requests, and saves screenshots."""

    def __init__(self, tab: Any, base: str) -> None:
        self.tab = tab
        self.base = base
        self.problems: list[str] = []
        tab.on("pageerror", lambda exc: self.problems.append(f"page error: {exc}"))
        tab.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
        tab.on("requestfailed", lambda r: self.problems.append(f"request failed: {r.url}"))

    def open(self, path: str, ready: str | None = None) -> Any:
        response = self.tab.goto(self.base + path)
        assert response is not None and response.status == 200, f"{path}: HTTP {response and response.status}"
        if ready:
            self.tab.wait_for_selector(ready, timeout=20_000)
        return response

    def shot(self, name: str) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        self.tab.screenshot(path=str(path), full_page=True)
        return path

    def assert_clean(self) -> None:
        assert not self.problems, self.problems


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(20_000)
    wrapped = Page(tab, server)
    yield wrapped
    context.close()


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if SCREENSHOTS.exists() and any(SCREENSHOTS.iterdir()):
        terminalreporter.write_line(f"browser screenshots: {SCREENSHOTS}")
