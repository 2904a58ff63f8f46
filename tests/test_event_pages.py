"""The Events section: the chart's text alternatives and numbers, the calendar's import
reminders, the module pages' delivery notes, and the event page on a 360 px phone."""

from __future__ import annotations

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from icalendar import Calendar

import tests.test_browser as browsing
from handbook.build import generate
from handbook.config import load_config
from handbook.loader import load
from tests.conftest import ROOT, serious
from tests.test_browser import url
from tests.test_phone import OUTSIDE, PHONE
from tests.test_site import CURRICULUM

SVG = "{http://www.w3.org/2000/svg}"
LANGUAGES = load_config(ROOT).languages  # the fixture handbook's are the same


@pytest.fixture
def generated(project):
    curriculum = load(load_config(project))
    generate(curriculum)
    return curriculum.config.generated


def table_numbers(markdown: str) -> list[tuple[str, str]]:
    """(planned, actual) of each row of the plan-against-delivery table."""
    rows = re.findall(r"^\| \d+ \|.*\| (\S+) \| (\S+) \|$", markdown, flags=re.M)
    assert rows, "no session rows"
    return rows


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_chart_has_a_title_and_a_description_with_the_tables_numbers(generated,
                                                                         language):
    page = (generated / "events" / f"one-day-2025.{language}.md").read_text("utf-8")
    image = re.search(r"!\[([^\]]+)\]\(\.\./event-files/([^)]+\.svg)\)", page)
    assert image, "no chart on the page"
    svg = ET.parse(generated / "event-files" / image[2]).getroot()
    title, desc = svg.find(f"{SVG}title"), svg.find(f"{SVG}desc")
    assert svg.get("role") == "img" and title is not None and desc is not None
    assert title.text and title.text in page  # the figure's caption
    assert desc.text == image[1]  # the page's alt text says what the SVG says
    numbers = re.findall(r"\d+", desc.text)
    for planned, actual in table_numbers(page):
        assert planned in numbers and actual in numbers
    # The bars are labelled with the same numbers, as text.
    labels = {t.text for t in svg.iter(f"{SVG}text") if t.text}
    assert {"15", "20", "30", "32"} <= labels
    assert "<script" not in (generated / "event-files" / image[2]).read_text("utf-8")


def test_an_event_without_times_has_no_chart_and_says_so(project, generated):
    page = (generated / "events" / "one-day-2025.en.md").read_text("utf-8")
    assert ".svg)" in page
    text = (project / "events/one-day-2025.yml").read_text("utf-8")
    text = text.replace("    actual: 20\n", "").replace("    actual: 32\n", "")
    (project / "events/one-day-2025.yml").write_text(text.replace(
        "programme: one-day", "programme:"), "utf-8")
    generate(load(load_config(project)))
    page = (generated / "events" / "one-day-2025.en.md").read_text("utf-8")
    assert ".svg)" not in page and "no chart" in page
    assert not list((generated / "event-files").glob("*.svg"))
    assert list((generated / "event-files").glob("*.ics"))  # the calendar stays


def test_the_calendar_reminds_to_import_again_after_1_3_and_6_months(generated):
    calendar = Calendar.from_ical(
        (generated / "event-files" / "one-day-2025-en.ics").read_bytes())
    starts = sorted(e.decoded("dtstart") for e in calendar.walk("VEVENT"))
    assert starts == [datetime.date(2025, 4, 4), datetime.date(2025, 5, 4),
                      datetime.date(2025, 7, 4), datetime.date(2025, 10, 4)]
    reminders = [e for e in calendar.walk("VEVENT") if e.walk("VALARM")]
    assert len(reminders) == 3
    assert all("handbook event import one-day-2025" in str(e["description"])
               for e in reminders)


def test_module_page_and_run_sheet_show_delivery_and_segment_times(generated):
    module = (generated / "modules" / "first-steps.en.md").read_text("utf-8")
    section = module[module.index("Delivered in events"):]
    assert "1 time(s)" in section and "one-day-2025" in section
    # Segment 1: 10 planned, 12 taken; segment 2: 20 and 20 (the fixture event's record).
    assert re.search(r"\| 1\. Introduction \| 10 \| 12 \| 1 \|", section)
    assert re.search(r"\| 2\. First edit \| 20 \| 20 \| 1 \|", section)
    sheet = (generated / "run-sheets" / "first-steps.en.md").read_text("utf-8")
    assert "10→12" in sheet and "20→20" in sheet


def test_a_module_never_delivered_says_so(project, generated):
    text = (project / "events/one-day-2025.yml").read_text("utf-8")
    (project / "events/one-day-2025.yml").write_text(
        text.replace("status: held", "status: planned"), "utf-8")
    generate(load(load_config(project)))
    module = (generated / "modules" / "first-steps.en.md").read_text("utf-8")
    assert "Not yet recorded as delivered" in module


def test_usernames_and_sources_are_data_not_markup(project, generated):
    text = (project / "events/one-day-2025.yml").read_text("utf-8")
    text = text.replace("Example Trainer", "Ex_ample *Trainer* <b>")
    (project / "events/one-day-2025.yml").write_text(text, "utf-8")
    generate(load(load_config(project)))
    page = (generated / "events" / "one-day-2025.en.md").read_text("utf-8")
    assert "<b>" not in page and "*Trainer*" not in page
    assert r"Ex\_ample \*Trainer\* &lt;b&gt;" in page


# --- In Chromium, on the real site ---------------------------------------------------------

EVENT = CURRICULUM.events[0]


@browsing.pytestmark  # skipped, with the reason, without Chromium
@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("language", LANGUAGES)
def test_event_page_fits_a_phone_and_passes_axe(tab, server, language, width):
    page = tab(viewport={"width": width, "height": PHONE["height"]})
    page.goto(url(server, language, f"curriculum/events/{EVENT.id}/"), wait_until="networkidle")
    assert page.locator("article h1").inner_text().rstrip("¶").strip() == \
        EVENT.title[language].strip()
    if width == 360:
        assert page.evaluate(OUTSIDE, width) == []
        assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert serious(page) == []
    assert all(r.startswith(server) for r in page.requests)  # nothing from another host
    assert page.locator("article script").count() == 0
