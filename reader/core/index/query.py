"""User text → SearchResult: the only module that opens a searcher.

Words search title, body and entity names; dates in the query search the publication date
and every date the articles mention (see dateblocks.py).
"""

from __future__ import annotations

import heapq
import itertools
import logging
from datetime import date
from typing import Any

from whoosh import collectors
from whoosh.qparser import FuzzyTermPlugin, MultifieldParser
from whoosh.qparser.plugins import BoostPlugin, GtLtPlugin, RangePlugin
from whoosh.query import (
    And,
    Every,
    FuzzyTerm,
    NullQuery,
    Or,
    Prefix,
    Query,
    Term,
    Wildcard,
)

from reader.core.index import (
    cite_terms,
    date_terms,
    docket_terms,
    filtering,
    hits,
    query_repair,
    suggestions,
)
from reader.core.index.filters import Filters
from reader.core.index.search_result import SearchResult
from reader.core.index.vocabulary import Vocabulary

log = logging.getLogger(__name__)

SEARCH_FIELDS = ["title", "body", "names"]
# A prefix or wildcard searches at most this many of the words it matches (the most common).
MAX_EXPANSIONS = 24
MAX_SCANNED = 20_000


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
    words, cited = cite_terms.split_citations(text)
    words, dockets = docket_terms.split_dockets(words)
    exact = filters.exact_dates if filters else False
    words, dated, notes = date_terms.split_dates(words, today, exact=exact)
    dates = dated.dates
    repaired = query_repair.repair(words)
    notes += repaired.notes
    parser = _parser(searcher.schema)
    word_query = _parse(parser, repaired.text, notes)
    date_query = date_terms.date_query(dated)
    docket_query = docket_terms.docket_query(dockets)
    cite_query = cite_terms.cite_query(cited)
    filter_query = filtering.filter_query(filters)
    queries = (word_query, date_query, docket_query, cite_query)
    parts = [q for q in queries if q is not NullQuery]
    searched = " ".join([repaired.text] + [d.label for d in dates] + dockets + cited).strip()
    if not parts and filter_query is None:
        return SearchResult(text, searched, notes=notes, dates=[d.label for d in dates])
    final = parts[0] if len(parts) == 1 else And(parts) if parts else Every()
    depth = max(limit, filtering.FACET_DEPTH) if facets else limit
    final = _bound_expansions(final, searcher.reader(), vocabulary, notes)
    results = _top(searcher, final, max(1, depth), filter_query)
    counts, roles = filtering.facets_and_roles(results) if facets else ({}, {})
    counted = filtering.counted_ids(results) if facets else ()
    # Snippets are the expensive part: build them only for the rows that are returned.
    shown = [hits.hit(results[i], dated) for i in range(min(limit, results.scored_length()))]
    total = len(results)
    suggestion = None
    if total == 0 or len(shown) < 3:
        suggestion = suggestions.suggest(searcher, vocabulary, repaired.text)
    # Each field gets its own copy of a word, so the same note can arise three times.
    notes = list(dict.fromkeys(notes))
    searched_words = sorted(
        {str(word) for field, word in hits.shown_terms(final) if field in SEARCH_FIELDS}
    )
    return SearchResult(
        text,
        searched,
        shown,
        total,
        suggestion,
        notes,
        [d.label for d in dates],
        counts,
        searched_words,
        counted,
        roles,
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
    results.docterms, results.termdocs = hits.matched_terms(
        searcher, final, [docnum for _score, docnum in results.top_n]
    )
    return results


def latest(searcher: Any, *, limit: int = 20, facets: bool = False) -> SearchResult:
    """The newest articles by publication date (undated last), reading only those shown.

    With `facets`, entities are counted over the FACET_DEPTH newest (filtering.py), as `search`
    counts them over its best hits.
    """
    depth = max(limit, filtering.FACET_DEPTH) if facets else limit
    results = searcher.search(Every(), limit=depth, sortedby="published_day", reverse=True)
    shown = [hits.hit(results[i], None) for i in range(min(limit, results.scored_length()))]
    counts, roles = filtering.facets_and_roles(results) if facets else ({}, {})
    counted = filtering.counted_ids(results) if facets else ()
    return SearchResult(
        "", "", shown, searcher.doc_count(), facets=counts, counted=counted, roles=roles
    )


def _parse(parser: MultifieldParser, text: str, notes: list[str]) -> Query:
    """Parse repaired text; if Whoosh still cannot, search its plain words instead."""
    if not text:
        return NullQuery
    try:
        parsed: Query = parser.parse(text)
        return parsed
    except Exception:  # Whoosh's parser raises assorted errors on odd input
        log.warning("Query %r could not be parsed; searching its words", text, exc_info=True)
        words = " ".join(suggestions.WORD.findall(text))
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
