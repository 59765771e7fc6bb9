"""Dates in a search query ("July 2024", "before 2022", "2021..2022") as day intervals."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, timedelta

from reader.core.dates import finding as dates
from reader.core.dates import tense, timex
from reader.core.mentions import Mention

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class QueryDate:
    """A date found in a query: its span there and the days it covers (None = open-ended)."""

    start: int
    end: int
    first: date | None
    last: date | None
    label: str


_DOTS = re.compile(r"(?<![\w.])(\d{4}(?:-\d\d){0,2})\s*\.\.\s*(\d{4}(?:-\d\d){0,2})(?![\w.])")
_BETWEEN = re.compile(r"(?i)\b(between|from)\s+$")
_JOINER = re.compile(r"(?i)^\s*(?:and|to|through|until|-|\u2013)\s*$")
_OPEN = re.compile(r"(?i)\b(before|after|since|until|till|from)\s+$")


def _past(start: int, end: int) -> str | None:
    """A query names dates to look back to: "since March" is the last March, not the next."""
    return tense.PAST


def _with_year(first: Mention, last_value: str) -> str | None:
    """Give "July" in "between July and December 2024" the year of the second date."""
    if (
        first.value
        and re.fullmatch(r"\d{4}-\d\d(?:-\d\d)?", first.value)
        and not re.search(r"\d{4}", first.text)
    ):
        return last_value[:4] + first.value[4:]
    return first.value


def _range(query: str, a: Mention, b: Mention) -> QueryDate | None:
    a_value = _with_year(a, b.value or "")
    first, last = timex.interval(a_value), timex.interval(b.value)
    if not first or not last or not a_value or not b.value:
        return None
    if first[0] > last[1] and a_value != a.value:  # "between November and February 2024"
        a_value = str(int(a_value[:4]) - 1) + a_value[4:]
        first = timex.interval(a_value) or first
    label = f"{timex.describe(a_value)} to {timex.describe(b.value)}"
    return QueryDate(a.start, b.end, first[0], last[1], label)


def _single(query: str, m: Mention, opened: int) -> QueryDate | None:
    span = timex.interval(m.value)
    if span is None or m.value is None:
        return None
    word = _OPEN.search(query, max(0, m.start - 12), m.start)
    name = timex.describe(m.value)
    if word is None or word.start() < opened:
        return QueryDate(m.start, m.end, span[0], span[1], name)
    kind = word.group(1).lower()
    if kind == "before":
        return QueryDate(word.start(), m.end, None, span[0] - timedelta(days=1), f"before {name}")
    if kind == "after":
        return QueryDate(word.start(), m.end, span[1] + timedelta(days=1), None, f"after {name}")
    if kind in ("since", "from"):
        return QueryDate(word.start(), m.end, span[0], None, f"since {name}")
    return QueryDate(word.start(), m.end, None, span[1], f"until {name}")


def find(query: str, today: date, *, day_first: bool = False) -> list[QueryDate]:
    """Return the dates and date ranges written in `query`, resolved against `today`."""
    found: list[QueryDate] = []
    for dots in _DOTS.finditer(query):
        a, b = timex.interval(dots[1]), timex.interval(dots[2])
        if a and b:
            label = f"{timex.describe(dots[1])} to {timex.describe(dots[2])}"
            found.append(QueryDate(dots.start(), dots.end(), a[0], b[1], label))
    taken = [(q.start, q.end) for q in found]
    mentions, _ = dates.match(query, today, [(0, len(query))], day_first, _past)
    mentions = sorted(
        (m for m in mentions if not any(s < m.end and m.start < e for s, e in taken)),
        key=lambda m: m.start,
    )
    i, opened = 0, 0
    while i < len(mentions):
        m = mentions[i]
        after = mentions[i + 1] if i + 1 < len(mentions) else None
        if after and _JOINER.match(query[m.end : after.start]):
            pair = _range(query, m, after)
            if pair:
                lead = _BETWEEN.search(query, max(0, m.start - 10), m.start)
                start = lead.start() if lead else m.start
                found.append(QueryDate(start, pair.end, pair.first, pair.last, pair.label))
                i, opened = i + 2, pair.end
                continue
        single = _single(query, m, opened)
        if single:
            found.append(single)
        i += 1
    return sorted(found, key=lambda q: q.start)


def one_date(text: str, today: date, *, day_first: bool = False) -> str | None:
    """The single date `text` is, as a TimeML value ("October 2021" → "2021-10"), or None.

    For fields that hold one date, such as the bounds of a date filter: "2021", "2021-10",
    "Oct 21, 2021", "21/10/2021" with `day_first`, "last March". Text with more than a date in
    it is not one date.
    """
    text = text.strip()
    mentions, _ = dates.match(text, today, [(0, len(text))], day_first, _past)
    if len(mentions) != 1 or (mentions[0].start, mentions[0].end) != (0, len(text)):
        return None
    value = mentions[0].value
    return value if value and timex.interval(value) else None
