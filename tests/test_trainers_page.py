"""The Trainers page and its Meta-Wiki wikitext: people per step (chart with a text
alternative, the same numbers in a table), consenting people only, and the certificates'
verification codes, checked against the certificates themselves."""

from __future__ import annotations

import base64
import re
from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from handbook.build import export, generate
from handbook.config import load_config
from handbook.loader import load
from tests.test_certificates import text_of
from tests.test_pathway import RECORD, pathway  # noqa: F401  (fixture)
from tests.test_rules import problems

CODE = re.compile(r"\b[A-Z2-7]{4}-[A-Z2-7]{4}\b")


def page(root: Path, language: str) -> BeautifulSoup:
    curriculum = load(load_config(root))
    generate(curriculum)
    text = (root / "docs/curriculum" / f"trainers.{language}.md").read_text("utf-8")
    body = text.split("---", 2)[2]
    html = markdown.markdown(body, extensions=["tables", "attr_list"])
    return BeautifulSoup(html, "html.parser")


def rows(table) -> list[list[str]]:
    return [[cell.get_text(" ", strip=True) for cell in row.find_all(["td", "th"])]
            for row in table.find_all("tr")[1:]]


@pytest.mark.parametrize("language", ["tg", "en"])
def test_counts_in_the_chart_and_the_table(pathway, language):  # noqa: F811
    soup = page(pathway, language)
    counts = rows(soup.find_all("table")[0])
    # Alpha is a lead trainer, Beta a peer mentor (their highest steps).
    assert [n for _, n in counts] == ["0", "1", "0", "1"]
    image = soup.find("img")
    for step, number in counts:
        assert f"{step}: {number}" in image["alt"]
    assert image["src"].startswith("data:image/svg+xml;base64,")  # no file, no request
    svg = base64.b64decode(image["src"].split(",", 1)[1]).decode("utf-8")
    assert svg.lstrip().startswith("<?xml") and "<script" not in svg
    assert f"<desc id=\"chart-desc\">{image['alt']}</desc>" in svg
    for step, _ in counts:
        assert step in svg  # the bars are labelled with the steps, as text


def test_the_codes_on_the_page_are_those_of_the_certificates(pathway, handbook):  # noqa: F811
    assert handbook("certificate", "Beta").code == 0
    listed = {tuple(row[:2]) for row in rows(page(pathway, "en").find_all("table")[2])}
    for pdf in (pathway / "build/certificates/Beta").glob("*-en.pdf"):
        found = CODE.findall(text_of(pdf)[1])
        assert len(found) == 1 and (found[0], "Beta") in listed, (pdf.name, listed)
    assert len(listed) == 3  # Alpha's line and Beta's two


def test_only_consenting_people_are_listed(pathway):  # noqa: F811
    record = pathway / RECORD
    text = record.read_text("utf-8")
    record.write_text(text.replace("    consent: publish\n    met:", "    consent: withheld\n"
                                   "    met:"), "utf-8")
    # The rule refuses the line (the record is public) …
    assert "CUR145" in {p.code for p in problems(pathway)}
    # … and the page would not list it even so: Beta's trainee line is gone from the codes.
    soup = page(pathway, "en")
    steps = [row[2] for row in rows(soup.find_all("table")[2]) if row[1] == "Beta"]
    assert steps == ["Peer mentor"]


def test_wikitext_lists_the_same_people_and_codes(pathway):  # noqa: F811
    curriculum = load(load_config(pathway))
    folder = pathway / "build/exports/trainers"
    export(curriculum, "trainers", folder)
    for language in curriculum.config.languages:
        wikitext = (folder / f"{language}.wikitext").read_text("utf-8")
        assert "[[User:Alpha|Alpha]]" in wikitext and "[[User:Beta|Beta]]" in wikitext
        assert len(set(CODE.findall(wikitext))) == 3
        assert '{| class="wikitable"' in wikitext
