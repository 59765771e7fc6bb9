"""User text → SearchResult: the only module that opens a searcher.

Words search title, body and entity names; dates in the query search the publication date
and every date the articles mention (see dateblocks.py).
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import json
import logging
import re
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from whoosh import collectors
from whoosh.qparser import FuzzyTermPlugin, MultifieldParser
from whoosh.qparser.plugins import BoostPlugin, GtLtPlugin, RangePlugin
from whoosh.query import (
    And,
    AndNot,
    Every,
    FuzzyTerm,
    Not,
    NullQuery,
    NumericRange,
    Or,
    Prefix,
    Query,
    Term,
    Wildcard,
)

from reader.core.dates import query_dates as datequery
from reader.core.dates import timex
from reader.core.dates.query_dates import QueryDate
from reader.core.index import dateblocks, document, query_repair, snippet
from reader.core.index.filters import FACETS, Filters
from reader.core.index.search_result import Hit, SearchResult
from reader.core.index.snippet import escape
from reader.core.index.vocabulary import Vocabulary
from reader.core.text import sentences
from reader.core.text.folding import fold

log = logging.getLogger(__name__)

SEARCH_FIELDS = ["title", "body", "names"]
ENTITY_FIELDS = ("names", "person", "org", "place", "legal")
# Facet counts are taken over this many top hits; beyond that they would cost every search.
FACET_DEPTH = 100
FACET_NAMES = 30
# A prefix or wildcard searches at most this many of the words it matches (the most common).
MAX_EXPANSIONS = 24
MAX_SCANNED = 20_000
_DATE_FIELD = re.compile(r"\b(date|published|mentioned):(\"[^\"]*\"|\S+)", re.IGNORECASE)
# Block markup of the markdown body ("## Heading", "> quote", "- item") is not text to show.
_MARKDOWN_PREFIX = re.compile(r"(?m)^\s*(?:#{1,6}|>|[-*])\s+")
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")


class Searchers:
    """One open searcher per thread, kept while the index generation stays the same.

    Opening a Whoosh searcher costs ~50 ms at 10,000 articles, so each search reusing one
    matters. A searcher is never refreshed (refresh() gives wrong results after merges in
    Whoosh 2.7.5); when a commit makes a new generation, a new searcher is opened instead.
    """

    def __init__(self) -> None:
        self._local = threading.local()

    def get(self, ix: Any, *, fresh: bool = False) -> Any:
        """Return this thread's searcher for the newest commit of `ix`."""
        generation = (id(ix), ix.latest_generation())
        held = getattr(self._local, "held", None)
        if held is not None and held[0] == generation and not fresh:
            return held[1]
        if held is not None:
            with contextlib.suppress(Exception):
                held[1].close()
        searcher = ix.searcher()
        self._local.held = (generation, searcher)
        return searcher


def search(
    searcher: Any,
    text: str,
    *,
    limit: int = 20,
    today: date,
    filters: Filters | None = None,
    facets: bool = False,
    vocabulary: Vocabulary | None = None,
) -> SearchResult:
    """Search for `text`, narrowed by `filters`; count entities if `facets`.

    Pass the same `vocabulary` to every search of a library: it keeps the word lists that
    prefix and fuzzy words are expanded from.
    """
    vocabulary = vocabulary or Vocabulary()
    words, dates, date_fields, notes = _split_dates(text, today)
    repaired = query_repair.repair(words)
    notes += repaired.notes
    parser = _parser(searcher.schema)
    word_query = _parse(parser, repaired.text, notes)
    date_query = _date_query(dates, date_fields)
    filter_query = _filter_query(filters)
    parts = [q for q in (word_query, date_query) if q is not NullQuery]
    searched = " ".join([repaired.text] + [d.label for d in dates]).strip()
    if not parts and filter_query is None:
        return SearchResult(text, searched, notes=notes, dates=[d.label for d in dates])
    final = parts[0] if len(parts) == 1 else And(parts) if parts else Every()
    depth = max(limit, FACET_DEPTH) if facets else limit
    final = _bound_expansions(final, searcher.reader(), vocabulary, notes)
    results = _top(searcher, final, max(1, depth), filter_query)
    counts = _facets(results) if facets else {}
    # Snippets are the expensive part: build them only for the rows that are returned.
    hits = [_hit(results[i], dates) for i in range(min(limit, results.scored_length()))]
    total = len(results)
    suggestion = None
    if total == 0 or len(hits) < 3:
        suggestion = _suggest(searcher, vocabulary, repaired.text)
    # Each field gets its own copy of a word, so the same note can arise three times.
    notes = list(dict.fromkeys(notes))
    searched_words = sorted(
        {str(word) for field, word in _shown_terms(final) if field in SEARCH_FIELDS}
    )
    return SearchResult(
        text,
        searched,
        hits,
        total,
        suggestion,
        notes,
        [d.label for d in dates],
        counts,
        searched_words,
    )


