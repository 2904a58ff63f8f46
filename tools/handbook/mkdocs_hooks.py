"""MkDocs hooks: keep the generated pages current and list them in the navigation.

Generation runs before each build (write-if-changed, so `mkdocs serve` does not loop). A nav
entry naming a generated folder (e.g. `curriculum/modules/`) expands to that folder's pages
in curriculum order; each page is titled by its own heading, in each language.
"""

from __future__ import annotations

import os
import re
from functools import cache
from html import escape
from pathlib import Path

from markdown.extensions.toc import TocExtension
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from handbook import preview
from handbook.build import CURRENT, generate
from handbook.checks import run_checks
from handbook.config import load_config
from handbook.loader import Curriculum, load
from handbook.problems import Severity
from handbook.render.sanitize import sanitize
from handbook.render.search import split_index
from handbook.render.site import pages, strings

# Python-Markdown's toc titles every heading's permalink in English; the hook translates it.
PERMALINK = re.compile('(<a class="headerlink" href="[^"]*" title=")'
                       + re.escape(TocExtension().getConfig("permalink_title")) + '"')


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).parent


def _load(config: MkDocsConfig) -> Curriculum:
    return load(load_config(_root(config)))


_banner = ""  # while previewing a curriculum with errors: the list of them, for every page


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _banner
    if preview.active():
        state = preview.refresh(_root(config))
        _banner = preview.banner(state, _root(config))
        if state.good is None:
            raise Abort("the curriculum has errors and there is no earlier version to show; "
                        "run `handbook validate`")
        curriculum = state.good
    else:
        curriculum = _load(config)
        if not os.environ.get(CURRENT):  # `handbook build` checked and generated just now
            errors = [p for p in run_checks(curriculum) if p.severity is Severity.ERROR]
            if errors:
                raise Abort(f"the curriculum has {len(errors)} error(s); run "
                            "`handbook validate`")
            generate(curriculum)
    # The public address is set once, in [tool.handbook]; `mkdocs serve` has put its own.
    if not config.site_url:
        config.site_url = curriculum.config.site_url
    base = curriculum.config.generated.relative_to(config.docs_dir).as_posix()
    folders: dict[str, list[str]] = {}
    for page in pages(curriculum):
        folders.setdefault(f"{base}/{page.path.parent.as_posix()}/", []).append(
            f"{base}/{page.path.as_posix()}")
    made = {path for paths in folders.values() for path in paths}
    config.nav = _expand(config.nav or [], folders, made, f"{base}/")
    return config


def _expand(nav: list, folders: dict[str, list[str]], made: set[str], base: str) -> list:
    """Generated folders become their pages; a generated page this handbook does not have
    (no events, no trainers record yet) leaves the navigation instead of breaking it."""
    expanded = []
    for entry in nav:
        if isinstance(entry, str) and entry in folders:
            expanded.extend(folders[entry])
        elif isinstance(entry, str) and entry.startswith(base) and entry not in made:
            continue
        elif isinstance(entry, dict):
            kept = {title: _expand(value, folders, made, base) if isinstance(value, list)
                    else value for title, value in entry.items()
                    if not (isinstance(value, str) and value.startswith(base)
                            and value not in made and value not in folders)}
            if kept:
                expanded.append(kept)
        else:
            expanded.append(entry)
    return expanded


def on_env(env, config: MkDocsConfig, files):
    """Every preview rebuild makes a new template environment: keep the compiled theme
    templates between rebuilds instead of compiling them again each time."""
    if preview.active():
        env.bytecode_cache = preview.TEMPLATE_CACHE
    return env


# Per language: generated HTML pages MkDocs copies as they are (static-i18n builds the other
# languages inside the default language's build, so one list would hold only the last).
_standalone: dict[str, list[Path]] = {}


@event_priority(-150)  # after static-i18n has chosen this language's files
def on_files(files, config: MkDocsConfig):
    """While previewing: build every page when the errors changed (see preview.py)."""
    if not preview.active():
        return files
    state = preview.refresh(_root(config))
    if preview.needs_full_build(state, _language(config)):
        for file in files:
            file.is_modified = lambda: True
    generated = load_config(_root(config)).generated.resolve()
    _standalone[_language(config)] = [Path(f.abs_dest_path) for f in files
                      if f.src_uri.endswith(".html") and f.abs_src_path
                      and Path(f.abs_src_path).resolve().is_relative_to(generated)]
    return files


