"""`handbook export olx|moodle` read back as the learning platforms read them: every Open edX
archive through all eight steps of olxcleaner, every Moodle XML bank parsed and compared with
the curriculum. Also what all three LMS exports share: validation comes first, authored text
is escaped, and a folder is replaced whole or not at all. (SCORM in the browser:
test_scorm.py.)"""

from __future__ import annotations

import io
import json
import re
import tarfile
from pathlib import Path

import lxml.etree
import lxml.html
import olxcleaner
import pytest
from olxcleaner import exceptions as olx_errors
from PIL import Image

from handbook.config import load_config
from handbook.export import moodle, olx, scorm
from handbook.export.files import MARKER, NotOurs, replace
from handbook.loader import load
from tests.conftest import MODULE
from tests.test_site import CONFIG, CURRICULUM

LMS = CONFIG.lms
KINDS = ("olx", "scorm", "moodle")


def plain(markdown: str) -> str:
    """What a reader sees of an authored Markdown text: links as their label, no markers."""
    text = re.sub(r"\[([^\]]*)\]\((?:[^()\s]|\([^()]*\))*\)", r"\1", markdown)
    text = re.sub(r"\*\*|`", "", text)
    text = re.sub(r"^\s*(\d+\.|[-*])\s+", "", text, flags=re.MULTILINE)  # list markers
    return " ".join(text.split())


def opening(markdown: str) -> str:
    """The first words of a longer text: enough to find it, within one list item."""
    return plain(markdown)[:40]


def seen(element) -> str:
    """The text of an (lxml) element as a browser shows it."""
    return " ".join(element.xpath("string()").split())


def seen_html(fragment: str) -> str:
    return " ".join(lxml.html.fragment_fromstring(fragment, create_parent="div")
                    .text_content().split())


# --- Open edX -----------------------------------------------------------------------------

@pytest.fixture(scope="module", params=CONFIG.languages)
def course(request, exports, tmp_path_factory) -> tuple[str, Path]:
    """One language's archive, unpacked as Studio unpacks it."""
    language = request.param
    archive = exports / "olx" / f"{LMS.course}-{language}.tar.gz"
    target = tmp_path_factory.mktemp(f"olx-{language}")
    with tarfile.open(archive) as tar:
        tops = {Path(name).parts[0] for name in tar.getnames()}
        assert tops == {f"{LMS.course}-{language}"}, "one top folder, named as the archive"
        tar.extractall(target, filter="data")
    return language, target / f"{LMS.course}-{language}"


def test_ignored_olx_warnings_are_real_and_have_a_reason():
    names = {cls.__name__ for cls in vars(olx_errors).values()
             if isinstance(cls, type) and issubclass(cls, olx_errors.CourseError)}
    for name, reason in LMS.olx_ignore.items():
        assert name in names, f"{name} is not an olxcleaner error"
        assert reason.strip(), f"say why {name} is ignored"


def test_olxcleaner_finds_no_error_and_no_warning(course):
    _, folder = course
    loaded, errors, _ = olxcleaner.validate(str(folder), steps=8, ignore=list(LMS.olx_ignore))
    assert loaded is not None
    found = [f"{e.level.name} {e.name} ({e.filename}): {e.description}" for e in errors.errors
             if e.level_val >= olx_errors.ErrorLevel.WARNING.value]
    assert not found, "\n".join(found)


def xml(path: Path):
    return lxml.etree.parse(str(path)).getroot()


def test_course_keys_dates_and_policies_come_from_config(course):
    language, folder = course
    pointer = xml(folder / "course.xml")
    run = pointer.get("url_name")
    assert (pointer.get("org"), pointer.get("course")) == (LMS.org, LMS.course)
    assert run == f"{LMS.run}-{language}"
    full = xml(folder / "course" / f"{run}.xml")
    assert full.get("language") == language
    assert full.get("start").startswith(LMS.start) and full.get("end").startswith(LMS.end)
    image = Image.open(folder / "static" / full.get("course_image"))
    assert image.format == "PNG" and image.width > image.height
    grading = json.loads((folder / "policies" / run / "grading_policy.json").read_text())
    assert grading["GRADE_CUTOFFS"] == {"Pass": LMS.mastery_score / 100}
    assert sum(g["weight"] for g in grading["GRADER"]) == 1.0
    assert seen_html((folder / "about/overview.html").read_text())
    assert (folder / "about/short_description.html").read_text().strip()


