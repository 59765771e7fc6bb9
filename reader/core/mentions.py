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
