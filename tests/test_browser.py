"""The built handbook in real Chromium (Debian's), as readers and presenters use it."""

from __future__ import annotations

import io
import json
import os
import re
import zipfile
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

from handbook.common.markup import prose
from tests.conftest import CHROMIUM
from tests.test_site import CONFIG, CURRICULUM, DEFAULT

# Skipping is for a developer machine without chromium; in CI (.ci/run installs it) a
# missing browser must fail loudly instead.
pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists() and not os.environ.get("CI"),
    reason="Debian chromium is not installed (.ci/run installs it)")

OTHER = next(lang for lang in CONFIG.languages if lang != DEFAULT)
MODULE = CURRICULUM.module("wikimedia-projects-overview")
# One page of each type, as a path under a language's root.
PAGE_TYPES = {
    "home": "",
    "curriculum": "curriculum/",
    "module": f"curriculum/modules/{MODULE.id}/",
    "agenda": f"curriculum/programmes/{CURRICULUM.programmes[0].id}/",
    "guide": f"curriculum/guides/{CURRICULUM.guides[0].id}/",
    "glossary": "curriculum/glossary/",
    "run-sheet": f"curriculum/run-sheets/{MODULE.id}/",
    "progress": "curriculum/progress/",
    "rules": "curriculum/rules/",
}
AXE_PAGES = ["home", "module", "agenda", "glossary"]


def url(server: str, language: str, path: str) -> str:
    return f"{server}/{'' if language == DEFAULT else language + '/'}{path}"


def heading(page) -> str:
    """The page's h1 without its permalink sign."""
    return page.locator("h1").first.inner_text().removesuffix("¶").strip()


def search(page, word: str) -> list[str]:
    """Type ``word`` into the site search; return the result links."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    # Type only once the search worker has its index: the page's own "type to search" text.
    ready = json.loads(page.locator("#__config").text_content())["translations"][
        "search.result.placeholder"]
    page.locator(".md-search-result__meta", has_text=ready).wait_for(timeout=15_000)
    field = page.locator("input.md-search__input")
    field.press_sequentially(word.lower(), delay=50)
    links: list[str] = []
    # Material answers each keystroke's query asynchronously and may show an earlier
    # prefix's answer last; retyping the last letter asks the full query once more.
    for _ in range(10):
        page.wait_for_timeout(1000)
        links = [a.get_attribute("href") or ""
                 for a in page.locator(".md-search-result__link").all()]
        if any(f"modules/{MODULE.id}" in href for href in links):
            break
        field.press("Backspace")
        field.press_sequentially(word.lower()[-1], delay=50)
    return links


def tajik_word() -> str:
    """A word of the module's title with letters only Tajik has (not in Russian)."""
    return max((w for w in MODULE.title["tg"].split() if re.search("[ҳқғҷӯӣ]", w)), key=len)


@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_language_switch_keeps_the_page(page, server, kind):
    path = PAGE_TYPES[kind]
    page.goto(url(server, DEFAULT, path))
    title = heading(page)
    page.locator(".md-header__option .md-select").first.hover()
    page.locator(f"a[hreflang='{OTHER}']").first.click()
    page.wait_for_url(url(server, OTHER, path))
    assert page.locator("html").get_attribute("lang") == OTHER
    assert heading(page) and (heading(page) != title or kind == "home")


def test_search_finds_the_module_by_a_tajik_word(page, server):
    page.goto(url(server, DEFAULT, ""))
    links = search(page, tajik_word())
    assert any(f"curriculum/modules/{MODULE.id}/" in href for href in links), links


@pytest.mark.parametrize("language", CONFIG.languages)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_no_request_leaves_the_test_server(page, server, kind, language):
    page.goto(url(server, language, PAGE_TYPES[kind]), wait_until="networkidle")
    assert page.requests and all(u.startswith(server) for u in page.requests), page.requests


@pytest.mark.parametrize("language", CONFIG.languages)
@pytest.mark.parametrize("kind", AXE_PAGES)
def test_axe_finds_no_serious_or_critical_violation(page, server, kind, language):
    page.goto(url(server, language, PAGE_TYPES[kind]), wait_until="networkidle")
    violations = Axe().run(page).response["violations"]
    bad = [(v["id"], v["impact"], v["nodes"][0]["target"]) for v in violations
           if v["impact"] in ("serious", "critical")]
    assert bad == []


@pytest.mark.parametrize("language", CONFIG.languages)
@pytest.mark.parametrize("kind", PAGE_TYPES)
def test_phone_viewport_never_scrolls_sideways(browser, server, kind, language):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(url(server, language, PAGE_TYPES[kind]), wait_until="networkidle")
    width = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= 360


@pytest.mark.parametrize("language", CONFIG.languages)
def test_printing_a_module_shows_answers_and_no_navigation(page, server, language):
    page.goto(url(server, language, PAGE_TYPES["module"]))
    printed = PdfReader(io.BytesIO(page.pdf(format="A4")))
    # Chromium's PDF text splits some Tajik letters from their words: compare without spaces.
    text = re.sub(r"\s+", "", " ".join(p.extract_text() for p in printed.pages))
    answer = re.sub(r"\s+", "", prose(MODULE.quiz[0].explanation[language]))[:30]
    assert answer in text
    navigation = re.sub(r"\s+", "", page.locator(".md-nav__title").first.inner_text())
    assert navigation not in text
    # A web link prints its address after the link text.
    assert MODULE.sources[0].url.removeprefix("https://")[:30] in text


@pytest.mark.parametrize("language", CONFIG.languages)
@pytest.mark.parametrize("sheet", [*(m.id for m in CURRICULUM.modules),
                                   *(f"{p.id}-day-{n}" for p in CURRICULUM.programmes
                                     for n in range(1, len(p.days) + 1))])
def test_run_sheet_keeps_the_session_on_its_first_page(page, server, sheet, language):
    """A presenter follows the session from the first page: every segment (or slot) with its
    clock time and the key points. A long module's checklists may move, whole, to the back."""
    page.goto(url(server, language, f"curriculum/run-sheets/{sheet}/"))
    pages = [squeeze(p.extract_text()) for p in PdfReader(io.BytesIO(page.pdf(format="A4"))).pages]
    module = CURRICULUM.module(sheet)
    if module is None:  # a programme day
        assert len(pages) == 1
        return
    assert len(pages) <= 2
    for segment in module.segments:
        assert squeeze(segment.title[language]) in pages[0], segment.title[language]
    for point in module.key_points:
        assert squeeze(point[language])[:40] in pages[0]
    if len(pages) == 2:
        checklists = module.checklists
        for item in [*checklists.before, *checklists.during, *checklists.after]:
            assert squeeze(item[language])[:25] in pages[1], "checklists split across pages"


def squeeze(text: str) -> str:
    """Text without white space: PDF extraction breaks lines (and some Tajik letters) apart."""
    return re.sub(r"\s+", "", prose(text))


def test_offline_zip_searches_from_file_urls(browser, site, tmp_path):
    with zipfile.ZipFile(site / "curriculum/downloads/handbook-offline.zip") as archive:
        archive.extractall(tmp_path)
    index = tmp_path / "handbook-offline" / "index.html"
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(index.as_uri())
    links = search(page, tajik_word())
    context.close()
    assert any(f"modules/{MODULE.id}.html" in href for href in links), links
    assert all(u.startswith("file://") for u in requests), requests
