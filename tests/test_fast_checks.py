"""The checks' fast paths give exactly what the slow, general code gives."""

from __future__ import annotations

import random
import re

from handbook.checks.language import _mixed
from handbook.common.markup import MARKDOWN, _parse, parse
from handbook.config import load_config
from handbook.loader import load
from handbook.walk import texts
from tests.conftest import ROOT

PIECES = ["a", "B", "ҳ", "Қ", " ", "  ", "    ", "\n", "\n\n", "1", "2)", ".", ",", ":", "\u00a0",
          "\u2003", "\t", "\r", "-", "*", "_", "#", "'", '"', "(", ")", "%", "@", "{", "}", "|",
          "~", "=", "+", "/", "\\", "&amp;", "<b>", "[x](y)", "`c`"]


def real_texts() -> list[str]:
    curriculum = load(load_config(ROOT))
    return [value for model in curriculum.files() for _, text in texts(model)
            for value in text.values()]


def random_texts(count: int) -> list[str]:
    rng = random.Random(7)
    return ["".join(rng.choice(PIECES) for _ in range(rng.randint(0, 14))) for _ in range(count)]


def test_plain_text_prose_is_what_markdown_it_finds():
    plain = [t for t in [*real_texts(), *random_texts(30000)] if not MARKDOWN.search(t)]
    assert len(plain) > 1000  # the fast path is really taken
    assert [t for t in plain if parse(t) != _parse(t)] == []


def test_mixed_script_words_are_what_the_single_pattern_finds():
    pattern = re.compile(r"\w*(?:[A-Za-z]\w*[\u0400-\u052F]|[\u0400-\u052F]\w*[A-Za-z])\w*")
    for text in [*real_texts(), *random_texts(30000), "Википедиa", "aб ва"]:
        assert _mixed(text) == pattern.findall(text), text
