"""Paper: run sheets and module pages printed from Chromium, and the handbook PDFs."""

from __future__ import annotations

import re

import pytest

from handbook.common.markup import prose
from handbook.strings import strings
from tests import test_browser as web
from tests.conftest import pdf_texts, printed_pages
from tests.test_site import CONFIG, CURRICULUM

# The browser tests' addresses, for printing from the same Chromium (conftest's fixtures).
url = web.url

MODULE_SHEETS = [m.id for m in CURRICULUM.modules]
DAY_SHEETS = [(p, n, day) for p in CURRICULUM.programmes for n, day in enumerate(p.days, 1)]
PT9 = 12.0  # 9 pt in CSS pixels


def printed(page) -> list[list[str]]:
    """The printed page's text lines, per A4 sheet. PDF text may put a space around some Tajik
    letters (ҷ ҳ ӯ ӣ), never a line break: spaces are dropped, line breaks kept."""
    return [[re.sub(r"\s+", "", line) for line in text.splitlines()]
            for text in printed_pages(page.pdf(format="A4"))]


def printed_lines(page) -> list[str]:
    return [line for sheet in printed(page) for line in sheet]


def squeeze(text: str) -> str:
    """Authored text as printed: its Markdown rendered, without white space."""
    return re.sub(r"\s+", "", prose(text))


def assert_intact(title: str, lines: list[str]) -> None:
    """Every word of ``title`` stands whole on one printed line, and the words in order. A
    line may end after a word's own hyphen ("on-" / "wiki"), as in any typeset text."""
    for word in re.split(r"[\s-]+", title):
        assert any(word in line for line in lines), f"{word!r} of {title!r} is broken: {lines}"
    assert re.sub(r"\s+", "", title) in "".join(lines), f"{title!r} not printed"


# Every element with text of its own, as printed: its font size in CSS pixels.
FONT_SIZES = """() => [...document.querySelectorAll('article *')]
  .filter(el => el.checkVisibility() && [...el.childNodes].some(
      node => node.nodeType === Node.TEXT_NODE && node.textContent.trim()))
  .map(el => [el.tagName, el.textContent.trim().slice(0, 40),
              parseFloat(getComputedStyle(el).fontSize)])"""


def too_small_in_print(page) -> list:
    """Text printed smaller than 9 pt: (element, its first words, size in CSS pixels)."""
    page.emulate_media(media="print")
    sizes = page.evaluate(FONT_SIZES)
    page.emulate_media(media=None)
    assert sizes, "no text found"
    return [entry for entry in sizes if entry[2] < PT9 - 0.01]


@pytest.mark.parametrize("language", CONFIG.languages)
@pytest.mark.parametrize("programme, number, day", DAY_SHEETS,
                         ids=[f"{p.id}-day-{n}" for p, n, _ in DAY_SHEETS])
def test_day_sheet_prints_in_9pt_with_every_slot_title_intact(page, server, programme, number,
                                                              day, language):
    page.goto(url(server, language, f"curriculum/run-sheets/{programme.id}-day-{number}/"))
    assert too_small_in_print(page) == []
    sheets = printed(page)
    assert len(sheets) == 1  # a presenter follows the day from one page
    for slot in day.slots:
        title = CURRICULUM.module(slot.module).title if slot.module else slot.title
        assert_intact(title[language], sheets[0])


@pytest.mark.parametrize("language", CONFIG.languages)
@pytest.mark.parametrize("module", CURRICULUM.modules, ids=lambda m: m.id)
def test_module_sheet_prints_in_9pt_with_every_segment_title_intact(page, server, module,
                                                                   language):
    """A presenter follows the session from the first page, in print no smaller than 9 pt:
    every segment with its clock time, title intact, and the key points. A long module's
    checklists may move, whole, to the back."""
    page.goto(url(server, language, f"curriculum/run-sheets/{module.id}/"))
    assert too_small_in_print(page) == []
    sheets = printed(page)
    assert len(sheets) <= 2
    for segment in module.segments:
        assert_intact(segment.title[language], sheets[0])
    first = "".join(sheets[0])
    for point in module.key_points:
        assert squeeze(point[language])[:40] in first
    if len(sheets) == 2:
        checklists = module.checklists
        for item in [*checklists.before, *checklists.during, *checklists.after]:
            assert squeeze(item[language])[:25] in "".join(sheets[1]), "checklists split"


@pytest.mark.parametrize("language", CONFIG.languages)
def test_printed_module_page_text_is_at_least_9pt(page, server, language):
    page.goto(url(server, language, f"curriculum/modules/{MODULE_SHEETS[0]}/"))
    assert too_small_in_print(page) == []


# Each checklist item as printed: what its box shows, and where the item starts.
TICKS = """() => [...document.querySelectorAll('article .task-list-item')].map(li => {
  const box = getComputedStyle(li, '::before');
  const drawn = li.querySelector('.task-list-indicator');
  return {content: box.content, position: box.position, left: li.getBoundingClientRect().left,
          drawn: drawn ? drawn.checkVisibility() : false};
})"""


@pytest.mark.parametrize("language", CONFIG.languages)
@pytest.mark.parametrize("kind", ["run-sheets", "modules"])
def test_tick_boxes_print_as_empty_boxes_inside_the_page(page, server, kind, language):
    module = CURRICULUM.modules[0]
    page.goto(url(server, language, f"curriculum/{kind}/{module.id}/"))
    # A box ticked on screen still prints empty, for ticking by pen.
    page.locator(".task-list-item .task-list-control").first.dispatch_event("click")
    page.emulate_media(media="print")
    ticks = page.evaluate(TICKS)
    lists = module.checklists
    items = len(lists.before) + len(lists.during) + len(lists.after)
    assert len(ticks) >= items
    for tick in ticks:
        assert tick["content"] == '"☐"' and tick["position"] == "static", tick
        assert not tick["drawn"], "the screen's pale tick icon must not print"
        assert tick["left"] >= 0, "a box left of the page margin is clipped"
    page.emulate_media(media=None)
    printed = "".join(printed_lines(page))
    rows = len(module.segments) + 1 if kind == "run-sheets" else 0  # ☐ column and its header
    assert printed.count("☐") >= items + rows


@pytest.mark.parametrize("language", CONFIG.languages)
def test_handbook_pdf_holds_every_run_sheet_with_tick_boxes(site, language):
    pages = [re.sub(r"\s+", "", text)
             for text in pdf_texts(site / "curriculum/downloads" / f"handbook-{language}.pdf")]
    contents = pages[1]
    label = strings(language)["run_sheet"]
    sheets = [*CURRICULUM.modules, *(day for _, _, day in DAY_SHEETS)]
    for item in sheets:
        heading = re.sub(r"\s+", "", f"{label}: {item.title[language]}")
        # Listed in the contents, and a page of the book starts with that sheet, ticks and all.
        assert heading in contents
        sheet = [text for text in pages[2:] if text.startswith(heading)]
        assert sheet and "☐" in sheet[0], f"no run sheet for {item.title[language]!r}"
