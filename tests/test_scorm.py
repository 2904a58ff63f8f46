"""Every SCORM package of `handbook export scorm`, run in Chromium inside a real SCORM 1.2
runtime: scorm-again (npm, pinned in package-lock.json) is the LMS's `window.API` on a
harness page that frames the package, as an LMS does. What the runtime received is checked
against the curriculum; the packages also work opened as files, with no LMS at all."""

from __future__ import annotations

import functools
import shutil
import threading
import zipfile
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM, PHONE, ROOT, QuietHandler, serious
from tests.test_lms import plain
from tests.test_site import CONFIG, CURRICULUM, in_turns

RUNTIME = ROOT / "node_modules/scorm-again/dist/scorm12.js"
LETTERS = "abcdefghijklmnopqrstuvwxyz"
PACKAGES = [(module, language) for language in CONFIG.languages for module in CURRICULUM.modules]

pytestmark = [
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed"),
    pytest.mark.skipif(not RUNTIME.exists(), reason="scorm-again is not installed: `npm ci` "
                       "(`make test` runs it when npm is there; .ci/run installs Node)"),
]

# The LMS side: scorm-again's SCORM 1.2 API as window.API, recording every call it answers.
HARNESS = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>SCORM 1.2 harness</title>
<script src="scorm12.js"></script>
<script>
  window.API = new Scorm12API({logLevel: 5, autocommit: false});
  window.received = [];
  ["LMSInitialize", "LMSCommit", "LMSFinish"].forEach(function (name) {
    window.API.on(name, function () { window.received.push([name]); });
  });
  window.API.on("LMSSetValue.cmi.*", function (element, value) {
    window.received.push(["LMSSetValue", element, String(value)]);
  });
</script></head>
<body><iframe id="sco" title="package" style="width: 100%; height: 90vh"></iframe>
<script>
  document.getElementById("sco").src = "packages/" + location.hash.slice(1) + "/index.html";
</script></body></html>
"""


@pytest.fixture(scope="module")
def packages(tmp_path_factory, exports) -> Path:
    """The exported packages, each unzipped into its own folder next to the harness."""
    served = tmp_path_factory.mktemp("scorm") / "served"
    for package in (exports / "scorm").glob("*.zip"):
        with zipfile.ZipFile(package) as archive:
            archive.extractall(served / "packages" / package.stem)
    shutil.copy(RUNTIME, served / "scorm12.js")
    (served / "harness.html").write_text(HARNESS, "utf-8")
    return served


@pytest.fixture(scope="module")
def lms(packages: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(packages))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def answer(frame, module, wrong: int | None) -> list[int]:
    """Tick the right option of every question (a wrong one for question ``wrong``) as a
    learner does, and submit; returns the options chosen (from 0)."""
    chosen = []
    for number, question in enumerate(module.quiz):
        right = question.correct - 1
        choice = (right + 1) % len(question.options) if number == wrong else right
        frame.locator("fieldset").nth(number).locator("input").nth(choice).check()
        chosen.append(choice)
    frame.locator("button[type=submit]").click()
    return chosen


def expected(module, wrong: int | None) -> tuple[int, str]:
    total = len(module.quiz)
    score = round(100 * (total - (wrong is not None)) / total)
    return score, "passed" if score >= CONFIG.lms.mastery_score else "failed"


# Every package once in the runtime; each module's languages take turns at answering all
# right and the first question wrong, so every module reports both kinds of answer.
RUNS = [(module, language, None if CONFIG.languages.index(language) % 2 else 0)
        for module, language in PACKAGES]


@pytest.mark.parametrize(("module", "language", "wrong"), RUNS,
                         ids=[f"{m.id}-{lang}-{'first-wrong' if wrong == 0 else 'all-right'}"
                              for m, lang, wrong in RUNS])
def test_package_reports_to_the_scorm_runtime(page, lms, module, language, wrong):
    page.goto(f"{lms}/harness.html#{module.id}-{language}")
    page.wait_for_function("window.received.length > 0")
    frame = page.frame_locator("#sco")
    chosen = answer(frame, module, wrong)
    page.wait_for_function("window.received.some(call => call[0] === 'LMSFinish')")
    received = page.evaluate("window.received")
    names = [call[0] for call in received]
    assert names[0] == "LMSInitialize" and names[-2:] == ["LMSCommit", "LMSFinish"]
    values = {call[1]: call[2] for call in received if call[0] == "LMSSetValue"}
    score, status = expected(module, wrong)
    assert values["cmi.core.score.raw"] == str(score)
    assert (values["cmi.core.score.min"], values["cmi.core.score.max"]) == ("0", "100")
    assert values["cmi.core.lesson_status"] == status
    for n, question in enumerate(module.quiz):
        key = f"cmi.interactions.{n}."
        assert values[key + "id"] == question.id
        assert values[key + "type"] == "choice"
        assert values[key + "student_response"] == LETTERS[chosen[n]]
        assert values[key + "correct_responses.0.pattern"] == LETTERS[question.correct - 1]
        assert values[key + "result"] == ("wrong" if n == wrong else "correct")
    assert f"cmi.interactions.{len(module.quiz)}.id" not in values
    # What the runtime holds now, as the LMS would store it.
    held = page.evaluate("[API.cmi.core.score.raw, API.cmi.core.lesson_status, "
                         "API.cmi.interactions.childArray.length]")
    assert held == [str(score), status, len(module.quiz)]
    assert frame.locator("#result").inner_text().strip()
    assert all(url.startswith(lms) for url in page.requests), page.requests


# Without an LMS the same script takes its other branch, whatever the language: each module
# once, the languages taking turns (every package ran in the runtime above).
ALONE = in_turns(CURRICULUM.modules)


@pytest.mark.parametrize(("module", "language"), ALONE,
                         ids=[f"{m.id}-{lang}" for m, lang in ALONE])
def test_package_works_alone_opened_as_a_file(page, packages, module, language):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((packages / "packages" / f"{module.id}-{language}" / "index.html").as_uri())
    assert page.locator("html").get_attribute("lang") == language
    answer(page, module, 0)
    result = page.locator("#result").inner_text()
    assert f"{expected(module, 0)[0]}%" in result
    shown = page.locator(".feedback:visible")
    assert shown.count() == len(module.quiz)  # the chosen option's feedback, per question
    question = module.quiz[0]
    wrong_choice = question.correct % len(question.options)
    assert " ".join(shown.first.inner_text().split()).startswith(
        plain(question.options[wrong_choice].feedback[language])[:20])
    assert not errors
    assert all(url.startswith("file://") for url in page.requests), page.requests


@pytest.mark.parametrize("language", CONFIG.languages)
def test_learner_page_fits_a_phone_and_passes_axe(tab, packages, language):

    module = max(CURRICULUM.modules, key=lambda m: len(m.segments))
    page = tab(viewport=PHONE)
    page.goto((packages / "packages" / f"{module.id}-{language}" / "index.html").as_uri())
    answer(page, module, 0)  # with the feedback shown
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert serious(page) == []
