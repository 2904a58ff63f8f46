"""`handbook event import`: the Dashboard's aggregates into an event's `outcomes`, through a
ruamel round trip (comments, order and layout kept; one entry per metric and date). Either
every file reads cleanly and the event file is written, or nothing is written."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ..document import build, compose
from ..loader import Curriculum
from ..models import Event
from ..po.yamlwrite import Unfaithful, dump, faithful
from . import dashboard

SOURCE = "Programs & Events Dashboard, {kind} download of course {slug}"
# Applied last, so that its numbers (the Dashboard's own definitions, e.g. of retention)
# win over sums of the per-editor or per-article files.
ORDER = ("editors", "articles", "uploads", "overview")


@dataclass
class Result:
    errors: list[str] = field(default_factory=list)
    written: list[tuple[str, int, datetime.date]] = field(default_factory=list)


def run(curriculum: Curriculum, event: Event, files: list[Path],
        today: datetime.date) -> Result:
    result = Result()
    root = curriculum.config.root.resolve()
    slug = event.links.dashboard
    if slug is None:
        result.errors.append(f"{event.document.path}:1: the event has no `links.dashboard`; "
                             "set it to the course slug as the Dashboard writes it, so the "
                             "downloads can be matched to this event")
        return result
    readings = []
    for path in files:
        if path.resolve().is_relative_to(root):
            result.errors.append(f"{path}:1: the download is inside the repository; move it "
                                 "out (it lists people and must never be committed)")
            continue
        reading = dashboard.read(path, slug, today)
        result.errors.extend(reading.errors)
        readings.append(reading)
    if result.errors:
        return result
    outcomes: dict[tuple[str, datetime.date], tuple[int, str]] = {}
    for reading in sorted(readings, key=lambda r: ORDER.index(r.kind or "overview")):
        source = SOURCE.format(kind=reading.kind, slug=slug)
        for metric, value in reading.totals.items():
            outcomes[(metric, reading.taken or today)] = (value, source)
    if not write_event(event.document.path, lambda text: _rewrite(text, outcomes),
                       result.errors):
        return result
    result.written = [(metric, value, date) for (metric, date), (value, _) in outcomes.items()]
    return result


def write_event(path: Path, rewrite: Callable[[str], str], errors: list[str]) -> bool:
    """Rewrite the event file at ``path`` through ``rewrite`` (a ruamel round trip) and write
    it only if the result is still a valid event; else say why in ``errors``."""
    try:
        text = rewrite(path.read_text("utf-8"))
    except Unfaithful:
        errors.append(f"{path}:1: cannot rewrite this file without reformatting it; keep its "
                      "indentation consistent (2 spaces) and import again")
        return False
    try:  # what is written must still be a valid event
        Event.model_validate(build(compose(text)))
    except ValidationError as error:
        errors.append(f"{path}:1: the imported figures do not fit the event format "
                      f"({error.errors()[0]['msg']}); nothing was written")
        return False
    path.write_text(text, "utf-8")
    return True


def _rewrite(original: str, outcomes: dict[tuple[str, datetime.date], tuple[int, str]]) -> str:
    yaml, tree = faithful(original)
    assert isinstance(tree, CommentedMap)
    entries = tree.get("outcomes")
    if not isinstance(entries, CommentedSeq) or not entries:
        entries = CommentedSeq(entries or [])
        tree["outcomes"] = entries
    for (metric, taken), (value, source) in outcomes.items():
        date = datetime.date.fromordinal(taken.toordinal())  # its own object: no YAML alias
        entry = _entry(entries, metric, date)
        if entry is None:
            entries.append(CommentedMap(metric=metric, value=value, source=source, date=date))
            continue
        entry["value"], entry["source"], entry["date"] = value, source, date
    return dump(yaml, tree)


def _entry(entries: CommentedSeq, metric: str, date: datetime.date) -> CommentedMap | None:
    """The entry to update: this metric's from the same day, else its `unknown` one."""
    same = [e for e in entries if e.get("metric") == metric]
    return next((e for e in same if e.get("date") == date), None) or next(
        (e for e in same if e.get("value") == "unknown"), None)
