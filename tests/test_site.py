"""The real handbook, built with MkDocs: both languages, run sheets, nothing third-party."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from tests.conftest import ROOT

from handbook.config import load_config
from handbook.loader import load
from handbook.render.markdown import clock

CONFIG = load_config(ROOT)
CURRICULUM = load(CONFIG)
DEFAULT, *OTHERS = CONFIG.languages


def page(site: Path, language: str, path: str = "") -> BeautifulSoup:
    prefix = "" if language == DEFAULT else f"{language}/"
    return BeautifulSoup((site / prefix / path / "index.html").read_text("utf-8"), "html.parser")


def test_the_overview_module_exists():
    assert CURRICULUM.module("wikimedia-projects-overview") is not None


@pytest.mark.parametrize("language", CONFIG.languages)
def test_home_page_is_in_its_language(site, language):
    assert page(site, language).html["lang"] == language


@pytest.mark.parametrize("language", CONFIG.languages)
@pytest.mark.parametrize("module", CURRICULUM.modules, ids=lambda m: m.id)
def test_module_page_in_every_language(site, module, language):
    html = page(site, language, f"curriculum/{module.id}")
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
             for a in page(site, DEFAULT, f"curriculum/{module.id}").select("a[hreflang]")}
    for language in OTHERS:
        assert links[language].rstrip("/").endswith(f"/{language}/curriculum/{module.id}")


def _third_party(url: str) -> bool:
    parsed = urlparse(url)
    return bool(parsed.scheme in ("http", "https") or url.startswith("//"))


def test_no_resource_is_loaded_from_another_host(site):
    offenders = []
    for html_file in site.rglob("*.html"):
        soup = BeautifulSoup(html_file.read_text("utf-8"), "html.parser")
        for tag in soup.find_all(["script", "link", "img", "iframe", "source", "video", "audio"]):
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
    module = CURRICULUM.module("wikimedia-projects-overview")
    assert module.title["tg"] in text
    assert re.search(r"[ҳқғҷӯӣ]", text)
