"""Files → models. Schema violations become Problems located in the file."""

from __future__ import annotations

import difflib
import gc
import types
import typing
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from . import limits, partial, record
from .config import Config
from .document import Document, Loc, read
from .models import (
    Event,
    Exercise,
    FileModel,
    Glossary,
    Guide,
    Handout,
    Module,
    Programme,
    TrainerRecord,
)
from .problems import Problem, register
from .schema_errors import plain

UNKNOWN_KEY = register("CUR003", "A key that the format does not know (often a typo).")
MISSING_KEY = register("CUR004", "A required key or section is missing.")
BAD_VALUE = register("CUR005", "A value has the wrong type or form.")
NAME_MISMATCH = register("CUR006", "The file name must be the `id` followed by `.yml`.")


@dataclass
class Curriculum:
    config: Config
    modules: list[Module] = field(default_factory=list)
    exercises: list[Exercise] = field(default_factory=list)
    programmes: list[Programme] = field(default_factory=list)
    guides: list[Guide] = field(default_factory=list)
    glossary: Glossary | None = None
    handouts: list[Handout] = field(default_factory=list)
    trainers: TrainerRecord | None = None  # the trainer-pathway record
    events: list[Event] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # Ids (file names) of files that failed to load: references to them are not reported
    # again, since the file's own problems already are.
    unloaded: set[str] = field(default_factory=set)
    # The translation record (see record.py): file → field → language → hash.
    record: dict = field(default_factory=dict)
    # Files loaded with parts replaced after structural errors, by path (see partial.py).
    repaired: dict[Path, Document] = field(default_factory=dict)

    def files(self) -> list[FileModel]:
        """Every loaded file's model."""
        glossary = [self.glossary] if self.glossary else []
        trainers = [self.trainers] if self.trainers else []
        return [*self.modules, *self.exercises, *self.programmes, *self.guides, *glossary,
                *self.handouts, *self.events, *trainers]

    def hides(self, problem: Problem) -> bool:
        """Whether a check's problem lies in a part of a file replaced after a structural
        error there (already reported, see partial.py)."""
        document = self.repaired.get(problem.file)
        return document is not None and document.hides(problem.loc)

    def module(self, module_id: str) -> Module | None:
        return next((m for m in self.modules if m.id == module_id), None)

    def exercise(self, exercise_id: str) -> Exercise | None:
        return next((e for e in self.exercises if e.id == exercise_id), None)

    def handout(self, handout_id: str) -> Handout | None:
        return next((h for h in self.handouts if h.id == handout_id), None)

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)

    def programme(self, programme_id: str) -> Programme | None:
        return next((p for p in self.programmes if p.id == programme_id), None)


def _folders(config: Config) -> list[tuple[Path, type[FileModel]]]:
    return [(config.curriculum / "modules", Module), (config.curriculum / "programmes", Programme),
            (config.curriculum / "guides", Guide), (config.curriculum / "handouts", Handout),
            (config.exercises, Exercise), (config.events, Event)]


def _entries(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir()) if folder.is_dir() else []
    except OSError:  # a folder link that loops
        return []


def sources(config: Config) -> Iterator[tuple[Path, type[FileModel]]]:
    """Every curriculum file with the model it must match, in a stable order; not editors'
    side files nor links that loop or leave the repository (see ``skipped``)."""
    for folder, kind in _folders(config):
        for path in _entries(folder):
            if (path.suffix == ".yml" and not limits.is_editor_file(path.name)
                    and limits.link_problem(path, config.root) is None):
                yield path, kind
    glossary = config.curriculum / "glossary.yml"
    if glossary.exists() and limits.link_problem(glossary, config.root) is None:
        yield glossary, Glossary
    if config.trainers and config.trainers.exists():
        yield config.trainers, TrainerRecord


def skipped(config: Config) -> Iterator[Problem]:
    """The files ``sources`` leaves out, each with why: editors' lock, backup and swap
    files (a note), links that loop or lead outside the repository (an error)."""
    for folder, _ in _folders(config):
        for path in _entries(folder):
            if ".yml" in path.name and limits.is_editor_file(path.name):
                yield Problem(path, 1, 1, limits.EDITOR_FILE.code,
                              "an editor's lock, backup or swap file, skipped; it goes away "
                              "when the editor closes the file (or delete it)")
            elif path.suffix == ".yml" and (found := limits.link_problem(path, config.root)):
                yield found
    glossary = config.curriculum / "glossary.yml"
    if found := limits.link_problem(glossary, config.root):
        yield found


