"""Side-by-side review sheets: per curriculum file, every text in the source language next to
its translation, with the text's state in the translation record and an empty column for the
reviewer's notes. Made for a reviewer without git, on paper (A4) or on a phone."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .. import record
from ..loader import Curriculum
from ..models import Exercise, FileModel, Glossary, Handout, LocalizedText, TrainerRecord
from ..walk import texts
from .html import to_html

FOLDER = "review"  # inside the generated folder; not in the navigation


@dataclass(frozen=True)
class Row:
    where: str  # the text's path in the YAML file, e.g. segments.3.cue
    text: LocalizedText
    status: dict[str, str]  # language → missing | stale | confirmed | unconfirmed


def sheet_name(model: FileModel) -> str:
    return f"{type(model).__name__.lower()}-{model.id}.md"


def sheet_path(model: FileModel) -> Path:
    return Path(FOLDER, sheet_name(model))


def target_language(languages: tuple[str, ...], source: str, page_language: str) -> str:
    """The translation a sheet shows: the page's language, or on the source language's own
    pages the first other language."""
    if page_language != source:
        return page_language
    return next((lang for lang in languages if lang != source), source)


def rows(curriculum: Curriculum, model: FileModel) -> list[Row]:
    config = curriculum.config
    recorded = curriculum.record.get(record.relative(model, config)) or {}
    found = []
    for loc, text in texts(model):
        then = recorded.get(record.key(loc)) or {}
        found.append(Row(record.key(loc), text, {
            lang: _status(lang, text, then, config.source_language)
            for lang in config.languages}))
    return found


def _status(lang: str, text: LocalizedText, then: dict, source: str) -> str:
    if not text.get(lang, "").strip():
        return "missing"
    if record.outdated(then, text, lang, source):  # the same signal as a fuzzy PO entry
        return "stale"
    confirmed = all(then.get(each) == record.digest(text.get(each, "")) for each in (lang, source))
    return "confirmed" if confirmed else "unconfirmed"


def page_of(curriculum: Curriculum, model: FileModel) -> str | None:
    """The generated page that shows this file, relative to the generated folder."""
    if isinstance(model, Glossary):
        return "glossary.md"
    if isinstance(model, Exercise):
        owner = next((m for m in curriculum.modules
                      if any(ref.id == model.id for ref in m.exercises)), None)
        return f"modules/{owner.id}.md#{model.id}" if owner else None
    if isinstance(model, Handout):
        return f"handouts/{model.id}/index.html"  # a standalone printable page (render/kit.py)
    if isinstance(model, TrainerRecord):
        return "trainers.md"
    return f"{type(model).__name__.lower()}s/{model.id}.md"


@cache
def cell_html(text: str) -> str:
    """A text as HTML for one table cell (Markdown rendered: links, bold, lists and tables
    stay), sanitized. No blank line, which would end the sheet's raw HTML block in the page's
    Markdown. Cached: each source text appears on the sheet of every language."""
    if not text.strip():
        return ""
    return to_html(text, tables=True).replace("\n\n", "\n")


def title_of(model: FileModel, language: str) -> str:
    title = getattr(model, "title", None)
    return title.get(language, "") if isinstance(title, dict) else model.id
