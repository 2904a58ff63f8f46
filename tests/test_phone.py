"""Every page type on a 360 px phone: nothing in the article wider than the screen, no console
error, missing file or request to another host (at desktop width too, where axe checks the
page there). Axe finds no serious or critical violation on any kind of page in any language,
at both widths."""

from __future__ import annotations

import pytest

import tests.test_browser as browsing
from tests.conftest import DESKTOP, PHONE, serious
from tests.test_browser import CURRICULUM, PAGE_TYPES, url
from tests.test_site import CONFIG, in_turns

pytestmark = browsing.pytestmark

PROGRAMME = CURRICULUM.programmes[0]
PAGES = {**PAGE_TYPES, "day-sheet": f"curriculum/run-sheets/{PROGRAMME.id}-day-1/"}
# Pages whose tables have three or more columns: module list, module run sheet and alignment
# matrix, agenda, printable sheets.
TABLE_PAGES = ["curriculum", "module", "agenda", "run-sheet", "day-sheet"]

# Every element of the article that is drawn, with its box: Material's table scroll wrapper
# keeps the document from scrolling sideways, so the document's width alone proves nothing.
OUTSIDE = """width => [...document.querySelectorAll('article *')].flatMap(el => {
  const box = el.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return [];
  if (box.left >= -0.5 && box.right <= width + 0.5) return [];
  const name = el.tagName.toLowerCase() + (el.className ? '.' + el.className : '');
  return [`${name} ${Math.round(box.left)}..${Math.round(box.right)} px:`
          + ` ${el.textContent.trim().slice(0, 40)}`];
})"""


@pytest.fixture
def open_page(tab):
    def open_(address: str, viewport: dict, javascript: bool = True):
        page = tab(viewport=viewport, java_script_enabled=javascript)
        # Nothing is fetched after load here; the fonts decide the widths.
        page.goto(address, wait_until="load")
        page.evaluate("document.fonts.ready.then(() => true)")
        return page

    return open_


# Each kind once, the languages taking turns: the labels are the column headings of one
# template, whatever their language.
@pytest.mark.parametrize(("kind", "language"), in_turns(TABLE_PAGES))
def test_wide_tables_become_labelled_cards(open_page, server, kind, language):
    """On a phone a table of three or more columns shows one card per row, each cell with
    its column's heading; on a desktop it stays a table. The labels are in the page as built
    (no script runs here): a phone does no work on load for them."""
    address = url(server, language, PAGES[kind])
    page = open_page(address, PHONE, javascript=False)
    tables = page.locator("article table:has(th:nth-child(3))")
    assert tables.count(), f"the {kind} page has no table of three columns any more"
    cell = tables.first.locator("tbody td[data-label]").first
    label = page.evaluate("c => getComputedStyle(c, '::before').content", cell.element_handle())
    heading = cell.get_attribute("data-label")
    assert label == f'"{heading}"' and heading in tables.first.locator("thead").inner_text()
    assert tables.first.evaluate("t => getComputedStyle(t).display") == "block"
    desktop = open_page(address, DESKTOP)
    assert desktop.locator("article table").first.evaluate(
        "t => getComputedStyle(t).display") != "block"


# Axe checks each kind of page in each language once, at desktop width in one language and
# at phone width in the others, the languages taking turns: every kind is checked at both
# widths (a desktop shows tabs, sidebars and the table of contents that a phone hides) and in
# every language. The pages of one kind are one template, and axe costs three page loads.
AXE_AT_DESKTOP = dict(in_turns(PAGES))


def axe_widths(kind: str, language: str) -> set[str]:
    """Where axe checks this kind of page in this language: "phone", "desktop" or, with one
    language only, both."""
    if len(CONFIG.languages) == 1:
        return {"phone", "desktop"}
    return {"desktop"} if AXE_AT_DESKTOP[kind] == language else {"phone"}


def load_watched(page, address: str) -> list[str]:
    """Open ``address`` and wait until the network is quiet; return the console errors and the
    failed responses (best practices: no console error, such as Material fetching a
    sitemap.xml that is not there, as it did next to every alternate-language link)."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400
            else None)
    page.goto(address, wait_until="networkidle")
    page.evaluate("document.fonts.ready.then(() => true)")  # the fonts decide the widths
    return errors


def elsewhere(page, server: str) -> list[str]:
    """Requests that left the test server (offline and private: none may)."""
    assert page.requests, "the page made no request at all"
    return [address for address in page.requests if not address.startswith(server)]


# One page load, several checks (a load costs as much as a check); one assertion shows every
# check's result, so a failure still names each check that failed. Every kind of page in
# every language loads cleanly here; at desktop width, those that axe checks there.
@pytest.mark.parametrize("language", CONFIG.languages)
@pytest.mark.parametrize("kind", PAGES)
def test_a_phone_shows_the_whole_page_cleanly_and_axe_finds_nothing_serious(
        tab, server, kind, language):
    page = tab(viewport=PHONE)
    errors = load_watched(page, url(server, language, PAGES[kind]))
    assert page.locator("article").count() == 1
    outside = page.evaluate(OUTSIDE, PHONE["width"])
    scroll = page.evaluate("document.documentElement.scrollWidth")
    violations = serious(page) if "phone" in axe_widths(kind, language) else []
    assert (outside, scroll <= PHONE["width"], errors, elsewhere(page, server), violations) == (
        [], True, [], [], [])


DESKTOP_PAGES = [(kind, language) for kind in PAGES for language in CONFIG.languages
                 if "desktop" in axe_widths(kind, language)]


@pytest.mark.parametrize(("kind", "language"), DESKTOP_PAGES)
def test_a_desktop_page_loads_cleanly_and_axe_finds_nothing_serious(tab, server, kind, language):
    page = tab(viewport=DESKTOP)
    errors = load_watched(page, url(server, language, PAGES[kind]))
    violations = serious(page)  # after a late request would have come
    assert (errors, elsewhere(page, server), violations) == ([], [], [])


def test_axe_sees_every_kind_in_every_language_and_at_both_widths():
    plan = {(kind, language): axe_widths(kind, language)
            for kind in PAGES for language in CONFIG.languages}
    assert all(plan.values())
    for kind in PAGES:
        assert set().union(*(plan[kind, language] for language in CONFIG.languages)) == {
            "phone", "desktop"}, kind


def test_axe_reports_violations_with_their_elements(tab):
    """The check the tests above stand on can fail: only violations come back whole
    (conftest.serious), and a faint paragraph and an image without a text alternative are
    among them, each with its element."""
    page = tab(viewport=PHONE)
    page.set_content('<!DOCTYPE html><html lang="en"><head><title>t</title></head><body><main>'
                     '<p id="faint" style="color:#aaa;background:#bbb">faint</p>'
                     '<img id="bare" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
                     "</main></body></html>")
    found = {rule: targets for rule, _, targets in serious(page)}
    assert found == {"color-contrast": [["#faint"]], "image-alt": [["#bare"]]}
