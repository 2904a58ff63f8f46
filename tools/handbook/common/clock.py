"""Clock times and minute counts, as the checks, pages and exports write them."""

from __future__ import annotations


def clock(minutes: int) -> str:
    """Minutes since the start as a wall-clock style offset: 75 → "01:15"."""
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def to_minutes(hhmm: str) -> int:
    """ "09:30" → 570, minutes since midnight."""
    hours, minutes = hhmm.split(":")
    return int(hours) * 60 + int(minutes)
