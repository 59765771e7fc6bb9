"""A chronology across articles: dated events, grouped when they are the same, with conflicts."""

from __future__ import annotations

import csv
import io
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from reader.core.articles import Article
from reader.core.dates import timex
from reader.core.mentions import DATE, LEGAL, PERSON, TIME, Mention
from reader.core.text import sentences

log = logging.getLogger(__name__)

# Legal event words, by the stem that names the event ("dismissed", "dismissal" → dismissal).
_EVENT_WORDS = (
    (r"dismiss", "dismissal"), (r"shoot|shot\b", "shooting"), (r"sentenc", "sentencing"),
    (r"appeal", "appeal"), (r"convict", "conviction"), (r"acquit", "acquittal"),
    (r"indict", "indictment"), (r"arrest", "arrest"), (r"charg", "charge"),
    (r"plead|plea\b", "plea"), (r"verdict", "verdict"), (r"trial", "trial"),
    (r"settle", "settlement"), (r"sue\b|sued\b|lawsuit", "lawsuit"), (r"kill|death|died", "death"),
    (r"releas", "release"), (r"hearing", "hearing"), (r"mistrial", "mistrial"),
)  # fmt: skip
# Block markup at the start of a markdown sentence ("## Heading", "> quote").
_MARKUP = re.compile(r"^\s*(?:#{1,6}|>|[-*])\s+")
_EVENT_PATTERN = re.compile(
    "|".join(rf"(?P<e{i}>\b(?:{p}))" for i, (p, _) in enumerate(_EVENT_WORDS)), re.IGNORECASE
)


@dataclass(frozen=True)
class Event:
    """One dated statement in one article."""

    value: str
    first: date
    last: date
    sentence: str
    article_id: str
    article_title: str
    start: int
    end: int


@dataclass(frozen=True)
class EventGroup:
    """Events taken to be the same happening; `conflict` when articles disagree on its date."""

    events: tuple[Event, ...]
    people: tuple[str, ...] = ()
    event_word: str | None = None
    conflict: bool = False

    @property
    def value(self) -> str:
        """The most precise date the group's events give."""
        return min(self.events, key=lambda e: (e.last - e.first, e.first)).value


def _event_word(sentence: str, legal: Sequence[Mention]) -> str | None:
    for m in legal:
        found = _EVENT_PATTERN.search(m.canonical or m.text)
        if found and found.lastgroup:
            return _EVENT_WORDS[int(found.lastgroup[1:])][1]
    found = _EVENT_PATTERN.search(sentence)
    return _EVENT_WORDS[int(found.lastgroup[1:])][1] if found and found.lastgroup else None


def _events(
    article_id: str, title: str, text: str, mentions: Sequence[Mention]
) -> list[tuple[Event, tuple[str, ...], str | None]]:
    out = []
    for m in mentions:
        span = timex.interval(m.value) if m.label in (DATE, TIME) else None
        if span is None or m.value is None:
            continue
        s, e = sentences.sentence_span(text, m.start)
        inside = [x for x in mentions if s <= x.start < e]
        people = tuple(sorted({x.canonical or x.text for x in inside if x.label == PERSON}))
        word = _event_word(text[s:e], [x for x in inside if x.label == LEGAL])
        sentence = _MARKUP.sub("", text[s:e]).strip()
        event = Event(m.value, span[0], span[1], sentence, article_id, title, m.start, m.end)
        out.append((event, people, word))
    return out


def _most_precise_per_sentence(events: Sequence[Event]) -> list[Event]:
    """One event per article sentence: "this week … on Christmas Eve" is one happening."""
    best: dict[tuple[str, str], Event] = {}
    for event in events:
        key = (event.article_id, event.sentence)
        if key not in best or event.last - event.first < best[key].last - best[key].first:
            best[key] = event
    return list(best.values())


def _disagree(events: Sequence[Event]) -> bool:
    """Two articles give dates that cannot both be right (their day intervals do not overlap)."""
    return any(
        a.article_id != b.article_id and (a.last < b.first or b.last < a.first)
        for i, a in enumerate(events)
        for b in events[i + 1 :]
    )


