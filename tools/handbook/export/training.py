"""A module as a self-paced training module: the list of slides that both the wikitext and
the Dashboard YAML exports write. One plan, two serialisations, so they cannot drift."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..loader import Curriculum
from ..models import LocalizedText, Module
from ..strings import strings

# The Dashboard's quiz template takes answer_1 … answer_9 (WikiSlideParser#quiz_answers).
MAX_ANSWERS = 9
# Segments that are room logistics, not learning content, get no slide.
NO_SLIDE = {"break", "buffer"}


@dataclass
class Answer:
    id: int
    text: LocalizedText
    explanation: LocalizedText


@dataclass
class Quiz:
    question: LocalizedText
    correct_answer_id: int
    answers: list[Answer]


@dataclass
class Slide:
    slug: str
    title: LocalizedText
    content: dict[str, str]  # language → Markdown
    quiz: Quiz | None = None


@dataclass
class TrainingModule:
    module: Module
    number: int  # the Dashboard's integer id
    slides: list[Slide] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return self.module.id


def slide_id(module_number: int, position: int) -> int:
    """Slide ids as the Dashboard's own conversion script numbers them: module, then slide."""
    return module_number * 100 + position


def plan(curriculum: Curriculum, module: Module) -> TrainingModule:
    languages = curriculum.config.languages
    words = {lang: strings(lang, curriculum.config.source_language) for lang in languages}

    def each(make) -> dict[str, str]:
        return {lang: make(lang) for lang in languages}

    training = TrainingModule(module, curriculum.config.dashboard_id_base + module.order)
    slides = training.slides
    slides.append(Slide(f"{module.id}-introduction", module.title, each(
        lambda lang: _introduction(module, lang, words[lang]))))
    for number, segment in enumerate(module.segments, start=1):
        if segment.kind in NO_SLIDE:
            continue
        slides.append(Slide(f"{module.id}-part-{number}", segment.title,
                            each(lambda lang, s=segment: s.script[lang].strip())))
    for ref in module.exercises:
        exercise = curriculum.exercise(ref.id)
        if exercise is None:
            continue
        slides.append(Slide(f"{module.id}-exercise-{exercise.id}", exercise.title, each(
            lambda lang, e=exercise: f"{e.instructions[lang].strip()}\n\n"
            f"**{words[lang]['expected']}:** {e.expected[lang].strip()}")))
    for question in module.quiz:
        answers = [Answer(n, option.text, option.feedback or question.explanation)
                   for n, option in enumerate(question.options[:MAX_ANSWERS], start=1)]
        title = LocalizedText(each(lambda lang: words[lang]["quiz"]))
        slides.append(Slide(f"{module.id}-quiz-{question.id}", title, each(lambda lang: ""),
                            Quiz(question.question, question.correct, answers)))
    if module.key_points:
        title = LocalizedText(each(lambda lang: words[lang]["key_points"]))
        slides.append(Slide(f"{module.id}-key-points", title, each(
            lambda lang: "\n".join(f"- {point[lang].strip()}" for point in module.key_points))))
    return training


def _introduction(module: Module, language: str, words: dict[str, str]) -> str:
    objectives = "\n".join(f"- {o.text[language].strip()}" for o in module.objectives)
    return (f"{module.summary[language].strip()}\n\n"
            f"**{words['objectives_intro']}**\n\n{objectives}")

