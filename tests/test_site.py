"""The real handbook, built with MkDocs: both languages, run sheets, nothing third-party."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup, SoupStrainer

from handbook.common.clock import clock
from handbook.config import load_config
from handbook.loader import load
from tests.conftest import ROOT

CONFIG = load_config(ROOT)
CURRICULUM = load(CONFIG)
DEFAULT, *OTHERS = CONFIG.languages


def in_turns(things) -> list[tuple[object, str]]:
    """Each thing with a language, the configured languages taking turns: a check whose
    result cannot depend on the language covers every language, each thing once."""
    return [(thing, CONFIG.languages[turn % len(CONFIG.languages)])
            for turn, thing in enumerate(things)]


def page(site: Path, language: str, path: str = "") -> BeautifulSoup:
    prefix = "" if language == DEFAULT else f"{language}/"
    return BeautifulSoup((site / prefix / path / "index.html").read_text("utf-8"), "html.parser")


@pytest.mark.parametrize("language", CONFIG.languages)
def test_home_page_is_in_its_language(site, language):
    assert page(site, language).html["lang"] == language


@pytest.mark.parametrize("language", CONFIG.languages)
@pytest.mark.parametrize("module", CURRICULUM.modules, ids=lambda m: m.id)
def test_module_page_in_every_language(site, module, language):
    html = page(site, language, f"curriculum/modules/{module.id}")
    assert html.html["lang"] == language
    assert html.h1.get_text(strip=True).startswith(module.title[language].split()[0])
    # The run sheet's clock column counts up from 00:00 by each segment's minutes.
    table = html.find(id="run-sheet").find_next("table")
    clocks = [row.find("td").get_text(strip=True) for row in table.find_all("tr")[1:]]
    expected, elapsed = [], 0
    for segment in module.segments:
        expected.append(clock(elapsed))
        elapsed += segment.minutes
    assert clocks == [*expected, clock(module.duration)]
    # Trainer notes and quiz answers are folded away.
    assert html.select("details.success"), "quiz answers should be collapsed"
    # Every page states its translation review status.
    assert html.select(".admonition.warning, .admonition.success")


@pytest.mark.parametrize("language", CONFIG.languages)
def test_index_lists_every_module_with_its_duration(site, language):
    text = page(site, language, "curriculum").get_text(" ", strip=True)
    for module in CURRICULUM.modules:
        assert module.title[language] in text
        assert f"{module.duration} " in text


def test_switcher_links_to_the_same_page_in_the_other_language(site):
    module = CURRICULUM.modules[0]
    links = {a["hreflang"]: a["href"]
             for a in page(site, DEFAULT, f"curriculum/modules/{module.id}").select("a[hreflang]")}
    for language in OTHERS:
        expected = f"/{language}/curriculum/modules/{module.id}"
        assert links[language].rstrip("/").endswith(expected)


def _third_party(url: str) -> bool:
    parsed = urlparse(url)
    return bool(parsed.scheme in ("http", "https") or url.startswith("//"))


def test_no_resource_is_loaded_from_another_host(site):
    offenders = []
    loaded = ["script", "link", "img", "iframe", "source", "video", "audio"]
    for html_file in site.rglob("*.html"):
        # Only the elements that load something are kept (a whole tree per page is slow).
        soup = BeautifulSoup(html_file.read_text("utf-8"), "html.parser",
                             parse_only=SoupStrainer(loaded))
        for tag in soup.find_all(loaded):
            if tag.name == "link" and "stylesheet" not in tag.get("rel", []) and \
                    "preload" not in tag.get("rel", []) and "icon" not in tag.get("rel", []):
                continue  # alternate/canonical links are not loaded
            url = tag.get("src") or tag.get("href") or ""
            if _third_party(url):
                offenders.append(f"{html_file.relative_to(site)}: <{tag.name}> {url}")
    for css in site.rglob("*.css"):
        for url in re.findall(r"url\(['\"]?([^'\")]+)", css.read_text("utf-8")):
            if _third_party(url):
                offenders.append(f"{css.relative_to(site)}: {url}")
    assert offenders == []


def test_search_index_holds_tajik_words(site):
    index = json.loads((site / "search/search_index.json").read_text("utf-8"))
    text = " ".join(doc["text"] + doc["title"] for doc in index["docs"])
    assert all(module.title[DEFAULT] in text for module in CURRICULUM.modules)
    assert re.search(r"[ҳқғҷӯӣ]", text)


def _pages(site: Path, language: str) -> set[Path]:
    root = site if language == DEFAULT else site / language
    found = {p.relative_to(root) for p in root.rglob("index.html")}
    return {p for p in found if p.parts[0] not in OTHERS}


def test_no_page_lacks_its_twin(site):
    default = _pages(site, DEFAULT)
    assert len(default) > 5
    for language in OTHERS:
        assert _pages(site, language) == default


CONTENT_PAGES = [
    *(f"curriculum/modules/{m.id}" for m in CURRICULUM.modules),
    *(f"curriculum/programmes/{p.id}" for p in CURRICULUM.programmes),
    *(f"curriculum/guides/{g.id}" for g in CURRICULUM.guides),
    "curriculum/glossary",
]


@pytest.mark.parametrize("language", CONFIG.languages)
@pytest.mark.parametrize("path", CONTENT_PAGES)
def test_every_content_page_states_its_review_status(site, path, language):
    status = page(site, language, path).select(".admonition.warning, .admonition.success")
    assert status, f"{path} does not say whether its {language} text was reviewed"


@pytest.mark.parametrize("language", CONFIG.languages)
@pytest.mark.parametrize("programme", CURRICULUM.programmes, ids=lambda p: p.id)
def test_agenda_shows_each_slot_with_clock_times(site, programme, language):
    html = page(site, language, f"curriculum/programmes/{programme.id}")
    tables = html.select("article table")
    assert len(tables) == len(programme.days)
    for day, table in zip(programme.days, tables, strict=True):
        rows = table.find_all("tr")[1:]
        assert len(rows) == len(day.slots)
        for slot, row in zip(day.slots, rows, strict=True):
            hours, minutes = map(int, slot.start.split(":"))
            end = hours * 60 + minutes + slot.minutes
            assert row.td.get_text(strip=True) == f"{slot.start}–{clock(end)}"
            if slot.module:
                link = row.find("a")["href"]
                assert link.rstrip("/").endswith(f"modules/{slot.module}")
                assert CURRICULUM.module(slot.module).title[language] in row.get_text()
            if slot.note:  # notes show for module slots too, e.g. the Day 2 account plan
                assert " ".join(slot.note[language].split()) in " ".join(row.get_text().split())


@pytest.mark.parametrize("language", CONFIG.languages)
def test_module_pages_link_the_glossary_terms_they_use(site, language):
    glossary = CURRICULUM.glossary
    assert glossary is not None
    for module in CURRICULUM.modules:
        html = page(site, language, f"curriculum/modules/{module.id}")
        anchors = {a["href"].split("#")[-1] for a in html.select("a[href*='glossary/#']")}
        used = {t.id for t in glossary.terms if t.term[language].casefold()
                in html.article.get_text(" ").casefold()}
        assert anchors, f"{module.id} links no glossary term"
        assert anchors <= {t.id for t in glossary.terms}
        assert anchors <= used
