"""Saved searches (with the ids seen when last opened, for "new since") and the search history."""

from __future__ import annotations

import json
from collections.abc import Iterable

from reader.core.errors import WorkspaceInputError
from reader.core.workspace.items import SavedSearch
from reader.core.workspace.store import Workspace, now


def save_search(
    workspace: Workspace, name: str, query: str, filters: dict[str, object] | None = None
) -> None:
    """Keep `query` under `name` (replacing one of that name)."""
    if not name.strip():
        raise WorkspaceInputError("A saved search needs a name.")
    with workspace.write() as db:
        db.execute(
            "INSERT OR REPLACE INTO saved VALUES (?, ?, ?, NULL, '[]', ?)",
            (name.strip(), query, json.dumps(filters or {}, sort_keys=True), now()),
        )


def saved_searches(workspace: Workspace) -> list[SavedSearch]:
    """Every saved search, by name."""
    rows = workspace.read("SELECT * FROM saved ORDER BY name")
    return [
        SavedSearch(
            str(n),
            str(q),
            str(f),
            None if o is None else str(o),
            frozenset(json.loads(str(s))),
            str(c),
        )
        for n, q, f, o, s, c in rows
    ]


def saved_search(workspace: Workspace, name: str) -> SavedSearch:
    """The saved search called `name` (KeyError when there is none)."""
    for saved in saved_searches(workspace):
        if saved.name == name:
            return saved
    raise KeyError(name)


def opened(workspace: Workspace, name: str, ids: Iterable[str]) -> set[str]:
    """Record that the saved search now finds `ids`; returns those new since last opened."""
    before = saved_search(workspace, name).seen
    now_ids = set(ids)
    with workspace.write() as db:
        db.execute(
            "UPDATE saved SET last_opened=?, seen=? WHERE name=?",
            (now(), json.dumps(sorted(now_ids)), name),
        )
    return now_ids - before


def delete_search(workspace: Workspace, name: str) -> None:
    """Forget a saved search."""
    with workspace.write() as db:
        db.execute("DELETE FROM saved WHERE name=?", (name,))


def remember_query(workspace: Workspace, query: str, keep: int = 200) -> None:
    """Add `query` to the history, keeping the newest `keep`."""
    with workspace.write() as db:
        db.execute("INSERT INTO history VALUES (?, ?)", (now(), query))
        db.execute(
            "DELETE FROM history WHERE rowid NOT IN"
            " (SELECT rowid FROM history ORDER BY rowid DESC LIMIT ?)",
            (keep,),
        )


def history(workspace: Workspace, limit: int = 20) -> list[str]:
    """The latest queries, newest first."""
    rows = workspace.read("SELECT query FROM history ORDER BY rowid DESC LIMIT ?", (limit,))
    return [str(row[0]) for row in rows]