def _top(searcher: Any, final: Query, limit: int, filter_query: Query | None) -> Any:
    """The `limit` best hits, with the number of all hits counted in the same pass.

    Whoosh's default skips blocks that cannot reach the top and then counts the hits in a
    second, full pass that cost as much again; not skipping (and not pruning sub-queries,
    which would make the count short) does the work once. Which words each hit contains
    (for its snippet) is looked up for the shown hits only: Whoosh's `terms=True` checked
    every term of the query against every matching article (PERFORMANCE.md).
    """
    collector: Any = collectors.TopCollector(limit, usequality=False, replace=0)
    if filter_query is not None:
        collector = collectors.FilterCollector(collector, filter_query, None)
    searcher.search_with_collector(final, collector)
    results = collector.results()
    results.docterms, results.termdocs = _matched_terms(
        searcher, final, [docnum for _score, docnum in results.top_n]
    )
    return results


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


def _shown_terms(query: Query) -> Iterator[tuple[str, Any]]:
    """The query's words, with entity-field words ("person:Baldwin") also sought in the body.

    The snippet is cut from the body, so a hit found by its entity names shows those words.
    """
    for field, text in _wanted_terms(query):
        yield field, text
        if field in ENTITY_FIELDS:
            yield "body", text


def _matched_terms(
    searcher: Any, final: Query, docnums: list[int]
) -> tuple[dict[int, list[tuple[str, bytes]]], dict[tuple[str, bytes], list[int]]]:
    """Each hit's words from the query, and each word's hits, as Whoosh's Results hold them."""
    docterms: dict[int, list[tuple[str, bytes]]] = {docnum: [] for docnum in docnums}
    termdocs: dict[tuple[str, bytes], list[int]] = {}
    reader = searcher.reader()
    wanted = sorted(docterms)
    for field, text in set(_shown_terms(final)) if wanted else ():
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


def latest(searcher: Any, *, limit: int = 20, facets: bool = False) -> SearchResult:
    """The newest articles by publication date (undated last), reading only those shown.

    With `facets`, entities are counted over the FACET_DEPTH newest, as `search` counts them
    over its best hits.
    """
    depth = max(limit, FACET_DEPTH) if facets else limit
    results = searcher.search(Every(), limit=depth, sortedby="published_day", reverse=True)
    hits = [_hit(results[i], []) for i in range(min(limit, results.scored_length()))]
    counts = _facets(results) if facets else {}
    return SearchResult("", "", hits, searcher.doc_count(), facets=counts)


def _filter_query(filters: Filters | None) -> Query | None:
    if filters is None or filters.is_empty:
        return None
    clauses: list[Query] = [
        Term(f"{facet}_key", document.entity_key(name))
        for facet, names in filters.by_facet().items()
        for name in names
    ]
    first = timex.interval(filters.published_from) if filters.published_from else None
    last = timex.interval(filters.published_to) if filters.published_to else None
    if first or last:
        clauses.append(
            NumericRange(
                "published_day",
                # Explicit bounds: an open bound on this unsigned field matches everything
                # in Whoosh 2.7.5, and 0 marks an undated article, which a range excludes.
                _day_number(first[0]) if first else 1,
                _day_number(last[1]) if last else 29991231,
            )
        )
    return And(clauses) if len(clauses) > 1 else clauses[0]


