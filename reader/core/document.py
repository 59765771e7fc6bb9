"""The index document for an article: its text fields plus what its entities and dates add."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from typing import Any

from reader.core import dateblocks, timex
from reader.core.articles import Article
from reader.core.mentions import DATE, LEGAL, ORG, PERSON, PLACE, TIME, Mention

_ENTITY_FIELDS = {PERSON: "person", ORG: "org", PLACE: "place", LEGAL: "legal"}


def fields(
    article: Article,
    stored_name: str,
    sources: Sequence[tuple[str, int, int]],
    mentions: Sequence[Mention],
) -> dict[str, Any]:
    """Return the Whoosh fields of `article` (mentions may be empty when no model ran)."""
    doc: dict[str, Any] = {
        "id": article.id,
        "path": str(article.path),
        "stored_name": stored_name,
        "format": article.format,
        "title": article.title,
        "body": article.body,
        "summary": article.summary,
        "author": article.author,
        "source": article.source,
        "url": article.url,
        "published": article.published or "",
        "sources": json.dumps(list(sources)),
    }
    published = timex.interval(article.published) if article.published else None
    if published:
        doc["published_day"] = _day_number(published[0])
        doc["published_dates"] = " ".join(dateblocks.index_terms(*published))
    names: dict[str, set[str]] = {name: set() for name in _ENTITY_FIELDS.values()}
    mentioned: set[str] = set()
    dated: list[tuple[int, int, str]] = []
    for mention in mentions:
        field = _ENTITY_FIELDS.get(mention.label)
        if field:
            names[field].add(mention.text)
            if mention.canonical:
                names[field].add(mention.canonical)
        elif mention.label in (DATE, TIME) and mention.value:
            span = timex.interval(mention.value)
            if span:
                mentioned.update(dateblocks.index_terms(*span))
                dated.append((mention.start, mention.end, mention.value))
    for field, values in names.items():
        if values:
            doc[field] = "\n".join(sorted(values))
    doc["names"] = "\n".join(sorted(names["person"] | names["org"] | names["place"]))
    if mentioned:
        doc["mentioned_dates"] = " ".join(sorted(mentioned))
    doc["date_mentions"] = json.dumps(dated)
    return {key: value for key, value in doc.items() if value is not None}


def _day_number(day: date) -> int:
    return day.year * 10000 + day.month * 100 + day.day
