"""Markdown in text fields, parsed with markdown-it: prose, links, raw HTML and tables.

Several rules read the same text; each text is parsed once (cached by its content).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt


@cache
def _parser() -> MarkdownIt:
    parser = MarkdownIt("commonmark").enable("table")  # as the site's `tables` extension
    # markdown-it silently drops javascript:/data: links; Python-Markdown (MkDocs) does not,
    # so keep them as links here for the safety rule to see.
    parser.validateLink = lambda url: True
    return parser


@dataclass(frozen=True)
class Parsed:
    prose: str  # the words a reader sees: no URLs, no code
    links: tuple[str, ...]
    raw_html: tuple[str, ...]
    empty_headers: tuple[int, ...] = ()  # the line (from 1) of each empty table header cell


# Characters that can start Markdown syntax anywhere, or at the start of a line (lists,
# headings, quotes, fences, setext underlines, indented code). A text with none of them is
# plain paragraphs, and its prose is its lines; most texts are, and markdown-it was the
# slowest part of validation. (Whitespace other than spaces and line ends, such as tabs and
# no-break spaces, takes the slow path too: markdown-it treats it apart.)
MARKDOWN = re.compile(r"[\\`*_\[\]!<>&#\x00]|[^\S \n]|^ *(?:[-+=~|]|\d+[.)])|^ {4}", re.M)


@cache
def parse(text: str) -> Parsed:
    if not MARKDOWN.search(text):
        return Parsed(" ".join(line.strip() for line in text.split("\n") if line.strip()), (), ())
    return _parse(text)


def _parse(text: str) -> Parsed:
    words: list[str] = []
    links: list[str] = []
    html: list[str] = []
    empty_headers: list[int] = []
    previous = None
    for block in _parser().parse(text):
        if previous == "th_open" and block.type == "inline" and not block.content.strip():
            empty_headers.append(block.map[0] + 1 if block.map else 1)
        previous = block.type
        for token in [block, *(block.children or [])]:
            if token.type == "text":
                words.append(token.content)
            elif token.type == "link_open":
                links.append(str(token.attrs["href"]))
            elif token.type == "image":
                links.append(str(token.attrs["src"]))
            elif token.type in ("html_inline", "html_block"):
                html.append(token.content.strip())
    return Parsed(" ".join(words), tuple(links), tuple(html), tuple(empty_headers))


def prose(text: str) -> str:
    return parse(text).prose


def links(text: str) -> tuple[str, ...]:
    return parse(text).links


def raw_html(text: str) -> tuple[str, ...]:
    return parse(text).raw_html


def empty_headers(text: str) -> tuple[int, ...]:
    return parse(text).empty_headers
