"""Temporal phrases: the patterns we recognise and the TimeML value each one means."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from reader.core.dates import anchoring, holidays, timex
from reader.core.dates import words as w
from reader.core.mentions import DATE, TIME

log = logging.getLogger(__name__)

IGNORE = "IGNORE"  # matched, and known not to be a date ("62-year-old", "stole Christmas")
Reading = tuple[str, str | None]


@dataclass(frozen=True)
class Context:
    """What a phrase is resolved against: the anchor day and the governing verb's tense."""

    anchor: date | None
    tense: Callable[[], str | None]
    day_first: bool = False
    in_ner: bool = False  # the spaCy model also saw a DATE/TIME here


Handler = Callable[["re.Match[str]", Context], Reading | None]
Rule = tuple[re.Pattern[str], Handler]
RULES: list[Rule] = []
_MODS = r"(?:(?i:early|late|mid|the\s+(?:end|beginning|start|middle)\s+of)[\s-]+)"
_REL = r"(?P<rel>(?i:last|this|next|past|previous|coming))"
# Words after which a bare month, season, holiday or year is used as a time.
_TEMPORAL_PREPOSITION = re.compile(
    r"(?i:\b(?:in|on|at|by|since|until|till|through|before|after|during|over|from|to|around|"
    r"between|and|of|early|late|mid|last|this|next|for|since|until|the)[\s-]+)$"
)


def registrar(rules: list[Rule]) -> Callable[[str], Callable[[Handler], Handler]]:
    """Return a decorator that adds (word-bounded `pattern`, handler) to `rules`."""

    def rule(pattern: str) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            rules.append((re.compile(rf"(?<![\w.$-])(?:{pattern})(?![\w-])"), handler))
            return handler

        return register

    return rule


rule = registrar(RULES)


def preceded_by_preposition(m: re.Match[str]) -> bool:
    """True when the match follows a word that makes a name temporal ("in May", "on Easter")."""
    return bool(_TEMPORAL_PREPOSITION.search(m.string, max(0, m.start() - 25), m.start()))


def _day(year: int, month: int, day: int) -> str | None:
    try:
        return timex.day(date(year, month, day))
    except ValueError:
        return None


def _year(text: str) -> int:
    return int(text) if len(text) == 4 else 1900 + int(text) if int(text) > 30 else 2000 + int(text)


def preceding_word(m: re.Match[str]) -> str:
    """The word just before the match ("" at the start)."""
    found = re.search(r"(\w+)\W*$", m.string[max(0, m.start() - 20) : m.start()])
    return found.group(1) if found else ""


def _int(text: str) -> int:
    return int(re.sub(r"\D", "", text))


@rule(rf"(?:{w.WEEKDAY},?\s+)?(?P<mon>{w.MONTH})\s+(?P<day>{w.DAY}),?\s+(?P<year>{w.YEAR})"
      rf"|(?:{w.WEEKDAY},?\s+)?(?P<day2>{w.DAY})\s+(?:of\s+)?(?P<mon2>{w.MONTH}),?\s+"
      rf"(?P<year2>{w.YEAR})")  # fmt: skip
def _full_date(m: re.Match[str], ctx: Context) -> Reading | None:
    mon, dd, yy = (
        (m["mon"], m["day"], m["year"]) if m["mon"] else (m["mon2"], m["day2"], m["year2"])
    )
    return DATE, _day(int(yy), w.month_number(mon), _int(dd))


@rule(r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:T(?P<t>\d\d:\d\d))?")
def _iso(m: re.Match[str], ctx: Context) -> Reading | None:
    value = _day(int(m["y"]), int(m["m"]), int(m["d"]))
    return (TIME, f"{value}T{m['t']}") if m["t"] and value else (DATE, value)


@rule(r"(?P<y>(?:19|20)\d\d)-(?P<m>0[1-9]|1[0-2])(?!-\d)")
def _iso_month(m: re.Match[str], ctx: Context) -> Reading | None:
    return DATE, timex.month(int(m["y"]), int(m["m"]))


@rule(r"(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d\d)")
def _numeric(m: re.Match[str], ctx: Context) -> Reading | None:
    month, day = (int(m["b"]), int(m["a"])) if ctx.day_first else (int(m["a"]), int(m["b"]))
    if m["sep"] == "." and not ctx.day_first and len(m["y"]) == 2:
        return None  # "1.5.10" is more likely a version or a score than a date
    value = _day(_year(m["y"]), month, day)
    return (DATE, value) if value else None


