"""The rules added for issue 10 item 2: wrong script, copied text, placeholders, language
codes, accidental Markdown blocks, duplicate module order, unused exercises, "did you mean"."""

from __future__ import annotations

import re

import pytest

from handbook.problems import Severity
from tests.conftest import EXERCISE, MODULE, PROGRAMME
from tests.test_rules import problems, replace

SECOND = "curriculum/modules/second-steps.yml"

# (code, file, old text, new text, text on the line the problem must point at)
CASES = [
    # Latin in a short Tajik title: too short for pycld2 (CUR050), caught by script.
    ("CUR052", MODULE, "tg: Муқаддима", "tg: Introduction", "tg: Introduction"),
    ("CUR052", MODULE, "tg: Википедиаро муаррифӣ кунед.", "tg: Wikipediaro muarrifi kuned.",
     "tg: Wikipediaro"),
    ("CUR052", MODULE, "en: Introduction", "en: Муқаддима", "en: Муқаддима"),
    ("CUR053", MODULE, "tg: Мураббӣ Википедиаро муаррифӣ мекунад.",
     "tg: The trainer introduces Wikipedia.", "en: The trainer introduces"),
    ("CUR070", MODULE, "  - title: Википедиа", "  - title: ''", "title: ''"),
    ("CUR070", MODULE, "    url: https://tg.wikipedia.org/\n    language",
     "    url: https://\n    language", "url: https://\n"),
    ("CUR071", MODULE, "    language: tg", "    language: ''", "language: ''"),
    ("CUR071", MODULE, "    language: tg", "    language: tajik", "language: tajik"),
    ("CUR072", MODULE, "en: The trainer introduces Wikipedia.",
     "en: |\n        The trainer introduces Wikipedia and the campaign\n"
     "        #1Lib1Ref, with clear roles.", "#1Lib1Ref"),
    ("CUR072", MODULE, "en: The trainer introduces Wikipedia.",
     "en: |\n        The trainer introduces the three steps, which are\n"
     "        - read, edit and publish.", "- read"),
    ("CUR072", MODULE, "en: The trainer introduces Wikipedia.",
     "en: |\n        The trainer introduces Wikipedia.\n        ---", "---"),
]


@pytest.mark.parametrize(("code", "file", "old", "new", "at"), CASES,
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_fires_at_the_broken_line(project, code, file, old, new, at):
    replace(project / file, old, new)
    found = [p for p in problems(project) if p.code == code]
    assert found, f"{code} did not fire"
    text = (project / file).read_text("utf-8")
    assert text[: text.index(at)].count("\n") + 1 in [p.line for p in found], found
    assert code in {p.code for p in problems(project)}


@pytest.mark.parametrize(("code", "file", "old", "new", "at"), CASES[::2],
                         ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES[::2])])
def test_each_mistake_fails_validation_with_its_position(project, handbook, code, file, old, new,
                                                         at):
    replace(project / file, old, new)
    text = (project / file).read_text("utf-8")
    line = text[: text.index(at)].count("\n") + 1
    run = handbook("validate")  # no --strict
    assert run.code == 1
    assert re.search(rf"^{re.escape(str(file))}:{line}:\d+ {code} ", run.output, re.M), run.output


@pytest.mark.parametrize("text", [
    # a product name inside Tajik prose, quoted page names, glosses, addresses
    "tg: Дар Википедиа пайванди «Sandbox» дар менюи шахсӣ ҳаст.",
    "tg: Саҳифаи Special:Homepage дар tg.wikipedia.org кушоед.",
    "tg: Тарҷумаи мундариҷа (Content Translation)",
])
def test_names_and_glosses_in_tajik_are_fine(project, text):
    replace(project / MODULE, "tg: Муқаддима", text)
    assert [p for p in problems(project) if p.code == "CUR052"] == []


def test_short_texts_may_be_the_same_in_both_languages(project):
    replace(project / MODULE, "tg: Проектор", "tg: Википедиа 2025")
    replace(project / MODULE, "en: Projector", "en: Википедиа 2025")
    # Not a copy (CUR053), only Cyrillic in `en` (CUR052).
    assert {p.code for p in problems(project)} == {"CUR052"}


def test_lists_and_hashtags_written_on_purpose_pass(project):
    replace(project / MODULE, "en: The trainer introduces Wikipedia.",
            "en: |\n        The steps:\n\n        - read,\n          slowly;\n        - edit.\n\n"
            "        Use the hashtag #1Lib1Ref in the edit summary.")
    assert [p for p in problems(project) if p.code == "CUR072"] == []


def _second_module(project, order: str = "order: 2"):
    second = project / SECOND
    text = (project / MODULE).read_text("utf-8").replace("id: first-steps", "id: second-steps")
    second.write_text(text.replace("order: 1", order), "utf-8")
    return second


def test_duplicate_module_order(project):
    _second_module(project, "order: 1")
    found = [p for p in problems(project) if p.code == "CUR073"]
    assert [(p.file.name, p.line) for p in found] == [("second-steps.yml", 2)]
    assert "first-steps" in found[0].message and "2" in found[0].message


def test_distinct_orders_pass(project):
    _second_module(project)
    assert [p for p in problems(project) if p.code == "CUR073"] == []


def test_unused_exercise_is_reported(project):
    replace(project / MODULE, "exercises:\n  - id: sandbox-edit\n    objectives: [make-edit]\n",
            "exercises: []\n")
    replace(project / MODULE, "    exercise: sandbox-edit\n", "")
    found = [p for p in problems(project) if p.code == "CUR074"]
    assert [(p.file.name, p.line) for p in found] == [(EXERCISE.name, 1)]
    assert found[0].severity is Severity.ERROR


def test_unused_exercise_is_not_reported_while_a_module_is_broken(project):
    _second_module(project)
    replace(project / MODULE, "exercises:\n  - id: sandbox-edit\n    objectives: [make-edit]\n",
            "exercises: []\n")
    replace(project / MODULE, "    exercise: sandbox-edit\n", "")
    replace(project / SECOND, "summary:", "summry:")
    assert [p for p in problems(project) if p.code == "CUR074"] == []


@pytest.mark.parametrize(("code", "file", "old", "new", "hint"), [
    ("CUR012", MODULE, "  - id: sandbox-edit\n", "  - id: sandbox-edt\n", "`sandbox-edit`"),
    ("CUR012", MODULE, "    exercise: sandbox-edit", "    exercise: sandbox-edits",
     "`sandbox-edit`"),
    ("CUR015", MODULE, "objectives: [make-edit]\n    exercise",
     "objectives: [make-edits]\n    exercise", "`make-edit`"),
    ("CUR016", MODULE, "prerequisites: []", "prerequisites: [second-step]", "`second-steps`"),
    ("CUR023", PROGRAMME, "module: first-steps", "module: first-step", "`first-steps`"),
    ("CUR071", MODULE, "    language: tg", "    language: tgg", "`tg`"),
])
def test_misspelt_ids_get_did_you_mean(project, code, file, old, new, hint):
    _second_module(project)
    replace(project / file, old, new)
    messages = [p.message for p in problems(project) if p.code == code]
    assert any(f"did you mean {hint}?" in m for m in messages), messages
