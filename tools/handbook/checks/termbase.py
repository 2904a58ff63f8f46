"""The term base: glossary entries name the variants to avoid; no text uses them."""

from __future__ import annotations

from collections.abc import Iterator

from ..common.markup import prose
from ..loader import Curriculum
from ..models import Term
from ..problems import Problem
from ..terms import any_of, find, pattern
from ..walk import texts
from . import check


@check("CUR080", "No text uses a term variant that the glossary says to avoid (inflected forms "
       "included); use the preferred term.")
def avoided_term(curriculum: Curriculum) -> Iterator[Problem]:
    glossary = curriculum.glossary
    if glossary is None:
        return
    avoided: dict[str, list[tuple[Term, str]]] = {}  # language → (entry, variant)
    for term in glossary.terms:
        for language, variants in term.avoid.items():
            avoided.setdefault(language, []).extend((term, variant) for variant in variants)
    if not avoided:
        return
    combined = {language: any_of(tuple(v for _, v in pairs), language)
                for language, pairs in avoided.items()}
    for model in curriculum.files():
        for loc, text in texts(model):
            for language, value in text.items():
                if language not in combined:
                    continue
                for match in combined[language].finditer(prose(value)):
                    found = match.group()
                    term, variant = next((t, v) for t, v in avoided[language]
                                         if pattern(v, language).fullmatch(found))
                    yield model.document.problem(
                        "CUR080", (*loc, language),
                        f"`{found}` is a form of «{variant}», which the term base says to avoid; "
                        f"write «{term.term.get(language, '')}» (glossary: {term.id})")


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
