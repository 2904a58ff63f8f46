"""MkDocs hooks: keep the generated pages current and list them in the navigation.

Generation runs before each build (write-if-changed, so `mkdocs serve` does not loop). A nav
entry naming a generated folder (e.g. `curriculum/modules/`) expands to that folder's pages
in curriculum order; each page is titled by its own heading, in each language.
"""

from __future__ import annotations

import re
from functools import cache
from html import escape
from pathlib import Path

from markdown.extensions.toc import TocExtension
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.plugins import event_priority

from handbook import preview
from handbook.build import generate
from handbook.checks import run_checks
from handbook.config import load_config
from handbook.loader import Curriculum, load
from handbook.problems import Severity
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
        errors = [p for p in run_checks(curriculum) if p.severity is Severity.ERROR]
        if errors:
            raise Abort(f"the curriculum has {len(errors)} error(s); run `handbook validate`")
        generate(curriculum)
    # The public address is set once, in [tool.handbook]; `mkdocs serve` has put its own.
    if not config.site_url:
        config.site_url = curriculum.config.site_url
    base = curriculum.config.generated.relative_to(config.docs_dir).as_posix()
    folders: dict[str, list[str]] = {}
    for page in pages(curriculum):
        folders.setdefault(f"{base}/{page.path.parent.as_posix()}/", []).append(
            f"{base}/{page.path.as_posix()}")
    config.nav = _expand(config.nav or [], folders)
    return config


def _expand(nav: list, folders: dict[str, list[str]]) -> list:
    expanded = []
    for entry in nav:
        if isinstance(entry, str) and entry in folders:
            expanded.extend(folders[entry])
        elif isinstance(entry, dict):
            expanded.append({title: _expand(value, folders) if isinstance(value, list) else value
                             for title, value in entry.items()})
        else:
            expanded.append(entry)
    return expanded


def on_env(env, config: MkDocsConfig, files):
    """Every preview rebuild makes a new template environment: keep the compiled theme
    templates between rebuilds instead of compiling them again each time."""
    if preview.active():
        env.bytecode_cache = preview.TEMPLATE_CACHE
    return env


def on_page_markdown(markdown: str, page, config: MkDocsConfig, files) -> str:
    """While previewing a curriculum with errors, every page rendered says so first."""
    return _banner + markdown


def on_serve(server, config: MkDocsConfig, builder):
    handbook = load_config(Path(config.config_file_path).parent)
    server.watch(str(handbook.curriculum))
    server.watch(str(handbook.exercises))
    return server


@event_priority(-200)  # after static-i18n has merged every language and `offline` inlined it
def on_post_build(config: MkDocsConfig) -> None:
    languages = load_config(Path(config.config_file_path).parent).languages
    split_index(Path(config.site_dir), languages)


def _language(config: MkDocsConfig) -> str:
    """The language being built (static-i18n builds each language in turn)."""
    return str(config.theme["language"])


@cache
def _source_language(root: Path) -> str:
    return load_config(root).source_language


def on_page_content(html: str, page, config: MkDocsConfig, files) -> str:
    """Heading permalinks titled in the page's language."""
    language = getattr(page.file, "locale", None) or _language(config)
    title = strings(language, _source_language(_root(config)))["permalink"]
    return PERMALINK.sub(lambda match: f'{match[1]}{escape(title)}"', html)


def on_post_template(output: str, template_name: str, config: MkDocsConfig) -> str:
    """One 404 page serves every language; static-i18n's later builds would overwrite the
    default language's with theirs (an English 404 at the site root)."""
    languages = load_config(Path(config.config_file_path).parent).languages
    if template_name == "404.html" and _language(config) != languages[0]:
        return ""  # MkDocs skips a template that renders empty
    return output
