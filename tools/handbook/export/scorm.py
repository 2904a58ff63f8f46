"""A SCORM 1.2 package per module and language (`scorm/<module>-<lang>.zip`): the module's
learner page with its quiz, its stylesheet and script, and `imsmanifest.xml` at the root
listing every file. Nothing is loaded from outside the package; the quiz reports to the LMS
through the SCORM 1.2 API (scorm_files/quiz.js) and works alone when opened as a file.
Manifest: ADL's SCORM 1.2 Content Aggregation Model (imscp_rootv1p1p2, adlcp_rootv1p2)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from ..loader import Curriculum
from ..models import Module
from ..strings import strings
from .files import zip_files
from .learner import correct_option, elements, inline, parts, text
from .publish import Publication

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
ASSETS = ("page.css", "quiz.js")  # scorm_files/, copied into every package
LAUNCH = "index.html"


def export(curriculum: Curriculum, out: Path, site: Publication,
           write: Callable[[Path, str | bytes], None]) -> list[Path]:
    written = []
    for language in curriculum.config.languages:
        for module in curriculum.modules:
            target = out / f"{module.id}-{language}.zip"
            write(target, zip_files(package(curriculum, module, language)))
            written.append(target)
    return written


def downloads(curriculum: Curriculum, folder: Path) -> dict[str, bytes]:
    """For the site's downloads list: one zip per language holding its modules' packages."""
    return {f"scorm-{lang}.zip": zip_files({
        f"{module.id}-{lang}.zip": (folder / f"{module.id}-{lang}.zip").read_bytes()
        for module in curriculum.modules}) for lang in curriculum.config.languages}


def package(curriculum: Curriculum, module: Module, language: str) -> dict[str, bytes]:
    folder = resources.files("handbook").joinpath("export", "scorm_files")
    files = {LAUNCH: page(curriculum, module, language).encode("utf-8")}
    files.update({name: folder.joinpath(name).read_bytes() for name in ASSETS})
    return {"imsmanifest.xml": manifest(curriculum, module, language, list(files)), **files}


def manifest(curriculum: Curriculum, module: Module, language: str, names: list[str]) -> bytes:
    for prefix, uri in (("", IMSCP), ("adlcp", ADLCP), ("xsi", XSI)):
        ET.register_namespace(prefix, uri)
    title = text(module.title, language)
    root = ET.Element(f"{{{IMSCP}}}manifest", {
        "identifier": f"MANIFEST-{module.id}-{language}", "version": "1.2",
        f"{{{XSI}}}schemaLocation": f"{IMSCP} imscp_rootv1p1p2.xsd "
                                    f"{ADLCP} adlcp_rootv1p2.xsd"})
    metadata = ET.SubElement(root, f"{{{IMSCP}}}metadata")
    ET.SubElement(metadata, f"{{{IMSCP}}}schema").text = "ADL SCORM"
    ET.SubElement(metadata, f"{{{IMSCP}}}schemaversion").text = "1.2"
    organizations = ET.SubElement(root, f"{{{IMSCP}}}organizations", default="ORG")
    organization = ET.SubElement(organizations, f"{{{IMSCP}}}organization", identifier="ORG")
    ET.SubElement(organization, f"{{{IMSCP}}}title").text = title
    item = ET.SubElement(organization, f"{{{IMSCP}}}item", identifier="ITEM",
                         identifierref="SCO", isvisible="true")
    ET.SubElement(item, f"{{{IMSCP}}}title").text = title
    ET.SubElement(item, f"{{{ADLCP}}}masteryscore").text = str(
        curriculum.config.lms.mastery_score)
    resources_ = ET.SubElement(root, f"{{{IMSCP}}}resources")
    resource = ET.SubElement(resources_, f"{{{IMSCP}}}resource", {
        "identifier": "SCO", "type": "webcontent", f"{{{ADLCP}}}scormtype": "sco",
        "href": LAUNCH})
    for name in names:
        ET.SubElement(resource, f"{{{IMSCP}}}file", href=name)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def page(curriculum: Curriculum, module: Module, language: str) -> str:
    """The learner page: every part of the module, then the quiz as a form."""
    words = strings(language, curriculum.config.source_language)
    root = ET.Element("html", lang=language)
    head = ET.SubElement(root, "head")
    ET.SubElement(head, "meta", charset="utf-8")
    ET.SubElement(head, "meta", name="viewport", content="width=device-width, initial-scale=1")
    ET.SubElement(head, "title").text = text(module.title, language)
    ET.SubElement(head, "link", rel="stylesheet", href="page.css")
    body = ET.SubElement(root, "body")
    main = ET.SubElement(body, "main")
    ET.SubElement(main, "h1").text = text(module.title, language)
    for part in parts(curriculum, module, language):
        section = ET.SubElement(main, "section", id=part.slug)
        ET.SubElement(section, "h2").text = part.title
        section.extend(elements(part.html, "div"))
    form = ET.SubElement(main, "form", {
        "id": "quiz", "data-mastery": str(curriculum.config.lms.mastery_score),
        "data-score": words["lms_score"], "data-passed": words["lms_passed"],
        "data-failed": words["lms_failed"], "data-unanswered": words["lms_unanswered"]})
    ET.SubElement(form, "h2").text = words["quiz"]
    for number, question in enumerate(module.quiz, start=1):
        fieldset = ET.SubElement(form, "fieldset", {
            "data-question": question.id, "data-correct": str(correct_option(question))})
        legend = elements(inline(question.question[language]), "legend")
        legend.text = f"{number}. {legend.text or ''}"
        fieldset.append(legend)
        for index, option in enumerate(question.options):
            label = ET.SubElement(fieldset, "label", {"class": "option"})
            ET.SubElement(label, "input", type="radio", name=f"q-{question.id}",
                          value=str(index))
            label.append(elements(inline(option.text[language]), "span"))
            fieldset.append(elements(inline(option.feedback[language]), "p", **{
                "class": "feedback", "data-option": str(index), "hidden": "hidden"}))
    ET.SubElement(form, "button", type="submit").text = words["lms_check"]
    ET.SubElement(form, "p", id="result", role="status")
    ET.SubElement(body, "script", src="quiz.js")
    return "<!DOCTYPE html>\n" + ET.tostring(root, encoding="unicode", method="html") + "\n"
