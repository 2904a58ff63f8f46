"""The whole handbook as one PDF per language, from the generated pages, with WeasyPrint.

The Markdown extensions are MkDocs' own (read from mkdocs.yml), so the PDF shows what the site
shows. Links between pages become links inside the PDF. A PDF is rebuilt only when its HTML
changed, since rendering takes seconds.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from functools import cache
from importlib import resources
from pathlib import Path

import markdown
from mkdocs.config import load_config as load_mkdocs_config
from mkdocs.utils.meta import get_data

from ..loader import Curriculum
from .site import _environment, pages, strings

# Pages that make up the book, in reading order (folders as in render/site.py).
BOOK = ("modules", "programmes", "guides", "glossary.md")
LINK = re.compile(r'href="([^":#]+)\.md(#[^"]*)?"')


@cache
def _markdown_settings(mkdocs_yml: Path) -> tuple[list, dict]:
    config = load_mkdocs_config(config_file=str(mkdocs_yml))
    return config.markdown_extensions, config.mdx_configs


def _anchor(path: str) -> str:
    return "p-" + path.removesuffix(".md").replace("/", "-")


def book_html(curriculum: Curriculum, language: str) -> str:
    config = curriculum.config
    extensions, configs = _markdown_settings(config.root / "mkdocs.yml")
    def place(page) -> int | None:
        first = page.path.parts[0] if len(page.path.parts) > 1 else page.path.as_posix()
        return BOOK.index(first) if first in BOOK else None

    book = [p for p in pages(curriculum) if place(p) is not None]
    ordered = sorted(book, key=place)  # stable: keeps curriculum order within a folder
    sections = []
    for page in ordered:
        source = config.generated / page.path.with_suffix(f".{language}.md")
        body, meta = get_data(source.read_text("utf-8"))
        html = markdown.markdown(body, extensions=extensions, extension_configs=configs)
        folder = posixpath.dirname(page.path.as_posix())

        def internal(match: re.Match, folder: str = folder) -> str:
            target = posixpath.normpath(posixpath.join(folder, match.group(1)))
            return f'href="#{_anchor(target)}"'

        sections.append({"id": _anchor(page.path.as_posix()), "title": meta.get("title", ""),
                         "html": LINK.sub(internal, html)})
    css = resources.files("handbook").joinpath("render", "pdf.css").read_text("utf-8")
    return _environment().get_template("book.html.j2").render(
        lang=language, t=strings(language, config.source_language), sections=sections, css=css)


def build_pdfs(curriculum: Curriculum) -> list[Path]:
    """Write downloads/handbook-<language>.pdf for each language; return those rebuilt."""
    from weasyprint import HTML  # slow to import; only needed here

    out = curriculum.config.generated / "downloads"
    out.mkdir(parents=True, exist_ok=True)
    rebuilt = []
    for language in curriculum.config.languages:
        html = book_html(curriculum, language)
        target = out / f"handbook-{language}.pdf"
        stamp = out / f".{target.name}.sha256"
        digest = hashlib.sha256(html.encode()).hexdigest()
        if target.exists() and stamp.exists() and stamp.read_text() == digest:
            continue
        HTML(string=html, base_url=str(curriculum.config.docs)).write_pdf(target)
        stamp.write_text(digest)
        rebuilt.append(target)
    return rebuilt
