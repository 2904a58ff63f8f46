"""Small helpers for writing Markdown safely from curriculum text."""

from __future__ import annotations

import json
import re


def cell(text: str) -> str:
    """Text fit for one Markdown table cell: one line, pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def indent(text: str, width: int = 4) -> str:
    """Indent every line, for the body of an admonition or list item."""
    pad = " " * width
    return "\n".join(pad + line if line.strip() else "" for line in text.strip().splitlines())


# Characters that could end a link's <address> in the Markdown source, or break its line.
_ADDRESS_BREAKERS = re.compile(r"[\x00-\x20<>\\\x7f]")


def link_target(url: str) -> str:
    """An address as one Markdown link destination, in angle brackets (parentheses stay as
    they are); what could close the brackets is percent-encoded, so that
    ``https://a) [x](javascript:…`` stays one link to a broken address."""
    return "<" + _ADDRESS_BREAKERS.sub(lambda match: f"%{ord(match[0]):02X}", url.strip()) + ">"


# Python-Markdown's escapable characters take a backslash; &, < and > become entities.
MARKDOWN_SPECIAL = str.maketrans({**{c: "\\" + c for c in "\\`*_{}[]()#+-.!"},
                                  "&": "&amp;", "<": "&lt;", ">": "&gt;"})


def plain(text: str) -> str:
    """Text that is data, not Markdown (a title, a username, a source line), on one line:
    every character that could start markup is escaped."""
    return " ".join(str(text).split()).translate(MARKDOWN_SPECIAL)


def yaml_text(text: str) -> str:
    """A front-matter value: a double-quoted YAML (JSON) string, on one line."""
    return json.dumps(" ".join(text.split()), ensure_ascii=False)
