"""Small helpers for writing Markdown safely from curriculum text."""

from __future__ import annotations


def cell(text: str) -> str:
    """Text fit for one Markdown table cell: one line, pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def indent(text: str, width: int = 4) -> str:
    """Indent every line, for the body of an admonition or list item."""
    pad = " " * width
    return "\n".join(pad + line if line.strip() else "" for line in text.strip().splitlines())


# Python-Markdown's escapable characters take a backslash; &, < and > become entities.
MARKDOWN_SPECIAL = str.maketrans({**{c: "\\" + c for c in "\\`*_{}[]()#+-.!"},
                                  "&": "&amp;", "<": "&lt;", ">": "&gt;"})


def plain(text: str) -> str:
    """Text that is data, not Markdown (a username, a source line): every character that
    could start markup is escaped."""
    return str(text).translate(MARKDOWN_SPECIAL)
