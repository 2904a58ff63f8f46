"""Finding a term in text, inflected forms included (shared by the term-base rule and the
glossary links on pages).

Tajik adds endings to the end of a word: plural -ҳо/-он/-ён/-гон, ezafe -и (-йи), the
stressed -ӣ, indefinite -е, possessive -ам/-ат/-аш/-амон/-атон/-ашон (after a vowel -ям, …),
object -ро, in that order (китобҳоямро); an ezafe and a possessive exclude each other. In a
phrase («сарчашмаи боэътимод») every word may inflect: «сарчашмаҳои боэътимодро». English
adds plural -s/-es and possessive 's/'.
"""

from __future__ import annotations

import re
from functools import cache

PLURAL = r"(?:ҳо|он|ён|гон|вон)?"
EZAFE = r"и|йи|ӣ|е"
POSSESSIVE = r"[ая](?:м|т|ш|мон|тон|шон)"
OBJECT = r"(?:ро)?"
# An ezafe and a possessive never follow each other («мудирият» is another word).
TAJIK_ENDINGS = PLURAL + f"(?:{EZAFE}|{POSSESSIVE})?" + OBJECT
ENGLISH_ENDINGS = r"(?:s|es)?(?:['’]s?)?"
# A final -ӣ becomes -и before an ending: вогардонӣ → вогардониро.
FINAL_Ӣ = "ӣ"


def _tajik_word(word: str, last: bool) -> str:
    stem = word
    if not last and stem.endswith(("и", "йи")) and len(stem) > 3:
        stem = stem[:-2] if stem.endswith("йи") else stem[:-1]  # ezafe of a phrase's head
    if stem.endswith(FINAL_Ӣ):
        return re.escape(stem[:-1]) + "(?:ӣ|и" + TAJIK_ENDINGS + ")" + r"(?:ро)?"
    return re.escape(stem) + TAJIK_ENDINGS


def _english_word(word: str, last: bool) -> str:
    if last and word.endswith("y") and len(word) > 2:
        return re.escape(word[:-1]) + r"(?:y|ies)" + r"(?:['’]s?)?"
    return re.escape(word) + (ENGLISH_ENDINGS if last else "")


def _exact_word(word: str, last: bool) -> str:
    return re.escape(word)


# Grammar per language code; a language without an entry matches exact words only.
INFLECTIONS = {"tg": _tajik_word, "en": _english_word}


def _body(term: str, language: str) -> str:
    words = term.split()
    build = INFLECTIONS.get(language, _exact_word)
    return r"\s+".join(build(word, index == len(words) - 1) for index, word in enumerate(words))


@cache
def pattern(term: str, language: str) -> re.Pattern[str]:
    """A regular expression for ``term`` and its inflected forms in ``language``."""
    return re.compile(r"(?<!\w)" + _body(term, language) + r"(?!\w)", re.IGNORECASE)


@cache
def any_of(terms: tuple[str, ...], language: str) -> re.Pattern[str]:
    """One expression for several terms: one pass over a text instead of one per term."""
    bodies = "|".join(f"(?:{_body(term, language)})" for term in terms)
    return re.compile(r"(?<!\w)(?:" + bodies + r")(?!\w)", re.IGNORECASE)


def occurs(term: str, language: str, text: str, lowered: str) -> bool:
    """Whether ``term`` (any inflected form) is in ``text``; ``lowered`` is ``text.lower()``.

    Same answer as ``pattern(term).search(text)``, faster on long pages: a match starts where
    the first word's stem (less the letters an ending may change: -ӣ → -и, a phrase head's
    -йи) does, so the pattern only runs in a short window after each place the stem occurs."""
    first = term.split()[0].lower()
    stem = first[: max(1, len(first) - 2)]
    compiled = pattern(term, language)
    window = 2 * len(term) + 24  # longer than any match: endings add a few letters
    start = lowered.find(stem)
    while start != -1:
        found = compiled.search(text, start, start + window)
        if found and found.end() < start + window:  # the end was judged on the real text
            return True
        start = lowered.find(stem, start + 1)
    return False


def find(term: str, language: str, text: str) -> list[re.Match[str]]:
    """Every place ``term`` occurs in ``text``, in any inflected form."""
    return list(pattern(term, language).finditer(text))
