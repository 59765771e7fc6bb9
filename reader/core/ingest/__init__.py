"""Bytes on disk → Article: decoding, the formats (markdown, copied news text, saved pages),
datelines, and the parse guard that reads each file in a child process with a time limit.
"""

from reader.core.ingest.parse_guard import ParseGuard
from reader.core.ingest.reading import (
    SUFFIXES,
    article_id,
    find_article_files,
    load_article,
    parse_article,
)

__all__ = [
    "SUFFIXES",
    "ParseGuard",
    "article_id",
    "find_article_files",
    "load_article",
    "parse_article",
]
