"""Translations follow their source: a text changed in one language but not in another."""

from __future__ import annotations

from collections.abc import Iterator

from .. import record
from ..document import Document, read
from ..loader import Curriculum
from ..problems import Problem, Severity
from ..walk import texts
from . import check


@check("CUR040", "A text changed in one language since the translations were last confirmed "
       "(`handbook translated`); the other languages may be stale.", Severity.WARNING)
def translations_not_stale(curriculum: Curriculum) -> Iterator[Problem]:
    for model in curriculum.files():
        name = record.relative(model, curriculum.config)
        recorded = curriculum.record.get(name) or {}
        for loc, text in texts(model):
            then = recorded.get(record.key(loc))
            if not then:
                continue  # never confirmed: nothing to compare with
            stale = record.stale_languages(then, text)
            changed = {lang for lang in then if lang in text} - stale
            for language in sorted(stale):
                why = (f"the {', '.join(sorted(changed))} text was confirmed without the "
                       f"`{language}` text (a PO import of another language)"
                       if record.unconfirmed(then[language]) else
                       f"the {', '.join(sorted(changed))} text changed since the translation "
                       "was confirmed")
                yield model.document.problem(
                    "CUR040", (*loc, language),
                    f"{why}; update the `{language}` text to match, then run "
                    f"`handbook translated {name}`")


@check("CUR041", "A file has no entry in the translation record, so a stale translation in it "
       "would go unnoticed.", Severity.WARNING)
def translations_recorded(curriculum: Curriculum) -> Iterator[Problem]:
    if not record.path(curriculum.config).exists():
        return  # a project that keeps no record at all: nothing to compare with anywhere
    for model in curriculum.files():
        name = record.relative(model, curriculum.config)
        if name not in curriculum.record:
            yield model.document.problem(
                "CUR041", ("id",),
                f"{name} has no translation record, so a later change to one language will "
                f"not flag the others; once its languages say the same, run "
                f"`handbook translated {name}`")


@check("CUR042", "Every file named in the translation record exists (a renamed or deleted "
       "file leaves its entry behind).", Severity.WARNING)
def record_names_existing_files(curriculum: Curriculum) -> Iterator[Problem]:
    root = curriculum.config.root
    gone = [name for name in curriculum.record if not (root / str(name)).is_file()]
    if not gone:
        return
    document = read(record.path(curriculum.config))  # parsed again only to point at lines
    if not isinstance(document, Document):
        return  # it was read a moment ago; a file changed since is the next run's
    for name in gone:
        yield document.problem(
            "CUR042", (name,), f"`{name}` is in the translation record but no longer exists "
            "(renamed or deleted); `handbook translated --all` drops its entry")
