"""Project configuration, read from ``[tool.handbook]`` in pyproject.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
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
    exports: Path  # where `handbook export` writes (wikitext, Dashboard YAML)
    dashboard_id_base: int  # our Dashboard module ids are this plus the module's order
    # Each language's script ("Cyrillic", "Latin"), where not that of its alphabet.
    scripts: dict[str, str] = field(default_factory=dict)
    # Rule tuning, as in ruff: code → "error" | "warning" | "ignore".
    rules: dict[str, str] = field(default_factory=dict)
    # File pattern (glob, relative to the root) → codes ignored in matching files.
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    # Gettext PO files for translators (`handbook po`), and the language their msgid is in.
    translations: Path = Path("translations")
    source_language: str = "en"
    # The published address (ends in /): the one setting behind every absolute link to the
    # handbook (MkDocs' site_url, links in the PDFs and calendars). None: not published.
    site_url: str | None = None
    # The group's trainer-pathway record (trainers.yml); absent: no record yet.
    trainers: Path | None = None
    # Personal files (certificates): never inside the docs, the site or its zip.
    certificates: Path | None = None
    # One YAML file per event held with the curriculum (`handbook event`).
    events: Path = Path("events")

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
    dashboard = table.get("dashboard", {})
    return Config(
        root=root,
        languages=tuple(table["languages"]),
        curriculum=root / table["curriculum"],
        exercises=root / table["exercises"],
        docs=root / table["docs"],
        generated=root / table["generated"],
        alphabets=dict(table.get("alphabets", {})),
        exports=root / table.get("exports", "build/exports"),
        dashboard_id_base=int(dashboard.get("id_base", 1000)),
        scripts=dict(table.get("scripts", {})),
        rules=dict(table.get("rules", {})),
        per_file_ignores={pattern: list(codes) for pattern, codes
                          in table.get("per-file-ignores", {}).items()},
        translations=root / table.get("translations", "translations"),
        source_language=table.get("source_language", "en"),
        site_url=_address(table.get("site_url")),
        trainers=root / table.get("trainers", "trainers.yml"),
        certificates=root / table.get("certificates", "build/certificates"),
        events=root / table.get("events", "events"),
    )


def _address(url: str | None) -> str | None:
    if not url:
        return None
    if not url.startswith(("https://", "http://")):
        raise KeyError(f"[tool.handbook] site_url must start with https://, not {url!r}")
    return url.rstrip("/") + "/"

