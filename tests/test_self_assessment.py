"""The before/after self-assessment page: works from a file in real Chromium, gives the
result as CSV lines and a file made in the browser, and sends nothing anywhere."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from handbook.config import load_config
from handbook.loader import load
from handbook.render.kit import SELF_ASSESSMENT, kit_files
from tests.conftest import CHROMIUM

needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no chromium")


@pytest.fixture
def form_file(project: Path) -> Path:
    """The fixture module's self-assessment page (Tajik), written alone into a folder."""
    curriculum = load(load_config(project))
    module = curriculum.modules[0]
    files = kit_files(curriculum, "tg")
    target = project / "form.html"
    target.write_bytes(files[Path(SELF_ASSESSMENT, module.id, "index.tg.html")])
    return target


def test_one_form_per_module_and_language(project):
    curriculum = load(load_config(project))
    for language in curriculum.config.languages:
        files = kit_files(curriculum, language)
        for module in curriculum.modules:
            html = files[Path(SELF_ASSESSMENT, module.id, f"index.{language}.html")].decode()
            for objective in module.objectives:
                assert objective.text[language] in html
                assert f'name="{objective.id}.before"' in html
            for question in module.quiz:
                assert question.question[language] in html
            # Nothing to load: no link, script or image from anywhere.
            assert "src=" not in html and "<link" not in html


@needs_chromium
def test_filled_in_offline_it_gives_a_result_and_sends_nothing(form_file, page):
    curriculum = load(load_config(form_file.parent))
    module = curriculum.modules[0]
    page.goto(form_file.as_uri())
    ratings = {}
    for number, objective in enumerate(module.objectives):
        before, after = 1 + number, 3 + number
        ratings[objective.id] = (before, after)
        page.check(f'input[name="{objective.id}.before"][value="{before}"]')
        page.check(f'input[name="{objective.id}.after"][value="{after}"]')
    question = module.quiz[0]
    page.check(f'input[name="quiz.{question.id}"][value="{question.correct}"]')
    page.click("#show")
    text = page.input_value("#lines")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {(row["objective"], int(row["before"]), int(row["after"])) for row in rows} == {
        (key, *value) for key, value in ratings.items()}
    assert {row["module"] for row in rows} == {module.id}
    assert page.text_content("#message").startswith(f"Санҷиш: 1 аз {len(module.quiz)}")
    # The file to save is made in the browser, with the same lines.
    with page.expect_download() as download:
        page.click("#save")
    assert Path(download.value.path()).read_text("utf-8") == text
    assert page.requests == [form_file.as_uri()], page.requests


@needs_chromium
def test_a_missing_rating_is_left_out_and_said(form_file, page):
    page.goto(form_file.as_uri())
    page.click("#show")
    assert page.input_value("#lines") == "module,objective,before,after\n"
    assert "Аввал ҳар ҳадафро" in page.text_content("#message")


@needs_chromium
def test_every_real_form_fits_a_phone(tmp_path, browser):
    from tests.conftest import ROOT

    curriculum = load(load_config(ROOT))
    context = browser.new_context(viewport={"width": 360, "height": 740})
    phone = context.new_page()
    widths = {}
    for path, data in kit_files(curriculum, "tg").items():
        if path.parts[0] == SELF_ASSESSMENT:
            target = tmp_path / f"{path.parts[1]}.html"
            target.write_bytes(data)
            phone.goto(target.as_uri())
            widths[path.parts[1]] = phone.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert len(widths) == len(curriculum.modules)
    assert all(width <= 360 for width in widths.values()), widths
