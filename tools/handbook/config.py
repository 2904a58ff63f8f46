"""Project configuration, read from ``[tool.handbook]`` in pyproject.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Config:
    root: Path
    languages: tuple[str, ...]
    curriculum: Path
    exercises: Path
    docs: Path  # MkDocs' docs_dir
    generated: Path
    alphabets: dict[str, str]
    # The published address (ends in /): the one setting behind every absolute link to the
    # handbook (MkDocs' site_url, links in the PDFs and calendars). None: not published.
    site_url: str | None = None

    @property
    def default_language(self) -> str:
        return self.languages[0]


def find_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` holding a pyproject.toml with our table."""
    for folder in (start.resolve(), *start.resolve().parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file() and "tool" in (data := _read(candidate)) and (
            "handbook" in data["tool"]
        ):
            return folder
    raise FileNotFoundError(f"no pyproject.toml with [tool.handbook] at or above {start}")


def _read(path: Path) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def load_config(root: Path | None = None) -> Config:
    root = find_root(root or Path.cwd())
    table = _read(root / "pyproject.toml")["tool"]["handbook"]
    return Config(
        root=root,
        languages=tuple(table["languages"]),
        curriculum=root / table["curriculum"],
        exercises=root / table["exercises"],
        docs=root / table["docs"],
        generated=root / table["generated"],
        alphabets=dict(table.get("alphabets", {})),
        site_url=_address(table.get("site_url")),
    )


def _address(url: str | None) -> str | None:
    if not url:
        return None
    if not url.startswith(("https://", "http://")):
        raise KeyError(f"[tool.handbook] site_url must start with https://, not {url!r}")
    return url.rstrip("/") + "/"

