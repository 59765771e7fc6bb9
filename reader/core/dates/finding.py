"""Find temporal expressions in text and normalise them to TimeML values against an anchor day."""

from __future__ import annotations

import bisect
import functools
import logging
import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date

from reader.core.dates import discourse, non_dates, tense
from reader.core.dates import phrases as datephrases
from reader.core.dates import relative as relphrases
from reader.core.dates.phrases import IGNORE, Context
from reader.core.mentions import DATE, TIME, Mention
from reader.core.text import nlp

log = logging.getLogger(__name__)

_RULES = (*datephrases.RULES, *relphrases.RULES)
_PARAGRAPH = re.compile(r"\S.*?(?=\n[ \t]*\n|\Z)", re.DOTALL)
# spaCy DATE spans that are not dates for us: ages, and spans with nothing temporal in them.
_NOT_A_DATE = re.compile(r"(?i)\b(?:aged?|old)\b|-year-old")
_TEMPORAL_HINT = re.compile(
    r"(?i)\d|day|week|month|year|decade|century|season|quarter|morning|night|evening|noon"
)
_DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d$")
# Every match of a rule holds one of these words or a number of one of the shapes below,
# within REACH characters of its start and of its end, so only the text around them is
# searched with the 22 rules: most of a long judgment names no date, and each rule ran over
# all of it (PERFORMANCE.md, phase 1). tests/core/test_date_regions.py checks that this finds
# what searching everything finds. Words are looked up whole in a set, which is many times
# faster than one regular expression of them all.
_TEMPORAL_WORDS = tuple(
    (  # noqa: SIM905 (a list of 120 quoted words reads worse)
        "second seconds minute minutes hour hours hourly day days daily week weeks weekly weekend "
        "weekends weekday weekdays fortnight fortnights month months monthly quarter quarters "
        "quarterly year years yearly annual annually decade decades century centuries overnight "
        "spring summer fall autumn winter springs summers winters twenties thirties forties "
        "fifties sixties seventies eighties nineties morning mornings afternoon afternoons "
        "evening evenings night nights nightly tonight noon midnight yesterday today tomorrow now "
        "nowadays currently recent recently lately present presently future past moment once "
        "period "
        "twice half fy fiscal calendar christmas easter thanksgiving halloween valentine "
        "valentines independence memorial labor columbus veterans presidents juneteenth armistice "
        "boxing indigenous ago"
    ).split()
)
_MONTH_WORDS = tuple(
    (  # noqa: SIM905
        "January February March April May June July August September October November December "
        "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday "
        "Friday Saturday Sunday Mon Tue Tues Wed Wednes Thu Thur Thurs Fri Sat Satur Sun"
    ).split()
)
_ANCHOR_WORDS = frozenset(
    [*_TEMPORAL_WORDS, *(x.title() for x in _TEMPORAL_WORDS), *(x.upper() for x in _TEMPORAL_WORDS),
     *_MONTH_WORDS, *(x.upper() for x in _MONTH_WORDS)]
)  # fmt: skip
_TEMPORAL_SET = frozenset(_TEMPORAL_WORDS)
_WORD = re.compile(r"[A-Za-z]+")
# A number that can be part of a date: a year, "1990s", "10/21", "9:30", "3 p.m.", "21st".
_NUMBER = re.compile(
    r"(?P<digits>[0-9]+)"
    r"(?P<suffix>(?:st|nd|rd|th)\b|'?s\b|[/.:-](?=[0-9])|\s*[aApP]\.?[mM]\b)?"
)
_YEAR_LIKE = re.compile(r"(?:1[6-9]|20)[0-9][0-9]")
REACH = 60  # the longest reach seen on 4,000 news texts and TimeBank: 26 before, 15 after
NON_DATE_REACH = 200
_SPACE = re.compile(r"\s")
_JOIN_GAP = re.compile(r"^\s*(?:,|at|on|,\s*at|,\s*on)?\s*$", re.IGNORECASE)


