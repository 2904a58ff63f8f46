"""The term base: glossary entries name the variants to avoid; no text uses them."""

from __future__ import annotations

from collections.abc import Iterator

from ..loader import Curriculum
from ..problems import Problem
from ..terms import find
from ..walk import texts
from . import check
from .markup import prose


@check("CUR080", "No text uses a term variant that the glossary says to avoid (inflected forms "
       "included); use the preferred term.")
def avoided_term(curriculum: Curriculum) -> Iterator[Problem]:
    glossary = curriculum.glossary
    if glossary is None:
        return
    avoided = [(term, language, variant) for term in glossary.terms
               for language, variants in term.avoid.items() for variant in variants]
    if not avoided:
        return
    for model in curriculum.files():
        for loc, text in texts(model):
            for language, value in text.items():
                words = prose(value)
                for term, avoid_language, variant in avoided:
                    if avoid_language != language:
                        continue
                    for match in find(variant, language, words):
                        preferred = term.term.get(language, "")
                        yield model.document.problem(
                            "CUR080", (*loc, language),
                            f"`{match.group()}` is a form of «{variant}», which the term base "
                            f"says to avoid; write «{preferred}» (glossary: {term.id})")


@check("CUR081", "A glossary entry's variants to avoid are in configured languages and differ "
       "from its preferred term.")
def term_base_is_consistent(curriculum: Curriculum) -> Iterator[Problem]:
    glossary = curriculum.glossary
    if glossary is None:
        return
    languages = curriculum.config.languages
    for index, term in enumerate(glossary.terms):
        for language, variants in term.avoid.items():
            if language not in languages:
                yield glossary.document.problem(
                    "CUR081", ("terms", index, "avoid", language),
                    f"unknown language `{language}` in `avoid`; configured: "
                    f"{', '.join(languages)}")
                continue
            preferred = term.term.get(language, "")
            for position, variant in enumerate(variants):
                if find(variant, language, preferred):
                    yield glossary.document.problem(
                        "CUR081", ("terms", index, "avoid", language, position),
                        f"«{variant}» is to be avoided but matches the preferred term "
                        f"«{preferred}»; remove it from `avoid` or change `term`")
