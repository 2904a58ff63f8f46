"""References between and within files resolve."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..loader import Curriculum
from ..problems import Problem
from ..references import KINDS, references, titles
from ..suggest import did_you_mean
from ..walk import texts
from . import check


@check("CUR012", "Exercise references name an exercise file under exercises/ that the module "
       "lists.")
def exercises_exist(curriculum: Curriculum) -> Iterator[Problem]:
    known = {exercise.id for exercise in curriculum.exercises} | curriculum.unloaded
    for module in curriculum.modules:
        listed = {ref.id for ref in module.exercises}
        for index, ref in enumerate(module.exercises):
            if ref.id not in known:
                yield module.document.problem(
                    "CUR012", ("exercises", index, "id"),
                    f"unknown exercise `{ref.id}`; {did_you_mean(ref.id, known - {ref.id})} "
                    f"(or create exercises/{ref.id}.yml with `handbook new exercise`)")
        for index, segment in enumerate(module.segments):
            if segment.exercise and segment.exercise not in listed:
                yield module.document.problem(
                    "CUR012", ("segments", index, "exercise"),
                    f"segment runs exercise `{segment.exercise}`, which the module's "
                    "`exercises` list does not name; add it there or fix the id "
                    f"({did_you_mean(segment.exercise, listed, 'listed')})")


@check("CUR015", "Objective references name an objective of the same module.")
def objectives_exist(curriculum: Curriculum) -> Iterator[Problem]:
    for module in curriculum.modules:
        known = {objective.id for objective in module.objectives}
        users = [
            *((("segments", i), s.objectives) for i, s in enumerate(module.segments)),
            *((("exercises", i), e.objectives) for i, e in enumerate(module.exercises)),
            *((("quiz", i), q.objectives) for i, q in enumerate(module.quiz)),
        ]
        for loc, named in users:
            for index, objective in enumerate(named):
                if objective not in known:
                    yield module.document.problem(
                        "CUR015", (*loc, "objectives", index),
                        f"unknown objective `{objective}`; "
                        f"{did_you_mean(objective, known, 'objectives of this module')}")


@check("CUR016", "Prerequisites name other existing modules.")
def prerequisites_exist(curriculum: Curriculum) -> Iterator[Problem]:
    known = {module.id for module in curriculum.modules} | curriculum.unloaded
    for module in curriculum.modules:
        for index, prerequisite in enumerate(module.prerequisites):
            if prerequisite not in known or prerequisite == module.id:
                others = known - {module.id}
                fix = "use the id of another module" if prerequisite == module.id else \
                    did_you_mean(prerequisite, others, "modules")
                reason = "itself" if prerequisite == module.id else "an unknown module"
                yield module.document.problem(
                    "CUR016", ("prerequisites", index),
                    f"prerequisite `{prerequisite}` is {reason}; {fix}")


@check("CUR017", "A quiz question's `correct` is the position of one of its options.")
def quiz_answer_exists(curriculum: Curriculum) -> Iterator[Problem]:
    for module in curriculum.modules:
        for index, question in enumerate(module.quiz):
            if question.correct > len(question.options):
                yield module.document.problem(
                    "CUR017", ("quiz", index, "correct"),
                    f"`correct: {question.correct}` but the question has "
                    f"{len(question.options)} options; count from 1")


@check("CUR019", "Prerequisites form no cycle (a module cannot, through others, require itself).")
def no_prerequisite_cycles(curriculum: Curriculum) -> Iterator[Problem]:
    requires = {m.id: [p for p in m.prerequisites if p != m.id] for m in curriculum.modules}
    reported: set[frozenset[str]] = set()

    def cycle_from(start: str) -> list[str] | None:
        """Depth-first search for a path from ``start`` back to itself."""
        path, stack = [start], [iter(requires.get(start, []))]
        while stack:
            step = next(stack[-1], None)
            if step is None:
                stack.pop()
                path.pop()
            elif step == start:
                return [*path, start]
            elif step not in path and step in requires:
                path.append(step)
                stack.append(iter(requires[step]))
        return None

    for module in curriculum.modules:
        cycle = cycle_from(module.id)
        if cycle and frozenset(cycle) not in reported:
            reported.add(frozenset(cycle))
            yield module.document.problem(
                "CUR019", ("prerequisites",),
                f"prerequisite cycle {' → '.join(cycle)}; remove one of these prerequisites")


@check("CUR064", "A reference `[[kind:id]]` in text names an existing module, exercise, "
       "handout, guide or programme.")
def references_resolve(curriculum: Curriculum) -> Iterator[Problem]:
    known = titles(curriculum)
    ids: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for kind, item in known:
        ids[kind].add(item)
    for model in curriculum.files():
        for loc, text in texts(model):
            for language, value in text.items():
                for match in references(value):
                    kind, item = match["kind"], match["id"].strip()
                    if kind not in KINDS:
                        yield model.document.problem(
                            "CUR064", (*loc, language),
                            f"`{match.group()}`: unknown kind `{kind}`; "
                            f"{did_you_mean(kind, KINDS, 'kinds')}")
                    elif item not in ids[kind] | curriculum.unloaded:
                        yield model.document.problem(
                            "CUR064", (*loc, language),
                            f"`{match.group()}`: no {kind} `{item}`; "
                            f"{did_you_mean(item, ids[kind], KINDS[kind])}")


@check("CUR065", "Reader-facing text names a module, exercise, handout, guide or programme by "
       "its title, through a reference `[[kind:id]]`, never by its bare id (file name).")
def no_bare_ids(curriculum: Curriculum) -> Iterator[Problem]:
    named: dict[str, list[str]] = {}  # id → kinds (an exercise and a handout may share it)
    for kind, item in titles(curriculum):
        named.setdefault(item, []).append(kind)
    if not named:
        return
    for model in curriculum.files():
        for loc, text in texts(model):
            for language, value in text.items():
                for match in ID_SHAPED.finditer(_reader_words(value)):
                    item = match.group(1)
                    if item not in named:
                        continue
                    yield model.document.problem(
                        "CUR065", (*loc, language),
                        f"`{item}` is a file name that readers should not see; write "
                        + " or ".join(f"[[{kind}:{item}]]" for kind in named[item])
                        + ", which shows its title")


# A whole id-shaped word: not inside a longer id, a path or an address. Looked up in a set,
# so the cost does not grow with the number of ids (one alternation of them all did).
ID_SHAPED = re.compile(r"(?<![\w/#.:-])([a-z0-9]+(?:-[a-z0-9]+)*)(?![\w/-])")
ADDRESSES = re.compile(r"\[\[[a-z]+:[^\[\]\n|]*\]\]|\]\([^)\s]*\)|<[^>\s]*>|https?://\S+")


def _reader_words(text: str) -> str:
    """What readers see of ``text``, code spans included: references and addresses blanked."""
    return ADDRESSES.sub(" ", text) if ("[[" in text or "](" in text or "://" in text
                                         or "<" in text) else text
