"""The Whoosh side: analysis, schema, index documents, date block terms, segments read in
place, vocabulary, query repair, queries, hits and snippets. `query` is the only module that
opens a searcher.
"""

from reader.core.index.filters import Filters
from reader.core.index.search_result import Hit, SearchResult

__all__ = ["Filters", "Hit", "SearchResult"]
