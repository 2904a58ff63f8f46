"""The built handbook in real Chromium (Debian's), as readers and presenters use it."""

from __future__ import annotations

import json
import re
import zipfile

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from handbook.common.markup import prose
from tests.conftest import DESKTOP, PHONE, printed_pages
from tests.test_site import CONFIG, CURRICULUM, DEFAULT

# Every test here opens Chromium; conftest skips them where it is missing or does not start
# (tests that use the `browser` fixture get this mark by themselves; other modules import it).
pytestmark = pytest.mark.needs("chromium")

OTHER = next(lang for lang in CONFIG.languages if lang != DEFAULT)
# The module the tests open: the first with a quiz, a source and a word of letters only Tajik
# has in its title (for search), picked from the curriculum so that content can change.
MODULE = next(m for m in CURRICULUM.modules if m.quiz and m.sources
              and re.search("[ҳқғҷӯӣ]", m.title[DEFAULT]))
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
    # Material answers each keystroke's query asynchronously and may show an earlier
    # prefix's answer last; retyping the last letter asks the full query once more.
    found = page.locator(f'.md-search-result__link[href*="modules/{MODULE.id}"]').first
    for _ in range(10):
        try:
            found.wait_for(timeout=1000)
            break
        except PlaywrightTimeout:
            field.press("Backspace")
            field.press_sequentially(word.lower()[-1], delay=50)
    return result_links(page)


def result_links(page) -> list[str]:
    """The search results' addresses, read at once: Material redraws the list as late answers
    arrive, and a link read one by one could be gone by its turn (it then waited 30 s)."""
    return page.locator(".md-search-result__link").evaluate_all(
        "links => links.map(a => a.getAttribute('href') || '')")


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
def test_printing_a_module_shows_answers_and_no_navigation(page, server, language):
    page.goto(url(server, language, PAGE_TYPES["module"]))
    # PDF text may split some Tajik letters from their words: compare without spaces.
    text = re.sub(r"\s+", "", " ".join(printed_pages(page.pdf(format="A4"))))
    answer = re.sub(r"\s+", "", prose(MODULE.quiz[0].explanation[language]))[:30]
    assert answer in text
    navigation = re.sub(r"\s+", "", page.locator(".md-nav__title").first.inner_text())
    assert navigation not in text
    # A web link prints its address after the link text.
    assert MODULE.sources[0].url.removeprefix("https://")[:30] in text


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


def test_a_shared_window_forgets_what_the_last_test_stored(tab, windows, server):
    """Tests share a browser context and its tabs (conftest `tab`); what one leaves must not
    reach the next: the presenter view and the progress ticks keep state in the browser."""
    first = tab(viewport=DESKTOP)
    first.goto(url(server, DEFAULT, PAGE_TYPES["module"]))
    first.evaluate("localStorage.setItem('left', '1'); sessionStorage.setItem('left', '1');"
                   "document.cookie = 'left=1'")
    first.emulate_media(media="print")
    first.set_viewport_size(PHONE)
    heard: list[str] = []
    first.on("console", lambda message: heard.append(message.text))
    next(w for w in windows.values() if w.context == first.context).give_back(first)
    second = tab(viewport=DESKTOP)
    assert second is first  # the same tab, made ready again
    second.goto(url(server, DEFAULT, PAGE_TYPES["module"]))
    second.evaluate("console.log('a message')")
    assert second.evaluate("[localStorage.getItem('left'), sessionStorage.getItem('left'),"
                           " document.cookie, matchMedia('print').matches, innerWidth]") == \
        [None, None, "", False, DESKTOP["width"]]
    assert heard == []  # the last test's listener is gone
