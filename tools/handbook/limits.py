"""Input limits: how big, long, deep and expanded a curriculum file may be, in one place.

Every limit is far above what real files need (measured on the handbook, December 2026) and
low enough that `handbook validate` answers in a few seconds on any input: a file that
passes a limit is reported (file:line, rule code) and not read further.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from .problems import Problem, Severity, register

# The largest file (the translation record, which grows with every module) is 110 KB and
# builds 10,000 values; 2 MB and 200,000 values leave room for twenty times the curriculum
# and still read in about a second.
MAX_FILE_BYTES = 2_000_000
# The longest real line is 1,500 characters (a paragraph on one line); 10,000 is a long
# page of prose on one line. A 50 MB line made validation take half a minute.
MAX_LINE_CHARS = 10_000
# Real files nest 8 deep (module → sessions → segments → text → language); 40 leaves room
# for any sensible structure and keeps the recursive readers far from Python's stack limit.
MAX_DEPTH = 40
# Values built per file, aliases (`*name`) and merge keys (`<<`) counted each time they are
# used: an alias "bomb" of a few lines builds billions.
MAX_VALUES = 200_000
# A segment, a session or a programme day cannot last longer than a day.
MAX_MINUTES = 24 * 60

TOO_LARGE = register("CUR007", f"A curriculum file is at most {MAX_FILE_BYTES // 10**6} MB.")
LINE_TOO_LONG = register("CUR008", f"A line is at most {MAX_LINE_CHARS:,} characters long.")
TOO_DEEP = register("CUR009", f"Lists and mappings nest at most {MAX_DEPTH} deep.")
TOO_MANY_VALUES = register("CUR093", f"A file builds at most {MAX_VALUES:,} values, aliases and "
                           "merge keys counted each time they are used.")
TAG = register("CUR094", "No YAML tags such as `!!python/object` or `!note`: plain values only.")
BAD_LINK = register("CUR095", "A curriculum file is not a symbolic link that loops or leads "
                    "outside the repository.")
EDITOR_FILE = register("CUR096", "An editor's lock, backup, swap or autosave file is skipped.",
                       Severity.WARNING)

# Editors' and operating systems' side files next to a curriculum file: Emacs' lock
# `.#x.yml` and autosave `#x.yml#`, backups `x.yml~`, Vim's swap `.x.yml.swp`, macOS' `._x.yml`.
EDITOR_NAME = re.compile(r"\.#.*|#.*#|.*~|\..*\.sw[a-p]|\._.*")


def too_deep() -> str:
    return f"lists and mappings nest more than {MAX_DEPTH} deep here; flatten the structure"


def is_editor_file(name: str) -> bool:
    return EDITOR_NAME.fullmatch(name) is not None


def real(path: Path) -> Path:
    """The path with links resolved; a link loop stays as it is (pathlib raises on loops)."""
    return Path(os.path.realpath(path))


def link_problem(path: Path, root: Path) -> Problem | None:
    """A symbolic link that loops, or leads outside ``root``, as a Problem."""
    if not path.is_symlink() and not any(p.is_symlink() for p in path.parents):
        return None
    try:
        target = path.resolve(strict=True)
    except RuntimeError:
        return Problem(path, 1, 1, BAD_LINK.code, "a symbolic link that loops back to itself; "
                       "replace it with the file it should point to")
    except OSError:
        return None  # a dangling link: reading it reports that
    if not target.is_relative_to(real(root)):
        return Problem(path, 1, 1, BAD_LINK.code, f"a symbolic link to {target}, outside the "
                       "repository; copy the file into the repository instead")
    return None


def size_problem(path: Path, size: int) -> Problem | None:
    if size <= MAX_FILE_BYTES:
        return None
    return Problem(path, 1, 1, TOO_LARGE.code, f"the file has {size:,} bytes, more than "
                   f"{MAX_FILE_BYTES:,}; split it into several files")


def text_problem(path: Path, data: bytes) -> Problem | None:
    """Line length, encoding and NUL bytes, each at its line."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _where(data, error.start)
        bad = sum(1 for row in data.split(b"\n") if not _utf8(row))
        more = f" ({bad - 1} more line(s) too)" if bad > 1 else ""
        return Problem(path, line, column, "CUR002",
                       f"byte 0x{data[error.start]:02X} is not UTF-8{more}; the file was saved "
                       "in another encoding (such as Windows-1251): save it as UTF-8")
    if "\x00" in text:
        line, column = _where(data, data.index(b"\x00"))
        return Problem(path, line, column, "CUR002",
                       "binary data (NUL byte); expected YAML text")
    for number, row in enumerate(text.split("\n"), start=1):
        if len(row) > MAX_LINE_CHARS:
            return Problem(path, number, MAX_LINE_CHARS + 1, LINE_TOO_LONG.code,
                           f"the line has {len(row):,} characters, more than "
                           f"{MAX_LINE_CHARS:,}; break it (in a `|` or `>` block, prose can "
                           "span many lines)")
    return None


def _utf8(row: bytes) -> bool:
    try:
        row.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _where(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in characters) of a byte offset."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", "replace")) + 1
    return data.count(b"\n", 0, offset) + 1, column
