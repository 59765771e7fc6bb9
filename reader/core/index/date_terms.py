"""The dates of a query: taken out of its text, searched as date block terms, shown in snippets."""

from __future__ import annotations

import json
import logging
import re
from datetime import date
from typing import Any

from whoosh.query import (
    And,
    NullQuery,
    Or,
    Query,
    Term,
)

from reader.core.dates import query_dates as datequery
from reader.core.dates import timex
from reader.core.dates.query_dates import QueryDate
from reader.core.index import dateblocks
from reader.core.index.snippet import escape
from reader.core.text import sentences
from reader.core.text.folding import fold

log = logging.getLogger(__name__)

_DATE_FIELD = re.compile(r"\b(date|published|mentioned):(\"[^\"]*\"|\S+)", re.IGNORECASE)


def split_dates(text: str, today: date) -> tuple[str, list[QueryDate], list[str], list[str]]:
    """Take the dates out of the query text; `date_fields` says where each must match."""
    fields = ["published_dates", "mentioned_dates"]
    notes: list[str] = []
    field_match = _DATE_FIELD.search(text)
    if field_match:
        kind = field_match[1].lower()
        fields = {"published": ["published_dates"], "mentioned": ["mentioned_dates"]}.get(
            kind, fields
        )
        value = field_match[2].strip('"')
        found = datequery.find(value, today)
        if not found:
            notes.append(
                f"The date “{value}” is not one the reader understands; it was searched as words."
            )
            return text.replace(field_match[0], value), [], fields, notes
        text = text[: field_match.start()] + text[field_match.end() :]
        return text, found, fields, notes
    found = datequery.find(text, today)
    for item in sorted(found, key=lambda d: d.start, reverse=True):
        text = text[: item.start] + " " + text[item.end :]
    return text, found, fields, notes


def date_query(dates: list[QueryDate], fields: list[str]) -> Query:
    if not dates:
        return NullQuery
    clauses = []
    for item in dates:
        terms = dateblocks.query_terms(item.first, item.last)
        clauses.append(Or([Term(field, term) for field in fields for term in terms]))
    return clauses[0] if len(clauses) == 1 else And(clauses)


def date_snippet(fields: dict[str, Any], dates: list[QueryDate]) -> str:
    """The sentence with the first mentioned date that overlaps the query, and its value."""
    body = fields.get("body", "")
    for start, end, value in json.loads(fields.get("date_mentions") or "[]"):
        span = timex.interval(value)
        # A week ("this week") is indexed for its month only; show it only for such queries.
        precise = "W" not in value or all(_is_month_or_wider(d) for d in dates)
        if span and precise and any(_overlaps(span, d) for d in dates):
            first, last = sentences.sentence_span(body, start)
            before = escape(body[first:start])
            after = escape(body[end:last])
            mark = f"<b>{escape(body[start:end])}</b>"
            described = timex.describe(value)
            # "in July → July 2024" helps; "October 21, 2021 → October 21, 2021" does not.
            resolved = "" if fold(described) == fold(body[start:end]) else f" → {described}"
            return f"{before}{mark}{escape(resolved)}{after}".strip()
    return ""


def _is_month_or_wider(query_date: QueryDate) -> bool:
    if query_date.first is None or query_date.last is None:
        return True
    return (query_date.last - query_date.first).days >= 27


def _overlaps(span: tuple[date, date], query_date: QueryDate) -> bool:
    first = query_date.first or date.min
    last = query_date.last or date.max
    return span[0] <= last and first <= span[1]
