"""An event in one language's words: what its report (Meta-Wiki wikitext) and its page on
the site both show, so the two cannot tell different stories."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError

from ..common.dates import long_date
from ..delivery import known, planned, programme_of
from ..loader import Curriculum
from ..models import Event, ParticipantCount, Session
from ..strings import strings


def words(curriculum: Curriculum, language: str) -> dict[str, str]:
    """The interface strings (general and event ones) for ``language``."""
    fallback = curriculum.config.source_language
    return {**strings(language, fallback), **strings(language, fallback, "event.")}


@dataclass(frozen=True)
class Row:
    """One session as the report and the page show it."""

    session: Session
    day: int  # 1-based day of the event
    start: str  # planned start, or "" for an unplanned session
    title: str
    planned: int | None
    actual: int | None
    status: str  # "" when delivered; else the words for not delivered / not known

    @property
    def timed(self) -> bool:
        return self.planned is not None or self.actual is not None


def rows(curriculum: Curriculum, event: Event, language: str) -> list[Row]:
    t = words(curriculum, language)
    programme = programme_of(curriculum, event)
    found = []
    for session in event.sessions:
        module = curriculum.module(session.module) if session.module else None
        title = (module.title[language] if module else session.module) if session.module \
            else (session.title or {}).get(language, "")
        status = "" if session.delivered is True else (
            t["delivered_no"] if session.delivered is False else t["delivered_unknown"])
        day = event.dates.index(session.date) + 1 if session.date in event.dates else 0
        found.append(Row(session, day, session.start or "", title.strip(),
                         planned(programme, session), known(session.actual), status))
    return sorted(found, key=lambda r: (r.session.date, r.start or "99:99"))


def number(value: int | None, t: dict[str, str]) -> str:
    return t["unknown"] if value is None else str(value)


def day_title(event: Event, day: datetime.date, t: dict[str, str], language: str) -> str:
    return t["day"].format(number=event.dates.index(day) + 1,
                           date=long_date(day, language, t))


def dates_text(event: Event, t: dict[str, str], language: str) -> str:
    days = [long_date(day, language, t) for day in event.dates]
    return t["and"].join([", ".join(days[:-1]), days[-1]]) if len(days) > 1 else days[0]


def country(code: str, language: str) -> str:
    try:
        return Locale.parse(language).territories.get(code, code)
    except (UnknownLocaleError, ValueError):
        return code


def venue_text(event: Event, language: str) -> str:
    venue = event.venue
    parts = [venue.name[language], venue.address[language] if venue.address else "",
             venue.city[language], country(venue.country, language)]
    return ", ".join(part.strip() for part in parts if part.strip())


def count_text(count: ParticipantCount, t: dict[str, str], language: str) -> str:
    value = t["count_unknown"] if count.count == "unknown" else str(count.count)
    note = f" ({count.note[language].strip()})" if count.note else ""
    return f"{t['kind_' + count.kind]}: {value}{note}"


def people_names(names: list[str]) -> str:
    return ", ".join(names)
