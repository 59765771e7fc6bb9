"""Placing a partial date ("July", "Friday", "Oct. 21") on the calendar next to an anchor day."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date, timedelta

from reader.core.dates import tense

log = logging.getLogger(__name__)

BEFORE = "BEFORE"  # on or before the anchor (past tense)
AFTER = "AFTER"  # on or after the anchor (future or modal)
NEAREST = "NEAREST"  # no tense to go by: whichever is closer
ONLY_BEFORE = "ONLY_BEFORE"  # said by the text itself ("last July", "since March"): never flipped
ONLY_AFTER = "ONLY_AFTER"

# What each tense says about the direction; a date governed by the present tense in news is
# mostly a schedule ("is payable Jan. 2", "takes effect Nov. 13"), so it looks ahead.
_DIRECTION = {tense.PAST: BEFORE, tense.FUTURE: AFTER, tense.PRESENT: AFTER}
# A modifier in the text overrides the tense.
MODIFIERS = {"last": ONLY_BEFORE, "past": ONLY_BEFORE, "previous": ONLY_BEFORE,
             "next": ONLY_AFTER, "coming": ONLY_AFTER, "this": NEAREST}  # fmt: skip
# A preposition before the date says more than the verb: "extended until Nov. 20".
PREPOSITIONS = {"since": ONLY_BEFORE, "until": NEAREST, "till": NEAREST, "through": NEAREST,
                "by": NEAREST, "to": NEAREST, "payable": AFTER, "record": NEAREST}  # fmt: skip
_FAR, _NEAR = 183, 92  # days


def direction(word: str | None, governing: Callable[[], str | None], preceding: str = "") -> str:
    """Return the direction a modifier word gives, else the preposition's, else the tense's."""
    if word and word.lower() in MODIFIERS:
        return MODIFIERS[word.lower()]
    if preceding.lower() in PREPOSITIONS:
        return PREPOSITIONS[preceding.lower()]
    found = governing()
    return _DIRECTION.get(found, NEAREST) if found else NEAREST


def _pick(candidates: list[date], anchor: date, way: str, strict: bool) -> date:
    before = max(d for d in candidates if d < anchor or (d == anchor and not strict))
    after = min(d for d in candidates if d > anchor or (d == anchor and not strict))
    gap_before, gap_after = (anchor - before).days, (after - anchor).days
    if way == NEAREST:
        return before if gap_before <= gap_after else after
    if way in (ONLY_BEFORE, ONLY_AFTER):
        return before if way == ONLY_BEFORE else after
    # News dates without a year are near the anchor: past tense on "payable Nov. 16" said
    # on Nov. 2 still means this Nov. 16, not one nearly a year ago.
    if way == BEFORE:
        return after if gap_before > _FAR and gap_after <= _NEAR else before
    return before if gap_after > _FAR and gap_before <= _NEAR else after


def month_day(month: int, day: int, anchor: date, way: str) -> date | None:
    """Return the `month`/`day` nearest `anchor` in direction `way`, or None if no such day."""
    candidates = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    return _pick(candidates, anchor, way, strict=False) if len(candidates) == 3 else None


def month(month_number: int, anchor: date, way: str) -> tuple[int, int]:
    """Return (year, month) of the `month_number` nearest the anchor's month in direction `way`."""
    first = anchor.replace(day=1)
    candidates = [date(y, month_number, 1) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    chosen = _pick(candidates, first, way, strict=False)
    return chosen.year, chosen.month


def weekday(number: int, anchor: date, way: str, strict: bool = False) -> date:
    """Return the weekday (Monday = 0) nearest `anchor` in direction `way`."""
    candidates = [anchor + timedelta(days=k) for k in range(-7, 8)]
    return _pick([d for d in candidates if d.weekday() == number], anchor, way, strict)


def yearly(day_in: Callable[[int], date | None], anchor: date, way: str) -> date | None:
    """Return the yearly day (a holiday) nearest `anchor` in direction `way`."""
    found = [day_in(y) for y in (anchor.year - 1, anchor.year, anchor.year + 1)]
    candidates = [d for d in found if d is not None]
    return _pick(candidates, anchor, way, strict=False) if len(candidates) == 3 else None
