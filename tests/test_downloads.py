"""What `make site` produces besides pages: PDFs, calendars, run sheets and the offline zip."""

from __future__ import annotations

import datetime
import re
import zipfile
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar
from pypdf import PdfReader

from handbook.common.clock import to_minutes
from handbook.common.markup import prose
from tests.test_site import CONFIG, CURRICULUM, DEFAULT, page

TAJIK_LETTERS = "ҳқғҷӯӣ"


@pytest.fixture(scope="module")
def pdfs(site: Path) -> dict[str, PdfReader]:
    return {lang: PdfReader(site / "curriculum/downloads" / f"handbook-{lang}.pdf")
            for lang in CONFIG.languages}


@pytest.mark.parametrize("language", CONFIG.languages)
def test_pdf_holds_every_module_with_contents_and_page_numbers(pdfs, language):
    pdf = pdfs[language]
    assert len(pdf.pages) > 20
    texts = [p.extract_text() for p in pdf.pages]
    # Titles may wrap onto two lines: compare with runs of white space folded.
    contents = " ".join(texts[1].split())
    for module in CURRICULUM.modules:
        title = " ".join(module.title[language].split())
        # The contents list gives each module's page, and that page starts the module.
        number = int(re.search(re.escape(title) + r"[ .]*(\d+)", contents).group(1))
        assert title in " ".join(texts[number - 1].split())
        assert re.search(rf"(^|\n){number}\s*$", texts[number - 1]), "page number missing"


def test_tajik_pdf_renders_every_tajik_letter_with_embedded_fonts(pdfs):
    pdf = pdfs["tg"]
    text = " ".join(p.extract_text() for p in pdf.pages[:40])
    assert set(TAJIK_LETTERS) <= set(text.lower())
    for number, pdf_page in enumerate(pdf.pages[:10], start=1):
        fonts = pdf_page["/Resources"]["/Font"]
        for font in fonts.values():
            font = font.get_object()
            descriptor = (font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
                          if "/DescendantFonts" in font else font.get("/FontDescriptor"))
            assert descriptor is not None, f"page {number}: font {font['/BaseFont']} has no data"
            descriptor = descriptor.get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), (
                f"page {number}: font {font['/BaseFont']} is not embedded")


def test_pdf_shows_quiz_answers(pdfs):
    module = CURRICULUM.modules[0]
    text = " ".join(" ".join(p.extract_text().split()) for p in pdfs["en"].pages)
    assert prose(module.quiz[0].explanation["en"])[:30] in text


@pytest.mark.parametrize("language", CONFIG.languages)
@pytest.mark.parametrize("programme", CURRICULUM.programmes, ids=lambda p: p.id)
def test_calendar_has_one_event_per_slot_in_local_time(site, programme, language):
    data = (site / "curriculum/downloads" / f"{programme.id}-{language}.ics").read_bytes()
    events = Calendar.from_ical(data).walk("VEVENT")
    slots = [(day, slot) for day in programme.days for slot in day.slots]
    assert len(events) == len(slots)
    zone = ZoneInfo(programme.timezone)
    for event, (day, slot) in zip(events, slots, strict=True):
        start = event.decoded("dtstart")
        expected = datetime.datetime.combine(day.date, datetime.time(), zone) + \
            datetime.timedelta(minutes=to_minutes(slot.start))
        assert start == expected and start.utcoffset() == expected.utcoffset()
        assert event.decoded("dtend") - start == datetime.timedelta(minutes=slot.minutes)
        title = CURRICULUM.module(slot.module).title if slot.module else slot.title
        assert str(event["summary"]) == title[language]


@pytest.mark.parametrize("language", CONFIG.languages)
def test_agenda_links_its_calendar(site, language):
    for programme in CURRICULUM.programmes:
        html = page(site, language, f"curriculum/programmes/{programme.id}")
        assert html.select_one(f"a[href$='{programme.id}-{language}.ics']")


@pytest.mark.parametrize("language", CONFIG.languages)
def test_home_page_links_the_downloads_with_their_sizes(site, language):
    home = page(site, language)
    prefix = "" if language == DEFAULT else f"{language}/"
    for name in (f"handbook-{language}.pdf", "handbook-offline.zip"):
        link = home.select_one(f"a[href$='{name}']")
        assert link is not None, name
        size = (site / "curriculum/downloads" / name).stat().st_size
        shown = link.parent.get_text()
        number = float(re.search(r"\((\d+(?:\.\d+)?) ", shown).group(1))
        unit = 1048576 if number < 100 and size >= 104858 else 1024
        assert abs(number * unit - size) / size < 0.1, (shown, size)
        assert (site / prefix / link["href"]).resolve().is_file()


def test_offline_zip_holds_both_languages_and_its_search_index(site):
    with zipfile.ZipFile(site / "curriculum/downloads/handbook-offline.zip") as archive:
        names = set(archive.namelist())
        assert archive.testzip() is None
    assert {"handbook-offline/index.html", "handbook-offline/en/index.html",
            "handbook-offline/search/search_index.js"} <= names
    assert not any(name.endswith(".zip") for name in names)


@pytest.mark.parametrize("language", CONFIG.languages)
@pytest.mark.parametrize("module", CURRICULUM.modules, ids=lambda m: m.id)
def test_run_sheet_lists_every_segment_with_a_tick_box(site, module, language):
    html = page(site, language, f"curriculum/run-sheets/{module.id}")
    rows = html.select("article table tr")[1:]
    assert len(rows) == len(module.segments) + 1  # and the total row
    for segment, row in zip(module.segments, rows, strict=False):
        cells = [td.get_text(" ", strip=True) for td in row.find_all("td")]
        assert cells[0] == "☐"
        assert " ".join(segment.cue[language].split()) in " ".join(cells[4].split())
    assert html.select(".task-list-item"), "checklists print with tick boxes"
    module_page = page(site, language, f"curriculum/modules/{module.id}")
    assert module_page.select_one(f"a[href*='run-sheets/{module.id}']")

