"""Find temporal expressions in text and normalise them to TimeML values against an anchor day."""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable, Sequence
from datetime import date

from reader.core.dates import non_dates, tense
from reader.core.dates import phrases as datephrases
from reader.core.dates import relative as relphrases
from reader.core.dates.phrases import IGNORE, Context
from reader.core.mentions import DATE, TIME, Mention
from reader.core.text import nlp, sentences

log = logging.getLogger(__name__)

_RULES = (*datephrases.RULES, *relphrases.RULES)
_PARAGRAPH = re.compile(r"\S.*?(?=\n[ \t]*\n|\Z)", re.DOTALL)
# spaCy DATE spans that are not dates for us: ages, and spans with nothing temporal in them.
_NOT_A_DATE = re.compile(r"(?i)\b(?:aged?|old)\b|-year-old")
_TEMPORAL_HINT = re.compile(
    r"(?i)\d|day|week|month|year|decade|century|season|quarter|morning|night|evening|noon"
)
_DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d$")
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


def _overlaps(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


def match(
    text: str,
    anchor: date | None,
    spans: Sequence[tuple[int, int]],
    day_first: bool,
    tense_of: Callable[[int, int], str | None] | None = None,
) -> tuple[list[Mention], list[tuple[int, int]]]:
    """Our patterns, longest match first; returns the mentions and the spans known not dates.

    Args:
        spans: where the spaCy model saw a DATE/TIME (makes ambiguous patterns acceptable).
        tense_of: tense of the verb governing (start, end); default: tag the sentence.
    """
    tense_of = tense_of or functools.partial(tense.governing, text)
    candidates = [
        (m, handler, order)
        for order, (pattern, handler) in enumerate(_RULES)
        for m in pattern.finditer(text)
    ]
    candidates.sort(key=lambda c: (c[0].start() - c[0].end(), c[0].start(), c[2]))
    # Citations, docket numbers, sections, pages and sums are never dates (non_dates.py).
    blocked = non_dates.spans(text)
    taken: list[tuple[int, int]] = list(blocked)
    mentions: list[Mention] = []
    for m, handler, _ in candidates:
        start, end = m.span()
        if _overlaps(start, end, taken):
            continue
        governing = functools.cache(functools.partial(tense_of, start, end))
        ctx = Context(anchor, governing, day_first, _overlaps(start, end, spans))
        reading = handler(m, ctx)
        if reading is None:
            continue
        taken.append((start, end))
        label, value = reading
        if label == IGNORE:
            blocked.append((start, end))
        else:
            mentions.append(Mention(start, end, m.group(), label, value=value))
    return mentions, blocked


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


_YEAR_AGO = re.compile(
    r"(?i)(?:a|one)\s+year\s+(?:ago|earlier)|year[- ](?:ago|earlier)|last\s+year"
)
_THE_QUARTER = re.compile(r"(?i)the\s+(?:latest\s+|most\s+recent\s+)?(?:fiscal\s+)?quarter")
_QUARTER_VALUE = re.compile(r"^(\d{4})-Q([1-4])$")


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
        found = _QUARTER_VALUE.match(value or "")
        if found and not _YEAR_AGO.fullmatch(m.text):
            current = found
        out.append(m if value == m.value else Mention(m.start, m.end, m.text, m.label, value=value))
    return out


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
    taken = [(m.start, m.end) for m in mentions]
    for start, end in spans:
        span_text = text[start:end]
        if _overlaps(start, end, taken) or _overlaps(start, end, blocked):
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
    return _follow_quarters(text, _join_clock_times(text, mentions))


def find_without_model(text: str, anchor: date | None, *, day_first: bool = False) -> list[Mention]:
    """Temporal mentions our patterns find alone: no model, no tense (an import's first phase).

    Fast enough to run at text speed; a relative date whose reading needs the verb's tense
    ("on Friday") takes the pattern's default until the entity phase reads it again.
    """
    mentions, _ = match(text, anchor, (), day_first, tense_of=_no_tense)
    mentions.sort(key=lambda m: m.start)
    return _follow_quarters(text, _join_clock_times(text, mentions))


def _no_tense(start: int, end: int) -> str | None:
    return None
