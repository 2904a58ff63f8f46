"""The trainers record (trainers.yml) follows the trainer pathway: steps in order, confirmed
by lead trainers, with consent, once each."""

from __future__ import annotations

from collections.abc import Iterator

from ..loader import Curriculum
from ..models import PATHWAY_GUIDE, STEPS, StepLine, TrainerRecord
from ..pathway import founded, lead_on, since
from ..problems import Problem
from . import check

ORDER = " → ".join(STEPS)


def _lines(curriculum: Curriculum) -> Iterator[tuple[TrainerRecord, int, StepLine]]:
    """Every line of the trainers record, with the record and its position."""
    record = curriculum.trainers
    for index, line in enumerate(record.lines if record else []):
        assert record is not None
        yield record, index, line


@check("CUR140", "A step in the trainers record follows the person's previous step, on or "
       "after its date.")
def steps_in_order(curriculum: Curriculum) -> Iterator[Problem]:
    for record, index, line in _lines(curriculum):
        rank = STEPS.index(line.step)
        if founded(record, line) and line.date < record.founding.date:
            yield record.document.problem(
                "CUR140", ("lines", index, "date"),
                f"`{line.user}` is placed at {line.step} by the founding decision of "
                f"{record.founding.date}; date the line on or after it")
        if rank == 0 or founded(record, line):
            continue
        previous = STEPS[rank - 1]
        first = since(record, line.user, previous, besides=line)
        if first is None or first > line.date:
            when = f" (only from {first})" if first else ""
            yield record.document.problem(
                "CUR140", ("lines", index, "step"),
                f"`{line.user}` reaches {line.step} on {line.date} without a {previous} line on "
                f"or before that date{when}; record the steps in order: {ORDER}")


@check("CUR143", "Each line is confirmed by people who were lead trainers on its date (two for "
       "a new lead trainer); the founding decision names at least one lead trainer.")
def confirmed_by_lead_trainers(curriculum: Curriculum) -> Iterator[Problem]:
    record = curriculum.trainers
    if record is None:
        return
    if not any(h.step == "lead-trainer" for h in record.founding.holders):
        yield record.document.problem(
            "CUR143", ("founding", "holders"),
            "the founding decision names no lead trainer, so nobody can confirm a line; "
            "add the group's first lead trainers with `step: lead-trainer`")
    for index, line in enumerate(record.lines):
        if founded(record, line):
            continue
        needed = 2 if line.step == "lead-trainer" else 1
        confirmers = set(line.confirmed_by) - {line.user}
        if len(confirmers) < needed:
            yield record.document.problem(
                "CUR143", ("lines", index, "confirmed_by"),
                f"{line.step} `{line.user}` needs {needed} confirming lead trainer(s), has "
                f"{len(confirmers)}; add the usernames of the lead trainers who confirm it")
        for position, confirmer in enumerate(line.confirmed_by):
            if confirmer != line.user and not lead_on(record, confirmer, line.date):
                yield record.document.problem(
                    "CUR143", ("lines", index, "confirmed_by", position),
                    f"`{confirmer}` was not a lead trainer on {line.date}, so cannot confirm "
                    "this line; ask a lead trainer of that date to confirm it")


@check("CUR144", "Nobody confirms their own line in the trainers record.")
def no_self_confirmation(curriculum: Curriculum) -> Iterator[Problem]:
    for record, index, line in _lines(curriculum):
        if line.user in line.confirmed_by:
            position = line.confirmed_by.index(line.user)
            yield record.document.problem(
                "CUR144", ("lines", index, "confirmed_by", position),
                f"`{line.user}` confirms their own {line.step} line; another lead trainer "
                "confirms it")


@check("CUR145", "Every line of the trainers record says the person's consent.")
def consent_given(curriculum: Curriculum) -> Iterator[Problem]:
    for record, index, line in _lines(curriculum):
        if line.consent != "publish":
            yield record.document.problem(
                "CUR145", ("lines", index, "consent" if line.consent else "user"),
                f"the line of `{line.user}` has no `consent: publish`; the record is public, so "
                "ask them, and keep the line only if they agree")


