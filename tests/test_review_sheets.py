"""Review sheets in the built site: linked from every review notice, one row per text, and
usable on A4 paper and on a 360 px phone (in real Chromium)."""

from __future__ import annotations

import re

import pytest

from handbook.common.markup import prose
from handbook.render.review_sheets import sheet_name
from handbook.strings import strings
from handbook.walk import texts
from tests.conftest import DESKTOP, PHONE, printed_pages, serious
from tests.test_browser import pytestmark as needs_chromium
from tests.test_browser import url
from tests.test_site import CONFIG, CURRICULUM, in_turns
from tests.test_site import page as html_page

# The longest sheet, the hardest to fit on a phone and on A4; it must link exercises' sheets.
MODULE = max((m for m in CURRICULUM.modules if m.exercises), key=lambda m: len(list(texts(m))))
SHEET = f"curriculum/review/module-{MODULE.id}/"
TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*\|", re.M)  # a Markdown table's header rule
# Files with a Markdown table in one of their texts, and how many tables per language.
WITH_TABLES = {sheet_name(model)[:-3]: {
    lang: sum(len(TABLE_RULE.findall(text.get(lang, ""))) for _, text in texts(model))
    for lang in CONFIG.languages}
    for model in CURRICULUM.files()
    if any(TABLE_RULE.search(t) for _, text in texts(model) for t in text.values())}
TABLE_SHEET = f"curriculum/review/{next(iter(WITH_TABLES))}/"
SOURCE = CONFIG.source_language
A4_WIDTH = 794  # CSS pixels: 210 mm at 96 px per inch


def target(language: str) -> str:
    return language if language != SOURCE else next(x for x in CONFIG.languages if x != SOURCE)


@pytest.mark.parametrize("language", CONFIG.languages)
def test_every_review_notice_links_its_sheet(site, language):
    soup = html_page(site, language, f"curriculum/modules/{MODULE.id}")
    label = strings(language)["review_sheet_link"]
    links = [a["href"] for a in soup.select(".admonition a") if a.get_text() == label]
    exercises = [ref.id for ref in MODULE.exercises]
    assert links[0] == f"../../review/module-{MODULE.id}/"
    assert links[1:] == [f"../../review/exercise-{e}/" for e in exercises]


@pytest.mark.parametrize("language", CONFIG.languages)
def test_the_sheet_has_every_text_side_by_side_and_an_empty_notes_column(site, language):
    soup = html_page(site, language, SHEET.rstrip("/"))
    t = strings(language)
    table = soup.select_one("table.review-sheet")
    headers = [th.get_text() for th in table.select("thead th")]
    assert [h.split(" (")[0] for h in headers] == [
        t["source_text"], t["translation"], t["row_status"], t["reviewer_notes"]]
    rows = table.select(":scope > tbody > tr")
    expected = list(texts(MODULE))
    assert len(rows) == len(expected)
    for row, (loc, text) in zip(rows, expected, strict=True):
        source, translation, status, notes = row.find_all("td", recursive=False)
        assert source.select_one("code").get_text() == ".".join(map(str, loc))
        assert " ".join(prose(text[SOURCE]).split())[:40] in " ".join(source.get_text().split())
        other = " ".join(prose(text[target(language)]).split())[:40]
        assert other in " ".join(translation.get_text().split())
        assert status.get_text() in {t[f"status_{s}"] for s in
                                     ("missing", "stale", "confirmed", "unconfirmed")}
        assert notes.get_text() == ""


@pytest.mark.parametrize("language", CONFIG.languages)
def test_markdown_tables_in_texts_are_tables_on_the_sheet(site, language):
    assert WITH_TABLES, "no text has a table any more: pick another test"
    for name, counts in WITH_TABLES.items():
        path = f"curriculum/review/{name}"
        sheet = html_page(site, language, path).select_one("table.review-sheet")
        cells = sheet.find("tbody", recursive=False).find_all("tr", recursive=False)
        shown = [td for tr in cells for td in tr.find_all("td", recursive=False)[:2]]
        assert not any(TABLE_RULE.search(td.get_text("\n")) for td in shown), path
        expected = counts[SOURCE] + counts[target(language)]
        assert len(sheet.select("td table")) == expected, path


@needs_chromium
@pytest.mark.parametrize("sheet", [SHEET, TABLE_SHEET])
@pytest.mark.parametrize("language", CONFIG.languages)
def test_the_sheet_fits_a_phone(tab, server, language, sheet):
    page = tab(viewport=PHONE)
    page.goto(url(server, language, sheet), wait_until="networkidle")
    widest = page.evaluate("""() => Math.max(...[...document.querySelectorAll(
        '.md-content *')].map(e => e.getBoundingClientRect().right))""")
    scroll = page.evaluate("document.documentElement.scrollWidth")
    label = page.evaluate("""() => getComputedStyle(document.querySelector(
        'table.review-sheet td'), '::before').content""")
    assert widest <= 360 and scroll <= 360
    assert strings(language)["source_text"] in label  # each cell says what it is


@needs_chromium
@pytest.mark.parametrize("language", CONFIG.languages)
def test_the_sheet_prints_within_the_width_of_a4(tab, server, language):
    page = tab(viewport={"width": A4_WIDTH, "height": 1123})
    page.goto(url(server, language, SHEET), wait_until="networkidle")
    page.emulate_media(media="print")
    table = page.evaluate("document.querySelector('table.review-sheet').getBoundingClientRect()"
                          ".right")
    scroll = page.evaluate("document.documentElement.scrollWidth")
    header_hidden = page.evaluate("getComputedStyle(document.querySelector('.md-header'))"
                                  ".display")
    pages = printed_pages(page.pdf(format="A4"))
    assert table <= A4_WIDTH and scroll <= A4_WIDTH
    assert header_hidden == "none"
    # PDF text extraction splits words around some Tajik letters: compare without spaces.
    printed = ["".join(text.split()) for text in pages]
    assert "".join(strings(language)["reviewer_notes"].split()) in printed[0]  # last column
    last = "".join(prose(list(texts(MODULE))[-1][1][SOURCE]).split())[:20]
    assert any(last in text for text in printed)


# Both languages' sheets hold the same pair of texts (the source and its translation) in one
# template: axe, which takes five seconds on this sheet, checks them at phone and desktop
# width, the languages taking turns.
@needs_chromium
@pytest.mark.parametrize(("viewport", "language"), in_turns((PHONE, DESKTOP)),
                         ids=["phone", "desktop"])
def test_axe_finds_no_serious_violation_on_the_sheet(tab, server, viewport, language):
    page = tab(viewport=viewport)
    page.goto(url(server, language, SHEET), wait_until="networkidle")
    assert serious(page) == []
