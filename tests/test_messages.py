"""Messages a newcomer meets: each says what is wrong in plain words and how to fix it."""

from __future__ import annotations

import re

import pytest

from tests.conftest import MODULE
from tests.test_rules import problems, replace

# Words of pydantic's that mean nothing to an author.
JARGON = ("Input should", "valid integer", "after validation", "Value error")


def messages(project, code: str) -> list[str]:
    return [p.message for p in problems(project) if p.code == code]


@pytest.mark.parametrize(("written", "expected"), [
    ("ten", "must be a whole number written in digits, e.g. `minutes: 10`"),
    ("12.5", "must be a whole number written in digits, e.g. `minutes: 12`"),
    ("'10'", "remove the quotes: `minutes: 10`"),
    ("0", "must be more than 0, e.g. `minutes: 1`"),
])
def test_a_minutes_error_says_what_to_write(project, written, expected):
    replace(project / MODULE, "  - minutes: 10", f"  - minutes: {written}")
    [message] = messages(project, "CUR005")
    assert message.startswith("segments.0.minutes: ") and expected in message, message
    assert not any(word in message for word in JARGON), message


def test_an_empty_list_says_to_add_an_item(project):
    path = project / MODULE
    path.write_text(re.sub(r"^key_points:\n(?:  .*\n)+", "key_points: []\n",
                           path.read_text("utf-8"), flags=re.M), "utf-8")
    assert messages(project, "CUR005") == ["key_points: needs at least 1 item(s); add one"]


def test_an_empty_language_code_says_what_to_write_without_listing_every_code(project):
    replace(project / MODULE, "    language: tg", "    language: ''")
    [message] = messages(project, "CUR071")
    assert "`language` is empty" in message and "`language: tg`" in message
    assert len(message) < 200, message  # not CLDR's hundreds of codes


def test_a_mistyped_language_code_gets_the_closest_codes(project):
    replace(project / MODULE, "    language: tg", "    language: tgg")
    [message] = messages(project, "CUR071")
    assert "did you mean `tg`?" in message and len(message) < 250, message


@pytest.mark.parametrize(("old", "new", "where", "suggestion"), [
    ("title:\n  tg:", "titel:\n  tg:", "at the top level", "title"),
    ("    kind: talk", "    knd: talk", "in `segments.0`", "kind"),
])
def test_an_unknown_key_says_where_and_the_closest_key(project, old, new, where, suggestion):
    replace(project / MODULE, old, new)
    [message] = messages(project, "CUR003")
    key = new.split(":")[0].strip()
    assert message == f"unknown key `{key}` {where}; did you mean `{suggestion}`?", message


def test_a_module_copied_under_a_new_id_is_warned(project):
    original = (project / MODULE).read_text("utf-8")
    copy = project / MODULE.with_name("first-steps-copy.yml")
    copy.write_text(original.replace("id: first-steps", "id: first-steps-copy")
                    .replace("order: 1", "order: 9"), "utf-8")
    [warning] = [p for p in problems(project) if p.code == "CUR075"]
    assert warning.file.name == copy.name and warning.severity.value == "warning"
    assert "`first-steps`" in warning.message and "texts are the same" in warning.message
    # Given its own title, it is a module of its own.
    titled = copy.read_text("utf-8").replace("en: First steps", "en: Next steps", 1)
    copy.write_text(titled.replace("tg: Қадамҳои аввал", "tg: Қадамҳои навбатӣ", 1), "utf-8")
    assert not messages(project, "CUR075")
