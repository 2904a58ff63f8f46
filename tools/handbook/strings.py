"""Interface strings for generated pages and exports, one file per language
(tools/handbook/locales/<language>.yml)."""

from __future__ import annotations

from functools import cache
from importlib import resources

from ruamel.yaml import YAML


@cache
def strings(language: str) -> dict[str, str]:
    text = resources.files("handbook").joinpath("locales", f"{language}.yml").read_text("utf-8")
    return dict(YAML(typ="safe").load(text))
