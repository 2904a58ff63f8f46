"""Markdown to HTML for the generated pages that are not MkDocs pages (review sheets, slides)."""

from __future__ import annotations

import cmarkgfm

from .sanitize import sanitize


def to_html(text: str, tables: bool = False) -> str:
    """Markdown as sanitized HTML, with cmark (GitHub's C CommonMark library): the review
    sheets and the slides render every text, which took most of the generation time with a
    Python parser. ``tables`` adds GitHub's tables."""
    if tables:
        return sanitize(cmarkgfm.github_flavored_markdown_to_html(text))
    return sanitize(cmarkgfm.markdown_to_html(text))
