"""Searching with the user's own work: workspace query terms become an id filter."""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable

from reader.core.errors import ReaderError
from reader.core.index.filters import Filters
from reader.core.index.search_result import SearchResult
from reader.core.library.manifest import Manifest
from reader.core.workspace import query_terms
from reader.core.workspace.store import Workspace

log = logging.getLogger(__name__)


def narrow(
    workspace: Callable[[], Workspace], text: str, filters: Filters | None
) -> tuple[str, Filters | None]:
    """`text` without its `tag:`/`starred:`/`note:` terms, and `filters` narrowed to match them.

    `workspace` opens the workspace; it is called only when the query holds such a term, so
    a damaged workspace file never stops an ordinary search.
    """
    if not query_terms.TERM.search(text):
        return text, filters
    rest, terms = query_terms.split(text)
    ids = query_terms.resolve(workspace(), terms)
    if ids is None:
        return text, filters
    current = filters or Filters()
    if current.ids is not None:
        ids = ids & current.ids
    return rest, dataclasses.replace(current, ids=ids)


def follow(
    workspace: Workspace, before: Manifest, after: Manifest, body_of: Callable[[str], str]
) -> int:
    """Move tags, stars and notes to the new id of each file re-imported with new contents.

    Returns how many notes were re-anchored. A workspace that cannot be written is logged and
    left as it was: the import itself has already been committed and must not fail for it.
    """
    moved = 0
    try:
        for path, source in after.sources.items():
            old = before.sources.get(path)
            if old is not None and old.article_id != source.article_id:
                notes = workspace.reanchor(path, source.article_id, body_of(source.article_id))
                moved += len(notes)
    except ReaderError as error:
        log.warning("The workspace did not follow a re-import: %s", error)
    return moved


def source_path(manifest: Manifest, article_id: str) -> str:
    """The file `article_id` was imported from (what a re-import is matched by); "" if none."""
    for path, source in manifest.sources.items():
        if source.article_id == article_id:
            return path
    return ""


def as_typed(result: SearchResult, typed: str, words: str) -> SearchResult:
    """The result of searching `words`, told in terms of the query the user `typed`."""
    if typed == words:
        return result
    terms = " ".join(f"{t.field}:{t.value}" for t in query_terms.split(typed)[1])
    searched = f"{result.searched} {terms}".strip()
    return dataclasses.replace(result, query=typed, searched=searched)
