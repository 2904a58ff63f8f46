"""The event rules fire on a broken copy of the fixture's event, at the broken line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import MODULE
from tests.test_rules import problems, replace

EVENT = Path("events/one-day-2025.yml")

# (code, old text, new text, text on the line the problem must point at)
CASES = [
    ("CUR100", "programme: one-day", "programme: one-days", "programme: one-days"),
    ("CUR100", "module: first-steps\n    led_by", "module: first-step\n    led_by",
     "module: first-step\n"),
    ("CUR101", 'start: "09:15"', 'start: "09:20"', 'start: "09:20"'),
    ("CUR101", "    actual: 20\n", "    actual: 20\n    module: first-steps\n", None),
    ("CUR101", "  - date: 2025-04-04\n    start: \"09:15\"",
     "  - date: 2025-04-05\n    start: \"09:15\"", "date: 2025-04-05"),
    ("CUR102", '  - date: 2025-04-04\n    start: "09:00"',
     '  - date: 2025-04-04\n    start: "09:45"', "sessions:"),
    ("CUR103", "    - username: Example Newcomer\n      consent: publish\n",
     "    - username: Example Newcomer\n", "username: Example Newcomer"),
    ("CUR103", "    - username: Example Newcomer\n      consent: publish\n",
     "    - username: Example Newcomer\n      consent: withheld\n", "username: Example Newcomer"),
    ("CUR104", "username: Example Newcomer", "username: newcomer@example.org",
     "newcomer@example.org"),
    ("CUR104", "source: not yet imported", "source: call +992 93 555 1234",
     "source: call"),
    ("CUR105", "led_by: [Example Trainer]", "led_by: [Someone Else]", "led_by:"),
    ("CUR105", "people: [Example Trainer]", "people: [Example Newcomr]", "[Example Newcomr]"),
    ("CUR106", "    date: 2025-05-04\n", "", "value: 9"),
    ("CUR106", "date: 2025-05-04", "date: 2025-03-04", "date: 2025-03-04"),
    ("CUR107", "dashboard: Test_Group/Test_Day_2025",
     "dashboard: https://outreachdashboard.wmflabs.org/courses/Test_Group/Test_Day",
     "dashboard: https"),
]


@pytest.mark.parametrize(("code", "old", "new", "at"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_event_rule_fires_at_the_broken_line(project, code, old, new, at):
    replace(project / EVENT, old, new)
    found = [p for p in problems(project) if p.code == code]
    assert found, f"{code} did not fire: {problems(project)}"
    if at is not None:
        text = (project / EVENT).read_text("utf-8")
        assert text[: text.index(at)].count("\n") + 1 in [p.line for p in found], found
    assert all(p.file.name == EVENT.name for p in found)


def test_a_dropped_slot_recorded_as_such_is_not_reported(project):
    replace(project / EVENT, "    actual: 20\n", "    delivered: false\n")
    assert problems(project) == []


def test_a_planned_event_need_not_record_its_slots(project):
    replace(project / EVENT, "status: held", "status: planned")
    replace(project / EVENT, '    start: "09:00"\n', '    start: "09:45"\n')
    assert [p.code for p in problems(project)] == []


def _second_event(project: Path, actual: int) -> None:
    text = (project / EVENT).read_text("utf-8").replace("one-day-2025", "one-day-2026")
    (project / "events" / "one-day-2026.yml").write_text(
        text.replace("actual: 32", f"actual: {actual}"), "utf-8")


def test_a_module_over_its_time_in_two_events_is_flagged_on_the_module(project):
    # 30 planned minutes: 35 is 16.7 % over, 34 is 13.3 %.
    _second_event(project, 35)
    replace(project / EVENT, "actual: 32", "actual: 35")
    found = [p for p in problems(project) if p.code == "CUR108"]
    module = (project / MODULE).read_text("utf-8")
    duration = module[: module.index("duration:")].count("\n") + 1
    assert [(p.file.name, p.line) for p in found] == [(MODULE.name, duration)]
    assert "one-day-2025 35/30" in found[0].message and "one-day-2026" in found[0].message


def test_one_overrun_or_a_small_one_is_not_flagged(project):
    _second_event(project, 34)
    replace(project / EVENT, "actual: 32", "actual: 35")
    assert [p for p in problems(project) if p.code == "CUR108"] == []


def test_the_overrun_rule_is_tuned_like_the_others(project):
    _second_event(project, 40)
    replace(project / EVENT, "actual: 32", "actual: 40")
    with (project / "pyproject.toml").open("a") as toml:
        toml.write('\n[tool.handbook.rules]\nCUR108 = "error"\n')
    found = [p for p in problems(project) if p.code == "CUR108"]
    assert [p.severity.value for p in found] == ["error"]
