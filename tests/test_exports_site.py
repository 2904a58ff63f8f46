"""The exports as a reader meets them on the site: listed with the downloads, and the
"Copy wikitext" button of module and agenda pages, clicked in Chromium."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.test_browser import url
from tests.test_site import CONFIG, CURRICULUM, DEFAULT

PROGRAMME = CURRICULUM.programmes[0]
MODULE = CURRICULUM.modules[0]


def home(site: Path, language: str) -> BeautifulSoup:
    prefix = "" if language == DEFAULT else f"{language}/"
    return BeautifulSoup((site / prefix / "index.html").read_text(), "html.parser")


@pytest.mark.parametrize("language", CONFIG.languages)
def test_downloads_list_both_exports_and_they_open(site, language):
    links = {a["href"].rsplit("/", 1)[-1] for a in home(site, language).select("a[href]")}
    wanted = {f"wikitext-{language}.zip", "dashboard-training.zip"}
    assert wanted <= links
    with zipfile.ZipFile(site / "curriculum/downloads" / f"wikitext-{language}.zip") as z:
        assert f"event-{PROGRAMME.id}.wikitext" in z.namelist()
    with zipfile.ZipFile(site / "curriculum/downloads/dashboard-training.zip") as z:
        assert f"modules/{MODULE.id}.yml" in z.namelist()


@pytest.mark.parametrize("language", CONFIG.languages)
@pytest.mark.parametrize("kind", ["agenda", "module"])
def test_copy_wikitext_button_puts_the_export_on_the_clipboard(
        site, server, browser, language, kind):
    path, member = {
        "agenda": (f"curriculum/programmes/{PROGRAMME.id}/", f"event-{PROGRAMME.id}.wikitext"),
        "module": (f"curriculum/modules/{MODULE.id}/", f"module-pages/{MODULE.id}.wikitext"),
    }[kind]
    with zipfile.ZipFile(site / "curriculum/downloads" / f"wikitext-{language}.zip") as z:
        expected = z.read(member).decode()
    context = browser.new_context()
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server)
    page = context.new_page()
    page.goto(url(server, language, path))
    button = page.locator(".wikitext-copy__button")
    label = button.inner_text()
    button.click()
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert button.inner_text() != label  # the reader sees that it worked
    context.close()


@pytest.mark.parametrize("language", CONFIG.languages)
def test_downloads_list_the_lms_exports_with_where_to_import_them(site, language):
    course = CONFIG.lms.course
    wanted = {f"olx-{course}-{language}.tar.gz": "Studio", f"scorm-{language}.zip": "SCORM",
              f"moodle-{course}-{language}.xml": "Moodle XML"}
    links = {a["href"].rsplit("/", 1)[-1]: a.get_text() for a in home(site, language).select(
        "a[href]")}
    for name, where in wanted.items():
        assert where in links[name]  # the line says where to import it
        assert (site / "curriculum/downloads" / name).stat().st_size > 1000
    with zipfile.ZipFile(site / "curriculum/downloads" / f"scorm-{language}.zip") as z:
        assert sorted(z.namelist()) == sorted(f"{m.id}-{language}.zip"
                                              for m in CURRICULUM.modules)
