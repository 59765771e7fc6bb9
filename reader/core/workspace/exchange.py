"""The workspace as JSON: `export --workspace` writes it, `import-workspace` restores it.

Article ids are content hashes, so the same file imported into another library has the same
id and its tags, star and notes come back; notes for articles the library lacks are counted.
"""

from __future__ import annotations

import json
from collections.abc import Container
from dataclasses import asdict, dataclass
from typing import Any

from reader.core.errors import WorkspaceInputError
from reader.core.workspace import searches
from reader.core.workspace.store import Workspace

VERSION = 1


@dataclass(frozen=True)
class Restored:
    """What `restore` brought back, and how many items name articles the library lacks."""

    tags: int
    stars: int
    notes: int
    searches: int
    missing: int


def dump(workspace: Workspace) -> dict[str, Any]:
    """Everything the user wrote, as plain JSON values."""
    paths = {str(a): str(p) for a, p in workspace.read("SELECT id, path FROM articles")}
    return {
        "version": VERSION,
        "articles": paths,
        "tags": [[str(a), str(n)] for a, n in workspace.read("SELECT * FROM tags ORDER BY 1, 2")],
        "stars": sorted(workspace.starred()),
        "notes": [asdict(note) for note in workspace.notes()],
        "searches": [
            {"name": s.name, "query": s.query, "filters": json.loads(s.filters)}
            for s in searches.saved_searches(workspace)
        ],
    }


def restore(workspace: Workspace, data: Any, known: Container[str]) -> Restored:
    """Add the dumped items whose article id is in `known`; existing items are kept."""
    if not isinstance(data, dict) or data.get("version") != VERSION:
        raise WorkspaceInputError("This file is not a workspace saved by Legal Case Reader.")
    paths: dict[str, str] = data.get("articles", {})
    counts = {"tags": 0, "stars": 0, "notes": 0, "missing": 0}
    try:
        with workspace.write() as db:
            for article_id, name in data.get("tags", []):
                if _count(counts, "tags", article_id in known):
                    db.execute("INSERT OR IGNORE INTO tags VALUES (?, ?)", (article_id, name))
            for article_id in data.get("stars", []):
                if _count(counts, "stars", article_id in known):
                    db.execute("INSERT OR IGNORE INTO stars VALUES (?)", (article_id,))
            for note in data.get("notes", []):
                if _count(counts, "notes", note["article_id"] in known) and not _has(db, note):
                    db.execute(
                        "INSERT INTO notes (article_id, path, text, start, end, before, after,"
                        " colour, note, created, updated, state)"
                        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        tuple(note[key] for key in _NOTE_KEYS),
                    )
            for article_id, path in paths.items():
                if article_id in known:
                    db.execute("INSERT OR IGNORE INTO articles VALUES (?, ?)", (article_id, path))
    except (KeyError, TypeError, ValueError) as error:
        raise WorkspaceInputError(
            f"This workspace file is incomplete or damaged ({error}); nothing was restored."
        ) from error
    for saved in data.get("searches", []):
        searches.save_search(workspace, saved["name"], saved["query"], saved.get("filters"))
    return Restored(
        counts["tags"],
        counts["stars"],
        counts["notes"],
        len(data.get("searches", [])),
        counts["missing"],
    )


_NOTE_KEYS = (
    "article_id",
    "path",
    "text",
    "start",
    "end",
    "before",
    "after",
    "colour",
    "note",
    "created",
    "updated",
    "state",
)


def _count(counts: dict[str, int], kind: str, known: bool) -> bool:
    counts[kind if known else "missing"] += 1
    return known


def _has(db: Any, note: dict[str, Any]) -> bool:
    """A note restored twice is kept once: same article, place, text and creation time."""
    row = db.execute(
        "SELECT 1 FROM notes WHERE article_id=? AND start=? AND note=? AND created=?",
        (note["article_id"], note["start"], note["note"], note["created"]),
    ).fetchone()
    return row is not None
