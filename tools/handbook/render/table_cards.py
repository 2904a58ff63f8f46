"""Python-Markdown extension: label every Markdown table's cells for the phone layout.

On a phone, handbook.css shows a table of three or more columns as one card per row, each cell
headed by its column's heading (`data-label`); explicit table roles keep it a table for screen
readers once CSS turns its parts into blocks. Done here, when the page is built, so a reader's
phone does no work on load for it (the labels used to be set by handbook.js).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

ROLES = {"table": "table", "thead": "rowgroup", "tbody": "rowgroup", "tr": "row",
         "th": "columnheader", "td": "cell"}
LETTER = re.compile(r"[^\W\d_]")


class TableCards(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            if table.get("class"):
                continue  # a table authored in HTML keeps its own labels
            headings = ["".join(th.itertext()).strip() for th in table.iterfind("thead/tr/th")]
            for part in table.iter():
                if part.tag in ROLES:
                    part.set("role", ROLES[part.tag])
            for row in table.iterfind("tbody/tr"):
                for heading, cell in zip(headings, row, strict=False):
                    # A column headed by a sign (the run sheets' ☐) needs no label.
                    if LETTER.search(heading):
                        cell.set("data-label", heading)


class TableCardsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # After "unescape" (priority 0): headings hold their final text.
        md.treeprocessors.register(TableCards(md), "table_cards", -1)


def makeExtension(**kwargs) -> TableCardsExtension:
    return TableCardsExtension(**kwargs)
