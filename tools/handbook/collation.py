"""Alphabetical order by a language's configured alphabet (``[tool.handbook.alphabets]``).

Sorting by code point puts Tajik's ғ ӣ қ ӯ ҳ ҷ after я (they sit in Unicode's Cyrillic
supplement), so ҳ-words came after ш in the glossary. With an alphabet configured, letters
sort by their place in it; spaces and punctuation come before any letter (so "панҷ сутун"
comes before "панҷара"), and other letters (Latin) after the alphabet, by code point.
Languages without an alphabet sort by case-folded code point.
"""

from __future__ import annotations

from collections.abc import Callable


def sort_key(alphabet: str | None) -> Callable[[str], tuple]:
    """A key function for ``sorted`` that orders words by ``alphabet``."""
    places = {letter: index for index, letter in enumerate(alphabet or "")}
    after = len(places)

    def key(word: str) -> tuple:
        folded = word.casefold()
        return (tuple((places[c], 0) if c in places
                      else (after, ord(c)) if c.isalnum() else (-1, ord(c))
                      for c in folded), word)

    return key
