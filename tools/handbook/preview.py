"""`handbook serve`: the live preview. It keeps the curriculum loaded between rebuilds and
reloads it only when a curriculum file changed, so a save costs one load, the checks and a
dirty MkDocs build of the pages that changed. A curriculum with errors does not stop the
preview: the last good pages stay, and the pages say what is wrong, with file:line and code."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import BytecodeCache

from .build import generate
from .checks import run_checks
from .config import Config, load_config
from .loader import Curriculum, load, sources
from .problems import Problem, Severity

# `handbook serve` sets this for the MkDocs process it starts.
ENVIRONMENT = "HANDBOOK_PREVIEW"


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept in memory for the life of the serving process."""

    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


TEMPLATE_CACHE = MemoryBytecodeCache()


def active() -> bool:
    return os.environ.get(ENVIRONMENT) == "1"


@dataclass
class State:
    stamps: dict[Path, float] = field(default_factory=dict)
    good: Curriculum | None = None  # the last curriculum without errors: its pages are shown
    errors: list[Problem] = field(default_factory=list)


_STATE: dict[Path, State] = {}  # per handbook root; lives as long as the serving process


def _stamps(config: Config) -> dict[Path, float]:
    return {path: path.stat().st_mtime for path, _ in sources(config)}


def refresh(root: Path) -> State:
    """Reload and regenerate if any curriculum file changed since the last call."""
    config = load_config(root)
    state = _STATE.setdefault(config.root, State())
    stamps = _stamps(config)
    if stamps == state.stamps and state.good is not None:
        return state
    state.stamps = stamps
    curriculum = load(config)
    problems = run_checks(curriculum)
    state.errors = [p for p in problems if p.severity is Severity.ERROR]
    if not state.errors:
        state.good = curriculum
        generate(curriculum)
    else:
        _mark_changed(config, state, stamps)
    return state


def _mark_changed(config: Config, state: State, stamps: dict[Path, float]) -> None:
    """A dirty build renders only pages whose Markdown changed: touch the pages of the
    files with errors, so the reader looking at them sees the errors."""
    broken = {p.file.resolve().stem for p in state.errors}
    for page in config.generated.rglob("*.md"):
        if page.name.split(".")[0] in broken or page.name.startswith("index."):
            page.touch()


def banner(state: State, root: Path) -> str:
    """Markdown for the top of every rendered page while the curriculum has errors."""
    if not state.errors:
        return ""
    lines = [f'!!! failure "handbook validate: {len(state.errors)} error(s); this preview shows '
             'the last version without errors"', ""]
    for p in state.errors:
        where = f"{_relative(p.file, root)}:{p.line}:{p.column}"
        lines.append(f"    - `{where}` **{p.code}** {_escape(p.message)}")
    return "\n".join(lines) + "\n\n"


def _relative(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return str(path)


def _escape(text: str) -> str:
    return text.replace("<", "&lt;").replace("\n", " ")
