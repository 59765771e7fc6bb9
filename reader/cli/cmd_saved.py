"""`legal-reader saved add NAME QUERY`, `saved list`, `saved open NAME`: named searches."""

from __future__ import annotations

import argparse
import json
from typing import Any

from reader.cli import open_library
from reader.core.errors import WorkspaceInputError
from reader.core.library import Library
from reader.core.workspace import searches
from reader.core.workspace.items import SavedSearch


def register(subparsers: Any) -> None:
    """Add the `saved` command and its actions."""
    parser = subparsers.add_parser("saved", help="saved searches, with counts of new hits")
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="save a search under a name")
    add.add_argument("name")
    add.add_argument("query", nargs="+")
    listing = actions.add_parser("list", help="list saved searches with hit and new counts")
    opening = actions.add_parser("open", help="run a saved search and mark its hits as seen")
    opening.add_argument("name")
    remove = actions.add_parser("remove", help="forget a saved search")
    remove.add_argument("name")
    for action in (add, listing, opening, remove):
        action.add_argument("--json", action="store_true", help="print as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Do the chosen action."""
    library = open_library.open_library(args.library)
    workspace = library.workspace
    if args.action == "add":
        searches.save_search(workspace, args.name, " ".join(args.query))
        rows = [status(library, searches.saved_search(workspace, args.name))]
    elif args.action == "remove":
        _named(library, args.name)
        searches.delete_search(workspace, args.name)
        rows = []
    elif args.action == "open":
        saved = _named(library, args.name)
        row = status(library, saved)
        searches.opened(workspace, saved.name, library.saved_status(saved).ids)
        rows = [row]
    else:
        rows = [status(library, saved) for saved in searches.saved_searches(workspace)]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    elif args.action == "remove":
        print(f"Forgot the saved search {args.name!r}.")
    else:
        print("\n".join(_line(row) for row in rows) or "No saved searches yet.")
    return 0


def status(library: Library, saved: SavedSearch) -> dict[str, Any]:
    """The saved search with its current hit count and how many are new since last opened."""
    now = library.saved_status(saved)
    return {
        "name": saved.name,
        "query": saved.query,
        "hits": len(now.ids),
        "new": len(now.new),
        "last_opened": saved.last_opened,
    }


def _named(library: Library, name: str) -> SavedSearch:
    try:
        return searches.saved_search(library.workspace, name)
    except KeyError:
        raise WorkspaceInputError(f"There is no saved search called {name!r}.") from None


def _line(row: dict[str, Any]) -> str:
    opened = row["last_opened"] or "never opened"
    return f"{row['name']}\t{row['query']}\t{row['hits']} hits, {row['new']} new ({opened})"