def load_file(path: Path, kind: type[FileModel]) -> tuple[FileModel | None, list[Problem]]:
    document = read(path)
    if isinstance(document, Problem):
        return None, [document]
    problems = []
    try:
        model = kind.model_validate(document.tree)
    except ValidationError as error:
        problems = [_to_problem(document, kind, e) for e in error.errors()]
        # Check what can be read of the rest of the file too (every problem at once).
        repaired = partial.repair(document, kind, error.errors())
        if repaired is None:
            return None, problems
        model = typing.cast(FileModel, repaired)
    model._document = document
    if model.id != path.stem and not document.hides(("id",)):
        problems.append(document.problem(
            NAME_MISMATCH.code, ("id",),
            f"id `{model.id}` does not match the file name; rename the file to {model.id}.yml "
            "or change the id"))
    return model, problems


@contextmanager
def without_cycle_collector() -> Iterator[None]:
    """Loading and checking make many long-lived objects and hardly any garbage cycles, so
    Python's cycle collector mostly re-scans them, again and again as they grow: over half of
    the loading time at 27 files, three quarters at 2,000. Reference counting still frees
    everything; cycles, if any, are collected once it is back on."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load(config: Config) -> Curriculum:
    """Load every curriculum file, collecting problems instead of stopping."""
    with without_cycle_collector():
        return _load(config)


def _load(config: Config) -> Curriculum:
    curriculum = Curriculum(config)
    curriculum.problems.extend(skipped(config))
    for path, kind in sources(config):
        model, problems = load_file(path, kind)
        curriculum.problems.extend(problems)
        if model is None:
            curriculum.unloaded.add(path.stem)
        elif model.document.broken:
            curriculum.repaired[path] = model.document
        match model:
            case Module():
                curriculum.modules.append(model)
            case Exercise():
                curriculum.exercises.append(model)
            case Programme():
                curriculum.programmes.append(model)
            case Guide():
                curriculum.guides.append(model)
            case Glossary():
                curriculum.glossary = model
            case Handout():
                curriculum.handouts.append(model)
            case TrainerRecord():
                curriculum.trainers = model
            case Event():
                curriculum.events.append(model)
    curriculum.record = _read_record(config, curriculum.problems)
    curriculum.modules.sort(key=lambda m: (m.order, m.id))
    curriculum.guides.sort(key=lambda g: (g.order, g.id))
    return curriculum


def _read_record(config: Config, problems: list[Problem]) -> dict:
    file = record.path(config)
    if not file.exists():
        return {}
    document = read(file)
    if isinstance(document, Problem):
        problems.append(document)
        return {}
    return document.tree


def _to_problem(document: Document, kind: type[BaseModel], error: Any) -> Problem:
    loc: Loc = tuple(error["loc"])
    where = ".".join(str(part) for part in loc) or "top level"
    if error["type"] == "extra_forbidden":
        allowed = _fields_at(kind, loc[:-1])
        hint = difflib.get_close_matches(str(loc[-1]), allowed, n=1)
        fix = f"did you mean `{hint[0]}`?" if hint else f"allowed here: {', '.join(allowed)}"
        parent = ".".join(str(part) for part in loc[:-1])
        place = f"in `{parent}`" if parent else "at the top level"
        return document.problem(UNKNOWN_KEY.code, loc, f"unknown key `{loc[-1]}` {place}; {fix}")
    if error["type"] == "missing":
        return document.problem(MISSING_KEY.code, loc, f"missing required key `{where}`; add it")
    got = error.get("input")
    shown = "" if isinstance(got, dict | list) else f" (found {got!r})"
    return document.problem(BAD_VALUE.code, loc, f"{where}: {plain(error)}{shown}")


def _fields_at(kind: Any, loc: Loc) -> list[str]:
    """Field names of the model reached by following ``loc`` through the annotations."""
    for step in loc:
        kind = _unwrap(kind)
        if isinstance(step, int):
            args = typing.get_args(kind)
            kind = args[0] if args else kind
        elif isinstance(kind, type) and issubclass(kind, BaseModel) and step in kind.model_fields:
            kind = kind.model_fields[step].annotation
        else:
            return []
    kind = _unwrap(kind)
    if isinstance(kind, type) and issubclass(kind, BaseModel):
        return list(kind.model_fields)
    return []


def _unwrap(kind: Any) -> Any:
    """Strip Annotated[...] and `X | None` down to the type that holds fields."""
    while True:
        if typing.get_origin(kind) is typing.Annotated:
            kind = typing.get_args(kind)[0]
        elif isinstance(kind, types.UnionType) or typing.get_origin(kind) is typing.Union:
            kind = next(a for a in typing.get_args(kind) if a is not type(None))
        else:
            return kind
