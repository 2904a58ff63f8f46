"""Reading one YAML file so that every value keeps its line and column."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .problems import Problem, register

SYNTAX = register("CUR001", "The file is not valid YAML.")
NOT_A_MAPPING = register("CUR002", "The file is empty, not text, or not a YAML mapping.")

Loc = tuple[str | int, ...]


@dataclass
class Document:
    path: Path
    tree: CommentedMap

    def position(self, loc: Loc) -> tuple[int, int]:
        """1-based line and column of the deepest part of ``loc`` found in the file."""
        line, column = 1, 1
        node: Any = self.tree
        for step in loc:
            if isinstance(node, CommentedMap) and step in node:
                line, column = node.lc.value(step) if _is_scalar(node[step]) else node.lc.key(step)
                line, column = line + 1, column + 1
                node = node[step]
            elif isinstance(node, CommentedSeq) and isinstance(step, int) and 0 <= step < len(node):
                line, column = (n + 1 for n in node.lc.item(step))
                node = node[step]
            else:
                break
        return line, column

    def problem(self, code: str, loc: Loc, message: str) -> Problem:
        line, column = self.position(loc)
        return Problem(self.path, line, column, code, message, loc)


def _is_scalar(value: Any) -> bool:
    return not isinstance(value, CommentedMap | CommentedSeq)


def read(path: Path) -> Document | Problem:
    """Parse ``path``; any failure becomes a Problem, never an exception."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError as error:
        return Problem(path, 1, 1, NOT_A_MAPPING.code,
                       f"not UTF-8 text (byte {error.start}); save the file as UTF-8")
    except OSError as error:
        return Problem(path, 1, 1, NOT_A_MAPPING.code, f"cannot read the file: {error.strerror}")
    if "\x00" in text:
        return Problem(path, 1, 1, NOT_A_MAPPING.code, "binary data (NUL byte); expected YAML text")
    try:
        tree = YAML(typ="rt").load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = " ".join(str(part) for part in (error.context, error.problem) if part)
        return Problem(path, line, column, SYNTAX.code, f"YAML syntax: {what}; fix the YAML here")
    except (YAMLError, RecursionError, ValueError) as error:
        return Problem(path, 1, 1, SYNTAX.code, f"YAML syntax: {error}")
    if not isinstance(tree, CommentedMap):
        found = "nothing" if tree is None else f"a {type(tree).__name__}"
        return Problem(path, 1, 1, NOT_A_MAPPING.code,
                       f"expected a mapping of keys such as `id:` at the top, found {found}")
    return Document(path, tree)

