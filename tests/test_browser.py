"""The built handbook in real Chromium: language switch and Tajik search."""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.test_site import CURRICULUM

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# Skipping is for a developer machine without chromium; in CI (.ci/run installs it) a
# missing browser must fail loudly instead.
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("CI"),
    reason="Debian chromium is not installed (.ci/run installs it)")


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--no-first-run",
                  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"])
        yield browser
        browser.close()


@pytest.fixture
def page(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.requests = []
    page.on("request", lambda request: page.requests.append(request.url))
    yield page
    context.close()


def heading(page) -> str:
    """The page's h1 without its permalink sign."""
    return page.locator("h1").first.inner_text().removesuffix("¶").strip()


def test_language_switch_keeps_the_module(page, server):
    module = CURRICULUM.module("wikimedia-projects-overview")
    page.goto(f"{server}/curriculum/modules/{module.id}/")
    assert heading(page) == module.title["tg"]
    page.locator(".md-header__option .md-select").first.hover()
    page.locator("a[hreflang='en']").first.click()
    page.wait_for_url(f"**/en/curriculum/modules/{module.id}/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert heading(page) == module.title["en"]
    assert all(url.startswith(server) for url in page.requests), page.requests


def test_search_finds_the_module_by_a_tajik_word(page, server):
    module = CURRICULUM.module("wikimedia-projects-overview")
    # A word with letters that only Tajik has, so a Russian-only tokenizer would miss it.
    word = max((w for w in module.title["tg"].split() if re.search("[ҳқғҷӯӣ]", w)), key=len)
    page.goto(f"{server}/")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    # Type only once the search worker has its index: the page's own "type to search" text.
    ready = json.loads(page.locator("#__config").text_content())["translations"][
        "search.result.placeholder"]
    page.locator(".md-search-result__meta", has_text=ready).wait_for(timeout=15_000)
    field = page.locator("input.md-search__input")
    field.press_sequentially(word.lower(), delay=50)
    # Material answers each keystroke's query asynchronously and may show an earlier
    # prefix's answer last; retyping the last letter asks the full query once more.
    target = f"curriculum/modules/{module.id}/"
    links: list[str | None] = []
    for _ in range(10):
        page.wait_for_timeout(1000)
        links = [a.get_attribute("href") for a in page.locator(".md-search-result__link").all()]
        if any(target in (href or "") for href in links):
            break
        field.press("Backspace")
        field.press_sequentially(word.lower()[-1], delay=50)
    assert any(target in (href or "") for href in links), links
    assert all(url.startswith(server) for url in page.requests), page.requests
