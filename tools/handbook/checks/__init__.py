"""Rules over the loaded curriculum: one small function per rule, each registered with
a stable code and a one-line summary. A check yields Problems; it never raises."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..loader import Curriculum, without_cycle_collector
from ..problems import RULES, Problem, Severity, register
from ..tuning import tune

Check = Callable[[Curriculum], Iterable[Problem]]
CHECKS: list[Check] = []


def check(code: str, summary: str, severity: Severity = Severity.ERROR) -> Callable[[Check], Check]:
    register(code, summary, severity)

    def decorate(function: Check) -> Check:
        CHECKS.append(function)
        return function

    return decorate


def run_checks(curriculum: Curriculum) -> list[Problem]:
    problems = list(curriculum.problems)
    with without_cycle_collector():  # a third faster on large curricula
        for function in CHECKS:
            # Not about parts of a file replaced after a structural error (already reported).
            problems.extend(p for p in function(curriculum) if not curriculum.hides(p))
    documents = {model.document.path: model.document for model in curriculum.files()}
    return sorted(tune(problems, curriculum.config, documents))


__all__ = ["CHECKS", "RULES", "check", "run_checks"]

# Importing the rule modules registers their checks.
from . import (  # noqa: E402, F401
    alignment,
    assessments,
    events,
    handouts,
    hygiene,
    ids,
    language,
    links,
    pathway,
    programmes,
    references,
    safety,
    scripts,
    staleness,
    termbase,
    timing,
    translations,
)
