"""Checklists and quizzes by touch, and progress kept by stable ids: one record per module for
its page, its run sheet and every language."""

from __future__ import annotations

import re

import pytest
from ruamel.yaml import YAML

from handbook.build import generate
from handbook.common.markup import prose
from handbook.config import load_config
from handbook.loader import load
from tests.conftest import MODULE as FIXTURE_MODULE
from tests.conftest import PHONE
from tests.test_browser import DEFAULT, MODULE, OTHER, PAGE_TYPES, url
from tests.test_site import CONFIG

TARGET = 44  # px, WCAG 2.5.5
CHECK_ID = re.compile(r'data-check="([0-9a-f]+)"')


@pytest.fixture
def phone(tab):
    return tab(viewport=PHONE, has_touch=True)


def boxes(page):
    return page.locator(".task-list-item input[type=checkbox]")


def ticked(page) -> list[bool]:
    return [boxes(page).nth(i).is_checked() for i in range(boxes(page).count())]


@pytest.mark.parametrize("language", CONFIG.languages)
def test_every_row_and_option_is_a_big_enough_target(phone, server, language):
    phone.goto(url(server, language, PAGE_TYPES["module"]))
    targets = phone.locator(".task-list-item .task-list-control, .quiz-option")
    assert targets.count() == boxes(phone).count() + sum(len(q.options) for q in MODULE.quiz)
    small = [(i, box) for i in range(targets.count())
             if (box := targets.nth(i).bounding_box())["width"] < TARGET
             or box["height"] < TARGET]
    assert small == []
    reset = phone.locator("[data-progress-reset]").bounding_box()
    assert reset["width"] >= TARGET and reset["height"] >= TARGET


def test_tapping_the_text_ticks_and_chooses(phone, server):
    phone.goto(url(server, DEFAULT, PAGE_TYPES["module"]))
    phone.locator(".task-list-item").nth(1).get_by_text(
        prose(MODULE.checklists.before[1][DEFAULT])[:15]).tap()
    assert ticked(phone)[:3] == [False, True, False]
    option = MODULE.quiz[0].options[2].text[DEFAULT]
    phone.locator(".quiz-option", has_text=prose(option)[:15]).tap()
    assert phone.locator(".quiz-choice").nth(2).is_checked()


def test_an_answer_says_at_once_whether_it_is_right(phone, server):
    phone.goto(url(server, DEFAULT, PAGE_TYPES["module"]))
    question = MODULE.quiz[0]
    verdict = phone.locator(".quiz-verdict").first
    assert verdict.inner_text() == ""
    for number, option in enumerate(question.options, start=1):
        phone.locator(".quiz").first.locator(".quiz-option").nth(number - 1).tap()
        text = re.sub(r"\s+", " ", verdict.inner_text())
        right = number == question.correct
        assert ("quiz-verdict--right" if right else "quiz-verdict--wrong") in (
            verdict.get_attribute("class"))
        explained = option.feedback or question.explanation
        assert prose(explained[DEFAULT])[:30] in text


def test_reset_asks_first(phone, server):
    phone.goto(url(server, DEFAULT, PAGE_TYPES["module"]))
    phone.locator(".task-list-text").first.tap()
    phone.once("dialog", lambda dialog: dialog.dismiss())
    phone.locator("[data-progress-reset]").click()
    phone.reload()
    assert ticked(phone)[0]
    questions: list[str] = []

    def accept(dialog) -> None:
        questions.append(dialog.message)
        dialog.accept()

    phone.once("dialog", accept)
    phone.locator("[data-progress-reset]").click()
    phone.wait_for_load_state()
    assert questions and not any(ticked(phone))


def test_one_record_per_module_for_its_page_run_sheet_and_languages(phone, server):
    phone.goto(url(server, DEFAULT, PAGE_TYPES["module"]))
    phone.locator(".task-list-text").nth(0).tap()
    phone.locator(".task-list-text").nth(2).tap()
    phone.locator(".quiz").first.locator(".quiz-option").nth(1).tap()
    # Saved by the items' ids, not their positions.
    ids = [phone.locator(".task-list-item [data-check]").nth(i).get_attribute("data-check")
           for i in (0, 2)]
    records = [value for key, value in phone.evaluate("Object.entries(localStorage)")
               if key.startswith("trainer-handbook")]
    assert len(records) == 1 and all(f'"{i}":true' in records[0] for i in ids)
    total = boxes(phone).count() + len(MODULE.quiz)
    phone.goto(url(server, OTHER, PAGE_TYPES["module"]))
    assert ticked(phone)[:3] == [True, False, True]
    assert phone.locator(".quiz-choice").nth(1).is_checked()
    assert phone.locator("[data-progress-summary]").inner_text() == f"3 / {total}"
    for language in CONFIG.languages:
        phone.goto(url(server, language, PAGE_TYPES["run-sheet"]))
        assert ticked(phone)[:3] == [True, False, True]
        phone.goto(url(server, language, PAGE_TYPES["progress"]))
        assert phone.locator(f"[data-progress-of='{MODULE.id}']").inner_text() == (
            f"3 / {total}")


def test_checklist_ids_survive_inserting_an_item(project):
    """Inserting a checklist item changes no other item's id, in any language or page."""
    generated = project / "docs/curriculum"
    generate(load(load_config(project)))
    before = {path.relative_to(generated): CHECK_ID.findall(path.read_text("utf-8"))
              for path in generated.glob("*/first-steps.*.md")}
    yaml = YAML()
    data = yaml.load((project / FIXTURE_MODULE).read_text("utf-8"))
    data["checklists"]["before"].insert(0, {"tg": "Калидҳоро гиред.", "en": "Take the keys."})
    with (project / FIXTURE_MODULE).open("w", encoding="utf-8") as handle:
        yaml.dump(data, handle)
    generate(load(load_config(project)))
    after = {path.relative_to(generated): CHECK_ID.findall(path.read_text("utf-8"))
             for path in generated.glob("*/first-steps.*.md")}
    assert len(before) == 2 * len(CONFIG.languages)  # module page and run sheet
    ids = next(iter(before.values()))
    assert ids and len(set(ids)) == len(ids)
    for name in before:
        assert before[name] == ids  # the same ids on each page and in each language
        assert after[name][0] not in ids and after[name][1:] == ids