def test_a_chapter_per_module_in_order_and_a_problem_per_question(course):
    language, folder = course
    run = xml(folder / "course.xml").get("url_name")
    chapters = [c.get("url_name") for c in xml(folder / "course" / f"{run}.xml")]
    assert len(chapters) == len(CURRICULUM.modules)
    for name, module in zip(chapters, CURRICULUM.modules, strict=True):
        chapter = xml(folder / "chapter" / f"{name}.xml")
        assert chapter.get("display_name") == module.title[language].strip()
        problems = []
        for pointer in chapter:
            sequential = xml(folder / "sequential" / f"{pointer.get('url_name')}.xml")
            for unit in sequential:
                vertical = xml(folder / "vertical" / f"{unit.get('url_name')}.xml")
                problems += [folder / "problem" / f"{p.get('url_name')}.xml"
                             for p in vertical if p.tag == "problem"]
        assert len(problems) == len(module.quiz)
        for path, question in zip(problems, module.quiz, strict=True):
            response = xml(path).find("multiplechoiceresponse")
            assert seen(response.find("label")) == plain(question.question[language])
            choices = response.find("choicegroup").findall("choice")
            assert [c.get("correct") for c in choices] == [
                "true" if n == question.correct else "false"
                for n in range(1, len(question.options) + 1)]
            for choice, option in zip(choices, question.options, strict=True):
                hint = choice.find("choicehint")
                assert seen(hint) == plain(option.feedback[language])
                choice.remove(hint)
                assert seen(choice) == plain(option.text[language])
            assert seen(response.find("solution")) == plain(question.explanation[language])


def trainer_only(language: str) -> list[str]:
    """Openings of texts for the trainer alone, and of the quizzes' answers, that the
    learner's texts (summary, objectives, segment scripts, exercises, key points) do not
    also say (a quiz's explanation may repeat what a part teaches)."""
    private, public = [], []
    for module in CURRICULUM.modules:
        public += [module.summary, *(o.text for o in module.objectives), *module.key_points]
        for segment in module.segments:
            public.append(segment.script)
            private += [segment.cue] + [t for t in (segment.mentors, segment.materials) if t]
        private += [item for phase in ("before", "during", "after")
                    for item in getattr(module.checklists, phase)]
        private += [q.explanation for q in module.quiz]
        private += [o.feedback for q in module.quiz for o in q.options]
        for ref in module.exercises:
            exercise = CURRICULUM.exercise(ref.id)
            public += [exercise.instructions, exercise.expected]
            private.append(exercise.trainer_notes)
    said = " ".join(plain(text[language]) for text in public)
    openings = [opening(text[language]) for text in private]
    return [text for text in openings if len(text) >= 30 and text not in said]


def test_html_components_hold_learner_text_only(course):
    language, folder = course
    pages = " ".join(seen_html(p.read_text()) for p in (folder / "html").glob("*.html"))
    for module in CURRICULUM.modules:
        assert plain(module.key_points[0][language]) in pages
        assert plain(module.objectives[0].text[language]) in pages
        for ref in module.exercises:
            assert opening(CURRICULUM.exercise(ref.id).instructions[language]) in pages
    private = trainer_only(language)
    assert len(private) > 100  # the check below has something to find
    assert not [text for text in private if text in pages]


# --- Moodle -------------------------------------------------------------------------------

@pytest.mark.parametrize("language", CONFIG.languages)
def test_moodle_bank_matches_the_curriculum(exports, language):
    root = xml(exports / "moodle" / f"{LMS.course}-{language}.xml")
    assert root.tag == "quiz"
    categories, questions = [], {}
    for question in root.findall("question"):
        if question.get("type") == "category":
            categories.append(question)
            questions[len(categories) - 1] = []
        else:
            assert question.get("type") == "multichoice"
            questions[len(categories) - 1].append(question)
    assert len(categories) == len(CURRICULUM.modules)

    def field(element, tag: str) -> str:
        node = element.find(tag)
        assert node.get("format") == "html"
        return seen_html(node.findtext("text"))

    for number, module in enumerate(CURRICULUM.modules):
        path = categories[number].findtext("category/text")
        assert path.startswith("$course$/top/")
        assert path.endswith("/" + module.title[language].strip().replace("/", "//"))
        assert len(questions[number]) == len(module.quiz)
        for element, question in zip(questions[number], module.quiz, strict=True):
            assert element.findtext("single") == "true"
            assert field(element, "questiontext") == plain(question.question[language])
            assert field(element, "generalfeedback") == plain(question.explanation[language])
            answers = element.findall("answer")
            assert [a.get("fraction") for a in answers] == [
                "100" if n == question.correct else "0"
                for n in range(1, len(question.options) + 1)]
            for answer, option in zip(answers, question.options, strict=True):
                assert answer.get("format") == "html"
                assert seen_html(answer.findtext("text")) == plain(option.text[language])
                assert field(answer, "feedback") == plain(option.feedback[language])


# --- What the three share -----------------------------------------------------------------

