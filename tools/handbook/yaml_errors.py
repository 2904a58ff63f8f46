"""YAML syntax errors explained in plain words, at the line where the mistake is."""

from __future__ import annotations

import yaml


def explain(text: str, error: yaml.MarkedYAMLError) -> tuple[int, int, str]:
    """1-based line, column and a message for a YAML syntax error in ``text``."""
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = " ".join(str(part) for part in (error.context, error.problem) if part)
    return line, column, f"YAML syntax: {what}; fix the YAML here"
