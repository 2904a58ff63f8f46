"""Interface strings for generated pages and exports, one file per language
(tools/handbook/locales/<catalogue><language>.yml; the kit's catalogue is "kit.")."""

from __future__ import annotations

from functools import cache
from importlib import resources

from ruamel.yaml import YAML


@cache
def strings(language: str, fallback: str | None = None, catalogue: str = "") -> dict[str, str]:
    """A language added by configuration alone has no locale file yet: its pages use the
    ``fallback`` language's strings (the source language) until someone writes one."""
    file = resources.files("handbook").joinpath("locales", f"{catalogue}{language}.yml")
    own = dict(YAML(typ="safe").load(file.read_text("utf-8"))) if file.is_file() else {}
    if fallback is None or fallback == language:
        return own
    return {**strings(fallback, None, catalogue), **own}
