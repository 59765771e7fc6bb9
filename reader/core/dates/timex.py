"""TimeML values: formatting, calendar arithmetic, and the day interval a value covers."""

from __future__ import annotations

import calendar
import logging
import re
from datetime import date, timedelta

log = logging.getLogger(__name__)

PRESENT_REF = "PRESENT_REF"
PAST_REF = "PAST_REF"
FUTURE_REF = "FUTURE_REF"

# Meteorological seasons: (first month, number of months); winter runs into the next year.
SEASONS = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3), "WI": (12, 3)}

_VALUE = re.compile(
    r"""^(?:
      (?P<y>\d{4})(?:-(?P<m>\d\d)(?:-(?P<d>\d\d)(?:T.*)?)?)?
    | (?P<wy>\d{4})-W(?P<w>\d\d)(?P<we>-WE)?
    | (?P<qy>\d{4})-Q(?P<q>[1-4])
    | (?P<hy>\d{4})-H(?P<h>[12])
    | (?P<sy>\d{4})-(?P<s>SP|SU|FA|WI)
    | (?P<dec>\d{3})X
    | (?P<cen>\d\d)(?:XX)?
    )$""",
    re.VERBOSE,
)


def day(d: date) -> str:
    """Return the TimeML value of a calendar day."""
    return d.isoformat()


def month(year: int, month_number: int) -> str:
    """Return the TimeML value of a month."""
    return f"{year:04d}-{month_number:02d}"


def week(d: date) -> str:
    """Return the TimeML value of the ISO week containing `d`."""
    year, number, _ = d.isocalendar()
    return f"{year:04d}-W{number:02d}"


def quarter(d: date) -> str:
    """Return the TimeML value of the quarter containing `d`."""
    return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"


def add_months(d: date, months: int) -> date:
    """Return the first day of the month `months` after (or before) the month of `d`."""
    index = d.year * 12 + d.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def shift(anchor: date, amount: int, unit: str) -> str | None:
    """Return the value `amount` units (day/week/month/quarter/year/decade) from `anchor`."""
    if unit == "day":
        return day(anchor + timedelta(days=amount))
    if unit == "week":
        return week(anchor + timedelta(weeks=amount))
    if unit == "month":
        moved = add_months(anchor, amount)
        return month(moved.year, moved.month)
    if unit == "quarter":
        return quarter(add_months(anchor, 3 * amount))
    if unit == "year":
        return f"{anchor.year + amount:04d}"
    if unit == "decade":
        return f"{(anchor.year + 10 * amount) // 10:03d}X"
    return None


def _month_span(year: int, first: int, count: int) -> tuple[date, date]:
    start = date(year, first, 1)
    return start, add_months(start, count) - timedelta(days=1)


def interval(value: str | None) -> tuple[date, date] | None:
    """Return the first and last day a DATE/TIME value covers; None if it names no days."""
    match = _VALUE.match(value or "")
    if not match:
        return None
    g = match.groupdict()
    try:
        if g["y"]:
            year = int(g["y"])
            if g["d"]:
                one = date(year, int(g["m"]), int(g["d"]))
                return one, one
            if g["m"]:
                return _month_span(year, int(g["m"]), 1)
            return date(year, 1, 1), date(year, 12, 31)
        if g["wy"]:
            monday = date.fromisocalendar(int(g["wy"]), int(g["w"]), 1)
            if g["we"]:
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        if g["qy"]:
            return _month_span(int(g["qy"]), 3 * int(g["q"]) - 2, 3)
        if g["hy"]:
            return _month_span(int(g["hy"]), 6 * int(g["h"]) - 5, 6)
        if g["sy"]:
            return _month_span(int(g["sy"]), *SEASONS[g["s"]])
        if g["dec"]:
            first = int(g["dec"]) * 10
            return date(max(first, 1), 1, 1), date(first + 9, 12, 31)
        first = int(g["cen"]) * 100
        return date(max(first, 1), 1, 1), date(first + 99, 12, 31)
    except ValueError:
        log.debug("not a calendar value: %s", value)
        return None


_MONTH_NAMES = list(calendar.month_name)[1:]  # English names, as the articles write them
_SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "fall", "WI": "winter"}
_QUARTER_NAMES = {"1": "first", "2": "second", "3": "third", "4": "fourth"}


_REFERENCES = {"PRESENT_REF": "the present", "PAST_REF": "the past", "FUTURE_REF": "the future"}
_DURATION = re.compile(r"PT?(\d+(?:\.\d+)?|X)(DE|CE|[YMWDHSQ])")
_DATE_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "Q": "quarter"}
_TIME_UNITS = {"H": "hour", "M": "minute", "S": "second"}
_LONG_UNITS = {"DE": "decade", "CE": "century"}


def _duration(value: str) -> str:
    """A TimeML duration as words ("P1.5Y" → "1.5 years"); other values as they are."""
    match = _DURATION.fullmatch(value)
    if not match:
        return value
    amount, unit = match.groups()
    units = _TIME_UNITS if value.startswith("PT") else _DATE_UNITS
    word = _LONG_UNITS.get(unit) or units.get(unit, unit)
    if amount == "X":
        return f"some {'centuries' if word == 'century' else word + 's'}"
    plural = amount != "1"
    if plural:
        word = "centuries" if word == "century" else word + "s"
    return f"{amount} {word}"


def describe(value: str) -> str:
    """Return a TimeML value as people write it: "2024-07" → "July 2024"."""
    if value in _REFERENCES:
        return _REFERENCES[value]
    match = _VALUE.match(value)
    if not match:
        return _duration(value)
    g = match.groupdict()
    if g["y"] and g["d"]:
        text = f"{_MONTH_NAMES[int(g['m']) - 1]} {int(g['d'])}, {g['y']}"
        return f"{text}, {value.split('T', 1)[1]}" if "T" in value else text
    if g["y"] and g["m"]:
        return f"{_MONTH_NAMES[int(g['m']) - 1]} {g['y']}"
    if g["y"]:
        return g["y"]
    if g["wy"]:
        return f"{'weekend of ' if g['we'] else ''}week {int(g['w'])} of {g['wy']}"
    if g["qy"]:
        return f"{_QUARTER_NAMES[g['q']]} quarter of {g['qy']}"
    if g["hy"]:
        return f"{'first' if g['h'] == '1' else 'second'} half of {g['hy']}"
    if g["sy"]:
        return f"{_SEASON_NAMES[g['s']]} {g['sy']}"
    if g["dec"]:
        return f"the {g['dec']}0s"
    number = int(g["cen"]) + 1
    suffix = (
        "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    )
    return f"the {number}{suffix} century"
