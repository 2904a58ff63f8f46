"""What events delivered, against what their programme planned: shared by the event rules,
the event pages and reports, and the modules' maintainer notes and run sheets."""

from __future__ import annotations

from dataclasses import dataclass

from .loader import Curriculum
from .models import Event, Module, Programme, Session, Slot

HELD = ("held", "reported")  # statuses after the event took place
OVERRUN = 0.15  # a module "ran over" when it took more than 15 % beyond its plan


def known(value: int | str | None) -> int | None:
    """A recorded number, or None for `unknown` or not recorded."""
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def programme_of(curriculum: Curriculum, event: Event) -> Programme | None:
    return curriculum.programme(event.programme) if event.programme else None


def slot_of(programme: Programme | None, session: Session) -> Slot | None:
    """The programme slot a session records: the one on its date starting at its `start`."""
    if programme is None or session.start is None:
        return None
    for day in programme.days:
        if day.date == session.date:
            return next((s for s in day.slots if s.start == session.start), None)
    return None


def planned(programme: Programme | None, session: Session) -> int | None:
    """Planned minutes: the session's own, else its slot's; None when unknown."""
    if session.planned is not None:
        return known(session.planned)
    slot = slot_of(programme, session)
    return slot.minutes if slot else None


@dataclass(frozen=True)
class Delivery:
    """One held event's session of a module."""

    event: Event
    index: int  # position in event.sessions
    session: Session
    planned: int | None
    actual: int | None

    @property
    def overran(self) -> bool:
        return (self.planned is not None and self.actual is not None
                and self.actual > self.planned * (1 + OVERRUN))


def deliveries(curriculum: Curriculum, module: Module) -> list[Delivery]:
    """Every session of ``module`` delivered in a held event, in event order."""
    found = []
    for event in curriculum.events:
        if event.status not in HELD:
            continue
        programme = programme_of(curriculum, event)
        for index, session in enumerate(event.sessions):
            if session.module == module.id and session.delivered is True:
                found.append(Delivery(event, index, session, planned(programme, session),
                                      known(session.actual)))
    return found


@dataclass(frozen=True)
class SegmentTiming:
    planned: int
    actuals: list[int]  # the recorded actual minutes, one per delivery that timed it

    @property
    def mean(self) -> int | None:
        return round(sum(self.actuals) / len(self.actuals)) if self.actuals else None


def segment_timings(module: Module, found: list[Delivery]) -> list[SegmentTiming]:
    """Per segment of the module: its planned minutes and the actual minutes recorded."""
    return [SegmentTiming(segment.minutes,
                          [minutes for d in found if len(d.session.segments) == len(module.segments)
                           if (minutes := known(d.session.segments[i])) is not None])
            for i, segment in enumerate(module.segments)]
