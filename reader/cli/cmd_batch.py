"""`legal-reader batch NAMES.txt`: many names searched at once, with the articles naming each."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from reader.cli import open_library
from reader.core import durable
from reader.core.errors import ExportError, WorkspaceInputError
from reader.core.library import batch_report
from reader.core.library.batch import NameRow
from reader.core.workspace import name_list
from reader.core.workspace.name_list import BatchName


def register(subparsers: Any) -> None:
    """Add the `batch` command."""
    parser = subparsers.add_parser(
        "batch",
        help="search a list of names at once (one a line, aliases after |)",
        description="Search a list of names at once: one name a line, other spellings after "
        "a |, blank lines and lines starting with # left out. Mentions are counted in titles "
        "and texts, folded as a search folds them.",
    )
    parser.add_argument("file", nargs="?", help="the list of names (- reads the standard input)")
    parser.add_argument(
        "--names",
        action="append",
        default=[],
        metavar="NAME",
        help='a name with its aliases, e.g. "Baldwin|Alec Baldwin" (may be repeated)',
    )
    parser.add_argument("--csv", type=Path, metavar="OUT.csv", help="save one row per article")
    parser.add_argument("--md", type=Path, metavar="OUT.md", help="save a Markdown report")
    parser.add_argument("--json", action="store_true", help="print the table as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print the table; save it as CSV or Markdown when asked."""
    names = _names(args)
    library = open_library.open_library(args.library)
    rows = library.batch_names(names)
    if args.csv:
        _save(args.csv, batch_report.to_csv(rows))
    if args.md:
        _save(args.md, batch_report.to_markdown(rows))
    if args.json:
        print(json.dumps(batch_report.to_json(rows), ensure_ascii=False, indent=2))
    else:
        print(to_text(rows))
    for path in (args.csv, args.md):
        if path:
            print(f"Saved {path}.", file=sys.stderr)
    return 0


def to_text(rows: list[NameRow]) -> str:
    """The table for a terminal: a line per name, its article titles indented beneath."""
    lines: list[str] = []
    for row in rows:
        aliases = f" (also {', '.join(row.aliases)})" if row.aliases else ""
        lines.append(
            f"{row.name}{aliases}: {_plural(len(row.articles), 'article')}, "
            f"{_plural(row.mentions, 'mention')}"
        )
        lines += [
            f"    {a.mentions:>4}  {a.title}  ({a.published or 'no date'})" for a in row.articles
        ]
    return "\n".join(lines)


def _names(args: argparse.Namespace) -> list[BatchName]:
    if args.file is None and not args.names:
        raise WorkspaceInputError("Give a file of names (or - for the standard input), or --names.")
    names: list[BatchName] = []
    if args.file == "-":
        names = name_list.parse_bytes(sys.stdin.buffer.read(), "on the standard input")
    elif args.file is not None:
        names = name_list.read(Path(args.file))
    names += name_list.parse_lines(args.names)
    if not names:
        raise WorkspaceInputError("The list of names is empty (only blank lines and # comments).")
    return names


def _save(path: Path, text: str) -> None:
    try:
        durable.write_atomically(path, text.encode("utf-8"), private=False)
    except OSError as error:
        raise ExportError(path, error.strerror or str(error)) from error


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"