def ner_spans(text: str) -> list[tuple[int, int, str]]:
    """Return spaCy's DATE/TIME spans in `text`, running the model one paragraph at a time."""
    paragraphs = list(_PARAGRAPH.finditer(text))
    docs = nlp.ner().pipe(p.group() for p in paragraphs)
    return [
        (p.start() + ent.start_char, p.start() + ent.end_char, ent.label_)
        for p, doc in zip(paragraphs, docs, strict=True)
        for ent in doc.ents
        if ent.label_ in (DATE, TIME)
    ]


class _Spans:
    """Spans in order of their start, asked about by bisection: a date-dense table gave
    thousands of candidates, each compared with every span taken (32 million comparisons,
    RELIABILITY.md, hostile files on every path). Overlapping spans are kept merged."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []
        for start, end in sorted(spans):
            if self.ends and start < self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], end)
            else:
                self.starts.append(start)
                self.ends.append(end)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether (start, end) overlaps a span held."""
        index = bisect.bisect_left(self.starts, end)  # the spans starting before `end`
        return index > 0 and self.ends[index - 1] > start

    def add(self, start: int, end: int) -> None:
        """Hold (start, end), which overlaps none held (the callers check first)."""
        index = bisect.bisect_left(self.starts, start)
        self.starts.insert(index, start)
        self.ends.insert(index, end)


def match(
    text: str,
    anchor: date | None,
    spans: Sequence[tuple[int, int]],
    day_first: bool,
    tense_of: Callable[[int, int], str | None] | None = None,
    *,
    all_blocks: bool = True,
    regions: list[tuple[int, int]] | None = None,
) -> tuple[list[Mention], list[tuple[int, int]]]:
    """Our patterns, longest match first; returns the mentions and the spans known not dates.

    Args:
        spans: where the spaCy model saw a DATE/TIME (makes ambiguous patterns acceptable).
        tense_of: tense of the verb governing (start, end); default: tag the sentence.
        all_blocks: return every span known not a date (the model's spans are checked
            against them), not only those near a date the patterns could find.
        regions: the stretches to search (default: temporal_regions(text)).
    """
    tense_of = tense_of or functools.partial(tense.governing, text)
    if regions is None:
        regions = temporal_regions(text)
    candidates = [
        (m, handler, order)
        for order, (pattern, handler) in enumerate(_RULES)
        for pos, endpos in regions
        for m in pattern.finditer(text, pos, endpos)
    ]
    candidates.sort(key=lambda c: (c[0].start() - c[0].end(), c[0].start(), c[2]))
    # Citations, docket numbers, sections, pages and sums are never dates (non_dates.py).
    blocked = non_dates.spans(text, None if all_blocks else _widened(regions, len(text)))
    taken = _Spans(blocked)
    seen = _Spans(spans)
    mentions: list[Mention] = []
    for m, handler, _ in candidates:
        start, end = m.span()
        if taken.overlaps(start, end):
            continue
        governing = functools.cache(functools.partial(tense_of, start, end))
        ctx = Context(anchor, governing, day_first, seen.overlaps(start, end))
        reading = handler(m, ctx)
        if reading is None:
            continue
        taken.add(start, end)
        label, value = reading
        if label == IGNORE:
            blocked.append((start, end))
        else:
            mentions.append(Mention(start, end, m.group(), label, value=value))
    return mentions, blocked


def temporal_regions(text: str) -> list[tuple[int, int]]:
    """The stretches of `text` that can hold a date (see _ANCHOR_WORDS), as (start, end).

    `\\b` and look-behinds still see what precedes a stretch; each one ends at a space,
    so a look-ahead at its end sees what it would see in the whole text.
    """
    anchors = [m.start() for m in _WORD.finditer(text) if _is_date_word(m.group())]
    anchors += [m.start() for m in _NUMBER.finditer(text) if _is_date_number(m)]
    anchors.sort()
    regions: list[tuple[int, int]] = []
    for anchor in anchors:
        start = max(0, anchor - REACH)
        if regions and start <= regions[-1][1]:
            if anchor + REACH <= regions[-1][1]:
                continue
            start = regions.pop()[0]
        space = _SPACE.search(text, anchor + REACH)
        regions.append((start, space.end() if space else len(text)))
    return regions


