"""The Tajik side is all Tajik: no English interface string on any default-language page,
Tajik dates and time zone, and alphabetical lists in the configured Tajik order."""

from __future__ import annotations

import itertools
import re
from importlib import resources
from pathlib import Path

import pytest
from babel.dates import format_date
from bs4 import BeautifulSoup, Tag
from markdown.extensions.toc import TocExtension
from ruamel.yaml import YAML

from tests.test_site import CONFIG, CURRICULUM, DEFAULT

OTHERS = [lang for lang in CONFIG.languages if lang != DEFAULT]
ATTRIBUTES = ("title", "aria-label", "placeholder", "alt")


def english_interface() -> set[str]:
    """Every English interface string the site can show: Material's, ours, Markdown's."""
    material = resources.files("material").joinpath("templates/partials/languages/en.html")
    strings = set(re.findall(r'"[\w.]+": "([^"]+)"', material.read_text("utf-8")))
    for language in OTHERS:
        locale = resources.files("handbook").joinpath("locales", f"{language}.yml")
        strings |= {v for v in YAML(typ="safe").load(locale.read_text("utf-8")).values()
                    if isinstance(v, str)}
    strings.add(TocExtension().getConfig("permalink_title"))
    # Short ones ("E", "min") and names shared by both languages are not telling.
    return {s.strip() for s in strings if len(s.strip()) >= 4 and re.search("[A-Za-z]{3}", s)}


def default_pages(site: Path) -> list[Path]:
    return [path for path in site.rglob("*.html")
            if path.relative_to(site).parts[0] not in OTHERS]


def leaks(html: BeautifulSoup, english: set[str]) -> list[str]:
    found = []

    def visit(element: Tag, foreign_above: bool, code_above: bool) -> None:
        # Text marked as another language (a quoted UI label), and the language switcher's
        # links, which name each language in that language ("English"); code (config keys,
        # YAML examples) reads the same in every language. Flags passed down, not looked up
        # from each element: a page has 1,500 elements.
        marked = any(element.get(mark) not in (None, DEFAULT) for mark in ("lang", "hreflang"))
        code = code_above or element.name in ("code", "pre")
        if not (foreign_above or marked or code):
            for name in ATTRIBUTES:
                if element.get(name, "").strip() in english:
                    found.append(f'<{element.name} {name}="{element[name]}">')
            own = " ".join(s.strip() for s in element.find_all(string=True, recursive=False))
            if own.strip() in english and element.name not in ("script", "style"):
                found.append(f"<{element.name}>{own.strip()}")
        foreign = foreign_above or element.get("lang") not in (None, "", DEFAULT)
        for child in element.find_all(True, recursive=False):
            visit(child, foreign, code)

    for top in html.find_all(True, recursive=False):
        visit(top, False, False)
    return found


def test_no_default_language_page_shows_an_english_interface_string(site):
    english = english_interface()
    assert "Permanent link" in english and "Search" in english  # the check can see them
    pages = default_pages(site)
    assert any(p.name == "404.html" for p in pages)
    bad = {}
    for path in pages:
        html = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        if html.html is None:  # redirect stubs and fragments
            continue
        problems = ([f'<html lang="{html.html.get("lang")}">']
                    if html.html.get("lang") != DEFAULT else []) + leaks(html, english)
        if problems:
            bad[str(path.relative_to(site))] = problems[:5]
    assert bad == {}


def test_the_check_finds_an_english_string_where_there_is_one():
    html = BeautifulSoup('<p><a title="Permanent link">¶</a><button>Search</button>'
                         '<span lang="en">Search</span><code>Search</code></p>', "html.parser")
    assert len(leaks(html, english_interface())) == 2


def test_programme_dates_and_time_zone_in_the_readers_words(site):
    programme = CURRICULUM.programmes[0]
    day = programme.days[0].date
    html = (site / "curriculum/programmes" / programme.id / "index.html").read_text("utf-8")
    text = BeautifulSoup(html, "html.parser").get_text(" ")
    # Tajik style: day without a leading zero, month in lower case with the izofa -и.
    month = format_date(day, "MMMM", locale=DEFAULT).lower()
    assert f"{day.day} {month}и {day.year}" in text
    assert format_date(day, "dd MMMM y", locale=DEFAULT) not in text
    assert programme.timezone not in text
    assert re.search(r"Душанбе \(UTC\+5\)", text)
    english = (site / OTHERS[0] / "curriculum/programmes" / programme.id / "index.html")
    assert "Dushanbe time (UTC+5)" in english.read_text("utf-8")


@pytest.mark.parametrize("language", CONFIG.languages)
def test_glossary_follows_the_configured_alphabet(site, language):
    prefix = "" if language == DEFAULT else f"{language}/"
    html = BeautifulSoup((site / prefix / "curriculum/glossary/index.html").read_text("utf-8"),
                         "html.parser")
    headings = [h.get_text(strip=True).removesuffix("¶")
                for h in html.select("article h2[id]")
                if h["id"] in {t.id for t in CURRICULUM.glossary.terms}]
    assert len(headings) == len(CURRICULUM.glossary.terms)
    alphabet = CONFIG.alphabets.get(language)
    if not alphabet:
        assert headings == sorted(headings, key=str.casefold)
        return
    # Independent of the site's sort: compare letter by letter where two headings differ.
    for first, second in itertools.pairwise(headings):
        a, b = first.casefold(), second.casefold()
        diff = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), None)
        if diff is None:
            assert len(a) <= len(b), (first, second)
        elif a[diff] in alphabet and b[diff] in alphabet:
            assert alphabet.index(a[diff]) < alphabet.index(b[diff]), (first, second)


@pytest.mark.parametrize("language", CONFIG.languages)
def test_every_language_has_its_own_404_page(site, language):
    prefix = "" if language == DEFAULT else f"{language}/"
    html = BeautifulSoup((site / prefix / "404.html").read_text("utf-8"), "html.parser")
    assert html.html["lang"] == language
    heading = html.h1.get_text(" ", strip=True)
    assert "404" in heading and "notfound" not in heading  # a string, not a missing key
    # Each language's home is linked, and the page's own language names its heading.
    homes = {a["hreflang"] for a in html.select("article a[hreflang]")}
    assert homes == set(CONFIG.languages)
    others = [BeautifulSoup((site / ("" if o == DEFAULT else f"{o}/") / "404.html")
                            .read_text("utf-8"), "html.parser").h1.get_text(" ", strip=True)
              for o in CONFIG.languages if o != language]
    assert heading not in others
