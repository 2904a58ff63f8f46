"""The presenter's kit in real Chromium: slides, the phone presenter view, fonts."""

from __future__ import annotations

import datetime
import re
import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pypdfium2
import pytest
from fontTools.ttLib import TTFont

from handbook.render.kit import day_steps, kit_strings
from tests.conftest import PHONE, printed_pages, serious
from tests.test_browser import url
from tests.test_site import CONFIG, CURRICULUM, DEFAULT
from tests.test_site import page as page_of

ASSETS = CONFIG.docs / "assets"
MODULE = CURRICULUM.modules[0]
PROGRAMME = CURRICULUM.programmes[0]
DAYS = [f"{PROGRAMME.id}-day-{n}" for n in range(1, len(PROGRAMME.days) + 1)]
MINUTE = 60_000


def _ranges(text: str) -> list[range]:
    found = []
    for part in text.split(","):
        low, _, high = part.strip().removeprefix("U+").partition("-")
        found.append(range(int(low, 16), int(high or low, 16) + 1))
    return found


def test_kit_font_has_every_tajik_letter_in_every_weight():
    css = (ASSETS / "kit-fonts.css").read_text("utf-8")
    faces = re.findall(r"@font-face\s*{(.*?)}", css, re.S)
    assert faces
    by_weight: dict[str, list[tuple[Path, list[range]]]] = {}
    for face in faces:
        weight = re.search(r"font-weight:\s*(\d+)", face)[1]
        source = ASSETS / re.search(r"url\(([^)]+)\)", face)[1]
        ranges = _ranges(re.search(r"unicode-range:\s*([^;]+);", face)[1])
        by_weight.setdefault(weight, []).append((source, ranges))
    letters = CONFIG.alphabets["tg"]
    for weight, sources in by_weight.items():
        for letter in letters + letters.upper():
            # The browser takes the letter from the face whose unicode-range holds it.
            face = next((s for s, r in sources if any(ord(letter) in x for x in r)), None)
            assert face, f"no {weight} face covers {letter!r}"
            assert ord(letter) in TTFont(face).getBestCmap(), f"{face.name} lacks {letter!r}"


@pytest.mark.parametrize("language", CONFIG.languages)
def test_every_module_and_day_has_slides_and_a_presenter_view(site, language):
    prefix = "" if language == DEFAULT else f"{language}/"
    for module in CURRICULUM.modules:
        assert (site / prefix / "curriculum/slides" / module.id / "index.html").is_file()
        assert (site / prefix / "curriculum/present" / module.id / "index.html").is_file()
    for day in DAYS:
        assert (site / prefix / "curriculum/present" / day / "index.html").is_file()


PROJECTOR = {"width": 1280, "height": 720}


@pytest.fixture
def page(tab):
    """A 16:9 window, as a projector shows the slides."""
    return tab(viewport=PROJECTOR)


def slides(server: str, language: str, module_id: str = MODULE.id) -> str:
    return url(server, language, f"curriculum/slides/{module_id}/index.html")


def present(server: str, language: str, item: str = MODULE.id) -> str:
    return url(server, language, f"curriculum/present/{item}/index.html")


def horizontal(page) -> int:
    return page.evaluate("Reveal.getIndices().h")


@pytest.mark.parametrize("language", CONFIG.languages)
def test_slides_move_with_arrow_keys_and_clicks(page, server, language):
    page.goto(slides(server, language))
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    assert horizontal(page) == 0
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert horizontal(page) == 2
    page.keyboard.press("ArrowLeft")
    assert horizontal(page) == 1
    page.locator(".reveal .controls .navigate-right").click()
    assert horizontal(page) == 2
    # Title, objectives, one per segment, key points when the module has them.
    total = 2 + len(MODULE.segments) + bool(MODULE.key_points)
    assert page.evaluate("Reveal.getTotalSlides()") == total


