"""What earlier mentions say about later ones: "the quarter" after "the third quarter"."""

from __future__ import annotations

import re
from datetime import date

from reader.core.dates import timex
from reader.core.mentions import Mention
from reader.core.text import sentences

_YEAR_AGO = re.compile(
    r"(?i)(?:a|one)\s+year\s+(?:ago|earlier)|year[- ](?:ago|earlier)|last\s+year"
)
# "the quarter" is the one being discussed; "the latest quarter" is the last ended one (its own
# value), and "the latest period" has no unit of its own, so it is the quarter discussed.
_THE_QUARTER = re.compile(
    r"(?i)the\s+(?:fiscal\s+)?quarter|the\s+(?:latest|most\s+recent)\s+period"
)
_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")
# "the 1988 quarter" (or period): that year's quarter of the same number as the one discussed
_YEAR_PERIOD = re.compile(r"(?i)the\s+(\d{4})\s+(?:quarter|period)")


def _follow_quarters(text: str, mentions: list[Mention]) -> list[Mention]:
    """In earnings news "a year ago" and "the quarter" refer to the quarter being discussed."""
    out: list[Mention] = []
    current: re.Match[str] | None = None
    for m in mentions:
        value = m.value
        if current and value and value.isdigit() and _YEAR_AGO.fullmatch(m.text):
            start, end = sentences.sentence_span(text, m.start)
            if "quarter" in text[start:end].lower():
                value = f"{int(current[1]) - 1}-Q{current[2]}"
        elif current and _THE_QUARTER.fullmatch(m.text):
            value = current.group()
        elif current and (year := _YEAR_PERIOD.fullmatch(m.text)):
            value = f"{year[1]}-Q{current[2]}"
        found = _QUARTER_VALUE.match(value or "")
        if found and not (_YEAR_AGO.fullmatch(m.text) or _YEAR_PERIOD.fullmatch(m.text)):
            current = found
        out.append(m if value == m.value else Mention(m.start, m.end, m.text, m.label, value=value))
    return out


# "that year", "the following month", "later that day": counted from the last one named
_ANAPHOR = re.compile(
    r"(?i)(?:(?:later|earlier)\s+)?(?:that|the\s+(?P<rel>following|previous|same))\s+"
    r"(?:same\s+)?(?P<unit>year|month|day)"
)
_STEPS = {"following": 1, "previous": -1}
_CALENDAR = re.compile(r"^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?(?![\d-])|^(\d{4})")


def _follow_units(mentions: list[Mention]) -> list[Mention]:
    """ "That year" is the year of the last date named, not the anchor's (both often differ)."""
    out: list[Mention] = []
    named: re.Match[str] | None = None  # the last calendar value so far
    for m in mentions:
        found = _ANAPHOR.fullmatch(" ".join(m.text.split()))
        if found and m.value is None and named:
            step = _STEPS.get((found["rel"] or "").lower(), 0)
            value = _shifted(named, found["unit"].lower(), step)
            m = Mention(m.start, m.end, m.text, m.label, value=value)
        named = _CALENDAR.match(m.value or "") or named
        out.append(m)
    return out


def _shifted(named: re.Match[str], unit: str, step: int) -> str | None:
    """The `unit` `step` units from the date `named`; None if `named` is coarser than `unit`."""
    year, month, day = named[1] or named[4], named[2], named[3]
    if unit == "year":
        return timex.shift(date(int(year), 1, 1), step, "year")
    if unit == "month":
        return timex.shift(date(int(year), int(month), 1), step, "month") if month else None
    if day:
        return timex.shift(date(int(year), int(month), int(day)), step, "day")
    # "the day" of a month named ("last October ... that same day"): that month, day unknown
    return f"{year}-{month}-XX" if month and step == 0 else None


def follow(text: str, mentions: list[Mention]) -> list[Mention]:
    """`mentions` (in text order) with the values that the mentions before them give."""
    return _follow_units(_follow_quarters(text, mentions))