@rule(rf"(?:{w.WEEKDAY},?\s+)?(?:(?P<mon>{w.MONTH})\s+(?P<day>{w.DAY})(?!,?\s+{w.YEAR})"
      rf"|(?:the\s+)?(?P<day2>{w.DAY})\s+(?:of\s+)?(?P<mon2>{w.MONTH})"
      rf"(?!,?\s+{w.YEAR}))")  # fmt: skip
def _month_day(m: re.Match[str], ctx: Context) -> Reading | None:
    mon, dd = (m["mon"], m["day"]) if m["mon"] else (m["mon2"], m["day2"])
    if m["mon2"] and not m["day2"].endswith(("st", "nd", "rd", "th")) and not ctx.in_ner:
        return None  # "5 May" is common, but "3 March" can be a count of marches
    if ctx.anchor is None:
        return DATE, None
    way = anchoring.direction(None, ctx.tense, preceding_word(m))
    found = anchoring.month_day(w.month_number(mon), _int(dd), ctx.anchor, way)
    return DATE, timex.day(found) if found else None


@rule(rf"{_MODS}?(?P<mon>{w.MONTH}),?\s+(?:of\s+)?(?P<year>{w.YEAR})"
      rf"|{_MODS}?(?P<mon2>{w.MONTH}),?\s+(?:of\s+)?(?P<rel>(?i:last|this|next))"
      r"\s+(?i:year)")  # fmt: skip
