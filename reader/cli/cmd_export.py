"""`legal-reader export FILE --format html`: the article as the reader shows it, safe to send on."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reader.cli import cmd_workspace_file
from reader.core.entities import extraction
from reader.core.errors import ReaderError
from reader.core.ingest import reading as ingest
from reader.core.present import export


def register(subparsers: Any) -> None:
    """Add the `export` command."""
    parser = subparsers.add_parser("export", help="write a file as safe, highlighted HTML")
    parser.add_argument("file", type=Path, nargs="?")
    parser.add_argument(
        "--workspace", type=Path, metavar="OUT.json", help="save tags, notes and searches instead"
    )
    parser.add_argument("--format", choices=("html",), default="html", help="output format")
    parser.add_argument("-o", "--output", type=Path, help="write here instead of to stdout")
    parser.add_argument(
        "--no-entities", action="store_true", help="do not mark entities (no model is loaded)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Render the file (without importing it) and write a complete HTML page."""
    if args.workspace is not None:
        return cmd_workspace_file.export(args, args.workspace)
    if args.file is None:
        raise ReaderError("Name the file to export, or give --workspace OUT.json.")
    article = ingest.load_article(args.file)
    found = (
        []
        if args.no_entities
        else extraction.extract_article(article.body, extraction.anchor(article))
    )
    page = export.article_page(article, found)
    if args.output:
        export.save(args.output, page)
    else:
        sys.stdout.write(page)
    return 0
