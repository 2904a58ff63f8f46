"""Dates and time zones as each language writes them, for pages and exports. ``words`` are
the language's interface strings (locales/<language>.yml)."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_date, get_timezone_gmt, get_timezone_location


def long_date(day: datetime.date, language: str, words: dict[str, str]) -> str:
    """A date as the language writes it: ``date_long`` in its locale file when Babel's own
    form is wrong (Tajik: "Ҷумъа, 4 апрели 2025", not Babel's "Ҷумъа, 04 Апрел 2025")."""
    pattern = words.get("date_long")
    if not pattern:
        return format_date(day, format="full", locale=language)
    return pattern.format(weekday=format_date(day, "EEEE", locale=language), day=day.day,
                          month=format_date(day, "MMMM", locale=language).lower(),
                          year=day.year)


def zone_name(zone: str, day: datetime.date, language: str, words: dict[str, str]) -> str:
    """An IANA zone as readers say it, with its offset on that day: "вақти Душанбе (UTC+5)"."""
    moment = datetime.datetime.combine(day, datetime.time(12), ZoneInfo(zone))
    offset = get_timezone_gmt(moment, width="iso8601_short", locale=language)
    offset = "" if offset == "Z" else offset.replace("+0", "+").replace("-0", "-")
    city = get_timezone_location(ZoneInfo(zone), locale=language, return_city=True)
    return words["timezone_name"].format(city=city, offset=f"UTC{offset}")