# Each slide's height as laid out (reveal hides the slides not shown), its body's font size.
SLIDE_SIZES = """() => [...document.querySelectorAll('.reveal .slides > section')].map(s => {
    const shown = s.style.display;
    s.style.display = 'block';
    const body = s.querySelector('.task, .questions, .points, :scope > ul') || s;
    const size = [s.scrollHeight, parseFloat(getComputedStyle(body).fontSize)];
    s.style.display = shown;
    return size;
})"""


@pytest.mark.parametrize("language", CONFIG.languages)
@pytest.mark.parametrize("module", [m.id for m in CURRICULUM.modules])
def test_every_slide_fits_the_projector_without_scrolling(page, server, language, module):
    page.goto(slides(server, language, module))
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    sizes = page.evaluate(SLIDE_SIZES)
    assert len(sizes) == page.evaluate("Reveal.getTotalSlides()")
    too_tall = [n for n, (height, _) in enumerate(sizes) if height > 720]
    assert too_tall == [], f"slides {too_tall} of {module} scroll at 1280×720"
    assert page.locator("section.overflowing").count() == 0
    assert min(size for _, size in sizes) >= 16  # still readable from the back of the room


@pytest.mark.parametrize("language", CONFIG.languages)
def test_slides_carry_cue_and_script_as_speaker_notes(page, server, language):
    page.goto(slides(server, language))
    notes = page.locator("section.segment aside.notes")
    assert notes.count() == len(MODULE.segments)
    for index, segment in enumerate(MODULE.segments):
        text = " ".join(notes.nth(index).text_content().split())
        assert " ".join(segment.cue[language].split()) in text
        assert segment.script[language].split()[-1].strip("*_.") in text


def test_segment_kinds_look_different(page, server):
    page.goto(slides(server, DEFAULT))
    colours = {}
    for kind in {segment.kind for segment in MODULE.segments}:
        colours[kind] = page.locator(f"section.kind-{kind}").first.evaluate(
            "e => getComputedStyle(e).borderLeftColor")
    assert len(set(colours.values())) == len(colours) > 1, colours


@pytest.mark.parametrize("language", CONFIG.languages)
def test_slides_and_presenter_view_ask_no_other_host(page, server, language):
    for address in (slides(server, language), present(server, language)):
        page.goto(address, wait_until="networkidle")
    assert page.requests and all(u.startswith(server) for u in page.requests), page.requests
    assert any(u.endswith(".woff2") for u in page.requests), "the kit font was not used"


def test_slides_work_from_the_offline_zip(browser, site, tmp_path):
    with zipfile.ZipFile(site / "curriculum/downloads/handbook-offline.zip") as archive:
        archive.extractall(tmp_path)
    root = tmp_path / "handbook-offline"
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    # Reached as a reader does: from the module page's link.
    page.goto((root / "curriculum/modules" / f"{MODULE.id}.html").as_uri())
    page.locator("a.kit-link").first.click()
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    page.keyboard.press("ArrowRight")
    moved = horizontal(page)
    fonts = page.evaluate("document.fonts.ready.then(f => [...f].filter("
                          "x => x.status === 'loaded').length)")
    # The presenter view of a programme day, from the programme page, keeps its state too.
    page.goto((root / "curriculum/programmes" / f"{PROGRAMME.id}.html").as_uri())
    page.locator("a.kit-link").first.click()
    page.locator('[data-action="start"]').click()
    page.locator('[data-action="next"]').click()
    page.reload()
    index = page.locator(".present").get_attribute("data-index")
    context.close()
    assert moved == 1
    assert fonts > 0
    assert index == "1"
    assert all(u.startswith("file://") for u in requests), requests


def test_slides_print_one_page_per_slide(page, server):
    page.goto(slides(server, DEFAULT) + "?print-pdf")
    page.locator(".reveal[data-pdf-ready]").wait_for(state="attached")
    pdf = page.pdf(width="1280px", height="720px", print_background=True)
    assert len(pypdfium2.PdfDocument(pdf)) == page.evaluate("Reveal.getTotalSlides()")


