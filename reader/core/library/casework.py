"""Searching with the user's own work: workspace query terms become an id filter."""

from __future__ import annotations

import dataclasses
import json
import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from reader.core.errors import ReaderError
from reader.core.index.filters import Filters
from reader.core.index.search_result import SearchResult
from reader.core.library.manifest import Manifest
from reader.core.present.chronology import EventGroup
from reader.core.text import sentences
from reader.core.workspace import query_terms
from reader.core.workspace.items import Note, SavedSearch
from reader.core.workspace.store import Workspace

log = logging.getLogger(__name__)


def narrow(
    workspace: Callable[[], Workspace], text: str, filters: Filters | None
) -> tuple[str, Filters | None]:
    """`text` without its `tag:`/`starred:`/`note:` terms, and `filters` narrowed to match them.

    The tags and star of `filters` ("Narrow by") are resolved the same way. `workspace` opens
    the workspace; it is called only when the query or the filters need it, so a damaged
    workspace file never stops an ordinary search.
    """
    rest, terms = query_terms.split(text) if query_terms.TERM.search(text) else (text, [])
    if filters is not None:
        terms += [query_terms.WorkspaceTerm("tag", name) for name in filters.tags]
        terms += [query_terms.WorkspaceTerm("starred", "yes")] if filters.starred else []
    if not terms:
        return text, filters
    ids = query_terms.resolve(workspace(), terms)
    if ids is None:
        return text, filters
    current = filters or Filters()
    if current.ids is not None:
        ids = ids & current.ids
    return rest, dataclasses.replace(current, ids=ids)


@dataclass(frozen=True)
class Marks:
    """What the user put on one article: its star and its tags."""

    starred: bool = False
    tags: tuple[str, ...] = ()


def marks(workspace: Workspace, ids: Iterable[str]) -> dict[str, Marks]:
    """The star and tags of each of `ids` that has any."""
    wanted = set(ids)
    starred = workspace.starred() & wanted
    tags: dict[str, list[str]] = {}
    for article_id, name in workspace.read("SELECT article_id, name FROM tags ORDER BY name"):
        if article_id in wanted:
            tags.setdefault(str(article_id), []).append(str(name))
    return {
        article_id: Marks(article_id in starred, tuple(tags.get(article_id, ())))
        for article_id in starred | set(tags)
    }


def with_workspace_facets(result: SearchResult, workspace: Callable[[], Workspace]) -> SearchResult:
    """`result` with the user's tags ("tag") and stars ("starred") counted over its top hits.

    A workspace that cannot be read leaves the result as it was: the search still answers.
    """
    if not result.counted:
        return result
    try:
        found = marks(workspace(), result.counted)
    except ReaderError as error:
        log.warning("Tags were not counted: %s", error)
        return result
    tags: dict[str, int] = {}
    for mark in found.values():
        for name in mark.tags:
            tags[name] = tags.get(name, 0) + 1
    facets = dict(result.facets)
    facets["tag"] = sorted(tags.items(), key=lambda item: (-item[1], item[0].lower()))
    stars = sum(mark.starred for mark in found.values())
    facets["starred"] = [("Starred", stars)] if stars else []
    return dataclasses.replace(result, facets=facets)


@dataclass(frozen=True)
class SavedStatus:
    """A saved search as it stands now: its hits, and how many are new since last opened."""

    saved: SavedSearch
    ids: frozenset[str]

    @property
    def new(self) -> frozenset[str]:
        """Hits not seen when it was last opened (all of them if it never was)."""
        return self.ids - self.saved.seen if self.saved.last_opened else self.ids


def saved_filters(saved: SavedSearch) -> Filters | None:
    """The filters saved with a search (None when it has none)."""
    data = json.loads(saved.filters or "{}")
    if not data:
        return None
    known = {f.name for f in dataclasses.fields(Filters)} - {"ids"}
    values: dict[str, Any] = {
        k: tuple(v) if isinstance(v, list) else v for k, v in data.items() if k in known
    }
    return Filters(**values)


def filters_data(filters: Filters | None) -> dict[str, object]:
    """`filters` as JSON-ready values, to save with a search (the id set is not kept)."""
    if filters is None or filters.is_empty:
        return {}
    data = dataclasses.asdict(filters)
    data.pop("ids", None)
    return {k: list(v) if isinstance(v, tuple) else v for k, v in data.items() if v}


def follow(
    workspace: Callable[[], Workspace],
    before: Manifest,
    after: Manifest,
    body_of: Callable[[str], str],
) -> int:
    """Move tags, stars and notes to the new id of each file re-imported with new contents.

    Returns how many notes were re-anchored. A workspace that cannot be opened or written
    (damaged, locked) is logged and left as it was: the import itself has already been
    committed and must not fail for it. `workspace` opens it, only when a file changed.
    """
    moved = 0
    try:
        for path, source in after.sources.items():
            old = before.sources.get(path)
            if old is not None and old.article_id != source.article_id:
                notes = workspace().reanchor(path, source.article_id, body_of(source.article_id))
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


def notes_on_events(
    groups: Iterable[EventGroup], workspace: Workspace, bodies: dict[str, str]
) -> dict[tuple[str, int], list[Note]]:
    """The user's notes on each dated sentence of the chronology, keyed by (article id, start).

    A note sits on an event when its marked words overlap the sentence holding the date; a
    note on a whole article, or one whose words changed, sits on none.
    """
    found: dict[tuple[str, int], list[Note]] = {}
    notes: dict[str, list[Note]] = {}
    for group in groups:
        for event in group.events:
            body = bodies.get(event.article_id)
            if body is None or event.end <= event.start:
                continue
            if event.article_id not in notes:
                notes[event.article_id] = workspace.notes(event.article_id)
            start, end = sentences.sentence_span(body, event.start)
            on = [
                n
                for n in notes[event.article_id]
                if n.text and n.state != "stale" and n.start < end and n.end > start
            ]
            if on:
                found[(event.article_id, event.start)] = on
    return found
