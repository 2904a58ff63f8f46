"""Each text is written in the language it is filed under, with that language's letters."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pycld2

from ..common.markup import prose
from ..loader import Curriculum
from ..problems import Problem
from ..walk import texts
from . import check

# Below this many letters, language identification is guesswork.
MIN_LETTERS = 60
# Texts mix in product names ("Programs & Events Dashboard"), so a text is flagged only when
# its own language makes up less than this share of it.
MIN_SHARE = 25
WORD = re.compile(r"\w+")
CYRILLIC = re.compile(r"[\u0400-\u052F]")
LATIN = re.compile(r"[A-Za-z]")


def _mixed(words: str) -> list[str]:
    """Words with both Latin and Cyrillic letters, in either order. (Word by word: a single
    pattern for this backtracks over every word and was the slowest part of validation.)"""
    if not (LATIN.search(words) and CYRILLIC.search(words)):
        return []
    return [word for word in WORD.findall(words)
            if LATIN.search(word) and CYRILLIC.search(word)]


def _shares(text: str) -> dict[str, int] | None:
    """Percent of the text per language code, when pycld2 is sure; else None."""
    try:
        reliable, _, details = pycld2.detect(text)
    except pycld2.error:
        return None
    return {code: percent for _, code, percent, _ in details if code != "un"} if reliable \
        else None


@check("CUR050", "A longer text is identified (by pycld2) as the language it is filed under.")
def text_is_in_its_language(curriculum: Curriculum) -> Iterator[Problem]:
    for model in curriculum.files():
        for loc, text in texts(model):
            for language, value in text.items():
                words = prose(value)
                if len(words) < MIN_LETTERS or sum(map(str.isalpha, words)) < MIN_LETTERS:
                    continue
                shares = _shares(words)
                if shares and shares.get(language, 0) < MIN_SHARE:
                    found = max(shares, key=shares.__getitem__)
                    yield model.document.problem(
                        "CUR050", (*loc, language),
                        f"the `{language}` text reads as `{found}` to language identification; "
                        f"write it in `{language}` (or file it under `{found}`)")


@check("CUR051", "Cyrillic words use only the letters of their language's alphabet "
       "(no Russian-only letters in Tajik) and no Latin look-alikes.")
def letters_belong_to_the_alphabet(curriculum: Curriculum) -> Iterator[Problem]:
    alphabets = curriculum.config.alphabets
    for model in curriculum.files():
        for loc, text in texts(model):
            for language, value in text.items():
                words = prose(value)
                for word in _mixed(words):
                    yield model.document.problem(
                        "CUR051", (*loc, language),
                        f"`{word}` mixes Latin and Cyrillic letters (look-alikes such as "
                        "a/а, o/о, e/е); retype it in one script")
                alphabet = alphabets.get(language)
                if not alphabet:
                    continue
                # Fast path: most texts use no letter outside the alphabet at all.
                foreign = {ch for ch in set(words.lower()) if CYRILLIC.match(ch)} - set(alphabet)
                for word in WORD.findall(words) if foreign else ():
                    letters = sorted(set(word.lower()) & foreign)
                    if letters:
                        yield model.document.problem(
                            "CUR051", (*loc, language),
                            f"`{word}` has {', '.join(letters)}, not in the `{language}` "
                            "alphabet; use that language's spelling")
