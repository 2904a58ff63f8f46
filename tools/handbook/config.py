"""Project configuration, read from ``[tool.handbook]`` in pyproject.toml."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .problems import Problem, register

BROKEN = register("CUR092", "`pyproject.toml` is valid TOML with a `[tool.handbook]` table that "
                  "has every required key.")


class ConfigError(ValueError):
    """pyproject.toml cannot be read: reported as file:line CUR092, never as a traceback."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


@dataclass(frozen=True)
class Lms:
    """The course as learning platforms know it (`handbook export olx|scorm|moodle`)."""

    org: str = "Wikimedia"  # Open edX's organisation code
    course: str = "handbook"  # course code: the archives' and question banks' name
    run: str = "1"  # one course run per language: `<run>-<language>`
    start: str = "2025-01-01"  # a WikiLearn course run's start and end (ISO dates)
    end: str = "2030-12-31"
    mastery_score: int = 80  # percent of a module's quiz that passes it (SCORM, Open edX)
    # olxcleaner warning name → why the course may carry it (the tests ignore only these).
    olx_ignore: dict[str, str] = field(default_factory=dict)


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
    lms: Lms = field(default_factory=Lms)

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
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except tomllib.TOMLDecodeError as error:
        where = re.search(r"\(at line (\d+), column (\d+)\)$", str(error))
        line, column = (int(where[1]), int(where[2])) if where else (1, 1)
        what = re.sub(r" \(at .*\)$", "", str(error))
        raise ConfigError(Problem(path, line, column, BROKEN.code,
                                  f"TOML syntax: {what}; fix it here")) from None
    except (OSError, UnicodeDecodeError, RuntimeError) as error:
        message = f"cannot read the file ({error}); save it as UTF-8 text"
        raise ConfigError(Problem(path, 1, 1, BROKEN.code, message)) from None


def load_config(root: Path | None = None) -> Config:
    root = find_root(root or Path.cwd())
    path = root / "pyproject.toml"
    table = _read(path)["tool"]["handbook"]
    try:
        return _config(root, table)
    except (KeyError, TypeError, ValueError) as error:
        text = path.read_text("utf-8")
        line = text[: max(text.find("[tool.handbook]"), 0)].count("\n") + 1
        missing = f"the key {error} is missing" if isinstance(error, KeyError) else str(error)
        raise ConfigError(Problem(path, line, 1, BROKEN.code,
                                  f"[tool.handbook]: {missing}; see the README")) from None


def _config(root: Path, table: dict) -> Config:
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
        lms=_lms(table.get("lms", {})),
    )


def _lms(table: dict) -> Lms:
    known = {key: table[key] for key in ("org", "course", "run", "start", "end") if key in table}
    score = int(table.get("mastery_score", Lms.mastery_score))
    if not 0 <= score <= 100:
        raise KeyError(f"[tool.handbook.lms] mastery_score must be 0 to 100, not {score}")
    return Lms(**{k: str(v) for k, v in known.items()}, mastery_score=score,
               olx_ignore=dict(table.get("olx-ignore", {})))


def _address(url: str | None) -> str | None:
    if not url:
        return None
    if not url.startswith(("https://", "http://")):
        raise ValueError(f"site_url must start with https://, not {url!r}")
    return url.rstrip("/") + "/"

