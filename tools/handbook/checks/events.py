"""Event records: they follow their programme, name only people who agreed, and say where
every number comes from."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..delivery import HELD, deliveries, programme_of, slot_of
from ..loader import Curriculum
from ..models import Event, Person
from ..problems import Problem, Severity
from ..suggest import did_you_mean
from . import check
from .safety import contact_details

DASHBOARD_SLUG = re.compile(r"^[^/\s]+/[^/\s]+$")


def _people(event: Event) -> Iterator[tuple[tuple, Person]]:
    for group in ("trainers", "mentors", "named"):
        for index, person in enumerate(getattr(event.people, group)):
            yield ("people", group, index), person


def _names_used(event: Event) -> Iterator[tuple[tuple, str]]:
    """Usernames outside `people`: who led a session, who was elected, who was thanked."""
    for i, session in enumerate(event.sessions):
        for j, name in enumerate(session.led_by):
            yield ("sessions", i, "led_by", j), name
    for i, decision in enumerate(event.decisions):
        for j, election in enumerate(decision.elected):
            yield ("decisions", i, "elected", j, "username"), election.username
    for i, thanks in enumerate(event.thanks):
        for j, name in enumerate(thanks.people):
            yield ("thanks", i, "people", j), name


@check("CUR100", "An event names an existing programme, and its sessions existing modules.")
def event_references(curriculum: Curriculum) -> Iterator[Problem]:
    programmes = [p.id for p in curriculum.programmes]
    for event in curriculum.events:
        if event.programme and curriculum.programme(event.programme) is None and \
                event.programme not in curriculum.unloaded:
            yield event.document.problem(
                "CUR100", ("programme",),
                f"unknown programme `{event.programme}`; "
                f"{did_you_mean(event.programme, programmes)}")
        for index, session in enumerate(event.sessions):
            if session.module and curriculum.module(session.module) is None and \
                    session.module not in curriculum.unloaded:
                yield event.document.problem(
                    "CUR100", ("sessions", index, "module"),
                    f"unknown module `{session.module}`; "
                    f"{did_you_mean(session.module, (m.id for m in curriculum.modules))}")


@check("CUR101", "A session records a slot of the event's programme (its date and planned "
       "start) and has a module or a title.")
def sessions_match_slots(curriculum: Curriculum) -> Iterator[Problem]:
    for event in curriculum.events:
        programme = programme_of(curriculum, event)
        seen: dict[tuple, int] = {}
        for index, session in enumerate(event.sessions):
            loc = ("sessions", index)
            if session.date not in event.dates:
                yield event.document.problem(
                    "CUR101", (*loc, "date"),
                    f"{session.date} is not one of the event's dates "
                    f"({', '.join(map(str, event.dates))}); correct the date")
            if (session.module is None) == (session.title is None):
                yield event.document.problem(
                    "CUR101", loc, "a session has either `module: <module id>` or a `title` "
                    "(for a session without a module), not both or neither")
            if session.start is not None and programme is not None:
                slot = slot_of(programme, session)
                key = (session.date, session.start)
                if slot is None:
                    starts = [s.start for d in programme.days if d.date == session.date
                              for s in d.slots]
                    yield event.document.problem(
                        "CUR101", (*loc, "start"),
                        f"programme `{programme.id}` has no slot starting at {session.start} "
                        f"on {session.date}; slot starts that day: {', '.join(starts) or 'none'}"
                        " (leave out `start` for a session the programme did not plan)")
                elif slot.module and session.module and slot.module != session.module:
                    yield event.document.problem(
                        "CUR101", (*loc, "module"),
                        f"the slot at {session.start} holds module `{slot.module}`, not "
                        f"`{session.module}`; record what was delivered in `changes` and keep "
                        "the slot's module, or leave out `start`")
                elif key in seen:
                    yield event.document.problem(
                        "CUR101", (*loc, "start"),
                        f"the slot at {session.start} on {session.date} is already recorded "
                        f"by session {seen[key] + 1}; record each slot once")
                seen.setdefault(key, index)


@check("CUR102", "Once an event is held, every programme slot other than a break has a "
       "session record (`delivered: false` or `unknown` when so).", Severity.WARNING)
def held_slots_recorded(curriculum: Curriculum) -> Iterator[Problem]:
    for event in curriculum.events:
        programme = programme_of(curriculum, event)
        if event.status not in HELD or programme is None:
            continue
        recorded = {(s.date, s.start) for s in event.sessions}
        for day in programme.days:
            for slot in day.slots:
                if slot.kind != "break" and (day.date, slot.start) not in recorded:
                    what = slot.module or (slot.title or {}).get(
                        curriculum.config.default_language, slot.kind)
                    yield event.document.problem(
                        "CUR102", ("sessions",),
                        f"no session records the slot {day.date} {slot.start} ({what}); add "
                        f"one with `date: {day.date}`, `start: \"{slot.start}\"` (with "
                        "`delivered: false` or `unknown` if it was dropped or nobody knows)")


@check("CUR103", "Everyone an event names has `consent: publish` recorded; others are "
       "counted, never named.")
def named_with_consent(curriculum: Curriculum) -> Iterator[Problem]:
    for event in curriculum.events:
        for loc, person in _people(event):
            if person.consent != "publish":
                yield event.document.problem(
                    "CUR103", (*loc, "username"),
                    f"`{person.username}` is named without `consent: publish`; record their "
                    "consent (and its basis in `people.basis`) or remove the name and count "
                    "them under `people.participants`")


@check("CUR104", "No e-mail address or phone number in an event's usernames, sources or links.")
def no_contacts_in_event_fields(curriculum: Curriculum) -> Iterator[Problem]:
    for event in curriculum.events:
        fields: list[tuple[tuple, str]] = [((*loc, "username"), p.username)
                                           for loc, p in _people(event)]
        fields += [(("outcomes", i, "source"), o.source) for i, o in enumerate(event.outcomes)]
        fields += [(("links", name), value) for name, value in event.links if value]
        for loc, value in [*fields, *_names_used(event)]:
            for found in contact_details(value):
                yield event.document.problem(
                    "CUR104", loc, f"`{found}` looks like an e-mail address or phone number; "
                    "an event record keeps Wikimedia usernames only")


@check("CUR105", "Usernames in sessions, elections and thanks are listed under `people`.")
def usernames_listed(curriculum: Curriculum) -> Iterator[Problem]:
    for event in curriculum.events:
        listed = {person.username for _, person in _people(event)}
        for loc, name in _names_used(event):
            if name not in listed:
                yield event.document.problem(
                    "CUR105", loc, f"`{name}` is not listed under `people` (trainers, mentors "
                    "or named, with their consent); add them there, or leave the name out")


@check("CUR106", "An outcome with a number says when it was taken; dates fall within the event.")
def outcomes_dated(curriculum: Curriculum) -> Iterator[Problem]:
    for event in curriculum.events:
        for index, outcome in enumerate(event.outcomes):
            if outcome.value != "unknown" and outcome.date is None:
                yield event.document.problem(
                    "CUR106", ("outcomes", index, "value"),
                    f"{outcome.metric} = {outcome.value} has no `date`; add the date it was "
                    "taken, or write `value: unknown`")
            if outcome.date and outcome.date < event.dates[0]:
                yield event.document.problem(
                    "CUR106", ("outcomes", index, "date"),
                    f"taken on {outcome.date}, before the event began ({event.dates[0]})")
        for index, count in enumerate(event.people.participants):
            if count.date not in event.dates:
                yield event.document.problem(
                    "CUR106", ("people", "participants", index, "date"),
                    f"{count.date} is not one of the event's dates; correct it")


@check("CUR107", "A Dashboard link is the course slug as the Dashboard writes it "
       "(`Organisation/Course`); the Meta-Wiki link is an https address.")
def event_links(curriculum: Curriculum) -> Iterator[Problem]:
    for event in curriculum.events:
        slug, meta = event.links.dashboard, event.links.meta
        if slug is not None and not DASHBOARD_SLUG.match(slug):
            yield event.document.problem(
                "CUR107", ("links", "dashboard"),
                f"`{slug}` is not a course slug; write it as the Dashboard does, e.g. "
                "`Tajik_Wikimedians_User_Group/Some_Course` (no address, no spaces)")
        if meta is not None and not meta.startswith("https://"):
            yield event.document.problem(
                "CUR107", ("links", "meta"), f"`{meta}` is not an https:// address")


@check("CUR108", "A module ran more than 15 % over its planned time in two or more held "
       "events: lengthen it or cut it.", Severity.WARNING)
def module_overruns(curriculum: Curriculum) -> Iterator[Problem]:
    for module in curriculum.modules:
        over = [d for d in deliveries(curriculum, module) if d.overran]
        if len({d.event.id for d in over}) < 2:
            continue
        runs = ", ".join(f"{d.event.id} {d.actual}/{d.planned} min" for d in over)
        yield module.document.problem(
            "CUR108", ("duration",),
            f"ran over its plan by more than 15 % in {len({d.event.id for d in over})} events "
            f"({runs}); lengthen `duration` (and the segments) or cut content")

