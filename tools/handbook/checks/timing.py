"""Session timing adds up."""

from __future__ import annotations

from collections.abc import Iterator

from ..loader import Curriculum
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
