"""Every prose field exists in every configured language, and review status is honest."""

from __future__ import annotations

from collections.abc import Iterator

from ..loader import Curriculum
from ..problems import Problem
from ..walk import texts
from . import check


@check("CUR010", "Every text has a non-empty version in every configured language.")
def text_in_every_language(curriculum: Curriculum) -> Iterator[Problem]:
    languages = curriculum.config.languages
    for model in curriculum.files():
        for loc, text in texts(model):
            for language in languages:
                if not text.get(language, "").strip():
                    present = language in text
                    yield model.document.problem(
                        "CUR010", (*loc, language) if present else loc,
                        f"{'.'.join(map(str, loc))}: the `{language}` text "
                        f"{'is empty' if present else 'is missing'}; "
                        f"write it (languages: {', '.join(languages)})")


@check("CUR011", "Texts use only the configured language codes.")
def known_languages(curriculum: Curriculum) -> Iterator[Problem]:
    languages = curriculum.config.languages
    for model in curriculum.files():
        keyed = [*texts(model), (("review",), model.review)]
        for loc, text in keyed:
            for language in text:
                if language not in languages:
                    yield model.document.problem(
                        "CUR011", (*loc, language),
                        f"unknown language `{language}`; configured: {', '.join(languages)}")


@check("CUR018", "Each configured language has a review status, and `reviewed` names who and when.")
def review_status(curriculum: Curriculum) -> Iterator[Problem]:
    languages = curriculum.config.languages
    for model in curriculum.files():
        for language in languages:
            review = model.review.get(language)
            if review is None:
                yield model.document.problem(
                    "CUR018", ("review",),
                    f"review status for `{language}` is missing; add `review.{language}.status`")
            elif review.status == "reviewed" and not (review.reviewer and review.date):
                yield model.document.problem(
                    "CUR018", ("review", language),
                    f"`{language}` is marked reviewed without `reviewer` and `date`; add both "
                    "or set status to draft")
