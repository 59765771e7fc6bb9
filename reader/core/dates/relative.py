"""Relative temporal phrases ("last week", "two years ago", "Friday"), times, durations, sets."""

from __future__ import annotations

import logging
import re
from datetime import timedelta

from reader.core.dates import anchoring, timex
from reader.core.dates import words as w
from reader.core.dates.phrases import IGNORE, Context, Reading, Rule, registrar
from reader.core.dates.tense import FUTURE
from reader.core.mentions import DATE, DURATION, SET, TIME

log = logging.getLogger(__name__)

RULES: list[Rule] = []
rule = registrar(RULES)

# Fixed words: (TimeML type, days from the anchor or a reference value, part of day).
_DEICTIC: dict[str, tuple[str, int | str, str]] = {
    "today": (DATE, 0, ""), "yesterday": (DATE, -1, ""), "tomorrow": (DATE, 1, ""),
    "the day before yesterday": (DATE, -2, ""), "the day after tomorrow": (DATE, 2, ""),
    "tonight": (TIME, 0, "NI"), "this morning": (TIME, 0, "MO"),
    "this afternoon": (TIME, 0, "AF"), "this evening": (TIME, 0, "EV"),
    "last night": (TIME, -1, "NI"), "overnight": (TIME, 0, "NI"),
    "now": (DATE, timex.PRESENT_REF, ""), "right now": (DATE, timex.PRESENT_REF, ""),
    "currently": (DATE, timex.PRESENT_REF, ""),
    "nowadays": (DATE, timex.PRESENT_REF, ""), "these days": (DATE, timex.PRESENT_REF, ""),
    "at present": (DATE, timex.PRESENT_REF, ""), "the present": (DATE, timex.PRESENT_REF, ""),
    "at the moment": (DATE, timex.PRESENT_REF, ""),
    "recently": (DATE, timex.PAST_REF, ""), "lately": (DATE, timex.PAST_REF, ""),
    # "in recent weeks" is a stretch of some weeks up to now, as TimeML writes it (PXW)
    "recent years": (DATE, timex.PAST_REF, ""), "recent months": (DURATION, "PXM", ""),
    "recent weeks": (DURATION, "PXW", ""), "recent days": (DURATION, "PXD", ""),
    "recent quarters": (DURATION, "PXM", ""),
    "the past": (DATE, timex.PAST_REF, ""), "in the past": (DATE, timex.PAST_REF, ""),
    "the future": (DATE, timex.FUTURE_REF, ""), "the near future": (DATE, timex.FUTURE_REF, ""),
    "future": (DATE, timex.FUTURE_REF, ""),
}  # fmt: skip
_PART = r"(?P<part>(?i:morning|afternoon|evening|night))"


def _phrase(words: str) -> str:
    return r"\s+".join(re.escape(x) for x in words.split())


