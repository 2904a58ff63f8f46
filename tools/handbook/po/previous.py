"""The source text a translation was confirmed against, for `#| msgid` on fuzzy entries.

The translation record keeps only a hash of each confirmed text, so the text itself is looked
up where it may still exist, and accepted only if its hash is the recorded one:
1. the previous export (template.pot, or a fuzzy entry's `#| msgid` in a PO file), which is
   what `msgmerge --previous` would use;
2. the file's git history (newest first, up to ``DEPTH`` commits).
If neither has it, the entry is still fuzzy, only without the previous text.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import polib
from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from .. import record
from ..document import Loc

DEPTH = 50


def from_po(files: list[Path]) -> dict[str, list[str]]:
    """msgctxt → source texts found in an earlier export's files."""
    found: dict[str, list[str]] = {}
    for file in files:
        if not file.is_file():
            continue
        try:
            catalogue = polib.pofile(str(file))
        except (OSError, ValueError):
            continue  # a broken old file is simply no help
        for entry in catalogue:
            texts = [entry.msgid, entry.previous_msgid or ""]
            found.setdefault(entry.msgctxt or "", []).extend(t for t in texts if t)
    return found


def from_git(path: Path, loc: Loc, wanted: str) -> str | None:
    """The text at ``loc`` in the newest committed version of ``path`` that hashes to
    ``wanted``, or None (no git, not committed, or not found)."""
    for version in _versions(path.resolve()):
        value = _at(version, loc)
        if isinstance(value, str) and record.digest(value) == wanted:
            return value
    return None


def find(wanted: str, candidates: list[str]) -> str | None:
    return next((text for text in candidates if record.digest(text) == wanted), None)


def _versions(path: Path) -> Iterator[object]:
    for commit in _commits(path):
        yield _parsed(path, commit)


@cache
def _commits(path: Path) -> tuple[str, ...]:
    try:
        result = subprocess.run(
            ["git", "log", f"-n{DEPTH}", "--format=%H", "--", path.name],
            cwd=path.parent, capture_output=True, text=True, check=False)
    except OSError:
        return ()
    return tuple(result.stdout.split()) if result.returncode == 0 else ()


@cache
def _parsed(path: Path, commit: str) -> object:
    result = subprocess.run(["git", "show", f"{commit}:./{path.name}"], cwd=path.parent,
                            capture_output=True, check=False)
    if result.returncode:
        return None
    try:
        return YAML(typ="safe").load(result.stdout.decode("utf-8"))
    except (YAMLError, UnicodeDecodeError, ValueError):
        return None


def _at(tree: object, loc: Loc) -> object:
    for step in loc:
        in_map = isinstance(tree, dict) and step in tree
        in_list = isinstance(tree, list) and isinstance(step, int) and 0 <= step < len(tree)
        if not (in_map or in_list):
            return None
        tree = tree[step]  # type: ignore[index]
    return tree
