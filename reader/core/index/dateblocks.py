"""Day intervals as index terms, so that "overlaps" becomes an ordinary term query.

An interval is cut into aligned blocks: whole years, whole months, single days. Two aligned
blocks overlap only when one contains the other. So each indexed block b is written as
`@b` (the block itself) and `^a` for every block a that contains b, itself included. A query
block q then matches an indexed interval through `^q` (an indexed block lies inside q) or
`@a` for each a containing q (an indexed block contains q).

Date search tells the two apart (issue 14): a mention *within* the query (`^q`: "October 2,
2017" or "2017-10" for the query "October 2017") is an exact match; a mention that only
*contains* it (`@a` for a block a strictly wider than q: "2017" for "October 2, 2017") is a
weaker one, ranked after every exact match. A mention of several blocks (a quarter) is within
the query when one of its blocks is.
"""

from __future__ import annotations

import calendar
import functools
from datetime import date, timedelta

MAX_BLOCKS = 400  # an open-ended query ("before 2022") is cut at FIRST_YEAR


WITHIN = "within"  # the indexed date lies inside the query's interval: an exact match
CONTAINS = "contains"  # the indexed date is coarser and contains the query: a weaker match
FIRST_YEAR = 1800
LAST_YEAR = 2200


def blocks(first: date, last: date) -> list[str]:
    """Return the aligned year/month/day blocks that exactly cover [first, last]."""
    out: list[str] = []
    day = first
    while day <= last and len(out) < MAX_BLOCKS:
        year_end = date(day.year, 12, 31)
        month_end = date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])
        if day.month == 1 and day.day == 1 and year_end <= last:
            out.append(f"y{day.year:04d}")
            day = year_end + timedelta(days=1)
        elif day.day == 1 and month_end <= last:
            out.append(f"m{day.year:04d}{day.month:02d}")
            day = month_end + timedelta(days=1)
        else:
            out.append(f"d{day.year:04d}{day.month:02d}{day.day:02d}")
            day += timedelta(days=1)
    return out


def _ancestors(block: str) -> list[str]:
    """The block and every block containing it."""
    if block[0] == "d":
        return [block, "m" + block[1:7], "y" + block[1:5]]
    if block[0] == "m":
        return [block, "y" + block[1:5]]
    return [block]


def index_terms(first: date, last: date) -> list[str]:
    """Return the terms to index for an interval."""
    terms: set[str] = set()
    for block in blocks(first, last):
        terms.add("@" + block)
        terms.update("^" + a for a in _ancestors(block))
    return sorted(terms)


def containing_terms(first: date, last: date) -> list[str]:
    """Terms saying only "lies inside this month / year", for intervals too vague for days."""
    terms = {f"^y{year:04d}" for year in range(first.year, last.year + 1)}
    month = date(first.year, first.month, 1)
    while month <= last:
        terms.add(f"^m{month.year:04d}{month.month:02d}")
        month = (month + timedelta(days=32)).replace(day=1)
    return sorted(terms)


def mention_terms(value: str, span: tuple[date, date]) -> list[str]:
    """Index terms for a mentioned date; a week ("this week") only counts for its month and year.

    A reader who searches for one day wants articles that name that day (or the month or
    year around it), not every article that said "this week" near it.
    """
    if "W" not in value:
        return index_terms(*span)
    return containing_terms(*span)


@functools.lru_cache(maxsize=64)
def within_terms(first: date | None, last: date | None) -> frozenset[str]:
    """Terms of an indexed interval lying inside [first, last] (an exact match)."""
    first = first or date(FIRST_YEAR, 1, 1)
    last = last or date(LAST_YEAR, 12, 31)
    return frozenset("^" + block for block in blocks(first, last))


@functools.lru_cache(maxsize=64)
def coarser_terms(first: date | None, last: date | None) -> frozenset[str]:
    """Terms of an indexed block strictly wider than [first, last] that contains part of it."""
    first = first or date(FIRST_YEAR, 1, 1)
    last = last or date(LAST_YEAR, 12, 31)
    own = blocks(first, last)
    wider = {a for block in own for a in _ancestors(block)} - set(own)
    return frozenset("@" + block for block in wider)


def relation(terms: list[str] | set[str], first: date | None, last: date | None) -> str | None:
    """WITHIN or CONTAINS for an indexed interval's `terms` against a query, else None."""
    if not within_terms(first, last).isdisjoint(terms):
        return WITHIN
    if not coarser_terms(first, last).isdisjoint(terms):
        return CONTAINS
    return None


def query_terms(first: date | None, last: date | None) -> list[str]:
    """Return the terms any of which marks an indexed interval overlapping [first, last]."""
    first = first or date(FIRST_YEAR, 1, 1)
    last = last or date(LAST_YEAR, 12, 31)
    terms: set[str] = set()
    for block in blocks(first, last):
        terms.add("^" + block)
        terms.update("@" + a for a in _ancestors(block))
    return sorted(terms)
