"""Self-assessment aggregates in event records: of real module objectives, from at least 5
answers, on the 1–5 scale."""

from __future__ import annotations

from collections.abc import Iterator

from ..assessment import MINIMUM
from ..loader import Curriculum
from ..problems import Problem
from . import check


@check("CUR149", "An event's self-assessment figures name a module objective, come from at "
       "least 5 answers and lie between 1 and 5.")
def valid_assessments(curriculum: Curriculum) -> Iterator[Problem]:
    for event in curriculum.events:
        for index, item in enumerate(event.assessments):
            module = curriculum.module(item.module)
            if module is None:
                if item.module not in curriculum.unloaded:
                    yield event.document.problem(
                        "CUR149", ("assessments", index, "module"),
                        f"no module `{item.module}`; use the id of a file in curriculum/modules/")
            elif item.objective not in {objective.id for objective in module.objectives}:
                yield event.document.problem(
                    "CUR149", ("assessments", index, "objective"),
                    f"module `{module.id}` has no objective `{item.objective}`")
            if item.answers < MINIMUM:
                yield event.document.problem(
                    "CUR149", ("assessments", index, "answers"),
                    f"figures from fewer than {MINIMUM} answers are not kept (they could point "
                    "to a person); remove this entry")
            for name in ("before", "after"):
                if not 1 <= getattr(item, name) <= 5:
                    yield event.document.problem(
                        "CUR149", ("assessments", index, name),
                        f"`{name}` is a mean on the 1–5 scale; {getattr(item, name)} is outside")
