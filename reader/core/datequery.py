"""Placeholder until the date normaliser lands: ISO dates in a query."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from reader.core import timex

_ISO = re.compile(r"\b\d{4}(?:-\d{2}(?:-\d{2})?)?\b")


@dataclass(frozen=True)
class QueryDate:
    """A date found in a query: its span there and the days it covers (None = open-ended)."""

    start: int
    end: int
    first: date | None
    last: date | None
    label: str


def find(query: str, today: date, *, day_first: bool = False) -> list[QueryDate]:
    """Return the dates written in `query`."""
    found = []
    for match in _ISO.finditer(query):
        span = timex.interval(match.group(0))
        if span:
            found.append(QueryDate(match.start(), match.end(), span[0], span[1], match.group(0)))
    return found
