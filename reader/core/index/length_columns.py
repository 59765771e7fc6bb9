"""Remember that a field has no length column, instead of asking the disk for every posting.

Whoosh 2.7.5's per-document reader looks up a field's length column each time a posting of
that field is written or scored; a field that keeps no lengths (our KEYWORD fields: dates,
names, dockets) is never remembered as such, so every one of its postings cost a `stat` of
the segment's files: 127,000 of them in a 5,000-file import (PERFORMANCE.md, phase 1).

`install()` is called once, by reader.core.index.whoosh_index, before any index is opened.
"""

from __future__ import annotations

from typing import Any

from whoosh.codec import whoosh3


def _cached_reader(self: Any, fieldname: str, column: Any) -> Any:
    try:
        return self._readers[fieldname]
    except KeyError:
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        self._readers[fieldname] = reader
        return reader


def install() -> None:
    """Make Whoosh remember missing length columns too (idempotent)."""
    whoosh3.W3PerDocReader._cached_reader = _cached_reader
