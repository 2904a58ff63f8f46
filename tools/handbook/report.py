"""Printing problems for people and for machines."""

from __future__ import annotations

import json
from collections.abc import Sequence
from enum import StrEnum
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from .limits import real
from .problems import Problem, Severity


class Format(StrEnum):
    TEXT = "text"
    JSON = "json"
    GITHUB = "github"


def _relative(path: Path, root: Path) -> str:
    # The link's own place first: a link leading outside the repository is reported there.
    for candidate in (path.absolute(), real(path)):
        if candidate.is_relative_to(root):
            return str(candidate.relative_to(root))
    return str(path)


def render(problems: Sequence[Problem], fmt: Format, root: Path, console: Console) -> None:
    if fmt is Format.JSON:
        rows = [{"file": _relative(p.file, root), "line": p.line, "column": p.column,
                 "code": p.code, "severity": str(p.severity), "message": p.message}
                for p in problems]
        console.print_json(json.dumps(rows, ensure_ascii=False))
        return
    for p in problems:
        where = f"{_relative(p.file, root)}:{p.line}:{p.column}"
        if fmt is Format.GITHUB:
            kind = "error" if p.severity is Severity.ERROR else "warning"
            message = p.message.replace("%", "%25").replace("\n", "%0A")
            console.print(f"::{kind} file={_relative(p.file, root)},line={p.line},"
                          f"col={p.column},title={p.code}::{message}",
                          markup=False, highlight=False, soft_wrap=True)
        else:
            style = "red" if p.severity is Severity.ERROR else "yellow"
            console.print(f"[bold]{escape(where)}[/] [{style}]{p.code}[/] {escape(p.message)}",
                          highlight=False, soft_wrap=True)
    if fmt is Format.TEXT:
        errors = sum(p.severity is Severity.ERROR for p in problems)
        warnings = len(problems) - errors
        summary = (f"{errors} error(s), {warnings} warning(s)" if problems
                   else "no problems found")
        console.print(summary, highlight=False)