@rule(
    r"(?P<day>(?i:yesterday|today|tomorrow))\s+" + _PART
    + "|(?i:" + "|".join(_phrase(k) for k in sorted(_DEICTIC, key=len, reverse=True)) + ")"
)  # fmt: skip
def _deictic(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["day"]:
        kind, offset, part = TIME, _DEICTIC[m["day"].lower()][1], w.PARTS_OF_DAY[m["part"].lower()]
    else:
        kind, offset, part = _DEICTIC[" ".join(m.group().lower().split())]
    if m.group().lower() == "future" and not ctx.in_ner:
        return None  # "future" alone is mostly an adjective ("future plans")
    if isinstance(offset, str):
        return kind, offset
    if ctx.anchor is None:
        return kind, None
    value = timex.day(ctx.anchor + timedelta(days=offset))
    return kind, f"{value}T{part}" if part else value


_UNITS_REL = r"(?P<unit>(?i:day|week|weekend|month|year|decade|quarter|century))"


@rule(
    r"(?:(?P<mod>(?i:early|late|earlier|later|mid|the\s+(?:end|beginning|start|middle|rest)\s+of))"
    r"[\s-]+)?(?:(?i:the)\s+)?(?P<rel>(?i:last|this|next|past|previous|coming|current|"
    r"following|latest|same))\s+" + _UNITS_REL
)
def _relative_unit(m: re.Match[str], ctx: Context) -> Reading | None:
    rel, unit = m["rel"].lower(), m["unit"].lower()
    if rel in ("following", "same") or ctx.anchor is None:
        return DATE, None  # relative to another event, not to the anchor
    # "the latest quarter" is the last one reported on, so the last one that has ended
    step = {"last": -1, "past": -1, "previous": -1, "latest": -1, "next": 1, "coming": 1}.get(
        rel, 0
    )
    if unit == "weekend":
        monday = ctx.anchor - timedelta(days=ctx.anchor.weekday())
        return DATE, timex.week(monday + timedelta(weeks=step)) + "-WE"
    if unit == "century":
        return DATE, f"{ctx.anchor.year // 100 + step:02d}"
    return DATE, timex.shift(ctx.anchor, step, unit)


@rule(
    r"(?i:the)\s+(?:(?P<rel>(?i:latest|most\s+recent|recent|just-ended|previous))\s+)?"
    r"(?:(?i:fiscal)\s+)?(?P<unit>(?i:quarter|weekend))"
    r"|(?i:the)\s+(?P<rel2>(?i:latest|most\s+recent))\s+(?P<period>(?i:period))"
)
def _the_period(m: re.Match[str], ctx: Context) -> Reading | None:
    if ctx.anchor is None:
        return DATE, None
    if m["period"] or m["unit"].lower() == "quarter":
        # Reports say "the quarter" for the last one that has ended: results come after it.
        return DATE, timex.shift(ctx.anchor, -1, "quarter")
    saturday = anchoring.weekday(5, ctx.anchor, anchoring.direction(None, ctx.tense))
    return DATE, timex.week(saturday) + "-WE"


# "that year", "later that month": a unit named before; discourse.py gives the value.
@rule(r"(?:(?i:later|earlier)\s+)?(?i:that)\s+(?:(?i:same)\s+)?(?i:year|month|day)")
def _that_unit(m: re.Match[str], ctx: Context) -> Reading | None:
    return DATE, None


# "the year ended Sept. 30" is a year's length of results, not a calendar year
@rule(r"(?i:the)\s+(?:(?i:fiscal)\s+)?(?i:year)(?=\s+(?:ended|ending)\b)")
def _year_ended(m: re.Match[str], ctx: Context) -> Reading | None:
    return DURATION, "P1Y"


# "Sales for the full year", "a high for the year", "nine months of the year": in a report,
# the year being reported, the anchor's. Other uses of "the year" point back to a year named.
@rule(
    r"(?:(?<=[Ff]or\s)|(?<=[Oo]f\s))(?i:the)\s+(?:(?i:full)\s+)?(?i:year)(?![\w-])"
    r"(?!\s+(?:ended|ending|to|before|after|earlier|ago|of|in|when|that|two)\b|\s+\d)"
    r"|(?i:the)\s+(?i:full)\s+(?i:year)(?!\s+(?:ended|ending|to)\b)"
)
def _full_year(m: re.Match[str], ctx: Context) -> Reading | None:
    return DATE, f"{ctx.anchor.year:04d}" if ctx.anchor else None


@rule(r"(?P<mod>(?i:earlier|later))\s+(?i:this|in\s+the)\s+(?P<unit>(?i:week|month|year))")
def _earlier_this(m: re.Match[str], ctx: Context) -> Reading | None:
    return DATE, timex.shift(ctx.anchor, 0, m["unit"].lower()) if ctx.anchor else None


@rule(
    rf"(?P<n>(?i:{w.NUMBER}|{w.VAGUE}))[\s-]+(?P<unit>(?i:{w.UNIT}))s?\s+"
    r"(?P<dir>(?i:ago|earlier|before|later|after|from\s+now|hence|since|back))"
    r"|(?P<yr>(?i:year|month|week))-(?P<dir2>(?i:earlier|ago))"
)
def _offset(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["yr"]:
        amount: float | None = 1
        unit, way = m["yr"].lower(), "ago"
    else:
        amount, unit, way = w.number(m["n"]), m["unit"].lower(), m["dir"].lower()
    after = m.string[m.end() : m.end() + 12]
    counted_from_event = re.match(r"\s+(?:than|the|a|his|her)\b", after)
    if way in ("before", "after", "since") or (way in ("earlier", "later") and counted_from_event):
        return DATE, None  # counted from another event: "two years after the shooting"
    if amount is None:
        past = way in ("ago", "earlier", "back")
        return DATE, timex.PAST_REF if past else timex.FUTURE_REF
    if ctx.anchor is None or amount != int(amount) or unit not in ("day", "week", "month",
                                                                   "year", "decade"):  # fmt: skip
        return DATE, None
    sign = -1 if way in ("ago", "earlier", "back") else 1
    return DATE, timex.shift(ctx.anchor, sign * int(amount), unit)


@rule(
    r"(?:(?P<rel>(?i:last|this|next|on|early|late))\s+)?(?P<wd>" + w.WEEKDAY + r")"
    r"(?:\s+" + _PART + ")?"
)
def _weekday(m: re.Match[str], ctx: Context) -> Reading | None:
    if ctx.anchor is None:
        return (TIME if m["part"] else DATE), None
    rel = (m["rel"] or "").lower()
    way = anchoring.direction(rel if rel in ("last", "next") else None, ctx.tense)
    if rel == "this":
        way = anchoring.AFTER
    elif not rel and m.string.startswith(("'s", "\u2019s"), m.end()) and ctx.tense() != FUTURE:
        # "Friday's close", "Tuesday's ruling": news names a day's event once it has happened,
        # whatever the tense of the sentence around it ("is below Friday's price").
        way = anchoring.BEFORE
    found = anchoring.weekday(w.weekday_number(m["wd"]), ctx.anchor, way,
                              strict=rel in ("last", "next"))  # fmt: skip
    if m["part"]:
        return TIME, f"{timex.day(found)}T{w.PARTS_OF_DAY[m['part'].lower()]}"
    return DATE, timex.day(found)


@rule(
    r"(?P<h>1[0-2]|0?[1-9])(?::(?P<min>[0-5]\d))?\s*(?P<ap>(?i:a\.m\.|p\.m\.|am\b|pm\b))"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<min24>[0-5]\d)(?![\d:])|(?P<word>(?i:noon|midnight))"
)
def _clock(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["word"]:
        hour, minute = (12 if m["word"].lower() == "noon" else 0), 0
    elif m["h24"]:
        hour, minute = int(m["h24"]), int(m["min24"])
    else:
        hour, minute = int(m["h"]) % 12, int(m["min"] or 0)
        hour += 12 if m["ap"].lower().startswith("p") else 0
    # The day comes from a neighbouring date (joined later); alone, a clock time is "T15:00".
    return TIME, f"T{hour:02d}:{minute:02d}"


@rule(
    rf"(?:(?i:the)\s+)?(?:(?P<rel>(?i:past|last|next|coming|first|final))\s+)?"
    rf"(?P<n>(?i:{w.NUMBER}|{w.VAGUE}))[\s-]+(?P<unit>(?i:{w.UNIT}|centurie))s?"
    r"(?P<old>-old|\s+old|-long)?"
)
def _duration(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["old"] and "old" in m["old"]:
        return IGNORE, None  # an age: "a 62-year-old judge"
    if m["n"].lower() in ("a", "an") and not m["rel"] and not ctx.in_ner:
        return None  # "a year" alone is usually part of something else ("twice a year")
    return DURATION, w.duration(w.number(m["n"]), m["unit"])


_SET_WORDS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y",
              "yearly": "P1Y", "nightly": "P1D", "quarterly": "P3M", "hourly": "PT1H"}  # fmt: skip


@rule(
    r"(?P<every>(?i:every|each))\s+(?:(?P<n>(?i:other|two|three|four|\d+))\s+)?"
    r"(?:(?P<wd>" + w.WEEKDAY + r")|(?P<unit>(?i:day|week|month|year|morning|night)))s?"
    r"|(?P<word>(?i:daily|weekly|monthly|annually|yearly|nightly|quarterly|hourly))"
    r"|(?:(?i:once|twice|\d+\s+times)\s+)(?i:a|per)\s+(?P<per>(?i:day|week|month|year))"
)
def _set(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["word"]:
        return SET, _SET_WORDS[m["word"].lower()]
    if m["wd"]:
        return SET, f"XXXX-WXX-{w.weekday_number(m['wd']) + 1}"
    unit = (m["unit"] or m["per"]).lower()
    if unit in ("morning", "night"):
        return SET, f"TXX{w.PARTS_OF_DAY[unit]}"
    count = {"other": 2, "two": 2, "three": 3, "four": 4}.get((m["n"] or "1").lower())
    return SET, w.duration(count or float(m["n"] or 1), unit)
