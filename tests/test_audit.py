"""Lighthouse's verdicts that do not depend on machine load, and what they stand on."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup, SoupStrainer

from tests.conftest import ROOT
from tests.test_site import CONFIG

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


# One language per test: workers audit the languages side by side.
@pytest.mark.needs("lighthouse")
@pytest.mark.parametrize("language", CONFIG.languages)
def test_lighthouse_scores_100_for_accessibility_best_practices_and_seo(site, language):
    command = [sys.executable, str(ROOT / "benchmarks" / "audit.py"), str(site),
               "--categories", ",".join(REQUIRED), "--languages", language]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    lines = [line.split() for line in result.stdout.splitlines()]
    names = {line[0] for line in lines}
    for kind in AUDITED:
        for category in REQUIRED:
            assert f"lighthouse-{language}-{kind}-{category}" in names, result.stdout
    below = [line for line in lines if line[3] != "ok" or int(line[1]) < 100]
    assert below == [] and result.returncode == 0, result.stdout + result.stderr[-3000:]


def test_audit_reports_missing_site_clearly(tmp_path: Path):
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "audit.py"),
                             str(tmp_path)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("audit: ")

