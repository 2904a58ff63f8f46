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
