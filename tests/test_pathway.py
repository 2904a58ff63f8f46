"""The trainers record: each rule of the pathway fires at the line of the breakage, and the
clean fixture record passes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.test_rules import problems, replace

PATHWAY = Path(__file__).parent / "fixtures" / "pathway"
RECORD = Path("trainers.yml")


@pytest.fixture
def pathway(project: Path) -> Path:
    """The fixture handbook with a trainer-pathway guide and a trainers record."""
    shutil.copytree(PATHWAY, project, dirs_exist_ok=True)
    return project


def pathway_problems(root: Path):
    return [p for p in problems(root) if p.code.startswith("CUR14")]


def test_the_fixture_record_is_clean(pathway):
    assert pathway_problems(pathway) == []


def test_the_real_record_is_clean():
    from tests.conftest import ROOT

    assert [str(p) for p in problems(ROOT) if p.file.name == "trainers.yml"] == []


PEER_ON = "    event: workshop-2025\n    date: 2025-04-0"
BETA_PEER = "  - user: Beta\n    step: peer-mentor\n    event: workshop-2025\n"
# (code, old text, new text, text on the line the problem must point at)
CASES = [
    # a peer mentor before being a trainee
    ("CUR140", "    step: trainee\n    event: workshop-2025\n    date: 2025-04-04",
     "    step: trainee\n    event: workshop-2025\n    date: 2025-04-06", "step: peer-mentor"),
    # skipping a step: co-trainer without a peer-mentor line
    ("CUR140", "    step: peer-mentor\n", "    step: co-trainer\n", "step: co-trainer"),
    ("CUR143", "    confirmed_by: [Alpha]\n    consent: publish\n    met:",
     "    confirmed_by: [Gamma]\n    consent: publish\n    met:", "confirmed_by: [Gamma]"),
    # Alpha was not a lead trainer before the founding date
    ("CUR143", "  date: 2025-03-01\n  holders", "  date: 2025-04-05\n  holders",
     "confirmed_by: [Alpha]"),
    ("CUR143", "      step: lead-trainer\n  decision", "      step: co-trainer\n  decision",
     "holders:"),
    ("CUR144", "    confirmed_by: [Alpha]\n    consent: publish\n    met:",
     "    confirmed_by: [Alpha, Beta]\n    consent: publish\n    met:",
     "confirmed_by: [Alpha, Beta]"),
    ("CUR145", "    confirmed_by: [Alpha]\n    consent: publish\n    basis",
     "    confirmed_by: [Alpha]\n    basis", "  - user: Beta\n    step: peer-mentor"),
    ("CUR141", PEER_ON + "5", "    event: workshop-2024\n    date: 2025-04-05", "workshop-2024"),
    ("CUR141", PEER_ON + "5", PEER_ON + "3", "date: 2025-04-03"),
    # Beta mentored, so is listed as a mentor, not a trainer
    ("CUR142", "    step: peer-mentor\n", "    step: co-trainer\n",
     "  - user: Beta\n    step: co-trainer"),
    ("CUR147", "met: [attended-training-day]", "met: [mentored-workshop]", "met: [mentored-"),
]


@pytest.mark.parametrize(("code", "old", "new", "at"), CASES)
def test_each_rule_fires_at_its_line(pathway, code, old, new, at):
    line = replace(pathway / RECORD, old, new)
    found = [p for p in pathway_problems(pathway) if p.code == code]
    assert found, f"{code} did not fire"
    text = (pathway / RECORD).read_text("utf-8")
    expected = text[: text.index(at)].count("\n") + 1 if at else line
    assert expected in {p.line for p in found}, [str(p) for p in found]
    assert all(p.file.name == "trainers.yml" for p in found)


def test_a_duplicate_line_is_refused_at_the_second(pathway):
    text = (pathway / RECORD).read_text("utf-8")
    start = text.index(BETA_PEER)
    end = text.index("review:")
    (pathway / RECORD).write_text(text[:end] + text[start:end] + text[end:], "utf-8")
    found = [p for p in pathway_problems(pathway) if p.code == "CUR146"]
    assert len(found) == 1
    written = (pathway / RECORD).read_text("utf-8")
    assert found[0].line == written[: written.rindex(BETA_PEER)].count("\n") + 1


def test_a_new_lead_trainer_needs_two_confirmers(pathway):
    record = pathway / RECORD
    text = record.read_text("utf-8").replace("review:", (
        "  - user: Beta\n    step: co-trainer\n    date: 2025-05-01\n    confirmed_by: [Alpha]\n"
        "    consent: publish\n    basis: {tg: Ҳа., en: Yes.}\n"
        "  - user: Beta\n    step: lead-trainer\n    date: 2025-06-01\n"
        "    confirmed_by: [Alpha]\n    consent: publish\n    basis: {tg: Ҳа., en: Yes.}\n"
        "review:"))
    record.write_text(text, "utf-8")
    found = [p for p in pathway_problems(pathway) if p.code != "CUR142"]  # no events named
    assert [p.code for p in found] == ["CUR143"]
    assert "needs 2" in found[0].message


def test_the_pathway_guide_names_existing_modules_and_every_step(pathway):
    guide = pathway / "curriculum/guides/trainer-pathway.yml"
    line = replace(guide, "  - id: co-trainer\n", "  - id: co-trainers\n    modules: [no-such]\n")
    found = [p for p in pathway_problems(pathway) if p.code == "CUR148"]
    assert {p.line for p in found} == {line + 1, guide.read_text("utf-8")[
        : guide.read_text("utf-8").index("sections:")].count("\n") + 1}