@pytest.mark.parametrize("language", CONFIG.languages)
@pytest.mark.parametrize("what", ["slides", "present"])
def test_kit_pages_pass_axe(page, server, language, what):
    address = slides(server, language) if what == "slides" else present(server, language)
    page.goto(address, wait_until="networkidle")
    assert serious(page) == []


def phone(browser, timezone: str = "UTC"):
    return browser.new_context(viewport=PHONE, timezone_id=timezone)


# What the script draws at first is in the page already: on a phone nothing moves under
# the presenter's thumb when it runs (Lighthouse counted that shift as 0.16).
BOXES = """() => [...document.querySelectorAll('.present > *')].map(e => {
    const box = e.getBoundingClientRect(); return [e.className, box.top, box.height]; })"""


@pytest.mark.parametrize("item", [MODULE.id, DAYS[0]])
def test_presenter_view_does_not_move_when_its_script_runs(tab, server, item):
    boxes = []
    for javascript in (False, True):
        page = tab(viewport=PHONE, java_script_enabled=javascript)
        page.goto(present(server, CONFIG.default_language, item), wait_until="load")
        page.evaluate("document.fonts.ready")
        boxes.append(page.evaluate(BOXES))
    before, after = boxes
    assert [b[0] for b in before] == [a[0] for a in after]
    moved = [(b, a) for b, a in zip(before, after, strict=True)
             if abs(b[1] - a[1]) > 1 or abs(b[2] - a[2]) > 1]
    assert moved == [], moved


@pytest.mark.parametrize("language", CONFIG.languages)
def test_presenter_view_keeps_time_and_drift_across_a_reload(browser, server, language):
    context = phone(browser)
    page = context.new_page()
    page.clock.install(time=datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC))
    page.goto(present(server, language))
    first, second = MODULE.segments[0], MODULE.segments[1]
    start = page.get_by_role("button", name=kit_strings(language)["start_label"], exact=True)
    assert start.is_visible()
    start.click()
    assert page.locator("[data-now-title]").inner_text() == first.title[language]
    # Two minutes past the first segment's end: it has run over, and the plan with it.
    page.clock.run_for((first.minutes + 2) * MINUTE + 1500)  # + one tick of the display
    assert page.locator("[data-time-left]").inner_text().startswith("−2:")
    assert page.locator("[data-next-title]").inner_text() == second.title[language]
    page.get_by_role("button", name=kit_strings(language)["next"]).click()
    assert page.locator("[data-now-title]").inner_text() == second.title[language]
    drift = page.locator("[data-drift]")
    assert drift.get_attribute("data-drift-minutes") == "2"
    assert "2" in drift.inner_text() and kit_strings(language)["behind"] in drift.inner_text()
    page.reload()
    assert page.locator("[data-now-title]").inner_text() == second.title[language]
    assert page.locator("[data-drift]").get_attribute("data-drift-minutes") == "2"
    # Finishing the second segment early takes the plan back.
    page.clock.run_for(MINUTE)
    page.get_by_role("button", name=kit_strings(language)["next"]).click()
    expected = 2 + 1 - second.minutes
    assert page.locator("[data-drift]").get_attribute("data-drift-minutes") == str(expected)
    width = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= 360


def test_day_view_counts_drift_from_the_scheduled_start(browser, server):
    day = PROGRAMME.days[0]
    zone = ZoneInfo(PROGRAMME.timezone)
    hour, minute = map(int, day.start.split(":"))
    late = datetime.datetime(2026, 3, 2, hour, minute, tzinfo=zone) + datetime.timedelta(
        minutes=7)
    context = phone(browser, PROGRAMME.timezone)
    page = context.new_page()
    page.clock.install(time=late)
    page.goto(present(server, DEFAULT, DAYS[0]))
    page.locator('[data-action="start"]').click()
    drift = page.locator("[data-drift]").get_attribute("data-drift-minutes")
    first = day_steps(CURRICULUM, day, DEFAULT)[0]
    clock_text = page.locator("[data-now-clock]").inner_text()
    context.close()
    assert drift == "7"
    assert day.start in clock_text and first.offset == 0


