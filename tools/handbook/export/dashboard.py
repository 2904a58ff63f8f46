"""The Dashboard's own YAML layout (what a self-hosted Dashboard loads from its
`training_path`): libraries/*.yml, modules/*.yml, slides/<module>/<NNNN>-<slug>.yml, each text
in the Dashboard's language with `translations` for the others (yaml_training_loader.rb)."""

from __future__ import annotations

from collections.abc import Callable
from io import StringIO
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import LiteralScalarString

from ..loader import Curriculum
from .library import library, trainings
from .publish import Publication
from .training import Slide, TrainingModule, slide_id


def _blocks(value):
    """Multi-line texts as `|` blocks, as the Dashboard's own files write them."""
    if isinstance(value, dict):
        return {key: _blocks(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_blocks(item) for item in value]
    if isinstance(value, str) and "\n" in value.strip():
        return LiteralScalarString(value if value.endswith("\n") else value + "\n")
    return value


def _dump(data: dict) -> str:
    data = _blocks(data)
    yaml = YAML()
    yaml.width = 100
    yaml.allow_unicode = True
    stream = StringIO()
    yaml.dump(data, stream)
    return stream.getvalue()


def _slide(slide: Slide, number: int, language: str) -> dict:
    data: dict = {"id": number, "title": slide.title[language].strip(),
                  "summary": "", "content": slide.content[language].strip() + "\n"}
    if slide.quiz:
        data["assessment"] = _assessment(slide, language)
    return data


def _assessment(slide: Slide, language: str) -> dict:
    quiz = slide.quiz
    assert quiz is not None
    return {"question": quiz.question[language].strip(),
            "correct_answer_id": quiz.correct_answer_id,
            "answers": [{"id": a.id, "text": a.text[language].strip(),
                         "explanation": a.explanation[language].strip()}
                        for a in quiz.answers]}


def _translations(others: list[str], make: Callable[[str], dict]) -> dict:
    return {language: make(language) for language in others}


def _module(training: TrainingModule, language: str, others: list[str]) -> dict:
    module = training.module

    def texts(lang: str) -> dict:
        return {"name": module.title[lang].strip(), "description": module.summary[lang].strip()}

    return {**texts(language), "id": training.number,
            "estimated_ttc": f"{module.duration} minutes",
            "slides": [{"slug": s.slug} for s in training.slides],
            "translations": _translations(others, texts)}


def export(curriculum: Curriculum, out: Path, site: Publication,
           write: Callable[[Path, str], None]) -> list[Path]:
    config = curriculum.config
    language = config.source_language
    others = [lang for lang in config.languages if lang != language]
    plans = trainings(curriculum)
    files: dict[Path, dict] = {}
    base = library(curriculum, plans, language)
    base["translations"] = _translations(others, lambda lang: {
        key: value for key, value in library(curriculum, plans, lang).items()
        if key in ("name", "introduction", "categories")})
    files[Path("libraries", f"{base.pop('slug')}.yml")] = base
    for training in plans:
        files[Path("modules", f"{training.slug}.yml")] = _module(training, language, others)
        folder = Path("slides", f"{training.number}-{training.slug}")
        for position, slide in enumerate(training.slides, start=1):
            number = slide_id(training.number, position)
            data = _slide(slide, number, language)
            data["translations"] = _translations(
                others, lambda lang, s=slide, n=number: {
                    k: v for k, v in _slide(s, n, lang).items() if k != "id"})
            files[folder / f"{number:04d}-{slide.slug}.yml"] = data
    written = []
    for path, data in files.items():
        write(out / path, _dump(data))
        written.append(out / path)
    return written
