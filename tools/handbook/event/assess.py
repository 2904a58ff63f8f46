"""`handbook event assess`: the before/after self-assessments collected at an event (the
offline page's lines, or a spreadsheet typed from the printed forms) into the event's
`assessments`, as aggregates per module objective: answers, mean before, mean after. Fewer
than 5 answers: nothing written for that objective. No answer itself is ever written, and
either every file reads cleanly and the event file is written, or nothing is."""

from __future__ import annotations

import csv
import datetime
from dataclasses import dataclass, field
from pathlib import Path

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..assessment import MINIMUM
from ..loader import Curriculum
from ..models import Event
from ..po.yamlwrite import dump, faithful
from .importer import write_event

REQUIRED = ("module", "objective", "before", "after")
OPTIONAL = ("form",)  # the number of a printed sheet, for whoever types them; not kept
SCALE = range(1, 6)

Key = tuple[str, str]  # module, objective


@dataclass
class Result:
    errors: list[str] = field(default_factory=list)
    written: list[tuple[Key, int, float, float]] = field(default_factory=list)
    withheld: list[Key] = field(default_factory=list)  # fewer than MINIMUM answers


def read(path: Path, curriculum: Curriculum, answers: dict[Key, list[tuple[int, int]]],
         errors: list[str]) -> None:
    """Add the file's answers to ``answers``; every problem goes to ``errors`` as file:line."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        errors.append(f"{path}:1: cannot read the file: {error.strerror}")
        return
    except UnicodeDecodeError:
        errors.append(f"{path}:1: not UTF-8 text; save the spreadsheet as CSV UTF-8")
        return
    rows = csv.reader(text.splitlines())
    header = [name.strip().lower() for name in next(rows, [])]
    unknown = [name for name in header if name not in REQUIRED + OPTIONAL]
    missing = [name for name in REQUIRED if name not in header]
    if unknown or missing or not header:
        errors.append(f"{path}:1: the columns must be {', '.join(REQUIRED)} (and optionally "
                      f"{', '.join(OPTIONAL)})" + (f"; unknown: {', '.join(unknown)}"
                                                    if unknown else "")
                      + (f"; missing: {', '.join(missing)}" if missing else ""))
        return
    for number, row in enumerate(rows, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            errors.append(f"{path}:{number}: {len(row)} cells, the header has {len(header)}")
            continue
        cells = {name: cell.strip() for name, cell in zip(header, row, strict=True)}
        module = curriculum.module(cells["module"])
        if module is None:
            errors.append(f"{path}:{number}: no module `{cells['module']}`; use a module id "
                          "as on the self-assessment page")
            continue
        if cells["objective"] not in {objective.id for objective in module.objectives}:
            known = ", ".join(objective.id for objective in module.objectives)
            errors.append(f"{path}:{number}: module `{module.id}` has no objective "
                          f"`{cells['objective']}`; its objectives: {known}")
            continue
        values = []
        for name in ("before", "after"):
            value = cells[name]
            if not value.isdigit() or int(value) not in SCALE:
                errors.append(f"{path}:{number}: `{name}` is `{value}`; write a whole number "
                              "from 1 to 5 (leave out a sheet where it is not filled in)")
            else:
                values.append(int(value))
        if len(values) == 2:
            answers.setdefault((module.id, cells["objective"]), []).append(
                (values[0], values[1]))


def run(curriculum: Curriculum, event: Event, files: list[Path],
        today: datetime.date) -> Result:
    result = Result()
    root = curriculum.config.root.resolve()
    answers: dict[Key, list[tuple[int, int]]] = {}
    for path in files:
        if path.resolve().is_relative_to(root):
            result.errors.append(f"{path}:1: the answers are inside the repository; move the "
                                 "file out (individual answers are never committed)")
            continue
        read(path, curriculum, answers, result.errors)
    if result.errors:
        return result
    figures = {}
    for key, pairs in sorted(answers.items()):
        if len(pairs) < MINIMUM:
            result.withheld.append(key)
            continue
        figures[key] = (len(pairs), round(sum(b for b, _ in pairs) / len(pairs), 2),
                        round(sum(a for _, a in pairs) / len(pairs), 2))
    if figures and not write_event(event.document.path,
                                   lambda text: _rewrite(text, figures, today), result.errors):
        return result
    result.written = [(key, *values) for key, values in figures.items()]
    return result


def _rewrite(original: str, figures: dict[Key, tuple[int, float, float]],
             today: datetime.date) -> str:
    """Each objective's entry replaced by the new figures (one import holds all the answers
    collected at the event), or appended."""
    yaml, tree = faithful(original)
    assert isinstance(tree, CommentedMap)
    entries = tree.get("assessments")
    if not isinstance(entries, CommentedSeq):
        entries = CommentedSeq(entries or [])
        tree["assessments"] = entries
    for (module, objective), (count, before, after) in figures.items():
        entry = next((e for e in entries if (e.get("module"), e.get("objective")) ==
                      (module, objective)), None)
        date = datetime.date.fromordinal(today.toordinal())  # its own object: no YAML alias
        values = {"answers": count, "before": before, "after": after, "date": date}
        if entry is None:
            entries.append(CommentedMap(module=module, objective=objective, **values))
        else:
            entry.update(values)
    return dump(yaml, tree)
