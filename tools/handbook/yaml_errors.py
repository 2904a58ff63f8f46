"""YAML syntax errors explained in plain words, at the line where the mistake is.

libyaml reports where it gave up ("did not find expected key", "mapping values are not
allowed in this context"); a maintainer needs to know what to change. The common mistakes
(a key indented too far or not far enough, a tab, a list dash at the wrong level, an unclosed
quote or bracket) are recognised from the error and the lines around it; anything else keeps
libyaml's own words.
"""

from __future__ import annotations

import re

import yaml

Explained = tuple[int, int, str]  # 1-based line and column, message


def explain(text: str, error: yaml.MarkedYAMLError) -> Explained:
    """Line, column and message for a YAML syntax error in ``text``."""
    lines = text.split("\n")
    for explainer in (_tab, _unclosed, _over_indented, _misplaced):
        found = explainer(lines, error)
        if found:
            return found
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    what = " ".join(str(part) for part in (error.context, error.problem) if part)
    return line, column, f"YAML syntax: {what}; fix the YAML here"


def _line(lines: list[str], index: int) -> str:
    return lines[index] if 0 <= index < len(lines) else ""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _key_column(line: str) -> int:
    """Where the line's key starts: after the indentation and any list dashes."""
    column = _indent(line)
    while line[column: column + 2] == "- ":
        column += 2
        column += len(line[column:]) - len(line[column:].lstrip(" "))
    return column


def _spaces(count: int) -> str:
    return {0: "no spaces", 1: "1 space"}.get(count, f"{count} spaces")


def _content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _key(line: str) -> str:
    """How a line starts, for quoting in a message: `en:` or `- id:`."""
    stripped = line.strip()
    head = stripped.split(":", 1)[0] + ":" if ":" in stripped else stripped
    return head if len(head) <= 40 else head[:37] + "…"


def _tab(lines: list[str], error: yaml.MarkedYAMLError) -> Explained | None:
    mark = error.problem_mark
    if mark is None:
        return None
    line = _line(lines, mark.line)
    leading = line[: len(line) - len(line.lstrip(" \t"))]
    if "\t" not in leading and _line(lines, mark.line)[mark.column: mark.column + 1] != "\t":
        return None
    column = (leading.index("\t") if "\t" in leading else mark.column) + 1
    return (mark.line + 1, column,
            "YAML syntax: a tab character; YAML indents with spaces only, so replace the tab "
            "with spaces (as many as the lines around it use)")


def _unclosed(lines: list[str], error: yaml.MarkedYAMLError) -> Explained | None:
    context, mark = error.context or "", error.context_mark
    if mark is None:
        return None
    where = f"line {mark.line + 1}, column {mark.column + 1}"
    if "quoted scalar" in context:
        quote = _line(lines, mark.line)[mark.column: mark.column + 1] or '"'
        return (mark.line + 1, mark.column + 1,
                f"YAML syntax: the quote {quote} opened at {where} is never closed; add the "
                f"closing {quote} at the end of the text (inside the text, write "
                f"{_escaped(quote)} for a {quote})")
    if "flow" not in context + (error.problem or ""):
        return None
    opened = _unclosed_bracket(lines, (error.problem_mark or mark).line)
    if opened is None:
        return None
    line, column = opened
    opening = lines[line][column]
    closing = {"[": "]", "{": "}"}[opening]
    return (line + 1, column + 1,
            f"YAML syntax: the `{opening}` opened at line {line + 1}, column {column + 1} is "
            f"not closed; close it with `{closing}`, or if the text starts with `{opening}`, "
            "put the whole value in quotes")


def _unclosed_bracket(lines: list[str], last: int) -> tuple[int, int] | None:
    """The `[` or `{` starting a value, on or before line ``last``, that is never closed."""
    open_at: list[tuple[int, int]] = []
    quote = ""
    for number in range(min(last + 1, len(lines))):
        line = lines[number]
        start = 0
        if not open_at:  # outside brackets, only a value's first character can open one
            value = re.match(r"\s*(?:-\s+)*(?:[^\s#'\"\[{][^:#]*:\s+)?", line)
            start = value.end() if value else 0
            if line[start: start + 1] not in ("[", "{"):
                continue
        for column in range(start, len(line)):
            char = line[column]
            if quote:
                quote = "" if char == quote else quote
            elif char in "'\"":
                quote = char
            elif char == "#" and (column == 0 or line[column - 1] == " "):
                break
            elif char in "[{":
                open_at.append((number, column))
            elif char in "]}" and open_at:
                open_at.pop()
    return open_at[0] if open_at else None


def _escaped(quote: str) -> str:
    return "''" if quote == "'" else '\\"'


def _over_indented(lines: list[str], error: yaml.MarkedYAMLError) -> Explained | None:
    mark = error.problem_mark
    if mark is None or "mapping values are not allowed" not in (error.problem or ""):
        return None
    line = _line(lines, mark.line)
    above = next((i for i in range(mark.line - 1, -1, -1) if _content(lines[i])), None)
    if above is None or _indent(line) <= _indent(lines[above]) or ":" not in lines[above]:
        # A second `: ` on the line of its key: the value needs quotes.
        key = _key(line)
        return (mark.line + 1, mark.column + 1,
                f"YAML syntax: a second `: ` in the value of `{key}`; put the whole value in "
                f"quotes, e.g. {key} \"…: …\"")
    return (mark.line + 1, _indent(line) + 1,
            f"YAML syntax: `{_key(line)}` is indented more than `{_key(lines[above])}` on "
            f"line {above + 1}, so it reads as part of that value; indent it with "
            f"{_spaces(_key_column(lines[above]))}, like the keys beside it")


def _misplaced(lines: list[str], error: yaml.MarkedYAMLError) -> Explained | None:
    """A key indented less than its neighbours, or a list dash at the wrong level."""
    mark = error.problem_mark
    if mark is None or not (error.problem or "").startswith("did not find expected"):
        return None
    line = _line(lines, mark.line)
    indent = _indent(line)
    earlier = [i for i in range(mark.line - 1, -1, -1) if _content(lines[i])]
    if line.lstrip().startswith("-"):
        item = next((i for i in earlier if lines[i].lstrip().startswith("-")), None)
        if item is None:
            return (mark.line + 1, indent + 1,
                    "YAML syntax: a list item (`- `) where a key was expected; a list must be "
                    "the value of a key: write `key:` on a line of its own and the items "
                    "indented below it")
        return (mark.line + 1, indent + 1,
                f"YAML syntax: the list item `{_key(line)}` is indented with {_spaces(indent)} "
                f"but the item on line {item + 1} with {_spaces(_indent(lines[item]))}; items "
                "of one list start with `-` at the same indentation")
    sibling = next((i for i in earlier if _key_column(lines[i]) > indent), None)
    if sibling is None:
        return None
    return (mark.line + 1, indent + 1,
            f"YAML syntax: `{_key(line)}` is indented with {_spaces(indent)}, less than "
            f"`{_key(lines[sibling])}` on line {sibling + 1} "
            f"({_spaces(_key_column(lines[sibling]))}); keys of one mapping line up: indent "
            "it like the keys beside it")
