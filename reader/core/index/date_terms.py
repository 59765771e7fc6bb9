"""The dates of a query: taken out of its text, searched as date block terms, shown in snippets.

An article naming a date within the query's interval is an exact match; one naming only a
coarser date that contains it ("2017" for "October 2, 2017") is a weaker match, ranked after
every exact one and noted in its snippet ("mentions 2017"), or left out when the user asks for
exact dates (`exact:` in the query, or Filters.exact_dates).
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from datetime import date
from typing import Any

from whoosh.query import And, ConstantScoreQuery, NullQuery, Or, Query, Term

from reader.core.dates import query_dates as datequery
from reader.core.dates import timex
from reader.core.dates.query_dates import QueryDate
from reader.core.index import dateblocks
from reader.core.index.dateblocks import WITHIN
from reader.core.index.snippet import escape
from reader.core.text import sentences
from reader.core.text.folding import fold

log = logging.getLogger(__name__)

_DATE_FIELD = re.compile(r"\b(date|published|mentioned|exact):(\"[^\"]*\"|\S+)", re.IGNORECASE)
PUBLISHED, MENTIONED = "published_dates", "mentioned_dates"
# Added to the score of an exact date match: far above any sum of word scores (BM25 stays
# under ~30 a word), so every exact match ranks before every weaker one.
EXACT_BONUS = 1_000_000.0


@dataclass(frozen=True)
class DateSearch:
    """The dates of a query, the fields they must match in, and whether only exact ones count."""

    dates: tuple[QueryDate, ...] = ()
    fields: tuple[str, ...] = (PUBLISHED, MENTIONED)
    exact: bool = False


_QUOTED = re.compile(r'"[^"]*"|\u201c[^\u201d]*\u201d')


def split_dates(
    text: str, today: date, *, exact: bool = False
) -> tuple[str, DateSearch, list[str]]:
    """Take the dates out of the query text: the words left, the dates, and notes."""
    fields: tuple[str, ...] = (PUBLISHED, MENTIONED)
    notes: list[str] = []
    field_match = _DATE_FIELD.search(text)
    if field_match:
        kind = field_match[1].lower()
        fields = {"published": (PUBLISHED,), "mentioned": (MENTIONED,)}.get(kind, fields)
        exact = exact or kind == "exact"
        value = field_match[2].strip('"')
        found = datequery.find(value, today)
        if not found:
            notes.append(
                f"The date “{value}” is not one the reader understands; it was searched as words."
            )
            return text.replace(field_match[0], value), DateSearch((), fields, exact), notes
        text = text[: field_match.start()] + text[field_match.end() :]
        return text, DateSearch(tuple(found), fields, exact), notes
    # A date inside a quoted phrase is part of the phrase ("Policing During Summer 2020").
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    found = [
        item
        for item in datequery.find(text, today)
        if not any(start <= item.start and item.end <= end for start, end in quoted)
    ]
    for item in sorted(found, key=lambda d: d.start, reverse=True):
        text = text[: item.start] + " " + text[item.end :]
    return text, DateSearch(tuple(found), fields, exact), notes


def date_query(search: DateSearch) -> Query:
    """Exact matches score EXACT_BONUS over their word score; coarser ones only their words."""
    if not search.dates:
        return NullQuery
    clauses = []
    for item in search.dates:
        within = sorted(dateblocks.within_terms(item.first, item.last))
        exact = [Term(field, term) for field in search.fields for term in within]
        parts: list[Query] = [Or(exact), ConstantScoreQuery(Or(list(exact)), EXACT_BONUS)]
        if not search.exact:
            coarser = sorted(dateblocks.coarser_terms(item.first, item.last))
            parts += [Term(field, term) for field in search.fields for term in coarser]
        clauses.append(Or(parts))
    return clauses[0] if len(clauses) == 1 else And(clauses)


def date_snippet(fields: dict[str, Any], search: DateSearch) -> tuple[str, str | None]:
    """The sentence with a mentioned date matching the query, and a note for a weaker match.

    The note ("mentions 2017", "published 2017") says why an article that names no date
    within the query was found; it is None for an exact match.
    """
    mentioned = (
        json.loads(fields.get("date_mentions") or "[]") if MENTIONED in search.fields else []
    )
    published = fields.get("published") if PUBLISHED in search.fields else None
    published_span = timex.interval(published) if published else None
    published_terms = dateblocks.index_terms(*published_span) if published_span else []
    notes: list[str] = []
    shown: tuple[int, int, str] | None = None  # the first mention within a query date
    weaker: tuple[int, int, str] | None = None  # the first coarser one, for a weaker match
    for item in search.dates:
        within, coarser = _first_mentions(mentioned, item)
        shown = shown or within
        if within or dateblocks.relation(published_terms, item.first, item.last) == WITHIN:
            continue
        if coarser is not None:
            notes.append(f"mentions {timex.describe(coarser[2])}")
            weaker = weaker or coarser
        elif published and dateblocks.relation(published_terms, item.first, item.last):
            notes.append(f"published {timex.describe(published)}")
    note = "; ".join(dict.fromkeys(notes)) or None
    chosen = shown or weaker
    if chosen is None:
        return "", note
    return _sentence(fields.get("body", ""), *chosen), note


def _first_mentions(
    mentioned: list[tuple[int, int, str]], item: QueryDate
) -> tuple[tuple[int, int, str] | None, tuple[int, int, str] | None]:
    """The first mention within the query date, and the first coarser one containing it."""
    coarser = None
    for start, end, value in mentioned:
        span = timex.interval(value)
        if not span:
            continue
        kind = dateblocks.relation(dateblocks.mention_terms(value, span), item.first, item.last)
        if kind == WITHIN:
            return (start, end, value), coarser
        if kind == dateblocks.CONTAINS and coarser is None:
            coarser = (start, end, value)
    return None, coarser


def _sentence(body: str, start: int, end: int, value: str) -> str:
    first, last = sentences.sentence_span(body, start)
    before = escape(body[first:start])
    after = escape(body[end:last])
    mark = f"<b>{escape(body[start:end])}</b>"
    described = timex.describe(value)
    # "in July → July 2024" helps; "October 21, 2021 → October 21, 2021" does not.
    resolved = "" if fold(described) == fold(body[start:end]) else f" → {described}"
    return f"{before}{mark}{escape(resolved)}{after}".strip()