QUIZ_BREAKS = {
    # correct names no option: only one correct answer can be named, and it must exist
    "no correct option": ("    correct: 1\n", "    correct: 3\n"),
    "two correct options": ("    correct: 1\n", "    correct: [1, 2]\n"),
    "an option without feedback": (
        "        feedback:\n          tg: Не; Википедиа барои мақолаҳост, на барои сӯҳбат.\n"
        "          en: No; Wikipedia is for articles, not for chatting.\n", ""),
    "an empty feedback": ("          en: No; Wikipedia is for articles, not for chatting.\n",
                          "          en: ''\n"),
}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("case", QUIZ_BREAKS)
def test_a_broken_quiz_never_reaches_the_exports(project, handbook, kind, case):
    module = project / MODULE
    old, new = QUIZ_BREAKS[case]
    text = module.read_text("utf-8")
    assert old in text
    module.write_text(text.replace(old, new, 1), "utf-8")
    result = handbook("export", kind, "--out", str(project / "out"))
    assert result.code == 1
    assert "first-steps.yml" in result.output
    assert not (project / "out").exists()


def test_the_fixture_exports_every_kind(project, handbook):
    for kind in KINDS:
        result = handbook("export", kind, "--out", str(project / "out" / kind))
        assert result.code == 0, result.output
        assert [p.name for p in (project / "out" / kind).iterdir() if p.name != MARKER]


HOSTILE = 'a < b & "c" [x](javascript:alert(2)) <script>alert(1)</script>'


def test_authored_text_is_escaped_in_every_format(project):
    """Validation refuses raw HTML; the exports must be safe even so (checks can be tuned)."""
    module = project / MODULE
    text = module.read_text("utf-8")
    for old in ("en: What is Wikipedia?", "en: A free encyclopedia",
                "en: Right; anyone can read and edit it freely.",
                "en: The trainer introduces Wikipedia."):
        text = text.replace(old, f"en: '{HOSTILE}'")
    module.write_text(text, "utf-8")
    curriculum = load(load_config(project))
    item = curriculum.modules[0]
    outputs = [*olx.course_files(curriculum, "en").items(),
               *scorm.package(curriculum, item, "en").items(),
               ("bank.xml", moodle.bank(curriculum, "en"))]
    documents = []
    for name, data in outputs:
        if name.endswith(".xml") and b"<text>" not in data:
            documents.append(lxml.etree.fromstring(data))
        elif name.endswith(".xml"):  # Moodle: each <text> holds HTML, itself escaped
            documents += [lxml.html.fragment_fromstring(t, create_parent="div")
                          for t in lxml.etree.fromstring(data).xpath("//text/text()")]
        elif name.endswith(".html"):
            documents.append(lxml.html.fragment_fromstring(data, create_parent="div")
                             if not data.startswith(b"<!DOCTYPE") else
                             lxml.html.document_fromstring(data))
    shown = " ".join(d.xpath("string()") for d in documents)
    assert shown.count("a < b & \"c\"") >= 4
    for document in documents:
        assert not document.xpath("//script[not(@src)]")
        assert not [h for h in document.xpath("//@href") if "javascript" in h]
        assert not [s for s in document.xpath("//script/@src") if s != "quiz.js"]


def test_an_interrupted_export_leaves_the_previous_one(tmp_path):
    folder = tmp_path / "olx"

    def first(new: Path) -> list[Path]:
        (new / "a.tar.gz").write_text("one")
        return [new / "a.tar.gz"]

    def broken(new: Path) -> list[Path]:
        (new / "a.tar.gz").write_text("half")
        raise KeyboardInterrupt

    assert replace(folder, first) == [folder / "a.tar.gz"]
    with pytest.raises(KeyboardInterrupt):
        replace(folder, broken)
    assert (folder / "a.tar.gz").read_text() == "one"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["olx"]


def test_a_folder_the_tool_did_not_write_is_never_replaced(tmp_path):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep")
    with pytest.raises(NotOurs):
        replace(tmp_path / "mine", lambda new: [])
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep"


def test_scorm_manifest_lists_every_file_with_the_mastery_score(exports):
    packages = sorted((exports / "scorm").glob("*.zip"))
    assert len(packages) == len(CURRICULUM.modules) * len(CONFIG.languages)
    import zipfile

    names = {"ims": "http://www.imsproject.org/xsd/imscp_rootv1p1p2",
             "adlcp": "http://www.adlnet.org/xsd/adlcp_rootv1p2"}
    for package in packages:
        with zipfile.ZipFile(package) as archive:
            files = set(archive.namelist())
            manifest = lxml.etree.parse(io.BytesIO(archive.read("imsmanifest.xml"))).getroot()
        assert manifest.findtext("ims:metadata/ims:schemaversion", namespaces=names) == "1.2"
        listed = set(manifest.xpath("//ims:file/@href", namespaces=names))
        assert listed == files - {"imsmanifest.xml"}
        resource = manifest.find("ims:resources/ims:resource", names)
        assert resource.get(f"{{{names['adlcp']}}}scormtype") == "sco"
        assert resource.get("href") in files
        assert manifest.xpath("//adlcp:masteryscore/text()", namespaces=names) == [
            str(LMS.mastery_score)]
