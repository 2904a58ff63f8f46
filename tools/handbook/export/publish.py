"""Where the handbook is published, for absolute links from other sites' pages."""

from __future__ import annotations

from dataclasses import dataclass

from ..config import Config


@dataclass(frozen=True)
class Publication:
    public_url: str  # ends with "/"
    default_language: str
    id_base: int  # the Dashboard's integer ids for our modules start after this

    @classmethod
    def of(cls, config: Config) -> Publication:
        return cls(config.public_url, config.default_language, config.dashboard_id_base)

    def page_url(self, language: str, path: str) -> str:
        """The default language lives at the site root, every other under /<language>/."""
        prefix = "" if language == self.default_language else f"{language}/"
        return f"{self.public_url}{prefix}{path}"
