"""Whoosh hits → Hit values: the words each hit matched, and its snippet."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from whoosh.query import (
    AndNot,
    Not,
    Query,
)

from reader.core.articles import page_at
from reader.core.index import date_terms, snippet
from reader.core.index.date_terms import DateSearch
from reader.core.index.search_result import Hit
from reader.core.index.snippet import escape

log = logging.getLogger(__name__)

ENTITY_FIELDS = ("names", "person", "org", "place", "legal")

# Block markup of the markdown body ("## Heading", "> quote", "- item") is not text to show.
_MARKDOWN_PREFIX = re.compile(r"(?m)^\s*(?:#{1,6}|>|[-*])\s+")


def _wanted_terms(query: Query) -> Iterator[tuple[str, Any]]:
    """The words a hit can match, leaving out the excluded ones ("rust NOT baldwin")."""
    if isinstance(query, Not):
        return
    if isinstance(query, AndNot):
        yield from _wanted_terms(query.a)
    elif query.is_leaf():
        yield from query.terms(phrases=True)
    else:
        for child in query.children():
            yield from _wanted_terms(child)


def shown_terms(query: Query) -> Iterator[tuple[str, Any]]:
    """The query's words, with entity-field words ("person:Baldwin") also sought in the body.

    The snippet is cut from the body, so a hit found by its entity names shows those words.
    """
    for field, text in _wanted_terms(query):
        yield field, text
        if field in ENTITY_FIELDS:
            yield "body", text


def matched_terms(
    searcher: Any, final: Query, docnums: list[int]
) -> tuple[dict[int, list[tuple[str, bytes]]], dict[tuple[str, bytes], list[int]]]:
    """Each hit's words from the query, and each word's hits, as Whoosh's Results hold them."""
    docterms: dict[int, list[tuple[str, bytes]]] = {docnum: [] for docnum in docnums}
    termdocs: dict[tuple[str, bytes], list[int]] = {}
    reader = searcher.reader()
    wanted = sorted(docterms)
    for field, text in set(shown_terms(final)) if wanted else ():
        btext = text if isinstance(text, bytes) else searcher.schema[field].to_bytes(text)
        if (field, btext) not in reader:
            continue
        postings = reader.postings(field, btext)
        for docnum in wanted:
            if postings.is_active() and postings.id() < docnum:
                postings.skip_to(docnum)
            if not postings.is_active():
                break
            if postings.id() == docnum:
                docterms[docnum].append((field, btext))
                termdocs.setdefault((field, btext), []).append(docnum)
    return docterms, termdocs


def hit(hit: Any, dated: DateSearch | None) -> Hit:
    """Our Hit for a Whoosh hit; a weaker date match gets its note before the snippet."""
    fields = hit.fields()
    shown, note = date_terms.date_snippet(fields, dated) if dated and dated.dates else ("", None)
    if not shown:
        shown = _words_snippet(hit, fields)
    if not shown:
        shown = escape(" ".join(fields.get("body", "").split()[:40]))
    shown = " ".join(_MARKDOWN_PREFIX.sub("", shown).split())
    page = _page(hit, fields)
    if page is not None:
        shown = f"p. {page} — {shown}"
    return Hit(
        article_id=fields["id"],
        path=Path(fields["path"]),
        title=fields["title"],
        published=fields.get("published") or None,
        score=float(hit.score or 0.0),
        snippet=f"{escape(note)} — {shown}" if note else shown,
        source=fields.get("source"),
        author=fields.get("author"),
        date_note=note,
        page=page,
    )


def _words_snippet(hit: Any, fields: dict[str, Any]) -> str:
    """Passages of the body with the words this hit was found by, else of the title."""
    found = hit.matched_terms() if hit.results.has_matched_terms() else []
    for field, top in (("body", 2), ("title", 1)):
        words = [word.decode("utf-8") for name, word in found if name == field]
        shown = snippet.snippet(fields.get(field) or "", words, top)
        if shown:
            return shown
    return ""


def _page(hit: Any, fields: dict[str, Any]) -> int | None:
    """The page of a paged document on which the hit's first matched body word stands."""
    pages = json.loads(fields.get("reading") or "{}").get("pages")
    if not pages:
        return None
    found = hit.matched_terms() if hit.results.has_matched_terms() else []
    words = [word.decode("utf-8") for name, word in found if name == "body"]
    tokens = snippet.find(fields.get("body") or "", words)
    if not tokens:
        return None
    first = min(token.startchar for token in tokens)
    return page_at(pages, first)