@check("CUR146", "No two lines of the trainers record give the same person, step and event.")
def no_duplicate_lines(curriculum: Curriculum) -> Iterator[Problem]:
    record = curriculum.trainers
    if record is None:
        return
    seen: dict[tuple, int] = {}
    for index, line in enumerate(record.lines):
        key = (line.user, line.step, line.event)
        if key in seen:
            first = record.document.position(("lines", seen[key]))[0]
            yield record.document.problem(
                "CUR146", ("lines", index, "user"),
                f"`{line.user}` is recorded as {line.step} at {line.event or 'no event'} "
                f"twice (first on line {first}); remove one")
        else:
            seen[key] = index


@check("CUR147", "A line's `met` names requirements of its step in the trainer pathway guide.")
def known_requirements(curriculum: Curriculum) -> Iterator[Problem]:
    record = curriculum.trainers
    guide = next((g for g in curriculum.guides if g.id == PATHWAY_GUIDE), None)
    if record is None or guide is None:
        return
    sections = {section.id: [r.id for r in section.requirements] for section in guide.sections}
    for index, line in enumerate(record.lines):
        known = sections.get(line.step, [])
        for position, requirement in enumerate(line.met):
            if requirement not in known:
                yield record.document.problem(
                    "CUR147", ("lines", index, "met", position),
                    f"`{requirement}` is not a requirement of the {line.step} step; choose from "
                    f"{', '.join(known) or '(none: the guide lists none)'}")


# Where an event must list the person for the step: a peer mentor among its mentors, a
# co-trainer or lead trainer among its trainers. A trainee attended: counts, not names.
LISTED_AS = {"peer-mentor": "mentors", "co-trainer": "trainers", "lead-trainer": "trainers"}


@check("CUR141", "A line's event exists in events/ and the line is dated within or after it.")
def known_event(curriculum: Curriculum) -> Iterator[Problem]:
    record = curriculum.trainers
    if record is None:
        return
    events = {event.id: event for event in curriculum.events}
    for index, line in enumerate(record.lines):
        if line.event is None or line.event in curriculum.unloaded:
            continue
        event = events.get(line.event)
        if event is None:
            yield record.document.problem(
                "CUR141", ("lines", index, "event"),
                f"no event `{line.event}` in events/; use the id of an event file "
                f"({', '.join(sorted(events)) or 'none yet: `handbook new event ID`'})")
        elif line.date < min(event.dates):
            yield record.document.problem(
                "CUR141", ("lines", index, "date"),
                f"{line.date} is before the event `{event.id}` began ({min(event.dates)}); "
                "date the step on or after the event")


@check("CUR142", "The event of a peer-mentor, co-trainer or lead-trainer line lists the "
       "person among its mentors or trainers.")
def listed_at_event(curriculum: Curriculum) -> Iterator[Problem]:
    record = curriculum.trainers
    if record is None:
        return
    events = {event.id: event for event in curriculum.events}
    for index, line in enumerate(record.lines):
        group = LISTED_AS.get(line.step)
        if group is None:
            continue
        if line.event is None and not founded(record, line):  # founded: the decision is basis
            yield record.document.problem(
                "CUR142", ("lines", index, "step"),
                f"a {line.step} line names the event where `{line.user}` did it; add `event:`")
            continue
        event = events.get(line.event) if line.event else None
        people = getattr(event.people, group) if event else None
        if people is not None and line.user not in {person.username for person in people}:
            yield record.document.problem(
                "CUR142", ("lines", index, "user"),
                f"`{line.user}` is not among the {group} of event `{line.event}`; add them "
                f"there (with their consent) or correct the username")


@check("CUR148", "The trainer pathway guide has a section for every step, and the modules "
       "its steps cover exist.")
def pathway_guide_complete(curriculum: Curriculum) -> Iterator[Problem]:
    guide = next((g for g in curriculum.guides if g.id == PATHWAY_GUIDE), None)
    if guide is None or curriculum.trainers is None:
        return
    ids = [section.id for section in guide.sections]
    for step in STEPS:
        if step not in ids:
            yield guide.document.problem(
                "CUR148", ("sections",),
                f"no section with id `{step}`; the trainers record and the certificates take "
                "each step's title, requirements and modules from it")
    for index, section in enumerate(guide.sections):
        for position, module in enumerate(section.modules):
            if curriculum.module(module) is None and module not in curriculum.unloaded:
                yield guide.document.problem(
                    "CUR148", ("sections", index, "modules", position),
                    f"no module `{module}`; use the id of a file in curriculum/modules/")