def _widened(regions: list[tuple[int, int]], length: int) -> list[tuple[int, int]]:
    """`regions` reaching NON_DATE_REACH further back: a citation can start before a date."""
    wide: list[tuple[int, int]] = []
    for start, end in regions:
        start = max(0, start - NON_DATE_REACH)
        if wide and start <= wide[-1][1]:
            start = wide.pop()[0]
        wide.append((start, end))
    return wide


def _is_date_word(word: str) -> bool:
    # the rules read units in any case ("fifteen daYs"); months and weekdays capitalised
    return word in _ANCHOR_WORDS or (not word.islower() and word.lower() in _TEMPORAL_SET)


def _is_date_number(m: re.Match[str]) -> bool:
    digits = m["digits"]
    if m["suffix"] or (len(digits) == 4 and _YEAR_LIKE.fullmatch(digits)):
        return True
    # "Q3", "H1": a quarter or a half year
    return len(digits) == 1 and m.start() > 0 and m.string[m.start() - 1] in "QH"


def _join_clock_times(text: str, mentions: list[Mention]) -> list[Mention]:
    """Give "3 p.m." the day of a date next to it ("Friday at 3 p.m."); alone it has no day."""
    out: list[Mention] = []
    for mention in mentions:
        previous = out[-1] if out else None
        if (
            previous is not None
            and _JOIN_GAP.match(text[previous.end : mention.start])
            and (mention.value or "").startswith("T") != (previous.value or "").startswith("T")
        ):
            day, clock = sorted((previous, mention), key=lambda x: (x.value or "").startswith("T"))
            if day.value and clock.value and _DAY_VALUE.match(day.value):
                out[-1] = Mention(previous.start, mention.end, text[previous.start : mention.end],
                                  TIME, value=day.value + clock.value)  # fmt: skip
                continue
        out.append(mention)
    return [
        m if not (m.value or "").startswith("T") else Mention(m.start, m.end, m.text, m.label)
        for m in out
    ]


def find(
    text: str,
    anchor: date | None,
    ner_spans: Sequence[tuple[int, int]] | None = None,
    *,
    day_first: bool = False,
) -> list[Mention]:
    """Return temporal mentions in `text`, resolved against `anchor` where possible."""
    if ner_spans is None:
        spans = [(s, e) for s, e, _ in globals()["ner_spans"](text)]
    else:
        spans = [(s, e) for s, e in ner_spans]
    mentions, blocked = match(text, anchor, spans, day_first)
    taken = _Spans((m.start, m.end) for m in mentions)
    not_dates = _Spans(blocked)
    for start, end in spans:
        span_text = text[start:end]
        if taken.overlaps(start, end) or not_dates.overlaps(start, end):
            continue
        if _NOT_A_DATE.search(span_text) or not _TEMPORAL_HINT.search(span_text):
            continue
        # Digits our patterns could not read as a date are numbers: a court's "21-1919" or a
        # receipt's "1001214590", which the model took for dates on court e-mails.
        if not any(char.isalpha() for char in span_text):
            continue
        label = (
            TIME
            if re.search(r"(?i)\b(?:[ap]\.?m\.?|o'clock|hours?|minutes?)\b", span_text)
            else DATE
        )
        mentions.append(Mention(start, end, span_text, label))
    mentions.sort(key=lambda m: m.start)
    return discourse.follow(text, _join_clock_times(text, mentions))


def find_without_model(text: str, anchor: date | None, *, day_first: bool = False) -> list[Mention]:
    """Temporal mentions our patterns find alone: no model, no tense (an import's first phase).

    Fast enough to run at text speed; a relative date whose reading needs the verb's tense
    ("on Friday") takes the pattern's default until the entity phase reads it again.
    """
    mentions, _ = match(text, anchor, (), day_first, tense_of=_no_tense, all_blocks=False)
    mentions.sort(key=lambda m: m.start)
    return discourse.follow(text, _join_clock_times(text, mentions))


def _no_tense(start: int, end: int) -> str | None:
    return None
