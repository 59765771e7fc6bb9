"""What earlier mentions say about later ones: "the quarter" after "the third quarter"."""

from __future__ import annotations

import re

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


def follow(text: str, mentions: list[Mention]) -> list[Mention]:
    """`mentions` (in text order) with the values that the mentions before them give."""
    return _follow_quarters(text, mentions)
