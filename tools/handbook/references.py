"""References to other items in prose: `[[exercise:overview-pitch]]` reaches readers as that
exercise's title in the page's language, never as its file name, and validation catches a
reference to an id that does not exist or was renamed (CUR064).

The wiki-link brackets are what Wikimedians write already; the kind in front says which
folder the id is in (an exercise and a handout may share an id).
"""

from __future__ import annotations

import copy
import dataclasses
import re
from collections.abc import Iterator

from .loader import Curriculum
from .models import FileModel, LocalizedText
from .strings import strings
from .walk import texts

# The kinds of item a reference can name: each is a list of the loaded curriculum.
KINDS = {"module": "modules", "exercise": "exercises", "handout": "handouts",
         "guide": "guides", "programme": "programmes"}
# `[[kind:id]]`; any lower-case kind, so that a misspelt kind is reported rather than shown.
REFERENCE = re.compile(r"\[\[(?P<kind>[a-z]+):(?P<id>[^\[\]\n|]*)\]\]")
OPENING = "[["


def references(text: str) -> Iterator[re.Match[str]]:
    """Every reference in ``text``."""
    if OPENING in text:
        yield from REFERENCE.finditer(text)


def titles(curriculum: Curriculum) -> dict[tuple[str, str], LocalizedText]:
    """(kind, id) → title, for every item a reference can name."""
    return {(kind, item.id): item.title
            for kind, field in KINDS.items() for item in getattr(curriculum, field)}


def resolve(text: str, language: str, known: dict[tuple[str, str], LocalizedText],
            quoted: str) -> str:
    """``text`` with each reference replaced by the item's title in ``language``, quoted as
    the language quotes a title (``quoted`` holds `{title}`); an unknown one stays as written
    (validation reports it)."""
    def title(match: re.Match[str]) -> str:
        found = known.get((match["kind"], match["id"].strip()))
        if found is None or not found.get(language):
            return match.group()
        return quoted.format(title=" ".join(found[language].split()))
    return REFERENCE.sub(title, text) if OPENING in text else text


def for_readers(curriculum: Curriculum) -> Curriculum:
    """The curriculum as readers see it: references replaced by titles in every text.

    Files without a reference are shared, not copied; the authored models stay as they are
    (checks, the translation record and PO files work on what was written)."""
    known = titles(curriculum)
    config = curriculum.config
    quotes = {language: strings(language, config.source_language)["reference_title"]
              for language in config.languages}
    changed: dict[int, FileModel] = {}
    for model in curriculum.files():
        if not any(references(value) for _, text in texts(model) for value in text.values()):
            continue
        # The document (file text and positions) is shared with the authored model.
        readable = copy.deepcopy(model, memo={id(model.document): model.document})
        for _, text in texts(readable):
            for language, value in text.items():
                text[language] = resolve(value, language, known, quotes.get(language, "{title}"))
        changed[id(model)] = readable
    if not changed:
        return curriculum

    def swap(items: list) -> list:
        return [changed.get(id(item), item) for item in items]

    return dataclasses.replace(
        curriculum, modules=swap(curriculum.modules), exercises=swap(curriculum.exercises),
        programmes=swap(curriculum.programmes), guides=swap(curriculum.guides),
        handouts=swap(curriculum.handouts),
        glossary=changed.get(id(curriculum.glossary), curriculum.glossary))
