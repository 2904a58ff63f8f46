"""The quizzes as Moodle XML question banks, one file per language
(`moodle/<course>-<lang>.xml`): a category per module (in the course's context), then a
single-answer multiple-choice question per quiz question, every answer with its feedback and
the question's explanation as general feedback. Texts are HTML (format="html").
Format: Moodle's question/format/xml (docs.moodle.org "Moodle XML format").

One bank per language rather than one bank with multi-language spans: the spans need the
Multi-Language Content filter switched on (it is off by default), and a site without it
would show every text in both languages at once."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from ..loader import Curriculum
from ..models import Module, QuizQuestion
from ..strings import strings
from .learner import correct_option, html, text
from .publish import Publication


def export(curriculum: Curriculum, out: Path, site: Publication,
           write: Callable[[Path, str | bytes], None]) -> list[Path]:
    written = []
    for language in curriculum.config.languages:
        target = out / f"{curriculum.config.lms.course}-{language}.xml"
        write(target, bank(curriculum, language))
        written.append(target)
    return written


def downloads(curriculum: Curriculum, folder: Path) -> dict[str, bytes]:
    """For the site's downloads list: each language's bank as it is."""
    course = curriculum.config.lms.course
    return {f"moodle-{course}-{lang}.xml": (folder / f"{course}-{lang}.xml").read_bytes()
            for lang in curriculum.config.languages}


def bank(curriculum: Curriculum, language: str) -> bytes:
    words = strings(language, curriculum.config.source_language)
    quiz = ET.Element("quiz")
    for module in curriculum.modules:
        quiz.append(_category(module, language, words["lms_course_title"]))
        for question in module.quiz:
            quiz.append(_question(module, question, language))
    ET.indent(quiz)
    return ET.tostring(quiz, encoding="utf-8", xml_declaration=True)


def _rich(tag: str, content: str, **attributes: str) -> ET.Element:
    """A Moodle text field: `<tag format="html"><text>…</text></tag>` (escaped by ET)."""
    element = ET.Element(tag, format="html", **attributes)
    ET.SubElement(element, "text").text = content
    return element


def _plain(tag: str, content: str) -> ET.Element:
    element = ET.Element(tag)
    ET.SubElement(element, "text").text = content
    return element


def _category(module: Module, language: str, course: str) -> ET.Element:
    # "/" separates levels in a category path; a literal slash is written twice.
    path = "/".join(name.replace("/", "//") for name in (course, text(module.title, language)))
    question = ET.Element("question", type="category")
    question.append(_plain("category", f"$course$/top/{path}"))
    question.append(_rich("info", html(module.summary[language])))
    ET.SubElement(question, "idnumber").text = module.id
    return question


def _question(module: Module, item: QuizQuestion, language: str) -> ET.Element:
    question = ET.Element("question", type="multichoice")
    question.append(_plain("name", f"{module.id}: {item.id}"))
    question.append(_rich("questiontext", html(item.question[language])))
    question.append(_rich("generalfeedback", html(item.explanation[language])))
    for tag, value in (("defaultgrade", "1"), ("penalty", "0"), ("hidden", "0"),
                       ("idnumber", f"{module.id}/{item.id}"), ("single", "true"),
                       ("shuffleanswers", "true"), ("answernumbering", "abc"),
                       ("showstandardinstruction", "0")):
        ET.SubElement(question, tag).text = value
    right = correct_option(item)
    for index, option in enumerate(item.options):
        answer = _rich("answer", html(option.text[language]),
                       fraction="100" if index == right else "0")
        answer.append(_rich("feedback", html(option.feedback[language])))
        question.append(answer)
    return question
