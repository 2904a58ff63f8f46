"""Rule tuning, as in ruff and yamllint: per-rule severity or `ignore` and per-file ignores
from `[tool.handbook]`, and inline suppressions in the YAML files themselves:

    tg: Add a link  # handbook: ignore CUR052

A suppression at the end of a line silences those rules for the text on that line; on a
line of its own it applies to the next line. A suppression that silences nothing is itself
reported (CUR090), so stale ones do not pile up.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from fnmatch import fnmatch
from pathlib import Path

from .config import Config
from .document import Document
from .limits import real
from .problems import RULES, Problem, Severity, register
from .suggest import did_you_mean

UNUSED = register("CUR090", "An inline `# handbook: ignore CODE` silences a problem that is "
                  "there, with a known rule code.", Severity.WARNING)
BAD_TUNING = register("CUR091", "`[tool.handbook.rules]` and `per-file-ignores` name known rule "
                      "codes and the levels error, warning or ignore.")

SUPPRESSION = re.compile(r"#\s*handbook:\s*ignore\b(?P<codes>[^#\n]*)")
CODE = re.compile(r"[A-Z]+\d+")
LEVELS = ("error", "warning", "ignore")


@dataclass
class Suppression:
    file: Path
    line: int  # where the comment is
    column: int
    applies_to: int  # the line whose text it silences
    codes: list[str]
    used: set[str] = field(default_factory=set)


def suppressions(path: Path) -> list[Suppression]:
    """Every `# handbook: ignore` comment in a file."""
    try:
        lines = path.read_text("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    found = []
    for number, line in enumerate(lines, start=1):
        match = SUPPRESSION.search(line)
        if not match:
            continue
        own_line = not line[: match.start()].strip()
        target = number
        if own_line:  # the next line that is not a comment or blank
            target = next((n for n in range(number + 1, len(lines) + 1)
                           if lines[n - 1].strip() and not lines[n - 1].lstrip().startswith("#")),
                          number)
        found.append(Suppression(path, number, match.start() + 1, target,
                                 CODE.findall(match.group("codes"))))
    return found


def _config_problems(config: Config) -> list[Problem]:
    pyproject = config.root / "pyproject.toml"
    text = pyproject.read_text("utf-8") if pyproject.exists() else ""

    def at(needle: str, message: str) -> Problem:
        index = text.find(needle)
        line = text[:index].count("\n") + 1 if index >= 0 else 1
        return Problem(pyproject, line, 1, BAD_TUNING.code, message)

    problems = []
    for code, level in config.rules.items():
        if code not in RULES:
            problems.append(at(code, f"[tool.handbook.rules]: unknown rule `{code}`; "
                               f"{did_you_mean(code, RULES, 'rules')}"))
        elif level not in LEVELS:
            problems.append(at(code, f"[tool.handbook.rules]: `{code} = {level!r}`; use one of "
                               f"{', '.join(LEVELS)}"))
    for pattern, codes in config.per_file_ignores.items():
        for code in codes:
            if code not in RULES:
                problems.append(at(pattern, f"per-file-ignores `{pattern}`: unknown rule "
                                   f"`{code}`; {did_you_mean(code, RULES, 'rules')}"))
    return problems


def _relative(path: Path, root: Path) -> str:
    try:
        return real(path).relative_to(real(root)).as_posix()
    except ValueError:
        return path.as_posix()


def tune(problems: Iterable[Problem], config: Config,
         documents: dict[Path, Document]) -> list[Problem]:
    """Apply the project's tuning and the files' suppressions to ``problems``."""
    problems = list(problems)
    ignored = {code for code, level in config.rules.items() if level == "ignore"}

    def file_ignores(path: Path) -> set[str]:
        relative = _relative(path, config.root)
        return {code for pattern, codes in config.per_file_ignores.items()
                if fnmatch(relative, pattern) for code in codes}

    files = {p.file for p in problems} | set(documents)
    by_file = {path: suppressions(path) for path in files}
    kept = []
    for problem in problems:
        if problem.code in ignored or problem.code in file_ignores(problem.file):
            continue
        document = documents.get(problem.file)
        lines = {problem.line}
        if document is not None and problem.loc:
            lines.add(document.position(problem.loc)[0])
        silenced = False
        for suppression in by_file.get(problem.file, []):
            if suppression.applies_to in lines and problem.code in suppression.codes:
                suppression.used.add(problem.code)
                silenced = True
        if silenced:
            continue
        level = config.rules.get(problem.code)
        kept.append(replace(problem, level=Severity(level)) if level in ("error", "warning")
                    else problem)
    for path, found in by_file.items():
        moot = ignored | file_ignores(path)
        for suppression in found:
            if not suppression.codes:
                kept.append(Problem(path, suppression.line, suppression.column, UNUSED.code,
                                    "`# handbook: ignore` names no rule; add the code, e.g. "
                                    "`# handbook: ignore CUR052`, or remove the comment"))
            for code in suppression.codes:
                if code not in RULES:
                    kept.append(Problem(
                        path, suppression.line, suppression.column, UNUSED.code,
                        f"unknown rule `{code}` in `# handbook: ignore`; "
                        f"{did_you_mean(code, RULES, 'rules')}"))
                elif code not in suppression.used and code not in moot:
                    kept.append(Problem(
                        path, suppression.line, suppression.column, UNUSED.code,
                        f"`# handbook: ignore {code}` silences nothing on line "
                        f"{suppression.applies_to}; remove it"))
    level = config.rules.get(UNUSED.code)
    if level == "ignore":
        kept = [p for p in kept if p.code != UNUSED.code]
    elif level in ("error", "warning"):
        kept = [replace(p, level=Severity(level)) if p.code == UNUSED.code else p for p in kept]
    return kept + _config_problems(config)

