"""Read a publication date written the way bylines and meta tags write it."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_LEAD = r"^\s*(?:(?:Published|Updated|Posted|Date)\s*:?\s*)?" + _WEEKDAY
# A trailing clock time ("at 3:15 PM EST") says nothing about the day.
_TIME = re.compile(r",?\s+(?:at\s+)?\d{1,2}:\d{2}\s*(?:[apAP]\.?[mM]\.?)?\s*(?:[A-Z]{2,4})?$")
_PATTERNS = (
    re.compile(
        r"^\s*(?P<year>\d{4})-(?P<month>\d{2})(?:-(?P<day>\d{2}))?"
        r"(?:[T ][\d:.]+(?:Z|[+-][\d:]+)?)?\s*$"
    ),
    re.compile(_LEAD + _MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\s*$"),
    re.compile(
        _LEAD + r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>\d{4})\s*$"
    ),
    re.compile(_LEAD + _MONTH + r",?\s+(?P<year>\d{4})\s*$"),
)


def parse(text: str) -> str | None:
    """Return the ISO date (full or partial, e.g. "2024-07") written in `text`, or None."""
    text = _TIME.sub("", text.strip())
    if len(text) > 80:
        return None
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if match is None:
            continue
        parts = match.groupdict()
        month = _month_number(parts["month"])
        year = int(parts["year"])
        if month is None or not 1000 <= year <= 2999:
            return None
        if parts.get("day") is None:
            return f"{year:04d}-{month:02d}"
        day = int(parts["day"])
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return None
    if re.fullmatch(r"\d{4}", text) and 1000 <= int(text) <= 2999:
        return text
    return None


# A news dateline opening the first paragraph: the place in capitals, then the date in
# parentheses or after a comma, then a dash ("SANTA FE, N.M. (Dec. 7, 2026) —",
# "WASHINGTON, Dec. 7, 2026 —"). "(AP) —" names an agency, not a day.
_PLACE = r"[A-Z][A-Z.'\u2019-]+(?:\s+[A-Z][A-Z.'\u2019-]+){0,3}(?:,\s+[A-Z][A-Za-z.]{1,12}){0,2}"
_LEADING = re.compile(
    rf"^\s*{_PLACE}\s*(?:\((?P<inner>[^()]{{6,40}})\)|,\s*(?P<after>[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}},\s+\d{{4}}))"
    r"\s*(?:[\u2014\u2013]|--?)\s"
)


def leading(paragraph: str) -> str | None:
    """The full date of a news dateline that opens `paragraph`, or None."""
    found = _LEADING.match(paragraph[:200])
    if found is None:
        return None
    value = parse(found["inner"] or found["after"])
    return value if value and len(value) == 10 else None


def is_dateline(text: str) -> bool:
    """True when a whole line is just a date (with an optional weekday, time or "Updated")."""
    return parse(text) is not None and not re.fullmatch(r"\s*\d{4}\s*", text)


def _month_number(token: str) -> int | None:
    if token.isdigit():
        number = int(token)
        return number if 1 <= number <= 12 else None
    return MONTHS.get(token.lower().rstrip("."))
