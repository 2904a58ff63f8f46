"""Small helpers for writing Markdown safely from curriculum text."""

from __future__ import annotations


def cell(text: str) -> str:
    """Text fit for one Markdown table cell: one line, pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def indent(text: str, width: int = 4) -> str:
    """Indent every line, for the body of an admonition or list item."""
    pad = " " * width
    return "\n".join(pad + line if line.strip() else "" for line in text.strip().splitlines())
