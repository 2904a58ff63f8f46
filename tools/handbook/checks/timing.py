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