def _day_number(day: date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def _facets(results: Any) -> dict[str, list[tuple[str, int]]]:
    """Entity names with the number of top hits that mention them, most frequent first.

    Spellings that fold to the same key ("Raúl Torrez", "Raul Torrez") count as one entity,
    shown in the spelling with accents, as the press writes it at its most careful.
    """
    counts: dict[str, dict[str, int]] = {facet: {} for facet in FACETS}
    shown: dict[str, str] = {}
    for i in range(min(FACET_DEPTH, results.scored_length())):
        stored = json.loads(results[i].get("facets") or "{}")
        for facet, names in stored.items():
            bucket = counts.setdefault(facet, {})
            for name in set(names):
                key = document.entity_key(name)
                bucket[key] = bucket.get(key, 0) + 1
                if key not in shown or (shown[key].isascii() and not name.isascii()):
                    shown[key] = name
    return {
        facet: sorted(
            ((shown[key], n) for key, n in bucket.items()), key=lambda item: (-item[1], item[0])
        )[:FACET_NAMES]
        for facet, bucket in counts.items()
    }


def _parse(parser: MultifieldParser, text: str, notes: list[str]) -> Query:
    """Parse repaired text; if Whoosh still cannot, search its plain words instead."""
    if not text:
        return NullQuery
    try:
        parsed: Query = parser.parse(text)
        return parsed
    except Exception:  # Whoosh's parser raises assorted errors on odd input
        log.warning("Query %r could not be parsed; searching its words", text, exc_info=True)
        words = " ".join(_WORD.findall(text))
        notes.append("The query could not be read as written, so its words were searched.")
        if not words:
            return NullQuery
        plain: Query = parser.parse(words)
        return plain


def _bound_expansions(query: Query, reader: Any, vocabulary: Vocabulary, notes: list[str]) -> Query:
    """Replace each prefix, wildcard or fuzzy word by the words it matches (the most common).

    Whoosh would otherwise OR together every word the pattern matches ("ab*" matched
    thousands of words and took over 4 s at 10,000 articles), and expand it again, from
    disk, when the hits are counted.
    """
    if isinstance(query, Prefix | Wildcard | FuzzyTerm):
        field = query.fieldname
        if isinstance(query, Prefix):
            found = vocabulary.starting_with(reader, field, query.text)
            pattern = f"“{query.text}*”"
        elif isinstance(query, FuzzyTerm):
            found = vocabulary.within(reader, field, query.text, query.maxdist, query.prefixlength)
            pattern = f"“{query.text}~{query.maxdist}”"
        else:
            matched = itertools.islice(query._btexts(reader), MAX_SCANNED)
            found = {word: reader.doc_frequency(field, word) for word in matched}
            pattern = f"“{query.text}”"
        words = list(found)
        if len(words) > MAX_EXPANSIONS:
            words = heapq.nlargest(MAX_EXPANSIONS, words, key=found.__getitem__)
            notes.append(
                f"Many words match {pattern}; the {MAX_EXPANSIONS} most common were searched."
            )
        if not words:
            return NullQuery
        expanded = Or([Term(field, word, boost=query.boost) for word in sorted(words)])
        # Scores of many words are summed in arrays, not through a tree of matchers that
        # steps once per article and word (3x faster for "comp*").
        expanded.matcher_type = Or.ARRAY_MATCHER
        return expanded
    if query.is_leaf():
        return query
    return query.apply(lambda sub: _bound_expansions(sub, reader, vocabulary, notes))


def _parser(schema: Any) -> MultifieldParser:
    parser = MultifieldParser(SEARCH_FIELDS, schema, fieldboosts={"title": 2.5, "names": 0.5})
    parser.add_plugin(FuzzyTermPlugin())
    for plugin in (BoostPlugin, RangePlugin, GtLtPlugin):
        parser.remove_plugin_class(plugin)
    return parser


def _split_dates(text: str, today: date) -> tuple[str, list[QueryDate], list[str], list[str]]:
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


def _date_query(dates: list[QueryDate], fields: list[str]) -> Query:
    if not dates:
        return NullQuery
    clauses = []
    for item in dates:
        terms = dateblocks.query_terms(item.first, item.last)
        clauses.append(Or([Term(field, term) for field in fields for term in terms]))
    return clauses[0] if len(clauses) == 1 else And(clauses)


def _hit(hit: Any, dates: list[QueryDate]) -> Hit:
    fields = hit.fields()
    shown = _date_snippet(fields, dates) if dates else ""
    if not shown:
        shown = _words_snippet(hit, fields)
    if not shown:
        shown = escape(" ".join(fields.get("body", "").split()[:40]))
    return Hit(
        article_id=fields["id"],
        path=Path(fields["path"]),
        title=fields["title"],
        published=fields.get("published") or None,
        score=float(hit.score or 0.0),
        snippet=" ".join(_MARKDOWN_PREFIX.sub("", shown).split()),
        source=fields.get("source"),
        author=fields.get("author"),
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


def _date_snippet(fields: dict[str, Any], dates: list[QueryDate]) -> str:
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


def _suggest(searcher: Any, vocabulary: Vocabulary, text: str) -> str | None:
    """Spell a misspelled word the way the index spells it ("Torez" → "Torrez")."""
    changed = False
    words = []
    for word in text.split():
        bare = word.strip('()"').lower()
        if _is_unknown_word(searcher, bare):
            option = _closest(searcher.reader(), vocabulary, bare)
            if option:
                word = word.lower().replace(bare, option)
                changed = True
        words.append(word)
    return " ".join(words) if changed else None


def _closest(reader: Any, vocabulary: Vocabulary, word: str) -> str | None:
    """The most common word one edit away, else two; the first letter is taken as typed."""
    for maxdist in (1, 2):
        found = vocabulary.within(reader, "body", word, maxdist, prefixlength=1)
        found.pop(word, None)
        if found:
            return min(found, key=lambda option: (-found[option], option))
    return None


def _is_unknown_word(searcher: Any, word: str) -> bool:
    if len(word) < 3 or word.upper() in ("AND", "OR", "NOT") or not _WORD.fullmatch(word):
        return False
    return not (searcher.doc_frequency("body", word) or searcher.doc_frequency("title", word))
