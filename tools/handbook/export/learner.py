"""What a learner sees of a module in a learning platform, as HTML: the self-paced training
plan's parts (introduction with the objectives, each taught segment, the learner part of each
exercise, the key points) and the quiz. Trainer-only texts (cues, mentors' notes, materials,
checklists, trainer notes) are not in the plan; quiz answers only reach the quiz itself.

Every authored text goes through cmark without its unsafe option: raw HTML is dropped and
javascript:, vbscript:, file: and data: links are emptied; what remains is escaped, and is
well-formed XML (cmark writes `<br />`, escapes &, <, > and "), so it is embedded in the OLX,
SCORM and Moodle files as parsed elements, never pasted as text."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass

import cmarkgfm

from ..loader import Curriculum
from ..models import LocalizedText, Module, QuizQuestion
from .training import plan


@dataclass(frozen=True)
class Part:
    slug: str  # unique in the curriculum: `<module>-introduction`, `<module>-part-3`, …
    title: str
    html: str


def parts(curriculum: Curriculum, module: Module, language: str) -> list[Part]:
    """The module's learner-facing parts in teaching order (the quiz is separate)."""
    return [Part(slide.slug, slide.title[language].strip(), html(slide.content[language]))
            for slide in plan(curriculum, module).slides if slide.quiz is None]


def html(markdown: str) -> str:
    # cmark directly, not render/html.py: the exporters do not import the renderers (floors)
    return cmarkgfm.markdown_to_html(markdown.strip()).strip()


def inline(markdown: str) -> str:
    """A one-paragraph text (question, option, feedback) without its <p> wrapper."""
    text = html(markdown)
    match = re.fullmatch(r"<p>(.*)</p>", text, re.DOTALL)
    return match.group(1) if match else text


def elements(fragment: str, tag: str, **attributes: str) -> ET.Element:
    """An element holding an HTML fragment (cmark output, well-formed XML) as children."""
    element = ET.fromstring(f"<{tag}>{fragment}</{tag}>")
    element.attrib.update(attributes)
    return element


def text(value: LocalizedText, language: str) -> str:
    return value[language].strip()


def correct_option(question: QuizQuestion) -> int:
    """Index (from 0) of the one correct option: validation guarantees there is one."""
    return question.correct - 1
