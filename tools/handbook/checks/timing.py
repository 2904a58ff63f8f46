"""Session timing adds up."""

from __future__ import annotations

from collections.abc import Iterator

from ..common.clock import to_minutes
from ..document import Loc
from ..limits import MAX_MINUTES
from ..loader import Curriculum
from ..models import FileModel
from ..problems import Problem
from . import check


@check("CUR014", "The segments' minutes add up to the module's `duration`.")
def segments_fill_duration(curriculum: Curriculum) -> Iterator[Problem]:
    for module in curriculum.modules:
        total = sum(segment.minutes for segment in module.segments)
        if total != module.duration:
            yield module.document.problem(
                "CUR014", ("duration",),
                f"segments add up to {total} minutes but `duration` is {module.duration}; "
                f"change a segment's minutes or set duration: {total}")


CUE_LIMIT = 120  # characters: one or two lines in a run-sheet cell


@check("CUR026", f"A segment's `cue` is short enough for a one-page run sheet "
       f"(at most {CUE_LIMIT} characters).")
def cues_fit_the_run_sheet(curriculum: Curriculum) -> Iterator[Problem]:
    for module in curriculum.modules:
        for index, segment in enumerate(module.segments):
            for language, cue in segment.cue.items():
                if len(cue) > CUE_LIMIT:
                    yield module.document.problem(
                        "CUR026", ("segments", index, "cue", language),
                        f"cue has {len(cue)} characters; shorten it to {CUE_LIMIT} or fewer "
                        "(the full text belongs in `script`)")


@check("CUR029", f"No segment, session, exercise, slot or programme day lasts longer than a "
       f"day ({MAX_MINUTES} minutes).")
def no_longer_than_a_day(curriculum: Curriculum) -> Iterator[Problem]:
    timed: list[tuple[FileModel, Loc, str, int]] = []
    for module in curriculum.modules:
        timed.append((module, ("duration",), "the session", module.duration))
        timed += [(module, ("segments", i, "minutes"), f"segment {i + 1}", segment.minutes)
                  for i, segment in enumerate(module.segments)]
    timed += [(e, ("minutes",), "the exercise", e.minutes) for e in curriculum.exercises]
    for programme in curriculum.programmes:
        for d, day in enumerate(programme.days):
            timed += [(programme, ("days", d, "slots", s, "minutes"), f"slot {s + 1}",
                       slot.minutes) for s, slot in enumerate(day.slots)]
            last = day.slots[-1]
            timed.append((programme, ("days", d, "slots", len(day.slots) - 1, "minutes"),
                          f"day {d + 1} (to the end of its last slot)",
                          to_minutes(last.start) + last.minutes))
    for model, loc, what, minutes in timed:
        if minutes > MAX_MINUTES:
            yield model.document.problem(
                "CUR029", loc, f"{what} lasts {minutes} minutes, longer than a day "
                f"({MAX_MINUTES}); check the number (minutes, not seconds)")
