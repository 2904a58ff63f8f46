"""Lighthouse's verdicts that do not depend on machine load, and what they stand on."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup, SoupStrainer

from tests.conftest import ROOT
from tests.test_site import CONFIG, in_turns

AUDITED = ["home", "module", "run-sheet", "slides", "presenter", "agenda", "glossary", "rules",
           "event"]
REQUIRED = ("accessibility", "best-practices", "seo")


def test_languages_are_declared_with_absolute_addresses(site):
    """SEO: hreflang alternates must be absolute. The sitemap declares each page's languages;
    no page carries a relative hreflang link."""
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9",
                  "x": "http://www.w3.org/1999/xhtml"}
    declared: set[str] = set()
    for entry in ElementTree.parse(site / "sitemap.xml").getroot().findall("s:url", namespaces):
        alternates = {link.get("hreflang"): link.get("href")
                      for link in entry.findall("x:link[@rel='alternate']", namespaces)}
        assert set(alternates) == set(CONFIG.languages), alternates
        assert all(href.startswith(CONFIG.site_url) for href in alternates.values())
        declared |= set(alternates.values())
    # MkDocs pages (they carry a canonical link); the presenter's kit pages (slides, phone
    # view, handouts) are standalone tools, not pages to find by search.
    pages = {CONFIG.site_url + "".join(f"{part}/" for part in p.parent.relative_to(site).parts)
             for p in site.rglob("index.html") if 'rel="canonical"' in p.read_text("utf-8")}
    assert pages <= declared, sorted(pages - declared)
    links = SoupStrainer("link")  # only the link elements are parsed: 260 pages
    for index in site.rglob("index.html"):
        for link in BeautifulSoup(index.read_text("utf-8"), "html.parser",
                                  parse_only=links).select("link[hreflang]"):
            assert re.match(r"https?://", link["href"]), (index, link)


# Every kind of page is audited once, the languages taking turns, one language per test so
# that workers audit side by side. Both languages are built from the same templates, and
# auditing each kind twice cost 85 of the suite's ~560 CPU-seconds; what differs by language
# in what Lighthouse's SEO and best-practices audits read is checked on every page below.
SHARES = {language: [kind for kind, turn in in_turns(AUDITED) if turn == language]
          for language in CONFIG.languages}


@pytest.mark.needs("lighthouse")
@pytest.mark.parametrize("language", CONFIG.languages)
def test_lighthouse_scores_100_for_accessibility_best_practices_and_seo(site, language):
    kinds = SHARES[language]
    command = [sys.executable, str(ROOT / "benchmarks" / "audit.py"), str(site),
               "--categories", ",".join(REQUIRED), "--languages", language,
               "--kinds", ",".join(kinds)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    lines = [line.split() for line in result.stdout.splitlines()]
    names = {line[0] for line in lines}
    for kind in kinds:
        for category in REQUIRED:
            assert f"lighthouse-{language}-{kind}-{category}" in names, result.stdout
    below = [line for line in lines if line[3] != "ok" or int(line[1]) < 100]
    assert below == [] and result.returncode == 0, result.stdout + result.stderr[-3000:]


def head_problems(html: str, language: str) -> list[str]:
    """What Lighthouse's document audits would find wrong in a page's head."""
    head = BeautifulSoup(html[:html.find("</head>")], "html.parser")
    problems = []
    if not html.lstrip().lower().startswith("<!doctype html>"):
        problems.append("no <!doctype html>")
    if (head.html and head.html.get("lang")) != language:
        problems.append(f'<html lang> is not "{language}"')
    if not (head.title and head.title.get_text(strip=True)):
        problems.append("no <title>")
    description = head.select_one('meta[name="description"]')
    if not (description and description.get("content", "").strip()):
        problems.append("no meta description")
    if not head.select_one('meta[name="viewport"][content*="width=device-width"]'):
        problems.append("no mobile viewport")
    if not head.select_one("meta[charset]"):
        problems.append("no charset")
    canonical = head.select_one('link[rel="canonical"]')
    if not (canonical and canonical["href"].startswith(CONFIG.site_url)):
        problems.append("canonical link is not absolute")
    return problems


def test_every_page_has_the_head_lighthouse_looks_for_in_its_language(site):
    problems, languages = {}, Counter()
    for path in site.rglob("index.html"):
        html = path.read_text("utf-8")
        if 'rel="canonical"' not in html:  # the presenter's kit and redirect stubs
            continue
        first = path.relative_to(site).parts[0]
        language = first if first in CONFIG.languages else CONFIG.default_language
        languages[language] += 1
        if found := head_problems(html, language):
            problems[path.relative_to(site).as_posix()] = found
    assert set(languages) == set(CONFIG.languages) and len(set(languages.values())) == 1
    assert problems == {}


def test_the_head_check_finds_what_is_missing():
    bare = "<html lang='en'><head><title> </title></head><body></body></html>"
    assert set(head_problems(bare, "tg")) == {
        "no <!doctype html>", '<html lang> is not "tg"', "no <title>", "no meta description",
        "no mobile viewport", "no charset", "canonical link is not absolute"}


def test_audit_reports_missing_site_clearly(tmp_path: Path):
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "audit.py"),
                             str(tmp_path)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("audit: ")