def _month_year(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["mon"]:
        return DATE, timex.month(int(m["year"]), w.month_number(m["mon"]))
    if ctx.anchor is None:
        return DATE, None
    step = {"last": -1, "this": 0, "next": 1}[m["rel"].lower()]
    return DATE, timex.month(ctx.anchor.year + step, w.month_number(m["mon2"]))


@rule(rf"{_MODS}?(?:{_REL}\s+)?(?P<mon>{w.MONTH})")
def _month(m: re.Match[str], ctx: Context) -> Reading | None:
    word = m["mon"]
    if word.endswith(".") or (word.lower() in ("may", "march") and not m["rel"]
                              and not preceded_by_preposition(m)):  # fmt: skip
        return None
    if ctx.anchor is None:
        return DATE, None
    number = w.month_number(word)
    if (m["rel"] or "").lower() == "this":
        return DATE, timex.month(ctx.anchor.year, number)
    way = anchoring.direction(m["rel"], ctx.tense, preceding_word(m))
    year, month = anchoring.month(number, ctx.anchor, way)
    if m["rel"] and (year, month) == (ctx.anchor.year, ctx.anchor.month):
        year += 1 if way == anchoring.ONLY_AFTER else -1  # "last July" said in July
    return DATE, timex.month(year, month)


@rule(rf"(?P<pre>(?i:fiscal|FY|calendar|the\s+year|early|mid|late)[\s-]*)?(?P<year>{w.YEAR})")
def _year_only(m: re.Match[str], ctx: Context) -> Reading | None:
    after = m.string[m.end() : m.end() + 12]
    if re.match(r"\s*(?:%|percent|[-\u2013]\d|\.\d|,\d)", after):
        return None
    if m["pre"] or ctx.in_ner or preceded_by_preposition(m):
        return DATE, m["year"]
    if re.match(r"\s+[a-z]", after) and not re.match(
        r"\s+(?:and|or|was|were|is|will|had)\b", after
    ):
        return None  # "1998 workers": a count, not a year
    return DATE, m["year"]


# "the 1988 quarter": finding.py gives it the quarter being discussed; alone it is its year.
@rule(rf"(?i:the)\s+(?P<year>{w.YEAR})\s+(?i:quarter|period)")
def _year_period(m: re.Match[str], ctx: Context) -> Reading | None:
    return DATE, m["year"]


@rule(r"(?:(?i:the)\s+)?(?:(?i:early|mid|late)[\s-]+)?(?P<cen>1[6-9]|20)?(?P<dec>\d)0(?:'?s)"
      r"|(?:(?i:the)\s+)?'(?P<dec2>\d)0s"
      r"|(?:(?i:the)\s+)?(?P<word>(?i:twenties|thirties|forties|fifties|sixties|seventies"
      r"|eighties|nineties))")  # fmt: skip
def _decade(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["word"]:
        if not m.group().lower().startswith("the"):
            return None  # "in his forties" is an age
        return DATE, f"19{w.DECADE_WORDS[m['word'].lower()]}X"
    if m["dec"] is not None and not m["cen"]:
        return None  # "90s" alone is usually a temperature or a score
    decade = m["dec"] if m["dec"] is not None else m["dec2"]
    century = m["cen"] or ("20" if decade in "012" else "19")
    return DATE, f"{century}{decade}X"


# TimeML leaves "the" out of a century's span ("the 20th century" is "20th century" = 19).
@rule(r"(?P<n>(?i:[1-9]\d?(?:st|nd|rd|th)|nineteenth|twentieth|twenty-first))[\s-]+(?i:century)")
def _century(m: re.Match[str], ctx: Context) -> Reading | None:
    words = {"nineteenth": 19, "twentieth": 20, "twenty-first": 21}
    n = m["n"].lower()
    number = words.get(n) or int(re.sub(r"\D", "", n))
    return DATE, f"{number - 1:02d}"


@rule(
    rf"{_MODS}?(?:{_REL}\s+|the\s+)?(?P<s>(?i:spring|summer|fall|autumn|winter))(?:,?\s+(?:of\s+)?(?P<year>{w.YEAR}))?"
)
def _season(m: re.Match[str], ctx: Context) -> Reading | None:
    code = w.SEASON_CODES[m["s"].lower()]
    if m["year"]:
        return DATE, f"{m['year']}-{code}"
    if not (m["rel"] or preceded_by_preposition(m)):
        return None
    if ctx.anchor is None:
        return DATE, None
    first, _ = timex.SEASONS[code]
    way = anchoring.direction(m["rel"], ctx.tense)
    year, _ = anchoring.month(first, ctx.anchor, way)
    if (m["rel"] or "").lower() == "this":
        year = ctx.anchor.year
    return DATE, f"{year}-{code}"


@rule(rf"(?:(?i:the)\s+)?(?:(?P<rel>(?i:last|this|next|latest|current|previous|past|coming))\s+)?"
      rf"(?:(?P<yrel>(?i:last|this|next))\s+(?i:year)'s\s+|(?P<year3>{w.YEAR})(?:'s)?\s+)?"
      rf"(?:(?i:fiscal|calendar)[\s-]+)?(?P<n>(?i:{w.ORDINAL}))[\s-]+(?P<unit>(?i:quarter|half))"
      rf"(?:\s+(?:of\s+)?(?:(?i:fiscal)\s+)?(?P<year>{w.YEAR}))?"
      rf"|(?P<q>Q[1-4]|H[12])(?:\s+(?P<year2>{w.YEAR}))?")  # fmt: skip
def _quarter(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["q"]:
        letter, n, year_text = m["q"][0], int(m["q"][1]), m["year2"]
    else:
        letter, n, year_text = m["unit"][0].upper(), w.ORDINALS[m["n"].lower()], m["year"]
        year_text = year_text or m["year3"]  # "the 1988 second quarter"
    if year_text:
        return DATE, f"{year_text}-{letter}{n}"
    if ctx.anchor is None:
        return DATE, None
    if m["yrel"]:  # "next year's first quarter" is one date, not a year and a quarter
        step = {"last": -1, "this": 0, "next": 1}[m["yrel"].lower()]
        return DATE, f"{ctx.anchor.year + step}-{letter}{n}"
    months = 3 if letter == "Q" else 6
    start_month = months * (n - 1) + 1
    year = ctx.anchor.year
    # A quarter that has not started yet is last year's unless the verb looks ahead.
    if start_month > ctx.anchor.month and anchoring.direction(m["rel"], ctx.tense) not in (
        anchoring.AFTER,
        anchoring.ONLY_AFTER,
    ):
        year -= 1
    return DATE, f"{year}-{letter}{n}"


@rule(
    rf"(?:(?P<rel>(?i:this|last|next))\s+)?(?P<name>{holidays.PATTERN})"
    rf"(?:,?\s+(?P<year>{w.YEAR})|\s+(?P<rel_year>(?i:last|this|next))\s+(?i:year))?"
)
def _holiday(m: re.Match[str], ctx: Context) -> Reading | None:
    if m["year"] or (m["rel_year"] and ctx.anchor):
        step = {"last": -1, "next": 1}.get((m["rel_year"] or "").lower(), 0)
        year = int(m["year"]) if m["year"] else (ctx.anchor.year if ctx.anchor else 0) + step
        found = holidays.day_of(m["name"], year)
        return DATE, timex.day(found) if found else None
    if not (m["rel"] or preceded_by_preposition(m)) or m.string[m.end() :].startswith("'s"):
        return IGNORE, None  # "the Grinch who stole Christmas", "Christmas's magic"
    if ctx.anchor is None:
        return DATE, None
    if (m["rel"] or "").lower() == "this":
        found = holidays.day_of(m["name"], ctx.anchor.year)
    else:
        way = anchoring.direction(m["rel"], ctx.tense)
        found = anchoring.yearly(lambda y: holidays.day_of(m["name"], y), ctx.anchor, way)
    return DATE, timex.day(found) if found else None
