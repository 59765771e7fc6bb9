"""The index document for an article: its text fields plus what its entities and dates add."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reader.core.articles import Article, DatedEvent, Party
from reader.core.dates import timex
from reader.core.index import cite_terms, dateblocks, docket_terms
from reader.core.mentions import CITATION, DATE, LEGAL, ORG, PERSON, PLACE, TIME, Mention
from reader.core.text.folding import fold

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
        "court": article.court,
    }
    if article.dockets:
        doc["docket"] = docket_terms.index_terms(article.dockets)
        doc["dockets"] = json.dumps(list(article.dockets))
    if article.parties:
        doc["parties"] = json.dumps([party_row(p) for p in article.parties])
    if article.events:
        doc["events"] = json.dumps([[e.kind, e.date] for e in article.events])
    if article.pages or article.notes:
        reading = {"pages": article.pages, "ocr": article.ocr_pages, "notes": article.notes}
        if article.ocr_waiting:
            reading["waiting"] = article.ocr_waiting
        doc["reading"] = json.dumps(reading)
    published = timex.interval(article.published) if article.published else None
    doc["published_day"] = 0  # undated articles sort after every dated one
    if published:
        doc["published_day"] = _day_number(published[0])
        doc["published_dates"] = " ".join(dateblocks.index_terms(*published))
    names: dict[str, set[str]] = {name: set() for name in _ENTITY_FIELDS.values()}
    canonical: dict[str, set[str]] = {name: set() for name in _ENTITY_FIELDS.values()}
    keys: dict[str, set[str]] = {name: set() for name in _ENTITY_FIELDS.values()}
    mentioned: set[str] = set()
    dated: list[tuple[int, int, str]] = []
    for mention in mentions:
        field = _ENTITY_FIELDS.get(mention.label)
        if field:
            names[field].add(mention.text)
            name = mention.canonical or mention.text
            names[field].add(name)
            canonical[field].add(entity_name(mention))
            keys[field].add(entity_key(entity_name(mention)))
        elif mention.label in (DATE, TIME) and mention.value:
            span = timex.interval(mention.value)
            if span:
                mentioned.update(dateblocks.mention_terms(mention.value, span))
                dated.append((mention.start, mention.end, mention.value))
    facets: dict[str, list[str]] = {}
    for field, values in names.items():
        if values:
            doc[field] = "\n".join(sorted(values))
        if canonical[field]:
            facets[field] = sorted(canonical[field])
            doc[f"{field}_key"] = ",".join(sorted(keys[field]))
    doc["facets"] = json.dumps(facets)
    parties = {party.name for party in article.parties}
    doc["names"] = "\n".join(sorted(names["person"] | names["org"] | names["place"] | parties))
    if mentioned:
        doc["mentioned_dates"] = " ".join(sorted(mentioned))
    doc["date_mentions"] = json.dumps(dated)
    cited = cite_terms.index_terms(m.value for m in mentions if m.label == CITATION and m.value)
    if cited:
        doc["cite"] = cited
    return {key: value for key, value in doc.items() if value is not None}


def party_row(party: Party) -> list[str | None]:
    """A party as stored: [name, side, role, represents, firm, kind], without trailing Nones."""
    row = [party.name, party.side, party.role, party.represents, party.firm, party.kind]
    while len(row) > 2 and row[-1] is None:
        row.pop()
    return row


def party_from_row(row: list[str | None]) -> Party:
    """The Party `party_row` stored; a library written before roles stores [name, side]."""
    name, side, *rest = row
    role, represents, firm, kind = (*rest, None, None, None, None)[:4]
    return Party(str(name), str(side or ""), role, represents, firm, kind)


def _day_number(day: date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def entity_name(mention: Mention) -> str:
    """The name an entity is filtered and counted by (commas would split the keyword)."""
    name = mention.canonical or mention.text
    if mention.label == LEGAL and not mention.canonical:
        name = name.lower()
    return " ".join(name.replace(",", " ").split())


def entity_key(name: str) -> str:
    """The folded key an entity is filtered by: case, accents and spacing do not matter."""
    return " ".join(fold(name).replace(",", " ").split())


def article_from_stored(fields: dict[str, Any]) -> Article:
    """The Article an index document stores (the reverse of `fields`)."""
    reading = json.loads(fields.get("reading") or "{}")
    return Article(
        id=fields["id"],
        path=Path(fields["path"]),
        title=fields["title"],
        body=fields["body"],
        format=fields["format"],
        published=fields.get("published") or None,
        author=fields.get("author"),
        source=fields.get("source"),
        url=fields.get("url"),
        summary=fields.get("summary"),
        court=fields.get("court") or None,
        dockets=tuple(json.loads(fields.get("dockets") or "[]")),
        parties=tuple(party_from_row(row) for row in json.loads(fields.get("parties") or "[]")),
        events=tuple(
            DatedEvent(kind, day) for kind, day in json.loads(fields.get("events") or "[]")
        ),
        pages=tuple(reading.get("pages", ())),
        ocr_pages=tuple(reading.get("ocr", ())),
        ocr_waiting=tuple(reading.get("waiting", ())),
        notes=tuple(reading.get("notes", ())),
    )
