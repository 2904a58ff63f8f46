"""References `[[kind:id]]` in prose: readers see the item's title in their language, a wrong
id is caught (CUR064) and a bare id in reader-facing text is reported (CUR065); the glossary's
open questions (forms to settle with the community)."""

from __future__ import annotations

import pytest

from handbook.build import generate
from handbook.config import load_config
from handbook.loader import load
from tests.conftest import EXERCISE, GLOSSARY, MODULE
from tests.test_rules import problems, replace

HELP = "en: Help everyone."
TG_HELP = "tg: Ба ҳар кас кӯмак кунед."


def test_a_reference_shows_the_title_in_each_language(project):
    replace(project / MODULE, "tg: Иштирокчиён дар саҳифаи санҷишӣ вироиш мекунанд.",
            "tg: Машқи [[exercise:sandbox-edit]]-ро оғоз кунед.")
    replace(project / MODULE, "en: Participants edit their sandbox.",
            "en: Run the exercise [[exercise:sandbox-edit]].")
    assert problems(project) == [] or {p.code for p in problems(project)} == {"CUR040"}
    config = load_config(project)
    generate(load(config))
    tajik = (config.generated / "modules" / "first-steps.tg.md").read_text("utf-8")
    english = (config.generated / "modules" / "first-steps.en.md").read_text("utf-8")
    assert "Машқи «Вироиш дар саҳифаи санҷишӣ»-ро оғоз кунед." in tajik
    assert 'Run the exercise "Edit your sandbox".' in english
    assert "[[exercise:" not in tajik + english
    # The authored file keeps the reference: the next build shows a changed title.
    assert "[[exercise:sandbox-edit]]" in (project / MODULE).read_text("utf-8")


def test_a_reference_to_a_renamed_exercise_is_an_error_with_the_right_id(project):
    line = replace(project / EXERCISE, HELP, "en: Then show [[exercise:sandbox-edits]].")
    found = [p for p in problems(project) if p.code == "CUR064"]
    assert [p.line for p in found] == [line]
    assert "did you mean `sandbox-edit`?" in found[0].message


def test_a_reference_with_an_unknown_kind_is_an_error(project):
    line = replace(project / EXERCISE, HELP, "en: Then show [[exrcise:sandbox-edit]].")
    found = [p for p in problems(project) if p.code == "CUR064"]
    assert [p.line for p in found] == [line]
    assert "did you mean `exercise`?" in found[0].message


@pytest.mark.parametrize("text", [
    "en: Then run `sandbox-edit` in pairs.",
    "en: Then run sandbox-edit in pairs.",
    "en: 'Then run \"first-steps\" again.'",
])
def test_a_bare_id_in_prose_is_reported(project, text):
    line = replace(project / EXERCISE, HELP, text)
    found = [p for p in problems(project) if p.code == "CUR065"]
    assert [p.line for p in found] == [line]
    assert "[[" in found[0].message


@pytest.mark.parametrize("text", [
    "en: See [the notes](#sandbox-edit).",  # an anchor, not prose
    "en: See https://example.org/first-steps/ for more.",
    "en: Run [[exercise:sandbox-edit]].",
    "en: A sandbox-editing session.",  # a longer word that starts like an id
])
def test_ids_in_addresses_and_references_are_not_bare(project, text):
    replace(project / EXERCISE, HELP, text)
    assert [p for p in problems(project) if p.code == "CUR065"] == []



DEFINITION = "      en: A personal page for practice.\n"


def test_an_open_question_is_shown_in_both_languages_and_holds_one_form(project):
    replace(project / GLOSSARY, DEFINITION, DEFINITION + "    open_question:\n      tg:\n"
            "        interface: Қуттии қум\n        note: tgwiki label\n")
    line = replace(project / EXERCISE, TG_HELP, "tg: Ба ҳар кас дар қуттиҳои қум кӯмак кунед.")
    found = [p for p in problems(project) if p.code == "CUR080"]
    assert [p.line for p in found] == [line]
    assert "«саҳифаи санҷишӣ»" in found[0].message and "community" in found[0].message
    replace(project / EXERCISE, "tg: Ба ҳар кас дар қуттиҳои қум кӯмак кунед.", TG_HELP)
    config = load_config(project)
    generate(load(config))
    for language, words in (("tg", "Бояд бо ҷомеа ҳал шавад"),
                            ("en", "To be settled with the community")):
        page = (config.generated / f"glossary.{language}.md").read_text("utf-8")
        section = page.split("{#sandbox}", 1)[1].split("\n## ", 1)[0]
        assert words in section and "«Қуттии қум»" in section
        assert "«саҳифаи санҷишӣ»" in section


def test_an_open_question_that_repeats_the_term_is_reported(project):
    replace(project / GLOSSARY, DEFINITION, DEFINITION + "    open_question:\n      tg:\n"
            "        interface: Саҳифаи санҷишӣ\n")
    found = [p for p in problems(project) if p.code == "CUR081"]
    assert [p.loc[-2:] for p in found] == [("tg", "interface")]
