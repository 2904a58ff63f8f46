"""Where the handbook is published, for absolute links from other sites' pages."""

from __future__ import annotations

from dataclasses import dataclass

from ..address import page_url
from ..config import Config


@dataclass(frozen=True)
class Publication:
    config: Config

    def page_url(self, language: str, page: str) -> str:
        """A page's public address, from its Markdown path under the docs folder; empty
        while `site_url` is not set (exports then name pages without linking them)."""
        return page_url(self.config, language, page) or ""


def link(url: str, title: str) -> str:
    """An external wiki link, or the bare title when there is no address to link."""
    return f"[{url} {title}]" if url else title
