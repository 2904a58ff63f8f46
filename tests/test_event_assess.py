"""`handbook event assess`: self-assessments into an event as aggregates per objective;
nothing from fewer than 5 answers, no answer kept, bad files refused with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

from tests.test_rules import problems

EVENT = Path("events/one-day-2025.yml")
HEADER = "module,objective,before,after\n"


@pytest.fixture
def answers(tmp_path: Path) -> Path:
    """A folder outside the project for the collected answers."""
    folder = tmp_path / "answers"
    folder.mkdir()
    return folder


def write(folder: Path, text: str, name: str = "answers.csv") -> Path:
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def assessments(project: Path) -> dict[tuple[str, str], dict]:
    data = YAML(typ="safe").load((project / EVENT).read_text("utf-8"))
    return {(a["module"], a["objective"]): a for a in data.get("assessments") or []}


SIX = [(1, 3), (2, 4), (2, 5), (3, 3), (1, 4), (2, 2)]
THREE = [(2, 3), (3, 5), (1, 1)]


def rows(objective: str, pairs: list[tuple[int, int]]) -> str:
    return "".join(f"first-steps,{objective},{b},{a}\n" for b, a in pairs)


def test_aggregates_only_and_nothing_below_five(project, handbook, answers):
    before = (project / EVENT).read_text("utf-8")
    result = handbook("event", "assess", "one-day-2025",
                      str(write(answers, HEADER + rows("explain-wiki", SIX)
                                + rows("make-edit", THREE))))
    assert result.code == 0, result.output
    found = assessments(project)
    assert set(found) == {("first-steps", "explain-wiki")}
    figures = found[("first-steps", "explain-wiki")]
    assert figures["answers"] == 6
    assert figures["before"] == round(sum(b for b, _ in SIX) / 6, 2)
    assert figures["after"] == round(sum(a for _, a in SIX) / 6, 2)
    assert "make-edit: fewer than 5 answers, not written" in result.output
    after = (project / EVENT).read_text("utf-8")
    # Every line of the file is kept, in order: only the aggregates are added.
    kept = iter(after.splitlines())
    assert all(line in kept for line in before.splitlines())
    assert "make-edit" not in after[len(before):]
    assert handbook("validate").code == 0


def test_a_new_import_replaces_the_figures(project, handbook, answers):
    handbook("event", "assess", "one-day-2025", str(write(answers, HEADER + rows(
        "explain-wiki", SIX))))
    five = [(4, 5)] * 5
    assert handbook("event", "assess", "one-day-2025", str(write(
        answers, HEADER + rows("explain-wiki", five), "again.csv"))).code == 0
    figures = assessments(project)[("first-steps", "explain-wiki")]
    assert (figures["answers"], figures["before"], figures["after"]) == (5, 4.0, 5.0)


def test_several_files_count_together(project, handbook, answers):
    files = [str(write(answers, HEADER + rows("explain-wiki", [pair]), f"{n}.csv"))
             for n, pair in enumerate(SIX[:5])]
    assert handbook("event", "assess", "one-day-2025", *files).code == 0
    assert assessments(project)[("first-steps", "explain-wiki")]["answers"] == 5


@pytest.mark.parametrize(("text", "line", "words"), [
    ("module,objective,before,after,name\n", 1, "unknown: name"),
    ("module,objective,before\n", 1, "missing: after"),
    (HEADER + rows("explain-wiki", SIX[:2]) + "first-steps,explain-wiki,0,3\n", 4, "from 1 to 5"),
    (HEADER + "first-steps,explain-wiki,3,6\n", 2, "from 1 to 5"),
    (HEADER + "first-steps,explain-wiki,3,x\n", 2, "from 1 to 5"),
    (HEADER + "first-steps,explain-wikis,3,4\n", 2, "no objective `explain-wikis`"),
    (HEADER + "last-steps,explain-wiki,3,4\n", 2, "no module `last-steps`"),
])
def test_bad_input_is_refused_with_file_and_line(project, handbook, answers, text, line,
                                                  words):
    before = (project / EVENT).read_bytes()
    path = write(answers, text + rows("explain-wiki", SIX))
    result = handbook("event", "assess", "one-day-2025", str(path))
    assert result.code == 1
    assert f"{path}:{line}:" in result.output and words in result.output, result.output
    assert "nothing was written" in result.output
    assert (project / EVENT).read_bytes() == before


def test_answers_inside_the_repository_are_refused(project, handbook):
    path = write(project, HEADER + rows("explain-wiki", SIX))
    before = (project / EVENT).read_bytes()
    result = handbook("event", "assess", "one-day-2025", str(path))
    assert result.code == 1 and "never committed" in result.output
    assert (project / EVENT).read_bytes() == before


def test_an_unknown_event_is_refused(project, handbook, answers):
    result = handbook("event", "assess", "no-such-event",
                      str(write(answers, HEADER + rows("explain-wiki", SIX))))
    assert result.code == 2 and "no event `no-such-event`" in result.output


@pytest.mark.parametrize(("entry", "words"), [
    ("answers: 4, before: 2.0, after: 3.0", "fewer than 5 answers"),
    ("answers: 9, before: 0.5, after: 3.0", "`before` is a mean on the 1–5 scale"),
])
def test_the_event_rule_refuses_small_or_impossible_figures(project, entry, words):
    path = project / EVENT
    text = path.read_text("utf-8").replace("review:", (
        "assessments:\n  - {module: first-steps, objective: explain-wiki, " + entry
        + ", date: 2025-05-01}\nreview:"), 1)
    path.write_text(text, "utf-8")
    found = [p for p in problems(project) if p.code == "CUR149"]
    assert len(found) == 1 and words in found[0].message, found
    assert found[0].line == text[: text.index("assessments:")].count("\n") + 2


def test_the_module_page_shows_the_gain_per_objective(project, handbook, answers):
    from handbook.build import generate
    from handbook.config import load_config
    from handbook.loader import load

    handbook("event", "assess", "one-day-2025", str(write(
        answers, HEADER + rows("explain-wiki", SIX) + rows("make-edit", THREE))))
    generate(load(load_config(project)))
    page = (project / "docs/curriculum/modules/first-steps.en.md").read_text("utf-8")
    before, after = sum(b for b, _ in SIX) / 6, sum(a for _, a in SIX) / 6
    part = page.split("Self-assessment (confidence")[1]
    row = next(line for line in part.splitlines() if "| Explain Wikipedia." in line)
    assert f"| 1 | 6 | {before:.2f} | {after:.2f} | {after - before:+.2f} |" in row
    assert "| Make one edit." not in part  # 3 answers: hidden
