"""`legal-reader import-workspace IN.json` (and `export --workspace OUT.json`): move your work."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from reader.cli import open_library
from reader.core import durable
from reader.core.errors import ExportError, WorkspaceInputError
from reader.core.workspace import exchange


def register(subparsers: Any) -> None:
    """Add the `import-workspace` command."""
    parser = subparsers.add_parser(
        "import-workspace", help="restore tags, stars, notes and saved searches from a JSON file"
    )
    parser.add_argument("file", type=Path)
    parser.add_argument("--json", action="store_true", help="print the counts as JSON")
    parser.set_defaults(run=run)


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
