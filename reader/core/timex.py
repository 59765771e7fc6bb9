"""Placeholder until the date normaliser lands: day intervals of plain ISO values."""

from __future__ import annotations

import calendar
import re
from datetime import date

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$")
_MONTHS = "January February March April May June July August September October November December"


def interval(value: str) -> tuple[date, date] | None:
    """Return the first and last day a TimeML date value covers, or None."""
    match = _ISO.match(value)
    if not match:
        return None
    year = int(match[1])
    try:
        if match[3]:
            day = date(year, int(match[2]), int(match[3]))
            return day, day
        if match[2]:
            month = int(match[2])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def describe(value: str) -> str:
    """Return a TimeML date value as people write it: "2024-07" → "July 2024"."""
    match = _ISO.match(value)
    if not match:
        return value
    names = _MONTHS.split()
    if match[3]:
        return f"{names[int(match[2]) - 1]} {int(match[3])}, {match[1]}"
    if match[2]:
        return f"{names[int(match[2]) - 1]} {match[1]}"
    return match[1]
