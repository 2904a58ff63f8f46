"""Every printed handout that a segment or exercise names exists, and names a real exercise."""

from __future__ import annotations

from collections.abc import Iterator

from ..loader import Curriculum
from ..problems import Problem
from . import check


@check("CUR027", "A segment or exercise names a handout that has no file under "
       "curriculum/handouts/.")
def handouts_exist(curriculum: Curriculum) -> Iterator[Problem]:
    known = {handout.id for handout in curriculum.handouts} | curriculum.unloaded
    users = [
        *((module.document, ("segments", i, "handouts"), segment.handouts)
          for module in curriculum.modules for i, segment in enumerate(module.segments)),
        *((exercise.document, ("handouts",), exercise.handouts)
          for exercise in curriculum.exercises),
    ]
    for document, loc, ids in users:
        for index, handout in enumerate(ids):
            if handout not in known:
                yield document.problem(
                    "CUR027", (*loc, index),
                    f"no handout `{handout}`; create curriculum/handouts/{handout}.yml "
                    "(id, title, copies, exercise or body, review) or fix the id")


@check("CUR028", "A handout that prints an exercise names an exercise under exercises/.")
def handout_exercises_exist(curriculum: Curriculum) -> Iterator[Problem]:
    known = {exercise.id for exercise in curriculum.exercises} | curriculum.unloaded
    for handout in curriculum.handouts:
        if handout.exercise and handout.exercise not in known:
            yield handout.document.problem(
                "CUR028", ("exercise",),
                f"unknown exercise `{handout.exercise}`; fix the id or remove `exercise:`")
