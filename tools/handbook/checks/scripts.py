"""Each text is written in its language's script, and is not a copy of another language."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from babel.core import get_global

from ..common.markup import prose
from ..config import Config
from ..loader import Curriculum
from ..problems import Problem
from ..walk import texts
from . import check

# A single stray word ("Sandbox", "Wikidata") is normal; a text is in the wrong script when
# more than this share of its letters is foreign, and it has enough letters to judge.
MAX_FOREIGN_SHARE = 0.5
MIN_LETTERS = 4
# Shorter texts (names, "Wikidata", "OK") may rightly be the same in every language.
MIN_WORDS = 4
WORD = re.compile(r"[^\W\d_]+")
# Not judged: quotations and glosses in brackets (names of pages, labels, the other
# language's word), and tokens such as Special:Homepage, tg.wikipedia.org, ?variant=tg-latn.
QUOTED = re.compile(r"«[^»]*»|\"[^\"]*\"|“[^”]*”|\([^)]*\)")
NAME_LIKE = re.compile(r"\S*[:./?=_]\S*")


def judged_letters(value: str) -> list[str]:
    """The letters of a text that should be in its language's script."""
    words = NAME_LIKE.sub(" ", QUOTED.sub(" ", prose(value)))
    return [ch for ch in words if ch.isalpha()]


def script(letter: str) -> str:
    """The Unicode script of a letter, from its name: "LATIN", "CYRILLIC", …"""
    return unicodedata.name(letter, "UNKNOWN").split()[0]


# Unicode's names of the ISO 15924 codes in CLDR's likely subtags that curricula use.
SCRIPT_NAMES = {"Latn": "LATIN", "Cyrl": "CYRILLIC", "Arab": "ARABIC", "Grek": "GREEK",
                "Armn": "ARMENIAN", "Geor": "GEORGIAN", "Hebr": "HEBREW", "Deva": "DEVANAGARI"}


def expected_script(config: Config, language: str) -> str:
    """A language's script: configured in `[tool.handbook.scripts]`, else that of its
    configured alphabet, else the one CLDR says the language is most likely written in
    (ru → Cyrillic), so a language added by configuration alone is checked too."""
    if language in config.scripts:
        return config.scripts[language].upper()
    alphabet = config.alphabets.get(language, "")
    letters = [ch for ch in alphabet if ch.isalpha()]
    if letters:
        return script(letters[0])
    likely = get_global("likely_subtags").get(language, "")
    parts = likely.split("_")
    return SCRIPT_NAMES.get(parts[1] if len(parts) > 1 else "", "LATIN")


@check("CUR052", "A text's letters are mostly in its language's script (not Latin in `tg`, "
       "not Cyrillic in `en`).")
def text_in_its_script(curriculum: Curriculum) -> Iterator[Problem]:
    config = curriculum.config
    for model in curriculum.files():
        for loc, text in texts(model):
            for language, value in text.items():
                letters = judged_letters(value)
                if len(letters) < MIN_LETTERS:
                    continue
                wanted = expected_script(config, language)
                scripts = [script(ch) for ch in letters]
                foreign = len(letters) - scripts.count(wanted)
                if foreign / len(letters) > MAX_FOREIGN_SHARE:
                    found = max(set(scripts), key=scripts.count)
                    yield model.document.problem(
                        "CUR052", (*loc, language),
                        f"the `{language}` text is mostly in {found.title()} letters "
                        f"({foreign} of {len(letters)}), not {wanted.title()}; write it in "
                        f"`{language}`, or file it under its own language")


def _words(value: str) -> list[str]:
    return WORD.findall(prose(value).casefold())


@check("CUR053", "A text of more than a few words is not identical in two languages.")
def text_not_copied_across_languages(curriculum: Curriculum) -> Iterator[Problem]:
    languages = curriculum.config.languages
    for model in curriculum.files():
        for loc, text in texts(model):
            present = [lang for lang in languages if lang in text]
            for i, first in enumerate(present):
                words = _words(text[first])
                if len(words) < MIN_WORDS:
                    continue
                for second in present[i + 1:]:
                    if _words(text[second]) == words:
                        yield model.document.problem(
                            "CUR053", (*loc, second),
                            f"the `{second}` text is the same as the `{first}` text; "
                            f"translate it into `{second}`")