def test_presenter_view_moves_the_slides_in_another_tab(tab, server):
    deck = tab(viewport=PROJECTOR)  # two tabs of one browser window
    deck.goto(slides(server, DEFAULT))
    deck.wait_for_function("window.Reveal && Reveal.isReady()")
    phone_page = tab(viewport=PROJECTOR)
    phone_page.goto(present(server, DEFAULT))
    phone_page.locator('[data-action="start"]').click()
    phone_page.locator('[data-action="next"]').click()
    phone_page.locator('[data-action="next"]').click()
    # The third segment is slide 2 + 2 (after the title and objectives slides).
    deck.wait_for_function("Reveal.getIndices().h === 4", timeout=5000)


HANDOUTS = [handout.id for handout in CURRICULUM.handouts]


# One page load for both: what the phone shows, then what the printer gets (printing uses
# the paper's size and print styles, not the window's).
@pytest.mark.parametrize("language", CONFIG.languages)
@pytest.mark.parametrize("handout", HANDOUTS)
def test_handout_fits_a_phone_and_prints_on_one_a4_page(tab, server, handout, language):
    page = tab(viewport=PHONE)
    page.goto(url(server, language, f"curriculum/handouts/{handout}/index.html"))
    width = page.evaluate("document.documentElement.scrollWidth")
    widest = page.evaluate("""() => Math.max(...[...document.querySelectorAll('main *')]
        .map(e => e.getBoundingClientRect().right))""")
    pdf = page.pdf(format="A4", prefer_css_page_size=True)
    assert width <= 360 and widest <= 360, (width, widest)
    sheets = pypdfium2.PdfDocument(pdf)
    assert len(sheets) == 1
    size = sheets[0].get_size()
    assert (round(size[0]), round(size[1])) == (595, 842)  # A4 in points
    title = CURRICULUM.handout(handout).title[language]
    assert re.sub(r"\s+", "", title) in re.sub(r"\s+", "", printed_pages(pdf)[0])


@pytest.mark.parametrize("language", CONFIG.languages)
def test_run_sheets_and_exercises_link_their_handouts(site, language):
    def links(path: str) -> set[str]:
        soup = page_of(site, language, path)
        return {a["href"].split("/")[-2] for a in soup.select("a.handout-link")}

    for module in CURRICULUM.modules:
        named = {h for segment in module.segments for h in segment.handouts}
        assert named <= links(f"curriculum/run-sheets/{module.id}"), module.id
        exercises = {h for ref in module.exercises for h in CURRICULUM.exercise(ref.id).handouts}
        assert exercises <= links(f"curriculum/modules/{module.id}"), module.id
    assert any(segment.handouts for m in CURRICULUM.modules for segment in m.segments)


@pytest.mark.parametrize("width", [320, 360, 390])
@pytest.mark.parametrize("language", CONFIG.languages)
def test_presenter_buttons_keep_their_words_on_one_line(tab, server, language, width):
    """A wrapped "‹ Previous" makes a two-line button that reads as two controls."""
    page = tab(viewport={"width": width, "height": 740})
    page.goto(present(server, language))
    lines = page.evaluate("""() => [...document.querySelectorAll('.controls button')]
        .filter(b => b.offsetParent !== null).map(b => {
          const range = document.createRange(); range.selectNodeContents(b);
          const tops = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
          const box = b.getBoundingClientRect(), text = range.getBoundingClientRect();
          return [b.innerText, tops.size, text.left >= box.left - 1 && text.right <= box.right + 1];
        })""")
    width_used = page.evaluate("document.documentElement.scrollWidth")
    assert len(lines) >= 3
    assert [line for line in lines if line[1] != 1 or not line[2]] == []
    assert width_used <= width
