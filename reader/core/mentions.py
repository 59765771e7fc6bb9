"""Mention: a span of an article's text naming a person, place, date, sum, legal term or case."""

from __future__ import annotations

from dataclasses import dataclass

PERSON = "PERSON"
ORG = "ORG"
PLACE = "PLACE"
DATE = "DATE"
TIME = "TIME"
DURATION = "DURATION"
SET = "SET"
MONEY = "MONEY"
LEGAL = "LEGAL"
CITATION = "CITATION"  # a case or statute cited: "410 U.S. 113", "42 U.S.C. § 1983"
DOCKET = "DOCKET"  # a docket or case number: "No. 14-981", "1:17-cv-01234"

LABELS = (PERSON, ORG, PLACE, DATE, TIME, DURATION, SET, MONEY, LEGAL, CITATION, DOCKET)
TEMPORAL = frozenset({DATE, TIME, DURATION, SET})


@dataclass(frozen=True, slots=True)
class Mention:
    """A labelled span of text; `start`/`end` are str offsets, end exclusive."""

    start: int
    end: int
    text: str
    label: str
    # LEGAL: CHARGE, COURT, ROLE, OUTCOME, PROCEEDING; CITATION: CASE, STATUTE, SHORT, ID, SUPRA
    subtype: str | None = None
    # TimeML value for temporal mentions, "750000 USD" for money, the full citation a citation
    # names ("410 U.S. 113", also for "Id. at 120"), the normalised docket number
    value: str | None = None
    canonical: str | None = None  # the entity this mention refers to, e.g. "Alec Baldwin"


def to_dict(mention: Mention) -> dict[str, object]:
    """Return `mention` as a JSON-ready dict, leaving out fields that are None."""
    fields = {
        "start": mention.start,
        "end": mention.end,
        "text": mention.text,
        "label": mention.label,
        "subtype": mention.subtype,
        "value": mention.value,
        "canonical": mention.canonical,
    }
    return {k: v for k, v in fields.items() if v is not None}


def from_dict(data: dict[str, object]) -> Mention:
    """Return the Mention stored by to_dict(); raises ValueError on a malformed dict."""
    start, end, text, label = (data.get(k) for k in ("start", "end", "text", "label"))
    extra = [data.get(k) for k in ("subtype", "value", "canonical")]
    if not (isinstance(start, int) and isinstance(end, int) and isinstance(text, str)):
        raise ValueError(f"not a stored mention: {data!r}")
    if label not in LABELS or not all(v is None or isinstance(v, str) for v in extra):
        raise ValueError(f"not a stored mention: {data!r}")
    subtype, value, canonical = (v if isinstance(v, str) else None for v in extra)
    return Mention(start, end, text, str(label), subtype, value, canonical)
