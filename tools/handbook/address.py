"""Absolute addresses of the published handbook, from the one `site_url` setting.

Files that leave the site (PDFs, calendars) cannot use relative links: they would resolve
against the reader's disk. They link to the published pages instead.
"""

from __future__ import annotations

import posixpath

from .config import Config


def page_url(config: Config, language: str, source: str) -> str | None:
    """The public address of a page, from its Markdown path under the docs folder
    (``curriculum/modules/x.md``, without language suffix), with MkDocs' directory URLs."""
    if config.site_url is None:
        return None
    path, _, anchor = source.partition("#")
    path = posixpath.normpath(path).removesuffix(".md")
    path = "" if path in ("index", ".") else path.removesuffix("/index") + "/"
    prefix = "" if language == config.default_language else f"{language}/"
    return config.site_url + prefix + path + (f"#{anchor}" if anchor else "")


def file_url(config: Config, source: str) -> str | None:
    """The public address of a file that is not a page (a download), from its path under the
    docs folder. Such files are copied once, to the same place for every language."""
    if config.site_url is None:
        return None
    return config.site_url + posixpath.normpath(source)


def generated_source(config: Config, relative: str) -> str:
    """A path inside the generated folder, as a path under the docs folder."""
    folder = config.generated.relative_to(config.docs).as_posix()
    return posixpath.normpath(f"{folder}/{relative}")
