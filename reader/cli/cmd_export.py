"""`legal-reader export FILE --format html`: the article as the reader shows it, safe to send on."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from reader.core.entities import extraction
from reader.core.ingest import reading as ingest
from reader.core.present import export


def register(subparsers: Any) -> None:
    """Add the `export` command."""
    parser = subparsers.add_parser("export", help="write a file as safe, highlighted HTML")
    parser.add_argument("file", type=Path)
    parser.add_argument("--format", choices=("html",), default="html", help="output format")
    parser.add_argument("-o", "--output", type=Path, help="write here instead of to stdout")
    parser.add_argument(
        "--no-entities", action="store_true", help="do not mark entities (no model is loaded)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Render the file (without importing it) and write a complete HTML page."""
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
