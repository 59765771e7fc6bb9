"""Holidays: their names as they appear in news text, and the day each falls on in a year."""

from __future__ import annotations

import logging
import re
from datetime import date, timedelta

log = logging.getLogger(__name__)

# name pattern -> (rule, a, b, c, days added). Rules: ("fixed", month, day), ("nth", month,
# weekday Mon=0, n; -1 = last), ("easter",) counted from Easter Sunday.
_Rule = tuple[str, int, int, int, int]
_TABLE: tuple[tuple[str, _Rule], ...] = (
    (r"Christmas Eve", ("fixed", 12, 24, 0, 0)),
    (r"Christmas(?: Day)?", ("fixed", 12, 25, 0, 0)),
    (r"Boxing Day", ("fixed", 12, 26, 0, 0)),
    (r"New Year'?s Eve", ("fixed", 12, 31, 0, 0)),
    (r"New Year'?s(?: Day)?", ("fixed", 1, 1, 0, 0)),
    (r"Independence Day|the Fourth of July", ("fixed", 7, 4, 0, 0)),
    (r"Halloween", ("fixed", 10, 31, 0, 0)),
    (r"(?:St\.?|Saint) Valentine'?s Day|Valentine'?s Day", ("fixed", 2, 14, 0, 0)),
    (r"(?:St\.?|Saint) Patrick'?s Day", ("fixed", 3, 17, 0, 0)),
    (r"Veterans'? Day|Armistice Day", ("fixed", 11, 11, 0, 0)),
    (r"Juneteenth", ("fixed", 6, 19, 0, 0)),
    (r"Thanksgiving(?: Day)?", ("nth", 11, 3, 4, 0)),
    (r"Black Friday", ("nth", 11, 3, 4, 1)),
    (r"Memorial Day", ("nth", 5, 0, -1, 0)),
    (r"Labor Day", ("nth", 9, 0, 1, 0)),
    (r"Martin Luther King(?:,? Jr\.?)? Day|MLK Day", ("nth", 1, 0, 3, 0)),
    (r"Presidents'? Day", ("nth", 2, 0, 3, 0)),
    (r"Columbus Day|Indigenous Peoples'? Day", ("nth", 10, 0, 2, 0)),
    (r"Mother'?s Day", ("nth", 5, 6, 2, 0)),
    (r"Father'?s Day", ("nth", 6, 6, 3, 0)),
    (r"Easter Monday", ("easter", 0, 0, 0, 1)),
    (r"Easter(?: Sunday)?", ("easter", 0, 0, 0, 0)),
    (r"Good Friday", ("easter", 0, 0, 0, -2)),
    (r"Maundy Thursday|Holy Thursday", ("easter", 0, 0, 0, -3)),
    (r"Palm Sunday", ("easter", 0, 0, 0, -7)),
    (r"Ash Wednesday", ("easter", 0, 0, 0, -46)),
)

_COMPILED = tuple((re.compile(f"(?:{p})$"), rule) for p, rule in _TABLE)
# In table order, where "Christmas Eve" comes before "Christmas" so that it wins.
PATTERN = "|".join(p for p, _ in _TABLE).replace("'", "['\u2019]")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'"})


def easter(year: int) -> date:
    """Return Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    lw = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lw) // 451
    month_number = (h + lw - 7 * m + 114) // 31
    return date(year, month_number, (h + lw - 7 * m + 114) % 31 + 1)


def _nth_weekday(year: int, month_number: int, weekday: int, n: int) -> date:
    if n > 0:
        first = date(year, month_number, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    following = date(year + month_number // 12, month_number % 12 + 1, 1)
    last = following - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _apply(rule: _Rule, year: int) -> date:
    kind, a, b, c, offset = rule
    if kind == "fixed":
        base = date(year, a, b)
    elif kind == "nth":
        base = _nth_weekday(year, a, b, c)
    else:
        base = easter(year)
    return base + timedelta(days=offset)


def day_of(name: str, year: int) -> date | None:
    """Return the day holiday `name` falls on in `year`, or None if it is not a known holiday."""
    clean = " ".join(name.translate(_APOSTROPHES).split())
    for pattern, rule in _COMPILED:
        if pattern.match(clean):
            return _apply(rule, year)
    log.debug("unknown holiday %r", name)
    return None