def build(
    articles: Iterable[tuple[str, str, str, Sequence[Mention]]],
    stated: Iterable[Article] = (),
) -> list[EventGroup]:
    """Return the dated events of `articles` grouped by happening and ordered by date.

    `stated` adds the steps legal documents state about themselves (argued, filed, decided),
    each an event of its own kind.
    """
    keyed: dict[tuple[object, ...], list[Event]] = {}
    details: dict[tuple[object, ...], tuple[tuple[str, ...], str | None]] = {}
    for article in stated:
        for step in article.events:
            day = date.fromisoformat(step.date)
            line = f"{step.kind.capitalize()}: {article.title}"
            event = Event(step.date, day, day, line, article.id, article.title, 0, 0)
            step_key: tuple[object, ...] = ("stated", article.id, step.kind, step.date)
            keyed[step_key] = [event]
            details[step_key] = ((), step.kind)
    for article_id, title, text, mentions in articles:
        for event, people, word in _events(article_id, title, text, mentions):
            # Same people and same legal event word: the same happening, whatever the date.
            key: tuple[object, ...] = (
                ("event", people, word)
                if people and word
                else ("date", event.value, event.sentence)
            )
            keyed.setdefault(key, []).append(event)
            details[key] = (people, word)
    groups = []
    for key, found in keyed.items():
        people, word = details[key]
        events = _most_precise_per_sentence(found)
        conflict = key[0] == "event" and _disagree(events)
        ordered = tuple(sorted(events, key=lambda e: (e.first, e.article_id, e.start)))
        groups.append(EventGroup(ordered, people, word, conflict))
    return sorted(groups, key=lambda g: (min(e.first for e in g.events), g.value))


def naming(groups: Iterable[EventGroup], names: Iterable[str]) -> list[EventGroup]:
    """The events whose sentence names one of `names` (an entity and its other spellings).

    An entity's own timeline: the dated sentences about it, not every date of the articles
    that mention it. A group keeps only those of its events.
    """
    wanted = [name for name in names if name.strip()]
    if not wanted:
        return list(groups)
    pattern = re.compile(
        "|".join(rf"(?<!\w){re.escape(name)}(?!\w)" for name in wanted), re.IGNORECASE
    )
    folded = {name.casefold() for name in wanted}
    kept = []
    for group in groups:
        named = {person.casefold() for person in group.people} & folded
        events = tuple(e for e in group.events if named or pattern.search(e.sentence))
        if events:
            kept.append(EventGroup(events, group.people, group.event_word, group.conflict))
    return kept


# A spreadsheet runs a cell that starts with one of these as a formula: an article could carry
# "=HYPERLINK(...)" into a paralegal's spreadsheet. Such cells are prefixed with "'" (OWASP).
# Spreadsheets may trim leading spaces, and some read full-width signs as the ASCII ones.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# What Markdown would read as markup (a link, a tag, emphasis) in a title or sentence.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>])")


def _cell(text: str) -> str:
    return f"'{text}" if text.lstrip(" \u3000").startswith(_FORMULA_START) else text


def _md(text: str) -> str:
    """Text from an article, escaped so that a Markdown viewer shows it and runs nothing."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def to_csv(groups: Iterable[EventGroup]) -> str:
    """Return the chronology as CSV, one row per event; no cell is read as a formula."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["date", "first", "last", "event", "people", "conflict", "article_id",
                     "article_title", "sentence"])  # fmt: skip
    for g in groups:
        for e in g.events:
            writer.writerow([e.value, e.first.isoformat(), e.last.isoformat(),
                             _cell(g.event_word or ""), _cell("; ".join(g.people)),
                             "yes" if g.conflict else "", e.article_id, _cell(e.article_title),
                             _cell(e.sentence)])  # fmt: skip
    return out.getvalue()


def to_markdown(groups: Iterable[EventGroup], links: Mapping[str, str] | None = None) -> str:
    """Return the chronology as Markdown: one heading per group, one line per article.

    `links` maps an article id to a link target (a file URL), so each line links its source.
    """
    lines = ["# Chronology", ""]
    for g in groups:
        what = _md(" ".join(x for x in (g.event_word or "", ", ".join(g.people)) if x))
        warning = " (conflicting dates)" if g.conflict else ""
        lines.append(f"## {timex.describe(g.value)}{' — ' + what if what else ''}{warning}")
        lines.append("")
        for e in g.events:
            date_note = f" [{timex.describe(e.value)}]" if g.conflict else ""
            title = f"*{_md(e.article_title)}*"
            if links and e.article_id in links:
                title = f"[{title}](<{links[e.article_id]}>)"
            lines.append(f"- {title}{date_note}: {_md(' '.join(e.sentence.split()))}")
        lines.append("")
    return "\n".join(lines)
