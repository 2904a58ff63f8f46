"""Rule tuning as in ruff/yamllint: severity and ignore per rule, per-file ignores, inline
suppressions, and unused suppressions reported."""

from __future__ import annotations

from handbook.problems import Severity
from tests.conftest import EXERCISE, MODULE
from tests.test_rules import problems, replace

LATIN_TITLE = "tg: Introduction"  # fires CUR052 (Latin letters in a `tg` text) only


def tune(project, table: str) -> None:
    with (project / "pyproject.toml").open("a", encoding="utf-8") as handle:
        handle.write("\n" + table)


def codes(project) -> list[tuple[str, int]]:
    return [(p.code, p.line) for p in problems(project)]


def test_a_rule_can_be_ignored(project):
    replace(project / MODULE, "tg: Муқаддима", LATIN_TITLE)
    assert [c for c, _ in codes(project)] == ["CUR052"]
    tune(project, '[tool.handbook.rules]\nCUR052 = "ignore"\n')
    assert codes(project) == []


def test_severity_comes_from_config(project, handbook):
    replace(project / MODULE, "tg: Муқаддима", LATIN_TITLE)
    assert handbook("validate").code == 1
    tune(project, '[tool.handbook.rules]\nCUR052 = "warning"\n')
    [problem] = problems(project)
    assert problem.severity is Severity.WARNING
    run = handbook("validate")
    assert run.code == 0 and "0 error(s), 1 warning(s)" in run.output
    assert handbook("validate", "--strict").code == 1


def test_a_warning_can_become_an_error(project, handbook):
    replace(project / MODULE, "tg: Муқаддима", "tg: Муқаддима  # handbook: ignore CUR052")
    assert handbook("validate").code == 0  # the unused suppression is a warning
    tune(project, '[tool.handbook.rules]\nCUR090 = "error"\n')
    assert handbook("validate").code == 1


def test_per_file_ignores(project):
    replace(project / MODULE, "tg: Муқаддима", LATIN_TITLE)
    replace(project / EXERCISE, "tg: Вироиш дар саҳифаи санҷишӣ", "tg: Sandbox editing")
    assert sorted(p.file.name for p in problems(project)) == ["first-steps.yml",
                                                              "sandbox-edit.yml"]
    tune(project, '[tool.handbook.per-file-ignores]\n"exercises/*.yml" = ["CUR052"]\n')
    assert [p.file.name for p in problems(project)] == ["first-steps.yml"]


def test_inline_suppression_silences_one_rule_on_one_text(project):
    line = replace(project / MODULE, "tg: Муқаддима",
                   LATIN_TITLE + "  # handbook: ignore CUR052")
    assert codes(project) == []
    # The same mistake in another text is still reported.
    other = replace(project / MODULE, "tg: Вироиши аввал", "tg: First edit")
    assert codes(project) == [("CUR052", other)]
    assert other != line


def test_suppression_on_its_own_line_applies_to_the_next_line(project):
    replace(project / MODULE, "    title:\n      tg: Муқаддима",
            "    title:\n      # a quotation on purpose\n      # handbook: ignore CUR052\n"
            "      " + LATIN_TITLE)
    assert codes(project) == []


def test_suppression_names_the_rule_it_silences(project):
    # Another rule's code does not silence CUR052, and is itself reported as unused.
    line = replace(project / MODULE, "tg: Муқаддима",
                   LATIN_TITLE + "  # handbook: ignore CUR053")
    assert sorted(codes(project)) == [("CUR052", line), ("CUR090", line)]


def test_unused_suppression_is_reported(project):
    line = replace(project / MODULE, "tg: Муқаддима", "tg: Муқаддима  # handbook: ignore CUR052")
    [problem] = problems(project)
    assert (problem.code, problem.line, problem.severity) == ("CUR090", line, Severity.WARNING)
    assert "CUR052" in problem.message


def test_unknown_code_in_a_suppression_gets_did_you_mean(project):
    replace(project / MODULE, "tg: Муқаддима", LATIN_TITLE + "  # handbook: ignore CUR52")
    messages = [p.message for p in problems(project) if p.code == "CUR090"]
    assert messages and "did you mean `CUR052`?" in messages[0]


def test_suppression_in_a_block_text(project):
    replace(project / MODULE, "en: The trainer introduces Wikipedia.",
            "en: |  # handbook: ignore CUR072\n        The trainer introduces the campaign\n"
            "        #1Lib1Ref, with clear roles.")
    assert codes(project) == []


def test_bad_tuning_is_reported_at_its_line(project, handbook):
    tune(project, '[tool.handbook.rules]\nCUR52 = "ignore"\nCUR010 = "loud"\n')
    text = (project / "pyproject.toml").read_text("utf-8").splitlines()
    found = {(p.code, p.line) for p in problems(project)}
    assert found == {("CUR091", text.index('CUR52 = "ignore"') + 1),
                     ("CUR091", text.index('CUR010 = "loud"') + 1)}
    run = handbook("validate")
    assert run.code == 1 and "did you mean `CUR052`?" in run.output
    assert handbook("validate", str(MODULE)).code == 1  # also when checking one file