def _mark_standalone_pages(config: MkDocsConfig) -> None:
    """The presenter view, slides and handouts list the errors too, at the top of the body."""
    state = preview.refresh(_root(config))
    banner = preview.banner_html(state, _root(config))
    if not banner:
        return
    for path in (path for paths in _standalone.values() for path in paths):
        html = path.read_text("utf-8") if path.is_file() else ""
        if preview.BANNER_MARK not in html and "<body" in html:
            start = html.index(">", html.index("<body")) + 1
            path.write_text(html[:start] + banner + html[start:], "utf-8")


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files) -> str:
    """While previewing a curriculum with errors, every page rendered says so first.

    A page's front-matter title is text: the theme puts it into the navigation, header and
    <title> as HTML, unescaped, so it is escaped here (as Markup, so that the theme's own
    `| e` does not escape it twice)."""
    title = page.meta.get("title")
    if isinstance(title, str):
        page.meta["title"] = Markup.escape(title)
    return _banner + _with_downloads(markdown, page, config)


DOWNLOADS = "<!-- downloads -->"
LANGUAGE = re.compile(r"\.([A-Za-z-]+)\.md$")


def _with_downloads(markdown: str, page, config: MkDocsConfig) -> str:
    """A hand-written page (the home pages) shows the downloads list that `generate` writes
    for its language where it says DOWNLOADS. Generated pages never do: they carry authored
    text, which is data (a Markdown include such as pymdownx.snippets would let any text pull
    any file of docs/ into a page, or stop the build with a wrong path)."""
    if DOWNLOADS not in markdown:
        return markdown
    generated = load_config(_root(config)).generated.resolve()
    source = Path(page.file.abs_src_path or "").resolve()
    language = LANGUAGE.search(source.name)
    if generated in source.parents or not language:
        return markdown
    listing = generated / f"downloads.{language[1]}.snippet"
    return markdown.replace(DOWNLOADS, listing.read_text("utf-8") if listing.is_file() else "")


def on_serve(server, config: MkDocsConfig, builder):
    handbook = load_config(Path(config.config_file_path).parent)
    server.watch(str(handbook.curriculum))
    server.watch(str(handbook.exercises))
    return server


@event_priority(-200)  # after static-i18n has merged every language and `offline` inlined it
def on_post_build(config: MkDocsConfig) -> None:
    if preview.active():
        _mark_standalone_pages(config)
    languages = load_config(Path(config.config_file_path).parent).languages
    split_index(Path(config.site_dir), languages)


def _language(config: MkDocsConfig) -> str:
    """The language being built (static-i18n builds each language in turn)."""
    return str(config.theme["language"])


@cache
def _source_language(root: Path) -> str:
    return load_config(root).source_language


@event_priority(-100)  # last, after every plugin that changes the content
def on_page_content(html: str, page, config: MkDocsConfig, files) -> str:
    """Every page's body passes the one sanitizer (render/sanitize.py), with its table of
    contents; heading permalinks are titled in the page's language. The theme's own scripts
    are outside the body and stay."""
    language = getattr(page.file, "locale", None) or _language(config)
    title = strings(language, _source_language(_root(config)))["permalink"]
    _sanitize_toc(page.toc)
    return sanitize(PERMALINK.sub(lambda match: f'{match[1]}{escape(title)}"', html))


def _sanitize_toc(items) -> None:
    for item in items:
        item.title = sanitize(item.title)
        _sanitize_toc(item.children)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """Each language gets its own 404 page: static-i18n builds every language into the site
    root's 404.html in turn, so the other languages' pages are written into their folders
    here and the default language's stays at the root (the page servers fall back to)."""
    languages = load_config(Path(config.config_file_path).parent).languages
    language = _language(config)
    if template_name == "404.html" and language != languages[0]:
        target = Path(config.site_dir, language, "404.html")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, "utf-8")
        return ""  # MkDocs skips a template that renders empty: the root keeps the default's
    return output
