"""An Open edX course in OLX (WikiLearn), one course run per language, as the `.tar.gz` that
Studio imports: `<course>-<lang>/course.xml` pointing at `course/<run>.xml`; a chapter per
module in programme order, a sequential (with one vertical) per learner part, a graded quiz
sequential with a multiple-choice problem per question (each option's feedback as its choice
hint, the question's explanation as the solution); `about/`, policies and a course image.
Layout: docs.openedx.org "OLX directory structure"; openedx/openedx-demo-course."""

from __future__ import annotations

import gzip
import io
import json
import tarfile
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from ..loader import Curriculum
from ..models import Module, QuizQuestion
from ..strings import strings
from .image import course_image
from .learner import correct_option, elements, html, inline, parts, text
from .publish import Publication

IMAGE = "course_image.png"
QUIZ_FORMAT = "Quiz"  # the grader's assignment type; every module's quiz is one of them


def archive_name(curriculum: Curriculum, language: str) -> str:
    return f"{curriculum.config.lms.course}-{language}"


def export(curriculum: Curriculum, out: Path, site: Publication,
           write: Callable[[Path, str | bytes], None]) -> list[Path]:
    written = []
    for language in curriculum.config.languages:
        name = archive_name(curriculum, language)
        target = out / f"{name}.tar.gz"
        write(target, _tar(name, course_files(curriculum, language)))
        written.append(target)
    return written


def downloads(curriculum: Curriculum, folder: Path) -> dict[str, bytes]:
    """For the site's downloads list: each language's archive as it is."""
    return {f"olx-{archive_name(curriculum, lang)}.tar.gz":
            (folder / f"{archive_name(curriculum, lang)}.tar.gz").read_bytes()
            for lang in curriculum.config.languages}


def course_files(curriculum: Curriculum, language: str) -> dict[str, bytes]:
    """Every file of the course folder, by its path inside it."""
    lms = curriculum.config.lms
    run = f"{lms.run}-{language}"
    words = strings(language, curriculum.config.source_language)
    files: dict[str, bytes] = {}

    def put(path: str, element: ET.Element) -> None:
        files[path] = ET.tostring(element, encoding="utf-8", xml_declaration=False)

    put("course.xml", ET.Element("course", url_name=run, org=lms.org, course=lms.course))
    course = ET.Element("course", display_name=words["lms_course_title"], language=language,
                        start=f"{lms.start}T00:00:00Z", end=f"{lms.end}T00:00:00Z",
                        course_image=IMAGE, self_paced="true")
    for module in curriculum.modules:
        ET.SubElement(course, "chapter", url_name=module.id)
        put(f"chapter/{module.id}.xml", _chapter(module, curriculum, language, files, words))
    put(f"course/{run}.xml", course)
    files["about/overview.html"] = _overview(curriculum, language, words).encode("utf-8")
    files["about/short_description.html"] = words["lms_course_description"].encode("utf-8")
    files[f"policies/{run}/policy.json"] = _json({f"course/{run}": {}})
    files[f"policies/{run}/grading_policy.json"] = _json({
        "GRADER": [{"type": QUIZ_FORMAT, "short_label": "Q",
                    "min_count": len(curriculum.modules), "drop_count": 0, "weight": 1.0}],
        "GRADE_CUTOFFS": {"Pass": lms.mastery_score / 100}})
    files["policies/assets.json"] = _json({})
    files[f"static/{IMAGE}"] = course_image()
    return files


