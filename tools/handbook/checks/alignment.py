"""Objective alignment: what a module promises, it practises and it assesses."""

from __future__ import annotations

from collections.abc import Iterator

from ..loader import Curriculum
from ..models import Module
from ..problems import Problem
from . import check


def practised(module: Module) -> set[str]:
    """Objectives named by a segment or an exercise reference."""
    return {o for s in module.segments for o in s.objectives} | {
        o for e in module.exercises for o in e.objectives}


def assessed(module: Module) -> set[str]:
    """Objectives named by a quiz question or an exercise reference."""
    return {o for q in module.quiz for o in q.objectives} | {
        o for e in module.exercises for o in e.objectives}


@check("CUR030", "Every learning objective is practised (a segment or exercise names it) and "
       "assessed (a quiz question or exercise names it).")
def objectives_aligned(curriculum: Curriculum) -> Iterator[Problem]:
    for module in curriculum.modules:
        done, tested = practised(module), assessed(module)
        for index, objective in enumerate(module.objectives):
            missing = [what for what, ids in (("practised", done), ("assessed", tested))
                       if objective.id not in ids]
            if missing:
                yield module.document.problem(
                    "CUR030", ("objectives", index, "id"),
                    f"objective `{objective.id}` is never {' or '.join(missing)}; name it in a "
                    "segment's or exercise's `objectives` (practice) and a quiz question's "
                    "(assessment)")
