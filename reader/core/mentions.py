"""Mention: one span of an article's text that names a person, place, date, sum or legal term."""

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

LABELS = (PERSON, ORG, PLACE, DATE, TIME, DURATION, SET, MONEY, LEGAL)
TEMPORAL = frozenset({DATE, TIME, DURATION, SET})


@dataclass(frozen=True, slots=True)
class Mention:
    """A labelled span of text; `start`/`end` are str offsets, end exclusive."""

    start: int
    end: int
    text: str
    label: str
    subtype: str | None = None  # LEGAL: CHARGE, COURT, ROLE, OUTCOME, PROCEEDING
    value: str | None = None  # TimeML value for temporal mentions, "750000 USD" for money
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
