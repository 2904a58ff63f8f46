"""Files that leave the site point back to the published handbook, from one setting, and never
to the machine that built them: calendars, PDFs, pages, the offline zip."""

from __future__ import annotations

import re
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup
from icalendar import Calendar
from pypdf import PdfReader

from handbook import build
from handbook.common.markup import prose
from handbook.config import load_config
from handbook.loader import load
from tests.conftest import ROOT
from tests.test_site import CONFIG, CURRICULUM, DEFAULT

SITE_URL = CONFIG.site_url
DOWNLOADS = "curriculum/downloads"


def local_path(site: Path, address: str) -> tuple[Path, str]:
    """The built file behind a public address of the handbook, and its #anchor."""
    assert address.startswith(SITE_URL), address
    parts = urlsplit(address)
    path = site / address.removeprefix(SITE_URL).split("#")[0]
    return (path / "index.html" if address.split("#")[0].endswith("/") else path), parts.fragment


def machine_paths(site: Path) -> list[str]:
    """Strings that would give away where the handbook was built."""
    return ["file://", str(ROOT), str(site), tempfile.gettempdir() + "/", str(Path.home()) + "/"]


def calendars(site: Path) -> Iterator[tuple[str, Calendar]]:
    for language in CONFIG.languages:
        for programme in CURRICULUM.programmes:
            data = (site / DOWNLOADS / f"{programme.id}-{language}.ics").read_bytes()
            yield language, Calendar.from_ical(data)


def pdf_links(reader: PdfReader) -> list[str]:
    return [annotation.get_object()["/A"]["/URI"]
            for pdf_page in reader.pages for annotation in pdf_page.get("/Annots") or []
            if "/URI" in annotation.get_object().get("/A", {})]


def test_the_public_address_is_set_once(site):
    """[tool.handbook] site_url is the only place: mkdocs.yml does not repeat it, and MkDocs
    gets it from there (canonical links of the built pages)."""
    assert SITE_URL and SITE_URL.startswith("https://") and SITE_URL.endswith("/")
    assert not re.search(r"^site_url:", (ROOT / "mkdocs.yml").read_text("utf-8"), re.MULTILINE)
    for language in CONFIG.languages:
        prefix = "" if language == DEFAULT else f"{language}/"
        html = BeautifulSoup((site / prefix / "index.html").read_text("utf-8"), "html.parser")
        assert html.select_one("link[rel=canonical]")["href"] == SITE_URL + prefix
    assert "site_url" in (ROOT / "README.md").read_text("utf-8"), "README: how to set it"


def test_changing_the_setting_changes_every_calendar_link(project):
    """The fixture handbook given another address: calendars link there, and UIDs follow."""
    pyproject = project / "pyproject.toml"
    other = "https://trainers.example.net/handbook/"
    pyproject.write_text(pyproject.read_text("utf-8").replace(
        "[tool.handbook]\n", f'[tool.handbook]\nsite_url = "{other}"\n'), "utf-8")
    curriculum = load(load_config(project))
    assert curriculum.programmes, "the fixture needs a programme"
    for language in curriculum.config.languages:
        for data in build.calendars(curriculum, language).values():
            for event in Calendar.from_ical(data).walk("VEVENT"):
                assert str(event["url"]).startswith(other)
                assert str(event["uid"]).endswith("@trainers.example.net")


def test_calendar_events_describe_and_link_their_page(site):
    uids: list[str] = []
    for language, calendar in calendars(site):
        programme = next(p for p in CURRICULUM.programmes
                         if str(calendar["x-wr-calname"]) == p.title[language])
        slots = [(n, slot) for n, day in enumerate(programme.days, 1) for slot in day.slots]
        events = calendar.walk("VEVENT")
        assert len(events) == len(slots)
        for event, (number, slot) in zip(events, slots, strict=True):
            uids.append(str(event["uid"]))
            description = str(event.get("description", ""))
            path, anchor = local_path(site, str(event["url"]))
            assert path.is_file(), event["url"]
            html = BeautifulSoup(path.read_text("utf-8"), "html.parser")
            assert html.html["lang"] == language
            if slot.module:
                module = CURRICULUM.module(slot.module)
                assert prose(module.summary[language])[:40] in description
                assert f"/modules/{module.id}/" in str(event["url"])
            else:
                expected = slot.note or programme.days[number - 1].title
                assert prose(expected[language])[:40] in description
                assert html.find(id=anchor) is not None, f"no #{anchor} on {path}"
    assert len(uids) == len(set(uids)), "UIDs repeat across the languages' calendars"


def test_pdfs_link_only_to_the_web_or_inside_themselves(site):
    for language in CONFIG.languages:
        reader = PdfReader(site / DOWNLOADS / f"handbook-{language}.pdf")
        links = pdf_links(reader)
        assert links, "the PDF should have web links"
        assert all(re.match(r"https?://", link) for link in links), [
            link for link in links if not re.match(r"https?://", link)]
        # Its links to the handbook itself (the calendar) go to the published address.
        ours = [link for link in links if link.startswith(SITE_URL)]
        assert any(link.endswith(f"-{language}.ics") for link in ours), ours
        for link in ours:
            assert local_path(site, link)[0].is_file(), link


def test_no_output_names_a_path_of_the_build_machine(site):
    forbidden = machine_paths(site)
    texts: dict[str, str] = {}
    for path in site.rglob("*"):
        if path.suffix in (".html", ".ics", ".xml"):
            texts[str(path.relative_to(site))] = path.read_text("utf-8", errors="replace")
        elif path.suffix == ".pdf":
            reader = PdfReader(path)
            texts[path.name] = "\n".join([*(p.extract_text() for p in reader.pages),
                                          *pdf_links(reader), str(reader.metadata)])
    with zipfile.ZipFile(site / DOWNLOADS / "handbook-offline.zip") as archive:
        for name in archive.namelist():
            if name.endswith((".html", ".ics")):
                texts[f"zip:{name}"] = archive.read(name).decode("utf-8", errors="replace")
    assert any(name.endswith(".pdf") for name in texts)
    assert any(name.endswith(".ics") for name in texts)
    found = [(name, bad) for name, text in texts.items() for bad in forbidden if bad in text]
    assert found == []
