"""Problems found in curriculum files, and the registry of rules that find them."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    summary: str


RULES: dict[str, Rule] = {}


def register(code: str, summary: str, severity: Severity = Severity.ERROR) -> Rule:
    if code in RULES:
        raise ValueError(f"rule code {code} registered twice")
    RULES[code] = rule = Rule(code, severity, summary)
    return rule


@dataclass(frozen=True, order=True)
class Problem:
    """One finding. ``loc`` is the path inside the YAML document (keys and indexes);
    the line and column are looked up from the parsed file when reported."""

    file: Path
    line: int
    column: int
    code: str
    message: str
    loc: tuple[str | int, ...] = field(default=(), compare=False)
    # Set by the project's rule tuning (`[tool.handbook.rules]`); None: the rule's default.
    level: Severity | None = field(default=None, compare=False)

    @property
    def severity(self) -> Severity:
        return self.level or RULES[self.code].severity
