"""Each rule fires on a broken copy of the fixture, at the line where the breakage is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from handbook.checks import run_checks
from handbook.config import load_config
from handbook.loader import load
from handbook.problems import RULES
from tests.conftest import EXERCISE, GLOSSARY, GUIDE, MODULE, PROGRAMME, ROOT

HANDOUT = Path("curriculum/handouts/sandbox-sheet.yml")


def replace(path: Path, old: str, new: str, count: int = 1) -> int:
    """Replace ``old`` (which must occur) and return the 1-based line of the new text."""
    text = path.read_text("utf-8")
    assert old in text, f"fixture no longer contains {old!r}"
    text = text.replace(old, new, count)
    path.write_text(text, "utf-8")
    return text[: text.index(new)].count("\n") + 1 if new else 0


def problems(root: Path):
    return run_checks(load(load_config(root)))


# (code, file, old text, new text, text on the line the problem must point at)
CASES = [
    ("CUR001", MODULE, "title:\n  tg: Қадамҳои аввал", "title: [oops\n  tg: Қадамҳои аввал", None),
    ("CUR003", MODULE, "summary:", "summry:", "summry:"),
    ("CUR004", MODULE, "audience:\n  tg: Мураббиёни нав\n  en: New trainers\n", "", None),
    ("CUR005", MODULE, "  - minutes: 10", "  - minutes: '10'", "minutes: '10'"),
    ("CUR005", MODULE, "kind: talk", "kind: lecture", "kind: lecture"),
    ("CUR006", EXERCISE, "id: sandbox-edit", "id: sandbox-edits", "id: sandbox-edits"),
    ("CUR010", MODULE, "      en: Explain Wikipedia.\n", "", "text:\n      tg: Википедиаро шарҳ"),
    ("CUR010", EXERCISE, "en: Help everyone.", "en: '  '", "en: '  '"),
    ("CUR011", MODULE, "  en: First steps", "  en: First steps\n  ru: Первые шаги", "ru: Первые"),
    ("CUR012", MODULE, "  - id: sandbox-edit\n", "  - id: sandbox-editing\n", "sandbox-editing"),
    ("CUR012", MODULE, "    exercise: sandbox-edit", "    exercise: other-thing", "other-thing"),
    ("CUR027", EXERCISE, "handouts: [sandbox-sheet]", "handouts: [sandbox-sheets]",
     "handouts: [sandbox-sheets]"),
    ("CUR028", HANDOUT, "exercise: sandbox-edit", "exercise: sandbox-edits", "sandbox-edits"),
    ("CUR013", MODULE, "  - id: make-edit", "  - id: explain-wiki",
     "  - id: explain-wiki\n    text:\n      tg: Як"),
    ("CUR014", MODULE, "  - minutes: 20", "  - minutes: 25", "duration: 30"),
    ("CUR015", MODULE, "objectives: [make-edit]\n    exercise",
     "objectives: [make-edits]\n    exercise", "objectives: [make-edits]"),
    ("CUR016", MODULE, "prerequisites: []", "prerequisites: [no-such-module]", "prerequisites:"),
    ("CUR017", MODULE, "correct: 1", "correct: 3", "correct: 3"),
    ("CUR018", MODULE, "    reviewer: Test Person\n", "", "  en:\n    status: reviewed"),
    ("CUR018", EXERCISE, "  en:\n    status: draft\n", "", "review:"),
    ("CUR010", GUIDE, "        en: Say hello.\n", "", "      - tg: Салом"),
    ("CUR013", GLOSSARY, "  - id: sandbox\n", "  - id: sandbox\n    term: {tg: а, en: a}\n"
     "    definition: {tg: б, en: b}\n  - id: sandbox\n", None),
    ("CUR003", GUIDE, "  - id: role", "  - id: role\n    extra: 1", "extra: 1"),
    ("CUR005", PROGRAMME, 'start: "09:00"\n    end', 'start: "9am"\n    end', '"9am"'),
    ("CUR020", PROGRAMME, 'start: "09:15"', 'start: "09:10"', '"09:10"'),
    ("CUR025", PROGRAMME, 'start: "09:45"', 'start: "09:50"', '"09:50"'),
    ("CUR021", PROGRAMME, "minutes: 30\n        kind: module",
     "minutes: 20\n        kind: module", "minutes: 20"),
    ("CUR022", PROGRAMME, 'end: "10:00"', 'end: "10:30"', 'end: "10:30"'),
    ("CUR022", PROGRAMME, 'start: "09:00"\n        minutes', 'start: "09:05"\n        minutes',
     '"09:05"\n        minutes'),
    ("CUR023", PROGRAMME, "module: first-steps", "module: no-such-module", "no-such-module"),
    ("CUR023", PROGRAMME, "kind: break", "kind: module", '- start: "09:45"'),
    ("CUR030", MODULE, "    objectives: [explain-wiki]\nkey_points",
     "    objectives: []\nkey_points", "  - id: explain-wiki"),
    ("CUR030", MODULE, "    objectives: [explain-wiki]\n  - minutes: 20",
     "    objectives: []\n  - minutes: 20", "  - id: explain-wiki"),
    ("CUR050", MODULE, "tg: Мураббӣ Википедиаро муаррифӣ мекунад.",
     "tg: The trainer introduces Wikipedia to the whole group and explains why it matters.",
     "tg: The trainer"),
    ("CUR051", MODULE, "tg: Муқаддима", "tg: Вступительное слово", "tg: Вступительное"),
    ("CUR051", MODULE, "tg: Муқаддима", "tg: Муқаддимa", "tg: Муқаддимa"),
    ("CUR060", MODULE, "en: Participants edit their sandbox.",
     "en: Participants edit <b>their</b> sandbox.", "en: Participants edit <b>"),
    ("CUR061", MODULE, "    url: https://tg.wikipedia.org/\n    language",
     "    url: http://tg.wikipedia.org/\n    language", "url: http://"),
    ("CUR061", EXERCISE, "en: Help everyone.", "en: '[Help](javascript:alert(1)) everyone.'",
     "en: '[Help](javascript"),
    ("CUR062", EXERCISE, "en: Help everyone.", "en: Write to trainer@example.org.",
     "en: Write to"),
    ("CUR062", EXERCISE, "en: Help everyone.", "en: Call +992 37 221 4567.", "en: Call"),
    ("CUR150", EXERCISE, "en: Help everyone.", 'en: "| | Article |\\n|---|---|\\n| 1 | Tea |"',
     'en: "| | Article'),
    ("CUR063", EXERCISE, "en: Help everyone.", "en: See [the notes](#nowhere).", "en: See"),
    ("CUR063", EXERCISE, "en: Help everyone.", "en: See [the notes](../guide.md).", "en: See"),
    ("CUR026", MODULE, "en: Introduce Wikipedia.", "en: " + "Introduce Wikipedia. " * 8,
     "en: Introduce Wikipedia. Introduce"),
    ("CUR024", PROGRAMME, "Asia/Dushanbe", "Asia/Dushambe", "Asia/Dushambe"),
    # Learning design is required: a learner profile, key points, feedback on every option.
    ("CUR004", MODULE, "learner_profile:\n  tg: Вироишгарони нав, ки ҳанӯз дарс надодаанд.\n"
     "  en: New editors who have not taught before.\n", "", None),
    ("CUR004", MODULE, "key_points:\n  - tg: Википедиа энсиклопедияи озод аст.\n"
     "    en: Wikipedia is a free encyclopedia.\n", "", None),
    ("CUR005", MODULE, "key_points:\n  - tg: Википедиа энсиклопедияи озод аст.\n"
     "    en: Wikipedia is a free encyclopedia.\n", "key_points: []\n", "key_points: []"),
    ("CUR004", MODULE, "        feedback:\n          tg: Не; Википедиа барои мақолаҳост, на барои"
     " сӯҳбат.\n          en: No; Wikipedia is for articles, not for chatting.\n", "",
     "text:\n          tg: Шабакаи иҷтимоӣ"),
    ("CUR010", MODULE, "          en: No; Wikipedia is for articles, not for chatting.\n", "",
     "feedback:\n          tg: Не; Википедиа"),
]


@pytest.mark.parametrize(("code", "file", "old", "new", "at"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_fires_at_the_broken_line(project, code, file, old, new, at):
    replace(project / file, old, new)
    found = [p for p in problems(project) if p.code == code]
    assert found, f"{code} did not fire"
    if at is not None:
        text = (project / file).read_text("utf-8")
        first_line_of_at = text[: text.index(at)].count("\n") + 1
        assert first_line_of_at in [p.line for p in found], found
    assert all(p.file.name == file.name for p in found)


# Rules whose tests live in their own files (test_rules_script.py, test_termbase.py, …).
TESTED_ELSEWHERE = {"CUR052", "CUR053", "CUR070", "CUR071", "CUR072", "CUR073", "CUR074",
                    "CUR042", "CUR075", "CUR090", "CUR091",
                    "CUR080", "CUR081", "CUR064", "CUR065",
                    # tests/test_limits.py
                    "CUR007", "CUR008", "CUR009", "CUR029", "CUR092", "CUR093", "CUR094",
                    "CUR095", "CUR096",
                    # events: tests/test_event_rules.py
                    "CUR100", "CUR101", "CUR102", "CUR103", "CUR104", "CUR105", "CUR106",
                    "CUR107", "CUR108",
                    # the trainer pathway: tests/test_pathway.py; self-assessments:
                    # tests/test_event_assess.py
                    "CUR140", "CUR141", "CUR142", "CUR143", "CUR144", "CUR145", "CUR146",
                    "CUR147", "CUR148", "CUR149"}


def test_every_rule_has_a_firing_case():
    # CUR002: see test_bad_files; CUR040: see test_stale_translation_is_reported_until_confirmed
    # CUR019: see test_prerequisite_cycle_is_named; CUR041: see tests/test_translated.py
    tested = ({case[0] for case in CASES} | {"CUR002", "CUR019", "CUR040", "CUR041"}
              | TESTED_ELSEWHERE)
    assert set(RULES) <= tested, f"rules without a test: {sorted(set(RULES) - tested)}"


def test_the_fixture_is_clean(project):
    assert problems(project) == []


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02binary", b"\xff\xfe\xfa", b"- a\n- b\n",
                                     b"just text"])
def test_bad_files(project, handbook, content):
    (project / MODULE).write_bytes(content)
    run = handbook("validate")
    assert run.code == 1
    assert f"{MODULE}:1:1 CUR002" in run.output


def test_truncated_file_is_reported_not_raised(project, handbook):
    text = (project / MODULE).read_text("utf-8")
    for cut in range(0, len(text), 97):
        (project / MODULE).write_text(text[:cut], "utf-8")
        run = handbook("validate")
        assert run.code in (0, 1)
        if run.code == 1:
            assert str(MODULE) in run.output


def test_every_problem_in_one_run(project, handbook):
    replace(project / MODULE, "summary:", "summry:")
    replace(project / EXERCISE, "minutes: 20", "minutes: twenty")
    replace(project / MODULE, "correct: 1", "correct: 9")
    run = handbook("validate", "--format", "json")
    assert run.code == 1
    codes = sorted(row["code"] for row in json.loads(run.output))
    # The typo is also a missing `summary`; the rest of the module is still checked (CUR017).
    assert codes == ["CUR003", "CUR004", "CUR005", "CUR017"]


def test_unknown_key_suggests_the_right_one(project, handbook):
    replace(project / MODULE, "summary:", "summry:")
    run = handbook("validate")
    assert "did you mean `summary`" in run.output


def test_anchors_that_exist_are_accepted(project):
    replace(project / EXERCISE, "en: Help everyone.", "en: See [the run sheet](#run-sheet).")
    assert problems(project) == []


def test_isbns_and_dates_are_not_phone_numbers(project):
    replace(project / EXERCISE, "en: Help everyone.",
            "en: Check ISBN 978-5-02-038417-3 from 2025-04-04 with 114,000 articles.")
    assert problems(project) == []


def test_stale_translation_is_reported_until_confirmed(project, handbook):
    assert handbook("translated", "--all").code == 0
    assert problems(project) == []
    line = replace(project / MODULE, "en: Make one edit.", "en: Make and publish one edit.")
    stale = [p for p in problems(project) if p.code == "CUR040"]
    assert [(p.line, p.loc[-1]) for p in stale] == [(line - 1, "tg")]
    assert handbook("validate").code == 0  # a warning does not fail
    assert handbook("validate", "--strict").code == 1
    # Updating the other language too clears it; so does confirming.
    replace(project / MODULE, "tg: Як вироиш мекунанд.", "tg: Як вироиш мекунанд ва нашр.")
    assert [p for p in problems(project) if p.code == "CUR040"] == []
    replace(project / MODULE, "en: Make and publish one edit.", "en: Make one edit.")
    assert [p for p in problems(project) if p.code == "CUR040"]
    assert handbook("translated", str(MODULE)).code == 0
    assert problems(project) == []


def test_prerequisite_cycle_is_named(project):
    second = project / "curriculum/modules/second-steps.yml"
    text = (project / MODULE).read_text("utf-8").replace("id: first-steps", "id: second-steps")
    second.write_text(text.replace("order: 1", "order: 2"), "utf-8")
    replace(second, "prerequisites: []", "prerequisites: [first-steps]")
    line = replace(project / MODULE, "prerequisites: []", "prerequisites: [second-steps]")
    cycles = [p for p in problems(project) if p.code == "CUR019"]
    assert len(cycles) == 1
    assert "first-steps → second-steps → first-steps" in cycles[0].message
    assert (cycles[0].file.name, cycles[0].line) == ("first-steps.yml", line)


def test_the_real_curriculum_is_clean():
    """Every rule stays quiet on the handbook's own curriculum, warnings included."""
    assert problems(ROOT) == []


def test_buffer_time_counts_towards_the_duration(project):
    """A `buffer` segment (logins, Wi-Fi) is planned time: it fills the module's duration."""
    segment = project / MODULE
    replace(segment, "  - minutes: 20\n    kind: hands-on",
            "  - minutes: 5\n    kind: buffer\n    title: {tg: Вақти захиравӣ, en: Buffer}\n"
            "    cue: {tg: Ҳама ворид мешаванд., en: Everyone logs in.}\n"
            "    script: {tg: Ҳама ворид мешаванд., en: Everyone logs in.}\n"
            "  - minutes: 15\n    kind: hands-on")
    assert problems(project) == []
    replace(segment, "  - minutes: 5\n    kind: buffer", "  - minutes: 8\n    kind: buffer")
    timing = [p for p in problems(project) if p.code == "CUR014"]
    assert len(timing) == 1 and "33 minutes" in timing[0].message


def test_the_real_modules_have_the_learning_design_the_handbook_promises():
    """Key points (3 to 6), a learner profile and feedback on every quiz option."""
    for module in load(load_config(ROOT)).modules:
        assert 3 <= len(module.key_points) <= 6, module.id
        assert module.learner_profile, module.id
        assert all(option.feedback for q in module.quiz for option in q.options), module.id
