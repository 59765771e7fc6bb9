"""The nouns of the workspace: a marked passage (with its note) and a saved search."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Note:
    """A marked passage of an article, or a note on the whole article when `text` is empty.

    `before`/`after` keep a little context so the words can be found again after a re-import;
    `state` is "ok", "moved" (found elsewhere in the new text) or "stale" (the words changed).
    """

    id: int
    article_id: str
    path: str
    text: str
    start: int
    end: int
    before: str
    after: str
    colour: str
    note: str
    created: str
    updated: str
    state: str = "ok"


@dataclass(frozen=True)
class SavedSearch:
    """A search the user named; `seen` holds the article ids it found when last opened."""

    name: str
    query: str
    filters: str  # JSON of the filters, as the caller gave them
    last_opened: str | None
    seen: frozenset[str]
    created: str
