"""The dated steps a legal document states about itself: "Argued", "Filed", "Decided", ...

A label and its date may share a line ("Decided November 7, 1997", "Filed: March 3, 2015")
or sit in two table cells, which source_lines.py gives as two lines ("Date filed:", then
"01/19/2018").
"""

from __future__ import annotations

import email.utils
import re
from collections.abc import Sequence
from datetime import date

from reader.core.articles import DatedEvent
from reader.core.ingest import dateline

# Label → kind. Order matters: the first label that matches a line wins.
_LABELS = (
    (r"date of decision|decided|decision (?:date|filed)|opinion filed|judgment date", "decided"),
    (r"argued(?: and submitted)?|oral argument|heard", "argued"),
    (r"submitted", "submitted"),
    (r"entered on docket|entered|filed (?:&|and) entered", "entered"),
    (r"date filed|filed(?: on)?|docketed", "filed"),
    (r"dated|date signed|signed", "dated"),
)
_LABEL = re.compile(
    r"^(?P<label>"
    + "|".join(f"(?:{pattern})" for pattern, _ in _LABELS)
    + r")\s*:?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
_NUMERIC = re.compile(r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4}|\d{2})\b")
_WORDS = re.compile(
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.?,?\s+)?"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?,?\s+\d{4})"
)
# A running stamp ("Case: 14-981 Document: 12 Date Filed: 03/03/2015") is not the document's
# own date when something better is stated; stamps are read last.
# "Date Filed: 08/31/2022"; "Case 1:21-cv-01061 Document 1 Filed 04/16/21 Page 7 of 16"
_STAMP_FILED = re.compile(r"(?:Date Filed:|Doc(?:ument)?\s*#?:?\s*[\d-]+\s+Filed:?)\s*(\S+)", re.I)
_PARTS = re.compile(r"\s*[\u2014\u2013;]\s*|\s+-\s+")
_STAMP = re.compile(r"\b(?:Document|Page|Doc)\s*(?::|#)\s*\d", re.IGNORECASE)


def first_date(text: str) -> str | None:
    """The first date written in `text` ("01/19/2018", "Oct 13 2004", "November 7, 1997")."""
    numeric = _NUMERIC.search(text)
    words = _WORDS.search(text)
    if numeric and (words is None or numeric.start() < words.start()):
        year = int(numeric["y"])
        year += (2000 if year < 70 else 1900) if year < 100 else 0
        try:
            return date(year, int(numeric["m"]), int(numeric["d"])).isoformat()
        except ValueError:
            return None
    if words:
        value = dateline.parse(words.group(0).replace(",", ", ").replace("  ", " "))
        if value is None:  # "Oct 13 2004", with no comma
            parts = words.group(0).replace(",", " ").split()
            value = dateline.parse(" ".join(parts[-3:-2] + parts[-2:-1]) + ", " + parts[-1])
        return value if value and len(value) == 10 else None
    return None


def email_date(header: str) -> str | None:
    """The day of an e-mail's Date header, as the sender's clock gave it."""
    try:
        return email.utils.parsedate_to_datetime(header).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def find_events(lines: Sequence[str], limit: int = 200) -> list[DatedEvent]:
    """The labelled dates in the first `limit` lines, in order, each kind and day once."""
    events: list[DatedEvent] = []
    stamped: list[DatedEvent] = []
    for number, line in enumerate(lines[:limit]):
        following = lines[number + 1] if number + 1 < len(lines) else ""
        # "Argued October 3, 2030—Decided March 14, 2031": one line, two steps
        parts = _PARTS.split(line) if len(line) <= 300 else []
        found = [event for part in parts for event in _line_events(part, following)]
        for kind, day in found:
            event = DatedEvent(kind, day)
            target = stamped if _STAMP.search(line) else events
            if event not in events and event not in stamped:
                target.append(event)
    return events + stamped


def _line_events(line: str, following: str) -> list[tuple[str, str]]:
    if len(line) > 300:
        return []
    found = []
    # "entered on 8/12/2021 at 1:28 PM CDT and filed on 8/12/2021"
    # "... and filed on 8/12/2021"; an e-signature "[electronically signed on 05/15/2019 by ...]"
    on = r"\b(entered|filed|decided|argued|(?<=electronically )signed)\s+on\s+"
    for match in re.finditer(on, line, re.IGNORECASE):
        day = first_date(line[match.end() : match.end() + 40])
        if day:
            found.append((_kind(match.group(1)), day))
    if found:
        return found
    labelled = _LABEL.match(line)
    if labelled is None:
        # "Date Filed: 03/03/2015" inside a running stamp
        stamp = _STAMP_FILED.search(line)
        day = first_date(stamp.group(1)) if stamp else None
        return [("filed", day)] if day else []
    rest = labelled["rest"]
    day = first_date(rest[:60]) if rest else first_date(following[:40])
    if day is None or (rest and not _starts_with_date(rest)):
        return []
    return [(_kind(labelled["label"]), day)]


def _starts_with_date(rest: str) -> bool:
    return bool(re.match(r"\s*(?:on\s+)?(?:\(?[A-Z][a-z]{2,8}\.?\s+\d|\d|[A-Z][a-z]+day)", rest))


def _kind(label: str) -> str:
    label = label.lower()
    for pattern, kind in _LABELS:
        if re.fullmatch(pattern, label):
            return kind
    return "filed"
