"""Programmes: days of slots that run in order and fit what they hold."""

from __future__ import annotations

from collections.abc import Iterator
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..common.clock import clock
from ..common.clock import to_minutes as minutes
from ..loader import Curriculum
from ..models import Day, Programme
from ..problems import Problem, Severity
from ..suggest import did_you_mean
from . import check


def _days(curriculum: Curriculum) -> Iterator[tuple[Programme, int, Day]]:
    for programme in curriculum.programmes:
        for index, day in enumerate(programme.days):
            yield programme, index, day


@check("CUR020", "A day's slots are in time order and do not overlap.")
def slots_in_order(curriculum: Curriculum) -> Iterator[Problem]:
    for programme, d, day in _days(curriculum):
        for s, (slot, following) in enumerate(zip(day.slots, day.slots[1:], strict=False)):
            ends = minutes(slot.start) + slot.minutes
            if minutes(following.start) < ends:
                yield programme.document.problem(
                    "CUR020", ("days", d, "slots", s + 1, "start"),
                    f"slot starts at {following.start}, before the previous slot ends at "
                    f"{clock(ends)}; move it or shorten the previous slot")


@check("CUR025", "No unplanned gap between a day's slots (add a break slot).", Severity.WARNING)
def no_gaps(curriculum: Curriculum) -> Iterator[Problem]:
    for programme, d, day in _days(curriculum):
        for s, (slot, following) in enumerate(zip(day.slots, day.slots[1:], strict=False)):
            ends = minutes(slot.start) + slot.minutes
            if minutes(following.start) > ends:
                yield programme.document.problem(
                    "CUR025", ("days", d, "slots", s + 1, "start"),
                    f"{minutes(following.start) - ends} unplanned minutes after the slot ending "
                    f"at {clock(ends)}; add a break or move this slot to {clock(ends)}")


@check("CUR021", "A module's slot is at least as long as the module.")
def module_fits_slot(curriculum: Curriculum) -> Iterator[Problem]:
    for programme, d, day in _days(curriculum):
        for s, slot in enumerate(day.slots):
            module = curriculum.module(slot.module) if slot.module else None
            if module and module.duration > slot.minutes:
                yield programme.document.problem(
                    "CUR021", ("days", d, "slots", s, "minutes"),
                    f"module `{module.id}` takes {module.duration} minutes but its slot has "
                    f"{slot.minutes}; lengthen the slot or shorten the module")


@check("CUR022", "A day's first slot starts at the day's `start` and its last ends at `end`.")
def day_bounds(curriculum: Curriculum) -> Iterator[Problem]:
    for programme, d, day in _days(curriculum):
        first, last = day.slots[0], day.slots[-1]
        if first.start != day.start:
            yield programme.document.problem(
                "CUR022", ("days", d, "slots", 0, "start"),
                f"the day starts at {day.start} but its first slot at {first.start}; "
                "make them equal")
        ends = minutes(last.start) + last.minutes
        if ends != minutes(day.end):
            yield programme.document.problem(
                "CUR022", ("days", d, "end"),
                f"the day ends at {day.end} but its last slot ends at {clock(ends)}; "
                "make them equal")


@check("CUR023", "A module slot names an existing module; a break or custom slot has a title.")
def slot_fields_match_kind(curriculum: Curriculum) -> Iterator[Problem]:
    for programme, d, day in _days(curriculum):
        for s, slot in enumerate(day.slots):
            loc = ("days", d, "slots", s)
            if slot.kind == "module":
                if slot.module is None:
                    yield programme.document.problem(
                        "CUR023", loc, "a module slot needs `module: <module id>`")
                elif curriculum.module(slot.module) is None and \
                        slot.module not in curriculum.unloaded:
                    yield programme.document.problem(
                        "CUR023", (*loc, "module"),
                        f"unknown module `{slot.module}`; "
                        f"{did_you_mean(slot.module, (m.id for m in curriculum.modules))}")
            elif slot.title is None or slot.module is not None:
                yield programme.document.problem(
                    "CUR023", loc,
                    f"a {slot.kind} slot needs a `title` and no `module`")


@check("CUR024", "A programme's `timezone` is a known IANA time zone such as Asia/Dushanbe.")
def known_timezone(curriculum: Curriculum) -> Iterator[Problem]:
    for programme in curriculum.programmes:
        try:
            ZoneInfo(programme.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            yield programme.document.problem(
                "CUR024", ("timezone",),
                f"unknown time zone `{programme.timezone}`; use an IANA name like Asia/Dushanbe")
