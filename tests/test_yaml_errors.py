"""Common YAML mistakes are explained in plain words, at the line of the mistake."""

from __future__ import annotations

import pytest

from tests.conftest import MODULE
from tests.test_rules import problems

JARGON = ("while parsing", "while scanning", "block end", "expected <", "found character",
          "did not find", "mapping values")

# (what, old text, new text, text on the line the problem must point at, words the
# explanation must use)
MISTAKES = [
    ("key indented too far", "  en: First steps\nsummary", "    en: First steps\nsummary",
     "    en: First steps", ["indented more", "2 spaces"]),
    ("key indented too little", "  en: First steps\nsummary", " en: First steps\nsummary",
     " en: First steps", ["indented with 1 space", "line up"]),
    ("key in a list item indented too little", "    text:\n      tg: Википедиаро",
     "   text:\n      tg: Википедиаро", "   text:", ["indented with 3 spaces", "line up"]),
    ("tab", "  en: First steps\nsummary", "\ten: First steps\nsummary", "\ten: First",
     ["tab", "spaces"]),
    ("dash at the wrong level", "  - id: make-edit", " - id: make-edit", " - id: make-edit",
     ["list item", "same indentation"]),
    ("dash where a key belongs", "prerequisites: []", "- prerequisites", "- prerequisites",
     ["list item", "value of a key"]),
    ("unclosed quote", "  en: First steps\nsummary", '  en: "First steps\nsummary',
     '"First steps', ["quote", "never closed"]),
    ("unclosed bracket", "prerequisites: []", "prerequisites: [", "prerequisites: [",
     ["`[`", "close it with `]`"]),
    ("colon in a value", "  en: First steps\nsummary", "  en: Step one: edit\nsummary",
     "Step one: edit", ["quotes"]),
]


@pytest.mark.parametrize(("what", "old", "new", "at", "words"), MISTAKES,
                         ids=[m[0] for m in MISTAKES])
def test_mistake_is_explained_at_its_line(project, what, old, new, at, words):
    path = project / MODULE
    text = path.read_text("utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path.write_text(text, "utf-8")
    line = text[: text.index(at)].count("\n") + 1
    found = [p for p in problems(project) if p.file.name == MODULE.name]
    assert [(p.code, p.line) for p in found] == [("CUR001", line)], found
    message = found[0].message
    assert all(word in message for word in words), message
    assert not any(word in message for word in JARGON), message


def test_other_errors_keep_the_parser_words(project):
    (project / MODULE).write_text("id: a\n? [x\n", "utf-8")
    found = [p for p in problems(project) if p.file.name == MODULE.name]
    assert [p.code for p in found] == ["CUR001"] and "YAML syntax" in found[0].message
