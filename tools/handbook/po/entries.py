"""Every translatable text of the curriculum as a PO entry: its context, note and place.

The context (`msgctxt`) is ``<kind>/<file id>:<path>``. In the path a list item that has an
`id` is named by it (``quiz[edit-war].options.2.text``), other items by position, so the
context stays the same when texts move within the file or items with ids are reordered.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from ..checks.timing import CUE_LIMIT
from ..config import Config
from ..document import Loc
from ..loader import Curriculum
from ..models import KINDS, FileModel, LocalizedText
from ..walk import texts

KIND_OF = {model: name for name, model in KINDS.items()}

# What each kind of text is, for the translator (`#.`); keyed by the field name.
NOTES = {
    "cue": f"Run-sheet cue: one line of what the trainer does, at most {CUE_LIMIT} characters.",
    "script": "Trainer script: what the trainer says and does in this segment.",
    "materials": "Materials the trainer needs for this segment.",
    "title": "Title.",
    "summary": "Summary paragraph.",
    "audience": "Who it is for.",
    "learner_profile": "Learner profile: who this is for and what they already know.",
    "key_points": "Key point to remember, shown at the end of the module.",
    "question": "Question.",
    "answer": "Answer to a common question.",
    "explanation": "Quiz explanation, shown after answering.",
    "feedback": "Quiz option feedback: why this option is right or wrong.",
    "instructions": "Exercise instructions: what the learner does.",
    "expected": "Exercise: what the learner should have at the end.",
    "trainer_notes": "Exercise notes for the trainer.",
    "body": "Guide section text.",
    "term": "Glossary term; use the settled wording wherever the term appears.",
    "definition": "Glossary definition.",
    "venue": "Venue of the programme.",
    "note": "Note on a programme slot.",
}
CHECKLIST = "Checklist item: one tick-box line."


@dataclass(frozen=True)
class Entry:
    model: FileModel
    loc: Loc  # path in the YAML file, list items by position (as in the record)
    context: str
    note: str
    line: int
    text: LocalizedText

    @property
    def path(self) -> Path:
        return self.model.document.path


def file_id(model: FileModel) -> str:
    """``module/teaching-editing``: unique, since ids are unique per kind."""
    return f"{KIND_OF[type(model)]}/{model.id}"


def folder(model: FileModel, config: Config) -> Path:
    """Where this file's template.pot and <language>.po live."""
    return config.translations / file_id(model)


def context_path(model: FileModel, loc: Loc) -> str:
    parts: list[str] = []
    node: object = model
    for step in loc:
        if isinstance(step, int):
            node = node[step]  # type: ignore[index]
            item_id = getattr(node, "id", None) if isinstance(node, BaseModel) else None
            parts.append(f"[{item_id}]" if item_id else f".{step}")
        else:
            node = getattr(node, step) if isinstance(node, BaseModel) else node[step]  # type: ignore[index]
            parts.append(f".{step}")
    return "".join(parts).lstrip(".")


def note(loc: Loc) -> str:
    names = [step for step in loc if isinstance(step, str)]
    last = names[-1]
    if last in ("before", "during", "after", "checklist"):
        when = f" ({last} the session)" if last != "checklist" else ""
        return CHECKLIST.replace(":", f"{when}:", 1)
    if last == "text" and "options" in names:
        return f"Quiz option {loc[-2] + 1} of a question." if isinstance(loc[-2], int) else ""
    if last == "text" and "objectives" in names:
        return "Learning objective: completes \"After this session, participants can…\"."
    return NOTES.get(last, "")


def entries(model: FileModel, source: str) -> Iterator[Entry]:
    """The texts of one file; the line is that of the text in the ``source`` language."""
    prefix = file_id(model)
    for loc, text in texts(model):
        line = model.document.position((*loc, source) if source in text else loc)[0]
        yield Entry(model, loc, f"{prefix}:{context_path(model, loc)}", note(loc), line, text)


def by_context(curriculum: Curriculum) -> dict[str, Entry]:
    source = curriculum.config.source_language
    return {entry.context: entry for model in curriculum.files()
            for entry in entries(model, source)}
