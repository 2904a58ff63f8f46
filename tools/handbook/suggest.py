""""Did you mean" hints for misspelt ids, keys and codes (shared by loader and checks)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def closest(wrong: str, known: Iterable[str], count: int = 1) -> list[str]:
    """Up to ``count`` known values closest to ``wrong``, closest first."""
    return difflib.get_close_matches(wrong, sorted(set(known)), n=count, cutoff=0.6)


def did_you_mean(wrong: str, known: Iterable[str], listing: str = "known") -> str:
    """``did you mean `x`?`` for the closest known value, else the list of known values."""
    choices = sorted(set(known))
    close = closest(wrong, choices)
    if close:
        return f"did you mean `{close[0]}`?"
    return f"{listing}: {', '.join(choices)}" if choices else f"{listing}: none"
