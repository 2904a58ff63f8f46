"""Small helpers for writing Markdown safely from curriculum text."""

from __future__ import annotations


def clock(minutes: int) -> str:
    """Minutes since the start as a wall-clock style offset: 75 → "01:15"."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def to_minutes(hhmm: str) -> int:
    """ "09:30" → 570, minutes since midnight."""
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)


def cell(text: str) -> str:
    """Text fit for one Markdown table cell: one line, pipes escaped."""
    return " ".join(text.split()).replace("|", "\\|")


def indent(text: str, width: int = 4) -> str:
    """Indent every line, for the body of an admonition or list item."""
    pad = " " * width
    return "\n".join(pad + line if line.strip() else "" for line in text.strip().splitlines())


