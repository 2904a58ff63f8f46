"""Every problem at once: a structural error in a file does not hide its other problems."""

from __future__ import annotations

from tests.conftest import EXERCISE, MODULE, PROGRAMME
from tests.test_rules import problems, replace


def found(project) -> list[tuple[str, str, int]]:
    return sorted((p.code, p.file.name, p.line) for p in problems(project))


def line_of(path, text: str) -> int:
    content = path.read_text("utf-8")
    return content[: content.index(text)].count("\n") + 1


def test_misspelt_key_and_wrong_minutes_are_both_reported(project):
    typo = replace(project / MODULE, "summary:", "summry:")
    replace(project / MODULE, "  - minutes: 20", "  - minutes: 25")
    duration = line_of(project / MODULE, "duration: 30")
    assert found(project) == sorted([
        ("CUR003", MODULE.name, typo),   # the unknown key
        ("CUR004", MODULE.name, 1),      # so `summary` is missing
        ("CUR014", MODULE.name, duration),  # 10 + 25 is not 30
    ])


def test_empty_title_and_a_content_error_are_both_reported(project):
    empty = replace(project / MODULE, "  en: First steps\n", "  en:\n")
    wrong = replace(project / MODULE, "correct: 1", "correct: 3")
    codes = found(project)
    assert ("CUR005", MODULE.name, empty) in codes
    assert ("CUR017", MODULE.name, wrong) in codes
    # The empty value is reported once, as what it is, not again as an empty text.
    assert len(codes) == 2, codes


def test_a_value_of_the_wrong_type_is_still_read_for_other_checks(project):
    line = replace(project / MODULE, "  - minutes: 10", "  - minutes: '10'")
    # '10' is reported, and still counts as 10 minutes: the segments fill the duration.
    assert found(project) == [("CUR005", MODULE.name, line)]


def test_a_stand_in_for_a_missing_key_raises_nothing_of_its_own(project):
    replace(project / MODULE, "audience:\n  tg: Мураббиёни нав\n  en: New trainers\n", "")
    assert [code for code, _, _ in found(project)] == ["CUR004"]


def test_a_file_with_a_structural_error_still_takes_part_in_cross_file_checks(project):
    replace(project / EXERCISE, "minutes: 20", "minutes: twenty")
    contact = replace(project / EXERCISE, "en: Help everyone.", "en: Write to trainer@example.org.")
    codes = found(project)
    # The exercise is still known to the module that uses it (no CUR012), and its texts are
    # still checked (CUR062).
    assert [c for c, _, _ in codes] == ["CUR005", "CUR062"], codes
    assert ("CUR062", EXERCISE.name, contact) in codes


def test_a_broken_id_is_reported_once_and_references_to_the_file_still_resolve(project):
    line = replace(project / MODULE, "id: first-steps", "id: First_Steps")
    # The programme refers to first-steps: the file is still known by its name.
    assert found(project) == [("CUR005", MODULE.name, line)]


def test_a_wrong_slot_kind_does_not_hide_the_programme_timing(project):
    kind = replace(project / PROGRAMME, "kind: break", "kind: pause")
    late = replace(project / PROGRAMME, 'end: "10:00"', 'end: "10:30"')
    codes = found(project)
    assert ("CUR005", PROGRAMME.name, kind) in codes
    assert ("CUR022", PROGRAMME.name, late) in codes


def test_a_file_that_cannot_be_parsed_is_skipped_by_cross_file_checks(project):
    (project / EXERCISE).write_text("id: [unclosed\n", "utf-8")
    # The module that uses the exercise does not get a CUR012 for it.
    assert [c for c, _, _ in found(project)] == ["CUR001"]
