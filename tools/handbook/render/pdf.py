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

from ..address import file_url, generated_source, page_url
from ..config import Config
from ..loader import Curriculum
from .site import Page, _environment, pages, strings

# Pages that make up the book, in reading order (folders as in render/site.py). The run
# sheets come last, one to a page, ready to print from the book.
BOOK = ("modules", "programmes", "guides", "glossary.md", "run-sheets")
# Every relative link or image address in the rendered HTML.
RELATIVE = re.compile(r'(href|src)="(?![a-z][a-z0-9+.-]*:|#)([^"#]*)(#[^"]*)?"')


@cache
def _markdown_settings(mkdocs_yml: Path) -> tuple[list, dict]:
    config = load_mkdocs_config(config_file=str(mkdocs_yml))
    return config.markdown_extensions, config.mdx_configs


def _anchor(path: str) -> str:
    return "p-" + path.removesuffix(".md").replace("/", "-")


def _place(page: Page) -> int | None:
    first = page.path.parts[0] if len(page.path.parts) > 1 else page.path.as_posix()
    return BOOK.index(first) if first in BOOK else None


def _linker(config: Config, language: str, folder: str, inside: set[str]):
    """Rewrite a relative link of a page in ``folder`` (under the generated folder): to its
    section when the book holds the page, else to the published handbook. Left relative, it
    would resolve to a file:// path of the machine that built the PDF."""
    def rewrite(match: re.Match) -> str:
        attribute, path, anchor = match.group(1), match.group(2), match.group(3) or ""
        target = posixpath.normpath(posixpath.join(folder, path)) if path else ""
        if target in inside:
            return f'{attribute}="#{_anchor(target)}"'
        source = generated_source(config, target)
        url = (page_url(config, language, source + anchor) if target.endswith(".md")
               else file_url(config, source))
        # Not published anywhere: the text stays, the link goes.
        return f'{attribute}="{url}"' if url else 'data-unpublished=""'

    return rewrite


def book_html(curriculum: Curriculum, language: str) -> str:
    config = curriculum.config
    extensions, configs = _markdown_settings(config.root / "mkdocs.yml")
    book = [p for p in pages(curriculum) if _place(p) is not None]
    ordered = sorted(book, key=_place)  # stable: keeps curriculum order within a folder
    inside = {page.path.as_posix() for page in ordered}
    sections = []
    for page in ordered:
        source = config.generated / page.path.with_suffix(f".{language}.md")
        body, meta = get_data(source.read_text("utf-8"))
        html = markdown.markdown(body, extensions=extensions, extension_configs=configs)
        folder = posixpath.dirname(page.path.as_posix())
        html = RELATIVE.sub(_linker(config, language, folder, inside), html)
        sheet = page.path.parts[0] == "run-sheets"
        sections.append({"id": _anchor(page.path.as_posix()), "title": meta.get("title", ""),
                         "html": html, "class": "page run-sheet" if sheet else "page"})
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
        # No base on disk: an address left relative must not become a path of this machine.
        HTML(string=html, base_url=curriculum.config.site_url).write_pdf(target)
        stamp.write_text(digest)
        rebuilt.append(target)
    return rebuilt
