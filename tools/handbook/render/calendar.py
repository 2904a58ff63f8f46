"""A programme as an iCalendar file: one event per slot, in the venue's time zone."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

from ..models import LocalizedText, Programme
from .markdown import to_minutes


def programme_calendar(programme: Programme, language: str,
                       slot_title: Callable[[object], LocalizedText]) -> bytes:
    zone = ZoneInfo(programme.timezone)
    calendar = Calendar()
    calendar.add("prodid", "-//Tajik Wikimedians//Trainer handbook//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", programme.title[language])
    # A fixed stamp keeps the file byte-identical between builds (write-if-changed).
    stamp = datetime.datetime.combine(programme.days[0].date, datetime.time(), datetime.UTC)
    for d, day in enumerate(programme.days, start=1):
        for s, slot in enumerate(day.slots, start=1):
            start = datetime.datetime.combine(day.date, datetime.time(), zone) + \
                datetime.timedelta(minutes=to_minutes(slot.start))
            event = Event()
            event.add("uid", f"{programme.id}-day{d}-slot{s}@trainer-handbook")
            event.add("dtstamp", stamp)
            event.add("dtstart", start)
            event.add("dtend", start + datetime.timedelta(minutes=slot.minutes))
            event.add("summary", slot_title(slot)[language])
            event.add("location", programme.venue[language])
            if slot.note:
                event.add("description", slot.note[language])
            calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
