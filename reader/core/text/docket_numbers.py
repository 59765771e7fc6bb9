"""Docket and case numbers of common US court formats ("No. 14-981", "1:17-cv-01234-ABC").

Plain patterns, not a model: each court family writes its numbers one way, and a number
that is only digits and a hyphen ("21-1397") is taken only where nothing else in the text
makes it a date, a range or a longer number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The case types state trial courts put in their numbers (civil, criminal, domestic relations,
# family, juvenile, probate, small claims, traffic, felony, misdemeanour, ...).
_STATE_TYPES = r"(?:CV|CR|CI|CA|DR|FA|FL|JV|PR|SC|TR|CF|CM|MI|DC)"
_PATTERNS = [
    # New Mexico district courts: court, number, type, year, number ("D-101-CV-2021-01234",
    # the Santa Fe court of the Rust case).
    r"[A-Z]-\d{3}-" + _STATE_TYPES + r"-\d{4}-\d{3,6}",
    # Federal district and bankruptcy courts: office, year, case type, number, judges.
    r"\d{1,2}:\d{2}-[a-zA-Z]{2,4}-\d{3,6}(?:-[A-Z]{1,5}){0,3}",
    # ... and cited without the office: "22-cv-00413".
    r"\d{2}-(?i:cv|cr|mc|mj)-\d{3,6}(?:-[A-Z]{1,5}){0,3}",
    # State trial courts: a four-digit year, the case type and a number ("2022-CV-0413",
    # "2022CV0413"), or the type first ("CV-2022-0413").
    r"\d{4}-?" + _STATE_TYPES + r"-?\d{3,7}",
    _STATE_TYPES + r"-\d{4}-\d{3,7}",
    # Texas courts of appeals: court, year, number, CV or CR.
    r"\d{2}-\d{2}-\d{5}-C[VR]",
    # Texas Court of Criminal Appeals writs: "WR-82,851-01".
    r"WR-\d{2},\d{3}-\d{2}",
    # New York Appellate Division: "CV-24-1712", "CR-23-0297".
    r"C[VR]-\d{2}-\d{4}",
    # Georgia Court of Appeals: "A21A0733", "A22D0077".
    r"A\d{2}[A-Z]\d{4}",
    # Supreme Court applications: "04A289", "25A561".
    r"\d{2}A\d{1,4}",
    # Magistrate numbers in the Southern District of New York: "21 Mag. 4335".
    r"\d{2} Mag\. \d{3,5}",
    # Bankruptcy courts with the judge's initials, some with the chapter: "22-22507-cgm",
    # "95-05684-PB7".
    r"\d{2}-\d{5}-[a-zA-Z]{2,4}\d{0,2}",
    # Year and number: Supreme Court "14-981", state courts "24-0023", bankruptcy "10-12345".
    r"\d{2}-\d{3,6}",
]
# Not inside a longer number, hyphen chain or word ("03-07-24" is a date, "2014-15" a range).
_DOCKET = re.compile(r"(?<![\w\-:,./])(?:" + "|".join(_PATTERNS) + r")(?![\w\-]|[,.:/]\d)")
_PREFIX = re.compile(
    r"(?:\b(?:Nos?|Case|Docket|Cause|Petition|Proceeding|Lead BK Case)\.?(?: No\.?| Number)?"
    r"\s*[#:]?\s*:?\s*)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class DocketNumber:
    """A docket or case number's span (str offsets, end exclusive) and its normalised form."""

    start: int
    end: int
    text: str
    value: str


def find_docket_numbers(text: str) -> list[DocketNumber]:
    """Return the docket and case numbers in `text`, in order."""
    return [number for match in _DOCKET.finditer(text) if (number := _accepted(text, match))]


def docket_at_start(line: str) -> DocketNumber | None:
    """The docket number that opens `line` ("3:17-cv-00971-N Phillips v. ..."), or None.

    One anchored match, not a search of the whole line: a court page asks this of each line.
    """
    match = _DOCKET.match(line)
    return _accepted(line, match) if match else None


def _accepted(text: str, match: re.Match[str]) -> DocketNumber | None:
    """The docket number `match` found, unless it is a bare "21-1397" nothing makes a docket."""
    number = match.group(0)
    if re.fullmatch(r"\d{2}-\d{3,6}", number) and not _is_bare_number_docket(text, match):
        return None
    return DocketNumber(match.start(), match.end(), number, normalise(number))


def normalise(number: str) -> str:
    """The form a docket number is searched by: the case type in lower case, as PACER writes it."""
    federal = re.fullmatch(r"(\d{1,2}:\d{2}-)([a-zA-Z]{2,4})(-.*)", number)
    if federal:
        return federal.group(1) + federal.group(2).lower() + federal.group(3).upper()
    return " ".join(number.split())


def _is_bare_number_docket(text: str, match: re.Match[str]) -> bool:
    """A bare "21-1397" counts after "No." or "Case", or on a line of its own (a docket list)."""
    before = text[max(0, match.start() - 20) : match.start()]
    if _PREFIX.search(before):
        return True
    line_start = text.rfind("\n", 0, match.start()) + 1
    line_end = text.find("\n", match.end())
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return line.strip() == match.group(0) or line.lstrip().startswith(match.group(0) + " ")