def _chapter(module: Module, curriculum: Curriculum, language: str, files: dict[str, bytes],
             words: dict[str, str]) -> ET.Element:
    chapter = ET.Element("chapter", display_name=text(module.title, language))
    # A url_name must be unique in the whole course, whatever its tag: hence the suffixes.
    for part in parts(curriculum, module, language):
        unit, body = f"{part.slug}-unit", f"{part.slug}-text"
        ET.SubElement(chapter, "sequential", url_name=part.slug)
        sequential = ET.Element("sequential", display_name=part.title)
        ET.SubElement(sequential, "vertical", url_name=unit)
        vertical = ET.Element("vertical", display_name=part.title)
        ET.SubElement(vertical, "html", url_name=body)
        files[f"sequential/{part.slug}.xml"] = ET.tostring(sequential, encoding="utf-8")
        files[f"vertical/{unit}.xml"] = ET.tostring(vertical, encoding="utf-8")
        files[f"html/{body}.xml"] = ET.tostring(
            ET.Element("html", filename=body, display_name=part.title), encoding="utf-8")
        files[f"html/{body}.html"] = part.html.encode("utf-8")
    quiz, unit = f"{module.id}-quiz", f"{module.id}-quiz-unit"
    ET.SubElement(chapter, "sequential", url_name=quiz)
    sequential = ET.Element("sequential", display_name=words["quiz"], format=QUIZ_FORMAT,
                            graded="true")
    ET.SubElement(sequential, "vertical", url_name=unit)
    vertical = ET.Element("vertical", display_name=words["quiz"])
    for number, question in enumerate(module.quiz, start=1):
        name = f"{module.id}-quiz-{question.id}"
        ET.SubElement(vertical, "problem", url_name=name)
        files[f"problem/{name}.xml"] = ET.tostring(
            _problem(question, language, f"{words['quiz']} {number}"), encoding="utf-8")
    files[f"sequential/{quiz}.xml"] = ET.tostring(sequential, encoding="utf-8")
    files[f"vertical/{unit}.xml"] = ET.tostring(vertical, encoding="utf-8")
    return chapter


def _problem(question: QuizQuestion, language: str, title: str) -> ET.Element:
    """Open edX's multiple-choice problem (demo course, problem/0895f1b6c0b329e50b90.xml)."""
    problem = ET.Element("problem", display_name=title, max_attempts="", weight="1")
    response = ET.SubElement(problem, "multiplechoiceresponse")
    response.append(elements(inline(question.question[language]), "label"))
    group = ET.SubElement(response, "choicegroup", type="MultipleChoice")
    right = correct_option(question)
    for index, option in enumerate(question.options):
        choice = elements(inline(option.text[language]), "choice",
                          correct="true" if index == right else "false")
        choice.append(elements(inline(option.feedback[language]), "choicehint"))
        group.append(choice)
    solution = ET.SubElement(response, "solution")
    solution.append(elements(html(question.explanation[language]), "div",
                             **{"class": "detailed-solution"}))
    return problem


def _overview(curriculum: Curriculum, language: str, words: dict[str, str]) -> str:
    """The course's about page: its description and the modules with their summaries."""
    section = ET.Element("section", **{"class": "about"})
    ET.SubElement(section, "h2").text = words["lms_course_title"]
    ET.SubElement(section, "p").text = words["lms_course_description"]
    for module in curriculum.modules:
        ET.SubElement(section, "h3").text = text(module.title, language)
        section.append(elements(html(module.summary[language]), "div"))
    return ET.tostring(section, encoding="unicode", method="html")


def _json(data: dict) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def _tar(top: str, files: dict[str, bytes]) -> bytes:
    """A gzipped tar with one top folder and fixed times, so an unchanged course gives an
    unchanged archive."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        folders = sorted({"/".join(p.split("/")[:n]) for p in files
                          for n in range(1, p.count("/") + 1)})
        for folder in ["", *folders]:
            info = tarfile.TarInfo(f"{top}/{folder}".rstrip("/"))
            info.type, info.mode, info.mtime = tarfile.DIRTYPE, 0o755, 0
            archive.addfile(info)
        for path in sorted(files):
            info = tarfile.TarInfo(f"{top}/{path}")
            info.size, info.mode, info.mtime = len(files[path]), 0o644, 0
            archive.addfile(info, io.BytesIO(files[path]))
    return gzip.compress(buffer.getvalue(), mtime=0)
