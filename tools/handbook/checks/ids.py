"""Ids are unique where they are looked up."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..document import Document, Loc
from ..loader import Curriculum
from ..problems import Problem
from . import check


def _duplicates(document: Document, items: Sequence, loc: Loc, what: str) -> Iterator[Problem]:
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        if item.id in seen:
            first = document.position((*loc, seen[item.id]))[0]
            yield document.problem(
                "CUR013", (*loc, index, "id"),
                f"duplicate {what} id `{item.id}` (first used on line {first}); rename one")
        else:
            seen[item.id] = index


@check("CUR013", "Ids are unique: modules and exercises overall; objectives, quiz questions, "
       "sources, guide sections and glossary terms within their file.")
def unique_ids(curriculum: Curriculum) -> Iterator[Problem]:
    for group, what in ((curriculum.modules, "module"), (curriculum.exercises, "exercise")):
        seen: dict[str, Document] = {}
        for model in group:
            if model.id in seen:
                yield model.document.problem(
                    "CUR013", ("id",),
                    f"duplicate {what} id `{model.id}`, also in {seen[model.id].path.name}")
            seen.setdefault(model.id, model.document)
    for module in curriculum.modules:
        document = module.document
        yield from _duplicates(document, module.objectives, ("objectives",), "objective")
        yield from _duplicates(document, module.quiz, ("quiz",), "quiz question")
        yield from _duplicates(document, module.sources, ("sources",), "source")
        yield from _duplicates(document, module.exercises, ("exercises",), "exercise reference")
    for guide in curriculum.guides:
        yield from _duplicates(guide.document, guide.sections, ("sections",), "section")
    if curriculum.glossary:
        yield from _duplicates(curriculum.glossary.document, curriculum.glossary.terms,
                               ("terms",), "term")
