"""`legal-reader note ARTICLE "TEXT" --passage "words"`: a note, on a marked passage or not."""

from __future__ import annotations

import argparse
import json
from dataclasses import asdict
from typing import Any

from reader.cli import article_arg, open_library
from reader.core.errors import WorkspaceInputError
from reader.core.workspace.items import Note
from reader.core.workspace.store import COLOURS


def register(subparsers: Any) -> None:
    """Add the `note` command."""
    parser = subparsers.add_parser("note", help="add a note to an article, or list its notes")
    parser.add_argument("article", help="an imported file or an article id")
    parser.add_argument("text", nargs="?", help="the note (leave out to list the notes)")
    parser.add_argument("--passage", help="the words of the article the note is about")
    parser.add_argument("--colour", choices=COLOURS, default="yellow", help="mark colour")
    parser.add_argument("--json", action="store_true", help="print as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Add the note, or list the article's notes."""
    library = open_library.open_library(args.library)
    article, source = article_arg.find(library, args.article)
    workspace = library.workspace
    if args.text is None:
        notes = workspace.notes(article.id)
        if args.json:
            print(json.dumps([asdict(note) for note in notes], ensure_ascii=False, indent=2))
        else:
            print("\n".join(to_text(note) for note in notes) or "No notes on this article.")
        return 0
    start = end = 0
    if args.passage:
        start = article.body.find(args.passage)
        if start < 0:
            raise WorkspaceInputError(
                f"The words {args.passage!r} are not in {article.title!r}; copy them exactly."
            )
        end = start + len(args.passage)
    note = workspace.add_note(
        article.id, source, article.body, args.text, start=start, end=end, colour=args.colour
    )
    print(json.dumps(asdict(note), ensure_ascii=False) if args.json else to_text(note))
    return 0


def to_text(note: Note) -> str:
    """One line per note: number, colour, the marked words, the note, and a changed state."""
    marked = f' "{note.text}"' if note.text else " (whole article)"
    state = "" if note.state == "ok" else f" [{note.state}]"
    return f"#{note.id} {note.colour}{marked}: {note.note}{state}"
