"""`legal-reader import-workspace IN.json` (and `export --workspace OUT.json`): move your work.

`legal-reader workspace` says what the workspace file holds (or that it is damaged), and
`workspace --start-empty` sets a damaged one aside, on the user's word (workspace/damage.py).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from reader.cli import open_library
from reader.core import durable
from reader.core.errors import ExportError, WorkspaceInputError
from reader.core.workspace import exchange, searches


def register(subparsers: Any) -> None:
    """Add the `import-workspace` command."""
    parser = subparsers.add_parser(
        "import-workspace", help="restore tags, stars, notes and saved searches from a JSON file"
    )
    parser.add_argument("file", type=Path)
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    parser.set_defaults(run=run)
    status = subparsers.add_parser(
        "workspace", help="what the workspace file holds; --start-empty if it is damaged"
    )
    status.add_argument(
        "--start-empty",
        action="store_true",
        help="move a damaged workspace file aside (it is kept) and start an empty one",
    )
    status.add_argument("--json", action="store_true", help="print as JSON")
    status.set_defaults(run=run_status)


def run(args: argparse.Namespace) -> int:
    """Restore what the file holds for the articles this library has."""
    try:
        data = json.loads(args.file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise WorkspaceInputError(
            f"{args.file.name} could not be read as JSON: {error}."
        ) from error
    library = open_library.open_library(args.library)
    known = {article.id for article in library.articles()}
    restored = exchange.restore(library.workspace, data, known)
    if args.json:
        print(json.dumps(restored.__dict__))
    else:
        print(
            f"Restored {restored.tags} tags, {restored.stars} stars, {restored.notes} notes and "
            f"{restored.searches} saved searches; {restored.missing} items are for articles "
            "this library does not hold."
        )
    return 0


def export(args: argparse.Namespace, path: Path) -> int:
    """Write the workspace of the library to `path` as JSON."""
    library = open_library.open_library(args.library)
    data = json.dumps(exchange.dump(library.workspace), ensure_ascii=False, indent=2)
    try:
        durable.write_atomically(path, data.encode("utf-8"), private=False)
    except OSError as error:
        raise ExportError(path, error.strerror or str(error)) from error
    print(f"Saved your tags, stars, notes and saved searches to {path}.")
    return 0


def run_status(args: argparse.Namespace) -> int:
    """Say what the workspace holds; with --start-empty, set a damaged one aside first."""
    library = open_library.open_library(args.library)
    moved = None
    if args.start_empty:
        moved = library.start_empty_workspace()
    workspace = library.workspace
    counts = {
        "path": str(workspace.path),
        "tags": sum(workspace.tag_counts().values()),
        "stars": len(workspace.starred()),
        "notes": len(workspace.notes()),
        "saved_searches": len(searches.saved_searches(workspace)),
        "damaged_file_moved_to": None if moved is None else str(moved),
    }
    if args.json:
        print(json.dumps(counts))
        return 0
    if moved is not None:
        print(f"The damaged workspace file was moved to {moved}; an empty workspace starts.")
    print(
        f"{workspace.path} holds {counts['tags']} tags, {counts['stars']} stars, "
        f"{counts['notes']} notes and {counts['saved_searches']} saved searches."
    )
    return 0
