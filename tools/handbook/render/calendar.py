"""A programme as an iCalendar file: one event per slot, in the venue's time zone.

Each event says what the slot is (the module's summary, or the slot's note) and links to its
page on the published handbook, so a calendar entry leads back to the material.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from icalendar import Alarm, Calendar, Event

from ..address import generated_source, page_url
from ..common.clock import to_minutes
from ..common.markup import prose
from ..loader import Curriculum
from ..models import Event as EventRecord
from ..models import Programme, Slot


@dataclass(frozen=True)
class SlotText:
    """What a calendar shows of a slot, in one language."""

    title: str
    description: str
    url: str | None


def programme_calendar(programme: Programme, language: str,
                       describe: Callable[[Slot, int], SlotText],
                       site_url: str | None) -> bytes:
    """``describe(slot, day_number)`` gives the slot's title, description and page address."""
    zone = ZoneInfo(programme.timezone)
    # UIDs name the language: the calendars of two languages are different calendars, and a
    # reader who imports both must get both sets of events, not one overwriting the other.
    host = urlsplit(site_url).hostname if site_url else "trainer-handbook"
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
            text = describe(slot, d)
            event = Event()
            event.add("uid", f"{programme.id}-day{d}-slot{s}-{language}@{host}")
            event.add("dtstamp", stamp)
            event.add("dtstart", start)
            event.add("dtend", start + datetime.timedelta(minutes=slot.minutes))
            event.add("summary", text.title)
            event.add("location", programme.venue[language])
            event.add("description", text.description)
            if text.url:
                event.add("url", text.url)
            calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def slot_text(curriculum: Curriculum, programme: Programme,
              language: str) -> Callable[[Slot, int], SlotText]:
    """A module slot is described by its module's summary and links to the module; any other
    slot by its note (or the day's title) and links to its day on the agenda."""
    config = curriculum.config
    agenda = generated_source(config, f"programmes/{programme.id}.md")

    def describe(slot: Slot, day: int) -> SlotText:
        if slot.module:
            module = curriculum.module(slot.module)
            return SlotText(module.title[language], prose(module.summary[language]),
                            page_url(config, language,
                                     generated_source(config, f"modules/{module.id}.md")))
        title = slot.title[language] if slot.title else ""
        note = slot.note[language] if slot.note else programme.days[day - 1].title[language]
        return SlotText(title, prose(note), page_url(config, language, f"{agenda}#day-{day}"))

    return describe


REMINDER_MONTHS = (1, 3, 6)  # Wikimedia's 2015 workshop evaluation: 1st, 3rd and 6th month


def months_after(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later (the month's last day when it has no such day)."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return datetime.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover  (every month has a 28th)


def event_calendar(event: EventRecord, language: str, words: dict[str, str],
                   url: str | None, site_url: str | None) -> bytes:
    """The event's days, and reminders 1, 3 and 6 months after its last day to import the
    Dashboard's figures again (retention is measured then)."""
    host = urlsplit(site_url).hostname if site_url else "trainer-handbook"
    calendar = Calendar()
    calendar.add("prodid", "-//Tajik Wikimedians//Trainer handbook//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", event.title[language])
    stamp = datetime.datetime.combine(event.dates[0], datetime.time(), datetime.UTC)
    entries = [(f"day{n}", day, event.title[language], event.summary[language])
               for n, day in enumerate(event.dates, start=1)]
    entries += [(f"import{months}", months_after(event.dates[-1], months),
                 words["reminder"].format(event=event.title[language], months=months),
                 words["reminder_description"].format(id=event.id))
                for months in REMINDER_MONTHS]
    for key, day, title, description in entries:
        entry = Event()
        entry.add("uid", f"event-{event.id}-{key}-{language}@{host}")
        entry.add("dtstamp", stamp)
        entry.add("dtstart", day)
        entry.add("dtend", day + datetime.timedelta(days=1))
        entry.add("summary", title.strip())
        entry.add("description", prose(description).strip())
        if url:
            entry.add("url", url)
        if key.startswith("import"):
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", title.strip())
            alarm.add("trigger", datetime.timedelta(hours=9))  # 09:00 on the day
            entry.add_component(alarm)
        calendar.add_component(entry)
    return calendar.to_ical()
